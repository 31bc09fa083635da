//! PDF text without layout: the PDF's text in drawing order, a cell or a
//! wrapped piece of one per line.
//!
//! Not read by columns: each line is one cell, read by the shared form
//! reader (the header by its labels; the tables by aligning each line's
//! tokens with the form's standard columns). The drawing order keeps no
//! columns — Table II even comes column block by column block, the
//! header's boxes interleave — so every value read from the tables, the
//! owners' boxes, the remarks and the signatures' names is marked
//! uncertain, with a diagnostic: the values are shown, but their places
//! must be checked.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Column, Field, Filing, Origin, Table};
use crate::repr::align;
use crate::repr::cells::{Cell, MarkStyle, canonical_marks, split_marks};
use crate::repr::columns::is_heading_text;
use crate::repr::form::Grid;
use crate::repr::form::is_form_text;
use crate::repr::grid::Line;
use crate::repr::pdf::layout::page_lines;
use crate::repr::table::set_origin;

/// Lay PDF text (without layout) out as lines of cells; in the tables, the
/// lines of one row are gathered into one line of cells.
pub(crate) fn grid(text: &str, base: usize, marks: MarkStyle) -> Grid {
    let lines: Vec<Line> =
        page_lines(text, base).iter().filter(|l| !l.is_blank()).map(|l| l.line()).collect();
    Grid { lines: gather_rows(lines), links: Vec::new(), marks, tables: None }
}

/// Where a table's rows lie: after its "Table I/II" title, up to the next
/// section. Each row is gathered from its lines: a row's values (dates,
/// amounts, codes) follow its title; words after them are its nature of
/// ownership and the next row's title — the nature up to the line that
/// ends a footnote mark, or the first line.
fn gather_rows(lines: Vec<Line>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    let mut in_table = false;
    let mut row: Vec<Cell> = Vec::new();
    let mut words: Vec<Cell> = Vec::new();
    let mut has_values = false;
    let flush = |row: &mut Vec<Cell>, out: &mut Vec<Line>| {
        if !row.is_empty() {
            out.push(Line::new(std::mem::take(row)));
        }
    };
    for line in lines {
        let text = line.text().to_ascii_lowercase();
        let title = text.starts_with("table i");
        let ends = text.contains("name and address of reporting person")
            || text.starts_with("explanation of responses")
            || text.contains("signature of reporting person");
        if title || ends {
            row.append(&mut words);
            flush(&mut row, &mut out);
            has_values = false;
            in_table = title;
            out.push(line);
            continue;
        }
        if !in_table || is_heading_text(&line.text()) || is_form_text(&line) {
            out.push(line);
            continue;
        }
        let values = line.filled().flat_map(align::tokens).any(|t| t.is_value());
        if !values {
            words.extend(line.cells);
            continue;
        }
        if has_values && !words.is_empty() {
            let split = words
                .iter()
                .position(|c| !split_marks(&canonical_marks(&c.text, MarkStyle::Attached)).footnotes.is_empty())
                .map_or(1, |p| p + 1)
                .min(words.len().saturating_sub(1));
            let title = words.split_off(split);
            row.append(&mut words);
            flush(&mut row, &mut out);
            row = title;
        }
        row.append(&mut words);
        row.extend(line.cells);
        has_values = true;
    }
    row.append(&mut words);
    flush(&mut row, &mut out);
    out
}

/// A read value (even an empty one) marked uncertain.
fn doubt<T>(field: &mut Field<T>) {
    if field.origin.is_read() {
        field.origin = Origin::Uncertain;
    }
}

/// Mark every value read from the tables, the owners' boxes and the
/// signatures uncertain (see the module docs).
pub(crate) fn doubt_tables(filing: &mut Filing) {
    let mut count = 0;
    for table in [Table::NonDerivative, Table::Derivative] {
        let rows = match table {
            Table::NonDerivative => &mut filing.non_derivative_table,
            Table::Derivative => &mut filing.derivative_table,
        };
        for row in rows.iter_mut() {
            if row.security_title.value.is_none() && row.security_title.origin.is_read() {
                // A row gathered without its title.
                row.security_title.origin = Origin::Missing;
            }
            for column in Column::ALL {
                let cell = row.cell(column);
                if cell.meta().2.is_read() && (cell.text().is_some() || !cell.meta().0.is_empty()) {
                    set_origin(row, column, Origin::Uncertain);
                    count += 1;
                }
            }
        }
    }
    // The header's boxes and the signatures come in drawing order too.
    for owner in &mut filing.reporting_owners {
        for field in [
            &mut owner.name,
            &mut owner.address.street1,
            &mut owner.address.street2,
            &mut owner.address.city,
            &mut owner.address.state,
            &mut owner.address.zip_code,
            &mut owner.officer_title,
            &mut owner.other_text,
        ] {
            doubt(field);
        }
        for flag in [
            &mut owner.is_director,
            &mut owner.is_officer,
            &mut owner.is_ten_percent_owner,
            &mut owner.is_other,
        ] {
            doubt(flag);
        }
    }
    for signature in &mut filing.signatures {
        doubt(&mut signature.name);
    }
    doubt(&mut filing.remarks);
    if count > 0 {
        filing.diagnostics.push(
            Diagnostic::new(
                Code::ColumnUncertain,
                Some(filing.span),
                format!(
                    "PDF text without layout keeps no columns: the {count} values read from Tables I and II are uncertain"
                ),
            )
            .with_help("extract the PDF's text with its layout (pdftotext -layout), or paste the EDGAR page instead"),
        );
    }
}
