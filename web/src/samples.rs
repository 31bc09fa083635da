//! Sample filings to try the page with: the two real pastes from users
//! (Qualys Form 4s as Markdown made from the EDGAR page, lossy; the core's
//! test fixtures `crates/core/tests/fixtures/seeds/`) and filings written for
//! the page from the SEC's specification (`web/samples/`) — clearly
//! fictional, like the SEC's own samples.
//!
//! They are files of the site, not part of the wasm (which every visit
//! downloads): Trunk copies them into [`FOLDER`] beside `index.html`, a
//! click fetches one, and the service worker (`web/sw.js`, whose `SAMPLES`
//! must list them all: a test checks it) keeps them for offline use. A
//! saved copy of the page holds their texts inline ([`INLINE`]).

use wasm_bindgen::JsValue;

use crate::html::{Html, event_attribute};

/// The folder the samples are served from, relative to the page.
pub const FOLDER: &str = "samples/";

/// The global in which a saved copy of the page ([`crate::saved_copy`])
/// holds the samples' texts, by file name.
pub const INLINE: &str = "__filingInspectorSamples";

/// One sample filing.
pub struct Sample {
    /// A stable id, for hooks.
    pub id: &'static str,
    /// The button's label.
    pub label: &'static str,
    /// What it shows.
    pub description: &'static str,
    /// The document's name once loaded: its file name in [`FOLDER`].
    pub file: &'static str,
}

/// Every sample, in the order offered.
pub const SAMPLES: &[Sample] = &[
    Sample {
        id: "form4-options",
        label: "Form 4 with options",
        description: "An option exercise and same-day sale under a 10b5-1 plan, and a grant (fictional XML)",
        file: "form4-options-fictional.xml",
    },
    Sample {
        id: "form3",
        label: "Form 3",
        description: "A new director's initial holdings (fictional XML)",
        file: "form3-fictional.xml",
    },
    Sample {
        id: "form5",
        label: "Form 5",
        description: "An annual statement: a gift, a small acquisition, 401(k) shares (fictional XML)",
        file: "form5-fictional.xml",
    },
    Sample {
        id: "joint",
        label: "Joint filing",
        description: "Three reporting persons, filed late (fictional XML)",
        file: "form4-joint-fictional.xml",
    },
    Sample {
        id: "malformed",
        label: "Malformed",
        description: "Bad date, bad number, misspelt element, undefined footnote (fictional XML)",
        file: "form4-malformed-fictional.xml",
    },
    Sample {
        id: "seed-2013-11",
        label: "Real paste: Qualys, Nov 2013",
        description: "Markdown a user made from the EDGAR page: lossy, values inferred",
        file: "003_20df6d6f311adac3.txt",
    },
    Sample {
        id: "seed-2013-10",
        label: "Real paste: Qualys, Oct 2013",
        description: "Markdown with HTML tags a user made from the EDGAR page: lossy",
        file: "004_6dc50de75c747898.txt",
    },
];

/// The sample buttons.
pub fn sample_buttons(html: &mut Html) {
    html.raw(concat!(
        r#"<nav class="samples" aria-labelledby="samples-label">"#,
        r#"<span id="samples-label" class="samples-label">Try a sample:</span><ul>"#
    ));
    for sample in SAMPLES {
        html.raw("<li>")
            .leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "sample"),
                    ("data-test", "sample"),
                    ("data-sample", sample.id),
                    ("title", sample.description),
                ],
                sample.label,
            )
            .raw("</li>");
    }
    html.raw("</ul></nav>");
}

/// The text of `sample`: the saved copy's own, or else fetched from the
/// page's site (or the service worker's cache).
pub async fn text(sample: &Sample) -> Result<String, String> {
    let inline = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(INLINE))
        .and_then(|texts| js_sys::Reflect::get(&texts, &JsValue::from_str(sample.file)));
    match inline.ok().and_then(|text| text.as_string()) {
        Some(text) => Ok(text),
        None => crate::files::fetch_text(&format!("{FOLDER}{}", sample.file)).await,
    }
}

/// The sample whose button a click was on.
pub fn picked_sample(event: &web_sys::Event) -> Option<&'static Sample> {
    let id = event_attribute(event, "data-sample")?;
    SAMPLES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    /// Where the samples' files are in the repository: the fictional ones
    /// (copied whole by `index.html`), then the core's seeds (copied one by one).
    const SOURCES: [&str; 2] = ["samples/", "../crates/core/tests/fixtures/seeds/"];

    /// The folder of `sample` in the repository, and its text.
    fn source(sample: &Sample) -> (&'static str, String) {
        SOURCES
            .into_iter()
            .find_map(|dir| {
                let path = format!("{}/{dir}{}", env!("CARGO_MANIFEST_DIR"), sample.file);
                std::fs::read_to_string(path).ok().map(|text| (dir, text))
            })
            .unwrap_or_else(|| panic!("{}: no such file in {SOURCES:?}", sample.file))
    }

    #[test]
    fn every_sample_reads_as_at_least_one_filing() {
        for sample in SAMPLES {
            let doc = Document::from_text(sample.file, source(sample).1);
            assert_eq!(doc.filings.len(), 1, "{}", sample.id);
        }
    }

    #[test]
    fn the_fictional_samples_say_they_are_fictional() {
        for sample in SAMPLES.iter().filter(|s| s.file.contains("fictional")) {
            let text = source(sample).1;
            assert!(text.contains("fictional"), "{}", sample.id);
            assert!(text.contains("<ownershipDocument>"), "{}", sample.id);
        }
    }

    #[test]
    fn every_sample_is_served_and_kept_offline() {
        let index = include_str!("../../index.html");
        assert!(
            index.contains(r#"<link data-trunk rel="copy-dir" href="web/samples" />"#),
            "index.html copies web/samples"
        );
        let sw = include_str!("../sw.js");
        let listed = sw
            .split_once("const SAMPLES = [")
            .and_then(|(_, rest)| rest.split_once("];"))
            .map(|(list, _)| list)
            .unwrap_or_else(|| panic!("sw.js has no SAMPLES list"));
        assert_eq!(
            listed.matches('\'').count(),
            2 * SAMPLES.len(),
            "sw.js lists exactly the samples: {listed}"
        );
        for sample in SAMPLES {
            assert!(listed.contains(&format!("'{}'", sample.file)), "sw.js keeps {}", sample.file);
            let (dir, _) = source(sample);
            if dir != SOURCES[0] {
                let copy = format!(
                    r#"<link data-trunk rel="copy-file" href="crates/core/tests/fixtures/seeds/{}" data-target-path="{}" />"#,
                    sample.file,
                    FOLDER.trim_end_matches('/')
                );
                assert!(index.contains(&copy), "index.html copies {}", sample.file);
            }
        }
    }
}
