//! The remarks and the signatures of PDF text without layout.
//!
//! The form ends with the remarks box (`Remarks:` and its text, page-wide
//! lines), then each signature — its name wrapped in a narrow box, then its
//! date — then the label `** Signature of Reporting Person`. In drawing
//! order:
//!
//! - a signature is its name's lines, then its date: on a line of its own
//!   or at the end of the name's last line (`Authorized 08/13/2025`); so
//!   each date ends one signature, in order;
//! - an empty remarks box leaves its label with the first signature's
//!   name: the lines after `Remarks:` are a name, not remarks, when the
//!   block after them is a date alone or when no other date follows;
//! - the extractor joins a word broken at a hyphen over two lines and drops
//!   the hyphen (`Attorney-in-` `fact` is written `Attorney-infact`), so a
//!   line longer than the name's box holds ([`BOX_WIDTH`]), or a word with
//!   a capital after a small letter, may have lost a hyphen.
//!
//! A name is read when it and its date are blocks of their own (blank
//! lines around them: a date alone on a line inside a block may stand
//! among its name's lines) and none of its lines may have lost a hyphen; otherwise it is marked uncertain, with a diagnostic.
//! Each date is read. When no date is found the header reader's signatures
//! are kept.

use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{Field, Filing, Origin, Signature};
use crate::repr::cells::{Cell, read_date};
use crate::repr::pdf::raw_table::{Block, may_lack_hyphen};
use crate::source::Span;

/// The most characters a line of a signature's name box holds in the
/// browser's print of the form; a longer line is two joined by the
/// extractor where a hyphen was dropped.
pub(crate) const BOX_WIDTH: usize = 32;

/// A line of the page's width: remarks' or footnotes' text, not a name's.
const PAGE_LINE: usize = 70;

/// Read the remarks and the signatures of one filing from its blocks (see
/// the module docs), replacing the header reader's.
pub(crate) fn settle(filing: &mut Filing, blocks: &[Block]) {
    let Some(tail) = tail(blocks) else { return };
    let signatures = signatures(&tail);
    if signatures.is_empty() {
        return;
    }
    let cover =
        tail.lines.iter().chain(tail.remarks.iter().map(|(c, _)| c)).map(|c| c.span).reduce(Span::cover);
    if let Some(cover) = cover {
        filing.diagnostics.retain(|d| !d.span.is_some_and(|s| cover.start <= s.start && s.end <= cover.end));
    }
    for signature in &signatures {
        if signature.name.origin == Origin::Uncertain {
            filing.diagnostics.push(Diagnostic::new(
                Code::ColumnUncertain,
                signature.name.span,
                format!(
                    "the signature's name {} was read from PDF text without layout, but its lines were broken around its date or may have lost a hyphen",
                    quote(signature.name.value.as_deref().unwrap_or_default())
                ),
            ));
        }
    }
    filing.signatures = signatures;
    if let Some((remarks, origin)) = tail.remarks {
        let value = Some(remarks.text).filter(|t| !t.is_empty());
        filing.remarks = Field { value, span: Some(remarks.span), origin, ..Field::default() };
    }
}

/// The lines of the signatures, and the remarks (`None` when the form's
/// tail has no `Remarks:`; empty text when the box is empty).
#[derive(Debug, Default)]
struct Tail {
    lines: Vec<Cell>,
    /// Where each block of the lines starts, in order.
    starts: Vec<u32>,
    /// The remarks, and whether they are read or in doubt (run together
    /// with a signature's lines).
    remarks: Option<(Cell, Origin)>,
}

/// Whether a block ends the signatures' lines, going back from the label:
/// remarks, footnotes, page-wide text, the print's title.
fn is_stop(block: &Block) -> bool {
    let first = block.lines.first().map(|c| c.text.as_str()).unwrap_or_default();
    first.starts_with("Remarks:")
        || first.starts_with("Explanation of Responses")
        || first.starts_with("SEC FORM")
        || is_numbered(first)
        || block.lines.iter().any(|c| c.text.len() > PAGE_LINE)
}

/// A footnote's number at the start of a line: `1.`, `(1)`.
fn is_numbered(text: &str) -> bool {
    let rest = text.trim_start_matches('(');
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    digits.len() < rest.len() && (digits.starts_with(". ") || digits.starts_with(')'))
}

fn tail(blocks: &[Block]) -> Option<Tail> {
    let (at, label) = blocks.iter().enumerate().find_map(|(i, b)| {
        let j =
            b.lines.iter().position(|c| c.text.to_ascii_lowercase().contains("signature of reporting"))?;
        Some((i, j))
    })?;
    // The label's block, up to the label, then the blocks before it.
    let own = &blocks[at].lines[..label];
    let mut pieces: Vec<&[Cell]> = Vec::new();
    // Whether the remarks' lines are a block of their own (not run together with a name).
    let mut apart = true;
    let stop = if own.first().is_some_and(|c| c.text.starts_with("Remarks:")) {
        apart = false;
        Some(own)
    } else {
        pieces.push(own);
        let stop = blocks[..at].iter().rev().find(|b| is_stop(b));
        pieces.extend(blocks[..at].iter().rev().take_while(|b| !is_stop(b)).map(|b| &b.lines[..]));
        stop.map(|b| &b.lines[..])
    };
    pieces.reverse();
    let starts = pieces.iter().filter_map(|p| p.first()).map(|c| c.span.start).collect();
    let mut tail = Tail { lines: pieces.concat(), starts, remarks: None };
    let Some((first, rest)) = stop.and_then(|s| s.split_first()) else { return Some(tail) };
    let Some(after) = first.text.strip_prefix("Remarks:") else { return Some(tail) };
    // The remarks box's lines: the label's rest, then its block's lines.
    let mut lines: Vec<Cell> = Vec::new();
    let after = after.trim_start();
    if !after.is_empty() {
        let start = first.span.end as usize - after.len();
        lines.push(Cell { text: after.to_owned(), span: Span::new(start, first.span.end as usize) });
    }
    lines.extend(rest.iter().cloned());
    let date_next = pieces.first().is_some_and(|p| matches!(p, [only] if read_date(&only.text).is_some()));
    let no_date = !tail.lines.iter().any(|c| trailing_date(&c.text).is_some());
    let narrow = lines.iter().all(|c| c.text.len() <= PAGE_LINE);
    let label_span = Span::new(first.span.start as usize, first.span.start as usize + "Remarks:".len());
    if !lines.is_empty() && narrow && (date_next || no_date) {
        // An empty remarks box: its lines are the first signature's name.
        tail.starts.insert(0, lines[0].span.start);
        lines.append(&mut tail.lines);
        tail.lines = lines;
        tail.remarks = Some((Cell { text: String::new(), span: label_span }, Origin::Read));
    } else {
        let span = lines.iter().map(|c| c.span).reduce(Span::cover).unwrap_or(label_span);
        let text = lines.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ");
        let origin = if apart { Origin::Read } else { Origin::Uncertain };
        tail.remarks = Some((Cell { text, span }, origin));
    }
    Some(tail)
}

/// A date at the end of a line (after a space, or glued to the word
/// before it), and where it starts.
fn trailing_date(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut start = bytes.len();
    while start > 0 && (bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b'/') {
        start -= 1;
    }
    // `Attorney-In12/06/2018`: the date is the last two digits before a slash and on.
    let candidate = &text[start..];
    let first_slash = candidate.find('/')?;
    let skip = first_slash.saturating_sub(2);
    let start = start + skip;
    read_date(&text[start..]).map(|_| start)
}

/// The signatures in the lines (see the module docs).
fn signatures(tail: &Tail) -> Vec<Signature> {
    let mut out: Vec<Signature> = Vec::new();
    let mut name: Vec<Cell> = Vec::new();
    let starts = |line: Option<&Cell>| line.is_none_or(|c| tail.starts.binary_search(&c.span.start).is_ok());
    for (k, line) in tail.lines.iter().enumerate() {
        let Some(at) = trailing_date(&line.text) else {
            name.push(line.clone());
            continue;
        };
        let date_start = line.span.start as usize + at;
        let date_span = Span::new(date_start, line.span.end as usize);
        // The date a block of its own after the name's block, or not.
        let apart = at == 0 && starts(Some(line)) && starts(tail.lines.get(k + 1)) && starts(name.first());
        if at > 0 {
            let text = line.text[..at].trim_end();
            name.push(Cell {
                text: text.to_owned(),
                span: Span::new(line.span.start as usize, line.span.start as usize + text.len()),
            });
        }
        let date = read_date(&line.text[at..]).map_or_else(Field::missing, |d| Field::read(d, date_span));
        out.push(signature(std::mem::take(&mut name), date, apart));
    }
    // Lines after the last date: a name broken around its date.
    if let Some(last) = out.last_mut()
        && !name.is_empty()
    {
        let text = format!("{} {}", last.name.value.as_deref().unwrap_or_default(), joined(&name).text);
        let span = name.iter().map(|c| c.span).fold(last.name.span.unwrap_or(last.span), Span::cover);
        last.name = Field { value: Some(text.trim().to_owned()), span: Some(span), ..Field::default() };
        last.name.origin = Origin::Uncertain;
        last.span = last.span.cover(span);
    }
    out
}

fn signature(name: Vec<Cell>, date: Field<crate::model::Date>, apart: bool) -> Signature {
    let cell = joined(&name);
    let span = date.span.map_or(cell.span, |d| if name.is_empty() { d } else { cell.span.cover(d) });
    let sure = apart
        && !name.is_empty()
        && name.iter().all(|c| c.text.len() <= BOX_WIDTH)
        && !may_lack_hyphen(&cell.text);
    let name = match (name.is_empty(), sure) {
        (true, _) => Field::missing(),
        (false, true) => Field::read(cell.text, cell.span),
        (false, false) => Field {
            value: Some(cell.text),
            span: Some(cell.span),
            origin: Origin::Uncertain,
            ..Field::default()
        },
    };
    Signature { span, name, date }
}

/// Lines joined into one cell with a space.
fn joined(lines: &[Cell]) -> Cell {
    let text = lines.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ");
    let span = lines.iter().map(|c| c.span).reduce(Span::cover).unwrap_or_default();
    Cell { text, span }
}

#[cfg(test)]
#[path = "raw_tail_tests.rs"]
mod tests;
