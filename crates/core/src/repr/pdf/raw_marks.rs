//! Table I's footnote marks drawn on lines of their own in PDF text
//! without layout: the extractor draws a cell's marks apart from its value
//! when they wrap. Here they are taken out of the drawn tokens, the table
//! is untangled without them ([`raw_interleaved`]), and each is joined to
//! the value the drawing (or, where it does not tell, the one column
//! carrying such marks, or their footnote's number) says is its owner,
//! every value it may belong to flagged ([`untangled_rows`]).

use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{Column, Origin, Row, Table};
use crate::repr::align::{Kind, Token};
use crate::repr::cells::split_marks;
use crate::repr::columns::Slot;
use crate::repr::pdf::raw_interleaved;
use crate::repr::pdf::raw_table::{RawRow, build};
use crate::repr::table;
use crate::source::Span;

/// Footnote marks drawn on a line of their own, and the values drawn
/// just before (none when they come first) and just after them (none when
/// they come last), by index among the tokens without such marks.
struct LooseMarks {
    marks: Token,
    before: Option<usize>,
    after: Option<usize>,
    /// Other marks are drawn right before or after them: several cells'
    /// marks drawn one after another (a cell's marks are drawn together,
    /// on one line), a column's drawn down past rows whose place the
    /// drawing does not tell.
    among_marks: bool,
}

impl LooseMarks {
    /// Whether the drawing does not tell the marks' place: drawn among
    /// other marks, or after every value.
    fn unplaced(&self) -> bool {
        self.among_marks || self.after.is_none()
    }
}

/// Where a value is in an untangled table: its row, and its place in the
/// row (in the form's order).
type Place = (usize, usize);

/// Tokens without the footnote marks drawn on lines of their own, and
/// those marks.
fn without_loose_marks(drawn: &[Token]) -> (Vec<Token>, Vec<LooseMarks>) {
    let mut tokens = Vec::new();
    let mut loose = Vec::new();
    let is_marks = |k: usize| drawn.get(k).is_some_and(|t: &Token| t.kind == Kind::Marks);
    // The last value drawn: marks after it have no next value.
    let last_value = drawn.iter().rposition(|t| t.kind != Kind::Marks);
    for (k, token) in drawn.iter().enumerate() {
        if token.kind != Kind::Marks {
            tokens.push(token.clone());
            continue;
        }
        let among_marks = (k > 0 && is_marks(k - 1)) || is_marks(k + 1);
        // The next value drawn is the next token kept.
        let after = last_value.is_some_and(|last| k < last).then_some(tokens.len());
        loose.push(LooseMarks {
            marks: token.clone(),
            before: tokens.len().checked_sub(1),
            after,
            among_marks,
        });
    }
    (tokens, loose)
}

/// The rows of a table whose cells were drawn interleaved
/// ([`raw_interleaved::untangle`]), when each is certain and complete.
///
/// Footnote marks drawn on a line of their own between two values of one
/// row, left to right, belong to the first of them or to a value between
/// (a superscript is drawn after its value): they are joined to the first,
/// which is certain when the two values are neighbours in the row, and
/// otherwise leaves every value they may belong to uncertain. Marks drawn
/// between two rows (or before the first) are joined to the value after
/// them, and every value of both rows is uncertain. Marks drawn among
/// other marks, or last (after every value), may be any value's: they are
/// joined to a value next to them when the values drawn on both sides
/// are in doubt already (a piece of the table whose reading is not settled:
/// the marks are drawn among its rows, every value of which is flagged),
/// or to the one column that carries such marks attached ([`by_column`]),
/// every value of it lacking them flagged, or by their footnote's number
/// when no value carries it ([`by_number`], the rows it may be in
/// flagged); otherwise they leave the table
/// to the row-by-row reader. Marks drawn right after a value its row drew
/// out of order (the drawing does not follow the row there) are placed
/// the same way, by column or number, or leave the table. Any marks
/// drawn between two values in doubt are joined so, but marks at the
/// table's `edges` (a section's edges, as `raw_table` finds them: next to headings or a page's end),
/// which the drawing may put far from their value (a price's mark was seen
/// drawn by the headings after the last row, its row settled). `holdings`:
/// the table prints no transaction columns (Form 3).
pub(super) fn untangled_rows(
    drawn: &[Token],
    slots: &[Slot],
    table: Table,
    holdings: bool,
    edges: &[Span],
) -> Option<(Vec<Row>, Vec<Diagnostic>, bool)> {
    // Table II's marks alone are values of their own (a price or a date
    // that is "see the footnote").
    let (tokens, loose) = match table {
        Table::NonDerivative => without_loose_marks(drawn),
        Table::Derivative => (drawn.to_vec(), Vec::new()),
    };
    // Marks whose place the drawing does not tell are joined to values in
    // doubt (a piece's: a whole reading must be settled), or by column
    // ([`by_column`]).
    let near: Vec<usize> =
        loose.iter().filter(|m| m.unplaced()).flat_map(|m| [m.before, m.after]).flatten().collect();
    let (reading, pieces) = raw_interleaved::untangle(&tokens, table, holdings);
    let (reading, columnwise) = match reading {
        Some(u) if near.is_empty() => (u, Vec::new()),
        Some(u) if let Some(c) = by_column(&loose, &tokens, &u, edges) => (u, c),
        _ if near.is_empty() => return None,
        reading => (pieces.doubting(&tokens, table, holdings, &near, reading)?, Vec::new()),
    };
    let raw_interleaved::Untangled { rows: mut untangled, columns, doubted } = reading;
    let settled = doubted.is_empty();
    // How each marks are placed by column or number: those [`by_column`]
    // placed, and those drawn after a value drawn late (below).
    let mut columnwise = columnwise;
    columnwise.resize(loose.len(), None);
    // Where each value is: its row, and its place in the row (in the form's order).
    let places = places_of(&untangled);
    let place = |span: Span| place_in(&places, span);
    let whole = |r: usize| (0..untangled[r].len()).map(move |k| (r, k));
    // Whether each token was drawn after a value that follows it in its row.
    let late = drawn_late(&tokens, &places);
    let span_of = |k: Option<usize>| k.and_then(|k| tokens.get(k)).map(|t| t.span);
    // Each marks' value, and the values they may belong to (those placed
    // by column later).
    let mut owners: Vec<Option<(Place, Vec<Place>)>> = Vec::new();
    for (marks, by_col) in loose.iter().zip(columnwise.iter_mut()) {
        if by_col.is_some() {
            owners.push(None);
            continue;
        }
        let before = span_of(marks.before).and_then(place);
        if marks.before.is_some() && before.is_none() {
            return None;
        }
        let after = span_of(marks.after);
        if among_doubted(marks, &tokens, &doubted, edges) {
            // Drawn among values in doubt: joined to the one before (or
            // after), every value of whose row is flagged already.
            let at = before.or(after.and_then(place))?;
            owners.push(Some((at, Vec::new())));
            continue;
        }
        if marks.among_marks {
            return None;
        }
        let (row, next) = place(after?)?;
        let owner = match before {
            // Marks drawn after a value its row drew out of order: the
            // drawing does not follow the row there, so the marks may be
            // any value's drawn before them (one in another row): they are
            // placed by column or number, as if drawn among marks.
            Some(at)
                if at.0 == row && at.1 < next && marks.before.is_some_and(|k| late.get(k) == Some(&true)) =>
            {
                *by_col = Some(placing_of(&loose, &marks.marks.text, &untangled, &columns)?);
                owners.push(None);
                continue;
            }
            Some((r, first)) if r == row && first < next => {
                match marked_column(&untangled, &columns, &marks.marks.text, r, first..=next) {
                    Some(k) => ((r, k), Vec::new()),
                    None => ((r, first), (first..=next).map(|k| (r, k)).collect()),
                }
            }
            Some((r, _)) => ((row, next), whole(r).chain(whole(row)).collect()),
            None => ((row, next), whole(row).collect()),
        };
        owners.push(Some(owner));
    }
    let join = |untangled: &mut [Vec<Token>], (row, k): Place, marks: &Token| {
        if let Some(owner) = untangled.get_mut(row).and_then(|r| r.get_mut(k)) {
            owner.text.push_str(&marks.text);
            owner.span = owner.span.cover(marks.span);
        }
    };
    for (marks, owner) in loose.iter().zip(&owners) {
        if let Some((at, _)) = owner {
            join(&mut untangled, *at, &marks.marks);
        }
    }
    // Marks placed by column: a column is drawn from the top down, so the
    // first drawn goes to the first of its values lacking them; every value
    // lacking them may be theirs. Or by their number ([`by_number`]).
    let by_col = column_places(&columns);
    for ((marks, placing), owner) in loose.iter().zip(&columnwise).zip(owners.iter_mut()) {
        let (first, may) = match *placing {
            Some(Placing::Column(col)) => {
                let free = lacking_among(&untangled, by_col.get(col)?, &marks.marks.text);
                (*free.first()?, free)
            }
            Some(Placing::Numbered(n)) => by_number(&untangled, &columns, n)?,
            None => continue,
        };
        join(&mut untangled, first, &marks.marks);
        *owner = Some((first, may));
    }
    // The first marks each value may own, by place (a grid the shape of
    // the rows: each cell below looks its value up by place).
    let mut in_doubt: Vec<Vec<Option<&Token>>> = untangled.iter().map(|row| vec![None; row.len()]).collect();
    for (marks, owner) in loose.iter().zip(&owners) {
        let Some((_, may)) = owner else { continue };
        for &(r, k) in may {
            if let Some(cell) = in_doubt.get_mut(r).and_then(|row| row.get_mut(k)) {
                cell.get_or_insert(&marks.marks);
            }
        }
    }
    let mut rows = Vec::new();
    let mut found = Vec::new();
    for (tokens, doubts) in untangled.into_iter().zip(&in_doubt) {
        let raw = RawRow::new(tokens);
        let built = build(&raw, slots, table);
        if !built.sure || !built.left.0.is_empty() {
            return None;
        }
        found.extend(built.diagnostics);
        let mut row = built.row;
        for column in Column::ALL {
            let cell = row.cell(column);
            let Some(span) = cell.meta().1 else { continue };
            // Why the cell is in doubt: loose marks joined to it or near it,
            // and readings that put it elsewhere (either, both or neither).
            let at = raw.tokens.iter().position(|t| t.span == span);
            let marks = at.and_then(|k| doubts.get(k).copied().flatten()).map(|marks| {
                format!(
                    "the footnote marks {} were drawn on a line of their own near this value: they may belong to it or to another value near it",
                    quote(&marks.text)
                )
            });
            let placed = doubted.iter().any(|d| span.start <= d.start && d.end <= span.end).then(|| {
                format!(
                    "the value {} was read from PDF text without layout, but the readings nearest its drawing order put it, or another value, in other places: it may be in the wrong column or row",
                    quote(&cell.text().unwrap_or_default())
                )
            });
            for why in [marks, placed].into_iter().flatten() {
                table::set_origin(&mut row, column, Origin::Uncertain);
                found.push(Diagnostic::new(Code::ColumnUncertain, Some(span), why));
            }
        }
        rows.push(row);
    }
    Some((rows, found, settled))
}

/// Whether loose marks are drawn among values in doubt: next to values
/// (one at least), each in doubt, and not at the table's `edges`.
fn among_doubted(marks: &LooseMarks, tokens: &[Token], doubted: &[Span], edges: &[Span]) -> bool {
    let doubted_near =
        |k: Option<usize>| k.is_none_or(|k| tokens.get(k).is_some_and(|t| doubted.contains(&t.span)));
    (marks.before.is_some() || marks.after.is_some())
        && doubted_near(marks.before)
        && doubted_near(marks.after)
        && !edges.contains(&marks.marks.span)
}

/// How loose marks whose place the drawing does not tell are placed
/// ([`by_column`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Placing {
    /// In the one column (by number) whose values carry such marks.
    Column(usize),
    /// By their footnote's number, which no value carries ([`by_number`]).
    Numbered(u32),
}

/// Loose marks whose place the drawing does not tell (drawn among other
/// marks, or after every value) and not among values in doubt
/// ([`among_doubted`]), placed by column: when one column alone of the
/// `reading` carries such marks attached to its values (a footnote is made
/// of a column's values), they are that column's, drawn down past its rows
/// apart from their values; marks of one footnote that no value carries,
/// drawn once, are placed by its number ([`by_number`]). How each loose
/// marks are placed (none for those placed otherwise), or `None` when some
/// such marks have several columns, or more of them are drawn than the
/// column has values lacking them.
fn by_column(
    loose: &[LooseMarks],
    tokens: &[Token],
    reading: &raw_interleaved::Untangled,
    edges: &[Span],
) -> Option<Vec<Option<Placing>>> {
    let mut out = Vec::with_capacity(loose.len());
    for marks in loose {
        if !marks.unplaced() || among_doubted(marks, tokens, &reading.doubted, edges) {
            out.push(None);
            continue;
        }
        out.push(Some(placing_of(loose, &marks.marks.text, &reading.rows, &reading.columns)?));
    }
    let by_col = column_places(&reading.columns);
    for (marks, placing) in loose.iter().zip(&out) {
        let Some(Placing::Column(col)) = *placing else { continue };
        let text = &marks.marks.text;
        let drawn = loose.iter().zip(&out).filter(|(m, p)| **p == *placing && m.marks.text == *text).count();
        if drawn > lacking_among(&reading.rows, by_col.get(col)?, text).len() {
            return None;
        }
    }
    Some(out)
}

/// How loose marks `text` are placed when the drawing does not tell
/// their place ([`by_column`]): in the one column of the `rows` whose
/// values carry them attached, or, carried by none and drawn once
/// among the `loose` marks, by their one footnote's number.
fn placing_of(
    loose: &[LooseMarks],
    text: &str,
    rows: &[Vec<Token>],
    columns: &[Vec<usize>],
) -> Option<Placing> {
    match marked_columns(rows, columns, text)[..] {
        [col] => Some(Placing::Column(col)),
        [] if loose.iter().filter(|m| m.marks.text == text).count() == 1 => {
            let [n] = footnote_numbers(text)[..] else { return None };
            Some(Placing::Numbered(n))
        }
        _ => None,
    }
}

/// The footnote numbers of a text's marks (those numbered).
fn footnote_numbers(text: &str) -> Vec<u32> {
    let ids = split_marks(text).footnotes;
    ids.iter().filter_map(|id| id.as_str().strip_prefix('F')?.parse().ok()).collect()
}

/// Where marks of footnote `n`, which no value of the table carries, are
/// joined, and the values they may belong to. Footnotes are numbered in
/// the order the form is read, row by row: such marks belong to a row from
/// the first row carrying the nearest lower number to the first carrying
/// the nearest higher one (both included; the first or the last row when
/// there is none), and every value of those rows may be theirs. They are
/// joined to the first value of those rows without marks in the column of
/// those numbers' first carrier (the lower's, or else the higher's);
/// `None` when there is none, or the numbers do not follow the rows.
fn by_number(rows: &[Vec<Token>], columns: &[Vec<usize>], n: u32) -> Option<(Place, Vec<Place>)> {
    // Each mark's number, place and column, row by row (a number's first is its first use).
    let mut carried: Vec<(u32, Place, usize)> = Vec::new();
    for (r, (tokens, cols)) in rows.iter().zip(columns).enumerate() {
        for (k, (token, &col)) in tokens.iter().zip(cols).enumerate() {
            if token.kind != Kind::Marks {
                carried.extend(footnote_numbers(&token.text).into_iter().map(|m| (m, (r, k), col)));
            }
        }
    }
    let first = |m: u32| carried.iter().find(|c| c.0 == m).copied();
    let lower = carried.iter().map(|c| c.0).filter(|&m| m < n).max().and_then(first);
    let higher = carried.iter().map(|c| c.0).filter(|&m| m > n).min().and_then(first);
    let from = lower.map_or(0, |(_, (r, _), _)| r);
    let to = match higher {
        Some((_, (r, _), _)) => r,
        None => rows.len().checked_sub(1)?,
    };
    let (_, _, col) = lower.or(higher)?;
    let values = |r: usize| {
        let tokens = rows.get(r).map(Vec::as_slice).unwrap_or_default();
        tokens.iter().enumerate().filter(|(_, t)| t.kind != Kind::Marks).map(move |(k, _)| (r, k))
    };
    let may: Vec<Place> = (from..=to).flat_map(values).collect();
    let bare = |&&(r, k): &&Place| {
        let token = rows.get(r).and_then(|t| t.get(k));
        columns.get(r).and_then(|c| c.get(k)) == Some(&col)
            && token.is_some_and(|t| footnote_numbers(&t.text).is_empty())
    };
    let owner = *may.iter().find(bare)?;
    Some((owner, may))
}

/// The columns (by number) whose values in the table carry the marks
/// `marks` attached.
fn marked_columns(rows: &[Vec<Token>], columns: &[Vec<usize>], marks: &str) -> Vec<usize> {
    let mut marked: Vec<usize> = rows
        .iter()
        .zip(columns)
        .flat_map(|(tokens, cols)| tokens.iter().zip(cols))
        .filter(|(t, _)| t.kind != Kind::Marks && t.text.contains(marks))
        .map(|(_, &col)| col)
        .collect();
    marked.sort_unstable();
    marked.dedup();
    marked
}

/// Each column's places (by number), in row order.
fn column_places(columns: &[Vec<usize>]) -> Vec<Vec<Place>> {
    let mut out: Vec<Vec<Place>> = Vec::new();
    for (r, cols) in columns.iter().enumerate() {
        for (k, &col) in cols.iter().enumerate() {
            if out.len() <= col {
                out.resize_with(col + 1, Vec::new);
            }
            out[col].push((r, k));
        }
    }
    out
}

/// The places among `places` whose values lack the marks `marks`.
fn lacking_among(rows: &[Vec<Token>], places: &[Place], marks: &str) -> Vec<Place> {
    let lacks = |&&(r, k): &&Place| {
        rows.get(r)
            .and_then(|row| row.get(k))
            .is_some_and(|t| t.kind != Kind::Marks && !t.text.contains(marks))
    };
    places.iter().filter(lacks).copied().collect()
}

/// Where each value of the untangled `rows` is, sorted by span (the
/// first place of a span found twice first): a map searched by halves
/// (a hash map's code would be one more copy in the page's wasm: issue 8).
fn places_of(rows: &[Vec<Token>]) -> Vec<(Span, Place)> {
    let mut out: Vec<(Span, Place)> = rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| row.iter().enumerate().map(move |(k, t)| (t.span, (r, k))))
        .collect();
    crate::sort::by_key(&mut out, |(span, _)| *span);
    out
}

/// The place of `span` among `places` ([`places_of`]).
fn place_in(places: &[(Span, Place)], span: Span) -> Option<Place> {
    let at = places.partition_point(|(s, _)| *s < span);
    places.get(at).filter(|(s, _)| *s == span).map(|(_, place)| *place)
}

/// Whether each of `tokens` (in drawing order) was drawn after a value
/// that follows it in its row (`places` says where each is: [`places_of`]).
fn drawn_late(tokens: &[Token], places: &[(Span, Place)]) -> Vec<bool> {
    // The furthest place in each row drawn so far.
    let mut furthest: Vec<Option<usize>> = Vec::new();
    let mut late = Vec::with_capacity(tokens.len());
    for token in tokens {
        let Some((r, k)) = place_in(places, token.span) else {
            late.push(false);
            continue;
        };
        if furthest.len() <= r {
            furthest.resize(r + 1, None);
        }
        let seen = furthest.get_mut(r);
        late.push(seen.as_deref().copied().flatten().is_some_and(|f| f > k));
        if let Some(seen) = seen {
            *seen = Some(seen.map_or(k, |f| f.max(k)));
        }
    }
    late
}

/// The one value of row `row` among the places `among` whose column is
/// the only one of theirs whose values in the table carry the marks
/// `marks` attached: a footnote is made of a column's values, so marks
/// drawn on a line of their own next to a value of that column are that
/// value's (drawn after it or before it).
fn marked_column(
    rows: &[Vec<Token>],
    columns: &[Vec<usize>],
    marks: &str,
    row: usize,
    among: std::ops::RangeInclusive<usize>,
) -> Option<usize> {
    let cols = columns.get(row)?;
    let marked = marked_columns(rows, columns, marks);
    let mut found = among.filter(|k| cols.get(*k).is_some_and(|col| marked.contains(col)));
    let one = found.next()?;
    found.next().is_none().then_some(one)
}
