//! Diagnostics: what a parser or check has to tell the user about the input.
//!
//! Parsing never stops at the first problem. It returns what it could extract
//! together with a list of [`Diagnostic`]s, each with a stable [`Code`], a
//! [`Severity`], the byte [`Span`] it concerns (turned into line:column at the
//! edge) and a message that names the field and quotes the bad text.

use std::fmt;

use serde::Serialize;

use crate::model::CellRef;
use crate::source::Span;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Background information (how the input was read).
    Info,
    /// Something is odd or was guessed; the values may still be right.
    Warning,
    /// Something is wrong or could not be read.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal, $severity:ident;)*) => {
        /// A diagnostic's stable identifier. The string form (see [`Code::as_str`])
        /// never changes once released: scripts and tests may match on it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable kebab-case name, e.g. `"xml-malformed"`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity a diagnostic with this code normally has.
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }
        }
    };
}

codes! {
    /// The bytes could not be decoded as text.
    DecodeFailed = "decode-failed", Error;
    /// The input was decoded as something other than plain UTF-8.
    EncodingNote = "encoding", Info;
    /// The input is larger than the parsers accept.
    InputTooLarge = "input-too-large", Error;
    /// The input does not look like an ownership filing in any supported representation.
    NotAFiling = "not-a-filing", Error;
    /// How the representation was recognised.
    Detected = "detected", Info;
    /// The XML is not well-formed; parsing stopped here.
    XmlMalformed = "xml-malformed", Error;
    /// An XML entity that is not defined (HTML entities such as `&nbsp;` are not XML).
    XmlUnknownEntity = "xml-unknown-entity", Warning;
    /// A document type declaration; external entities are never fetched.
    XmlDoctype = "xml-doctype", Warning;
    /// The root element is not `ownershipDocument`.
    XmlWrongRoot = "xml-wrong-root", Error;
    /// An element, attribute or text the model has no place for (nothing is dropped silently).
    UnplacedContent = "unplaced-content", Warning;
    /// An element the specification requires is absent.
    MissingElement = "missing-element", Warning;
    /// An element appears more often than the model can hold; the extra copies are reported.
    DuplicateElement = "duplicate-element", Warning;
    /// A value that does not parse as its type (number, date, flag, code).
    InvalidValue = "invalid-value", Error;
    /// A number beyond what can be represented exactly.
    NumberOutOfRange = "number-out-of-range", Error;
    /// A value that parsed, but not in the form the specification prescribes (e.g. `true` for `1`).
    NonStandardValue = "non-standard-value", Info;
    /// The SGML submission envelope is malformed.
    SubmissionMalformed = "submission-malformed", Error;
    /// A submission with no ownership XML document (e.g. a pre-2003 text filing).
    NoXmlDocument = "no-xml-document", Error;
    /// The submission header and the XML document disagree.
    HeaderMismatch = "header-mismatch", Warning;
    /// A base64 document block that could not be decoded.
    MimeBlockInvalid = "mime-block-invalid", Error;

    // Lossy renderings (HTML pages, copied text, PDF text, Markdown).
    /// A cell's text does not read as its column's type (a date, an amount, a code).
    CellUnreadable = "cell-unreadable", Warning;
    /// Text whose column is not certain; it was placed in the likeliest one and marked uncertain.
    ColumnUncertain = "column-uncertain", Warning;
    /// A part of the form (a table, a box of the header) was not found in the rendering.
    SectionMissing = "section-missing", Warning;
    /// The rendering shows the relationships (director, officer, …) of the first reporting person only.
    RelationshipsNotShown = "relationships-not-shown", Info;
    /// The footnotes lost their numbers in the rendering and were numbered in order.
    FootnoteNumbersLost = "footnote-numbers-lost", Warning;
    /// A value the rendering does not show was inferred from the values it shows.
    ValueInferred = "value-inferred", Info;
    /// Columns the rendering does not show at all (cut off, or never printed).
    ColumnsNotShown = "columns-not-shown", Info;
    /// The input holds several filings; each was read on its own.
    SeveralFilings = "several-filings", Info;
    /// A line break that may end a value or only wrap it (a street line); the value was read as the likelier and marked uncertain.
    WrapUncertain = "wrap-uncertain", Warning;
    /// Lines of a table that may be rows or pieces of rows: which values form a row is not certain, so every value of the table was marked uncertain (except in rows whose amounts continue the holdings of the row above).
    RowsUncertain = "rows-uncertain", Warning;

    // Checks and analysis.
    /// A form filed after its deadline (Form 4: two business days after the transaction).
    LateFiling = "late-filing", Warning;
    /// A reported price outside the range its footnote states.
    PriceOutsideRange = "price-outside-range", Warning;
    /// Holdings after a row do not follow from the holdings before it and the row's amount.
    HoldingsBreak = "holdings-break", Warning;
    /// Acquired (A) or disposed (D) contradicts the transaction code.
    DirectionMismatch = "direction-mismatch", Warning;
    /// A derivative's date exercisable is after its expiration date.
    ExercisableAfterExpiration = "exercisable-after-expiration", Warning;
    /// Dates out of order: a transaction after the signature, a signature after the filing.
    DateOrder = "date-order", Warning;
    /// A value too large, negative, or dated too early or in the future to be plausible.
    ImplausibleValue = "implausible-value", Warning;
    /// A footnote referenced in the tables but not defined.
    FootnoteUndefined = "footnote-undefined", Warning;
    /// A footnote defined but referenced nowhere in the tables.
    FootnoteUnused = "footnote-unused", Info;
    /// A trade under a Rule 10b5-1 plan sooner after the plan's adoption than the cooling-off period.
    PlanCoolingOff = "plan-cooling-off", Warning;
    /// A derived figure beyond what can be represented exactly; it is left out.
    ArithmeticOverflow = "arithmetic-overflow", Warning;
    /// The same transaction in filings that share no reporting owner (counted in each).
    PossibleDuplicate = "possible-duplicate", Info;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One thing the user should know about the input, located in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable identifier.
    pub code: Code,
    /// How serious it is.
    pub severity: Severity,
    /// Where in the input, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// What happened, naming the field and quoting the text concerned.
    pub message: String,
    /// What the user can do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The table cells this concerns (checks on values name their cells).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<CellRef>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: Code, span: Option<Span>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
            span,
            message: message.into(),
            help: None,
            cells: Vec::new(),
        }
    }

    /// The same diagnostic with a help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same diagnostic with another severity.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The same diagnostic naming the cells it concerns.
    pub fn with_cells(mut self, cells: impl IntoIterator<Item = CellRef>) -> Self {
        self.cells.extend(cells);
        self
    }
}

/// Quote input text for a message: trimmed, shortened to a readable length.
pub fn quote(text: &str) -> String {
    const MAX: usize = 60;
    let text = text.trim();
    if text.chars().count() <= MAX {
        format!("“{text}”")
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("“{head}…”")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_names_are_unique_and_kebab_case() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert!(names.iter().all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        names.sort_unstable();
        let len = names.len();
        names.dedup();
        assert_eq!(names.len(), len, "duplicate diagnostic code name");
    }

    #[test]
    fn quote_shortens_long_text() {
        assert_eq!(quote("  abc "), "“abc”");
        assert!(quote(&"x".repeat(100)).ends_with("…”"));
    }
}
