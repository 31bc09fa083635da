//! A list of diagnostics: severity (a word and an icon, never colour
//! alone), stable code, message and help, and where in the input as
//! line:column — a button that opens the source view there. A check that
//! names table cells rather than a span opens its first cell.

use std::sync::Arc;

use filing_core::Input;
use filing_core::diagnostic::{Diagnostic, Severity};
use filing_core::model::Filing;
use leptos::prelude::*;

use crate::source_view::{SourceRequest, SourceViewer, event_element};
use crate::transaction_table::table_name;

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "ℹ",
        Severity::Warning => "⚠",
        Severity::Error => "✖",
    }
}

/// Where a diagnostic points: its own span, or else the first cell it names.
fn place(diagnostic: &Diagnostic, filing: Option<&Filing>) -> Option<filing_core::source::Span> {
    diagnostic.span.or_else(|| {
        let filing = filing?;
        diagnostic.cells.iter().find_map(|cell| {
            let row = filing.table(cell.table).get(cell.row as usize)?;
            match cell.column {
                Some(column) => row.cell(column).meta().1.or(Some(row.span)),
                None => Some(row.span),
            }
        })
    })
}

/// "Table I row 2" for each row a diagnostic names.
fn named_rows(diagnostic: &Diagnostic) -> Vec<String> {
    let mut rows: Vec<String> =
        diagnostic.cells.iter().map(|c| format!("{} row {}", table_name(c.table), c.row + 1)).collect();
    rows.dedup();
    rows
}

/// The diagnostics of an input or a filing.
#[component]
pub fn DiagnosticsPanel(
    /// What to list, in order.
    diagnostics: Vec<Diagnostic>,
    /// The input the spans point into.
    source: Option<Arc<Input>>,
    /// The filing, when the diagnostics name its cells.
    #[prop(optional)]
    filing: Option<Arc<Filing>>,
    /// The heading.
    title: &'static str,
    /// What to say when there is nothing.
    empty: &'static str,
) -> impl IntoView {
    if diagnostics.is_empty() {
        return view! {
            <section class="diagnostics" data-test="diagnostics">
                <h3>{title}</h3>
                <p class="none" data-test="no-diagnostics">{empty}</p>
            </section>
        }
        .into_any();
    }
    let viewer = use_context::<SourceViewer>();
    let counts = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .filter_map(|severity| {
            let n = diagnostics.iter().filter(|d| d.severity == severity).count();
            (n > 0).then(|| format!("{n} {severity}{}", if n == 1 { "" } else { "s" }))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let items = diagnostics
        .into_iter()
        .map(|diagnostic| {
            let severity = diagnostic.severity;
            let span = place(&diagnostic, filing.as_deref());
            let location = source.as_ref().zip(span).map(|(input, span)| input.line_col(span.start).to_string());
            let rows = named_rows(&diagnostic);
            let jump = source.clone().zip(span).zip(viewer).map(|((input, span), viewer)| {
                let request = SourceRequest {
                    input,
                    span: Some(span),
                    title: format!("{} {}", severity, diagnostic.code.as_str()),
                    notes: [Some(diagnostic.message.clone()), diagnostic.help.clone()].into_iter().flatten().collect(),
                };
                let at = location.clone().unwrap_or_default();
                view! {
                    <button
                        type="button"
                        class="location"
                        data-test="location"
                        title="Show this place in the input"
                        on:click=move |event| viewer.show(request.clone(), event_element(&event))
                    >
                        {at}
                    </button>
                }
                .into_any()
            });
            // Without a source view (or a place), the location is plain text.
            let location = jump.or_else(|| {
                location.map(|at| view! { <span class="location" data-test="location">{at}</span> }.into_any())
            });
            view! {
                <li data-test="diagnostic" class=severity_class(severity) data-severity=severity_class(severity)>
                    <span class="severity">
                        <span aria-hidden="true">{severity_icon(severity)}</span>
                        " "
                        {severity.to_string()}
                    </span>
                    " "
                    <code data-test="diagnostic-code">{diagnostic.code.as_str()}</code>
                    {location.map(|l| view! { " " {l} })}
                    {(!rows.is_empty()).then(|| view! { " " <span class="rows">{rows.join(", ")}</span> })}
                    " "
                    <span class="message" data-test="diagnostic-message">{diagnostic.message.clone()}</span>
                    {diagnostic.help.clone().map(|help| view! { <span class="help">{help}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="diagnostics" data-test="diagnostics">
            <h3>{title} <span class="count">{format!(" — {counts}")}</span></h3>
            <ul>{items}</ul>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use filing_core::diagnostic::Code;
    use filing_core::model::{CellRef, Column, Row, Table};
    use filing_core::source::Span;

    use super::*;

    #[test]
    fn a_check_on_cells_points_at_its_first_cell() {
        let mut filing = Filing::default();
        let mut row = Row { span: Span::new(100, 200), ..Row::default() };
        row.transaction_shares.span = Some(Span::new(120, 124));
        filing.non_derivative_table.push(row);
        let check = Diagnostic::new(Code::ALL[0], None, "x").with_cells([
            CellRef { table: Table::NonDerivative, row: 0, column: Some(Column::TransactionShares) },
            CellRef { table: Table::NonDerivative, row: 0, column: Some(Column::TransactionPricePerShare) },
        ]);
        assert_eq!(place(&check, Some(&filing)), Some(Span::new(120, 124)));
        assert_eq!(named_rows(&check), ["Table I row 1"]);
        let whole_row = Diagnostic::new(Code::ALL[0], None, "x").with_cells([CellRef {
            table: Table::NonDerivative,
            row: 0,
            column: None,
        }]);
        assert_eq!(place(&whole_row, Some(&filing)), Some(Span::new(100, 200)));
        assert_eq!(place(&whole_row, None), None);
    }
}
