//! The last session, kept in the browser (IndexedDB: localStorage holds a
//! few MB of strings, a batch is often more), to restore on reload.
//!
//! One record, `session/last` in the database `filing-inspector`: the
//! inputs as given (files as the `File`s themselves, which IndexedDB
//! stores as blobs; text as strings). A batch over [`MAX_SAVED_BYTES`] is
//! not kept: the record then only says how large it was, and the page says
//! so on reload. Whether to keep anything is the user's choice, stored in
//! localStorage (`filing-inspector.remember`: `no` opts out); opting out
//! deletes the record.

use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, IdbDatabase, IdbRequest, IdbTransactionMode};

use crate::batch::combined::{Content, Source};

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
    let factory = window().indexed_db().map_err(|e| describe(&e))?.ok_or("this browser has no IndexedDB")?;
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

/// Keep `sources` as the last session (or, when too large, that it was).
pub async fn save(sources: &[Source]) -> Result<(), String> {
    let bytes: u64 = sources.iter().map(Source::bytes).sum();
    let record = Object::new();
    let set = |key: &str, value: &JsValue| drop(Reflect::set(&record, &key.into(), value));
    if bytes > MAX_SAVED_BYTES {
        set("tooLarge", &Array::of2(&(sources.len() as u32).into(), &(bytes as f64).into()));
    } else {
        let inputs = Array::new();
        for source in sources {
            let input = Object::new();
            let put = |key: &str, value: &JsValue| drop(Reflect::set(&input, &key.into(), value));
            put("name", &source.name.as_str().into());
            put("kind", &source.kind.as_str().into());
            match &source.content {
                Content::File(file) => put("file", file),
                Content::Text(text) => put("text", &text.as_str().into()),
            }
            inputs.push(&input);
        }
        set("inputs", &inputs);
    }
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
    let get = |object: &JsValue, key: &str| Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if let Ok(too_large) = get(&record, "tooLarge").dyn_into::<Array>() {
        let count = too_large.get(0).as_f64().unwrap_or(0.0) as u32;
        return Ok(Some(Saved::TooLarge(count, too_large.get(1).as_f64().unwrap_or(0.0))));
    }
    let inputs: Array = get(&record, "inputs").dyn_into().unwrap_or_default();
    let sources = inputs
        .iter()
        .filter_map(|input| {
            let name = get(&input, "name").as_string().unwrap_or_default();
            if let Ok(file) = get(&input, "file").dyn_into::<File>() {
                return Some(Source::file(file));
            }
            Some(Source::text(&name, get(&input, "text").as_string()?))
        })
        .collect::<Vec<_>>();
    Ok((!sources.is_empty()).then_some(Saved::Inputs(sources)))
}

/// Forget the last session.
pub async fn clear() -> Result<(), String> {
    let store = store(IdbTransactionMode::Readwrite).await?;
    done(&store.delete(&KEY.into()).map_err(|e| describe(&e))?).await.map(drop)
}
