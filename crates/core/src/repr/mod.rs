//! One parser per representation, each producing [`crate::model::Filing`]s.
//!
//! - [`xml`]: EDGAR ownership XML, the exact ground truth;
//! - [`submission`]: the full EDGAR submission `.txt`, whose XML it hands to [`xml`];
//! - [`html`]: the EDGAR-rendered HTML page;
//! - [`markdown`]: Markdown made from the page or from a PDF of it;
//! - [`pdf`]: text extracted from a PDF of the form, with or without layout;
//! - [`text`]: text copied from the EDGAR page in a browser (and the older
//!   vendor print layout of it).
//!
//! The lossy renderings share one reader: each is first reduced to lines of
//! cells (`grid`), which `form` reads with the shared header, table,
//! cell-text and inference layers.

pub mod html;
pub mod markdown;
pub mod pdf;
pub mod submission;
pub mod text;
pub mod xml;

mod align;
mod box5;
mod cells;
mod centred;
mod columns;
mod form;
mod grid;
mod header;
mod infer;
mod legacy;
mod notes;
mod table;
mod unheaded;

use crate::diagnostic::Diagnostic;
use crate::model::Filing;

/// What a representation's parser returns for one input.
#[derive(Debug, Default)]
pub struct Output {
    /// The filings found, in input order.
    pub filings: Vec<Filing>,
    /// Problems that belong to no single filing.
    pub diagnostics: Vec<Diagnostic>,
}
