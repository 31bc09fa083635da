//! Ownership XML → model, against the bare quick-xml tokenizer the parser is
//! built on, over every file of `../shared/corpus/xml/` (or, without the
//! corpus, the repository's own XML fixtures).
//!
//! Run: `cargo bench -p filing-core --bench xml`. Criterion prints MB/s and
//! files/s for each; the ratio of the two `model` and `bare-scan` lines is
//! what the model costs over tokenizing alone.
//!
//! Wall-clock times vary with what else the machine runs. For a repeatable
//! count, `XML_BENCH_PASSES=3 XML_BENCH_ONLY=model` (or `=bare-scan`) makes
//! the binary read the corpus that many times and exit, to run under
//! `valgrind --tool=callgrind` (see the README's Performance section).
//! `XML_BENCH_BEST=40` instead times 40 passes of each, in turns, and prints
//! the quickest of each and their ratio (less sensitive to a busy machine).

#![allow(missing_docs)] // criterion_group! generates undocumented items

use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{BatchSize, Criterion, Throughput, criterion_group};
use quick_xml::Reader;
use quick_xml::events::Event;

/// The corpus files, or the fixtures when the corpus is absent.
fn inputs() -> (String, Vec<String>) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = manifest.join("../../../shared/corpus/xml");
    let (label, dir) = if corpus.is_dir() {
        ("corpus", corpus)
    } else {
        eprintln!("../shared/corpus is absent: benchmarking the repository's XML fixtures instead");
        ("fixtures", manifest.join("tests/fixtures/xml/valid"))
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "xml"));
    paths.sort();
    let texts = paths.iter().filter_map(|p| std::fs::read(p).ok()).filter_map(|b| String::from_utf8(b).ok());
    (label.to_owned(), texts.collect())
}

/// Every event of `text`, nothing else: the floor the model's parser stands on.
fn bare_scan(text: &str) -> usize {
    let mut reader = Reader::from_str(text);
    let mut events = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => return events,
            Ok(_) => events += 1,
        }
    }
}

fn bench(c: &mut Criterion) {
    let (label, texts) = inputs();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let files = texts.len() as u64;
    eprintln!("{label}: {files} files, {bytes} bytes");
    let mut group = c.benchmark_group(format!("xml-{label}"));
    group.throughput(Throughput::ElementsAndBytes { elements: files, bytes });
    // The parsed filings are dropped after each timed iteration, outside the
    // timing: freeing the model is not part of reading it ("model-with-drop"
    // times both).
    group.bench_function("model", |b| {
        b.iter_batched(
            || (),
            |()| texts.iter().map(|t| filing_core::repr::xml::parse(t, 0..t.len())).collect::<Vec<_>>(),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("model-with-drop", |b| {
        b.iter(|| {
            texts.iter().map(|t| filing_core::repr::xml::parse(t, 0..t.len()).filings.len()).sum::<usize>()
        })
    });
    group.bench_function("bare-scan", |b| b.iter(|| texts.iter().map(|t| bare_scan(t)).sum::<usize>()));
    group.finish();
}

criterion_group!(benches, bench);

/// The quickest of `passes` wall-clock passes of the model and of the bare
/// scan, taken in turns so that both see the same load from the rest of the
/// machine; prints MB/s, files/s and the ratio.
fn best_of(passes: usize) {
    let (label, texts) = inputs();
    let bytes: usize = texts.iter().map(String::len).sum();
    let (mut model, mut with_drop, mut bare) = (f64::MAX, f64::MAX, f64::MAX);
    for _ in 0..passes {
        let start = Instant::now();
        let filings: Vec<_> = texts.iter().map(|t| filing_core::repr::xml::parse(t, 0..t.len())).collect();
        model = model.min(start.elapsed().as_secs_f64());
        drop(filings);
        with_drop = with_drop.min(start.elapsed().as_secs_f64());
        let start = Instant::now();
        std::hint::black_box(texts.iter().map(|t| bare_scan(t)).sum::<usize>());
        bare = bare.min(start.elapsed().as_secs_f64());
    }
    let rate = |secs: f64| {
        format!("{:.0} MB/s, {:.1} k files/s", bytes as f64 / secs / 1e6, texts.len() as f64 / secs / 1e3)
    };
    println!("{label}: {} files, {bytes} bytes, best of {passes} passes", texts.len());
    println!("model            {}", rate(model));
    println!("model-with-drop  {}", rate(with_drop));
    println!("bare-scan        {}", rate(bare));
    println!("model / bare-scan {:.2}, model-with-drop / bare-scan {:.2}", bare / model, bare / with_drop);
}

fn main() {
    if let Some(passes) = std::env::var("XML_BENCH_BEST").ok().and_then(|p| p.parse::<usize>().ok()) {
        return best_of(passes);
    }
    // A fixed number of passes, for an instruction count under callgrind.
    if let Some(passes) = std::env::var("XML_BENCH_PASSES").ok().and_then(|p| p.parse::<usize>().ok()) {
        let (_, texts) = inputs();
        let only = std::env::var("XML_BENCH_ONLY").unwrap_or_default();
        let mut count = 0;
        for _ in 0..passes {
            for text in &texts {
                count += match only.as_str() {
                    "bare-scan" => bare_scan(text),
                    _ => filing_core::repr::xml::parse(text, 0..text.len()).filings.len(),
                };
            }
        }
        println!("{passes} passes of {only:?}: {count}");
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
