//! The seed cases, end to end: the two real user pastes (committed in
//! `tests/fixtures/seeds/`) go through `filing_core::parse` (the lossy text
//! parser) and then the analysis. `tests/analysis.rs` runs the same rules on
//! our hand transcriptions of the seeds in `tests/fixtures/analysis/`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

mod common_analysis;

use std::path::{Path, PathBuf};

use common_analysis::{analyze_plain, date, dec, filing_at, row};
use filing_core::model::{Column, Origin, Table, TransactionCode};

fn seed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds").join(name)
}

#[test]
fn seed003_through_the_parser() {
    let f = filing_at(&seed("003_20df6d6f311adac3.txt"));
    // The paste lost the Table I amounts: they are inferred, not read.
    for r in &f.non_derivative_table {
        assert!(matches!(r.transaction_shares.origin, Origin::Inferred(_)), "{:?}", r.transaction_shares);
        assert_eq!(r.transaction_shares.decimal(), Some(dec("10000")));
    }
    let a = analyze_plain(&f);
    assert_eq!(a.exercises.len(), 1);
    let pair = &a.exercises[0];
    assert_eq!(pair.code, TransactionCode::M);
    assert_eq!(pair.exercise_price.as_ref().unwrap().value, dec("4.80"));
    assert_eq!(pair.shares_sold.as_ref().unwrap().value, dec("10000"));
    assert_eq!(pair.average_sale_price.as_ref().unwrap().value, dec("22.5307"));
    let spread = pair.spread.as_ref().unwrap();
    assert_eq!(spread.value, dec("177307")); // (22.5307 − 4.80) × 10,000
    assert!(spread.is_inferred(), "the spread rests on the inferred sale amount");
    let sale = row(&a, Table::NonDerivative, 1);
    let range = sale.price_range.as_ref().unwrap();
    assert_eq!((range.low, range.high, range.within), (dec("22.50"), dec("22.71"), true));
    assert_eq!(sale.plan.as_ref().unwrap().adopted, Some(date(2013, 8, 28)));
    let value = sale.value.as_ref().unwrap();
    assert!(value.value.inferred_from.iter().any(|c| c.column == Some(Column::TransactionShares)));
}

#[test]
fn seed004_through_the_parser() {
    let a = analyze_plain(&filing_at(&seed("004_6dc50de75c747898.txt")));
    assert_eq!(a.exercises.len(), 1);
    let pair = &a.exercises[0];
    assert_eq!(pair.shares_sold.as_ref().unwrap().value, dec("1200"));
    assert_eq!(pair.exercise_price.as_ref().unwrap().value, dec("4.4"));
    assert_eq!(pair.average_sale_price.as_ref().unwrap().value, dec("21.0773"));
    assert_eq!(pair.spread.as_ref().unwrap().value, dec("20012.76")); // (21.0773 − 4.40) × 1,200
    assert_eq!(pair.derivatives_remaining.as_ref().unwrap().value, dec("36943"));
    let range = row(&a, Table::NonDerivative, 1).price_range.as_ref().unwrap();
    assert_eq!((range.low, range.high, range.within), (dec("20.99"), dec("21.29"), true));
    assert_eq!(row(&a, Table::NonDerivative, 1).plan.as_ref().unwrap().adopted, Some(date(2013, 2, 28)));
}
