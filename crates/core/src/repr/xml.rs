//! The EDGAR ownership XML (`ownershipDocument`), every schema version from
//! X0101 to X0609: the ground truth every other representation is scored against.
//!
//! The parser is a recursive descent over [`quick_xml`]'s pull events: each
//! element of the specification is read into its place in the [`Filing`];
//! anything the model has no place for is reported as
//! [`Code::UnplacedContent`] with its path, so nothing is dropped silently.
//!
//! It is tolerant where real filings are sloppy — `true`/`false` for `1`/`0`,
//! missing optional blocks, stray whitespace, `.00` decimals, foreign codes in
//! the state field, element order — and strict where it matters: XML that is
//! not well-formed stops the document with [`Code::XmlMalformed`] and its
//! line and column, rather than yielding a silently partial filing.
//!
//! Not supported: entities declared in a DOCTYPE (never expanded, so never
//! fetched and never exponential: they are reported and kept as written).

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::detect::Representation;
use crate::diagnostic::{Code, Diagnostic, Severity, quote};
use crate::model::{
    AcquiredDisposed, Date, DirectIndirect, Field, Filing, Footnote, FootnoteId, FormType, Num, NumError,
    ReportingOwner, Row, RowKind, Signature, Table, Timeliness, TransactionCode,
};
use crate::repr::Output;
use crate::source::Span;

/// Parse every `ownershipDocument` in `text[range]` (one filing each); spans
/// are offsets into `text`.
pub fn parse(text: &str, range: std::ops::Range<usize>) -> Output {
    let base = range.start;
    let slice = text.get(range).unwrap_or("");
    let mut cursor = Cursor::new(slice, base);
    let mut out = Output::default();
    if let Err(fatal) = cursor.documents(&mut out.filings) {
        out.diagnostics.push(fatal.into_diagnostic());
    }
    out.diagnostics.append(&mut cursor.outside);
    if out.filings.is_empty() && out.diagnostics.iter().all(|d| d.severity < Severity::Error) {
        out.diagnostics.push(Diagnostic::new(
            Code::XmlWrongRoot,
            Some(Span::new(base, base + slice.len())),
            "no <ownershipDocument> element found in this XML",
        ));
    }
    out
}

/// Where a well-formedness error stopped the parse.
struct Fatal {
    span: Span,
    message: String,
}

impl Fatal {
    fn into_diagnostic(self) -> Diagnostic {
        Diagnostic::new(Code::XmlMalformed, Some(self.span), self.message).with_help(
            "the XML is not well-formed; fix it at this position, or paste the filing's EDGAR page instead",
        )
    }
}

type Result<T> = std::result::Result<T, Fatal>;

/// An element whose start tag has been read.
struct Elem<'a> {
    name: &'a str,
    /// Offset of its `<`.
    start: usize,
    /// Offset just past its start tag.
    tag_end: usize,
    /// Whether it is an empty-element tag (`<x/>`), which has no content and no end tag.
    empty: bool,
    tag: BytesStart<'a>,
}

/// Text content of a leaf element, with the span of its trimmed raw text.
struct Text<'a> {
    value: Cow<'a, str>,
    span: Span,
}

/// Content between an element's tags.
enum Content<'a> {
    Child(Elem<'a>),
    Text(Text<'a>),
    End(usize),
}

struct Cursor<'a> {
    reader: Reader<&'a [u8]>,
    src: &'a str,
    base: usize,
    /// Names of the open elements, for diagnostics.
    path: Vec<&'a str>,
    /// Diagnostics of the document being read.
    diagnostics: Vec<Diagnostic>,
    /// Diagnostics outside any document.
    outside: Vec<Diagnostic>,
}

impl<'a> Cursor<'a> {
    fn new(src: &'a str, base: usize) -> Self {
        let mut reader = Reader::from_str(src);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.trim_text(false);
        Cursor { reader, src, base, path: Vec::new(), diagnostics: Vec::new(), outside: Vec::new() }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    fn path_of(&self, name: &str) -> String {
        let mut path = self.path.join("/");
        if !name.is_empty() {
            if !path.is_empty() {
                path.push('/');
            }
            path.push_str(name);
        }
        path
    }

    fn note(&mut self, diagnostic: Diagnostic) {
        if self.path.is_empty() { self.outside.push(diagnostic) } else { self.diagnostics.push(diagnostic) }
    }

    /// Read the next event with its byte range.
    fn event(&mut self) -> Result<(Event<'a>, usize, usize)> {
        let start = self.position();
        match self.reader.read_event() {
            Ok(event) => Ok((event, start, self.position())),
            Err(error) => {
                let at = usize::try_from(self.reader.error_position()).unwrap_or(start);
                let message = match self.path.last() {
                    Some(open) => format!("malformed XML inside <{open}>: {error}"),
                    None => format!("malformed XML: {error}"),
                };
                Err(Fatal { span: self.span(at, self.position().max(at + 1)), message })
            }
        }
    }

    /// Read top-level content: each root element is one document.
    fn documents(&mut self, filings: &mut Vec<Filing>) -> Result<()> {
        loop {
            let (event, start, end) = self.event()?;
            match event {
                Event::Eof => return Ok(()),
                Event::Start(tag) | Event::Empty(tag) => {
                    let elem = self.elem(tag, start, end);
                    self.path.push(elem.name);
                    if !elem.tag.attributes_raw().is_empty() {
                        self.attribute(&elem, None);
                    }
                    if elem.name == "ownershipDocument" {
                        filings.push(self.document(elem)?);
                    } else {
                        let message =
                            format!("<{}> is not an ownership document (expected <ownershipDocument>)", elem.name);
                        self.skip(&elem)?;
                        let span = self.span(start, self.position());
                        self.outside.append(&mut self.diagnostics);
                        self.outside.push(Diagnostic::new(Code::XmlWrongRoot, Some(span), message));
                    }
                }
                Event::Text(text) => {
                    let raw = text.decode().unwrap_or_default();
                    if !raw.trim().is_empty() {
                        self.outside.push(unplaced(self.trimmed_span(start, end), "text outside the XML document", &raw));
                    }
                }
                Event::DocType(_) => self.outside.push(Diagnostic::new(
                    Code::XmlDoctype,
                    Some(self.span(start, end)),
                    "document type declaration ignored: entities it declares are not expanded, and nothing is fetched",
                )),
                Event::End(_) => {
                    return Err(Fatal {
                        span: self.span(start, end),
                        message: "closing tag without an opening tag".into(),
                    });
                }
                Event::GeneralRef(_) | Event::CData(_) => {
                    let raw = &self.src[start..end];
                    self.outside.push(unplaced(self.span(start, end), "content outside the XML document", raw));
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
    }

    /// The element whose start tag spans `start..end`.
    fn elem(&self, tag: BytesStart<'a>, start: usize, end: usize) -> Elem<'a> {
        // The name is sliced from `src` (not from `tag`) to borrow it for 'a;
        // the local name is the part after any namespace prefix.
        let name_len = tag.local_name().as_ref().len();
        let full_len = tag.name().as_ref().len();
        let name_start = start + 1 + (full_len - name_len);
        let name = self.src.get(name_start..name_start + name_len).unwrap_or("");
        let empty = self.src.as_bytes().get(end.saturating_sub(2)) == Some(&b'/');
        Elem { name, start, tag_end: end, empty, tag }
    }

    /// The next piece of content of the element at the top of the path.
    fn content(&mut self) -> Result<Content<'a>> {
        loop {
            let (event, start, end) = self.event()?;
            return Ok(match event {
                Event::Start(tag) | Event::Empty(tag) => {
                    let elem = self.elem(tag, start, end);
                    if !matches!(elem.name, "footnoteId" | "footnote")
                        && !elem.tag.attributes_raw().is_empty()
                    {
                        self.attribute(&elem, None);
                    }
                    Content::Child(elem)
                }
                Event::End(_) => Content::End(end),
                Event::Text(text) => {
                    let value = match text.xml_content() {
                        Ok(v) => v,
                        Err(_) => Cow::Borrowed(&self.src[start..end]),
                    };
                    Content::Text(Text { value, span: self.span(start, end) })
                }
                Event::CData(data) => {
                    let value = data.xml_content().unwrap_or_default();
                    Content::Text(Text { value, span: self.span(start, end) })
                }
                Event::GeneralRef(reference) => {
                    let name = reference.decode().unwrap_or_default();
                    let value = match reference.resolve_char_ref() {
                        Ok(Some(c)) => Cow::Owned(c.to_string()),
                        _ => match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(s) => Cow::Borrowed(s),
                            None => {
                                let span = self.span(start, end);
                                let entity = format!("&{name};");
                                self.note(
                                    Diagnostic::new(
                                        Code::XmlUnknownEntity,
                                        Some(span),
                                        format!("unknown entity {entity} in <{}>: kept as written", self.path_of("")),
                                    )
                                    .with_help("XML defines only &amp; &lt; &gt; &quot; &apos; and numeric references"),
                                );
                                Cow::Owned(entity)
                            }
                        },
                    };
                    Content::Text(Text { value, span: self.span(start, end) })
                }
                Event::Comment(_) | Event::PI(_) => continue,
                Event::Decl(_) | Event::DocType(_) => {
                    return Err(Fatal {
                        span: self.span(start, end),
                        message: format!("declaration inside <{}>", self.path_of("")),
                    });
                }
                Event::Eof => {
                    let open = self.path.last().copied().unwrap_or("");
                    return Err(Fatal {
                        span: self.span(end, end),
                        message: format!(
                            "the input ends inside <{open}>: its closing tag </{open}> is missing"
                        ),
                    });
                }
            });
        }
    }

    /// The next child element of `parent`, or `None` at its end. Text between
    /// children is reported as unplaced unless it is whitespace.
    fn child(&mut self, parent: &Elem<'a>) -> Result<Option<Elem<'a>>> {
        if parent.empty {
            self.path.pop();
            return Ok(None);
        }
        loop {
            match self.content()? {
                Content::Child(elem) => {
                    self.path.push(elem.name);
                    return Ok(Some(elem));
                }
                Content::End(_) => {
                    self.path.pop();
                    return Ok(None);
                }
                Content::Text(text) => {
                    if !text.value.trim().is_empty() {
                        let what = format!("text inside <{}>", self.path_of(""));
                        let diagnostic = unplaced(text.span, &what, &text.value);
                        self.note(diagnostic);
                    }
                }
            }
        }
    }

    /// The text of a leaf element (its end tag consumed). Child elements
    /// inside it are reported as unplaced.
    fn text(&mut self, elem: &Elem<'a>) -> Result<Text<'a>> {
        if elem.empty {
            self.path.pop();
            return Ok(Text { value: Cow::Borrowed(""), span: self.span(elem.start, elem.tag_end) });
        }
        let mut value: Cow<'a, str> = Cow::Borrowed("");
        let mut span: Option<Span> = None;
        loop {
            match self.content()? {
                Content::Text(text) => {
                    span = Some(span.map_or(text.span, |s| s.cover(text.span)));
                    if value.is_empty() {
                        value = text.value;
                    } else {
                        value.to_mut().push_str(&text.value);
                    }
                }
                Content::Child(child) => {
                    self.path.push(child.name);
                    self.unplaced(child)?;
                }
                Content::End(end) => {
                    self.path.pop();
                    let span = match span {
                        Some(s) => self.trim_span(s),
                        None => self.span(elem.start, end),
                    };
                    return Ok(Text { value, span });
                }
            }
        }
    }

    /// Narrow a span of raw text to its non-whitespace part.
    fn trim_span(&self, span: Span) -> Span {
        let (start, end) = (span.start as usize - self.base, span.end as usize - self.base);
        self.trimmed_span(start, end)
    }

    fn trimmed_span(&self, start: usize, end: usize) -> Span {
        let raw = self.src.get(start..end).unwrap_or("");
        let lead = raw.len() - raw.trim_start().len();
        let trail = raw.len() - raw.trim_end().len();
        if lead == raw.len() { self.span(start, end) } else { self.span(start + lead, end - trail) }
    }

    /// Skip an element and everything in it.
    fn skip(&mut self, elem: &Elem<'a>) -> Result<()> {
        if elem.empty {
            self.path.pop();
            return Ok(());
        }
        let mut depth = 1usize;
        while depth > 0 {
            match self.content()? {
                Content::Child(child) if !child.empty => depth += 1,
                Content::End(_) => depth -= 1,
                Content::Child(_) | Content::Text(_) => {}
            }
        }
        self.path.pop();
        Ok(())
    }

    /// Report an element the model has no place for, and skip it.
    fn unplaced(&mut self, elem: Elem<'a>) -> Result<()> {
        let start = elem.start;
        let what = format!("element <{}>", self.path_of(""));
        self.skip(&elem)?;
        let span = self.span(start, self.position());
        let raw = self.src.get(start..self.position()).unwrap_or("");
        let diagnostic = unplaced(span, &what, raw);
        self.note(diagnostic);
        Ok(())
    }

    /// Read a field: either direct text (`<issuerName>X</issuerName>`) or a
    /// `<value>` with `<footnoteId>`s (`<transactionShares><value>…`).
    fn field<T: XmlValue>(&mut self, elem: Elem<'a>) -> Result<Field<T>> {
        let name = elem.name;
        let mut field = Field::default();
        let mut text: Option<Text<'a>> = None;
        if !elem.empty {
            loop {
                match self.content()? {
                    Content::Text(t) => {
                        if !t.value.trim().is_empty() {
                            text = Some(match text.take() {
                                None => t,
                                Some(mut prev) => {
                                    prev.value.to_mut().push_str(&t.value);
                                    Text { value: prev.value, span: prev.span.cover(t.span) }
                                }
                            });
                        }
                    }
                    Content::Child(child) => {
                        self.path.push(child.name);
                        match child.name {
                            "value" => {
                                if field.span.is_some() {
                                    self.duplicate(&child)?;
                                } else {
                                    let value = self.text(&child)?;
                                    self.assign(&mut field, name, value);
                                }
                            }
                            "footnoteId" => {
                                if let Some(id) = self.footnote_id(&child) {
                                    field.footnotes.push(id);
                                }
                                self.skip(&child)?;
                            }
                            _ => self.unplaced(child)?,
                        }
                    }
                    Content::End(_) => break,
                }
            }
        }
        let end = self.position();
        self.path.pop();
        match text {
            Some(t) if field.span.is_none() => {
                let t = Text { span: self.trim_span(t.span), value: t.value };
                self.assign(&mut field, name, t);
            }
            Some(t) => {
                self.note(unplaced(t.span, &format!("text inside <{}>", self.path_of(name)), &t.value))
            }
            None => {}
        }
        if field.span.is_none() {
            field.span = Some(self.span(elem.start, end.max(elem.start)));
        }
        Ok(field)
    }

    /// Parse `text` into `field`, reporting a value that does not parse.
    fn assign<T: XmlValue>(&mut self, field: &mut Field<T>, name: &str, text: Text<'a>) {
        field.span = Some(text.span);
        let raw = text.value.trim();
        if raw.is_empty() {
            return;
        }
        match T::from_xml(raw) {
            Parse::Ok(v) => field.value = Some(v),
            Parse::NonStandard(v, note) => {
                field.value = Some(v);
                let message = format!("<{}> is {}: {note}", self.path_of(name), quote(raw));
                self.note(Diagnostic::new(Code::NonStandardValue, Some(text.span), message));
            }
            Parse::Invalid => {
                let message =
                    format!("<{}> should be {}, but is {}", self.path_of(name), T::EXPECTED, quote(raw));
                self.note(Diagnostic::new(Code::InvalidValue, Some(text.span), message));
            }
            Parse::OutOfRange => {
                let message = format!(
                    "<{}> is {}: too many digits to represent exactly",
                    self.path_of(name),
                    quote(raw)
                );
                self.note(Diagnostic::new(Code::NumberOutOfRange, Some(text.span), message));
            }
        }
    }

    fn footnote_id(&mut self, elem: &Elem<'a>) -> Option<FootnoteId> {
        let id = self.attribute(elem, Some("id"));
        if id.is_none() {
            let span = self.span(elem.start, elem.tag_end);
            let message = format!("<{}> has no id attribute", self.path_of(""));
            self.note(Diagnostic::new(Code::MissingElement, Some(span), message));
        }
        id.map(FootnoteId)
    }

    /// The value of attribute `name`; every other attribute is reported as
    /// unplaced (namespace declarations and `xsi:` attributes excepted).
    fn attribute(&mut self, elem: &Elem<'a>, name: Option<&str>) -> Option<String> {
        let mut found = None;
        for attr in elem.tag.attributes().with_checks(false).flatten() {
            let key = attr.key.local_name();
            let key = std::str::from_utf8(key.as_ref()).unwrap_or("");
            let value = attr.unescape_value().map(Cow::into_owned).unwrap_or_default();
            if Some(key) == name && found.is_none() {
                found = Some(value.trim().to_owned());
            } else if !is_namespace_attribute(attr.key.as_ref()) {
                let span = self.span(elem.start, elem.tag_end);
                let what = format!("attribute {key} of <{}>", self.path_of(""));
                self.note(unplaced(span, &what, &value));
            }
        }
        found
    }

    /// Report and skip a second copy of an element the model holds once.
    fn duplicate(&mut self, elem: &Elem<'a>) -> Result<()> {
        let path = self.path_of("");
        self.skip(elem)?;
        let raw = self.src.get(elem.start..self.position()).unwrap_or("");
        let message =
            format!("<{path}> appears more than once; the first is used, this one is not: {}", quote(raw));
        let span = self.span(elem.start, self.position());
        self.note(Diagnostic::new(Code::DuplicateElement, Some(span), message));
        Ok(())
    }

    /// Read `elem` into `slot`, unless the slot was already filled.
    fn set<T: XmlValue>(&mut self, slot: &mut Field<T>, elem: Elem<'a>) -> Result<()> {
        if slot.span.is_some() {
            return self.duplicate(&elem);
        }
        *slot = self.field(elem)?;
        Ok(())
    }

    /// One `ownershipDocument`.
    fn document(&mut self, root: Elem<'a>) -> Result<Filing> {
        let mut f = Filing { representation: Representation::Xml, ..Filing::default() };
        while let Some(el) = self.child(&root)? {
            match el.name {
                "schemaVersion" => self.set(&mut f.schema_version, el)?,
                "documentType" => self.set(&mut f.document_type, el)?,
                "periodOfReport" => self.set(&mut f.period_of_report, el)?,
                "dateOfOriginalSubmission" => self.set(&mut f.date_of_original_submission, el)?,
                "notSubjectToSection16" => self.set(&mut f.not_subject_to_section16, el)?,
                "form3HoldingsReported" => self.set(&mut f.form3_holdings_reported, el)?,
                "form4TransactionsReported" => self.set(&mut f.form4_transactions_reported, el)?,
                "noSecuritiesOwned" => self.set(&mut f.no_securities_owned, el)?,
                "aff10b5One" => self.set(&mut f.aff10b5_one, el)?,
                "issuer" => {
                    while let Some(c) = self.child(&el)? {
                        let issuer = &mut f.issuer;
                        match c.name {
                            "issuerCik" => self.set(&mut issuer.cik, c)?,
                            "issuerName" => self.set(&mut issuer.name, c)?,
                            "issuerTradingSymbol" => self.set(&mut issuer.trading_symbol, c)?,
                            "issuerForeignTradingSymbol" => {
                                self.set(&mut issuer.foreign_trading_symbol, c)?
                            }
                            _ => self.unplaced(c)?,
                        }
                    }
                }
                "reportingOwner" => {
                    let mut owner = ReportingOwner::default();
                    let start = el.start;
                    self.owner(el, &mut owner)?;
                    owner.span = self.span(start, self.position());
                    f.reporting_owners.push(owner);
                }
                "nonDerivativeTable" => self.table(el, Table::NonDerivative, &mut f.non_derivative_table)?,
                "derivativeTable" => self.table(el, Table::Derivative, &mut f.derivative_table)?,
                "footnotes" => {
                    while let Some(c) = self.child(&el)? {
                        if c.name != "footnote" {
                            self.unplaced(c)?;
                            continue;
                        }
                        let id = self.footnote_id(&c).unwrap_or_default();
                        let text = self.text(&c)?;
                        let value = text.value.trim();
                        let value = (!value.is_empty()).then(|| value.to_owned());
                        f.footnotes.push(Footnote {
                            id,
                            text: Field { value, span: Some(text.span), ..Field::default() },
                        });
                    }
                }
                "remarks" => self.set(&mut f.remarks, el)?,
                "ownerSignature" => {
                    let mut signature = Signature::default();
                    let start = el.start;
                    while let Some(c) = self.child(&el)? {
                        match c.name {
                            "signatureName" => self.set(&mut signature.name, c)?,
                            "signatureDate" => self.set(&mut signature.date, c)?,
                            _ => self.unplaced(c)?,
                        }
                    }
                    signature.span = self.span(start, self.position());
                    f.signatures.push(signature);
                }
                _ => self.unplaced(el)?,
            }
        }
        f.span = self.span(root.start, self.position());
        self.require(&mut f);
        f.diagnostics = std::mem::take(&mut self.diagnostics);
        Ok(f)
    }

    /// The children of `reportingOwner` and its three blocks.
    fn owner(&mut self, el: Elem<'a>, owner: &mut ReportingOwner) -> Result<()> {
        while let Some(c) = self.child(&el)? {
            let a = &mut owner.address;
            match c.name {
                "reportingOwnerId" | "reportingOwnerAddress" | "reportingOwnerRelationship" => {
                    self.owner(c, owner)?
                }
                "rptOwnerCik" => self.set(&mut owner.cik, c)?,
                "rptOwnerCcc" => self.set(&mut owner.ccc, c)?,
                "rptOwnerName" => self.set(&mut owner.name, c)?,
                "rptOwnerNonUSAddressFlag" => self.set(&mut a.non_us_address_flag, c)?,
                "rptOwnerStreet1" => self.set(&mut a.street1, c)?,
                "rptOwnerStreet2" => self.set(&mut a.street2, c)?,
                "rptOwnerCity" => self.set(&mut a.city, c)?,
                "rptOwnerNonUSStateTerritory" => self.set(&mut a.non_us_state_territory, c)?,
                "rptOwnerState" => self.set(&mut a.state, c)?,
                "rptOwnerCountry" => self.set(&mut a.country, c)?,
                "rptOwnerCounrty" => {
                    // The SEC's own v5.5 sample (doc4.xml) misspells the element.
                    let span = self.span(c.start, c.tag_end);
                    self.set(&mut a.country, c)?;
                    self.note(Diagnostic::new(
                        Code::NonStandardValue,
                        Some(span),
                        "misspelled element <rptOwnerCounrty> read as <rptOwnerCountry>",
                    ));
                }
                "rptOwnerZipCode" => self.set(&mut a.zip_code, c)?,
                "rptOwnerStateDescription" => self.set(&mut a.state_description, c)?,
                "rptOwnerGoodAddress" => self.set(&mut a.good_address, c)?,
                "isDirector" => self.set(&mut owner.is_director, c)?,
                "isOfficer" => self.set(&mut owner.is_officer, c)?,
                "isTenPercentOwner" => self.set(&mut owner.is_ten_percent_owner, c)?,
                "isOther" => self.set(&mut owner.is_other, c)?,
                "officerTitle" => self.set(&mut owner.officer_title, c)?,
                "otherText" => self.set(&mut owner.other_text, c)?,
                _ => self.unplaced(c)?,
            }
        }
        Ok(())
    }

    fn table(&mut self, el: Elem<'a>, table: Table, rows: &mut Vec<Row>) -> Result<()> {
        while let Some(c) = self.child(&el)? {
            let kind = match (table, c.name) {
                (Table::NonDerivative, "nonDerivativeTransaction")
                | (Table::Derivative, "derivativeTransaction") => RowKind::Transaction,
                (Table::NonDerivative, "nonDerivativeHolding") | (Table::Derivative, "derivativeHolding") => {
                    RowKind::Holding
                }
                _ => {
                    self.unplaced(c)?;
                    continue;
                }
            };
            let mut row = Row { kind, ..Row::default() };
            let start = c.start;
            self.row(c, &mut row, None)?;
            row.span = self.span(start, self.position());
            rows.push(row);
        }
        Ok(())
    }

    /// The cells of a row. The blocks (`transactionAmounts`, `ownershipNature`,
    /// …) are read into the same flat row; `coding` collects the footnotes
    /// of `transactionCoding`.
    fn row(&mut self, el: Elem<'a>, row: &mut Row, coding: Option<&mut Vec<FootnoteId>>) -> Result<()> {
        let mut coding = coding;
        while let Some(c) = self.child(&el)? {
            match c.name {
                "transactionAmounts"
                | "postTransactionAmounts"
                | "ownershipNature"
                | "underlyingSecurity" => {
                    self.row(c, row, None)?;
                }
                "transactionCoding" => {
                    let mut footnotes = Vec::new();
                    self.row(c, row, Some(&mut footnotes))?;
                    let target = match row.kind {
                        RowKind::Transaction => &mut row.transaction_code.footnotes,
                        RowKind::Holding => &mut row.transaction_form_type.footnotes,
                    };
                    target.extend(footnotes);
                }
                "footnoteId" if coding.is_some() => {
                    if let (Some(id), Some(list)) = (self.footnote_id(&c), coding.as_deref_mut()) {
                        list.push(id);
                    }
                    self.skip(&c)?;
                }
                "securityTitle" => self.set(&mut row.security_title, c)?,
                "conversionOrExercisePrice" => self.set(&mut row.conversion_or_exercise_price, c)?,
                "transactionDate" => self.set(&mut row.transaction_date, c)?,
                "deemedExecutionDate" => self.set(&mut row.deemed_execution_date, c)?,
                "transactionFormType" => self.set(&mut row.transaction_form_type, c)?,
                "transactionCode" => self.set(&mut row.transaction_code, c)?,
                "equitySwapInvolved" => self.set(&mut row.equity_swap_involved, c)?,
                "transactionTimeliness" => self.set(&mut row.transaction_timeliness, c)?,
                "transactionShares" => self.set(&mut row.transaction_shares, c)?,
                "transactionTotalValue" => self.set(&mut row.transaction_total_value, c)?,
                "transactionPricePerShare" => self.set(&mut row.transaction_price_per_share, c)?,
                "transactionAcquiredDisposedCode" => {
                    self.set(&mut row.transaction_acquired_disposed_code, c)?
                }
                "exerciseDate" => self.set(&mut row.exercise_date, c)?,
                "expirationDate" => self.set(&mut row.expiration_date, c)?,
                "underlyingSecurityTitle" => self.set(&mut row.underlying_security_title, c)?,
                "underlyingSecurityShares" => self.set(&mut row.underlying_security_shares, c)?,
                "underlyingSecurityValue" => self.set(&mut row.underlying_security_value, c)?,
                "sharesOwnedFollowingTransaction" => {
                    self.set(&mut row.shares_owned_following_transaction, c)?
                }
                "valueOwnedFollowingTransaction" => {
                    self.set(&mut row.value_owned_following_transaction, c)?
                }
                "directOrIndirectOwnership" => self.set(&mut row.direct_or_indirect_ownership, c)?,
                "natureOfOwnership" => self.set(&mut row.nature_of_ownership, c)?,
                _ => self.unplaced(c)?,
            }
        }
        Ok(())
    }

    /// Report the elements every ownership document must have.
    fn require(&mut self, f: &mut Filing) {
        let mut missing = Vec::new();
        if f.document_type.span.is_none() {
            missing.push("documentType");
        }
        if f.period_of_report.span.is_none() {
            missing.push("periodOfReport");
        }
        if f.issuer.cik.span.is_none() {
            missing.push("issuer/issuerCik");
        }
        if f.reporting_owners.is_empty() {
            missing.push("reportingOwner");
        }
        for name in missing {
            self.diagnostics.push(Diagnostic::new(
                Code::MissingElement,
                Some(f.span),
                format!("the document has no <{name}>, which every ownership document must have"),
            ));
        }
    }
}

fn is_namespace_attribute(key: &[u8]) -> bool {
    key == b"xmlns" || key.starts_with(b"xmlns:") || key.starts_with(b"xsi:")
}

fn unplaced(span: Span, what: &str, raw: &str) -> Diagnostic {
    Diagnostic::new(
        Code::UnplacedContent,
        Some(span),
        format!("{what} has no place in the model: {}", quote(raw)),
    )
}

/// The outcome of reading a value's text.
enum Parse<T> {
    Ok(T),
    NonStandard(T, &'static str),
    Invalid,
    OutOfRange,
}

/// A type a field's text is read as.
trait XmlValue: Sized {
    /// What the text should look like, for messages.
    const EXPECTED: &'static str;
    fn from_xml(text: &str) -> Parse<Self>;
}

fn option<T>(value: Option<T>) -> Parse<T> {
    value.map_or(Parse::Invalid, Parse::Ok)
}

impl XmlValue for String {
    const EXPECTED: &'static str = "text";
    fn from_xml(text: &str) -> Parse<Self> {
        Parse::Ok(text.to_owned())
    }
}

impl XmlValue for Num {
    const EXPECTED: &'static str = "a decimal number";
    fn from_xml(text: &str) -> Parse<Self> {
        match Num::parse(text) {
            Ok(n) if text.contains(',') => {
                Parse::NonStandard(n, "thousands separators are not allowed in XML numbers")
            }
            Ok(n) => Parse::Ok(n),
            Err(NumError::Invalid) => Parse::Invalid,
            Err(NumError::OutOfRange) => Parse::OutOfRange,
        }
    }
}

impl XmlValue for Date {
    const EXPECTED: &'static str = "a date (YYYY-MM-DD)";
    fn from_xml(text: &str) -> Parse<Self> {
        match Date::parse_iso(text) {
            Some(d) => Parse::Ok(d),
            None => Date::parse_us(text)
                .map_or(Parse::Invalid, |d| Parse::NonStandard(d, "a US date, not YYYY-MM-DD")),
        }
    }
}

impl XmlValue for bool {
    const EXPECTED: &'static str = "a flag (1, 0, true or false)";
    fn from_xml(text: &str) -> Parse<Self> {
        match text {
            "1" | "true" => Parse::Ok(true),
            "0" | "false" => Parse::Ok(false),
            _ => match text.to_ascii_lowercase().as_str() {
                "true" | "y" | "yes" | "x" => Parse::NonStandard(true, "read as true"),
                "false" | "n" | "no" => Parse::NonStandard(false, "read as false"),
                _ => Parse::Invalid,
            },
        }
    }
}

impl XmlValue for FormType {
    const EXPECTED: &'static str = "a form type (3, 3/A, 4, 4/A, 5 or 5/A)";
    fn from_xml(text: &str) -> Parse<Self> {
        option(FormType::parse(text))
    }
}

impl XmlValue for TransactionCode {
    const EXPECTED: &'static str =
        "one of the 20 transaction codes (P, S, V, A, D, F, I, M, C, E, H, O, X, G, L, W, Z, J, K, U)";
    fn from_xml(text: &str) -> Parse<Self> {
        option(TransactionCode::parse(text))
    }
}

impl XmlValue for AcquiredDisposed {
    const EXPECTED: &'static str = "A (acquired) or D (disposed of)";
    fn from_xml(text: &str) -> Parse<Self> {
        option(AcquiredDisposed::parse(text))
    }
}

impl XmlValue for DirectIndirect {
    const EXPECTED: &'static str = "D (direct) or I (indirect)";
    fn from_xml(text: &str) -> Parse<Self> {
        option(DirectIndirect::parse(text))
    }
}

impl XmlValue for Timeliness {
    const EXPECTED: &'static str = "E (early) or L (late), or empty";
    fn from_xml(text: &str) -> Parse<Self> {
        option(Timeliness::parse(text))
    }
}
