//! One input the user gave (a paste or a file) and what the core read from it.

use filing_core::detect::{Detection, Representation};
use filing_core::diagnostic::{Code, Diagnostic};
use filing_core::{Input, Parsed};

/// An input and its parse.
#[derive(Debug)]
pub struct Document {
    /// Where it came from: a file name, or "pasted text".
    pub name: String,
    /// The decoded text, when the bytes could be decoded.
    pub input: Option<Input>,
    /// What the core read.
    pub parsed: Parsed,
}

impl Document {
    /// Parse text the user pasted or typed.
    pub fn from_text(name: &str, text: String) -> Document {
        let input = Input::from_text(text);
        let parsed = filing_core::parse(&input);
        Document { name: name.to_owned(), input: Some(input), parsed }
    }

    /// Decode and parse the bytes of a file.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Document {
        let (input, parsed) = filing_core::parse_bytes(bytes);
        Document { name: name.to_owned(), input, parsed }
    }

    /// A file the browser could not read at all.
    pub fn unreadable(name: &str, reason: &str) -> Document {
        let message = format!("the browser could not read the file: {reason}");
        let detection = Detection { representation: Representation::Unknown, reasons: vec![message.clone()] };
        let diagnostics = vec![Diagnostic::new(Code::DecodeFailed, None, message)];
        Document {
            name: name.to_owned(),
            input: None,
            parsed: Parsed { detection, filings: Vec::new(), diagnostics },
        }
    }

    /// `line:column` of where a diagnostic points, when it has a place.
    pub fn location(&self, diagnostic: &Diagnostic) -> Option<String> {
        let input = self.input.as_ref()?;
        let span = diagnostic.span?;
        Some(input.line_col(span.start).to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_is_located_by_line_and_column() {
        // The closing tag on line 2, column 11, is misspelt.
        let doc = Document::from_text(
            "pasted text",
            "<ownershipDocument>\n  <issuer></issuerX>\n</ownershipDocument>".to_owned(),
        );
        let located: Vec<String> = doc.parsed.diagnostics.iter().filter_map(|d| doc.location(d)).collect();
        assert!(located.contains(&"2:11".to_owned()), "{:?}", doc.parsed.diagnostics);
    }

    #[test]
    fn undecodable_bytes_still_make_a_document() {
        let doc = Document::from_bytes("x.pdf", b"%PDF-1.4\n\x00\x01binary");
        assert_eq!(doc.name, "x.pdf");
        assert!(doc.parsed.filings.is_empty());
        assert!(!doc.parsed.diagnostics.is_empty());
    }
}
