//! The human-readable summary of one filing.

use std::io::{self, Write};

use filing_core::model::{Column, Filing, FormType, Row, RowKind, Table, form_columns};

/// The columns shown: those the form prints (the core's layout, shared with
/// the web page), in its order, less those empty in every row.
fn columns(form: Option<FormType>, table: Table, rows: &[Row]) -> Vec<Column> {
    form_columns(form, table)
        .iter()
        .filter(|c| c.printed)
        .map(|c| c.column)
        .filter(|&column| {
            rows.iter().any(|row| {
                let cell = row.cell(column);
                column.applies(table, row.kind) && (cell.text().is_some() || !cell.meta().0.is_empty())
            })
        })
        .collect()
}

/// Write the summary of `filing`, read from `file`.
pub fn write(out: &mut impl Write, file: &str, filing: &Filing) -> io::Result<()> {
    let form = filing.document_type.value.map_or("?", |f| f.as_str());
    writeln!(out, "== {file}: Form {form} ({})", filing.representation)?;
    if let Some(accession) = filing.accession_number() {
        let filed = filing
            .submission
            .as_ref()
            .and_then(|s| s.filed_as_of_date.value)
            .map(|d| format!(", filed {d}"))
            .unwrap_or_default();
        writeln!(out, "Accession {accession}{filed}")?;
    }
    let issuer = &filing.issuer;
    writeln!(
        out,
        "Issuer: {} [{}] CIK {}",
        issuer.name.text(),
        issuer.trading_symbol.text(),
        issuer.cik.text()
    )?;
    if let Some(period) = filing.period_of_report.value {
        writeln!(out, "Period of report: {period}")?;
    }
    for owner in &filing.reporting_owners {
        let mut roles = Vec::new();
        let flag = |f: &filing_core::model::Field<bool>| f.value == Some(true);
        if flag(&owner.is_director) {
            roles.push("Director".to_owned());
        }
        if flag(&owner.is_officer) {
            roles.push(format!("Officer ({})", owner.officer_title.text()));
        }
        if flag(&owner.is_ten_percent_owner) {
            roles.push("10% Owner".to_owned());
        }
        if flag(&owner.is_other) {
            roles.push(format!("Other ({})", owner.other_text.text()));
        }
        writeln!(
            out,
            "Reporting owner: {} (CIK {}) {}",
            owner.name.text(),
            owner.cik.text(),
            roles.join(", ")
        )?;
    }
    for (table, title) in [(Table::NonDerivative, "Table I"), (Table::Derivative, "Table II")] {
        let rows = filing.table(table);
        if rows.is_empty() {
            continue;
        }
        writeln!(out, "{title}:")?;
        write_table(out, filing.form_type(), table, rows)?;
    }
    for footnote in &filing.footnotes {
        writeln!(out, "  ({}) {}", footnote.id, footnote.text.text())?;
    }
    if let Some(remarks) = &filing.remarks.value {
        writeln!(out, "Remarks: {remarks}")?;
    }
    for signature in &filing.signatures {
        let date = signature.date.value.map(|d| d.to_string()).unwrap_or_default();
        writeln!(out, "Signed: {} {date}", signature.name.text())?;
    }
    writeln!(out)
}

fn write_table(out: &mut impl Write, form: Option<FormType>, table: Table, rows: &[Row]) -> io::Result<()> {
    let columns = columns(form, table, rows);
    let mut grid: Vec<Vec<String>> = vec![columns.iter().map(|c| c.label().to_owned()).collect()];
    for row in rows {
        grid.push(
            columns
                .iter()
                .map(|&c| {
                    if !c.applies(table, row.kind) {
                        return if c == Column::TransactionCode && row.kind == RowKind::Holding {
                            "holding".to_owned()
                        } else {
                            String::new()
                        };
                    }
                    let cell = row.cell(c);
                    let (footnotes, _, _) = cell.meta();
                    let marks: String = footnotes.iter().map(|f| format!("({})", f)).collect();
                    format!("{}{marks}", cell.text().unwrap_or_default())
                })
                .collect(),
        );
    }
    let widths: Vec<usize> =
        (0..columns.len()).map(|i| grid.iter().map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
    for line in grid {
        let cells: Vec<String> = line.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
        writeln!(out, "  {}", cells.join("  ").trim_end())?;
    }
    Ok(())
}
