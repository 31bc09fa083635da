//! [`Figure`]: a derived number, exact, with the inferred cells it rests on.
//!
//! Arithmetic is checked: an overflow gives `None`, which callers turn into
//! a [`Code::ArithmeticOverflow`](crate::diagnostic::Code::ArithmeticOverflow)
//! diagnostic; a missing value is `None` too (unknown, never zero).

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::model::{CellRef, Field, Num};

/// A derived figure (a value, a total, an average) and the cells whose
/// values were inferred rather than read, on which it rests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The value (serialized as a decimal string).
    pub value: Decimal,
    /// Inferred cells this figure depends on; empty when everything was read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inferred_from: Vec<CellRef>,
}

impl Figure {
    /// A figure from read values only.
    pub fn exact(value: Decimal) -> Figure {
        Figure { value, inferred_from: Vec::new() }
    }

    /// The value of a numeric cell at `at`, if it has one.
    pub fn of(field: &Field<Num>, at: CellRef) -> Option<Figure> {
        let value = field.decimal()?;
        let inferred_from = if field.is_inferred() { vec![at] } else { Vec::new() };
        Some(Figure { value, inferred_from })
    }

    /// Whether the figure rests on an inferred value.
    pub fn is_inferred(&self) -> bool {
        !self.inferred_from.is_empty()
    }

    fn with(&self, other: &Figure, value: Decimal) -> Figure {
        let mut inferred_from = self.inferred_from.clone();
        for cell in &other.inferred_from {
            if !inferred_from.contains(cell) {
                inferred_from.push(*cell);
            }
        }
        Figure { value, inferred_from }
    }

    /// `self + other`, or `None` on overflow.
    pub fn add(&self, other: &Figure) -> Option<Figure> {
        Some(self.with(other, self.value.checked_add(other.value)?))
    }

    /// `self − other`, or `None` on overflow.
    pub fn sub(&self, other: &Figure) -> Option<Figure> {
        Some(self.with(other, self.value.checked_sub(other.value)?))
    }

    /// `self × other`, or `None` on overflow.
    pub fn mul(&self, other: &Figure) -> Option<Figure> {
        Some(self.with(other, self.value.checked_mul(other.value)?))
    }

    /// `self ÷ other` rounded to `dp` decimal places (half away from zero),
    /// or `None` when `other` is zero or on overflow.
    pub fn div(&self, other: &Figure, dp: u32) -> Option<Figure> {
        let q = self.value.checked_div(other.value)?;
        Some(
            self.with(
                other,
                q.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero).normalize(),
            ),
        )
    }

    /// The negated figure.
    pub fn neg(&self) -> Figure {
        Figure { value: -self.value, inferred_from: self.inferred_from.clone() }
    }
}

/// A running total that stays `None` once an addend is unknown or the sum overflows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Total {
    sum: Option<Figure>,
    /// Whether an addition overflowed.
    pub(crate) overflowed: bool,
}

impl Total {
    pub(crate) fn zero() -> Total {
        Total { sum: Some(Figure::exact(Decimal::ZERO)), overflowed: false }
    }

    /// Add `figure`; `None` (unknown) makes the total unknown.
    pub(crate) fn add(&mut self, figure: Option<&Figure>) {
        self.sum = match (self.sum.take(), figure) {
            (Some(sum), Some(f)) => {
                let next = sum.add(f);
                self.overflowed |= next.is_none();
                next
            }
            _ => None,
        };
    }

    pub(crate) fn get(&self) -> Option<Figure> {
        self.sum.clone()
    }
}

/// A number for messages: thousands separators, no trailing zeros.
pub fn display(value: Decimal) -> String {
    grouped(value.normalize())
}

/// A money amount for messages: `$1,234.50` (at least two decimals).
pub fn dollars(value: Decimal) -> String {
    let mut v = value.normalize();
    if v.scale() < 2 {
        v.rescale(2);
    }
    let text = grouped(v);
    match text.strip_prefix('-') {
        Some(rest) => format!("-${rest}"),
        None => format!("${text}"),
    }
}

fn grouped(value: Decimal) -> String {
    let text = value.to_string();
    let (sign, digits) = text.strip_prefix('-').map_or(("", text.as_str()), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, InferenceRule, Table};

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn figures_carry_their_inferred_cells() {
        let at = CellRef { table: Table::NonDerivative, row: 1, column: Some(Column::TransactionShares) };
        let shares = Figure::of(
            &Field::inferred(Num::parse("10,000").unwrap(), InferenceRule::HoldingsContinuity),
            at,
        )
        .unwrap();
        let price = Figure::exact(dec("22.5307"));
        let value = shares.mul(&price).unwrap();
        assert_eq!(value.value, dec("225307"));
        assert_eq!(value.inferred_from, [at]);
        assert!(Figure::exact(Decimal::MAX).mul(&Figure::exact(dec("2"))).is_none());
        assert!(price.div(&Figure::exact(Decimal::ZERO), 4).is_none());
        assert_eq!(Figure::exact(dec("1")).div(&Figure::exact(dec("3")), 6).unwrap().value, dec("0.333333"));
    }

    #[test]
    fn totals_become_unknown_not_zero() {
        let mut t = Total::zero();
        t.add(Some(&Figure::exact(dec("5"))));
        assert_eq!(t.get().unwrap().value, dec("5"));
        t.add(None);
        assert_eq!(t.get(), None);
        let mut t = Total::zero();
        t.add(Some(&Figure::exact(Decimal::MAX)));
        t.add(Some(&Figure::exact(Decimal::MAX)));
        assert!(t.overflowed);
    }

    #[test]
    fn numbers_for_messages() {
        assert_eq!(display(dec("1234567.50")), "1,234,567.5");
        assert_eq!(display(dec("-1000")), "-1,000");
        assert_eq!(dollars(dec("22.5")), "$22.50");
        assert_eq!(dollars(dec("177307.0000")), "$177,307.00");
        assert_eq!(dollars(dec("22.5307")), "$22.5307");
        assert_eq!(dollars(dec("-3")), "-$3.00");
    }
}
