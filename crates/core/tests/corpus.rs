//! The whole corpus in `../shared/corpus` (and the SEC's samples beside it):
//! every XML filing and full submission parses with no error and nothing
//! unplaced, and what it yields agrees with the counts and values of
//! `MANIFEST.tsv` (which the corpus's makers wrote, independently of this
//! parser). The 2000-era text-only submission gets `no-xml-document`.
//!
//! Without the corpus each test prints that it is absent and checks nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

mod xml_support;

use std::collections::BTreeMap;
use std::path::Path;

use filing_core::Parsed;
use filing_core::diagnostic::{Code, Severity};
use filing_core::model::{Filing, RowKind};
use xml_support::{all_diagnostics, corpus_dir, parse_file};

/// The one submission with no XML document (a typed Form 4 from 2000).
const TEXT_ONLY: &str = "0001094891-00-000193.txt";

/// Every file of a corpus directory, sorted, parsed.
fn parse_dir(dir: &Path) -> Vec<(String, Parsed)> {
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let (_, parsed) = parse_file(&path, &std::fs::read(&path).unwrap());
            (name, parsed)
        })
        .collect()
}

/// What is wrong with a parse: errors and unplaced content of any severity.
fn faults(parsed: &Parsed) -> Vec<String> {
    all_diagnostics(parsed)
        .into_iter()
        .filter(|d| d.severity == Severity::Error || d.code == Code::UnplacedContent)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect()
}

#[test]
fn every_corpus_file_parses_without_errors_or_unplaced_content() {
    let (Some(xml), Some(txt)) = (corpus_dir("xml"), corpus_dir("txt")) else { return };
    let mut failures = Vec::new();
    let mut counts = BTreeMap::new();
    for (kind, dir) in [("xml", xml), ("txt", txt)] {
        for (name, parsed) in parse_dir(&dir) {
            *counts.entry(kind).or_insert(0) += 1;
            if name == TEXT_ONLY {
                let codes: Vec<_> = all_diagnostics(&parsed)
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .map(|d| d.code)
                    .collect();
                assert_eq!(codes, [Code::NoXmlDocument], "{name}");
                assert!(parsed.filings.is_empty(), "{name}");
                continue;
            }
            if parsed.filings.len() != 1 {
                failures.push(format!("{kind}/{name}: {} filings", parsed.filings.len()));
            }
            failures.extend(faults(&parsed).into_iter().map(|f| format!("{kind}/{name}: {f}")));
        }
    }
    eprintln!("corpus: {counts:?} files parsed");
    assert_eq!(counts.get("xml"), Some(&372));
    assert_eq!(counts.get("txt"), Some(&13));
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn spec_samples_parse_without_errors_or_unplaced_content() {
    let Some(corpus) = corpus_dir("") else { return };
    let dir = corpus.join("../spec/ownershipxmltechspec-v5-5/samples");
    let parsed = parse_dir(&dir);
    assert_eq!(parsed.len(), 12, "doc3…doc5a and filing3…filing5a");
    for (name, parsed) in parsed {
        assert_eq!(parsed.filings.len(), 1, "{name}");
        assert_eq!(faults(&parsed), Vec::<String>::new(), "{name}");
        let f = &parsed.filings[0];
        assert_eq!(f.submission.is_some(), name.starts_with("filing"), "{name}: the envelope is kept");
    }
}

/// One data row of `MANIFEST.tsv`, by column name.
type Entry = BTreeMap<String, String>;

fn manifest(corpus: &Path) -> Vec<Entry> {
    let text = std::fs::read_to_string(corpus.join("MANIFEST.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .map(|line| {
            header.iter().zip(line.split('\t')).map(|(k, v)| (k.to_string(), v.to_string())).collect()
        })
        .collect()
}

/// The manifest's columns, computed from a parsed filing the way the manifest writes them.
fn columns(f: &Filing) -> Vec<(&'static str, String)> {
    let kinds =
        |rows: &[filing_core::model::Row], kind| rows.iter().filter(|r| r.kind == kind).count().to_string();
    let flag = |v: Option<bool>| v.map(|b| if b { "1" } else { "0" }).unwrap_or("").to_owned();
    vec![
        ("form_type", f.document_type.value.map(|t| t.as_str().to_owned()).unwrap_or_default()),
        ("schema_version", f.schema_version.text().to_owned()),
        ("n_reporting_owners", f.reporting_owners.len().to_string()),
        ("n_nonderiv_transactions", kinds(&f.non_derivative_table, RowKind::Transaction)),
        ("n_nonderiv_holdings", kinds(&f.non_derivative_table, RowKind::Holding)),
        ("n_deriv_transactions", kinds(&f.derivative_table, RowKind::Transaction)),
        ("n_deriv_holdings", kinds(&f.derivative_table, RowKind::Holding)),
        ("n_footnotes", f.footnotes.len().to_string()),
        ("period_of_report", f.period_of_report.value.map(|d| d.to_string()).unwrap_or_default()),
        ("issuer_ticker", f.issuer.trading_symbol.text().to_owned()),
        ("aff10b5One", flag(f.aff10b5_one.value)),
    ]
}

#[test]
fn corpus_agrees_with_its_manifest() {
    let Some(corpus) = corpus_dir("") else { return };
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for entry in manifest(&corpus) {
        let kind = entry["representation"].as_str();
        if kind != "xml" && kind != "txt" {
            continue;
        }
        let path = corpus.join(&entry["file"]);
        let (_, parsed) = parse_file(&path, &std::fs::read(&path).unwrap());
        let Some(f) = parsed.filings.first() else {
            mismatches.push(format!("{}: no filing", entry["file"]));
            continue;
        };
        for (column, got) in columns(f) {
            let want = entry[column].as_str();
            // The manifest writes the raw aff10b5One (0/1/true/false); flags compare as flags.
            let want = match (column, want) {
                ("aff10b5One", "true") => "1",
                ("aff10b5One", "false") => "0",
                (_, "NA") => continue,
                _ => want,
            };
            if got != want {
                mismatches
                    .push(format!("{}: {column} is {got:?}, the manifest says {want:?}", entry["file"]));
            }
        }
        // The manifest's has_remarks is 1 for some files whose <remarks></remarks>
        // is empty (element present) and 0 for others: a 1 means the element is
        // there, a 0 that no remark is written.
        let remarks_ok = match entry["has_remarks"].as_str() {
            "1" => f.remarks.span.is_some(),
            _ => f.remarks.value.is_none(),
        };
        if !remarks_ok {
            mismatches.push(format!("{}: remarks {:?}", entry["file"], f.remarks.value));
        }
        if kind == "txt" && f.accession_number() != Some(entry["accession"].as_str()) {
            mismatches.push(format!("{}: accession {:?}", entry["file"], f.accession_number()));
        }
        checked += 1;
    }
    eprintln!("manifest: {checked} filings compared column by column");
    assert_eq!(checked, 372 + 12);
    assert!(mismatches.is_empty(), "{} mismatches:\n{}", mismatches.len(), mismatches.join("\n"));
}
