//! Decide which representation an input is, with reasons a person can read.
//!
//! Detection looks at markers each representation cannot help writing: the
//! SGML envelope of a full submission, the `ownershipDocument` root of the
//! XML, HTML tags of an EDGAR page, pipe tables of Markdown, the wide
//! space-aligned columns of PDF text, the tab-separated cells of text copied
//! from a browser. The first decisive marker wins; the reasons say which.

use std::fmt;

use serde::Serialize;

/// The representations an ownership filing can be given in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Representation {
    /// Not recognised.
    #[default]
    Unknown,
    /// EDGAR ownership XML (`ownershipDocument`).
    Xml,
    /// A full EDGAR submission (`.txt`: SGML header and documents).
    Submission,
    /// The EDGAR-rendered HTML page of the form.
    Html,
    /// Text copied from the EDGAR page in a browser (tab-separated cells).
    Text,
    /// Text extracted from a PDF of the form, with or without layout.
    PdfText,
    /// Markdown made from the PDF or the HTML page (pipe tables).
    Markdown,
}

impl Representation {
    /// Every representation a user can choose (all but `Unknown`).
    pub const CHOOSABLE: [Representation; 6] = [
        Representation::Xml,
        Representation::Submission,
        Representation::Html,
        Representation::Text,
        Representation::PdfText,
        Representation::Markdown,
    ];

    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            Representation::Unknown => "unrecognised",
            Representation::Xml => "ownership XML",
            Representation::Submission => "full EDGAR submission",
            Representation::Html => "EDGAR HTML page",
            Representation::Text => "copied text",
            Representation::PdfText => "PDF text",
            Representation::Markdown => "Markdown",
        }
    }

    /// Whether the representation is an exact one (XML inside), as opposed to
    /// a lossy rendering whose values may be inferred or missing.
    pub fn is_exact(self) -> bool {
        matches!(self, Representation::Xml | Representation::Submission)
    }
}

impl fmt::Display for Representation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The outcome of detection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Detection {
    /// What the input was recognised as.
    pub representation: Representation,
    /// Why, in plain words, most decisive first.
    pub reasons: Vec<String>,
}

/// How much of the input detection looks at (markers sit near the top).
const SNIFF_BYTES: usize = 64 * 1024;

/// Recognise the representation of `text`.
pub fn detect(text: &str) -> Detection {
    let head = prefix(text, SNIFF_BYTES);
    let start = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let found = |representation, reason: &str| Detection { representation, reasons: vec![reason.to_owned()] };

    for marker in
        ["<SEC-DOCUMENT>", "<SUBMISSION>", "<IMS-DOCUMENT>", "-----BEGIN PRIVACY-ENHANCED MESSAGE-----"]
    {
        if start.starts_with(marker) {
            let reason = format!("starts with {marker}, the envelope of a full EDGAR submission");
            return found(Representation::Submission, &reason);
        }
    }
    if head.contains("<SEC-HEADER>") || (head.contains("ACCESSION NUMBER:") && head.contains("<DOCUMENT>")) {
        return found(
            Representation::Submission,
            "has an EDGAR submission header (<SEC-HEADER>, ACCESSION NUMBER)",
        );
    }
    let lower_head = head.to_ascii_lowercase();
    let is_html_page = lower_head.contains("<html") || lower_head.contains("<!doctype html");
    if !is_html_page && (head.contains("<ownershipDocument") || head.contains(":ownershipDocument")) {
        return found(Representation::Xml, "has an <ownershipDocument> element (EDGAR ownership XML)");
    }
    if !is_html_page && head.contains("<edgarSubmission") {
        return found(
            Representation::Xml,
            "has an <edgarSubmission> element (a filer-constructed submission, documents in base64)",
        );
    }
    if let Some(reason) = markdown_reason(head) {
        return found(Representation::Markdown, &reason);
    }
    if is_html_page || count(&lower_head, "<td") >= 3 || count(&lower_head, "<tr") >= 2 {
        return found(Representation::Html, "has HTML markup (<html>, <table>, <td>)");
    }
    if !looks_like_a_form(head) {
        return Detection {
            representation: Representation::Unknown,
            reasons: vec!["found none of the headings of a Form 3, 4 or 5 (\"Table I\", \"Name and Address of Reporting Person\", \"Issuer Name\")".to_owned()],
        };
    }
    let lines = head.lines().filter(|l| !l.trim().is_empty()).count().max(1);
    let tab_lines = head.lines().filter(|l| l.contains('\t')).count();
    let wide_gaps = head.lines().filter(|l| l.trim().contains("     ")).count();
    if head.contains("Edgar Filing:") && wide_gaps * 10 >= lines {
        return found(
            Representation::PdfText,
            "has \"Edgar Filing:\" page headers and space-aligned columns (PDF text)",
        );
    }
    if tab_lines * 10 >= lines {
        let reason =
            format!("{tab_lines} of {lines} lines have tab-separated cells (text copied from a browser)");
        return found(Representation::Text, &reason);
    }
    if wide_gaps * 10 >= lines {
        let reason = format!(
            "{wide_gaps} of {lines} lines have columns aligned with runs of spaces (PDF text with layout)"
        );
        return found(Representation::PdfText, &reason);
    }
    if head.contains('\u{c}') || head.contains("https://www.sec.gov/Archives/") {
        return found(Representation::PdfText, "has page breaks or a printed page footer (PDF text)");
    }
    found(Representation::Text, "has the form's headings as plain lines of text")
}

fn markdown_reason(head: &str) -> Option<String> {
    let separators = head
        .lines()
        .filter(|l| {
            let t = l.trim();
            t.len() >= 3
                && t.contains('-')
                && t.contains('|')
                && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
        })
        .count();
    let pipe_rows = head.lines().filter(|l| l.trim_start().starts_with('|') || l.contains(" | ")).count();
    (separators >= 1 && pipe_rows >= 3)
        .then(|| format!("has Markdown pipe tables ({separators} header separators, {pipe_rows} table rows)"))
}

fn looks_like_a_form(head: &str) -> bool {
    const HEADINGS: [&str; 6] = [
        "Table I",
        "Name and Address of Reporting Person",
        "Issuer Name",
        "Reporting Owner",
        "BENEFICIAL OWNERSHIP",
        "Beneficial Ownership",
    ];
    HEADINGS.iter().any(|h| head.contains(h))
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The first `max` bytes of `text`, cut at a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_exact_representations() {
        assert_eq!(
            detect("<?xml version=\"1.0\"?>\n<ownershipDocument>").representation,
            Representation::Xml
        );
        assert_eq!(
            detect("\n<SEC-DOCUMENT>0001-25.txt : 20250101\n").representation,
            Representation::Submission
        );
        assert_eq!(detect("<SUBMISSION>\r<ACCESSION-NUMBER>1").representation, Representation::Submission);
    }

    #[test]
    fn unrelated_text_is_unknown_with_a_reason() {
        let d = detect("hello world");
        assert_eq!(d.representation, Representation::Unknown);
        assert!(d.reasons[0].contains("Table I"));
    }
}
