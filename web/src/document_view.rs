//! Everything shown for one input: how it was recognised (and the choice to
//! read it as something else), the filings read from it or why none could
//! be, and the problems found while reading it.
//!
//! Written as one string of HTML for every input shown ([`documents_html`]);
//! `crate::delegate` handles the "Read as" choice and the rest of its events.

use std::sync::Arc;

use filing_core::detect::{Detection, Representation};
use filing_core::diagnostic::{Diagnostic, Severity};

use crate::diagnostics_panel::{DiagnosticList, diagnostics_panel};
use crate::document::Document;
use crate::filing_view::filing_view;
use crate::html::Html;

/// Every input shown, each an `<article data-document="index">`.
pub fn documents_html(documents: &[Arc<Document>]) -> String {
    let mut html = Html::new();
    for (index, document) in documents.iter().enumerate() {
        document_view(&mut html, index, document);
    }
    html.finish()
}

/// The input's own diagnostics, then each filing's parser diagnostics (the
/// checks of the analysis are with each filing's analysis).
pub fn reading_problems(document: &Document) -> Vec<&Diagnostic> {
    document.parsed.diagnostics.iter().chain(document.filings.iter().flat_map(|f| &f.diagnostics)).collect()
}

/// One input and what was read from it.
fn document_view(html: &mut Html, index: usize, document: &Document) {
    let parsed = &document.parsed;
    let source = document.input.as_deref();
    html.open(
        "article",
        &[("class", "document"), ("data-test", "document"), ("data-document", &index.to_string())],
    )
    .raw(r#"<header class="document-header">"#)
    .leaf("h2", &[("data-test", "document-name")], &document.name);
    detection_note(html, &parsed.detection, document.chosen, source.is_some());
    html.raw("</header>");
    if document.filings.is_empty() {
        // The core's first error says why (e.g. that a representation is not read yet).
        let reason =
            parsed.diagnostics.iter().find(|d| d.severity == Severity::Error).map(|d| d.message.as_str());
        no_filing_notice(html, &parsed.detection, reason);
    }
    for (position, (filing, analysis)) in document.filings.iter().zip(&document.analyses).enumerate() {
        let prefix = format!("filing-{index}-{position}");
        filing_view(html, (filing, analysis), source, &prefix, position);
    }
    diagnostics_panel(
        html,
        &reading_problems(document),
        DiagnosticList::Reading,
        source,
        None,
        ("Reading problems", "No problems found while reading the input."),
    );
    html.close("article");
}

/// The value of the "Read as" option for `representation` (`None`: as
/// detected): its place in [`Representation::CHOOSABLE`].
fn choice_value(representation: Option<Representation>) -> String {
    representation
        .and_then(|r| Representation::CHOOSABLE.iter().position(|&c| c == r))
        .map_or_else(|| "auto".to_owned(), |n| n.to_string())
}

/// The representation a "Read as" option's value names (`None`: as detected).
pub fn parse_choice(value: &str) -> Option<Representation> {
    Representation::CHOOSABLE.into_iter().find(|r| choice_value(Some(*r)) == value)
}

/// The representation the input was recognised as, why, and the override.
fn detection_note(html: &mut Html, detection: &Detection, chosen: Option<Representation>, can_reparse: bool) {
    let exact = detection.representation.is_exact();
    html.raw(r#"<div class="detection" data-test="detection"><p>"#)
        .leaf(
            "span",
            &[("class", if exact { "badge exact" } else { "badge lossy" })],
            if exact { "exact" } else { "lossy" },
        )
        .text(" Recognised as ")
        .leaf("strong", &[("data-test", "representation")], detection.representation.label());
    if chosen.is_some() {
        html.text(" (your choice)");
    }
    html.raw(r#"</p><details class="reasons"><summary>Why</summary><ul data-test="detection-reasons">"#);
    for reason in &detection.reasons {
        html.leaf("li", &[], reason);
    }
    html.raw("</ul></details>");
    if can_reparse {
        let auto_label = match chosen {
            Some(_) => "Detect automatically".to_owned(),
            None => format!("Detected: {}", detection.representation.label()),
        };
        let selected = |yes: bool| if yes { "selected" } else { "" };
        html.raw(
            r#"<label class="override"><span>Read as</span><select data-test="representation-override">"#,
        )
        .leaf("option", &[("value", "auto"), ("selected", selected(chosen.is_none()))], &auto_label);
        for r in Representation::CHOOSABLE {
            html.leaf(
                "option",
                &[("value", &choice_value(Some(r))), ("selected", selected(chosen == Some(r)))],
                &format!("Read as {}", r.label()),
            );
        }
        html.raw("</select></label>");
    }
    html.raw("</div>");
}

/// Shown instead of tables when no filing could be read from an input.
fn no_filing_notice(html: &mut Html, detection: &Detection, reason: Option<&str>) {
    let headline = if detection.representation == Representation::Unknown {
        "This does not look like a Form 3, 4 or 5.".to_owned()
    } else {
        format!("Recognised as {}, but no filing could be read from it.", detection.representation.label())
    };
    html.raw(r#"<section class="notice" data-test="no-filing" role="status">"#).leaf(
        "p",
        &[("class", "headline")],
        &headline,
    );
    if let Some(reason) = reason {
        html.leaf("p", &[("data-test", "no-filing-reason")], reason);
    }
    html.raw(concat!(
        r#"<p class="hint">The ownership XML and the full EDGAR submission (.txt) of a filing are always read exactly. "#,
        "If the input was recognised wrongly, choose what it is with \u{201c}Read as\u{201d}.</p></section>"
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hostile_filing_comes_out_as_text() {
        // Every free-text field of this filing is markup or script.
        let xml = include_str!("../../tests/fixtures/form4-hostile.xml");
        let document =
            Document::from_text("</td><script>alert(1)</script>\"onmouseover=\"x.xml", xml.to_owned());
        assert_eq!(document.filings.len(), 1);
        let html = documents_html(&[Arc::new(document)]);
        for markup in
            ["<script", "<svg", "<img", "<iframe", "<style", "<form", "<input", "<b ", "href=\"javascript"]
        {
            assert!(!html.contains(markup), "{markup} came out as markup");
        }
        assert!(!html.contains("\"onmouseover="), "an attribute was closed early");
        assert!(
            html.contains("&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=&quot;x.xml")
        );
        assert!(html.contains("&lt;script&gt;window.__pwned=&#39;owner&#39;&lt;/script&gt;"));
    }
}
