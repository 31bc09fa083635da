//! The analysis rules on our transcriptions of the two seeds and on real
//! corpus filings (read in place from `../shared/corpus`; when it is absent
//! each corpus test says so and does not pretend to pass). Every expected
//! value below was read from the filing (or the seed) by hand, with the
//! arithmetic done by hand from those values.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

mod common_analysis;

use common_analysis::{analyze_plain, corpus, corpus_filing, date, dec, fixture, row, with_code};
use filing_core::analysis::{Context, FilingDateSource, PlanSource, ReaderClass, ValueBasis, analyze};
use filing_core::diagnostic::{Code, Severity};
use filing_core::model::{CellRef, Column, Field, FootnoteId, InferenceRule, Num, Table, TransactionCode};

fn cell(table: Table, row: u32, column: Column) -> CellRef {
    CellRef { table, row, column: Some(column) }
}

fn warnings(analysis: &filing_core::analysis::Analysis) -> Vec<String> {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| d.message.clone())
        .collect()
}

// --- Seed 003: exercise at $4.80, 10,000 shares sold at $22.5307 ---------

/// Seed 003 as the lossy text parser reads it: the Table I amounts are not
/// in the paste, and are inferred — the exercise's from the Table II row,
/// the sale's from the holdings (10,000 after the exercise, 0 after the sale).
fn seed003_as_inferred() -> filing_core::model::Filing {
    let mut f = fixture("seed003.xml");
    let ten_thousand = Num::parse("10000").unwrap();
    f.non_derivative_table[0].transaction_shares =
        Field::inferred(ten_thousand.clone(), InferenceRule::MatchingDerivativeRow);
    f.non_derivative_table[1].transaction_shares =
        Field::inferred(ten_thousand, InferenceRule::HoldingsContinuity);
    f
}

#[test]
fn seed003_pairs_the_exercise_with_the_sale() {
    let a = analyze_plain(&seed003_as_inferred());
    assert_eq!(a.exercises.len(), 1);
    let pair = &a.exercises[0];
    assert_eq!(pair.code, TransactionCode::M);
    assert_eq!(pair.date, Some(date(2013, 11, 22)));
    assert_eq!(pair.exercise_price.as_ref().unwrap().value, dec("4.80"));
    assert_eq!(pair.counterpart_row, Some(0));
    assert_eq!(pair.shares_acquired.as_ref().unwrap().value, dec("10000"));
    assert_eq!(pair.sales.len(), 1);
    assert_eq!(pair.sales[0].row, 1);
    assert_eq!(pair.sales[0].code, TransactionCode::S);
    assert_eq!(pair.shares_sold.as_ref().unwrap().value, dec("10000"));
    assert_eq!(pair.average_sale_price.as_ref().unwrap().value, dec("22.5307"));
    // (22.5307 − 4.80) × 10,000 = 177,307.00
    let spread = pair.spread.as_ref().unwrap();
    assert_eq!(spread.value, dec("177307"));
    // The spread rests on the inferred amount of the sale.
    assert!(spread.inferred_from.contains(&cell(Table::NonDerivative, 1, Column::TransactionShares)));
}

#[test]
fn seed003_sale_price_is_within_the_footnoted_range() {
    let a = analyze_plain(&seed003_as_inferred());
    let sale = row(&a, Table::NonDerivative, 1);
    let range = sale.price_range.as_ref().unwrap();
    assert_eq!((range.low, range.high, range.within), (dec("22.50"), dec("22.71"), true));
    assert_eq!(range.footnote, FootnoteId::new("F1"));
    // The same footnote is on the exercise's code, but it speaks of the sale price.
    assert_eq!(row(&a, Table::NonDerivative, 0).price_range, None);
    assert!(with_code(&a, Code::PriceOutsideRange).is_empty());
}

#[test]
fn seed003_plan_adopted_2013_08_28() {
    let a = analyze_plain(&seed003_as_inferred());
    assert_eq!(a.plans.checkbox, None);
    assert_eq!(a.plans.statements.len(), 1);
    let statement = &a.plans.statements[0];
    assert_eq!(statement.source, PlanSource::Footnote(FootnoteId::new("F1")));
    assert_eq!(statement.adopted, Some(date(2013, 8, 28)));
    assert_eq!(statement.rows.len(), 3);
    // August 28 → November 22, 2013: 3 + 30 + 31 + 22 = 86 days.
    let plan = row(&a, Table::NonDerivative, 1).plan.as_ref().unwrap();
    assert_eq!(plan.days_after_adoption, Some(86));
    assert!(
        with_code(&a, Code::PlanCoolingOff).is_empty(),
        "the 2023 cooling-off rules do not apply in 2013"
    );
}

#[test]
fn seed003_inferred_amounts_are_marked_in_the_figures() {
    let a = analyze_plain(&seed003_as_inferred());
    let sale_value = row(&a, Table::NonDerivative, 1).value.as_ref().unwrap();
    assert_eq!(sale_value.value.value, dec("225307")); // 10,000 × 22.5307
    assert_eq!(sale_value.value.inferred_from, [cell(Table::NonDerivative, 1, Column::TransactionShares)]);
    let common = &a.positions[0];
    assert_eq!(common.security_title, "Common Stock");
    assert_eq!(common.flows.acquired.as_ref().unwrap().value, dec("10000"));
    assert!(common.flows.acquired.as_ref().unwrap().is_inferred());
    assert_eq!(common.flows.disposed.as_ref().unwrap().value, dec("10000"));
    assert_eq!(common.owned_before.as_ref().unwrap().value, dec("0"));
    assert_eq!(common.owned_after.as_ref().unwrap().value, dec("0"));
    assert_eq!(warnings(&a), Vec::<String>::new());
}

#[test]
fn seed003_missing_amounts_stay_unknown_not_zero() {
    // As our XML transcription holds it: the amounts are empty.
    let a = analyze_plain(&fixture("seed003.xml"));
    let common = &a.positions[0];
    assert_eq!(common.flows.acquired, None);
    assert_eq!(common.flows.disposed, None);
    assert_eq!(common.owned_before, None);
    assert!(common.unknown.contains(&cell(Table::NonDerivative, 1, Column::TransactionShares)));
    assert_eq!(row(&a, Table::NonDerivative, 1).value, None);
    let pair = &a.exercises[0];
    assert_eq!(pair.sales.len(), 1, "the sale is linked even without its amount");
    assert_eq!(pair.sales[0].shares, None);
    assert_eq!(pair.spread, None);
}

#[test]
fn seed003_range_footnote_whose_mark_was_lost() {
    // The lossy parser splits the seed's footnote (1) into F1 (the plan) and
    // F2 (the range), and no cell refers to F2: its mark was lost. F2 speaks
    // of the sale price, so it applies to the sale, by its wording.
    let mut f = seed003_as_inferred();
    let merged = f.footnotes[0].text.value.clone().unwrap();
    let (plan, range) = merged.split_at(merged.find(" The sale price").unwrap());
    f.footnotes[0].text.value = Some(plan.to_owned());
    let mut f2 = f.footnotes[0].clone();
    f2.id = FootnoteId::new("F2");
    f2.text.value = Some(range.trim().to_owned());
    f.footnotes.insert(1, f2);
    let a = analyze_plain(&f);
    let r = row(&a, Table::NonDerivative, 1).price_range.as_ref().unwrap();
    assert_eq!((r.footnote.as_str(), r.within, r.by_wording), ("F2", true, true));
    assert_eq!(row(&a, Table::NonDerivative, 0).price_range, None, "not for the exercise");
    assert_eq!(with_code(&a, Code::FootnoteUnused).len(), 1);
    // A sale price outside it is reported, saying how the footnote was applied.
    f.non_derivative_table[1].transaction_price_per_share.value = Some(Num::parse("22.80").unwrap());
    let a = analyze_plain(&f);
    let outside = with_code(&a, Code::PriceOutsideRange);
    assert_eq!(outside.len(), 1);
    assert!(outside[0].message.contains("applied by its wording"), "{}", outside[0].message);
}

// --- Seed 004: 1,200 exercised at $4.40 and sold at $21.0773 ------------

#[test]
fn seed004_exercise_and_sale_with_options_remaining() {
    let a = analyze_plain(&fixture("seed004.xml"));
    assert_eq!(a.exercises.len(), 1);
    let pair = &a.exercises[0];
    assert_eq!(pair.derivatives.as_ref().unwrap().value, dec("1200"));
    assert_eq!(pair.exercise_price.as_ref().unwrap().value, dec("4.4"));
    assert_eq!(pair.shares_sold.as_ref().unwrap().value, dec("1200"));
    assert_eq!(pair.average_sale_price.as_ref().unwrap().value, dec("21.0773"));
    // (21.0773 − 4.40) × 1,200 = 20,012.76
    assert_eq!(pair.spread.as_ref().unwrap().value, dec("20012.76"));
    assert_eq!(pair.derivatives_remaining.as_ref().unwrap().value, dec("36943"));
    assert!(!pair.spread.as_ref().unwrap().is_inferred());

    let sale = row(&a, Table::NonDerivative, 1);
    let range = sale.price_range.as_ref().unwrap();
    assert_eq!((range.low, range.high, range.within), (dec("20.99"), dec("21.29"), true));
    assert_eq!(sale.plan.as_ref().unwrap().adopted, Some(date(2013, 2, 28)));
    // February 28 → October 7, 2013: 31+30+31+30+31+31+30+7 = 221 days.
    assert_eq!(sale.plan.as_ref().unwrap().days_after_adoption, Some(221));
    assert_eq!(warnings(&a), Vec::<String>::new());
}

#[test]
fn seed004_positions_add_up() {
    let a = analyze_plain(&fixture("seed004.xml"));
    let common = &a.positions[0];
    assert_eq!(common.flows.net_change.as_ref().unwrap().value, dec("0"));
    assert_eq!(common.flows.acquired_value.as_ref().unwrap().value, dec("5280")); // 1,200 × 4.40
    assert_eq!(common.flows.disposed_value.as_ref().unwrap().value, dec("25292.76")); // 1,200 × 21.0773
    assert_eq!(common.flows.net_value.as_ref().unwrap().value, dec("-20012.76"));
    assert_eq!(common.flows.average_sale_price.as_ref().unwrap().value, dec("21.0773"));
    assert_eq!(common.flows.average_purchase_price, None, "an exercise is not a purchase");
    assert_eq!(common.change_percent, None, "nothing was held before");
    let options = &a.positions[1];
    assert_eq!(options.table, Table::Derivative);
    assert!(options.flows.notional);
    assert_eq!(options.owned_before.as_ref().unwrap().value, dec("38143")); // 36,943 + 1,200
    // −1,200 / 38,143 = −3.146…%
    assert_eq!(options.change_percent.as_ref().unwrap().value, dec("-3.15"));
    let option_row = row(&a, Table::Derivative, 0);
    assert!(option_row.value.as_ref().unwrap().notional);
}

#[test]
fn seed004_explains_codes_and_relationships() {
    let a = analyze_plain(&fixture("seed004.xml"));
    let exercise = row(&a, Table::NonDerivative, 0).code.unwrap();
    assert_eq!(exercise.class, ReaderClass::ExerciseOrConversion);
    assert_eq!(
        exercise.description,
        "Exercise or conversion of derivative security exempted pursuant to Rule 16b-3"
    );
    assert_eq!(row(&a, Table::NonDerivative, 1).code.unwrap().class, ReaderClass::Sale);
    assert_eq!(
        a.document.owners[0].summary,
        "Thakar Sumedh S is an officer (VP, Engineering) of QUALYS, INC."
    );
    assert_eq!(a.document.amendment, "An original filing, not an amendment.");
    assert_eq!(row(&a, Table::NonDerivative, 1).ownership, "Direct");
    let deadline = a.deadline.as_ref().unwrap();
    assert_eq!(deadline.filing_date.source, FilingDateSource::Signature);
    assert_eq!(deadline.business_days_late, 0);
}

#[test]
fn derivative_values_are_notional_except_purchases_and_sales() {
    let Some(corpus) = corpus("derivative_values_are_notional_except_purchases_and_sales") else { return };
    // Unity, Botha: a purchase (P) of $60,000,000 of 2.0% Convertible Senior
    // Notes, reported as a total value (no number of securities): real money.
    let a = analyze_plain(&corpus_filing(&corpus, "xml/0001062993-22-021877.xml"));
    let notes = row(&a, Table::Derivative, 0).value.as_ref().unwrap();
    assert_eq!(notes.value.value, dec("60000000"));
    assert_eq!(notes.basis, ValueBasis::TotalValue);
    assert!(!notes.notional);
    assert!(!a.positions[0].flows.notional);
    // Seed 004's option exercise (M) at a derivative price of $0.00 is notional.
    let a = analyze_plain(&fixture("seed004.xml"));
    assert!(row(&a, Table::Derivative, 0).value.as_ref().unwrap().notional);
}

// --- Late filing ----------------------------------------------------------

#[test]
fn late_filing_from_the_submission_header() {
    let Some(corpus) = corpus("late_filing_from_the_submission_header") else { return };
    // SoftBank et al. on Better Home & Finance: conversion on Monday 2024-12-09,
    // due Wednesday 2024-12-11, filed 2025-03-07 (header). Business days after
    // the due date: 13 in December (Dec 25 off), 20 in January (Jan 1, Jan 9
    // day of mourning, Jan 20 off), 19 in February (Feb 17 off), 5 in March = 57.
    let f = corpus_filing(&corpus, "txt/0001493152-25-009612.txt");
    let a = analyze_plain(&f);
    let late = with_code(&a, Code::LateFiling);
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].severity, Severity::Warning);
    assert!(late[0].message.contains("57 business day(s) late"), "{}", late[0].message);
    assert!(late[0].message.contains("from the submission header"));
    assert!(late[0].cells.contains(&cell(Table::NonDerivative, 0, Column::TransactionDate)));
    let deadline = a.deadline.as_ref().unwrap();
    assert_eq!(deadline.filing_date.source, FilingDateSource::Header);
    assert_eq!(deadline.dues[0].due, date(2024, 12, 11));
    assert_eq!(deadline.business_days_late, 57);
}

#[test]
fn on_time_filings_are_not_late() {
    let Some(corpus) = corpus("on_time_filings_are_not_late") else { return };
    // Saturday 2025-03-15 vesting: due Tuesday 03-18 (Mon, Tue), filed 03-18.
    let a = analyze_plain(&corpus_filing(&corpus, "txt/0001617553-25-000024.txt"));
    assert!(with_code(&a, Code::LateFiling).is_empty());
    assert_eq!(a.deadline.as_ref().unwrap().dues[0].due, date(2025, 3, 18));
    // Monday 2025-01-06, due and filed Wednesday 01-08.
    let a = analyze_plain(&corpus_filing(&corpus, "txt/0000950170-25-003585.txt"));
    assert!(with_code(&a, Code::LateFiling).is_empty());
    assert_eq!(a.deadline.as_ref().unwrap().business_days_late, 0);
}

#[test]
fn federal_holidays_move_the_deadline() {
    let Some(corpus) = corpus("federal_holidays_move_the_deadline") else { return };
    // Each transaction was due two weekdays later, but a federal holiday or
    // closure came between, and each form was signed on the true due date.
    for (name, due) in [
        // Monday 2018-12-03; Wednesday 12-05 the day of mourning for President Bush.
        ("xml/0000899243-18-030317.xml", date(2018, 12, 6)),
        // Thursday 2021-05-27; Monday 05-31 Memorial Day.
        ("xml/0001062993-21-005262.xml", date(2021, 6, 1)),
        // Wednesday 2020-07-01; Friday 07-03 Independence Day observed (July 4 a Saturday).
        ("xml/0001209191-20-041259.xml", date(2020, 7, 6)),
        // Sunday 2025-08-31; Monday 09-01 Labor Day.
        ("xml/0000789019-25-000015.xml", date(2025, 9, 3)),
    ] {
        let a = analyze_plain(&corpus_filing(&corpus, name));
        assert!(with_code(&a, Code::LateFiling).is_empty(), "{name}");
        assert_eq!(a.deadline.as_ref().unwrap().dues[0].due, due, "{name}");
    }
    // Friday 2022-01-14; Monday 01-17 Martin Luther King Jr. Day: due
    // Wednesday 01-19, signed Thursday 01-20: one business day late.
    let a = analyze_plain(&corpus_filing(&corpus, "xml/0001415889-22-000694.xml"));
    let late = with_code(&a, Code::LateFiling);
    assert_eq!(late.len(), 1);
    assert!(late[0].message.contains("was due by 2022-01-19; 1 business day(s) late"), "{}", late[0].message);
}

#[test]
fn late_filing_with_a_date_the_user_gives() {
    let Some(corpus) = corpus("late_filing_with_a_date_the_user_gives") else { return };
    // The XML alone has no header: the user says it was filed Thursday
    // 2025-03-20; due Tuesday 03-18, so 2 business days late.
    let f = corpus_filing(&corpus, "xml/0001617553-25-000024.xml");
    let a = analyze(&f, &Context { filing_date: Some(date(2025, 3, 20)), today: None });
    let late = with_code(&a, Code::LateFiling);
    assert_eq!(late.len(), 1);
    // All five Table I rows and four Table II rows date from 2025-03-15.
    assert!(late[0].message.contains("2 business day(s) late (9 rows are late)"), "{}", late[0].message);
    assert_eq!(a.deadline.as_ref().unwrap().filing_date.source, FilingDateSource::User);
    // Without it, the signature date (2025-03-18) stands in and is on time.
    let a = analyze_plain(&f);
    assert_eq!(a.deadline.as_ref().unwrap().filing_date.source, FilingDateSource::Signature);
    assert!(with_code(&a, Code::LateFiling).is_empty());
}

#[test]
fn amendments_have_no_deadline_of_their_own() {
    let Some(corpus) = corpus("amendments_have_no_deadline_of_their_own") else { return };
    let a = analyze_plain(&corpus_filing(&corpus, "txt/0000707549-25-000004.txt"));
    assert_eq!(a.deadline, None);
    assert!(with_code(&a, Code::LateFiling).is_empty());
    assert_eq!(a.document.amendment, "An amendment (4/A) of a Form 4 originally filed on 2024-11-04.");
}

// --- Price against the footnoted range -----------------------------------

#[test]
fn price_outside_its_footnoted_range() {
    let Some(corpus) = corpus("price_outside_its_footnoted_range") else { return };
    // Tesla, Musk, 2021-12-09: row 4 reports $1,005.129 with footnote F5,
    // "ranging from $1,005.600 to $1,006.390"; row 5 reports $1,005.947 with
    // F6 (the same range), which is inside.
    let a = analyze_plain(&corpus_filing(&corpus, "xml/0000899243-21-047607.xml"));
    let outside = with_code(&a, Code::PriceOutsideRange);
    assert_eq!(outside.len(), 1);
    assert_eq!(outside[0].cells, [cell(Table::NonDerivative, 3, Column::TransactionPricePerShare)]);
    let r = row(&a, Table::NonDerivative, 3).price_range.as_ref().unwrap();
    assert_eq!((r.low, r.high, r.within), (dec("1005.600"), dec("1006.390"), false));
    let inside = row(&a, Table::NonDerivative, 4).price_range.as_ref().unwrap();
    assert_eq!((inside.footnote.as_str(), inside.within), ("F6", true));
}

#[test]
fn prices_within_their_ranges_pass() {
    let Some(corpus) = corpus("prices_within_their_ranges_pass") else { return };
    // Microsoft, Nadella, 2025-09-03: six sales, each inside its footnote's range
    // (e.g. $503.0039 within $502.390 to $503.380).
    let a = analyze_plain(&corpus_filing(&corpus, "xml/0000789019-25-000020.xml"));
    assert!(with_code(&a, Code::PriceOutsideRange).is_empty());
    let checked = a.rows.iter().filter(|r| r.price_range.as_ref().is_some_and(|p| p.within)).count();
    assert_eq!(checked, 6);
}

// --- Holdings continuity --------------------------------------------------

#[test]
fn holdings_break_is_reported_with_its_cells() {
    let Some(corpus) = corpus("holdings_break_is_reported_with_its_cells") else { return };
    // ZipRecruiter, Travers: four vestings bring the holdings to 1,169,089;
    // 33,148 withheld (F) should leave 1,135,941, the row says 1,138,960 —
    // footnote F2 explains the 3,019 ESPP shares. Rows 1–4 are continuous.
    let a = analyze_plain(&corpus_filing(&corpus, "xml/0001617553-25-000024.xml"));
    let breaks = with_code(&a, Code::HoldingsBreak);
    assert_eq!(breaks.len(), 1);
    assert_eq!(
        breaks[0].cells,
        [
            cell(Table::NonDerivative, 3, Column::SharesOwnedFollowingTransaction),
            cell(Table::NonDerivative, 4, Column::TransactionShares),
            cell(Table::NonDerivative, 4, Column::SharesOwnedFollowingTransaction),
        ]
    );
    assert!(breaks[0].message.contains("gives 1,135,941"), "{}", breaks[0].message);
    assert!(breaks[0].message.contains("footnote F2"));
}

#[test]
fn separate_funds_are_separate_positions() {
    let Some(corpus) = corpus("separate_funds_are_separate_positions") else { return };
    // Aurora, Hoffman: sales by three Greylock funds, each "See Footnotes"
    // told apart only by its footnote (F3, F4, F5), beside three indirect
    // holdings (F7, F8, F9) and a direct one: seven positions, no break.
    // Greylock 15 (F3): 533,024 + 2,430,000 sold; 9,244,129 left, so
    // 12,207,153 before.
    let a = analyze_plain(&corpus_filing(&corpus, "xml/0001828108-24-000047.xml"));
    assert!(with_code(&a, Code::HoldingsBreak).is_empty());
    assert_eq!(a.positions.iter().filter(|p| p.table == Table::NonDerivative).count(), 7);
    let greylock = &a.positions[0];
    assert_eq!(greylock.rows, [0, 3]);
    assert_eq!(greylock.flows.disposed.as_ref().unwrap().value, dec("2963024"));
    assert_eq!(greylock.owned_before.as_ref().unwrap().value, dec("12207153"));
    assert_eq!(greylock.owned_after.as_ref().unwrap().value, dec("9244129"));
}

#[test]
fn positions_total_a_day_of_sales() {
    let Some(corpus) = corpus("positions_total_a_day_of_sales") else { return };
    // Microsoft, Nadella: award of 308,870; 122,362.866 withheld; six sales
    // totalling 149,205 shares for $75,315,120.7782 (weighted average
    // $504.776119); holdings 753,550.244 before, 790,852.378 after.
    let a = analyze_plain(&corpus_filing(&corpus, "xml/0000789019-25-000020.xml"));
    let direct = a.positions.iter().find(|p| p.table == Table::NonDerivative && p.rows.len() == 8).unwrap();
    assert_eq!(direct.flows.acquired.as_ref().unwrap().value, dec("308870"));
    assert_eq!(direct.flows.disposed.as_ref().unwrap().value, dec("271567.866"));
    assert_eq!(direct.flows.net_change.as_ref().unwrap().value, dec("37302.134"));
    assert_eq!(direct.owned_before.as_ref().unwrap().value, dec("753550.244"));
    assert_eq!(direct.owned_after.as_ref().unwrap().value, dec("790852.378"));
    assert_eq!(direct.flows.average_sale_price.as_ref().unwrap().value, dec("504.776119"));
    assert_eq!(direct.change_percent.as_ref().unwrap().value, dec("4.95"));
    assert!(with_code(&a, Code::HoldingsBreak).is_empty());
    // The GRAT holding is a position of its own, unchanged.
    let grat = a.positions.iter().find(|p| p.nature_of_ownership.as_deref() == Some("By GRAT")).unwrap();
    assert_eq!(grat.owned_after.as_ref().unwrap().value, dec("109720"));
    assert_eq!(grat.flows.net_change.as_ref().unwrap().value, dec("0"));
}

// --- Plans ----------------------------------------------------------------

#[test]
fn plan_in_the_remarks_covers_the_sales() {
    let Some(corpus) = corpus("plan_in_the_remarks_covers_the_sales") else { return };
    // "The sales reported on this Form 4 were made pursuant to a Rule 10b5-1
    // trading plan adopted on March 7, 2025": the six sales, not the award.
    // March 7 → September 3, 2025: 24+30+31+30+31+31+3 = 180 days.
    let a = analyze_plain(&corpus_filing(&corpus, "xml/0000789019-25-000020.xml"));
    let statement = &a.plans.statements[0];
    assert_eq!(statement.source, PlanSource::Remarks);
    assert_eq!(statement.adopted, Some(date(2025, 3, 7)));
    assert_eq!(statement.rows.len(), 6);
    assert_eq!(row(&a, Table::NonDerivative, 0).plan, None);
    assert_eq!(row(&a, Table::NonDerivative, 2).plan.as_ref().unwrap().days_after_adoption, Some(180));
    assert!(with_code(&a, Code::PlanCoolingOff).is_empty());
}

#[test]
fn trades_inside_the_cooling_off_period() {
    let Some(corpus) = corpus("trades_inside_the_cooling_off_period") else { return };
    // Affirm, Rabois (a director): plan adopted December 14, 2023, sales on
    // April 1, 2024: 17+31+29+31+1 = 109 days, past the 90-day minimum.
    let mut f = corpus_filing(&corpus, "xml/0001628280-24-014731.xml");
    let a = analyze_plain(&f);
    assert_eq!(row(&a, Table::NonDerivative, 0).plan.as_ref().unwrap().days_after_adoption, Some(109));
    assert!(with_code(&a, Code::PlanCoolingOff).is_empty());
    // Had the plan been adopted on February 1, 2024, the sales would come 60
    // days later: inside the cooling-off period.
    let text = f.footnotes[0].text.value.as_mut().unwrap();
    *text = text.replace("December 14, 2023", "February 1, 2024");
    let a = analyze_plain(&f);
    let early = with_code(&a, Code::PlanCoolingOff);
    assert_eq!(early.len(), 3);
    assert!(early[0].message.contains("60 day(s)"), "{}", early[0].message);
    assert_eq!(early[0].cells, [cell(Table::NonDerivative, 0, Column::TransactionDate)]);
}

// --- Direction, dates, values, footnotes ---------------------------------

#[test]
fn direction_contradicting_the_code() {
    let Some(corpus) = corpus("direction_contradicting_the_code") else { return };
    // A grant (code A) of Series E Preferred Stock reported as disposed of (D).
    let a = analyze_plain(&corpus_filing(&corpus, "xml/0000899243-20-025611.xml"));
    let wrong = with_code(&a, Code::DirectionMismatch);
    assert_eq!(wrong.len(), 1);
    assert_eq!(wrong[0].cells[0], cell(Table::Derivative, 0, Column::TransactionCode));
    // Seed 004's M (A), S (D) and Table II M (D) are all consistent.
    assert!(with_code(&analyze_plain(&fixture("seed004.xml")), Code::DirectionMismatch).is_empty());
}

#[test]
fn exercisable_after_expiration_and_dates_out_of_order() {
    let mut f = fixture("seed004.xml");
    assert!(with_code(&analyze_plain(&f), Code::ExercisableAfterExpiration).is_empty());
    assert!(with_code(&analyze_plain(&f), Code::DateOrder).is_empty());
    // Exercisable from 2022 but expiring 2021-02-03; a sale dated after the signature.
    f.derivative_table[0].exercise_date.value = Some(date(2022, 1, 1));
    f.non_derivative_table[1].transaction_date.value = Some(date(2013, 10, 9));
    let a = analyze_plain(&f);
    let e = with_code(&a, Code::ExercisableAfterExpiration);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].cells[1], cell(Table::Derivative, 0, Column::ExpirationDate));
    let d = with_code(&a, Code::DateOrder);
    assert_eq!(d.len(), 1);
    assert!(d[0].message.contains("after the signature date 2013-10-07"), "{}", d[0].message);
}

#[test]
fn implausible_values_and_future_dates() {
    let mut f = fixture("seed004.xml");
    let today = Context { filing_date: None, today: Some(date(2013, 10, 8)) };
    assert!(with_code(&analyze(&f, &today), Code::ImplausibleValue).is_empty());
    // A derivative price of $1 billion on 1,200 options: $1.2 trillion.
    f.derivative_table[0].transaction_price_per_share.value = Some(Num::parse("1000000000").unwrap());
    f.non_derivative_table[0].transaction_date.value = Some(date(2013, 10, 10));
    let a = analyze(&f, &today);
    let odd = with_code(&a, Code::ImplausibleValue);
    assert_eq!(odd.len(), 2, "{odd:?}");
    assert!(odd.iter().any(|d| d.message.contains("trillion")));
    assert!(odd.iter().any(|d| d.message.contains("in the future")));
}

#[test]
fn footnotes_referenced_but_undefined_or_never_used() {
    let mut f = fixture("seed004.xml");
    let a = analyze_plain(&f);
    assert!(with_code(&a, Code::FootnoteUndefined).is_empty());
    assert!(with_code(&a, Code::FootnoteUnused).is_empty());
    // Drop F2's definition and add an F9 nothing refers to.
    let f2 = f.footnotes.remove(1);
    f.footnotes.push(filing_core::model::Footnote { id: FootnoteId::new("F9"), text: f2.text });
    let a = analyze_plain(&f);
    let undefined = with_code(&a, Code::FootnoteUndefined);
    assert_eq!(undefined.len(), 1);
    assert_eq!(undefined[0].cells, [cell(Table::NonDerivative, 1, Column::TransactionPricePerShare)]);
    let unused = with_code(&a, Code::FootnoteUnused);
    assert_eq!(unused.len(), 1);
    assert!(unused[0].message.starts_with("footnote F9"));
}

#[test]
fn exercises_are_paired_with_tax_withholding() {
    let Some(corpus) = corpus("exercises_are_paired_with_tax_withholding") else { return };
    // ZipRecruiter: four RSU settlements (M at $0: 6,250, 13,347, 20,691,
    // 20,444) and one withholding (F) of 33,148 at $5.96, shared out in order:
    // 6,250 + 13,347 + 13,551 = 33,148; the fourth gets none.
    let a = analyze_plain(&corpus_filing(&corpus, "xml/0001617553-25-000024.xml"));
    assert_eq!(a.exercises.len(), 4);
    let sold: Vec<Option<rust_decimal::Decimal>> =
        a.exercises.iter().map(|p| p.shares_sold.as_ref().map(|f| f.value)).collect();
    assert_eq!(sold, [Some(dec("6250")), Some(dec("13347")), Some(dec("13551")), None]);
    // 13,551 × ($5.96 − $0) = $80,763.96
    assert_eq!(a.exercises[2].spread.as_ref().unwrap().value, dec("80763.96"));
    assert_eq!(a.exercises[3].counterpart_row, Some(3));
    assert_eq!(a.exercises[3].derivatives_remaining.as_ref().unwrap().value, dec("306656"));
}
