//! Copy or download one table of a filing as TSV (pastes cleanly into a
//! spreadsheet), CSV, Markdown or JSON — the core's
//! [`filing_core::export::table`], so the page and the CLI export alike.
//! The menu is markup ([`export_menu`]); `crate::delegate` calls [`run`]
//! when one of its buttons is clicked.

use filing_core::export::table::{Format, export};
use filing_core::model::{Filing, Table};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::html::Html;
use crate::transaction_table::table_name;

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Tsv => "TSV",
        Format::Csv => "CSV",
        Format::Markdown => "Markdown",
        Format::Json => "JSON",
        _ => "text",
    }
}

/// The format select, Copy and Download, for one table.
pub fn export_menu(html: &mut Html, table: Table) {
    let name = table_name(table);
    let hidden_name = format!(" {name}");
    html.open(
        "div",
        &[
            ("class", "export-menu"),
            ("data-test", "export-menu"),
            ("role", "group"),
            ("aria-label", &format!("Export {name}")),
            ("data-table", table.key()),
        ],
    )
    .raw(r#"<label class="export-format">"#)
    .leaf("span", &[("class", "visually-hidden")], &format!("Format for {name}"))
    .raw(r#"<select data-test="export-format">"#);
    for f in Format::ALL {
        let selected = if f == Format::Tsv { "selected" } else { "" };
        html.leaf("option", &[("value", f.extension()), ("selected", selected)], format_name(f));
    }
    html.raw("</select></label>");
    for (label, test) in [("Copy", "export-copy"), ("Download", "export-download")] {
        html.open("button", &[("type", "button"), ("class", "button secondary"), ("data-test", test)])
            .text(label)
            .leaf("span", &[("class", "visually-hidden")], &hidden_name)
            .close("button");
    }
    html.raw(r#"<span class="export-status" role="status" data-test="export-status"></span></div>"#);
}

/// Copy (or, when `download`, download) the table of `filing` that `menu`
/// (an [`export_menu`]) is for, in the format chosen in it; its status says how it went.
pub fn run(menu: &web_sys::Element, filing: &Filing, download: bool) {
    let table = if menu.get_attribute("data-table").as_deref() == Some(Table::Derivative.key()) {
        Table::Derivative
    } else {
        Table::NonDerivative
    };
    let chosen = menu
        .query_selector("select")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value());
    let format =
        Format::ALL.into_iter().find(|f| Some(f.extension()) == chosen.as_deref()).unwrap_or(Format::Tsv);
    let Ok(Some(status)) = menu.query_selector("[data-test=export-status]") else { return };
    let name = table_name(table);
    let text = export(filing, table, format);
    if download {
        let file = file_name(filing, table, format);
        let message = match save(&text, &file, format.media_type()) {
            Ok(()) => format!("Downloaded {file}."),
            Err(reason) => format!("Could not download: {reason}."),
        };
        status.set_text_content(Some(&message));
        return;
    }
    let what = format_name(format);
    status.set_text_content(Some(&format!("Copying {name} as {what}…")));
    leptos::task::spawn_local(async move {
        let message = match write_clipboard(&text).await {
            Ok(()) => format!("Copied {name} as {what}."),
            Err(reason) => format!("Could not copy: {reason}. Use Download instead."),
        };
        status.set_text_content(Some(&message));
    });
}

/// `XORC-form4-2024-05-13-table-i.tsv`: the ticker (or issuer), form and period.
fn file_name(filing: &Filing, table: Table, format: Format) -> String {
    let issuer = [filing.issuer.trading_symbol.text(), filing.issuer.name.text(), filing.issuer.cik.text()]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .unwrap_or("filing");
    let form = filing.form_type().map(|f| f.as_str().replace('/', "")).map(|f| format!("form{f}"));
    let period = filing.period_of_report.value.map(|d| d.to_string());
    let table = match table {
        Table::NonDerivative => "table-i",
        Table::Derivative => "table-ii",
    };
    let parts: Vec<String> =
        [Some(issuer.to_owned()), form, period, Some(table.to_owned())].into_iter().flatten().collect();
    let stem: String = parts
        .join("-")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '-' })
        .collect();
    format!("{stem}.{}", format.extension())
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused".to_owned())
}

async fn write_clipboard(text: &str) -> Result<(), String> {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.map(|_| ()).map_err(|e| describe(&e))
}

/// Offer `text` as a file download, named `name`.
pub fn save(text: &str, name: &str, media_type: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{media_type};charset=utf-8"));
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| describe(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| describe(&e))?;
    let link: web_sys::HtmlAnchorElement =
        document().create_element("a").map_err(|e| describe(&e))?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked later: revoking at once can cancel the download before it starts.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(30));
    Ok(())
}

#[cfg(test)]
mod tests {
    use filing_core::model::{Date, Field, FormType};

    use super::*;

    #[test]
    fn file_names_say_which_filing_and_table() {
        let mut filing = Filing::default();
        filing.issuer.trading_symbol.value = Some("XORC".to_owned());
        filing.document_type = Field::read(FormType::Form4A, Default::default());
        filing.period_of_report = Field::read(Date::from_ymd(2024, 5, 13).unwrap(), Default::default());
        assert_eq!(file_name(&filing, Table::Derivative, Format::Csv), "XORC-form4A-2024-05-13-table-ii.csv");
        filing.issuer.trading_symbol.value = None;
        filing.issuer.name.value = Some("EXAMPLE, INC./DE".to_owned());
        assert_eq!(
            file_name(&filing, Table::NonDerivative, Format::Markdown),
            "EXAMPLE--INC.-DE-form4A-2024-05-13-table-i.md"
        );
    }
}
