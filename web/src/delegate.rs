//! The events of the inputs' views, which are markup
//! (`crate::document_view`): one listener on their container handles every
//! kind, and finds what to act on from the `data-*` attributes around the
//! element the event happened on — the input (`data-document`), the filing
//! (`data-filing`) and then:
//!
//! - a table cell (`data-cell`): a click, or Enter or Space on it, opens the
//!   source view on it; the arrow keys, Home and End move between cells;
//! - a footnote mark (`data-footnote`): hovering or focusing it shows the
//!   footnote's text; a click moves the focus to the footnote;
//! - a row link (`data-goto`): moves the focus to the row's first cell;
//! - a diagnostic's location (`data-diagnostic` in a `data-diagnostics`
//!   list): opens the source view there;
//! - an export menu's Copy and Download;
//! - the "Read as" choice: reads the input again.

use std::sync::Arc;

use filing_core::model::FootnoteId;
use leptos::prelude::WithUntracked;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent};

use crate::app::Inspector;
use crate::diagnostics_panel::{DiagnosticList, diagnostic_request};
use crate::document::Document;
use crate::document_view::{parse_choice, reading_problems};
use crate::footnotes::{FootnoteTips, focus_footnote};
use crate::html::{closest, event_element};
use crate::source_view::{SourceRequest, SourceViewer};
use crate::transaction_table::{cell_request, move_focus, parse_cell_key};

/// The page-wide pieces the events act on.
#[derive(Clone, Copy)]
pub struct Handlers {
    /// The inputs shown.
    pub inspector: Inspector,
    /// The source view.
    pub viewer: SourceViewer,
    /// The footnote tooltip.
    pub tips: FootnoteTips,
}

/// Listen on `container` (the inputs' views) for as long as the page lives.
pub fn install(container: &Element, handlers: Handlers) {
    let listener = Closure::<dyn Fn(Event)>::new(move |event: Event| handlers.handle(&event));
    for kind in ["click", "keydown", "change", "mouseover", "mouseout", "focusin", "focusout"] {
        let _ = container.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    }
    listener.forget();
}

/// The number in the `attribute` of the nearest element around `element` that has it.
fn index_in(element: &Element, attribute: &str) -> Option<usize> {
    closest(element, &format!("[{attribute}]"))?.get_attribute(attribute)?.parse().ok()
}

impl Handlers {
    fn handle(self, event: &Event) {
        let Some(target) = event_element(event) else { return };
        let kind = event.type_();
        match kind.as_str() {
            "click" => self.click(event, &target),
            "keydown" => {
                if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                    self.key(event, &target);
                }
            }
            "change" => {
                if let Some(select) = closest(&target, "[data-test=representation-override]")
                    .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok())
                    && let Some(index) = index_in(&select, "data-document")
                {
                    self.inspector.reparse(index, parse_choice(&select.value()));
                }
            }
            "mouseover" | "focusin" => {
                if let Some(mark) = closest(&target, "[data-footnote]")
                    && let Some(id) = mark.get_attribute("data-footnote")
                    && let Some((document, Some(at))) = self.place(&mark)
                    && let Some(filing) = document.filings.get(at)
                {
                    self.tips.show(&mark, filing, &FootnoteId::new(&id));
                }
            }
            "mouseout" | "focusout" if closest(&target, "[data-footnote]").is_some() => self.tips.hide(),
            _ => {}
        }
    }

    /// The input an element of its view is in, and the position of the
    /// filing in it when the element is in a filing's view.
    fn place(self, element: &Element) -> Option<(Arc<Document>, Option<usize>)> {
        let index = index_in(element, "data-document")?;
        let document = self.inspector.documents.with_untracked(|d| d.get(index).cloned())?;
        Some((document, index_in(element, "data-filing")))
    }

    fn click(self, event: &Event, target: &Element) {
        if let Some(mark) = closest(target, "[data-footnote]") {
            // Scroll to the footnote without touching the URL fragment.
            event.prevent_default();
            if let Some(href) = mark.get_attribute("href") {
                focus_footnote(href.trim_start_matches('#'));
            }
        } else if let Some(link) = closest(target, "[data-goto]") {
            let selector = format!("[data-cell=\"{}\"]", link.get_attribute("data-goto").unwrap_or_default());
            if let Ok(Some(cell)) = link.owner_document().map_or(Ok(None), |d| d.query_selector(&selector))
                && let Ok(cell) = cell.dyn_into::<HtmlElement>()
            {
                cell.scroll_into_view();
                let _ = cell.focus();
            }
        } else if let Some(button) = closest(target, "[data-diagnostic]") {
            self.open_diagnostic(&button);
        } else if let Some(button) = closest(target, "[data-test=export-menu] button")
            && let Some(menu) = closest(&button, "[data-test=export-menu]")
            && let Some((document, Some(at))) = self.place(&menu)
            && let Some(filing) = document.filings.get(at)
        {
            let download = button.get_attribute("data-test").as_deref() == Some("export-download");
            crate::export_menu::run(&menu, filing, download);
        } else if let Some(cell) = closest(target, "[data-cell]") {
            self.open_cell(&cell);
        }
    }

    fn key(self, event: &KeyboardEvent, target: &Element) {
        // Only on the cell itself: Enter on a footnote mark inside follows the mark.
        if target.has_attribute("data-cell") && (event.key() == "Enter" || event.key() == " ") {
            event.prevent_default();
            self.open_cell(target);
        } else if closest(target, "table.transactions").is_some() {
            move_focus(event);
        }
    }

    fn show(self, request: Option<SourceRequest>, from: &Element) {
        if let Some(request) = request {
            self.viewer.show(request, from.clone().dyn_into::<HtmlElement>().ok());
        }
    }

    fn open_cell(self, cell: &Element) {
        let Some((document, Some(at))) = self.place(cell) else { return };
        let (Some(filing), Some(input), Some((table, index, column))) = (
            document.filings.get(at),
            document.input.clone(),
            cell.get_attribute("data-cell").as_deref().and_then(parse_cell_key),
        ) else {
            return;
        };
        self.show(cell_request(filing, input, table, index, column), cell);
    }

    fn open_diagnostic(self, button: &Element) {
        let Some((document, at)) = self.place(button) else { return };
        let (Some(input), Some(index)) = (document.input.clone(), index_in(button, "data-diagnostic")) else {
            return;
        };
        let list = closest(button, "[data-diagnostics]")
            .and_then(|l| l.get_attribute("data-diagnostics"))
            .and_then(|key| DiagnosticList::from_key(&key));
        let request = match (list, at) {
            (Some(DiagnosticList::Reading), _) => {
                reading_problems(&document).get(index).and_then(|d| diagnostic_request(d, input, None))
            }
            (Some(DiagnosticList::Checks), Some(at)) => document
                .filings
                .get(at)
                .zip(document.analyses.get(at))
                .and_then(|(filing, analysis)| Some((filing, analysis.diagnostics.get(index)?)))
                .and_then(|(filing, d)| diagnostic_request(d, input, Some(filing))),
            _ => None,
        };
        self.show(request, button);
    }
}
