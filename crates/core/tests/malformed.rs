//! Broken, hostile, huge and wrong inputs: each gets a clear diagnostic, never
//! a panic or a hang, and nothing the user gave is dropped silently.
//!
//! The committed cases are in `tests/fixtures/malformed/` (see its README for
//! the table of cases and what each must produce); the huge ones (deep
//! nesting, a million footnotes or columns, one giant line, beyond the size
//! limit) are generated here rather than committed. Positions were counted by
//! hand in the fixture files.

use filing_core::analysis::{self, Context};
use filing_core::detect::Representation;
use filing_core::diagnostic::{Code, Diagnostic, Severity};
use filing_core::model::{Filing, Table};
use filing_core::source::{Encoding, MAX_INPUT_BYTES};
use filing_core::{Input, Parsed, parse, parse_bytes};

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/malformed").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every diagnostic of the input, of its filings and of their analysis (what
/// the page shows), located as "line:column".
fn diagnostics(input: Option<&Input>, parsed: &Parsed) -> Vec<(Code, Severity, Option<String>, String)> {
    let analyses: Vec<Diagnostic> =
        parsed.filings.iter().flat_map(|f| analysis::analyze(f, &Context::default()).diagnostics).collect();
    let all =
        parsed.diagnostics.iter().chain(parsed.filings.iter().flat_map(|f| &f.diagnostics)).chain(&analyses);
    let locate = |d: &Diagnostic| d.span.and_then(|s| input.map(|i| i.line_col(s.start).to_string()));
    all.map(|d| (d.code, d.severity, locate(d), d.message.clone())).collect()
}

struct Case {
    file: &'static str,
    representation: Representation,
    code: Code,
    severity: Severity,
    /// Line:column of the diagnostic, where the input has one.
    at: Option<&'static str>,
    says: &'static str,
    filings: usize,
}

const CASES: &[Case] = &[
    Case {
        file: "truncated.xml",
        representation: Representation::Xml,
        code: Code::XmlMalformed,
        severity: Severity::Error,
        at: Some("22:17"),
        says: "a tag is not closed by '>'",
        filings: 0,
    },
    Case {
        file: "external-entity.xml",
        representation: Representation::Xml,
        code: Code::XmlDoctype,
        severity: Severity::Warning,
        at: Some("3:1"),
        says: "nothing is fetched",
        filings: 1,
    },
    Case {
        file: "quadratic-blowup.xml",
        representation: Representation::Xml,
        code: Code::XmlUnknownEntity,
        severity: Severity::Warning,
        at: Some("33:14"),
        says: "unknown entity &a; in <ownershipDocument/remarks>",
        filings: 1,
    },
    Case {
        file: "decimal-overflow.xml",
        representation: Representation::Xml,
        code: Code::NumberOutOfRange,
        severity: Severity::Error,
        at: Some("22:43"),
        says: "“123456789012345678901234567890123”: too many digits",
        filings: 1,
    },
    Case {
        file: "huge-values.xml",
        representation: Representation::Xml,
        code: Code::ImplausibleValue,
        severity: Severity::Warning,
        at: Some("22:43"),
        says: "79,228,162,514,264,337,593,543,950,335 is more than 100 billion",
        filings: 1,
    },
    Case {
        file: "cr-only.xml",
        representation: Representation::Xml,
        code: Code::InvalidValue,
        severity: Severity::Error,
        at: Some("23:50"),
        says: "“5.2.5”",
        filings: 1,
    },
    Case {
        file: "utf16le-bom.xml",
        representation: Representation::Xml,
        code: Code::EncodingNote,
        severity: Severity::Info,
        at: None,
        says: "decoded as UTF-16 little-endian",
        filings: 1,
    },
    Case {
        file: "utf16be-bom.xml",
        representation: Representation::Xml,
        code: Code::EncodingNote,
        severity: Severity::Info,
        at: None,
        says: "decoded as UTF-16 big-endian",
        filings: 1,
    },
    Case {
        file: "utf16le-no-bom.xml",
        representation: Representation::Xml,
        code: Code::EncodingNote,
        severity: Severity::Info,
        at: None,
        says: "decoded as UTF-16 little-endian",
        filings: 1,
    },
    Case {
        file: "utf16be-no-bom.xml",
        representation: Representation::Xml,
        code: Code::EncodingNote,
        severity: Severity::Info,
        at: None,
        says: "decoded as UTF-16 big-endian",
        filings: 1,
    },
    Case {
        file: "windows-1252.xml",
        representation: Representation::Xml,
        code: Code::EncodingNote,
        severity: Severity::Info,
        at: None,
        says: "decoded as Windows-1252",
        filings: 1,
    },
    Case {
        file: "binary.pdf",
        representation: Representation::Unknown,
        code: Code::DecodeFailed,
        severity: Severity::Error,
        at: None,
        says: "this is a PDF file, not text (binary byte at offset 51)",
        filings: 0,
    },
    Case {
        file: "empty.txt",
        representation: Representation::Unknown,
        code: Code::NotAFiling,
        severity: Severity::Error,
        at: Some("1:1"),
        says: "does not look like a Form 3, 4 or 5",
        filings: 0,
    },
    Case {
        file: "whitespace.txt",
        representation: Representation::Unknown,
        code: Code::NotAFiling,
        severity: Severity::Error,
        at: Some("1:1"),
        says: "does not look like a Form 3, 4 or 5",
        filings: 0,
    },
    Case {
        file: "wrong-html.html",
        representation: Representation::Unknown,
        code: Code::NotAFiling,
        severity: Severity::Error,
        at: Some("1:1"),
        says: "found none of the headings of a Form 3, 4 or 5",
        filings: 0,
    },
    Case {
        file: "wrong-10k.txt",
        representation: Representation::Unknown,
        code: Code::NotAFiling,
        severity: Severity::Error,
        at: Some("1:1"),
        says: "found none of the headings of a Form 3, 4 or 5",
        filings: 0,
    },
];

#[test]
fn every_malformed_fixture_gives_its_diagnostic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/malformed");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "README.md")
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|c| c.file.to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "every fixture in malformed/ has a case here, and every case a fixture");

    for case in CASES {
        let (input, parsed) = parse_bytes(&fixture(case.file));
        assert_eq!(parsed.detection.representation, case.representation, "{}", case.file);
        assert_eq!(parsed.filings.len(), case.filings, "{}: filings", case.file);
        let found = diagnostics(input.as_ref(), &parsed);
        let hit = found.iter().find(|(code, _, at, message)| {
            *code == case.code && at.as_deref() == case.at && message.contains(case.says)
        });
        let (_, severity, _, _) = hit.unwrap_or_else(|| {
            panic!("{}: no {} at {:?} saying {:?} in {found:#?}", case.file, case.code, case.at, case.says)
        });
        assert_eq!(*severity, case.severity, "{}", case.file);
    }
}

fn one_filing(name: &str) -> (Input, Filing) {
    let (input, parsed) = parse_bytes(&fixture(name));
    let input = input.unwrap_or_else(|| panic!("{name}: not decoded"));
    let filing = parsed.filings.into_iter().next().unwrap_or_else(|| panic!("{name}: no filing"));
    (input, filing)
}

#[test]
fn windows_unicode_and_1252_saves_read_the_same_names() {
    let cases = [
        ("utf16le-bom.xml", Encoding::Utf16Le),
        ("utf16be-bom.xml", Encoding::Utf16Be),
        ("utf16le-no-bom.xml", Encoding::Utf16Le),
        ("utf16be-no-bom.xml", Encoding::Utf16Be),
        ("windows-1252.xml", Encoding::Windows1252),
    ];
    for (name, encoding) in cases {
        let (input, filing) = one_filing(name);
        assert_eq!(input.encoding(), encoding, "{name}");
        let owner = filing.reporting_owners.first().unwrap();
        assert_eq!(owner.name.value.as_deref(), Some("Ångström Zoë"), "{name}");
        assert_eq!(filing.issuer.name.value.as_deref(), Some("Malformed Examples Inc"), "{name}");
    }
    let (_, filing) = one_filing("windows-1252.xml");
    assert_eq!(filing.remarks.value.as_deref(), Some("“Form 4” — 10b5-1 plan"));
}

#[test]
fn external_entities_are_kept_as_written_never_read_or_fetched() {
    let (input, filing) = one_filing("external-entity.xml");
    assert_eq!(filing.remarks.value.as_deref(), Some("&secret;&remote;"));
    let unknown: Vec<String> = filing
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::XmlUnknownEntity)
        .map(|d| input.line_col(d.span.unwrap().start).to_string())
        .collect();
    assert_eq!(unknown, ["34:14", "34:22"]);
}

#[test]
fn quadratic_blowup_is_not_expanded_and_every_reference_is_reported() {
    let (_, filing) = one_filing("quadratic-blowup.xml");
    assert_eq!(filing.remarks.value.as_deref(), Some("&a;".repeat(500).as_str()));
    assert_eq!(filing.diagnostics.iter().filter(|d| d.code == Code::XmlUnknownEntity).count(), 500);
}

#[test]
fn numbers_beyond_a_decimal_and_their_products_give_diagnostics_not_panics() {
    let (_, filing) = one_filing("decimal-overflow.xml");
    let row = &filing.non_derivative_table[0];
    assert_eq!(row.transaction_shares.value, None, "an unrepresentable number is not read as another");
    let analysis = analysis::analyze(&filing, &Context::default());
    assert!(analysis.rows[0].value.is_none());

    // 79228162514264337593543950335 is Decimal::MAX; times a price of 1000 it overflows.
    let (_, filing) = one_filing("huge-values.xml");
    let analysis = analysis::analyze(&filing, &Context::default());
    assert!(analysis.rows[0].value.is_none());
    let overflow = analysis.diagnostics.iter().find(|d| d.code == Code::ArithmeticOverflow).unwrap();
    assert!(overflow.message.contains("too large to compute exactly"), "{}", overflow.message);
    // Two such filings together (totals across filings) must not panic either.
    let batch = analysis::batch(&[filing.clone(), filing]);
    assert!(!batch.transactions.is_empty());
}

/// A small fictional Form 4 with `extra` in place of `MARK`.
fn xml_with(extra: &str) -> String {
    let text = String::from_utf8_lossy(&fixture("external-entity.xml")).into_owned();
    let (Some(start), Some(end)) = (text.find("<!DOCTYPE"), text.find("]>")) else {
        panic!("external-entity.xml has no DOCTYPE");
    };
    let text = format!("{}{}", &text[..start], &text[end + 3..]);
    text.replacen("<issuer>", &format!("{extra}<issuer>"), 1)
}

#[test]
fn deep_nesting_is_reported_not_a_stack_overflow() {
    let depth = 100_000;
    let text = xml_with(&format!("{}{}", "<x>".repeat(depth), "</x>".repeat(depth)));
    let parsed = parse(&Input::from_text(text));
    assert_eq!(parsed.filings.len(), 1);
    let filing = &parsed.filings[0];
    assert_eq!(filing.issuer.name.value.as_deref(), Some("Malformed Examples Inc"));
    assert!(
        filing
            .diagnostics
            .iter()
            .any(|d| d.code == Code::UnplacedContent && d.message.contains("<ownershipDocument/x>"))
    );

    let unclosed = xml_with(&"<x>".repeat(depth));
    let parsed = parse(&Input::from_text(unclosed));
    let malformed = parsed.diagnostics.iter().find(|d| d.code == Code::XmlMalformed).unwrap();
    assert!(malformed.message.contains("<x>"), "{}", malformed.message);

    let html =
        format!("<html><body>Table I{}{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
    let parsed = parse(&Input::from_text(html));
    assert_eq!(parsed.detection.representation, Representation::Html);
    let markdown = format!("## Table I\n{}x\n", "> ".repeat(depth));
    let _ = parse(&Input::from_text(markdown));
}

#[test]
fn a_million_footnotes_are_all_read() {
    let n = 1_000_000;
    let mut notes = String::from("<footnotes>");
    for i in 1..=n {
        notes.push_str(&format!("<footnote id=\"F{i}\">Note {i}.</footnote>"));
    }
    notes.push_str("</footnotes>");
    let text = xml_with("").replacen("<remarks>", &format!("{notes}<remarks>"), 1);
    let parsed = parse(&Input::from_text(text));
    let filing = &parsed.filings[0];
    assert_eq!(filing.footnotes.len(), n);
    assert_eq!(filing.footnotes[n - 1].text.value.as_deref(), Some("Note 1000000."));
    let analysis = analysis::analyze(filing, &Context::default());
    assert!(analysis.diagnostics.iter().filter(|d| d.code == Code::FootnoteUnused).count() <= n);
}

#[test]
fn a_million_columns_and_one_giant_line_end_in_diagnostics() {
    let lossy = String::from_utf8(
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text/example-form4.txt"),
        )
        .unwrap(),
    )
    .unwrap();
    let cells = vec!["1"; 1_000_000].join("\t");
    let wide = lossy.replacen("Table I", &format!("{cells}\nTable I"), 1);
    let parsed = parse(&Input::from_text(wide));
    assert_eq!(parsed.detection.representation, Representation::Text);
    assert_eq!(parsed.filings.len(), 1);
    assert!(!parsed.filings[0].non_derivative_table.is_empty());

    let html = format!(
        "<html><body><p>Table I</p><table><tr>{}</tr></table></body></html>",
        "<td>1</td>".repeat(1_000_000)
    );
    let parsed = parse(&Input::from_text(html));
    assert_eq!(parsed.detection.representation, Representation::Html);

    let giant = format!("Table I {}", "x".repeat(20_000_000));
    let parsed = parse(&Input::from_text(giant));
    assert!(parsed.filings.iter().all(|f| f.non_derivative_table.is_empty()));
    for filing in &parsed.filings {
        for table in [Table::NonDerivative, Table::Derivative] {
            assert!(filing.table(table).is_empty());
        }
    }
}

#[test]
fn inputs_beyond_the_limit_are_refused_with_the_limit_named() {
    let bytes = vec![b' '; MAX_INPUT_BYTES + 1];
    let (input, parsed) = parse_bytes(&bytes);
    assert!(input.is_none());
    assert!(parsed.filings.is_empty());
    let limit = format!("the limit is {} MiB", MAX_INPUT_BYTES / (1024 * 1024));
    assert!(parsed.diagnostics.iter().any(|d| d.code == Code::InputTooLarge && d.message.contains(&limit)));
}
