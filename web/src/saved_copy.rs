//! "Save a copy": the page as one HTML file that works when opened from
//! disk (`file://`).
//!
//! The page Trunk builds loads its script and its wasm as separate files,
//! and browsers such as Chrome refuse both from `file://` (modules and
//! `fetch` need an http origin), so a copy saved the usual way cannot start.
//! This copy holds everything inline: the style sheets in `<style>`, the JS
//! glue and the worker's loader as strings (turned into `blob:` URLs, which
//! [`crate::worker_client`] uses when set), the sample filings (which the
//! page fetches from its site, [`crate::samples`]) as one object of texts,
//! and the wasm in base64, started by one inline module script. Where that browser still refuses the worker,
//! the copy parses on the page, in slices, and says so.
//!
//! Not kept in the copy: the service worker (there is nothing to cache from
//! disk), the loading progress bar (nothing is downloaded), and the page's
//! Content-Security-Policy `<meta>` (it allows no inline script and no
//! `blob:` module, which the copy is made of).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::batch::combined::ExportTarget;
use crate::batch::deliver::deliver;
use crate::files::{fetch_bytes, fetch_text};
use crate::samples::SAMPLES;

/// The name offered for the copy.
pub const FILE_NAME: &str = "filing-inspector.html";

/// The files of the page that the copy takes in, as named by its `index.html`.
#[derive(Debug, Default, PartialEq, Eq)]
struct Parts {
    /// The style sheets (`<link rel="stylesheet">`).
    stylesheets: Vec<String>,
    /// The JS glue (the `modulepreload` of `filing-web-*.js`).
    glue: Option<String>,
    /// The wasm (the `preload` of `*_bg.wasm`).
    wasm: Option<String>,
}

/// Every `<tag …>` (up to its `>`) of `html` whose text contains all of `needles`.
fn tags<'a>(html: &'a str, tag: &str, needles: &[&str]) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let Some(len) = rest[start..].find('>') else { break };
        let element = &rest[start..=start + len];
        if needles.iter().all(|n| element.contains(n)) {
            found.push(element);
        }
        rest = &rest[start + len + 1..];
    }
    found
}

/// The value of attribute `name` in `element` (double-quoted, as Trunk writes it).
fn attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = element.find(&key)? + key.len();
    let len = element[start..].find('"')?;
    Some(&element[start..start + len])
}

fn plan(html: &str) -> Parts {
    let href = |e: &&str| attribute(e, "href").map(str::to_owned);
    Parts {
        stylesheets: tags(html, "link", &["rel=\"stylesheet\""]).iter().filter_map(href).collect(),
        glue: tags(html, "link", &["rel=\"modulepreload\"", "filing-web-"]).first().and_then(href),
        wasm: tags(html, "link", &["rel=\"preload\"", "_bg.wasm"]).first().and_then(href),
    }
}

/// `text` as a JS string literal that is safe inside a `<script>` element.
fn js_string(text: &str) -> String {
    filing_core::export::json::string(text).replace("</", "<\\/")
}

/// What the copy holds inline besides its style sheets.
struct Inline {
    /// The JS glue.
    glue: String,
    /// The worker's loader (`worker.js`).
    worker: String,
    /// The wasm, in base64.
    wasm: String,
    /// The samples' texts, by file name.
    samples: Vec<(&'static str, String)>,
}

/// `samples` as a JS object literal of texts by file name.
fn samples_object(samples: &[(&str, String)]) -> String {
    let mut object = String::from("{");
    for (i, (file, text)) in samples.iter().enumerate() {
        if i > 0 {
            object.push(',');
        }
        object.push_str(&js_string(file));
        object.push(':');
        object.push_str(&js_string(text));
    }
    object.push('}');
    object
}

/// The copy: `html` (the page's `index.html`) without the links to its files,
/// Trunk's start-up script or the CSP, with `css` and the `inline` parts.
fn assemble(html: &str, css: &str, inline: &Inline) -> String {
    let mut out = html.to_owned();
    let mut drop = tags(html, "link", &["rel=\"stylesheet\""]);
    drop.extend(tags(html, "link", &["rel=\"modulepreload\""]));
    drop.extend(tags(html, "link", &["rel=\"preload\""]));
    drop.extend(tags(html, "meta", &["Content-Security-Policy"]));
    for element in drop {
        out = out.replacen(element, "", 1);
    }
    // Trunk's start-up script: the first module script.
    if let Some(start) = out.find("<script type=\"module\">")
        && let Some(len) = out[start..].find("</script>")
    {
        out.replace_range(start..start + len + "</script>".len(), "");
    }
    let boot = format!(
        r#"<style>{css}</style>
<!-- A saved copy of Filing Inspector: everything is in this one file (see web/src/saved_copy.rs). -->
<script type="module">
const blob = (text) => URL.createObjectURL(new Blob([text], {{ type: 'text/javascript' }}));
globalThis.__filingInspectorGlue = blob({glue});
globalThis.__filingInspectorWorker = blob({worker});
globalThis.{samples_global} = {samples};
try {{
  const bytes = Uint8Array.from(atob({wasm}), (c) => c.charCodeAt(0));
  const glue = await import(globalThis.__filingInspectorGlue);
  await glue.default({{ module_or_path: bytes }});
}} catch (error) {{
  window.filingInspectorFailed?.(error?.message ?? String(error));
}}
</script>
"#,
        css = css.replace("</", "<\\/"),
        glue = js_string(&inline.glue),
        worker = js_string(&inline.worker),
        samples_global = crate::samples::INLINE,
        samples = samples_object(&inline.samples),
        wasm = js_string(&inline.wasm),
    );
    match out.find("</head>") {
        Some(at) => out.insert_str(at, &boot),
        None => out.insert_str(0, &boot),
    }
    out
}

/// `bytes` in base64 (standard alphabet, padded).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The copy of the page being shown, as one HTML file.
async fn build() -> Result<String, String> {
    let location = window().location();
    let page = location.pathname().map_err(|e| format!("{e:?}"))?;
    let html = fetch_text(&page).await?;
    let parts = plan(&html);
    let glue = parts.glue.ok_or("the page names no script")?;
    let wasm = parts.wasm.ok_or("the page names no wasm")?;
    let mut css = String::new();
    for sheet in &parts.stylesheets {
        css.push_str(&fetch_text(sheet).await?);
        css.push('\n');
    }
    let (glue, worker, wasm) =
        (fetch_text(&glue).await?, fetch_text("worker.js").await?, fetch_bytes(&wasm).await?);
    let mut samples = Vec::with_capacity(SAMPLES.len());
    for sample in SAMPLES {
        samples.push((sample.file, crate::samples::text(sample).await?));
    }
    Ok(assemble(&html, &css, &Inline { glue, worker, wasm: base64(&wasm), samples }))
}

/// Offers the copy as a download.
#[component]
pub fn SaveCopy() -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let save = move |_| {
        status.set(Some("Making the copy…".to_owned()));
        leptos::task::spawn_local(async move {
            let result = build().await.and_then(|html| {
                deliver(FILE_NAME, "text/html", &JsValue::from(html), ExportTarget::Download)
            });
            status.set(Some(match result {
                Ok(()) => format!("Saved as {FILE_NAME}: open it from your disk, no network needed."),
                Err(error) => format!("The copy could not be made: {error}."),
            }));
        });
    };
    // A copy opened from disk cannot copy itself (its parts are not files).
    let online = window().location().protocol().is_ok_and(|p| p == "http:" || p == "https:");
    online.then(|| {
        view! {
            <p class="save-copy">
                <button type="button" class="button secondary" data-test="save-copy" on:click=crate::reactive::click(save)>
                    "Save a copy of this page"
                </button>
                " "
                <span class="hint" data-test="save-copy-status" role="status">{crate::reactive::string(move || status.get().unwrap_or_default())}</span>
            </p>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The head of an `index.html` as Trunk 0.21 writes it (hashes shortened).
    const PAGE: &str = r#"<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
<link rel="stylesheet" href="./style-1a.css" integrity="sha384-x"/>
<link rel="stylesheet" href="./batch-2b.css" integrity="sha384-y"/>
<script type="module">
import init, * as bindings from './filing-web-3c.js';
</script>
<script>window.theme = 1;</script>
<link rel="modulepreload" href="./filing-web-3c.js" crossorigin="anonymous" integrity="sha384-z">
<link rel="modulepreload" href="./4d-loader.js" crossorigin="anonymous">
<link rel="preload" href="./filing-web-3c_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm"></head>
<body><div id="loading"></div></body></html>"#;

    #[test]
    fn the_parts_are_read_off_the_page() {
        assert_eq!(
            plan(PAGE),
            Parts {
                stylesheets: vec!["./style-1a.css".into(), "./batch-2b.css".into()],
                glue: Some("./filing-web-3c.js".into()),
                wasm: Some("./filing-web-3c_bg.wasm".into()),
            }
        );
    }

    #[test]
    fn the_copy_holds_everything_inline_and_links_nothing() {
        let inline = Inline {
            glue: "export default 1; // </script>".into(),
            worker: "self.onmessage=1".into(),
            wasm: "AAEC".into(),
            samples: vec![("a.xml", "<a></a>".into()), ("b.txt", "b\n".into())],
        };
        let copy = assemble(PAGE, "body{}", &inline);
        for gone in ["style-1a.css", "batch-2b.css", "4d-loader.js", "_bg.wasm", "Content-Security-Policy"] {
            assert!(!copy.contains(gone), "{gone} left in the copy");
        }
        assert!(!copy.contains("import init"), "Trunk's start-up script is gone");
        assert!(copy.contains("<script>window.theme = 1;</script>"), "the page's own script stays");
        assert!(copy.contains("<style>body{}</style>"));
        assert!(
            copy.contains(r#"blob("export default 1; // <\/script>")"#),
            "a script end inside a string is escaped"
        );
        assert!(copy.contains(r#"atob("AAEC")"#));
        assert!(
            copy.contains(r#"globalThis.__filingInspectorSamples = {"a.xml":"<a><\/a>","b.txt":"b\n"};"#)
        );
        assert!(copy.find("<style>").unwrap() < copy.find("</head>").unwrap());
        assert!(copy.contains(r#"<div id="loading"></div>"#));
    }

    #[test]
    fn base64_as_the_standard_says() {
        // RFC 4648, section 10.
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }
}
