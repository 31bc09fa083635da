//! Keyboard shortcuts, and the panel that lists them (`?`).
//!
//! Single keys, without Ctrl, Alt or Meta, and never while typing in a
//! field (Escape aside): `/` focuses the paste area; `j`/`k` select the
//! next/previous filing (in the combined table, or the filing views of a
//! single input); `n` goes to the next diagnostic; `c` copies the combined
//! table (the rows shown, as TSV); `?` shows or hides this list.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::batch::Combined;
use crate::batch::combined::ExportTarget;
use crate::html::{Html, event_attribute};
use crate::worker_protocol::ExportKind;

/// The shortcuts, as the help panel lists them.
pub const SHORTCUTS: [(&str, &str); 6] = [
    ("/", "Focus the paste area"),
    ("j", "Next filing"),
    ("k", "Previous filing"),
    ("n", "Next diagnostic"),
    ("c", "Copy the combined table (the rows shown, as TSV)"),
    ("?", "Show or hide this list"),
];

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    FocusInput,
    Filing(i64),
    NextDiagnostic,
    CopyTable,
    ToggleHelp,
    CloseHelp,
}

fn action(key: &str) -> Option<Action> {
    Some(match key {
        "/" => Action::FocusInput,
        "j" => Action::Filing(1),
        "k" => Action::Filing(-1),
        "n" => Action::NextDiagnostic,
        "c" => Action::CopyTable,
        "?" => Action::ToggleHelp,
        "Escape" => Action::CloseHelp,
        _ => return None,
    })
}

fn typing(event: &KeyboardEvent) -> bool {
    event.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()).is_some_and(|element| {
        element.is_content_editable()
            || matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
    })
}

/// Listen for the shortcuts; `help` shows the panel.
pub fn install(combined: Combined, help: RwSignal<bool>) {
    let diagnostic = StoredValue::new(None::<usize>);
    let _ = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.alt_key() || event.meta_key() || event.default_prevented() {
            return;
        }
        let Some(action) = action(&event.key()) else { return };
        if typing(&event) && action != Action::CloseHelp {
            return;
        }
        event.prevent_default();
        match action {
            Action::FocusInput => focus("[data-test=paste-area]"),
            Action::Filing(step) => step_filing(combined, step),
            Action::NextDiagnostic => next_diagnostic(diagnostic),
            Action::CopyTable => combined.export(ExportKind::Tsv, ExportTarget::Clipboard),
            Action::ToggleHelp => help.update(|open| *open = !*open),
            Action::CloseHelp => help.set(false),
        }
    });
    // A small batch shows every input: selecting a filing scrolls to its view.
    crate::reactive::effect(move || {
        let Some(filing) = combined.selected.get() else { return };
        if combined.small()
            && let Some(input) = combined.input_of(filing)
        {
            reveal(&format!("[data-test=document]:nth-of-type({})", input + 1));
        }
    });
}

fn focus(selector: &str) {
    if let Some(element) = query(selector).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

fn query(selector: &str) -> Option<Element> {
    document().query_selector(selector).ok().flatten()
}

fn reveal(selector: &str) {
    if let Some(element) = query(selector) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Start);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The next or previous filing: in the batch, else among the filing views.
fn step_filing(combined: Combined, step: i64) {
    let count = combined.data.with_value(|d| d.filings.len());
    if combined.inputs.with_untracked(Vec::len) > 1 && count > 0 {
        let next = match combined.selected.get_untracked() {
            None if step > 0 => 0,
            None => count - 1,
            Some(current) => (i64::from(current) + step).clamp(0, count as i64 - 1) as usize,
        };
        combined.selected.set(u32::try_from(next).ok());
        return;
    }
    let Ok(views) = document().query_selector_all("[data-test=filing]") else { return };
    let top = |i: u32| {
        views.get(i).and_then(|n| n.dyn_into::<Element>().ok()).map(|e| e.get_bounding_client_rect().top())
    };
    // The first view below the top of the window, or the last one above it.
    let positions: Vec<f64> = (0..views.length()).filter_map(top).collect();
    let target = if step > 0 {
        positions.iter().position(|&t| t > 1.0)
    } else {
        positions.iter().rposition(|&t| t < -1.0)
    };
    if let Some(element) = target.and_then(|i| views.get(i as u32)).and_then(|n| n.dyn_into::<Element>().ok())
    {
        element.scroll_into_view();
    }
}

/// Focus the diagnostic after the last one visited (wrapping round).
fn next_diagnostic(last: StoredValue<Option<usize>>) {
    let Ok(all) = document().query_selector_all("[data-test=diagnostic]") else { return };
    if all.length() == 0 {
        return;
    }
    let next = last.get_value().map_or(0, |i| (i + 1) % all.length() as usize);
    last.set_value(Some(next));
    if let Some(element) = all.get(next as u32).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        if !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        let _ = element.focus();
        element.scroll_into_view();
    }
}

/// The list as markup: a labelled region (focusable, `tabindex="-1"`) with
/// its heading, the shortcuts as `<dt><kbd>key</kbd></dt><dd>what</dd>`
/// pairs, and its Close button (`data-action="close"`).
fn help_html() -> String {
    let mut html = Html::new();
    html.raw(concat!(
        r#"<div class="shortcut-help" role="region" aria-label="Keyboard shortcuts" tabindex="-1" data-test="shortcut-help">"#,
        "<h2>Keyboard shortcuts</h2><dl>"
    ));
    for (key, what) in SHORTCUTS {
        html.raw("<dt>").leaf("kbd", &[], key).raw("</dt>").leaf("dd", &[], what);
    }
    html.raw(concat!(
        r#"</dl><p class="hint">Not while typing in a field. Escape closes this list.</p>"#,
        r#"<button type="button" class="button secondary" data-action="close">Close</button></div>"#
    ));
    html.finish()
}

/// The list of shortcuts: markup while open, in a box that closes it on a
/// click of its Close button (markup, not a view: one view type fewer).
/// Opening it moves the focus into it; closing it moves the focus back to
/// its button, unless the focus is elsewhere on the page by then (on a field
/// where Escape was pressed, say).
#[component]
pub fn ShortcutHelp(open: RwSignal<bool>) -> impl IntoView {
    let mut was_open = false;
    crate::reactive::effect(move || {
        let now = open.get();
        if now {
            focus("[data-test=shortcut-help]");
        } else if was_open && document().active_element().is_none_or(|e| e.tag_name() == "BODY") {
            focus("[data-test=shortcuts]");
        }
        was_open = now;
    });
    view! {
        <button
            type="button"
            class="button secondary shortcut-button"
            data-test="shortcuts"
            aria-controls="shortcut-help"
            aria-expanded=crate::reactive::string(move || open.get().to_string())
            on:click=crate::reactive::click(move |_| open.update(|o| *o = !*o))
        >
            "Keyboard shortcuts (?)"
        </button>
        <div
            id="shortcut-help"
            inner_html=crate::reactive::markup_when(move || open.get(), help_html)
            on:click=crate::reactive::click(move |event| {
                if event_attribute(&event, "data-action").is_some() {
                    open.set(false);
                }
            })
        ></div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_shortcut_does_something() {
        for (key, _) in SHORTCUTS {
            assert!(action(key).is_some(), "{key}");
        }
        assert_eq!(action("x"), None);
    }
}
