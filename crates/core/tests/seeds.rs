//! The two real user pastes (Qualys Form 4s, lossy): every value a person
//! reads in them, as read by a person from the files in
//! `tests/fixtures/seeds/`, must come out right, with honest provenance.
//!
//! - `003`: Markdown of the older vendor print layout. The amount cells of
//!   Table I were lost (so were footnote 2's number and Table II's columns 8
//!   to 11); the amounts follow from the Table II row and the holdings.
//! - `004`: Markdown of the EDGAR page (pipe tables, `⁽¹⁾` marks,
//!   `<input checked>` boxes, footnotes without their numbers).

use filing_core::detect::Representation;
use filing_core::diagnostic::Code;
use filing_core::model::{
    AcquiredDisposed, Date, DirectIndirect, Field, Filing, FootnoteId, FormType, InferenceRule, Num, Origin,
    Row, RowKind, TransactionCode,
};
use filing_core::{Input, parse};

const SEED_003: &str = include_str!("fixtures/seeds/003_20df6d6f311adac3.txt");
const SEED_004: &str = include_str!("fixtures/seeds/004_6dc50de75c747898.txt");

fn read(text: &str) -> (Input, Filing, Vec<Code>) {
    let input = Input::from_text(text.to_owned());
    let parsed = parse(&input);
    assert_eq!(parsed.detection.representation, Representation::Markdown, "{:?}", parsed.detection);
    assert_eq!(parsed.filings.len(), 1);
    let filing = parsed.filings.into_iter().next().unwrap_or_else(|| panic!("no filing read"));
    let codes = filing.diagnostics.iter().map(|d| d.code).collect();
    (input, filing, codes)
}

fn date(y: i32, m: u32, d: u32) -> Option<Date> {
    Date::from_ymd(y, m, d)
}

fn num(field: &Field<Num>) -> Option<String> {
    field.decimal().map(|d| d.normalize().to_string())
}

fn notes(ids: &[u32]) -> Vec<FootnoteId> {
    ids.iter().map(|&n| FootnoteId::numbered(n)).collect()
}

/// A read field's span covers text that contains `shown` (what a person sees there).
fn shows<T>(input: &Input, field: &Field<T>, shown: &str) {
    assert_eq!(field.origin, Origin::Read, "{shown}");
    let span = field.span.unwrap_or_else(|| panic!("no span for {shown}"));
    assert!(input.slice(span).contains(shown), "span of {shown:?} covers {:?}", input.slice(span));
}

fn transaction(row: &Row) {
    assert_eq!(row.kind, RowKind::Transaction);
    assert_eq!(row.transaction_form_type.text(), "4");
    assert_eq!(row.transaction_form_type.origin, Origin::Inferred(InferenceRule::DocumentFormType));
}

#[test]
fn seed_003_older_layout_with_lost_amounts() {
    let (input, f, codes) = read(SEED_003);
    assert_eq!(f.document_type.value, Some(FormType::Form4));
    assert_eq!(f.issuer.name.text(), "QUALYS, INC.");
    assert_eq!(f.issuer.trading_symbol.text(), "QLYS");
    assert_eq!(f.period_of_report.value, date(2013, 11, 22));
    shows(&input, &f.period_of_report, "11/22/2013");
    assert_eq!(f.date_of_original_submission.value, None);
    assert_eq!(f.not_subject_to_section16.value, Some(false));

    assert_eq!(f.reporting_owners.len(), 1);
    let o = &f.reporting_owners[0];
    assert_eq!(o.name.text(), "Albert Peter");
    shows(&input, &o.name, "Albert Peter");
    assert_eq!(o.address.street1.text(), "C/O QUALYS, INC.");
    assert_eq!(o.address.street2.text(), "1600 BRIDGE PARKWAY");
    assert_eq!(o.address.city.text(), "REDWOOD CITY");
    assert_eq!(o.address.state.text(), "CA");
    assert_eq!(o.address.zip_code.text(), "94065");
    assert_eq!(o.is_director.value, Some(false));
    assert_eq!(o.is_ten_percent_owner.value, Some(false));
    // The header lost the Officer box's mark; the "Reporting Owners" table prints the title under Officer.
    assert_eq!(o.is_officer.value, Some(true));
    assert_eq!(o.is_other.value, Some(false));
    assert_eq!(o.officer_title.text(), "VP, OPERATIONS");

    let t1 = &f.non_derivative_table;
    assert_eq!(t1.len(), 2);
    for row in t1 {
        transaction(row);
        assert_eq!(row.security_title.text(), "Common Stock");
        assert_eq!(row.transaction_date.value, date(2013, 11, 22));
        assert_eq!(row.transaction_code.footnotes, notes(&[1]));
        assert_eq!(row.direct_or_indirect_ownership.value, Some(DirectIndirect::Direct));
        // The amount is not in the paste: inferred, never presented as read.
        assert_eq!(num(&row.transaction_shares).as_deref(), Some("10000"));
        assert!(row.transaction_shares.is_inferred());
        assert_eq!(row.transaction_shares.span, None);
    }
    assert_eq!(t1[0].transaction_code.value, Some(TransactionCode::M));
    assert_eq!(t1[0].transaction_shares.origin, Origin::Inferred(InferenceRule::MatchingDerivativeRow));
    assert_eq!(t1[0].transaction_acquired_disposed_code.value, Some(AcquiredDisposed::Acquired));
    assert_eq!(num(&t1[0].transaction_price_per_share).as_deref(), Some("4.8"));
    shows(&input, &t1[0].transaction_price_per_share, "4.8");
    assert_eq!(num(&t1[0].shares_owned_following_transaction).as_deref(), Some("10000"));
    assert_eq!(t1[1].transaction_code.value, Some(TransactionCode::S));
    assert_eq!(t1[1].transaction_shares.origin, Origin::Inferred(InferenceRule::HoldingsContinuity));
    assert_eq!(t1[1].transaction_acquired_disposed_code.value, Some(AcquiredDisposed::Disposed));
    assert_eq!(num(&t1[1].transaction_price_per_share).as_deref(), Some("22.5307"));
    assert_eq!(num(&t1[1].shares_owned_following_transaction).as_deref(), Some("0"));

    assert_eq!(f.derivative_table.len(), 1);
    let d = &f.derivative_table[0];
    transaction(d);
    assert_eq!(d.security_title.text(), "Stock Option (right to buy)");
    assert_eq!(num(&d.conversion_or_exercise_price).as_deref(), Some("4.8"));
    assert_eq!(d.transaction_date.value, date(2013, 11, 22));
    assert_eq!(d.transaction_code.value, Some(TransactionCode::M));
    assert_eq!(d.transaction_code.footnotes, notes(&[1]));
    assert_eq!(num(&d.transaction_shares).as_deref(), Some("10000"));
    shows(&input, &d.transaction_shares, "10,000");
    // Which of the (A) and (D) columns held it was lost; an exercise usually disposes of the
    // option (it may acquire another derivative), and says so.
    assert_eq!(d.transaction_acquired_disposed_code.value, Some(AcquiredDisposed::Disposed));
    assert_eq!(
        d.transaction_acquired_disposed_code.origin,
        Origin::Inferred(InferenceRule::CodeUsualDirection)
    );
    assert_eq!(d.exercise_date.value, None);
    assert_eq!(d.exercise_date.footnotes, notes(&[3]));
    assert_eq!(d.expiration_date.value, date(2021, 4, 28));
    assert_eq!(d.underlying_security_title.text(), "Common Stock");
    assert_eq!(num(&d.underlying_security_shares).as_deref(), Some("10000"));
    // Columns 8 to 11 of Table II are not in the paste.
    assert_eq!(d.transaction_price_per_share.origin, Origin::Missing);
    assert_eq!(d.shares_owned_following_transaction.origin, Origin::Missing);
    assert_eq!(d.direct_or_indirect_ownership.origin, Origin::Missing);

    let texts: Vec<(&str, &str)> = f.footnotes.iter().map(|n| (n.id.as_str(), n.text.text())).collect();
    assert_eq!(texts.len(), 3);
    assert_eq!(texts[0].0, "F1");
    assert!(
        texts[0]
            .1
            .starts_with("The transactions reported on this Form 4 were effected pursuant to a Rule 10b5-1")
    );
    assert!(texts[0].1.ends_with("on August 28, 2013."));
    // The paragraph between (1) and (3) is footnote (2), whose number was lost.
    assert_eq!(texts[1].0, "F2");
    assert!(texts[1].1.starts_with("The sale price reported in column 4 of Table I"));
    assert_eq!(f.footnotes[1].text.origin, Origin::Uncertain);
    assert_eq!(texts[2].0, "F3");
    assert!(texts[2].1.starts_with("The option is subject to an early exercise provision"));

    assert_eq!(f.signatures.len(), 1);
    assert_eq!(f.signatures[0].name.text(), "/s/ Bruce Posey by power of attorney for Peter Albert");
    assert_eq!(f.signatures[0].date.value, date(2013, 11, 22));
    assert!(codes.contains(&Code::FootnoteNumbersLost));
    assert!(codes.contains(&Code::ValueInferred));
}

#[test]
fn seed_004_markdown_of_the_edgar_page() {
    let (input, f, codes) = read(SEED_004);
    assert_eq!(f.document_type.value, Some(FormType::Form4));
    assert_eq!(f.issuer.name.text(), "QUALYS, INC.");
    assert_eq!(f.issuer.trading_symbol.text(), "QLYS");
    assert_eq!(f.period_of_report.value, date(2013, 10, 7));
    shows(&input, &f.period_of_report, "10/07/2013");
    assert_eq!(f.date_of_original_submission.value, None);
    assert_eq!(f.not_subject_to_section16.value, Some(false));

    assert_eq!(f.reporting_owners.len(), 1);
    let o = &f.reporting_owners[0];
    assert_eq!(o.name.text(), "Thakar Sumedh S");
    assert_eq!(o.address.street1.text(), "C/O QUALYS, INC., 1600 BRIDGE PARKWAY");
    assert_eq!(o.address.street2.value, None);
    assert_eq!(o.address.city.text(), "REDWOOD CITY");
    assert_eq!(o.address.state.text(), "CA");
    assert_eq!(o.address.zip_code.text(), "94065");
    assert_eq!(o.is_director.value, Some(false));
    assert_eq!(o.is_ten_percent_owner.value, Some(false));
    assert_eq!(o.is_officer.value, Some(true));
    shows(&input, &o.is_officer, "checked");
    assert_eq!(o.is_other.value, Some(false));
    assert_eq!(o.officer_title.text(), "VP, Engineering");

    let t1 = &f.non_derivative_table;
    assert_eq!(t1.len(), 2);
    for row in t1 {
        transaction(row);
        assert_eq!(row.security_title.text(), "Common Stock");
        assert_eq!(row.transaction_date.value, date(2013, 10, 7));
        assert_eq!(row.transaction_code.footnotes, notes(&[1]));
        assert_eq!(num(&row.transaction_shares).as_deref(), Some("1200"));
        assert_eq!(row.transaction_shares.origin, Origin::Read);
        assert_eq!(row.direct_or_indirect_ownership.value, Some(DirectIndirect::Direct));
    }
    assert_eq!(t1[0].transaction_code.value, Some(TransactionCode::M));
    assert_eq!(t1[0].transaction_acquired_disposed_code.value, Some(AcquiredDisposed::Acquired));
    assert_eq!(num(&t1[0].transaction_price_per_share).as_deref(), Some("4.4"));
    assert_eq!(num(&t1[0].shares_owned_following_transaction).as_deref(), Some("1200"));
    assert_eq!(t1[1].transaction_code.value, Some(TransactionCode::S));
    assert_eq!(t1[1].transaction_acquired_disposed_code.value, Some(AcquiredDisposed::Disposed));
    assert_eq!(num(&t1[1].transaction_price_per_share).as_deref(), Some("21.0773"));
    assert_eq!(t1[1].transaction_price_per_share.footnotes, notes(&[2]));
    shows(&input, &t1[1].transaction_price_per_share, "21.0773");
    assert_eq!(num(&t1[1].shares_owned_following_transaction).as_deref(), Some("0"));

    assert_eq!(f.derivative_table.len(), 1);
    let d = &f.derivative_table[0];
    transaction(d);
    assert_eq!(d.security_title.text(), "Stock Option (right to buy)");
    assert_eq!(num(&d.conversion_or_exercise_price).as_deref(), Some("4.4"));
    assert_eq!(d.transaction_date.value, date(2013, 10, 7));
    assert_eq!(d.transaction_code.value, Some(TransactionCode::M));
    assert_eq!(d.transaction_code.footnotes, notes(&[1]));
    assert_eq!(num(&d.transaction_shares).as_deref(), Some("1200"));
    // Read from the (D) column.
    assert_eq!(d.transaction_acquired_disposed_code.value, Some(AcquiredDisposed::Disposed));
    assert_eq!(d.transaction_acquired_disposed_code.origin, Origin::Read);
    assert_eq!(d.exercise_date.value, None);
    assert_eq!(d.exercise_date.footnotes, notes(&[3]));
    assert_eq!(d.expiration_date.value, date(2021, 2, 3));
    assert_eq!(d.underlying_security_title.text(), "Common Stock");
    assert_eq!(num(&d.underlying_security_shares).as_deref(), Some("1200"));
    assert_eq!(num(&d.transaction_price_per_share).as_deref(), Some("0"));
    assert_eq!(num(&d.shares_owned_following_transaction).as_deref(), Some("36943"));
    assert_eq!(d.direct_or_indirect_ownership.value, Some(DirectIndirect::Direct));
    assert_eq!(d.nature_of_ownership.value, None);

    let texts: Vec<(&str, &str)> = f.footnotes.iter().map(|n| (n.id.as_str(), n.text.text())).collect();
    assert_eq!(texts.len(), 3);
    assert_eq!(texts[0].0, "F1");
    assert!(texts[0].1.ends_with("adopted by the Reporting Person on February 28, 2013."));
    assert_eq!(texts[1].0, "F2");
    assert!(texts[1].1.contains("ranging from $20.99 to $21.29 per share"));
    assert_eq!(texts[2].0, "F3");
    assert!(texts[2].1.contains("vested on January 1, 2011"));
    assert!(codes.contains(&Code::FootnoteNumbersLost));

    assert_eq!(f.signatures.len(), 1);
    assert_eq!(f.signatures[0].name.text(), "/s/ Bruce Posey by power of attorney for Sumedh S. Thakar");
    assert_eq!(f.signatures[0].date.value, date(2013, 10, 7));
    assert_eq!(f.remarks.value, None);
}
