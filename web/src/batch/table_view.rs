//! The combined table: its filters, its "N of M rows" count, its exports,
//! and the virtualized rows (click a row to see its filing in detail).

use leptos::prelude::*;

use super::combined::{Combined, ExportTarget};
use super::query::{Derivative, Direction, Ownership, Query, Sort};
use super::rows::{Col, RowView};
use super::virtual_table::VirtualTable;
use crate::html::{Html, push_escaped};
use crate::worker_protocol::ExportKind;

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
    let head = Col::ALL.iter().map(|&col| view! { <SortHeader combined=combined col=col /> }).collect_view();
    let row = Callback::new(move |i: usize| combined_row(combined, i));
    let on_row = Callback::new(move |i: usize| {
        let filing = combined.data.with_value(|d| d.shown_row(i).map(|(_, row)| row.filing));
        if filing.is_some() {
            combined.selected.set(filing);
        }
    });
    view! {
        <section class="combined" data-test="combined" aria-labelledby="combined-heading">
            <h2 id="combined-heading">"Combined transactions"</h2>
            <FilterBar combined=combined />
            <div class="combined-bar">
                <p class="row-count" data-test="row-count" role="status">
                    {move || format_count(count.get())} " of " {move || format_count(total())} " rows"
                </p>
                <ExportButtons combined=combined />
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
                <tr>{head}</tr>
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

/// A column heading that sorts the table by its column: ascending, then
/// descending, then back to the input order.
#[component]
fn SortHeader(combined: Combined, col: Col) -> impl IntoView {
    let state = move || combined.query.with(|q| q.sort.filter(|s| s.col == col).map(|s| s.descending));
    let aria = move || match state() {
        None => "none",
        Some(false) => "ascending",
        Some(true) => "descending",
    };
    let arrow = move || match state() {
        None => "",
        Some(false) => " ▲",
        Some(true) => " ▼",
    };
    let next = move || {
        // Read before the update: the query cannot be read while it is written.
        let sort = match state() {
            None => Some(Sort { col, descending: false }),
            Some(false) => Some(Sort { col, descending: true }),
            Some(true) => None,
        };
        combined.query.update(|q| q.sort = sort);
    };
    view! {
        <th scope="col" aria-sort=aria data-column=col.key() class:num=col.is_numeric()>
            <button type="button" class="sort" data-test="sort" data-column=col.key() on:click=move |_| next()>
                {col.label()}
                {arrow}
            </button>
        </th>
    }
}

/// Every filter of the table.
#[component]
fn FilterBar(combined: Combined) -> impl IntoView {
    let query = combined.query;
    let codes = combined.codes;
    let text_filter = move |label: &'static str,
                            test: &'static str,
                            get: fn(&Query) -> &String,
                            set: fn(&mut Query, String)| {
        view! {
            <label class="filter">
                <span>{label}</span>
                <input
                    type="search"
                    data-test=test
                    prop:value=move || query.with(|q| get(q).clone())
                    on:input:target=move |e| query.update(|q| set(q, e.target().value()))
                />
            </label>
        }
    };
    let choice = move |label: &'static str,
                       test: &'static str,
                       options: &'static [(&'static str, &'static str)],
                       get: fn(&Query) -> &'static str,
                       set: fn(&mut Query, &str)| {
        let options = options
            .iter()
            .map(|(value, text)| view! { <option value=*value selected=move || query.with(|q| get(q) == *value)>{*text}</option> })
            .collect_view();
        view! {
            <label class="filter">
                <span>{label}</span>
                <select data-test=test on:change:target=move |e| query.update(|q| set(q, &e.target().value()))>
                    {options}
                </select>
            </label>
        }
    };
    view! {
        <div class="filters" data-test="filters" role="search" aria-label="Filter the combined table">
            <fieldset class="filter codes" data-test="code-filter">
                <legend>"Codes"</legend>
                {move || {
                    codes
                        .get()
                        .chars()
                        .map(|code| {
                            let on = move || query.with(|q| q.codes.contains(code));
                            view! {
                                <button
                                    type="button"
                                    class="code"
                                    data-code=code.to_string()
                                    aria-pressed=move || on().to_string()
                                    title=code_title(code)
                                    on:click=move |_| {
                                        query.update(|q| {
                                            if q.codes.contains(code) {
                                                q.codes.retain(|c| c != code);
                                            } else {
                                                q.codes.push(code);
                                            }
                                        })
                                    }
                                >
                                    {code.to_string()}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </fieldset>
            {text_filter("Owner", "owner-filter", |q| &q.owner, |q, v| q.owner = v)}
            {text_filter("Issuer", "issuer-filter", |q| &q.issuer, |q, v| q.issuer = v)}
            {choice(
                "Acquired/disposed",
                "direction-filter",
                &[("", "Both"), ("A", "Acquired (A)"), ("D", "Disposed (D)")],
                |q| match q.direction {
                    None => "",
                    Some(Direction::Acquired) => "A",
                    Some(Direction::Disposed) => "D",
                },
                |q, v| {
                    q.direction = match v {
                        "A" => Some(Direction::Acquired),
                        "D" => Some(Direction::Disposed),
                        _ => None,
                    }
                },
            )}
            {choice(
                "Ownership",
                "ownership-filter",
                &[("", "Both"), ("D", "Direct (D)"), ("I", "Indirect (I)")],
                |q| match q.ownership {
                    None => "",
                    Some(Ownership::Direct) => "D",
                    Some(Ownership::Indirect) => "I",
                },
                |q, v| {
                    q.ownership = match v {
                        "D" => Some(Ownership::Direct),
                        "I" => Some(Ownership::Indirect),
                        _ => None,
                    }
                },
            )}
            {choice(
                "Table",
                "table-filter",
                &[("", "Both"), ("1", "I: non-derivative"), ("2", "II: derivative")],
                |q| match q.table {
                    None => "",
                    Some(Derivative::TableI) => "1",
                    Some(Derivative::TableII) => "2",
                },
                |q, v| {
                    q.table = match v {
                        "1" => Some(Derivative::TableI),
                        "2" => Some(Derivative::TableII),
                        _ => None,
                    }
                },
            )}
            <label class="filter">
                <span>"From"</span>
                <input
                    type="date"
                    data-test="date-from"
                    prop:value=move || query.with(|q| q.from.clone())
                    on:change:target=move |e| query.update(|q| q.from = e.target().value())
                />
            </label>
            <label class="filter">
                <span>"To"</span>
                <input
                    type="date"
                    data-test="date-to"
                    prop:value=move || query.with(|q| q.to.clone())
                    on:change:target=move |e| query.update(|q| q.to = e.target().value())
                />
            </label>
            {text_filter("Text", "text-filter", |q| &q.text, |q, v| q.text = v)}
            <button
                type="button"
                class="button secondary"
                data-test="clear-filters"
                disabled=move || !query.with(Query::filters)
                on:click=move |_| query.update(|q| *q = Query { sort: q.sort, ..Query::default() })
            >
                "Clear filters"
            </button>
        </div>
    }
}

/// The code's meaning, for its button's tooltip.
fn code_title(code: char) -> String {
    filing_core::model::TransactionCode::parse(&code.to_string())
        .map(|c| format!("{code}: {}", c.description()))
        .unwrap_or_default()
}

/// Export the rows shown.
#[component]
fn ExportButtons(combined: Combined) -> impl IntoView {
    let empty = move || combined.received.get() == 0;
    let button = move |label: &'static str, test: &'static str, kind: ExportKind, to: ExportTarget| {
        view! {
            <button type="button" class="button secondary" data-test=test disabled=empty on:click=move |_| combined.export(kind, to)>
                {label}
            </button>
        }
    };
    view! {
        <div class="exports" role="group" aria-label="Export the rows shown">
            {button("Copy", "copy-table", ExportKind::Tsv, ExportTarget::Clipboard)}
            {button("TSV", "export-tsv", ExportKind::Tsv, ExportTarget::Download)}
            {button("CSV", "export-csv", ExportKind::Csv, ExportTarget::Download)}
            {button("JSON", "export-json", ExportKind::Json, ExportTarget::Download)}
            {button("SEC data-set tables (ZIP)", "export-sec", ExportKind::Sec, ExportTarget::Download)}
        </div>
    }
}

/// Says so when the table leaves rows out.
#[component]
fn LeftOutNote(combined: Combined) -> impl IntoView {
    move || {
        combined.received.track();
        let left_out = combined.data.with_value(|d| d.rows_left_out);
        (left_out > 0).then(|| {
            view! {
                <p class="notice" data-test="rows-left-out" role="status">
                    {format!(
                        "This batch has {} more rows than the table holds ({} at most, to keep the page responsive). \
                         The totals below count every row, and the SEC export includes every filing.",
                        format_count(left_out as usize),
                        format_count(super::MAX_TABLE_ROWS)
                    )}
                </p>
            }
        })
    }
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
