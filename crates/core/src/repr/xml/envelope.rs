//! The filer-constructed submission, `edgarSubmission` (the SEC's samples
//! `filing4.xml` etc.): a small envelope whose documents travel base64-encoded.
//!
//! ```xml
//! <edgarSubmission>
//!   <submissionType>4</submissionType>
//!   <testOrLive>TEST</testOrLive>
//!   <pointOfContact><contactName>…</contactName>…</pointOfContact>
//!   <edgarDocument>
//!     <documentName>doc4.xml</documentName>
//!     <documentType>4</documentType>
//!     <documentMimeBlock>PD94bWwgdmVyc2lvbj0iMS4wIj8+…</documentMimeBlock>
//!   </edgarDocument>
//! </edgarSubmission>
//! ```
//!
//! The envelope becomes the filing's [`Submission`]; each document whose
//! decoded text is an `ownershipDocument` is parsed as one. The decoded text
//! is not the user's input, so no span can point inside it: every span of an
//! embedded document is the span of its mime block, and each diagnostic about
//! it says where in the decoded document it is (see [`super::Embedded`]).
//! Other documents (cover letters, exhibits) are listed, not read.

use std::borrow::Cow;

use super::{Cursor, Elem, Embedded, Result, TextBuf};
use crate::diagnostic::{Code, quote};
use crate::model::{Filing, Submission, SubmissionDocument};
use crate::source;

impl<'a> Cursor<'a> {
    /// One opened `edgarSubmission`, read to its end; the ownership
    /// documents it carries are appended to `filings`.
    pub(super) fn envelope(&mut self, root: Elem<'a>, filings: &mut Vec<Filing>) -> Result<()> {
        let mut submission = Submission::default();
        let mut blocks: Vec<(usize, TextBuf<'a>)> = Vec::new();
        while let Some(el) = self.child(&root)? {
            match el.name {
                "submissionType" => self.set(&mut submission.submission_type, el)?,
                "testOrLive" => self.set(&mut submission.test_or_live, el)?,
                "returnCopy" => self.set(&mut submission.return_copy, el)?,
                "pointOfContact" => {
                    while let Some(c) = self.child(&el)? {
                        match c.name {
                            "contactName" => self.set(&mut submission.contact_name, c)?,
                            "contactPhoneNumber" => self.set(&mut submission.contact_phone_number, c)?,
                            "contactEmailAddress" => self.set(&mut submission.contact_email_address, c)?,
                            _ => self.report_unplaced(c)?,
                        }
                    }
                }
                "notificationAddresses" => {
                    while let Some(c) = self.child(&el)? {
                        if c.name == "notificationEmailAddress" {
                            let address = self.field(c)?;
                            submission.notification_email_addresses.push(address);
                        } else {
                            self.report_unplaced(c)?;
                        }
                    }
                }
                "edgarDocument" => {
                    let (document, block) = self.edgar_document(el)?;
                    if let Some(block) = block {
                        blocks.push((submission.documents.len(), block));
                    }
                    submission.documents.push(document);
                }
                _ => self.report_unplaced(el)?,
            }
        }
        submission.span = self.span(root.start, self.position());
        let envelope_diagnostics = std::mem::take(&mut self.diagnostics);
        let first = filings.len();
        let mut undecodable = false;
        for (index, block) in blocks {
            let Some(found) = self.embedded_documents(&submission, index, &block) else {
                undecodable = true;
                continue;
            };
            for mut filing in found {
                let mut sub = submission.clone();
                for (i, doc) in sub.documents.iter_mut().enumerate() {
                    doc.is_primary = i == index;
                }
                filing.submission = Some(sub);
                filings.push(filing);
            }
        }
        if filings.len() == first {
            self.outside.extend(envelope_diagnostics);
            if undecodable {
                // The invalid block is the reason, and was reported.
                return Ok(());
            }
            let types: Vec<&str> = submission.documents.iter().map(|d| d.document_type.text()).collect();
            let message = format!(
                "the <edgarSubmission> carries no ownership XML document (documents: {})",
                if types.is_empty() { "none".to_owned() } else { types.join(", ") }
            );
            let d = self.diag(Code::NoXmlDocument, root.start, self.position(), message);
            self.outside.push(d);
        } else {
            for filing in &mut filings[first..] {
                filing.diagnostics.splice(0..0, envelope_diagnostics.iter().cloned());
            }
        }
        Ok(())
    }

    /// One opened `edgarDocument`, with the text of its mime block.
    fn edgar_document(&mut self, el: Elem<'a>) -> Result<(SubmissionDocument, Option<TextBuf<'a>>)> {
        let mut document = SubmissionDocument::default();
        let mut block = None;
        let start = el.start;
        while let Some(c) = self.child(&el)? {
            match c.name {
                "documentName" => self.set(&mut document.filename, c)?,
                "documentType" => self.set(&mut document.document_type, c)?,
                "documentDescription" => self.set(&mut document.description, c)?,
                "documentMimeBlock" if block.is_none() => block = Some(self.leaf(&c)?),
                "documentMimeBlock" => self.duplicate(&c)?,
                _ => self.report_unplaced(c)?,
            }
        }
        document.span = self.span(start, self.position());
        Ok((document, block))
    }

    /// Decode the mime block of document `index` and parse it when it is an
    /// ownership document; other documents yield nothing. `None` when the
    /// block is not base64 (reported).
    fn embedded_documents(
        &mut self,
        submission: &Submission,
        index: usize,
        block: &TextBuf<'a>,
    ) -> Option<Vec<Filing>> {
        let name = submission
            .documents
            .get(index)
            .and_then(|d| d.filename.value.clone())
            .unwrap_or_else(|| format!("document {}", index + 1));
        let (start, end) = block.range?;
        // A block of one raw piece is decoded from the input itself, so that
        // an error points at the offending character.
        let (text, exact) = match &block.value {
            Cow::Borrowed(_) => (self.src.get(start..end).unwrap_or(""), true),
            Cow::Owned(value) => (value.as_str(), false),
        };
        let bytes = match base64(text) {
            Ok(bytes) => bytes,
            Err(error) => {
                let at = if exact { start + error.offset } else { start };
                let what = match text.get(error.offset..).and_then(|rest| rest.chars().next()) {
                    Some(c) => format!("{}, {}", error.what, quote(&c.to_string())),
                    None => error.what.to_owned(),
                };
                let message = format!("the <documentMimeBlock> of {name} is not valid base64: {what}");
                let d = self.diag(Code::MimeBlockInvalid, at, (at + 1).min(end.max(at)), message).with_help(
                    "the block must hold the document encoded in base64 (RFC 4648), as EDGAR expects",
                );
                self.outside.push(d);
                return None;
            }
        };
        // Images and other binary documents are not ownership documents.
        let Ok((decoded, _)) = source::decode(&bytes) else { return Some(Vec::new()) };
        if !decoded.contains("ownershipDocument") {
            return Some(Vec::new());
        }
        let embedded = Embedded { block: self.span(start, end), name };
        let mut out = super::read(Cursor::new(&decoded, 0..decoded.len(), Some(embedded)));
        self.outside.append(&mut out.diagnostics);
        Some(out.filings)
    }
}

/// Why a base64 block could not be decoded.
#[derive(Debug, PartialEq, Eq)]
struct Base64Error {
    /// Offset in the block's text.
    offset: usize,
    what: &'static str,
}

/// Decode base64 (RFC 4648's standard alphabet), ignoring whitespace; the
/// `=` padding may be left out.
fn base64(text: &str) -> std::result::Result<Vec<u8>, Base64Error> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut bits, mut count, mut padding) = (0u32, 0u8, 0u8);
    for (offset, byte) in text.bytes().enumerate() {
        let sextet = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            b'=' if count >= 2 && count + padding < 4 => {
                padding += 1;
                continue;
            }
            b'=' => return Err(Base64Error { offset, what: "misplaced = padding" }),
            _ => return Err(Base64Error { offset, what: "a character that is not base64" }),
        };
        if padding > 0 {
            return Err(Base64Error { offset, what: "data after the = padding" });
        }
        bits = (bits << 6) | u32::from(sextet);
        count += 1;
        if count == 4 {
            out.extend_from_slice(&bits.to_be_bytes()[1..]);
            (bits, count) = (0, 0);
        }
    }
    match count {
        0 => {}
        2 => out.push((bits >> 4) as u8),
        3 => out.extend_from_slice(&(bits >> 2).to_be_bytes()[2..]),
        _ => return Err(Base64Error { offset: text.len(), what: "a truncated last group" }),
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64_with_and_without_padding() {
        assert_eq!(base64("TWFu").unwrap(), b"Man");
        assert_eq!(base64("TWE=").unwrap(), b"Ma");
        assert_eq!(base64("TQ==").unwrap(), b"M");
        assert_eq!(base64("TQ").unwrap(), b"M");
        assert_eq!(base64(" TW\r\nFu\tTQ== ").unwrap(), b"ManM");
        assert_eq!(base64("").unwrap(), b"");
        assert_eq!(base64("+/+/").unwrap(), [0xFB, 0xFF, 0xBF]);
    }

    #[test]
    fn reports_where_base64_goes_wrong() {
        assert_eq!(base64("TW*u"), Err(Base64Error { offset: 2, what: "a character that is not base64" }));
        assert_eq!(base64("TQ==TQ"), Err(Base64Error { offset: 4, what: "data after the = padding" }));
        assert_eq!(base64("=TQ"), Err(Base64Error { offset: 0, what: "misplaced = padding" }));
        assert_eq!(base64("TWFuT"), Err(Base64Error { offset: 5, what: "a truncated last group" }));
    }
}
