//! Tables I and II read without their column headings: the headings were
//! garbled (a PDF's text run together, Markdown made from a PDF), so the
//! form's standard columns are assumed and each row's tokens are aligned
//! with them by what they look like ([`crate::repr::align`]).
//!
//! The lines are not the rows: a converter cuts a printed row into several
//! lines. A line of words only (no date, no amount) continues the row
//! above when it has as many cells, else it is left unplaced and the text
//! of its neighbours is put in doubt. A line of values only — no words, so
//! no title — is a piece of a row: a converter that lifts cells with a
//! superscript footnote mark onto a line of their own puts the code and
//! amount (`S(1) 600(2)`) above the rest of their row. Such a piece is
//! joined to the line below, cell by cell, when the two are cells of one
//! table (as many cells), together they make one complete row whose every
//! token has one column, and the row above already shows every column the
//! piece fills (so the piece cannot be its).

use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{Column, Row, Table};
use crate::repr::align::{Kind, tokens};
use crate::repr::grid::Line;
use crate::repr::table;

/// The rows of a table whose headings were garbled: lines with values are
/// rows; lines of words only are pieces of wrapped titles or natures whose
/// row is not certain — left out, with a diagnostic, and the text of the
/// rows around them marked uncertain.
pub(crate) fn read(
    data: &[Line],
    layout: &table::Layout,
    table: Table,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Row> {
    // Rows have a date or an amount; a line of the same table (as many
    // cells) with neither continues the row above, cell by cell.
    let data = join_lifted_pieces(data, layout, table);
    let mut lines: Vec<Line> = Vec::new();
    let mut loose: Vec<(usize, &Line)> = Vec::new();
    for line in &data {
        if has_values(line) {
            lines.push(line.clone());
        } else if let Some(prev) =
            lines.last_mut().filter(|p| p.cells.len() == line.cells.len() && line.cells.len() >= 3)
        {
            for (cell, more) in prev.cells.iter_mut().zip(&line.cells) {
                if !more.is_empty() {
                    cell.text = if cell.is_empty() {
                        more.text.clone()
                    } else {
                        format!("{} {}", cell.text, more.text)
                    };
                    cell.span = cell.span.cover(more.span);
                }
            }
        } else {
            loose.push((lines.len(), line));
        }
    }
    let mut pieces = Vec::new();
    for line in &lines {
        pieces.push(table::read_unheaded_row(line, layout, table, diags));
    }
    let mut rows: Vec<_> =
        table::join_pieces(pieces).into_iter().map(|r| table::doubt_unless_complete(r, table)).collect();
    for (at, line) in loose {
        diags.push(Diagnostic::new(
            Code::UnplacedContent,
            Some(line.span()),
            format!("the text {} between the rows of the table was not placed: which row it continues is not certain", quote(&line.text())),
        ));
        for k in [at.checked_sub(1), Some(at)].into_iter().flatten() {
            if let Some(row) = rows.get_mut(k) {
                table::doubt_text(row);
            }
        }
    }
    table::doubt_rows_together(&mut rows, table, diags);
    rows
}

/// Whether a line has a date or an amount (every row has one).
fn has_values(line: &Line) -> bool {
    line.filled().flat_map(tokens).any(|t| t.is_amount_or_date())
}

/// Whether a line is values only: a date or an amount, and no words (every
/// row has a title, so the line is a piece of one).
fn values_only(line: &Line) -> bool {
    let mut values = false;
    for t in line.filled().flat_map(tokens) {
        match t.kind {
            Kind::Text => return false,
            _ => values |= t.is_amount_or_date(),
        }
    }
    values
}

/// Two lines of one table joined cell by cell, the upper line's text first.
fn merge_cells(upper: &Line, lower: &Line) -> Line {
    let mut out = upper.clone();
    for (cell, more) in out.cells.iter_mut().zip(&lower.cells) {
        if more.is_empty() {
            continue;
        }
        cell.text = if cell.is_empty() { more.text.clone() } else { format!("{} {}", cell.text, more.text) };
        cell.span = cell.span.cover(more.span);
    }
    out
}

/// A line read on its own as a row, and whether every token found one column for certain.
fn trial(line: &Line, layout: &table::Layout, table: Table) -> (Row, bool) {
    let mut diags = Vec::new();
    let row = table::read_unheaded_row(line, layout, table, &mut diags);
    let clean = diags
        .iter()
        .all(|d| !matches!(d.code, Code::ColumnUncertain | Code::UnplacedContent | Code::CellUnreadable));
    (row, clean)
}

/// The columns a row shows something in (a value or footnotes).
fn shown(row: &Row) -> Vec<Column> {
    Column::ALL
        .into_iter()
        .filter(|&c| {
            let cell = row.cell(c);
            cell.has_value() || !cell.meta().0.is_empty()
        })
        .collect()
}

/// Join each piece of values only to the line below it where that makes
/// one certain row (see the module's documentation).
fn join_lifted_pieces(data: &[Line], layout: &table::Layout, table: Table) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(data.len());
    // The columns the last row line shows.
    let mut above: Option<Vec<Column>> = None;
    let mut i = 0;
    while i < data.len() {
        let line = &data[i];
        if values_only(line)
            && let Some(next) = data.get(i + 1)
            && next.cells.len() == line.cells.len()
            && line.cells.len() >= 3
            && has_values(next)
            && !values_only(next)
        {
            let piece = shown(&trial(line, layout, table).0);
            let fits_above = above.as_ref().is_some_and(|cols| piece.iter().any(|c| !cols.contains(c)));
            let joined = merge_cells(line, next);
            let (row, clean) = trial(&joined, layout, table);
            if !fits_above && clean && table::is_complete(&row) {
                above = Some(shown(&row));
                out.push(joined);
                i += 2;
                continue;
            }
        }
        if has_values(line) {
            above = Some(shown(&trial(line, layout, table).0));
        }
        out.push(line.clone());
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AcquiredDisposed, TransactionCode};
    use crate::repr::cells::{Cell, MarkStyle, canonical_marks};
    use crate::repr::columns::standard_slots;
    use crate::source::Span;

    /// A line of cells (footnote marks written `(1)`, as PDF converters do).
    fn line(cells: &[&str]) -> Line {
        let mut at = 0;
        Line::new(
            cells
                .iter()
                .map(|t| {
                    let text = canonical_marks(t, MarkStyle::Attached);
                    let cell = Cell::new(&text, Span::new(at, at + t.len()));
                    at += t.len() + 3;
                    cell
                })
                .collect(),
        )
    }

    fn layout() -> table::Layout {
        table::Layout { groups: vec![standard_slots(4, Table::NonDerivative).to_vec()] }
    }

    #[test]
    fn a_lifted_code_and_amount_join_the_row_below() {
        // A fictional table: the second row's code and amount, footnoted,
        // were lifted onto a line of their own above the rest of it.
        let data = [
            line(&["Common Stock", "", "03/04/2024", "", "S(1) 100(2)", "D $10.50", "900", "D", ""]),
            line(&["", "", "", "", "S(1) 250(2)", "", "", "", ""]),
            line(&["Common Stock", "", "03/04/2024", "", "", "D $10.75", "650", "D", ""]),
        ];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, &mut diags);
        assert_eq!(rows.len(), 2);
        let second = &rows[1];
        assert_eq!(second.transaction_code.copied(), Some(TransactionCode::S));
        assert_eq!(second.transaction_shares.decimal(), Some(250.into()));
        assert_eq!(second.transaction_acquired_disposed_code.copied(), Some(AcquiredDisposed::Disposed));
        assert_eq!(second.shares_owned_following_transaction.decimal(), Some(650.into()));
        assert!(second.transaction_shares.origin.is_read());
        assert!(rows[0].transaction_shares.origin.is_read(), "{diags:?}");
    }

    #[test]
    fn a_piece_the_row_above_may_lack_is_not_joined_below() {
        // The row above shows no amount: the piece may be its.
        let data = [
            line(&["Common Stock", "", "03/04/2024", "", "S(1)", "D $10.50", "900", "D", ""]),
            line(&["", "", "", "", "S(1) 250(2)", "", "", "", ""]),
            line(&["Common Stock", "", "03/04/2024", "", "", "D $10.75", "650", "D", ""]),
        ];
        let lines = join_lifted_pieces(&data, &layout(), Table::NonDerivative);
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn a_holding_line_is_read_as_a_holding() {
        let data = [line(&["Common Stock", "", "", "2,415", "I By Trust"])];
        let rows = read(&data, &layout(), Table::NonDerivative, &mut Vec::new());
        let row = &rows[0];
        assert_eq!(row.kind, crate::model::RowKind::Holding);
        assert_eq!(row.shares_owned_following_transaction.decimal(), Some(2415.into()));
        assert!(row.shares_owned_following_transaction.origin.is_read());
        assert!(row.transaction_shares.value.is_none());
    }
}
