//! The `filing` binary on the core's fixtures (and, when `../shared` is there,
//! a corpus submission): what it prints, what it writes, and how it fails.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures").join(relative)
}

fn filing(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_filing")).args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// A fresh temporary directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("filing-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn summary_names_the_issuer_owners_and_rows() {
    let path = fixture("xml/valid/form4-full.xml");
    let out = filing(&["-q", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("form4-full.xml: Form 4 (ownership XML)"), "{stdout}");
    assert!(stdout.contains("Issuer: Fictional Fixture Corp & Sons [FFXC] CIK 0000000001"), "{stdout}");
    assert!(
        stdout.contains(
            "Reporting owner: Doe Jane Q (CIK 0000000002) Director, Officer (Chief Example Officer)"
        )
    );
    assert!(stdout.contains(
        "Reporting owner: Roe Holdings Ltd (CIK 0000000003) 10% Owner, Other (Member of a 13(d) group)"
    ));
    let sale =
        stdout.lines().find(|l| l.contains("2024-03-13") && l.contains("S(F1)")).expect("the sale row");
    assert!(sale.contains("1500") && sale.contains("10250.00"), "{sale}");
    assert!(stdout.contains("Signed: /s/ Jane Q. Doe 2024-03-15"));
}

#[test]
fn json_keeps_decimals_as_written() {
    let path = fixture("xml/valid/form4-full.xml");
    let out = filing(&["--json", path.to_str().unwrap()]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let f = &doc["files"][0]["filings"][0];
    assert_eq!(f["document_type"]["value"], "4");
    assert_eq!(f["period_of_report"]["value"], "2024-03-15");
    let sale = &f["non_derivative_table"][0];
    assert_eq!(sale["shares_owned_following_transaction"]["value"], "10250.00", "not 10250, not a float");
    assert_eq!(sale["transaction_price_per_share"]["value"], serde_json::Value::Null);
    assert_eq!(sale["transaction_price_per_share"]["footnotes"][0], "F2");
    assert_eq!(f["non_derivative_table"][1]["shares_owned_following_transaction"]["value"], ".5");
    assert_eq!(f["derivative_table"][1]["conversion_or_exercise_price"]["value"], "12.3456");
    let span = &sale["transaction_shares"]["span"];
    assert!(span[0].is_u64() && span[1].is_u64(), "spans are byte ranges");
}

#[test]
fn tsv_dir_writes_the_eight_sec_tables() {
    let dir = temp_dir("tsv");
    let path = fixture("submission/two-submissions.txt");
    let out = filing(&["--tsv-dir", dir.to_str().unwrap(), path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let names = [
        "SUBMISSION.tsv",
        "REPORTINGOWNER.tsv",
        "NONDERIV_TRANS.tsv",
        "NONDERIV_HOLDING.tsv",
        "DERIV_TRANS.tsv",
        "DERIV_HOLDING.tsv",
        "FOOTNOTES.tsv",
        "OWNER_SIGNATURE.tsv",
    ];
    for name in names {
        assert!(dir.join(name).is_file(), "{name}");
    }
    let submission = std::fs::read_to_string(dir.join("SUBMISSION.tsv")).unwrap();
    let lines: Vec<&str> = submission.lines().collect();
    assert!(lines[0].starts_with("ACCESSION_NUMBER\tFILING_DATE\tPERIOD_OF_REPORT\t"));
    assert!(lines[1].starts_with("0000000099-25-000003\t05-FEB-2025\t03-FEB-2025\t"), "{}", lines[1]);
    assert!(lines[2].starts_with("0000000099-25-000004\t11-FEB-2025\t10-FEB-2025\t"), "{}", lines[2]);
    let trans = std::fs::read_to_string(dir.join("NONDERIV_TRANS.tsv")).unwrap();
    let row: Vec<&str> = trans.lines().nth(2).unwrap().split('\t').collect();
    assert_eq!((row[0], row[9], row[14], row[20]), ("0000000099-25-000004", "M", "500", "7500"));
    assert!(text(&out.stdout).contains("NONDERIV_TRANS.tsv: 2 rows"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn tsv_dir_on_a_corpus_submission() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/txt");
    if !corpus.is_dir() {
        // Not eprintln!: the harness would capture it, and a run without the corpus must say so.
        let _ = writeln!(
            std::io::stderr(),
            "CORPUS ABSENT: {} does not exist; this test checked nothing",
            corpus.display()
        );
        return;
    }
    let dir = temp_dir("corpus");
    let path = corpus.join("0001127602-25-001055.txt");
    let out = filing(&["--tsv-dir", dir.to_str().unwrap(), path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Read by hand from the submission: AAR CORP, Form 4 filed 2025-01-10 by
    // Jessica A. Garascia (SEC file 001-06263), signed 2025-01-10.
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let submission = read("SUBMISSION.tsv");
    let row: Vec<&str> = submission.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!(
        (row[0], row[1], row[2], row[8], row[9], row[10], row[11]),
        ("0001127602-25-001055", "10-JAN-2025", "10-JAN-2025", "4", "0000001750", "AAR CORP", "AIR")
    );
    let owner = read("REPORTINGOWNER.tsv");
    let row: Vec<&str> = owner.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!((row[1], row[12]), ("0001806647", "001-06263"));
    let signature = read("OWNER_SIGNATURE.tsv");
    assert!(signature.lines().nth(1).unwrap().ends_with("\t10-JAN-2025"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn table_prints_csv() {
    let path = fixture("xml/valid/form3-old-schema.xml");
    let out = filing(&["--table", "csv", path.to_str().unwrap()]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.contains("holding,\"Common Stock, par value $0.001\","), "{stdout}");
    assert!(stdout.contains("Table II"));
}

#[test]
fn malformed_xml_names_the_file_line_and_column() {
    let path = fixture("xml/invalid/truncated.xml");
    let out = filing(&[path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr
            .contains("truncated.xml:22:1: error[xml-malformed]: the input ends inside <transactionAmounts>"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
    assert_eq!(
        text(&out.stdout),
        format!("== {}: no filing read (ownership XML; 1 error(s), on standard error)\n\n", path.display())
    );
}

#[test]
fn unreadable_and_binary_inputs_fail_clearly() {
    let out = filing(&["/nonexistent/form4.xml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("filing: /nonexistent/form4.xml: "));

    let dir = temp_dir("binary");
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("form4.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\0\0\x01binary").unwrap();
    let out = filing(&[pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("form4.pdf: error[decode-failed]: this is a PDF file, not text"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn standard_input_and_usage_errors() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_filing"))
        .args(["-q", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let xml = std::fs::read(fixture("xml/valid/two-documents.xml")).unwrap();
    child.stdin.take().unwrap().write_all(&xml).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).matches("== -: Form").count(), 2, "two filings from one paste");

    let out = filing(&["--table", "xlsx", "x.xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown table format \"xlsx\""));
    let out = filing(&[]);
    assert_eq!(out.status.code(), Some(2));
}
