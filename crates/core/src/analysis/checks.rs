//! Consistency checks on one filing, each a diagnostic naming its cells:
//! acquired/disposed against the transaction code, date exercisable against
//! expiration, the order of transaction, signature and filing dates,
//! implausible values, footnotes referenced but not defined (or defined and
//! never referenced), and prices against the range a footnote states for a
//! weighted average.

use rust_decimal::Decimal;
use serde::Serialize;

use super::deadline::{FilingDate, FilingDateSource};
use super::figure::{display, dollars};
use super::prose::price_ranges;
use super::{cell_ref, footnotes_of, row_label};
use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{
    AcquiredDisposed, CellRef, Column, Date, Filing, Footnote, FootnoteId, ImpliedDirection, Row, RowKind,
    Table, TransactionCode,
};

/// Acquired/disposed that contradicts the code.
pub(crate) fn direction(table: Table, index: usize, row: &Row, diags: &mut Vec<Diagnostic>) {
    let (Some(code), Some(direction)) =
        (row.transaction_code.value, row.transaction_acquired_disposed_code.value)
    else {
        return;
    };
    // Only a code with one direction contradicts: an exercise in Table II may
    // acquire another derivative (Class B shares convertible into Class A).
    let Some(ImpliedDirection::Always(expected)) = code.implied_direction(table) else { return };
    if direction == expected {
        return;
    }
    let words = |d: AcquiredDisposed| match d {
        AcquiredDisposed::Acquired => "acquired (A)",
        AcquiredDisposed::Disposed => "disposed of (D)",
    };
    diags.push(
        Diagnostic::new(
            Code::DirectionMismatch,
            row.transaction_acquired_disposed_code.span,
            format!(
                "{}: code {code} ({}) means securities {}, but the row says {}",
                row_label(table, index),
                code.description(),
                words(expected),
                words(direction)
            ),
        )
        .with_cells([
            cell_ref(table, index, Column::TransactionCode),
            cell_ref(table, index, Column::TransactionAcquiredDisposedCode),
        ]),
    );
}

/// A date exercisable after the expiration date.
pub(crate) fn exercisable(table: Table, index: usize, row: &Row, diags: &mut Vec<Diagnostic>) {
    let (Some(exercisable), Some(expiration)) = (row.exercise_date.value, row.expiration_date.value) else {
        return;
    };
    if exercisable <= expiration {
        return;
    }
    diags.push(
        Diagnostic::new(
            Code::ExercisableAfterExpiration,
            row.exercise_date.span,
            format!(
                "{}: exercisable from {exercisable}, after it expires on {expiration}",
                row_label(table, index)
            ),
        )
        .with_cells([
            cell_ref(table, index, Column::ExerciseDate),
            cell_ref(table, index, Column::ExpirationDate),
        ]),
    );
}

/// Transaction after the signature or the filing; deemed execution before the transaction.
pub(crate) fn date_order(filing: &Filing, filed: Option<FilingDate>, diags: &mut Vec<Diagnostic>) {
    let signed = filing.signatures.iter().filter_map(|s| s.date.value).max();
    let filed = filed.filter(|f| f.source != FilingDateSource::Signature);
    for table in [Table::NonDerivative, Table::Derivative] {
        for (i, row) in filing.table(table).iter().enumerate() {
            let Some(date) = row.transaction_date.value.filter(|_| row.kind == RowKind::Transaction) else {
                continue;
            };
            let cell = cell_ref(table, i, Column::TransactionDate);
            let mut order = |later: Date, what: &str| {
                if date > later {
                    diags.push(
                        Diagnostic::new(
                            Code::DateOrder,
                            row.transaction_date.span,
                            format!(
                                "{}: the transaction date {date} is after {what} {later}",
                                row_label(table, i)
                            ),
                        )
                        .with_cells([cell]),
                    );
                }
            };
            if let Some(s) = signed {
                order(s, "the signature date");
            }
            if let Some(f) = filed {
                order(f.date, "the filing date");
            }
            if let Some(deemed) = row.deemed_execution_date.value.filter(|&d| d < date) {
                diags.push(
                    Diagnostic::new(
                        Code::DateOrder,
                        row.deemed_execution_date.span,
                        format!(
                            "{}: the deemed execution date {deemed} is before the transaction date {date}",
                            row_label(table, i)
                        ),
                    )
                    .with_cells([cell, cell_ref(table, i, Column::DeemedExecutionDate)]),
                );
            }
        }
    }
    if let (Some(s), Some(f)) = (signed, filed)
        && s > f.date
    {
        let span = filing.signatures.iter().find(|x| x.date.value == Some(s)).and_then(|x| x.date.span);
        diags.push(Diagnostic::new(
            Code::DateOrder,
            span,
            format!("the signature date {s} is after the filing date {}", f.date),
        ));
    }
}

/// Limits beyond which a value is implausible.
const MAX_SHARES: i64 = 100_000_000_000;
const MAX_PRICE: i64 = 10_000_000;
const MAX_VALUE: i64 = 1_000_000_000_000;

/// Negative amounts, absurd sizes, dates before the Exchange Act or after today.
pub(crate) fn implausible(
    table: Table,
    index: usize,
    row: &Row,
    value: Option<Decimal>,
    today: Option<Date>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut flag = |column: Column, span, what: String| {
        diags.push(
            Diagnostic::new(Code::ImplausibleValue, span, format!("{}: {what}", row_label(table, index)))
                .with_help("check the value against the filing; a misplaced decimal point or a shifted column is common")
                .with_cells([cell_ref(table, index, column)]),
        );
    };
    let shares_like = [
        Column::TransactionShares,
        Column::SharesOwnedFollowingTransaction,
        Column::UnderlyingSecurityShares,
    ];
    for column in Column::ALL {
        if let crate::model::Cell::Num(field) = row.cell(column)
            && let Some(v) = field.decimal()
        {
            let label = column.label().to_ascii_lowercase();
            if v.is_sign_negative() && !v.is_zero() {
                flag(column, field.span, format!("{label} is negative ({})", display(v)));
            } else if shares_like.contains(&column) && v > Decimal::from(MAX_SHARES) {
                flag(column, field.span, format!("{label} of {} is more than 100 billion", display(v)));
            } else if column == Column::TransactionPricePerShare
                && table == Table::NonDerivative
                && v > Decimal::from(MAX_PRICE)
            {
                flag(column, field.span, format!("a price of {} per share", dollars(v)));
            }
        }
    }
    if let Some(v) = value.filter(|v| *v >= Decimal::from(MAX_VALUE)) {
        let span = row.transaction_price_per_share.span;
        flag(
            Column::TransactionPricePerShare,
            span,
            format!("shares × price comes to {}, a trillion dollars or more", dollars(v)),
        );
    }
    let earliest = Date::from_ymd(1934, 6, 6);
    for column in [Column::TransactionDate, Column::DeemedExecutionDate] {
        if let crate::model::Cell::Date(field) = row.cell(column)
            && let Some(d) = field.value
        {
            if earliest.is_some_and(|e| d < e) {
                flag(
                    column,
                    field.span,
                    format!("the date {d} is before the Securities Exchange Act of 1934"),
                );
            } else if today.is_some_and(|t| d > t) {
                flag(column, field.span, format!("the date {d} is in the future"));
            }
        }
    }
}

/// Footnotes referenced but not defined, and defined but not referenced.
pub(crate) fn footnotes(filing: &Filing, diags: &mut Vec<Diagnostic>) {
    let mut referenced: Vec<(&FootnoteId, CellRef)> = Vec::new();
    for table in [Table::NonDerivative, Table::Derivative] {
        for (i, row) in filing.table(table).iter().enumerate() {
            for column in Column::ALL {
                for id in footnotes_of(row, column) {
                    referenced.push((id, cell_ref(table, i, column)));
                }
            }
        }
    }
    let mut reported: Vec<&FootnoteId> = Vec::new();
    for (id, _) in &referenced {
        if filing.footnote(id).is_some() || reported.contains(id) {
            continue;
        }
        reported.push(id);
        let cells: Vec<CellRef> = referenced.iter().filter(|(r, _)| r == id).map(|(_, c)| *c).collect();
        let places: Vec<String> = cells.iter().map(|c| row_label(c.table, c.row as usize)).collect();
        diags.push(
            Diagnostic::new(
                Code::FootnoteUndefined,
                None,
                format!("footnote {id} is referenced ({}) but not defined", dedup(places).join(", ")),
            )
            .with_cells(cells),
        );
    }
    for footnote in &filing.footnotes {
        if !referenced.iter().any(|(id, _)| **id == footnote.id) {
            diags.push(
                Diagnostic::new(
                    Code::FootnoteUnused,
                    footnote.text.span,
                    format!(
                        "footnote {} is defined but no table cell refers to it: {}",
                        footnote.id,
                        quote(footnote.text.text())
                    ),
                )
                .with_help(
                    "it may concern the header or the signature, or its marks were lost in this rendering",
                ),
            );
        }
    }
}

fn dedup(mut items: Vec<String>) -> Vec<String> {
    let mut seen = Vec::new();
    items.retain(|i| {
        let new = !seen.contains(i);
        if new {
            seen.push(i.clone());
        }
        new
    });
    items
}

/// A price checked against the range a footnote states.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriceRange {
    /// The footnote that states the range.
    pub footnote: FootnoteId,
    /// The lowest price of the range.
    pub low: Decimal,
    /// The highest price.
    pub high: Decimal,
    /// Whether the reported price lies within it (inclusive).
    pub within: bool,
    /// Whether the footnote was applied by its wording because no cell
    /// refers to it (its mark was lost in a rendering).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub by_wording: bool,
}

/// Which side of the market a footnote speaks of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Sale,
    Purchase,
    Unknown,
}

fn side(text: &str) -> Side {
    let lower = text.to_ascii_lowercase();
    let sale = lower.contains("sold") || lower.contains("sale");
    let purchase = lower.contains("purchase") || lower.contains("bought");
    match (sale, purchase) {
        (true, false) => Side::Sale,
        (false, true) => Side::Purchase,
        _ => Side::Unknown,
    }
}

fn speaks_of_a_range(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "weighted average",
        "weighted-average",
        "multiple transactions",
        "multiple trades",
        "ranging",
        "range of",
        "between",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// The price of a transaction against the range its footnotes state: a
/// footnote on the price cell counts; one on another cell only when it speaks
/// of the row's side (a sale footnote for a disposition, a purchase footnote
/// for an acquisition, either for codes S and P). When none of the row's
/// footnotes states a range, a footnote no cell refers to (its mark lost in
/// a rendering) counts when it speaks of the row's side.
/// The footnotes no cell refers to that state a price range for a known side
/// (found once per filing, so that each row does not scan every footnote).
pub(crate) fn range_footnotes<'a>(orphans: &[&'a Footnote]) -> Vec<&'a Footnote> {
    let states_range = |f: &&&Footnote| {
        f.text.value.as_deref().is_some_and(|text| side(text) != Side::Unknown && speaks_of_a_range(text))
    };
    orphans.iter().filter(states_range).copied().collect()
}

/// `orphans` are the footnotes no cell refers to that state a range
/// ([`range_footnotes`]).
pub(crate) fn price_range(
    filing: &Filing,
    orphans: &[&Footnote],
    table: Table,
    index: usize,
    row: &Row,
    diags: &mut Vec<Diagnostic>,
) -> Option<PriceRange> {
    let price = row.transaction_price_per_share.decimal().filter(|_| row.kind == RowKind::Transaction)?;
    let on_price = &row.transaction_price_per_share.footnotes;
    let elsewhere = Column::ALL
        .iter()
        .filter(|&&c| c != Column::TransactionPricePerShare)
        .flat_map(|&c| footnotes_of(row, c).iter());
    let by_side = |text: &str| {
        let disposed = row.transaction_acquired_disposed_code.value == Some(AcquiredDisposed::Disposed);
        let acquired = row.transaction_acquired_disposed_code.value == Some(AcquiredDisposed::Acquired);
        match side(text) {
            Side::Sale => disposed,
            Side::Purchase => acquired,
            Side::Unknown => {
                matches!(row.transaction_code.value, Some(TransactionCode::S | TransactionCode::P))
            }
        }
    };
    let mut first: Option<PriceRange> = None;
    let mut seen: Vec<&FootnoteId> = Vec::new();
    let own = on_price.iter().chain(elsewhere).filter_map(|id| filing.footnote(id));
    // The row's own footnotes; failing those, footnotes no cell refers to,
    // read for the side they speak of (a sale range for a sale).
    for (footnote, by_wording) in own.map(|f| (f, false)).chain(orphans.iter().map(|&f| (f, true))) {
        if by_wording && first.is_some() || seen.contains(&&footnote.id) {
            continue;
        }
        seen.push(&footnote.id);
        let Some(text) = footnote.text.value.as_deref() else { continue };
        let applies = if by_wording {
            side(text) != Side::Unknown && by_side(text)
        } else {
            on_price.contains(&footnote.id) || by_side(text)
        };
        if !speaks_of_a_range(text) || !applies {
            continue;
        }
        for range in price_ranges(text) {
            let within = range.low <= price && price <= range.high;
            let found = PriceRange {
                footnote: footnote.id.clone(),
                low: range.low,
                high: range.high,
                within,
                by_wording,
            };
            if within {
                return Some(found);
            }
            first.get_or_insert(found);
        }
    }
    let outside = first?;
    diags.push(
        Diagnostic::new(
            Code::PriceOutsideRange,
            row.transaction_price_per_share.span,
            format!(
                "{}: the price {} is outside the range {} to {} that footnote {} states{}",
                row_label(table, index),
                dollars(price),
                dollars(outside.low),
                dollars(outside.high),
                outside.footnote,
                if outside.by_wording {
                    " (no cell refers to it: it was applied by its wording)"
                } else {
                    ""
                }
            ),
        )
        .with_help("a weighted-average price must lie within the range of the individual prices")
        .with_cells([cell_ref(table, index, Column::TransactionPricePerShare)]),
    );
    Some(outside)
}
