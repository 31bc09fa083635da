//! Values a rendering lost, worked out from the values it kept — each by a
//! named [`InferenceRule`], never presented as read.
//!
//! - The transaction form type is the document's form (the `V` column only
//!   prints form type 5), and equity swap involvement is the form's default
//!   "no" (never printed): [`InferenceRule::DocumentFormType`],
//!   [`InferenceRule::RenderingDefault`].
//! - A lost amount follows from the holdings before and after it
//!   ([`InferenceRule::HoldingsContinuity`]), or, for an exercise or
//!   conversion in Table I, from the matching Table II row
//!   ([`InferenceRule::MatchingDerivativeRow`]).
//! - A lost acquired/disposed code follows from the holdings, or from the
//!   transaction code ([`TransactionCode::implied_direction`]): for certain
//!   when the code has one direction ([`InferenceRule::CodeImpliesDirection`]),
//!   as the code's usual direction otherwise
//!   ([`InferenceRule::CodeUsualDirection`]).

use rust_decimal::Decimal;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{
    AcquiredDisposed, Field, Filing, FormType, ImpliedDirection, InferenceRule, Num, Origin, Row, RowKind,
    Table, TransactionCode,
};

/// Fill what can be inferred in a filing read from a lossy rendering.
pub(crate) fn complete(f: &mut Filing, form: Option<FormType>, diags: &mut Vec<Diagnostic>) {
    for table in [Table::NonDerivative, Table::Derivative] {
        let rows = match table {
            Table::NonDerivative => &mut f.non_derivative_table,
            Table::Derivative => &mut f.derivative_table,
        };
        for row in rows.iter_mut().filter(|r| r.kind == RowKind::Transaction) {
            coding_defaults(row, form);
        }
        amounts_from_holdings(rows, table, diags);
        for row in rows.iter_mut().filter(|r| r.kind == RowKind::Transaction) {
            direction_from_code(row, table);
        }
    }
    let derivative = f.derivative_table.clone();
    for row in f.non_derivative_table.iter_mut().filter(|r| r.kind == RowKind::Transaction) {
        amount_from_derivative(row, &derivative);
    }
}

fn coding_defaults(row: &mut Row, form: Option<FormType>) {
    if row.transaction_form_type.value.is_none()
        && let Some(form) = form
    {
        let footnotes = std::mem::take(&mut row.transaction_form_type.footnotes);
        row.transaction_form_type =
            Field::inferred(form.number().to_string(), InferenceRule::DocumentFormType);
        row.transaction_form_type.footnotes = footnotes;
    }
    if row.equity_swap_involved.value.is_none() {
        row.equity_swap_involved = Field::inferred(false, InferenceRule::RenderingDefault);
    }
    if row.transaction_timeliness.value.is_none() {
        row.transaction_timeliness.origin = Origin::Missing;
    }
}

fn is_lost<T>(field: &Field<T>) -> bool {
    field.value.is_none()
        && field.footnotes.is_empty()
        && matches!(field.origin, Origin::Missing | Origin::Uncertain)
}

/// Rows of one holding: same security title, ownership form and nature.
fn same_holding(a: &Row, b: &Row) -> bool {
    a.security_title.value == b.security_title.value
        && a.direct_or_indirect_ownership.value == b.direct_or_indirect_ownership.value
        && a.nature_of_ownership.value == b.nature_of_ownership.value
}

/// Amounts and directions from the holdings after the previous row of the
/// same holding and after this one.
fn amounts_from_holdings(rows: &mut [Row], table: Table, diags: &mut Vec<Diagnostic>) {
    for i in 0..rows.len() {
        if rows[i].kind != RowKind::Transaction {
            continue;
        }
        // Only what was read for certain is a ground for inference.
        let certain = |r: &Row| {
            let f = &r.shares_owned_following_transaction;
            f.origin.is_read().then(|| f.decimal()).flatten()
        };
        let Some(after) = certain(&rows[i]) else { continue };
        let Some(before) = rows[..i].iter().rev().find(|p| same_holding(p, &rows[i])).and_then(certain)
        else {
            continue;
        };
        let change = after - before;
        let row = &mut rows[i];
        if is_lost(&row.transaction_shares) && change != Decimal::ZERO {
            row.transaction_shares =
                Field::inferred(Num::from_decimal(change.abs()), InferenceRule::HoldingsContinuity);
            diags.push(inferred_note(row, table, "amount", InferenceRule::HoldingsContinuity));
        }
        if is_lost(&row.transaction_acquired_disposed_code)
            && let Some(shares) = row.transaction_shares.decimal()
            && shares == change.abs()
            && change != Decimal::ZERO
        {
            let direction =
                if change > Decimal::ZERO { AcquiredDisposed::Acquired } else { AcquiredDisposed::Disposed };
            let span = row.transaction_acquired_disposed_code.span;
            row.transaction_acquired_disposed_code =
                Field::inferred(direction, InferenceRule::HoldingsContinuity);
            row.transaction_acquired_disposed_code.span = span.filter(|_| false);
        }
    }
}

/// The direction a transaction code always has in `table`, if it has one.
fn direction_from_code(row: &mut Row, table: Table) {
    if !is_lost(&row.transaction_acquired_disposed_code) {
        return;
    }
    let Some(implied) = row.transaction_code.copied().and_then(|c| c.implied_direction(table)) else {
        return;
    };
    let rule = match implied {
        ImpliedDirection::Always(_) => InferenceRule::CodeImpliesDirection,
        ImpliedDirection::Usually(_) => InferenceRule::CodeUsualDirection,
    };
    row.transaction_acquired_disposed_code = Field::inferred(implied.direction(), rule);
}

/// A Table I exercise or conversion whose amount was lost takes the amount
/// of the one Table II row with the same code, date and underlying security.
fn amount_from_derivative(row: &mut Row, derivative: &[Row]) {
    if !is_lost(&row.transaction_shares) {
        return;
    }
    let Some(code) = row.transaction_code.copied() else { return };
    if !matches!(code, TransactionCode::M | TransactionCode::X | TransactionCode::O | TransactionCode::C) {
        return;
    }
    let matches: Vec<&Row> = derivative
        .iter()
        .filter(|d| {
            d.transaction_code.value == Some(code)
                && d.transaction_date.value.is_some()
                && d.transaction_date.value == row.transaction_date.value
                && d.underlying_security_title.value.as_deref().map(normal)
                    == row.security_title.value.as_deref().map(normal)
        })
        .collect();
    if let [d] = matches.as_slice()
        && let Some(shares) =
            d.underlying_security_shares.decimal().or_else(|| d.transaction_shares.decimal())
    {
        row.transaction_shares =
            Field::inferred(Num::from_decimal(shares), InferenceRule::MatchingDerivativeRow);
    }
}

fn normal(title: &str) -> String {
    title.to_ascii_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn inferred_note(row: &Row, table: Table, what: &str, rule: InferenceRule) -> Diagnostic {
    let which = match table {
        Table::NonDerivative => "Table I",
        Table::Derivative => "Table II",
    };
    Diagnostic::new(
        Code::ValueInferred,
        Some(row.span),
        format!("the {what} of a {which} row is not shown; it was inferred {}", rule.describe()),
    )
}
