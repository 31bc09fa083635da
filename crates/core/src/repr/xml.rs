//! The EDGAR ownership XML (`ownershipDocument`), every schema version from
//! X0101 to X0609: the ground truth every other representation is scored against.
//!
//! ```xml
//! <ownershipDocument>
//!   <schemaVersion>X0508</schemaVersion>
//!   <documentType>4</documentType>
//!   <issuer><issuerCik>0000012345</issuerCik>…</issuer>
//!   <reportingOwner>…</reportingOwner>
//!   <nonDerivativeTable>
//!     <nonDerivativeTransaction>
//!       <transactionAmounts>
//!         <transactionShares><value>100</value><footnoteId id="F1"/></transactionShares>
//!   …
//! ```
//!
//! The parser is a recursive descent over [`quick_xml`]'s pull events (the
//! submodule `document` maps the elements of the specification to the
//! model): each element is read into its place in the [`Filing`]; anything
//! the model has no place for is reported as [`Code::UnplacedContent`] with
//! its path, so nothing is dropped silently. Several documents pasted one after another become
//! several filings.
//!
//! It is tolerant where real filings are sloppy — `true`/`false` for `1`/`0`,
//! missing optional blocks, stray whitespace, `.00` decimals, foreign codes in
//! the state field, element order, a bare `&` — and strict where it matters:
//! XML that is not well-formed stops the document with [`Code::XmlMalformed`]
//! at its line and column, rather than yielding a silently partial filing.
//!
//! The filer-constructed submission (`edgarSubmission`, whose documents are
//! base64 in `<documentMimeBlock>`) is read by the submodule `envelope`: the
//! ownership document inside is decoded and parsed. Its values have no
//! position in the user's input, so their spans all point at the mime block,
//! and diagnostics inside it name the line and column in the decoded document.
//!
//! Performance: the reader drops whitespace-only text itself
//! (`trim_text_start`), values are sliced from the source by position (no
//! decoding pass), and element names are matched as borrowed slices; on the
//! corpus this runs at about 1.8× the instructions of quick-xml's bare event
//! loop (`benches/xml.rs`).
//!
//! Not supported: entities declared in a DOCTYPE (never expanded, so never
//! fetched and never exponential: they are reported and kept as written).

mod document;
mod envelope;
mod value;

use std::borrow::Cow;
use std::ops::Range;

use quick_xml::Reader;
use quick_xml::errors::{Error as XmlError, IllFormedError, SyntaxError};
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::diagnostic::{Code, Diagnostic, Severity, quote};
use crate::model::{Field, Filing, FootnoteId};
use crate::repr::Output;
use crate::source::{LineCol, LineIndex, Span};
use value::{Parse, XmlValue};

/// Parse every root element in `text[range]`: each `ownershipDocument` is one
/// filing, each `edgarSubmission` yields the ownership documents it carries.
/// Spans are offsets into `text`.
pub fn parse(text: &str, range: Range<usize>) -> Output {
    let range = if text.get(range.clone()).is_some() { range } else { 0..0 };
    read(Cursor::new(text, range, None))
}

fn read(mut cursor: Cursor<'_>) -> Output {
    let mut out = Output::default();
    if let Err(fatal) = cursor.documents(&mut out.filings) {
        // The document being read is not returned half-read; what was found
        // in it before the error is kept, then the error itself.
        cursor.outside.append(&mut cursor.diagnostics);
        let diagnostic = cursor.diag(Code::XmlMalformed, fatal.start, fatal.end, fatal.message).with_help(
            "the XML is not well-formed; fix it at this position, or paste the filing's EDGAR page instead",
        );
        cursor.outside.push(diagnostic);
    }
    out.diagnostics.append(&mut cursor.outside);
    if out.filings.is_empty() && out.diagnostics.iter().all(|d| d.severity < Severity::Error) {
        let d = cursor.diag(
            Code::XmlWrongRoot,
            0,
            cursor.src.len(),
            "no <ownershipDocument> element found in this XML".to_owned(),
        );
        out.diagnostics.push(d);
    }
    out
}

/// Where a well-formedness error stopped the parse (offsets into the source).
struct Fatal {
    start: usize,
    end: usize,
    message: String,
}

type Result<T> = std::result::Result<T, Fatal>;

/// A document decoded from a base64 block: its offsets are not the input's.
struct Embedded {
    /// The block's text in the input: every span of the document points here.
    block: Span,
    /// The document's name (`documentName`), for messages.
    name: String,
}

/// An element whose start tag has been read.
struct Elem<'a> {
    /// Local name (without namespace prefix).
    name: &'a str,
    /// Offset of its `<`.
    start: usize,
    /// Offset just past its start tag.
    tag_end: usize,
    /// Whether it is an empty-element tag (`<x/>`), which has no content and no end tag.
    empty: bool,
    /// The start tag after the name (attributes, maybe spaces); empty when
    /// the name is followed by `>` (most elements: then it is not sliced).
    attributes: &'a str,
}

/// An element still open, for paths and messages.
struct Open<'a> {
    name: &'a str,
    start: usize,
}

/// One piece of character data: raw text, a CDATA section or a resolved reference.
struct Piece<'a> {
    value: Cow<'a, str>,
    start: usize,
    end: usize,
}

impl Piece<'_> {
    fn is_whitespace(&self) -> bool {
        self.value.bytes().all(is_xml_space)
    }
}

/// What a field element holds, before it is read as its type.
struct RawField<'a> {
    /// The text of its `<value>`, or its own text; `None` when it has neither.
    text: Option<TextBuf<'a>>,
    footnotes: Vec<FootnoteId>,
    /// Where the element ends (the span of a field without text covers the element).
    end: usize,
}

/// What is wrong with the text of a value (see [`Cursor::bad_value`]).
enum Problem {
    /// Read, but not as the specification writes it (the note says how).
    NonStandard(&'static str),
    /// Not a value of the type, which should look like this.
    Invalid(&'static str),
    /// Too many digits to represent exactly.
    OutOfRange,
}

/// What comes next inside an element.
enum Token<'a> {
    Open(Elem<'a>),
    Text(Piece<'a>),
    /// The element's end tag, ending at this offset.
    Close(usize),
}

/// The character data of a leaf element, pieces joined.
#[derive(Default)]
struct TextBuf<'a> {
    value: Cow<'a, str>,
    /// Source range of the pieces, or of the whole element when it has none.
    range: Option<(usize, usize)>,
}

impl<'a> TextBuf<'a> {
    /// Append `piece` of `src`. The reader drops text that is only
    /// whitespace (see [`Cursor::new`]); whitespace between two pieces (as in
    /// `A &amp; &amp; B`) is taken back from the source.
    fn push(&mut self, src: &'a str, piece: Piece<'a>) {
        match self.range {
            None => {
                self.value = piece.value;
                self.range = Some((piece.start, piece.end));
            }
            Some((start, end)) => {
                let value = self.value.to_mut();
                match src.get(end..piece.start) {
                    Some(gap) if gap.bytes().all(is_xml_space) => value.push_str(gap),
                    _ => {}
                }
                value.push_str(&piece.value);
                self.range = Some((start, piece.end));
            }
        }
    }

    /// The text without surrounding whitespace, line ends normalised.
    fn trimmed(&self) -> Cow<'_, str> {
        let text = xml_trim(&self.value);
        // Every byte is looked at, without an early exit: for values of a few
        // bytes this is cheaper than a search, and never mispredicted.
        let has_cr = text.bytes().fold(false, |found, b| found | (b == b'\r'));
        if has_cr { Cow::Owned(normalize_line_ends(text)) } else { Cow::Borrowed(text) }
    }
}

/// `s` without leading and trailing XML whitespace (space, tab, CR, LF).
fn xml_trim(s: &str) -> &str {
    xml_trim_range(s).and_then(|r| s.get(r)).unwrap_or("")
}

/// The range of `s` without leading and trailing XML whitespace; `None` if
/// it is all whitespace.
fn xml_trim_range(s: &str) -> Option<Range<usize>> {
    let bytes = s.as_bytes();
    let start = bytes.iter().position(|&b| !is_xml_space(b))?;
    let end = bytes.iter().rposition(|&b| !is_xml_space(b)).map_or(start, |i| i + 1);
    Some(start..end)
}

fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// XML line-end normalisation: `\r\n` and a bare `\r` become `\n`.
#[cold]
#[inline(never)]
fn normalize_line_ends(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

struct Cursor<'a> {
    reader: Reader<&'a [u8]>,
    /// The whole text the spans are offsets into (unless `embedded`).
    whole: &'a str,
    /// Offset of `src` in `whole`.
    base: usize,
    /// The XML being read; every offset the cursor handles is into it.
    src: &'a str,
    embedded: Option<Embedded>,
    /// The open elements, outermost first.
    open: Vec<Open<'a>>,
    /// Diagnostics of the document being read.
    diagnostics: Vec<Diagnostic>,
    /// Diagnostics outside any document.
    outside: Vec<Diagnostic>,
    /// Whether a namespace prefix has been declared: element names may then be prefixed.
    prefixed: bool,
    /// The reader's position after the last event: where the next one starts.
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(whole: &'a str, range: Range<usize>, embedded: Option<Embedded>) -> Self {
        let base = range.start;
        let src = whole.get(range).unwrap_or("");
        let mut reader = Reader::from_str(src);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.allow_dangling_amp = true;
        // Text that is only whitespace (the layout between elements, most of
        // a file's events) is dropped by the reader itself: a large saving.
        // Every piece of text is sliced from `src` by position, so no
        // whitespace inside a value is lost (see `TextBuf::push`).
        config.trim_text_start = true;
        Cursor {
            reader,
            whole,
            base,
            src,
            embedded,
            open: Vec::with_capacity(16),
            diagnostics: Vec::new(),
            outside: Vec::new(),
            prefixed: false,
            at: 0,
        }
    }

    /// The span of `src[start..end]` in the input.
    fn span(&self, start: usize, end: usize) -> Span {
        match &self.embedded {
            None => Span::new(self.base + start, self.base + end),
            Some(e) => e.block,
        }
    }

    /// Line and column of a source offset, in the text it belongs to (the
    /// input, or the decoded document). Only for messages: it indexes the lines.
    fn line_col(&self, at: usize) -> LineCol {
        let offset = u32::try_from(self.base + at).unwrap_or(u32::MAX);
        LineIndex::new(self.whole).line_col(self.whole, offset)
    }

    /// A diagnostic about `src[start..end]`.
    fn diag(&self, code: Code, start: usize, end: usize, message: String) -> Diagnostic {
        match &self.embedded {
            None => Diagnostic::new(code, Some(self.span(start, end)), message),
            Some(e) => {
                let at = self.line_col(start);
                let message = format!("{message} (in {}, decoded from base64, at its line {at})", e.name);
                Diagnostic::new(code, Some(e.block), message)
            }
        }
    }

    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// The path of the open elements, with `name` appended when not empty.
    fn path_of(&self, name: &str) -> String {
        let mut path: Vec<&str> = self.open.iter().map(|o| o.name).collect();
        if !name.is_empty() {
            path.push(name);
        }
        path.join("/")
    }

    fn note(&mut self, diagnostic: Diagnostic) {
        if self.open.is_empty() { self.outside.push(diagnostic) } else { self.diagnostics.push(diagnostic) }
    }

    /// Read the next event with its byte range. The range of text includes
    /// the leading whitespace the reader trims; markup starts after it.
    #[inline(always)]
    fn event(&mut self) -> Result<(Event<'a>, usize, usize)> {
        // Events are contiguous: this one starts where the last one ended
        // (the reader's position, asked once per event).
        let before = self.at;
        match self.reader.read_event() {
            Ok(event) => {
                let end = self.position();
                self.at = end;
                let start = match &event {
                    // The start of an end tag is never needed (but at the top
                    // level, which finds it itself): not searched for.
                    Event::Text(_) | Event::End(_) => before,
                    // `<` name and attributes `>` (or `/>`): no search needed.
                    Event::Start(tag) => end.saturating_sub(tag.len() + 2),
                    Event::Empty(tag) => end.saturating_sub(tag.len() + 3),
                    _ => self.skip_space(before),
                };
                Ok((event, start, end))
            }
            Err(error) => Err(self.malformed(&error, before)),
        }
    }

    /// The offset of the first non-whitespace byte at or after `at`.
    fn skip_space(&self, at: usize) -> usize {
        let rest = self.src.as_bytes().get(at..).unwrap_or_default();
        at + rest.iter().position(|&b| !is_xml_space(b)).unwrap_or(rest.len())
    }

    /// The fatal error for a tokenizer error, in words a filer understands.
    #[cold]
    #[inline(never)]
    fn malformed(&self, error: &XmlError, start: usize) -> Fatal {
        let at = usize::try_from(self.reader.error_position()).unwrap_or(start);
        let end = self.position().max(at + 1).min(self.src.len()).max(at);
        let opened = |name: &str| match self.open.iter().rev().find(|o| o.name == local(name)) {
            Some(open) => format!("<{name}> (opened at line {})", self.line_col(open.start)),
            None => format!("<{name}>"),
        };
        let what = match error {
            XmlError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => format!(
                "the closing tag </{found}> does not match {}: a closing tag is missing or misspelled",
                opened(expected)
            ),
            XmlError::IllFormed(IllFormedError::UnmatchedEndTag(name)) => {
                format!("the closing tag </{name}> closes nothing: no <{name}> is open")
            }
            XmlError::Syntax(SyntaxError::UnclosedTag) => "a tag is not closed by '>'".to_owned(),
            XmlError::Syntax(SyntaxError::UnclosedComment) => {
                "a comment <!-- is not closed by -->".to_owned()
            }
            XmlError::Syntax(SyntaxError::UnclosedCData) => {
                "a <![CDATA[ section is not closed by ]]>".to_owned()
            }
            XmlError::Syntax(SyntaxError::UnclosedDoctype) => "a <!DOCTYPE is not closed by '>'".to_owned(),
            XmlError::Syntax(SyntaxError::UnclosedPIOrXmlDecl) => {
                "a <? declaration is not closed by ?>".to_owned()
            }
            XmlError::Syntax(SyntaxError::InvalidBangMarkup) => {
                "'<!' starts neither a comment, a CDATA section nor a DOCTYPE".to_owned()
            }
            other => other.to_string(),
        };
        let message = match self.open.last() {
            Some(open) => format!("malformed XML inside <{}>: {what}", open.name),
            None => format!("malformed XML: {what}"),
        };
        Fatal { start: at, end, message }
    }

    /// Read top-level content: each root element is one document.
    fn documents(&mut self, filings: &mut Vec<Filing>) -> Result<()> {
        loop {
            let (event, start, end) = self.event()?;
            match event {
                Event::Eof => return Ok(()),
                Event::Start(tag) | Event::Empty(tag) => {
                    let empty = self.src.as_bytes().get(end.saturating_sub(2)) == Some(&b'/');
                    let elem = self.elem(&tag, start, end, empty);
                    self.enter(&elem);
                    match elem.name {
                        "ownershipDocument" => filings.push(self.document(elem)?),
                        "edgarSubmission" => self.envelope(elem, filings)?,
                        other => {
                            let message = format!(
                                "<{other}> is not an ownership document (expected <ownershipDocument>)"
                            );
                            self.skip(&elem)?;
                            self.outside.append(&mut self.diagnostics);
                            let d = self.diag(Code::XmlWrongRoot, start, self.position(), message);
                            self.outside.push(d);
                        }
                    }
                }
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    let raw = self.src.get(start..end).unwrap_or("");
                    if !xml_trim(raw).is_empty() {
                        let (s, e) = self.trimmed(start, end);
                        let d = self.unplaced(s, e, "text outside the XML document", raw);
                        self.outside.push(d);
                    }
                }
                Event::DocType(_) => {
                    let d = self.diag(
                        Code::XmlDoctype,
                        start,
                        end,
                        "document type declaration ignored: entities it declares are not expanded, and nothing is fetched"
                            .to_owned(),
                    );
                    self.outside.push(d);
                }
                Event::End(_) => {
                    return Err(Fatal {
                        start: self.skip_space(start),
                        end,
                        message: "malformed XML: a closing tag without an opening tag".into(),
                    });
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
    }

    /// The element whose start tag spans `start..end`.
    #[inline(always)]
    fn elem(&self, tag: &BytesStart<'a>, start: usize, end: usize, empty: bool) -> Elem<'a> {
        // Names and attributes are sliced from `src` (not from `tag`) to borrow them for 'a.
        let name_end = start + 1 + tag.name().as_ref().len();
        let close = if empty { 2 } else { 1 };
        let tag_close = end.saturating_sub(close);
        let qualified = self.src.get(start + 1..name_end).unwrap_or("");
        let attributes =
            if tag_close > name_end { self.src.get(name_end..tag_close).unwrap_or("") } else { "" };
        // The local name is the part after a namespace prefix. A prefix must
        // be declared (`xmlns:p`, an attribute): until one is, the search
        // is skipped (it costs a third of reading an element).
        let name = if self.prefixed || !attributes.is_empty() { local(qualified) } else { qualified };
        Elem { name, start, tag_end: end, empty, attributes }
    }

    /// Open `elem`: it is now the innermost element of the path.
    #[inline]
    fn enter(&mut self, elem: &Elem<'a>) {
        self.open.push(Open { name: elem.name, start: elem.start });
        if !elem.attributes.is_empty() && !matches!(elem.name, "footnoteId" | "footnote") {
            self.attribute(elem, None);
        }
    }

    /// Close the innermost element.
    fn leave(&mut self) {
        self.open.pop();
    }

    /// The next piece of content of the innermost open element.
    #[inline(always)]
    fn token(&mut self) -> Result<Token<'a>> {
        loop {
            let (event, start, end) = self.event()?;
            return Ok(match event {
                Event::Start(tag) => Token::Open(self.elem(&tag, start, end, false)),
                Event::Empty(tag) => Token::Open(self.elem(&tag, start, end, true)),
                Event::End(_) => Token::Close(end),
                Event::Text(_) => {
                    let raw = self.src.get(start..end).unwrap_or("");
                    let first = self.skip_space(start);
                    if self.src.as_bytes().get(first) == Some(&b'&') {
                        self.bare_ampersand(first);
                    }
                    Token::Text(Piece { value: Cow::Borrowed(raw), start, end })
                }
                Event::CData(_) => {
                    // `<![CDATA[` is 9 bytes, `]]>` 3.
                    let value = Cow::Borrowed(self.src.get(start + 9..end.saturating_sub(3)).unwrap_or(""));
                    Token::Text(Piece { value, start, end })
                }
                Event::GeneralRef(reference) => {
                    Token::Text(Piece { value: self.reference(&reference, start, end), start, end })
                }
                Event::Comment(_) | Event::PI(_) => continue,
                Event::Decl(_) | Event::DocType(_) => return Err(self.declaration_inside(start, end)),
                Event::Eof => return Err(self.unclosed_at_end(end)),
            });
        }
    }

    // The rare cases of `token`, out of its way (it is inlined in every loop).

    #[cold]
    #[inline(never)]
    fn bare_ampersand(&mut self, at: usize) {
        let message = format!("a bare & in <{}> (XML writes it &amp;): read as written", self.path_of(""));
        let d = self.diag(Code::NonStandardValue, at, at + 1, message);
        self.note(d);
    }

    #[cold]
    #[inline(never)]
    fn declaration_inside(&self, start: usize, end: usize) -> Fatal {
        let message = format!("malformed XML: a declaration inside <{}>", self.path_of(""));
        Fatal { start, end, message }
    }

    #[cold]
    #[inline(never)]
    fn unclosed_at_end(&self, end: usize) -> Fatal {
        let (name, at) = self.open.last().map_or(("", 0), |o| (o.name, o.start));
        let message = format!(
            "the input ends inside <{name}> (opened at line {}): its closing tag </{name}> is missing",
            self.line_col(at)
        );
        Fatal { start: end, end, message }
    }

    /// The text an entity or character reference stands for; an unknown
    /// entity is kept as written and reported.
    fn reference(&mut self, reference: &BytesRef<'a>, start: usize, end: usize) -> Cow<'a, str> {
        if let Ok(Some(c)) = reference.resolve_char_ref() {
            return Cow::Owned(c.to_string());
        }
        let name = self.src.get(start + 1..end.saturating_sub(1)).unwrap_or("");
        if let Some(s) = quick_xml::escape::resolve_predefined_entity(name) {
            return Cow::Borrowed(s);
        }
        let written = self.src.get(start..end).unwrap_or("");
        let message = format!("unknown entity {written} in <{}>: kept as written", self.path_of(""));
        let d = self.diag(Code::XmlUnknownEntity, start, end, message).with_help(
            "XML defines only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#233;",
        );
        self.note(d);
        Cow::Borrowed(written)
    }

    /// The next child element of `parent`, opened, or `None` at its end (then
    /// `parent` is closed). Text between children is reported as unplaced
    /// unless it is whitespace.
    fn child(&mut self, parent: &Elem<'a>) -> Result<Option<Elem<'a>>> {
        if parent.empty {
            self.leave();
            return Ok(None);
        }
        loop {
            match self.token()? {
                Token::Open(elem) => {
                    self.enter(&elem);
                    return Ok(Some(elem));
                }
                Token::Close(_) => {
                    self.leave();
                    return Ok(None);
                }
                Token::Text(piece) if piece.is_whitespace() => {}
                Token::Text(piece) => self.unplaced_text(&piece),
            }
        }
    }

    /// Report text between child elements, or beside the `<value>` of a field.
    #[cold]
    #[inline(never)]
    fn unplaced_text(&mut self, piece: &Piece<'_>) {
        let (start, end) = self.trimmed(piece.start, piece.end);
        let what = format!("text inside <{}>", self.path_of(""));
        let d = self.unplaced(start, end, &what, &piece.value);
        self.note(d);
    }

    /// The character data of a leaf element (its end tag consumed). Child
    /// elements inside it are reported as unplaced.
    fn leaf(&mut self, elem: &Elem<'a>) -> Result<TextBuf<'a>> {
        let mut text = TextBuf::default();
        if elem.empty {
            self.leave();
            text.range = Some((elem.start, elem.tag_end));
            return Ok(text);
        }
        loop {
            match self.token()? {
                Token::Text(piece) => text.push(self.src, piece),
                Token::Open(child) => {
                    self.enter(&child);
                    self.report_unplaced(child)?;
                }
                Token::Close(end) => {
                    self.leave();
                    text.range = Some(match text.range {
                        Some((s, e)) => self.trimmed(s, e),
                        None => (elem.start, end),
                    });
                    return Ok(text);
                }
            }
        }
    }

    /// `start..end` narrowed to its non-whitespace part (unchanged if all whitespace).
    fn trimmed(&self, start: usize, end: usize) -> (usize, usize) {
        match xml_trim_range(self.src.get(start..end).unwrap_or("")) {
            Some(body) => (start + body.start, start + body.end),
            None => (start, end),
        }
    }

    /// Skip the rest of an opened element and everything in it.
    fn skip(&mut self, elem: &Elem<'a>) -> Result<()> {
        if !elem.empty {
            let mut depth = 1usize;
            while depth > 0 {
                match self.token()? {
                    Token::Open(child) if !child.empty => depth += 1,
                    Token::Close(_) => depth -= 1,
                    Token::Open(_) | Token::Text(_) => {}
                }
            }
        }
        self.leave();
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn unplaced(&self, start: usize, end: usize, what: &str, raw: &str) -> Diagnostic {
        let message = format!("{what} has no place in the model: {}", quote(raw));
        self.diag(Code::UnplacedContent, start, end, message)
    }

    /// Report an opened element the model has no place for, and skip it.
    #[cold]
    #[inline(never)]
    fn report_unplaced(&mut self, elem: Elem<'a>) -> Result<()> {
        let what = format!("element <{}>", self.path_of(""));
        self.skip(&elem)?;
        let end = self.position();
        let raw = self.src.get(elem.start..end).unwrap_or("");
        let d = self.unplaced(elem.start, end, &what, raw);
        self.note(d);
        Ok(())
    }

    /// Read an opened element as a field: either direct text
    /// (`<issuerName>X</issuerName>`) or a `<value>` with `<footnoteId>`s
    /// (`<transactionShares><value>…`).
    fn field<T: XmlValue>(&mut self, elem: Elem<'a>) -> Result<Field<T>> {
        let mut field = Field::default();
        self.fill(&mut field, elem)?;
        Ok(field)
    }

    /// Read the opened `elem` into `field`, which is empty: in place, since a
    /// field is large enough for the copies to count.
    fn fill<T: XmlValue>(&mut self, field: &mut Field<T>, elem: Elem<'a>) -> Result<()> {
        let raw = self.raw_field(&elem)?;
        field.footnotes = raw.footnotes;
        match raw.text {
            Some(text) => self.assign(field, text),
            None => field.span = Some(self.span(elem.start, raw.end)),
        }
        self.leave();
        Ok(())
    }

    /// The text and footnotes of an opened field element, read to its end
    /// tag; the element stays open (messages name it). Not generic, so that
    /// one copy of this loop serves every type of field.
    fn raw_field(&mut self, elem: &Elem<'a>) -> Result<RawField<'a>> {
        let mut raw = RawField { text: None, footnotes: Vec::new(), end: elem.tag_end };
        if elem.empty {
            return Ok(raw);
        }
        let mut direct = TextBuf::default();
        loop {
            match self.token()? {
                Token::Text(piece) => direct.push(self.src, piece),
                Token::Open(child) => {
                    self.enter(&child);
                    match child.name {
                        "value" if raw.text.is_none() => raw.text = Some(self.leaf(&child)?),
                        "value" => self.duplicate(&child)?,
                        "footnoteId" => {
                            if let Some(id) = self.footnote_id(&child) {
                                raw.footnotes.push(id);
                            }
                            self.skip(&child)?;
                        }
                        _ => self.report_unplaced(child)?,
                    }
                }
                Token::Close(close) => {
                    raw.end = close;
                    break;
                }
            }
        }
        if let Some((start, stop)) = direct.range.filter(|_| !xml_trim(&direct.value).is_empty()) {
            let (start, stop) = self.trimmed(start, stop);
            direct.range = Some((start, stop));
            if raw.text.is_none() {
                raw.text = Some(direct);
            } else {
                self.unplaced_text(&Piece { value: direct.value, start, end: stop });
            }
        }
        Ok(raw)
    }

    /// Parse `text` into `field` (the innermost open element), reporting a
    /// value that does not parse.
    fn assign<T: XmlValue>(&mut self, field: &mut Field<T>, text: TextBuf<'a>) {
        let (start, end) = text.range.unwrap_or((0, 0));
        field.span = Some(self.span(start, end));
        let raw = text.trimmed();
        let raw = raw.as_ref();
        if raw.is_empty() {
            return;
        }
        match T::from_xml(raw) {
            Parse::Ok(v) => field.value = Some(v),
            Parse::NonStandard(v, note) => {
                field.value = Some(v);
                self.bad_value(Problem::NonStandard(note), raw, start, end);
            }
            Parse::Invalid => self.bad_value(Problem::Invalid(T::EXPECTED), raw, start, end),
            Parse::OutOfRange => self.bad_value(Problem::OutOfRange, raw, start, end),
        }
    }

    /// Report the text `raw` of the innermost open element, at `start..end`.
    /// Not generic, and out of the way of the common case.
    #[cold]
    #[inline(never)]
    fn bad_value(&mut self, problem: Problem, raw: &str, start: usize, end: usize) {
        let path = self.path_of("");
        let (code, message) = match problem {
            Problem::NonStandard(note) => {
                (Code::NonStandardValue, format!("<{path}> is {}: {note}", quote(raw)))
            }
            Problem::Invalid(expected) => {
                (Code::InvalidValue, format!("<{path}> should be {expected}, but is {}", quote(raw)))
            }
            Problem::OutOfRange => (
                Code::NumberOutOfRange,
                format!("<{path}> is {}: too many digits to represent exactly", quote(raw)),
            ),
        };
        let d = self.diag(code, start, end, message);
        self.note(d);
    }

    /// The `id` of a `footnoteId` or `footnote` element (reported when absent).
    fn footnote_id(&mut self, elem: &Elem<'a>) -> Option<FootnoteId> {
        if let Some(id) = plain_id(elem.attributes) {
            return Some(FootnoteId::new(id));
        }
        let id = self.attribute(elem, Some("id"));
        if id.is_none() {
            let message = format!("<{}> has no id attribute", self.path_of(""));
            let d = self.diag(Code::MissingElement, elem.start, elem.tag_end, message);
            self.note(d);
        }
        id.as_deref().map(FootnoteId::new)
    }

    /// The value of attribute `name`; every other attribute is reported as
    /// unplaced (namespace declarations and `xsi:` attributes excepted).
    #[cold]
    #[inline(never)]
    fn attribute(&mut self, elem: &Elem<'a>, name: Option<&str>) -> Option<String> {
        let mut found = None;
        // The start tag between `<` and `>` (or `/>`): the qualified name, then the attributes.
        let close = if elem.empty { 2 } else { 1 };
        let content = self.src.get(elem.start + 1..elem.tag_end.saturating_sub(close)).unwrap_or("");
        let tag = BytesStart::from_content(content, content.len().saturating_sub(elem.attributes.len()));
        for attr in tag.attributes().with_checks(false).flatten() {
            let key = attr.key.local_name();
            let key = std::str::from_utf8(key.as_ref()).unwrap_or("");
            let value = attr.unescape_value().unwrap_or_default();
            if attr.key.as_ref().starts_with(b"xmlns:") {
                self.prefixed = true;
            }
            if Some(key) == name && found.is_none() {
                found = Some(xml_trim(&value).to_owned());
            } else if !is_namespace_attribute(attr.key.as_ref()) {
                let what = format!("attribute {key} of <{}>", self.path_of(""));
                let d = self.unplaced(elem.start, elem.tag_end, &what, &value);
                self.note(d);
            }
        }
        found
    }

    /// Report and skip a second copy of an element the model holds once.
    #[cold]
    #[inline(never)]
    fn duplicate(&mut self, elem: &Elem<'a>) -> Result<()> {
        let path = self.path_of("");
        self.skip(elem)?;
        let end = self.position();
        let raw = self.src.get(elem.start..end).unwrap_or("");
        let message =
            format!("<{path}> appears more than once; the first is used, this one is not: {}", quote(raw));
        let d = self.diag(Code::DuplicateElement, elem.start, end, message);
        self.note(d);
        Ok(())
    }

    /// Read the opened `elem` into `slot`, unless the slot was already filled.
    fn set<T: XmlValue>(&mut self, slot: &mut Field<T>, elem: Elem<'a>) -> Result<()> {
        if slot.span.is_some() {
            return self.duplicate(&elem);
        }
        self.fill(slot, elem)
    }
}

/// The value of `attributes` when they are exactly ` id="…"` (or with
/// single quotes) and the value needs no unescaping: the common case, read
/// byte by byte without the general attribute parser.
fn plain_id(attributes: &str) -> Option<&str> {
    let bytes = attributes.as_bytes();
    let skip_space = |mut at: usize| {
        while bytes.get(at).is_some_and(|&b| is_xml_space(b)) {
            at += 1;
        }
        at
    };
    let at = skip_space(0);
    if bytes.get(at..at + 2) != Some(b"id") {
        return None;
    }
    let at = skip_space(at + 2);
    if bytes.get(at) != Some(&b'=') {
        return None;
    }
    let at = skip_space(at + 1);
    let quote = *bytes.get(at).filter(|&&q| q == b'"' || q == b'\'')?;
    let start = at + 1;
    // The value ends at the closing quote; `&` (to unescape) or `<` leave it to the general parser.
    let len = bytes.get(start..)?.iter().position(|&b| b == quote || b == b'&' || b == b'<')?;
    let end = start + len;
    let value = attributes.get(start..end)?;
    let rest = bytes.get(end..)?;
    let clean = rest.first() == Some(&quote)
        && rest.get(1..).is_some_and(|after| after.iter().all(|&b| is_xml_space(b)))
        && xml_trim(value).len() == value.len();
    clean.then_some(value)
}

/// The local part of a possibly prefixed name.
fn local(name: &str) -> &str {
    match name.bytes().rposition(|b| b == b':') {
        Some(colon) => name.get(colon + 1..).unwrap_or(name),
        None => name,
    }
}

fn is_namespace_attribute(key: &[u8]) -> bool {
    key == b"xmlns" || key.starts_with(b"xmlns:") || key.starts_with(b"xsi:")
}

#[cfg(test)]
mod tests {
    use super::plain_id;

    #[test]
    fn plain_ids_are_read_without_the_attribute_parser() {
        assert_eq!(plain_id(r#" id="F1""#), Some("F1"));
        assert_eq!(plain_id(" id = 'F12' \n"), Some("F12"));
        assert_eq!(plain_id(r#" id="""#), Some(""));
        // Anything else goes to the general attribute parser.
        assert_eq!(plain_id(r#" id="F&#49;""#), None);
        assert_eq!(plain_id(r#" id=" F1""#), None);
        assert_eq!(plain_id(r#" id="F1" x="y""#), None);
        assert_eq!(plain_id(r#" idx="F1""#), None);
        assert_eq!(plain_id(r#" id="F1"#), None);
        assert_eq!(plain_id(r#" id="F1'"#), None);
        assert_eq!(plain_id(" id=F1"), None);
        assert_eq!(plain_id(""), None);
    }
}
