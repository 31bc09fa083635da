//! The combined table: its filters, its "N of M rows" count, its exports,
//! and the virtualized rows (click a row to see its filing in detail).

use leptos::prelude::*;

use super::combined::Combined;
use super::controls;
use super::rows::{Col, RowView};
use super::virtual_table::VirtualTable;
use crate::html::{Html, push_escaped};

/// The filters, count, exports and table.
#[component]
pub fn CombinedTable(combined: Combined) -> impl IntoView {
    let count = Signal::derive(move || {
        combined.version.track();
        combined.received.track();
        combined.data.with_value(|d| d.shown())
    });
    let total = move || combined.received.get();
    let selected_position = Signal::derive(move || {
        let filing = combined.selected.get()?;
        combined.version.track();
        combined.data.with_value(|d| (0..d.shown()).find(|&i| d.shown_filing(i) == Some(filing)))
    });
    // The controls are markup: an effect makes them show the query, and one
    // listener per kind of event on the section acts on them.
    let section: NodeRef<leptos::html::Section> = NodeRef::new();
    let written_codes = StoredValue::new(String::new());
    crate::reactive::effect(move || {
        let Some(section) = section.get() else { return };
        let codes = combined.codes.get();
        let empty = combined.received.get() == 0;
        combined.query.with(|q| controls::sync(&section, q, &codes, written_codes, empty));
    });
    let row = Callback::new(move |i: usize| combined_row(combined, i));
    let on_row = Callback::new(move |i: usize| {
        let filing = combined.data.with_value(|d| d.shown_row(i).map(|(_, row)| row.filing));
        if filing.is_some() {
            combined.selected.set(filing);
        }
    });
    view! {
        <section
            class="combined"
            data-test="combined"
            aria-labelledby="combined-heading"
            node_ref=section
            on:click=crate::reactive::click(move |event| controls::handle(combined, &event))
            on:input=crate::reactive::boxed(move |event| controls::handle(combined, &event))
            on:change=crate::reactive::boxed(move |event| controls::handle(combined, &event))
        >
            <h2 id="combined-heading">"Combined transactions"</h2>
            <div
                class="filters"
                data-test="filters"
                role="search"
                aria-label="Filter the combined table"
                inner_html=controls::filters_html()
            ></div>
            <div class="combined-bar">
                <p
                    class="row-count"
                    data-test="row-count"
                    role="status"
                    inner_html=crate::reactive::string(move || {
                        format!("{} of {} rows", format_count(count.get()), format_count(total()))
                    })
                ></p>
                <div class="exports" role="group" aria-label="Export the rows shown" inner_html=controls::exports_html()></div>
            </div>
            <LeftOutNote combined=combined />
            <VirtualTable
                count=count
                version=combined.version
                row=row
                on_row=on_row
                label="Combined transactions of every filing"
                test="combined-table"
                reveal=selected_position
            >
                <tr inner_html=controls::head_html()></tr>
            </VirtualTable>
        </section>
    }
}

/// `12,345`.
pub fn format_count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The `i`-th row shown, as HTML (every value escaped, see [`cells_html`]):
/// one DOM call per screenful of rows instead of about eight per cell, so
/// that a screenful (about 600 cells) is built in a few milliseconds, on the
/// first rows of a batch as on every scroll. Reads the selection: the rows
/// are written again when it changes.
fn combined_row(combined: Combined, i: usize) -> Option<String> {
    let selected = combined.selected.get();
    let names = combined.inputs;
    combined.data.with_value(|d| {
        let (id, row) = d.shown_row(i)?;
        let filing = d.filings.get(row.filing as usize)?;
        let input = names
            .with_untracked(|n| n.get(filing.input as usize).map(|e| e.name.clone()))
            .unwrap_or_default();
        let front = [
            (Col::Input, input.as_str()),
            (Col::Form, filing.form.as_str()),
            (Col::Issuer, &filing.issuer_label()),
            (Col::Owner, filing.owners.as_str()),
            (Col::Table, row.table_label()),
        ];
        let is_selected = selected == Some(row.filing);
        let class = match (row.holding, is_selected) {
            (true, true) => "holding selected",
            (true, false) => "holding",
            (false, true) => "selected",
            (false, false) => "",
        };
        let mut html = Html::new();
        html.open(
            "tr",
            &[
                ("data-test", "combined-row"),
                ("data-id", &id.to_string()),
                ("aria-rowindex", &(i + 2).to_string()),
                ("class", class),
                ("aria-selected", if is_selected { "true" } else { "false" }),
            ],
        );
        let mut html = html.finish();
        html.push_str(&cells_html(&front, &row));
        html.push_str("</tr>");
        Some(html)
    })
}

/// The cells of a combined row as HTML: the filing's columns (`front`),
/// then the row's, each `<td data-column=… class="num" title=…>` with, for a
/// row column, its value in a `<span data-test="value">` and its footnote
/// marks in a `<sup class="marks" data-test="marks">`. Every value is escaped
/// ([`push_escaped`]): a filing's text never becomes markup.
pub fn cells_html(front: &[(Col, &str)], row: &RowView) -> String {
    let mut out = String::with_capacity(1024);
    let open = |out: &mut String, col: Col, text: &str| {
        out.push_str("<td data-column=\"");
        out.push_str(col.key());
        if col.is_numeric() {
            out.push_str("\" class=\"num");
        }
        if !text.is_empty() {
            out.push_str("\" title=\"");
            push_escaped(out, text);
        }
        out.push_str("\">");
    };
    for &(col, text) in front {
        open(&mut out, col, text);
        push_escaped(&mut out, text);
        out.push_str("</td>");
    }
    for col in Col::ROW {
        let text = row.cell(col);
        open(&mut out, col, text);
        out.push_str("<span data-test=\"value\">");
        push_escaped(&mut out, text);
        out.push_str("</span>");
        let marks = row.marks(col);
        if !marks.is_empty() {
            out.push_str("<sup class=\"marks\" data-test=\"marks\">");
            push_escaped(&mut out, marks);
            out.push_str("</sup>");
        }
        out.push_str("</td>");
    }
    out
}

/// Append a cell `<td{attrs}>text</td>`, with `text` (escaped) as its
/// tooltip too when `tip` and it is not empty; `attrs` is markup of ours
/// (e.g. ` class="num"`), never a value read from a filing.
pub fn push_cell(out: &mut String, attrs: &str, text: &str, tip: bool) {
    out.push_str("<td");
    out.push_str(attrs);
    if tip && !text.is_empty() {
        out.push_str(" title=\"");
        push_escaped(out, text);
        out.push('"');
    }
    out.push('>');
    push_escaped(out, text);
    out.push_str("</td>");
}

/// Says so when the table leaves rows out (markup in a box, not a view).
#[component]
fn LeftOutNote(combined: Combined) -> impl IntoView {
    let note = crate::reactive::string(move || {
        combined.received.track();
        let left_out = combined.data.with_value(|d| d.rows_left_out);
        let mut html = Html::new();
        if left_out > 0 {
            let text = format!(
                "This batch has {} more rows than the table holds ({} at most, to keep the page responsive). \
                 The totals below count every row, and the SEC export includes every filing.",
                format_count(left_out as usize),
                format_count(super::MAX_TABLE_ROWS)
            );
            html.leaf("p", &[("class", "notice"), ("data-test", "rows-left-out")], &text);
        }
        html.finish()
    });
    view! { <div role="status" inner_html=note></div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_markup_only_where_we_wrote_it() {
        let row = RowView {
            filing: 0,
            derivative: false,
            holding: false,
            cells: Col::ROW
                .iter()
                .map(|&c| if c == Col::Shares { "1,000".into() } else { String::new() })
                .collect(),
            marks: vec![(Col::Shares.row_index().unwrap() as u8, "(1)".into())],
        };
        let front = [(Col::Input, r#"<img src=x onerror="alert('x')">&.xml"#), (Col::Form, "4")];
        let html = cells_html(&front, &row);
        assert!(html.starts_with(
            "<td data-column=\"input\" title=\"&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;.xml\">\
             &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;.xml</td>"
        ));
        assert!(html.contains(
            "<td data-column=\"shares\" class=\"num\" title=\"1,000\"><span data-test=\"value\">1,000</span>\
             <sup class=\"marks\" data-test=\"marks\">(1)</sup></td>"
        ));
        // A blank cell: no title, an empty value.
        assert!(html.contains("<td data-column=\"date\"><span data-test=\"value\"></span></td>"));
        assert_eq!(html.matches("<td ").count(), front.len() + Col::ROW.len());
        assert!(!html.contains("<img"));
    }

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1000), "1,000");
        assert_eq!(format_count(1_234_567), "1,234,567");
    }
}
