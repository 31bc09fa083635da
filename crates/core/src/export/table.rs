//! One table of a filing (Table I or Table II), in the form's column order,
//! as TSV, CSV, Markdown or JSON: what a person copies into a spreadsheet, a
//! document or a program.
//!
//! The columns are those of the printed form, left to right, with the cells
//! the form folds into one box (the transaction's form type, the swap flag,
//! the total value, the value owned after) beside the box they belong to; a
//! first column says whether the row is a transaction or a holding. Values
//! are as the model holds them: numbers as written, dates `YYYY-MM-DD`, flags
//! `1`/`0`, codes as their letter.
//!
//! - TSV: tab-separated, one line per row, for pasting into a spreadsheet; a
//!   line break inside a value becomes a space, and footnotes go to a last
//!   `Footnotes` column (`Price: F2; Shares: F1, F3`) so numbers stay numbers.
//! - CSV: the same cells, RFC 4180 (quoted when needed, CRLF line ends).
//! - Markdown: a pipe table, footnote marks after the value (`1500 (F1)`);
//!   `|` is escaped, a line break becomes a space.
//! - JSON: an array of rows, each `{"kind": …, "cells": {column: {"value": …,
//!   "footnotes": […]}}}` with the model's kebab-case column names.
//!
//! In TSV and CSV a text cell beginning with `=`, `+`, `-` or `@` gets a
//! leading `'`, so that a spreadsheet does not run it as a formula; numbers
//! are left alone.

use super::json::{Object, Value};
use super::one_line;
use crate::model::{Cell, Column, Filing, FootnoteId, Row, RowKind, Table};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Tab-separated values, for pasting into a spreadsheet.
    Tsv,
    /// Comma-separated values (RFC 4180).
    Csv,
    /// A Markdown pipe table.
    Markdown,
    /// JSON.
    Json,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Tsv, Format::Csv, Format::Markdown, Format::Json];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Tsv => "tsv",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }

    /// The media type, for a download.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Tsv => "text/tab-separated-values",
            Format::Csv => "text/csv",
            Format::Markdown => "text/markdown",
            Format::Json => "application/json",
        }
    }
}

/// The columns of `table` in the form's order.
pub fn columns(table: Table) -> &'static [Column] {
    use Column::*;
    match table {
        Table::NonDerivative => &[
            SecurityTitle,
            TransactionDate,
            DeemedExecutionDate,
            TransactionFormType,
            TransactionCode,
            EquitySwapInvolved,
            TransactionTimeliness,
            TransactionShares,
            TransactionAcquiredDisposedCode,
            TransactionPricePerShare,
            SharesOwnedFollowingTransaction,
            ValueOwnedFollowingTransaction,
            DirectOrIndirectOwnership,
            NatureOfOwnership,
        ],
        Table::Derivative => &[
            SecurityTitle,
            ConversionOrExercisePrice,
            TransactionDate,
            DeemedExecutionDate,
            TransactionFormType,
            TransactionCode,
            EquitySwapInvolved,
            TransactionTimeliness,
            TransactionShares,
            TransactionTotalValue,
            TransactionAcquiredDisposedCode,
            ExerciseDate,
            ExpirationDate,
            UnderlyingSecurityTitle,
            UnderlyingSecurityShares,
            UnderlyingSecurityValue,
            TransactionPricePerShare,
            SharesOwnedFollowingTransaction,
            ValueOwnedFollowingTransaction,
            DirectOrIndirectOwnership,
            NatureOfOwnership,
        ],
    }
}

/// `table` of `filing` in `format`.
pub fn export(filing: &Filing, table: Table, format: Format) -> String {
    let rows = filing.table(table);
    match format {
        Format::Tsv => delimited(table, rows, '\t', "\n"),
        Format::Csv => delimited(table, rows, ',', "\r\n"),
        Format::Markdown => markdown(table, rows),
        Format::Json => json(table, rows),
    }
}

/// The heading of the kind column.
const KIND: &str = "Kind";
/// The heading of the footnote column of TSV and CSV.
const FOOTNOTES: &str = "Footnotes";

fn kind(row: &Row) -> &'static str {
    match row.kind {
        RowKind::Transaction => "transaction",
        RowKind::Holding => "holding",
    }
}

/// A cell's value, or empty when the column does not apply to the row.
fn value(table: Table, row: &Row, column: Column) -> (String, Vec<FootnoteId>) {
    if !column.applies(table, row.kind) {
        return (String::new(), Vec::new());
    }
    let cell = row.cell(column);
    let (footnotes, _, _) = cell.meta();
    (cell.text().unwrap_or_default(), footnotes.to_vec())
}

fn is_number(cell: &Cell<'_>) -> bool {
    matches!(cell, Cell::Num(_))
}

fn delimited(table: Table, rows: &[Row], separator: char, newline: &str) -> String {
    let quote = |text: &str| -> String {
        if separator == ',' { csv_field(text) } else { one_line(text).into_owned() }
    };
    let mut lines = Vec::with_capacity(rows.len() + 1);
    let mut header = vec![KIND.to_owned()];
    header.extend(columns(table).iter().map(|c| quote(c.label())));
    header.push(FOOTNOTES.to_owned());
    lines.push(header.join(&separator.to_string()));
    for row in rows {
        let mut cells = vec![kind(row).to_owned()];
        let mut notes = Vec::new();
        for &column in columns(table) {
            let (text, footnotes) = value(table, row, column);
            cells.push(delimited_field(&text, is_number(&row.cell(column)), separator));
            if !footnotes.is_empty() {
                let ids: Vec<&str> = footnotes.iter().map(FootnoteId::as_str).collect();
                notes.push(format!("{}: {}", column.label(), ids.join(", ")));
            }
        }
        cells.push(quote(&notes.join("; ")));
        lines.push(cells.join(&separator.to_string()));
    }
    let mut out = lines.join(newline);
    out.push_str(newline);
    out
}

/// A cell as one field of a TSV (`separator` tab) or CSV (comma) line, as
/// [`export`] writes it, for tables built elsewhere (the web page's combined
/// table): text a spreadsheet would run as a formula made inert (numbers
/// left alone), then on one line (TSV) or quoted when needed (CSV).
pub fn delimited_field(text: &str, number: bool, separator: char) -> String {
    let text = if number { text.to_owned() } else { defuse(text) };
    if separator == ',' { csv_field(&text) } else { one_line(&text).into_owned() }
}

/// A text that a spreadsheet would read as a formula, made inert with a leading `'`.
fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() }
}

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
/// break, quotes doubled.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn markdown(table: Table, rows: &[Row]) -> String {
    let escape = |text: &str| one_line(text).replace('\\', "\\\\").replace('|', "\\|");
    let mut header = vec![KIND.to_owned()];
    header.extend(columns(table).iter().map(|c| escape(c.label())));
    let mut out = format!("| {} |\n", header.join(" | "));
    out.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
    for row in rows {
        let mut cells = vec![kind(row).to_owned()];
        for &column in columns(table) {
            let (text, footnotes) = value(table, row, column);
            let marks: String = footnotes.iter().map(|f| format!(" ({f})")).collect();
            cells.push(format!("{}{marks}", escape(&text)).trim().to_owned());
        }
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

fn json(table: Table, rows: &[Row]) -> String {
    let rows: Vec<Value> = rows
        .iter()
        .map(|row| {
            let mut cells = Object::new();
            for &column in columns(table) {
                let (text, footnotes) = value(table, row, column);
                let notes: Vec<Value> = footnotes.iter().map(|f| Value::from(f.as_str())).collect();
                let text = (!text.is_empty()).then_some(text);
                cells.insert(column.key(), Object::new().with("value", text).with("footnotes", notes).into());
            }
            Object::new().with("kind", kind(row)).with("cells", cells).into()
        })
        .collect();
    let mut out = Value::Array(rows).to_pretty();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn formulas_are_defused_in_text_only() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("Common Stock"), "Common Stock");
    }

    #[test]
    fn every_table_column_applies_to_its_table() {
        for table in [Table::NonDerivative, Table::Derivative] {
            for &column in columns(table) {
                let applies =
                    column.applies(table, RowKind::Transaction) || column.applies(table, RowKind::Holding);
                assert!(applies, "{column:?} in {table:?}");
            }
            let all = Column::ALL.iter().filter(|c| c.applies(table, RowKind::Transaction)).count();
            assert_eq!(columns(table).len(), all, "{table:?}: every applicable column, once");
        }
    }
}
