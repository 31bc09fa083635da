//! The entry points of the browser benchmark (`tests/specs/bench-parse.spec.mjs`):
//! the ownership-XML parser run inside this wasm over texts the spec hands
//! in, so that its speed can be set against the native bench
//! (`crates/core/benches/xml.rs`) on the same files.
//!
//! The texts are copied into the wasm once ([`bench_load`]); the spec times
//! [`bench_parse_xml`] alone, as the native bench times the parse alone. Trunk
//! exposes both on `window.wasmBindings`. The page itself never calls them.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

thread_local! {
    /// The texts of the last [`bench_load`].
    static TEXTS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Keep `texts` for [`bench_parse_xml`]; returns their total size in bytes.
#[wasm_bindgen(js_name = benchLoad)]
pub fn bench_load(texts: Vec<String>) -> usize {
    let bytes = texts.iter().map(String::len).sum();
    TEXTS.with_borrow_mut(|kept| *kept = texts);
    bytes
}

/// Parse every loaded text as ownership XML, `passes` times; returns the
/// number of filings of one pass (the parsed filings are dropped).
#[wasm_bindgen(js_name = benchParseXml)]
pub fn bench_parse_xml(passes: u32) -> usize {
    TEXTS.with_borrow(|texts| {
        let mut filings = 0;
        for _ in 0..passes {
            filings = texts.iter().map(|t| filing_core::repr::xml::parse(t, 0..t.len()).filings.len()).sum();
        }
        filings
    })
}
