//! Tables I and II of the older vendor print, as PDF text with layout.
//!
//! The older print gives each numbered heading one cell ("3. Transaction
//! Code" holds `M` or `J V`, "4. Securities Acquired (A) or Disposed of (D)"
//! holds `1,000 D $ 12.50`), left-aligned and wrapped in its column, every
//! cell starting on the row's first line. What the extractor keeps of the
//! page's positions is not to be trusted across pages: a page without
//! headings is often laid out at another scale than the headings above it,
//! and headings run together. So the headings give only the order of the
//! cells, and the rows are read without them:
//!
//! - a row starts with a line whose first segment stands at the left margin
//!   (the title) and that holds the row's values (its ownership form `D`/`I`
//!   last, or three values at least); the lines below it, up to the next
//!   row, hang from it;
//! - the segments of the row's first line are its cells (a segment may hold
//!   several cells run together); each word hanging below goes to the cell
//!   it stands under (the last one starting at or left of it);
//! - the tokens of the cells — dates, amounts, `$` prices, letters, marks,
//!   phrases — are aligned in order with the headings' columns by what they
//!   look like ([`align_cells`]): a cell fills one heading or several
//!   consecutive ones, never part of one that another cell also fills. A
//!   token that fits as well in two places is marked uncertain.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Column, Origin, Row, Table};
use crate::repr::align::{self, Kind, Token};
use crate::repr::cells::{Cell, MarkStyle, canonical_marks};
use crate::repr::columns::{Slot, heading_slots};
use crate::repr::pdf::layout::PageLine;
use crate::repr::pdf::table::is_number_word;
use crate::repr::table::{Layout, finish_row, mark_uncertain, set_origin};
use crate::source::Span;

/// The headings' columns, grouped by numbered heading, in printed order
/// (the order of the numbered headings on the page).
pub(crate) fn heading_groups(headings: &[&PageLine], table: Table) -> Vec<Vec<Slot>> {
    let words: Vec<(&str, u32)> =
        headings.iter().flat_map(|l| super::table::words(l)).map(|(w, x, _)| (w, x)).collect();
    let mut anchors: Vec<u32> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    for &(word, x) in &words {
        if is_number_word(word) {
            if !anchors.iter().any(|a| a.abs_diff(x) <= 1) {
                anchors.push(x);
            }
            let label = word.to_ascii_lowercase();
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
    }
    crate::sort::by(&mut anchors, Ord::cmp);
    let mut groups: Vec<Vec<Slot>> = Vec::new();
    for (k, &a) in anchors.iter().enumerate() {
        let next = anchors.get(k + 1).copied().unwrap_or(u32::MAX);
        let text: Vec<&str> = words.iter().filter(|w| w.1 + 1 >= a && w.1 + 1 < next).map(|w| w.0).collect();
        let Some(slots) = heading_slots(&text.join(" "), table) else { continue };
        let fresh: Vec<Slot> =
            slots.iter().copied().filter(|s| !groups.iter().flatten().any(|g| g == s)).collect();
        if !fresh.is_empty() {
            groups.push(fresh);
        }
    }
    if groups.len() == labels.len() {
        return groups;
    }
    // Headings split over a page break (each part at its page's scale) or
    // run together: the numbers printed say which form's columns they are.
    let last = labels.iter().filter_map(|l| l.trim_end_matches(['.', 'a']).parse::<u8>().ok()).max();
    standard_groups(table, last).unwrap_or(groups)
}

/// The older print's headings of `table`, by the number of its last
/// heading: Form 3's (4 in Table I, 6 in Table II) or Form 4's and 5's
/// (7 and 11).
fn standard_groups(table: Table, last: Option<u8>) -> Option<Vec<Vec<Slot>>> {
    use Slot::*;
    let groups: Vec<Vec<Slot>> = match (table, last?) {
        (Table::NonDerivative, 4) => vec![vec![Title], vec![Owned], vec![DirectIndirect], vec![Nature]],
        (Table::NonDerivative, 7) => vec![
            vec![Title],
            vec![Date],
            vec![Deemed],
            vec![Code, V],
            vec![Shares, AcquiredDisposed, Price],
            vec![Owned],
            vec![DirectIndirect],
            vec![Nature],
        ],
        (Table::Derivative, 6) => vec![
            vec![Title],
            vec![Exercisable, Expiration],
            vec![UnderlyingTitle, UnderlyingAmount],
            vec![ExercisePrice],
            vec![DirectIndirect],
            vec![Nature],
        ],
        (Table::Derivative, 11) => vec![
            vec![Title],
            vec![ExercisePrice],
            vec![Date],
            vec![Deemed],
            vec![Code, V],
            vec![Acquired, Disposed],
            vec![Exercisable, Expiration],
            vec![UnderlyingTitle, UnderlyingAmount],
            vec![Price],
            vec![Owned],
            vec![DirectIndirect],
            vec![Nature],
        ],
        _ => return None,
    };
    Some(groups)
}

/// Read the rows of one run of data lines under the headings `groups`.
/// `continued`: the table ran on from a page before, so lines above the
/// first row may end that page's last row. Returns the rows, and whether
/// such lines were there (the last row before and the first row here are
/// then in doubt).
pub(crate) fn read_rows(
    data: &[PageLine],
    groups: &[Vec<Slot>],
    table: Table,
    marks: MarkStyle,
    continued: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Row>, bool) {
    let slots: Vec<Slot> = groups.iter().flatten().copied().collect();
    let group_of: Vec<usize> =
        groups.iter().enumerate().flat_map(|(g, s)| std::iter::repeat_n(g, s.len())).collect();
    let layout = Layout { groups: groups.to_vec() };
    let lines: Vec<Option<Vec<LineToken>>> =
        data.iter().map(|l| (!l.is_blank() && !l.is_form_text()).then(|| line_words(l, marks))).collect();
    let margin = lines.iter().flatten().filter_map(|w| w.first().map(|t| t.x)).min().unwrap_or(0);
    let mains: Vec<usize> =
        (0..lines.len()).filter(|&i| lines[i].as_ref().is_some_and(|w| is_main(w, margin))).collect();
    let ran_on = mains.first().is_some_and(|&f| continued && lines[..f].iter().any(Option::is_some));
    let mut firsts: Vec<Vec<RowCell>> = mains
        .iter()
        .map(|&m| {
            let main = lines[m].as_deref().unwrap_or_default();
            first_line(main_cells(main), &slots, &group_of)
        })
        .collect();
    let mut rows: Vec<Row> = Vec::new();
    // Lines above the first row of a table that does not run on from a
    // page before: marks printed high, or the headings' last words.
    let mut raised_before = false;
    // The cells of the row before's first line, its marks printed high placed.
    let mut placed_above: Vec<RowCell> = Vec::new();
    let marks_line = |l: &Vec<LineToken>| l.iter().all(|w| w.kind == Kind::Marks);
    // A line of marks only just above a row (below the row before it, on
    // the same page), every segment of it over a gap of the row's line and
    // in a gap between that row before's cells (or below one that ended):
    // the row's own marks printed high.
    let lead: Vec<Option<usize>> = mains
        .iter()
        .enumerate()
        .map(|(k, &m)| {
            let from = match k.checked_sub(1) {
                Some(a) => mains.get(a).map_or(0, |&p| p + 1),
                None if continued => return None,
                None => 0,
            };
            let i =
                (from..m).rev().find(|&i| lines[i].is_some() || data.get(i).is_some_and(|l| l.furniture))?;
            let l = lines[i].as_ref().filter(|l| marks_line(l))?;
            let above = k.checked_sub(1).and_then(|a| firsts.get(a)).map_or(&[][..], Vec::as_slice);
            // The line before it, below the row before's first line.
            let between = (from..i).rev().find_map(|j| lines[j].as_deref());
            // Each over a gap of the row's own line.
            let own = firsts.get(k).map_or(&[][..], Vec::as_slice);
            let over_gaps = segment_starts(l).all(|w| !stands_in(w, own));
            let closed = segment_starts(l).all(|w| !stands_in(w, above) || ends_before(w, above, between));
            (over_gaps && closed).then_some(i)
        })
        .collect();
    let above_first = mains.first().map_or(0, |&f| f);
    let stray = !continued
        && lines[..above_first]
            .iter()
            .enumerate()
            .any(|(i, l)| l.as_ref().is_some_and(marks_line) && lead.first() != Some(&Some(i)));
    for (k, &m) in mains.iter().enumerate() {
        let end = mains.get(k + 1).copied().unwrap_or(lines.len());
        // Lines below a page break are laid out at the next page's scale:
        // the next row's first line (on that page) says whose columns they
        // stand in.
        let break_at = (m + 1..end).find(|&i| data.get(i).is_some_and(|l| l.furniture)).unwrap_or(end);
        let next_lead = lead.get(k + 1).copied().flatten();
        let own = |i: &usize| Some(*i) != next_lead;
        let before: Vec<&Vec<LineToken>> =
            (m + 1..break_at).filter(own).filter_map(|i| lines[i].as_ref()).collect();
        // A line of marks only just above the next row, standing in no
        // cell of this one, may be that row's marks printed high.
        let raised =
            before.last().filter(|_| k + 1 < mains.len()).filter(|l| marks_line(l)).is_some_and(|l| {
                segment_starts(l).any(|w| !stands_in(w, firsts.get(k).map_or(&[], Vec::as_slice)))
            });
        // The first line's cells (taken: no later row looks at them), split
        // where a cell runs over into the next heading's columns (each wraps
        // in its own column), then the hanging words given to the cells they
        // stand under.
        let mut cells = firsts.get_mut(k).map(std::mem::take).unwrap_or_default();
        let mut lead_failed = false;
        if let Some(i) = lead.get(k).copied().flatten() {
            // The row before, when on this page: its cells stand in the same columns.
            let from = k.checked_sub(1).and_then(|a| mains.get(a)).map_or(m, |&p| p);
            let same_page = !(from..m).any(|j| data.get(j).is_some_and(|l| l.furniture));
            let above = if same_page { placed_above.as_slice() } else { &[] };
            let line = lines[i].as_deref().unwrap_or_default();
            lead_failed = !place_raised(&mut cells, line, groups.len(), above);
        }
        if lead.get(k + 1).is_some_and(Option::is_some) {
            // Only the next row's marks printed high look at them.
            placed_above.clone_from(&cells);
        }
        hang(&mut cells, &before);
        let mut broken = raised || lead_failed;

        // Else, when the words below the break stand in one column, the one
        // cell still open at the break whose last word is a phrase's.
        let below: Vec<&Vec<LineToken>> = lines[break_at..end].iter().flatten().collect();
        let last_before = (m..break_at).rev().find_map(|i| lines[i].as_deref()).unwrap_or_default();
        let open = open_phrase(&cells, last_before).filter(|_| one_column(&below));
        for line in below {
            // A word of the segment of the word before it goes with it.
            let mut last: Option<(usize, Option<usize>)> = None;
            for w in line {
                let target = match last {
                    Some((segment, target)) if segment == w.segment => target,
                    _ => firsts
                        .get(k + 1)
                        .and_then(|next| {
                            let under = next.iter().rev().find(|c| c.start <= w.x + 2)?;
                            let group = under.group.filter(|_| w.x <= under.end + 2)?;
                            cells.iter().position(|c| c.group == Some(group))
                        })
                        .or(open),
                };
                last = Some((w.segment, target));
                match target.and_then(|t| cells.get_mut(t)) {
                    Some(c) => c.words.push((w, false)),
                    None => broken = true,
                }
            }
        }
        let mut tokens = row_tokens(&cells, &slots);
        let mut placements = align_cells(&tokens, &slots, &group_of);
        let left_out = |p: &[Placement]| p.iter().filter(|p| p.slots.is_empty() && !p.attached).count();
        if left_out(&placements) > 0 && raise_marks(&mut cells) {
            // Marks printed high, on the line above their value: the value first.
            let raised = row_tokens(&cells, &slots);
            let again = align_cells(&raised, &slots, &group_of);
            if left_out(&again) < left_out(&placements) {
                (tokens, placements) = (raised, again);
            }
        }
        let span = tokens.iter().map(|t| t.token.span).reduce(Span::cover).unwrap_or_default();
        let mut row = Row { span, ..Row::default() };
        fill_row(&mut row, &slots, &tokens, &placements, diagnostics);
        align::touch_all(&mut row, &slots, span);
        finish_row(&mut row, &layout, table);
        let mut row = settle(row, table, &slots);

        // Words left out, or hanging below a page break where no column is
        // sure: some cell may lack them.
        // Marks printed high above this row may be missing from it.
        let raised_here = raised_before || (k == 0 && stray);
        if broken || raised_here || left_out(&placements) > 0 {
            doubt_values(&mut row);
        }
        if !complete(&row, &slots)
            && let Some(above) = rows.last_mut()
        {
            // A piece of the row above read as a row of its own: the row above lacks it.
            doubt_values(above);
        }
        raised_before = raised;
        rows.push(row);
    }
    (rows, ran_on)
}

/// Fill a row from its tokens as the alignment placed them: a mark that
/// joins the value before it in some best alignment is joined to it (and
/// when it may as well fill a column of its own, both are uncertain); a
/// token that may as well be left out is uncertain where it went.
fn fill_row(
    row: &mut Row,
    slots: &[Slot],
    tokens: &[Tok],
    placements: &[Placement],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut toks: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut choices: Vec<Vec<usize>> = Vec::with_capacity(tokens.len());
    let mut doubtful: Vec<usize> = Vec::new();
    for (t, p) in tokens.iter().zip(placements) {
        if p.attached
            && let (Some(prev), Some(options)) = (toks.last_mut(), choices.last())
        {
            prev.join(&t.token, false);
            if !p.slots.is_empty() || p.dropped {
                doubtful.extend(options.iter().chain(&p.slots));
            }
            continue;
        }
        if p.dropped && !p.slots.is_empty() {
            doubtful.extend(&p.slots);
        }
        toks.push(t.token.clone());
        choices.push(p.slots.clone());
    }
    let mut problems = Vec::new();
    align::apply(row, slots, &toks, &choices, &mut problems, diagnostics, false);
    for p in problems {
        mark_uncertain(row, p.slot);
        diagnostics.push(Diagnostic::new(Code::CellUnreadable, Some(p.span), p.message));
    }
    for &j in &doubtful {
        if let Some(&slot) = slots.get(j) {
            mark_uncertain(row, slot);
        }
    }
    if let (Some(&j), Some(first)) = (doubtful.first(), tokens.first()) {
        let label = slots.get(j).map_or("", |s| s.label());
        diagnostics.push(
            Diagnostic::new(
                Code::ColumnUncertain,
                Some(first.token.span.cover(tokens.last().map_or(first.token.span, |t| t.token.span))),
                format!("a footnote mark or value near the {label} could belong to another column"),
            )
            .with_help("check the row against the original filing"),
        );
    }
}

/// Whether a row fills the columns every row of its kind has, of those the
/// table prints (`slots`): the title and the ownership form; the amount
/// owned after (a value or a footnote); for a transaction its date, code,
/// amount, and its direction where the print shows it (not in Table II,
/// whose (A) and (D) are one cell).
fn complete(row: &Row, slots: &[Slot]) -> bool {
    let shows = |s: Slot| slots.contains(&s);
    let filled = |c: Column| {
        let cell = row.cell(c);
        cell.has_value() || !cell.meta().0.is_empty()
    };
    let mut need = vec![Column::SecurityTitle];
    if shows(Slot::DirectIndirect) {
        need.push(Column::DirectOrIndirectOwnership);
    }
    if row.kind == crate::model::RowKind::Transaction {
        need.extend([Column::TransactionDate, Column::TransactionCode]);
        if shows(Slot::AcquiredDisposed) {
            need.push(Column::TransactionAcquiredDisposedCode);
        }
        if !filled(Column::TransactionShares) && !filled(Column::TransactionTotalValue) {
            return false;
        }
    }
    let owned = !shows(Slot::Owned)
        || filled(Column::SharesOwnedFollowingTransaction)
        || filled(Column::ValueOwnedFollowingTransaction);
    owned && need.iter().all(|&c| row.cell(c).has_value())
}

/// Settle a row read from its cells: an empty column is not known to be
/// empty (no cell showed it: missing), and a row that lacks a column every
/// row has may have lost a cell to a neighbour, or be a piece of one:
/// every value of it is uncertain. Values whose place a tie left open are
/// uncertain already; they do not put the rest in doubt.
fn settle(mut row: Row, table: Table, slots: &[Slot]) -> Row {
    for column in Column::ALL {
        let cell = row.cell(column);
        let (footnotes, _, origin) = cell.meta();
        if column.applies(table, row.kind) && origin.is_read() && !cell.has_value() && footnotes.is_empty() {
            set_origin(&mut row, column, Origin::Missing);
        }
    }
    if !complete(&row, slots) {
        doubt_values(&mut row);
    }
    row
}

/// Mark every value and footnote read in a row uncertain.
fn doubt_values(row: &mut Row) {
    for column in Column::ALL {
        let cell = row.cell(column);
        let (footnotes, _, origin) = cell.meta();
        if origin.is_read() && (cell.has_value() || !footnotes.is_empty()) {
            set_origin(row, column, Origin::Uncertain);
        }
    }
}

/// A word of a line (marks canonical), where it starts, the segment it is
/// in, and what it looks like.
#[derive(Clone, Debug)]
struct LineToken {
    x: u32,
    segment: usize,
    cell: Cell,
    kind: Kind,
}

/// The words of a line, marks written as superscripts.
fn line_words(line: &PageLine, marks: MarkStyle) -> Vec<LineToken> {
    let mut out = Vec::with_capacity(line.segments.len());
    for (k, s) in line.segments.iter().enumerate() {
        let cell = Cell { text: canonical_marks(&s.cell.text, marks), span: s.cell.span };
        if !cell.text.contains(' ') {
            // One word (a segment has no space at either end): the word is
            // the whole cell, its span the cell's.
            if !cell.text.is_empty() {
                let kind = align::kind_of(&cell.text);
                out.push(LineToken { x: s.x, segment: k, cell, kind });
            }
            continue;
        }
        let mut col = s.x;
        let mut byte = 0;
        for word in cell.text.split(' ') {
            let n = word.chars().count() as u32;
            if n > 0 {
                let span = crate::repr::header::sub_span(&cell, byte, byte + word.len());
                let (cell, kind) = (Cell { text: word.to_owned(), span }, align::kind_of(word));
                out.push(LineToken { x: col, segment: k, cell, kind });
            }
            col += n + 1;
            byte += word.len() + 1;
        }
    }
    out
}

/// Whether a line starts a row: its first word at the left margin (the
/// title) and, after the title's segment, the row's values — its last
/// value the ownership form (`D` or `I`), or three values at least besides
/// footnote marks. A line hanging below a row holds the rest of its
/// wrapped cells: words, marks, and a value or two (a price below its `$`,
/// an amount below its title).
fn is_main(words: &[LineToken], margin: u32) -> bool {
    let Some(first) = words.first() else { return false };
    if first.x > margin + 2 {
        return false;
    }
    let values: Vec<Kind> = words
        .iter()
        .filter(|w| w.segment != first.segment)
        .map(|w| w.kind)
        .filter(|k| *k != Kind::Text)
        .collect();
    let shown: Vec<&Kind> = values.iter().filter(|k| **k != Kind::Marks).collect();
    let ownership = matches!(shown.last(), Some(Kind::Letter('D' | 'I')));
    shown.len() >= 3 || (values.len() >= 2 && ownership)
}

/// A cell of a row: the words of its segment on the row's first line, then
/// the words hanging below it, line by line.
#[derive(Clone, Debug, Default)]
struct RowCell<'a> {
    /// The heading group its first token takes, when that is certain.
    group: Option<usize>,
    /// The heading group all its tokens fill, when its place says so (marks
    /// printed high, over a gap of the row's line).
    pinned: Option<usize>,
    /// Where it starts (characters from the margin).
    start: u32,
    /// Where its words on the row's first line end.
    end: u32,
    /// Its words, each with whether it is on the row's first line.
    words: Vec<(&'a LineToken, bool)>,
}

/// The cells of a row's first line: one per segment.
fn main_cells(main: &[LineToken]) -> Vec<RowCell<'_>> {
    let mut out: Vec<RowCell> = Vec::new();
    let mut segment = usize::MAX;
    for (k, w) in main.iter().enumerate() {
        if w.segment != segment || out.is_empty() {
            segment = w.segment;
            // Room for the words of its segment.
            let words = main[k..].iter().take_while(|v| v.segment == segment).count();
            out.push(RowCell {
                start: w.x,
                end: w.x,
                words: Vec::with_capacity(words),
                ..RowCell::default()
            });
        }
        if let Some(c) = out.last_mut() {
            c.end = w.x + w.cell.text.chars().count() as u32;
            c.words.push((w, true));
        }
    }
    out
}

/// Split the first line's cells where the alignment of its tokens starts a
/// new heading inside one (`109,363 D $ 904.03 170,240,402`: the amount
/// owned after ran up to the price), so that what hangs below each part
/// goes with it. `tokens` are the cells' ([`cell_tokens`]), `placements`
/// their alignment; `None` when no cell splits.
fn split_run_together<'a>(
    cells: &[RowCell<'a>],
    tokens: &[Tok],
    placements: &[Placement],
    group_of: &[usize],
) -> Option<Vec<RowCell<'a>>> {
    // The group of each token (a mark joined to a value: the value's).
    let mut groups: Vec<Option<usize>> = Vec::with_capacity(tokens.len());
    for p in placements {
        let own = p.slots.first().and_then(|&j| group_of.get(j)).copied();
        let g = if p.attached { groups.last().copied().flatten() } else { own };
        groups.push(g);
    }
    // Where each cell splits: the indexes of the words starting a new heading.
    let mut splits: Vec<Vec<usize>> = vec![Vec::new(); cells.len()];
    for i in 1..tokens.len() {
        if tokens[i - 1].cell == tokens[i].cell
            && let (Some(a), Some(b)) = (groups[i - 1], groups[i])
            && b > a
            && let Some(s) = splits.get_mut(tokens[i].cell)
        {
            s.push(tokens[i].word);
        }
    }
    if splits.iter().all(Vec::is_empty) {
        return None;
    }
    let mut out = Vec::with_capacity(cells.len());
    for (cell, at) in cells.iter().zip(splits) {
        if at.is_empty() {
            out.push(cell.clone());
            continue;
        }
        let mut part: Vec<(&LineToken, bool)> = Vec::new();
        for (k, w) in cell.words.iter().copied().enumerate() {
            if at.contains(&k) && !part.is_empty() {
                out.push(part_cell(std::mem::take(&mut part)));
            }
            part.push(w);
        }
        if !part.is_empty() {
            out.push(part_cell(part));
        }
    }
    Some(out)
}

/// The first word of each segment of a line (the words after it wrap with it).
fn segment_starts(l: &[LineToken]) -> impl Iterator<Item = &LineToken> {
    l.iter().enumerate().filter(|(i, w)| *i == 0 || l[i - 1].segment != w.segment).map(|(_, w)| w)
}

/// Put a row's marks printed high (a line above it) in the cells they
/// stand over: a segment in the gap between two cells of the row's line
/// whose headings leave exactly one heading between them fills that one
/// (`(29)` over the gap between a title and a date: the exercise price).
/// When more headings lie between, the segment fills the one of a cell of
/// the row above on the same page (`above`) that it stands in, if that
/// one is between. Returns false when a segment has no such place.
fn place_raised<'a>(
    cells: &mut Vec<RowCell<'a>>,
    line: &'a [LineToken],
    groups: usize,
    above: &[RowCell],
) -> bool {
    let mut k = 0;
    while k < line.len() {
        let Some(w) = line.get(k) else { break };
        let n = line[k..].iter().take_while(|v| v.segment == w.segment).count();
        let at = cells.iter().position(|c| c.start > w.x + 2).unwrap_or(cells.len());
        let left = at.checked_sub(1).and_then(|a| cells.get(a)).filter(|c| c.end + 2 < w.x);
        let (Some(left), right) = (left, cells.get(at)) else { return false };
        let (Some(a), b) = (left.group, right.map_or(Some(groups), |c| c.group)) else { return false };
        let Some(b) = b else { return false };
        let over = above.iter().find(|c| stands_in(w, std::slice::from_ref(*c))).and_then(|c| c.group);
        let group = if b == a + 2 {
            a + 1
        } else {
            match over {
                Some(g) if a < g && g < b => g,
                _ => return false,
            }
        };
        let words: Vec<(&LineToken, bool)> = line[k..k + n].iter().map(|v| (v, true)).collect();
        let end = words.last().map_or(w.x, |v| v.0.x + v.0.cell.text.chars().count() as u32);
        cells.insert(at, RowCell { group: Some(group), pinned: Some(group), start: w.x, end, words });
        k += n;
    }
    true
}

/// Whether the cells of `cells` (a row's first line) that `w` stands under
/// ended before it: a line between them and `w` (`between`, the one just
/// above `w`) holds nothing under them. A cell wraps line after line at its
/// start, so `w` is no word of theirs.
fn ends_before(w: &LineToken, cells: &[RowCell], between: Option<&[LineToken]>) -> bool {
    let Some(between) = between else { return false };
    cells
        .iter()
        .filter(|c| stands_in(w, std::slice::from_ref(*c)))
        .all(|c| !between.iter().any(|v| stands_in(v, std::slice::from_ref(c))))
}

/// The one cell of `cells` still open on a row's last line before a page
/// break (`last`: a word of it stands under the cell) whose word there is
/// a phrase's, not a value: the only one that may run on past the break
/// with more of its phrase. None when no cell or several are.
fn open_phrase(cells: &[RowCell], last: &[LineToken]) -> Option<usize> {
    let mut open = (0..cells.len()).filter(|&k| {
        let cell = cells.get(k).map(std::slice::from_ref).unwrap_or_default();
        let words: Vec<&LineToken> = last.iter().filter(|w| stands_in(w, cell)).collect();
        words.last().is_some_and(|w| w.kind == Kind::Text)
    });
    let first = open.next()?;
    open.next().is_none().then_some(first)
}

/// Whether lines hold one segment each, all starting at one place.
fn one_column(lines: &[&Vec<LineToken>]) -> bool {
    let starts: Vec<u32> = lines.iter().filter_map(|l| l.first().map(|w| w.x)).collect();
    let single = lines.iter().all(|l| l.iter().all(|w| l.first().is_some_and(|f| f.segment == w.segment)));
    let lo = starts.iter().min();
    let hi = starts.iter().max();
    single && lo.zip(hi).is_some_and(|(lo, hi)| hi - lo <= 2)
}

/// Whether a word stands under (or at the edge of) a cell of a row's first line.
fn stands_in(w: &LineToken, cells: &[RowCell]) -> bool {
    cells.iter().any(|c| w.x + 2 >= c.start && w.x <= c.end + 2)
}

/// The cells of a row's first line, split where one runs over into the
/// next heading ([`split_run_together`]), each with the heading group its
/// first token surely takes.
fn first_line<'a>(cells: Vec<RowCell<'a>>, slots: &[Slot], group_of: &[usize]) -> Vec<RowCell<'a>> {
    let tokens = cell_tokens(&cells);
    let placements = align_cells(&tokens, slots, group_of);
    // Unsplit cells keep their tokens, and so their alignment.
    let (mut cells, tokens, placements) = match split_run_together(&cells, &tokens, &placements, group_of) {
        Some(split) => {
            let tokens = cell_tokens(&split);
            let placements = align_cells(&tokens, slots, group_of);
            (split, tokens, placements)
        }
        None => (cells, tokens, placements),
    };
    for (t, p) in tokens.iter().zip(&placements) {
        // Every best alignment puts it in one heading (if not one column of it).
        let group = p.slots.first().and_then(|&j| group_of.get(j));
        let one_group = p.slots.iter().all(|&j| group_of.get(j) == group);
        let sure = !p.dropped && !p.attached && group.is_some() && one_group;
        if let (Some(c), true) = (cells.get_mut(t.cell), sure)
            && c.group.is_none()
            && t.word == 0
        {
            c.group = p.slots.first().and_then(|&j| group_of.get(j)).copied();
        }
    }
    cells
}

/// A cell of the words of the row's first line `words`.
fn part_cell(words: Vec<(&LineToken, bool)>) -> RowCell<'_> {
    let start = words.first().map_or(0, |w| w.0.x);
    let end = words.last().map_or(start, |w| w.0.x + w.0.cell.text.chars().count() as u32);
    RowCell { start, end, words, ..RowCell::default() }
}

/// Give each hanging word to the cell of the first line it stands under or
/// nearest to, by the gap between the word and the cell (a cell wraps below
/// its start; a footnote mark printed high may stand on the line above its
/// value, which then stands left of it, its end near the mark).
fn hang<'a>(cells: &mut [RowCell<'a>], hanging: &[&'a Vec<LineToken>]) {
    for &line in hanging {
        let mut last: Option<(usize, usize)> = None;
        for w in line.iter() {
            // The gap between the word and the cell (0 when it starts under it).
            let end = w.x + w.cell.text.chars().count() as u32;
            let distance = |c: &RowCell| {
                if w.x + 2 >= c.start && w.x <= c.end {
                    0
                } else if end <= c.start {
                    c.start - end
                } else {
                    w.x.saturating_sub(c.end)
                }
            };
            let nearest = (0..cells.len()).min_by_key(|&k| {
                // At equal distance, the cell to the left (a cell wraps below its start).
                (distance(&cells[k]), cells[k].start > w.x)
            });
            // A word of the same segment as the word before it stays in its
            // cell, unless it stands under a later cell's start.
            let at = match last {
                Some((segment, cell)) if segment == w.segment => {
                    (cell + 1..cells.len()).rev().find(|&k| cells[k].start <= w.x + 2).unwrap_or(cell)
                }
                _ => match nearest {
                    Some(k) => k,
                    None => continue,
                },
            };
            last = Some((w.segment, at));
            let Some(c) = cells.get_mut(at) else { continue };
            // The cell's words on the row's line, when they are marks only
            // and nothing hangs after them yet.
            let first_main = c.words.iter().position(|w| w.1);
            let marks_last = first_main
                .is_some_and(|f| c.words[f..].iter().all(|(m, main)| *main && m.kind == Kind::Marks));
            let value = w.kind != Kind::Marks;
            let n = w.cell.text.chars().count() as u32;
            let left_of = first_main.and_then(|f| c.words.get(f)).is_some_and(|f| w.x + n <= f.0.x);
            if let (Some(f), true) = (first_main, marks_last && value && left_of) {
                // `(3)` above and right of its `J` (`2,738,095 D` below
                // `(1)`): the values come first, in their order.
                c.words.insert(f, (w, false));
            } else {
                c.words.push((w, false));
            }
        }
    }
}

/// In each cell whose words on the row's first line are footnote marks
/// only and whose next word (hanging below) is a value, put the value
/// first. Returns whether any cell changed.
fn raise_marks(cells: &mut [RowCell]) -> bool {
    let mut changed = false;
    for c in cells.iter_mut() {
        let marks = c.words.iter().take_while(|w| w.1 && w.0.kind == Kind::Marks).count();
        let next_is_value = c.words.get(marks).is_some_and(|w| !w.1 && w.0.kind != Kind::Marks);
        if marks > 0 && next_is_value && c.words.iter().filter(|w| w.1).count() == marks {
            let value = c.words.remove(marks);
            c.words.insert(0, value);
            changed = true;
        }
    }
    changed
}

/// A token of a row for the alignment.
#[derive(Clone, Debug)]
struct Tok {
    token: Token,
    /// The index of its cell.
    cell: usize,
    /// The index of its first word in the cell.
    word: usize,
    /// A footnote mark after a value on the row's first line: it marks
    /// that value, or fills a column of its own run up to it.
    flexible: bool,
    /// The heading group it must fill ([`RowCell::pinned`]).
    pin: Option<usize>,
}

/// The row's tokens, marks after an (A) or (D) with no price after them
/// detached for the price.
fn row_tokens(cells: &[RowCell], slots: &[Slot]) -> Vec<Tok> {
    let toks = cell_tokens(cells);
    let mut out = Vec::with_capacity(toks.len() + 1);
    // The tokens moved out of their `Tok`s (not copied), and where each was.
    let (tokens, places): (Vec<Token>, Vec<_>) =
        toks.into_iter().map(|t| (t.token, (t.cell, t.word, t.flexible, t.pin))).unzip();
    align::detach_price_marks_each(tokens, slots, |token, i, detached| {
        if let Some(&(cell, word, flexible, pin)) = places.get(i) {
            // A mark detached from its letter is the price's, not flexible.
            out.push(Tok { token, cell, word, flexible: flexible && !detached, pin });
        }
    });
    out
}

/// The tokens of the row's cells: the words of a cell joined into tokens
/// as [`align::tokens`] cuts a cell's text (a phrase wrapped over lines is
/// one token, marks join the value before them, a `$` the price after it;
/// a `$` alone stands for a price not shown), and a value standing between
/// two phrases taken into them (`By 2010 Trust`). A mark after a value on
/// the first line stays a token of its own, [`Tok::flexible`].
fn cell_tokens(cells: &[RowCell]) -> Vec<Tok> {
    let mut out = Vec::new();
    // The tokens of one cell at a time (one buffer for all cells).
    let mut toks: Vec<Tok> = Vec::new();
    for (k, cell) in cells.iter().enumerate() {
        toks.clear();
        for (n, &(w, on_main)) in cell.words.iter().enumerate() {
            // The word's kind as a token; the token itself is made only
            // when it starts one (a word joined to the token before is
            // appended to its text).
            let kind = word_kind(w);
            let flexible = on_main && kind == Kind::Marks;
            // Words hanging below a phrase continue it past the marks run
            // up to it on the first line: marks followed by more of the
            // phrase are not its own, they fill a column of their own.
            let trailing = toks.iter().rev().take_while(|p| p.token.kind == Kind::Marks).count();
            if !on_main
                && trailing > 0
                && matches!(kind, Kind::Text | Kind::Letter(_))
                && let Some(at) = toks.len().checked_sub(trailing + 1)
                && toks[at].token.kind == Kind::Text
            {
                toks[at].token.push(&w.cell.text, w.cell.span);
                for p in &mut toks[at + 1..] {
                    p.flexible = false;
                }
                continue;
            }
            match toks.last_mut() {
                Some(prev)
                    if (kind == Kind::Marks && !flexible)
                        || prev.token.text == "$"
                        || (prev.token.kind == Kind::Text
                            && matches!(kind, Kind::Text | Kind::Letter(_))) =>
                {
                    prev.token.push(&w.cell.text, w.cell.span);
                }
                _ => {
                    let token = Token { text: w.cell.text.clone(), span: w.cell.span, kind, x: None };
                    let (first, v) = split_code_v(token);
                    toks.extend(std::iter::once(first).chain(v).map(|token| Tok {
                        token,
                        cell: k,
                        word: n,
                        flexible: flexible && n > 0,
                        pin: cell.pinned,
                    }));
                }
            }
        }
        // A value between two phrases is a word of one phrase (the cell's
        // tokens merged straight onto the row's, from `first` on).
        let first = out.len();
        let mut it = toks.drain(..).peekable();
        while let Some(t) = it.next() {
            let merged = out.get_mut(first..).and_then(<[Tok]>::last_mut);
            let between = merged.as_ref().is_some_and(|p| p.token.kind == Kind::Text)
                && !matches!(t.token.kind, Kind::Text | Kind::Marks)
                && it.peek().is_some_and(|n| n.token.kind == Kind::Text);
            if between && let Some(prev) = merged {
                prev.token.join(&t.token, false);
                if let Some(next) = it.next() {
                    prev.token.join(&next.token, false);
                }
                prev.token.kind = Kind::Text;
                continue;
            }
            out.push(t);
        }
        for t in out.get_mut(first..).unwrap_or_default() {
            if t.token.text == "$" {
                t.token.kind = Kind::Dollars;
            }
        }
    }
    out
}

/// A word's kind as a token.
fn word_kind(w: &LineToken) -> Kind {
    // A `$` alone waits for its price: no word of a phrase.
    if w.cell.text == "$" { Kind::Dollars } else { w.kind }
}

/// `JV`: a transaction code and the `V` written together, as two tokens
/// (the second `None` for any other token).
fn split_code_v(t: Token) -> (Token, Option<Token>) {
    let b = t.text.as_bytes();
    if t.kind == Kind::Text
        && b.len() == 2
        && b[1] == b'V'
        && crate::model::TransactionCode::parse(&t.text[..1]).is_some()
    {
        let code = Token { text: t.text[..1].to_owned(), kind: Kind::Letter(b[0] as char), ..t.clone() };
        let v = Token { text: "V".to_owned(), kind: Kind::Letter('V'), ..t };
        return (code, Some(v));
    }
    (t, None)
}

/// The score of leaving a token out (in units of [`align::fit`] × 4).
const DROP: i32 = -16;
/// The cost of one cell running over into the next heading's columns.
const RUN: i32 = -2;
/// The cost of an amount without its (A) or (D) after it in the same cell.
const LONE_AMOUNT: i32 = -6;
/// The score of a mark joining the value before it: as much as a mark
/// filling a price or date column of its own run up to the value (which
/// of the two is not certain), more than one filling any other column.
const ATTACH: i32 = 6;

/// How well a token fits a slot ([`align::fit`]), but footnote marks alone
/// never fill a column the form always gives a value (the transaction
/// date, the (A) or (D), the ownership form): they mark a value beside them.
fn fit(kind: Kind, slot: Slot) -> i32 {
    let needs_value = matches!(slot, Slot::Date | Slot::AcquiredDisposed | Slot::DirectIndirect);
    if kind == Kind::Marks && needs_value { 0 } else { align::fit(kind, slot) }
}

/// Where the alignment puts a token.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Placement {
    /// The slots it fills in some best alignment.
    slots: Vec<usize>,
    /// Whether some best alignment leaves it out.
    dropped: bool,
    /// Whether some best alignment joins it (a mark) to the value before it.
    attached: bool,
}

/// Align a row's tokens with the slots (each with its heading group), in
/// order: a token fills a slot it fits ([`align::fit`]), the tokens of one
/// cell fill one group or consecutive ones, a new cell starts a later group
/// than the cell before, and a flexible mark may join the value before it
/// instead. Every best alignment is kept: see [`Placement`]. `group_of`
/// numbers the slots' groups in order (a group's slots are consecutive).
///
/// A step's score depends on the slot before only by whether it is in the
/// same group and whether it is an amount, so each pass keeps the best
/// scores over the slots before (or after) as it goes, and takes n·m steps,
/// not n·m².
fn align_cells(tokens: &[Tok], slots: &[Slot], group_of: &[usize]) -> Vec<Placement> {
    let (n, m) = (tokens.len(), slots.len());
    let neg = i32::MIN / 4;
    // States: s = 0 nothing placed yet, s = j + 1 the last token placed went to slot j.
    let width = m + 1;
    let same_cell = |i: usize| i > 0 && tokens[i - 1].cell == tokens[i].cell;
    // The score of token i filling slot j, before what the slot before adds (`neg`: it cannot).
    // [`fit`] is asked once per kind of token (a row's tokens are of a few kinds).
    let (mut kinds, mut kind_fits): (Vec<Kind>, Vec<i32>) = (Vec::new(), Vec::new());
    let mut fits: Vec<i32> = Vec::with_capacity(n * m);
    for t in tokens {
        let kind = t.token.kind;
        let k = kinds.iter().position(|&k| k == kind).unwrap_or_else(|| {
            kinds.push(kind);
            kind_fits.extend(slots.iter().map(|&slot| fit(kind, slot)));
            kinds.len() - 1
        });
        for (&f, &g) in kind_fits[k * m..(k + 1) * m].iter().zip(group_of) {
            fits.push(if f == 0 || t.pin.is_some_and(|pin| pin != g) { neg } else { f * 4 });
        }
    }
    // Whether slot j is the first or the last of its group.
    let opens: Vec<bool> = (0..m).map(|j| j == 0 || group_of.get(j - 1) != group_of.get(j)).collect();
    let closes: Vec<bool> = (0..m).map(|j| j + 1 == m || group_of.get(j + 1) != group_of.get(j)).collect();
    // An amount without its (A) or (D) after it in the same cell: the cost
    // when slot `last` (an amount) is followed by a token in another slot,
    // unless (`pairs`) the token is of the same cell and the slot an (A) or (D).
    let lone_after: Vec<i32> =
        slots.iter().map(|&s| if s == Slot::Shares { LONE_AMOUNT } else { 0 }).collect();
    let pairs: Vec<bool> = slots.iter().map(|&s| s == Slot::AcquiredDisposed).collect();
    let lone_before = |same: bool, j: usize| if same && pairs[j] { 0 } else { LONE_AMOUNT };
    // The best of a score kept twice: as it is, and with the lone amount's cost.
    let best2 = |(a, b): (i32, i32), (c, d): (i32, i32)| (a.max(c), b.max(d));
    let none = (neg, neg);
    let attach = |i: usize, s: usize| tokens[i].flexible && s > 0 && same_cell(i);
    let end_cost = |s: usize| if s > 0 && slots[s - 1] == Slot::Shares { LONE_AMOUNT } else { 0 };
    // front[i][s]: the best score of tokens before i ending in state s;
    // placed[i][j]: the best score of tokens up to i with i in slot j.
    let mut front = vec![neg; (n + 1) * width];
    let mut placed = vec![neg; n * m];
    front[0] = 0;
    for i in 0..n {
        let same = same_cell(i);
        let (done, ahead) = front.split_at_mut((i + 1) * width);
        let (row, next) = (&done[i * width..], &mut ahead[..width]);
        let (fit_row, placed_row) = (&fits[i * m..(i + 1) * m], &mut placed[i * m..(i + 1) * m]);
        for (s, (&f, at)) in row.iter().zip(next.iter_mut()).enumerate() {
            if f != neg {
                *at = f + if attach(i, s) { ATTACH.max(DROP) } else { DROP };
            }
        }
        let run = if same { RUN } else { 0 };
        // The best scores ending in a slot of an earlier group, and of this group before j.
        let (mut earlier, mut this) = (none, none);
        for j in 0..m {
            if opens[j] {
                (earlier, this) = (best2(earlier, this), none);
            }
            let fit = fit_row[j];
            let pick = |(plain, lone): (i32, i32)| if lone_before(same, j) == 0 { plain } else { lone };
            let mut reach = row[0];
            if pick(earlier) != neg {
                reach = reach.max(pick(earlier) + run);
            }
            if same {
                reach = reach.max(pick(this));
            }
            if fit != neg && reach != neg {
                placed_row[j] = fit + reach;
                next[j + 1] = next[j + 1].max(fit + reach);
            }
            let f = row[j + 1];
            if f != neg {
                this = best2(this, (f, f + lone_after[j]));
            }
        }
    }
    // back[i][s]: the best score of tokens from i on, from state s (for
    // the states some alignment reaches).
    let mut back = vec![neg; (n + 1) * width];
    for s in 0..width {
        back[n * width + s] = end_cost(s);
    }
    for i in (0..n).rev() {
        let same = same_cell(i);
        let (before, after) = back.split_at_mut((i + 1) * width);
        let (row, rest_row) = (&mut before[i * width..], &after[..width]);
        let (front_row, fit_row) = (&front[i * width..(i + 1) * width], &fits[i * m..(i + 1) * m]);
        let run = if same { RUN } else { 0 };
        // The best scores from a slot of a later group, and of this group after the slot.
        let (mut later, mut this) = (none, none);
        for last in (0..m).rev() {
            if closes[last] {
                (later, this) = (best2(later, this), none);
            }
            let s = last + 1;
            if front_row[s] != neg {
                let pick = |(plain, lone): (i32, i32)| if lone_after[last] == 0 { plain } else { lone };
                let rest = rest_row[s];
                let mut best = rest + if attach(i, s) { ATTACH } else { DROP };
                if pick(later) != neg {
                    best = best.max(pick(later) + run);
                }
                if same {
                    best = best.max(pick(this));
                }
                row[s] = best.max(neg);
            }
            let (fit, b) = (fit_row[last], rest_row[last + 1]);
            if fit != neg && b != neg {
                this = best2(this, (fit + b, fit + b + lone_before(same, last)));
            }
        }
        if front_row[0] != neg {
            let rest = rest_row[0];
            row[0] = (rest + DROP).max(best2(later, this).0).max(neg);
        }
    }
    let best = back[0];
    let mut out = vec![Placement::default(); n];
    for (i, p) in out.iter_mut().enumerate() {
        let (front_row, rest_row) =
            (&front[i * width..(i + 1) * width], &back[(i + 1) * width..(i + 2) * width]);
        for (s, (&f, &rest)) in front_row.iter().zip(rest_row).enumerate() {
            if f == neg || rest == neg {
                continue;
            }
            if f + DROP + rest == best {
                p.dropped = true;
            }
            if attach(i, s) && f + ATTACH + rest == best {
                p.attached = true;
            }
        }
        let placed_row = &placed[i * m..(i + 1) * m];
        p.slots = (0..m)
            .filter(|&j| {
                let (f, b) = (placed_row[j], rest_row[j + 1]);
                f != neg && b != neg && f + b == best
            })
            .collect();
    }
    out
}

#[cfg(test)]
#[path = "hanging_tests.rs"]
mod tests;
