//! Tables I and II read from lines of cells: the headings say which columns
//! the rendering prints, each data line is one row.
//!
//! A data line with one cell per printed column (the EDGAR page and the
//! text and Markdown made from it) is read cell by cell. A line with one
//! cell per heading — the older print layout merges "Code V" or "Amount
//! (A) or (D) Price" into one cell — is split by what each part looks like
//! ([`crate::repr::align`]). Anything else is aligned token by token, and
//! tokens whose column is not certain are marked [`Origin::Uncertain`] with a
//! diagnostic. Where the rows themselves are told apart by guesswork (no
//! headings, PDF text without layout, the older print as PDF text), one row
//! in doubt puts the whole table in doubt ([`doubt_rows_together`]).

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{AcquiredDisposed, Column, Field, Origin, Row, RowKind, Table};
use crate::repr::align;
use crate::repr::cells::Cell;
use crate::repr::columns::{Slot, fill, heading_slots, sub_heading_slot};
use crate::repr::grid::Line;

/// The columns a table prints, grouped under their headings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Layout {
    /// One entry per heading: the slots printed under it.
    pub groups: Vec<Vec<Slot>>,
}

impl Layout {
    /// Every slot, in printed order.
    pub fn slots(&self) -> Vec<Slot> {
        self.groups.iter().flatten().copied().collect()
    }

    /// Drop `slot` from every group (and empty groups).
    fn without(&self, slot: Slot) -> Layout {
        let groups = self
            .groups
            .iter()
            .map(|g| g.iter().copied().filter(|s| *s != slot).collect::<Vec<_>>())
            .filter(|g| !g.is_empty())
            .collect();
        Layout { groups }
    }
}

/// Whether the line is a heading line of `table` (most of its cells are headings).
pub(crate) fn is_heading_line(line: &Line, table: Table) -> bool {
    let filled: Vec<&Cell> = line.filled().collect();
    if filled.is_empty() {
        return false;
    }
    let headings = filled
        .iter()
        .filter(|c| heading_slots(&c.text, table).is_some() || sub_heading_slots(&c.text, table).is_some())
        .count();
    headings * 2 > filled.len()
}

/// The slots a sub-heading cell names: one (`Code`), or several run
/// together (`Code V`, `Amount (A) or (D) Price`, `Title Amount or Number of Shares`).
fn sub_heading_slots(text: &str, table: Table) -> Option<Vec<Slot>> {
    const PHRASES: [&str; 11] = [
        "amount or number of shares",
        "date exercisable",
        "expiration date",
        "(a) or (d)",
        "amount",
        "price",
        "title",
        "code",
        "(a)",
        "(d)",
        "v",
    ];
    let mut rest = text.trim().to_ascii_lowercase();
    let mut slots = Vec::new();
    'outer: while !rest.is_empty() {
        for phrase in PHRASES {
            if let Some(after) = rest.strip_prefix(phrase)
                && (after.is_empty() || after.starts_with(' '))
            {
                slots.extend(sub_heading_slot(phrase, table));
                rest = after.trim_start().to_owned();
                continue 'outer;
            }
        }
        return None;
    }
    (!slots.is_empty()).then_some(slots)
}

/// The layout from the heading lines of a table.
pub(crate) fn layout(headings: &[&Line], table: Table) -> Layout {
    let mut groups: Vec<Vec<Slot>> = Vec::new();
    let mut subs: Vec<Slot> = Vec::new();
    for line in headings {
        for cell in line.filled() {
            if let Some(slots) = heading_slots(&cell.text, table) {
                let fresh: Vec<Slot> =
                    slots.iter().copied().filter(|s| !groups.iter().flatten().any(|g| g == s)).collect();
                if !fresh.is_empty() {
                    groups.push(fresh);
                }
            } else if let Some(slots) = sub_heading_slots(&cell.text, table) {
                subs.extend(slots);
            }
        }
    }
    let layout = Layout { groups };
    // Sub-headings list the split columns; without a "V" among them the form has none.
    if !subs.is_empty() && !subs.contains(&Slot::V) { layout.without(Slot::V) } else { layout }
}

/// Read the rows of a table from its data lines.
pub(crate) fn read_rows(
    data: &[&Line],
    layout: &Layout,
    table: Table,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Row> {
    data.iter().map(|line| read_row(line, layout, table, diagnostics)).collect()
}

fn read_row(line: &Line, layout: &Layout, table: Table, diagnostics: &mut Vec<Diagnostic>) -> Row {
    let mut row = Row { span: line.span(), ..Row::default() };
    let slots = layout.slots();
    let cells = &line.cells;
    let mut problems = Vec::new();
    if cells.len() == slots.len() {
        for (slot, cell) in slots.iter().zip(cells) {
            if let Err(p) = fill(&mut row, *slot, &cell.text, cell.span) {
                problems.push(p);
            }
        }
    } else if cells.len() == layout.groups.len() {
        let mut group_diags = Vec::new();
        for (group, cell) in layout.groups.iter().zip(cells) {
            if let [slot] = group.as_slice() {
                if let Err(p) = fill(&mut row, *slot, &cell.text, cell.span) {
                    problems.push(p);
                }
            } else {
                align::fill_group(&mut row, group, cell, &mut problems, &mut group_diags);
            }
        }
        if problems.is_empty() {
            diagnostics.append(&mut group_diags);
        } else {
            // A cell that does not fit its heading: the cells have shifted.
            problems.clear();
            row = Row { span: line.span(), ..Row::default() };
            align::fill_row(&mut row, &slots, cells, diagnostics);
        }
    } else {
        align::fill_row(&mut row, &slots, cells, diagnostics);
    }
    for p in problems {
        mark_uncertain(&mut row, p.slot);
        diagnostics.push(
            Diagnostic::new(Code::CellUnreadable, Some(p.span), p.message)
                .with_help("the value was left empty; check it against the original filing"),
        );
    }
    finish_row(&mut row, layout, table);
    row
}

/// Read one data line of a table whose headings were not read (the form's
/// standard columns assumed): its cells are no guide to its columns, so its
/// tokens are aligned with the columns, as a holding where that fits as
/// well ([`align::fill_row_typed`]).
pub(crate) fn read_unheaded_row(
    line: &Line,
    layout: &Layout,
    table: Table,
    diagnostics: &mut Vec<Diagnostic>,
) -> Row {
    let mut row = Row { span: line.span(), ..Row::default() };
    align::fill_row_typed(&mut row, &layout.slots(), &line.cells, diagnostics);
    finish_row(&mut row, layout, table);
    row
}

/// Settle a filled row: transaction or holding (by whether any transaction
/// column has content), and which of its cells the layout does not show.
pub(crate) fn finish_row(row: &mut Row, layout: &Layout, table: Table) {
    let slots = layout.slots();
    row.kind = if slots.iter().any(|s| s.is_transaction_only() && slot_has_content(row, *s)) {
        RowKind::Transaction
    } else {
        RowKind::Holding
    };
    mark_missing(row, &slots, table);
    if row.kind == RowKind::Transaction
        && row.transaction_shares.is_blank()
        && row.transaction_total_value.is_blank()
    {
        // A transaction always has an amount: a blank one was lost by the rendering.
        row.transaction_shares.origin = Origin::Missing;
        row.transaction_total_value.origin = Origin::Missing;
        if row.transaction_acquired_disposed_code.is_blank() {
            row.transaction_acquired_disposed_code.origin = Origin::Missing;
        }
    }
}

/// The columns of text: the titles and the nature of ownership.
const TEXT: [Column; 3] = [Column::SecurityTitle, Column::UnderlyingSecurityTitle, Column::NatureOfOwnership];

/// A row read without its table's headings (the form's standard columns
/// assumed): kept as read only when it fills the columns every row of its
/// kind has — the title, the amount owned and the ownership form, and for a
/// transaction its date, code, amount and direction — with no value in
/// doubt (a text may be); otherwise every value of it is marked uncertain. Its empty
/// columns are missing, not empty: no cell showed them.
pub(crate) fn doubt_unless_complete(mut row: Row, table: Table) -> Row {
    // A title (or underlying title) wrapped off the line of the row's values
    // (centred on a band of lines) leaves the values no less a row's: the
    // title alone is missing.
    let complete = is_complete_but_a_title(&row);
    // A text in doubt (which of the row's text columns a word is in) leaves
    // its values no less the row's.
    let in_doubt =
        Column::ALL.iter().any(|c| !TEXT.contains(c) && matches!(row.cell(*c).meta().2, Origin::Uncertain));
    // Without cells to go by, an empty column is not known to be empty.
    for column in Column::ALL {
        let cell = row.cell(column);
        let (footnotes, _, origin) = cell.meta();
        if column.applies(table, row.kind) && origin.is_read() && !cell.has_value() && footnotes.is_empty() {
            set_origin(&mut row, column, Origin::Missing);
        }
    }
    if !complete || in_doubt {
        doubt_values(&mut row);
    }
    row
}

/// Whether a row fills the columns every row of its kind has (see
/// [`doubt_unless_complete`]).
pub(crate) fn is_complete(row: &Row) -> bool {
    complete_besides(row, None)
}

/// [`is_complete`], or complete but for a title (or underlying title) it
/// does not show: in a table made from a PDF, a title wrapped off the line
/// of the row's values (centred on a band of lines) leaves the values no
/// less a row's.
pub(crate) fn is_complete_but_a_title(row: &Row) -> bool {
    is_complete(row)
        || [Column::SecurityTitle, Column::UnderlyingSecurityTitle]
            .into_iter()
            .any(|c| !row.cell(c).has_value() && complete_besides(row, Some(c)))
}

/// [`is_complete`] but for one column (`skip`), which may be empty.
fn complete_besides(row: &Row, skip: Option<Column>) -> bool {
    let core: &[Column] = match row.kind {
        RowKind::Transaction => &[
            Column::SecurityTitle,
            Column::TransactionDate,
            Column::TransactionCode,
            Column::TransactionAcquiredDisposedCode,
            Column::DirectOrIndirectOwnership,
        ],
        RowKind::Holding => &[Column::SecurityTitle, Column::DirectOrIndirectOwnership],
    };
    let filled = core.iter().filter(|&&c| Some(c) != skip).all(|c| {
        row.cell(*c).has_value()
            || (*c == Column::TransactionAcquiredDisposedCode && direction_not_shown(row))
    });
    let amounts = (row.kind == RowKind::Holding
        || row.transaction_shares.value.is_some()
        || row.transaction_total_value.value.is_some())
        && (row.shares_owned_following_transaction.value.is_some()
            || row.value_owned_following_transaction.value.is_some()
            || underlying_holding_complete(row, &|c| Some(c) == skip));
    filled && amounts
}

/// Whether a holding in a table that prints no amount owned following
/// (Form 3's Table II, whose layout left that column missing) shows what
/// that table prints for every holding instead: the underlying security's
/// title and amount (or value), and its date exercisable and expiration
/// date (each a date or footnote marks) — but for the columns `excused` says.
fn underlying_holding_complete(row: &Row, excused: &dyn Fn(Column) -> bool) -> bool {
    let owned = &row.shares_owned_following_transaction;
    let not_printed =
        owned.value.is_none() && owned.span.is_none() && matches!(owned.origin, Origin::Missing);
    let shows = |c: Column| shows(row, c) || excused(c);
    row.kind == RowKind::Holding
        && not_printed
        && (row.underlying_security_title.value.is_some() || excused(Column::UnderlyingSecurityTitle))
        && (row.underlying_security_shares.value.is_some() || row.underlying_security_value.value.is_some())
        && shows(Column::ExerciseDate)
        && shows(Column::ExpirationDate)
}

/// Whether a row shows something in a column: a value or footnote marks.
fn shows(row: &Row, column: Column) -> bool {
    let cell = row.cell(column);
    cell.has_value() || !cell.meta().0.is_empty()
}

/// Whether the row's amount — a number of securities or a dollar value
/// (`$…`, read as the transaction's total value) — was read but the
/// rendering did not show which of Table II's columns, (A) or (D), it
/// stands in: the direction is missing (with that amount's span), not lost
/// with a piece of the row.
fn direction_not_shown(row: &Row) -> bool {
    fn read_at<T, U>(amount: &Field<T>, direction: &Field<U>) -> bool {
        amount.value.is_some() && amount.span == direction.span
    }
    let direction = &row.transaction_acquired_disposed_code;
    direction.value.is_none()
        && matches!(direction.origin, Origin::Missing)
        && direction.span.is_some()
        && (read_at(&row.transaction_shares, direction) || read_at(&row.transaction_total_value, direction))
}

/// Mark every value read in a row uncertain.
pub(crate) fn doubt_values(row: &mut Row) {
    for column in Column::ALL {
        let (_, _, origin) = row.cell(column).meta();
        if origin.is_read() && row.cell(column).has_value() {
            set_origin(row, column, Origin::Uncertain);
        }
    }
}

/// Rows read from lines that are pieces of one row: a converter that split
/// a row over two lines (a price or a code on a line of its own, the rest
/// on the next) leaves two incomplete rows whose values fill different
/// columns. Two such neighbours are joined into one row, every value of it
/// uncertain (which piece goes with which is not certain), so that the
/// table keeps one row per printed row. Returns the rows, and for each row
/// given the index of the row it went into.
pub(crate) fn join_pieces(rows: Vec<Row>) -> (Vec<Row>, Vec<usize>) {
    let disjoint =
        |a: &Row, b: &Row| Column::ALL.iter().all(|&c| !(a.cell(c).has_value() && b.cell(c).has_value()));
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    let mut went = Vec::with_capacity(rows.len());
    let mut joined_last = false;
    for row in rows {
        went.push(out.len());
        if let Some(prev) = out.last_mut()
            && !joined_last
            && !is_complete(prev)
            && !is_complete(&row)
            && disjoint(prev, &row)
        {
            absorb(prev, row);
            doubt_values(prev);
            joined_last = true;
            if let Some(last) = went.last_mut() {
                *last -= 1;
            }
            continue;
        }
        joined_last = false;
        out.push(row);
    }
    (out, went)
}

/// Fill a row's empty cells from another piece of it.
pub(crate) fn absorb(row: &mut Row, piece: Row) {
    macro_rules! take {
        ($($field:ident),*) => {$(
            if row.$field.value.is_none() && piece.$field.value.is_some() {
                row.$field = piece.$field;
            }
        )*};
    }
    take!(
        security_title,
        conversion_or_exercise_price,
        transaction_date,
        deemed_execution_date,
        transaction_form_type,
        transaction_code,
        equity_swap_involved,
        transaction_timeliness,
        transaction_shares,
        transaction_total_value,
        transaction_price_per_share,
        transaction_acquired_disposed_code,
        exercise_date,
        expiration_date,
        underlying_security_title,
        underlying_security_shares,
        underlying_security_value,
        shares_owned_following_transaction,
        value_owned_following_transaction,
        direct_or_indirect_ownership,
        nature_of_ownership
    );
    if piece.kind == RowKind::Transaction {
        row.kind = RowKind::Transaction;
    }
    row.span = row.span.cover(piece.span);
}

/// How a table made from a PDF was gathered from its lines, for
/// [`doubt_rows_together_but_first`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Gathered<'a> {
    /// For each row, whether it was pieced together from fragments of lines.
    pub pieced: &'a [bool],
    /// The first row below a line showing a value (a date or an amount)
    /// that was left unplaced: a row may have been lost there.
    pub lost_from: usize,
    /// For each row, whether a line of footnote marks alone was joined to
    /// it (as words continuing it) or to the row above it: the marks may be
    /// either row's, so neither row's cells are certain.
    pub took_marks: &'a [bool],
}

/// The columns whose cell a footnote alone may fill (`(1)`): the prices
/// and the dates exercisable and of expiration. A converter may write such
/// marks on a line of their own.
///
/// Counting rows past the first row in doubt excuses these columns in the
/// rows above even when a real value (a price, a date) is missing, not
/// only marks. That rests on one invariant of the joining: a value missing
/// from a row is never joined silently to another row. A piece of values
/// lifted off its row is joined to the line below only when the row above
/// shows every column the piece fills (`fits_above` in
/// `unheaded::join_lifted_pieces`); rows read from pieces are joined only
/// in doubt, each lacking values ([`join_pieces`]); and a line showing a
/// value left unplaced stops the count (`lost_from`). A price or a date
/// missing from a row is thus empty, or marks, or on a piece read as a row
/// of its own, which shows no other value and stops the count. A change to
/// that joining must revisit this excuse.
const MARKABLE: [Column; 4] = [
    Column::ConversionOrExercisePrice,
    Column::TransactionPricePerShare,
    Column::ExerciseDate,
    Column::ExpirationDate,
];

/// Rows told apart without certainty: when some row of a table is in doubt
/// beyond its text cells (a value whose column or row is not certain, or a
/// line read as a row that may be only a piece of one), the lines around it
/// may be pieces of rows too, so which values belong together is not certain
/// in any row: every value read in the table is marked uncertain, with one
/// diagnostic, except in the rows that [`continues`] confirms: before the
/// first row in doubt, or anywhere in an unbroken chain that starts at a
/// complete first row (every row continuing the one above it, so no piece of
/// a row was read as a row and none was lost before it). A table whose rows
/// are all certain is left alone.
pub(crate) fn doubt_rows_together(rows: &mut [Row], table: Table, diagnostics: &mut Vec<Diagnostic>) {
    doubt_rows_together_but_first(rows, table, false, None, diagnostics);
}

/// [`doubt_rows_together`]; with `first_confirmable`, the first row too
/// keeps its values when it is complete and the second row (neither in
/// doubt) continues its holdings, as the second is confirmed by it, and a
/// cell given only by footnotes in a row not confirmed is put in doubt
/// like a value (its marks may be another row's). For readers whose rows'
/// footnote marks were placed token by token, each for certain (the marks
/// are no part of the holdings' sums; the PDF readers place them more
/// loosely).
///
/// With `gathered` (how the rows were gathered from lines: [`Gathered`]):
/// a row in doubt that was read from one line and shows every column of
/// its kind ([`is_whole`]) puts no other row in doubt: its doubt is over
/// which of its own columns a token fills, not over where the row starts
/// and ends, as no piece of it is elsewhere. Rows each showing every value
/// from the first row on keep their values; and past the first row in
/// doubt, up to `lost_from` (above it no line showing a value was left
/// unplaced, so no row was lost), a row showing every value, none of them
/// in doubt but cells given by footnote marks alone, keeps them when every
/// row above it shows every value but its words and the columns a footnote
/// alone may fill (so its place is counted right: see [`MARKABLE`]). A row
/// beside a line of footnote marks alone that was joined to a row as words
/// (`took_marks`) keeps none: the marks may be the other row's.
pub(crate) fn doubt_rows_together_but_first(
    rows: &mut [Row],
    table: Table,
    first_confirmable: bool,
    gathered: Option<Gathered<'_>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let pieces = gathered.map(|g| g.pieced);
    let took_marks = |k: usize| gathered.is_some_and(|g| g.took_marks.get(k).copied().unwrap_or(false));
    let values_in_doubt = |row: &Row| doubt_but(row, &|_| false);
    let in_doubt = |(k, row): (usize, &Row)| {
        let pieced = pieces.is_none_or(|p| p.get(k).copied().unwrap_or(true));
        (pieced || !is_whole(row, table)) && values_in_doubt(row)
    };
    let Some(before) = rows.iter().enumerate().position(in_doubt) else { return };
    let first = rows[before].span;
    // A row before the first one in doubt whose amounts continue the row
    // above keeps its values: after that row, a piece of a row may have been
    // read as a row, and rows may be counted wrong — unless every row from
    // the first on continues the one above, which a piece of a row (lacking
    // the amounts) or a lost row (its amount missing from the sums) breaks.
    let mut chained = rows.first().is_some_and(is_complete);
    let mut confirmed: Vec<bool> = (0..rows.len())
        .map(|k| {
            let link = k > 0 && continues(&rows[k - 1], &rows[k]);
            chained &= k == 0 || link;
            link && (k < before || chained)
        })
        .collect();
    if first_confirmable && before > 1 && chained_pair(rows, 0) {
        confirmed[0] = true;
    }
    // Rows each showing every value, from the first row on, each read from
    // a line of its own or pieced together with none of its values in
    // doubt (every piece of values joined where that was certain — two
    // pieces are joined only when each lacks values —, every token placed
    // for certain): before them no piece of a row was read as a row (it
    // would lack values) and no row was lost (every row has a value, so a
    // line of its own), so each is the row its place says. (Their titles
    // and natures may have wrapped off their lines: words make no rows,
    // and the other lines of a row have no value left to show.) A line of
    // footnote marks alone joined to a row as words may be the marks of
    // the row below: neither row is taken (`took_marks`).
    if let Some(pieces) = pieces {
        let whole = |(k, row): &(usize, &mut Row)| {
            (pieces.get(*k) == Some(&false) || !values_in_doubt(row))
                && !took_marks(*k)
                && shows_every_value(row, table, true, None)
        };
        for (_, c) in rows.iter_mut().enumerate().take_while(whole).zip(confirmed.iter_mut()) {
            *c = true;
        }
    }
    // Past the first row in doubt, a row with none of its values in doubt
    // and every value shown (its words may have wrapped off) keeps them,
    // when its place is counted right: every row above it shows every
    // value but its words and the columns a footnote alone may fill (see
    // [`MARKABLE`] for the invariant that excuse rests on), so none is a
    // piece of a row read as a row (a piece lacks the values left on the
    // row's other lines), and no line showing a value (a date or an amount:
    // every row has one) was left unplaced above it, so no row was lost.
    // (A row's values are not split among rows that each show every value:
    // two rows are joined only when each lacks values.)
    //
    // Its cells given by footnote marks alone may be in doubt (marks standing
    // on a line of their own, placed by the row's missing columns): marks
    // make no rows, and those cells stay in doubt. A row pieced together
    // from lines is taken with no other value in doubt: its pieces of
    // values were joined where that was certain, and its lines of words
    // only were joined as words — but for a line of footnote marks alone,
    // which may be the row below's: neither row is taken (`took_marks`).
    let doubt_beyond_marks =
        |row: &Row| doubt_but(row, &|c| MARKABLE.contains(&c) && !row.cell(c).has_value());
    if let Some(gathered) = gathered {
        let mut counted = true;
        let rows_above = rows.iter().zip(confirmed.iter_mut()).take(gathered.lost_from);
        for (k, (row, c)) in rows_above.enumerate() {
            *c |= counted
                && !took_marks(k)
                && !doubt_beyond_marks(row)
                && shows_every_value(row, table, true, None);
            counted &= shows_every_value_but(row, table, &|c| TEXT.contains(&c) || MARKABLE.contains(&c));
        }
    }
    for (row, _) in rows.iter_mut().zip(confirmed).filter(|(_, c)| !c) {
        for column in Column::ALL {
            let (footnotes, _, origin) = row.cell(column).meta();
            if !origin.is_read() {
                continue;
            }
            if row.cell(column).has_value() || (first_confirmable && !footnotes.is_empty()) {
                set_origin(row, column, Origin::Uncertain);
            } else if footnotes.is_empty() && column.applies(table, RowKind::Transaction) {
                // Not known to be empty: its value may be in another row (and
                // whether the row is a transaction or a holding is not certain).
                set_origin(row, column, Origin::Missing);
            }
        }
    }
    let which = if table == Table::NonDerivative { "Table I" } else { "Table II" };
    diagnostics.push(
        Diagnostic::new(
            Code::RowsUncertain,
            Some(first),
            format!("the rows of {which} could not be told apart for certain: a line read as a row may be only a piece of one; every value of the table was marked uncertain, except in rows whose place in the table is certain"),
        )
        .with_help("check the table against the original filing"),
    );
}

/// Whether a row has a value (not text) in doubt in a column `excused` does not excuse.
fn doubt_but(row: &Row, excused: &dyn Fn(Column) -> bool) -> bool {
    Column::ALL
        .iter()
        .any(|&c| !TEXT.contains(&c) && !excused(c) && matches!(row.cell(c).meta().2, Origin::Uncertain))
}

/// Whether a row shows every column the form prints for a row of its kind
/// (a value or footnote marks): all but the deemed execution date and the
/// "V" box, which most rows leave blank, and the nature of ownership of a
/// direct holding; an amount as shares or as a value.
pub(crate) fn is_whole(row: &Row, table: Table) -> bool {
    let nature = row.direct_or_indirect_ownership.value != Some(crate::model::DirectIndirect::Indirect)
        || shows(row, Column::NatureOfOwnership);
    shows_every_value(row, table, false, None) && nature
}

/// The columns a row of its kind shows one value in each (not the deemed
/// execution date or the "V" box, which most rows leave blank, the nature,
/// or the amounts, which come in pairs) that this row shows nothing in (a
/// value or footnote marks). An amount whose (A) or (D) column was not
/// shown shows the direction's column too.
pub(crate) fn unshown(row: &Row, table: Table) -> impl Iterator<Item = Column> + '_ {
    use Column as C;
    const BLANK_OR_PAIRED: [Column; 11] = [
        C::DeemedExecutionDate,
        C::TransactionFormType,
        C::EquitySwapInvolved,
        C::TransactionTimeliness,
        C::NatureOfOwnership,
        C::TransactionShares,
        C::TransactionTotalValue,
        C::UnderlyingSecurityShares,
        C::UnderlyingSecurityValue,
        C::SharesOwnedFollowingTransaction,
        C::ValueOwnedFollowingTransaction,
    ];
    C::ALL.into_iter().filter(move |c| c.applies(table, row.kind) && !BLANK_OR_PAIRED.contains(c)).filter(
        move |&c| !(shows(row, c) || (c == C::TransactionAcquiredDisposedCode && direction_not_shown(row))),
    )
}

/// [`is_whole`] but for the nature of ownership; with `words`, but for the
/// titles too: the row shows every value its kind has (words may have
/// wrapped off the row's line); with `but`, every value but that column's
/// (a value standing off the row's line, whose row is being sought).
pub(crate) fn shows_every_value(row: &Row, table: Table, words: bool, but: Option<Column>) -> bool {
    shows_every_value_but(row, table, &|c| (words && TEXT.contains(&c)) || but == Some(c))
}

/// [`shows_every_value`] but for the columns `excused` says.
fn shows_every_value_but(row: &Row, table: Table, excused: &dyn Fn(Column) -> bool) -> bool {
    use Column as C;
    let shows = |c: Column| shows(row, c) || excused(c);
    let single = unshown(row, table).all(excused);
    let transaction =
        row.kind == RowKind::Holding || shows(C::TransactionShares) || shows(C::TransactionTotalValue);
    let underlying = table == Table::NonDerivative
        || shows(C::UnderlyingSecurityShares)
        || shows(C::UnderlyingSecurityValue);
    // Form 3's Table II prints no amount owned following: its holding shows
    // the underlying security instead (its title may have wrapped off with `words`).
    let owned = shows(C::SharesOwnedFollowingTransaction)
        || shows(C::ValueOwnedFollowingTransaction)
        || underlying_holding_complete(row, excused);
    single && transaction && underlying && owned
}

/// Whether row `k` is complete and the row after it continues its holdings.
fn chained_pair(rows: &[Row], k: usize) -> bool {
    match (rows.get(k), rows.get(k + 1)) {
        (Some(row), Some(next)) => is_complete(row) && continues(row, next),
        _ => false,
    }
}

/// Whether two transactions one after the other, of the same security and
/// held the same way (the same form, the same nature with the same
/// footnotes: "See Footnotes" names a holder by its marks), break the holdings
/// chain: each shows its amounts ([`same_holding`]), and the second's amount
/// does not move the first's amount owned to the second's ([`continues`]).
pub(crate) fn breaks_holdings(prev: &Row, row: &Row) -> bool {
    same_holding(prev, row) && !continues(prev, row)
}

/// Whether `row`'s amounts continue `prev`'s holding: two transactions of
/// the same security held the same way, each showing its amounts
/// ([`same_holding`]), the second's amount moving the first's amount owned
/// to the second's ([`continues`]).
pub(crate) fn chains_holdings(prev: &Row, row: &Row) -> bool {
    same_holding(prev, row) && continues(prev, row)
}

/// Whether two transactions are of the same security held the same way
/// (the same form, the same nature with the same footnotes), each showing
/// its amount, amount owned and direction.
fn same_holding(prev: &Row, row: &Row) -> bool {
    let shows = |r: &Row| {
        r.kind == RowKind::Transaction
            && r.transaction_shares.value.is_some()
            && r.shares_owned_following_transaction.value.is_some()
            && r.transaction_acquired_disposed_code.value.is_some()
    };
    shows(prev)
        && shows(row)
        && prev.security_title.value.is_some()
        && prev.security_title.value == row.security_title.value
        && prev.direct_or_indirect_ownership.value == row.direct_or_indirect_ownership.value
        && prev.nature_of_ownership.value == row.nature_of_ownership.value
        && prev.nature_of_ownership.footnotes == row.nature_of_ownership.footnotes
}

/// Whether a transaction's amounts are confirmed by the holdings before it:
/// the row above, of the same security, owned an amount that this row's
/// amount acquired (added) or disposed of (taken away) turns into the amount
/// this row owns following it. Three numbers read from two lines agree, so
/// the row's cells were not taken from a neighbouring line.
fn continues(prev: &Row, row: &Row) -> bool {
    let (Some(before), Some(shares), Some(after), Some(direction)) = (
        &prev.shares_owned_following_transaction.value,
        &row.transaction_shares.value,
        &row.shares_owned_following_transaction.value,
        row.transaction_acquired_disposed_code.value,
    ) else {
        return false;
    };
    let moved = match direction {
        AcquiredDisposed::Acquired => before.value + shares.value,
        AcquiredDisposed::Disposed => before.value - shares.value,
    };
    row.kind == RowKind::Transaction
        && shares.value > rust_decimal::Decimal::ZERO
        && prev.security_title.value.is_some()
        && prev.security_title.value == row.security_title.value
        && moved == after.value
}

/// Mark the text cells of a row (title, underlying title, nature) uncertain:
/// wrapped text near it may belong to them.
pub(crate) fn doubt_text(row: &mut Row) {
    for column in TEXT {
        if row.cell(column).has_value() && row.cell(column).meta().2.is_read() {
            set_origin(row, column, Origin::Uncertain);
        }
    }
}

/// Mark every cell of a row that has footnote marks uncertain (with a value
/// or not): more of its marks may be among marks that were not placed.
pub(crate) fn doubt_footnoted(row: &mut Row) {
    for column in Column::ALL {
        let (footnotes, _, origin) = row.cell(column).meta();
        if origin.is_read() && !footnotes.is_empty() {
            set_origin(row, column, Origin::Uncertain);
        }
    }
}

/// The columns a slot shows.
pub(crate) fn slot_columns(slot: Slot) -> &'static [Column] {
    use Column as C;
    match slot {
        Slot::Title => &[C::SecurityTitle],
        Slot::ExercisePrice => &[C::ConversionOrExercisePrice],
        Slot::Date => &[C::TransactionDate],
        Slot::Deemed => &[C::DeemedExecutionDate],
        Slot::Code => &[C::TransactionCode],
        Slot::V => &[C::TransactionFormType],
        Slot::Shares => &[C::TransactionShares],
        Slot::AcquiredDisposed => &[C::TransactionAcquiredDisposedCode],
        Slot::Price => &[C::TransactionPricePerShare],
        Slot::Acquired | Slot::Disposed => {
            &[C::TransactionShares, C::TransactionTotalValue, C::TransactionAcquiredDisposedCode]
        }
        Slot::Exercisable => &[C::ExerciseDate],
        Slot::Expiration => &[C::ExpirationDate],
        Slot::UnderlyingTitle => &[C::UnderlyingSecurityTitle],
        Slot::UnderlyingAmount => &[C::UnderlyingSecurityShares, C::UnderlyingSecurityValue],
        Slot::Owned => &[C::SharesOwnedFollowingTransaction, C::ValueOwnedFollowingTransaction],
        Slot::DirectIndirect => &[C::DirectOrIndirectOwnership],
        Slot::Nature => &[C::NatureOfOwnership],
    }
}

fn slot_has_content(row: &Row, slot: Slot) -> bool {
    slot_columns(slot).iter().any(|c| {
        let cell = row.cell(*c);
        let (footnotes, _, _) = cell.meta();
        cell.has_value() || !footnotes.is_empty()
    })
}

/// Mark the fields a slot shows as uncertain.
pub(crate) fn mark_uncertain(row: &mut Row, slot: Slot) {
    for column in slot_columns(slot) {
        set_origin(row, *column, Origin::Uncertain);
    }
}

/// Mark as missing the applicable columns no printed slot shows.
fn mark_missing(row: &mut Row, slots: &[Slot], table: Table) {
    for column in Column::ALL {
        if !column.applies(table, row.kind) {
            continue;
        }
        let shown = slots.iter().any(|s| slot_columns(*s).contains(&column));
        let hidden_by_design = matches!(
            column,
            Column::TransactionFormType | Column::EquitySwapInvolved | Column::TransactionTimeliness
        );
        if !shown && !hidden_by_design {
            let (_, span, origin) = row.cell(column).meta();
            if span.is_none() && origin.is_read() && !row.cell(column).has_value() {
                set_origin(row, column, Origin::Missing);
            }
        }
    }
}

/// Set a field's origin, whatever its type.
pub(crate) fn set_origin(row: &mut Row, column: Column, origin: Origin) {
    fn set<T>(f: &mut Field<T>, origin: Origin) {
        f.origin = origin;
    }
    use Column as C;
    match column {
        C::SecurityTitle => set(&mut row.security_title, origin),
        C::ConversionOrExercisePrice => set(&mut row.conversion_or_exercise_price, origin),
        C::TransactionDate => set(&mut row.transaction_date, origin),
        C::DeemedExecutionDate => set(&mut row.deemed_execution_date, origin),
        C::TransactionFormType => set(&mut row.transaction_form_type, origin),
        C::TransactionCode => set(&mut row.transaction_code, origin),
        C::EquitySwapInvolved => set(&mut row.equity_swap_involved, origin),
        C::TransactionTimeliness => set(&mut row.transaction_timeliness, origin),
        C::TransactionShares => set(&mut row.transaction_shares, origin),
        C::TransactionTotalValue => set(&mut row.transaction_total_value, origin),
        C::TransactionPricePerShare => set(&mut row.transaction_price_per_share, origin),
        C::TransactionAcquiredDisposedCode => set(&mut row.transaction_acquired_disposed_code, origin),
        C::ExerciseDate => set(&mut row.exercise_date, origin),
        C::ExpirationDate => set(&mut row.expiration_date, origin),
        C::UnderlyingSecurityTitle => set(&mut row.underlying_security_title, origin),
        C::UnderlyingSecurityShares => set(&mut row.underlying_security_shares, origin),
        C::UnderlyingSecurityValue => set(&mut row.underlying_security_value, origin),
        C::SharesOwnedFollowingTransaction => set(&mut row.shares_owned_following_transaction, origin),
        C::ValueOwnedFollowingTransaction => set(&mut row.value_owned_following_transaction, origin),
        C::DirectOrIndirectOwnership => set(&mut row.direct_or_indirect_ownership, origin),
        C::NatureOfOwnership => set(&mut row.nature_of_ownership, origin),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Num;
    use crate::source::Span;

    fn row(owned: &str, origin: Origin) -> Row {
        let mut row = Row { kind: RowKind::Holding, ..Row::default() };
        row.security_title = Field::read("Common Stock".to_owned(), Span::new(0, 12));
        row.shares_owned_following_transaction =
            Field { origin, ..Field::read(Num::parse(&owned.replace(',', "")).unwrap(), Span::new(13, 18)) };
        row
    }

    #[test]
    fn a_form_3_derivative_holding_shows_every_value_without_an_amount_owned() {
        // A fictional Form 3's Table II holding: the form prints the
        // underlying security's title and amount, and no amount owned following.
        fn marks<T>(a: usize) -> Field<T> {
            let footnotes = vec![crate::model::FootnoteId::numbered(1)];
            Field { footnotes, span: Some(Span::new(a, a + 3)), ..Field::default() }
        }
        let mut row = Row { kind: RowKind::Holding, ..Row::default() };
        row.security_title = Field::read("Series A Preferred Stock".to_owned(), Span::new(0, 24));
        row.conversion_or_exercise_price = marks(25);
        row.exercise_date = marks(29);
        row.expiration_date = marks(33);
        row.underlying_security_title = Field::read("Common Stock".to_owned(), Span::new(37, 49));
        row.underlying_security_shares = Field::read(Num::parse("1000").unwrap(), Span::new(50, 55));
        row.direct_or_indirect_ownership =
            Field::read(crate::model::DirectIndirect::Direct, Span::new(56, 57));
        row.shares_owned_following_transaction = Field::missing();
        assert!(is_whole(&row, Table::Derivative));
        // Its underlying title wrapped off its line: its values are all shown still.
        row.underlying_security_title = Field::missing();
        assert!(!is_whole(&row, Table::Derivative));
        assert!(shows_every_value(&row, Table::Derivative, true, None));
        // Without the underlying amount, a value is not shown.
        row.underlying_security_shares = Field::missing();
        assert!(!shows_every_value(&row, Table::Derivative, true, None));
        // With an amount owned following, it shows every value but the underlying amount.
        row.shares_owned_following_transaction = Field::read(Num::parse("1000").unwrap(), Span::new(58, 63));
        assert!(!shows_every_value(&row, Table::Derivative, true, None));
        assert!(shows_every_value(&row, Table::Derivative, true, Some(Column::UnderlyingSecurityShares)));
    }

    #[test]
    fn a_row_whose_amount_has_no_direction_shown_is_complete() {
        let mut row = row("1,500", Origin::Read);
        row.kind = RowKind::Transaction;
        row.transaction_date =
            Field::read(crate::model::Date::from_ymd(2024, 3, 4).unwrap(), Span::new(19, 29));
        row.transaction_code = Field::read(crate::model::TransactionCode::M, Span::new(30, 31));
        row.direct_or_indirect_ownership =
            Field::read(crate::model::DirectIndirect::Direct, Span::new(40, 41));
        row.transaction_shares = Field::read(Num::parse("500").unwrap(), Span::new(32, 35));
        assert!(!is_complete(&row));
        // The amount read, its column (A) or (D) not shown.
        row.transaction_acquired_disposed_code = Field { span: Some(Span::new(32, 35)), ..Field::missing() };
        assert!(is_complete(&row));
        // Missing for another reason (no amount's span): a piece of a row.
        row.transaction_acquired_disposed_code = Field::missing();
        assert!(!is_complete(&row));
    }

    #[test]
    fn a_row_whose_dollar_amount_has_no_direction_shown_is_complete() {
        let mut row = row("1,500", Origin::Read);
        row.kind = RowKind::Transaction;
        row.transaction_date =
            Field::read(crate::model::Date::from_ymd(2024, 3, 4).unwrap(), Span::new(19, 29));
        row.transaction_code = Field::read(crate::model::TransactionCode::J, Span::new(30, 31));
        row.direct_or_indirect_ownership =
            Field::read(crate::model::DirectIndirect::Direct, Span::new(50, 51));
        // `$2,500,000` in the (A) or the (D) column: a total value, no number of securities.
        row.transaction_total_value = Field::read(Num::parse("2500000").unwrap(), Span::new(32, 42));
        row.transaction_acquired_disposed_code = Field { span: Some(Span::new(32, 42)), ..Field::missing() };
        assert!(is_complete(&row));
        assert!(!unshown(&row, Table::Derivative).any(|c| c == Column::TransactionAcquiredDisposedCode));
        // The direction's span another cell's: not the amount's direction left unshown.
        row.transaction_acquired_disposed_code = Field { span: Some(Span::new(44, 45)), ..Field::missing() };
        assert!(!is_complete(&row));
    }

    #[test]
    fn a_holding_whose_title_wrapped_off_its_line_keeps_its_values() {
        let mut row = row("1,000", Origin::Read);
        row.security_title = Field::default();
        row.direct_or_indirect_ownership =
            Field::read(crate::model::DirectIndirect::Direct, Span::new(19, 20));
        let kept = doubt_unless_complete(row.clone(), Table::NonDerivative);
        assert_eq!(kept.shares_owned_following_transaction.origin, Origin::Read);
        assert_eq!(kept.security_title.origin, Origin::Missing);
        // A text in doubt (which of the row's text columns a word is in)
        // leaves the values no less the row's; a value in doubt does not.
        let title = Field::read("Common Stock".to_owned(), Span::new(0, 12));
        row.security_title = Field { origin: Origin::Uncertain, ..title.clone() };
        let kept = doubt_unless_complete(row.clone(), Table::NonDerivative);
        assert_eq!(kept.shares_owned_following_transaction.origin, Origin::Read);
        assert_eq!(kept.security_title.origin, Origin::Uncertain);
        row.security_title = title;
        row.direct_or_indirect_ownership.origin = Origin::Uncertain;
        let doubted = doubt_unless_complete(row.clone(), Table::NonDerivative);
        assert_eq!(doubted.shares_owned_following_transaction.origin, Origin::Uncertain);
        row.security_title = Field::default();
        // Its ownership form lost too: a piece of a row, its values in doubt.
        row.direct_or_indirect_ownership = Field::default();
        let doubted = doubt_unless_complete(row, Table::NonDerivative);
        assert_eq!(doubted.shares_owned_following_transaction.origin, Origin::Uncertain);
    }

    /// Rows gathered from lines, pieced together or not, no line of values left unplaced.
    fn gathered(pieced: &[bool]) -> Option<Gathered<'_>> {
        Some(Gathered { pieced, lost_from: pieced.len(), took_marks: &[] })
    }

    /// A transaction with its date, `code` and direct ownership.
    fn dated(mut row: Row, code: crate::model::TransactionCode) -> Row {
        row.transaction_date =
            Field::read(crate::model::Date::from_ymd(2024, 3, 4).unwrap(), Span::new(27, 37));
        row.transaction_code = Field::read(code, Span::new(38, 39));
        row.direct_or_indirect_ownership =
            Field::read(crate::model::DirectIndirect::Direct, Span::new(40, 41));
        row
    }

    #[test]
    fn whole_rows_from_the_first_keep_their_values_before_a_row_in_doubt() {
        let mut first =
            dated(transaction("100", AcquiredDisposed::Acquired, "1000"), crate::model::TransactionCode::P);
        first.transaction_price_per_share = Field::read(Num::parse("5").unwrap(), Span::new(42, 43));
        assert!(is_whole(&first, Table::NonDerivative));
        // A holding whose title and nature wrapped off its line: every value shown still.
        let mut wrapped = complete_holding("5");
        wrapped.security_title = Field::default();
        wrapped.direct_or_indirect_ownership =
            Field::read(crate::model::DirectIndirect::Indirect, Span::new(19, 20));
        assert!(!is_whole(&wrapped, Table::NonDerivative));
        let rows = || vec![first.clone(), wrapped.clone(), row("7", Origin::Uncertain), first.clone()];
        let mut diags = Vec::new();
        let mut read = rows();
        doubt_rows_together_but_first(
            &mut read,
            Table::NonDerivative,
            true,
            gathered(&[false; 4]),
            &mut diags,
        );
        let origins: Vec<Origin> = read.iter().map(|r| r.shares_owned_following_transaction.origin).collect();
        let (r, u) = (Origin::Read, Origin::Uncertain);
        // After the row in doubt, a row's place is not certain.
        assert_eq!(origins, [r, r, u, u]);
        // A row pieced together from lines with none of its values in doubt
        // is whole still; with one in doubt, the rows from it on are not
        // certain (which piece went with which may be wrong).
        let pieced = gathered(&[false, true, false, false]);
        let mut read = rows();
        doubt_rows_together_but_first(&mut read, Table::NonDerivative, true, pieced, &mut diags);
        let origins: Vec<Origin> = read.iter().map(|r| r.shares_owned_following_transaction.origin).collect();
        assert_eq!(origins, [r, r, u, u]);
        let mut read = rows();
        read[1].direct_or_indirect_ownership.origin = Origin::Uncertain;
        doubt_rows_together_but_first(&mut read, Table::NonDerivative, true, pieced, &mut diags);
        let origins: Vec<Origin> = read.iter().map(|r| r.shares_owned_following_transaction.origin).collect();
        assert_eq!(origins, [r, u, u, u]);
        // A direction not shown (the amount's column (A) or (D)) leaves a row whole.
        first.transaction_acquired_disposed_code =
            Field { span: first.transaction_shares.span, ..Field::missing() };
        assert!(is_whole(&first, Table::NonDerivative));
    }

    #[test]
    fn one_row_in_doubt_puts_every_row_in_doubt() {
        let mut diags = Vec::new();
        let mut rows = vec![row("1,000", Origin::Read), row("2010", Origin::Uncertain)];
        doubt_rows_together(&mut rows, Table::NonDerivative, &mut diags);
        assert_eq!(rows[0].security_title.origin, Origin::Uncertain);
        assert_eq!(rows[0].shares_owned_following_transaction.origin, Origin::Uncertain);
        // An empty cell is not known to be empty: it may be a transaction's.
        assert_eq!(rows[0].transaction_date.origin, Origin::Missing);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, Code::RowsUncertain);
    }

    #[test]
    fn rows_all_certain_are_left_alone() {
        let mut diags = Vec::new();
        let mut rows = vec![row("1,000", Origin::Read), row("2,000", Origin::Read)];
        doubt_rows_together(&mut rows, Table::NonDerivative, &mut diags);
        assert!(rows.iter().all(|r| r.shares_owned_following_transaction.origin == Origin::Read));
        assert!(diags.is_empty());
    }

    /// A transaction of `shares` (acquired or disposed) leaving `owned`.
    fn transaction(shares: &str, direction: AcquiredDisposed, owned: &str) -> Row {
        let mut row = Row { kind: RowKind::Transaction, ..row(owned, Origin::Read) };
        row.transaction_shares = Field::read(Num::parse(shares).unwrap(), Span::new(20, 24));
        row.transaction_acquired_disposed_code = Field::read(direction, Span::new(25, 26));
        row
    }

    #[test]
    fn a_row_whose_amounts_continue_the_row_above_keeps_its_values() {
        let mut diags = Vec::new();
        let mut rows = vec![
            row("1000", Origin::Read),
            transaction("400", AcquiredDisposed::Disposed, "600"),
            // 600 + 50 is not 700: not confirmed.
            transaction("50", AcquiredDisposed::Acquired, "700"),
            row("2010", Origin::Uncertain),
        ];
        doubt_rows_together(&mut rows, Table::NonDerivative, &mut diags);
        let origins: Vec<Origin> = rows.iter().map(|r| r.shares_owned_following_transaction.origin).collect();
        assert_eq!(origins, [Origin::Uncertain, Origin::Read, Origin::Uncertain, Origin::Uncertain]);
        assert_eq!(rows[1].transaction_shares.origin, Origin::Read);
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn a_complete_first_row_continued_by_the_second_is_confirmed() {
        let mut diags = Vec::new();
        let mut first = transaction("100", AcquiredDisposed::Acquired, "1000");
        first.transaction_date =
            Field::read(crate::model::Date::from_ymd(2024, 3, 4).unwrap(), Span::new(27, 37));
        first.transaction_code = Field::read(crate::model::TransactionCode::P, Span::new(38, 39));
        first.direct_or_indirect_ownership =
            Field::read(crate::model::DirectIndirect::Direct, Span::new(40, 41));
        let mut rows = vec![
            first.clone(),
            transaction("400", AcquiredDisposed::Disposed, "600"),
            row("7", Origin::Uncertain),
        ];
        let mut as_pdf = rows.clone();
        doubt_rows_together_but_first(&mut rows, Table::NonDerivative, true, None, &mut diags);
        assert_eq!(rows[0].transaction_shares.origin, Origin::Read);
        assert_eq!(rows[1].transaction_shares.origin, Origin::Read);
        // A cell given only by footnotes in a row not confirmed is in doubt.
        let mut rows = vec![row("1,000", Origin::Read), row("7", Origin::Uncertain)];
        rows[0].nature_of_ownership.footnotes = vec![crate::model::FootnoteId::numbered(2)];
        doubt_rows_together_but_first(&mut rows, Table::NonDerivative, true, None, &mut diags);
        assert_eq!(rows[0].nature_of_ownership.origin, Origin::Uncertain);
        // Not for readers whose marks were placed loosely.
        doubt_rows_together(&mut as_pdf, Table::NonDerivative, &mut diags);
        assert_eq!(as_pdf[0].transaction_shares.origin, Origin::Uncertain);
        // Incomplete (no ownership form), it is not.
        first.direct_or_indirect_ownership = Field::default();
        let mut rows =
            vec![first, transaction("400", AcquiredDisposed::Disposed, "600"), row("7", Origin::Uncertain)];
        doubt_rows_together_but_first(&mut rows, Table::NonDerivative, true, None, &mut diags);
        assert_eq!(rows[0].transaction_shares.origin, Origin::Uncertain);
    }

    /// A complete holding followed by `second`, after
    /// `doubt_rows_together_but_first` with `second` pieced together or not.
    fn after_a_holding(second: Row, pieced: bool, diags: &mut Vec<Diagnostic>) -> Vec<Row> {
        let mut rows = vec![complete_holding("1000"), second];
        doubt_rows_together_but_first(
            &mut rows,
            Table::NonDerivative,
            true,
            gathered(&[false, pieced]),
            diags,
        );
        rows
    }

    #[test]
    fn a_whole_row_read_from_one_line_keeps_its_doubt_to_itself() {
        // A transaction showing every column, its price's column in doubt
        // (its amounts do not continue the holding above it).
        let mut whole =
            dated(transaction("400", AcquiredDisposed::Disposed, "650"), crate::model::TransactionCode::S);
        whole.transaction_price_per_share = Field {
            origin: Origin::Uncertain,
            ..Field::read(Num::parse("10.50").unwrap(), Span::new(42, 47))
        };
        assert!(is_whole(&whole, Table::NonDerivative));
        let mut diags = Vec::new();
        let rows = after_a_holding(whole.clone(), false, &mut diags);
        assert_eq!(rows[0].shares_owned_following_transaction.origin, Origin::Read);
        assert_eq!(rows[1].transaction_price_per_share.origin, Origin::Uncertain);
        assert!(diags.is_empty());
        // Pieced together from fragments of lines, it puts the table in
        // doubt from itself on (the whole row before it keeps its place).
        let rows = after_a_holding(whole.clone(), true, &mut diags);
        assert_eq!(rows[1].transaction_shares.origin, Origin::Uncertain);
        assert_eq!(rows[0].shares_owned_following_transaction.origin, Origin::Read);
        assert_eq!(diags.len(), 1);
        // So does a row lacking a column (here its price).
        whole.transaction_price_per_share = Field { origin: Origin::Uncertain, ..Field::default() };
        assert!(!is_whole(&whole, Table::NonDerivative));
        let rows = after_a_holding(whole, false, &mut diags);
        assert_eq!(rows[1].transaction_shares.origin, Origin::Uncertain);
    }

    /// How each row's amount owned after was obtained.
    fn owned(rows: &[Row]) -> Vec<Origin> {
        rows.iter().map(|r| r.shares_owned_following_transaction.origin).collect()
    }

    #[test]
    fn a_whole_row_past_a_doubt_keeps_its_values_when_every_row_above_shows_its_values() {
        let mut doubtful = complete_holding("500");
        doubtful.shares_owned_following_transaction.origin = Origin::Uncertain;
        let (r, u) = (Origin::Read, Origin::Uncertain);
        let mut diags = Vec::new();
        let pieced = [false, true, false];
        let mut read = vec![complete_holding("1000"), doubtful.clone(), complete_holding("700")];
        doubt_rows_together_but_first(&mut read, Table::NonDerivative, true, gathered(&pieced), &mut diags);
        assert_eq!(owned(&read), [r, u, r]);
        // A line of values left unplaced above it: a row may have been lost.
        let mut read = vec![complete_holding("1000"), doubtful.clone(), complete_holding("700")];
        let lost = Some(Gathered { pieced: &pieced, lost_from: 2, took_marks: &[] });
        doubt_rows_together_but_first(&mut read, Table::NonDerivative, true, lost, &mut diags);
        assert_eq!(owned(&read), [r, u, u]);
        // A row above lacking a value (its ownership form) may be a piece of a row.
        doubtful.direct_or_indirect_ownership = Field::default();
        let mut read = vec![complete_holding("1000"), doubtful, complete_holding("700")];
        doubt_rows_together_but_first(&mut read, Table::NonDerivative, true, gathered(&pieced), &mut diags);
        assert_eq!(owned(&read), [r, u, u]);
    }

    #[test]
    fn a_pieced_row_past_a_doubt_keeps_its_values_but_its_marks() {
        let mut doubtful = complete_holding("500");
        doubtful.shares_owned_following_transaction.origin = Origin::Uncertain;
        let (r, u) = (Origin::Read, Origin::Uncertain);
        let mut diags = Vec::new();
        // Pieced together, its price given by footnote marks alone in doubt
        // (marks standing apart): its other values are kept, the marks in doubt.
        let mut marked =
            dated(transaction("100", AcquiredDisposed::Acquired, "1100"), crate::model::TransactionCode::P);
        marked.transaction_price_per_share = Field {
            footnotes: vec![crate::model::FootnoteId::numbered(1)],
            origin: Origin::Uncertain,
            ..Field::default()
        };
        let mut read = vec![complete_holding("1000"), doubtful.clone(), marked.clone()];
        doubt_rows_together_but_first(
            &mut read,
            Table::NonDerivative,
            true,
            gathered(&[false, true, true]),
            &mut diags,
        );
        assert_eq!(owned(&read), [r, u, r]);
        assert_eq!(read[2].transaction_price_per_share.origin, u);
        // Beside a line of marks alone joined to a row: the marks may be
        // another row's, so the row keeps nothing.
        let mut read = vec![complete_holding("1000"), doubtful.clone(), marked.clone()];
        let took = [false, false, true];
        let beside = Some(Gathered { pieced: &[false, true, true], lost_from: 3, took_marks: &took });
        doubt_rows_together_but_first(&mut read, Table::NonDerivative, true, beside, &mut diags);
        assert_eq!(owned(&read), [r, u, u]);
        // A value in doubt (not marks alone) keeps the row in doubt.
        marked.transaction_code.origin = Origin::Uncertain;
        let mut read = vec![complete_holding("1000"), doubtful.clone(), marked];
        doubt_rows_together_but_first(
            &mut read,
            Table::NonDerivative,
            true,
            gathered(&[false, true, true]),
            &mut diags,
        );
        assert_eq!(owned(&read), [r, u, u]);
    }

    #[test]
    fn a_row_after_the_first_in_doubt_is_not_confirmed() {
        let mut diags = Vec::new();
        let mut rows =
            vec![row("1000", Origin::Uncertain), transaction("400", AcquiredDisposed::Acquired, "1400")];
        doubt_rows_together(&mut rows, Table::NonDerivative, &mut diags);
        assert_eq!(rows[1].transaction_shares.origin, Origin::Uncertain);
    }

    /// A complete first row: a holding with its ownership form.
    fn complete_holding(owned: &str) -> Row {
        let mut row = row(owned, Origin::Read);
        row.direct_or_indirect_ownership =
            Field::read(crate::model::DirectIndirect::Direct, Span::new(19, 20));
        row
    }

    #[test]
    fn rows_chained_from_a_complete_first_row_are_confirmed_past_a_doubt() {
        let mut diags = Vec::new();
        let mut doubtful = transaction("100", AcquiredDisposed::Acquired, "1100");
        doubtful.transaction_code = Field { origin: Origin::Uncertain, ..Field::default() };
        let mut rows = vec![
            complete_holding("1000"),
            doubtful,
            transaction("400", AcquiredDisposed::Disposed, "700"),
            transaction("50", AcquiredDisposed::Acquired, "750"),
            // The chain is broken (750 - 10 is not 700): no row after it is confirmed.
            transaction("10", AcquiredDisposed::Disposed, "700"),
            transaction("100", AcquiredDisposed::Acquired, "800"),
        ];
        doubt_rows_together(&mut rows, Table::NonDerivative, &mut diags);
        let origins: Vec<Origin> = rows.iter().map(|r| r.transaction_shares.origin).collect();
        let (r, u) = (Origin::Read, Origin::Uncertain);
        assert_eq!(origins[1..], [r, r, r, u, u]);
        assert_eq!(rows[0].shares_owned_following_transaction.origin, u);
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn a_chain_from_an_incomplete_first_row_confirms_nothing_past_a_doubt() {
        let mut diags = Vec::new();
        let mut doubtful = transaction("100", AcquiredDisposed::Acquired, "1100");
        doubtful.transaction_code = Field { origin: Origin::Uncertain, ..Field::default() };
        let mut rows =
            vec![row("1000", Origin::Read), doubtful, transaction("400", AcquiredDisposed::Disposed, "700")];
        doubt_rows_together(&mut rows, Table::NonDerivative, &mut diags);
        assert_eq!(rows[2].transaction_shares.origin, Origin::Uncertain);
    }

    #[test]
    fn two_pieces_filling_different_columns_are_joined_in_doubt() {
        let mut price = Row { kind: RowKind::Transaction, ..Row::default() };
        price.transaction_price_per_share = Field::read(Num::parse("12.50").unwrap(), Span::new(0, 5));
        price.span = Span::new(0, 5);
        let rest = Row { span: Span::new(6, 40), ..transaction("400", AcquiredDisposed::Acquired, "1400") };
        let whole = transaction("10", AcquiredDisposed::Acquired, "1410");
        let (rows, went) = join_pieces(vec![price, rest, whole]);
        assert_eq!(went, [0, 0, 1]);
        assert_eq!(rows.len(), 2, "the price and the rest are one row; the complete row stays its own");
        let joined = &rows[0];
        assert_eq!(
            joined.transaction_price_per_share.value.as_ref().map(|n| n.value.to_string()),
            Some("12.50".into())
        );
        assert_eq!(joined.transaction_shares.value.as_ref().map(|n| n.value.to_string()), Some("400".into()));
        assert_eq!(joined.transaction_shares.origin, Origin::Uncertain);
        assert_eq!(joined.span, Span::new(0, 40));
    }

    #[test]
    fn pieces_that_fill_the_same_column_are_not_joined() {
        let a = row("1000", Origin::Read);
        let b = row("2000", Origin::Read);
        assert_eq!(join_pieces(vec![a, b]).0.len(), 2);
    }
}
