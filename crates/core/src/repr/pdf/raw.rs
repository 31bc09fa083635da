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
//! must be checked. A signature is drawn as a block of its name's lines,
//! then a block of its date: the pair is read as one `name | date` line.
//! What the drawing order keeps is then read again from the text's blocks:
//! the owners' names and places and the period of report
//! ([`super::raw_boxes`]), the check marks ([`super::raw_checks`]), the
//! remarks and the signatures ([`super::raw_tail`]).

use crate::model::{Field, Filing, Origin};
use crate::repr::cells::{Cell, MarkStyle, read_date};
use crate::repr::form::Grid;
use crate::repr::grid::{Line, contains_ignore_case};
use crate::repr::pdf::layout::{PageLine, page_lines};
use crate::repr::pdf::raw_table;
use crate::source::Span;

/// Lay PDF text (without layout) out as lines of cells, one a line, for the
/// header, the footnotes and the signatures; Tables I and II are read from
/// the text's blocks ([`raw_table::blocks`] of the same text).
pub(crate) fn grid(text: &str, base: usize, blocks: &[raw_table::Block], marks: MarkStyle) -> Grid {
    let signed = signature_lines(blocks);
    let mut lines: Vec<Line> = Vec::new();
    for line in page_lines(text, base).into_iter().filter(|l| !l.is_blank()).map(PageLine::into_line) {
        let span = line.span();
        match signed.iter().find(|(cover, _)| cover.start <= span.start && span.end <= cover.end) {
            Some((cover, signature)) if cover.start == span.start => lines.push(signature.clone()),
            Some(_) => {}
            None => lines.push(line),
        }
    }
    let tables = raw_table::read_tables(blocks, marks);
    let whole_lines = blocks.iter().filter_map(|b| match b.lines.as_slice() {
        [only] => Some(only.span),
        _ => None,
    });
    Grid {
        lines,
        links: Vec::new(),
        marks,
        tables,
        scrambled_header: false,
        scrambled_tables: false,
        whole_lines: whole_lines.collect(),
    }
}

/// The signatures above each "Signature of Reporting Person" label: a
/// block of the name's lines, then a block of the date alone, as many
/// times as there are signatures. Each becomes one line `name | date` (as
/// the copied page has it), to stand in for the lines it covers.
fn signature_lines(blocks: &[raw_table::Block]) -> Vec<(Span, Line)> {
    let mut out = Vec::new();
    let is_date = |b: &raw_table::Block| b.lines.len() == 1 && read_date(&b.lines[0].text).is_some();
    let is_name = |b: &raw_table::Block| {
        let t = b.text();
        let numbered = t.starts_with(|c: char| c.is_ascii_digit() || c == '(');
        !numbered && !is_date(b) && !t.to_ascii_lowercase().contains("explanation of responses")
    };
    for (m, block) in blocks.iter().enumerate() {
        // The label's last word lies within one line (lines join at a space):
        // only a block with it is joined to be searched.
        let label = |text: &str| contains_ignore_case(text, "signature of reporting person");
        if !block.lines.iter().any(|l| contains_ignore_case(&l.text, "person")) || !label(&block.text()) {
            continue;
        }
        let mut k = m;
        while k >= 2 && is_date(&blocks[k - 1]) && is_name(&blocks[k - 2]) {
            let (name, date) = (&blocks[k - 2], &blocks[k - 1]);
            let name_span = name.lines.iter().map(|c| c.span).reduce(Span::cover).unwrap_or_default();
            let cover = name_span.cover(date.lines[0].span);
            let cells = vec![Cell { text: name.text(), span: name_span }, date.lines[0].clone()];
            out.push((cover, Line::new(cells)));
            k -= 2;
        }
    }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_is_its_name_block_then_its_date_block() {
        // Fictional end of a form, as drawn: footnote, name, date, label.
        let text = "Explanation of Responses:\n1. A fictional footnote.\n\n/s/ Jane Doe, Attorney-in-Fact\nfor John Roe\n\n01/02/2024\n\n** Signature of Reporting Person\nDate\n";
        let signed = signature_lines(&raw_table::blocks(text, 0));
        assert_eq!(signed.len(), 1);
        let texts: Vec<&str> = signed[0].1.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["/s/ Jane Doe, Attorney-in-Fact for John Roe", "01/02/2024"]);
        let grid = grid(text, 0, &raw_table::blocks(text, 0), MarkStyle::Attached);
        let lines: Vec<String> = grid.lines.iter().map(Line::text).collect();
        assert!(lines.iter().any(|l| l == "1. A fictional footnote."), "{lines:?}");
        assert!(!lines.iter().any(|l| l == "for John Roe"), "the name's lines are replaced: {lines:?}");
    }
}
