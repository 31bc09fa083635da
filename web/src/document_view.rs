//! Everything shown for one input: how it was recognised (and the choice to
//! read it as something else), the filings read from it or why none could
//! be, and the problems found while reading it.

use std::sync::Arc;

use filing_core::detect::{Detection, Representation};
use filing_core::diagnostic::Severity;
use leptos::prelude::*;

use crate::diagnostics_panel::DiagnosticsPanel;
use crate::document::Document;
use crate::filing_view::FilingView;

/// One input and what was read from it. `on_reparse` asks for the input to
/// be read again as the chosen representation (`None`: as detected).
#[component]
pub fn DocumentView(document: Arc<Document>, on_reparse: Callback<Option<Representation>>) -> impl IntoView {
    let parsed = &document.parsed;
    let filings = document
        .filings
        .iter()
        .zip(&document.analyses)
        .map(|(filing, analysis)| {
            view! { <FilingView filing=filing.clone() analysis=analysis.clone() source=document.input.clone() /> }
        })
        .collect_view();
    let nothing_read = document.filings.is_empty().then(|| {
        // The core's first error says why (e.g. that a representation is not read yet).
        let reason =
            parsed.diagnostics.iter().find(|d| d.severity == Severity::Error).map(|d| d.message.clone());
        view! { <NoFilingNotice detection=parsed.detection.clone() reason=reason /> }
    });
    // The input's own diagnostics, then each filing's parser diagnostics (the
    // checks of the analysis are with each filing's analysis).
    let diagnostics: Vec<_> = parsed
        .diagnostics
        .iter()
        .chain(document.filings.iter().flat_map(|f| &f.diagnostics))
        .cloned()
        .collect();
    let can_reparse = document.input.is_some();
    view! {
        <article class="document" data-test="document">
            <header class="document-header">
                <h2 data-test="document-name">{document.name.clone()}</h2>
                <DetectionNote
                    detection=parsed.detection.clone()
                    chosen=document.chosen
                    can_reparse=can_reparse
                    on_reparse=on_reparse
                />
            </header>
            {nothing_read}
            {filings}
            <DiagnosticsPanel
                diagnostics=diagnostics
                source=document.input.clone()
                title="Reading problems"
                empty="No problems found while reading the input."
            />
        </article>
    }
}

fn choice_value(representation: Option<Representation>) -> String {
    representation.map_or_else(|| "auto".to_owned(), |r| format!("{r:?}"))
}

/// The representation the input was recognised as, why, and the override.
#[component]
fn DetectionNote(
    detection: Detection,
    chosen: Option<Representation>,
    can_reparse: bool,
    on_reparse: Callback<Option<Representation>>,
) -> impl IntoView {
    let reasons = detection.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view();
    let auto_label = match chosen {
        Some(_) => "Detect automatically".to_owned(),
        None => format!("Detected: {}", detection.representation.label()),
    };
    let options = Representation::CHOOSABLE
        .into_iter()
        .map(|r| {
            view! { <option value=choice_value(Some(r)) selected=chosen == Some(r)>{format!("Read as {}", r.label())}</option> }
        })
        .collect_view();
    let exact = detection.representation.is_exact();
    view! {
        <div class="detection" data-test="detection">
            <p>
                <span class="badge" class:exact=exact class:lossy=!exact>
                    {if exact { "exact" } else { "lossy" }}
                </span>
                " Recognised as "
                <strong data-test="representation">{detection.representation.label()}</strong>
                {chosen.is_some().then_some(" (your choice)")}
            </p>
            <details class="reasons">
                <summary>"Why"</summary>
                <ul data-test="detection-reasons">{reasons}</ul>
            </details>
            {can_reparse.then(|| view! {
                <label class="override">
                    <span>"Read as"</span>
                    <select
                        data-test="representation-override"
                        on:change:target=move |event| {
                            let value = event.target().value();
                            let choice = Representation::CHOOSABLE.into_iter().find(|r| choice_value(Some(*r)) == value);
                            on_reparse.run(choice);
                        }
                    >
                        <option value="auto" selected=chosen.is_none()>{auto_label}</option>
                        {options}
                    </select>
                </label>
            })}
        </div>
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
                "The ownership XML and the full EDGAR submission (.txt) of a filing are always read exactly. If the input was recognised wrongly, choose what it is with \u{201c}Read as\u{201d}."
            </p>
        </section>
    }
}
