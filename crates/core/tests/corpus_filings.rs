//! Real filings from `../shared/corpus`, each checked against values read by
//! hand from the file (never copied from the parser's output). They cover
//! Forms 3, 4 and 5, amendments (4/A here; 3/A and 5/A from the SEC's
//! samples), several reporting owners, derivative holdings, values given only
//! by footnote, remarks, schema versions from X0203 to X0609, `true`/`false`
//! flags, `transactionTotalValue` and `valueOwnedFollowingTransaction`, and
//! full submissions with bare-CR line ends and the dissemination header.
//!
//! Without the corpus every test prints that it is absent and checks nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

mod xml_support;

use filing_core::Parsed;
use filing_core::detect::Representation;
use filing_core::diagnostic::Code;
use filing_core::model::{
    AcquiredDisposed as AD, DirectIndirect as DI, Filing, FormType, Row, RowKind, Timeliness,
    TransactionCode as TC,
};
use xml_support::{corpus_file, date, notes, num, only, problems, the};

/// A corpus file with one filing and no warnings or errors; `None` without the corpus.
fn clean(relative: &str) -> Option<Parsed> {
    let (_, parsed) = corpus_file(relative)?;
    assert_eq!(problems(&parsed), Vec::<String>::new(), "{relative}");
    assert_eq!(parsed.filings.len(), 1, "{relative}");
    Some(parsed)
}

/// Code, shares, price, A/D and shares owned after, as written.
fn trade(row: &Row) -> (Option<TC>, &str, &str, Option<AD>, &str) {
    (
        row.transaction_code.value,
        num(&row.transaction_shares),
        num(&row.transaction_price_per_share),
        row.transaction_acquired_disposed_code.value,
        num(&row.shares_owned_following_transaction),
    )
}

fn counts(f: &Filing) -> [usize; 5] {
    let kinds = |rows: &[Row], kind| rows.iter().filter(|r| r.kind == kind).count();
    [
        f.reporting_owners.len(),
        kinds(&f.non_derivative_table, RowKind::Transaction),
        kinds(&f.non_derivative_table, RowKind::Holding),
        kinds(&f.derivative_table, RowKind::Transaction),
        kinds(&f.derivative_table, RowKind::Holding),
    ]
}

#[test]
fn form3_x0203_two_owners_remarks_and_a_footnoted_derivative_holding() {
    let Some(parsed) = clean("xml/0001181431-11-030813.xml") else { return };
    let f = only(&parsed);
    assert_eq!((f.schema_version.text(), f.document_type.value), ("X0203", Some(FormType::Form3)));
    assert_eq!(f.period_of_report.value, Some(date("2011-05-18")));
    assert_eq!(f.no_securities_owned.value, Some(false));
    assert_eq!((f.issuer.cik.text(), f.issuer.name.text()), ("0001271024", "LINKEDIN CORP"));
    assert_eq!(counts(f), [2, 0, 1, 0, 1]);
    assert_eq!(f.reporting_owners[0].name.text(), "Hoffman Reid");
    assert_eq!(f.reporting_owners[1].name.text(), "Reid Hoffman & Michelle Yee Living Trust");
    assert_eq!(f.reporting_owners[1].is_ten_percent_owner.value, Some(true));
    assert_eq!(f.reporting_owners[1].address.state_description.value, None, "an empty element");
    let holding = &f.non_derivative_table[0];
    assert_eq!(notes(&holding.security_title), ["F1"]);
    assert_eq!(num(&holding.shares_owned_following_transaction), "17037090");
    assert_eq!(holding.nature_of_ownership.text(), "See footnote");
    let preferred = &f.derivative_table[0];
    assert_eq!(preferred.security_title.text(), "Series A Convertible Preferred Stock");
    for cell in [&preferred.exercise_date, &preferred.expiration_date] {
        assert!(cell.is_footnote_only() && notes(cell) == ["F3"]);
    }
    assert!(preferred.conversion_or_exercise_price.is_footnote_only());
    assert_eq!(notes(&preferred.underlying_security_title), ["F1"]);
    assert_eq!(num(&preferred.underlying_security_shares), "2028942");
    assert!(f.remarks.text().starts_with("Exhibit 24.1- Power of Attorney for Reid Hoffman"));
    assert!(f.remarks.text().ends_with("Exhibit 24.2- Power of Attorney for the Living Trust"));
    assert_eq!(f.signatures.len(), 2);
    assert_eq!(f.signatures[0].name.text(), "/s/ Lora Blum, by power of attorney for Reid Hoffman");
}

#[test]
fn form3_x0204_derivative_holdings_given_by_footnotes() {
    let Some(parsed) = clean("xml/0001209191-12-014763.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.schema_version.text(), "X0204");
    assert_eq!((f.issuer.name.text(), f.issuer.trading_symbol.text()), ("YELP INC", "YELP"));
    assert_eq!(counts(f), [1, 0, 0, 0, 2]);
    let class_b = &f.derivative_table[0];
    assert_eq!(notes(&class_b.conversion_or_exercise_price), ["F1", "F2"]);
    assert_eq!(notes(&class_b.expiration_date), ["F3"]);
    assert_eq!(class_b.underlying_security_title.text(), "Class A Common Stock");
    assert_eq!(num(&class_b.underlying_security_shares), "87500");
    let series_d = &f.derivative_table[1];
    assert_eq!(series_d.security_title.text(), "Series D Convertible Preferred Stock");
    assert_eq!(notes(&series_d.underlying_security_title), ["F1", "F2"]);
    assert_eq!(num(&series_d.underlying_security_shares), "72660");
    assert_eq!(f.remarks.value, None, "<remarks></remarks> is no remark");
    assert_eq!(f.signatures[0].name.text(), "/s/ Donna Hammer, Attorney-in-fact");
}

#[test]
fn form3_x0206_foreign_state_code_and_its_description() {
    let Some(parsed) = clean("xml/0000899243-20-033648.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.schema_version.text(), "X0206");
    let owner = &f.reporting_owners[0];
    assert_eq!(owner.name.text(), "THIEL PETER");
    assert_eq!(owner.address.state.text(), "A1");
    assert_eq!(owner.address.state_description.text(), "BRITISH COLUMBIA, CANADA");
    assert_eq!(num(&f.non_derivative_table[0].shares_owned_following_transaction), "891520");
    assert_eq!(f.derivative_table[0].security_title.text(), "Series A2 Preferred Shares");
    assert_eq!(num(&f.derivative_table[0].underlying_security_shares), "3811260");
    assert_eq!(num(&f.derivative_table[1].underlying_security_shares), "3343240");
    assert_eq!(notes(&f.derivative_table[1].nature_of_ownership), ["F3"]);
}

#[test]
fn form4_x0303_deemed_execution_dates_and_footnote_only_prices() {
    let Some(parsed) = clean("xml/0001181431-10-035864.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.schema_version.text(), "X0303");
    assert_eq!(f.issuer.name.text(), "TESLA MOTORS INC");
    let owner = &f.reporting_owners[0];
    assert_eq!(owner.name.text(), "Musk Elon");
    assert_eq!(owner.officer_title.text(), "Pres,Prod Architect & Director");
    let [first, second, third, fourth, ..] = &f.non_derivative_table[..] else { panic!("rows") };
    assert_eq!(first.deemed_execution_date.value, Some(date("2010-07-02")));
    assert_eq!(trade(first), (Some(TC::C), "20655342", "", Some(AD::Acquired), "23322008"));
    assert!(first.transaction_price_per_share.is_footnote_only());
    assert_eq!(notes(&first.transaction_price_per_share), ["F1"]);
    assert_eq!(trade(second), (Some(TC::C), "3700575", "", Some(AD::Acquired), "27022583"));
    assert_eq!(trade(third), (Some(TC::X), "113908", "", Some(AD::Acquired), "27136491"));
    assert_eq!(trade(fourth), (Some(TC::F), "21728", "17.00", Some(AD::Disposed), "27114763"));
    assert_eq!(fourth.nature_of_ownership.text(), "By trust");
}

#[test]
fn form4_x0305_two_owners_timeliness_and_a_form5_transaction() {
    let Some(parsed) = clean("xml/0001209191-12-022044.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.schema_version.text(), "X0305");
    assert_eq!(f.reporting_owners.len(), 2);
    let rows = &f.non_derivative_table;
    assert_eq!(notes(&rows[0].transaction_code), ["F1"]);
    assert_eq!(notes(&rows[0].transaction_price_per_share), ["F2", "F3"]);
    assert_eq!(rows[0].transaction_timeliness.value, None, "empty timeliness");
    assert_eq!(trade(&rows[1]), (Some(TC::S), "25367", "102.0764", Some(AD::Disposed), "53300"));
    assert_eq!(notes(&rows[1].transaction_price_per_share), ["F6"]);
    assert_eq!(trade(&rows[2]), (Some(TC::S), "53300", "102.5734", Some(AD::Disposed), "0"));
    let early = &rows[3];
    assert_eq!(early.transaction_date.value, Some(date("2012-03-27")));
    assert_eq!(early.transaction_form_type.text(), "5");
    assert_eq!(early.transaction_timeliness.value, Some(Timeliness::Early));
    assert_eq!(trade(&rows[4]), (Some(TC::G), "113000", "0.00", Some(AD::Disposed), "0"));
    assert_eq!(f.derivative_table[0].security_title.text(), "Class B Common Stock");
    assert_eq!(num(&f.derivative_table[0].transaction_shares), "78667");
}

#[test]
fn form4_total_value_and_value_owned_following() {
    let Some(parsed) = clean("xml/0000899243-20-034355.xml") else { return };
    let f = only(&parsed);
    assert_eq!((f.issuer.name.text(), f.issuer.trading_symbol.text()), ("AbCellera Biologics Inc.", "ABCL"));
    assert_eq!(f.reporting_owners[0].address.state_description.text(), "BRITISH COLUMBIA, CANADA");
    let purchase = &f.non_derivative_table[2];
    assert_eq!(trade(purchase), (Some(TC::P), "3000000", "20.00", Some(AD::Acquired), "10179880"));
    let note = &f.derivative_table[0];
    assert_eq!(note.security_title.text(), "Convertible Note");
    assert_eq!(note.transaction_date.value, Some(date("2020-12-11")));
    assert_eq!(notes(&note.transaction_code), ["F11"]);
    assert_eq!(num(&note.transaction_shares), "");
    assert_eq!(num(&note.transaction_total_value), "30430000.00");
    assert_eq!(num(&note.transaction_price_per_share), "30430000.00");
    assert_eq!(num(&note.underlying_security_shares), "2477100");
    assert_eq!(num(&note.shares_owned_following_transaction), "");
    assert_eq!(num(&note.value_owned_following_transaction), "30430000.00");
    assert!(note.exercise_date.is_footnote_only() && note.expiration_date.is_footnote_only());
    assert_eq!(num(&f.derivative_table[1].transaction_total_value), "4697050.00");
    assert_eq!(num(&f.derivative_table[1].value_owned_following_transaction), "4697050.00");
}

#[test]
fn form4_x0508_true_false_flags_and_aff10b5one_true() {
    let Some(parsed) = clean("xml/0000950170-25-003585.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.issuer.name.text(), "Tesla, Inc.");
    assert_eq!(f.aff10b5_one.value, Some(true));
    let owner = &f.reporting_owners[0];
    assert_eq!(owner.name.text(), "Wilson-Thompson Kathleen");
    let flags = (owner.is_director.value, owner.is_officer.value, owner.is_ten_percent_owner.value);
    assert_eq!(flags, (Some(true), Some(false), Some(false)));
    assert_eq!(f.non_derivative_table.len(), 24);
    assert_eq!(
        trade(&f.non_derivative_table[0]),
        (Some(TC::M), "100000", "14.99", Some(AD::Acquired), "105400")
    );
    assert_eq!(f.non_derivative_table[0].equity_swap_involved.value, Some(false));
    assert_eq!(
        trade(&f.non_derivative_table[1]),
        (Some(TC::S), "4424", "402.841", Some(AD::Disposed), "100976")
    );
    let option = &f.derivative_table[0];
    assert_eq!(option.security_title.text(), "Non-Qualified Stock Option (right to buy)");
    assert_eq!(num(&option.conversion_or_exercise_price), "14.99");
    assert_eq!(notes(&option.exercise_date), ["F25"]);
    assert_eq!(option.expiration_date.value, Some(date("2026-06-18")));
    assert_eq!(num(&option.shares_owned_following_transaction), "120948");
    assert_eq!(f.signatures[0].date.value, Some(date("2025-01-08")));
}

#[test]
fn form4_joint_filers_with_escaped_ampersands() {
    let Some(parsed) = clean("xml/0000070858-25-000310.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.issuer.name.text(), "PIMCO NEW YORK MUNICIPAL INCOME FUND II");
    let names: Vec<&str> = f.reporting_owners.iter().map(|o| o.name.text()).collect();
    assert_eq!(names, ["BANK OF AMERICA CORP /DE/", "MERRILL LYNCH, PIERCE, FENNER & SMITH INC."]);
    assert_eq!(f.reporting_owners[1].address.street2.value, None);
    assert_eq!(f.aff10b5_one.value, Some(false));
    let buy = &f.non_derivative_table[0];
    assert_eq!(notes(&buy.security_title), ["F1", "F2", "F3"]);
    assert_eq!(trade(buy), (Some(TC::P), "105", "6.5158", Some(AD::Acquired), "105"));
    assert_eq!(notes(&buy.nature_of_ownership), ["F1", "F2", "F3"]);
    assert!(f.footnotes[0].text.text().contains("Merrill Lynch, Pierce, Fenner & Smith Incorporated"));
    assert_eq!(
        f.signatures[1].name.text(),
        "MERRILL LYNCH, PIERCE, FENNER & SMITH INC by its Authorized Signatory Andres Ortiz"
    );
}

#[test]
fn form4_amendment_with_remarks_and_an_empty_derivative_table() {
    let Some(parsed) = clean("xml/0000707549-25-000004.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.document_type.value, Some(FormType::Form4A));
    assert_eq!(f.date_of_original_submission.value, Some(date("2024-11-04")));
    assert_eq!(f.issuer.name.text(), "LAM RESEARCH CORP");
    assert_eq!(counts(f), [1, 2, 0, 0, 0]);
    let [gift_out, gift_in] = &f.non_derivative_table[..] else { panic!("two rows") };
    assert_eq!(trade(gift_out), (Some(TC::G), "3690", "0", Some(AD::Disposed), "0"));
    assert_eq!(notes(&gift_out.direct_or_indirect_ownership), ["F1"]);
    assert_eq!(trade(gift_in), (Some(TC::G), "3690", "0", Some(AD::Acquired), "30630"));
    assert_eq!(gift_in.direct_or_indirect_ownership.value, Some(DI::Indirect));
    assert_eq!(gift_in.nature_of_ownership.text(), "by trust");
    assert_eq!(
        f.remarks.text(),
        "Adjusted to reflect a ten-for-one forward split of the Issuer's common stock effective after market close on October 2, 2024."
    );
    assert_eq!(f.signatures[0].date.value, Some(date("2024-12-10")));
}

#[test]
fn form4_amendment_with_fractional_shares_and_true_false() {
    let Some(parsed) = clean("xml/0001193125-25-250034.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.document_type.value, Some(FormType::Form4A));
    assert_eq!(f.date_of_original_submission.value, Some(date("2025-10-22")));
    assert_eq!(f.issuer.trading_symbol.text(), "C");
    let owner = &f.reporting_owners[0];
    assert_eq!((owner.is_director.value, owner.is_officer.value), (Some(true), Some(true)));
    assert_eq!(owner.officer_title.text(), "Chair & CEO");
    assert_eq!(f.aff10b5_one.value, Some(false));
    let award = &f.non_derivative_table[0];
    assert_eq!(trade(award), (Some(TC::A), "259605.4", "0", Some(AD::Acquired), "886023.62"));
    assert_eq!(notes(&award.transaction_shares), ["F1"]);
    let options = &f.derivative_table[0];
    assert_eq!(num(&options.conversion_or_exercise_price), "96.3");
    assert_eq!(options.expiration_date.value, Some(date("2035-10-22")));
    assert!(
        f.remarks
            .text()
            .starts_with("This Amended Form 4 revises the original Form 4 filed on October 22, 2025")
    );
}

#[test]
fn form5_x0306_gifts_by_trust() {
    let Some(parsed) = clean("xml/0000899243-22-006240.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.document_type.value, Some(FormType::Form5));
    assert_eq!(f.period_of_report.value, Some(date("2021-12-31")));
    assert_eq!(
        (f.form3_holdings_reported.value, f.form4_transactions_reported.value),
        (Some(false), Some(false))
    );
    assert_eq!(f.reporting_owners[0].officer_title.text(), "CEO");
    let first = &f.non_derivative_table[0];
    assert_eq!(first.transaction_form_type.text(), "5");
    assert_eq!(trade(first), (Some(TC::G), "2234000", "0.00", Some(AD::Disposed), "175418251"));
    assert_eq!(notes(&first.transaction_code), ["F1"]);
    assert_eq!(first.nature_of_ownership.text(), "By Trust");
    assert_eq!(trade(&f.non_derivative_table[1]).4, "173858251");
}

#[test]
fn form5_with_holdings_and_multiline_footnotes() {
    let Some(parsed) = clean("xml/SNOW-2022-01-31-826a3a1a.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.document_type.value, Some(FormType::Form5));
    assert_eq!(f.issuer.name.text(), "Snowflake Inc.");
    assert_eq!(counts(f), [1, 1, 2, 0, 0]);
    assert_eq!(f.reporting_owners[0].officer_title.value, None);
    let gift = &f.non_derivative_table[0];
    assert_eq!(trade(gift), (Some(TC::G), "61386", "0", Some(AD::Disposed), "54666"));
    assert_eq!(notes(&gift.shares_owned_following_transaction), ["F2"]);
    let holdings: Vec<_> = f.non_derivative_table[1..]
        .iter()
        .map(|r| {
            (
                num(&r.shares_owned_following_transaction),
                r.nature_of_ownership.text(),
                notes(&r.nature_of_ownership),
            )
        })
        .collect();
    assert_eq!(holdings, [("151188", "Trust", vec!["F3"]), ("125737", "Trust", vec!["F4"])]);
    assert_eq!(
        f.footnotes[1].text.text(),
        "Includes shares to be issued in connection with the vesting of one or more restricted stock\n            units."
    );
}

#[test]
fn form4_x0609_newest_schema() {
    let Some(parsed) = clean("xml/MVIS-2026-06-08-622acbaa.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.schema_version.text(), "X0609");
    assert_eq!(f.issuer.name.text(), "MICROVISION, INC.");
    assert_eq!(f.issuer.foreign_trading_symbol.value, None);
    let owner = &f.reporting_owners[0];
    assert_eq!(owner.address.non_us_address_flag.value, Some(false));
    assert_eq!(owner.officer_title.text(), "GC");
    assert_eq!(
        trade(&f.non_derivative_table[0]),
        (Some(TC::M), "150000", "0.00", Some(AD::Acquired), "622308")
    );
    assert_eq!(notes(&f.non_derivative_table[0].security_title), ["F1"]);
    assert_eq!(trade(&f.non_derivative_table[1]).4, "741108");
}

#[test]
fn form4_restricted_stock_units_with_fractions_and_footnote_only_price() {
    let Some(parsed) = clean("xml/0000789019-25-000034.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.issuer.name.text(), "MICROSOFT CORP");
    assert_eq!(counts(f), [1, 1, 1, 1, 0]);
    assert_eq!(trade(&f.non_derivative_table[0]), (Some(TC::A), "125", "0", Some(AD::Acquired), "257"));
    assert_eq!(num(&f.non_derivative_table[1].shares_owned_following_transaction), "2415");
    let rsu = &f.derivative_table[0];
    assert_eq!(rsu.security_title.text(), "Restricted Stock Units");
    assert!(rsu.conversion_or_exercise_price.is_footnote_only());
    assert_eq!(notes(&rsu.conversion_or_exercise_price), ["F2"]);
    assert_eq!(rsu.transaction_date.value, Some(date("2025-09-11")));
    assert_eq!(num(&rsu.transaction_shares), "37.916");
    assert_eq!(num(&rsu.shares_owned_following_transaction), "22925.687");
}

#[test]
fn submission_with_bare_cr_line_ends_and_the_dissemination_header() {
    let Some(parsed) = clean("txt/0001562180-25-000280.nc.txt") else { return };
    let f = only(&parsed);
    assert_eq!(f.representation, Representation::Submission);
    let sub = f.submission.as_ref().unwrap();
    assert_eq!(sub.accession_number.text(), "0001562180-25-000280");
    assert_eq!(sub.submission_type.text(), "4");
    assert_eq!(sub.period_of_report.value, Some(date("2025-01-06")));
    assert_eq!(sub.filed_as_of_date.value, Some(date("2025-01-08")));
    let owner = &sub.parties[0];
    assert_eq!((owner.name.text(), owner.cik.text()), ("Snow Jessica", "0002009134"));
    assert_eq!(owner.file_number.text(), "001-40791");
    assert_eq!(owner.mail_address.street2.text(), "60 BINNEY STREET");
    let issuer = &sub.parties[1];
    assert_eq!((issuer.name.text(), issuer.irs_number.text()), ("2seventy bio, Inc.", "863658454"));
    assert_eq!(issuer.business_address.phone.text(), "339-499-9300");
    assert_eq!(sub.documents[0].filename.text(), "primarydocument.xml");
    assert_eq!(f.not_subject_to_section16.value, Some(false), "`false`");
    assert_eq!(f.reporting_owners[0].officer_title.text(), "See Remarks");
    assert_eq!(
        trade(&f.non_derivative_table[0]),
        (Some(TC::A), "106150.00", "0.00", Some(AD::Acquired), "253329.00")
    );
    let option = &f.derivative_table[0];
    assert_eq!(num(&option.conversion_or_exercise_price), "2.64");
    assert_eq!(num(&option.transaction_shares), "70750.00");
    assert_eq!(f.remarks.text(), "Title: Senior Vice President of Quality and Enabling Functions");
}

#[test]
fn submission_with_cr_line_ends_arrow() {
    let Some(parsed) = clean("txt/0001127602-25-004598.nc.txt") else { return };
    let f = only(&parsed);
    let sub = f.submission.as_ref().unwrap();
    assert_eq!(sub.accession_number.text(), "0001127602-25-004598");
    assert_eq!(sub.filed_as_of_date.value, Some(date("2025-02-13")));
    let issuer = &sub.parties[1];
    assert_eq!(issuer.name.text(), "ARROW ELECTRONICS, INC.");
    assert_eq!(issuer.organization_name.text(), "07 Trade & Services");
    let former: Vec<_> = issuer.former_names.iter().map(|n| (n.name.text(), n.date_changed.value)).collect();
    assert_eq!(
        former,
        [
            ("ARROW ELECTRONICS, INC", Some(date("2022-11-17"))),
            ("ARROW ELECTRONICS INC", Some(date("1992-07-03")))
        ]
    );
    assert_eq!(f.issuer.cik.text(), "0000007536");
    assert_eq!(f.signatures[0].name.text(), "/s/ Nicholas De La Cruz, Attorney-in-Fact");
    assert_eq!(f.signatures[0].date.value, Some(date("2025-02-13")));
}

#[test]
fn submission_with_eight_reporting_owners() {
    let Some(parsed) = clean("txt/0001493152-25-009612.txt") else { return };
    let f = only(&parsed);
    let sub = f.submission.as_ref().unwrap();
    assert_eq!(sub.accession_number.text(), "0001493152-25-009612");
    assert_eq!(sub.filed_as_of_date.value, Some(date("2025-03-07")));
    assert_eq!(sub.parties[0].name.text(), "SOFTBANK GROUP CORP.");
    assert_eq!(sub.parties[0].former_names[0].name.text(), "SOFTBANK GROUP CORP");
    assert_eq!(f.issuer.name.text(), "Better Home & Finance Holding Co");
    let owners: Vec<_> = f
        .reporting_owners
        .iter()
        .map(|o| (o.address.state.text(), o.address.state_description.text()))
        .collect();
    assert_eq!(
        owners,
        [
            ("M0", "JAPAN"),
            ("X0", "UNITED KINGDOM"),
            ("Y9", "JERSEY"),
            ("Y9", "JERSEY"),
            ("DE", ""),
            ("DE", ""),
            ("U0", "SINGAPORE"),
            ("E9", "CAYMAN ISLANDS"),
        ]
    );
    assert!(f.reporting_owners.iter().all(|o| o.is_ten_percent_owner.value == Some(true)));
    assert_eq!(f.reporting_owners[6].name.text(), "Silver Brick Management PTE. LTD.");
    let conversion = &f.non_derivative_table[0];
    assert_eq!(trade(conversion), (Some(TC::C), "628553", "", Some(AD::Acquired), "628553"));
    assert_eq!(notes(&conversion.transaction_price_per_share), ["F2"]);
}

#[test]
fn paper_era_text_submission_is_reported_not_read() {
    let Some((input, parsed)) = corpus_file("txt/0001094891-00-000193.txt") else { return };
    assert!(parsed.filings.is_empty());
    let d = the(&parsed, Code::NoXmlDocument);
    assert_eq!(input.line_col(d.span.unwrap().start).to_string(), "11:1", "at its <SEC-DOCUMENT>");
    assert!(d.message.contains("0001094891-00-000193"));
}

#[test]
fn spec_sample_3a_amendment() {
    let Some(parsed) = spec_sample("doc3a.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.document_type.value, Some(FormType::Form3A));
    assert_eq!(f.date_of_original_submission.value, Some(date("2003-03-01")));
    assert_eq!(f.reporting_owners[0].ccc.text(), "a#ofc0rn");
    let foreign = &f.reporting_owners[1].address;
    assert_eq!(foreign.non_us_address_flag.value, Some(true));
    assert_eq!(foreign.non_us_state_territory.text(), "Non US State or Territory");
    assert_eq!(foreign.country.text(), "I7", "read from the misspelled <rptOwnerCounrty>");
    assert_eq!(num(&f.non_derivative_table[0].shares_owned_following_transaction), "33333");
    let derived = &f.derivative_table[0];
    assert_eq!(num(&derived.conversion_or_exercise_price), "50.55");
    assert_eq!(notes(&derived.conversion_or_exercise_price), ["F5"]);
    assert_eq!(num(&derived.underlying_security_value), "100.12");
    assert_eq!(notes(&derived.underlying_security_value), ["F3"]);
}

#[test]
fn spec_sample_5a_amendment() {
    let Some(parsed) = spec_sample("doc5a.xml") else { return };
    let f = only(&parsed);
    assert_eq!(f.document_type.value, Some(FormType::Form5A));
    assert_eq!(f.not_subject_to_section16.value, Some(true));
    assert_eq!(f.reporting_owners.len(), 3);
    assert_eq!(f.reporting_owners[2].ccc.text(), "a#ofr1ce");
    assert_eq!(f.aff10b5_one.value, Some(true));
    let row = &f.non_derivative_table[0];
    assert_eq!(row.transaction_date.value, Some(date("2003-05-01")));
    assert_eq!(row.transaction_form_type.text(), "5");
    assert_eq!(row.transaction_code.value, Some(TC::A));
}

#[test]
fn spec_filer_constructed_submission_equals_its_plain_document() {
    for (envelope, plain) in [("filing4.xml", "doc4.xml"), ("filing5a.xml", "doc5a.xml")] {
        let (Some(wrapped), Some(direct)) = (spec_sample(envelope), spec_sample(plain)) else { return };
        let (wrapped, direct) = (only(&wrapped), only(&direct));
        let sub = wrapped.submission.as_ref().expect("the envelope");
        assert_eq!(sub.test_or_live.text(), "TEST");
        assert_eq!(sub.contact_name.text(), "JoeFiler");
        assert_eq!(sub.notification_email_addresses.len(), 3);
        // Everything but the spans (those of the embedded document all point at
        // its mime block) and the diagnostics' wording (which says where in the
        // decoded document they are).
        let strip = |f: &Filing| {
            let mut v = serde_json::to_value(f).unwrap();
            strip_spans(&mut v);
            let map = v.as_object_mut().unwrap();
            map.remove("submission");
            map.remove("diagnostics");
            v
        };
        assert_eq!(strip(wrapped), strip(direct), "{envelope} and {plain}");
        let codes = |f: &Filing| f.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
        assert_eq!(codes(wrapped), codes(direct));
        assert!(
            wrapped.diagnostics[0]
                .message
                .contains(&format!("(in {plain}, decoded from base64, at its line"))
        );
    }
}

fn strip_spans(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.remove("span");
            map.values_mut().for_each(strip_spans);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

fn spec_sample(name: &str) -> Option<Parsed> {
    let dir = xml_support::corpus_dir("")?.join("../spec/ownershipxmltechspec-v5-5/samples");
    let path = dir.join(name);
    let (_, parsed) = xml_support::parse_file(&path, &std::fs::read(&path).unwrap());
    assert_eq!(problems(&parsed), Vec::<String>::new(), "{name}");
    Some(parsed)
}
