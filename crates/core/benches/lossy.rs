//! The lossy readers (EDGAR page, copied text, Markdown, PDF text) over the
//! text corpus: `../shared/corpus/text/<rendering>/` (or, without the
//! corpus, the repository's own fixtures in `tests/fixtures/<rendering>/`).
//!
//! Run: `cargo bench -p filing-core --bench lossy`. Criterion prints MB/s for
//! each rendering (detection and parsing, as `filing_core::parse` does them)
//! and for the whole corpus at once; the target is 30 MB/s or more.
//!
//! For a repeatable instruction count, `LOSSY_BENCH_PASSES=3` makes the
//! binary parse the corpus that many times and exit, to run under
//! `valgrind --tool=callgrind`; `LOSSY_BENCH_ONLY=innertext` (a rendering's
//! name) limits that to one rendering. `LOSSY_BENCH_PASSES=0` only reads the
//! files, the count to subtract.

#![allow(missing_docs)] // criterion_main! generates an undocumented `main`

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group};
use filing_core::{Input, parse};

const RENDERINGS: [&str; 9] = [
    "html",
    "innertext",
    "mdhtml",
    "html2md",
    "markdown",
    "pdftext",
    "pdfraw",
    "innertext-legacy",
    "pdftext-legacy",
];

/// The texts of each rendering, from the corpus or else the fixtures.
fn inputs() -> Vec<(String, Vec<Input>)> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = manifest.join("../../../shared/corpus/text");
    let root = if corpus.is_dir() {
        corpus
    } else {
        eprintln!("../shared/corpus is absent: benchmarking the repository's fixtures instead");
        manifest.join("tests/fixtures")
    };
    RENDERINGS
        .iter()
        .filter_map(|rendering| {
            let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(rendering))
                .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            paths.sort();
            let inputs: Vec<Input> = paths
                .iter()
                .filter_map(|p| std::fs::read(p).ok())
                .filter_map(|b| Input::from_bytes(&b).ok())
                .collect();
            (!inputs.is_empty()).then(|| ((*rendering).to_owned(), inputs))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let all = inputs();
    let mut group = c.benchmark_group("lossy");
    let mut total = 0u64;
    for (rendering, texts) in &all {
        let bytes: u64 = texts.iter().map(|t| t.text().len() as u64).sum();
        total += bytes;
        group.throughput(Throughput::Bytes(bytes));
        group.bench_function(rendering.as_str(), |b| {
            b.iter(|| texts.iter().map(|t| parse(t).filings.len()).sum::<usize>());
        });
    }
    group.throughput(Throughput::Bytes(total));
    group.bench_function("all", |b| {
        b.iter(|| all.iter().flat_map(|(_, texts)| texts).map(|t| parse(t).filings.len()).sum::<usize>());
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}

fn main() {
    // A fixed number of passes, for an instruction count under callgrind.
    if let Some(passes) = std::env::var("LOSSY_BENCH_PASSES").ok().and_then(|p| p.parse::<usize>().ok()) {
        let only = std::env::var("LOSSY_BENCH_ONLY").unwrap_or_default();
        let all = inputs();
        let mut count = 0;
        for _ in 0..passes {
            for (rendering, texts) in &all {
                if only.is_empty() || only == *rendering {
                    count += texts.iter().map(|t| parse(t).filings.len()).sum::<usize>();
                }
            }
        }
        println!("{passes} passes of {only:?}: {count} filings");
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
