//! Filing Inspector's web page: paste, drop or open SEC Forms 3, 4 and 5 and
//! see them as tables, parsed and analysed entirely in the browser by
//! `filing-core`.
//!
//! A Leptos client-side-rendered app, built by Trunk from `index.html` at the
//! repository root. This is the only crate that knows about the DOM; it renders
//! the core's types directly.
//!
//! - [`app`]: the page, the state (the [`document::Document`]s shown) and the
//!   page-wide paste and drop handlers;
//! - [`html`]: markup written as text, every value escaped — how the
//!   read-only parts of the page are rendered; [`delegate`]: their events;
//! - [`input_panel`], [`samples`], [`files`]: where text and files come in;
//! - [`document_view`]: one input — how it was recognised, the override, its
//!   reading problems;
//! - [`filing_view`], [`cards`], [`transaction_table`], [`footnotes`],
//!   [`analysis_view`], [`diagnostics_panel`]: one filing, as markup;
//! - [`source_view`]: the input text with a span highlighted;
//! - [`export_menu`]: copy and download a table; [`theme`]: light and dark.

mod analysis_view;
mod app;
mod batch;
mod bench;
mod cards;
mod delegate;
mod diagnostics_panel;
mod document;
mod document_view;
mod export_menu;
mod files;
mod filing_view;
mod footnotes;
mod html;
mod input_panel;
mod origin;
mod reactive;
mod samples;
mod saved_copy;
mod shortcuts;
mod source_view;
mod state;
mod theme;
mod transaction_table;
mod wire;
mod worker;
mod worker_client;
mod worker_protocol;
mod worker_reads;

fn main() {
    console_error_panic_hook::set_once();
    // The same wasm runs the parsing worker (see worker.js).
    if worker::in_worker() {
        return worker::run();
    }
    // The static "Loading…" note of index.html stays until the wasm runs.
    if let Some(loading) = leptos::prelude::document().get_element_by_id("loading") {
        loading.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
