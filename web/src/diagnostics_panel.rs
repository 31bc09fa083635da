//! A list of diagnostics: severity (a word and an icon, never colour
//! alone), stable code, message and help, and where in the input as
//! line:column — a button that opens the source view there
//! (`crate::delegate`, by [`diagnostic_request`]). A check that names table
//! cells rather than a span opens its first cell.

use std::sync::Arc;

use filing_core::Input;
use filing_core::diagnostic::{Diagnostic, Severity};
use filing_core::model::Filing;

use crate::html::Html;
use crate::source_view::SourceRequest;
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

/// Which list of diagnostics a panel shows, for finding one again from its
/// `data-diagnostics` ([`DiagnosticList::key`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagnosticList {
    /// An input's reading problems (`crate::document_view::reading_problems`).
    Reading,
    /// A filing's checks (its analysis's diagnostics).
    Checks,
}

impl DiagnosticList {
    /// The list's `data-diagnostics` value.
    pub fn key(self) -> &'static str {
        match self {
            DiagnosticList::Reading => "reading",
            DiagnosticList::Checks => "checks",
        }
    }

    /// The list a `data-diagnostics` value names.
    pub fn from_key(key: &str) -> Option<DiagnosticList> {
        [DiagnosticList::Reading, DiagnosticList::Checks].into_iter().find(|l| l.key() == key)
    }
}

/// The diagnostics of an input or a filing: `list` says which, `source` is
/// the input the spans point into, `filing` the filing whose cells they
/// name; `title` is the heading and `empty` what to say when there is nothing.
pub fn diagnostics_panel(
    html: &mut Html,
    diagnostics: &[&Diagnostic],
    list: DiagnosticList,
    source: Option<&Input>,
    filing: Option<&Filing>,
    (title, empty): (&str, &str),
) {
    html.raw(r#"<section class="diagnostics" data-test="diagnostics">"#);
    if diagnostics.is_empty() {
        html.leaf("h3", &[], title).leaf("p", &[("class", "none"), ("data-test", "no-diagnostics")], empty);
        html.raw("</section>");
        return;
    }
    let counts = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .filter_map(|severity| {
            let n = diagnostics.iter().filter(|d| d.severity == severity).count();
            (n > 0).then(|| format!("{n} {severity}{}", if n == 1 { "" } else { "s" }))
        })
        .collect::<Vec<_>>()
        .join(", ");
    html.open("h3", &[])
        .text(title)
        .leaf("span", &[("class", "count")], &format!(" — {counts}"))
        .close("h3")
        .open("ul", &[("data-diagnostics", list.key())]);
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        let severity = diagnostic.severity;
        let class = severity_class(severity);
        html.open("li", &[("data-test", "diagnostic"), ("class", class), ("data-severity", class)])
            .raw(r#"<span class="severity"><span aria-hidden="true">"#)
            .text(severity_icon(severity))
            .raw("</span> ")
            .text(&severity.to_string())
            .raw("</span> ")
            .leaf("code", &[("data-test", "diagnostic-code")], diagnostic.code.as_str());
        if let (Some(input), Some(span)) = (source, place(diagnostic, filing)) {
            let at = input.line_col(span.start).to_string();
            html.raw(" ").leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "location"),
                    ("data-test", "location"),
                    ("data-diagnostic", &index.to_string()),
                    ("title", "Show this place in the input"),
                ],
                &at,
            );
        }
        let rows = named_rows(diagnostic);
        if !rows.is_empty() {
            html.raw(" ").leaf("span", &[("class", "rows")], &rows.join(", "));
        }
        html.raw(" ").leaf(
            "span",
            &[("class", "message"), ("data-test", "diagnostic-message")],
            &diagnostic.message,
        );
        if let Some(help) = &diagnostic.help {
            html.leaf("span", &[("class", "help")], help);
        }
        html.raw("</li>");
    }
    html.raw("</ul></section>");
}

/// What the source view shows for a diagnostic; `None` when it has no place in `input`.
pub fn diagnostic_request(
    diagnostic: &Diagnostic,
    input: Arc<Input>,
    filing: Option<&Filing>,
) -> Option<SourceRequest> {
    let span = place(diagnostic, filing)?;
    Some(SourceRequest {
        input,
        span: Some(span),
        title: format!("{} {}", diagnostic.severity, diagnostic.code.as_str()),
        notes: [Some(diagnostic.message.clone()), diagnostic.help.clone()].into_iter().flatten().collect(),
    })
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
