//! One parser per representation, each producing [`crate::model::Filing`]s.
//!
//! - [`xml`]: EDGAR ownership XML, the exact ground truth;
//! - [`submission`]: the full EDGAR submission `.txt`, whose XML it hands to [`xml`].

pub mod submission;
pub mod xml;
