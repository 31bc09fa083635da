//! The source view: the input text with one span highlighted, opened by
//! "Show source" on a cell or a click on a diagnostic's location.
//!
//! One panel serves the whole page. Views ask for it through the
//! [`SourceViewer`] in the context (a view mounted without one simply offers
//! no source). It shows what was asked about (a cell, a diagnostic), how the
//! value was obtained, and the input with line numbers, scrolled to the
//! highlighted span. Escape or the close button closes it and gives the
//! focus back to where it came from.

use std::sync::Arc;

use filing_core::Input;
use filing_core::source::Span;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::{Html, event_attribute};

/// Inputs longer than this are shown around the span only.
const WHOLE_TEXT_LIMIT: usize = 1_000_000;
/// Lines shown before and after the span of a long input.
const CONTEXT_LINES: usize = 200;

/// What to show in the source view.
#[derive(Clone, Debug)]
pub struct SourceRequest {
    /// The decoded input the span points into.
    pub input: Arc<Input>,
    /// The span to highlight; `None` when the thing asked about is not in the input.
    pub span: Option<Span>,
    /// What is shown: "Table I, row 2 · Price".
    pub title: String,
    /// Lines about it: its value, how it was obtained, its footnotes.
    pub notes: Vec<String>,
}

/// Opens the source view; provided once by the page.
#[derive(Clone, Copy)]
pub struct SourceViewer {
    request: RwSignal<Option<SourceRequest>>,
    return_to: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl SourceViewer {
    /// A closed source view.
    pub fn new() -> SourceViewer {
        SourceViewer { request: RwSignal::new(None), return_to: StoredValue::new_local(None) }
    }

    /// Show `request`; the focus goes back to `from` when the view closes.
    pub fn show(self, request: SourceRequest, from: Option<web_sys::HtmlElement>) {
        self.return_to.set_value(from);
        self.request.set(Some(request));
    }

    fn close(self) {
        self.request.set(None);
        if let Some(element) = self.return_to.get_value() {
            let _ = element.focus();
        }
        self.return_to.set_value(None);
    }
}

/// The panel, mounted once at the page's end: markup (`crate::html`),
/// written when a request comes.
#[component]
pub fn SourceView(viewer: SourceViewer) -> impl IntoView {
    let _ = window_event_listener(ev::keydown, move |event| {
        if event.key() == "Escape" && viewer.request.with_untracked(Option::is_some) {
            viewer.close();
        }
    });
    let panel: NodeRef<html::Div> = NodeRef::new();
    // Once shown, scroll the highlight to the middle of the box and move the focus there.
    crate::reactive::effect(move || {
        if viewer.request.with(Option::is_none) {
            return;
        }
        let Some(container) = panel
            .get()
            .and_then(|panel| panel.query_selector(".source-text").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        if let Ok(Some(mark)) = container.query_selector("mark")
            && let Ok(mark) = mark.dyn_into::<web_sys::HtmlElement>()
        {
            container.set_scroll_top(mark.offset_top() - container.client_height() / 3);
            // Sideways only when the highlight is out of sight to the right.
            if mark.offset_left() + mark.offset_width() > container.client_width() {
                container.set_scroll_left(mark.offset_left() - container.client_width() / 3);
            }
        }
        let _ = container.focus();
    });
    view! {
        <div
            node_ref=panel
            inner_html=crate::reactive::string(move || {
                viewer.request.with(|r| r.as_ref().map(source_panel).unwrap_or_default())
            })
            on:click=crate::reactive::click(move |event| {
                if event_attribute(&event, "data-test").as_deref() == Some("source-close") {
                    viewer.close();
                }
            })
        ></div>
    }
}

/// What a request shows: its title, notes and the input around its span.
fn source_panel(request: &SourceRequest) -> String {
    let input = &request.input;
    let excerpt = Excerpt::of(input, request.span);
    let mut html = Html::new();
    html.raw(concat!(
        r#"<aside class="source-view" role="region" aria-labelledby="source-view-title" data-test="source-view">"#,
        r#"<header class="source-view-header"><div><p class="eyebrow">Source</p>"#
    ))
    .leaf("h2", &[("id", "source-view-title"), ("data-test", "source-title")], &request.title);
    if let Some(span) = request.span {
        html.leaf("p", &[("class", "source-place"), ("data-test", "source-place")], &place(input, span));
    }
    html.raw(concat!(
        "</div>",
        r#"<button type="button" class="icon-button" aria-label="Close the source view" data-test="source-close">✕</button>"#,
        r#"</header><ul class="source-notes" data-test="source-notes">"#
    ));
    for note in &request.notes {
        html.leaf("li", &[], note);
    }
    html.raw("</ul>");
    if request.span.is_none() {
        html.raw(r#"<p class="source-absent" data-test="source-absent">This is not in the input text, so there is nothing to highlight.</p>"#);
    }
    if let Some(note) = &excerpt.note {
        html.leaf("p", &[("class", "source-window-note")], note);
    }
    html.raw(r#"<div class="source-text" tabindex="0" role="group" aria-label="Input text, the highlighted part is what was asked about">"#)
        // The parser drops a newline just after `<pre>`: this one, so that
        // the text keeps a leading newline of its own.
        .raw("<pre class=\"gutter\" aria-hidden=\"true\">\n")
        .text(&excerpt.gutter)
        .raw("</pre><pre class=\"text\">\n")
        .text(&excerpt.before)
        .leaf(
            "mark",
            &[("data-test", "source-mark"), ("class", if excerpt.marked.is_empty() { "empty" } else { "" })],
            &excerpt.marked,
        )
        .text(&excerpt.after)
        .raw("</pre></div></aside>");
    html.finish()
}

/// "line 70, columns 28–34": where a span is, its last column included.
fn place(input: &Input, span: Span) -> String {
    let from = input.line_col(span.start);
    let to = if span.is_empty() { from } else { input.line_col(span.end - 1) };
    match (from.line == to.line, from.column == to.column) {
        (true, true) => format!("line {}, column {}", from.line, from.column),
        (true, false) => format!("line {}, columns {}–{}", from.line, from.column, to.column),
        _ => format!("line {}, column {} to line {}, column {}", from.line, from.column, to.line, to.column),
    }
}

/// The part of the input shown: the text before, in and after the span, and
/// the line numbers beside it.
struct Excerpt {
    gutter: String,
    before: String,
    marked: String,
    after: String,
    note: Option<String>,
}

impl Excerpt {
    fn of(input: &Input, span: Option<Span>) -> Excerpt {
        let text = input.text();
        let (start, end) = span.map_or((0, 0), |s| {
            let start = floor_char(text, s.start as usize);
            (start, floor_char(text, s.end as usize).max(start))
        });
        let (window_start, window_end, note) = if text.len() <= WHOLE_TEXT_LIMIT {
            (0, text.len(), None)
        } else {
            let window_start = nth_line_start_before(text, start, CONTEXT_LINES);
            let window_end = nth_line_end_after(text, end, CONTEXT_LINES);
            let note = format!(
                "The input is long: lines {} to {} are shown.",
                input.line_col(window_start as u32).line,
                input.line_col(window_end as u32).line
            );
            (window_start, window_end, Some(note))
        };
        let first_line = input.line_col(window_start as u32).line;
        let shown = text.get(window_start..window_end).unwrap_or("");
        let line_count = filing_core::source::lines(shown).count().max(1) as u32;
        let gutter: Vec<String> = (first_line..first_line + line_count).map(|n| n.to_string()).collect();
        Excerpt {
            gutter: gutter.join("\n"),
            before: text.get(window_start..start).unwrap_or("").to_owned(),
            marked: text.get(start..end).unwrap_or("").to_owned(),
            after: text.get(end..window_end).unwrap_or("").to_owned(),
            note,
        }
    }
}

/// `offset` moved back to a character boundary (and into the text).
fn floor_char(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn nth_line_start_before(text: &str, offset: usize, lines: usize) -> usize {
    text.get(..offset).and_then(|head| head.rmatch_indices('\n').nth(lines).map(|(i, _)| i + 1)).unwrap_or(0)
}

fn nth_line_end_after(text: &str, offset: usize, lines: usize) -> usize {
    text.get(offset..)
        .and_then(|tail| tail.match_indices('\n').nth(lines).map(|(i, _)| offset + i))
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_excerpt_splits_the_text_at_the_span_and_numbers_its_lines() {
        let input = Input::from_text("one\ntwo 2\nthree".to_owned());
        let excerpt = Excerpt::of(&input, Some(Span::new(8, 9)));
        assert_eq!(excerpt.before, "one\ntwo ");
        assert_eq!(excerpt.marked, "2");
        assert_eq!(excerpt.after, "\nthree");
        assert_eq!(excerpt.gutter, "1\n2\n3");
        assert!(excerpt.note.is_none());
    }

    #[test]
    fn a_place_names_the_first_and_last_column() {
        let input = Input::from_text("ab\n  <value>31.2044</value>\nc".to_owned());
        let start = input.text().find("31").unwrap();
        assert_eq!(place(&input, Span::new(start, start + 7)), "line 2, columns 10–16");
        assert_eq!(place(&input, Span::new(start, start)), "line 2, column 10");
        assert_eq!(place(&input, Span::new(0, 4)), "line 1, column 1 to line 2, column 1");
    }

    #[test]
    fn a_span_inside_a_character_or_past_the_end_is_clamped() {
        let input = Input::from_text("a€b".to_owned());
        let excerpt = Excerpt::of(&input, Some(Span::new(2, 40)));
        assert_eq!(excerpt.before, "a");
        assert_eq!(excerpt.marked, "€b");
        assert_eq!(excerpt.after, "");
    }

    #[test]
    fn a_long_input_is_shown_around_the_span() {
        let text: String = (1..=50_000).map(|n| format!("line number {n:06} of a long input\n")).collect();
        assert!(text.len() > WHOLE_TEXT_LIMIT);
        let offset = text.find("line number 030000").unwrap();
        let input = Input::from_text(text);
        let excerpt = Excerpt::of(&input, Some(Span::new(offset, offset + 18)));
        assert_eq!(excerpt.marked, "line number 030000");
        assert!(excerpt.before.starts_with("line number 029800"), "{}", &excerpt.before[..40]);
        assert_eq!(excerpt.gutter.lines().next(), Some("29800"));
        assert_eq!(excerpt.note.as_deref(), Some("The input is long: lines 29800 to 30200 are shown."));
    }
}
