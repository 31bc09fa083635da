//! Where input comes in: a paste area and an Open-files button (drops and
//! pastes anywhere on the page are handled by [`crate::app`]).

use leptos::prelude::*;

use crate::app::Inspector;
use crate::files;

/// The paste area and the Open-files button.
#[component]
pub fn InputPanel(inspector: Inspector) -> impl IntoView {
    view! {
        <section class="input-panel" data-test="input-panel">
            <textarea
                data-test="paste-area"
                aria-label="Filing text"
                spellcheck="false"
                rows="8"
                placeholder="Paste a Form 3, 4 or 5 here: its ownership XML, the full EDGAR submission (.txt), or text copied from the EDGAR page."
                prop:value=move || inspector.text.get()
                on:input:target=move |event| inspector.show_text(event.target().value())
            ></textarea>
            <div class="actions">
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
                <span class="hint">"or drop files anywhere on this page, or paste anywhere."</span>
            </div>
        </section>
    }
}
