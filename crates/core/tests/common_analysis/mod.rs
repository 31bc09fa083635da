//! Helpers shared by the analysis tests: where the corpus is, reading a
//! filing, finding a row's analysis.

#![allow(dead_code)] // each test file uses its own subset

use std::path::{Path, PathBuf};

use filing_core::analysis::{Analysis, Context, RowAnalysis, analyze};
use filing_core::diagnostic::{Code, Diagnostic};
use filing_core::model::{Date, Filing, Table};
use filing_core::{Input, parse};
use rust_decimal::Decimal;

/// `../shared/corpus` beside the repository, or `None` after saying plainly
/// that it is absent (so the caller can return without pretending to test).
pub fn corpus(test: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if dir.join("xml").is_dir() {
        Some(dir)
    } else {
        eprintln!("{test}: the corpus is absent ({} not found): NOT TESTED", dir.display());
        None
    }
}

/// The one filing in `path`, parsed.
pub fn filing_at(path: &Path) -> Filing {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let input = Input::from_bytes(&bytes).unwrap();
    let mut parsed = parse(&input);
    assert_eq!(parsed.filings.len(), 1, "{}: expected one filing", path.display());
    parsed.filings.remove(0)
}

/// A corpus filing by its path under the corpus (`xml/….xml`, `txt/….txt`).
pub fn corpus_filing(corpus: &Path, name: &str) -> Filing {
    filing_at(&corpus.join(name))
}

/// A fixture of ours under `tests/fixtures/analysis/`.
pub fn fixture(name: &str) -> Filing {
    filing_at(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analysis").join(name))
}

/// Analyze with no filing date from the user and no "today".
pub fn analyze_plain(filing: &Filing) -> Analysis {
    analyze(filing, &Context::default())
}

/// The analysis of one row.
pub fn row(analysis: &Analysis, table: Table, row: u32) -> &RowAnalysis {
    analysis.rows.iter().find(|r| r.table == table && r.row == row).unwrap()
}

/// The diagnostics with `code`.
pub fn with_code(analysis: &Analysis, code: Code) -> Vec<&Diagnostic> {
    analysis.diagnostics.iter().filter(|d| d.code == code).collect()
}

/// A decimal from text.
pub fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// A date.
pub fn date(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).unwrap()
}
