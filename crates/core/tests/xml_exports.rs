//! Exports of the repository's own fixtures: the SEC data-set tables and a
//! filing's tables as TSV, CSV, Markdown and JSON, checked against what the
//! fixture (`tests/fixtures/xml/valid/form4-full.xml`) says.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

mod xml_support;

use filing_core::export::sec::{DataSet, SecTable};
use filing_core::export::table::{Format, export};
use filing_core::model::Table;
use xml_support::{fixture, only};

fn form4() -> filing_core::model::Filing {
    let (_, parsed) = fixture("xml/valid/form4-full.xml");
    only(&parsed).clone()
}

#[test]
fn sec_tables_of_a_filing_without_a_header() {
    let filing = form4();
    let mut set = DataSet::new();
    set.add(&filing, "");
    let submission = &set.rows(SecTable::Submission)[0];
    assert_eq!(submission[1], "", "no filing date without a submission header");
    assert_eq!(submission[2], "15-MAR-2024");
    assert_eq!(submission[13], "1", "aff10b5One");
    let owners: Vec<(&str, &str)> =
        set.rows(SecTable::ReportingOwner).iter().map(|r| (r[2].as_str(), r[3].as_str())).collect();
    assert_eq!(owners, [("Doe Jane Q", "Director,Officer"), ("Roe Holdings Ltd", "TenPercentOwner,Other")]);
    assert_eq!(set.rows(SecTable::ReportingOwner)[1][5], "Member of a 13(d) group");

    let sale = &set.rows(SecTable::NonDerivTrans)[0];
    assert_eq!((sale[1].as_str(), sale[6].as_str(), sale[9].as_str()), ("1", "14-MAR-2024", "S"));
    assert_eq!((sale[10].as_str(), sale[11].as_str()), ("0", "F1"), "swap flag, then the coding's footnotes");
    assert_eq!((sale[12].as_str(), sale[14].as_str()), ("L", "1500"));
    assert_eq!((sale[16].as_str(), sale[17].as_str()), ("", "F2"), "a price given only by footnote");
    assert_eq!(sale[20], "10250.00");
    let holding = &set.rows(SecTable::NonDerivHolding)[0];
    assert_eq!((holding[1].as_str(), holding[6].as_str(), holding[7].as_str()), ("1", ".5", "F3"));
    assert_eq!(holding[12], "By Example Family Trust");

    let units = &set.rows(SecTable::DerivTrans)[0];
    let columns = SecTable::DerivTrans.columns();
    let cell = |name: &str| units[columns.iter().position(|c| *c == name).unwrap()].as_str();
    assert_eq!((cell("CONV_EXERCISE_PRICE"), cell("CONV_EXERCISE_PRICE_FN")), ("", "F4"));
    assert_eq!((cell("TRANS_SHARES"), cell("TRANS_TOTAL_VALUE")), ("", "25000.75"));
    assert_eq!((cell("EXCERCISE_DATE"), cell("EXCERCISE_DATE_FN")), ("", "F4"));
    assert_eq!(cell("UNDLYNG_SEC_VALUE"), "25000.75");
    assert_eq!(cell("VALU_OWND_FOLWNG_TRANS"), "50001.50");
    let option = &set.rows(SecTable::DerivHolding)[0];
    let columns = SecTable::DerivHolding.columns();
    let cell = |name: &str| option[columns.iter().position(|c| *c == name).unwrap()].as_str();
    assert_eq!((cell("DERIV_HOLDING_SK"), cell("CONV_EXERCISE_PRICE")), ("1", "12.3456"));
    assert_eq!((cell("EXERCISE_DATE"), cell("EXPIRATION_DATE")), ("01-JAN-2025", "01-JAN-2034"));

    let tsv = set.to_tsv(SecTable::Footnotes);
    let f2 = tsv.lines().nth(2).unwrap();
    assert_eq!(
        f2,
        "\tF2\tSold in several trades at prices from $10.00 to $10.50; the weighted average is given on request.",
        "a line break in a footnote becomes one space"
    );
    assert_eq!(set.rows(SecTable::OwnerSignature).len(), 2);
}

#[test]
fn several_filings_share_one_data_set() {
    let (_, parsed) = fixture("submission/two-submissions.txt");
    let mut set = DataSet::new();
    for filing in &parsed.filings {
        set.add(filing, filing.accession_number().unwrap());
    }
    let keys: Vec<(&str, &str)> =
        set.rows(SecTable::NonDerivTrans).iter().map(|r| (r[0].as_str(), r[1].as_str())).collect();
    assert_eq!(
        keys,
        [("0000000099-25-000003", "1"), ("0000000099-25-000004", "1")],
        "keys restart per accession"
    );
    let filed: Vec<&str> = set.rows(SecTable::Submission).iter().map(|r| r[1].as_str()).collect();
    assert_eq!(filed, ["05-FEB-2025", "11-FEB-2025"]);
    assert_eq!(set.rows(SecTable::ReportingOwner)[0][12], "000-00001", "FILE_NUMBER from the header");
}

#[test]
fn tsv_of_table_one_pastes_into_a_spreadsheet() {
    let tsv = export(&form4(), Table::NonDerivative, Format::Tsv);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(
        lines[0],
        "Kind\tSecurity\tDate\tDeemed execution\tForm\tCode\tSwap\tTimeliness\tShares\tA/D\tPrice\tOwned after\tValue owned after\tD/I\tNature of ownership\tFootnotes"
    );
    assert_eq!(
        lines[1],
        "transaction\tCommon Stock\t2024-03-13\t2024-03-14\t4\tS\t0\tL\t1500\tD\t\t10250.00\t\tD\t\tCode: F1; Price: F2"
    );
    assert_eq!(
        lines[2],
        "holding\tCommon Stock\t\t\t\t\t\t\t\t\t\t.5\t\tI\tBy Example Family Trust\tOwned after: F3"
    );
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| l.split('\t').count() == 16));
}

#[test]
fn csv_quotes_per_rfc_4180() {
    let csv = export(&form4(), Table::Derivative, Format::Csv);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines.last(), Some(&""), "CRLF after every record");
    assert!(lines[0].starts_with("Kind,Security,Exercise price,Date,"));
    assert_eq!(
        lines[2],
        "holding,Stock Option (right to buy),12.3456,,,,,,,,,,2025-01-01,2034-01-01,Common Stock,4000,,,4000,,D,,"
    );
    assert!(lines[1].ends_with(",Exercise price: F4; Exercisable: F4"), "no comma, no quotes: {}", lines[1]);
    let (_, parsed) = fixture("xml/valid/form3-old-schema.xml");
    let csv = export(only(&parsed), Table::NonDerivative, Format::Csv);
    let row = csv.split("\r\n").nth(1).unwrap();
    assert!(row.starts_with("holding,\"Common Stock, par value $0.001\","), "{row}");
}

#[test]
fn markdown_puts_footnote_marks_after_values() {
    let md = export(&form4(), Table::NonDerivative, Format::Markdown);
    let lines: Vec<&str> = md.lines().collect();
    assert!(lines[0].starts_with("| Kind | Security | Date |"));
    assert_eq!(lines[1], format!("|{}", " --- |".repeat(15)));
    assert_eq!(
        lines[2],
        "| transaction | Common Stock | 2024-03-13 | 2024-03-14 | 4 | S (F1) | 0 | L | 1500 | D | (F2) | 10250.00 |  | D |  |"
    );
}

#[test]
fn json_rows_name_their_cells() {
    let json = export(&form4(), Table::Derivative, Format::Json);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    let units = &rows[0];
    assert_eq!(units["kind"], "transaction");
    assert_eq!(units["cells"]["transaction-total-value"]["value"], "25000.75");
    assert_eq!(units["cells"]["conversion-or-exercise-price"]["value"], serde_json::Value::Null);
    assert_eq!(units["cells"]["conversion-or-exercise-price"]["footnotes"][0], "F4");
    assert_eq!(rows[1]["cells"]["conversion-or-exercise-price"]["value"], "12.3456", "decimals are strings");
    assert_eq!(rows.as_array().unwrap().len(), 2);
}
