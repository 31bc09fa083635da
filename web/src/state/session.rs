//! The last session, kept in the browser (IndexedDB: localStorage holds a
//! few MB of strings, a batch is often more), to restore on reload.
//!
//! One record, `session/last` in the database `filing-inspector`: the
//! inputs' names, kinds and sizes, and their contents end to end in one
//! blob ([`Record`], turned into a JS object by `serde-wasm-bindgen`). A batch over [`MAX_SAVED_BYTES`] is
//! not kept: the record then only says how large it was, and the page says
//! so on reload. Whether to keep anything is the user's choice, stored in
//! localStorage (`filing-inspector.remember`: `no` opts out); opting out
//! deletes the record.

use js_sys::{Array, Function, Promise, Reflect};
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File, IdbDatabase, IdbFactory, IdbRequest, IdbTransactionMode};

use crate::batch::combined::{Source, SourceKind};

/// The largest batch kept (bytes of input).
pub const MAX_SAVED_BYTES: u64 = 200_000_000;
const DATABASE: &str = "filing-inspector";
const STORE: &str = "session";
const KEY: &str = "last";
const REMEMBER: &str = "filing-inspector.remember";

/// What was kept of the last session.
pub enum Saved {
    /// The inputs.
    Inputs(Vec<Source>),
    /// Too large to keep: how many inputs, how many bytes.
    TooLarge(u32, f64),
}

/// The stored record, as IndexedDB keeps it: a plain object with camel-case
/// keys, written by `serde-wasm-bindgen`. [`load`] reads it back key by key
/// (a derived `Deserialize` would link Rust's float formatting, for its
/// error messages: 10 kB of brotli for five keys).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Record {
    /// Set when the batch was too large to keep: how many inputs, how many bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    too_large: Option<(u32, f64)>,
    /// The inputs' names, in order.
    names: Vec<String>,
    /// Their kinds (`file`, `paste`, `sample`).
    kinds: Vec<String>,
    /// Their sizes in bytes: where each one's contents end in `contents`.
    sizes: Vec<f64>,
    /// Every input's contents end to end, one `Blob` (kept as the JS object).
    #[serde(serialize_with = "serde_wasm_bindgen::preserve::serialize")]
    contents: JsValue,
}

/// Whether the user lets the page keep the last session (the default).
pub fn remember() -> bool {
    storage().and_then(|s| s.get_item(REMEMBER).ok().flatten()).as_deref() != Some("no")
}

/// Let the page keep the session, or not (and forget the kept one).
pub async fn set_remember(on: bool) -> Result<(), String> {
    if let Some(storage) = storage() {
        let _ = if on { storage.remove_item(REMEMBER) } else { storage.set_item(REMEMBER, "no") };
    }
    if on { Ok(()) } else { clear().await }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn describe(error: &JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "the browser's storage refused".to_owned())
}

/// Wait for an IndexedDB request.
async fn done(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = Reflect::get(&failed, &"error".into()).unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| describe(&e))
}

async fn open() -> Result<IdbDatabase, String> {
    // The page's or the worker's.
    let factory = Reflect::get(&js_sys::global(), &"indexedDB".into())
        .ok()
        .and_then(|f| f.dyn_into::<IdbFactory>().ok())
        .ok_or("this browser has no IndexedDB")?;
    let request = factory.open_with_u32(DATABASE, 1).map_err(|e| describe(&e))?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(database) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            let _ = database.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let database = done(&request).await?;
    database.dyn_into::<IdbDatabase>().map_err(|_| "IndexedDB gave no database".to_owned())
}

async fn store(mode: IdbTransactionMode) -> Result<web_sys::IdbObjectStore, String> {
    let database = open().await?;
    let transaction = database.transaction_with_str_and_mode(STORE, mode).map_err(|e| describe(&e))?;
    transaction.object_store(STORE).map_err(|e| describe(&e))
}

/// Keep inputs as the last session (or, when too large, that it was): in
/// order, their names, kinds (`file`, `paste`, `sample`), sizes in bytes,
/// and contents (`File`s or strings). The worker calls this.
///
/// The contents go in as one `Blob`, end to end: one object for IndexedDB
/// to copy, however many files.
pub async fn save(
    names: &[String],
    kinds: &[String],
    sizes: &[f64],
    contents: &[JsValue],
) -> Result<(), String> {
    let bytes: f64 = sizes.iter().sum();
    let record = if bytes > MAX_SAVED_BYTES as f64 {
        Record {
            too_large: Some((names.len() as u32, bytes)),
            names: Vec::new(),
            kinds: Vec::new(),
            sizes: Vec::new(),
            contents: JsValue::UNDEFINED,
        }
    } else {
        let parts: Array = contents.iter().collect();
        let blob = Blob::new_with_blob_sequence(&parts).map_err(|e| describe(&e))?;
        Record {
            too_large: None,
            names: names.to_vec(),
            kinds: kinds.to_vec(),
            sizes: sizes.to_vec(),
            contents: blob.into(),
        }
    };
    let record = serde_wasm_bindgen::to_value(&record).map_err(|e| e.to_string())?;
    let store = store(IdbTransactionMode::Readwrite).await?;
    done(&store.put_with_key(&record, &KEY.into()).map_err(|e| describe(&e))?).await.map(drop)
}

/// The last session kept, if any.
pub async fn load() -> Result<Option<Saved>, String> {
    let store = store(IdbTransactionMode::Readonly).await?;
    let record = done(&store.get(&KEY.into()).map_err(|e| describe(&e))?).await?;
    if record.is_undefined() || record.is_null() {
        return Ok(None);
    }
    let get = |key: &str| Reflect::get(&record, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if let Ok(too_large) = get("tooLarge").dyn_into::<Array>() {
        let count = too_large.get(0).as_f64().unwrap_or(0.0) as u32;
        return Ok(Some(Saved::TooLarge(count, too_large.get(1).as_f64().unwrap_or(0.0))));
    }
    let strings = |key: &str| {
        get(key)
            .dyn_into::<Array>()
            .ok()
            .map(|a| a.iter().map(|v| v.as_string().unwrap_or_default()).collect::<Vec<_>>())
    };
    let sizes = get("sizes")
        .dyn_into::<Array>()
        .ok()
        .map(|a| a.iter().map(|v| v.as_f64().unwrap_or(0.0)).collect::<Vec<_>>());
    let (Some(names), Some(kinds), Some(sizes), Ok(contents)) =
        (strings("names"), strings("kinds"), sizes, get("contents").dyn_into::<Blob>())
    else {
        return Ok(None); // not a record this version wrote
    };
    let mut sources = Vec::with_capacity(names.len());
    let mut offset = 0.0;
    for ((name, kind), size) in names.iter().zip(&kinds).zip(&sizes) {
        let part = contents.slice_with_f64_and_f64(offset, offset + size).map_err(|e| describe(&e))?;
        offset += size;
        if kind == SourceKind::File.as_str() {
            let file = File::new_with_blob_sequence(&Array::of1(&part), name).map_err(|e| describe(&e))?;
            sources.push(Source::file(file));
        } else {
            let text = JsFuture::from(part.text()).await.map_err(|e| describe(&e))?;
            sources.push(Source::text(name, text.as_string().unwrap_or_default()));
        }
    }
    Ok((!sources.is_empty()).then_some(Saved::Inputs(sources)))
}

/// Forget the last session.
pub async fn clear() -> Result<(), String> {
    let store = store(IdbTransactionMode::Readwrite).await?;
    done(&store.delete(&KEY.into()).map_err(|e| describe(&e))?).await.map(drop)
}
