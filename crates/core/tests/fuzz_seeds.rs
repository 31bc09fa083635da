//! Every fuzz target's body (`fuzz/src/lib.rs`, shared with the cargo-fuzz
//! binaries) run on stable over its seed inputs: every committed fixture, the
//! malformed ones included. Fuzzing itself needs nightly and is not part of the
//! test command (see `fuzz/README.md`); this keeps the harnesses compiling and
//! passing on what they are seeded with.

#[path = "../../../fuzz/src/lib.rs"]
mod fuzz_bodies;

use std::path::{Path, PathBuf};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap_or_else(|e| panic!("{}: {e}", dir.display())).path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn every_fuzz_body_accepts_every_seed() {
    let mut seeds = Vec::new();
    files_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"), &mut seeds);
    seeds.sort();
    assert!(seeds.len() >= 40, "the seed fixtures are missing: found {}", seeds.len());
    for seed in &seeds {
        let bytes = std::fs::read(seed).unwrap();
        for (name, body) in fuzz_bodies::TARGETS {
            let run = std::panic::catch_unwind(|| body(&bytes));
            assert!(run.is_ok(), "fuzz target {name} panicked on {}", seed.display());
        }
    }
}

#[test]
fn every_fuzz_body_has_its_cargo_fuzz_target() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/fuzz_targets");
    let manifest = std::fs::read_to_string(dir.join("../Cargo.toml")).unwrap();
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    assert_eq!(files.len(), fuzz_bodies::TARGETS.len(), "fuzz/fuzz_targets/ and TARGETS disagree");
    for (name, _) in fuzz_bodies::TARGETS {
        let source = std::fs::read_to_string(dir.join(format!("{name}.rs"))).unwrap();
        assert!(source.contains(&format!("filing_fuzz::{name}(data)")), "{name}.rs does not call its body");
        assert!(
            manifest.contains(&format!("name = \"{name}\"")),
            "{name} is not a [[bin]] of fuzz/Cargo.toml"
        );
    }
}
