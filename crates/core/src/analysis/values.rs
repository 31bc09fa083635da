//! What the rows add up to: each transaction's value (shares × price), and
//! per position — one security held one way (directly, or indirectly through
//! one nature of ownership) — the shares acquired and disposed, the net
//! change, values, weighted-average purchase and sale prices, holdings before
//! and after, and the change in percent. The same walk checks holdings
//! continuity: the holdings after one row, plus or minus the next row's
//! amount, must equal the holdings after the next row.
//!
//! Positions are told apart by security title, direct or indirect, the
//! nature of ownership and the footnotes on it (funds reported as "See
//! footnote" differ only there), and in Table II also by exercise price,
//! date exercisable and expiration date with their footnotes (two grants are
//! two positions). Table II values (derivatives × the derivative's price) are
//! notional — a grant's $0, a model value — except for open-market or
//! private purchases and sales (P, S), where the price was paid. Unknown
//! amounts make the figures that need them unknown, never zero.

use rust_decimal::Decimal;
use serde::Serialize;

use super::figure::{Figure, Total, display};
use super::{cell_ref, overflow, row_index, row_label};
use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{
    AcquiredDisposed, CellRef, Column, Date, DirectIndirect, Filing, FootnoteId, Row, RowKind, Table,
    TransactionCode,
};

/// How a row's value was worked out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueBasis {
    /// Shares (or derivative securities) × price per share.
    SharesTimesPrice,
    /// The transaction's total value as reported (Table II swaps and the like).
    TotalValue,
}

/// The value of one transaction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowValue {
    /// The value in dollars.
    pub value: Figure,
    /// Whether the value is notional: in Table II, other than for purchases
    /// and sales (P, S), the price is the derivative's own (often $0 for a
    /// grant), not cash that changed hands.
    pub notional: bool,
    /// How it was worked out.
    pub basis: ValueBasis,
}

/// The value of the transaction in row `index` of `table`, if its amounts are known.
pub(crate) fn row_value(
    table: Table,
    index: usize,
    row: &Row,
    diags: &mut Vec<Diagnostic>,
) -> Option<RowValue> {
    if row.kind != RowKind::Transaction {
        return None;
    }
    let traded = matches!(row.transaction_code.value, Some(TransactionCode::P | TransactionCode::S));
    let notional = table == Table::Derivative && !traded;
    let at = |c| cell_ref(table, index, c);
    let shares = Figure::of(&row.transaction_shares, at(Column::TransactionShares));
    let price = Figure::of(&row.transaction_price_per_share, at(Column::TransactionPricePerShare));
    match (shares, price) {
        (Some(shares), Some(price)) => match shares.mul(&price) {
            Some(value) => Some(RowValue { value, notional, basis: ValueBasis::SharesTimesPrice }),
            None => {
                let cells = [at(Column::TransactionShares), at(Column::TransactionPricePerShare)];
                diags.push(overflow(&format!("the value of {}", row_label(table, index)), cells));
                None
            }
        },
        _ => Figure::of(&row.transaction_total_value, at(Column::TransactionTotalValue))
            .map(|value| RowValue { value, notional, basis: ValueBasis::TotalValue }),
    }
}

/// One security held one way, and what the filing's rows did to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    /// The table.
    pub table: Table,
    /// The security's title, as the first row writes it.
    pub security_title: String,
    /// Direct or indirect, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership: Option<DirectIndirect>,
    /// The nature of indirect ownership, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nature_of_ownership: Option<String>,
    /// Table II: the exercise or conversion price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversion_or_exercise_price: Option<Decimal>,
    /// Table II: the expiration date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<Date>,
    /// The rows of the position (0-based, in input order).
    pub rows: Vec<u32>,
    /// What the transactions moved: shares, dollars, average prices.
    #[serde(flatten)]
    pub flows: Flows,
    /// Transactions left out of the values: no price (or amount) reported.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unvalued_rows: Vec<u32>,
    /// Holdings before the first transaction.
    pub owned_before: Option<Figure>,
    /// Holdings after the last row.
    pub owned_after: Option<Figure>,
    /// Net change as a percentage of the holdings before (2 decimals);
    /// unknown when there were none before.
    pub change_percent: Option<Figure>,
    /// Cells whose values are missing, which leave figures unknown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<CellRef>,
}

/// What a set of transactions moved: shares and dollars acquired and
/// disposed, and the weighted-average prices of the purchases (code P) and
/// sales (code S). Amounts are unknown (`None`) when one of them is; values
/// cover the transactions that have a price.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Flows {
    /// Shares acquired (A rows).
    pub acquired: Option<Figure>,
    /// Shares disposed of (D rows).
    pub disposed: Option<Figure>,
    /// Acquired − disposed.
    pub net_change: Option<Figure>,
    /// Dollar value of the acquisitions that have a price.
    pub acquired_value: Option<Figure>,
    /// Dollar value of the dispositions that have a price.
    pub disposed_value: Option<Figure>,
    /// Acquired value − disposed value.
    pub net_value: Option<Figure>,
    /// Weighted-average price of the purchases (code P), 6 decimals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_purchase_price: Option<Figure>,
    /// Weighted-average price of the sales (code S), 6 decimals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_sale_price: Option<Figure>,
    /// Whether a value counted is notional (see [`RowValue::notional`]).
    pub notional: bool,
}

/// Running sums behind [`Flows`].
pub(crate) struct FlowSums {
    acquired: Total,
    disposed: Total,
    acquired_value: Total,
    disposed_value: Total,
    purchases: (Total, Total),
    sales: (Total, Total),
    notional: bool,
}

impl FlowSums {
    pub(crate) fn new() -> FlowSums {
        FlowSums {
            acquired: Total::zero(),
            disposed: Total::zero(),
            acquired_value: Total::zero(),
            disposed_value: Total::zero(),
            purchases: (Total::zero(), Total::zero()),
            sales: (Total::zero(), Total::zero()),
            notional: false,
        }
    }

    /// Add one transaction: its code, direction, amount and value (each may be unknown).
    pub(crate) fn add(
        &mut self,
        code: Option<TransactionCode>,
        direction: Option<AcquiredDisposed>,
        shares: Option<&Figure>,
        value: Option<&RowValue>,
    ) {
        self.notional |= value.is_some_and(|v| v.notional);
        let value = value.map(|v| &v.value);
        let (amount, dollars) = match direction {
            Some(AcquiredDisposed::Acquired) => (&mut self.acquired, &mut self.acquired_value),
            Some(AcquiredDisposed::Disposed) => (&mut self.disposed, &mut self.disposed_value),
            None => {
                self.acquired.add(None);
                self.disposed.add(None);
                return;
            }
        };
        amount.add(shares);
        if value.is_some() {
            dollars.add(value);
        }
        let pool = match code {
            Some(TransactionCode::P) => &mut self.purchases,
            Some(TransactionCode::S) => &mut self.sales,
            _ => return,
        };
        if let (Some(s), Some(v)) = (shares, value) {
            pool.0.add(Some(s));
            pool.1.add(Some(v));
        }
    }

    /// The flows, and whether a sum overflowed.
    pub(crate) fn finish(&self) -> (Flows, bool) {
        let totals = [&self.acquired, &self.disposed, &self.acquired_value, &self.disposed_value];
        let pools = [&self.purchases.0, &self.purchases.1, &self.sales.0, &self.sales.1];
        let mut overflowed = totals.iter().chain(pools.iter()).any(|t| t.overflowed);
        let mut net = |a: Option<Figure>, d: Option<Figure>| {
            let n = a.zip(d).map(|(a, d)| a.sub(&d));
            overflowed |= n.as_ref().is_some_and(Option::is_none);
            n.flatten()
        };
        let net_change = net(self.acquired.get(), self.disposed.get());
        let net_value = net(self.acquired_value.get(), self.disposed_value.get());
        let average = |(shares, value): &(Total, Total)| match (shares.get(), value.get()) {
            (Some(s), Some(v)) if !s.value.is_zero() => v.div(&s, 6),
            _ => None,
        };
        let flows = Flows {
            acquired: self.acquired.get(),
            disposed: self.disposed.get(),
            net_change,
            acquired_value: self.acquired_value.get(),
            disposed_value: self.disposed_value.get(),
            net_value,
            average_purchase_price: average(&self.purchases),
            average_sale_price: average(&self.sales),
            notional: self.notional,
        };
        (flows, overflowed)
    }
}

/// What tells positions apart: the security, the ownership (with the
/// footnotes that say which entity holds it, as "See footnote" natures do),
/// and for Table II the terms of the grant (exercise price and dates, with
/// their footnotes: two RSU grants differ only there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Key {
    title: String,
    ownership: Option<DirectIndirect>,
    nature: String,
    ownership_notes: Vec<FootnoteId>,
    price: Option<Decimal>,
    exercise: (Option<Date>, Vec<FootnoteId>),
    expiration: (Option<Date>, Vec<FootnoteId>),
}

pub(crate) fn key(table: Table, row: &Row) -> Key {
    let derivative = table == Table::Derivative;
    let date = |f: &crate::model::Field<Date>| {
        if derivative { (f.value, f.footnotes.clone()) } else { (None, Vec::new()) }
    };
    let mut ownership_notes = row.nature_of_ownership.footnotes.clone();
    ownership_notes.extend(row.direct_or_indirect_ownership.footnotes.iter().cloned());
    crate::sort::by(&mut ownership_notes, Ord::cmp);
    ownership_notes.dedup();
    Key {
        title: normalize_title(row.security_title.text()),
        ownership: row.direct_or_indirect_ownership.value,
        nature: normalize_title(row.nature_of_ownership.text()),
        ownership_notes,
        price: row.conversion_or_exercise_price.decimal().filter(|_| derivative).map(|d| d.normalize()),
        exercise: date(&row.exercise_date),
        expiration: date(&row.expiration_date),
    }
}

/// A title for comparison: lower case, footnote marks such as `(1)` and
/// punctuation dropped, spaces collapsed.
pub(crate) fn normalize_title(title: &str) -> String {
    let mut out = String::new();
    let mut rest = title;
    while !rest.is_empty() {
        // Drop "(12)" footnote marks.
        if let Some(inner) = rest.strip_prefix('(') {
            let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && inner[digits..].starts_with(')') {
                rest = &inner[digits + 1..];
                continue;
            }
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        rest = chars.as_str();
        if c.is_alphanumeric() {
            out.extend(crate::case::to_lower(c));
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

/// The signed amount of a transaction row: + acquired, − disposed.
fn signed(table: Table, index: usize, row: &Row) -> Option<Figure> {
    let shares = Figure::of(&row.transaction_shares, cell_ref(table, index, Column::TransactionShares))?;
    match row.transaction_acquired_disposed_code.value? {
        AcquiredDisposed::Acquired => Some(shares),
        AcquiredDisposed::Disposed => Some(shares.neg()),
    }
}

/// The positions of both tables, with holdings-continuity diagnostics.
pub(crate) fn positions(filing: &Filing, diags: &mut Vec<Diagnostic>) -> Vec<Position> {
    let mut out = Vec::new();
    for table in [Table::NonDerivative, Table::Derivative] {
        let rows = filing.table(table);
        let mut groups: Vec<(Key, Vec<usize>)> = Vec::new();
        for (index, row) in rows.iter().enumerate() {
            let k = key(table, row);
            match groups.iter_mut().find(|(g, _)| *g == k) {
                Some((_, members)) => members.push(index),
                None => groups.push((k, vec![index])),
            }
        }
        for (_, members) in groups {
            check_continuity(table, rows, &members, diags);
            out.push(position(table, rows, &members, diags));
        }
    }
    out
}

fn position(table: Table, rows: &[Row], members: &[usize], diags: &mut Vec<Diagnostic>) -> Position {
    let at = |i: usize, c| cell_ref(table, i, c);
    let first = members.first().and_then(|&i| rows.get(i));
    let text = |f: &crate::model::Field<String>| {
        f.value.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
    };
    let mut sums = FlowSums::new();
    let mut unvalued_rows = Vec::new();
    let mut unknown = Vec::new();
    // Overflows of row values are reported where the row values are computed.
    let mut reported_elsewhere = Vec::new();
    let transactions: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| rows.get(i).is_some_and(|r| r.kind == RowKind::Transaction))
        .collect();
    for &i in &transactions {
        let Some(row) = rows.get(i) else { continue };
        let shares = Figure::of(&row.transaction_shares, at(i, Column::TransactionShares));
        if shares.is_none() {
            unknown.push(at(i, Column::TransactionShares));
        }
        let direction = row.transaction_acquired_disposed_code.value;
        if direction.is_none() {
            unknown.push(at(i, Column::TransactionAcquiredDisposedCode));
        }
        let value = row_value(table, i, row, &mut reported_elsewhere);
        if value.is_none() {
            unvalued_rows.push(row_index(i));
        }
        sums.add(row.transaction_code.value, direction, shares.as_ref(), value.as_ref());
    }
    let (flows, overflowed) = sums.finish();
    let owned_after = members.last().and_then(|&i| Some((i, rows.get(i)?))).and_then(|(i, r)| {
        Figure::of(&r.shares_owned_following_transaction, at(i, Column::SharesOwnedFollowingTransaction))
    });
    let owned_before = match transactions.first() {
        Some(&i) => rows.get(i).and_then(|r| {
            let after = Figure::of(
                &r.shares_owned_following_transaction,
                at(i, Column::SharesOwnedFollowingTransaction),
            );
            after?.sub(&signed(table, i, r)?)
        }),
        None => owned_after.clone(),
    };
    let change_percent = match (&flows.net_change, &owned_before) {
        (Some(n), Some(b)) if !b.value.is_zero() => {
            n.mul(&Figure::exact(Decimal::ONE_HUNDRED)).and_then(|x| x.div(b, 2))
        }
        _ => None,
    };
    if overflowed {
        let title = first.map(|r| r.security_title.text()).unwrap_or_default();
        let cells = members.iter().map(|&i| super::row_ref(table, i));
        diags.push(overflow(&format!("the totals of {}", quote(title)), cells));
    }
    Position {
        table,
        security_title: first.and_then(|r| text(&r.security_title)).unwrap_or_default(),
        ownership: first.and_then(|r| r.direct_or_indirect_ownership.value),
        nature_of_ownership: first.and_then(|r| text(&r.nature_of_ownership)),
        conversion_or_exercise_price: first
            .filter(|_| table == Table::Derivative)
            .and_then(|r| r.conversion_or_exercise_price.decimal()),
        expiration_date: first.filter(|_| table == Table::Derivative).and_then(|r| r.expiration_date.value),
        rows: members.iter().map(|&i| row_index(i)).collect(),
        flows,
        unvalued_rows,
        owned_before,
        owned_after,
        change_percent,
        unknown,
    }
}

/// Holdings after one transaction ± the next one's amount = holdings after
/// the next one, within one position; a break is a [`Code::HoldingsBreak`].
fn check_continuity(table: Table, rows: &[Row], members: &[usize], diags: &mut Vec<Diagnostic>) {
    let at = |i: usize, c| cell_ref(table, i, c);
    let transactions: Vec<(usize, &Row)> = members
        .iter()
        .filter_map(|&i| Some((i, rows.get(i)?)))
        .filter(|(_, r)| r.kind == RowKind::Transaction)
        .collect();
    for pair in transactions.windows(2) {
        let [(p, prev), (i, row)] = pair else { continue };
        let (Some(before), Some(after), Some(amount)) = (
            prev.shares_owned_following_transaction.decimal(),
            row.shares_owned_following_transaction.decimal(),
            signed(table, *i, row),
        ) else {
            continue;
        };
        let Some(expected) = before.checked_add(amount.value) else { continue };
        if expected == after {
            continue;
        }
        let verb = if amount.value.is_sign_negative() { "minus" } else { "plus" };
        let inferred = [
            &prev.shares_owned_following_transaction,
            &row.transaction_shares,
            &row.shares_owned_following_transaction,
        ]
        .iter()
        .any(|f| f.is_inferred());
        let mut d = Diagnostic::new(
            Code::HoldingsBreak,
            row.shares_owned_following_transaction.span,
            format!(
                "{} ({}): {} owned after {}, {verb} {} in {}, gives {}, but {} reports {} owned after",
                quote(row.security_title.text()),
                super::explain::ownership_words(row),
                display(before),
                row_label(table, *p),
                display(amount.value.abs()),
                row_label(table, *i),
                display(expected),
                row_label(table, *i),
                display(after),
            ),
        )
        .with_help(
            "rows may be out of date order, or the holdings may count other lots; check the amounts and holdings against the filing",
        )
        .with_cells([
            at(*p, Column::SharesOwnedFollowingTransaction),
            at(*i, Column::TransactionShares),
            at(*i, Column::SharesOwnedFollowingTransaction),
        ]);
        if inferred {
            d.message.push_str(" (a value here was inferred)");
        }
        let notes = &row.shares_owned_following_transaction.footnotes;
        if !notes.is_empty() {
            let ids: Vec<&str> = notes.iter().map(FootnoteId::as_str).collect();
            d.message.push_str(&format!("; footnote {} on the holdings may explain it", ids.join(", ")));
        }
        diags.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_compare_without_marks_and_punctuation() {
        assert_eq!(normalize_title("Common Stock (1)"), "common stock");
        assert_eq!(normalize_title(" Class A  Common-Stock, $0.01 par"), "class a common stock 0 01 par");
        assert_eq!(normalize_title("Stock Option (right to buy)"), "stock option right to buy");
    }
}
