//! Everything shown for one input: how it was recognised, the filings read
//! from it (or why none could be), and its diagnostics.

use std::sync::Arc;

use filing_core::detect::{Detection, Representation};
use filing_core::diagnostic::Severity;
use leptos::prelude::*;

use crate::diagnostics_panel::DiagnosticsPanel;
use crate::document::Document;
use crate::filing_view::FilingView;

/// One input and what was read from it.
#[component]
pub fn DocumentView(document: Arc<Document>) -> impl IntoView {
    let parsed = &document.parsed;
    let filings =
        parsed.filings.iter().map(|filing| view! { <FilingView filing=Arc::new(filing.clone()) /> });
    let nothing_read = parsed.filings.is_empty().then(|| {
        // The core's first error says why (e.g. that a representation is not read yet).
        let reason =
            parsed.diagnostics.iter().find(|d| d.severity == Severity::Error).map(|d| d.message.clone());
        view! { <NoFilingNotice detection=parsed.detection.clone() reason=reason /> }
    });
    view! {
        <article class="document" data-test="document">
            <header class="document-header">
                <h2 data-test="document-name">{document.name.clone()}</h2>
                <DetectionNote detection=parsed.detection.clone() />
            </header>
            {nothing_read}
            {filings.collect_view()}
            <DiagnosticsPanel document=document.clone() />
        </article>
    }
}

/// The representation the input was recognised as, and why.
#[component]
fn DetectionNote(detection: Detection) -> impl IntoView {
    view! {
        <p class="detection" data-test="detection">
            "Recognised as "
            <strong data-test="representation">{detection.representation.label()}</strong>
            ": "
            {detection.reasons.join("; ")}
        </p>
    }
}

/// Shown instead of tables when no filing could be read from an input.
#[component]
fn NoFilingNotice(detection: Detection, reason: Option<String>) -> impl IntoView {
    let headline = if detection.representation == Representation::Unknown {
        "This does not look like a Form 3, 4 or 5.".to_owned()
    } else {
        format!("Recognised as {}, but no filing could be read from it.", detection.representation.label())
    };
    view! {
        <section class="notice" data-test="no-filing" role="status">
            <p class="headline">{headline}</p>
            {reason.map(|reason| view! { <p data-test="no-filing-reason">{reason}</p> })}
            <p class="hint">
                "The ownership XML and the full EDGAR submission (.txt) of a filing are always read exactly."
            </p>
        </section>
    }
}
