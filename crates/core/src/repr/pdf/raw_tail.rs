//! The remarks and the signatures of PDF text without layout.
//!
//! The form ends with the remarks box (`Remarks:` and its text, page-wide
//! lines), then each signature — its name wrapped in a narrow box, then its
//! date — then the label `** Signature of Reporting Person`. In drawing
//! order:
//!
//! - a signature's date is drawn beside the middle of its name: at the end
//!   of the name's middle line (`Authorized 08/13/2025`, after a space), or
//!   on a line of its own between two of the name's lines or after the
//!   middle one — so as many of the name's lines follow the date as come
//!   before it (the line it stands on counted), or one fewer; a date that
//!   is a block of its own (blank lines around it) comes after its whole
//!   name; blank lines from a page's break tell nothing. Where the dates
//!   stand thus tells where one name ends and the next begins, when only
//!   one way of cutting the lines fits. An older print draws the date
//!   after the label, over a `Date` label of its own: the one name is then
//!   all the lines before the label;
//! - names that each begin with a conformed signature (`/s/ Jane Roe,
//!   Managing Member`) are cut where each begins, when the lines begin
//!   with `/s/` once a date and each date stands among its name's lines or
//!   right after them ([`cut_at_signed`]): the dates alone may leave
//!   several cuts (a long name's lines around its date);
//! - an empty remarks box leaves its label with the first signature's
//!   name: the lines after `Remarks:` are a name, not remarks, when the
//!   block after them is a date alone or when no other lines follow (in
//!   doubt, with the date after the label, unless signed `/s/`); a page's
//!   break may part the remarks' text from its label;
//! - the extractor joins a word broken at a hyphen over two lines and drops
//!   the hyphen (`Attorney-in-` `fact` is written `Attorney-infact`), so a
//!   line longer than the name's box holds ([`BOX_WIDTH`]), or a word with
//!   a capital after a small letter that runs far enough along its line to
//!   have been broken ([`SHORTEST_FULL`]), may have lost a hyphen. The
//!   hyphen is put back where it is known: in the words of a signature by
//!   power of attorney (`Attorneyin-fact`, `Atty-inFact`), and before a
//!   date glued to a word (`attorney05/19/2020`: the date was drawn next).
//!
//! A name is read when the cut is known and none of its lines may have
//! lost a hyphen that was not put back; otherwise it is marked uncertain,
//! with a diagnostic.
//! Each date is read. When no date is found the header reader's signatures
//! are kept.

use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{Date, Field, Filing, Origin, Signature};
use crate::repr::align::push_wrapped;
use crate::repr::cells::{Cell, read_date};
use crate::repr::form;
use crate::repr::pdf::raw_table::Block;
use crate::source::Span;

/// The most characters a line of a signature's name box holds in the
/// browser's print of the form (34 seen, in narrow letters); a longer line
/// is two joined by the extractor where a hyphen was dropped.
pub(crate) const BOX_WIDTH: usize = 36;

/// A line of the page's width: remarks' or footnotes' text, not a name's.
pub(crate) const PAGE_LINE: usize = 70;

/// Read the remarks and the signatures of one filing from its blocks (see
/// the module docs), replacing the header reader's.
pub(crate) fn settle(filing: &mut Filing, blocks: &[Block]) {
    let Some(tail) = tail(blocks) else { return };
    end_footnotes(filing, &tail);
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
    form::trust_last_footnote(filing);
    if let Some((remarks, origin)) = tail.remarks {
        let value = Some(remarks.text).filter(|t| !t.is_empty());
        filing.remarks = Field { value, span: Some(remarks.span), origin, ..Field::default() };
    }
}

/// A footnote read on into the first name's lines (no blank line between
/// them in drawing order) ends where they begin: its text loses them.
fn end_footnotes(filing: &mut Filing, tail: &Tail) {
    let Some(first) = tail.lines.first() else { return };
    let at = first.span.start;
    for note in &mut filing.footnotes {
        let Some(span) = note.text.span.filter(|s| s.start < at && at < s.end) else { continue };
        let taken: Vec<&str> =
            tail.lines.iter().take_while(|c| c.span.end <= span.end).map(|c| c.text.as_str()).collect();
        let suffix = format!(" {}", taken.join(" "));
        if let Some(text) = note.text.value.as_deref().and_then(|v| v.strip_suffix(suffix.as_str())) {
            note.text.value = Some(text.to_owned());
            note.text.span = Some(Span::new(span.start as usize, at as usize));
        }
    }
}

/// The lines of the signatures, and the remarks (`None` when the form's
/// tail has no `Remarks:`; empty text when the box is empty).
#[derive(Debug, Default)]
struct Tail {
    lines: Vec<Cell>,
    /// Where each block of the lines starts, in order.
    starts: Vec<u32>,
    /// Where each block after a page's break starts, in order.
    broken: Vec<u32>,
    /// The remarks, and whether they are read or in doubt (run together
    /// with a signature's lines).
    remarks: Option<(Cell, Origin)>,
    /// The one date drawn after the label, over a `Date` label of its own
    /// (an older print of the page), when none comes before it.
    date_after: Option<Cell>,
    /// Whether the first name's lines are the remarks box's (an empty box).
    from_remarks: bool,
}

/// Whether a block ends the signatures' lines, going back from the label:
/// remarks, footnotes, page-wide text, the print's title.
fn is_stop(block: &Block) -> bool {
    let first = block.lines.first().map(|c| c.text.as_str()).unwrap_or_default();
    first.starts_with("Remarks:")
        || first.starts_with("Explanation of Responses")
        || first.starts_with("SEC FORM")
        || is_numbered(first)
        || is_wide(block)
}

/// Whether a block has a line of the page's width.
fn is_wide(block: &Block) -> bool {
    block.lines.iter().any(|c| c.text.len() > PAGE_LINE)
}

/// A block of the print's title alone (`SEC FORM 4`), drawn atop each page.
fn is_title(block: &Block) -> bool {
    block.lines.iter().all(|c| super::is_print_title(&c.text))
}

/// A footnote's number at the start of a line: `1.`, `(1)`.
fn is_numbered(text: &str) -> bool {
    let rest = text.trim_start_matches('(');
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    digits.len() < rest.len() && (digits.starts_with(". ") || digits.starts_with(')'))
}

/// How many lines after the label a date drawn over its own `Date` label
/// is looked for.
const DATE_AFTER_LINES: usize = 12;

/// The date drawn after the label (line `label` of block `at`) over a
/// `Date` label of its own: the one date just before the first `Date` line.
fn date_after(blocks: &[Block], at: usize, label: usize) -> Option<Cell> {
    let after = blocks.get(at + 1..).unwrap_or_default().iter().flat_map(|b| &b.lines);
    let lines: Vec<&Cell> =
        blocks[at].lines.iter().skip(label + 1).chain(after).take(DATE_AFTER_LINES).collect();
    let p = lines.iter().position(|c| c.text == "Date")?;
    let is_date = |k: usize| lines.get(k).is_some_and(|c| read_date(&c.text).is_some());
    let one = p >= 1 && is_date(p - 1) && (p < 2 || !is_date(p - 2));
    one.then(|| lines[p - 1].clone())
}

fn tail(blocks: &[Block]) -> Option<Tail> {
    let (at, label) = blocks.iter().enumerate().find_map(|(i, b)| {
        let j =
            b.lines.iter().position(|c| c.text.to_ascii_lowercase().contains("signature of reporting"))?;
        Some((i, j))
    })?;
    // The label's block, up to the label, then the blocks before it (the
    // print's titles left out), each with whether a page's break is before it.
    let own = &blocks[at].lines[..label];
    let mut pieces: Vec<(&[Cell], bool)> = Vec::new();
    // Whether the remarks' lines are a block of their own (not run together with a name).
    let mut apart = true;
    // Page-wide blocks of the remarks parted from their label by a page's break.
    let mut wide: Vec<&[Cell]> = Vec::new();
    let stop = if own.first().is_some_and(|c| c.text.starts_with("Remarks:")) {
        apart = false;
        Some(own)
    } else {
        pieces.push((own, blocks[at].after_break));
        let mut before = blocks[..at].iter().rev().filter(|b| !is_title(b));
        let mut stop = None;
        for b in before.by_ref() {
            if is_stop(b) {
                stop = Some(b);
                break;
            }
            pieces.push((&b.lines, b.after_break));
        }
        while let Some(b) = stop.filter(|b| is_wide(b) && !is_stop_label(b)) {
            wide.push(&b.lines);
            stop = before.next();
        }
        stop.map(|b| &b.lines[..])
    };
    pieces.reverse();
    let firsts = |broken: bool| {
        pieces.iter().filter(move |(_, b)| *b || !broken).filter_map(|(p, _)| p.first()).map(|c| c.span.start)
    };
    let mut tail = Tail {
        lines: pieces.iter().flat_map(|(p, _)| p.iter().cloned()).collect(),
        starts: firsts(false).collect(),
        broken: firsts(true).collect(),
        ..Tail::default()
    };
    if !tail.lines.iter().any(|c| trailing_date(&c.text).is_some()) {
        tail.date_after = date_after(blocks, at, label);
    }
    let Some((first, rest)) = stop.and_then(|s| s.split_first()) else { return Some(tail) };
    let Some(after) = first.text.strip_prefix("Remarks:") else { return Some(tail) };
    // The remarks box's lines: the label's rest, then its block's lines,
    // then the page-wide blocks after a page's break.
    let mut lines: Vec<Cell> = Vec::new();
    let after = after.trim_start();
    if !after.is_empty() {
        let start = first.span.end as usize - after.len();
        lines.push(Cell { text: after.to_owned(), span: Span::new(start, first.span.end as usize) });
    }
    lines.extend(rest.iter().cloned());
    lines.extend(wide.iter().rev().flat_map(|b| b.iter().cloned()));
    let date_next =
        pieces.first().is_some_and(|(p, _)| matches!(p, [only] if read_date(&only.text).is_some()));
    // Without a date after them, the remarks' lines are a name when no other lines are.
    let alone = tail.lines.is_empty();
    let narrow = lines.iter().all(|c| c.text.len() <= PAGE_LINE);
    let label_span = Span::new(first.span.start as usize, first.span.start as usize + "Remarks:".len());
    if !lines.is_empty() && narrow && (date_next || alone) {
        // An empty remarks box: its lines are the first signature's name.
        tail.starts.insert(0, lines[0].span.start);
        lines.append(&mut tail.lines);
        tail.lines = lines;
        tail.from_remarks = true;
        tail.remarks = Some((Cell { text: String::new(), span: label_span }, Origin::Read));
    } else {
        let span = lines.iter().map(|c| c.span).reduce(Span::cover).unwrap_or(label_span);
        let text = lines.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ");
        let origin = if apart { Origin::Read } else { Origin::Uncertain };
        tail.remarks = Some((Cell { text, span }, origin));
    }
    Some(tail)
}

/// A block that starts with the remarks' or the footnotes' label.
fn is_stop_label(block: &Block) -> bool {
    let first = block.lines.first().map(|c| c.text.as_str()).unwrap_or_default();
    first.starts_with("Remarks:") || first.starts_with("Explanation of Responses") || is_numbered(first)
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

/// How a signature's date stands among its name's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stand {
    /// At the end of one of the name's lines, after a space
    /// (`Authorized 08/13/2025`): on the name's middle line.
    Beside,
    /// Alone on a line inside the name's block, or glued to a line that
    /// ended with a hyphen (the extractor's join): between two of the
    /// name's lines, or after its middle line.
    Between,
    /// A block of its own, after the whole name.
    Apart,
    /// The first block after a page's break: whether its name goes on
    /// after it is not told by the blank lines around it.
    Broken,
}

/// How many of a name's lines may follow its date, given how many come
/// before it (the line the date stands on among them): the date is drawn
/// beside the middle of its name (see [`Stand`]).
fn after_counts(before: usize, stand: Stand) -> std::ops::RangeInclusive<usize> {
    match stand {
        Stand::Beside => before.saturating_sub(1)..=before.saturating_sub(1),
        Stand::Between => before.saturating_sub(1)..=before,
        Stand::Apart => 0..=0,
        Stand::Broken => 0..=before,
    }
}

/// The tail's lines cut at the dates.
struct Cut {
    /// The name lines before each date, and after the last.
    segments: Vec<Vec<Cell>>,
    /// Each date, and how it stands.
    dates: Vec<(Field<Date>, Stand)>,
}

/// Cut the tail's lines at the dates.
fn cut_at_dates(tail: &Tail) -> Cut {
    let starts = |line: Option<&Cell>| line.is_none_or(|c| tail.starts.binary_search(&c.span.start).is_ok());
    let broken = |line: &Cell| tail.broken.binary_search(&line.span.start).is_ok();
    let mut segments: Vec<Vec<Cell>> = Vec::new();
    let mut current: Vec<Cell> = Vec::new();
    let mut dates = Vec::new();
    for (k, line) in tail.lines.iter().enumerate() {
        let Some(at) = trailing_date(&line.text) else {
            current.push(line.clone());
            continue;
        };
        let date_start = line.span.start as usize + at;
        let date_span = Span::new(date_start, line.span.end as usize);
        let stand = if at > 0 {
            let text = line.text[..at].trim_end();
            let end = line.span.start as usize + text.len();
            // `attorney05/19/2020`: the extractor joined the word broken
            // at its hyphen to the date, and dropped the hyphen.
            let glued = text.len() == at && text.ends_with(char::is_alphabetic);
            let stand = if glued { Stand::Between } else { Stand::Beside };
            let text = if glued { format!("{text}-") } else { text.to_owned() };
            current.push(Cell { text, span: Span::new(line.span.start as usize, end) });
            stand
        } else if [Some(line), tail.lines.get(k + 1)].iter().flatten().any(|c| broken(c)) {
            Stand::Broken
        } else if starts(Some(line)) && starts(tail.lines.get(k + 1)) {
            Stand::Apart
        } else {
            Stand::Between
        };
        let date = read_date(&line.text[at..]).map_or_else(Field::missing, |d| Field::read(d, date_span));
        dates.push((date, stand));
        segments.push(std::mem::take(&mut current));
    }
    segments.push(current);
    if let (true, Some(date)) = (dates.is_empty(), &tail.date_after) {
        // The date after the label: the whole name comes before it.
        let value = read_date(&date.text).map_or_else(Field::missing, |d| Field::read(d, date.span));
        dates.push((value, Stand::Apart));
        segments.push(Vec::new());
    }
    Cut { segments, dates }
}

/// For each date, how many name lines come before it and after it, and
/// whether every way of cutting the lines (see [`after_counts`]) agrees;
/// `sizes` are the counts of lines between the dates. `None` when no way
/// fits.
fn split_names(sizes: &[usize], stands: &[Stand]) -> Option<Vec<(usize, usize, bool)>> {
    let next = |i: usize| sizes.get(i + 1).copied().unwrap_or(0);
    // `fits[i]`: the counts of lines before date `i` from which the rest
    // can be cut; `goes_on`: whether `after` lines after date `i` leave a
    // count before the next date that fits (or are all that is left).
    let goes_on = |fits: &[Vec<usize>], i: usize, after: usize| match fits.get(i + 1) {
        None => after == next(i),
        Some(later) => after < next(i) && later.binary_search(&(next(i) - after)).is_ok(),
    };
    let mut fits: Vec<Vec<usize>> = vec![Vec::new(); stands.len()];
    for i in (0..stands.len()).rev() {
        fits[i] = (1..=sizes.get(i).copied().unwrap_or(0))
            .filter(|&b| after_counts(b, stands[i]).any(|a| goes_on(&fits, i, a)))
            .collect();
    }
    let mut out = Vec::with_capacity(stands.len());
    // The counts before date `i` that some way through reaches.
    let mut reach = vec![sizes.first().copied().unwrap_or(0)];
    for i in 0..stands.len() {
        let pairs: Vec<(usize, usize)> = reach
            .iter()
            .filter(|b| fits[i].binary_search(b).is_ok())
            .flat_map(|&b| after_counts(b, stands[i]).map(move |a| (b, a)))
            .filter(|&(_, a)| goes_on(&fits, i, a))
            .collect();
        out.push((0, 0, pairs.len() == 1));
        reach = pairs.iter().map(|&(_, a)| next(i) - a).collect();
        crate::sort::by(&mut reach, Ord::cmp);
        reach.dedup();
    }
    // One way through: from the first date on, the first count that goes on.
    let mut before = sizes.first().copied().unwrap_or(0);
    for (i, pair) in out.iter_mut().enumerate() {
        let after = after_counts(before, stands[i]).find(|&a| goes_on(&fits, i, a))?;
        (pair.0, pair.1) = (before, after);
        before = next(i) - after;
    }
    Some(out)
}

/// The signatures in the lines (see the module docs).
fn signatures(tail: &Tail) -> Vec<Signature> {
    let Cut { segments, dates } = cut_at_dates(tail);
    if let Some(names) = cut_at_signed(&segments) {
        return dates.into_iter().zip(names).map(|((date, _), name)| signature(&name, date, true)).collect();
    }
    let sizes: Vec<usize> = segments.iter().map(Vec::len).collect();
    let stands: Vec<Stand> = dates.iter().map(|(_, s)| *s).collect();
    let split = split_names(&sizes, &stands).unwrap_or_else(|| {
        // No way fits: each name is the lines before its date, the lines
        // after the last date the last name's; only a date of its own is sure.
        let last = stands.len().saturating_sub(1);
        let after = |i: usize| if i == last { sizes.get(i + 1).copied().unwrap_or(0) } else { 0 };
        (0..stands.len()).map(|i| (sizes[i], after(i), stands[i] == Stand::Apart && after(i) == 0)).collect()
    });
    // A name from the remarks box with the date after the label: the box's
    // lines may be remarks after all (no date tells them apart), unless
    // they begin with a conformed signature (`/s/`).
    let signed = tail.lines.first().is_some_and(|c| c.text.starts_with("/s/"));
    let in_doubt = tail.from_remarks && tail.date_after.is_some() && !signed;
    let mut out = Vec::with_capacity(dates.len());
    for (i, ((date, _), (before, after, sure))) in dates.into_iter().zip(split).enumerate() {
        let sure = sure && !in_doubt;
        let own = &segments[i];
        let mut name: Vec<Cell> = own[own.len().saturating_sub(before)..].to_vec();
        name.extend(segments.get(i + 1).map_or(&[][..], |s| &s[..after.min(s.len())]).iter().cloned());
        out.push(signature(&name, date, sure));
    }
    out
}

/// The names cut where each begins, when each is a conformed signature
/// (`/s/ Jane Doe, Attorney-in-fact`): the lines of `segments` (the name
/// lines between the dates, see [`Cut`]) begin with `/s/` as many times as
/// there are dates, the first of them so, and each date stands after a
/// line of its name and before the next name's first line (the date is
/// drawn beside its name's middle or after it, see [`Stand`]). Each name's
/// lines, in the dates' order; `None` when the names are not so cut.
fn cut_at_signed(segments: &[Vec<Cell>]) -> Option<Vec<Vec<Cell>>> {
    let lines: Vec<&Cell> = segments.iter().flatten().collect();
    let starts: Vec<usize> = (0..lines.len()).filter(|&k| lines[k].text.starts_with("/s/")).collect();
    if starts.len() + 1 != segments.len() || starts.first() != Some(&0) {
        return None;
    }
    let ends: Vec<usize> = starts.iter().skip(1).copied().chain([lines.len()]).collect();
    let mut before = 0;
    for ((segment, &start), &end) in segments.iter().zip(&starts).zip(&ends) {
        before += segment.len();
        if before <= start || before > end {
            return None;
        }
    }
    Some(starts.iter().zip(&ends).map(|(&s, &e)| lines[s..e].iter().map(|&c| c.clone()).collect()).collect())
}

fn signature(name: &[Cell], date: Field<Date>, sure: bool) -> Signature {
    // Each line within the name's box, once a hyphen known to be dropped
    // is put back (the line then being two the extractor joined there).
    let mut lines = name.to_vec();
    let mut fit = true;
    for line in &mut lines {
        match restore_hyphen(&line.text) {
            Some((text, at)) => {
                fit &= at <= BOX_WIDTH && text.len() - at <= BOX_WIDTH && !lost_hyphen(&text[at..]);
                line.text = text;
            }
            None => fit &= line.text.len() <= BOX_WIDTH && !lost_hyphen(&line.text),
        }
    }
    let cell = joined(&lines);
    let span = date.span.map_or(cell.span, |d| if name.is_empty() { d } else { cell.span.cover(d) });
    let sure = sure && fit && !name.is_empty();
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

/// The fewest characters a line of a name's box runs to that did not
/// fit the box (`By: Aaron Beckman by Power`): a word broken at a hyphen
/// ends further along than this, on the line the extractor joined.
const SHORTEST_FULL: usize = 24;

/// Whether a line of a name may have lost a hyphen at a capital after a
/// small letter (`AttorneyIn-Fact`): only where the word went on past
/// [`SHORTEST_FULL`], so that it may not have fitted the line (`DeHoff`
/// early in a line is a name, not `De-` `Hoff`).
fn lost_hyphen(line: &str) -> bool {
    let b = line.as_bytes();
    (1..b.len()).any(|p| {
        let joined =
            (b[p - 1].is_ascii_lowercase() || b[p - 1].is_ascii_digit()) && b[p].is_ascii_uppercase();
        let end = b[p..].iter().position(|&c| c == b' ' || c == b'-').map_or(b.len(), |k| p + k);
        joined && end >= SHORTEST_FULL
    })
}

/// The words of a signature by power of attorney run together where the
/// extractor joined a line broken at one of their hyphens and dropped it
/// (`Attorneyin-fact`, `Attorney-infact`, `Atty-inFact`): the text with the
/// hyphen put back, and where the broken line ended (after the hyphen).
fn restore_hyphen(text: &str) -> Option<(String, usize)> {
    let lower = text.to_ascii_lowercase();
    for head in ["attorney", "atty"] {
        for (run, at) in [("in-fact", 0), ("-infact", 3)] {
            let Some(i) = lower.find(&format!("{head}{run}")) else { continue };
            let at = i + head.len() + at;
            let mut restored = text.to_owned();
            restored.insert(at, '-');
            return Some((restored, at + 1));
        }
    }
    None
}

/// Lines joined into one cell as wrapped text (with a space, or none
/// after a hyphen).
fn joined(lines: &[Cell]) -> Cell {
    let mut text = String::new();
    for line in lines {
        if text.is_empty() {
            text.push_str(&line.text);
        } else {
            push_wrapped(&mut text, &line.text);
        }
    }
    let span = lines.iter().map(|c| c.span).reduce(Span::cover).unwrap_or_default();
    Cell { text, span }
}

#[cfg(test)]
#[path = "raw_tail_tests.rs"]
mod tests;
