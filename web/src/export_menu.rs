//! Copy or download one table of a filing as TSV (pastes cleanly into a
//! spreadsheet), CSV, Markdown or JSON — the core's
//! [`filing_core::export::table`], so the page and the CLI export alike.

use std::sync::Arc;

use filing_core::export::table::{Format, export};
use filing_core::model::{Filing, Table};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

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
#[component]
pub fn ExportMenu(filing: Arc<Filing>, table: Table) -> impl IntoView {
    let format = RwSignal::new(Format::Tsv);
    let status = RwSignal::new(String::new());
    let name = table_name(table);
    let options = Format::ALL
        .into_iter()
        .map(|f| view! { <option value=f.extension() selected=move || format.get() == f>{format_name(f)}</option> })
        .collect_view();
    let copy_filing = filing.clone();
    let copy = move |_| {
        let text = export(&copy_filing, table, format.get_untracked());
        let what = format_name(format.get_untracked());
        status.set(format!("Copying {name} as {what}…"));
        leptos::task::spawn_local(async move {
            let message = match write_clipboard(&text).await {
                Ok(()) => format!("Copied {name} as {what}."),
                Err(reason) => format!("Could not copy: {reason}. Use Download instead."),
            };
            status.set(message);
        });
    };
    let download = move |_| {
        let format = format.get_untracked();
        let text = export(&filing, table, format);
        let file = file_name(&filing, table, format);
        match save(&text, &file, format.media_type()) {
            Ok(()) => status.set(format!("Downloaded {file}.")),
            Err(reason) => status.set(format!("Could not download: {reason}.")),
        }
    };
    view! {
        <div class="export-menu" data-test="export-menu" role="group" aria-label=format!("Export {name}")>
            <label class="export-format">
                <span class="visually-hidden">{format!("Format for {name}")}</span>
                <select
                    data-test="export-format"
                    on:change:target=move |event| {
                        let value = event.target().value();
                        if let Some(f) = Format::ALL.into_iter().find(|f| f.extension() == value) {
                            format.set(f);
                        }
                    }
                >
                    {options}
                </select>
            </label>
            <button type="button" class="button secondary" data-test="export-copy" on:click=copy>
                "Copy"
                <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
            <button type="button" class="button secondary" data-test="export-download" on:click=download>
                "Download"
                <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
            <span class="export-status" role="status" data-test="export-status">{move || status.get()}</span>
        </div>
    }
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
