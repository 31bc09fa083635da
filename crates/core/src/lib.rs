//! Filing Inspector's core: SEC insider-ownership filings (Forms 3, 4, 5 and
//! their amendments) from every representation into one typed model.
//!
//! The data flows one way:
//!
//! 1. [`source`] — decode the bytes and index the lines ([`Input`]);
//! 2. [`detect`] — decide which representation the text is;
//! 3. [`repr`] — the one parser for that representation builds [`model::Filing`]s,
//!    every value with its span in the input and how it was obtained;
//! 4. [`diagnostic`] — what could not be read, or looks wrong, located in the input;
//! 5. [`analysis`] — explain, check and enrich a filing ([`analysis::analyze`])
//!    and several together ([`analysis::batch()`]);
//! 6. [`export`] — the SEC's data-set tables and a filing's tables as TSV, CSV,
//!    Markdown or JSON.
//!
//! The crate is pure: no I/O, no clock, no DOM. It builds for the host and for
//! `wasm32-unknown-unknown` alike.
//!
//! ```
//! let input = filing_core::Input::from_text(
//!     "<ownershipDocument><documentType>4</documentType></ownershipDocument>".to_owned(),
//! );
//! let parsed = filing_core::parse(&input);
//! assert_eq!(parsed.filings.len(), 1);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod analysis;
pub mod case;
pub mod detect;
pub mod diagnostic;
pub mod export;
pub mod model;
pub mod repr;
pub mod sort;
pub mod source;

use serde::Serialize;

use detect::{Detection, Representation};
use diagnostic::{Code, Diagnostic};
use model::Filing;
use source::{DecodeError, Encoding, LineCol, LineIndex, Span};

/// A decoded input and its line index.
#[derive(Clone, Debug)]
pub struct Input {
    text: String,
    encoding: Encoding,
    lines: LineIndex,
}

impl Input {
    /// Decode raw bytes (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252).
    pub fn from_bytes(bytes: &[u8]) -> Result<Input, DecodeError> {
        let (text, encoding) = source::decode(bytes)?;
        Ok(Input::with_encoding(text, encoding))
    }

    /// Text that is already decoded (a paste).
    pub fn from_text(text: String) -> Input {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        Input::with_encoding(text, Encoding::Utf8)
    }

    fn with_encoding(text: String, encoding: Encoding) -> Input {
        let lines = LineIndex::new(&text);
        Input { text, encoding, lines }
    }

    /// The decoded text every span points into.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The encoding the bytes were decoded from.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Line and column of a byte offset.
    pub fn line_col(&self, offset: u32) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }

    /// The text a span covers (empty if the span is out of range).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// Everything read from one input.
#[derive(Clone, Debug, Serialize)]
pub struct Parsed {
    /// What the input was recognised as, and why.
    pub detection: Detection,
    /// The filings found, in input order.
    pub filings: Vec<Filing>,
    /// Problems that belong to no single filing (the input as a whole).
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// Whether anything went wrong badly enough to lose data (an error
    /// outside any filing, or in one).
    pub fn has_errors(&self) -> bool {
        let is_error = |d: &Diagnostic| d.severity == diagnostic::Severity::Error;
        self.diagnostics.iter().any(is_error)
            || self.filings.iter().any(|f| f.diagnostics.iter().any(is_error))
    }
}

/// Detect the representation of `input` and parse it.
pub fn parse(input: &Input) -> Parsed {
    let detection = detect::detect(input.text());
    parse_detected(input, detection)
}

/// Parse `input` as `representation`, whatever detection would say (the
/// user's manual override).
pub fn parse_as(input: &Input, representation: Representation) -> Parsed {
    let detection = Detection { representation, reasons: vec!["chosen by the user".to_owned()] };
    parse_detected(input, detection)
}

/// Decode `bytes` and parse them; a decoding failure becomes a diagnostic.
///
/// Bytes beyond [`source::MAX_INPUT_BYTES`] are refused before decoding, with
/// [`Code::InputTooLarge`].
pub fn parse_bytes(bytes: &[u8]) -> (Option<Input>, Parsed) {
    if bytes.len() > source::MAX_INPUT_BYTES {
        let diagnostic = too_large(bytes.len());
        let detection =
            Detection { representation: Representation::Unknown, reasons: vec![diagnostic.message.clone()] };
        return (None, Parsed { detection, filings: Vec::new(), diagnostics: vec![diagnostic] });
    }
    match Input::from_bytes(bytes) {
        Ok(input) => {
            let parsed = parse(&input);
            (Some(input), parsed)
        }
        Err(error) => {
            let detection =
                Detection { representation: Representation::Unknown, reasons: vec![error.to_string()] };
            let diagnostic = Diagnostic::new(Code::DecodeFailed, None, error.to_string());
            (None, Parsed { detection, filings: Vec::new(), diagnostics: vec![diagnostic] })
        }
    }
}

fn parse_detected(input: &Input, detection: Detection) -> Parsed {
    let text = input.text();
    let mut diagnostics = Vec::new();
    if input.encoding() != Encoding::Utf8 {
        diagnostics.push(Diagnostic::new(
            Code::EncodingNote,
            None,
            format!("decoded as {}", input.encoding()),
        ));
    }
    if text.len() > source::MAX_INPUT_BYTES {
        diagnostics.push(too_large(text.len()));
        return Parsed { detection, filings: Vec::new(), diagnostics };
    }
    let filings = match detection.representation {
        Representation::Xml => {
            let out = repr::xml::parse(text, 0..text.len());
            diagnostics.extend(out.diagnostics);
            out.filings
        }
        Representation::Submission => {
            let out = repr::submission::parse(text);
            diagnostics.extend(out.diagnostics);
            out.filings
        }
        Representation::Html => {
            let out = repr::html::parse(text);
            diagnostics.extend(out.diagnostics);
            out.filings
        }
        Representation::Markdown => {
            let out = repr::markdown::parse(text);
            diagnostics.extend(out.diagnostics);
            out.filings
        }
        Representation::PdfText => {
            let out = repr::pdf::parse(text);
            diagnostics.extend(out.diagnostics);
            out.filings
        }
        Representation::Text => {
            let out = repr::text::parse(text);
            diagnostics.extend(out.diagnostics);
            out.filings
        }
        Representation::Unknown => {
            diagnostics.push(
                Diagnostic::new(
                    Code::NotAFiling,
                    Some(Span::new(0, text.len().min(200))),
                    format!("this does not look like a Form 3, 4 or 5: {}", detection.reasons.join("; ")),
                )
                .with_help("paste the ownership XML, the full submission .txt, the EDGAR page, or its text"),
            );
            Vec::new()
        }
    };
    Parsed { detection, filings, diagnostics }
}

/// The diagnostic for an input of `len` bytes, beyond [`source::MAX_INPUT_BYTES`].
fn too_large(len: usize) -> Diagnostic {
    const MIB: usize = 1024 * 1024;
    Diagnostic::new(
        Code::InputTooLarge,
        None,
        format!(
            "the input is {} MiB; the limit is {} MiB: split it into smaller files",
            len.div_ceil(MIB),
            source::MAX_INPUT_BYTES / MIB
        ),
    )
    .with_help("a single filing is a few kilobytes; an input this large is many filings or not a filing")
}
