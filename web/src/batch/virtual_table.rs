//! A table that renders only the rows in view: the scroller has the height
//! of every row (spacer rows above and below), and scrolling re-renders the
//! rows the scroller can show plus an overscan of [`OVERSCAN`] either side, so
//! 250,000 rows scroll as smoothly as 25. Rows have one fixed height,
//! [`ROW_PX`] (cells stay on one line; `batch.css` agrees).
//!
//! The scroller is at most `min(70vh, 40rem)` tall (`.vt-scroll`), so the
//! rows it can show are counted from 70 % of the window's height, which is
//! never less: no layout is read to render, and no more rows are built than
//! can be seen (each costs about a millisecond of DOM work).
//!
//! The rows are one string of HTML (`crate::html`), set in a `<tbody>` of
//! their own between the two spacers' (whose heights are set as styles, which
//! the page's Content-Security-Policy allows only from script); a click on
//! a row is handled once, on that `<tbody>`.

use leptos::html;
use leptos::prelude::*;

use crate::html::event_attribute;

/// The height of every row, in CSS pixels (see `.vt` in `web/batch.css`).
pub const ROW_PX: f64 = 26.0;
/// The scroller's greatest height, as a share of the window's (`.vt-scroll`'s `70vh`).
const HEIGHT_SHARE: f64 = 0.7;
/// Rows rendered beyond each edge.
const OVERSCAN: usize = 6;

/// The first and one-past-last rows to render at `scroll_top` in a scroller
/// at most `height` pixels tall.
pub fn rows_in_view(scroll_top: f64, height: f64, count: usize) -> (usize, usize) {
    let top = scroll_top.max(0.0);
    let first = ((top / ROW_PX) as usize).saturating_sub(OVERSCAN).min(count);
    let last = ((top + height.max(0.0)) / ROW_PX).ceil() as usize + OVERSCAN;
    (first, last.min(count))
}

/// The height of a spacer standing for `rows` rows, `1234px`: integer
/// arithmetic, so the page's wasm holds no float formatting for it.
fn spacer(rows: usize) -> String {
    format!("{}px", rows.saturating_mul(ROW_PX as usize))
}

/// The most the scroller can be tall now, in CSS pixels.
fn greatest_height() -> f64 {
    window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(1000.0) * HEIGHT_SHARE
}

/// A virtualized table: `children` is the header row, `row(i)` writes the
/// `i`-th row (a `<tr aria-rowindex="i + 2">`, its values escaped), and a
/// click on that row calls `on_row(i)`. Re-renders when `count` or
/// `version` changes, or what `row` reads. When `reveal` is set to a row,
/// the table scrolls it into view.
#[component]
pub fn VirtualTable(
    /// How many rows there are.
    #[prop(into)]
    count: Signal<usize>,
    /// Changes whenever the rows' contents do.
    #[prop(into)]
    version: Signal<u64>,
    /// Writes one row.
    row: Callback<usize, Option<String>>,
    /// Called with the position of a row clicked.
    #[prop(optional)]
    on_row: Option<Callback<usize>>,
    /// The table's accessible name.
    label: &'static str,
    /// Its `data-test` hook.
    test: &'static str,
    /// A row to scroll into view.
    #[prop(optional, into)]
    reveal: Option<Signal<Option<usize>>>,
    /// The header row.
    children: Children,
) -> impl IntoView {
    let scroll_top = RwSignal::new(0.0_f64);
    let scroller = NodeRef::<html::Div>::new();
    let height = RwSignal::new(greatest_height());
    let resized = window_event_listener(leptos::ev::resize, move |_| height.set(greatest_height()));
    on_cleanup(move || resized.remove());
    let range = Memo::new(move |_| rows_in_view(scroll_top.get(), height.get(), count.get()));
    if let Some(reveal) = reveal {
        crate::reactive::effect(move || {
            let (Some(index), Some(element)) = (reveal.get(), scroller.get()) else { return };
            let top = index as f64 * ROW_PX;
            let height = f64::from(element.client_height());
            let current = f64::from(element.scroll_top());
            // Leave room for the sticky header row.
            if top < current || top + 2.0 * ROW_PX > current + height {
                element.set_scroll_top((top - height / 3.0).max(0.0) as i32);
            }
        });
    }
    let rows = crate::reactive::string(move || {
        version.track();
        let (first, last) = range.get();
        (first..last).filter_map(|i| row.run(i)).collect::<String>()
    });
    let clicked = move |event: leptos::ev::MouseEvent| {
        let position =
            event_attribute(&event, "aria-rowindex").and_then(|n| n.parse::<usize>().ok()?.checked_sub(2));
        if let (Some(on_row), Some(i)) = (on_row, position) {
            on_row.run(i);
        }
    };
    view! {
        <div
            class="vt-scroll"
            node_ref=scroller
            tabindex="0"
            on:scroll=crate::reactive::boxed(move |_| {
                if let Some(element) = scroller.get() {
                    scroll_top.set(f64::from(element.scroll_top()));
                }
            })
        >
            <table class="vt" aria-label=label aria-rowcount=crate::reactive::string(move || (count.get() + 1).to_string()) data-test=test>
                <thead>{children()}</thead>
                <tbody>
                    <tr class="vt-spacer" aria-hidden="true">
                        <td style:height=crate::reactive::string(move || spacer(range.get().0))></td>
                    </tr>
                </tbody>
                <tbody inner_html=rows on:click=crate::reactive::click(clicked)></tbody>
                <tbody>
                    <tr class="vt-spacer" aria-hidden="true">
                        <td style:height=crate::reactive::string(move || {
                            let (_, last) = range.get();
                            spacer(count.get().saturating_sub(last))
                        })></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_covers_the_view_and_its_overscan() {
        // A scroller of 10 rows' height.
        let height = 10.0 * ROW_PX;
        assert_eq!(rows_in_view(0.0, height, 8), (0, 8));
        assert_eq!(rows_in_view(0.0, height, 1000), (0, 10 + OVERSCAN));
        // Scrolled to row 500: from the overscan above it to the overscan below its last row.
        assert_eq!(rows_in_view(500.0 * ROW_PX, height, 100_000), (500 - OVERSCAN, 510 + OVERSCAN));
        // Half a row further: one more row shows at the bottom.
        assert_eq!(rows_in_view(500.5 * ROW_PX, height, 100_000), (500 - OVERSCAN, 511 + OVERSCAN));
        // Past the end (the list shrank under a filter): nothing to render.
        assert_eq!(rows_in_view(500.0 * ROW_PX, height, 20), (20, 20));
    }
}
