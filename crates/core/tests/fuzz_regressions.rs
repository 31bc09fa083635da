//! Inputs that crashed or hung a parser under fuzzing (or the fuzz bodies over
//! their seeds), each named after what it was. Every one must now end in
//! filings and diagnostics.

use filing_core::repr;
use filing_core::{Input, parse, parse_as, parse_bytes};

fn crash(name: &str) -> Vec<u8> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-crashes").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn label_decoration_check_cut_a_multibyte_character() {
    // header::extend_forward compared the bytes after a label with "(month/day/year)"
    // by slicing 16 bytes, which can end inside a character ("⁽" is 3 bytes).
    let text = "<p>Issuer Name ⁽¹⁾⁽¹⁾⁽¹⁾⁽¹⁾⁽¹⁾⁽¹⁾ Example Widgets</p>";
    let _ = repr::html::parse(text);
    let _ = repr::text::parse("1. Issuer Name ⁽¹⁾⁽¹⁾⁽¹⁾⁽¹⁾⁽¹⁾⁽¹⁾\nExample Widgets\nTable I\n");
    // Found as: the Markdown fixture read as an HTML page (the user's Read-as override).
    let markdown = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markdown/example-form4.md"),
    )
    .unwrap();
    let parsed = parse_as(&Input::from_text(markdown.clone()), filing_core::detect::Representation::Html);
    assert!(!parsed.filings.is_empty());
    assert_eq!(parse(&Input::from_text(markdown)).filings.len(), 1);
}

#[test]
fn table_two_heading_before_table_one_sliced_the_lines_backwards() {
    // form::read ended Table I at Table II's heading even when that came first
    // (lines[33..16]). Found by the pipeline target: a Markdown paste whose
    // Table II heading was moved above Table I.
    let (_, parsed) = parse_bytes(&crash("table-two-before-table-one.md"));
    assert_eq!(parsed.filings.len(), 1);
    // Its Table I rows are still read: two tab-separated Common Stock rows
    // (11/22/2013, M and S) and three from the Markdown table (03/04/2024 M,
    // S, and the holding by spouse).
    assert_eq!(parsed.filings[0].non_derivative_table.len(), 5);
}

#[test]
fn footnote_wrapped_over_many_lines_was_joined_quadratically() {
    // notes::footnotes copied the whole footnote for every line it wraps over
    // (found by benches/big.rs: 1 MB of footnote lines took 5 s). 100,000
    // wrapped lines would take hours that way; now they are one pass.
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text/example-form4.txt"),
    )
    .unwrap();
    let at = text.find("Remarks:").unwrap();
    let wrapped = "and so on\n".repeat(100_000);
    let parsed = parse(&Input::from_text(format!("{}{wrapped}{}", &text[..at], &text[at..])));
    let filing = &parsed.filings[0];
    let last = filing.footnotes.last().unwrap().text.value.as_deref().unwrap();
    assert!(last.ends_with(" and so on and so on"), "{}", &last[last.len() - 40..]);
    assert_eq!(last.matches("and so on").count(), 100_000);
}

#[test]
fn signature_label_check_cut_a_multibyte_character() {
    // pdf::layout compared the last 22 bytes of a segment with "signature of
    // reporting" by slicing the string, inside a 3-byte character here. Found
    // by the pdf_text target.
    let text = String::from_utf8_lossy(&crash("signature-label-after-multibyte.txt")).into_owned();
    let parsed = repr::pdf::parse(&text);
    assert!(parsed.filings.len() <= 1);
}

#[test]
fn box_label_check_cut_a_multibyte_character() {
    // pdf::boxes took a segment for a numbered box label ("1. Name and
    // Address") by slicing bytes 1..3, inside a character when a digit is
    // followed by a multibyte one (here invalid bytes, decoded as U+FFFD).
    // Found by the pdf_text target.
    let text = String::from_utf8_lossy(&crash("box-label-digit-before-multibyte.txt")).into_owned();
    assert!(text.contains("0\u{fffd}"));
    let parsed = repr::pdf::parse(&text);
    assert!(parsed.filings.len() <= 1);
}

#[test]
fn name_and_address_on_the_signature_line_sliced_the_split_backwards() {
    // detect::split looked for the next filing's first line between the end of
    // the signature's line and the next "Name and Address of Reporting
    // Person", which can stand on that same line (lower[1128..1076]). Found by
    // the markdown and pdf_text targets: a PDF page whose lines were run together.
    let filing = "1. Name and Address of Reporting Person*\nDoe Jane Q\n2. Issuer Name and Ticker or Trading Symbol\nExample Widgets Inc [EXW]\n";
    let text = format!(
        "{filing}/s/ Jane Q. Doe 03/05/2024\n** Signature of Reporting Person Date Reminder: 1. Name and Address of Reporting Person*\n{filing}"
    );
    let parts = filing_core::detect::split(&text, filing_core::detect::Representation::PdfText);
    // Two filings: the second starts at its own "Name and Address" on the signature line.
    assert_eq!(parts.len(), 2, "{parts:?}");
    assert!(
        text[parts[1].clone()].starts_with("Name and Address of Reporting Person*"),
        "{:?}",
        &text[parts[1].clone()]
    );
    let _ = parse(&Input::from_text(text));
}
