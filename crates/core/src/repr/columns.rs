//! The printed columns of Tables I and II, and how a cell's text fills the
//! row field it shows.
//!
//! The columns differ by form (read from EDGAR's stylesheets):
//!
//! | Form | Table I | Table II |
//! |------|---------|----------|
//! | 4 | title, date, deemed, code, V, amount, (A)/(D), price, owned after, D/I, nature | title, exercise price, date, deemed, code, V, (A), (D), exercisable, expiration, underlying title, underlying amount, price, owned after, D/I, nature |
//! | 5 | as Form 4 without V | as Form 4 without V |
//! | 3 | title, amount owned, D/I, nature | title, exercisable, expiration, underlying title, underlying amount, exercise price, D/I, nature |
//!
//! The `V` column prints `V` when `transactionFormType` is 5, and the
//! footnotes of `transactionTimeliness`; the timeliness value itself and
//! `equitySwapInvolved` are never printed. Amount columns print `$` before a
//! value (`transactionTotalValue`, `underlyingSecurityValue`,
//! `valueOwnedFollowingTransaction`) and nothing before shares.
//!
//! Layouts are recognised from the headings a rendering prints
//! ([`heading_slots`]), not from the form number, so a rendering that lost
//! or merged columns is still read column by column.

use crate::diagnostic::quote;
use crate::model::{AcquiredDisposed, DirectIndirect, Field, FootnoteId, Num, Row, Table, TransactionCode};
use crate::repr::cells::{Marked, read_date, read_number, split_marks};
use crate::source::Span;

/// A printed cell of a table row, named for what it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    /// Title of security.
    Title,
    /// Conversion or exercise price (Table II).
    ExercisePrice,
    /// Transaction date.
    Date,
    /// Deemed execution date.
    Deemed,
    /// Transaction code.
    Code,
    /// `V`: transaction form type 5, and the timeliness footnotes.
    V,
    /// Amount (Table I).
    Shares,
    /// (A) or (D) (Table I).
    AcquiredDisposed,
    /// Price (Table I: per share; Table II: of the derivative security).
    Price,
    /// Amount acquired (Table II, column (A)).
    Acquired,
    /// Amount disposed of (Table II, column (D)).
    Disposed,
    /// Date exercisable.
    Exercisable,
    /// Expiration date.
    Expiration,
    /// Title of the underlying security.
    UnderlyingTitle,
    /// Amount or number of underlying shares (or `$` value).
    UnderlyingAmount,
    /// Amount owned following the reported transactions (or `$` value).
    Owned,
    /// Ownership form: D or I.
    DirectIndirect,
    /// Nature of indirect beneficial ownership.
    Nature,
}

impl Slot {
    /// Whether the slot belongs to a transaction (blank on holdings).
    pub(crate) fn is_transaction_only(self) -> bool {
        matches!(
            self,
            Slot::Date
                | Slot::Deemed
                | Slot::Code
                | Slot::V
                | Slot::Shares
                | Slot::AcquiredDisposed
                | Slot::Acquired
                | Slot::Disposed
                | Slot::Price
        )
    }

    /// A name for messages.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Slot::Title => "title of security",
            Slot::ExercisePrice => "conversion or exercise price",
            Slot::Date => "transaction date",
            Slot::Deemed => "deemed execution date",
            Slot::Code => "transaction code",
            Slot::V => "V",
            Slot::Shares => "amount",
            Slot::AcquiredDisposed => "(A) or (D)",
            Slot::Price => "price",
            Slot::Acquired => "amount acquired (A)",
            Slot::Disposed => "amount disposed of (D)",
            Slot::Exercisable => "date exercisable",
            Slot::Expiration => "expiration date",
            Slot::UnderlyingTitle => "title of underlying security",
            Slot::UnderlyingAmount => "amount of underlying securities",
            Slot::Owned => "amount owned following the transactions",
            Slot::DirectIndirect => "ownership form (D or I)",
            Slot::Nature => "nature of indirect beneficial ownership",
        }
    }
}

/// The slots a column heading of `table` stands for, in printed order; `None`
/// when the text is no column heading. The match is on the heading's words
/// (case and line wrapping do not matter).
pub(crate) fn heading_slots(heading: &str, table: Table) -> Option<&'static [Slot]> {
    let h = heading.to_ascii_lowercase();
    let has = |phrase: &str| h.contains(phrase);
    let slots: &'static [Slot] = if has("title and amount of") {
        &[Slot::UnderlyingTitle, Slot::UnderlyingAmount]
    } else if has("title of derivative security") || has("title of security") {
        &[Slot::Title]
    } else if has("conversion or exercise price") {
        &[Slot::ExercisePrice]
    } else if has("deemed execution date") {
        &[Slot::Deemed]
    } else if has("date exercisable and expiration date") {
        &[Slot::Exercisable, Slot::Expiration]
    } else if has("transaction date") {
        &[Slot::Date]
    } else if has("transaction code") {
        &[Slot::Code, Slot::V]
    } else if has("acquired (a) or disposed of (d)") || has("acquired (a) or disposed (d)") {
        match table {
            Table::NonDerivative => &[Slot::Shares, Slot::AcquiredDisposed, Slot::Price],
            Table::Derivative => &[Slot::Acquired, Slot::Disposed],
        }
    } else if has("price of derivative security") {
        &[Slot::Price]
    } else if has("beneficially owned") {
        &[Slot::Owned]
    } else if has("ownership form") {
        &[Slot::DirectIndirect]
    } else if has("nature of indirect beneficial ownership") {
        &[Slot::Nature]
    } else if has("amount or number of shares") {
        &[Slot::UnderlyingAmount]
    } else {
        return None;
    };
    Some(slots)
}

/// The slot a sub-heading names (`Code`, `V`, `Amount`, `(A) or (D)`,
/// `Price`, `(A)`, `(D)`, `Date Exercisable`, `Expiration Date`, `Title`,
/// `Amount or Number of Shares`).
pub(crate) fn sub_heading_slot(text: &str, table: Table) -> Option<Slot> {
    let t = text.trim().to_ascii_lowercase();
    Some(match t.as_str() {
        "code" => Slot::Code,
        "v" => Slot::V,
        "amount" => Slot::Shares,
        "(a) or (d)" => Slot::AcquiredDisposed,
        "price" => Slot::Price,
        "(a)" => Slot::Acquired,
        "(d)" => Slot::Disposed,
        "date exercisable" => Slot::Exercisable,
        "expiration date" => Slot::Expiration,
        "title" if table == Table::Derivative => Slot::UnderlyingTitle,
        "amount or number of shares" => Slot::UnderlyingAmount,
        _ => return None,
    })
}

/// Words of the column headings (a line of nothing else is a heading
/// line, however the headings were wrapped or run together), as
/// [`heading_word`] writes them; sorted, to be searched by halves.
const HEADING_WORDS: &[&str] = &[
    "a",
    "acquired",
    "amount",
    "and",
    "any",
    "at",
    "beneficial",
    "beneficially",
    "calls",
    "code",
    "conversion",
    "convertible",
    "d",
    "date",
    "deemed",
    "derivative",
    "direct",
    "disposed",
    "eg",
    "end",
    "execution",
    "exercisable",
    "exercise",
    "expiration",
    "fiscal",
    "following",
    "form",
    "i",
    "if",
    "indirect",
    "instr",
    "issuer's",
    "month/day/year",
    "nature",
    "number",
    "of",
    "options",
    "or",
    "owned",
    "ownership",
    "price",
    "puts",
    "reported",
    "securities",
    "security",
    "shares",
    "the",
    "title",
    "to",
    "transaction",
    "transactions",
    "underlying",
    "v",
    "warrants",
    "year",
];

/// Whether a word, reduced to its letters, digits, `/` and `'` in lower
/// case, is a heading word (`Some(true)`), not one (`Some(false)`), or a
/// number or nothing (`None`: `1.`, `2A.`, `3,`). An amount (`552,106`,
/// `10.5`: a thousands comma before three digits, or a point between digits)
/// is no heading's: the headings number their items and instructions
/// (`3,4` where a space was lost), they print no amounts.
fn heading_word(word: &str) -> Option<bool> {
    let b = word.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let amount = (1..b.len()).any(|i| {
        digit(i - 1)
            && match b[i] {
                b'.' => digit(i + 1),
                b',' => (1..=3).all(|d| digit(i + d)) && !digit(i + 4),
                _ => false,
            }
    });
    if amount {
        return Some(false);
    }
    let mut buf = [0u8; 24];
    let mut n = 0;
    for b in word.bytes() {
        if b.is_ascii_alphanumeric() || b == b'/' || b == b'\'' {
            if n == buf.len() {
                return Some(false);
            }
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        } else if !b.is_ascii() {
            return Some(false);
        }
    }
    let w = &buf[..n];
    let digits = w.iter().take_while(|b| b.is_ascii_digit()).count();
    if n == 0 || (digits > 0 && (digits == n || &w[digits..] == b"a")) {
        return None;
    }
    // The few words with its first byte (found by a table), compared whole.
    let (from, to) = HEADING_WORDS_BY_FIRST[usize::from(w[0])];
    let candidates = HEADING_WORDS.get(usize::from(from)..usize::from(to)).unwrap_or_default();
    Some(candidates.iter().any(|h| h.as_bytes() == w))
}

/// For each byte, the range of [`HEADING_WORDS`] (sorted) that start with it.
const HEADING_WORDS_BY_FIRST: [(u8, u8); 256] = {
    let mut by_first = [(0u8, 0u8); 256];
    let mut k = HEADING_WORDS.len();
    while k > 0 {
        k -= 1;
        let first = HEADING_WORDS[k].as_bytes()[0] as usize;
        // From the last word to the first: a byte seen again moves its range's start.
        by_first[first] = (k as u8, if by_first[first].1 == 0 { k as u8 + 1 } else { by_first[first].1 });
    }
    by_first
};

/// Whether every word of `text` belongs to the column headings (numbers
/// like `1.`, `2A.`, `3,` aside).
pub(crate) fn is_heading_text(text: &str) -> bool {
    is_heading_words(text.split_whitespace())
}

/// Whether every one of `words` (of a line's text) belongs to the column
/// headings, as [`is_heading_text`] says of their text.
pub(crate) fn is_heading_words<'a>(all: impl IntoIterator<Item = &'a str>) -> bool {
    let mut words = 0;
    for word in all {
        match heading_word(word) {
            None => {}
            Some(true) => words += 1,
            Some(false) => return false,
        }
    }
    words > 0
}

/// The columns EDGAR's page prints for `table` of a Form 3, 4 or 5 (the
/// layout to fall back on when a rendering garbled the headings).
pub(crate) fn standard_slots(form: u8, table: Table) -> &'static [Slot] {
    use Slot::*;
    match (form, table) {
        (3, Table::NonDerivative) => &[Title, Owned, DirectIndirect, Nature],
        (3, Table::Derivative) => &[
            Title,
            Exercisable,
            Expiration,
            UnderlyingTitle,
            UnderlyingAmount,
            ExercisePrice,
            DirectIndirect,
            Nature,
        ],
        (5, Table::NonDerivative) => {
            &[Title, Date, Deemed, Code, Shares, AcquiredDisposed, Price, Owned, DirectIndirect, Nature]
        }
        (5, Table::Derivative) => &[
            Title,
            ExercisePrice,
            Date,
            Deemed,
            Code,
            Acquired,
            Disposed,
            Exercisable,
            Expiration,
            UnderlyingTitle,
            UnderlyingAmount,
            Price,
            Owned,
            DirectIndirect,
            Nature,
        ],
        (_, Table::NonDerivative) => {
            &[Title, Date, Deemed, Code, V, Shares, AcquiredDisposed, Price, Owned, DirectIndirect, Nature]
        }
        (_, Table::Derivative) => &[
            Title,
            ExercisePrice,
            Date,
            Deemed,
            Code,
            V,
            Acquired,
            Disposed,
            Exercisable,
            Expiration,
            UnderlyingTitle,
            UnderlyingAmount,
            Price,
            Owned,
            DirectIndirect,
            Nature,
        ],
    }
}

/// What went wrong filling a slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SlotProblem {
    /// The slot.
    pub slot: Slot,
    /// Where.
    pub span: Span,
    /// What, quoting the text.
    pub message: String,
}

/// Fill the field `slot` of `row` from a cell's text (marks included) at
/// `span`. A text that does not read as the slot's type leaves the value
/// empty and returns a problem.
pub(crate) fn fill(row: &mut Row, slot: Slot, text: &str, span: Span) -> Result<(), SlotProblem> {
    let Marked { value, footnotes } = split_marks(text);
    let problem = |what: &str| SlotProblem {
        slot,
        span,
        message: format!("the {} cell {} is not {what}", slot.label(), quote(text)),
    };
    let v = value.as_str();
    match slot {
        Slot::Title => set_text(&mut row.security_title, v, footnotes, span),
        Slot::UnderlyingTitle => set_text(&mut row.underlying_security_title, v, footnotes, span),
        Slot::Nature => set_text(&mut row.nature_of_ownership, v, footnotes, span),
        Slot::ExercisePrice => set_num(&mut row.conversion_or_exercise_price, v, footnotes, span)
            .map_err(|()| problem("a price"))?,
        Slot::Price => set_num(&mut row.transaction_price_per_share, v, footnotes, span)
            .map_err(|()| problem("a price"))?,
        Slot::Date => {
            set_date(&mut row.transaction_date, v, footnotes, span).map_err(|()| problem("a date"))?
        }
        Slot::Deemed => {
            set_date(&mut row.deemed_execution_date, v, footnotes, span).map_err(|()| problem("a date"))?
        }
        Slot::Exercisable => {
            set_date(&mut row.exercise_date, v, footnotes, span).map_err(|()| problem("a date"))?
        }
        Slot::Expiration => {
            set_date(&mut row.expiration_date, v, footnotes, span).map_err(|()| problem("a date"))?
        }
        Slot::Code => {
            // `J/K` marks an equity swap in some stylesheets.
            let (code, swap) = match v.split_once('/') {
                Some((code, k)) if k.trim().eq_ignore_ascii_case("K") => (code.trim(), true),
                _ => (v, false),
            };
            set_parsed(&mut row.transaction_code, code, footnotes, span, TransactionCode::parse)
                .map_err(|()| problem("one of the 20 transaction codes"))?;
            if swap {
                row.equity_swap_involved = Field::read(true, span);
            }
        }
        Slot::V => {
            row.transaction_timeliness.footnotes = footnotes;
            match v {
                "" => {}
                "V" | "v" => row.transaction_form_type = Field::read("5".to_owned(), span),
                _ => return Err(problem("V or blank")),
            }
        }
        Slot::Shares => {
            set_num(&mut row.transaction_shares, v, footnotes, span).map_err(|()| problem("an amount"))?
        }
        Slot::AcquiredDisposed => set_parsed(
            &mut row.transaction_acquired_disposed_code,
            v,
            footnotes,
            span,
            AcquiredDisposed::parse,
        )
        .map_err(|()| problem("A or D"))?,
        Slot::Acquired | Slot::Disposed => {
            if v.is_empty() && footnotes.is_empty() {
                return Ok(());
            }
            let target = if v.starts_with('$') {
                &mut row.transaction_total_value
            } else {
                &mut row.transaction_shares
            };
            set_num(target, v, footnotes, span).map_err(|()| problem("an amount"))?;
            let code =
                if slot == Slot::Acquired { AcquiredDisposed::Acquired } else { AcquiredDisposed::Disposed };
            row.transaction_acquired_disposed_code = Field::read(code, span);
        }
        Slot::UnderlyingAmount => {
            let target = if v.starts_with('$') {
                &mut row.underlying_security_value
            } else {
                &mut row.underlying_security_shares
            };
            set_num(target, v, footnotes, span).map_err(|()| problem("an amount"))?
        }
        Slot::Owned => {
            let target = if v.starts_with('$') {
                &mut row.value_owned_following_transaction
            } else {
                &mut row.shares_owned_following_transaction
            };
            set_num(target, v, footnotes, span).map_err(|()| problem("an amount"))?
        }
        Slot::DirectIndirect => {
            set_parsed(&mut row.direct_or_indirect_ownership, v, footnotes, span, DirectIndirect::parse)
                .map_err(|()| problem("D or I"))?
        }
    }
    Ok(())
}

fn set_text(field: &mut Field<String>, value: &str, footnotes: Vec<FootnoteId>, span: Span) {
    *field = Field {
        value: (!value.is_empty()).then(|| value.to_owned()),
        footnotes,
        span: Some(span),
        ..Field::default()
    };
}

fn set_parsed<T>(
    field: &mut Field<T>,
    value: &str,
    footnotes: Vec<FootnoteId>,
    span: Span,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<(), ()> {
    let parsed = if value.is_empty() { None } else { Some(parse(value).ok_or(())?) };
    *field = Field { value: parsed, footnotes, span: Some(span), ..Field::default() };
    Ok(())
}

fn set_num(field: &mut Field<Num>, value: &str, footnotes: Vec<FootnoteId>, span: Span) -> Result<(), ()> {
    set_parsed(field, value, footnotes, span, |v| read_number(v).ok().map(|(n, _)| n))
}

fn set_date(
    field: &mut Field<crate::model::Date>,
    value: &str,
    footnotes: Vec<FootnoteId>,
    span: Span,
) -> Result<(), ()> {
    set_parsed(field, value, footnotes, span, read_date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Column;

    #[test]
    fn heading_words_stay_sorted_for_the_search() {
        assert!(HEADING_WORDS.windows(2).all(|w| w[0] < w[1]), "HEADING_WORDS must be sorted and unique");
        assert!(is_heading_text("Title of Security (Instr. 3)"));
        assert!(is_heading_text("Issuer's Fiscal Year"));
        assert!(!is_heading_text("Common Stock"));
        // A holding's amount and ownership form (`D`, a heading's letter too) are no heading.
        assert!(!is_heading_text("552,106(11) D"));
        assert!(is_heading_text("(Instr. 3, 4 and 5) (D)"));
        // The same with a space lost: items, not an amount.
        assert!(is_heading_text("(Instr. 3,4 and 5)"));
        assert!(!is_heading_text("1,250.5 D"));
        // Every word is found by the table of first bytes, whatever its case; near misses are not.
        for word in HEADING_WORDS {
            assert_eq!(heading_word(word), Some(true), "{word}");
            assert_eq!(heading_word(&word.to_ascii_uppercase()), Some(true), "{word}");
            assert_eq!(heading_word(&format!("{word}x")), Some(false), "{word}x");
        }
        assert_eq!(heading_word("Zebra"), Some(false));
    }

    #[test]
    fn headings_name_their_slots() {
        let t1 = Table::NonDerivative;
        let t2 = Table::Derivative;
        assert_eq!(heading_slots("1. Title of Security (Instr. 3)", t1), Some(&[Slot::Title][..]));
        assert_eq!(
            heading_slots("4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)", t1),
            Some(&[Slot::Shares, Slot::AcquiredDisposed, Slot::Price][..])
        );
        assert_eq!(
            heading_slots(
                "5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)",
                t2
            ),
            Some(&[Slot::Acquired, Slot::Disposed][..])
        );
        assert_eq!(
            heading_slots(
                "7. Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)",
                t2
            ),
            Some(&[Slot::UnderlyingTitle, Slot::UnderlyingAmount][..])
        );
        assert_eq!(
            heading_slots("5. Amount of Securities Beneficially Owned at end of Issuer's Fiscal Year", t1),
            Some(&[Slot::Owned][..])
        );
        assert_eq!(heading_slots("Explanation of Responses:", t1), None);
    }

    #[test]
    fn cells_fill_their_fields() {
        let span = Span::new(0, 1);
        let mut row = Row::default();
        fill(&mut row, Slot::Shares, "308,870⁽¹⁾", span).unwrap();
        fill(&mut row, Slot::Price, "$503.0039 ⁽²⁾", span).unwrap();
        fill(&mut row, Slot::Code, "J<sup>(5)</sup>", span).unwrap();
        fill(&mut row, Slot::V, "V", span).unwrap();
        fill(&mut row, Slot::Owned, "$1,000", span).unwrap();
        assert_eq!(row.transaction_shares.decimal(), Some(308_870.into()));
        assert_eq!(row.transaction_shares.footnotes, vec![FootnoteId::numbered(1)]);
        assert_eq!(row.transaction_price_per_share.decimal(), Some(rust_decimal::Decimal::new(5_030_039, 4)));
        assert_eq!(row.transaction_code.copied(), Some(TransactionCode::J));
        assert_eq!(row.transaction_form_type.text(), "5");
        assert!(row.shares_owned_following_transaction.value.is_none());
        assert_eq!(row.cell(Column::ValueOwnedFollowingTransaction).text().as_deref(), Some("1,000"));
        assert!(fill(&mut row, Slot::DirectIndirect, "Q", span).is_err());
    }

    #[test]
    fn derivative_amount_columns_give_the_direction() {
        let span = Span::new(3, 9);
        let mut row = Row::default();
        fill(&mut row, Slot::Acquired, "", span).unwrap();
        fill(&mut row, Slot::Disposed, "2,028,942", span).unwrap();
        assert_eq!(row.transaction_acquired_disposed_code.copied(), Some(AcquiredDisposed::Disposed));
        assert_eq!(row.transaction_shares.decimal(), Some(2_028_942.into()));
    }
}
