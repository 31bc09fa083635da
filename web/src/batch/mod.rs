//! Many filings at once: every input listed with its status, one combined,
//! filterable, sortable, virtualized table of every row, totals by owner
//! and by issuer, and exports — while a Web Worker does the parsing, so the
//! page never freezes.
//!
//! - [`combined`]: the page's side of a batch (inputs, what the worker sent,
//!   the query, the selection);
//! - [`rows`], [`query`], [`export`], [`summary`], [`zip`]: pure functions
//!   the worker runs over the parsed model (with native unit tests);
//! - [`view`], [`table_view`], [`controls`], [`summary_view`],
//!   [`virtual_table`]: what the user sees.
//!
//! # Limits
//!
//! The page stays responsive at any size; past these sizes it says what it
//! leaves out instead of slowing down:
//!
//! - the combined table holds at most [`MAX_TABLE_ROWS`] rows (the rest are
//!   still counted in the totals and written to the SEC export);
//! - an input over [`DETAIL_LIMIT_BYTES`] is not parsed on the page for its
//!   detailed view (its rows are in the table, its totals in the summaries);
//! - a batch is parsed up to [`MAX_BATCH_BYTES`]; inputs past it, and any
//!   input over the core's [`filing_core::source::MAX_INPUT_BYTES`], are
//!   listed as left out, with the reason;
//! - a batch of at most [`DETAIL_ALL_MAX_INPUTS`] inputs and
//!   [`DETAIL_ALL_MAX_BYTES`] bytes shows every input in detail; a larger one
//!   shows the selected filing's input.

pub mod combined;
pub mod controls;
pub mod deliver;
pub mod export;
#[cfg(test)]
mod fixtures;
pub mod query;
pub mod rows;
pub mod summary;
pub mod summary_view;
pub mod table_view;
pub mod view;
pub mod virtual_table;
pub mod zip;

pub use combined::{Combined, Source};
pub use view::BatchView;

/// The most rows the combined table holds (about 33,000 typical filings).
pub const MAX_TABLE_ROWS: usize = 250_000;
/// The largest input parsed on the page for its detailed view.
pub const DETAIL_LIMIT_BYTES: u64 = 4_000_000;
/// The most inputs shown in detail all at once.
pub const DETAIL_ALL_MAX_INPUTS: usize = 10;
/// The most bytes shown in detail all at once.
pub const DETAIL_ALL_MAX_BYTES: u64 = 2_000_000;
/// `bytes` in megabytes, one decimal: `12.3 MB` (integer arithmetic: no
/// float formatting in the wasm).
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Milliseconds as seconds, one decimal: `2.4 s`.
pub fn seconds(ms: f64) -> String {
    let tenths = (ms.max(0.0) / 100.0).round() as u64;
    format!("{}.{} s", tenths / 10, tenths % 10)
}

/// The most bytes of input a batch parses (the parsed model takes about as
/// much memory again, and a tab has a few GB at most).
pub const MAX_BATCH_BYTES: u64 = 600_000_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_times_read_with_one_decimal() {
        assert_eq!(megabytes(0), "0.0 MB");
        assert_eq!(megabytes(4_000_000), "4.0 MB");
        assert_eq!(megabytes(12_345_678), "12.3 MB");
        assert_eq!(megabytes(1_960_000), "2.0 MB");
        assert_eq!(seconds(2449.0), "2.4 s");
        assert_eq!(seconds(50.0), "0.1 s");
    }
}
