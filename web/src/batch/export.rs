//! Exports of the combined table: the rows shown (filtered and sorted) as
//! TSV, CSV or JSON, and the SEC's data-set tables of the filings they come
//! from, as one ZIP of eight TSV files.
//!
//! TSV and CSV have the combined table's columns, then `Kind` (transaction
//! or holding) and `Footnotes` (`Price: F2; Shares: F1`, the ids of the
//! filing the row comes from); cells are as the model holds them (numbers
//! as written), written as the core writes one filing's table
//! ([`filing_core::export::table`]). JSON is an array of rows, each with its
//! input, form, issuer, owners, table, kind, and cells keyed by column, every
//! footnote with its text (ids alone are ambiguous across filings).
//!
//! The SEC layout is per filing (a submission, its owners, its rows, its
//! footnotes), so the ZIP holds every filing with at least one row shown,
//! whole; with no filter, every filing of the batch, rows or not.

use filing_core::export::json::{Object, Value};
use filing_core::export::sec::{DataSet, SecTable, accession_in_name};
use filing_core::export::table::{Format, delimited_field};
use filing_core::model::{Cell, Filing, FootnoteId, RowKind, Table};

use super::query::Subject;
use super::rows::{Col, owner_names};
use super::zip;

/// The file name offered for an export of the combined table.
pub fn file_name(format: Format) -> String {
    format!("combined-transactions.{}", format.extension())
}

/// The name of the SEC data-set archive.
pub const SEC_ZIP_NAME: &str = "sec-insider-transactions.zip";

fn kind(subject: &Subject<'_>) -> &'static str {
    match subject.row.kind {
        RowKind::Transaction => "transaction",
        RowKind::Holding => "holding",
    }
}

fn table_label(table: Table) -> &'static str {
    match table {
        Table::NonDerivative => "I",
        Table::Derivative => "II",
    }
}

fn issuer_label(filing: &Filing) -> String {
    let name = filing.issuer.name.text().trim();
    match filing.issuer.trading_symbol.text().trim() {
        "" => name.to_owned(),
        ticker => format!("{name} ({ticker})"),
    }
}

/// A cell of `col` for `s`: its text, whether it is a number, its footnotes.
fn cell<'a>(col: Col, s: &Subject<'a>) -> (String, bool, &'a [FootnoteId]) {
    let filing = s.filing;
    let text = |t: &str| (t.to_owned(), false, &[][..]);
    match col {
        Col::Input => text(s.input),
        Col::Form => text(filing.form_type().map_or("", |f| f.as_str())),
        Col::Issuer => (issuer_label(filing), false, &[]),
        Col::Owner => (owner_names(filing), false, &[]),
        Col::Table => text(table_label(s.table)),
        _ => match col.cell().filter(|c| c.applies(s.table, s.row.kind)) {
            None => text(""),
            Some(column) => {
                let cell = s.row.cell(column);
                let (footnotes, _, _) = cell.meta();
                (cell.text().unwrap_or_default(), matches!(cell, Cell::Num(_)), footnotes)
            }
        },
    }
}

/// The rows of `subjects`, in order, as `format` (TSV, CSV or JSON; a
/// Markdown request gets TSV).
pub fn combined<'a>(subjects: impl IntoIterator<Item = Subject<'a>>, format: Format) -> String {
    match format {
        Format::Json => json_rows(subjects),
        Format::Csv => delimited(subjects, ',', "\r\n"),
        _ => delimited(subjects, '\t', "\n"),
    }
}

fn delimited<'a>(subjects: impl IntoIterator<Item = Subject<'a>>, separator: char, newline: &str) -> String {
    let separator_text = separator.to_string();
    let mut header: Vec<&str> = Col::ALL.iter().map(|c| c.label()).collect();
    header.extend(["Kind", "Footnotes"]);
    let mut out = header.join(&separator_text);
    out.push_str(newline);
    for s in subjects {
        let mut notes = Vec::new();
        let mut fields: Vec<String> = Col::ALL
            .iter()
            .map(|&col| {
                let (text, number, footnotes) = cell(col, &s);
                if !footnotes.is_empty() {
                    let ids: Vec<&str> = footnotes.iter().map(FootnoteId::as_str).collect();
                    notes.push(format!("{}: {}", col.label(), ids.join(", ")));
                }
                delimited_field(&text, number, separator)
            })
            .collect();
        fields.push(kind(&s).to_owned());
        fields.push(delimited_field(&notes.join("; "), false, separator));
        out.push_str(&fields.join(&separator_text));
        out.push_str(newline);
    }
    out
}

fn json_rows<'a>(subjects: impl IntoIterator<Item = Subject<'a>>) -> String {
    let rows: Vec<Value> = subjects
        .into_iter()
        .map(|s| {
            let filing = s.filing;
            let mut cells = Object::new();
            for col in Col::ROW {
                let (text, _, footnotes) = cell(col, &s);
                let footnotes: Vec<Value> = footnotes
                    .iter()
                    .map(|id| {
                        let text = filing.footnote(id).map(|f| f.text.text());
                        Object::new().with("id", id.as_str()).with("text", text).into()
                    })
                    .collect();
                let value = (!text.is_empty()).then_some(text);
                cells.insert(
                    col.key(),
                    Object::new().with("value", value).with("footnotes", footnotes).into(),
                );
            }
            let owners: Vec<Value> = filing
                .reporting_owners
                .iter()
                .map(|o| {
                    Object::new().with("name", o.name.text().trim()).with("cik", o.cik.text().trim()).into()
                })
                .collect();
            let issuer = &filing.issuer;
            Object::new()
                .with("input", s.input)
                .with("form", filing.form_type().map(|f| f.as_str()))
                .with("accession", accession(s.input, filing))
                .with(
                    "issuer",
                    Object::new()
                        .with("name", issuer.name.text().trim())
                        .with("ticker", issuer.trading_symbol.text().trim())
                        .with("cik", issuer.cik.text().trim()),
                )
                .with("owners", owners)
                .with("table", table_label(s.table))
                .with("kind", kind(&s))
                .with("cells", cells)
                .into()
        })
        .collect();
    let mut out = Value::Array(rows).to_pretty();
    out.push('\n');
    out
}

/// The filing's accession number: from its submission header, else from
/// the input's name, else none (the SEC tables leave it empty).
fn accession<'a>(input: &'a str, filing: &'a Filing) -> Option<&'a str> {
    filing.accession_number().or_else(|| accession_in_name(input))
}

/// The eight SEC data-set tables of `filings` (each with its input's name),
/// as a ZIP of `SUBMISSION.tsv`, `REPORTINGOWNER.tsv`, ….
pub fn sec_zip<'a>(
    filings: impl IntoIterator<Item = (&'a str, &'a Filing)>,
) -> Result<Vec<u8>, zip::TooLarge> {
    let mut set = DataSet::new();
    for (input, filing) in filings {
        set.add(filing, accession(input, filing).unwrap_or(""));
    }
    let files: Vec<(String, Vec<u8>)> =
        SecTable::ALL.iter().map(|&t| (t.file_name(), set.to_tsv(t).into_bytes())).collect();
    zip::store(&files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::fixtures;
    use crate::batch::rows::rows_of;

    fn with_subjects<T>(body: impl FnOnce(Vec<Subject<'_>>) -> T) -> T {
        let fictional = fixtures::fictional();
        let purchases = fixtures::parse(fixtures::PURCHASES);
        let batch = [("form4-fictional.xml", &fictional), ("0000000001-24-000001.xml", &purchases)];
        let subjects = batch
            .iter()
            .flat_map(|(input, parsed)| {
                parsed.filings.iter().flat_map(move |filing| {
                    rows_of(filing).map(move |(table, _, row)| Subject { input, filing, table, row })
                })
            })
            .collect();
        body(subjects)
    }

    #[test]
    fn tsv_has_a_header_and_one_line_per_row_with_the_values_as_written() {
        let tsv = with_subjects(|s| combined(s, Format::Tsv));
        let lines: Vec<&str> = tsv.lines().collect();
        assert_eq!(lines.len(), 7, "{tsv}");
        assert!(lines[0].starts_with("Input\tForm\tIssuer\tReporting owner\tTable\tSecurity\tDate\tCode\t"));
        assert!(lines[0].ends_with("\tKind\tFootnotes"));
        let sale: Vec<&str> = lines[2].split('\t').collect();
        assert_eq!(sale.len(), Col::ALL.len() + 2);
        assert_eq!(
            &sale[..8],
            [
                "form4-fictional.xml",
                "4",
                "EXAMPLE WIDGETS INC (XWID)",
                "Doe Jane Q",
                "I",
                "Common Stock",
                "2024-03-14",
                "S"
            ]
        );
        assert_eq!(sale[10], "47.1825");
        assert_eq!(sale[sale.len() - 2], "transaction");
        assert_eq!(sale[sale.len() - 1], "Code: F1; Price: F2");
        let spouse: Vec<&str> = lines[6].split('\t').collect();
        assert_eq!(spouse[10], "21.00", "the written scale is kept");
        assert_eq!(spouse[13], "By Spouse");
    }

    #[test]
    fn csv_quotes_fields_with_commas_and_ends_lines_with_crlf() {
        let csv = with_subjects(|s| combined(s.into_iter().skip(3).take(1), Format::Csv));
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines.len(), 3, "header, the option row, and the empty end");
        assert!(
            lines[1].contains(",\"Stock Option (right to buy)\",")
                || lines[1].contains(",Stock Option (right to buy),")
        );
        assert!(lines[1].contains(",12.40,"), "{}", lines[1]);
    }

    #[test]
    fn json_rows_carry_footnote_texts_and_the_accession_from_the_name() {
        let json = with_subjects(|s| combined(s, Format::Json));
        let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        assert_eq!(rows.len(), 6);
        let spouse = &rows[5];
        assert_eq!(spouse["accession"], "0000000001-24-000001");
        assert_eq!(spouse["issuer"]["ticker"], "XGAD");
        assert_eq!(spouse["owners"][0]["cik"], "0009990012");
        assert_eq!(spouse["cells"]["price"]["value"], "21.00");
        let note = &spouse["cells"]["nature"]["footnotes"][0];
        assert_eq!(note["id"], "F1");
        assert!(note["text"].as_str().unwrap().contains("gardener"));
        assert_eq!(rows[0]["accession"], serde_json::Value::Null);
        assert_eq!(rows[2]["kind"], "holding");
        assert_eq!(rows[2]["cells"]["shares"]["value"], serde_json::Value::Null);
    }

    #[test]
    fn the_sec_tables_come_as_one_zip_of_eight_files() {
        let purchases = fixtures::parse(fixtures::PURCHASES);
        let zip = sec_zip([("0000000001-24-000001.xml", &purchases.filings[0])]).unwrap();
        let text = String::from_utf8_lossy(&zip);
        for table in SecTable::ALL {
            assert!(text.contains(&table.file_name()), "{}", table.name());
        }
        // NONDERIV_TRANS: a header and the two purchases, under the accession from the name.
        assert!(text.contains("0000000001-24-000001\t1\tCommon Stock\t\t02-MAY-2024"), "{text}");
    }
}
