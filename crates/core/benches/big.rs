//! Linear time on huge inputs: every representation's parser on synthetic
//! inputs of 1, 10 and 100 MB in the shapes that break parsers — many filings,
//! one giant line, deep nesting, many footnotes, many columns — built from the
//! committed fixtures. Criterion reports MB/s per shape and size: a throughput
//! that stays flat from 1 to 100 MB is linear time; one that falls is not.
//!
//! Run: `cargo bench -p filing-core --bench big`. `BIG_SIZES_MB=1,10` runs only
//! those sizes (a 100 MB sample takes tens of seconds; Criterion takes ten).
//! Each input is parsed as its representation (`parse_as`), so a shape that
//! detection would refuse is still read by the parser it targets.

#![allow(missing_docs)] // criterion_main! generates an undocumented `main`

use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use filing_core::detect::Representation;
use filing_core::{Input, parse_as};

const MB: usize = 1_000_000;

fn fixture(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// `unit` repeated until the text reaches `size` bytes.
fn repeat_to(size: usize, unit: &str) -> String {
    unit.repeat(size / unit.len().max(1) + 1)
}

/// `text` with `filler` (`size` bytes of it, then a line break) put just before `marker`.
fn fill_before(text: &str, marker: &str, size: usize, filler: &str) -> String {
    let at = text.find(marker).unwrap_or_else(|| panic!("no {marker:?} in the fixture"));
    format!("{}{}\n{}", &text[..at], repeat_to(size, filler), &text[at..])
}

/// Every shape: its name, the representation it targets, and its input of `size` bytes.
fn shapes(size: usize) -> Vec<(&'static str, Representation, String)> {
    let xml = fixture("xml/valid/form4-full.xml");
    let text = fixture("text/example-form4.txt");
    let html = fixture("html/example-form4.html");
    let markdown = fixture("markdown/example-form4.md");
    let depth = size / 7;
    let footnotes: String =
        (1..).map(|i| format!("<footnote id=\"F{i}\">Note {i}.</footnote>")).take_while_size(size);
    let text_notes: String = (1..).map(|i| format!("({i}) Note {i}.\n")).take_while_size(size);
    vec![
        ("xml/many-filings", Representation::Xml, repeat_to(size, &xml)),
        ("xml/giant-line", Representation::Xml, fill_before(&xml, "</remarks>", size, "x")),
        (
            "xml/deep-nesting",
            Representation::Xml,
            fill_before(&fill_before(&xml, "<issuer>", depth * 3, "<x>"), "<issuer>", depth * 4, "</x>"),
        ),
        (
            "xml/footnotes",
            Representation::Xml,
            xml.replacen("<footnotes>", &format!("<footnotes>{footnotes}"), 1),
        ),
        (
            "submission/many-filings",
            Representation::Submission,
            repeat_to(size, &fixture("submission/archive-crlf.txt")),
        ),
        ("html/many-filings", Representation::Html, repeat_to(size, &html)),
        ("html/giant-line", Representation::Html, repeat_to(size, &html.replace('\n', " "))),
        ("html/deep-nesting", Representation::Html, fill_before(&html, "</body>", size, "<div>")),
        ("html/columns", Representation::Html, fill_before(&html, "</body>", size, "<td>1</td>")),
        ("text/many-filings", Representation::Text, repeat_to(size, &text)),
        ("text/giant-line", Representation::Text, fill_before(&text, "Table I", size, "x")),
        ("text/footnotes", Representation::Text, fill_before(&text, "Remarks:", size, &text_notes)),
        ("text/columns", Representation::Text, fill_before(&text, "Table I", size, "1\t")),
        ("markdown/many-filings", Representation::Markdown, repeat_to(size, &markdown)),
        ("markdown/columns", Representation::Markdown, fill_before(&markdown, "**Table I", size, "| 1 ")),
        (
            "pdf-text/many-filings",
            Representation::PdfText,
            repeat_to(size, &fixture("pdftext/example-form4.txt")),
        ),
    ]
}

/// Concatenating strings until `size` bytes.
trait TakeWhileSize {
    fn take_while_size(self, size: usize) -> String;
}

impl<I: Iterator<Item = String>> TakeWhileSize for I {
    fn take_while_size(self, size: usize) -> String {
        let mut out = String::with_capacity(size + 64);
        for piece in self {
            if out.len() >= size {
                break;
            }
            out.push_str(&piece);
        }
        out
    }
}

fn sizes() -> Vec<usize> {
    let list = std::env::var("BIG_SIZES_MB").unwrap_or_else(|_| "1,10,100".to_owned());
    list.split(',').filter_map(|s| s.trim().parse::<usize>().ok()).collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("big");
    for mb in sizes() {
        for (name, representation, text) in shapes(mb * MB) {
            let input = Input::from_text(text);
            group.throughput(Throughput::Bytes(input.text().len() as u64));
            group.bench_with_input(BenchmarkId::new(name, format!("{mb}MB")), &input, |b, input| {
                b.iter(|| parse_as(input, representation).filings.len());
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
