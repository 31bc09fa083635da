//! A table that renders only the rows in view: the scroller has the height
//! of every row (spacer rows above and below), and scrolling re-renders the
//! window of [`VISIBLE`] rows plus an overscan either side, so 250,000 rows
//! scroll as smoothly as 25. Rows have one fixed height, [`ROW_PX`] (cells
//! stay on one line; `batch.css` agrees).

use leptos::html;
use leptos::prelude::*;

/// The height of every row, in CSS pixels (see `.vt` in `web/batch.css`).
pub const ROW_PX: f64 = 26.0;
/// Rows rendered for the visible part (a tall scroller shows about 30).
const VISIBLE: usize = 40;
/// Rows rendered beyond each edge.
const OVERSCAN: usize = 12;

/// The first and one-past-last rows to render at `scroll_top`.
pub fn window(scroll_top: f64, count: usize) -> (usize, usize) {
    let first = ((scroll_top.max(0.0) / ROW_PX) as usize).saturating_sub(OVERSCAN).min(count);
    (first, (first + VISIBLE + 2 * OVERSCAN).min(count))
}

/// A virtualized table: `children` is the header row, `row(i)` renders the
/// `i`-th row (a `<tr>`). Re-renders when `count` or `version` changes.
/// When `reveal` is set to a row, the table scrolls it into view.
#[component]
pub fn VirtualTable<R, V>(
    /// How many rows there are.
    #[prop(into)]
    count: Signal<usize>,
    /// Changes whenever the rows' contents do.
    #[prop(into)]
    version: Signal<u64>,
    /// Renders one row.
    row: R,
    /// The table's accessible name.
    label: &'static str,
    /// Its `data-test` hook.
    test: &'static str,
    /// A row to scroll into view.
    #[prop(optional, into)]
    reveal: Option<Signal<Option<usize>>>,
    /// The header row.
    children: Children,
) -> impl IntoView
where
    R: Fn(usize) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let scroll_top = RwSignal::new(0.0_f64);
    let scroller = NodeRef::<html::Div>::new();
    let range = Memo::new(move |_| window(scroll_top.get(), count.get()));
    if let Some(reveal) = reveal {
        Effect::new(move |_| {
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
    let rows = move || {
        version.track();
        let (first, last) = range.get();
        (first..last).map(row.clone()).collect_view()
    };
    view! {
        <div
            class="vt-scroll"
            node_ref=scroller
            tabindex="0"
            on:scroll=move |_| {
                if let Some(element) = scroller.get() {
                    scroll_top.set(f64::from(element.scroll_top()));
                }
            }
        >
            <table class="vt" aria-label=label aria-rowcount=move || count.get() + 1 data-test=test>
                <thead>{children()}</thead>
                <tbody>
                    <tr class="vt-spacer" aria-hidden="true">
                        <td style:height=move || format!("{}px", range.get().0 as f64 * ROW_PX)></td>
                    </tr>
                    {rows}
                    <tr class="vt-spacer" aria-hidden="true">
                        <td style:height=move || {
                            let (_, last) = range.get();
                            format!("{}px", count.get().saturating_sub(last) as f64 * ROW_PX)
                        }></td>
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
        assert_eq!(window(0.0, 10), (0, 10));
        assert_eq!(window(0.0, 1000), (0, VISIBLE + 2 * OVERSCAN));
        // Scrolled to row 500: from 12 rows above it.
        let (first, last) = window(500.0 * ROW_PX, 100_000);
        assert_eq!(first, 500 - OVERSCAN);
        assert_eq!(last - first, VISIBLE + 2 * OVERSCAN);
        // Past the end (the list shrank under a filter): nothing to render.
        assert_eq!(window(500.0 * ROW_PX, 20), (20, 20));
    }
}
