//! The SEC data-set export of a real submission from `../shared/corpus`
//! (2seventy bio, Form 4, accession 0001562180-25-000280, bare-CR line ends),
//! every cell checked against the filing as read by hand.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

mod xml_support;

use filing_core::export::sec::{DataSet, SecTable};

fn data_set() -> Option<DataSet> {
    let (_, parsed) = xml_support::corpus_file("txt/0001562180-25-000280.nc.txt")?;
    let filing = xml_support::only(&parsed);
    let mut set = DataSet::new();
    set.add(filing, filing.accession_number().unwrap());
    Some(set)
}

const ACC: &str = "0001562180-25-000280";

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

#[test]
fn submission_and_reporting_owner() {
    let Some(set) = data_set() else { return };
    assert_eq!(
        set.rows(SecTable::Submission),
        [strings(&[
            ACC,
            "08-JAN-2025",
            "06-JAN-2025",
            "",
            "",
            "0",
            "",
            "",
            "4",
            "0001860782",
            "2seventy bio, Inc.",
            "TSVT",
            "Title: Senior Vice President of Quality and Enabling Functions",
            "0",
        ])]
    );
    assert_eq!(
        set.rows(SecTable::ReportingOwner),
        [strings(&[
            ACC,
            "0002009134",
            "Snow Jessica",
            "Officer",
            "See Remarks",
            "",
            "60 BINNEY STREET",
            "",
            "CAMBRIDGE",
            "MA",
            "02142",
            "",
            "001-40791",
        ])]
    );
}

#[test]
fn transactions_with_their_footnote_columns() {
    let Some(set) = data_set() else { return };
    assert_eq!(
        set.rows(SecTable::NonDerivTrans),
        [strings(&[
            ACC,
            "1",
            "Common Stock",
            "F1",
            "06-JAN-2025",
            "",
            "",
            "",
            "4",
            "A",
            "0",
            "",
            "",
            "",
            "106150.00",
            "",
            "0.00",
            "",
            "A",
            "",
            "253329.00",
            "",
            "",
            "",
            "D",
            "",
            "",
            "",
        ])]
    );
    assert_eq!(
        set.rows(SecTable::DerivTrans),
        [strings(&[
            ACC,
            "1",
            "Stock Option (Right to buy)",
            "",
            "2.64",
            "",
            "06-JAN-2025",
            "",
            "",
            "",
            "4",
            "A",
            "0",
            "",
            "",
            "",
            "70750.00",
            "",
            "",
            "",
            "0.00",
            "",
            "A",
            "",
            "",
            "F2",
            "06-JAN-2035",
            "",
            "Common Stock",
            "",
            "70750.00",
            "",
            "",
            "",
            "70750.00",
            "",
            "",
            "",
            "D",
            "",
            "",
            "",
        ])]
    );
    assert!(set.rows(SecTable::NonDerivHolding).is_empty());
    assert!(set.rows(SecTable::DerivHolding).is_empty());
}

#[test]
fn footnotes_and_signatures() {
    let Some(set) = data_set() else { return };
    let footnotes = set.rows(SecTable::Footnotes);
    assert_eq!(footnotes.len(), 2);
    assert_eq!(footnotes[0][..2], strings(&[ACC, "F1"]));
    assert_eq!(
        footnotes[1][2],
        "This stock option vests over a four-year period at the rate of 25% on January 2, 2026, and then in 36 equal monthly installments thereafter, subject to the Reporting Person's continued service through the applicable vesting date."
    );
    assert_eq!(
        set.rows(SecTable::OwnerSignature),
        [strings(&[ACC, "/s/ Iya Kessler, Attorney-in-Fact", "08-JAN-2025"])]
    );
}

#[test]
fn tsv_files_have_the_sec_headers() {
    let Some(set) = data_set() else { return };
    let tsv = set.to_tsv(SecTable::DerivTrans);
    let mut lines = tsv.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with(
        "ACCESSION_NUMBER\tDERIV_TRANS_SK\tSECURITY_TITLE\tSECURITY_TITLE_FN\tCONV_EXERCISE_PRICE"
    ));
    assert!(header.contains("\tEXCERCISE_DATE\tEXCERCISE_DATE_FN\tEXPIRATION_DATE\t"), "the SEC's spelling");
    assert_eq!(header.split('\t').count(), 42);
    let row: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(row.len(), 42);
    assert_eq!((row[0], row[4], row[26]), (ACC, "2.64", "06-JAN-2035"));
    assert_eq!(lines.next(), None);
    assert!(tsv.ends_with('\n'));
    let header = set.to_tsv(SecTable::Submission);
    assert!(header.starts_with("ACCESSION_NUMBER\tFILING_DATE\tPERIOD_OF_REPORT\tDATE_OF_ORIG_SUB\tNO_SECURITIES_OWNED\tNOT_SUBJECT_SEC16\tFORM3_HOLDINGS_REPORTED\tFORM4_TRANS_REPORTED\tDOCUMENT_TYPE\tISSUERCIK\tISSUERNAME\tISSUERTRADINGSYMBOL\tREMARKS\tAFF10B5ONE\n"));
}
