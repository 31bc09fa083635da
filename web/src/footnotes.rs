//! Footnote marks and their text: a mark `(1)` is a link to the footnote in
//! the "Explanation of responses"; hovering it or giving it the keyboard
//! focus shows the footnote's text beside it, in one tooltip for the page
//! ([`FootnoteTip`]), which Escape dismisses. The marks are markup
//! ([`footnote_marks`]); `crate::delegate` shows and hides the tooltip.

use filing_core::model::{Filing, FootnoteId};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::Html;

/// The id of the page's one footnote tooltip (what marks are described by).
const TIP_ID: &str = "footnote-tip";

/// The tooltip's text and where to show it (viewport pixels).
#[derive(Clone, Debug, PartialEq)]
struct Tip {
    mark: String,
    text: String,
    left: f64,
    top: f64,
}

/// Shows footnote text beside a mark; provided once by the page.
#[derive(Clone, Copy)]
pub struct FootnoteTips {
    tip: RwSignal<Option<Tip>>,
    /// The mark the tooltip is beside, to follow it when the page scrolls.
    anchor: StoredValue<Option<web_sys::Element>, LocalStorage>,
}

impl FootnoteTips {
    /// No tooltip shown.
    pub fn new() -> FootnoteTips {
        FootnoteTips { tip: RwSignal::new(None), anchor: StoredValue::new_local(None) }
    }

    /// Show the text of the footnote `id` of `filing` beside `mark`.
    pub fn show(self, mark: &web_sys::Element, filing: &Filing, id: &FootnoteId) {
        let text = filing.footnote(id).map_or_else(
            || format!("Footnote {id} is referred to here but not defined in the filing."),
            |f| f.text.text().to_owned(),
        );
        let label = footnote_mark(id);
        let (left, top) = beside(mark);
        self.anchor.set_value(Some(mark.clone()));
        self.tip.set(Some(Tip { mark: label, text, left, top }));
    }

    /// Keep the tooltip beside its mark after a scroll.
    fn follow(self) {
        if let Some(mark) = self.anchor.get_value() {
            let (left, top) = beside(&mark);
            self.tip.update(|tip| {
                if let Some(tip) = tip {
                    (tip.left, tip.top) = (left, top);
                }
            });
        }
    }

    /// Hide the tooltip.
    pub fn hide(self) {
        self.anchor.set_value(None);
        self.tip.set(None);
    }
}

/// Where the tooltip goes: under the mark, kept inside the viewport.
fn beside(mark: &web_sys::Element) -> (f64, f64) {
    let rect = mark.get_bounding_client_rect();
    let width = window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(1024.0);
    // The tooltip is at most 20rem (320 px) wide.
    (rect.left().min(width - 330.0).max(8.0), rect.bottom() + 6.0)
}

/// A CSS length in whole pixels, `123px` (an integer: formatting an `f64`
/// would link Rust's float formatting, about 11 kB, into the wasm).
fn px(value: f64) -> String {
    format!("{}px", value.round() as i32)
}

/// The page's footnote tooltip.
#[component]
pub fn FootnoteTip(tips: FootnoteTips) -> impl IntoView {
    let _ = window_event_listener(ev::keydown, move |event| {
        if event.key() == "Escape" {
            tips.hide();
        }
    });
    // Scrolling (the page, or a table inside its box: captured, as scroll
    // events do not bubble) moves the mark; the tooltip follows it. The
    // listener lives as long as the page.
    let follow = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || tips.follow());
    let _ =
        window().add_event_listener_with_callback_and_bool("scroll", follow.as_ref().unchecked_ref(), true);
    follow.forget();
    view! {
        <div
            id=TIP_ID
            role="tooltip"
            class="footnote-tip"
            data-test="footnote-tip"
            class:shown=crate::reactive::flag(move || tips.tip.with(Option::is_some))
            style:left=crate::reactive::string(move || tips.tip.with(|t| t.as_ref().map(|t| px(t.left)).unwrap_or_default()))
            style:top=crate::reactive::string(move || tips.tip.with(|t| t.as_ref().map(|t| px(t.top)).unwrap_or_default()))
            inner_html=crate::reactive::string(move || {
                let mut html = Html::new();
                tips.tip.with(|tip| {
                    if let Some(tip) = tip {
                        html.leaf("strong", &[], &tip.mark).text(" ").text(&tip.text);
                    }
                });
                html.finish()
            })
        ></div>
    }
}

/// The id of the footnote's entry in the list of a filing's footnotes.
pub fn footnote_anchor(prefix: &str, id: &FootnoteId) -> String {
    format!("{prefix}-{id}")
}

/// Footnote marks as the form prints them, `(1)(2)`, each a link to its
/// footnote that shows the footnote's text on hover and focus.
pub fn footnote_marks(html: &mut Html, filing: &Filing, ids: &[FootnoteId], prefix: &str) {
    if ids.is_empty() {
        return;
    }
    html.raw(r#"<sup class="footnotes" data-test="footnote-marks">"#);
    for id in ids {
        let href = format!("#{}", footnote_anchor(prefix, id));
        let label = format!("footnote {}", id.number().map_or(id.to_string(), |n| n.to_string()));
        let class = if filing.footnote(id).is_some() { "mark" } else { "mark undefined" };
        html.leaf(
            "a",
            &[
                ("class", class),
                ("href", &href),
                ("aria-label", &label),
                ("aria-describedby", TIP_ID),
                ("data-test", "footnote-mark"),
                ("data-footnote", id.as_str()),
            ],
            &footnote_mark(id),
        );
    }
    html.raw("</sup>");
}

/// Move the focus to the footnote whose list entry has the id `anchor`.
pub fn focus_footnote(anchor: &str) {
    if let Some(element) = document().get_element_by_id(anchor)
        && let Ok(element) = element.dyn_into::<web_sys::HtmlElement>()
    {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// `(1)` for `F1`; other ids as written.
pub fn footnote_mark(id: &FootnoteId) -> String {
    match id.number() {
        Some(n) => format!("({n})"),
        None => format!("({id})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_marks_are_printed_as_the_form_does() {
        assert_eq!(footnote_mark(&FootnoteId::numbered(12)), "(12)");
        assert_eq!(footnote_mark(&FootnoteId::new("Fx")), "(Fx)");
    }
}
