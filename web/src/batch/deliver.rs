//! Handing an export to the user: a file download, or the clipboard.

use js_sys::Array;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::combined::ExportTarget;

/// Offer `data` (a string, or a `Uint8Array`) as the download `name`, or
/// put it (a string) on the clipboard.
pub fn deliver(name: &str, media_type: &str, data: &JsValue, to: ExportTarget) -> Result<(), String> {
    if to == ExportTarget::Clipboard {
        let text = data.as_string().ok_or("only text can be copied")?;
        // Chrome lets the focused page write; elsewhere the browser may ask.
        let _ = window().navigator().clipboard().write_text(&text);
        return Ok(());
    }
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(&Array::of1(data), &options)
        .map_err(|e| format!("the browser could not make the file: {e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let link: web_sys::HtmlAnchorElement =
        document().create_element("a").map_err(|e| format!("{e:?}"))?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked later: revoking at once can cancel the download before it starts.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(30));
    Ok(())
}
