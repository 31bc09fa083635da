//! Tables I and II of PDF text without layout whose rows' cells are drawn
//! interleaved: a row's left part (title, date, code, amount, price) may be
//! drawn before or after its right part (amount owned, form, nature), and
//! several rows' cells of one column may come one after another (Table II
//! is often drawn column block by column block).
//!
//! What the drawing order keeps, and what is read from it:
//!
//! - each column's cells come in the rows' order (a column is drawn from
//!   the top down), and transactions come before holdings (the form prints
//!   them so); so the k-th date, code, amount, (A) or (D) and price are the
//!   k-th transaction's, and the k-th title, amount owned and form the k-th
//!   row's;
//! - the values' kinds give the numbers of rows: each transaction has two
//!   letters (code, (A) or (D)) and each row one more (its form), each
//!   transaction one amount and each row one more (owned); every
//!   transaction has a date and a `$` price; in Table II each transaction
//!   has a code, an amount, a date and a price, and each row a form, an
//!   underlying amount, an amount owned, and a conversion price, a date
//!   exercisable and one of expiration, where footnote marks alone may
//!   stand for a price or a date (on Form 3, which prints no transactions,
//!   each row a form, an underlying amount, and a price of conversion,
//!   printed after that amount, and the two dates; its natures are each in
//!   doubt: one was seen drawn after the whole table);
//! - a nature of ownership belongs to an indirect (`I`) row, one each, in
//!   order; one drawn before its row's form belongs to the next row whose
//!   form is not drawn yet (a column drawn down past a row whose left part
//!   comes later), which must then be indirect; a phrase that says who holds (`By …`,
//!   `See …`) is no title, and one that names a kind of security (`… Stock`)
//!   no nature.
//!
//! Which letter, amount or phrase fills which column is then open; every
//! reading that keeps the above is weighed by how far the drawing order is
//! from row by row, column by column (the print draws mostly so), twice:
//! by the pairs of cells drawn the other way round, and by the runs of one
//! row's cells in order it is cut into (a piece of a row drawn elsewhere
//! costs one run however long it is); and the same twice from column by
//! column, row by row (a block of rows drawn column by column). The table
//! is settled when every reading nearest one order, by both its weights,
//! gives the same rows. Otherwise a Table II is read with every value in
//! doubt but those all four weights' nearest readings put in the same
//! place (and the later cells of a column with one in doubt: its rows are
//! counted in drawing order); a Table I (whose marks drawn alone are joined
//! by the reading) is not read here, nor a table with values this model
//! has no place for (deemed dates, `V`, Table I's footnote marks drawn
//! alone).
//!
//! A table whose tokens fall into pieces of whole rows (a row's title
//! drawn after another row's values, the kinds before and after making
//! whole rows) is read piece by piece, each piece as above: a piece's
//! search is small where the whole table's may give up. A Table I piece
//! that is not settled is read with every value of it in doubt.

use crate::model::Table;
use crate::repr::align::{Kind, Token};
use crate::repr::pdf::memo::{Costs, Found, Key, Memo};
use crate::source::Span;
use std::ops::Range;

/// The columns read here, in the form's order: each table's columns
/// ([`NON_DERIVATIVE`], [`DERIVATIVE`]) are some of them, in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Col {
    Title,
    ConversionPrice,
    Date,
    Code,
    Shares,
    AcquiredDisposed,
    ExerciseDate,
    ExpirationDate,
    UnderlyingTitle,
    UnderlyingShares,
    Price,
    Owned,
    DirectIndirect,
    Nature,
}

/// How many columns there are in all.
const ALL_COLS: usize = 14;

/// Every column, by its index.
const COLS: [Col; ALL_COLS] = [
    Col::Title,
    Col::ConversionPrice,
    Col::Date,
    Col::Code,
    Col::Shares,
    Col::AcquiredDisposed,
    Col::ExerciseDate,
    Col::ExpirationDate,
    Col::UnderlyingTitle,
    Col::UnderlyingShares,
    Col::Price,
    Col::Owned,
    Col::DirectIndirect,
    Col::Nature,
];

/// Table I's columns, in order.
const NON_DERIVATIVE: &[Col] = &[
    Col::Title,
    Col::Date,
    Col::Code,
    Col::Shares,
    Col::AcquiredDisposed,
    Col::Price,
    Col::Owned,
    Col::DirectIndirect,
    Col::Nature,
];

/// Table II's columns, in order. The amount's (A) or (D) is the column it
/// is printed in, not a value of its own; the deemed date and `V` are not
/// read here.
const DERIVATIVE: &[Col] = &[
    Col::Title,
    Col::ConversionPrice,
    Col::Date,
    Col::Code,
    Col::Shares,
    Col::ExerciseDate,
    Col::ExpirationDate,
    Col::UnderlyingTitle,
    Col::UnderlyingShares,
    Col::Price,
    Col::Owned,
    Col::DirectIndirect,
    Col::Nature,
];

/// Table II's columns on Form 3 (holdings only), in order: the price of
/// conversion or exercise is printed after the underlying amount, where
/// Form 4 prints the transaction's price, and is read as [`Col::Price`],
/// one a row.
const DERIVATIVE_HOLDINGS: &[Col] = &[
    Col::Title,
    Col::ExerciseDate,
    Col::ExpirationDate,
    Col::UnderlyingTitle,
    Col::UnderlyingShares,
    Col::Price,
    Col::DirectIndirect,
    Col::Nature,
];

/// The most rows a table read here may have (the indirect rows are a bit set).
const MOST_ROWS: usize = 64;

/// The top bit of each byte of a state's lanes ([`Search::placed_after`]).
const TOP_BITS: u128 = u128::from_le_bytes([0x80; LANES]);

/// The low bit of each byte of a state's lanes.
const LOW_BITS: u128 = u128::from_le_bytes([1; LANES]);

/// The even bytes of a state's lanes.
const EVEN_BYTES: u128 =
    u128::from_le_bytes([0xff, 0, 0xff, 0, 0xff, 0, 0xff, 0, 0xff, 0, 0xff, 0, 0xff, 0, 0xff, 0]);

/// The low bit of each pair of bytes of a state's lanes.
const LOW_PAIRS: u128 = u128::from_le_bytes([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);

/// The most states the search visits before giving up (the reading is
/// then left to the row-by-row reader).
const MOST_STATES: usize = 20_000;

/// A state's lanes of placed cells: one a column, and two always empty,
/// so that they make two words (the memo's key) and are counted side by
/// side ([`Search::placed_after`]).
const LANES: usize = 16;

/// Where the search stands after some tokens: how many cells of each column
/// are placed (their sum is the number of tokens read), and which rows are
/// indirect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct State {
    /// The placed cells of each column, by its index (see [`LANES`]).
    placed: [u8; LANES],
    indirect: u64,
    /// The row and column of the last token (kept only when runs are weighed).
    last: Option<(u8, Col)>,
}

/// How a reading's distance from the drawing order is weighed, from both
/// [`Order`]s at once: the two weights' steps differ only in cost, so one
/// search visits the states of both ([`Costs`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Weigh {
    /// Every pair of cells drawn the other way round.
    Pairs,
    /// Every run after the first of one row's cells in column order (the
    /// date, the code and the amount in any order); from column by column,
    /// also of one column's cells (in row order, as every column is drawn).
    Runs,
}

/// The order a reading's distance is weighed from: each is an index into
/// a search's [`Costs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    /// Row by row, column by column (the print draws mostly so).
    Rows,
    /// Column by column, row by row (a block of rows drawn column by column).
    Columns,
}

impl Order {
    /// The order's cost in a search's [`Costs`].
    fn index(self) -> usize {
        self as usize
    }
}

/// The table's columns, and the numbers of rows its values make.
struct Counts {
    cols: &'static [Col],
    rows: usize,
    /// The cells of each transaction column (on Form 3's Table II, the
    /// rows: its price of conversion is read as [`Col::Price`]).
    transactions: usize,
    /// The natures of ownership: the phrases left when each row has its
    /// title (and underlying title), one per indirect row.
    natures: usize,
}

struct Search<'a> {
    tokens: &'a [Token],
    /// The columns each token can fill, a bit per column (`Col::takes`, once per token).
    fits: &'a [u16],
    /// How many tokens from each on can fill each column (one more entry
    /// than tokens): a reading that needs more cells of a column than are
    /// left is given up at once.
    left: &'a [[u16; ALL_COLS]],
    /// How many cells each column has (none for the columns not in the table).
    need: [u32; ALL_COLS],
    counts: &'a Counts,
    weigh: Weigh,
    /// Least costs (from each [`Order`]) from a state to the end; `None`: no way.
    /// (A state's token index is the sum of its placed cells: it needs no key of its own.)
    memo: Memo,
    /// Whether the search gave up (too many states): its costs are then not the least.
    gave_up: bool,
}

/// A table's rows read from its cells drawn interleaved.
pub(crate) struct Untangled {
    /// Each row's tokens, in the form's column order.
    pub rows: Vec<Vec<Token>>,
    /// Each row's tokens' columns, told apart by number (one column's
    /// number is the same in every row).
    pub columns: Vec<Vec<usize>>,
    /// The tokens whose place the readings nearest the drawing order do
    /// not agree on (see the module docs).
    pub doubted: Vec<Span>,
}

/// What the readings of least cost by one weight from one order say.
struct Readings<'a> {
    /// One of them: each token's row and column, in drawing order.
    one: Vec<(usize, Col)>,
    /// Every cell some of them fill, with its text when they all put the
    /// same text there.
    cells: Cells<'a>,
    /// How many states the search visited.
    states: usize,
}

impl Readings<'_> {
    /// The text every reading puts in a cell, when they agree. Every
    /// reading fills the same cells of each column but the natures, whose
    /// rows are the indirect ones: a nature is settled only when every
    /// form is.
    fn settled(&self, cell: (usize, Col)) -> Option<&str> {
        let open_form =
            || self.cells.0.iter().any(|row| row.get(Col::DirectIndirect.index()) == Some(&Some(None)));
        if cell.1 == Col::Nature && open_form() {
            return None;
        }
        self.cells.0.get(cell.0).and_then(|row| row.get(cell.1.index())).copied().flatten().flatten()
    }
}

/// Cells by row and column: `None` for a cell no reading fills, else its
/// text when every reading that fills it puts the same text there (a grid,
/// not a hash map, whose code would be one more copy in the page's wasm:
/// issue 8).
#[derive(Default)]
struct Cells<'a>(Vec<[Option<Option<&'a str>>; ALL_COLS]>);

impl<'a> Cells<'a> {
    /// A reading puts `text` in the cell of row `row` and column `col`.
    fn put(&mut self, row: usize, col: Col, text: &'a str) {
        if self.0.len() <= row {
            self.0.resize(row + 1, [None; ALL_COLS]);
        }
        if let Some(cell) = self.0.get_mut(row).and_then(|cells| cells.get_mut(col.index())) {
            *cell = Some(cell.map_or(Some(text), |agreed| agreed.filter(|&t| t == text)));
        }
    }
}

/// The rows of a table whose cells may be drawn interleaved, each row's
/// tokens in the form's column order, and the tokens whose place is in
/// doubt; `None` when the table does not fit the model (see the module
/// docs). `holdings`: the table prints no transaction columns (Form 3).
///
/// A table that falls into pieces of whole rows ([`pieces`]) is read
/// piece by piece: each piece's search is small, where the whole table's
/// may give up. The pieces' reading is taken when every piece is settled,
/// or when the whole table has no reading; in Table I also when the whole
/// table's reading is not settled (Table II keeps it, its doubts flagged).
/// The pieces' readings are kept ([`Pieces`]) for a reading by pieces
/// alone, which then needs no search of its own.
///
/// Table I's footnote marks drawn alone are joined to the values drawn
/// next to them in the reading: a Table I read as a whole must be settled
/// throughout, and one read by pieces has every value of a piece in doubt
/// whose reading is not settled.
pub(crate) fn untangle(tokens: &[Token], table: Table, holdings: bool) -> (Option<Untangled>, Pieces) {
    let tally = Tally::of(tokens);
    let Some(counts) = counts_of(&tally, table, holdings) else {
        return (None, Pieces::Unsearched);
    };
    let whole = || {
        untangle_whole(tokens, &counts, table, holdings)
            .filter(|w| table == Table::Derivative || w.doubted.is_empty())
    };
    let Some(read) = read_pieces(tokens, &tally, table, holdings, &[]) else {
        return (whole(), Pieces::Unread);
    };
    if !read.iter().all(|(_, piece)| piece.doubted.is_empty())
        && let Some(whole) = whole()
    {
        return (Some(whole), Pieces::Kept(read));
    }
    let settled = read.iter().map(|(range, piece)| (range.clone(), piece.doubted.is_empty())).collect();
    (join(tokens, table, read), Pieces::Taken(settled))
}

/// The pieces of whole rows a table falls into ([`pieces`]), as
/// [`untangle`] read them, for [`Pieces::doubting`].
pub(crate) enum Pieces {
    /// Not searched: the whole table's kinds make no rows.
    Unsearched,
    /// No reading by pieces: fewer than two pieces, or one with no reading.
    Unread,
    /// Each piece's tokens (their range) and reading; the whole table's
    /// reading was taken.
    Kept(Vec<(Range<usize>, Untangled)>),
    /// Each piece's tokens (their range), and whether its reading is
    /// settled; the pieces' readings joined are the reading taken.
    Taken(Vec<(Range<usize>, bool)>),
}

impl Pieces {
    /// The table read piece by piece only ([`join`]), when there are
    /// several pieces, some piece is settled, and the tokens at `in_doubt`
    /// (indices) are in pieces that are not: for a Table I whose footnote
    /// marks drawn alone may be joined only to values in doubt (see
    /// `raw_marks::untangled_rows`), a reading of the whole, which must be
    /// settled, would leave them no value. That reader tries [`untangle`]
    /// first (such marks may go by column in its reading), whose reading
    /// (`taken`) and pieces these are, and this only when they find no
    /// place there. The pieces are searched here only when [`untangle`]
    /// did not search them.
    pub(crate) fn doubting(
        self,
        tokens: &[Token],
        table: Table,
        holdings: bool,
        in_doubt: &[usize],
        taken: Option<Untangled>,
    ) -> Option<Untangled> {
        let must_doubt = |piece: &Range<usize>| in_doubt.iter().any(|k| piece.contains(k));
        match self {
            Pieces::Unsearched => {
                join(tokens, table, read_pieces(tokens, &Tally::of(tokens), table, holdings, in_doubt)?)
            }
            Pieces::Unread => None,
            Pieces::Kept(read) => {
                let settled_in_doubt = |(piece, reading): &(Range<usize>, Untangled)| {
                    must_doubt(piece) && reading.doubted.is_empty()
                };
                if read.iter().any(settled_in_doubt) { None } else { join(tokens, table, read) }
            }
            Pieces::Taken(settled) => {
                if settled.iter().any(|(piece, settled)| *settled && must_doubt(piece)) {
                    None
                } else {
                    taken
                }
            }
        }
    }
}

/// The table's columns and numbers of rows from its tokens' kinds, when they fit.
fn counts_of(tally: &Tally, table: Table, holdings: bool) -> Option<Counts> {
    match table {
        Table::NonDerivative => non_derivative_counts(tally),
        Table::Derivative => derivative_counts(tally, holdings),
    }
}

/// Each piece of the table ([`pieces`]) with its reading, when there are
/// several and each has a reading; `None` too when a piece holding a
/// token at `in_doubt` (indices) is settled. Those pieces are read first,
/// the shortest first, so such a piece ends the reading before the others
/// are searched.
fn read_pieces(
    tokens: &[Token],
    tally: &Tally,
    table: Table,
    holdings: bool,
    in_doubt: &[usize],
) -> Option<Vec<(Range<usize>, Untangled)>> {
    let cuts = pieces(tokens, tally, table, holdings);
    if cuts.len() < 2 {
        return None;
    }
    let must_doubt = |piece: &Range<usize>| in_doubt.iter().any(|k| piece.contains(k));
    let (mut first, rest): (Vec<usize>, Vec<usize>) = (0..cuts.len()).partition(|&k| must_doubt(&cuts[k]));
    // (The shortest first: the quickest to search.)
    crate::sort::by_key(&mut first, |&k| cuts[k].len());
    let mut read: Vec<Option<Untangled>> = (0..cuts.len()).map(|_| None).collect();
    let doubt_first = first.into_iter().map(|k| (k, true));
    for (k, must) in doubt_first.chain(rest.into_iter().map(|k| (k, false))) {
        let piece = tokens.get(cuts.get(k)?.clone())?;
        let counts = counts_of(&Tally::of(piece), table, holdings)?;
        let untangled = untangle_whole(piece, &counts, table, holdings)?;
        if untangled.doubted.is_empty() && must {
            return None;
        }
        if let Some(slot) = read.get_mut(k) {
            *slot = Some(untangled);
        }
    }
    cuts.into_iter().zip(read).map(|(piece, untangled)| Some((piece, untangled?))).collect()
}

/// The pieces' readings ([`read_pieces`]) joined, when some piece is
/// settled: their rows one after another, with the tokens in doubt (see
/// [`untangle`]).
fn join(tokens: &[Token], table: Table, read: Vec<(Range<usize>, Untangled)>) -> Option<Untangled> {
    let mut rows = Vec::new();
    let mut columns = Vec::new();
    let mut doubted = Vec::new();
    let mut settled = false;
    for (piece, untangled) in read {
        let piece = tokens.get(piece)?;
        if untangled.doubted.is_empty() {
            settled = true;
        } else if table == Table::NonDerivative {
            doubted.extend(piece.iter().map(|t| t.span));
        } else {
            doubted.extend(untangled.doubted);
        }
        rows.extend(untangled.rows);
        columns.extend(untangled.columns);
    }
    settled.then_some(Untangled { rows, columns, doubted })
}

/// Where a table's tokens fall into pieces of whole rows: a piece ends
/// before a title drawn after a value or before one (a row's first cell
/// after another row's last; not a title with phrases drawn on both
/// sides: a block of rows drawn column by column draws its titles one
/// after another, and is no piece to be read row by row), where the tokens
/// before and after it each make whole rows by their kinds (as many
/// dates, prices and codes as transactions, and so on, and a nature for
/// each `I`), the later piece's rows not transactions after the earlier
/// one's holdings (the form prints every transaction first). A row drawn
/// in two parts apart leaves the kinds before any cut between its parts
/// short of whole rows (its date without its amount owned, or its amount
/// owned without its title), so no cut falls inside it. Each piece is
/// the range of its tokens; one piece (the whole) when there is no cut.
fn pieces(tokens: &[Token], tally: &Tally, table: Table, holdings: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut piece = Tally::default();
    let mut rest = *tally;
    let is_text = |k: usize| tokens.get(k).is_some_and(|t| t.kind == Kind::Text);
    for (k, token) in tokens.iter().enumerate() {
        let starts_row = k > start && Col::Title.takes(token) && (!is_text(k - 1) || !is_text(k + 1));
        if starts_row
            && let (Some(before), Some(after)) =
                (counts_of(&piece, table, holdings), counts_of(&rest, table, holdings))
            && (before.rows == before.transactions || after.transactions == 0)
            && before.natures == piece.indirect
            && after.natures == rest.indirect
        {
            out.push(start..k);
            start = k;
            piece = Tally::default();
        }
        piece.add(token);
        rest.remove(token);
    }
    out.push(start..tokens.len());
    out
}

/// The rows of a table read as a whole (see [`untangle`]), with its counts.
///
/// A table with more transactions than rows has no reading (a reading
/// puts its k-th date in row k, and its last date's row would be none of
/// them) and is not searched: so every column of a table searched has at
/// most `MOST_ROWS` cells, and the search's rows are below that (see
/// `Search::placed_after`).
fn untangle_whole(tokens: &[Token], counts: &Counts, table: Table, holdings: bool) -> Option<Untangled> {
    if counts.transactions > counts.rows {
        return None;
    }
    let (fits, left) = fits(tokens, counts);
    // The memo's room: as many states as tokens squared for the search by
    // pairs; the one by runs tells states apart also by the last token's
    // place, and visits up to about twice as many.
    let search = |weigh, states: usize| Search::new(tokens, &fits, &left, counts, weigh, states);
    let mut pairs = search(Weigh::Pairs, tokens.len().pow(2).min(MOST_STATES));
    let by_pairs = pairs.readings(Order::Rows)?;
    let mut runs = search(Weigh::Runs, 2 * by_pairs.states);
    let (one, a) = agreed(tokens.len(), by_pairs, runs.readings(Order::Rows));
    // A reading settled row by row or column by column is taken; when
    // neither is, a token is settled only where both agree. Each search
    // weighs from both orders at once (their steps differ only in cost):
    // by pairs column by column, it gives up or finds no reading exactly
    // when it does row by row.
    let (reading, doubted) = if a.is_empty() {
        (one, a)
    } else {
        match pairs.readings(Order::Columns) {
            Some(by_pairs) => match agreed(tokens.len(), by_pairs, runs.readings(Order::Columns)) {
                (other, b) if b.is_empty() => (other, b),
                (other, b) => {
                    let doubted = (0..tokens.len())
                        .filter(|k| a.contains(k) || b.contains(k) || one[*k] != other[*k])
                        .collect();
                    (one, doubted)
                }
            },
            None => (one, a),
        }
    };
    let mut rows: Vec<Vec<(Col, &Token)>> = vec![Vec::new(); counts.rows];
    for (token, &(row, col)) in tokens.iter().zip(&reading) {
        rows.get_mut(row)?.push((col, token));
    }
    for row in &mut rows {
        crate::sort::by_key(row, |(col, _)| *col);
    }
    let columns = rows.iter().map(|row| row.iter().map(|(col, _)| col.index()).collect()).collect();
    let rows = rows.into_iter().map(|row| row.into_iter().map(|(_, t)| t.clone()).collect()).collect();
    // Form 3's natures need not come in their rows' order (one was seen
    // drawn after the whole table): each is in doubt there.
    let natures_open = holdings && table == Table::Derivative;
    let nature = |k: &usize| natures_open && reading.get(*k).is_some_and(|&(_, col)| col == Col::Nature);
    let doubted = (0..tokens.len())
        .filter(|k| doubted.contains(k) || nature(k))
        .filter_map(|k| tokens.get(k))
        .map(|t| t.span)
        .collect();
    Some(Untangled { rows, columns, doubted })
}

/// One reading by pairs (each token's row and column) and the tokens whose
/// place is in doubt: those the readings of least cost by pairs and by
/// runs (from one order) do not all put in the same place, the runs' none
/// when that search gave up. A column's cells fill its rows in drawing
/// order: one in doubt leaves the column's later rows in doubt too.
fn agreed(tokens: usize, by_pairs: Readings, by_runs: Option<Readings>) -> (Vec<(usize, Col)>, Vec<usize>) {
    let open = |cell: (usize, Col)| {
        let text = by_pairs.settled(cell);
        text.is_none() || by_runs.as_ref().and_then(|o| o.settled(cell)) != text
    };
    let mut from = [usize::MAX; ALL_COLS];
    for &(row, col) in by_pairs.one.iter().filter(|&&cell| open(cell)) {
        from[col.index()] = from[col.index()].min(row);
    }
    let one = by_pairs.one;
    let doubted = (0..tokens).filter(|&k| one[k].0 >= from[one[k].1.index()]).collect();
    (one, doubted)
}

/// The columns each token can fill (a bit per column), and how many tokens
/// from each on can fill each column (one more entry than tokens).
fn fits(tokens: &[Token], counts: &Counts) -> (Vec<u16>, Vec<[u16; ALL_COLS]>) {
    let fits: Vec<u16> = tokens
        .iter()
        .map(|t| counts.cols.iter().filter(|c| c.takes(t)).fold(0, |bits, c| bits | c.bit()))
        .collect();
    let mut left = vec![[0; ALL_COLS]; tokens.len() + 1];
    for k in (0..tokens.len()).rev() {
        left[k] = left[k + 1];
        for col in counts.cols.iter().filter(|c| fits[k] & c.bit() != 0) {
            left[k][col.index()] += 1;
        }
    }
    (fits, left)
}

/// How many of a table's tokens are of each kind (one pass over them).
#[derive(Clone, Copy, Default)]
struct Tally {
    letters: usize,
    numbers: usize,
    texts: usize,
    dates: usize,
    dollars: usize,
    marks: usize,
    /// Letters `V` (the form's column of voluntary reports).
    vs: usize,
    /// Letters `I` (indirect holdings: each has a nature).
    indirect: usize,
}

impl Tally {
    /// The kinds of `tokens`.
    fn of(tokens: &[Token]) -> Tally {
        let mut t = Tally::default();
        for token in tokens {
            t.add(token);
        }
        t
    }

    /// The count a token's kind falls in, and the letters' own counts it
    /// adds to (`V`, `I`).
    fn counts_mut(&mut self, token: &Token) -> (&mut usize, Option<&mut usize>) {
        match token.kind {
            Kind::Letter('V') => (&mut self.letters, Some(&mut self.vs)),
            Kind::Letter('I') => (&mut self.letters, Some(&mut self.indirect)),
            Kind::Letter(_) => (&mut self.letters, None),
            Kind::Number => (&mut self.numbers, None),
            Kind::Text => (&mut self.texts, None),
            Kind::Date => (&mut self.dates, None),
            Kind::Dollars => (&mut self.dollars, None),
            Kind::Marks => (&mut self.marks, None),
        }
    }

    /// Count one more token.
    fn add(&mut self, token: &Token) {
        let (count, letter) = self.counts_mut(token);
        *count += 1;
        if let Some(letter) = letter {
            *letter += 1;
        }
    }

    /// Count one token less (one counted before).
    fn remove(&mut self, token: &Token) {
        let (count, letter) = self.counts_mut(token);
        *count = count.saturating_sub(1);
        if let Some(letter) = letter {
            *letter = letter.saturating_sub(1);
        }
    }
}

/// The rows and transactions a Table I's tokens' kinds make, when they fit.
fn non_derivative_counts(t: &Tally) -> Option<Counts> {
    if t.marks + t.vs > 0 {
        return None;
    }
    let transactions = t.letters.checked_sub(t.numbers)?;
    let rows = t.numbers.checked_sub(transactions)?;
    // (A title a row: the phrases left are the natures.)
    let natures = t.texts.checked_sub(rows)?;
    let fits = rows > 0 && rows <= MOST_ROWS && t.dates == transactions && t.dollars == transactions;
    fits.then_some(Counts { cols: NON_DERIVATIVE, rows, transactions, natures })
}

/// The rows and transactions a Table II's tokens' kinds make, when they
/// fit: each transaction has a code, an amount, a date and a price (`$`
/// or footnote marks), each row a form, an underlying amount and an
/// amount owned, and a price of conversion, a date exercisable and one of
/// expiration (each a value or footnote marks: "see the footnote"); on
/// Form 3 (`holdings`), each row a form, an underlying amount, and the
/// price and the two dates.
fn derivative_counts(t: &Tally, holdings: bool) -> Option<Counts> {
    if t.vs > 0 {
        return None;
    }
    if holdings {
        let rows = t.numbers;
        // (Two titles a row: the phrases left are the natures.)
        let natures = t.texts.checked_sub(2 * rows)?;
        let fits = rows > 0
            && rows <= MOST_ROWS
            && t.letters == rows
            && t.dates <= 2 * rows
            && t.dollars <= rows
            && t.dates + t.dollars + t.marks == 3 * rows;
        return fits.then_some(Counts { cols: DERIVATIVE_HOLDINGS, rows, transactions: rows, natures });
    }
    let rows = t.numbers.checked_sub(t.letters)?;
    let transactions = t.letters.checked_sub(rows)?;
    // (Two titles a row: the phrases left are the natures.)
    let natures = t.texts.checked_sub(2 * rows)?;
    let fits = rows > 0
        && rows <= MOST_ROWS
        && (transactions..=transactions + 2 * rows).contains(&t.dates)
        && t.dollars <= rows + transactions
        && t.dates + t.dollars + t.marks == 3 * rows + 2 * transactions;
    fits.then_some(Counts { cols: DERIVATIVE, rows, transactions, natures })
}

/// Whether the tokens hold as many phrases as their values call for: a
/// title a row (and an underlying title in Table II) and a nature an
/// indirect (`I`) row. (Table I's footnote marks drawn alone are left
/// out: they are joined to values, not counted.) `holdings`: as for
/// [`untangle`].
pub(crate) fn phrases_fit(tokens: &[Token], table: Table, holdings: bool) -> bool {
    let mut tally = Tally::of(tokens);
    let (counts, per_row) = match table {
        Table::NonDerivative => {
            tally.marks = 0;
            (non_derivative_counts(&tally), 1)
        }
        Table::Derivative => (derivative_counts(&tally, holdings), 2),
    };
    counts.is_some_and(|c| tally.texts == per_row * c.rows + tally.indirect)
}

/// Whether a phrase says who holds (`By Trust`, `See Footnote`): a nature
/// of ownership, not a security's title.
fn names_a_holder(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or_default();
    ["by", "see", "held", "through"].iter().any(|w| first.eq_ignore_ascii_case(w))
}

/// Whether a phrase names a kind of security (`Common Stock`, `Units`):
/// a title, not a nature of ownership (unless it says who holds).
fn names_a_security(text: &str) -> bool {
    let words = ["stock", "share", "shares", "unit", "units", "common", "ordinary"];
    text.split(|c: char| !c.is_alphanumeric()).any(|w| words.iter().any(|k| w.eq_ignore_ascii_case(k)))
}

impl Col {
    /// The column of an index (a bit of a token's `fits`).
    fn of_index(index: u32) -> Option<Col> {
        COLS.get(usize::try_from(index).ok()?).copied()
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The column's bit in a token's `fits`.
    fn bit(self) -> u16 {
        1 << self.index()
    }

    /// The column's place in a row as drawn: the date, the code and the
    /// amount come in any order.
    fn rank(self) -> usize {
        match self {
            Col::Code | Col::Shares => Col::Date.index(),
            _ => self.index(),
        }
    }

    /// How many cells the column has.
    fn total(self, counts: &Counts) -> usize {
        match self {
            Col::Date | Col::Code | Col::Shares | Col::AcquiredDisposed | Col::Price => counts.transactions,
            Col::Nature => counts.natures,
            _ => counts.rows,
        }
    }

    /// Whether a token can fill the column.
    fn takes(self, token: &Token) -> bool {
        match (self, token.kind) {
            (Col::Title | Col::UnderlyingTitle, Kind::Text) => !names_a_holder(&token.text),
            (Col::Nature, Kind::Text) => !names_a_security(&token.text) || names_a_holder(&token.text),
            (Col::Date, Kind::Date) => true,
            (Col::Code, Kind::Letter(_)) => true,
            (Col::AcquiredDisposed, Kind::Letter(c)) => c == 'A' || c == 'D',
            (Col::DirectIndirect, Kind::Letter(c)) => c == 'D' || c == 'I',
            (Col::Shares | Col::UnderlyingShares | Col::Owned, Kind::Number) => true,
            (Col::Price | Col::ConversionPrice, Kind::Dollars) => true,
            (Col::ExerciseDate | Col::ExpirationDate, Kind::Date) => true,
            // Marks alone fill these in Table II ("see the footnote"); in
            // Table I (no such column) marks alone never get here.
            (Col::Price | Col::ConversionPrice | Col::ExerciseDate | Col::ExpirationDate, Kind::Marks) => {
                true
            }
            _ => false,
        }
    }
}

impl<'a> Search<'a> {
    /// A search over the tokens by one weight (from both orders), with their [`fits`].
    fn new(
        tokens: &'a [Token],
        fits: &'a [u16],
        left: &'a [[u16; ALL_COLS]],
        counts: &'a Counts,
        weigh: Weigh,
        states: usize,
    ) -> Self {
        let mut need = [0; ALL_COLS];
        for &col in counts.cols {
            need[col.index()] = u32::try_from(col.total(counts)).unwrap_or(u32::MAX);
        }
        Search {
            tokens,
            fits,
            left,
            need,
            counts,
            weigh,
            // Room up front for about as many states as the search will
            // visit, at most the limit: growing the memo step by step cost
            // an eighth of the search.
            memo: Memo::with_capacity(states.min(MOST_STATES)),
            gave_up: false,
        }
    }

    /// What the readings of least cost from `order` say; `None` when there
    /// is none (or the search gives up). The search runs on the first call;
    /// a second (from the other order) finds every state's costs known.
    ///
    /// The readings are not listed one by one (cells of like text, such as a
    /// column of `(1)`s, make as many readings as their orders): every step
    /// some reading of least cost takes is followed once from each state,
    /// and the cells those steps fill, with their texts, are gathered.
    fn readings(&mut self, order: Order) -> Option<Readings<'a>> {
        let start = State { placed: [0; LANES], indirect: 0, last: None };
        // Every column must have its cells among the tokens (`step` checks
        // each column's slack again only where a token leaves it).
        let all = self.left.first()?;
        if self.need.iter().zip(all).any(|(&need, &left)| need > u32::from(left)) {
            return None;
        }
        self.best(0, start)?;
        // A search that gave up reads nothing: no need to gather its readings.
        if self.gave_up {
            return None;
        }
        let mut cells = Cells::default();
        // (The states seen: claimed in a memo of their own, no cost set.)
        let mut seen = Memo::with_capacity(self.tokens.len());
        let mut stack = vec![(0, start)];
        // (One list of steps for every state: no allocation per state.)
        let mut steps = Vec::new();
        while let Some((at, state)) = stack.pop() {
            self.best_steps(at, &state, order, &mut steps)?;
            for &(col, next) in &steps {
                let text = self.tokens.get(at)?.text.as_str();
                let row = self.row_of(col, &state)?;
                cells.put(row, col, text);
                if matches!(seen.find(next.key()), Found::New(_)) {
                    stack.push((at + 1, next));
                }
            }
        }
        let mut one = Vec::with_capacity(self.tokens.len());
        let mut state = start;
        for at in 0..self.tokens.len() {
            self.best_steps(at, &state, order, &mut steps)?;
            let (col, next) = *steps.first()?;
            one.push((self.row_of(col, &state)?, col));
            state = next;
        }
        (!self.gave_up).then_some(Readings { one, cells, states: self.memo.len() })
    }

    /// The steps from token `at` in `state` that some reading of least cost
    /// from `order` takes (none at the end), into `out` (emptied first);
    /// `None` when no reading goes on from there.
    fn best_steps(
        &mut self,
        at: usize,
        state: &State,
        order: Order,
        out: &mut Vec<(Col, State)>,
    ) -> Option<()> {
        out.clear();
        if at == self.tokens.len() {
            return Some(());
        }
        let k = order.index();
        let target = self.best(at, *state)?[k];
        for col in self.columns(at) {
            let Some((next, cost)) = self.step(at, col, state) else { continue };
            if self.best(at + 1, next).map(|rest| rest[k] + cost[k]) == Some(target) {
                out.push((col, next));
            }
        }
        Some(())
    }

    /// The row the next cell of `col` falls in, from the state.
    fn row_of(&self, col: Col, state: &State) -> Option<usize> {
        let placed = state.placed[col.index()];
        if u32::from(placed) >= self.need[col.index()] {
            return None;
        }
        let k = usize::from(placed);
        if col == Col::Nature {
            // The k-th indirect row, if known already: the lowest set bit
            // once the k below it are cleared.
            let mut indirect = state.indirect;
            for _ in 0..k {
                indirect &= indirect.wrapping_sub(1);
            }
            if indirect != 0 {
                return Some(indirect.trailing_zeros() as usize);
            }
            // A nature drawn before its row's form: the first row after
            // those known indirect and those whose form is placed (its form,
            // when placed, must be an `I`: see `step`).
            let forms = usize::from(state.placed[Col::DirectIndirect.index()]);
            let known = (u64::BITS - state.indirect.leading_zeros()) as usize;
            let row = forms.max(known);
            return (row < self.counts.rows).then_some(row);
        }
        Some(k)
    }

    /// The columns token `at` can fill, in the form's order (the order of
    /// their bits: each table lists its columns in their index's order).
    fn columns(&self, at: usize) -> impl Iterator<Item = Col> + use<> {
        let mut bits = self.fits.get(at).copied().unwrap_or(0);
        std::iter::from_fn(move || {
            let col = Col::of_index(bits.trailing_zeros())?;
            bits &= bits.wrapping_sub(1);
            Some(col)
        })
    }

    /// How many placed cells lie after row `row`'s cell of `col`, row by
    /// row, column by column.
    fn placed_after(state: &State, row: usize, col: Col) -> usize {
        // Every column but the natures: its placed cells are its rows 0 to
        // placed - 1, so it has placed - (row + 1) after `row` (or none),
        // and one in `row` when placed > row. Counted in the state's lanes
        // side by side, a byte each in one number (a column not in the
        // table has none placed): a lane's 128 + placed - (row + 1) is
        // 128 or more just when placed > row, and neither borrows from the
        // next lane nor carries into it (a column holds at most
        // `MOST_ROWS` cells, and `row` is below that: see `untangle_whole`).
        let nature = Col::Nature.index();
        let lanes = u128::from_le_bytes(state.placed) & !(0xff << (8 * nature));
        let next = u128::try_from(row + 1).unwrap_or(u128::MAX).min(128);
        let diff = (lanes | TOP_BITS) - next * LOW_BITS;
        // (The lanes whose column has a cell in `row`: their top bit.)
        let reach = diff & TOP_BITS;
        let later = diff & !TOP_BITS & ((reach >> 7) * 0xff);
        let later = lane_sum(later);
        let beside = (reach & (u128::MAX << (8 * (col.index() + 1)))).count_ones() as usize;
        let plain = later + beside;
        // The placed natures are the first `placed` indirect rows (none
        // placed: none after).
        let placed = usize::from(state.placed[nature]);
        if placed == 0 {
            return plain;
        }
        // (A row is below `MOST_ROWS`, 64: the indirect rows are a bit set.)
        let bit = 1u64.checked_shl(u32::try_from(row).unwrap_or(u32::MAX)).unwrap_or(0);
        let before = (state.indirect & bit.wrapping_sub(1)).count_ones() as usize;
        let is_indirect = state.indirect & bit != 0;
        let natures = placed.saturating_sub(before + usize::from(is_indirect))
            + usize::from(Col::Nature > col && is_indirect && placed > before);
        plain + natures
    }

    /// How many placed cells lie after row `row`'s cell of `col`, column by
    /// column, row by row: a column's cells are placed in row order, so
    /// those of the columns after `col` (a column not in the table has none
    /// placed).
    fn placed_in_later_columns(state: &State, col: Col) -> usize {
        // (`col` is below the lanes: the shift is less than 128.)
        lane_sum(u128::from_le_bytes(state.placed) >> (8 * (col.index() + 1)))
    }

    /// The state after placing token `at` in `col` (one of its
    /// [`columns`](Self::columns)), and its costs from each [`Order`].
    fn step(&self, at: usize, col: Col, state: &State) -> Option<(State, Costs)> {
        let row = self.row_of(col, state)?;
        let mut next = *state;
        next.placed[col.index()] += 1;
        // The state had enough tokens left for every column (the start is
        // checked in `readings`): only the other columns the token could
        // have filled lose one, so only their slack is checked again.
        let left = self.left.get(at + 1)?;
        let mut others = self.fits.get(at).copied().unwrap_or(0) & !col.bit();
        while others != 0 {
            let i = others.trailing_zeros() as usize;
            others &= others - 1;
            let placed = next.placed.get(i).map_or(0, |&p| u32::from(p));
            if self
                .need
                .get(i)
                .is_some_and(|&need| need > placed + u32::from(left.get(i).copied().unwrap_or(0)))
            {
                return None;
            }
        }
        if matches!(col, Col::DirectIndirect | Col::Nature) {
            // A row with a nature is indirect, though its form is drawn
            // later: that form must be an `I`.
            let bit = 1u64.checked_shl(u32::try_from(row).ok()?)?;
            let indirect = self.tokens.get(at)?.kind == Kind::Letter('I');
            if col == Col::DirectIndirect && state.indirect & bit != 0 && !indirect {
                return None;
            }
            if indirect || col == Col::Nature {
                next.indirect |= bit;
            }
            // Each indirect row has a nature of its own (the state's rows
            // have theirs: only a row newly indirect is checked).
            if next.indirect != state.indirect && next.indirect.count_ones() as usize > self.counts.natures {
                return None;
            }
        }

        let costs = match self.weigh {
            Weigh::Pairs => {
                let after = |placed: usize| u32::try_from(placed).ok();
                [
                    after(Self::placed_after(state, row, col))?,
                    after(Self::placed_in_later_columns(state, col))?,
                ]
            }
            Weigh::Runs => {
                let row = u8::try_from(row).ok()?;
                next.last = Some((row, col));
                // A new run row by row; column by column, not when the
                // column goes on down.
                let cut = state.last.filter(|&(r, c)| r != row || c.rank() > col.rank());
                [u32::from(cut.is_some()), u32::from(cut.is_some_and(|(_, c)| c != col))]
            }
        };
        Some((next, costs))
    }

    /// Least costs (from each [`Order`]) from token `at` in `state` to a
    /// complete reading.
    fn best(&mut self, at: usize, state: State) -> Option<Costs> {
        if at == self.tokens.len() {
            let natures = state.indirect.count_ones() as usize;
            let full = self.counts.cols.iter().all(|&c| {
                let want = if c == Col::Nature { natures } else { c.total(self.counts) };
                usize::from(state.placed[c.index()]) == want
            });
            return full.then_some([0; 2]);
        }
        let key = state.key();
        let slot = match self.memo.find(key) {
            Found::Known(known) => return known,
            Found::New(slot) => slot,
        };
        if self.memo.len() >= MOST_STATES {
            self.gave_up = true;
            return None;
        }
        let mut best: Option<Costs> = None;
        for col in self.columns(at) {
            let Some((next, cost)) = self.step(at, col, &state) else { continue };
            if let Some(rest) = self.best(at + 1, next) {
                let cost = [rest[0] + cost[0], rest[1] + cost[1]];
                best = Some(best.map_or(cost, |b| [b[0].min(cost[0]), b[1].min(cost[1])]));
            }
        }
        self.memo.set(slot, best);
        best
    }
}

/// The sum of a state's lanes (at most `MOST_ROWS` each): summed in pairs,
/// then the pairs (at most 16 * 64 in all: the top pair's sum).
fn lane_sum(lanes: u128) -> usize {
    let pairs = (lanes & EVEN_BYTES) + ((lanes >> 8) & EVEN_BYTES);
    (pairs.wrapping_mul(LOW_PAIRS) >> 112) as usize
}

impl State {
    /// The state as three words (its placed cells, the last token's place
    /// with them, and the indirect rows): the memo's key.
    fn key(&self) -> Key {
        // (The two lanes past the columns are empty: the second word's top
        // 16 bits are clear.)
        let lanes = u128::from_le_bytes(self.placed);
        // The last token's place fits in 13 bits (a flag, the row, the column).
        let last = self.last.map_or(0, |(row, col)| 1 << 12 | u64::from(row) << 4 | col.index() as u64);
        [lanes as u64, last << 48 | (lanes >> 64) as u64, self.indirect]
    }
}

#[cfg(test)]
#[path = "raw_interleaved_tests.rs"]
mod tests;
