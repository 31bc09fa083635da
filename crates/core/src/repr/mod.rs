//! One parser per representation, each producing [`crate::model::Filing`]s.
//!
//! - [`xml`]: EDGAR ownership XML, the exact ground truth;
//! - [`submission`]: the full EDGAR submission `.txt`, whose XML it hands to [`xml`].

pub mod submission;
pub mod xml;

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
