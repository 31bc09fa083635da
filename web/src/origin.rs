//! How a shown value was obtained: read as written, inferred, read but
//! uncertain, or not found. Table cells and the header cards mark values the
//! same way, so the page says what it read and what it did not.

use filing_core::model::Origin;
use leptos::prelude::*;

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
#[component]
pub fn OriginMark(origin: Origin) -> impl IntoView {
    origin_glyph(origin).map(|(kind, glyph)| {
        view! {
            <span class=format!("origin-mark {kind}") aria-hidden="true">{glyph}</span>
            <span class="visually-hidden">{format!(" ({kind})")}</span>
        }
    })
}

/// A text value of the filing's header (a name, a ticker, a CIK, a
/// signature): the text with its origin mark and, on hover, the origin in
/// words. A value the rendering did not show reads "not read", never blank.
#[component]
pub fn FieldText(text: Option<String>, origin: Origin, #[prop(into)] test: String) -> impl IntoView {
    let text = text.filter(|t| !t.is_empty());
    let missing = text.is_none() && origin == Origin::Missing;
    view! {
        <span data-test=test data-origin=origin_glyph(origin).map(|(kind, _)| kind) title=origin_words(origin)>
            {if missing {
                view! { <span class="not-read">"not read"</span> }.into_any()
            } else {
                view! {
                    {text}
                    <OriginMark origin=origin />
                }
                    .into_any()
            }}
        </span>
    }
}
