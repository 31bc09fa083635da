//! Text extracted from a PDF of the form (a browser's print of the EDGAR
//! page, or the older vendor print), with or without layout.
//!
//! - With layout (`pdftotext -layout`), the text keeps the page's columns as
//!   runs of spaces: [`layout`] rebuilds the header's boxes column by
//!   column and reads Tables I and II by the columns their headings stand
//!   over ([`table`]), however their cells wrap.
//!   The older vendor print's rows are read without the headings'
//!   positions, by the order and look of their cells ([`hanging`]).
//! - Without layout, the text comes in the PDF's drawing order, one cell
//!   per line: [`raw`] reads it.
//!
//! Page furniture — the browser's date and title line, the address and
//! page count at the foot, the vendor's "Edgar Filing:" headers and page
//! numbers — is skipped.
//!
//! Not supported: PDF text whose columns were re-flowed by the extractor
//! (a word per line), and scanned PDFs (no text at all).

pub(crate) mod boxes;
pub(crate) mod hanging;
pub(crate) mod layout;
pub(crate) mod memo;
pub(crate) mod raw;
pub(crate) mod raw_boxes;
pub(crate) mod raw_checks;
pub(crate) mod raw_interleaved;
pub(crate) mod raw_marks;
pub(crate) mod raw_notes;
pub(crate) mod raw_table;
pub(crate) mod raw_tail;
pub(crate) mod table;

use crate::detect::Representation;
use crate::repr::Output;
use crate::repr::cells::MarkStyle;
use crate::repr::form;

/// Parse PDF text holding one filing or several.
pub fn parse(text: &str) -> Output {
    let laid_out = is_laid_out(text);
    // The older print layout writes marks after a space: `Common Stock (1)`.
    let marks = if crate::detect::is_older_layout(text) { MarkStyle::Spaced } else { MarkStyle::Attached };
    // Without layout, the text's blocks, made once: a filing that is the
    // whole text reads them as they are.
    let blocks = if laid_out { Vec::new() } else { raw_table::blocks(text, 0) };
    let mut out = form::parse_all(text, Representation::PdfText, |part, base| {
        if laid_out {
            layout::grid(part, base, marks)
        } else if base == 0 && part.len() == text.len() {
            raw::grid(part, base, &blocks, marks)
        } else {
            raw::grid(part, base, &raw_table::blocks(part, base), marks)
        }
    });
    if !laid_out {
        for filing in &mut out.filings {
            raw::doubt_tables(filing);
            let (start, end) = (filing.span.start, filing.span.end);
            let from = blocks.partition_point(|b| b.lines.first().is_some_and(|l| l.span.start < start));
            let to = blocks.partition_point(|b| b.lines.first().is_some_and(|l| l.span.start < end));
            let own = &blocks[from..to.max(from)];
            raw_boxes::settle(filing, own);
            raw_tail::settle(filing, own);
            raw_notes::settle(filing, own);
        }
    }
    out
}

/// Whether the text keeps the page layout (columns as runs of spaces).
fn is_laid_out(text: &str) -> bool {
    let lines = text.lines().map(crate::source::trim).filter(|t| !t.is_empty()).take(400);
    let (mut wide, mut all) = (0, 0);
    for t in lines {
        all += 1;
        if has_wide_gap(t) {
            wide += 1;
        }
    }
    wide * 10 >= all.max(1)
}

/// Whether `text` has a run of five spaces.
fn has_wide_gap(text: &str) -> bool {
    let mut run = 0;
    for &b in text.as_bytes() {
        run = if b == b' ' { run + 1 } else { 0 };
        if run == 5 {
            return true;
        }
    }
    false
}

/// Whether a line is page furniture, not part of the form: the browser's
/// print header (`5/27/25, 10:55 AM … SEC FORM 4`), the page's address and
/// count (`https://www.sec.gov/… 1/2`), the vendor's `Edgar Filing:` header,
/// or a form feed.
pub(crate) fn is_furniture(line: &str) -> bool {
    // Most lines are told apart by their first character, when it is ASCII
    // (what the trimming below would leave first).
    let first = line.bytes().find(|b| !matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'));
    if first.is_none_or(|b| b.is_ascii() && !(b.is_ascii_digit() || b == b'h' || b == b'E')) {
        return false;
    }
    let t = line.trim().trim_start_matches('\u{c}').trim();
    if !t.starts_with(|c: char| c.is_ascii_digit() || c == 'h' || c == 'E') {
        return false;
    }
    t.starts_with("https://www.sec.gov/")
        || t.starts_with("http://www.sec.gov/")
        || t.starts_with("Edgar Filing:")
        || is_print_header(t)
}

/// `5/27/25, 10:55 AM` at the start of a line.
fn is_print_header(t: &str) -> bool {
    // The date is digits and slashes up to the first ", " (a line with
    // anything else before its first ", " has no date there).
    let end = t.bytes().position(|b| !(b.is_ascii_digit() || b == b'/')).unwrap_or(t.len());
    let (date, rest) = t.split_at(end);
    let Some(rest) = rest.strip_prefix(", ") else { return false };
    let mut parts = 0;
    date.split('/').all(|p| {
        parts += 1;
        !p.is_empty() && p.len() <= 4
    }) && parts == 3
        && rest.split_whitespace().nth(1).is_some_and(|ampm| ampm == "AM" || ampm == "PM")
}

/// Whether the trimmed line is a page number alone (`3`).
pub(crate) fn is_page_number(t: &str) -> bool {
    (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// A page count at the foot of a printed page: `1/3`.
pub(crate) fn is_page_count(t: &str) -> bool {
    // Two numbers of three digits at most and the slash (told before looking for the slash in a long line).
    if t.len() > 7 {
        return false;
    }
    let Some((a, b)) = t.split_once('/') else { return false };
    let digits = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    digits(a) && digits(b)
}

/// Whether the trimmed line is the page's title under the browser's print
/// header (`SEC FORM 4`), which text without layout puts on a line of its own.
pub(crate) fn is_print_title(t: &str) -> bool {
    t.strip_prefix("SEC FORM ").is_some_and(|n| matches!(n, "3" | "4" | "5"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_is_recognised() {
        assert!(is_furniture("5/27/25, 10:55 AM                    SEC FORM 4"));
        assert!(is_furniture("https://www.sec.gov/Archives/edgar/data/1/2/x.xml     1/2"));
        assert!(is_furniture("     Edgar Filing: LINKEDIN CORP - Form 4"));
        assert!(!is_furniture("  Common Stock(1)   05/24/2011   C"));
        assert!(!is_furniture("11/22/2013"));
        // The date is all that stands before the first ", ".
        assert!(is_print_header("12/1/2024, 9:05 PM SEC FORM 4"));
        assert!(!is_print_header("12/1/24 x, 9:05 PM") && !is_print_header("12/1, 9:05 PM"));
        assert!(!is_print_header("12/1/24,9:05 PM") && !is_print_header("1/2/3/4, 9:05 PM"));
        assert!(!is_print_header("12345/1/2, 9:05 PM") && !is_print_header("1//2, 9:05 PM"));
        assert!(is_page_number("3"));
        assert!(is_page_count("2/4") && !is_page_count("2/3/25"));
        assert!(is_page_count("100/999") && !is_page_count("100/1000") && !is_page_count("1/2 of the form"));
        assert!(is_print_title("SEC FORM 4") && !is_print_title("SEC Form 4"));
        assert!(!is_page_number("2,028"));
    }
}
