//! Reading the files the user opened or dropped, and the page's own files
//! (the samples, the parts of a saved copy).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList};

use crate::document::Document;

/// The files of a `FileList`, in order.
pub fn list(files: &FileList) -> Vec<File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Read and parse each file. A file the browser cannot read becomes a
/// document whose diagnostic says so, so nothing the user gave disappears.
pub async fn read_all(files: Vec<File>) -> Vec<Document> {
    let mut documents = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        let document = match read(&file).await {
            Ok(bytes) => Document::from_bytes(&name, &bytes),
            Err(reason) => Document::unreadable(&name, &reason),
        };
        documents.push(document);
    }
    documents
}

/// The bytes of `file`, or why the browser could not read it.
pub async fn read(file: &File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| describe(&e))?;
    let buffer: js_sys::ArrayBuffer = buffer.dyn_into().map_err(|e| describe(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A JS error in words.
pub fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser could not read the file".to_owned())
}

/// GET `url` (relative to the page) from the page's own site (or its cache).
async fn fetch(url: &str) -> Result<web_sys::Response, String> {
    let response =
        JsFuture::from(leptos::prelude::window().fetch_with_str(url)).await.map_err(|e| describe(&e))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| describe(&e))?;
    if response.ok() { Ok(response) } else { Err(format!("{url}: HTTP {}", response.status())) }
}

/// The text of the page's file `url`, or why it could not be fetched.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let promise = fetch(url).await?.text().map_err(|e| describe(&e))?;
    let text = JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

/// The bytes of the page's file `url`, or why it could not be fetched.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let promise = fetch(url).await?.array_buffer().map_err(|e| describe(&e))?;
    let buffer = JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
