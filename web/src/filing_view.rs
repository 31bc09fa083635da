//! One filing: what it is, who reports on which company, its two tables as
//! the form prints them, the footnotes, remarks and signatures, and the
//! analysis.
//!
//! [`FilingView`] takes everything as props — the filing, its analysis and
//! the input text its spans point into — so it shows a filing whichever way
//! it was produced (parsed here or in a worker).

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use filing_core::Input;
use filing_core::analysis::Analysis;
use filing_core::model::{Filing, Table};
use leptos::prelude::*;

use crate::analysis_view::AnalysisView;
use crate::cards::{FilingCard, IssuerCard, OwnerCard};
use crate::footnotes::{footnote_anchor, footnote_mark};
use crate::origin::FieldText;
use crate::transaction_table::{TableContext, TransactionTable};

/// A prefix for the element ids of one filing view, unique on the page.
fn unique_prefix() -> Arc<str> {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("filing-{}", NEXT.fetch_add(1, Ordering::Relaxed)).into()
}

/// A filing as the form lays it out, with its analysis.
#[component]
pub fn FilingView(
    /// The filing.
    filing: Arc<Filing>,
    /// Its analysis ([`filing_core::analysis::analyze`]).
    analysis: Arc<Analysis>,
    /// The decoded input its spans point into; `None` disables "Show source".
    source: Option<Arc<Input>>,
) -> impl IntoView {
    let prefix = unique_prefix();
    let context = TableContext {
        filing: filing.clone(),
        analysis: analysis.clone(),
        source: source.clone(),
        prefix: prefix.clone(),
    };
    let owners = filing
        .reporting_owners
        .iter()
        .map(|owner| view! { <OwnerCard owner=owner.clone() /> })
        .collect_view();
    let title_id = format!("{prefix}-title");
    view! {
        <section class="filing" data-test="filing" aria-labelledby=title_id>
            <FilingHeading filing=filing.clone() prefix=prefix.clone() />
            <div class="cards">
                <FilingCard filing=filing.clone() analysis=analysis.clone() />
                <IssuerCard issuer=filing.issuer.clone() />
                {owners}
            </div>
            <TransactionTable context=context.clone() table=Table::NonDerivative />
            <TransactionTable context=context table=Table::Derivative />
            <FootnoteList filing=filing.clone() prefix=prefix.clone() />
            <Closing filing=filing.clone() />
            <AnalysisView filing=filing analysis=analysis source=source prefix=prefix />
        </section>
    }
}

/// "Form 4 · period of report 05/13/2024", and the submission's accession number.
#[component]
fn FilingHeading(filing: Arc<Filing>, prefix: Arc<str>) -> impl IntoView {
    let form = filing.form_type().map_or("?", |f| f.as_str());
    let mut facts = vec![format!("read from {}", filing.representation.label())];
    if let Some(accession) = filing.accession_number() {
        facts.push(format!("accession {accession}"));
    }
    if let Some(schema) = &filing.schema_version.value {
        facts.push(format!("schema {schema}"));
    }
    if filing.reporting_owners.len() > 1 {
        facts.push(format!("joint filing by {} reporting persons", filing.reporting_owners.len()));
    }
    let issuer = filing.issuer.name.text().to_owned();
    view! {
        <header class="filing-heading">
            <h2 id=format!("{prefix}-title")>
                <span data-test="form-type">"Form " {form}</span>
                {(!issuer.is_empty()).then(|| view! { <span class="issuer-name">" · " {issuer}</span> })}
            </h2>
            <p class="facts" data-test="filing-facts">{facts.join(" · ")}</p>
        </header>
    }
}

/// The "Explanation of Responses": each footnote, a target for its marks.
#[component]
fn FootnoteList(filing: Arc<Filing>, prefix: Arc<str>) -> impl IntoView {
    (!filing.footnotes.is_empty()).then(|| {
        let items = filing
            .footnotes
            .iter()
            .map(|footnote| {
                view! {
                    <li data-test="footnote" id=footnote_anchor(&prefix, &footnote.id) tabindex="-1">
                        <span class="mark">{footnote_mark(&footnote.id)}</span>
                        " "
                        {footnote.text.text().to_owned()}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="footnote-list">
                <h3>"Explanation of responses"</h3>
                <ol>{items}</ol>
            </section>
        }
    })
}

/// Remarks and signatures.
#[component]
fn Closing(filing: Arc<Filing>) -> impl IntoView {
    let remarks = filing.remarks.value.clone().map(|remarks| {
        view! {
            <section class="remarks">
                <h3>"Remarks"</h3>
                <p data-test="remarks">{remarks}</p>
            </section>
        }
    });
    let signatures = filing
        .signatures
        .iter()
        .map(|signature| {
            let date = signature.date.value.map(|d| d.to_us_string());
            view! {
                <li data-test="signature">
                    <span class="signature-name"><FieldText text=signature.name.value.clone() origin=signature.name.origin test="signature-name" /></span>
                    <span class="signature-date"><FieldText text=date origin=signature.date.origin test="signature-date" /></span>
                </li>
            }
        })
        .collect_view();
    let signed = (!filing.signatures.is_empty()).then(|| {
        view! {
            <section class="signatures">
                <h3>"Signatures"</h3>
                <ul>{signatures}</ul>
            </section>
        }
    });
    view! { <div class="closing">{remarks} {signed}</div> }
}
