//! Exercise-and-sale: each exercise or conversion in Table II (codes M, X,
//! O, C) is linked to the Table I row that records the shares it brought in,
//! and to the same day's sales, withholdings and dispositions to the issuer
//! (codes S, F, D) of those shares. The spread is what the sold shares
//! fetched above the exercise price: Σ shares sold × (sale price − exercise price).
//!
//! Sales are shared out among the day's exercises in row order, each sale
//! row's shares used once. Not supported: sales on a later day than the
//! exercise (they are not linked), and exercises paid for with other
//! securities (the spread assumes a cash exercise price).

use serde::Serialize;

use super::figure::Figure;
use super::values::normalize_title;
use super::{cell_ref, overflow, row_index, row_ref};
use crate::diagnostic::Diagnostic;
use crate::model::{AcquiredDisposed, Column, Date, Filing, Row, RowKind, Table, TransactionCode};

/// An exercise or conversion, its Table I counterpart and the sales it funded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExercisePair {
    /// The Table II row of the exercise or conversion.
    pub derivative_row: u32,
    /// M, X, O or C.
    pub code: TransactionCode,
    /// The transaction date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The derivative security, e.g. "Stock Option (right to buy)".
    pub derivative_title: String,
    /// Derivative securities exercised or converted.
    pub derivatives: Option<Figure>,
    /// The exercise or conversion price.
    pub exercise_price: Option<Figure>,
    /// The Table I row recording the shares acquired, when found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterpart_row: Option<u32>,
    /// Shares acquired (the Table I row's amount; else the underlying shares).
    pub shares_acquired: Option<Figure>,
    /// Same-day sales of those shares.
    pub sales: Vec<SaleLeg>,
    /// Shares of the sales set against this exercise.
    pub shares_sold: Option<Figure>,
    /// Weighted-average price of those sales (6 decimals).
    pub average_sale_price: Option<Figure>,
    /// Σ shares sold × (sale price − exercise price).
    pub spread: Option<Figure>,
    /// Derivative securities still held after the exercise (Table II's holdings after).
    pub derivatives_remaining: Option<Figure>,
}

/// A sale (S), withholding (F) or disposition to the issuer (D) set against an exercise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SaleLeg {
    /// The Table I row.
    pub row: u32,
    /// S, F or D.
    pub code: TransactionCode,
    /// Shares of this row set against the exercise; unknown when the row's amount is.
    pub shares: Option<Figure>,
    /// The row's price per share.
    pub price: Option<Figure>,
}

fn is_exercise(code: TransactionCode) -> bool {
    matches!(code, TransactionCode::M | TransactionCode::X | TransactionCode::O | TransactionCode::C)
}

fn is_sale(code: TransactionCode) -> bool {
    matches!(code, TransactionCode::S | TransactionCode::F | TransactionCode::D)
}

/// How well two titles match: 2 equal, 1 one contains the other, 0 not at all.
fn title_match(a: &str, b: &str) -> u8 {
    let (a, b) = (normalize_title(a), normalize_title(b));
    if a.is_empty() || b.is_empty() {
        0
    } else if a == b {
        2
    } else if a.contains(&b) || b.contains(&a) {
        1
    } else {
        0
    }
}

fn direction_is(row: &Row, wanted: AcquiredDisposed) -> bool {
    row.transaction_acquired_disposed_code.value.is_none_or(|d| d == wanted)
}

/// Link the exercises of `filing` to their counterparts and sales.
pub(crate) fn pairs(filing: &Filing, diags: &mut Vec<Diagnostic>) -> Vec<ExercisePair> {
    let table1 = &filing.non_derivative_table;
    let mut counterpart_used = vec![false; table1.len()];
    // Shares of each sale row not yet set against an exercise (None: unknown amount).
    let mut sale_left: Vec<Option<Figure>> = table1
        .iter()
        .enumerate()
        .map(|(i, r)| {
            Figure::of(&r.transaction_shares, cell_ref(Table::NonDerivative, i, Column::TransactionShares))
        })
        .collect();
    let mut sale_touched = vec![false; table1.len()];
    let mut out = Vec::new();
    for (d, row) in filing.derivative_table.iter().enumerate() {
        let Some(code) = row.transaction_code.value.filter(|&c| is_exercise(c)) else { continue };
        if row.kind != RowKind::Transaction || !direction_is(row, AcquiredDisposed::Disposed) {
            continue;
        }
        let at = |c| cell_ref(Table::Derivative, d, c);
        let date = row.transaction_date.value;
        let derivatives = Figure::of(&row.transaction_shares, at(Column::TransactionShares));
        let underlying = Figure::of(&row.underlying_security_shares, at(Column::UnderlyingSecurityShares));
        let underlying_title = row.underlying_security_title.text();

        // The Table I acquisition of the same day and code.
        let counterpart = table1
            .iter()
            .enumerate()
            .filter(|&(i, r)| {
                !counterpart_used[i]
                    && r.kind == RowKind::Transaction
                    && r.transaction_code.value == Some(code)
                    && r.transaction_date.value == date
                    && direction_is(r, AcquiredDisposed::Acquired)
            })
            .max_by_key(|&(i, r)| {
                let shares = r.transaction_shares.decimal();
                let same_amount = shares.is_some()
                    && (shares == underlying.as_ref().map(|f| f.value)
                        || shares == derivatives.as_ref().map(|f| f.value));
                (
                    u8::from(same_amount),
                    title_match(r.security_title.text(), underlying_title),
                    std::cmp::Reverse(i),
                )
            })
            .map(|(i, _)| i);
        if let Some(i) = counterpart {
            counterpart_used[i] = true;
        }
        let counterpart_row = counterpart.and_then(|i| table1.get(i).map(|r| (i, r)));
        let shares_acquired = counterpart_row
            .and_then(|(i, r)| {
                Figure::of(
                    &r.transaction_shares,
                    cell_ref(Table::NonDerivative, i, Column::TransactionShares),
                )
            })
            .or_else(|| underlying.clone())
            .or_else(|| derivatives.clone());
        let exercise_price =
            Figure::of(&row.conversion_or_exercise_price, at(Column::ConversionOrExercisePrice)).or_else(
                || {
                    counterpart_row.and_then(|(i, r)| {
                        Figure::of(
                            &r.transaction_price_per_share,
                            cell_ref(Table::NonDerivative, i, Column::TransactionPricePerShare),
                        )
                    })
                },
            );
        let share_title = counterpart_row.map_or(underlying_title, |(_, r)| r.security_title.text());

        // The same day's sales of the same security, in row order.
        let mut need = shares_acquired.clone();
        let mut sales = Vec::new();
        for (i, r) in table1.iter().enumerate() {
            let Some(sale_code) = r.transaction_code.value.filter(|&c| is_sale(c)) else { continue };
            let fits = r.kind == RowKind::Transaction
                && r.transaction_date.value == date
                && date.is_some()
                && direction_is(r, AcquiredDisposed::Disposed)
                && (share_title.trim().is_empty() || title_match(r.security_title.text(), share_title) > 0);
            if !fits || need.as_ref().is_some_and(|n| n.value.is_zero()) {
                continue;
            }
            let Some(slot) = sale_left.get_mut(i) else { continue };
            let price = Figure::of(
                &r.transaction_price_per_share,
                cell_ref(Table::NonDerivative, i, Column::TransactionPricePerShare),
            );
            let taken = match (slot.as_ref(), need.as_ref()) {
                (Some(left), _) if left.value.is_zero() => continue,
                (Some(left), Some(n)) => {
                    let take = if left.value <= n.value {
                        left.clone()
                    } else {
                        Figure { value: n.value, inferred_from: left.inferred_from.clone() }
                    };
                    *slot = left.sub(&take);
                    need = n.sub(&take);
                    Some(take)
                }
                // An unknown amount (or need): the row is linked, the shares are unknown.
                _ => {
                    if sale_touched.get(i) == Some(&true) {
                        continue;
                    }
                    need = None;
                    None
                }
            };
            if let Some(t) = sale_touched.get_mut(i) {
                *t = true;
            }
            sales.push(SaleLeg { row: row_index(i), code: sale_code, shares: taken, price });
        }
        let (shares_sold, average_sale_price, spread) = sale_totals(&sales, exercise_price.as_ref());
        let all_known =
            exercise_price.is_some() && sales.iter().all(|l| l.shares.is_some() && l.price.is_some());
        if all_known && !sales.is_empty() && (spread.is_none() || average_sale_price.is_none()) {
            let cells = std::iter::once(row_ref(Table::Derivative, d))
                .chain(sales.iter().map(|l| row_ref(Table::NonDerivative, l.row as usize)));
            diags.push(overflow(
                &format!("the spread of the exercise in {}", super::row_label(Table::Derivative, d)),
                cells,
            ));
        }
        out.push(ExercisePair {
            derivative_row: row_index(d),
            code,
            date,
            derivative_title: row.security_title.text().trim().to_owned(),
            derivatives,
            exercise_price,
            counterpart_row: counterpart.map(row_index),
            shares_acquired,
            sales,
            shares_sold,
            average_sale_price,
            spread,
            derivatives_remaining: Figure::of(
                &row.shares_owned_following_transaction,
                at(Column::SharesOwnedFollowingTransaction),
            ),
        });
    }
    out
}

/// Shares sold, their weighted-average price and the spread; each unknown
/// when a needed amount or price is.
fn sale_totals(
    sales: &[SaleLeg],
    exercise_price: Option<&Figure>,
) -> (Option<Figure>, Option<Figure>, Option<Figure>) {
    if sales.is_empty() {
        return (None, None, None);
    }
    let mut shares = Some(Figure::exact(rust_decimal::Decimal::ZERO));
    let mut proceeds = shares.clone();
    let mut spread = shares.clone();
    for leg in sales {
        let value = leg.shares.as_ref().zip(leg.price.as_ref()).and_then(|(s, p)| s.mul(p));
        let gain = leg
            .shares
            .as_ref()
            .zip(leg.price.as_ref())
            .zip(exercise_price)
            .and_then(|((s, p), e)| s.mul(&p.sub(e)?));
        shares = shares.zip(leg.shares.as_ref()).and_then(|(t, s)| t.add(s));
        proceeds = proceeds.zip(value).and_then(|(t, v)| t.add(&v));
        spread = spread.zip(gain).and_then(|(t, g)| t.add(&g));
    }
    let average = shares.as_ref().zip(proceeds.as_ref()).and_then(|(s, p)| p.div(s, 6));
    (shares, average, spread)
}
