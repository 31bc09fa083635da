//! Where input comes in: a paste area, a drop zone with an Open-files
//! button, and the sample filings (drops and pastes anywhere on the page are
//! handled by [`crate::app`]).

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};

use crate::app::Inspector;
use crate::files;
use crate::html::Html;
use crate::samples::{picked_sample, sample_buttons};

/// How long typing must pause before the text is read again: each reading
/// parses and lays out the whole input, so not on every keystroke.
const TYPING_PAUSE: Duration = Duration::from_millis(250);

/// The panel's markup: the paste area, the drop zone with the Open-files
/// button, and the samples.
fn panel_html() -> String {
    let mut html = Html::new();
    html.raw(concat!(
        r#"<h2 id="input-heading" class="visually-hidden">Input</h2><div class="input-grid">"#,
        r#"<label class="paste"><span class="field-label">Paste a filing</span>"#,
        r#"<textarea data-test="paste-area" spellcheck="false" rows="7" placeholder="Paste a Form 3, 4 or 5 here — its ownership XML, "#,
        r#"the full EDGAR submission (.txt), the EDGAR page, text copied from it, or text or Markdown made from its PDF. "#,
        r#"Or paste anywhere on the page."></textarea></label>"#,
        r#"<div class="drop-zone" data-test="drop-zone"><p class="drop-title">Drop files here</p>"#,
        r#"<p class="hint">or anywhere on the page — one view per file</p>"#,
        r#"<label class="button">Open files…<input type="file" multiple data-test="open-files"></label>"#,
        r#"<p class="privacy">Read in your browser. Nothing is uploaded.</p></div></div>"#
    ));
    sample_buttons(&mut html);
    html.finish()
}

/// The paste area, the drop zone with the Open-files button, and the
/// samples: markup, which an effect keeps showing the text and whether
/// something is dragged over the page.
#[component]
pub fn InputPanel(inspector: Inspector) -> impl IntoView {
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let panel: NodeRef<leptos::html::Section> = NodeRef::new();
    let area = move || {
        panel.get_untracked()?.query_selector("textarea").ok()??.dyn_into::<HtmlTextAreaElement>().ok()
    };
    crate::reactive::effect(move || {
        let text = inspector.text.get();
        let dragging = inspector.dragging.get();
        if let Some(area) = area()
            && area.value() != text
        {
            area.set_value(&text);
        }
        if let Some(Ok(Some(zone))) = panel.get().map(|p| p.query_selector("[data-test=drop-zone]")) {
            let _ = zone.set_attribute("class", if dragging { "drop-zone active" } else { "drop-zone" });
        }
    });
    let typed = move |text: String| {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let read = move || {
            // Unless something else (a sample, a drop) replaced the text meanwhile.
            if area().is_some_and(|area| area.value() == text) {
                inspector.show_text(text);
            }
        };
        pending.set_value(set_timeout_with_handle(read, TYPING_PAUSE).ok());
    };
    let event = move |event: web_sys::Event| {
        let Some(target) = event.target() else { return };
        if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
            if event.type_() == "input" {
                typed(area.value());
            }
        } else if let Some(input) = target.dyn_ref::<HtmlInputElement>()
            && event.type_() == "change"
        {
            let chosen = input.files().map(|list| files::list(&list)).unwrap_or_default();
            input.set_value("");
            inspector.show_files(chosen);
        } else if event.type_() == "click"
            && let Some(sample) = picked_sample(&event)
        {
            inspector.show_sample(sample);
        }
    };
    view! {
        <section
            class="input-panel"
            data-test="input-panel"
            aria-labelledby="input-heading"
            node_ref=panel
            inner_html=panel_html()
            on:input=crate::reactive::boxed(event)
            on:change=crate::reactive::boxed(event)
            on:click=crate::reactive::click(move |e| event(e.into()))
        ></section>
    }
}
