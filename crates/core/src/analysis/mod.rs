//! Analysis: explain, check and enrich a parsed filing — what a careful
//! analyst otherwise works out by hand with a calculator and the SEC's
//! instructions.
//!
//! [`analyze`] takes one [`Filing`] and a [`Context`] (the caller's filing
//! date and "today": the core has no clock) and returns an [`Analysis`]:
//!
//! - **explain** ([`explain`]): the 20 transaction codes in the SEC's words
//!   with a reader's classification, relationships, ownership, amendment
//!   status, the Rule 10b5-1 checkbox and timeliness marks, in plain words;
//! - **enrich**: each transaction's value ([`values`]), per-position totals,
//!   averages and holdings, exercise-and-sale pairs with their spread
//!   ([`exercise`]), Rule 10b5-1 plans with adoption dates ([`plan`]) and the
//!   filing deadline ([`deadline`]);
//! - **check** ([`checks`], and the continuity, deadline and plan rules):
//!   diagnostics with stable codes that name the cells they concern.
//!
//! [`batch()`] works across several filings: amendments linked to their
//! originals, the same transaction from joint filers counted once, totals by
//! owner and by issuer.
//!
//! Every figure is an exact [`rust_decimal::Decimal`]; arithmetic is checked
//! (an overflow is a diagnostic, never a panic); a missing value is unknown,
//! never zero, and a [`Figure`] lists the inferred cells it rests on.

pub mod batch;
pub mod calendar;
pub mod checks;
pub mod deadline;
pub mod exercise;
pub mod explain;
pub mod figure;
pub mod plan;
pub mod prose;
pub mod values;

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Cell, CellRef, Column, Date, Filing, Footnote, FootnoteId, Row, RowKind, Table};

pub use batch::{Batch, batch};
pub use checks::PriceRange;
pub use deadline::{Deadline, FilingDate, FilingDateSource};
pub use exercise::{ExercisePair, SaleLeg};
pub use explain::{CodeExplanation, DocumentExplanation, OwnerExplanation, ReaderClass};
pub use figure::Figure;
pub use plan::{PlanSource, RowPlan, TradingPlans};
pub use values::{Flows, Position, RowValue, ValueBasis};

/// What the caller knows that the filing may not say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The filing date, when the input has no submission header (the user's).
    pub filing_date: Option<Date>,
    /// Today, for dates in the future; `None` skips that check.
    pub today: Option<Date>,
}

/// Everything the analysis found in one filing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// The document's boxes and persons in words.
    pub document: DocumentExplanation,
    /// One entry per table row, Table I first, in input order.
    pub rows: Vec<RowAnalysis>,
    /// Per security and ownership: totals, averages, holdings.
    pub positions: Vec<Position>,
    /// Exercises and conversions with their counterparts and sales.
    pub exercises: Vec<ExercisePair>,
    /// Rule 10b5-1 plans.
    pub plans: TradingPlans,
    /// The filing deadline, when the form type and dates allow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// What the checks found; each names the cells it concerns.
    pub diagnostics: Vec<Diagnostic>,
}

/// One table row explained and enriched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowAnalysis {
    /// The table.
    pub table: Table,
    /// The row's index in its table (0-based).
    pub row: u32,
    /// Transaction or holding.
    pub kind: RowKind,
    /// The transaction code explained.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeExplanation>,
    /// Direct or indirect, in words.
    pub ownership: String,
    /// The timeliness mark in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeliness: Option<&'static str>,
    /// Shares × price (Table II: notional).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<RowValue>,
    /// The Rule 10b5-1 plan the transaction was made under.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<RowPlan>,
    /// The price against its footnoted range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_range: Option<PriceRange>,
}

/// Explain, check and enrich `filing`.
pub fn analyze(filing: &Filing, context: &Context) -> Analysis {
    let mut diags = Vec::new();
    let orphans = unreferenced_footnotes(filing);
    let (plans, row_plans) = plan::trading_plans(filing, &orphans);
    let mut plan_of = PerRow::new(filing, None);
    for ((table, i), plan) in &row_plans {
        if let Some(slot) = plan_of.get_mut(*table, *i) {
            *slot = Some(plan);
        }
    }
    let range_orphans = checks::range_footnotes(&orphans);
    let mut rows = Vec::new();
    for table in [Table::NonDerivative, Table::Derivative] {
        for (i, row) in filing.table(table).iter().enumerate() {
            let value = values::row_value(table, i, row, &mut diags);
            checks::direction(table, i, row, &mut diags);
            checks::exercisable(table, i, row, &mut diags);
            checks::implausible(
                table,
                i,
                row,
                value.as_ref().map(|v| v.value.value),
                context.today,
                &mut diags,
            );
            let price_range = checks::price_range(filing, &range_orphans, table, i, row, &mut diags);
            rows.push(RowAnalysis {
                table,
                row: row_index(i),
                kind: row.kind,
                code: row.transaction_code.value.map(CodeExplanation::of),
                ownership: explain::ownership_words(row),
                timeliness: row.transaction_timeliness.value.map(explain::timeliness_words),
                value,
                plan: plan_of.get(table, i).and_then(|p| p.cloned()),
                price_range,
            });
        }
    }
    let positions = values::positions(filing, &mut diags);
    let exercises = exercise::pairs(filing, &mut diags);
    plan::check_cooling_off(filing, &row_plans, &mut diags);
    let filed = FilingDate::of(filing, context.filing_date);
    checks::date_order(filing, filed, &mut diags);
    checks::footnotes(filing, &mut diags);
    let deadline = deadline::deadline(filing, context.filing_date, &mut diags);
    Analysis {
        document: DocumentExplanation::of(filing),
        rows,
        positions,
        exercises,
        plans,
        deadline,
        diagnostics: diags,
    }
}

/// A row index as the model's `u32`.
pub(crate) fn row_index(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// The cell `column` of row `index` of `table`.
pub(crate) fn cell_ref(table: Table, index: usize, column: Column) -> CellRef {
    CellRef { table, row: row_index(index), column: Some(column) }
}

/// The whole row `index` of `table`.
pub(crate) fn row_ref(table: Table, index: usize) -> CellRef {
    CellRef { table, row: row_index(index), column: None }
}

/// "Table I row 2" (rows counted from 1, as a reader does).
pub(crate) fn row_label(table: Table, index: usize) -> String {
    let name = match table {
        Table::NonDerivative => "Table I",
        Table::Derivative => "Table II",
    };
    format!("{name} row {}", index.saturating_add(1))
}

/// The footnotes of one cell of `row`.
pub(crate) fn footnotes_of(row: &Row, column: Column) -> &[FootnoteId] {
    match row.cell(column) {
        Cell::Text(f) => &f.footnotes,
        Cell::Num(f) => &f.footnotes,
        Cell::Date(f) => &f.footnotes,
        Cell::Flag(f) => &f.footnotes,
        Cell::Code(f) => &f.footnotes,
        Cell::Timeliness(f) => &f.footnotes,
        Cell::AcquiredDisposed(f) => &f.footnotes,
        Cell::DirectIndirect(f) => &f.footnotes,
    }
}

/// The footnotes no table cell refers to (in lossy renderings, often those
/// whose marks were lost).
pub(crate) fn unreferenced_footnotes(filing: &Filing) -> Vec<&Footnote> {
    // One pass over the cells, then one over the footnotes: n log n in both.
    let referenced = IdSet::new(
        [Table::NonDerivative, Table::Derivative]
            .into_iter()
            .flat_map(|t| filing.table(t))
            .flat_map(|row| Column::ALL.iter().flat_map(move |&c| footnotes_of(row, c))),
    );
    filing.footnotes.iter().filter(|f| !referenced.contains(&f.id)).collect()
}

/// A value for each row of both tables, by position: what a map keyed by
/// `(Table, row)` would hold, without hashing (issue 8: each `HashMap` or
/// `HashSet` type is another copy of the hash table's code in the page's wasm).
pub(crate) struct PerRow<T>([Vec<T>; 2]);

impl<T: Clone> PerRow<T> {
    /// `value` for every row of `filing`'s two tables.
    pub(crate) fn new(filing: &Filing, value: T) -> PerRow<T> {
        let rows = |table| vec![value.clone(); filing.table(table).len()];
        PerRow([rows(Table::NonDerivative), rows(Table::Derivative)])
    }

    /// The value of row `row` of `table` (`None` past the table's end).
    pub(crate) fn get(&self, table: Table, row: usize) -> Option<&T> {
        self.0[Self::slot(table)].get(row)
    }

    /// The value of row `row` of `table`, to change (`None` past the table's end).
    pub(crate) fn get_mut(&mut self, table: Table, row: usize) -> Option<&mut T> {
        self.0[Self::slot(table)].get_mut(row)
    }

    /// Where `table`'s rows are, in the order `new` makes them.
    fn slot(table: Table) -> usize {
        match table {
            Table::NonDerivative => 0,
            Table::Derivative => 1,
        }
    }
}

/// A set of footnote ids, sorted for binary search (a `HashSet` without the
/// hash table's code in the page's wasm: see [`PerRow`]).
pub(crate) struct IdSet<'a>(Vec<&'a FootnoteId>);

impl<'a> IdSet<'a> {
    /// The set of `ids`.
    pub(crate) fn new(ids: impl Iterator<Item = &'a FootnoteId>) -> IdSet<'a> {
        let mut ids: Vec<&FootnoteId> = ids.collect();
        crate::sort::by(&mut ids, |a, b| a.cmp(b));
        IdSet(ids)
    }

    /// Whether `id` is in the set.
    pub(crate) fn contains(&self, id: &FootnoteId) -> bool {
        self.0.binary_search(&id).is_ok()
    }
}

/// A figure that overflowed.
pub(crate) fn overflow(what: &str, cells: impl IntoIterator<Item = CellRef>) -> Diagnostic {
    Diagnostic::new(
        Code::ArithmeticOverflow,
        None,
        format!("{what} is too large to compute exactly; it is left out"),
    )
    .with_help("a value this large is almost certainly a misread cell: check the amounts")
    .with_cells(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_row_values_are_by_table_and_position() {
        let filing = Filing {
            non_derivative_table: vec![Row::default(); 2],
            derivative_table: vec![Row::default(); 3],
            ..Filing::default()
        };
        let mut flags = PerRow::new(&filing, false);
        if let Some(flag) = flags.get_mut(Table::Derivative, 2) {
            *flag = true;
        }
        assert_eq!(flags.get(Table::Derivative, 2), Some(&true));
        assert_eq!(flags.get(Table::NonDerivative, 1), Some(&false));
        assert_eq!(flags.get(Table::NonDerivative, 2), None, "past Table I's two rows");
        assert!(flags.get_mut(Table::Derivative, 3).is_none());
    }

    #[test]
    fn id_sets_find_what_they_hold_in_any_order() {
        let ids = ["F3", "F1", "F10", "F1"].map(FootnoteId::new);
        let set = IdSet::new(ids.iter());
        assert!(ids.iter().all(|id| set.contains(id)));
        assert!(!set.contains(&FootnoteId::new("F2")));
        assert!(!IdSet::new(std::iter::empty()).contains(&FootnoteId::new("F1")));
    }
}
