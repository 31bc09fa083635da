//! Sample filings to try the page with, built into the app: the two real
//! pastes from users (Qualys Form 4s as Markdown made from the EDGAR page,
//! lossy; the core's test fixtures `crates/core/tests/fixtures/seeds/`) and
//! filings written for the page from the SEC's specification (`web/samples/`)
//! — clearly fictional, like the SEC's own samples.

use crate::html::{Html, event_attribute};

/// One sample filing.
pub struct Sample {
    /// A stable id, for hooks.
    pub id: &'static str,
    /// The button's label.
    pub label: &'static str,
    /// What it shows.
    pub description: &'static str,
    /// The document's name once loaded (its file name).
    pub file: &'static str,
    /// The text.
    pub text: &'static str,
}

/// Every sample, in the order offered.
pub const SAMPLES: &[Sample] = &[
    Sample {
        id: "form4-options",
        label: "Form 4 with options",
        description: "An option exercise and same-day sale under a 10b5-1 plan, and a grant (fictional XML)",
        file: "form4-options-fictional.xml",
        text: include_str!("../samples/form4-options-fictional.xml"),
    },
    Sample {
        id: "form3",
        label: "Form 3",
        description: "A new director's initial holdings (fictional XML)",
        file: "form3-fictional.xml",
        text: include_str!("../samples/form3-fictional.xml"),
    },
    Sample {
        id: "form5",
        label: "Form 5",
        description: "An annual statement: a gift, a small acquisition, 401(k) shares (fictional XML)",
        file: "form5-fictional.xml",
        text: include_str!("../samples/form5-fictional.xml"),
    },
    Sample {
        id: "joint",
        label: "Joint filing",
        description: "Three reporting persons, filed late (fictional XML)",
        file: "form4-joint-fictional.xml",
        text: include_str!("../samples/form4-joint-fictional.xml"),
    },
    Sample {
        id: "malformed",
        label: "Malformed",
        description: "Bad date, bad number, misspelt element, undefined footnote (fictional XML)",
        file: "form4-malformed-fictional.xml",
        text: include_str!("../samples/form4-malformed-fictional.xml"),
    },
    Sample {
        id: "seed-2013-11",
        label: "Real paste: Qualys, Nov 2013",
        description: "Markdown a user made from the EDGAR page: lossy, values inferred",
        file: "003_20df6d6f311adac3.txt",
        text: include_str!("../../crates/core/tests/fixtures/seeds/003_20df6d6f311adac3.txt"),
    },
    Sample {
        id: "seed-2013-10",
        label: "Real paste: Qualys, Oct 2013",
        description: "Markdown with HTML tags a user made from the EDGAR page: lossy",
        file: "004_6dc50de75c747898.txt",
        text: include_str!("../../crates/core/tests/fixtures/seeds/004_6dc50de75c747898.txt"),
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

/// The sample whose button a click was on.
pub fn picked_sample(event: &web_sys::Event) -> Option<&'static Sample> {
    let id = event_attribute(event, "data-sample")?;
    SAMPLES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn every_sample_reads_as_at_least_one_filing() {
        for sample in SAMPLES {
            let doc = Document::from_text(sample.file, sample.text.to_owned());
            assert_eq!(doc.filings.len(), 1, "{}", sample.id);
        }
    }

    #[test]
    fn the_fictional_samples_say_they_are_fictional() {
        for sample in SAMPLES.iter().filter(|s| s.file.contains("fictional")) {
            assert!(sample.text.contains("fictional"), "{}", sample.id);
            assert!(sample.text.contains("<ownershipDocument>"), "{}", sample.id);
        }
    }
}
