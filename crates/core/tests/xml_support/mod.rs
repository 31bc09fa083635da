//! Helpers shared by the XML, submission and corpus tests.

#![allow(dead_code)] // each test crate uses its own part of these helpers

use std::io::Write;
use std::path::{Path, PathBuf};

use filing_core::diagnostic::{Code, Diagnostic, Severity};
use filing_core::model::{Date, Field, Filing, Num};
use filing_core::{Input, Parsed};

/// A committed fixture, decoded and parsed (detection included).
pub fn fixture(relative: &str) -> (Input, Parsed) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(relative);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_file(&path, &bytes)
}

/// Parse `bytes` read from `path`; decoding must succeed.
pub fn parse_file(path: &Path, bytes: &[u8]) -> (Input, Parsed) {
    let (input, parsed) = filing_core::parse_bytes(bytes);
    let input =
        input.unwrap_or_else(|| panic!("{}: not decodable: {:?}", path.display(), parsed.diagnostics));
    (input, parsed)
}

/// `../shared/corpus/<sub>` beside the repository, or `None` (saying so on
/// stderr, so a run without the corpus is not mistaken for a run with it).
pub fn corpus_dir(sub: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus").join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        // Written to stderr directly, not with eprintln!, so that the test
        // harness does not capture it: a run without the corpus says so.
        let _ = writeln!(
            std::io::stderr(),
            "CORPUS ABSENT: {} does not exist; this test checked nothing (put the shared corpus beside the repository)",
            dir.display()
        );
        None
    }
}

/// A corpus file, parsed; `None` when the corpus is absent.
pub fn corpus_file(relative: &str) -> Option<(Input, Parsed)> {
    let dir = corpus_dir("")?;
    let path = dir.join(relative);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(parse_file(&path, &bytes))
}

/// The one filing of a parse.
pub fn only(parsed: &Parsed) -> &Filing {
    assert_eq!(parsed.filings.len(), 1, "expected one filing: {:#?}", all_diagnostics(parsed));
    &parsed.filings[0]
}

/// Every diagnostic of a parse, the input's and the filings'.
pub fn all_diagnostics(parsed: &Parsed) -> Vec<&Diagnostic> {
    parsed.diagnostics.iter().chain(parsed.filings.iter().flat_map(|f| &f.diagnostics)).collect()
}

/// Diagnostics at warning level or above (info notes left out), as `code: message`.
pub fn problems(parsed: &Parsed) -> Vec<String> {
    all_diagnostics(parsed)
        .into_iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect()
}

/// The diagnostic with `code` (exactly one expected).
pub fn the(parsed: &Parsed, code: Code) -> &Diagnostic {
    let found: Vec<_> = all_diagnostics(parsed).into_iter().filter(|d| d.code == code).collect();
    assert_eq!(found.len(), 1, "expected one {code} diagnostic, got {found:#?}");
    found[0]
}

/// Where a diagnostic starts, as `line:column`.
pub fn at(input: &Input, diagnostic: &Diagnostic) -> String {
    let span = diagnostic.span.unwrap_or_else(|| panic!("no span: {diagnostic:?}"));
    input.line_col(span.start).to_string()
}

/// A number's text as written (`""` when empty).
pub fn num(field: &Field<Num>) -> &str {
    field.value.as_ref().map_or("", |n| n.text.as_str())
}

/// The footnote ids of a field, as `["F1", …]`.
pub fn notes<T>(field: &Field<T>) -> Vec<&str> {
    field.footnotes.iter().map(|f| f.as_str()).collect()
}

/// A date from `YYYY-MM-DD`.
pub fn date(text: &str) -> Date {
    Date::parse_iso(text).unwrap_or_else(|| panic!("bad date in test: {text}"))
}
