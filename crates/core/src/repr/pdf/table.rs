//! Tables I and II in PDF text with layout, read by columns.
//!
//! The headings ("1. Title of Security", "2. Transaction Date", …, and the
//! sub-headings "Code V", "Amount (A) or (D) Price") wrap over several
//! lines, but each starts at its column: the numbered headings give the
//! columns of each heading, the sub-headings the columns inside it. A row's
//! cells wrap too — a long title or "See footnote" over several lines,
//! centred on the row's main line (the browser's print) or hanging from it
//! (the older print) — so the lines between rows are grouped with the main
//! line they belong to, and the pieces of a cell are joined by their
//! columns. The row's tokens are then placed in the columns by what they
//! look like and where they stand ([`crate::repr::align`]).

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Row, Table};
use crate::repr::align::{self, Kind, Token};
use crate::repr::cells::{Cell, MarkStyle, canonical_marks};
use crate::repr::columns::{Slot, heading_slots, is_heading_words};
use crate::repr::pdf::layout::PageLine;
use crate::repr::table::{Layout, doubt_unless_complete, finish_row, slot_columns};
use crate::source::Span;

/// Whether every word of the line belongs to the column headings.
fn is_heading_line(line: &PageLine) -> bool {
    is_heading_words(line.segments.iter().flat_map(|s| s.cell.text.split_whitespace()))
}

/// Where the words of a line stand: (word, first column, column past the end).
pub(crate) fn words(line: &PageLine) -> Vec<(String, u32, u32)> {
    let mut out = Vec::new();
    for s in &line.segments {
        let mut col = s.x;
        for word in s.cell.text.split(' ') {
            let n = word.chars().count() as u32;
            if n > 0 {
                out.push((word.to_ascii_lowercase(), col, col + n));
            }
            col += n + 1;
        }
    }
    out
}

/// A column of the table: its slot and its columns on the page.
struct Column {
    slot: Slot,
    range: (u32, u32),
}

/// The table's columns from its heading lines.
fn columns(headings: &[&PageLine], table: Table) -> Vec<Column> {
    // Numbered headings: a word "1.", "2A.", "10." (the older print runs
    // two headings together: "3. Transaction 4. Securities").
    let mut anchors: Vec<u32> = Vec::new();
    for line in headings {
        for (word, x, _) in words(line) {
            let digits = word.bytes().take_while(u8::is_ascii_digit).count();
            let numbered = (1..=2).contains(&digits) && matches!(&word[digits..], "." | "a.");
            if numbered && !anchors.iter().any(|&a| a.abs_diff(x) <= 1) {
                anchors.push(x);
            }
        }
    }
    crate::sort::by(&mut anchors, Ord::cmp);
    let all_words: Vec<Vec<(String, u32, u32)>> = headings.iter().map(|l| words(l)).collect();
    let mut out: Vec<Column> = Vec::new();
    for (k, &a) in anchors.iter().enumerate() {
        let next = anchors.get(k + 1).copied().unwrap_or(u32::MAX);
        let inside = |x: u32| x + 1 >= a && x + 1 < next;
        let text: Vec<&str> =
            all_words.iter().flatten().filter(|w| inside(w.1)).map(|w| w.0.as_str()).collect();
        let Some(slots) = heading_slots(&text.join(" "), table) else { continue };
        let slots: Vec<Slot> = slots.iter().copied().filter(|s| !out.iter().any(|c| c.slot == *s)).collect();
        let right = if next == u32::MAX { u32::MAX / 2 } else { next - 1 };
        let left = a.saturating_sub(1);
        if let [slot] = slots.as_slice() {
            out.push(Column { slot: *slot, range: (left, right) });
            continue;
        }
        // Inside a heading, the sub-headings' centres split its columns.
        let centres: Vec<Option<u32>> = slots
            .iter()
            .map(|slot| {
                all_words
                    .iter()
                    .rev()
                    .flat_map(|line| line.iter())
                    .find(|w| inside(w.1) && sub_heading_word(*slot, &w.0))
                    .map(|w| (w.1 + w.2) / 2)
            })
            .collect();
        let found: Vec<u32> = centres.iter().flatten().copied().collect();
        let increasing = found.windows(2).all(|p| p[0] < p[1]);
        if found.len() < slots.len() || !increasing {
            // Sub-headings not found (or the slot is not printed, like Form 5's V): drop what is not there.
            let present: Vec<(Slot, u32)> =
                slots.iter().zip(&centres).filter_map(|(s, c)| c.map(|c| (*s, c))).collect();
            if present.is_empty() || !increasing {
                // Columns run together under one heading (the older print):
                // each may be anywhere in it, what the text looks like decides.
                for slot in &slots {
                    out.push(Column { slot: *slot, range: (left, right) });
                }
                continue;
            }
            push_split(&mut out, &present, left, right);
            continue;
        }
        let present: Vec<(Slot, u32)> = slots.iter().copied().zip(found).collect();
        push_split(&mut out, &present, left, right);
    }
    // Form 5 prints no V: a V column whose sub-heading is missing is dropped above.
    out
}

fn push_split(out: &mut Vec<Column>, present: &[(Slot, u32)], left: u32, right: u32) {
    for (i, &(slot, c)) in present.iter().enumerate() {
        let lo = if i == 0 { left } else { (present[i - 1].1 + c) / 2 };
        let hi = present.get(i + 1).map_or(right, |n| (c + n.1) / 2);
        out.push(Column { slot, range: (lo, hi) });
    }
}

/// Whether a sub-heading word names `slot`.
fn sub_heading_word(slot: Slot, word: &str) -> bool {
    match slot {
        Slot::Code => word == "code",
        Slot::V => word == "v",
        Slot::Shares => word == "amount",
        Slot::AcquiredDisposed => word == "(a)",
        Slot::Price => word == "price",
        Slot::Acquired => word == "(a)",
        Slot::Disposed => word == "(d)",
        Slot::Exercisable => word == "exercisable",
        Slot::Expiration => word == "expiration",
        Slot::UnderlyingTitle => word == "title",
        Slot::UnderlyingAmount => word == "shares",
        _ => false,
    }
}

/// How a row's wrapped cells sit around its main line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Wrap {
    /// Evenly above and below (the browser's print of the EDGAR page).
    Centred,
    /// Below it (the older vendor print).
    Hanging,
}

/// Read a table from its page lines (after its "Table I/II" title). A
/// table continued on another page repeats its title and headings there:
/// each run of headings sets the columns of the rows after it.
pub(crate) fn read(
    page: &[PageLine],
    table: Table,
    marks: MarkStyle,
    wrap: Wrap,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Row> {
    let is_title = |l: &PageLine| l.segments.first().is_some_and(|s| s.cell.text.starts_with("Table I"));
    let mut rows = Vec::new();
    let mut i = 0;
    let mut continued = false;
    while i < page.len() {
        let mut headings: Vec<&PageLine> = Vec::new();
        while let Some(line) = page.get(i) {
            if !line.is_blank() && is_heading_line(line) {
                headings.push(line);
            } else if !line.is_blank() && !is_title(line) {
                break;
            }
            i += 1;
        }
        let start = i;
        while i < page.len()
            && !is_title(&page[i])
            && !(starts_numbered(&page[i]) && is_heading_line(&page[i]))
        {
            i += 1;
        }
        if headings.is_empty() {
            continue;
        }
        let run = Run { data: &page[start..i], continued };
        let (mut more, ran_on) = if wrap == Wrap::Hanging {
            // The older print: cells in order, whatever their positions.
            let groups = super::hanging::heading_groups(&headings, table);
            let (rows, ran_on) =
                super::hanging::read_rows(run.data, &groups, table, marks, continued, diagnostics);
            let all = if ran_on { groups.concat() } else { Vec::new() };
            (rows, all)
        } else {
            read_rows(run, &headings, table, marks, wrap, diagnostics)
        };
        // Words above the page's first row may end the last row of the page
        // before, or start the first row: both are in doubt.
        if let Some(last) = rows.last_mut() {
            doubt_columns(last, table, &ran_on, diagnostics);
        }
        if let Some(first) = more.first_mut() {
            doubt_columns(first, table, &ran_on, diagnostics);
        }
        rows.extend(more);
        continued = true;
    }
    rows
}

/// The data lines under one run of headings, and whether the table ran
/// on from a page before (its first lines may end that page's last row).
#[derive(Clone, Copy)]
struct Run<'a> {
    data: &'a [PageLine],
    continued: bool,
}

/// Whether a line starts with a numbered heading ("1. Title of …").
fn starts_numbered(line: &PageLine) -> bool {
    line.segments.first().is_some_and(|s| s.cell.text.starts_with("1."))
}

fn read_rows(
    run: Run<'_>,
    headings: &[&PageLine],
    table: Table,
    marks: MarkStyle,
    wrap: Wrap,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Row>, Vec<Slot>) {
    let columns = columns(headings, table);
    if columns.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let slots: Vec<Slot> = columns.iter().map(|c| c.slot).collect();
    let ranges: Vec<(u32, u32)> = columns.iter().map(|c| c.range).collect();
    let layout = Layout { groups: slots.iter().map(|s| vec![*s]).collect() };
    let data = run.data;
    let line_tokens: Vec<Vec<Token>> = data.iter().map(|l| line_tokens(l, &ranges, marks)).collect();
    let mut rows = Vec::new();
    let groups = row_groups(run, &line_tokens, &ranges, &slots, wrap);
    let slots_of =
        |g: &Group| -> Vec<Slot> { g.doubtful.iter().filter_map(|&c| slots.get(c).copied()).collect() };
    // Columns with words above the first row, on a page the table ran on to.
    let ran_on = groups.first().filter(|_| run.continued).map(slots_of).unwrap_or_default();
    for (n, group) in groups.iter().enumerate() {
        let tokens = row_tokens(group, &line_tokens, &ranges, &slots, wrap);
        if tokens.is_empty() {
            continue;
        }
        let span = tokens.iter().map(|t| t.span).reduce(Span::cover).unwrap_or_default();
        let mut row = Row { span, ..Row::default() };
        align::fill_tokens(&mut row, &slots, &tokens, Some(&ranges), diagnostics);
        align::touch_all(&mut row, &slots, span);
        finish_row(&mut row, &layout, table);
        if n > 0 || !run.continued {
            // (The first row of a page the table ran on to: see `read`.)
            doubt_columns(&mut row, table, &slots_of(group), diagnostics);
        }
        // The older print runs columns into one another: only a complete row is trusted.
        rows.push(if wrap == Wrap::Hanging { doubt_unless_complete(row, table) } else { row });
    }
    (rows, ran_on)
}

/// A row: its main lines and the wrapped pieces of its cells (line, token
/// index into that line's tokens).
struct Group {
    mains: Vec<usize>,
    pieces: Vec<(usize, usize)>,
    /// The columns (indexes into the slots) whose wrapped pieces may as
    /// well belong to the row above or below.
    doubtful: Vec<usize>,
    /// Of those, the columns where a blank line parts the pieces at another
    /// place than the cut: in doubt however evenly the cell came out.
    parted: Vec<usize>,
}

/// Mark the values of the doubtful columns uncertain, with a diagnostic;
/// an empty cell of a doubtful column is missing (its words may have gone
/// to the row above or below).
fn doubt_columns(row: &mut Row, table: Table, doubtful: &[Slot], diagnostics: &mut Vec<Diagnostic>) {
    let row_span = row.span;
    for column in doubtful.iter().flat_map(|&s| slot_columns(s).iter().copied()) {
        let cell = row.cell(column);
        let (_, span, origin) = cell.meta();
        if !origin.is_read() {
            continue;
        }
        let (origin, span, message) = match (span, cell.text().is_some()) {
            (Some(span), true) => (
                crate::model::Origin::Uncertain,
                span,
                format!(
                    "the {} wraps over lines that may as well belong to the row above or below",
                    column.label()
                ),
            ),
            (span, false) if column.applies(table, row.kind) => (
                crate::model::Origin::Missing,
                span.unwrap_or(row_span),
                format!(
                    "the {} is empty, but its words may have gone to the row above or below",
                    column.label()
                ),
            ),
            _ => continue,
        };
        crate::repr::table::set_origin(row, column, origin);
        diagnostics.push(
            Diagnostic::new(Code::WrapUncertain, Some(span), message)
                .with_help("check where the row's cell ends against the original filing"),
        );
    }
}

/// The tokens of one line, marks joined to the value they follow.
fn line_tokens(line: &PageLine, ranges: &[(u32, u32)], marks: MarkStyle) -> Vec<Token> {
    let mut toks: Vec<Token> = Vec::new();
    for s in &line.segments {
        // Marks become superscripts (same number of characters, so columns hold).
        let cell = Cell { text: canonical_marks(&s.cell.text, marks), span: s.cell.span };
        let from = toks.len();
        for mut t in phrases(align::tokens_at(&cell, Some(s.x), false), ranges) {
            // `1,000 (1)`: a plain mark after a space, right after a value
            // of its segment, is a mark in any print (a title's `Stock (1)`
            // may be its text).
            let value_before = toks.len() > from
                && toks.last().is_some_and(|p| matches!(p.kind, Kind::Number | Kind::Dollars | Kind::Date));
            let plain_mark = t
                .text
                .strip_prefix('(')
                .and_then(|r| r.strip_suffix(')'))
                .is_some_and(|d| (1..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()));
            if value_before && plain_mark {
                t.text = canonical_marks(&t.text, MarkStyle::Spaced);
                t.kind = align::kind_of(&t.text);
            }
            // A mark joins the value before it: in the same column, or run
            // over into the edge of the next one.
            let overflow = |p: (u32, u32), x: (u32, u32)| {
                x.0 <= p.1 + 8 && slot_of(ranges, x).is_some_and(|c| x.0 < ranges[c].0 + 4)
            };
            if t.kind == Kind::Marks
                && let Some(prev) = toks.last_mut()
                && let (Some(p), Some(x)) = (prev.x, t.x)
                && (slot_of(ranges, p) == slot_of(ranges, x) || overflow(p, x))
            {
                prev.join(&t, false);
                continue;
            }
            toks.push(t);
        }
    }
    toks
}

/// A value between two words of a phrase, all three of one segment in one
/// column, is a word of the phrase (`Class A Common Stock, par value
/// $0.0001 per share`).
fn phrases(tokens: Vec<Token>, ranges: &[(u32, u32)]) -> Vec<Token> {
    let column = |t: &Token| t.x.and_then(|x| slot_of(ranges, x));
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut it = tokens.into_iter().peekable();
    while let Some(t) = it.next() {
        let between = out
            .last()
            .is_some_and(|p| p.kind == Kind::Text && column(p).is_some_and(|c| column(&t) == Some(c)))
            && !matches!(t.kind, Kind::Text | Kind::Marks)
            && it.peek().is_some_and(|n| n.kind == Kind::Text && column(n) == column(&t));
        if between && let (Some(prev), Some(next)) = (out.last_mut(), it.next()) {
            prev.join(&t, false);
            prev.join(&next, false);
            prev.kind = Kind::Text;
            continue;
        }
        out.push(t);
    }
    out
}

/// The column a token's centre stands in.
fn slot_of(ranges: &[(u32, u32)], x: (u32, u32)) -> Option<usize> {
    let c = (x.0 + x.1) / 2;
    ranges.iter().position(|r| (r.0..r.1).contains(&c))
}

/// Whether a line holds a row's values (a date, an amount, a code) outside
/// the text columns, not only the wrapped words of its titles ("Fund
/// 2010" wraps a number into the nature column).
fn is_main(tokens: &[Token], ranges: &[(u32, u32)], slots: &[Slot]) -> bool {
    main_values(tokens, ranges, slots) > 0
}

/// How many values (dates, amounts, codes) a line holds outside the text columns.
fn main_values(tokens: &[Token], ranges: &[(u32, u32)], slots: &[Slot]) -> usize {
    tokens
        .iter()
        .filter(|t| !matches!(t.kind, Kind::Text | Kind::Marks) && !in_text_column(t, ranges, slots))
        .count()
}

/// Whether a token stands in a column of text (a title or the nature of ownership).
fn in_text_column(t: &Token, ranges: &[(u32, u32)], slots: &[Slot]) -> bool {
    t.x.and_then(|x| slot_of(ranges, x))
        .is_some_and(|c| matches!(slots.get(c), Some(Slot::Title | Slot::Nature | Slot::UnderlyingTitle)))
}

/// How many cells of a row's first line a line of the older print fills
/// outside the text columns: its values, and the footnote marks standing
/// alone in a value's column (`(1)` for an exercise date or a price the
/// footnote explains is that cell's whole content, printed where the
/// value would be). A line of wrapped words, or a value hanging under its
/// row (a price below its `$`), fills one at most.
fn row_start_cells(tokens: &[Token], ranges: &[(u32, u32)], slots: &[Slot]) -> usize {
    tokens.iter().filter(|t| t.kind != Kind::Text && !in_text_column(t, ranges, slots)).count()
}

/// Group the data lines into rows: a row has one main line, or several when
/// the page staggered its cells over lines that fill different columns.
/// The wrapped pieces of cells (lines of words only) are shared out column
/// by column: pieces between two rows go to the upper row as many as it has
/// above its main line (a centred cell wraps as much below as above), the
/// rest to the lower row; in the older print they hang below their row.
fn row_groups(
    run: Run<'_>,
    tokens: &[Vec<Token>],
    ranges: &[(u32, u32)],
    slots: &[Slot],
    wrap: Wrap,
) -> Vec<Group> {
    let data = run.data;
    let skip = |i: usize| data[i].is_blank() || data[i].is_form_text();
    let blank_between = |a: usize, b: usize| (a.min(b)..a.max(b)).any(|k| data[k].is_blank());
    let column = |t: &Token| t.x.and_then(|x| slot_of(ranges, x));
    let columns = |i: usize| -> Vec<usize> {
        tokens[i].iter().filter(|t| !matches!(t.kind, Kind::Marks)).filter_map(column).collect()
    };
    let mut groups: Vec<Group> = Vec::new();
    let mut filled: Vec<usize> = Vec::new();
    // In the older print a row starts with its title and its values (a
    // footnote mark alone in a value's column counts as its value): a line
    // with one value (a price wrapped under its `$`, maybe beside a title's
    // last word, or an amount under a title's first words) hangs from the row above.
    let hangs = |i: usize| wrap == Wrap::Hanging && row_start_cells(&tokens[i], ranges, slots) < 2;
    let mut mains: Vec<usize> = Vec::new();
    for i in (0..data.len()).filter(|&i| !skip(i) && is_main(&tokens[i], ranges, slots)) {
        if mains.is_empty() || !hangs(i) {
            mains.push(i);
        }
    }
    for &i in &mains {
        let cols = columns(i);
        // A row of the older print starts with its title; the browser's print
        // staggers a row's cells over lines that fill different columns.
        let joins = groups.last().is_some_and(|g| {
            let last = *g.mains.last().unwrap_or(&0);
            match wrap {
                Wrap::Hanging => !cols.contains(&0),
                Wrap::Centred => {
                    !blank_between(last, i) && !cols.contains(&0) && cols.iter().all(|c| !filled.contains(c))
                }
            }
        });
        if joins && let Some(g) = groups.last_mut() {
            g.mains.push(i);
            filled.extend(cols);
        } else {
            groups.push(Group {
                mains: vec![i],
                pieces: Vec::new(),
                doubtful: Vec::new(),
                parted: Vec::new(),
            });
            filled = cols;
        }
    }
    if wrap == Wrap::Centred {
        groups = join_untitled(groups, &columns, &blank_between, run.continued);
    }
    if groups.is_empty() {
        return groups;
    }
    let main_has =
        |g: &Group, col: Option<usize>| g.mains.iter().any(|&m| tokens[m].iter().any(|t| column(t) == col));
    let first = |g: &Group| g.mains[0];
    let last = |g: &Group| *g.mains.last().unwrap_or(&g.mains[0]);
    // Pieces by column (in column order, no column first), in line order.
    /// A column's pieces: (line, token) each.
    type Pieces = Vec<(usize, usize)>;
    let mut by_column: Vec<(Option<usize>, Pieces)> = Vec::new();
    for i in (0..data.len()).filter(|&i| !skip(i) && !mains.contains(&i)) {
        for (k, t) in tokens[i].iter().enumerate() {
            let col = column(t);
            let at = match by_column.binary_search_by_key(&col, |&(c, _)| c) {
                Ok(at) => at,
                Err(at) => {
                    by_column.insert(at, (col, Vec::new()));
                    at
                }
            };
            by_column[at].1.push((i, k));
        }
    }
    for &(column_of, ref pieces) in &by_column {
        // How many pieces each row has above its main line in this column.
        let mut above = vec![0usize; groups.len()];
        let mut idx = 0;
        for gi in 0..=groups.len() {
            let upper = gi.checked_sub(1);
            let lower = (gi < groups.len()).then_some(gi);
            let limit = lower.map_or(usize::MAX, |l| first(&groups[l]));
            let start = idx;
            while idx < pieces.len() && pieces[idx].0 < limit {
                idx += 1;
            }
            let gap = &pieces[start..idx];
            let mut parted = false;
            let (to_upper, sure) = match (upper, lower) {
                (Some(_), None) => (gap.len(), true),
                // Above the first row of a page the table ran on to: maybe the
                // end of the last row of the page before.
                (None, _) => (0, !run.continued || gap.is_empty()),
                (Some(_), Some(_)) if wrap == Wrap::Hanging => (gap.len(), true),
                (Some(u), Some(l)) => {
                    let (upper_last, lower_first) = (last(&groups[u]), first(&groups[l]));
                    let (to_upper, sure) = centred_split(
                        gap,
                        above[u],
                        main_has(&groups[u], column_of),
                        upper_last,
                        lower_first,
                    );
                    // A blank line at another place in the gap may as well part
                    // the two rows' cells (a cell may wrap unevenly).
                    let line_at = |k: usize| if k == 0 { upper_last } else { gap[k - 1].0 };
                    let next_at = |k: usize| if k == gap.len() { lower_first } else { gap[k].0 };
                    parted = (0..=gap.len()).any(|k| k != to_upper && blank_between(line_at(k), next_at(k)));
                    (to_upper, sure && !parted)
                }
            };
            if !sure && let Some(c) = column_of {
                // Both rows' cells in this column may be cut wrong.
                for g in [upper, lower].into_iter().flatten() {
                    if !groups[g].doubtful.contains(&c) {
                        groups[g].doubtful.push(c);
                    }
                    if parted && !groups[g].parted.contains(&c) {
                        groups[g].parted.push(c);
                    }
                }
            }
            for (k, &piece) in gap.iter().enumerate() {
                let target = if k < to_upper { upper } else { lower };
                if let Some(t) = target {
                    groups[t].pieces.push(piece);
                    if Some(t) == lower {
                        above[t] += 1;
                    }
                }
            }
            if let Some(l) = lower {
                let band_end = last(&groups[l]);
                while idx < pieces.len() && pieces[idx].0 <= band_end {
                    groups[l].pieces.push(pieces[idx]);
                    idx += 1;
                }
            }
        }
    }
    // A row left with nothing in a column that always has a value (the
    // title; the nature of an indirect holding), whose cut was in doubt,
    // had its words given to the row above or below: its cell and its
    // neighbours' stay in doubt however evenly they came out.
    let has = |g: &Group, c: usize| {
        main_has(g, Some(c)) || g.pieces.iter().any(|&(i, k)| tokens[i].get(k).and_then(column) == Some(c))
    };
    let indirect = |g: &Group| {
        g.mains.iter().any(|&m| {
            tokens[m].iter().any(|t| {
                t.kind == Kind::Letter('I')
                    && column(t).and_then(|k| slots.get(k)) == Some(&Slot::DirectIndirect)
            })
        })
    };
    let required = |g: &Group, c: usize| match slots.get(c) {
        Some(Slot::Title) => true,
        Some(Slot::Nature) => indirect(g),
        _ => false,
    };
    for n in 0..groups.len() {
        let g = &groups[n];
        let emptied: Vec<usize> =
            g.doubtful.iter().copied().filter(|&c| required(g, c) && !has(g, c)).collect();
        for c in emptied {
            for m in [n.checked_sub(1), Some(n), Some(n + 1)].into_iter().flatten() {
                if let Some(g) = groups.get_mut(m)
                    && g.doubtful.contains(&c)
                    && !g.parted.contains(&c)
                {
                    g.parted.push(c);
                }
            }
        }
    }
    // A cell wrapped as much below its main line as above it was cut
    // where the centred print puts it: only uneven cells stay in doubt.
    for (n, g) in groups.iter_mut().enumerate() {
        if n == 0 && run.continued {
            continue;
        }
        let doubtful = std::mem::take(&mut g.doubtful);
        g.doubtful = doubtful
            .into_iter()
            .filter(|&c| g.parted.contains(&c) || wrapped(g, c, tokens, ranges) != 0)
            .collect();
    }
    groups
}

/// In the browser's print, a row's cells may stagger over lines above the
/// line of its title: a group of main lines without the title column, set
/// apart by a blank line from the row above (or first in a table that did
/// not run on from a page before), with no blank line before the next
/// group and no column in common with it, is the start of that group (in
/// doubt when first in a table run on from a page before).
fn join_untitled(
    groups: Vec<Group>,
    columns: &dyn Fn(usize) -> Vec<usize>,
    blank_between: &dyn Fn(usize, usize) -> bool,
    continued: bool,
) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::with_capacity(groups.len());
    let mut it = groups.into_iter().peekable();
    while let Some(mut g) = it.next() {
        let (Some(&first), Some(&last)) = (g.mains.first(), g.mains.last()) else { continue };
        let cols: Vec<usize> = g.mains.iter().flat_map(|&m| columns(m)).collect();
        // First in a table run on from a page before, it may as well end
        // that page's last row: joined, but in doubt.
        let (apart, doubt) = match out.last().and_then(|p| p.mains.last()) {
            Some(&above) => (blank_between(above, first), false),
            None => (true, continued),
        };
        let joins = it.peek().is_some_and(|n| {
            let next: Vec<usize> = n.mains.iter().flat_map(|&m| columns(m)).collect();
            n.mains.first().is_some_and(|&f| !blank_between(last, f))
                && cols.iter().all(|c| !next.contains(c))
        });
        if !cols.contains(&0)
            && apart
            && joins
            && let Some(n) = it.peek_mut()
        {
            g.mains.append(&mut n.mains);
            n.mains = g.mains;
            if doubt {
                n.doubtful.extend(cols.iter().filter(|&&c| c != 0));
            }
            continue;
        }
        out.push(g);
    }
    out
}

/// How many more pieces a row's cell in column `c` has above its main line
/// than below it.
fn wrapped(g: &Group, c: usize, tokens: &[Vec<Token>], ranges: &[(u32, u32)]) -> isize {
    let (top, bottom) = (g.mains[0], *g.mains.last().unwrap_or(&g.mains[0]));
    let in_column = |&&(i, k): &&(usize, usize)| {
        tokens.get(i).and_then(|l| l.get(k)).and_then(|t| t.x).and_then(|x| slot_of(ranges, x)) == Some(c)
    };
    let above = g.pieces.iter().filter(in_column).filter(|p| p.0 < top).count();
    let below = g.pieces.iter().filter(in_column).filter(|p| p.0 > bottom).count();
    above as isize - below as isize
}

/// How many of the pieces of one column between two rows (lines `gap`,
/// after the upper row's last main line `upper_last`, before the lower
/// row's first `lower_first`) belong to the upper row, and whether that is
/// sure. A centred cell wraps as much below its main line as above it (one
/// line more or less): of those splits, the one at the widest spacing
/// between lines (sure when it is the only one with a blank line), else
/// the even one (not sure).
fn centred_split(
    gap: &[(usize, usize)],
    above: usize,
    on_main: bool,
    upper_last: usize,
    lower_first: usize,
) -> (usize, bool) {
    let n = gap.len();
    if n == 0 {
        return (0, true);
    }
    if above == 0 && !on_main {
        // Nothing above nor on the main line: the upper row's cell is empty.
        return (0, true);
    }
    let line_at = |k: usize| if k == 0 { upper_last } else { gap[k - 1].0 };
    let next_at = |k: usize| if k == n { lower_first } else { gap[k].0 };
    let candidates = above.saturating_sub(1).min(n)..=(above + 1).min(n);
    let best = candidates
        .clone()
        .max_by_key(|&c| (next_at(c) - line_at(c), std::cmp::Reverse(c.abs_diff(above))))
        .unwrap_or(above.min(n));
    let spread = next_at(best) - line_at(best);
    let sure = spread > 1 && candidates.filter(|&c| next_at(c) - line_at(c) == spread).count() == 1;
    (best, sure)
}

/// The last value of the cell a piece hangs below, in the older print,
/// where several columns run together under one heading (`Amount (A) or
/// (D) Price`, one range for its columns): of the row's tokens in the
/// piece's range (`in_slot`, left to right), those that fill the heading's
/// columns in their order make its cell; a value after them (the next
/// heading's amount, run over into this one's range) is not part of it.
/// `None` when the range is one column's, or its first token fits none.
fn heading_cell_end(
    in_slot: &[usize],
    cells: &[(Token, Vec<(usize, Token)>)],
    piece: &Token,
    ranges: &[(u32, u32)],
    slots: &[Slot],
) -> Option<usize> {
    let range = ranges.get(piece.x.and_then(|x| slot_of(ranges, x))?)?;
    let heading: Vec<Slot> = slots.iter().zip(ranges).filter(|(_, r)| *r == range).map(|(s, _)| *s).collect();
    if heading.len() < 2 {
        return None;
    }
    let mut next = 0;
    let mut end = None;
    for &c in in_slot {
        // A dollar sign alone waits for its price on the line below.
        let kind = if cells[c].0.text == "$" { Kind::Dollars } else { cells[c].0.kind };
        let Some(q) = heading[next..].iter().position(|&s| align::fit(kind, s) > 0) else { break };
        next += q + 1;
        end = Some(c);
    }
    end
}

/// The tokens of a row: its main lines', with the wrapped pieces of each
/// cell joined to the token in the same columns, in line order; a mark on
/// other lines than the value before it, just after it, joins that value.
fn row_tokens(
    group: &Group,
    tokens: &[Vec<Token>],
    ranges: &[(u32, u32)],
    slots: &[Slot],
    wrap: Wrap,
) -> Vec<Token> {
    let first = group.mains[0];
    // Each token of the row with the pieces (line, token) it is made of.
    let mut cells: Vec<(Token, Vec<(usize, Token)>)> = Vec::new();
    for &m in &group.mains {
        for t in &tokens[m] {
            cells.push((t.clone(), vec![(m, t.clone())]));
        }
    }
    crate::sort::by_key(&mut cells, |(t, _)| t.x.map_or(0, |x| x.0));
    for &(i, k) in &group.pieces {
        let t = &tokens[i][k];
        let overlaps = |m: &Token| match (m.x, t.x) {
            (Some(a), Some(b)) => a.0 < b.1 && b.0 < a.1,
            _ => false,
        };
        let column = |x: Option<(u32, u32)>| x.and_then(|x| slot_of(ranges, x));
        let same_slot = |m: &Token| column(m.x).is_some() && column(m.x) == column(t.x);
        // Text hanging below a cell continues its last value (the older print
        // runs several columns into one cell and wraps it as one text).
        let at = if wrap == Wrap::Hanging && i > first {
            let in_slot: Vec<usize> = (0..cells.len()).filter(|&c| same_slot(&cells[c].0)).collect();
            heading_cell_end(&in_slot, &cells, t, ranges, slots)
                .or_else(|| in_slot.last().copied())
                .or_else(|| cells.iter().position(|(m, _)| overlaps(m)))
        } else {
            cells
                .iter()
                .position(|(m, _)| overlaps(m))
                .or_else(|| cells.iter().position(|(m, _)| same_slot(m)))
        };
        match at {
            Some(at) => {
                let (m, parts) = &mut cells[at];
                if let (Some(a), Some(b)) = (m.x, t.x) {
                    m.x = Some((a.0.min(b.0), a.1.max(b.1)));
                }
                parts.push((i, t.clone()));
            }
            None => {
                let at = cells
                    .iter()
                    .position(|(m, _)| m.x.is_some_and(|x| t.x.is_some_and(|tx| tx.0 < x.0)))
                    .unwrap_or(cells.len());
                cells.insert(at, (t.clone(), vec![(i, t.clone())]));
            }
        }
    }
    // Each token with the lines of its parts.
    let mut out: Vec<(Token, Vec<usize>)> = Vec::with_capacity(cells.len());
    for (_, mut parts) in cells {
        crate::sort::by_key(&mut parts, |(line, t)| (*line, t.x.map_or(0, |x| x.0)));
        let lines: Vec<usize> = parts.iter().map(|(line, _)| *line).collect();
        let mut parts = parts.into_iter().map(|(_, t)| t);
        let Some(mut token) = parts.next() else { continue };
        for p in parts {
            token.join(&p, false);
        }
        // A mark on other lines than the value before it, just after it
        // (cells staggered over two lines): the value's.
        if token.kind == Kind::Marks
            && let Some((prev, prev_lines)) = out.last_mut()
            && !lines.iter().any(|l| prev_lines.contains(l))
            && prev.kind != Kind::Marks
            && prev.x.zip(token.x).is_some_and(|(a, b)| a.1 <= b.0 && b.0 <= a.1 + 4)
        {
            prev.join(&token, false);
            prev_lines.extend(lines);
            continue;
        }
        out.push((token, lines));
    }
    out.into_iter().map(|(t, _)| t).collect()
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
