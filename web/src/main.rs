//! Filing Inspector's web page: paste, drop or open SEC Forms 3, 4 and 5 and
//! see them as tables, parsed entirely in the browser by `filing-core`.
//!
//! A Leptos client-side-rendered app, built by Trunk from `index.html` at the
//! repository root. This is the only crate that knows about the DOM; it renders
//! the core's types directly.
//!
//! - [`app`]: the page, the state (the [`document::Document`]s shown) and the
//!   page-wide paste and drop handlers;
//! - [`input_panel`]: where text and files come in;
//! - [`document_view`], [`filing_view`], [`cards`], [`transaction_table`],
//!   [`diagnostics_panel`]: what the user sees of each input.

mod app;
mod cards;
mod diagnostics_panel;
mod document;
mod document_view;
mod files;
mod filing_view;
mod input_panel;
mod transaction_table;

fn main() {
    console_error_panic_hook::set_once();
    // The static "Loading…" note of index.html stays until the wasm runs.
    if let Some(loading) = leptos::prelude::document().get_element_by_id("loading") {
        loading.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
