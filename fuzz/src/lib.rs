//! The bodies of the fuzz targets, one function per target.
//!
//! Each takes whatever bytes the fuzzer makes and runs one stage of the core on
//! them. A body fails only by panicking: the core must answer any input with
//! filings and diagnostics, never a panic, and every span it reports must lie
//! inside the text it read. The `fuzz_targets/` binaries call these under
//! libFuzzer (nightly), and `crates/core/tests/fuzz_seeds.rs` includes this
//! file and runs every body over the seed inputs on stable, so the harnesses
//! cannot rot between fuzzing runs.

use filing_core::analysis::{self, Context};
use filing_core::detect::{self, Representation};
use filing_core::export::sec::{DataSet, SecTable};
use filing_core::export::table::{self, Format};
use filing_core::model::{Filing, Table};
use filing_core::repr::{self, Output};
use filing_core::{Input, Parsed};

/// A target's body: bytes in, a panic if the core mishandles them.
pub type Body = fn(&[u8]);

/// Every target: its name (the `fuzz_targets/` file) and its body.
pub const TARGETS: [(&str, Body); 8] = [
    ("detect", detect),
    ("xml", xml),
    ("submission", submission),
    ("html", html),
    ("text", text),
    ("markdown", markdown),
    ("pdf_text", pdf_text),
    ("pipeline", pipeline),
];

/// The bytes as text the way a paste would arrive (lossy UTF-8).
fn as_text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Detection, and splitting the text into filings as every representation.
pub fn detect(data: &[u8]) {
    let text = as_text(data);
    let detection = detect::detect(&text);
    for representation in [detection.representation, Representation::Text, Representation::Markdown] {
        for range in detect::split(&text, representation) {
            assert!(range.start <= range.end && range.end <= text.len(), "split out of range: {range:?}");
            assert!(text.get(range.clone()).is_some(), "split not on a character boundary: {range:?}");
        }
    }
    let _ = detect::is_older_layout(&text);
}

/// The ownership XML parser.
pub fn xml(data: &[u8]) {
    let text = as_text(data);
    check_output(&text, &repr::xml::parse(&text, 0..text.len()));
}

/// The SGML submission envelope (and the XML inside it).
pub fn submission(data: &[u8]) {
    let text = as_text(data);
    check_output(&text, &repr::submission::parse(&text));
}

/// The EDGAR-rendered HTML page.
pub fn html(data: &[u8]) {
    let text = as_text(data);
    check_output(&text, &repr::html::parse(&text));
}

/// Text copied from the page in a browser.
pub fn text(data: &[u8]) {
    let text = as_text(data);
    check_output(&text, &repr::text::parse(&text));
}

/// Markdown made from the page or a PDF.
pub fn markdown(data: &[u8]) {
    let text = as_text(data);
    check_output(&text, &repr::markdown::parse(&text));
}

/// Text extracted from a PDF.
pub fn pdf_text(data: &[u8]) {
    let text = as_text(data);
    check_output(&text, &repr::pdf::parse(&text));
}

/// The whole pipeline as the page runs it: decode, detect, parse, analyse each
/// filing and the batch, every export, and the model's JSON (the CLI's `--json`).
pub fn pipeline(data: &[u8]) {
    let (input, parsed) = filing_core::parse_bytes(data);
    if let Some(input) = &input {
        check_parsed(input, &parsed);
    }
    let context = Context::default();
    let mut data_set = DataSet::new();
    for filing in &parsed.filings {
        let analysis = analysis::analyze(filing, &context);
        if let Some(input) = &input {
            for diagnostic in &analysis.diagnostics {
                check_span(input.text(), diagnostic.span);
            }
        }
        for table in [Table::NonDerivative, Table::Derivative] {
            for format in Format::ALL {
                let _ = table::export(filing, table, format);
            }
        }
        data_set.add(filing, "0000000000-00-000000");
        let _ = serde_json::to_string(&analysis);
    }
    for table in SecTable::ALL {
        let _ = data_set.to_tsv(table);
    }
    let _ = analysis::batch(&parsed.filings);
    let _ = serde_json::to_string(&parsed);
}

fn check_parsed(input: &Input, parsed: &Parsed) {
    for diagnostic in &parsed.diagnostics {
        check_span(input.text(), diagnostic.span);
        if let Some(span) = diagnostic.span {
            let _ = input.line_col(span.start);
        }
    }
    check_filings(input.text(), &parsed.filings);
}

fn check_output(text: &str, output: &Output) {
    for diagnostic in &output.diagnostics {
        check_span(text, diagnostic.span);
    }
    check_filings(text, &output.filings);
}

fn check_filings(text: &str, filings: &[Filing]) {
    for filing in filings {
        for diagnostic in &filing.diagnostics {
            check_span(text, diagnostic.span);
        }
    }
}

fn check_span(text: &str, span: Option<filing_core::source::Span>) {
    if let Some(span) = span {
        assert!(span.start <= span.end && span.end as usize <= text.len(), "span {span:?} outside the text");
    }
}
