//! One input the user gave (a paste, a file or a sample) and what the core
//! read from it: the parse and, for each filing, its analysis.

use std::sync::Arc;

use filing_core::analysis::{self, Analysis, Context};
use filing_core::detect::{Detection, Representation};
use filing_core::diagnostic::{Code, Diagnostic};
use filing_core::model::{Date, Filing};
use filing_core::{Input, Parsed};

/// An input, its parse and the analysis of each filing in it.
#[derive(Debug)]
pub struct Document {
    /// Where it came from: a file name, a sample's name, or "pasted text".
    pub name: String,
    /// The decoded text every span points into, when the bytes could be decoded.
    pub input: Option<Arc<Input>>,
    /// What the core read.
    pub parsed: Parsed,
    /// The filings read, shared with the views.
    pub filings: Vec<Arc<Filing>>,
    /// The analysis of each filing, in the same order.
    pub analyses: Vec<Arc<Analysis>>,
    /// The representation the user chose instead of the detected one.
    pub chosen: Option<Representation>,
}

impl Document {
    /// Parse text the user pasted or typed (or a sample).
    pub fn from_text(name: &str, text: String) -> Document {
        let input = Input::from_text(text);
        let parsed = filing_core::parse(&input);
        Document::new(name, Some(input), parsed, None)
    }

    /// Decode and parse the bytes of a file.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Document {
        let (input, parsed) = filing_core::parse_bytes(bytes);
        Document::new(name, input, parsed, None)
    }

    /// A file the browser could not read at all.
    pub fn unreadable(name: &str, reason: &str) -> Document {
        let message = format!("the browser could not read the file: {reason}");
        let detection = Detection { representation: Representation::Unknown, reasons: vec![message.clone()] };
        let diagnostics = vec![Diagnostic::new(Code::DecodeFailed, None, message)];
        let parsed = Parsed { detection, filings: Vec::new(), diagnostics };
        Document::new(name, None, parsed, None)
    }

    /// The same input parsed as `representation` (the user's override), or
    /// as detected again when `None`. `None` when there is no decoded text.
    pub fn reparsed(&self, representation: Option<Representation>) -> Option<Document> {
        let input = self.input.as_ref()?;
        let parsed = match representation {
            Some(representation) => filing_core::parse_as(input, representation),
            None => filing_core::parse(input),
        };
        Some(Document {
            input: Some(input.clone()),
            ..Document::new(&self.name, None, parsed, representation)
        })
    }

    fn new(name: &str, input: Option<Input>, parsed: Parsed, chosen: Option<Representation>) -> Document {
        let context = Context { filing_date: None, today: today() };
        let filings: Vec<Arc<Filing>> = parsed.filings.iter().cloned().map(Arc::new).collect();
        let analyses = filings.iter().map(|f| Arc::new(analysis::analyze(f, &context))).collect();
        Document { name: name.to_owned(), input: input.map(Arc::new), parsed, filings, analyses, chosen }
    }
}

/// Today's date in the user's time zone (the core has no clock); `None`
/// outside a browser (native unit tests), which skips the future-date check.
fn today() -> Option<Date> {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        Date::from_ymd(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = include_str!("../samples/form4-options-fictional.xml");

    #[test]
    fn a_diagnostic_is_located_by_line_and_column() {
        // The closing tag on line 2, column 11, is misspelt.
        let doc = Document::from_text(
            "pasted text",
            "<ownershipDocument>\n  <issuer></issuerX>\n</ownershipDocument>".to_owned(),
        );
        let input = doc.input.as_ref().unwrap();
        let located: Vec<String> = doc
            .parsed
            .diagnostics
            .iter()
            .filter_map(|d| Some(input.line_col(d.span?.start).to_string()))
            .collect();
        assert!(located.contains(&"2:11".to_owned()), "{:?}", doc.parsed.diagnostics);
    }

    #[test]
    fn undecodable_bytes_still_make_a_document() {
        let doc = Document::from_bytes("x.pdf", b"%PDF-1.4\n\x00\x01binary");
        assert_eq!(doc.name, "x.pdf");
        assert!(doc.filings.is_empty());
        assert!(!doc.parsed.diagnostics.is_empty());
    }

    #[test]
    fn every_filing_has_its_analysis() {
        let doc = Document::from_text("sample", XML.to_owned());
        assert_eq!(doc.filings.len(), 1);
        assert_eq!(doc.analyses.len(), 1);
        // The sample's one exercise (Table II row 1) is paired with its same-day sale.
        assert_eq!(doc.analyses[0].exercises.len(), 1);
    }

    #[test]
    fn an_override_reparses_the_same_text_and_can_be_undone() {
        let doc = Document::from_text("sample", XML.to_owned());
        let as_text = doc.reparsed(Some(Representation::Text)).unwrap();
        assert_eq!(as_text.parsed.detection.representation, Representation::Text);
        assert_eq!(as_text.chosen, Some(Representation::Text));
        assert_eq!(as_text.parsed.detection.reasons, ["chosen by the user"]);
        let back = as_text.reparsed(None).unwrap();
        assert_eq!(back.parsed.detection.representation, Representation::Xml);
        assert_eq!(back.chosen, None);
        assert_eq!(back.filings.len(), 1);
    }
}
