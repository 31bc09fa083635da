//! The diagnostics of one input: what could not be read or looks wrong, each
//! with its stable code and its place in the input as line:column.

use std::sync::Arc;

use filing_core::diagnostic::{Diagnostic, Severity};
use leptos::prelude::*;

use crate::document::Document;

/// Every diagnostic of an input, the input's own first, then each filing's.
#[component]
pub fn DiagnosticsPanel(document: Arc<Document>) -> impl IntoView {
    let parsed = &document.parsed;
    let all: Vec<&Diagnostic> =
        parsed.diagnostics.iter().chain(parsed.filings.iter().flat_map(|f| &f.diagnostics)).collect();
    if all.is_empty() {
        return view! {
            <section class="diagnostics" data-test="diagnostics">
                <p class="none" data-test="no-diagnostics">"No problems found."</p>
            </section>
        }
        .into_any();
    }
    let items = all
        .into_iter()
        .map(|diagnostic| {
            let severity = diagnostic.severity;
            let location = document.location(diagnostic);
            view! {
                <li data-test="diagnostic" class=severity_class(severity)>
                    <span class="severity">{severity.to_string()}</span>
                    " "
                    <code data-test="diagnostic-code">{diagnostic.code.as_str()}</code>
                    {location.map(|at| view! { " " <span class="location" data-test="location">{at}</span> })}
                    " "
                    <span data-test="diagnostic-message">{diagnostic.message.clone()}</span>
                    {diagnostic.help.clone().map(|help| view! { <span class="help">{help}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="diagnostics" data-test="diagnostics">
            <h3>"Diagnostics"</h3>
            <ul>{items}</ul>
        </section>
    }
    .into_any()
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}
