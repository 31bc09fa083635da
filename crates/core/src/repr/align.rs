//! Placing text whose column is not given by a cell of its own.
//!
//! Some renderings merge several printed columns into one cell (`2,028,942 A
//! $ 41.85` under "Amount (A) or (D) Price"), shift cells when one is lost,
//! or lose the cell boundaries altogether. The text is then cut into tokens
//! — a date, an amount, a `$` price, a letter, a footnote mark, a phrase —
//! and the tokens are aligned, in order, with the columns they can fill: a
//! dynamic programme picks the placement that fits best. When two
//! placements fit equally well, the token's column is not certain: its field
//! is marked [`Origin::Uncertain`] and a diagnostic says which columns it
//! could be in.

use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{AcquiredDisposed, DirectIndirect, Field, Row, TransactionCode};
use crate::repr::cells::{
    Cell, cannot_hold_marks, mark_text, marked_value, number_shape, read_date, split_marks,
};
use crate::repr::columns::{Slot, SlotProblem, fill};
use crate::repr::header::sub_span;
use crate::repr::table::{mark_uncertain, slot_columns};
use crate::source::Span;

/// What a token looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Date,
    Number,
    Dollars,
    Letter(char),
    /// Footnote marks only.
    Marks,
    Text,
}

/// A piece of cell text that fills one column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// The text, marks included.
    pub text: String,
    /// Where it lies.
    pub span: Span,
    pub(crate) kind: Kind,
    /// The columns (characters from the left margin) it spans, in text laid out on a page.
    pub x: Option<(u32, u32)>,
}

impl Token {
    /// Add `other` (a continuation of the same cell on another line) before or after.
    pub(crate) fn join(&mut self, other: &Token, before: bool) {
        if before {
            self.text = join_wrapped(&other.text, &self.text);
            self.span = self.span.cover(other.span);
            self.kind = kind_of(&self.text);
        } else {
            self.push(&other.text, other.span);
        }
        if let (Some(a), Some(b)) = (self.x, other.x) {
            self.x = Some((a.0.min(b.0), a.1.max(b.1)));
        }
    }

    /// Add `text` (lying at `span`), a continuation of the same cell on
    /// another line, after it (in place: no new string).
    pub(crate) fn push(&mut self, text: &str, span: Span) {
        let stays = stays_text(&self.text);
        push_wrapped(&mut self.text, text);
        self.span = self.span.cover(span);
        // Words from another line make a phrase (a wrapped title), or finish
        // a value (`$` then `1,127.508` on the next line).
        self.kind = if stays { Kind::Text } else { kind_of(&self.text) };
    }
}

/// Whether whatever is appended to `text` ([`push_wrapped`]), the whole is
/// of kind [`Kind::Text`], told from `text` alone (without reading the
/// whole again): `text` is ASCII without a `<` (no footnote mark starts in
/// it, so every byte of it stays in the value [`kind_of`] reads), two
/// bytes or more and holds an ASCII letter. No date, number or amount has
/// a letter, and a lone letter is one character.
fn stays_text(text: &str) -> bool {
    let (mut ascii, mut letter) = (true, false);
    for b in text.bytes() {
        ascii &= b.is_ascii() && b != b'<';
        letter |= b.is_ascii_alphabetic();
    }
    ascii && letter && text.len() >= 2
}

/// Two pieces of text wrapped over lines, joined: with a space, or with
/// none after a hyphen that ends a word (`2010-` `Seed` is `2010-Seed`).
pub(crate) fn join_wrapped(first: &str, second: &str) -> String {
    let mut joined = first.to_owned();
    push_wrapped(&mut joined, second);
    joined
}

/// [`join_wrapped`] in place: appends `next` to `text` (linear however many
/// lines a footnote or name wraps over).
pub(crate) fn push_wrapped(text: &mut String, next: &str) {
    let hyphenated = text.ends_with('-') && text.len() > 1 && !text.ends_with(" -");
    if !hyphenated {
        text.push(' ');
    }
    text.push_str(next);
}

/// One token for the whole text of a cell known to hold one column's value.
pub(crate) fn cell_token(cell: &Cell) -> Token {
    Token { text: cell.text.clone(), span: cell.span, kind: kind_of(&cell.text), x: None }
}

/// Cut a cell's text into tokens.
pub(crate) fn tokens(cell: &Cell) -> Vec<Token> {
    tokens_at(cell, None, true)
}

/// Cut a cell's text into tokens, with their columns on the page when the
/// cell starts at column `x0`. `attach_marks`: footnote marks standing
/// apart join the token before them (else they stay tokens of their own,
/// for a caller who knows the columns to attach them).
pub(crate) fn tokens_at(cell: &Cell, x0: Option<u32>, attach_marks: bool) -> Vec<Token> {
    let text = cell.text.as_str();
    let column = |byte: usize| x0.map(|x| x + text[..byte].chars().count() as u32);
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c == ' ', start) {
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (ws, mut we) = words[i];
        let before = i.checked_sub(1).map(|k| &text[words[k].0..words[k].1]);
        let mut word = &text[ws..we];
        // "$ 41.85": the dollar sign stands apart in some renderings.
        if word == "$" && i + 1 < words.len() {
            i += 1;
            we = words[i].1;
            word = &text[ws..we];
        }
        let after = words.get(i + 1).map(|&(a, b)| &text[a..b]);
        let kind = kind_among(word, before, after);
        let span = sub_span(cell, ws, we);
        let x = column(ws).zip(column(we));
        match (kind, out.last_mut()) {
            // Marks belong to the token before them.
            (Kind::Marks, Some(prev)) if attach_marks => {
                prev.text.push(' ');
                prev.text.push_str(word);
                prev.span = prev.span.cover(span);
                prev.x = prev.x.zip(x).map(|(a, b)| (a.0, b.1));
            }
            // Words of a phrase stay together.
            (Kind::Text | Kind::Letter(_), Some(prev))
                if prev.kind == Kind::Text && !ends_with_mark(&prev.text) =>
            {
                prev.text.push(' ');
                prev.text.push_str(word);
                prev.span = prev.span.cover(span);
                prev.x = prev.x.zip(x).map(|(a, b)| (a.0, b.1));
            }
            _ => out.push(Token { text: word.to_owned(), span, kind, x }),
        }
        i += 1;
    }
    split_repeated_marks(out)
}

fn ends_with_mark(text: &str) -> bool {
    !cannot_hold_marks(text) && !split_marks(text).footnotes.is_empty()
}

/// `(7)(8) (7)(8)` under two date columns is `(7)(8)` twice.
fn split_repeated_marks(tokens: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        if t.kind == Kind::Marks {
            let ids = split_marks(&t.text).footnotes;
            let half = ids.len() / 2;
            if ids.len() >= 2 && ids.len().is_multiple_of(2) && ids[..half] == ids[half..] {
                out.push(Token { text: mark_text(&ids[..half]), span: t.span, kind: Kind::Marks, x: t.x });
                out.push(Token { text: mark_text(&ids[half..]), span: t.span, kind: Kind::Marks, x: t.x });
                continue;
            }
        }
        out.push(t);
    }
    out
}

/// Whether a dollar amount stands in a security title's par value phrase
/// (`par value $0.01 per share`, `$0.0001 par value`): the word before it
/// is `value`, or the word after it `per` or `par`. The price columns hold
/// an amount and its footnote marks only, so an amount written among those
/// words is the title's text, not a price. A price is never followed by
/// `per` on a row's line either: the column after each price holds an
/// amount or a date (after Table I's price and Table II's, the amount
/// owned following; after the conversion price, the transaction date).
/// So `$10.50 per share` is a title's text wherever it stands (a par
/// value's last line wrapped below its row, `$0.01 per share`, or a rate
/// in a title, `Warrant to buy at $11.50 per share`), never a price.
fn in_par_value(before: Option<&str>, after: Option<&str>) -> bool {
    let is = |word: Option<&str>, what: &[&str]| {
        word.map(|w| w.trim_matches(|c: char| !c.is_ascii_alphabetic()))
            .is_some_and(|w| what.iter().any(|x| w.eq_ignore_ascii_case(x)))
    };
    is(before, &["value"]) || is(after, &["per", "par"])
}

/// The kind of a word ([`kind_of`]) between the words `before` and `after`:
/// a dollar amount in a par value phrase ([`in_par_value`]) is text.
fn kind_among(word: &str, before: Option<&str>, after: Option<&str>) -> Kind {
    match kind_of(word) {
        Kind::Dollars if in_par_value(before, after) => Kind::Text,
        kind => kind,
    }
}

/// The kind of each word of a run of words ([`kind_of`]), a dollar amount
/// in a par value phrase ([`in_par_value`]) read as text.
pub(crate) fn kinds<'a>(words: impl Iterator<Item = &'a str>) -> impl Iterator<Item = (&'a str, Kind)> {
    let mut words = words.peekable();
    let mut before: Option<&str> = None;
    std::iter::from_fn(move || {
        let word = words.next()?;
        let kind = kind_among(word, before, words.peek().copied());
        if !word.is_empty() {
            before = Some(word);
        }
        Some((word, kind))
    })
}

pub(crate) fn kind_of(word: &str) -> Kind {
    let (value, has_marks) = marked_value(word);
    let v = value.as_ref();
    if v.is_empty() {
        return if has_marks { Kind::Marks } else { Kind::Text };
    }
    if read_date(v).is_some() {
        return Kind::Date;
    }
    // The forms print amounts of a thousand or more with thousands commas:
    // a bare `2010` or `94025` is a word (a year, a fund's or street's number).
    if v.len() >= 4 && v.bytes().all(|b| b.is_ascii_digit()) {
        return Kind::Text;
    }
    if let Some(dollars) = number_shape(v) {
        return if dollars { Kind::Dollars } else { Kind::Number };
    }
    let mut chars = v.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_ascii_uppercase()
    {
        return Kind::Letter(c);
    }
    Kind::Text
}

/// How well a token fits a slot: 0 when it cannot go there.
pub(crate) fn fit(kind: Kind, slot: Slot) -> i32 {
    use Kind as K;
    use Slot as S;
    match (slot, kind) {
        (S::Title | S::UnderlyingTitle | S::Nature, K::Text) => 3,
        (S::Title | S::UnderlyingTitle | S::Nature, K::Letter(_) | K::Marks) => 1,
        (S::Date | S::Exercisable | S::Expiration, K::Date) => 3,
        (S::Deemed, K::Date) => 1,
        (S::Exercisable | S::Expiration, K::Marks) => 2,
        (S::Date | S::Deemed, K::Marks) => 1,
        (S::Code, K::Letter(c)) if TransactionCode::parse(c.encode_utf8(&mut [0; 4])).is_some() => 3,
        (S::V, K::Letter('V')) => 3,
        (S::V, K::Marks) => 1,
        (S::Shares | S::Acquired | S::Disposed | S::UnderlyingAmount | S::Owned, K::Number) => 3,
        (S::Shares | S::Acquired | S::Disposed | S::UnderlyingAmount | S::Owned, K::Dollars | K::Marks) => 1,
        (S::AcquiredDisposed, K::Letter(c))
            if AcquiredDisposed::parse(c.encode_utf8(&mut [0; 4])).is_some() =>
        {
            3
        }
        (S::AcquiredDisposed, K::Marks) => 1,
        (S::Price | S::ExercisePrice, K::Dollars) => 3,
        (S::Price | S::ExercisePrice, K::Marks) => 2,
        (S::Price | S::ExercisePrice, K::Number) => 1,
        (S::DirectIndirect, K::Letter(c)) if DirectIndirect::parse(c.encode_utf8(&mut [0; 4])).is_some() => 3,
        (S::DirectIndirect, K::Marks) => 1,
        _ => 0,
    }
}

/// The cost of leaving a token in no column (in units of [`fit`]).
const DROP: i32 = -4;

/// How well a token fits slot `j`: its kind, and (for text laid out on a
/// page) whether it sits in the slot's columns. 0 when it cannot go there.
fn score(token: &Token, slot: Slot, range: Option<(u32, u32)>) -> i32 {
    let f = fit(token.kind, slot);
    if f == 0 {
        return 0;
    }
    let place = match (token.x, range) {
        (Some((a, b)), Some((lo, hi))) => {
            let centre = (a + b) / 2;
            if (lo..hi).contains(&centre) {
                3
            } else if a < hi && lo < b {
                1
            } else {
                0
            }
        }
        _ => 0,
    };
    f * 4 + place
}

/// The best placement of `tokens` in `slots` (in order, one token per
/// slot): for each token, the slots it takes in some best placement
/// (several: uncertain; none: it fits nowhere). `ranges` gives each slot's
/// columns on the page, when known.
fn align(tokens: &[Token], slots: &[Slot], ranges: Option<&[(u32, u32)]>) -> Vec<Vec<usize>> {
    align_scored(tokens, slots, ranges).0
}

/// [`align`], with the score of the best placement.
fn align_scored(tokens: &[Token], slots: &[Slot], ranges: Option<&[(u32, u32)]>) -> (Vec<Vec<usize>>, i32) {
    let (n, m) = (tokens.len(), slots.len());
    let neg = i32::MIN / 4;
    let range = |j: usize| ranges.and_then(|r| r.get(j).copied());
    let drop = DROP * 4;
    // Each token's score in each slot, worked out once for the three passes below.
    let mut scores = Vec::with_capacity(n * m);
    for token in tokens {
        for (j, &slot) in slots.iter().enumerate() {
            scores.push(score(token, slot, range(j)));
        }
    }
    let score_at = |i: usize, j: usize| scores[i * m + j];
    // back[i][j] (at i·w + j): best score for tokens[i..] in slots[j..].
    let w = m + 1;
    let mut back = vec![0i32; (n + 1) * w];
    for i in (0..n).rev() {
        let (row, below) = back.split_at_mut((i + 1) * w);
        let (row, below) = (&mut row[i * w..], &below[..w]);
        row[m] = below[m] + drop;
        for j in (0..m).rev() {
            let f = score_at(i, j);
            let take = if f > 0 { f + below[j + 1] } else { neg };
            row[j] = take.max(row[j + 1]).max(drop + below[j]);
        }
    }
    // front[i][j] (at i·w + j): best score for tokens[..i] in slots[..j].
    let mut front = vec![0i32; (n + 1) * w];
    for i in 1..=n {
        let (above, row) = front.split_at_mut(i * w);
        let (above, row) = (&above[(i - 1) * w..], &mut row[..w]);
        row[0] = above[0] + drop;
        for j in 1..=m {
            let f = score_at(i - 1, j - 1);
            let take = if f > 0 { f + above[j - 1] } else { neg };
            row[j] = take.max(row[j - 1]).max(drop + above[j]);
        }
    }
    let best = back[0];
    let choices = (0..n)
        .map(|i| {
            (0..m)
                .filter(|&j| {
                    let f = score_at(i, j);
                    f > 0 && front[i * w + j] + f + back[(i + 1) * w + j + 1] == best
                })
                .collect()
        })
        .collect();
    (choices, best)
}

/// Fill the slots of one merged cell (one heading's columns in one cell).
pub(crate) fn fill_group(
    row: &mut Row,
    group: &[Slot],
    cell: &Cell,
    problems: &mut Vec<SlotProblem>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let toks = tokens(cell);
    place(row, group, &toks, None, problems, diagnostics, false);
    for slot in group {
        touch(row, *slot, cell.span);
    }
}

/// Fill a whole row whose cells do not match the printed columns.
pub(crate) fn fill_row(row: &mut Row, slots: &[Slot], cells: &[Cell], diagnostics: &mut Vec<Diagnostic>) {
    let toks: Vec<Token> = cells.iter().flat_map(tokens).collect();
    fill_tokens(row, slots, &toks, None, diagnostics);
    for slot in slots {
        let span = cells.iter().map(|c| c.span).reduce(Span::cover).unwrap_or_default();
        touch(row, *slot, span);
    }
}

/// Fill a whole row of a table whose columns are not shown (the form's
/// standard columns assumed), reading it as a holding when that places its
/// tokens as well as a transaction would.
///
/// A transaction shows its date, code, amount and direction; a row whose
/// tokens fit the columns every row has (title, amount owned, ownership
/// form, nature — and in Table II the exercise price, dates and underlying
/// security) at least as well as they fit the transaction's columns too is
/// a holding. That settles the one number of `Common Stock 2,415 I By
/// Trust`: the amount owned, not a transaction's amount.
pub(crate) fn fill_row_typed(
    row: &mut Row,
    slots: &[Slot],
    cells: &[Cell],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let toks: Vec<Token> = cells.iter().flat_map(|c| tokens_at(c, None, false)).collect();
    let holding: Vec<Slot> = slots.iter().copied().filter(|s| !s.is_transaction_only()).collect();
    let as_holding = detach_price_marks(toks.clone(), &holding);
    let detached = detach_price_marks(toks, slots);
    let whole = align_scored(&detached, slots, None);
    // The most a holding could score (each token in its best column, or
    // left out): below the transaction's best, it cannot tie.
    let most: i32 = as_holding
        .iter()
        .map(|t| holding.iter().map(|&s| score(t, s, None)).max().unwrap_or(0).max(DROP * 4))
        .sum();
    let held = (most >= whole.1).then(|| align_scored(&as_holding, &holding, None));
    // The alignment chosen is applied as it was made (what `place` would make again).
    let (chosen, toks, choices): (&[Slot], _, _) = match held {
        Some((choices, held)) if holding.len() < slots.len() && held >= whole.1 => {
            (&holding, &as_holding, choices)
        }
        _ => (slots, &detached, whole.0),
    };
    let mut problems = Vec::new();
    apply(row, chosen, toks, &choices, &mut problems, diagnostics, true);
    for p in problems {
        mark_uncertain(row, p.slot);
        diagnostics.push(Diagnostic::new(Code::CellUnreadable, Some(p.span), p.message));
    }
    let span = cells.iter().map(|c| c.span).reduce(Span::cover).unwrap_or_default();
    touch_all(row, chosen, span);
}

/// Fill a row from tokens (`ranges`: the slots' columns on the page, when known).
pub(crate) fn fill_tokens(
    row: &mut Row,
    slots: &[Slot],
    toks: &[Token],
    ranges: Option<&[(u32, u32)]>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut problems = Vec::new();
    place(row, slots, toks, ranges, &mut problems, diagnostics, false);
    for p in problems {
        mark_uncertain(row, p.slot);
        diagnostics.push(Diagnostic::new(Code::CellUnreadable, Some(p.span), p.message));
    }
}

/// Give every empty slot of the row the span of the row.
pub(crate) fn touch_all(row: &mut Row, slots: &[Slot], span: Span) {
    for slot in slots {
        touch(row, *slot, span);
    }
}

/// Give an empty slot the span of its cell, so it reads as "blank", not "missing".
fn touch(row: &mut Row, slot: Slot, span: Span) {
    for column in slot_columns(slot) {
        match column {
            crate::model::Column::TransactionFormType => {}
            c => {
                let (_, s, _) = row.cell(*c).meta();
                if s.is_none() {
                    set_span(row, *c, span);
                }
            }
        }
    }
}

fn set_span(row: &mut Row, column: crate::model::Column, span: Span) {
    fn set<T>(f: &mut Field<T>, span: Span) {
        if f.value.is_none() {
            f.span = Some(span);
        }
    }
    use crate::model::Column as C;
    match column {
        C::SecurityTitle => set(&mut row.security_title, span),
        C::ConversionOrExercisePrice => set(&mut row.conversion_or_exercise_price, span),
        C::TransactionDate => set(&mut row.transaction_date, span),
        C::DeemedExecutionDate => set(&mut row.deemed_execution_date, span),
        C::TransactionCode => set(&mut row.transaction_code, span),
        C::TransactionShares => set(&mut row.transaction_shares, span),
        C::TransactionPricePerShare => set(&mut row.transaction_price_per_share, span),
        C::TransactionAcquiredDisposedCode => set(&mut row.transaction_acquired_disposed_code, span),
        C::ExerciseDate => set(&mut row.exercise_date, span),
        C::ExpirationDate => set(&mut row.expiration_date, span),
        C::UnderlyingSecurityTitle => set(&mut row.underlying_security_title, span),
        C::UnderlyingSecurityShares => set(&mut row.underlying_security_shares, span),
        C::SharesOwnedFollowingTransaction => set(&mut row.shares_owned_following_transaction, span),
        C::DirectOrIndirectOwnership => set(&mut row.direct_or_indirect_ownership, span),
        C::NatureOfOwnership => set(&mut row.nature_of_ownership, span),
        _ => {}
    }
}

/// Marks after an (A)/(D) letter with no price after them belong to the
/// price: the older layout prints `2,028,942 A (2)` for a price given only
/// by footnote 2 (the letter itself is hardly ever footnoted).
fn detach_price_marks(toks: Vec<Token>, slots: &[Slot]) -> Vec<Token> {
    let mut out = Vec::with_capacity(toks.len() + 1);
    detach_price_marks_each(toks, slots, |token, _, _| out.push(token));
    out
}

/// [`detach_price_marks`], each token handed to `take` with the index of the
/// token it came from and whether it was detached from it (a letter, or the
/// marks split off it).
pub(crate) fn detach_price_marks_each(
    toks: Vec<Token>,
    slots: &[Slot],
    mut take: impl FnMut(Token, usize, bool),
) {
    let has_price_after_direction = slots.windows(2).any(|w| w == [Slot::AcquiredDisposed, Slot::Price]);
    let mut toks = toks.into_iter();
    let mut next = 0;
    while let Some(t) = toks.next() {
        let (i, rest) = (next, toks.as_slice());
        next += 1;
        // In a whole row the direction is followed by the amount owned
        // after; a letter after every amount is the ownership form (`D(3)`),
        // its marks its own.
        if has_price_after_direction
            && matches!(t.kind, Kind::Letter('A' | 'D'))
            && !rest.iter().any(|n| n.kind == Kind::Dollars)
            && (!slots.contains(&Slot::Owned) || rest.iter().any(|n| n.kind == Kind::Number))
        {
            let marked = split_marks(&t.text);
            if !marked.footnotes.is_empty() {
                take(Token { text: marked.value, span: t.span, kind: t.kind, x: t.x }, i, true);
                let marks =
                    Token { text: mark_text(&marked.footnotes), span: t.span, kind: Kind::Marks, x: t.x };
                take(marks, i, true);
                continue;
            }
        }
        take(t, i, false);
    }
}

/// Align `toks` with `slots` and fill the row; with `loose_marks`, footnote
/// marks standing apart are tokens of their own, and one put in a column that
/// marks seldom fill alone (anything but a price or a date exercisable or
/// expiring) is uncertain.
fn place(
    row: &mut Row,
    slots: &[Slot],
    toks: &[Token],
    ranges: Option<&[(u32, u32)]>,
    problems: &mut Vec<SlotProblem>,
    diagnostics: &mut Vec<Diagnostic>,
    loose_marks: bool,
) {
    let toks = &detach_price_marks(toks.to_vec(), slots);
    let choices = align(toks, slots, ranges);
    apply(row, slots, toks, &choices, problems, diagnostics, loose_marks);
}

/// Fill the row from tokens placed by an alignment: `choices` gives, for
/// each token, the slots it takes in some best placement (none: it is left
/// out and reported; several: its columns are in doubt). `loose_marks` as
/// in [`place`].
pub(crate) fn apply(
    row: &mut Row,
    slots: &[Slot],
    toks: &[Token],
    choices: &[Vec<usize>],
    problems: &mut Vec<SlotProblem>,
    diagnostics: &mut Vec<Diagnostic>,
    loose_marks: bool,
) {
    let mut used = vec![false; slots.len()];
    for (token, options) in toks.iter().zip(choices) {
        // Every column the token may take went to a token before it: each
        // of the two is in that column in some best placement, so which
        // one is, is not certain.
        let contested = !options.is_empty() && options.iter().all(|&j| used[j]);
        let Some(&first) = options.iter().find(|&&j| !used[j]).or(options.first()) else {
            diagnostics.push(
                Diagnostic::new(
                    Code::UnplacedContent,
                    Some(token.span),
                    format!("the text {} fits none of the table's columns", quote(&token.text)),
                )
                .with_help("it was left out; check the row against the original filing"),
            );
            continue;
        };
        used[first] = true;
        let slot = slots[first];
        if let Err(p) = fill(row, slot, &token.text, token.span) {
            problems.push(p);
            continue;
        }
        let apart =
            loose_marks && options.len() == 1 && token.kind == Kind::Marks && fit(Kind::Marks, slot) < 2;
        let doubt = if contested {
            Some(format!(
                "the text {} and the one before it could each be the {}",
                quote(&token.text),
                slot.label()
            ))
        } else if apart {
            Some(format!(
                "the footnote marks {} standing apart may belong to another column than the {}",
                quote(&token.text),
                slot.label()
            ))
        } else {
            None
        };
        if let Some(message) = doubt {
            mark_uncertain(row, slot);
            diagnostics.push(Diagnostic::new(Code::ColumnUncertain, Some(token.span), message));
            continue;
        }
        if options.len() > 1 {
            let amount_only = options.iter().all(|&j| matches!(slots[j], Slot::Acquired | Slot::Disposed));
            if amount_only {
                // The amount is certain; only its direction is not.
                row.transaction_acquired_disposed_code = Field::missing();
                row.transaction_acquired_disposed_code.span = Some(token.span);
                diagnostics.push(Diagnostic::new(
                    Code::ColumnUncertain,
                    Some(token.span),
                    format!(
                        "the amount {} could be in the (A) or the (D) column: acquired or disposed of is not shown",
                        quote(&token.text)
                    ),
                ));
                continue;
            }
            // The columns it could be in are all in doubt (the one it was not put in may lack it).
            for &j in options {
                mark_uncertain(row, slots[j]);
            }
            let names: Vec<&str> = options.iter().map(|&j| slots[j].label()).collect();
            diagnostics.push(
                Diagnostic::new(
                    Code::ColumnUncertain,
                    Some(token.span),
                    format!(
                        "the text {} could belong to the {} column",
                        quote(&token.text),
                        names.join(" or the ")
                    ),
                )
                .with_help(format!(
                    "it was read as the {}; check it against the original filing",
                    slot.label()
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_a_letter_stays_text_whatever_is_appended() {
        let tails = ["100", "$5.00", "⁽¹⁾", "<sup>(1)</sup>", "(1)", "-", "D", "05/24/2011", ""];
        for head in
            ["Common", "By Trust", "ab", "2010-", "(1)A", "Stock⁽¹⁾", "<u>S", "$-", "A", "1,000", "12/31/20"]
        {
            for tail in tails {
                let whole = join_wrapped(head, tail);
                if stays_text(head) {
                    assert_eq!(kind_of(&whole), Kind::Text, "{whole}");
                }
            }
        }
        // Only what the rule covers: a letter, ASCII, no `<`, two bytes.
        assert!(stays_text("Common") && stays_text("2010-Seed") && stays_text("(1)A"));
        assert!(!stays_text("A") && !stays_text("$-") && !stays_text("Stock⁽¹⁾") && !stays_text("<u>S"));
        // What it leaves to `kind_of`: `$-` then `5` is an amount.
        assert_eq!(kind_of(&join_wrapped("$-", "5")), Kind::Dollars);
    }

    /// A cell of the older layout, whose marks are written `(1)`.
    fn cell(text: &str) -> Cell {
        let text = crate::repr::cells::canonical_marks(text, crate::repr::cells::MarkStyle::Spaced);
        Cell::new(&text, Span::new(0, text.len()))
    }

    #[test]
    fn a_dollar_amount_in_a_par_value_phrase_is_the_titles_text() {
        let texts = |text: &str| -> Vec<(String, Kind)> {
            tokens(&cell(text)).into_iter().map(|t| (t.text, t.kind)).collect()
        };
        let title = "Common Stock, par value $0.01 per share";
        assert_eq!(texts(title), [(title.to_owned(), Kind::Text)]);
        assert_eq!(texts("$0.0001 par value"), [("$0.0001 par value".to_owned(), Kind::Text)]);
        // A price among a row's values stays a price.
        let kinds: Vec<Kind> =
            tokens(&cell("Common Stock 100 D $10.50 900")).into_iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [Kind::Text, Kind::Number, Kind::Letter('D'), Kind::Dollars, Kind::Number]);
        let words: Vec<Kind> = kinds_in("value $0.01 per $5").collect();
        assert_eq!(words, [Kind::Text, Kind::Text, Kind::Text, Kind::Dollars]);
        // A rate in a title is text too; a price before the amount owned is a price.
        let words: Vec<Kind> = kinds_in("Warrant to buy at $11.50 per share").collect();
        assert!(words.iter().all(|k| *k == Kind::Text), "{words:?}");
        let words: Vec<Kind> = kinds_in("D $10.50 900").collect();
        assert_eq!(words, [Kind::Letter('D'), Kind::Dollars, Kind::Number]);
    }

    fn kinds_in(text: &str) -> impl Iterator<Item = Kind> + '_ {
        kinds(text.split(' ')).map(|(_, k)| k)
    }

    #[test]
    fn merged_amount_cell_is_split() {
        let mut row = Row::default();
        let mut problems = Vec::new();
        let group = [Slot::Shares, Slot::AcquiredDisposed, Slot::Price];
        fill_group(&mut row, &group, &cell("115,335 D $ 41.85"), &mut problems, &mut Vec::new());
        assert!(problems.is_empty());
        assert_eq!(row.transaction_shares.decimal(), Some(115_335.into()));
        assert_eq!(row.transaction_acquired_disposed_code.copied(), Some(AcquiredDisposed::Disposed));
        assert_eq!(row.transaction_price_per_share.decimal(), Some(rust_decimal::Decimal::new(4185, 2)));
        let mut row = Row::default();
        fill_group(&mut row, &group, &cell("2,028,942 A (2)"), &mut problems, &mut Vec::new());
        assert_eq!(row.transaction_price_per_share.footnotes, vec![crate::model::FootnoteId::numbered(2)]);
        assert!(row.transaction_price_per_share.value.is_none());
    }

    #[test]
    fn bare_numbers_of_four_digits_are_words() {
        assert_eq!(kind_of("2010"), Kind::Text);
        assert_eq!(kind_of("94025"), Kind::Text);
        assert_eq!(kind_of("2010(3)"), Kind::Text);
        assert_eq!(kind_of("1,000"), Kind::Number);
        assert_eq!(kind_of("600"), Kind::Number);
        assert_eq!(kind_of("1000.5"), Kind::Number);
        assert_eq!(kind_of("$1000"), Kind::Dollars);
    }

    #[test]
    fn date_pairs_and_titles_with_amounts() {
        let mut row = Row::default();
        let mut problems = Vec::new();
        fill_group(
            &mut row,
            &[Slot::Exercisable, Slot::Expiration],
            &cell("(7) (8) (7) (8)"),
            &mut problems,
            &mut Vec::new(),
        );
        assert_eq!(row.exercise_date.footnotes.len(), 2);
        assert_eq!(row.expiration_date.footnotes.len(), 2);
        fill_group(
            &mut row,
            &[Slot::UnderlyingTitle, Slot::UnderlyingAmount],
            &cell("Class A Common Stock (1) 19,066,032"),
            &mut problems,
            &mut Vec::new(),
        );
        assert_eq!(row.underlying_security_title.text(), "Class A Common Stock");
        assert_eq!(row.underlying_security_shares.decimal(), Some(19_066_032.into()));
    }

    /// Table I's columns, as a Form 4 prints them.
    const TABLE_I: [Slot; 11] = [
        Slot::Title,
        Slot::Date,
        Slot::Deemed,
        Slot::Code,
        Slot::V,
        Slot::Shares,
        Slot::AcquiredDisposed,
        Slot::Price,
        Slot::Owned,
        Slot::DirectIndirect,
        Slot::Nature,
    ];

    #[test]
    fn shifted_cells_are_realigned() {
        // Seed 003: the amount cell was lost and the price ran into the holdings.
        let cells: Vec<Cell> = ["Common Stock", "11/22/2013", "", "M (1)", "A", "$ 4.8 10,000", "D", ""]
            .iter()
            .map(|t| cell(t))
            .collect();
        let mut row = Row::default();
        let mut diagnostics = Vec::new();
        fill_row(&mut row, &TABLE_I, &cells, &mut diagnostics);
        assert!(row.transaction_shares.value.is_none());
        assert_eq!(row.transaction_code.copied(), Some(TransactionCode::M));
        assert_eq!(row.transaction_acquired_disposed_code.copied(), Some(AcquiredDisposed::Acquired));
        assert_eq!(row.transaction_price_per_share.decimal(), Some(rust_decimal::Decimal::new(48, 1)));
        assert_eq!(row.shares_owned_following_transaction.decimal(), Some(10_000.into()));
        assert_eq!(row.direct_or_indirect_ownership.copied(), Some(DirectIndirect::Direct));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
    }

    #[test]
    fn a_row_without_transaction_values_is_a_holding() {
        // One number, no date and no code: the amount owned, not a transaction's amount.
        let cells: Vec<Cell> = ["Common Stock", "2,415", "I By Trust"].iter().map(|t| cell(t)).collect();
        let mut row = Row::default();
        let mut diagnostics = Vec::new();
        fill_row_typed(&mut row, &TABLE_I, &cells, &mut diagnostics);
        assert_eq!(row.shares_owned_following_transaction.decimal(), Some(2415.into()));
        assert!(row.shares_owned_following_transaction.origin.is_read());
        assert!(row.transaction_shares.value.is_none());
        assert_eq!(row.direct_or_indirect_ownership.copied(), Some(DirectIndirect::Indirect));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        // With a date and a code it is a transaction: the first number is its amount.
        let cells: Vec<Cell> = ["Common Stock", "03/04/2024", "P", "100", "A", "$ 5", "2,415", "D"]
            .iter()
            .map(|t| cell(t))
            .collect();
        let mut row = Row::default();
        fill_row_typed(&mut row, &TABLE_I, &cells, &mut Vec::new());
        assert_eq!(row.transaction_shares.decimal(), Some(100.into()));
        assert_eq!(row.shares_owned_following_transaction.decimal(), Some(2415.into()));
    }

    #[test]
    fn marks_standing_apart_in_a_typed_row_fill_their_own_columns() {
        // A fictional Table II row of Markdown made from a PDF: the two
        // dates given only by footnotes stand apart from the amount before them.
        let slots = crate::repr::columns::standard_slots(4, crate::model::Table::Derivative);
        let text = crate::repr::cells::canonical_marks(
            "Units 03/04/2024 A 10(3) (4) (4) Common Stock 10 $0 110 D",
            crate::repr::cells::MarkStyle::Attached,
        );
        let cells = [Cell::new(&text, Span::new(0, text.len()))];
        let mut row = Row::default();
        let mut diagnostics = Vec::new();
        fill_row_typed(&mut row, slots, &cells, &mut diagnostics);
        let id = crate::model::FootnoteId::numbered;
        assert_eq!(row.transaction_shares.footnotes, vec![id(3)]);
        assert_eq!(row.exercise_date.footnotes, vec![id(4)]);
        assert_eq!(row.expiration_date.footnotes, vec![id(4)]);
        assert_eq!(row.security_title.text(), "Units");
        // A mark apart in a column marks seldom fill alone is in doubt.
        let text = "Common Stock 03/04/2024 ⁽¹⁾ P 100 A $5 1,100 D";
        let cells = [Cell::new(text, Span::new(0, text.len()))];
        let mut row = Row::default();
        fill_row_typed(&mut row, &TABLE_I, &cells, &mut Vec::new());
        assert_eq!(row.deemed_execution_date.origin, crate::model::Origin::Uncertain);
        assert!(row.transaction_shares.origin.is_read());
    }

    #[test]
    fn two_texts_that_may_each_be_the_title_put_it_in_doubt() {
        // A fictional holding whose title holds a dollar amount: the words
        // before it and after it may each be the title, the other left out.
        let slots = crate::repr::columns::standard_slots(3, crate::model::Table::NonDerivative);
        let read = |text: &str| {
            let cells = [Cell::new(text, Span::new(0, text.len()))];
            let mut row = Row::default();
            fill_row_typed(&mut row, slots, &cells, &mut Vec::new());
            row
        };
        let row = read("Common Stock, $5 Preferred 1,000 I By Trust");
        assert_eq!(row.security_title.origin, crate::model::Origin::Uncertain);
        assert_eq!(row.shares_owned_following_transaction.decimal(), Some(1000.into()));
        assert!(row.shares_owned_following_transaction.origin.is_read());
        // In a par value phrase, the amount is the title's text: the title is whole.
        let row = read("Common Stock, par value $0.01 per share 1,000 I By Trust");
        assert_eq!(row.security_title.text(), "Common Stock, par value $0.01 per share");
        assert!(row.security_title.origin.is_read());
    }

    #[test]
    fn marks_on_the_ownership_form_stay_with_it() {
        // A row run together on one line: `D(3)` after every amount is the
        // ownership form and its footnote, not a direction whose marks belong to the price.
        let text = crate::repr::cells::canonical_marks(
            "Common Stock 10/01/2025 F 147,243 D $255.45 3,410,258 D(3)",
            crate::repr::cells::MarkStyle::Attached,
        );
        let cells = [Cell::new(&text, Span::new(0, text.len()))];
        let mut row = Row::default();
        fill_row(&mut row, &TABLE_I, &cells, &mut Vec::new());
        assert_eq!(row.direct_or_indirect_ownership.copied(), Some(DirectIndirect::Direct));
        assert_eq!(row.direct_or_indirect_ownership.footnotes, vec![crate::model::FootnoteId::numbered(3)]);
        assert!(row.nature_of_ownership.footnotes.is_empty());
        assert_eq!(row.transaction_price_per_share.decimal(), Some(rust_decimal::Decimal::new(25545, 2)));
    }
}
