//! The full EDGAR submissions (`../shared/corpus/txt/`) and the EDGAR-rendered
//! pages (`../shared/corpus/html/`), detected and parsed as
//! `filing_core::parse` does it for a user's input (or, without the corpus,
//! the repository's own fixtures of each).
//!
//! Run: `cargo bench -p filing-core --bench repr`. Criterion prints MB/s and
//! files/s for each. The ownership XML has its own bench (`xml`, with the bare
//! tokenizer for comparison), the lossy renderings theirs (`lossy`).

#![allow(missing_docs)] // criterion_main! generates an undocumented `main`

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use filing_core::{Input, parse};

/// Each representation: its name, its corpus folder and its fixtures folder.
const SOURCES: [(&str, &str, &str); 2] = [("submission", "txt", "submission"), ("html", "html", "html")];

/// The decoded inputs of one folder, sorted by name.
fn read_dir(dir: &Path) -> Vec<Input> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).filter_map(|b| Input::from_bytes(&b).ok()).collect()
}

fn bench(c: &mut Criterion) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = manifest.join("../../../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("../shared/corpus is absent: benchmarking the repository's fixtures instead");
    }
    let mut group = c.benchmark_group("repr");
    for (name, corpus_dir, fixtures_dir) in SOURCES {
        let inputs = if corpus.is_dir() {
            read_dir(&corpus.join(corpus_dir))
        } else {
            read_dir(&manifest.join("tests/fixtures").join(fixtures_dir))
        };
        if inputs.is_empty() {
            eprintln!("{name}: no files, not benchmarked");
            continue;
        }
        let bytes: u64 = inputs.iter().map(|t| t.text().len() as u64).sum();
        let files = inputs.len() as u64;
        eprintln!("{name}: {files} files, {bytes} bytes");
        group.throughput(Throughput::ElementsAndBytes { elements: files, bytes });
        group.bench_function(name, |b| {
            b.iter(|| inputs.iter().map(|t| parse(t).filings.len()).sum::<usize>())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
