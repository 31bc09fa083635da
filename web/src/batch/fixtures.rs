//! Filings for the batch module's tests: the fictional ones of `tests/fixtures/`.

use filing_core::{Input, Parsed};

/// Our fictional Form 4: an M exercise, an S sale and a holding in Table I, an option in Table II.
pub const FICTIONAL: &str = include_str!("../../../tests/fixtures/form4-fictional.xml");
/// Another fictional Form 4, of another issuer and owner: two P purchases, one direct, one indirect.
pub const PURCHASES: &str = include_str!("../../../tests/fixtures/batch/form4-fictional-purchases.xml");
/// Ownership XML with a misspelt closing tag.
pub const MALFORMED: &str = include_str!("../../../tests/fixtures/form4-malformed.xml");
/// A shopping list.
pub const NOT_A_FILING: &str = include_str!("../../../tests/fixtures/not-a-filing.txt");

/// Parse `text`.
pub fn parse(text: &str) -> Parsed {
    filing_core::parse(&Input::from_text(text.to_owned()))
}

/// The parse of [`FICTIONAL`].
pub fn fictional() -> Parsed {
    parse(FICTIONAL)
}
