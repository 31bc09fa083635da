//! The combined table's controls — its filters, the sort buttons of its
//! column headings and its export buttons — as markup (`crate::html`)
//! written once: [`sync`] makes them show the query whenever it changes (a
//! restored or shared state, Clear filters), and [`handle`] is the one
//! listener, on the table's section, for their clicks, typing and choices.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement};

use super::combined::{Combined, ExportTarget};
use super::query::{Derivative, Direction, Ownership, Query, Sort};
use super::rows::Col;
use crate::html::{Html, closest, event_element};
use crate::worker_protocol::ExportKind;

/// The choices of a select filter: its query key, label, hook and options (value, text).
type Choice = (&'static str, &'static str, &'static str, [(&'static str, &'static str); 3]);

const CHOICES: [Choice; 3] = [
    (
        "direction",
        "Acquired/disposed",
        "direction-filter",
        [("", "Both"), ("A", "Acquired (A)"), ("D", "Disposed (D)")],
    ),
    (
        "ownership",
        "Ownership",
        "ownership-filter",
        [("", "Both"), ("D", "Direct (D)"), ("I", "Indirect (I)")],
    ),
    ("table", "Table", "table-filter", [("", "Both"), ("1", "I: non-derivative"), ("2", "II: derivative")]),
];

/// The export buttons: label, hook, what and where.
const EXPORTS: [(&str, &str, ExportKind, ExportTarget); 5] = [
    ("Copy", "copy-table", ExportKind::Tsv, ExportTarget::Clipboard),
    ("TSV", "export-tsv", ExportKind::Tsv, ExportTarget::Download),
    ("CSV", "export-csv", ExportKind::Csv, ExportTarget::Download),
    ("JSON", "export-json", ExportKind::Json, ExportTarget::Download),
    ("SEC data-set tables (ZIP)", "export-sec", ExportKind::Sec, ExportTarget::Download),
];

/// A filter's value in `query`, as its field holds it; `key` is its `data-query`.
fn query_value(query: &Query, key: &str) -> String {
    let choice = match key {
        "owner" => return query.owner.clone(),
        "issuer" => return query.issuer.clone(),
        "text" => return query.text.clone(),
        "from" => return query.from.clone(),
        "to" => return query.to.clone(),
        "direction" => query.direction.map(Direction::key),
        "ownership" => query.ownership.map(Ownership::key),
        "table" => query.table.map(Derivative::key),
        _ => None,
    };
    choice.unwrap_or_default().to_owned()
}

/// Set the filter `key` of `query` to what its field holds.
fn set_query_value(query: &mut Query, key: &str, value: String) {
    match key {
        "owner" => query.owner = value,
        "issuer" => query.issuer = value,
        "text" => query.text = value,
        "from" => query.from = value,
        "to" => query.to = value,
        "direction" => query.direction = Direction::from_key(&value),
        "ownership" => query.ownership = Ownership::from_key(&value),
        "table" => query.table = Derivative::from_key(&value),
        _ => {}
    }
}

/// A labelled `<input>` for the filter `key`.
fn field(html: &mut Html, label: &str, kind: &str, test: &str, key: &str) {
    html.raw(r#"<label class="filter">"#)
        .leaf("span", &[], label)
        .open("input", &[("type", kind), ("data-test", test), ("data-query", key)])
        .raw("</label>");
}

/// Every filter of the table (the codes' buttons are written by [`sync`]).
pub fn filters_html() -> String {
    let mut html = Html::new();
    html.raw(r#"<fieldset class="filter codes" data-test="code-filter"><legend>Codes</legend></fieldset>"#);
    field(&mut html, "Owner", "search", "owner-filter", "owner");
    field(&mut html, "Issuer", "search", "issuer-filter", "issuer");
    for (key, label, test, options) in CHOICES {
        html.raw(r#"<label class="filter">"#)
            .leaf("span", &[], label)
            .open("select", &[("data-test", test), ("data-query", key)]);
        for (value, text) in options {
            html.raw("<option value=\"").text(value).raw("\">").text(text).raw("</option>");
        }
        html.raw("</select></label>");
    }
    field(&mut html, "From", "date", "date-from", "from");
    field(&mut html, "To", "date", "date-to", "to");
    field(&mut html, "Text", "search", "text-filter", "text");
    html.raw(r#"<button type="button" class="button secondary" data-test="clear-filters" disabled>Clear filters</button>"#);
    html.finish()
}

/// The export buttons.
pub fn exports_html() -> String {
    let mut html = Html::new();
    for (label, test, _, _) in EXPORTS {
        html.leaf(
            "button",
            &[
                ("type", "button"),
                ("class", "button secondary"),
                ("data-test", test),
                ("disabled", "disabled"),
            ],
            label,
        );
    }
    html.finish()
}

/// The header row: each column's heading a button that sorts by it.
pub fn head_html() -> String {
    let mut html = Html::new();
    for col in Col::ALL {
        html.open(
            "th",
            &[
                ("scope", "col"),
                ("aria-sort", "none"),
                ("data-column", col.key()),
                ("class", if col.is_numeric() { "num" } else { "" }),
            ],
        )
        .open(
            "button",
            &[("type", "button"), ("class", "sort"), ("data-test", "sort"), ("data-column", col.key())],
        )
        .text(col.label())
        .raw(r#"<span class="sort-arrow"></span></button></th>"#);
    }
    html.finish()
}

/// The code buttons: one per transaction code in the batch.
fn codes_html(codes: &str) -> String {
    let mut html = Html::new();
    html.raw("<legend>Codes</legend>");
    for code in codes.chars() {
        let letter = code.to_string();
        let title = filing_core::model::TransactionCode::parse(&letter)
            .map(|c| format!("{code}: {}", c.description()))
            .unwrap_or_default();
        html.leaf(
            "button",
            &[
                ("type", "button"),
                ("class", "code"),
                ("data-code", &letter),
                ("aria-pressed", "false"),
                ("title", &title),
            ],
            &letter,
        );
    }
    html.finish()
}

/// Every element in `section` that matches `selector`.
fn all(section: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = section.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)?.dyn_into::<Element>().ok()).collect()
}

/// Make the controls in `section` show `query`: the codes (rewritten when the
/// batch's `codes` are not the ones `written`), the fields, the sort, and
/// whether Clear filters and the exports (`empty`: no rows) can be used.
pub fn sync(section: &Element, query: &Query, codes: &str, written: StoredValue<String>, empty: bool) {
    if written.with_value(|w| w != codes)
        && let Ok(Some(fieldset)) = section.query_selector("[data-test=code-filter]")
    {
        fieldset.set_inner_html(&codes_html(codes));
        written.set_value(codes.to_owned());
    }
    for button in all(section, "[data-code]") {
        let on = button.get_attribute("data-code").is_some_and(|c| !c.is_empty() && query.codes.contains(&c));
        let _ = button.set_attribute("aria-pressed", if on { "true" } else { "false" });
    }
    for field in all(section, "[data-query]") {
        let want = query_value(query, &field.get_attribute("data-query").unwrap_or_default());
        if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
            if input.value() != want {
                input.set_value(&want);
            }
        } else if let Some(select) = field.dyn_ref::<HtmlSelectElement>()
            && select.value() != want
        {
            select.set_value(&want);
        }
    }
    for heading in all(section, "th[aria-sort]") {
        let sort =
            query.sort.filter(|s| Some(s.col.key()) == heading.get_attribute("data-column").as_deref());
        let (aria, arrow) = match sort.map(|s| s.descending) {
            None => ("none", ""),
            Some(false) => ("ascending", " ▲"),
            Some(true) => ("descending", " ▼"),
        };
        let _ = heading.set_attribute("aria-sort", aria);
        if let Ok(Some(span)) = heading.query_selector(".sort-arrow") {
            span.set_text_content(Some(arrow));
        }
    }
    let disable = |element: Element, disabled: bool| {
        let _ = element.toggle_attribute_with_force("disabled", disabled);
    };
    for button in all(section, "[data-test=clear-filters]") {
        disable(button, !query.filters());
    }
    for (_, test, _, _) in EXPORTS {
        for button in all(section, &format!("[data-test={test}]")) {
            disable(button, empty);
        }
    }
}

/// A click, typing or a choice in the controls.
pub fn handle(combined: Combined, event: &Event) {
    let Some(target) = event_element(event) else { return };
    let closest = |selector: &str| closest(&target, selector);
    let query = combined.query;
    match event.type_().as_str() {
        "click" => {
            if let Some(code) = closest("[data-code]").and_then(|b| b.get_attribute("data-code")) {
                query.update(|q| {
                    if q.codes.contains(&code) {
                        q.codes.retain(|c| !code.contains(c));
                    } else {
                        q.codes.push_str(&code);
                    }
                });
            } else if let Some(key) = closest("[data-test=sort]").and_then(|b| b.get_attribute("data-column"))
            {
                let Some(col) = Col::ALL.into_iter().find(|c| c.key() == key) else { return };
                // Ascending, then descending, then back to the input order.
                query.update(|q| {
                    q.sort = match q.sort.filter(|s| s.col == col).map(|s| s.descending) {
                        None => Some(Sort { col, descending: false }),
                        Some(false) => Some(Sort { col, descending: true }),
                        Some(true) => None,
                    }
                });
            } else if closest("[data-test=clear-filters]").is_some() {
                query.update(|q| *q = Query { sort: q.sort, ..Query::default() });
            } else if let Some(test) = closest(".exports button").and_then(|b| b.get_attribute("data-test"))
                && let Some((_, _, kind, to)) = EXPORTS.into_iter().find(|e| e.1 == test)
            {
                combined.export(kind, to);
            }
        }
        // Search fields as one types; selects and dates once chosen.
        kind => {
            let Some(key) = target.get_attribute("data-query") else { return };
            let is_search = target.get_attribute("type").as_deref() == Some("search");
            if is_search != (kind == "input") {
                return;
            }
            let value = match (target.dyn_ref::<HtmlInputElement>(), target.dyn_ref::<HtmlSelectElement>()) {
                (Some(input), _) => input.value(),
                (_, Some(select)) => select.value(),
                _ => return,
            };
            query.update(|q| set_query_value(q, &key, value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_back_what_it_set() {
        let mut query = Query::default();
        for (key, value) in
            [("owner", "Roe"), ("from", "2024-05-01"), ("direction", "D"), ("ownership", "I"), ("table", "2")]
        {
            set_query_value(&mut query, key, value.to_owned());
            assert_eq!(query_value(&query, key), value, "{key}");
        }
        set_query_value(&mut query, "table", String::new());
        assert_eq!(query.table, None);
    }
}
