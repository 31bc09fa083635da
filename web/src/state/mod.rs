//! State that lasts beyond the page: the URL fragment (filters, sort,
//! selection, and on request the inputs), the last session in the
//! browser's storage, and the service worker that lets the page work
//! offline.
//!
//! - [`fragment`]: the fragment's format (pure, tested);
//! - [`share`], [`compress`]: the inputs packed into a link;
//! - [`session`]: the last session in IndexedDB.
//!
//! A shared link never overwrites the user's own saved work: the inputs a
//! link brings are shown but not saved, and the page says so, with a way to
//! keep them or to go back to the saved session. Only when the user gives
//! input of their own does the page save again.

pub mod compress;
pub mod fragment;
pub mod session;
pub mod share;

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::batch::combined::{Content, Source, SourceKind};
use crate::batch::{Combined, megabytes};
use crate::html::{Html, event_attribute};
use fragment::ViewState;
use session::Saved;

/// How long the page waits after the last change before saving the session.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// The session and link state of the page (cheap to copy).
#[derive(Clone, Copy)]
pub struct Persistence {
    combined: Combined,
    /// The paste area's text.
    text: RwSignal<String>,
    /// Whether the inputs shown came from a shared link (and are not saved).
    pub shared: RwSignal<bool>,
    /// That link's packed inputs, kept in the fragment while they are shown.
    packed: StoredValue<Option<String>>,
    /// What the page says about the session (restored, too large, shared).
    pub note: RwSignal<Option<String>>,
    /// Whether the session is kept (the user's choice).
    pub remember: RwSignal<bool>,
    /// The batch the page gave itself (a restore, a link), which is not saved again.
    own_generation: StoredValue<Option<u32>>,
    /// A save waits for typing to pause.
    save_pending: StoredValue<bool>,
    /// The share link made, and why it holds less than asked, if it does.
    pub link: RwSignal<Option<(String, Option<String>)>>,
}

/// Restore what the URL and the browser's storage hold, then keep them up
/// to date. `text` is the paste area's.
pub fn install(combined: Combined, text: RwSignal<String>) -> Persistence {
    let p = Persistence {
        combined,
        text,
        shared: RwSignal::new(false),
        packed: StoredValue::new(None),
        note: RwSignal::new(None),
        remember: RwSignal::new(session::remember()),
        own_generation: StoredValue::new(None),
        save_pending: StoredValue::new(false),
        link: RwSignal::new(None),
    };
    let state = fragment::decode(&location_hash());
    p.apply(&state);
    leptos::task::spawn_local(async move { p.restore(state).await });
    p.save_on_change();
    p.keep_fragment();
    let _ = window_event_listener(ev::hashchange, move |_| {
        let state = fragment::decode(&location_hash());
        p.apply(&state);
        if state.inputs.is_some() && state.inputs != p.packed.get_value() {
            leptos::task::spawn_local(async move { p.open_link(state).await });
        }
    });
    register_service_worker();
    p
}

fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

impl Persistence {
    /// Set the filters, sort and selection of `state`.
    fn apply(self, state: &ViewState) {
        self.combined.query.set(state.query.clone());
        self.combined.selected.set(state.selected);
    }

    /// Show a link's inputs, else the saved session.
    async fn restore(self, state: ViewState) {
        if state.inputs.is_some() {
            return self.open_link(state).await;
        }
        if !self.remember.get_untracked() {
            return;
        }
        let saved = session::load().await;
        if self.combined.generation.get_untracked() > 0 {
            return; // the user gave input meanwhile: theirs wins
        }
        match saved {
            Ok(Some(Saved::Inputs(sources))) => {
                self.note.set(Some(format!(
                    "Restored your last session: {}.",
                    plural(sources.len(), "input", "inputs")
                )));
                self.give_own(sources, false);
                self.combined.selected.set(state.selected);
            }
            Ok(Some(Saved::TooLarge(count, bytes))) => self.note.set(Some(format!(
                "Your last session ({}, {}) was too large to keep in the browser (the limit is {}): open the files again.",
                plural(count as usize, "input", "inputs"),
                megabytes(bytes as u64),
                megabytes(session::MAX_SAVED_BYTES)
            ))),
            Ok(None) => {}
            Err(error) => self.note.set(Some(format!("The last session could not be read: {error}."))),
        }
    }

    async fn open_link(self, state: ViewState) {
        let Some(packed) = state.inputs.clone() else { return };
        match share::unpack(&packed).await {
            Ok(sources) => {
                self.packed.set_value(Some(packed));
                self.note.set(Some(format!(
                    "This page shows the {} of a shared link. They are not saved: your own last session is kept as it was.",
                    plural(sources.len(), "input", "inputs")
                )));
                self.give_own(sources, true);
                self.combined.selected.set(state.selected);
            }
            Err(error) => self.note.set(Some(format!("The link's inputs could not be read: {error}."))),
        }
    }

    /// Give `sources` without saving them as the user's session.
    fn give_own(self, sources: Vec<Source>, shared: bool) {
        let paste = match sources.as_slice() {
            [Source { kind: SourceKind::Paste | SourceKind::Sample, content: Content::Text(text), .. }] => {
                text.clone()
            }
            _ => String::new(),
        };
        self.text.set(paste);
        self.own_generation.set_value(Some(self.combined.generation.get_untracked() + 1));
        self.shared.set(shared);
        self.combined.give(sources);
    }

    /// Save each batch the user gives, once the typing pauses.
    fn save_on_change(self) {
        crate::reactive::effect(move || {
            let generation = self.combined.generation.get();
            if generation == 0 || self.own_generation.get_value() == Some(generation) {
                return;
            }
            // The user's own input: a shared link's inputs are no longer shown.
            self.shared.set(false);
            self.packed.set_value(None);
            if !self.remember.get_untracked() || self.save_pending.get_value() {
                return;
            }
            self.save_pending.set_value(true);
            set_timeout(
                move || {
                    self.save_pending.set_value(false);
                    if !self.shared.get_untracked() && self.remember.get_untracked() {
                        self.save();
                    }
                },
                SAVE_DELAY,
            );
        });
    }

    /// Write the filters, sort and selection (and a link's inputs) to the fragment.
    fn keep_fragment(self) {
        crate::reactive::effect(move || {
            let state = ViewState {
                query: self.combined.query.get(),
                selected: self.combined.selected.get(),
                inputs: if self.shared.get() { self.packed.get_value() } else { None },
            };
            let encoded = fragment::encode(&state);
            let location = window().location();
            let url = if encoded.is_empty() {
                format!(
                    "{}{}",
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                )
            } else {
                format!("#{encoded}")
            };
            if location_hash().trim_start_matches('#') != encoded
                && let Ok(history) = window().history()
            {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        });
    }

    /// Save what is shown as the session (an empty page clears it).
    fn save(self) {
        if self.combined.inputs.with_untracked(Vec::is_empty) {
            leptos::task::spawn_local(async move {
                let _ = session::clear().await;
            });
        } else {
            self.combined.save_session();
        }
    }

    /// Keep the session or not.
    pub fn set_remember(self, on: bool) {
        self.remember.set(on);
        leptos::task::spawn_local(async move {
            let result = session::set_remember(on).await;
            if on && result.is_ok() && !self.shared.get_untracked() {
                self.save(); // what is shown now
            }
            self.note.set(Some(match result {
                Ok(()) if on => "Your inputs will be kept in this browser.".to_owned(),
                Ok(()) => "Your inputs are no longer kept, and the saved session is cleared.".to_owned(),
                Err(error) => format!("The saved session could not be cleared: {error}."),
            }));
        });
    }

    /// Forget the saved session (what is shown stays).
    pub fn clear(self) {
        leptos::task::spawn_local(async move {
            self.note.set(Some(match session::clear().await {
                Ok(()) => "The saved session is cleared.".to_owned(),
                Err(error) => format!("The saved session could not be cleared: {error}."),
            }));
        });
    }

    /// Keep a shared link's inputs as the user's own session.
    pub fn keep_shared(self) {
        self.shared.set(false);
        self.packed.set_value(None);
        self.note.set(Some("The link's inputs are now your session.".to_owned()));
        if self.remember.get_untracked() {
            self.save();
        }
    }

    /// Leave a shared link for the saved session.
    pub fn back_to_saved(self) {
        self.shared.set(false);
        self.packed.set_value(None);
        self.note.set(None);
        self.combined.give(Vec::new());
        let own = self.combined.generation.get_untracked();
        self.own_generation.set_value(Some(own));
        leptos::task::spawn_local(async move {
            self.restore(ViewState::default()).await;
        });
    }

    /// Make a link to this view, with the inputs when `with_inputs`.
    pub fn make_link(self, with_inputs: bool) {
        let state = ViewState {
            query: self.combined.query.get_untracked(),
            selected: self.combined.selected.get_untracked(),
            inputs: None,
        };
        let sources = self.combined.sources();
        leptos::task::spawn_local(async move {
            let location = window().location();
            let base = format!(
                "{}{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            let mut state = state;
            let mut why = None;
            if with_inputs && !sources.is_empty() {
                match share::pack(&sources).await {
                    Ok(packed) if packed.len() <= share::MAX_LINK_CHARS => state.inputs = Some(packed),
                    Ok(packed) => {
                        why = Some(format!(
                            "The inputs are too large for a link ({} compressed, the limit is {}): the link holds the view only; share the files themselves.",
                            megabytes(packed.len() as u64),
                            megabytes(share::MAX_LINK_CHARS as u64)
                        ))
                    }
                    Err(error) => why = Some(format!("The inputs could not be packed: {error}.")),
                }
            }
            self.link.set(Some((format!("{base}#{}", fragment::encode(&state)), why)));
        });
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Register `sw.js` (beside the page) so that it works offline after the
/// first visit; only where service workers exist (http(s) pages, not a
/// saved copy opened from disk).
fn register_service_worker() {
    let navigator = window().navigator();
    let protocol = window().location().protocol().unwrap_or_default();
    let available = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if available && (protocol == "https:" || protocol == "http:") {
        let _ = navigator.service_worker().register("sw.js");
    }
}

/// The session controls: keep or not, clear, share, and what the page says.
#[component]
pub fn SessionBar(persistence: Persistence) -> impl IntoView {
    let p = persistence;
    let with_inputs = RwSignal::new(false);
    // What the page says, and the link made: markup, with the note's two buttons.
    let note = crate::reactive::string(move || {
        let mut html = Html::new();
        if let Some(note) = p.note.get() {
            html.raw(r#"<p class="session-note" data-test="session-note" role="status">"#).text(&note);
            if p.shared.get() {
                html.raw(concat!(
                    r#" <button type="button" class="button secondary" data-test="keep-shared">Keep these as my session</button>"#,
                    r#" <button type="button" class="button secondary" data-test="back-to-saved">Back to my session</button>"#
                ));
            }
            html.raw("</p>");
        }
        html.finish()
    });
    let link = crate::reactive::string(move || {
        let mut html = Html::new();
        if let Some((url, why)) = p.link.get() {
            html.raw(r#"<div class="share-link">"#);
            if let Some(why) = why {
                html.leaf("p", &[("class", "hint"), ("data-test", "share-note")], &why);
            }
            html.open(
                "input",
                &[
                    ("type", "text"),
                    ("readonly", "readonly"),
                    ("data-test", "share-link"),
                    ("aria-label", "Link to this view"),
                    ("value", &url),
                ],
            )
            .raw(concat!(
                r#"<p class="hint">Everything is after the #, which browsers never send to a server: "#,
                "the link itself carries it.</p></div>"
            ));
        }
        html.finish()
    });
    view! {
        <section class="session-bar" data-test="session" aria-label="Session">
            <div
                inner_html=note
                on:click=crate::reactive::click(move |event| match event_attribute(&event, "data-test").as_deref() {
                    Some("keep-shared") => p.keep_shared(),
                    Some("back-to-saved") => p.back_to_saved(),
                    _ => {}
                })
            ></div>
            <div class="session-controls">
                <label class="toggle">
                    <input
                        type="checkbox"
                        data-test="remember"
                        prop:checked=p.remember
                        on:change=crate::reactive::boxed(move |e| p.set_remember(event_target_checked(&e)))
                    />
                    " Remember my inputs in this browser"
                </label>
                <button type="button" class="button secondary" data-test="clear-session" on:click=crate::reactive::click(move |_| p.clear())>
                    "Clear saved session"
                </button>
                <label class="toggle">
                    <input
                        type="checkbox"
                        data-test="share-inputs"
                        prop:checked=with_inputs
                        on:change=crate::reactive::boxed(move |e| with_inputs.set(event_target_checked(&e)))
                    />
                    " Put the inputs in the link (compressed)"
                </label>
                <button type="button" class="button secondary" data-test="share" on:click=crate::reactive::click(move |_| p.make_link(with_inputs.get_untracked()))>
                    "Make a link to this view"
                </button>
            </div>
            <div inner_html=link></div>
        </section>
    }
}
