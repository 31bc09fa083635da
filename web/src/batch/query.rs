//! Filtering and sorting the combined table: which rows to show, in which
//! order. Pure functions over the model, run by the worker, which holds the
//! parsed filings (the page only holds what it displays).
//!
//! Every filter narrows the rows; an empty one keeps every row:
//!
//! - **codes**: transaction codes (letters, `PS`); holdings have none, so any
//!   code filter leaves them out;
//! - **owner**, **issuer**: text found (ignoring case) in a reporting owner's
//!   name or CIK, or in the issuer's name, trading symbol or CIK;
//! - **acquired/disposed**, **direct/indirect**, **Table I/Table II**;
//! - **date range**: the transaction date between `from` and `to`, both
//!   included; a row without a transaction date (a holding) is left out when
//!   either bound is set; a bound that is not a `YYYY-MM-DD` date is ignored;
//! - **text**: found (ignoring case) in any cell of the row, in the input's
//!   name, the form type, the issuer or an owner, or in the text of a
//!   footnote the row refers to.
//!
//! Sorting is by one column, ascending or descending, stable (equal values
//! keep the input order); numbers sort by value (`1,000` after `999.5`),
//! dates by date, text ignoring case; empty cells go last either way.

use std::cmp::Ordering;

use filing_core::model::{
    AcquiredDisposed, Cell, Column, Date, DirectIndirect, Filing, Row, Table, TransactionCode,
};

use super::rows::Col;

/// Acquired or disposed (the form's `A`/`D` column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Direction {
    Acquired,
    Disposed,
}

/// Direct or indirect ownership.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Ownership {
    Direct,
    Indirect,
}

/// Table I (non-derivative) or Table II (derivative).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Derivative {
    TableI,
    TableII,
}

/// A two-valued filter written as one key in the filter bar's choices and in
/// the URL fragment (`A`/`D`, `D`/`I`, `1`/`2`).
macro_rules! keyed {
    ($ty:ident: $first:ident = $a:literal, $second:ident = $b:literal) => {
        impl $ty {
            /// The key this value is written as.
            pub fn key(self) -> &'static str {
                match self {
                    $ty::$first => $a,
                    $ty::$second => $b,
                }
            }

            /// The value written as `key`; none for any other text.
            pub fn from_key(key: &str) -> Option<$ty> {
                match key {
                    $a => Some($ty::$first),
                    $b => Some($ty::$second),
                    _ => None,
                }
            }
        }
    };
}
keyed!(Direction: Acquired = "A", Disposed = "D");
keyed!(Ownership: Direct = "D", Indirect = "I");
keyed!(Derivative: TableI = "1", TableII = "2");

/// The order of the rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    /// The column sorted by.
    pub col: Col,
    /// Largest first.
    pub descending: bool,
}

/// The filters and the sort of the combined table, as the user set them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Transaction codes to keep, as letters (`PS`); empty keeps all.
    pub codes: String,
    /// Text in a reporting owner's name or CIK.
    pub owner: String,
    /// Text in the issuer's name, trading symbol or CIK.
    pub issuer: String,
    /// Acquired or disposed only.
    pub direction: Option<Direction>,
    /// Direct or indirect only.
    pub ownership: Option<Ownership>,
    /// One table only.
    pub table: Option<Derivative>,
    /// First transaction date, `YYYY-MM-DD`.
    pub from: String,
    /// Last transaction date, `YYYY-MM-DD`.
    pub to: String,
    /// Free text over cells and footnotes.
    pub text: String,
    /// The sort; `None` keeps the input order.
    pub sort: Option<Sort>,
}

impl Query {
    /// Whether any filter is set (the sort aside).
    pub fn filters(&self) -> bool {
        let Query { codes, owner, issuer, direction, ownership, table, from, to, text, sort: _ } = self;
        [codes, owner, issuer, from, to, text].iter().any(|s| !s.trim().is_empty())
            || direction.is_some()
            || ownership.is_some()
            || table.is_some()
    }

    /// Whether the rows are shown as they came (no filter, no sort).
    pub fn is_identity(&self) -> bool {
        !self.filters() && self.sort.is_none()
    }
}

/// One row of the batch, with what a filter may look at.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    /// The name of the input the filing was read from.
    pub input: &'a str,
    /// The filing.
    pub filing: &'a Filing,
    /// The row's table.
    pub table: Table,
    /// The row.
    pub row: &'a Row,
}

/// A [`Query`] made ready to test rows.
#[derive(Debug)]
pub struct Matcher {
    codes: Vec<TransactionCode>,
    owner: Needle,
    issuer: Needle,
    direction: Option<AcquiredDisposed>,
    ownership: Option<DirectIndirect>,
    table: Option<Table>,
    from: Option<Date>,
    to: Option<Date>,
    text: Needle,
}

impl Matcher {
    /// Prepare `query`.
    pub fn new(query: &Query) -> Matcher {
        let date = |text: &str| Date::parse_iso(text.trim());
        Matcher {
            codes: query.codes.chars().filter_map(|c| TransactionCode::parse(&c.to_string())).collect(),
            owner: Needle::new(&query.owner),
            issuer: Needle::new(&query.issuer),
            direction: query.direction.map(|d| match d {
                Direction::Acquired => AcquiredDisposed::Acquired,
                Direction::Disposed => AcquiredDisposed::Disposed,
            }),
            ownership: query.ownership.map(|o| match o {
                Ownership::Direct => DirectIndirect::Direct,
                Ownership::Indirect => DirectIndirect::Indirect,
            }),
            table: query.table.map(|t| match t {
                Derivative::TableI => Table::NonDerivative,
                Derivative::TableII => Table::Derivative,
            }),
            from: date(&query.from),
            to: date(&query.to),
            text: Needle::new(&query.text),
        }
    }

    /// Whether `s` passes every filter.
    pub fn matches(&self, s: &Subject<'_>) -> bool {
        let row = s.row;
        let filing = s.filing;
        if self.table.is_some_and(|t| t != s.table)
            || !self.codes.is_empty() && !row.transaction_code.value.is_some_and(|c| self.codes.contains(&c))
            || self.direction.is_some() && row.transaction_acquired_disposed_code.value != self.direction
            || self.ownership.is_some() && row.direct_or_indirect_ownership.value != self.ownership
        {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(date) = row.transaction_date.value else { return false };
            if self.from.is_some_and(|from| date < from) || self.to.is_some_and(|to| date > to) {
                return false;
            }
        }
        let issuer = &filing.issuer;
        if !self.issuer.is_empty()
            && ![&issuer.name, &issuer.trading_symbol, &issuer.cik]
                .iter()
                .any(|f| self.issuer.found_in(f.text()))
        {
            return false;
        }
        if !self.owner.is_empty()
            && !filing
                .reporting_owners
                .iter()
                .any(|o| self.owner.found_in(o.name.text()) || self.owner.found_in(o.cik.text()))
        {
            return false;
        }
        self.text.is_empty() || self.text_found(s)
    }

    fn text_found(&self, s: &Subject<'_>) -> bool {
        let filing = s.filing;
        let needle = &self.text;
        let issuer = &filing.issuer;
        if needle.found_in(s.input)
            || filing.form_type().is_some_and(|f| needle.found_in(f.as_str()))
            || [&issuer.name, &issuer.trading_symbol, &issuer.cik].iter().any(|f| needle.found_in(f.text()))
            || filing.reporting_owners.iter().any(|o| needle.found_in(o.name.text()))
        {
            return true;
        }
        Column::ALL.iter().filter(|c| c.applies(s.table, s.row.kind)).any(|&column| {
            let cell = s.row.cell(column);
            let (footnotes, _, _) = cell.meta();
            cell.text().is_some_and(|text| needle.found_in(&text))
                || footnotes
                    .iter()
                    .filter_map(|id| filing.footnote(id))
                    .any(|f| needle.found_in(f.text.text()))
        })
    }
}

/// `text` in lower case, character by character. Not `str::to_lowercase`,
/// whose word-final sigma rule is 4 kB of wasm (issue 8) and would fold a
/// needle and its haystack differently, and through `filing_core::case`, as
/// `char::to_lowercase` gives it but from a table 10 kB smaller.
fn lower(text: &str) -> String {
    text.chars().flat_map(filing_core::case::to_lower).collect()
}

/// Text to look for, ignoring case.
#[derive(Debug)]
struct Needle(String);

impl Needle {
    fn new(text: &str) -> Needle {
        Needle(lower(text.trim()))
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn found_in(&self, haystack: &str) -> bool {
        let needle = self.0.as_bytes();
        if needle.is_empty() {
            return true;
        }
        if haystack.is_ascii() && self.0.is_ascii() {
            return haystack.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle));
        }
        lower(haystack).contains(&self.0)
    }
}

/// What a row is sorted by.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Num(rust_decimal::Decimal),
    Date(Date),
    Text(String),
}

fn key(col: Col, s: &Subject<'_>) -> Option<Key> {
    let text = |t: &str| {
        let t = t.trim();
        (!t.is_empty()).then(|| Key::Text(lower(t)))
    };
    let filing = s.filing;
    match col {
        Col::Input => text(s.input),
        Col::Form => filing.form_type().and_then(|f| text(f.as_str())),
        Col::Issuer => text(filing.issuer.name.text()),
        Col::Owner => text(&super::rows::owner_names(filing)),
        Col::Table => text(match s.table {
            Table::NonDerivative => "I",
            Table::Derivative => "II",
        }),
        _ => {
            let column = col.cell().filter(|c| c.applies(s.table, s.row.kind))?;
            match s.row.cell(column) {
                Cell::Num(f) => f.decimal().map(Key::Num),
                Cell::Date(f) => f.value.map(Key::Date),
                cell => cell.text().and_then(|t| text(&t)),
            }
        }
    }
}

/// The ids of the rows of `subjects` (id, row) that pass `query`'s filters,
/// in its order.
pub fn order<'a>(query: &Query, subjects: impl IntoIterator<Item = (u32, Subject<'a>)>) -> Vec<u32> {
    let matcher = Matcher::new(query);
    let kept = subjects.into_iter().filter(|(_, s)| matcher.matches(s));
    let Some(sort) = query.sort else {
        return kept.map(|(id, _)| id).collect();
    };
    let mut keyed: Vec<(Option<Key>, u32)> = kept.map(|(id, s)| (key(sort.col, &s), id)).collect();
    filing_core::sort::by(&mut keyed, |(a, _), (b, _)| match (a, b) {
        (Some(a), Some(b)) if sort.descending => b.cmp(a),
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    keyed.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use filing_core::Parsed;

    use super::*;
    use crate::batch::fixtures;
    use crate::batch::rows::rows_of;

    /// Rows 0–3: the fictional Form 4 (M exercise 12.40, S sale 47.1825, an
    /// indirect holding, an option exercised D at 0); rows 4–5: the
    /// purchases (P 1000 at 20.50 direct on 2024-05-02, P 500 at 21.00 by
    /// spouse on 2024-05-03).
    fn batch() -> Vec<(&'static str, Parsed)> {
        vec![
            ("form4-fictional.xml", fixtures::fictional()),
            ("form4-fictional-purchases.xml", fixtures::parse(fixtures::PURCHASES)),
        ]
    }

    fn run(query: &Query) -> Vec<u32> {
        let batch = batch();
        let subjects = batch.iter().flat_map(|(input, parsed)| {
            parsed.filings.iter().flat_map(move |filing| {
                rows_of(filing).map(move |(table, _, row)| Subject { input, filing, table, row })
            })
        });
        order(query, subjects.enumerate().map(|(i, s)| (i as u32, s)))
    }

    fn filtered(edit: impl FnOnce(&mut Query)) -> Vec<u32> {
        let mut query = Query::default();
        edit(&mut query);
        assert!(query.filters());
        run(&query)
    }

    #[test]
    fn no_filter_keeps_every_row_in_input_order() {
        assert_eq!(run(&Query::default()), [0, 1, 2, 3, 4, 5]);
        assert!(Query::default().is_identity());
    }

    #[test]
    fn codes_keep_their_transactions_and_leave_out_holdings() {
        assert_eq!(filtered(|q| q.codes = "P".into()), [4, 5]);
        assert_eq!(filtered(|q| q.codes = "M".into()), [0, 3]);
        assert_eq!(filtered(|q| q.codes = "PS".into()), [1, 4, 5]);
    }

    #[test]
    fn owner_and_issuer_match_names_symbols_and_ciks_ignoring_case() {
        assert_eq!(filtered(|q| q.owner = "roe".into()), [4, 5]);
        assert_eq!(filtered(|q| q.owner = "DOE JANE".into()), [0, 1, 2, 3]);
        assert_eq!(filtered(|q| q.owner = "9990012".into()), [4, 5]);
        assert_eq!(filtered(|q| q.issuer = "xgad".into()), [4, 5]);
        assert_eq!(filtered(|q| q.issuer = "widgets".into()), [0, 1, 2, 3]);
        assert_eq!(filtered(|q| q.owner = "nobody".into()), [] as [u32; 0]);
    }

    #[test]
    fn text_beyond_ascii_is_found_ignoring_case() {
        let needle = Needle::new(" ÉCOLE Σ ");
        assert!(needle.found_in("Société école σ"));
        assert!(needle.found_in("ÉCOLE Σ"));
        assert!(!needle.found_in("ecole σ"), "accents are not folded, only case");
    }

    #[test]
    fn direction_ownership_and_table() {
        assert_eq!(filtered(|q| q.direction = Some(Direction::Disposed)), [1, 3]);
        assert_eq!(filtered(|q| q.direction = Some(Direction::Acquired)), [0, 4, 5]);
        assert_eq!(filtered(|q| q.ownership = Some(Ownership::Indirect)), [2, 5]);
        assert_eq!(filtered(|q| q.table = Some(Derivative::TableII)), [3]);
        assert_eq!(filtered(|q| q.table = Some(Derivative::TableI)), [0, 1, 2, 4, 5]);
    }

    #[test]
    fn a_date_range_includes_its_bounds_and_leaves_out_undated_rows() {
        assert_eq!(filtered(|q| q.from = "2024-05-01".into()), [4, 5]);
        assert_eq!(filtered(|q| q.to = "2024-03-31".into()), [0, 1, 3]);
        assert_eq!(
            filtered(|q| {
                q.from = "2024-05-03".into();
                q.to = "2024-05-03".into();
            }),
            [5]
        );
        // A bound that is no date is ignored, but it still counts as a filter.
        assert_eq!(filtered(|q| q.from = "May".into()), [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn text_is_found_in_cells_names_and_the_footnotes_a_row_refers_to() {
        // Only in F1 of the purchases, which the spouse row's nature of ownership refers to.
        assert_eq!(filtered(|q| q.text = "Gardener".into()), [5]);
        // F3 of the fictional filing: on the holding's nature of ownership.
        assert_eq!(filtered(|q| q.text = "trustee".into()), [2]);
        assert_eq!(filtered(|q| q.text = "47.18".into()), [1]);
        assert_eq!(filtered(|q| q.text = "purchases.xml".into()), [4, 5]);
        assert_eq!(filtered(|q| q.text = "Stock Option".into()), [3]);
        assert_eq!(filtered(|q| q.text = "zzz".into()), [] as [u32; 0]);
    }

    #[test]
    fn filters_combine() {
        assert_eq!(
            filtered(|q| {
                q.codes = "P".into();
                q.ownership = Some(Ownership::Direct);
            }),
            [4]
        );
    }

    #[test]
    fn numbers_sort_by_value_with_empty_cells_last_either_way() {
        let by_price =
            |descending| Query { sort: Some(Sort { col: Col::Price, descending }), ..Query::default() };
        // Prices: 12.40, 47.1825, (holding: none), 0, 20.50, 21.00.
        assert_eq!(run(&by_price(false)), [3, 0, 4, 5, 1, 2]);
        assert_eq!(run(&by_price(true)), [1, 5, 4, 0, 3, 2]);
    }

    #[test]
    fn text_and_dates_sort_and_ties_keep_input_order() {
        let sort = |col, descending| Query { sort: Some(Sort { col, descending }), ..Query::default() };
        // Issuers: EXAMPLE WIDGETS (rows 0-3) before SAMPLE GADGETS (4-5).
        assert_eq!(run(&sort(Col::Issuer, true)), [4, 5, 0, 1, 2, 3]);
        // Dates: 2024-03-14 ×3 (rows 0, 1, 3), 2024-05-02, 2024-05-03; the holding has none.
        assert_eq!(run(&sort(Col::Date, true)), [5, 4, 0, 1, 3, 2]);
        assert_eq!(run(&sort(Col::Code, false)), [0, 3, 4, 5, 1, 2]);
    }

    #[test]
    fn sorting_applies_to_the_filtered_rows() {
        let query = Query {
            codes: "P".into(),
            sort: Some(Sort { col: Col::Shares, descending: false }),
            ..Query::default()
        };
        assert_eq!(run(&query), [5, 4]);
    }

    #[test]
    fn needles_ignore_case_beyond_ascii() {
        assert!(Needle::new("ÉCOLE").found_in("Une école"));
        assert!(Needle::new("abc").found_in("xxABCxx"));
        assert!(!Needle::new("abd").found_in("xxABCxx"));
    }
}
