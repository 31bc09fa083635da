//! The analysis over the whole corpus: every XML filing and full submission
//! is analysed (no panic, no overflow on real data), and the count of each
//! check's diagnostics is printed and compared with the reviewed summary in
//! `tests/analysis_summary.md` (rewritten on each run, committed, so a
//! change that moves the numbers shows in the diff). Every diagnostic in it
//! was reviewed by hand: set `ANALYSIS_DETAILS=<code>` to print them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

mod common_analysis;

use std::collections::BTreeMap;

use common_analysis::{analyze_plain, corpus};
use filing_core::diagnostic::Code;

#[test]
fn analysis_runs_over_the_whole_corpus() {
    let Some(corpus) = corpus("analysis_runs_over_the_whole_corpus") else { return };
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut files = 0;
    for dir in ["xml", "txt"] {
        let mut paths: Vec<_> =
            std::fs::read_dir(corpus.join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            let input = filing_core::Input::from_bytes(&bytes).unwrap();
            for filing in filing_core::parse(&input).filings {
                files += 1;
                let analysis = analyze_plain(&filing);
                let mut seen = Vec::new();
                for d in &analysis.diagnostics {
                    let entry = counts.entry(d.code.as_str()).or_default();
                    entry.0 += 1;
                    if !seen.contains(&d.code) {
                        seen.push(d.code);
                        entry.1 += 1;
                    }
                    if std::env::var("ANALYSIS_DETAILS").is_ok_and(|c| c == d.code.as_str()) {
                        eprintln!("{}: {}", path.display(), d.message);
                    }
                }
                assert!(
                    !analysis.diagnostics.iter().any(|d| d.code == Code::ArithmeticOverflow),
                    "{}: overflow on real data",
                    path.display()
                );
            }
        }
    }
    let mut summary = format!(
        "# Analysis over the corpus\n\n{files} filings analysed (ownership XML and full submissions, \
         without a user filing date: the signature date stands in where there is no header). \
         Every diagnostic was reviewed by hand; `ANALYSIS_DETAILS=<code>` prints them.\n\n\
         | check | diagnostics | filings |\n|---|---|---|\n"
    );
    for (code, (n, f)) in &counts {
        summary.push_str(&format!("| `{code}` | {n} | {f} |\n"));
    }
    println!("{summary}");
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/analysis_summary.md");
    std::fs::write(out, summary).unwrap();
}
