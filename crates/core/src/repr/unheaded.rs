//! Tables I and II read without their column headings: the headings were
//! garbled (a PDF's text run together, Markdown made from a PDF), so the
//! form's standard columns are assumed and each row's tokens are aligned
//! with them by what they look like ([`crate::repr::align`]).
//!
//! The lines are not the rows: a converter cuts a printed row into several
//! lines. A line of words only (no date, no amount) continues the row
//! above when it has as many cells, else it is left unplaced and the text
//! of its neighbours is put in doubt — but in Table I of a table made from
//! a PDF whose cells are centred on their rows (Markdown made from a PDF),
//! where the lines of words are the natures of the rows around them (or
//! the titles of rows held directly whose lines show none) when that
//! centring fixes each line's row ([`crate::repr::centred`]); a line
//! of a lone letter and words there (`S Trust(3)`) is a code that fell
//! beside its row and a nature's words, split. A line of values only — no words, so
//! no title — is a piece of a row: a converter that lifts cells with a
//! superscript footnote mark onto a line of their own puts the code and
//! amount (`S(1) 600(2)`) above the rest of their row. Such a piece is
//! joined to the line below, cell by cell, when the two are cells of one
//! table (as many cells), together they make one complete row whose every
//! token has one column, and the row above already shows every column the
//! piece fills (so the piece cannot be its). A piece may also carry the
//! first words of the row's wrapped cells (`C(1)` … `See` over `391,269` …
//! `Footnote(4)`): it is joined when each of its cells of words stands over
//! a cell of words and its title's cell is empty. Footnote marks standing on
//! a line of their own may be any cell's of the rows beside them (left
//! loose, or joined to the row above as words): those rows' cells with
//! marks are put in doubt (their marks may be incomplete), and neither row
//! is taken as certain past a row in doubt.

use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{Column, Row, Table};
use crate::repr::align::{Kind, kind_of, kinds};
use crate::repr::cells::{self, Cell};
use crate::repr::columns::{Slot, fill as fill_slot};
use crate::repr::grid::Line;
use crate::repr::{centred, table};
use crate::source::Span;

/// The rows of a table whose headings were garbled: lines with values are
/// rows; lines of words only are pieces of wrapped titles or natures whose
/// row is not certain — left out, with a diagnostic, and the text of the
/// rows around them marked uncertain.
pub(crate) fn read(
    data: &[Line],
    layout: &table::Layout,
    table: Table,
    centred: Option<&[Span]>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Row> {
    // A table made from a PDF may letter-space its narrow cells' words: joined
    // first, so that no fragment (`S` of `S to ck`) is read as a column's letter.
    let (respaced, letter_spaced) = match centred {
        Some(_) => join_letter_spaced(data),
        None => (std::borrow::Cow::Borrowed(data), Vec::new()),
    };
    // Rows have a date or an amount; a line of the same table (as many
    // cells) with neither continues the row above, cell by cell.
    let data = join_lifted_pieces(&respaced, layout, table);
    let mut lines: Vec<Line> = Vec::new();
    let mut kinds: Vec<Piece> = Vec::new();
    let mut loose: Vec<(usize, Line)> = Vec::new();
    // Whether each line had a line of the same table joined to it.
    let mut continued: Vec<bool> = Vec::new();
    // The lines that took a line of words below them; and pairs of such a
    // line and the untitled line right below it, whose rows' text is in
    // doubt as the words may be the lower row's.
    let mut took_words: Vec<usize> = Vec::new();
    let mut doubt_wrapped: Vec<(usize, usize)> = Vec::new();
    // The lines that took a line of footnote marks alone below them, as
    // words: the marks may be the next row's.
    let mut took_marks: Vec<usize> = Vec::new();
    // The lines that are a lifted piece and the line below it, joined.
    let mut merged: Vec<usize> = Vec::new();
    // The words split off a line of letters: their index in `loose`, and the letters' line.
    let mut split_words: Vec<(usize, usize)> = Vec::new();
    // Underlying amounts lifted off their rows onto lines of words, each with its gap.
    let mut amounts: Vec<(usize, Line)> = Vec::new();
    // The lines that showed no title until a line of words below them was
    // joined to them (a band written as two lines, the title's last line on the second).
    let mut titled_below: Vec<usize> = Vec::new();
    // Each line moved out of `data` (no copy): it is read once.
    for (line, class, joined) in data {
        if let Some((values, words)) = centred.and_then(|_| split_values(&line)) {
            // A value lifted above its row (or dropped below it) and the
            // first (or last) words of a wrapped cell on one line: the
            // words stand beside the piece, on the side its row is not.
            split_words.push((loose.len(), lines.len()));
            lines.push(values);
            kinds.push(Piece::Lifted);
            continued.push(false);
            loose.push((lines.len(), words));
        } else if let Some((amount, words)) =
            centred.filter(|_| table == Table::Derivative).and_then(|_| split_amount(&line))
        {
            amounts.push((lines.len(), amount));
            loose.push((lines.len(), words));
        } else if class.has_values() {
            if joined {
                merged.push(lines.len());
            }
            // Words that continued the row above may be the first lines of
            // this row's titles, wrapped above its band, when its band shows
            // no title ([`untitled`]): both rows' text is in doubt.
            if let Some(above) = lines.len().checked_sub(1)
                && centred.is_some()
                && took_words.last() == Some(&above)
                && untitled(&line, layout, table)
            {
                doubt_wrapped.push((above, lines.len()));
            }
            lines.push(line);
            kinds.push(if class.values_only() { Piece::Lifted } else { Piece::Whole });
            continued.push(false);
        } else if let Some(above) = lines.len().checked_sub(1)
            && let Some(prev) =
                lines.last_mut().filter(|p| p.cells.len() == line.cells.len() && line.cells.len() >= 3)
        {
            if let Some(c) = continued.last_mut() {
                *c = true;
            }
            if took_words.last() != Some(&above) {
                took_words.push(above);
            }
            if marks_only(&line) {
                took_marks.push(above);
            }
            if centred.is_some() && trial(prev, layout, table).0.security_title.value.is_none() {
                titled_below.push(above);
            }
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
        } else if class.letters_only() {
            lines.push(line);
            kinds.push(Piece::Dropped);
            continued.push(false);
        } else if let Some((letters, words)) = split_letters(&line).filter(|_| centred.is_some()) {
            // A line of a band's beside the row's line: a code dropped below
            // it or lifted above it, and the words of a wrapped cell (between
            // the rows on the side the code went, once that is known).
            split_words.push((loose.len(), lines.len()));
            lines.push(letters);
            kinds.push(Piece::Dropped);
            continued.push(false);
            loose.push((lines.len(), words));
        } else {
            loose.push((lines.len(), line));
        }
    }
    let mut pieces = Vec::with_capacity(lines.len());
    let mut clean: Vec<bool> = Vec::with_capacity(lines.len());
    for line in &lines {
        let mut said = Vec::new();
        pieces.push(table::read_unheaded_row(line, layout, table, &mut said));
        clean.push(placed_for_certain(&said));
        diags.append(&mut said);
    }
    // A line of values only that shows every value a row shows but its
    // code is a row's band whose title wrapped off it (its code may have
    // dropped below it), not a piece lifted off a row: a converter lifts
    // the footnoted cells of a row, never all of its values but the title.
    for (kind, piece) in kinds.iter_mut().zip(&pieces) {
        if *kind == Piece::Lifted
            && table::shows_every_value(piece, table, true, Some(Column::TransactionCode))
        {
            *kind = Piece::Whole;
        }
    }
    settle_lone_amounts(&mut pieces, &kinds, &mut clean, table);
    settle_lone_codes(&mut pieces, &kinds, &mut clean, &lines, table);
    // Where each line's row went, as rows are joined.
    let (pieces, first, unplaced) = join_lifted_rows(pieces, &kinds, &clean);
    // A dropped piece joined to its row was the lower line of the row's band.
    for (k, c) in continued.iter_mut().enumerate() {
        *c |= kinds.get(k) == Some(&Piece::Dropped) && !unplaced.contains(&k);
    }
    let (joined, second) = table::join_pieces(pieces);
    let mut rows: Vec<_> = joined.into_iter().map(|r| table::doubt_unless_complete(r, table)).collect();
    let row_of = |line: usize| first.get(line).and_then(|&k| second.get(k)).copied();
    // The lines whose lone letters are words: a letter split off a line of
    // words ([`split_letters`]) that no row took, when neither row beside
    // it lacks a column a letter fills (a code, a direction, an ownership
    // form), is no code fallen off a row: it is the words' first word
    // (`I Management,` of a fund's name), given back to them.
    let mut worded: Vec<Span> = Vec::new();
    for k in unplaced {
        // A piece of letters joined to no row: loose text between its neighbours.
        let Some(line) = lines.get(k) else { continue };
        let split = split_words.iter().find(|&&(_, l)| l == k).map(|&(at, _)| at);
        let beside = [row_of(k), row_of(k + 1)];
        let settled =
            || beside.iter().flatten().all(|&r| rows.get(r).is_some_and(|row| !lacks_a_letter(row)));
        if let Some(entry) = split.filter(|_| settled()).and_then(|at| loose.get_mut(at)) {
            entry.1 = merge_cells(line, &entry.1);
            worded.push(entry.1.span());
        } else {
            loose.push((k + 1, line.clone()));
        }
    }
    // Which rows were pieced together: from more than one line, or from a
    // line that had another joined to it.
    let mut pieced = vec![false; rows.len()];
    let mut seen = vec![false; rows.len()];
    for k in 0..lines.len() {
        let Some(r) = row_of(k).filter(|&r| r < rows.len()) else { continue };
        let joined = continued.get(k).copied().unwrap_or(false) || merged.contains(&k);
        pieced[r] |= seen[r] || joined;
        seen[r] = true;
    }
    for (at, k) in split_words {
        // Lifted above the row below: the words stand before that row.
        let lifted =
            k + 1 < lines.len() && row_of(k) == row_of(k + 1) && row_of(k.wrapping_sub(1)) != row_of(k);
        if lifted && let Some(entry) = loose.get_mut(at) {
            entry.0 = k;
        }
    }
    let unplaced = place_amounts(&mut rows, amounts, &loose, lines.len(), &row_of, table);
    loose.extend(unplaced);
    if centred.is_some() {
        loose = place_lone_marks(&mut rows, loose, &layout.slots(), lines.len(), &row_of, table);
    }
    if let Some(breaks) = centred.filter(|_| table == Table::NonDerivative) {
        let untitled: Vec<bool> = rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.security_title.value.is_none() || titled_below.iter().any(|&k| row_of(k) == Some(r))
            })
            .collect();
        let bands = Bands { continued: &continued, untitled: &untitled, breaks, worded: &worded };
        let titled;
        (loose, titled) = place_centred(&mut rows, loose, lines.len(), &row_of, &bands);
        // The words joined to the row above a row whose title the
        // centring placed around its band are not that row's title.
        doubt_wrapped.retain(|&(_, k)| row_of(k).is_none_or(|r| !titled.contains(&r)));
    }
    // The first row below a line showing a value left unplaced: a row may
    // have been lost there (its values not read as a row).
    let lost_from = loose
        .iter()
        .filter(|(_, line)| Class::of(line).has_values())
        .map(|&(at, _)| at.checked_sub(1).and_then(row_of).map_or(0, |r| r + 1))
        .min()
        .unwrap_or(rows.len());
    // Rows beside loose footnote marks: their cells' marks may be incomplete.
    let mut beside_marks: Vec<usize> = Vec::new();
    // Rows beside a line of marks alone joined to the row above it as words
    // (the row that took it and the next): the marks may be either's, like
    // loose marks'.
    let mut took = vec![false; rows.len()];
    for k in took_marks.iter().flat_map(|&k| [k, k + 1]).filter_map(row_of) {
        if let Some(t) = took.get_mut(k) {
            *t = true;
            beside_marks.push(k);
        }
    }
    for (at, line) in loose {
        diags.push(Diagnostic::new(
            Code::UnplacedContent,
            Some(line.span()),
            format!(
                "the text {} between the rows of the table was not placed: which row it continues is not certain",
                quote(&line.text())
            ),
        ));
        for k in [at.checked_sub(1), Some(at)].into_iter().flatten().filter_map(row_of) {
            if let Some(row) = rows.get_mut(k) {
                table::doubt_text(row);
                if has_loose_marks(&line) {
                    beside_marks.push(k);
                }
            }
        }
    }
    for k in doubt_wrapped.into_iter().flat_map(|(a, b)| [a, b]).filter_map(row_of) {
        if let Some(row) = rows.get_mut(k) {
            table::doubt_text(row);
        }
    }
    let gathered = table::Gathered { pieced: &pieced, lost_from, took_marks: &took };
    table::doubt_rows_together_but_first(&mut rows, table, true, Some(gathered), diags);
    // Marks do not make rows: whether the rows were told apart is not
    // affected, so this comes after the rows' doubt.
    for k in beside_marks {
        if let Some(row) = rows.get_mut(k) {
            table::doubt_footnoted(row);
        }
    }
    for row in &mut rows {
        doubt_joined_text(row, &letter_spaced);
    }
    rows
}

/// Cells whose letter-spaced words were joined: each cell's span and the words.
type Joined = Vec<(Span, Vec<String>)>;

/// The lines with the letter-spaced words of their cells joined
/// ([`cells::join_letter_spaced`]), and each cell changed: its span and the
/// words joined in it.
fn join_letter_spaced(data: &[Line]) -> (std::borrow::Cow<'_, [Line]>, Joined) {
    let mut joined = Vec::new();
    // The cells' joined texts, found first: the lines are copied only when one changed.
    let texts: Vec<Option<String>> = data
        .iter()
        .flat_map(|line| &line.cells)
        .map(|cell| {
            let (text, words) = cells::join_letter_spaced(&cell.text)?;
            joined.push((cell.span, words));
            Some(text)
        })
        .collect();
    if joined.is_empty() {
        return (std::borrow::Cow::Borrowed(data), joined);
    }
    let mut texts = texts.into_iter();
    let lines = data
        .iter()
        .map(|line| {
            let cells = line
                .cells
                .iter()
                .map(|cell| match texts.next().flatten() {
                    Some(text) => Cell { text, span: cell.span },
                    None => cell.clone(),
                })
                .collect();
            Line::new(cells)
        })
        .collect();
    (std::borrow::Cow::Owned(lines), joined)
}

/// Mark uncertain a row's text read from letter-spaced words that were
/// joined: where the words of the run met is not shown.
fn doubt_joined_text(row: &mut Row, joined: &[(Span, Vec<String>)]) {
    for column in [Column::SecurityTitle, Column::UnderlyingSecurityTitle, Column::NatureOfOwnership] {
        let crate::model::Cell::Text(field) = row.cell(column) else { continue };
        let (Some(value), Some(span)) = (&field.value, field.span) else { continue };
        let from_joined = joined.iter().any(|(at, words)| {
            at.start < span.end
                && span.start < at.end
                && words.iter().any(|w| value.contains(w.trim_matches(|c: char| !c.is_ascii_alphabetic())))
        });
        if from_joined && field.origin.is_read() {
            table::set_origin(row, column, crate::model::Origin::Uncertain);
        }
    }
}

/// Place footnote marks standing alone on a line right beside a row's line
/// (the first line below it, or the last above it, in the gap between two
/// rows): a converter that writes a footnoted cell's marks off its line
/// writes the marks of a cell that shows nothing else (`(1)`: a price given
/// only by a footnote) on a line of their own. They are the row's when it
/// shows nothing in as many of the columns every row of its kind shows
/// ([`table::unshown`]) as the line has marks, each a column a footnote
/// alone may fill (a price, the dates exercisable and of expiration), and
/// the row on the line's other side is not such a row too: placed in those
/// columns in their printed order, uncertain (which mark is which column's
/// is not shown), and the row's text put in doubt (the marks may be a
/// wrapped title's or nature's). Returns the lines not placed.
fn place_lone_marks(
    rows: &mut [Row],
    loose: Vec<(usize, Line)>,
    slots: &[Slot],
    lines: usize,
    row_of: &dyn Fn(usize) -> Option<usize>,
    table: Table,
) -> Vec<(usize, Line)> {
    let markable = [Slot::ExercisePrice, Slot::Price, Slot::Exercisable, Slot::Expiration];
    // The slots that marks alone would make the row show every column in.
    let wanting = |row: &Row| {
        let fill: Vec<Slot> = slots
            .iter()
            .copied()
            .filter(|s| table::unshown(row, table).any(|c| table::slot_columns(*s).contains(&c)))
            .collect();
        let missing = table::unshown(row, table).count();
        (fill.len() == missing && fill.iter().all(|s| markable.contains(s))).then_some(fill)
    };
    let mut placed = vec![false; loose.len()];
    for (k, (at, line)) in loose.iter().enumerate() {
        let marks: Vec<&str> =
            line.filled().flat_map(|c| c.text.split(' ')).filter(|w| !w.is_empty()).collect();
        if marks.is_empty() || marks.iter().any(|w| kind_of(w) != Kind::Marks) {
            continue;
        }
        let fits: Vec<(usize, Vec<Slot>)> = rows_beside(*at, line, &loose, lines, row_of)
            .into_iter()
            .flatten()
            .filter_map(|r| Some((r, wanting(rows.get(r)?)?)))
            .filter(|(_, fill)| fill.len() == marks.len())
            .collect();
        let [(r, fill)] = fits.as_slice() else { continue };
        let Some(row) = rows.get_mut(*r) else { continue };
        for (slot, mark) in fill.iter().zip(&marks) {
            if fill_slot(row, *slot, mark, line.span()).is_err() {
                continue;
            }
            for column in table::slot_columns(*slot) {
                table::set_origin(row, *column, crate::model::Origin::Uncertain);
            }
        }
        table::doubt_text(row);
        placed[k] = true;
    }
    loose.into_iter().zip(placed).filter(|(_, p)| !p).map(|(l, _)| l).collect()
}

/// Place the loose lines of words as the natures (or titles) of the rows around them
/// where a table made from a PDF centres its wrapped cells on their rows
/// and that fixes every line's row ([`crate::repr::centred`]). Only in
/// Table I, whose title column is wide enough to hold a title on one line:
/// in Table II the titles and underlying titles wrap too, onto the lines
/// the nature's wrapped lines stand on. Rows held directly whose bands
/// show no title take the lines as their titles ([`centred::Band::of`]).
/// Returns the lines not placed (all of them unless every one was), and
/// the rows that took lines as their titles.
fn place_centred(
    rows: &mut [Row],
    loose: Vec<(usize, Line)>,
    lines: usize,
    row_of: &dyn Fn(usize) -> Option<usize>,
    bands: &Bands,
) -> (Vec<(usize, Line)>, Vec<usize>) {
    // Each loose line's gap: the index of the row below it.
    let gap_of = |at: usize| -> Option<usize> {
        let above = at.checked_sub(1).map(row_of);
        let below = if at < lines { row_of(at)? } else { rows.len() };
        match above {
            None => (below == 0).then_some(0),
            Some(above) => (above? + 1 == below).then_some(below),
        }
    };
    let mut gaps: Vec<Vec<&Line>> = vec![Vec::new(); rows.len() + 1];
    for (at, line) in &loose {
        // A lone letter may be a code, not a nature's word; text in more
        // than one cell, or in a table's first (the title's), is not only a nature's.
        let mut filled = line.cells.iter().enumerate().filter(|(_, c)| !c.is_empty());
        let one_cell = match (filled.next(), filled.next()) {
            (Some((k, _)), None) => k > 0 || line.cells.len() == 1,
            _ => false,
        };
        let words = one_cell && (!Class::of(line).letters || bands.worded.contains(&line.span()));
        match gap_of(*at).filter(|_| words).and_then(|g| gaps.get_mut(g)) {
            Some(gap) => gap.push(line),
            None => return (loose, Vec::new()),
        }
    }
    let mut split = vec![false; rows.len()];
    for (k, _) in bands.continued.iter().enumerate().filter(|(_, c)| **c) {
        if let Some(s) = row_of(k).and_then(|r| split.get_mut(r)) {
            *s = true;
        }
    }
    let untitled = bands.untitled.iter().copied().chain(std::iter::repeat(false));
    let breaks = bands.breaks;
    let bands: Vec<centred::Band> =
        rows.iter().zip(&split).zip(untitled).map(|((r, &s), u)| centred::Band::of(r, s, u)).collect();
    let shapes: Vec<Vec<centred::Shape>> =
        gaps.iter().map(|gap| gap.iter().map(|l| centred::Shape::of(&l.text())).collect()).collect();
    // The gaps a page breaks in: between the rows around them.
    let broken: Vec<bool> = (0..=rows.len())
        .map(|g| match (g.checked_sub(1).and_then(|k| rows.get(k)), rows.get(g)) {
            (Some(above), Some(below)) => {
                breaks.iter().any(|b| above.span.end <= b.start && b.start <= below.span.start)
            }
            _ => false,
        })
        .collect();
    let Some(cut) = centred::cut(&shapes, &bands, &broken) else { return (loose, Vec::new()) };
    let mut titled = Vec::new();
    for (k, ((row, &(a, b)), band)) in rows.iter_mut().zip(&cut).zip(&bands).enumerate() {
        let above: Vec<Line> = gaps[k][gaps[k].len() - a..].iter().map(|l| (*l).clone()).collect();
        let below: Vec<Line> = gaps[k + 1][..b].iter().map(|l| (*l).clone()).collect();
        if a + b > 0 {
            centred::wrap(row, band.title, &above, &below);
            if band.title {
                titled.push(k);
            }
        }
    }
    (Vec::new(), titled)
}

/// What [`place_centred`] knows of the rows' bands beyond the rows.
struct Bands<'a> {
    /// Whether each line had a line of the same table joined to it.
    continued: &'a [bool],
    /// Whether each row's first line showed no title.
    untitled: &'a [bool],
    /// Where the table's pages break.
    breaks: &'a [Span],
    /// The lines whose lone letters are words, not codes.
    worded: &'a [Span],
}

/// Whether a row lacks a column a lone letter fills: its ownership form, or
/// (a transaction) its code or direction.
fn lacks_a_letter(row: &Row) -> bool {
    row.direct_or_indirect_ownership.value.is_none()
        || (row.kind == crate::model::RowKind::Transaction
            && (row.transaction_code.value.is_none()
                || row.transaction_acquired_disposed_code.value.is_none()))
}

/// A line of a table's cells whose cells hold either lone letters (`S`)
/// or words, some of each: the letters' cells, and the words' cells, each
/// as a line of the same cells (the others left empty). A converter that
/// writes a row's band as two lines puts a code that fell below the band
/// and a wrapped cell's last line (`S` … `Trust(3)`) on one line.
fn split_letters(line: &Line) -> Option<(Line, Line)> {
    if let [cell] = line.cells.as_slice() {
        // A plain line: its first word, a lone letter, from the words after it.
        let (letter, words) = cell.text.split_once(' ')?;
        let (start, end) = (cell.span.start as usize, cell.span.end as usize);
        let at = (start + letter.len()).min(end);
        let piece = |text: &str, a: usize, b: usize| {
            Line::new(vec![Cell { text: text.to_owned(), span: Span::new(a, b) }])
        };
        let with = piece(letter, start, at);
        let without = piece(words, (at + 1).min(end), end);
        let (a, b) = (Class::of(&with), Class::of(&without));
        return (a.letters_only() && b.text && !b.letters && !b.values).then_some((with, without));
    }
    let letters = |cell: &Cell| Class::of_cell(cell).letters_only();
    let keep = |pick: bool| {
        let cells = line
            .cells
            .iter()
            .map(|c| {
                if !c.is_empty() && letters(c) == pick {
                    c.clone()
                } else {
                    Cell { text: String::new(), span: c.span }
                }
            })
            .collect();
        Line::new(cells)
    };
    let (with, without) = (keep(true), keep(false));
    (line.cells.len() >= 3 && !with.is_blank() && !without.is_blank() && !Class::of(&without).letters)
        .then_some((with, without))
}

/// The rows right beside a loose line in the gap `at` (between the rows
/// of lines `at - 1` and `at`): the row above when no other loose line of
/// the gap comes before it, the row below when none comes after it.
fn rows_beside(
    at: usize,
    line: &Line,
    loose: &[(usize, Line)],
    lines: usize,
    row_of: &dyn Fn(usize) -> Option<usize>,
) -> [Option<usize>; 2] {
    let start = line.span().start;
    let gap = || loose.iter().filter(|(a, _)| *a == at).map(|(_, l)| l.span().start);
    [
        (at > 0 && gap().all(|s| s >= start)).then(|| row_of(at - 1)).flatten(),
        (at < lines && gap().all(|s| s <= start)).then(|| row_of(at)).flatten(),
    ]
}

/// A line of a table's cells (not a plain line) holding one amount and
/// words, and nothing else a row shows (no date, no dollars, no footnote
/// marks standing apart, no ownership form `D` or `I`): the amount, and
/// the words, each as a line of the same cells. A printed row of Table II
/// shows its ownership form on its band, so such a line is no row: in a
/// table made from a PDF, it is the underlying amount lifted off its
/// row's band onto a line of the wrapped titles' and natures' words.
fn split_amount(line: &Line) -> Option<(Line, Line)> {
    if line.cells.len() < 3 {
        return None;
    }
    let mut amounts = 0;
    let mut words = 0;
    for word in line.filled().flat_map(|cell| cell.text.split(' ')).filter(|w| !w.is_empty()) {
        match kind_of(word) {
            Kind::Number => amounts += 1,
            Kind::Text => words += 1,
            Kind::Letter(c) if c != 'D' && c != 'I' => words += 1,
            _ => return None,
        }
    }
    if amounts != 1 || words == 0 {
        return None;
    }
    let keep = |amount: bool| {
        let cells = line
            .cells
            .iter()
            .map(|c| {
                let text: Vec<&str> = c
                    .text
                    .split(' ')
                    .filter(|w| !w.is_empty() && (kind_of(w) == Kind::Number) == amount)
                    .collect();
                Cell { text: text.join(" "), span: c.span }
            })
            .collect();
        Line::new(cells)
    };
    Some((keep(true), keep(false)))
}

/// Place each underlying amount lifted off its row onto a line of words
/// ([`split_amount`]) in the row beside that line (the row whose line is
/// right above it or right below it in its gap) that shows every other
/// value of its kind but no underlying amount, when only one row beside it
/// does: uncertain (which row's it is rests on the rows around it). The
/// amounts not placed are returned as loose lines.
fn place_amounts(
    rows: &mut [Row],
    amounts: Vec<(usize, Line)>,
    loose: &[(usize, Line)],
    lines: usize,
    row_of: &dyn Fn(usize) -> Option<usize>,
    table: Table,
) -> Vec<(usize, Line)> {
    let lacks_amount = |row: &Row| {
        row.underlying_security_shares.value.is_none()
            && row.underlying_security_value.value.is_none()
            && table::shows_every_value(row, table, true, Some(Column::UnderlyingSecurityShares))
    };
    let mut unplaced = Vec::new();
    for (at, line) in amounts {
        let fits: Vec<usize> = rows_beside(at, &line, loose, lines, row_of)
            .into_iter()
            .flatten()
            .filter(|&r| rows.get(r).is_some_and(lacks_amount))
            .collect();
        let placed = match fits.as_slice() {
            [r] => rows.get_mut(*r).is_some_and(|row| {
                let span = line.filled().next().map_or(line.span(), |c| c.span);
                let ok = fill_slot(row, Slot::UnderlyingAmount, line.text().trim(), span).is_ok();
                if ok {
                    table::set_origin(row, Column::UnderlyingSecurityShares, crate::model::Origin::Uncertain);
                    table::set_origin(row, Column::UnderlyingSecurityValue, crate::model::Origin::Uncertain);
                }
                ok
            }),
            _ => false,
        };
        if !placed {
            unplaced.push((at, line));
        }
    }
    unplaced
}

/// A plain line of values then words (`$925.37(23) by`): the values, and
/// the words, each as a line of its own. A converter that lifts a
/// footnoted value above its row puts it on the line where a wrapped
/// cell's words begin.
fn split_values(line: &Line) -> Option<(Line, Line)> {
    let [cell] = line.cells.as_slice() else { return None };
    let words: Vec<&str> = cell.text.split(' ').collect();
    let value = |(w, kind): &(&str, Kind)| {
        matches!(kind, Kind::Date | Kind::Number | Kind::Dollars | Kind::Marks) || *w == "$"
    };
    let n = kinds(words.iter().copied()).take_while(value).count();
    let head = words[..n].join(" ");
    let tail = words[n..].join(" ");
    let (start, end) = (cell.span.start as usize, cell.span.end as usize);
    let at = (start + head.len()).min(end);
    let piece = |text: &str, a: usize, b: usize| {
        Line::new(vec![Cell { text: text.to_owned(), span: Span::new(a, b) }])
    };
    let (values, rest) = (piece(&head, start, at), piece(&tail, (at + 1).min(end), end));
    let (a, b) = (Class::of(&values), Class::of(&rest));
    (n > 0 && a.values_only() && b.text && !b.values && !b.letters).then_some((values, rest))
}

/// Whether a line shows footnote marks alone (`(1)`), and some.
fn marks_only(line: &Line) -> bool {
    let mut words = line.filled().flat_map(|cell| cell.text.split(' ')).filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(|word| kind_of(word) == Kind::Marks)
}

/// Whether a line has footnote marks standing apart (`(10)(11)`, not
/// `Trust(2)`): a cell's marks wrapped onto a line of their own, which
/// may be any cell's of the rows beside it.
fn has_loose_marks(line: &Line) -> bool {
    line.filled().flat_map(|cell| cell.text.split(' ')).any(|word| kind_of(word) == Kind::Marks)
}

/// What a line's words are: any date or amount, any words of text, any
/// lone letters. Read word by word, without cutting the line into tokens
/// (a `$` standing before its amount is part of it).
#[derive(Clone, Copy, Debug, Default)]
struct Class {
    values: bool,
    text: bool,
    letters: bool,
}

impl Class {
    fn of(line: &Line) -> Class {
        Class::of_words(line.filled().flat_map(|cell| cell.text.split(' ')))
    }

    /// The class of one cell's words.
    fn of_cell(cell: &Cell) -> Class {
        Class::of_words(cell.text.split(' '))
    }

    fn of_words<'a>(words: impl Iterator<Item = &'a str>) -> Class {
        let mut c = Class::default();
        for (word, kind) in kinds(words) {
            if word.is_empty() || word == "$" {
                continue;
            }
            match kind {
                Kind::Date | Kind::Number | Kind::Dollars => c.values = true,
                Kind::Text => c.text = true,
                Kind::Letter(_) => c.letters = true,
                Kind::Marks => {}
            }
            // Every kind seen: the words left cannot change the class.
            if c.values && c.text && c.letters {
                break;
            }
        }
        c
    }

    /// A date or an amount (every row has one).
    fn has_values(self) -> bool {
        self.values
    }

    /// Values only: a date or an amount, and no words (every row has a
    /// title, so the line is a piece of one).
    fn values_only(self) -> bool {
        self.values && !self.text
    }

    /// Letters only (`S`, `C(1)`): no words, no date, no amount.
    fn letters_only(self) -> bool {
        self.letters && !self.values && !self.text
    }
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

/// Whether a row's line (its band, in a table made from a PDF) shows no
/// security title, or in Table II no underlying title: that title wrapped
/// off the band, and a table whose cells are centred on their rows puts
/// its first lines above the band, where they follow the row above's lines.
fn untitled(line: &Line, layout: &table::Layout, table: Table) -> bool {
    let (row, _) = trial(line, layout, table);
    row.security_title.value.is_none()
        || (table == Table::Derivative && row.underlying_security_title.value.is_none())
}

/// Whether reading a row said nothing of a token whose column is not
/// certain, that fits no column, or that its column could not read.
fn placed_for_certain(said: &[Diagnostic]) -> bool {
    said.iter()
        .all(|d| !matches!(d.code, Code::ColumnUncertain | Code::UnplacedContent | Code::CellUnreadable))
}

/// A line read on its own as a row, and whether every token found one column for certain.
fn trial(line: &Line, layout: &table::Layout, table: Table) -> (Row, bool) {
    let mut said = Vec::new();
    let row = table::read_unheaded_row(line, layout, table, &mut said);
    (row, placed_for_certain(&said))
}

/// What a line read as a row may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece {
    /// A line with words and values: a row, or most of one.
    Whole,
    /// Values without words (a converter lifted footnoted cells above their row).
    Lifted,
    /// Letters without words or values (`S`: a code dropped below its row).
    Dropped,
}

/// Settle the column of a lifted piece that is one amount alone (with its
/// marks), which its own line cannot tell (a transaction's amount or the
/// amount owned after: read alone, it reads as a holding's), when the row
/// right below it was placed for certain
/// and shows every value of its kind but the transaction's amount: a
/// converter that lifts a footnoted cell above its row lifts that row's
/// amount, and the row below has no other column for it. The piece is then
/// the transaction's amount, placed for certain, for [`join_lifted_rows`]
/// to join to that row (where the row above shows every column too).
fn settle_lone_amounts(pieces: &mut [Row], kinds: &[Piece], clean: &mut [bool], table: Table) {
    use crate::model::Origin;
    for k in 0..pieces.len().saturating_sub(1) {
        let below = &pieces[k + 1];
        // The row above shows the amount too (or there is none): the
        // condition on which `join_lifted_rows` joins a piece below.
        let above_shows = || {
            k.checked_sub(1).is_none_or(|a| {
                kinds.get(a) == Some(&Piece::Whole) && shows(&pieces[a], Column::TransactionShares)
            })
        };
        let lacks_amount = kinds.get(k) == Some(&Piece::Lifted)
            && kinds.get(k + 1) == Some(&Piece::Whole)
            && clean.get(k + 1) == Some(&true)
            && below.transaction_shares.value.is_none()
            && below.transaction_total_value.value.is_none()
            && above_shows()
            && table::shows_every_value(below, table, true, Some(Column::TransactionShares));
        if !lacks_amount {
            continue;
        }
        let piece = &mut pieces[k];
        let owned = piece.shares_owned_following_transaction.value.is_some();
        let amount = match shown(piece).as_slice() {
            [Column::TransactionShares] => std::mem::take(&mut piece.transaction_shares),
            [Column::SharesOwnedFollowingTransaction] if owned => {
                std::mem::take(&mut piece.shares_owned_following_transaction)
            }
            _ => continue,
        };
        piece.transaction_shares = crate::model::Field { origin: Origin::Read, ..amount };
        clean[k] = true;
    }
}

/// Settle the column of a dropped piece that is one letter alone, which
/// its own line cannot tell (`A`: a code, or a direction), when the row
/// right above it was placed for certain and shows every value of a
/// transaction but its code, and the row right below it (if any) was placed
/// for certain and is complete, with its own code and direction (or a
/// holding, which has neither): the letter is no column of the row below,
/// and the only column of the row above it can fill is the code. The
/// piece is then that code (when the letter is one), placed for certain,
/// for [`join_lifted_rows`] to join to the row above.
fn settle_lone_codes(pieces: &mut [Row], kinds: &[Piece], clean: &mut [bool], lines: &[Line], table: Table) {
    for k in 1..pieces.len() {
        if kinds.get(k) != Some(&Piece::Dropped) {
            continue;
        }
        let (Some(above), Some(line)) = (pieces.get(k - 1), lines.get(k)) else { continue };
        let mut cells = line.filled();
        let (Some(cell), None) = (cells.next(), cells.next()) else { continue };
        let lacks_code = kinds.get(k - 1) == Some(&Piece::Whole)
            && clean.get(k - 1) == Some(&true)
            && above.kind == crate::model::RowKind::Transaction
            && above.transaction_code.value.is_none()
            && table::shows_every_value(above, table, true, Some(Column::TransactionCode));
        let below_whole = pieces.get(k + 1).is_none_or(|below| {
            kinds.get(k + 1) == Some(&Piece::Whole)
                && clean.get(k + 1) == Some(&true)
                && table::is_complete_but_a_title(below)
        });
        if !lacks_code || !below_whole {
            continue;
        }
        let mut code = Row { span: cell.span, ..Row::default() };
        if fill_slot(&mut code, Slot::Code, &cell.text, cell.span).is_ok() {
            pieces[k] = code;
            clean[k] = true;
        }
    }
}

/// Join the pieces of rows to their rows where that is certain: a lifted
/// piece (values only) to the row below it, a dropped one (letters only) to
/// the row above, or to the row below where the row above shows its
/// columns (the letters were lifted above their row). The piece and its row were each placed for certain
/// (`clean`); its row shows none of the piece's columns and is complete
/// with them; and the row on the piece's other side shows every column the
/// piece fills (or there is none; or, below a dropped piece, it is complete
/// without them, a holding, which has no code; or it takes the dropped
/// piece below it, which has no other row to go to; or, above a piece, it
/// took the piece above it), so the piece cannot be its. This is the
/// part of [`join_lifted_pieces`] for lines with not as many cells as their
/// neighbours (a plain line of text beside a pipe row).
///
/// Returns the rows; for each row given, the index of the row it went into
/// (a dropped piece joined to no row: the row above it); and the dropped
/// pieces joined to no row, which are not rows.
fn join_lifted_rows(rows: Vec<Row>, kinds: &[Piece], clean: &[bool]) -> (Vec<Row>, Vec<usize>, Vec<usize>) {
    let n = rows.len();
    let kind = |k: usize| kinds.get(k).copied().unwrap_or(Piece::Whole);
    let sure = |k: usize| clean.get(k).copied().unwrap_or(false);
    let cols: Vec<Vec<Column>> = rows.iter().map(shown).collect();
    let covers = |k: usize, piece: usize| cols[piece].iter().all(|c| cols[k].contains(c));
    let disjoint = |k: usize, piece: usize| cols[piece].iter().all(|c| !cols[k].contains(c));
    let completes = |row: &Row, piece: &Row| {
        let mut whole = row.clone();
        table::absorb(&mut whole, piece.clone());
        table::is_complete_but_a_title(&whole).then_some(whole)
    };
    // Whether piece `k` may join the row below: it and the row are placed
    // for certain, the row shows none of its columns, and the row above it
    // (`last_whole`, read as `above`: with the pieces it took) shows them all.
    let joins_below = |k: usize, last_whole: Option<usize>, above: Option<&Row>| {
        let shows_them = |row: &Row| {
            let have = shown(row);
            cols[k].iter().all(|c| have.contains(c))
        };
        sure(k)
            && k + 1 < n
            && kind(k + 1) == Piece::Whole
            && sure(k + 1)
            && disjoint(k + 1, k)
            && last_whole.is_none_or(|a| a + 1 == k && above.is_some_and(shows_them))
    };
    // Whether row `r` cannot take a dropped piece above it: it shows the
    // piece's columns, or is complete without them.
    let has_them = |r: usize| {
        r >= n || (kind(r) == Piece::Whole && (covers(r, r - 1) || (sure(r) && table::is_complete(&rows[r]))))
    };
    // claimed[r]: row `r` takes the dropped piece below it, as the row
    // below that piece cannot (from the last piece up: a piece that goes
    // up leaves the row above it no room for the piece above that).
    let mut claimed = vec![false; n + 1];
    for k in (1..n).rev() {
        let up = kind(k) == Piece::Dropped
            && kind(k - 1) == Piece::Whole
            && sure(k)
            && sure(k - 1)
            && disjoint(k - 1, k)
            && completes(&rows[k - 1], &rows[k]).is_some();
        claimed[k - 1] = up && (has_them(k + 1) || claimed[k + 1]);
    }
    let mut out: Vec<Row> = Vec::with_capacity(n);
    let mut went = vec![0; n];
    let mut unplaced = Vec::new();
    // The index (in `rows`) of the last row pushed that was not a piece.
    let mut last_whole: Option<usize> = None;
    let mut k = 0;
    while k < n {
        let row = &rows[k];
        match kind(k) {
            Piece::Lifted if joins_below(k, last_whole, out.last()) => {
                if let Some(whole) = completes(&rows[k + 1], row) {
                    out.push(whole);
                    went[k] = out.len() - 1;
                    went[k + 1] = out.len() - 1;
                    last_whole = Some(k + 1);
                    k += 2;
                    continue;
                }
            }
            Piece::Dropped => {
                // The row below shows the piece's columns, or is complete
                // without them (a holding, which has no code), or takes
                // the dropped piece below it.
                let below_has_them = has_them(k + 1) || claimed.get(k + 1).copied().unwrap_or(false);
                let joined = match (last_whole, out.last_mut()) {
                    (Some(above), Some(prev))
                        if above + 1 == k && sure(k) && below_has_them && disjoint(above, k) =>
                    {
                        completes(prev, row).map(|whole| *prev = whole)
                    }
                    _ => None,
                };
                // A letter the row above already shows was lifted above its own row.
                let lifted = |above: Option<&Row>| {
                    joins_below(k, last_whole, above).then(|| completes(&rows[k + 1], row)).flatten()
                };
                if joined.is_none()
                    && let Some(whole) = lifted(out.last())
                {
                    out.push(whole);
                    went[k] = out.len() - 1;
                    went[k + 1] = out.len() - 1;
                    last_whole = Some(k + 1);
                    k += 2;
                    continue;
                }
                went[k] = out.len().saturating_sub(1);
                if joined.is_none() {
                    unplaced.push(k);
                }
                k += 1;
                continue;
            }
            _ => {}
        }
        out.push(row.clone());
        went[k] = out.len() - 1;
        if kind(k) == Piece::Whole {
            last_whole = Some(k);
        }
        k += 1;
    }
    (out, went, unplaced)
}

/// The columns a row shows something in (a value or footnotes).
fn shown(row: &Row) -> Vec<Column> {
    Column::ALL.into_iter().filter(|&c| shows(row, c)).collect()
}

/// Whether a row shows column `c`: a value or footnote marks in it.
fn shows(row: &Row, c: Column) -> bool {
    let cell = row.cell(c);
    cell.has_value() || !cell.meta().0.is_empty()
}

/// Whether a line of values and words is a piece lifted above the line
/// below it (a line of the same table) with the first words of cells the
/// line below goes on with: a converter that lifts a row's footnoted cells
/// above its band writes them on the line where the row's wrapped cells
/// begin (`C(1)` … `See` over `391,269` … `Footnote(4)`). Each of its cells
/// of words stands over a cell of words, so joined cell by cell each
/// wrapped cell reads in order; and its first cell, the title's, is empty
/// (a title would make the line a row of its own).
fn lifted_with_words(line: &Line, next: &Line) -> bool {
    line.cells.len() == next.cells.len()
        && line.cells.first().is_some_and(Cell::is_empty)
        && line.cells.iter().zip(&next.cells).all(|(cell, below)| {
            let class = Class::of_cell(cell);
            !class.text || (!class.values && !class.letters && Class::of_cell(below).text)
        })
}

/// Join each piece lifted above its row (values only, or values and the
/// first words of the row's wrapped cells: [`lifted_with_words`]) to the
/// line below it where that makes one certain row (see the module's
/// documentation).
/// Returns the lines, each with its [`Class`] and whether it is two lines joined.
fn join_lifted_pieces(data: &[Line], layout: &table::Layout, table: Table) -> Vec<(Line, Class, bool)> {
    let mut out: Vec<(Line, Class, bool)> = Vec::with_capacity(data.len());
    // The last row line (its index in `out`), read only when a piece needs it.
    let mut above: Option<usize> = None;
    let classes: Vec<Class> = data.iter().map(Class::of).collect();
    let mut i = 0;
    while i < data.len() {
        let line = &data[i];
        let class = classes[i];
        if let Some(next) = data.get(i + 1)
            && (class.values_only() || (class.has_values() && lifted_with_words(line, next)))
            && let Some(&below) = classes.get(i + 1)
            && next.cells.len() == line.cells.len()
            && line.cells.len() >= 3
            && below.has_values()
            && !below.values_only()
        {
            let piece = shown(&trial(line, layout, table).0);
            let fits_above = above.and_then(|k| out.get(k)).is_some_and(|(a, _, _)| {
                let cols = shown(&trial(a, layout, table).0);
                piece.iter().any(|c| !cols.contains(c))
            });
            let joined = merge_cells(line, next);
            let (row, clean) = trial(&joined, layout, table);
            if !fits_above && clean && table::is_complete(&row) {
                above = Some(out.len());
                let class = Class::of(&joined);
                out.push((joined, class, true));
                i += 2;
                continue;
            }
        }
        if class.has_values() {
            above = Some(out.len());
        }
        out.push((line.clone(), class, false));
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
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut diags);
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
    fn a_lifted_piece_with_the_first_words_of_a_wrapped_cell_joins_the_row_below() {
        // A fictional table: the first row's code and amount owned,
        // footnoted, lifted with the first word of its nature (`See`) onto
        // a line above the rest of the row, which shows the nature's last.
        let data = [
            line(&["", "", "", "", "S(1)", "", "900(2)", "", "See"]),
            line(&["Common Stock", "", "03/04/2024", "", "100", "D $10.50", "", "I", "Footnote(3)"]),
            line(&["Common Stock", "", "03/04/2024", "", "S 250", "D $10.75", "650", "D", ""]),
        ];
        let joined = join_lifted_pieces(&data, &layout(), Table::NonDerivative);
        assert_eq!(joined.len(), 2);
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut diags);
        let first = &rows[0];
        assert_eq!(first.transaction_code.copied(), Some(TransactionCode::S));
        assert_eq!(first.shares_owned_following_transaction.decimal(), Some(900.into()));
        assert_eq!(first.nature_of_ownership.text(), "See Footnote");
        assert!(first.transaction_shares.origin.is_read(), "{diags:?}");
        // Words over an empty cell, or in the title's cell: not joined.
        let mut over_empty = data.clone();
        over_empty[1].cells[8] = Cell::new("", data[1].cells[8].span);
        assert_eq!(join_lifted_pieces(&over_empty, &layout(), Table::NonDerivative).len(), 3);
        let mut titled = data;
        titled[0].cells[0] = Cell::new("Preferred", titled[0].cells[0].span);
        assert_eq!(join_lifted_pieces(&titled, &layout(), Table::NonDerivative).len(), 3);
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
    fn a_lifted_price_on_a_line_of_its_own_joins_the_row_below() {
        // The price of the second row, footnoted, on a plain line above its pipe row.
        let data = [
            line(&["Common Stock 03/04/2024 S 100 D $10.50 900 D"]),
            line(&["$10.75(1)"]),
            line(&["Common Stock", "", "03/04/2024", "", "S", "250", "D", "650", "D"]),
        ];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        let second = &rows[1];
        assert_eq!(second.transaction_price_per_share.decimal(), Some(rust_decimal::Decimal::new(1075, 2)));
        assert_eq!(second.transaction_price_per_share.footnotes, vec![crate::model::FootnoteId::numbered(1)]);
        assert!(second.transaction_price_per_share.origin.is_read());
        assert!(second.transaction_shares.origin.is_read());
    }

    #[test]
    fn a_dropped_code_joins_the_row_above() {
        // The first row's code fell below it; the second row shows its own.
        let data = [
            line(&["Common Stock", "", "03/04/2024", "", "", "100", "A $0", "1,000", "D"]),
            line(&["C"]),
            line(&["Common Stock 03/04/2024 S 250 D $10.75 750 D"]),
        ];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        assert_eq!(rows[0].transaction_code.copied(), Some(TransactionCode::C));
        assert!(rows[0].transaction_code.origin.is_read());
        assert!(rows[0].shares_owned_following_transaction.origin.is_read());
        // Between two rows that both lack a code, the letter's row is not certain.
        let data = [
            line(&["Common Stock", "", "03/04/2024", "", "", "100", "A $0", "1,000", "D"]),
            line(&["C"]),
            line(&["Common Stock", "", "03/04/2024", "", "", "250", "D $10.75", "750", "D"]),
        ];
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut Vec::new());
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.transaction_code.value.is_none()));
        assert!(!rows[0].shares_owned_following_transaction.origin.is_read());
        // Above a holding, complete without a code (it has none): the row above's.
        let data = [
            line(&["Common Stock", "", "03/04/2024", "", "", "100", "A $0", "1,000", "D"]),
            line(&["M"]),
            line(&["Common Stock", "", "", "", "", "", "", "5,000", "I"]),
        ];
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut Vec::new());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].transaction_code.copied(), Some(TransactionCode::M));
        assert!(rows[0].transaction_code.origin.is_read());
        assert!(rows[1].transaction_code.value.is_none());
    }

    #[test]
    fn a_code_dropped_below_a_band_without_its_title_joins_it() {
        // A fictional table made from a PDF: the first row's title wrapped
        // off its band (above and below it) and its code fell below the
        // band. The band shows every value but the code: a row, not a
        // piece lifted off the row below.
        let data = [
            line(&["", "", "03/04/2024", "", "", "100", "D $10.50", "900", "D"]),
            line(&["S"]),
            line(&["Common Stock 03/05/2024 S 250 D $10.75 650 D"]),
        ];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, Some(&[]), &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        let first = &rows[0];
        assert_eq!(first.transaction_code.copied(), Some(TransactionCode::S));
        assert!(first.transaction_code.origin.is_read(), "{diags:?}");
        assert!(first.shares_owned_following_transaction.origin.is_read());
        assert!(first.security_title.value.is_none());
        // A line of a code and an amount alone is still a piece of the row below.
        let data = [
            line(&["Common Stock 03/04/2024 S 100 D $10.50 900 D"]),
            line(&["", "", "", "", "S(1) 250(2)", "", "", "", ""]),
            line(&["Common Stock", "", "03/05/2024", "", "", "D $10.75", "650", "D", ""]),
        ];
        let rows = read(&data, &layout(), Table::NonDerivative, Some(&[]), &mut Vec::new());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].transaction_shares.decimal(), Some(250.into()));
    }

    #[test]
    fn titles_wrapped_around_bands_of_rows_held_directly_are_read() {
        // A fictional table made from a PDF whose titles wrapped over two
        // lines, one above each row's band and one below; the second row's
        // code fell below its band. Held directly, the rows have no nature:
        // the lines around their bands are their titles.
        let rows_held = |form: &str| {
            [
                line(&["Ordinary"]),
                line(&["", "", "03/04/2024", "", "S", "100", "D $10.50", "900", form]),
                line(&["Shares"]),
                line(&["Ordinary"]),
                line(&["", "", "03/05/2024", "", "", "250", "D $10.75", "650", form]),
                line(&["S"]),
                line(&["Shares"]),
            ]
        };
        let mut diags = Vec::new();
        let rows = read(&rows_held("D"), &layout(), Table::NonDerivative, Some(&[]), &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        for row in &rows {
            assert_eq!(row.security_title.text(), "Ordinary Shares");
            assert!(row.security_title.origin.is_read(), "{diags:?}");
            assert_eq!(row.transaction_code.copied(), Some(TransactionCode::S));
            assert!(row.shares_owned_following_transaction.origin.is_read());
        }
        // Held indirectly, the lines may be the titles' or the natures': not placed.
        let rows = read(&rows_held("I"), &layout(), Table::NonDerivative, Some(&[]), &mut Vec::new());
        assert!(rows.iter().all(|r| !r.security_title.origin.is_read() || r.security_title.value.is_none()));
    }

    #[test]
    fn a_lone_letter_below_a_row_lacking_only_its_code_is_that_code() {
        // A fictional table: the first row's code `A` fell onto a line of
        // its own, where it could be a code or a direction; the row above
        // shows its direction and lacks only its code, the holding below is
        // complete without either.
        let first = line(&["Common Stock", "", "03/04/2024", "", "", "100", "A $10.50", "1,100", "D"]);
        let data =
            [first.clone(), line(&["A"]), line(&["Common Stock", "", "", "", "", "", "", "5,000", "I"])];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        assert_eq!(rows[0].transaction_code.copied(), Some(TransactionCode::A));
        assert!(rows[0].transaction_code.origin.is_read(), "{diags:?}");
        assert!(rows[0].transaction_shares.origin.is_read());
        // Above a row lacking its direction, the letter may be that row's: not settled.
        let below = line(&["Common Stock", "", "03/05/2024", "", "S", "250", "$10.75", "850", "D"]);
        let rows =
            read(&[first, line(&["A"]), below], &layout(), Table::NonDerivative, None, &mut Vec::new());
        assert!(rows[0].transaction_code.value.is_none());
    }

    /// Reads `data` as Table I and checks it gives three rows, each with its
    /// code `S` placed as read.
    fn assert_three_sales_with_codes_read(data: &[Line]) {
        let mut diags = Vec::new();
        let rows = read(data, &layout(), Table::NonDerivative, None, &mut diags);
        assert_eq!(rows.len(), 3, "{diags:?}");
        for row in &rows {
            assert_eq!(row.transaction_code.copied(), Some(TransactionCode::S));
            assert!(row.transaction_code.origin.is_read(), "{diags:?}");
        }
    }

    #[test]
    fn dropped_codes_between_rows_that_lack_them_go_up_when_the_last_must() {
        // Each row's code fell below it; the last row shows its own, so the
        // code above it is the second row's, and the first code the first row's.
        let data = [
            line(&["Common Stock", "", "03/04/2024", "", "", "100", "D $10.50", "900", "D"]),
            line(&["S"]),
            line(&["Common Stock", "", "03/04/2024", "", "", "250", "D $10.75", "650", "D"]),
            line(&["S"]),
            line(&["Common Stock 03/05/2024 S 50 D $11 600 D"]),
        ];
        assert_three_sales_with_codes_read(&data);
        // Without the last row's own code, the second code may be the last row's: none is placed.
        let mut data = data.to_vec();
        data[4] = line(&["Common Stock", "", "03/05/2024", "", "", "50", "D $11", "600", "D"]);
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut Vec::new());
        assert!(rows.iter().all(|r| r.transaction_code.value.is_none()));
    }

    #[test]
    fn lifted_codes_between_rows_that_lack_them_go_down_when_the_first_must() {
        // Each row's code was lifted above it; the first row shows its own,
        // so the code below it is the second row's, and the next the third's.
        let data = [
            line(&["Common Stock 03/04/2024 S 50 D $11 900 D"]),
            line(&["S"]),
            line(&["Common Stock", "", "03/04/2024", "", "", "100", "D $10.50", "800", "D"]),
            line(&["S"]),
            line(&["Common Stock", "", "03/04/2024", "", "", "250", "D $10.75", "550", "D"]),
        ];
        assert_three_sales_with_codes_read(&data);
    }

    fn derivative() -> table::Layout {
        table::Layout { groups: vec![standard_slots(4, Table::Derivative).to_vec()] }
    }

    #[test]
    fn an_underlying_amount_lifted_onto_a_line_of_words_goes_to_the_row_lacking_one() {
        // A fictional Table II made from a PDF: each row's underlying amount
        // stands on the line above its band, among the first words of its
        // wrapped nature; the band shows every other value.
        let band = |amount: &str, owned: &str| {
            line(&[&format!(
                "Stock Option $10 03/04/2024 M {amount} 03/04/2025 03/04/2030 Common Stock $0 {owned} I Example"
            )])
        };
        let lifted = |amount: &str| line(&["", "", "", amount, "", "By"]);
        let data =
            [lifted("500"), band("500", "1,500"), line(&["Fund(1)"]), lifted("700"), band("700", "800")];
        let mut diags = Vec::new();
        let rows = read(&data, &derivative(), Table::Derivative, Some(&[]), &mut diags);
        assert_eq!(rows.len(), 2, "the lifted lines are no rows: {diags:?}");
        for (row, amount) in rows.iter().zip([500, 700]) {
            assert_eq!(row.underlying_security_shares.decimal(), Some(amount.into()));
            assert_eq!(row.underlying_security_shares.origin, crate::model::Origin::Uncertain);
            assert!(row.transaction_shares.origin.is_read(), "{diags:?}");
            assert!(row.shares_owned_following_transaction.origin.is_read());
        }
        // A line with its ownership form is a row's, not a lifted amount.
        assert!(split_amount(&line(&["", "500", "", "D", "By"])).is_none());
        assert!(split_amount(&line(&["", "500", "", "Common", "By"])).is_some());
    }

    #[test]
    fn an_amount_whose_direction_is_not_shown_keeps_its_row() {
        // A fictional Table II row: the amount's column, (A) or (D), is not
        // shown; the row is whole all the same, and its values are kept.
        let data =
            [line(&["Stock Option $10 03/04/2024 M 500 03/04/2025 03/04/2030 Common Stock 500 $0 1,500 D"])];
        let mut diags = Vec::new();
        let rows = read(&data, &derivative(), Table::Derivative, None, &mut diags);
        assert_eq!(rows.len(), 1, "{diags:?}");
        let row = &rows[0];
        assert_eq!(row.transaction_shares.decimal(), Some(500.into()));
        assert!(row.transaction_shares.origin.is_read(), "{diags:?}");
        assert!(row.transaction_date.origin.is_read());
        assert!(row.shares_owned_following_transaction.origin.is_read());
        assert!(row.transaction_acquired_disposed_code.value.is_none());
        assert!(!row.transaction_acquired_disposed_code.origin.is_read());
    }

    #[test]
    fn loose_marks_put_the_marks_of_the_rows_beside_them_in_doubt() {
        // Marks wrapped above the row, on a line of their own: whose they are is not known.
        let data = [
            line(&["(1)(2)"]),
            line(&[
                "Stock Option $10 03/04/2024 M(3) 500 03/04/2025 03/04/2030 Common Stock 500 $0(4) 1,500 D",
            ]),
        ];
        let rows = read(&data, &derivative(), Table::Derivative, None, &mut Vec::new());
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(row.transaction_code.origin, crate::model::Origin::Uncertain, "{row:?}");
        assert_eq!(row.transaction_price_per_share.origin, crate::model::Origin::Uncertain);
        // The values without marks are not in doubt.
        assert!(row.transaction_shares.origin.is_read());
        assert!(has_loose_marks(&line(&["(10)(11)"])));
        assert!(!has_loose_marks(&line(&["Trust(2)"])));
    }

    #[test]
    fn natures_wrapped_around_their_rows_are_read_in_a_table_made_from_a_pdf() {
        // A fictional table whose two-line natures stand one line above and
        // one below each row; the second row's code fell onto the line
        // below it, beside the last line of its nature.
        let data = [
            line(&["by"]),
            line(&["Common Stock 03/04/2024 S 100 D $10.50 900 I"]),
            line(&["Trust(3)"]),
            line(&["by"]),
            line(&["Common Stock", "", "03/04/2024", "", "", "250", "D $10.75", "650", "I", ""]),
            line(&["", "", "", "", "S", "", "", "", "", "Trust(3)"]),
        ];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, Some(&[]), &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        for row in &rows {
            assert_eq!(row.nature_of_ownership.text(), "by Trust", "{diags:?}");
            assert_eq!(row.nature_of_ownership.footnotes, vec![crate::model::FootnoteId::numbered(3)]);
            assert!(row.nature_of_ownership.origin.is_read());
            assert!(row.security_title.origin.is_read());
        }
        assert_eq!(rows[1].transaction_code.copied(), Some(TransactionCode::S));
        // Read as any other table's, the lines are loose and the titles in doubt.
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut Vec::new());
        assert!(rows.iter().all(|r| !r.security_title.origin.is_read()));
    }

    #[test]
    fn a_lone_letter_no_row_lacks_is_a_wrapped_natures_word() {
        // A fictional table of holdings whose natures wrap over four lines,
        // two above and two below each row; a line of the second begins
        // with the fund's numeral `I`, which no row lacks as its form.
        let text = "Example\nCapital\nCommon Stock 1,000 I\nGrowth Fund\nII, L.P.(1)\n\
            Example\nCapital\nCommon Stock 2,000 I\nI Management,\nL.P.(2)";
        let data: Vec<Line> = text.lines().map(|t| line(&[t])).collect();
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, Some(&[]), &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        assert_eq!(rows[0].nature_of_ownership.text(), "Example Capital Growth Fund II, L.P.");
        assert_eq!(rows[1].nature_of_ownership.text(), "Example Capital I Management, L.P.");
        assert!(rows.iter().all(|r| r.nature_of_ownership.origin.is_read()), "{diags:?}");
        // A row lacking its form (or code, or direction) may take a letter.
        assert!(!lacks_a_letter(&rows[1]));
        let formless =
            Row { direct_or_indirect_ownership: crate::model::Field::default(), ..rows[1].clone() };
        assert!(lacks_a_letter(&formless));
    }

    #[test]
    fn a_line_of_marks_alone_joined_to_a_row_puts_its_marks_in_doubt() {
        // A fictional table whose second row shows no price and whose
        // third's price mark was raised onto a line of its own, read as
        // words continuing the second: whose the mark is is not certain.
        let data = [
            line(&["Common Stock", "", "03/04/2024", "", "P 100", "A $10.00", "1,100", "D", ""]),
            line(&["Common Stock", "", "03/04/2024", "", "G 200", "D", "900", "D", ""]),
            line(&["", "", "", "", "", "(1)", "", "", ""]),
            line(&["Common Stock", "", "03/04/2024", "", "P 100", "A $12.00", "1,000", "D", ""]),
        ];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut diags);
        assert_eq!(rows.len(), 3, "{diags:?}");
        let price = &rows[1].transaction_price_per_share;
        assert_eq!(price.footnotes, vec![crate::model::FootnoteId::numbered(1)]);
        assert_eq!(price.origin, crate::model::Origin::Uncertain, "{:?}", rows[1]);
        assert!(rows[1].transaction_shares.origin.is_read());
        assert!(marks_only(&data[2]));
        assert!(!marks_only(&line(&["Trust(2)"])));
    }

    #[test]
    fn marks_alone_beside_the_one_row_lacking_a_column_for_them_are_its() {
        // A fictional table whose first row's price is given only by
        // footnote 1, written on the line below the row.
        let first = line(&["Common Stock 03/04/2024 J 2,000 D 8,000 D"]);
        let second = line(&["Common Stock 03/05/2024 J 1,000 D $10.75 7,000 D"]);
        let data = [first.clone(), line(&["(1)"]), second];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, Some(&[]), &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        let price = &rows[0].transaction_price_per_share;
        assert_eq!(price.footnotes, vec![crate::model::FootnoteId::numbered(1)]);
        assert_eq!(price.origin, crate::model::Origin::Uncertain);
        assert!(rows[0].shares_owned_following_transaction.origin.is_read());
        assert!(!rows[0].security_title.origin.is_read(), "the marks may be the title's");
        assert!(rows[1].transaction_price_per_share.footnotes.is_empty());
        // Beside two rows that each lack a price, the marks are either's: loose.
        let data = [first.clone(), line(&["(1)"]), first];
        let rows = read(&data, &layout(), Table::NonDerivative, Some(&[]), &mut Vec::new());
        assert!(rows.iter().all(|r| r.transaction_price_per_share.footnotes.is_empty()));
    }

    #[test]
    fn a_code_lifted_above_its_row_with_a_natures_first_line_joins_the_row_below() {
        let data = [
            line(&["See"]),
            line(&["Common Stock 03/04/2024 C 100 A $0 1,000 I"]),
            line(&["Footnote(2)"]),
            line(&["C(1) See"]),
            line(&["Common Stock 03/04/2024 250 A $0 1,250 I Footnote(3)"]),
        ];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, Some(&[]), &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        assert_eq!(rows[1].transaction_code.copied(), Some(TransactionCode::C));
        assert_eq!(rows[1].transaction_code.footnotes, vec![crate::model::FootnoteId::numbered(1)]);
        assert_eq!(rows[0].nature_of_ownership.text(), "See Footnote");
        assert_eq!(rows[1].nature_of_ownership.text(), "See Footnote");
        assert_eq!(rows[1].nature_of_ownership.footnotes, vec![crate::model::FootnoteId::numbered(3)]);
        assert!(
            rows.iter().all(|r| r.security_title.origin.is_read() && r.nature_of_ownership.origin.is_read())
        );
    }

    #[test]
    fn a_titles_par_value_wrapped_below_its_row_is_no_price() {
        // A fictional table made from a PDF whose title, with its par value,
        // wrapped around each row's band: `$0.01 per share` is the title's
        // last line, not a row with a price.
        let data = [
            line(&["Common Stock, par value"]),
            line(&["", "03/04/2024", "S", "100", "D $10.50", "900", "D"]),
            line(&["$0.01 per share"]),
            line(&["Common Stock, par value"]),
            line(&["", "03/04/2024", "S", "250", "D $10.75", "650", "D"]),
            line(&["$0.01 per share"]),
        ];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, Some(&[]), &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        for (row, cents) in rows.iter().zip([1050, 1075]) {
            let price = &row.transaction_price_per_share;
            assert_eq!(price.decimal(), Some(rust_decimal::Decimal::new(cents, 2)));
            assert!(price.origin.is_read(), "{diags:?}");
        }
    }

    #[test]
    fn words_below_a_row_may_be_the_next_untitled_rows_titles() {
        // A fictional Form 3's Table II made from a PDF: each row's titles
        // wrapped around its band, which shows no title. The words between
        // the bands are the last lines of the row above and the first of the
        // row below, but each line of the same cells continues the row above.
        let words = |title: &str, underlying: &str| line(&[title, "", "", underlying, "", "", "", ""]);
        let band = |amount: &str| line(&["", "(1)", "(2)", "", amount, "(1)", "D", ""]);
        let data = [
            words("Series A Preferred", "Class B Common"),
            band("1,000"),
            words("Stock", "Stock(3)"),
            words("Series B Preferred", "Class B Common"),
            band("2,000"),
            words("Stock", "Stock(3)"),
        ];
        let layout = table::Layout { groups: vec![standard_slots(3, Table::Derivative).to_vec()] };
        let mut diags = Vec::new();
        let rows = read(&data, &layout, Table::Derivative, Some(&[]), &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        for row in &rows {
            assert!(row.security_title.value.is_some(), "{diags:?}");
            assert!(!row.security_title.origin.is_read(), "{row:?}");
            assert!(!row.underlying_security_title.origin.is_read(), "{row:?}");
            assert!(row.underlying_security_shares.origin.is_read(), "{diags:?}");
        }
        // Read as any other table's, the words continue the row above.
        let rows = read(&data, &layout, Table::Derivative, None, &mut Vec::new());
        assert_eq!(rows[1].security_title.text(), "Stock");
    }

    #[test]
    fn a_lone_amount_lifted_above_the_row_lacking_its_amount_is_that_rows() {
        // A fictional table whose first row's footnoted amount was lifted
        // onto a line of its own: alone it reads as a holding's amount, but
        // the row below shows every value but its transaction's amount.
        let data = [
            line(&["1,132(1)"]),
            line(&["Common Stock", "", "06/22/2023", "", "A", "A $0", "33,733", "D"]),
            line(&["Common Stock", "", "", "", "", "", "1,109,609", "I By Trust"]),
        ];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        let amount = &rows[0].transaction_shares;
        assert_eq!(amount.decimal(), Some(1132.into()));
        assert_eq!(amount.footnotes, vec![crate::model::FootnoteId::numbered(1)]);
        assert!(amount.origin.is_read(), "{diags:?}");
        assert_eq!(rows[0].shares_owned_following_transaction.decimal(), Some(33733.into()));
        assert_eq!(rows[1].shares_owned_following_transaction.decimal(), Some(1_109_609.into()));
        assert!(rows[1].shares_owned_following_transaction.origin.is_read(), "{diags:?}");
        // Above a row showing its own amount, the lone amount is no piece of it.
        let mut data = data.to_vec();
        data[1] = line(&["Common Stock", "", "06/22/2023", "", "A", "500 A $0", "33,733", "D"]);
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut Vec::new());
        assert_eq!(rows[0].shares_owned_following_transaction.decimal(), Some(1132.into()));
        assert!(!rows[0].shares_owned_following_transaction.origin.is_read());
    }

    #[test]
    fn a_line_of_a_dropped_letter_and_words_is_split() {
        let (letters, words) = split_letters(&line(&["S Trust(3)"])).unwrap_or_default();
        assert_eq!((letters.text(), words.text()), ("S".to_owned(), "Trust⁽³⁾".to_owned()));
        let (letters, words) = split_letters(&line(&["", "S", "", "Trust(3)"])).unwrap_or_default();
        assert_eq!((letters.text(), words.text()), ("S".to_owned(), "Trust⁽³⁾".to_owned()));
        // Words first, or an amount, are no such line.
        assert!(split_letters(&line(&["Trust S"])).is_none());
        assert!(split_letters(&line(&["S 100"])).is_none());
    }

    #[test]
    fn a_line_of_a_lifted_value_and_words_is_split() {
        let (values, words) = split_values(&line(&["$925.37(23) by"])).unwrap_or_default();
        assert_eq!((values.text(), words.text()), ("$925.37⁽²³⁾".to_owned(), "by".to_owned()));
        // Words first, words only, or a row's values and words: no such line.
        assert!(split_values(&line(&["by $925.37"])).is_none());
        assert!(split_values(&line(&["$925.37"])).is_none());
        assert!(split_values(&line(&["$925.37 S"])).is_none());
        assert!(split_values(&line(&["$925.37", "by"])).is_none());
        // In a table whose cells are centred on their rows, the price joins
        // the row below, and the words start its nature.
        let data = [
            line(&["Common Stock 03/04/2024 S 100 D $10.50 900 I by"]),
            line(&["Trust(2)"]),
            line(&["$10.75(1) by"]),
            line(&["Common Stock", "03/04/2024", "", "S", "250", "D", "650", "I"]),
            line(&["Trust(2)"]),
        ];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, Some(&[]), &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        let second = &rows[1];
        assert_eq!(second.transaction_price_per_share.decimal(), Some(rust_decimal::Decimal::new(1075, 2)));
        assert!(second.transaction_price_per_share.origin.is_read(), "{diags:?}");
        assert_eq!(second.nature_of_ownership.text(), "by Trust");
    }

    #[test]
    fn a_holding_line_is_read_as_a_holding() {
        let data = [line(&["Common Stock", "", "", "2,415", "I By Trust"])];
        let rows = read(&data, &layout(), Table::NonDerivative, None, &mut Vec::new());
        let row = &rows[0];
        assert_eq!(row.kind, crate::model::RowKind::Holding);
        assert_eq!(row.shares_owned_following_transaction.decimal(), Some(2415.into()));
        assert!(row.shares_owned_following_transaction.origin.is_read());
        assert!(row.transaction_shares.value.is_none());
    }

    #[test]
    fn letter_spaced_words_are_joined_and_only_their_text_is_in_doubt() {
        // A fictional table made from a PDF whose narrow title cell was
        // letter-spaced: `S` of `S to ck` is no code, and the values keep
        // their certainty; the title joined is in doubt (where its words
        // meet is not shown), the nature beside it not.
        let data = [
            line(&["C o m m o n S to ck 03/04/2024 P 100 A $10.50 1,100 I By Trust"]),
            Line::new(vec![Cell::new(
                "Common Stock 03/05/2024 P 50 A $10.60 1,150 I By Trust",
                Span::new(80, 134),
            )]),
        ];
        let mut diags = Vec::new();
        let rows = read(&data, &layout(), Table::NonDerivative, Some(&[]), &mut diags);
        assert_eq!(rows.len(), 2, "{diags:?}");
        let first = &rows[0];
        assert_eq!(first.security_title.text(), "Common Stock");
        assert_eq!(first.security_title.origin, crate::model::Origin::Uncertain);
        assert_eq!(first.transaction_code.copied(), Some(TransactionCode::P));
        assert!(first.transaction_code.origin.is_read(), "{diags:?}");
        assert!(first.transaction_shares.origin.is_read());
        assert!(first.nature_of_ownership.origin.is_read());
        assert!(rows[1].security_title.origin.is_read());
    }
}
