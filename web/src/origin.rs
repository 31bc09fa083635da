//! How a shown value was obtained: read as written, inferred, read but
//! uncertain, or not found. Table cells and the header cards mark values the
//! same way, so the page says what it read and what it did not.

use crate::html::Html;
use filing_core::model::Origin;

/// How a value was obtained, in words; `None` when it was read as written.
pub fn origin_words(origin: Origin) -> Option<String> {
    match origin {
        Origin::Read => None,
        Origin::Inferred(rule) => Some(format!("Inferred {rule}.")),
        Origin::Uncertain => Some("Read, but which box or column it belongs to is uncertain.".to_owned()),
        Origin::Missing => Some("Not found in this rendering of the filing.".to_owned()),
    }
}

/// The class of a value's marker and its glyph; `None` when read as written.
pub fn origin_glyph(origin: Origin) -> Option<(&'static str, &'static str)> {
    match origin {
        Origin::Read => None,
        Origin::Inferred(_) => Some(("inferred", "≈")),
        Origin::Uncertain => Some(("uncertain", "?")),
        Origin::Missing => Some(("missing", "∅")),
    }
}

/// The glyph after a value that was not read as written, with its kind in
/// words for screen readers.
pub fn origin_mark(html: &mut Html, origin: Origin) {
    if let Some((kind, glyph)) = origin_glyph(origin) {
        html.leaf("span", &[("class", &format!("origin-mark {kind}")), ("aria-hidden", "true")], glyph).leaf(
            "span",
            &[("class", "visually-hidden")],
            &format!(" ({kind})"),
        );
    }
}

/// A text value of the filing's header (a name, a ticker, a CIK, a
/// signature): the text with its origin mark and, on hover, the origin in
/// words. A value the rendering did not show reads "not read", never blank.
pub fn field_text(html: &mut Html, text: Option<&str>, origin: Origin, test: &str) {
    let text = text.filter(|t| !t.is_empty());
    let kind = origin_glyph(origin).map_or("", |(kind, _)| kind);
    let words = origin_words(origin).unwrap_or_default();
    html.open("span", &[("data-test", test), ("data-origin", kind), ("title", &words)]);
    match text {
        None if origin == Origin::Missing => {
            html.raw(r#"<span class="not-read">not read</span>"#);
        }
        text => {
            html.text(text.unwrap_or_default());
            origin_mark(html, origin);
        }
    }
    html.close("span");
}
