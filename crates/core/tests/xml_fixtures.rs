//! The repository's own XML fixtures (`tests/fixtures/xml/`): small, fictional
//! filings written from the v5.5 element list, each value checked against
//! what the fixture says; and malformed ones beside them, each with the
//! diagnostic it must produce (code, line:column, and what the message names
//! and quotes). These run without `../shared`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

mod xml_support;

use filing_core::detect::Representation;
use filing_core::diagnostic::{Code, Severity};
use filing_core::model::{AcquiredDisposed, DirectIndirect, FormType, RowKind, Timeliness, TransactionCode};
use rust_decimal::Decimal;
use xml_support::{all_diagnostics, at, date, fixture, notes, num, only, problems, the};

#[test]
fn form4_with_every_block_reads_each_value() {
    let (_, parsed) = fixture("xml/valid/form4-full.xml");
    assert_eq!(parsed.detection.representation, Representation::Xml);
    assert_eq!(problems(&parsed), Vec::<String>::new());
    let f = only(&parsed);
    assert_eq!(f.schema_version.text(), "X0508");
    assert_eq!(f.document_type.value, Some(FormType::Form4));
    assert_eq!(f.period_of_report.value, Some(date("2024-03-15")));
    assert_eq!(f.not_subject_to_section16.value, Some(false));
    assert_eq!(f.aff10b5_one.value, Some(true));
    assert_eq!(f.issuer.cik.text(), "0000000001");
    assert_eq!(f.issuer.name.text(), "Fictional Fixture Corp & Sons", "&amp; is resolved");
    assert_eq!(f.issuer.trading_symbol.text(), "FFXC");
    assert_eq!(f.issuer.foreign_trading_symbol.text(), "FFX.L");

    assert_eq!(f.reporting_owners.len(), 2);
    let doe = &f.reporting_owners[0];
    assert_eq!((doe.cik.text(), doe.name.text()), ("0000000002", "Doe Jane Q"));
    assert_eq!(doe.address.street1.text(), "1 Example Way");
    assert_eq!(doe.address.street2.text(), "Suite 100");
    assert_eq!((doe.address.city.text(), doe.address.state.text()), ("Springfield", "ZZ"));
    assert_eq!(doe.address.zip_code.text(), "00000");
    assert_eq!(doe.is_director.value, Some(true));
    assert_eq!(doe.is_officer.value, Some(true), "`true` is a flag");
    assert_eq!(doe.is_ten_percent_owner.value, Some(false));
    assert_eq!(doe.is_other.value, Some(false), "`false` is a flag");
    assert_eq!(doe.officer_title.text(), "Chief Example Officer");
    let roe = &f.reporting_owners[1];
    assert_eq!(roe.address.non_us_address_flag.value, Some(true));
    assert_eq!(roe.address.non_us_state_territory.text(), "Imaginary Province");
    assert_eq!(roe.address.country.text(), "X1");
    assert_eq!(roe.address.zip_code.text(), "ZZ9 9ZZ");
    assert_eq!(roe.is_director.value, None, "absent flags stay unknown");
    assert_eq!(roe.is_ten_percent_owner.value, Some(true));
    assert_eq!(roe.other_text.text(), "Member of a 13(d) group");

    assert_eq!(f.non_derivative_table.len(), 2);
    let sale = &f.non_derivative_table[0];
    assert_eq!(sale.kind, RowKind::Transaction);
    assert_eq!(sale.security_title.text(), "Common Stock");
    assert_eq!(sale.transaction_date.value, Some(date("2024-03-13")));
    assert_eq!(sale.deemed_execution_date.value, Some(date("2024-03-14")));
    assert_eq!(sale.transaction_form_type.text(), "4");
    assert_eq!(sale.transaction_code.value, Some(TransactionCode::S));
    assert_eq!(notes(&sale.transaction_code), ["F1"], "the footnote of transactionCoding");
    assert_eq!(sale.equity_swap_involved.value, Some(false));
    assert_eq!(sale.transaction_timeliness.value, Some(Timeliness::Late));
    assert_eq!(num(&sale.transaction_shares), "1500");
    assert!(sale.transaction_price_per_share.is_footnote_only(), "empty <value/> with a footnote");
    assert_eq!(notes(&sale.transaction_price_per_share), ["F2"]);
    assert_eq!(sale.transaction_acquired_disposed_code.value, Some(AcquiredDisposed::Disposed));
    assert_eq!(num(&sale.shares_owned_following_transaction), "10250.00", "decimals keep their text");
    assert_eq!(sale.shares_owned_following_transaction.decimal(), Some(Decimal::new(10250, 0)));
    assert_eq!(sale.direct_or_indirect_ownership.value, Some(DirectIndirect::Direct));
    let held = &f.non_derivative_table[1];
    assert_eq!(held.kind, RowKind::Holding);
    assert_eq!(num(&held.shares_owned_following_transaction), ".5");
    assert_eq!(held.shares_owned_following_transaction.decimal(), Some(Decimal::new(5, 1)));
    assert_eq!(notes(&held.shares_owned_following_transaction), ["F3"]);
    assert_eq!(held.direct_or_indirect_ownership.value, Some(DirectIndirect::Indirect));
    assert_eq!(held.nature_of_ownership.text(), "By Example Family Trust");

    assert_eq!(f.derivative_table.len(), 2);
    let units = &f.derivative_table[0];
    assert_eq!(units.security_title.text(), "Phantom Units");
    assert!(units.conversion_or_exercise_price.is_footnote_only(), "only a footnoteId, no <value>");
    assert_eq!(notes(&units.conversion_or_exercise_price), ["F4"]);
    assert_eq!(units.transaction_code.value, Some(TransactionCode::A));
    assert_eq!(units.equity_swap_involved.value, Some(false));
    assert_eq!(num(&units.transaction_shares), "", "total value instead of shares");
    assert_eq!(num(&units.transaction_total_value), "25000.75");
    assert_eq!(num(&units.transaction_price_per_share), "0");
    assert!(units.exercise_date.is_footnote_only());
    assert_eq!(units.expiration_date.value, Some(date("2030-12-31")));
    assert_eq!(units.underlying_security_title.text(), "Common Stock");
    assert_eq!(num(&units.underlying_security_value), "25000.75");
    assert_eq!(num(&units.value_owned_following_transaction), "50001.50");
    let option = &f.derivative_table[1];
    assert_eq!(option.kind, RowKind::Holding);
    assert_eq!(num(&option.conversion_or_exercise_price), "12.3456");
    assert_eq!(option.exercise_date.value, Some(date("2025-01-01")));
    assert_eq!(option.expiration_date.value, Some(date("2034-01-01")));
    assert_eq!(num(&option.underlying_security_shares), "4000");
    assert_eq!(num(&option.shares_owned_following_transaction), "4000");

    let footnotes: Vec<(&str, &str)> = f.footnotes.iter().map(|n| (n.id.as_str(), n.text.text())).collect();
    assert_eq!(
        footnotes,
        [
            ("F1", "Sold under a Rule 10b5-1 trading plan adopted on January 2, 2024."),
            (
                "F2",
                "Sold in several trades at prices from $10.00 to $10.50;\n            the weighted average is given on request."
            ),
            ("F3", "Held by the Example Family Trust <revocable>."),
            ("F4", "Each phantom unit is worth one share of Common Stock."),
        ]
    );
    assert_eq!(f.remarks.text(), "Fictional filing for tests; not a real person or company.");
    let signatures: Vec<(&str, _)> = f.signatures.iter().map(|s| (s.name.text(), s.date.value)).collect();
    assert_eq!(
        signatures,
        [
            ("/s/ Jane Q. Doe", Some(date("2024-03-15"))),
            ("/s/ Richard Roe, for Roe Holdings Ltd", Some(date("2024-03-16")))
        ]
    );
}

#[test]
fn spans_point_at_the_text_of_each_value() {
    let (input, parsed) = fixture("xml/valid/form4-full.xml");
    let f = only(&parsed);
    let slice = |span: Option<filing_core::source::Span>| input.slice(span.unwrap());
    assert_eq!(slice(f.period_of_report.span), "2024-03-15");
    assert_eq!(slice(f.issuer.name.span), "Fictional Fixture Corp &amp; Sons");
    assert_eq!(slice(f.non_derivative_table[0].transaction_shares.span), "1500");
    // A value given only by footnote points at its empty <value/>.
    assert_eq!(slice(f.non_derivative_table[0].transaction_price_per_share.span), "<value/>");
    assert_eq!(
        input.line_col(f.non_derivative_table[0].transaction_shares.span.unwrap().start).to_string(),
        "76:28"
    );
}

#[test]
fn form3_in_an_old_schema_with_derivative_holdings() {
    let (_, parsed) = fixture("xml/valid/form3-old-schema.xml");
    assert_eq!(problems(&parsed), Vec::<String>::new());
    let f = only(&parsed);
    assert_eq!(f.schema_version.text(), "X0203");
    assert_eq!(f.document_type.value, Some(FormType::Form3));
    assert_eq!(f.no_securities_owned.value, Some(false));
    assert_eq!(f.aff10b5_one.value, None, "no aff10b5One before 2023");
    let owner = &f.reporting_owners[0];
    assert_eq!(owner.address.street2.value, None, "an empty element is no value");
    assert_eq!(owner.address.state.text(), "A0", "a foreign location code in the state field");
    assert_eq!(owner.address.state_description.text(), "ALBERTA, CANADA");
    assert_eq!(owner.officer_title.text(), "VP, Imaginary Products");
    assert_eq!(f.non_derivative_table.len(), 1);
    assert_eq!(f.non_derivative_table[0].security_title.text(), "Common Stock, par value $0.001");
    assert_eq!(num(&f.non_derivative_table[0].shares_owned_following_transaction), "0");
    assert_eq!(notes(&f.non_derivative_table[0].shares_owned_following_transaction), ["F1"]);
    let [option, preferred] = &f.derivative_table[..] else { panic!("two derivative holdings") };
    assert_eq!((option.kind, preferred.kind), (RowKind::Holding, RowKind::Holding));
    assert_eq!(num(&option.conversion_or_exercise_price), "3.05");
    assert!(option.exercise_date.is_footnote_only());
    assert_eq!(option.expiration_date.value, Some(date("2019-05-31")));
    assert_eq!(num(&option.underlying_security_shares), "60000");
    assert_eq!(num(&option.shares_owned_following_transaction), "", "not given in this holding");
    assert!(preferred.conversion_or_exercise_price.is_footnote_only(), "<value></value> with a footnote");
    assert!(preferred.expiration_date.is_footnote_only());
    assert_eq!(preferred.nature_of_ownership.text(), "By spouse");
    assert_eq!(f.signatures[0].date.value, Some(date("2009-07-02")));
}

#[test]
fn form5_reads_its_flags_and_the_coding_of_a_holding() {
    let (_, parsed) = fixture("xml/valid/form5-annual.xml");
    assert_eq!(problems(&parsed), Vec::<String>::new());
    let f = only(&parsed);
    assert_eq!(f.document_type.value, Some(FormType::Form5));
    assert_eq!(f.form3_holdings_reported.value, Some(false));
    assert_eq!(f.form4_transactions_reported.value, Some(true));
    let gift = &f.non_derivative_table[0];
    assert_eq!(gift.transaction_form_type.text(), "5");
    assert_eq!(gift.transaction_code.value, Some(TransactionCode::G));
    assert_eq!(gift.transaction_timeliness.value, None, "an empty timeliness value");
    assert_eq!(num(&gift.transaction_shares), "300");
    let holding = &f.non_derivative_table[1];
    assert_eq!(holding.kind, RowKind::Holding);
    assert_eq!(holding.transaction_form_type.text(), "4");
    assert_eq!(notes(&holding.transaction_form_type), ["F1"], "a holding's coding footnote");
    assert_eq!(holding.nature_of_ownership.text(), "By 401(k) Plan");
    assert_eq!(notes(&holding.nature_of_ownership), ["F2"]);
}

#[test]
fn amendment_with_true_false_flags_and_remarks() {
    let (_, parsed) = fixture("xml/valid/form4a-amendment.xml");
    assert_eq!(problems(&parsed), Vec::<String>::new());
    let f = only(&parsed);
    assert_eq!(f.document_type.value, Some(FormType::Form4A));
    assert_eq!(f.date_of_original_submission.value, Some(date("2025-05-05")));
    assert_eq!(f.aff10b5_one.value, Some(false));
    let owner = &f.reporting_owners[0];
    assert_eq!((owner.is_director.value, owner.is_officer.value), (Some(false), Some(true)));
    let row = &f.non_derivative_table[0];
    assert_eq!(row.transaction_code.value, Some(TransactionCode::F));
    assert_eq!(num(&row.transaction_price_per_share), "27.1300");
    assert_eq!(num(&row.shares_owned_following_transaction), "5089.00");
    assert_eq!(
        f.remarks.text(),
        "Chief Hypothetical Officer. This amendment corrects the number of units withheld."
    );
}

#[test]
fn namespace_prefixes_are_read_through() {
    let (_, parsed) = fixture("xml/valid/namespaced.xml");
    assert_eq!(problems(&parsed), Vec::<String>::new());
    let f = only(&parsed);
    assert_eq!(f.issuer.cik.text(), "0000000040");
    assert_eq!(f.reporting_owners[0].is_director.value, Some(true));
    assert_eq!(f.signatures[0].name.text(), "Prefix Pat");
}

#[test]
fn two_documents_pasted_together_are_two_filings() {
    let (_, parsed) = fixture("xml/valid/two-documents.xml");
    assert_eq!(problems(&parsed), Vec::<String>::new());
    let forms: Vec<_> = parsed.filings.iter().map(|f| (f.document_type.value, f.issuer.cik.text())).collect();
    assert_eq!(forms, [(Some(FormType::Form4), "0000000050"), (Some(FormType::Form3), "0000000052")]);
    assert_eq!(parsed.filings[1].no_securities_owned.value, Some(true));
    assert_eq!(parsed.filings[1].reporting_owners[0].other_text.text(), "Trustee");
}

#[test]
fn filer_constructed_submission_is_decoded_and_parsed() {
    let (input, parsed) = fixture("xml/valid/edgar-submission.xml");
    assert_eq!(parsed.detection.representation, Representation::Xml);
    assert_eq!(problems(&parsed), Vec::<String>::new());
    let f = only(&parsed);
    assert_eq!(f.issuer.name.text(), "Sample Mime Industries");
    assert_eq!(f.reporting_owners[0].ccc.text(), "x#abc123");
    assert_eq!(f.reporting_owners[0].officer_title.text(), "Treasurer");
    let row = &f.non_derivative_table[0];
    assert_eq!(row.transaction_code.value, Some(TransactionCode::P));
    assert_eq!(num(&row.transaction_price_per_share), "8.125");
    assert_eq!(num(&row.shares_owned_following_transaction), "1250");

    let sub = f.submission.as_ref().expect("the envelope");
    assert_eq!(sub.submission_type.text(), "4");
    assert_eq!(sub.test_or_live.text(), "TEST");
    assert_eq!(sub.contact_name.text(), "Fixture Contact");
    assert_eq!(sub.contact_phone_number.text(), "555-0100");
    assert_eq!(sub.contact_email_address.text(), "contact@example.invalid");
    let notify: Vec<&str> = sub.notification_email_addresses.iter().map(|a| a.text()).collect();
    assert_eq!(notify, ["one@example.invalid", "two@example.invalid"]);
    let docs: Vec<_> = sub
        .documents
        .iter()
        .map(|d| (d.filename.text(), d.document_type.text(), d.description.text(), d.is_primary))
        .collect();
    assert_eq!(docs, [("cover.txt", "COVER", "", false), ("primary.xml", "4", "Primary Document", true)]);
    // Values decoded from base64 have no place in the input: every span is the mime block's.
    let block = input.slice(row.transaction_shares.span.unwrap());
    assert!(block.starts_with("PD94bWwg"), "span of the block, not of the value: {block:.20}");
    assert_eq!(row.transaction_shares.span, f.issuer.cik.span);
}

#[test]
fn valid_fixtures_have_nothing_unplaced() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xml/valid");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let (_, parsed) = xml_support::parse_file(&path, &std::fs::read(&path).unwrap());
        assert!(!parsed.filings.is_empty(), "{}", path.display());
        assert_eq!(problems(&parsed), Vec::<String>::new(), "{}", path.display());
        assert!(
            all_diagnostics(&parsed).iter().all(|d| d.code != Code::UnplacedContent),
            "{}",
            path.display()
        );
        count += 1;
    }
    assert_eq!(count, 7);
}

/// One malformed fixture and the diagnostic it must produce.
struct Case {
    file: &'static str,
    code: Code,
    at: &'static str,
    says: &'static [&'static str],
    filings: usize,
}

const MALFORMED: &[Case] = &[
    Case {
        file: "unclosed-tag.xml",
        code: Code::XmlMalformed,
        at: "31:1",
        says: &["inside <remarks>", "</ownershipDocument>", "<remarks> (opened at line 29:5)"],
        filings: 0,
    },
    Case {
        file: "mismatched-tag.xml",
        code: Code::XmlMalformed,
        at: "8:43",
        says: &["the closing tag </issuerNam>", "<issuerName> (opened at line 8:9)"],
        filings: 0,
    },
    Case {
        file: "truncated.xml",
        code: Code::XmlMalformed,
        at: "22:1",
        says: &[
            "ends inside <transactionAmounts> (opened at line 20:13)",
            "</transactionAmounts> is missing",
        ],
        filings: 0,
    },
    Case {
        file: "bad-number.xml",
        code: Code::InvalidValue,
        at: "21:43",
        says: &[
            "<ownershipDocument/nonDerivativeTable/nonDerivativeTransaction/transactionAmounts/transactionShares>",
            "a decimal number",
            "“1O0”",
        ],
        filings: 1,
    },
    Case {
        file: "bad-date.xml",
        code: Code::InvalidValue,
        at: "5:21",
        says: &["<ownershipDocument/periodOfReport>", "YYYY-MM-DD", "“2024-02-30”"],
        filings: 1,
    },
    Case {
        file: "bad-flag.xml",
        code: Code::InvalidValue,
        at: "13:49",
        says: &["reportingOwnerRelationship/isDirector>", "a flag", "“2”"],
        filings: 1,
    },
    Case {
        file: "bad-code.xml",
        code: Code::InvalidValue,
        at: "19:93",
        says: &["transactionCoding/transactionCode>", "20 transaction codes", "“Q”"],
        filings: 1,
    },
    Case {
        file: "thousands-separator.xml",
        code: Code::NonStandardValue,
        at: "25:77",
        says: &["sharesOwnedFollowingTransaction>", "“1,100”", "thousands separators"],
        filings: 1,
    },
    Case {
        file: "unknown-element.xml",
        code: Code::UnplacedContent,
        at: "10:9",
        says: &["element <ownershipDocument/issuer/issuerWebsite>", "https://example.invalid"],
        filings: 1,
    },
    Case {
        file: "unknown-attribute.xml",
        code: Code::UnplacedContent,
        at: "6:5",
        says: &["attribute kind of <ownershipDocument/issuer>", "“primary”"],
        filings: 1,
    },
    Case {
        file: "unknown-entity.xml",
        code: Code::XmlUnknownEntity,
        at: "8:30",
        says: &["&nbsp;", "<ownershipDocument/issuer/issuerName>", "kept as written"],
        filings: 1,
    },
    Case {
        file: "bare-ampersand.xml",
        code: Code::NonStandardValue,
        at: "8:31",
        says: &["a bare &", "<ownershipDocument/issuer/issuerName>"],
        filings: 1,
    },
    Case {
        file: "billion-laughs.xml",
        code: Code::XmlUnknownEntity,
        at: "35:14",
        says: &["&lol9;", "<ownershipDocument/remarks>"],
        filings: 1,
    },
    Case {
        file: "duplicate-element.xml",
        code: Code::DuplicateElement,
        at: "6:5",
        says: &["<ownershipDocument/periodOfReport> appears more than once", "2024-01-30"],
        filings: 1,
    },
    Case {
        file: "missing-issuer-cik.xml",
        code: Code::MissingElement,
        at: "3:1",
        says: &["<issuer/issuerCik>"],
        filings: 1,
    },
    Case {
        file: "wrong-root.xml",
        code: Code::XmlWrongRoot,
        at: "3:1",
        says: &["<form4> is not an ownership document"],
        filings: 0,
    },
    Case {
        file: "text-between-documents.xml",
        code: Code::UnplacedContent,
        at: "31:1",
        says: &["text outside the XML document", "“--- next filing ---”"],
        filings: 2,
    },
    Case {
        file: "edgar-submission-bad-base64.xml",
        code: Code::MimeBlockInvalid,
        at: "27:23",
        says: &["<documentMimeBlock> of primary.xml", "not valid base64", "“*”"],
        filings: 0,
    },
    Case {
        file: "edgar-submission-bad-value.xml",
        code: Code::InvalidValue,
        at: "25:13",
        says: &[
            "postTransactionAmounts/sharesOwnedFollowingTransaction>",
            "“abc”",
            "in primary.xml, decoded from base64, at its line 36:57",
        ],
        filings: 1,
    },
];

#[test]
fn malformed_fixtures_give_their_diagnostic() {
    for case in MALFORMED {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/xml/invalid")
            .join(case.file);
        let input = filing_core::Input::from_bytes(&std::fs::read(&path).unwrap()).unwrap();
        // Read as XML whatever detection says (a wrong root is not recognised as ownership XML).
        let parsed = filing_core::parse_as(&input, Representation::Xml);
        let d = the(&parsed, case.code);
        assert_eq!(at(&input, d), case.at, "{}: {d:?}", case.file);
        for fragment in case.says {
            assert!(
                d.message.contains(fragment),
                "{}: {:?} does not contain {fragment:?}",
                case.file,
                d.message
            );
        }
        assert_eq!(d.severity, case.code.default_severity(), "{}", case.file);
        assert_eq!(parsed.filings.len(), case.filings, "{}", case.file);
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xml/invalid");
    assert_eq!(
        std::fs::read_dir(dir).unwrap().count(),
        MALFORMED.len(),
        "every malformed fixture has a case"
    );
}

#[test]
fn malformed_values_are_left_empty_not_guessed() {
    let (_, parsed) = fixture("xml/invalid/bad-number.xml");
    let row = &only(&parsed).non_derivative_table[0];
    assert_eq!(row.transaction_shares.value, None);
    assert!(row.transaction_shares.span.is_some(), "the bad text is still located");
    let (_, parsed) = fixture("xml/invalid/thousands-separator.xml");
    let row = &only(&parsed).non_derivative_table[0];
    assert_eq!(row.shares_owned_following_transaction.decimal(), Some(Decimal::new(1100, 0)));
    let (_, parsed) = fixture("xml/invalid/duplicate-element.xml");
    assert_eq!(only(&parsed).period_of_report.value, Some(date("2024-01-31")), "the first copy is used");
    let (_, parsed) = fixture("xml/invalid/unknown-entity.xml");
    assert_eq!(only(&parsed).issuer.name.text(), "Malformed&nbsp;Examples Inc");
    let (_, parsed) = fixture("xml/invalid/bare-ampersand.xml");
    assert_eq!(only(&parsed).issuer.name.text(), "Malformed & Examples Inc");
    let (_, parsed) = fixture("xml/invalid/billion-laughs.xml");
    assert_eq!(only(&parsed).remarks.text(), "&lol9;", "never expanded");
    assert_eq!(the(&parsed, Code::XmlDoctype).severity, Severity::Warning);
}

#[test]
fn whitespace_between_references_is_kept() {
    let xml = "<ownershipDocument><remarks> A &amp; &amp;\r\n B &#233; </remarks></ownershipDocument>";
    let out = filing_core::repr::xml::parse(xml, 0..xml.len());
    assert_eq!(out.filings[0].remarks.text(), "A & &\n B é");
}

#[test]
fn every_truncation_gives_a_diagnostic_not_a_panic() {
    // Every byte of the Form 4; every fifth of the others (the test stays quick).
    for (fixture_name, step) in [
        ("xml/valid/form4-full.xml", 1),
        ("xml/valid/edgar-submission.xml", 5),
        ("submission/archive-crlf.txt", 5),
    ] {
        let (input, _) = fixture(fixture_name);
        let text = input.text();
        let whole = filing_core::parse(&input).filings.len();
        for end in (0..text.len()).step_by(step).filter(|&i| text.is_char_boundary(i)) {
            let parsed = filing_core::parse(&filing_core::Input::from_text(text[..end].to_owned()));
            // A cut-off input never reads as if it were whole: a filing is
            // missing, or a diagnostic says where it stops.
            let complete = parsed.filings.len() == whole && problems(&parsed).is_empty();
            assert!(!complete || end >= text.trim_end().len(), "{fixture_name} cut at {end} looks complete");
        }
    }
}

#[test]
fn deep_nesting_is_reported_not_recursed_into() {
    let n = 100_000;
    let xml = format!(
        "<ownershipDocument><reportingOwner>{}{}</reportingOwner></ownershipDocument>",
        "<reportingOwnerId>".repeat(n),
        "</reportingOwnerId>".repeat(n)
    );
    let out = filing_core::repr::xml::parse(&xml, 0..xml.len());
    let f = &out.filings[0];
    let unplaced: Vec<_> = f.diagnostics.iter().filter(|d| d.code == Code::UnplacedContent).collect();
    assert_eq!(unplaced.len(), 1, "the too-deep copy is reported once, then skipped");
    assert!(unplaced[0].message.contains("reportingOwnerId/reportingOwnerId"), "{}", unplaced[0].message);
}
