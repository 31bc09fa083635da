//! The page: a header (name, what it does, the theme switch), the input
//! panel, one view per input below it, and the page-wide pieces — paste and
//! drop anywhere, the source view and the footnote tooltip.

use std::sync::Arc;

use filing_core::detect::Representation;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DataTransfer, File};

use crate::batch::{BatchView, Combined, Source};
use crate::delegate::Handlers;
use crate::document::Document;
use crate::document_view::documents_html;
use crate::files;
use crate::footnotes::{FootnoteTip, FootnoteTips};
use crate::input_panel::InputPanel;
use crate::samples::Sample;
use crate::saved_copy::SaveCopy;
use crate::shortcuts::ShortcutHelp;
use crate::source_view::{SourceView, SourceViewer};
use crate::state::SessionBar;
use crate::theme::ThemeSwitch;

/// What the page shows, and the ways new input reaches it. Every way of
/// giving input replaces what was shown: typed or pasted text becomes one
/// document, opened or dropped files one document each.
#[derive(Clone, Copy)]
pub struct Inspector {
    /// The text in the paste area.
    pub text: RwSignal<String>,
    /// The inputs shown, in the order given.
    pub documents: RwSignal<Vec<Arc<Document>>>,
    /// Whether files are being read.
    pub reading: RwSignal<bool>,
    /// Whether something is being dragged over the page.
    pub dragging: RwSignal<bool>,
    /// Every input, parsed by the worker into the combined view; it fills `documents`.
    pub combined: Combined,
    /// Counts the samples asked for: only the last one asked is shown.
    samples_asked: StoredValue<u32>,
}

impl Inspector {
    fn new() -> Inspector {
        let documents = RwSignal::new(Vec::new());
        Inspector {
            text: RwSignal::new(String::new()),
            documents,
            reading: RwSignal::new(false),
            dragging: RwSignal::new(false),
            combined: Combined::new(documents),
            samples_asked: StoredValue::new(0),
        }
    }

    /// Show the filings in `text` (typed, pasted or dropped as text).
    pub fn show_text(self, text: String) {
        self.show_named_text("pasted text", text);
    }

    /// Show a sample filing, its text in the paste area to edit, once
    /// fetched (unless other input or another sample was asked for meanwhile).
    pub fn show_sample(self, sample: &'static Sample) {
        let generation = self.combined.generation.get_untracked();
        self.samples_asked.update_value(|n| *n += 1);
        let asked = self.samples_asked.get_value();
        leptos::task::spawn_local(async move {
            let text = crate::samples::text(sample).await;
            if self.combined.generation.get_untracked() != generation
                || self.samples_asked.get_value() != asked
            {
                return;
            }
            match text {
                Ok(text) => self.show_named_text(sample.file, text),
                Err(error) => {
                    self.combined.notice.set(Some(format!("The sample could not be loaded: {error}.")))
                }
            }
        });
    }

    fn show_named_text(self, name: &str, text: String) {
        let sources =
            if text.trim().is_empty() { Vec::new() } else { vec![Source::text(name, text.clone())] };
        self.text.set(text);
        self.combined.give(sources);
    }

    /// Read `files` and show the filings in each.
    pub fn show_files(self, files: Vec<File>) {
        if files.is_empty() {
            return;
        }
        self.text.set(String::new());
        self.combined.give(files.into_iter().map(Source::file).collect());
    }

    /// Read the document at `index` again as `representation` (`None`: as detected).
    pub fn reparse(self, index: usize, representation: Option<Representation>) {
        let Some(document) = self.documents.with_untracked(|documents| documents.get(index).cloned()) else {
            return;
        };
        if let Some(reparsed) = document.reparsed(representation) {
            self.documents.update(|documents| {
                if let Some(slot) = documents.get_mut(index) {
                    *slot = Arc::new(reparsed);
                }
            });
        }
    }

    /// Take the files of a drop or paste, or else its text.
    fn take(self, data: &DataTransfer) {
        let files = data.files().map(|list| files::list(&list)).unwrap_or_default();
        if !files.is_empty() {
            self.show_files(files);
        } else if let Ok(text) = data.get_data("text/plain")
            && !text.is_empty()
        {
            self.show_text(text);
        }
    }
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let inspector = Inspector::new();
    let viewer = SourceViewer::new();
    let tips = FootnoteTips::new();
    provide_context(viewer);
    provide_context(tips);
    listen_page_wide(inspector);
    let help = RwSignal::new(false);
    // The inputs' views are markup; one listener on their box handles their events.
    let documents_box = NodeRef::<leptos::html::Div>::new();
    documents_box.on_load(move |element| {
        crate::delegate::install(&element, Handlers { inspector, viewer, tips });
    });
    let persistence = crate::state::install(inspector.combined, inspector.text);
    crate::shortcuts::install(inspector.combined, help);
    view! {
        <a class="skip-link" href="#main">"Skip to the content"</a>
        <header class="page-header">
            <div class="brand" inner_html=BRAND></div>
            <ThemeSwitch />
        </header>
        <main id="main" tabindex="-1" class:dragging=crate::reactive::flag(move || inspector.dragging.get()) data-test="app">
            <InputPanel inspector=inspector />
            <SessionBar persistence=persistence />
            <BatchView combined=inspector.combined />
            <div role="status" inner_html=crate::reactive::markup_when(move || inspector.reading.get(), || {
                r#"<p class="reading" data-test="reading">Reading files…</p>"#.to_owned()
            })></div>
            <div
                class="documents"
                data-test="documents"
                node_ref=documents_box
                inner_html=crate::reactive::string(move || inspector.documents.with(|documents| documents_html(documents)))
            ></div>
        </main>
        <footer class="page-footer">
            <p inner_html=ABOUT></p>
            <SaveCopy />
        </footer>
        <SourceView viewer=viewer />
        <FootnoteTip tips=tips />
        <ShortcutHelp open=help />
    }
}

/// The page's name and what it does (markup: fixed text costs less as a
/// string than as elements built one by one).
const BRAND: &str = concat!(
    "<h1>Filing Inspector</h1><p class=\"tagline\">SEC Forms 3, 4 and 5 as exact, explained tables. ",
    "Read in your browser: nothing is uploaded.</p>"
);

/// What the page reads, at its foot.
const ABOUT: &str = concat!(
    "Filing Inspector reads EDGAR ownership XML and full submissions exactly; EDGAR pages, copied text, ",
    "PDF text and Markdown as far as they go, marking what was inferred. It is not affiliated with the SEC."
);

/// Paste anywhere on the page (outside a text field) and drop anywhere.
fn listen_page_wide(inspector: Inspector) {
    // The handles live as long as the page: the app is never unmounted.
    let _ = window_event_listener(ev::paste, move |event| {
        if typed_into_a_field(&event) {
            return; // the field's own input handler sees it
        }
        if let Some(data) = event.clipboard_data() {
            event.prevent_default();
            inspector.take(&data);
        }
    });
    let _ = window_event_listener(ev::dragover, move |event| {
        event.prevent_default(); // without this the browser opens the file itself
        inspector.dragging.set(true);
    });
    let _ = window_event_listener(ev::dragleave, move |event| {
        if event.related_target().is_none() {
            inspector.dragging.set(false); // left the window
        }
    });
    let _ = window_event_listener(ev::drop, move |event| {
        event.prevent_default();
        inspector.dragging.set(false);
        if let Some(data) = event.data_transfer() {
            inspector.take(&data);
        }
    });
}

fn typed_into_a_field(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| matches!(element.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"))
}
