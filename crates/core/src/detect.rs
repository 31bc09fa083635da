//! Decide which representation an input is, with reasons a person can read.
//!
//! Detection looks at markers each representation cannot help writing: the
//! SGML envelope of a full submission, the `ownershipDocument` root of the
//! XML, HTML tags of an EDGAR page, pipe tables of Markdown, the wide
//! space-aligned columns of PDF text, the tab-separated cells of text copied
//! from a browser. The first decisive marker wins; the reasons say which.

use std::fmt;

use crate::source::{byte_flags, skip_unflagged};
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
    // Only text with tags needs a case-blind look for them.
    let lower_head = if head.contains('<') { head.to_ascii_lowercase() } else { String::new() };
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
    // Any page or text without a form's headings is some other document (a
    // news page, a 10-K, a README), whatever its markup.
    if !looks_like_a_form(head) {
        return Detection {
            representation: Representation::Unknown,
            reasons: vec!["found none of the headings of a Form 3, 4 or 5 (\"Table I\", \"Name and Address of Reporting Person\", \"Issuer Name\")".to_owned()],
        };
    }
    if let Some(reason) = markdown_reason(head) {
        return found(Representation::Markdown, &reason);
    }
    if is_html_page || count(&lower_head, "<td") >= 3 || count(&lower_head, "<tr") >= 2 {
        return found(Representation::Html, "has HTML markup (<html>, <table>, <td>)");
    }
    let mut detection = lossy_text(head);
    if let Some(note) = older_layout(head) {
        detection.reasons.push(note.to_owned());
    }
    detection
}

/// Whether a line is a Markdown table's header separator: at least three
/// characters (trimmed), only `|`, `-`, `:` and spaces, with a `-` and a `|`.
fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
        && t.len() >= 3
        && t.contains('-')
        && t.contains('|')
}

/// Whether a line looks like a row of a Markdown table: it starts with `|`
/// or has ` | ` (a pipe between spaces).
fn is_pipe_row(line: &str) -> bool {
    if !line.contains('|') {
        return false;
    }
    let b = line.as_bytes();
    line.trim_start().starts_with('|')
        || (1..b.len().saturating_sub(1)).any(|i| b[i] == b'|' && b[i - 1] == b' ' && b[i + 1] == b' ')
}

/// Copied text, PDF text or Markdown without pipe tables.
fn lossy_text(head: &str) -> Detection {
    let found = |representation, reason: String| Detection { representation, reasons: vec![reason] };
    let (mut lines, mut tab_lines, mut wide_gaps, mut markdown) = (0usize, 0usize, 0usize, 0usize);
    for (line, (text, tab, gap)) in line_shapes(head) {
        lines += usize::from(text);
        tab_lines += usize::from(tab);
        wide_gaps += usize::from(gap);
        markdown += markdown_line_evidence(line);
    }
    let lines = lines.max(1);
    markdown += markdown_markup(head);
    if markdown >= 4 {
        return found(
            Representation::Markdown,
            format!("has Markdown markup ({markdown} headings, bold text, escapes, links or tags)"),
        );
    }
    if head.contains("Edgar Filing:") && wide_gaps * 10 >= lines {
        return found(
            Representation::PdfText,
            "has \"Edgar Filing:\" page headers and space-aligned columns (PDF text)".to_owned(),
        );
    }
    if tab_lines * 10 >= lines {
        return found(
            Representation::Text,
            format!("{tab_lines} of {lines} lines have tab-separated cells (text copied from a browser)"),
        );
    }
    if wide_gaps * 10 >= lines {
        return found(
            Representation::PdfText,
            format!(
                "{wide_gaps} of {lines} lines have columns aligned with runs of spaces (PDF text with layout)"
            ),
        );
    }
    if head.contains('\u{c}')
        || head.contains("https://www.sec.gov/Archives/")
        || head.contains("Edgar Filing:")
    {
        return found(
            Representation::PdfText,
            "has page breaks or a printed page header or footer (PDF text without layout)".to_owned(),
        );
    }
    found(Representation::Text, "has the form's headings as plain lines of text".to_owned())
}

/// Each line of `head` (as [`str::lines`] gives them) with whether it has text, a tab, and a run of
/// five spaces between two pieces of text: one pass over the bytes.
fn line_shapes(head: &str) -> impl Iterator<Item = (&str, (bool, bool, bool))> {
    let bytes = head.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let (mut text, mut tab, mut gap) = (false, false, false);
        // The run of spaces before byte `i` (a `\r` neither ends nor adds to it).
        let (mut run, mut i) = (0, start);
        while let Some(&b) = bytes.get(i) {
            i += 1;
            match b {
                b' ' => {
                    // The whole run at once (eight bytes a step: text laid out on a page pads with long runs).
                    let more = crate::source::space_run(bytes, i);
                    run += 1 + more;
                    i += more;
                }
                b'\t' => {
                    tab = true;
                    run = 0;
                }
                b'\n' => break,
                b'\r' => {}
                _ => {
                    gap |= text && run >= 5;
                    text = true;
                    run = 0;
                    // The rest of the word: nothing changes until its end.
                    i += bytes[i..].iter().take_while(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r')).count();
                }
            }
        }
        let end = if bytes.get(i.wrapping_sub(1)) == Some(&b'\n') { i - 1 } else { bytes.len() };
        let line = head.get(start..end).unwrap_or_default();
        // A line ending `\r\n` loses the `\r`, the last line (no `\n`) keeps it.
        let line = if end < bytes.len() { line.strip_suffix('\r').unwrap_or(line) } else { line };
        start = end + 1;
        Some((line, (text, tab, gap)))
    })
}

/// How many Markdown constructs a line opens with: a heading (`## `), bold
/// (`**…**`).
fn markdown_line_evidence(line: &str) -> usize {
    let t = crate::source::trim_start(line);
    let heading = t.starts_with("# ") || t.starts_with("## ") || t.starts_with("### ");
    let bold = t.strip_prefix("**").is_some_and(|rest| rest.contains("**"));
    usize::from(heading) + usize::from(bold)
}

/// The Markdown markup in the text: backslash escapes (`\$`, `\_`, `\*`,
/// `\.`), links (`](`), and inline HTML tags (`<sup>`, `<u>`, `<input`),
/// each counted up to three times. One pass over the bytes (none of the
/// markers can overlap itself, so this is what counting each on its own gives).
fn markdown_markup(head: &str) -> usize {
    const MARKERS: [&[u8]; 8] = [b"\\$", b"\\_", b"\\*", b"\\.", b"](", b"<sup>", b"<u>", b"<input"];
    let mut counts = [0usize; MARKERS.len()];
    let bytes = head.as_bytes();
    let mut i = 0;
    loop {
        // Eight bytes a step, up to the first that may start a marker.
        i = skip_unflagged(bytes, i, |w| byte_flags(w, b'\\') | byte_flags(w, b']') | byte_flags(w, b'<'));
        let Some(&first) = bytes.get(i) else { break };
        if matches!(first, b'\\' | b']' | b'<')
            && let Some(k) = MARKERS.iter().position(|m| bytes[i..].starts_with(m))
        {
            counts[k] += 1;
        }
        i += 1;
    }
    counts.iter().map(|&n| n.min(3)).sum()
}

/// Whether `text` is laid out like the older vendor print of the form.
pub fn is_older_layout(text: &str) -> bool {
    older_layout(prefix(text, SNIFF_BYTES)).is_some()
}

/// A note when the text is the older vendor print layout ("Edgar Filing:"
/// page headers, `__X__` check boxes, "Reporting Owners" and "Signatures"
/// sections).
fn older_layout(head: &str) -> Option<&'static str> {
    let markers: [&dyn Fn() -> bool; 4] = [
        &|| head.contains("Edgar Filing:"),
        &|| head.contains("__X__") || head.contains("_____ ") || head.contains("\\_\\_"),
        &|| head.contains("Reporting Owner Name / Address"),
        &|| head.contains("(Print or Type Responses)"),
    ];
    // Each marker looked for only while it can still decide: two found, or
    // too few left to make two.
    let mut found = 0;
    for (k, marker) in markers.iter().enumerate() {
        if found >= 2 || found + (markers.len() - k) < 2 {
            break;
        }
        found += usize::from(marker());
    }
    (found >= 2).then_some(
        "laid out like the older vendor print of the form (\"Edgar Filing:\" pages, __X__ check boxes, \"Reporting Owners\" table)",
    )
}

/// The parts of `text` holding one filing each (byte ranges, in order), for a
/// lossy representation. A new filing starts after the signatures of the
/// previous one, at the first line that is not the previous form's printed
/// trailer, when another "Name and Address of Reporting Person" follows.
pub fn split(text: &str, representation: Representation) -> Vec<std::ops::Range<usize>> {
    if representation == Representation::Html {
        return split_html(text);
    }
    // Both phrases are found by the `g` of "reporting" (a rare letter), in any case.
    let [marks, owners] = find_all_ignore_case(
        text,
        ["signature of reporting person", "name and address of reporting person"],
        b'g',
    );
    let mut starts = vec![0usize];
    for (k, &mark) in marks.iter().enumerate() {
        // Another filing follows when a "Name and Address" comes after this
        // signature block and before the next one.
        let next_mark = marks.get(k + 1).copied().unwrap_or(text.len());
        let Some(&owner) = owners.iter().find(|&&o| o > mark && o < next_mark) else { continue };
        let after_mark = text[mark..].find('\n').map_or(text.len(), |n| mark + n + 1);
        // Its first line that is not the previous form's printed trailer; the
        // "Name and Address" itself when it shares the signature's line.
        // (ASCII lower case keeps every byte offset.)
        let start = text
            .get(after_mark..owner)
            .map(str::to_ascii_lowercase)
            .and_then(|between| {
                crate::source::lines(&between)
                    .find(|(_, line)| {
                        let t = line.trim().trim_start_matches(['*', '#', '|', ' ', '\\']);
                        !t.is_empty() && !is_trailer(t)
                    })
                    .map(|(offset, _)| offset)
            })
            .map_or(owner, |offset| after_mark + offset);
        if starts.last().is_none_or(|&s| start > s) {
            starts.push(start);
        }
    }
    starts.iter().enumerate().map(|(k, &s)| s..starts.get(k + 1).copied().unwrap_or(text.len())).collect()
}

/// The starts of the non-overlapping occurrences of each of `needles`
/// (lower case) in `haystack` in any case, left to right (what
/// `match_indices` gives for each on the haystack lower-cased), in one pass.
/// The pass looks for the `anchor` letter in either case eight bytes a step
/// and compares a needle only where its last `anchor` would be: quick when
/// that letter is rare in the text. A needle without `anchor` is never found.
fn find_all_ignore_case<const N: usize>(haystack: &str, needles: [&str; N], anchor: u8) -> [Vec<usize>; N] {
    let bytes = haystack.as_bytes();
    // Where each needle's last anchor is in it.
    let offsets = needles.map(|n| n.bytes().rposition(|b| b == anchor));
    // A byte is a candidate when it is the anchor with bit 0x20 set: both
    // cases of a letter (and more for other bytes: the comparison decides).
    const CASE: u64 = u64::from_le_bytes([0x20; 8]);
    let anchor = anchor | 0x20;
    let mut out: [Vec<usize>; N] = std::array::from_fn(|_| Vec::new());
    // The earliest start of each needle's next occurrence (they do not overlap).
    let mut next = [0; N];
    let mut at = 0;
    loop {
        // Eight bytes a step, up to the first candidate.
        at = skip_unflagged(bytes, at, |w| byte_flags(w | CASE, anchor));
        let Some(&byte) = bytes.get(at) else { break };
        if byte | 0x20 == anchor {
            for (k, needle) in needles.iter().enumerate() {
                if let Some(start) = offsets[k].and_then(|offset| at.checked_sub(offset))
                    && start >= next[k]
                    && bytes
                        .get(start..start + needle.len())
                        .is_some_and(|h| h.eq_ignore_ascii_case(needle.as_bytes()))
                {
                    out[k].push(start);
                    next[k] = start + needle.len();
                }
            }
        }
        at += 1;
    }
    out
}

/// The printed text after the signatures (and page headers and footers).
fn is_trailer(lower: &str) -> bool {
    const TRAILER: [&str; 14] = [
        "date",
        "reminder:",
        "if the form is filed",
        "intentional misstatements",
        "note: file three copies",
        "persons who respond",
        "potential persons",
        "explanation of responses",
        "form 4:",
        "sec 1474",
        "https://",
        "edgar filing:",
        "if space is insufficient",
        "currently valid omb",
    ];
    TRAILER.iter().any(|m| lower.starts_with(m) || lower.contains(m))
        || lower.chars().all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
        || lower.starts_with("* ")
        || lower.starts_with("- *")
}

/// Several HTML pages one after the other: each `<html` (with the doctype
/// before it) starts one.
fn split_html(text: &str) -> Vec<std::ops::Range<usize>> {
    let lower = text.to_ascii_lowercase();
    let mut starts = vec![0usize];
    let mut from = match lower.find("<html") {
        Some(first) => first + 5,
        None => lower.len(),
    };
    while let Some(at) = lower[from..].find("<html") {
        let at = from + at;
        let start = lower[from..at].rfind("<!doctype").map_or(at, |d| from + d);
        starts.push(start);
        from = at + 5;
    }
    starts.iter().enumerate().map(|(k, &s)| s..starts.get(k + 1).copied().unwrap_or(text.len())).collect()
}

fn markdown_reason(head: &str) -> Option<String> {
    let (mut separators, mut pipe_rows) = (0usize, 0usize);
    for line in lines_with_pipes(head) {
        separators += usize::from(is_separator(line));
        pipe_rows += usize::from(is_pipe_row(line));
    }
    (separators >= 1 && pipe_rows >= 3)
        .then(|| format!("has Markdown pipe tables ({separators} header separators, {pipe_rows} table rows)"))
}

/// The lines of `head` (as [`str::lines`] gives them) that hold a `|`, the
/// only ones that can be a separator or a pipe row: found from one `|` to
/// the next, without looking at the other lines.
fn lines_with_pipes(head: &str) -> impl Iterator<Item = &str> {
    // The start of the line the search is in.
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + head.get(from..)?.find('|')?;
        let start = head[from..at].rfind('\n').map_or(from, |n| from + n + 1);
        let end = head[at..].find('\n').map_or(head.len(), |n| at + n);
        from = end + 1;
        // A line ending `\r\n` loses the `\r`, the last line (no `\n`) keeps it.
        let line = &head[start..end];
        Some(if end < head.len() { line.strip_suffix('\r').unwrap_or(line) } else { line })
    })
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
    use crate::source::first_flagged;

    #[test]
    fn a_byte_is_found_in_any_of_eight() {
        for at in 0..8 {
            for byte in [b'\\', b']', b'<', 0, 0xff] {
                let mut chunk = [b'a'; 8];
                chunk[at] = byte;
                assert_eq!(
                    first_flagged(byte_flags(u64::from_le_bytes(chunk), byte)),
                    Some(at),
                    "{byte} at {at}"
                );
                assert_eq!(byte_flags(u64::from_le_bytes([b'a'; 8]), byte), 0);
            }
        }
        // Bytes one above or below it, or with its high bit set, are not it.
        assert_eq!(byte_flags(u64::from_le_bytes(*b"[^;=\xdc\x5d\x5b\x5e"), b'\\'), 0);
        // Markup found wherever it stands against the eight-byte steps.
        for pad in 0..9 {
            let text = format!("{}\\$ \\_ <sup>1</sup> [a](b) <u>", " ".repeat(pad));
            assert_eq!(markdown_markup(&text), 5, "{pad}");
        }
    }

    #[test]
    fn lines_with_pipes_are_the_lines_holding_one() {
        for text in [
            "| a | b |\n|---|---|\r\nno pipe\n\nx | y\r\n",
            "no pipe at all\n",
            "|",
            "\n\n|\n",
            "last line | keeps its \r\r",
            "a || b\r\n| |\n c",
        ] {
            let want: Vec<&str> = text.lines().filter(|l| l.contains('|')).collect();
            assert_eq!(lines_with_pipes(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

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
    fn find_all_ignore_case_is_match_indices_on_lower_case() {
        let needles = ["name and address of reporting person", "signature of reporting person"];
        for hay in [
            "",
            "g",
            "é name and address of reporting person, NAME AND ADDRESS OF REPORTING PERSON",
            "name and address of reporting personame and address of Reporting Person gG",
            "reporting person name and address of reporting",
            "Ǧ name and address of reportinǦ person ǧ Signature of Reporting Person",
            "signature of reporting person name and address of reporting person",
        ] {
            let lower = hay.to_ascii_lowercase();
            let expected = needles.map(|n| lower.match_indices(n).map(|(i, _)| i).collect::<Vec<_>>());
            assert_eq!(find_all_ignore_case(hay, needles, b'g'), expected, "{hay:?}");
        }
        assert_eq!(find_all_ignore_case("abcaBC", ["bc", "ca"], b'c'), [vec![1, 4], vec![2]]);
        assert_eq!(find_all_ignore_case("a@b A`B a@b", ["a@b"], b'@'), [[0, 8]]);
        assert_eq!(find_all_ignore_case("aaaa", ["aa"], b'a'), [[0, 2]]);
        // A needle without the anchor is never found.
        assert_eq!(find_all_ignore_case("abc", ["abc", "b"], b'c'), [vec![0], vec![]]);
    }

    #[test]
    fn unrelated_text_is_unknown_with_a_reason() {
        let d = detect("hello world");
        assert_eq!(d.representation, Representation::Unknown);
        assert!(d.reasons[0].contains("Table I"));
    }
}
