//! The repository's own full-submission fixtures (`tests/fixtures/submission/`):
//! fictional `.txt` submissions in both header dialects and every line ending,
//! and broken ones beside them. These run without `../shared`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

mod xml_support;

use filing_core::detect::Representation;
use filing_core::diagnostic::Code;
use filing_core::model::{FormType, PartyRole, TransactionCode};
use xml_support::{all_diagnostics, at, date, fixture, num, only, problems, the};

#[test]
fn archive_header_with_crlf_line_ends() {
    let (input, parsed) = fixture("submission/archive-crlf.txt");
    assert_eq!(parsed.detection.representation, Representation::Submission);
    assert!(input.text().contains("\r\n"));
    assert_eq!(problems(&parsed), Vec::<String>::new());
    let f = only(&parsed);
    assert_eq!(f.representation, Representation::Submission);
    assert_eq!(f.accession_number(), Some("0000000099-25-000001"));
    let sub = f.submission.as_ref().unwrap();
    assert_eq!(sub.submission_type.text(), "4");
    assert_eq!(num(&sub.public_document_count), "2");
    assert_eq!(sub.period_of_report.value, Some(date("2025-02-03")));
    assert_eq!(sub.filed_as_of_date.value, Some(date("2025-02-05")));
    assert_eq!(sub.date_as_of_change.value, Some(date("2025-02-05")));
    assert_eq!(sub.acceptance_datetime.text(), "20250205163015");

    let [owner, issuer] = &sub.parties[..] else { panic!("two parties: {:?}", sub.parties) };
    assert_eq!(owner.role, PartyRole::ReportingOwner);
    assert_eq!((owner.name.text(), owner.cik.text()), ("Sample Sam", "0000000081"));
    assert_eq!(owner.form_type.text(), "4");
    assert_eq!(owner.sec_act.text(), "1934 Act");
    assert_eq!(owner.file_number.text(), "000-00001");
    assert_eq!(owner.film_number.text(), "25000001");
    assert_eq!(owner.mail_address.street1.text(), "1 ENVELOPE ROAD");
    assert_eq!(owner.mail_address.zip.text(), "00000");
    assert_eq!(issuer.role, PartyRole::Issuer);
    assert_eq!(issuer.name.text(), "ENVELOPE EXAMPLE CORP");
    assert_eq!(issuer.standard_industrial_classification.text(), "SERVICES-PREPACKAGED SOFTWARE [7372]");
    assert_eq!(issuer.state_of_incorporation.text(), "DE");
    assert_eq!(issuer.fiscal_year_end.text(), "1231");
    assert_eq!(issuer.business_address.phone.text(), "5550100");
    assert_eq!(issuer.former_names.len(), 1);
    assert_eq!(issuer.former_names[0].name.text(), "ENVELOPE EXAMPLES INC");
    assert_eq!(issuer.former_names[0].date_changed.value, Some(date("2020-01-01")));

    let docs: Vec<_> =
        sub.documents.iter().map(|d| (d.document_type.text(), d.filename.text(), d.is_primary)).collect();
    assert_eq!(docs, [("4", "form4.xml", true), ("EX-24", "poa.txt", false)]);

    assert_eq!(f.document_type.value, Some(FormType::Form4));
    assert_eq!(f.issuer.name.text(), "Envelope Example Corp");
    assert_eq!(f.non_derivative_table[0].transaction_code.value, Some(TransactionCode::M));
    assert_eq!(num(&f.non_derivative_table[0].transaction_price_per_share), "4.50");
    // Spans of the embedded XML are spans of the whole input.
    assert_eq!(input.slice(f.non_derivative_table[0].transaction_shares.span.unwrap()), "2000");
}

#[test]
fn dissemination_header_with_bare_cr_line_ends() {
    let (input, parsed) = fixture("submission/dissemination-cr.txt");
    assert!(input.text().contains('\r') && !input.text().contains('\n'));
    assert_eq!(problems(&parsed), Vec::<String>::new());
    let f = only(&parsed);
    let sub = f.submission.as_ref().unwrap();
    assert_eq!(sub.accession_number.text(), "0000000099-25-000002");
    assert_eq!(sub.period_of_report.value, Some(date("2025-02-03")));
    assert_eq!(sub.filed_as_of_date.value, Some(date("2025-02-05")));
    assert_eq!(sub.parties[1].standard_industrial_classification.text(), "7372");
    assert_eq!(sub.parties[1].business_address.street1.text(), "1 ENVELOPE ROAD");
    assert_eq!(num(&f.non_derivative_table[0].shares_owned_following_transaction), "7000");
    // Line numbers count bare carriage returns.
    let shares = f.non_derivative_table[0].transaction_shares.span.unwrap();
    assert_eq!(input.line_col(shares.start).to_string(), "74:43");
}

#[test]
fn two_submissions_pasted_together_are_two_filings() {
    let (_, parsed) = fixture("submission/two-submissions.txt");
    assert_eq!(problems(&parsed), Vec::<String>::new());
    let got: Vec<_> = parsed
        .filings
        .iter()
        .map(|f| {
            (
                f.accession_number(),
                f.period_of_report.value,
                num(&f.non_derivative_table[0].transaction_shares),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some("0000000099-25-000003"), Some(date("2025-02-03")), "2000"),
            (Some("0000000099-25-000004"), Some(date("2025-02-10")), "500"),
        ]
    );
}

#[test]
fn paper_era_submission_has_no_xml_document() {
    let (input, parsed) = fixture("submission/paper-era.txt");
    assert!(parsed.filings.is_empty());
    let d = the(&parsed, Code::NoXmlDocument);
    assert_eq!(at(&input, d), "1:1");
    assert!(d.message.contains("0000000099-00-000001"), "{}", d.message);
    assert!(d.message.contains("documents: 4"), "{}", d.message);
}

#[test]
fn header_and_document_disagreeing_is_reported() {
    let (input, parsed) = fixture("submission/header-mismatch.txt");
    let mismatches: Vec<_> = all_diagnostics(&parsed)
        .into_iter()
        .filter(|d| d.code == Code::HeaderMismatch)
        .map(|d| (at(&input, d), d.message.clone()))
        .collect();
    assert_eq!(
        mismatches,
        [
            (
                "46:19".to_owned(),
                "the submission header gives the form type “4/A”, the document “4”".to_owned()
            ),
            (
                "49:20".to_owned(),
                "the submission header gives the issuer CIK “0000000088”, the document “0000000080”"
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn an_unclosed_xml_block_is_read_to_the_end_of_its_text() {
    let (input, parsed) = fixture("submission/unclosed-xml.txt");
    let d = the(&parsed, Code::SubmissionMalformed);
    assert_eq!(at(&input, d), "42:6");
    assert!(d.message.contains("not closed by </XML>"), "{}", d.message);
    assert_eq!(num(&only(&parsed).non_derivative_table[0].transaction_shares), "2000");
}

#[test]
fn a_stray_line_is_reported_not_dropped() {
    let (input, parsed) = fixture("submission/stray-line.txt");
    let d = the(&parsed, Code::UnplacedContent);
    assert_eq!(at(&input, d), "51:1");
    assert!(d.message.contains("“This line was pasted by mistake.”"), "{}", d.message);
    assert_eq!(only(&parsed).accession_number(), Some("0000000099-25-000001"));
}

#[test]
fn a_submission_cut_after_a_document_says_so() {
    let (input, _) = fixture("submission/archive-crlf.txt");
    let text = input.text();
    let cut = text.rfind("</SEC-DOCUMENT>").unwrap();
    let input = filing_core::Input::from_text(text[..cut].to_owned());
    let parsed = filing_core::parse(&input);
    let d = the(&parsed, Code::SubmissionMalformed);
    assert_eq!(d.severity, filing_core::diagnostic::Severity::Warning, "the filing itself is whole");
    assert_eq!(d.message, "the submission ends without </SEC-DOCUMENT>: the input may be cut off here");
    assert_eq!(at(&input, d), "115:12", "just after the last </DOCUMENT>");
    assert_eq!(parsed.filings.len(), 1);
}
