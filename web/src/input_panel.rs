//! Where input comes in: a paste area, a drop zone with an Open-files
//! button, and the sample filings (drops and pastes anywhere on the page are
//! handled by [`crate::app`]).

use std::time::Duration;

use leptos::prelude::*;

use crate::app::Inspector;
use crate::files;
use crate::samples::SampleButtons;

/// How long typing must pause before the text is read again: each reading
/// parses and lays out the whole input, so not on every keystroke.
const TYPING_PAUSE: Duration = Duration::from_millis(250);

/// The paste area, the drop zone with the Open-files button, and the samples.
#[component]
pub fn InputPanel(inspector: Inspector) -> impl IntoView {
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let area: NodeRef<leptos::html::Textarea> = NodeRef::new();
    let typed = move |text: String| {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let read = move || {
            // Unless something else (a sample, a drop) replaced the text meanwhile.
            if area.get_untracked().is_some_and(|area| area.value() == text) {
                inspector.show_text(text);
            }
        };
        pending.set_value(set_timeout_with_handle(read, TYPING_PAUSE).ok());
    };
    view! {
        <section class="input-panel" data-test="input-panel" aria-labelledby="input-heading">
            <h2 id="input-heading" class="visually-hidden">"Input"</h2>
            <div class="input-grid">
                <label class="paste">
                    <span class="field-label">"Paste a filing"</span>
                    <textarea
                        node_ref=area
                        data-test="paste-area"
                        spellcheck="false"
                        rows="7"
                        placeholder="Paste a Form 3, 4 or 5 here — its ownership XML, the full EDGAR submission (.txt), the EDGAR page, text copied from it, or text or Markdown made from its PDF. Or paste anywhere on the page."
                        prop:value=move || inspector.text.get()
                        on:input:target=move |event| typed(event.target().value())
                    ></textarea>
                </label>
                <div class="drop-zone" class:active=move || inspector.dragging.get() data-test="drop-zone">
                    <p class="drop-title">"Drop files here"</p>
                    <p class="hint">"or anywhere on the page — one view per file"</p>
                    <label class="button">
                        "Open files…"
                        <input
                            type="file"
                            multiple
                            data-test="open-files"
                            on:change:target=move |event| {
                                let input = event.target();
                                let chosen = input.files().map(|list| files::list(&list)).unwrap_or_default();
                                input.set_value("");
                                inspector.show_files(chosen);
                            }
                        />
                    </label>
                    <p class="privacy">"Read in your browser. Nothing is uploaded."</p>
                </div>
            </div>
            <SampleButtons on_pick=Callback::new(move |sample| inspector.show_sample(sample)) />
        </section>
    }
}
