//! One filing: what it is, who reports on which company, its two tables as
//! the form prints them, the footnotes, remarks and signatures, and the
//! analysis.
//!
//! [`filing_view`] writes it from the filing, its analysis and the input
//! text its spans point into, so it shows a filing whichever way it was
//! produced (parsed here or in a worker).

use filing_core::Input;
use filing_core::analysis::Analysis;
use filing_core::model::{Filing, Table};

use crate::analysis_view::analysis_view;
use crate::cards::{filing_card, issuer_card, owner_card};
use crate::footnotes::{footnote_anchor, footnote_mark};
use crate::html::Html;
use crate::origin::field_text;
use crate::transaction_table::{TableContext, transaction_table};

/// A filing as the form lays it out, with its analysis. `prefix` makes its
/// element ids unique on the page; `index` is its place in its input
/// (`data-filing`, for `crate::delegate`); `source` is the decoded input.
pub fn filing_view(
    html: &mut Html,
    (filing, analysis): (&Filing, &Analysis),
    source: Option<&Input>,
    prefix: &str,
    index: usize,
) {
    let title_id = format!("{prefix}-title");
    html.open(
        "section",
        &[
            ("class", "filing"),
            ("data-test", "filing"),
            ("data-filing", &index.to_string()),
            ("aria-labelledby", &title_id),
        ],
    );
    filing_heading(html, filing, &title_id);
    html.raw(r#"<div class="cards">"#);
    filing_card(html, filing, analysis);
    issuer_card(html, &filing.issuer);
    for owner in &filing.reporting_owners {
        owner_card(html, owner);
    }
    html.raw("</div>");
    let context = TableContext { filing, analysis, prefix };
    transaction_table(html, context, Table::NonDerivative);
    transaction_table(html, context, Table::Derivative);
    footnote_list(html, filing, prefix);
    closing(html, filing);
    analysis_view(html, filing, analysis, source, prefix);
    html.raw("</section>");
}

/// "Form 4 · period of report 05/13/2024", and the submission's accession number.
fn filing_heading(html: &mut Html, filing: &Filing, title_id: &str) {
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
    let issuer = filing.issuer.name.text();
    html.raw(r#"<header class="filing-heading">"#)
        .open("h2", &[("id", title_id)])
        .open("span", &[("data-test", "form-type")])
        .text("Form ")
        .text(form)
        .close("span");
    if !issuer.is_empty() {
        html.open("span", &[("class", "issuer-name")]).text(" · ").text(issuer).close("span");
    }
    html.close("h2").leaf("p", &[("class", "facts"), ("data-test", "filing-facts")], &facts.join(" · "));
    html.raw("</header>");
}

/// The "Explanation of Responses": each footnote, a target for its marks.
fn footnote_list(html: &mut Html, filing: &Filing, prefix: &str) {
    if filing.footnotes.is_empty() {
        return;
    }
    html.raw(r#"<section class="footnote-list"><h3>Explanation of responses</h3><ol>"#);
    for footnote in &filing.footnotes {
        html.open(
            "li",
            &[("data-test", "footnote"), ("id", &footnote_anchor(prefix, &footnote.id)), ("tabindex", "-1")],
        )
        .leaf("span", &[("class", "mark")], &footnote_mark(&footnote.id))
        .text(" ")
        .text(footnote.text.text())
        .close("li");
    }
    html.raw("</ol></section>");
}

/// Remarks and signatures.
fn closing(html: &mut Html, filing: &Filing) {
    html.raw(r#"<div class="closing">"#);
    if let Some(remarks) = &filing.remarks.value {
        html.raw(r#"<section class="remarks"><h3>Remarks</h3>"#)
            .leaf("p", &[("data-test", "remarks")], remarks)
            .raw("</section>");
    }
    if !filing.signatures.is_empty() {
        html.raw(r#"<section class="signatures"><h3>Signatures</h3><ul>"#);
        for signature in &filing.signatures {
            let date = signature.date.value.map(|d| d.to_us_string());
            html.raw(r#"<li data-test="signature"><span class="signature-name">"#);
            field_text(html, signature.name.value.as_deref(), signature.name.origin, "signature-name");
            html.raw(r#"</span><span class="signature-date">"#);
            field_text(html, date.as_deref(), signature.date.origin, "signature-date");
            html.raw("</span></li>");
        }
        html.raw("</ul></section>");
    }
    html.raw("</div>");
}
