//! One filing: what it is, who reports on which company, its two tables, and
//! the footnotes, remarks and signatures below them.

use std::sync::Arc;

use filing_core::model::{Filing, Table};
use leptos::prelude::*;

use crate::cards::{IssuerCard, OwnerCard};
use crate::transaction_table::{TransactionTable, footnote_mark};

/// A filing as the form lays it out.
#[component]
pub fn FilingView(filing: Arc<Filing>) -> impl IntoView {
    let owners = filing
        .reporting_owners
        .iter()
        .map(|owner| view! { <OwnerCard owner=owner.clone() /> })
        .collect_view();
    view! {
        <section class="filing" data-test="filing">
            <FilingHeading filing=filing.clone() />
            <div class="cards">
                <IssuerCard issuer=filing.issuer.clone() />
                {owners}
            </div>
            <TransactionTable filing=filing.clone() table=Table::NonDerivative />
            <TransactionTable filing=filing.clone() table=Table::Derivative />
            <FootnoteList filing=filing.clone() />
            <Closing filing=filing />
        </section>
    }
}

/// "Form 4 · period of report 2025-08-11", and the submission's accession number.
#[component]
fn FilingHeading(filing: Arc<Filing>) -> impl IntoView {
    let form = filing.form_type().map_or("?", |f| f.as_str());
    let mut facts = Vec::new();
    if let Some(period) = filing.period_of_report.value {
        facts.push(format!("period of report {period}"));
    }
    if let Some(original) = filing.date_of_original_submission.value {
        facts.push(format!("amends the filing of {original}"));
    }
    if let Some(accession) = filing.accession_number() {
        facts.push(format!("accession {accession}"));
    }
    if let Some(schema) = &filing.schema_version.value {
        facts.push(format!("schema {schema}"));
    }
    view! {
        <header class="filing-heading">
            <h2 data-test="form-type">"Form " {form}</h2>
            <p class="facts" data-test="filing-facts">{facts.join(" · ")}</p>
        </header>
    }
}

/// The "Explanation of Responses".
#[component]
fn FootnoteList(filing: Arc<Filing>) -> impl IntoView {
    (!filing.footnotes.is_empty()).then(|| {
        let items = filing
            .footnotes
            .iter()
            .map(|footnote| {
                view! {
                    <li data-test="footnote">
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
                <ul>{items}</ul>
            </section>
        }
    })
}

/// Remarks and signatures.
#[component]
fn Closing(filing: Arc<Filing>) -> impl IntoView {
    let remarks = filing.remarks.value.clone().map(|remarks| {
        view! { <p class="remarks" data-test="remarks"><strong>"Remarks: "</strong>{remarks}</p> }
    });
    let signatures = filing
        .signatures
        .iter()
        .map(|signature| {
            let date = signature.date.value.map(|d| format!(", {d}")).unwrap_or_default();
            view! { <li data-test="signature">{signature.name.text().to_owned()}{date}</li> }
        })
        .collect_view();
    view! {
        {remarks}
        <ul class="signatures">{signatures}</ul>
    }
}
