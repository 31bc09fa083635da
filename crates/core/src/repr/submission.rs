//! The full EDGAR submission (`.txt`): an SGML header followed by one
//! `<DOCUMENT>` per file, the ownership form as XML inside `<XML>…</XML>`.
//!
//! Two header dialects are read into the same [`Submission`]:
//! - the public archive's `<SEC-DOCUMENT>`/`<SEC-HEADER>` with indented
//!   `KEY:<tab>value` lines (`ACCESSION NUMBER:`, `REPORTING-OWNER:`, …);
//! - the dissemination feed's `<SUBMISSION>` with one `<TAG>value` per line
//!   (`<ACCESSION-NUMBER>`, `<REPORTING-OWNER>`, …).
//!
//! Line endings may be LF, CRLF or bare CR. Several submissions pasted
//! together are split at each `<SEC-DOCUMENT>`/`<SUBMISSION>`. A submission
//! whose documents hold no XML (a paper-era text Form 4) gets
//! [`Code::NoXmlDocument`].

use crate::detect::Representation;
use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{
    Date, Field, Filing, FormerName, HeaderAddress, HeaderParty, Num, PartyRole, Submission,
    SubmissionDocument,
};
use crate::repr::{Output, xml};
use crate::source::{Span, lines};

/// Parse every submission in `text` (one filing per ownership XML document).
pub fn parse(text: &str) -> Output {
    let mut out = Output::default();
    let starts = submission_starts(text);
    if starts.is_empty() {
        out.diagnostics.push(Diagnostic::new(
            Code::SubmissionMalformed,
            Some(Span::new(0, text.len().min(80))),
            "no <SEC-DOCUMENT> or <SUBMISSION> found: this is not a full EDGAR submission",
        ));
        return out;
    }
    if let Some(&first) = starts.first() {
        prologue(text, first, &mut out.diagnostics);
    }
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        one_submission(text, start, end, &mut out);
    }
    out
}

/// Offsets of the lines that open a submission.
fn submission_starts(text: &str) -> Vec<usize> {
    lines(text)
        .filter(|(_, line)| {
            let l = line.trim_start();
            l.starts_with("<SEC-DOCUMENT>")
                || l.starts_with("<SUBMISSION>")
                || l.starts_with("<IMS-DOCUMENT>")
        })
        .map(|(offset, _)| offset)
        .collect()
}

/// Text before the first submission: the old PEM envelope is noted, anything else reported.
fn prologue(text: &str, first: usize, diagnostics: &mut Vec<Diagnostic>) {
    let before = &text[..first];
    if before.trim().is_empty() {
        return;
    }
    let span = Span::new(0, first);
    if before.contains("-----BEGIN PRIVACY-ENHANCED MESSAGE-----") {
        diagnostics.push(
            Diagnostic::new(
                Code::UnplacedContent,
                Some(span),
                "the PEM envelope of the SEC's old archive was not read",
            )
            .with_severity(crate::diagnostic::Severity::Info),
        );
    } else {
        diagnostics.push(Diagnostic::new(
            Code::UnplacedContent,
            Some(span),
            format!("text before the submission has no place in the model: {}", quote(before)),
        ));
    }
}

/// Where in the header a key was met.
#[derive(Clone, Copy, PartialEq)]
enum Block {
    Top,
    Party,
    Business,
    Mail,
    Former,
}

fn one_submission(text: &str, start: usize, end: usize, out: &mut Output) {
    let mut submission = Submission { span: Span::new(start, end), ..Submission::default() };
    let mut diagnostics = Vec::new();
    let mut block = Block::Top;
    let mut xml_ranges: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    let mut document: Option<(SubmissionDocument, Option<usize>)> = None;
    let mut in_text = false;
    let mut header_end = None;
    let mut closed = false;

    for (offset, line) in lines(&text[start..end]) {
        let at = start + offset;
        let trimmed = line.trim();
        if in_text {
            let indent = line.len() - line.trim_start().len();
            if let Some((doc, xml_start)) = document.as_mut() {
                if let Some(after) = trimmed.strip_prefix("<XML>") {
                    // The XML may start on the `<XML>` line itself.
                    doc.is_primary = true;
                    *xml_start = Some(if after.is_empty() { at + line.len() } else { at + indent + 5 });
                } else if let (Some(begin), Some(close)) = (*xml_start, line.find("</XML>")) {
                    xml_ranges.push((submission.documents.len(), begin..at + close));
                    *xml_start = None;
                } else if trimmed == "</TEXT>"
                    && let Some(begin) = xml_start.take()
                {
                    diagnostics.push(Diagnostic::new(
                        Code::SubmissionMalformed,
                        Some(Span::new(begin, at)),
                        "an <XML> block is not closed by </XML> before </TEXT>: read up to </TEXT>",
                    ));
                    xml_ranges.push((submission.documents.len(), begin..at));
                }
            }
            if trimmed == "</TEXT>" {
                in_text = false;
            }
            continue;
        }
        let Some(entry) = Entry::parse(line, at) else {
            if !trimmed.is_empty() {
                diagnostics.push(stray_line(line, at));
            }
            continue;
        };
        match entry.key.as_str() {
            "DOCUMENT" => {
                header_end.get_or_insert(at);
                document = Some((SubmissionDocument { span: Span::new(at, at), ..Default::default() }, None));
            }
            "/SEC DOCUMENT" | "/SUBMISSION" | "/IMS DOCUMENT" => closed = true,
            "/DOCUMENT" => {
                if let Some((mut doc, _)) = document.take() {
                    doc.span = Span::new(doc.span.start as usize, at + line.len());
                    submission.documents.push(doc);
                }
            }
            "TEXT" => in_text = true,
            "TYPE" | "SEQUENCE" | "FILENAME" | "DESCRIPTION" if document.is_some() => {
                if let Some((doc, _)) = document.as_mut() {
                    let slot = match entry.key.as_str() {
                        "TYPE" => &mut doc.document_type,
                        "SEQUENCE" => &mut doc.sequence,
                        "FILENAME" => &mut doc.filename,
                        _ => &mut doc.description,
                    };
                    *slot = entry.text();
                }
            }
            _ if header_end.is_some() => {
                if !entry.key.starts_with('/') {
                    diagnostics.push(entry.unplaced("between documents"));
                }
            }
            _ => header_entry(&entry, &mut submission, &mut block, &mut diagnostics),
        }
    }
    if let Some((doc, _)) = document {
        diagnostics.push(Diagnostic::new(
            Code::SubmissionMalformed,
            Some(doc.span),
            "a <DOCUMENT> is never closed by </DOCUMENT>",
        ));
        submission.documents.push(doc);
    } else if !closed {
        diagnostics.push(unclosed(text, start, end));
    }
    submission.span = Span::new(start, header_end.unwrap_or(end));

    if xml_ranges.is_empty() {
        let types: Vec<&str> = submission.documents.iter().map(|d| d.document_type.text()).collect();
        out.diagnostics.append(&mut diagnostics);
        out.diagnostics.push(
            Diagnostic::new(
                Code::NoXmlDocument,
                Some(Span::new(start, end)),
                format!(
                    "submission {} has no ownership XML document (documents: {}): it predates EDGAR's XML forms and its text form is not read",
                    submission.accession_number.text(),
                    if types.is_empty() { "none".to_owned() } else { types.join(", ") },
                ),
            )
            .with_help("open the filing's EDGAR page and paste its text instead"),
        );
        return;
    }
    for (document_index, range) in xml_ranges {
        let parsed = xml::parse(text, range);
        out.diagnostics.extend(parsed.diagnostics);
        for mut filing in parsed.filings {
            filing.representation = Representation::Submission;
            let mut sub = submission.clone();
            for (i, doc) in sub.documents.iter_mut().enumerate() {
                doc.is_primary = i == document_index;
            }
            check_consistency(&sub, &mut filing);
            filing.diagnostics.splice(0..0, diagnostics.iter().cloned());
            filing.submission = Some(sub);
            out.filings.push(filing);
        }
    }
}

/// The submission at `start..end` lacks its closing tag: the input may be cut off.
fn unclosed(text: &str, start: usize, end: usize) -> Diagnostic {
    let opener = text.get(start..end).unwrap_or("").trim_start();
    let close = ["SUBMISSION", "IMS-DOCUMENT"]
        .into_iter()
        .find(|tag| opener.starts_with(&format!("<{tag}>")))
        .unwrap_or("SEC-DOCUMENT");
    let body = text.get(start..end).unwrap_or("").trim_end();
    let at = start + body.len();
    Diagnostic::new(
        Code::SubmissionMalformed,
        Some(Span::new(at, at)),
        format!("the submission ends without </{close}>: the input may be cut off here"),
    )
    .with_severity(crate::diagnostic::Severity::Warning)
}

/// A line that is neither a header entry nor a tag. The closing line of the
/// old archive's PEM envelope is noted; anything else is unplaced.
fn stray_line(line: &str, at: usize) -> Diagnostic {
    let span = Some(Span::new(at, at + line.len()));
    if line.trim() == "-----END PRIVACY-ENHANCED MESSAGE-----" {
        return Diagnostic::new(
            Code::UnplacedContent,
            span,
            "the PEM envelope of the SEC's old archive was not read",
        )
        .with_severity(crate::diagnostic::Severity::Info);
    }
    Diagnostic::new(
        Code::UnplacedContent,
        span,
        format!("a line of the submission outside any document has no place in the model: {}", quote(line)),
    )
}

/// Report where the header and the XML document disagree.
fn check_consistency(submission: &Submission, filing: &mut Filing) {
    let mut mismatch = |what: &str, header: String, document: String, span: Option<Span>| {
        if !header.is_empty() && !document.is_empty() && header != document {
            filing.diagnostics.push(Diagnostic::new(
                Code::HeaderMismatch,
                span,
                format!(
                    "the submission header gives {what} {}, the document {}",
                    quote(&header),
                    quote(&document)
                ),
            ));
        }
    };
    let form = filing.document_type.value.map(|f| f.as_str().to_owned()).unwrap_or_default();
    mismatch("the form type", submission.submission_type.text().to_owned(), form, filing.document_type.span);
    let period = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    mismatch(
        "the period of report",
        period(submission.period_of_report.value),
        period(filing.period_of_report.value),
        filing.period_of_report.span,
    );
    // CIKs are compared as numbers (`0000000080` is `80`), and quoted as written.
    let issuer_cik = submission
        .parties
        .iter()
        .find(|p| matches!(p.role, PartyRole::Issuer | PartyRole::SubjectCompany))
        .map(|p| p.cik.text())
        .unwrap_or_default();
    let document_cik = filing.issuer.cik.text();
    if issuer_cik.trim_start_matches('0') != document_cik.trim_start_matches('0') {
        mismatch("the issuer CIK", issuer_cik.to_owned(), document_cik.to_owned(), filing.issuer.cik.span);
    }
}

/// One header line: `KEY: value`, `<KEY>value`, or a block marker.
struct Entry<'a> {
    /// Upper-case key with `-` read as a space, e.g. `STREET 1`; `/KEY` for closing tags.
    key: String,
    value: &'a str,
    value_at: usize,
    line: &'a str,
    line_at: usize,
}

impl<'a> Entry<'a> {
    fn parse(line: &'a str, line_at: usize) -> Option<Entry<'a>> {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            return None;
        }
        let (key, rest, rest_at) = if let Some(tag) = trimmed.strip_prefix('<') {
            let close = tag.find('>')?;
            (&tag[..close], &tag[close + 1..], indent + 1 + close + 1)
        } else {
            let colon = trimmed.find(':')?;
            (&trimmed[..colon], &trimmed[colon + 1..], indent + colon + 1)
        };
        let lead = rest.len() - rest.trim_start().len();
        let value = rest.trim();
        let key = key.trim().replace(['-', '_'], " ").to_ascii_uppercase();
        let key = if key == "/" { String::new() } else { key };
        Some(Entry { key, value, value_at: line_at + rest_at + lead, line, line_at })
    }

    fn span(&self) -> Span {
        Span::new(self.value_at, self.value_at + self.value.len())
    }

    fn text(&self) -> Field<String> {
        if self.value.is_empty() {
            return Field { span: Some(self.span()), ..Field::default() };
        }
        Field::read(self.value.to_owned(), self.span())
    }

    fn date(&self, diagnostics: &mut Vec<Diagnostic>) -> Field<Date> {
        match Date::parse_compact(self.value) {
            Some(d) => Field::read(d, self.span()),
            None => {
                if !self.value.is_empty() {
                    diagnostics.push(Diagnostic::new(
                        Code::InvalidValue,
                        Some(self.span()),
                        format!("{} should be a date (YYYYMMDD), but is {}", self.key, quote(self.value)),
                    ));
                }
                Field { span: Some(self.span()), ..Field::default() }
            }
        }
    }

    fn unplaced(&self, context: &str) -> Diagnostic {
        Diagnostic::new(
            Code::UnplacedContent,
            Some(Span::new(self.line_at, self.line_at + self.line.len())),
            format!("header line {context} has no place in the model: {}", quote(self.line)),
        )
    }
}

fn header_entry(
    entry: &Entry<'_>,
    submission: &mut Submission,
    block: &mut Block,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let key = entry.key.as_str();
    // Block markers and envelope lines.
    let role = match key {
        "REPORTING OWNER" => Some(PartyRole::ReportingOwner),
        "ISSUER" => Some(PartyRole::Issuer),
        "SUBJECT COMPANY" => Some(PartyRole::SubjectCompany),
        "FILED BY" => Some(PartyRole::FiledBy),
        _ => None,
    };
    if let Some(role) = role {
        submission.parties.push(HeaderParty { role, span: entry.span(), ..HeaderParty::default() });
        *block = Block::Party;
        return;
    }
    match key {
        "OWNER DATA" | "COMPANY DATA" | "FILING VALUES" => {
            *block = Block::Party;
            return;
        }
        "BUSINESS ADDRESS" => {
            *block = Block::Business;
            return;
        }
        "MAIL ADDRESS" => {
            *block = Block::Mail;
            return;
        }
        "FORMER COMPANY" | "FORMER NAME" => {
            if let Some(party) = submission.parties.last_mut() {
                party.former_names.push(FormerName::default());
            }
            *block = Block::Former;
            return;
        }
        "SEC DOCUMENT" | "SEC HEADER" | "SUBMISSION" | "IMS DOCUMENT" | "IMS HEADER" | "" => return,
        _ if key.starts_with('/') => return,
        _ => {}
    }
    // Submission-level values.
    let top = match key {
        "ACCESSION NUMBER" => Some(&mut submission.accession_number),
        "CONFORMED SUBMISSION TYPE" | "TYPE" => Some(&mut submission.submission_type),
        "ACCEPTANCE DATETIME" => Some(&mut submission.acceptance_datetime),
        _ => None,
    };
    if let Some(slot) = top {
        *slot = entry.text();
        return;
    }
    match key {
        "PUBLIC DOCUMENT COUNT" => {
            submission.public_document_count = match Num::parse(entry.value) {
                Ok(n) => Field::read(n, entry.span()),
                Err(_) => entry.invalid_number(diagnostics),
            };
            return;
        }
        "CONFORMED PERIOD OF REPORT" | "PERIOD" => {
            submission.period_of_report = entry.date(diagnostics);
            return;
        }
        "FILED AS OF DATE" | "FILING DATE" => {
            submission.filed_as_of_date = entry.date(diagnostics);
            return;
        }
        "DATE AS OF CHANGE" | "DATE OF FILING DATE CHANGE" => {
            submission.date_as_of_change = entry.date(diagnostics);
            return;
        }
        _ => {}
    }
    // Party values.
    let Some(party) = submission.parties.last_mut().filter(|_| *block != Block::Top) else {
        diagnostics.push(entry.unplaced("outside any company block"));
        return;
    };
    let address = match *block {
        Block::Business => Some(&mut party.business_address),
        Block::Mail => Some(&mut party.mail_address),
        _ => None,
    };
    if let Some(slot) = address.and_then(|a| address_slot(a, key)) {
        *slot = entry.text();
        return;
    }
    if let Some(former) = party.former_names.last_mut().filter(|_| *block == Block::Former) {
        match key {
            "FORMER CONFORMED NAME" => {
                former.name = entry.text();
                return;
            }
            "DATE OF NAME CHANGE" | "DATE CHANGED" => {
                former.date_changed = entry.date(diagnostics);
                return;
            }
            _ => {}
        }
    }
    let slot = match key {
        "COMPANY CONFORMED NAME" | "CONFORMED NAME" => &mut party.name,
        "CENTRAL INDEX KEY" | "CIK" => &mut party.cik,
        "STANDARD INDUSTRIAL CLASSIFICATION" | "ASSIGNED SIC" => {
            &mut party.standard_industrial_classification
        }
        "ORGANIZATION NAME" => &mut party.organization_name,
        "IRS NUMBER" => &mut party.irs_number,
        "STATE OF INCORPORATION" => &mut party.state_of_incorporation,
        "FISCAL YEAR END" => &mut party.fiscal_year_end,
        "FORM TYPE" => &mut party.form_type,
        "SEC ACT" | "ACT" => &mut party.sec_act,
        "SEC FILE NUMBER" | "FILE NUMBER" => &mut party.file_number,
        "FILM NUMBER" => &mut party.film_number,
        "RELATIONSHIP" => &mut party.relationship,
        _ => {
            diagnostics.push(entry.unplaced("in a company block"));
            return;
        }
    };
    *slot = entry.text();
}

impl Entry<'_> {
    fn invalid_number(&self, diagnostics: &mut Vec<Diagnostic>) -> Field<Num> {
        diagnostics.push(Diagnostic::new(
            Code::InvalidValue,
            Some(self.span()),
            format!("{} should be a number, but is {}", self.key, quote(self.value)),
        ));
        Field { span: Some(self.span()), ..Field::default() }
    }
}

fn address_slot<'a>(address: &'a mut HeaderAddress, key: &str) -> Option<&'a mut Field<String>> {
    Some(match key {
        "STREET 1" | "STREET1" => &mut address.street1,
        "STREET 2" | "STREET2" => &mut address.street2,
        "CITY" => &mut address.city,
        "STATE" => &mut address.state,
        "ZIP" => &mut address.zip,
        "BUSINESS PHONE" | "PHONE" => &mut address.phone,
        _ => return None,
    })
}
