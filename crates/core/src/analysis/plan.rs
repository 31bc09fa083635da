//! Rule 10b5-1 trading plans: the `aff10b5One` checkbox (forms from April
//! 2023), and footnotes or remarks that say a transaction was made under a
//! plan, with the plan's adoption date where the prose gives it
//! ("… a Rule 10b5-1 trading plan adopted by the Reporting Person on
//! August 28, 2013"). For each transaction under a dated plan, the days from
//! adoption to trade; for plans adopted from 2023-02-27 on, a trade inside the
//! cooling-off period is reported (90 days for directors and officers, 30 for
//! other persons: Rule 10b5-1(c)(1)(ii)(B)).
//!
//! Not supported: the cooling-off period's alternative end (two business days
//! after the issuer's next periodic report, up to 120 days), which would need
//! the issuer's filing calendar; a trade between 90 and 120 days is not reported.

use serde::Serialize;

use super::prose::{mentions_rule_10b5_1, plan_adoption_date};
use super::{IdSet, PerRow, cell_ref, footnotes_of, row_index, row_label};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Column, Date, Filing, Footnote, FootnoteId, Row, RowKind, Table, TransactionCode};

/// Where a filing says a plan was used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "kebab-case")]
pub enum PlanSource {
    /// A footnote; it covers the rows that reference it.
    Footnote(FootnoteId),
    /// The remarks; they cover every transaction of the form.
    Remarks,
}

/// A statement that transactions were made under a Rule 10b5-1 plan. A
/// footnote covers the rows that refer to it; the remarks, or a footnote no
/// cell refers to (its marks lost in a rendering), cover every transaction,
/// or only the sales (code S) when they speak only of "the sales".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanStatement {
    /// Where it is.
    pub source: PlanSource,
    /// The plan's adoption date, when the text gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted: Option<Date>,
    /// The transactions it covers: (table, row).
    pub rows: Vec<(Table, u32)>,
}

/// A transaction made under a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowPlan {
    /// The statement that says so.
    pub source: PlanSource,
    /// The plan's adoption date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted: Option<Date>,
    /// Days from adoption to the trade (or its deemed execution), when both are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_after_adoption: Option<i64>,
}

/// What the filing says about Rule 10b5-1 plans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TradingPlans {
    /// The `aff10b5One` checkbox; `None` when the form does not have it.
    pub checkbox: Option<bool>,
    /// The statements found.
    pub statements: Vec<PlanStatement>,
}

/// The rows under a plan: ((table, row index), what the plan says of it).
pub(crate) type RowPlans = Vec<((Table, usize), RowPlan)>;

/// The date that counts for a trade: the deemed execution date, else the transaction date.
pub(crate) fn trade_date(row: &Row) -> Option<Date> {
    row.deemed_execution_date.value.or(row.transaction_date.value)
}

/// A plan statement that is not a denial ("not pursuant to a Rule 10b5-1 plan").
fn states_plan(text: &str) -> bool {
    if !mentions_rule_10b5_1(text) {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    let at = lower.find("10b").unwrap_or(0);
    let clause_start = lower[..at].rfind(['.', ';']).map_or(0, |p| p + 1);
    let before = &lower[clause_start..at];
    !before
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .any(|w| ["not", "no", "neither", "nor"].contains(&w) || w.ends_with("n't"))
}

/// A statement in the remarks, or in a footnote no cell refers to, that
/// speaks only of "the sales" (or only of purchases) covers only rows of that
/// code; otherwise every transaction.
fn scope_of(text: &str) -> Option<TransactionCode> {
    let lower = text.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let general = has(&["transaction", "exercise", "acquisition", "disposition", "award", "grant"]);
    match (has(&["sale", "sold"]), has(&["purchase", "bought"]), general) {
        (true, false, false) => Some(TransactionCode::S),
        (false, true, false) => Some(TransactionCode::P),
        _ => None,
    }
}

/// Find the plan statements and each covered row's days from adoption.
pub(crate) fn trading_plans(filing: &Filing, orphans: &[&Footnote]) -> (TradingPlans, RowPlans) {
    let mut statements = Vec::new();
    let mut rows_out = Vec::new();
    // A flag per row and a sorted set rather than scans, so that many
    // footnotes or rows stay n log n.
    let mut planned = PerRow::new(filing, false);
    let orphan_ids = IdSet::new(orphans.iter().map(|o| &o.id));
    let transactions = || {
        [Table::NonDerivative, Table::Derivative].into_iter().flat_map(|t| {
            filing
                .table(t)
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == RowKind::Transaction)
                .map(move |(i, r)| (t, i, r))
        })
    };
    let mut add = |source: PlanSource, text: &str, covers: &dyn Fn(&Row) -> bool| {
        let adopted = plan_adoption_date(text);
        let mut covered = Vec::new();
        for (t, i, row) in transactions() {
            if !covers(row) || planned.get_mut(t, i).is_none_or(|done| std::mem::replace(done, true)) {
                continue;
            }
            covered.push((t, row_index(i)));
            let days_after_adoption = adopted.zip(trade_date(row)).map(|(a, d)| a.days_until(d));
            rows_out.push(((t, i), RowPlan { source: source.clone(), adopted, days_after_adoption }));
        }
        statements.push(PlanStatement { source, adopted, rows: covered });
    };
    for footnote in &filing.footnotes {
        let text = footnote.text.text();
        if !states_plan(text) {
            continue;
        }
        let id = footnote.id.clone();
        if orphan_ids.contains(&id) {
            // No cell refers to it (its marks were lost): it covers what its words say.
            let scope = scope_of(text);
            add(PlanSource::Footnote(id), text, &|row: &Row| {
                scope.is_none_or(|code| row.transaction_code.value == Some(code))
            });
        } else {
            let covers = |row: &Row| Column::ALL.iter().any(|&c| footnotes_of(row, c).contains(&id));
            add(PlanSource::Footnote(id.clone()), text, &covers);
        }
    }
    let remarks = filing.remarks.text();
    if states_plan(remarks) {
        let scope = scope_of(remarks);
        add(PlanSource::Remarks, remarks, &|row: &Row| {
            scope.is_none_or(|code| row.transaction_code.value == Some(code))
        });
    }
    (TradingPlans { checkbox: filing.aff10b5_one.value, statements }, rows_out)
}

/// The first day the 2023 cooling-off rules apply to a plan's adoption.
fn cooling_off_from() -> Option<Date> {
    Date::from_ymd(2023, 2, 27)
}

/// Trades under a plan adopted from 2023-02-27 on, inside the cooling-off
/// period, or before the plan's adoption.
pub(crate) fn check_cooling_off(
    filing: &Filing,
    rows: &[((Table, usize), RowPlan)],
    diags: &mut Vec<Diagnostic>,
) {
    let insider = filing
        .reporting_owners
        .iter()
        .any(|o| o.is_director.value == Some(true) || o.is_officer.value == Some(true));
    let (minimum, who) = if insider {
        (90, "directors and officers")
    } else {
        (30, "persons other than directors, officers and the issuer")
    };
    for ((table, index), plan) in rows {
        let (Some(adopted), Some(days)) = (plan.adopted, plan.days_after_adoption) else { continue };
        let row = filing.table(*table).get(*index);
        let cell = cell_ref(*table, *index, Column::TransactionDate);
        let span = row.and_then(|r| r.transaction_date.span);
        let message = if days < 0 {
            format!(
                "{} is dated {} day(s) before the 10b5-1 plan it is said to be made under was adopted ({adopted})",
                row_label(*table, *index),
                -days
            )
        } else if days < minimum && cooling_off_from().is_some_and(|from| adopted >= from) {
            format!(
                "{} was made {days} day(s) after its 10b5-1 plan was adopted ({adopted}); the cooling-off period for {who} is at least {minimum} days",
                row_label(*table, *index)
            )
        } else {
            continue;
        };
        diags.push(
            Diagnostic::new(Code::PlanCoolingOff, span, message)
                .with_help("check the adoption date in the footnote and the transaction date")
                .with_cells([cell]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denials_are_not_plan_statements() {
        assert!(states_plan("The sales were effected pursuant to a Rule 10b5-1 trading plan."));
        assert!(!states_plan("These sales were not made pursuant to a Rule 10b5-1 trading plan."));
        assert!(!states_plan("No Rule 10b5-1 plan was used."));
        assert!(states_plan("Shares were not sold. The sales were made under a Rule 10b5-1 plan."));
    }
}
