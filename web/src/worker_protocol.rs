//! What the page and the parsing worker say to each other.
//!
//! Every message is a plain JS object `{ wire, data }`: `wire` is one
//! [`Request`] or [`Reply`] written as a string by [`crate::wire`], and `data`
//! carries what a string should not: the inputs of a [`Request::Parse`] (an array of `File`s and
//! strings, in input order: a `File` is a handle, so the page never reads
//! the bytes of a batch itself), the row order of a [`Reply::Order`] (a
//! `Uint32Array`, transferred), the contents of a [`Reply::Exported`] (a
//! string, or a `Uint8Array` for the SEC ZIP), the filings and rows of a
//! [`Reply::Chunk`] (two strings of lines, see [`crate::batch::rows`]).

use crate::batch::query::Query;
use crate::batch::rows::InputStatus;
use crate::batch::summary::Summaries;

/// An input of a batch, named; its contents are the same-numbered entry of
/// the message's `data` array (a `File` or a string).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputSpec {
    /// The file name, or "pasted text", or the sample's name.
    pub name: String,
    /// `file`, `paste` or `sample` (for the saved session).
    pub kind: String,
    /// Do not parse it, for this reason (it crashed an earlier worker).
    pub skip: Option<String>,
}

/// What can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The rows shown, tab-separated.
    Tsv,
    /// The rows shown, comma-separated.
    Csv,
    /// The rows shown, as JSON.
    Json,
    /// The SEC data-set tables of the filings shown, as a ZIP.
    Sec,
}

/// From the page to the worker.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Forget the last batch and parse these inputs.
    Parse {
        /// The batch's number: replies carry it, so that late replies of an
        /// older batch are ignored.
        job: u32,
        /// The inputs, in order.
        inputs: Vec<InputSpec>,
        /// From this input on, say which input is being parsed before
        /// parsing it (after a crash, to find the input that caused it).
        careful_from: Option<u32>,
    },
    /// Stop parsing the batch; what was parsed stays.
    Cancel {
        /// The batch.
        job: u32,
    },
    /// Filter and sort the rows.
    Query {
        /// The batch.
        job: u32,
        /// The request's number (replies to older ones are ignored).
        seq: u32,
        /// The filters and sort.
        query: Query,
    },
    /// Keep the batch's inputs as the last session (IndexedDB), once parsed.
    Save {
        /// The batch.
        job: u32,
    },
    /// Export the rows `query` shows.
    Export {
        /// The batch.
        job: u32,
        /// What to write.
        kind: ExportKind,
        /// The filters and sort.
        query: Query,
    },
}

/// From the worker to the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// The worker has started and takes requests.
    Ready,
    /// Careful mode: input `input` is about to be parsed.
    Started {
        /// The batch.
        job: u32,
        /// The input.
        input: u32,
    },
    /// Some more inputs parsed.
    Chunk {
        /// The batch.
        job: u32,
        /// Inputs done so far.
        done: u32,
        /// What each input of this chunk gave (its filings and rows, numbered
        /// on from those sent before, are the lines of `data`).
        statuses: Vec<InputStatus>,
        /// The transaction codes in the batch so far, as letters.
        codes: String,
        /// Rows left out of the table because the batch has too many.
        rows_left_out: u32,
    },
    /// The batch is done (or was cancelled): its totals.
    Finished {
        /// The batch.
        job: u32,
        /// Whether it was cancelled before every input was parsed.
        cancelled: bool,
        /// By owner and by issuer.
        summaries: Summaries,
        /// Where the worker's time went.
        timings: Timings,
    },
    /// The rows a query shows, in order (ids in `data`, a `Uint32Array`).
    Order {
        /// The batch.
        job: u32,
        /// The query's number.
        seq: u32,
        /// Rows in the batch.
        total: u32,
    },
    /// An export (contents in `data`).
    Exported {
        /// The batch.
        job: u32,
        /// The file name to offer.
        name: String,
        /// Its media type.
        media_type: String,
    },
    /// The session was saved (or why not).
    Saved {
        /// The batch.
        job: u32,
        /// What went wrong, if anything.
        error: Option<String>,
    },
    /// A request the worker could not carry out.
    Failed {
        /// Why.
        message: String,
    },
}

/// Milliseconds the worker spent on a batch.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Timings {
    /// Reading the inputs' bytes (files).
    pub read_ms: f64,
    /// Reading and parsing the inputs (`read_ms` included).
    pub parse_ms: f64,
    /// Writing the filings and rows for the page.
    pub rows_ms: f64,
    /// The cross-filing analysis (totals, amendments, repeats).
    pub totals_ms: f64,
}
