//! One fictional Form 4 (Example Widgets Inc, reporting person Jane Q Doe),
//! written for these tests in each lossy rendering under
//! `tests/fixtures/<rendering>/`: the EDGAR page's HTML, the text copied from
//! it, Markdown of it, PDF text with layout, and the older vendor print as
//! copied text. Every rendering must give the same facts, listed here once
//! as a person reads them; what a rendering cannot show is checked to be
//! flagged (inferred, uncertain or missing), never presented as read.

use filing_core::detect::{Representation, detect};
use filing_core::diagnostic::Code;
use filing_core::model::{
    AcquiredDisposed, Date, DirectIndirect, Field, Filing, FootnoteId, FormType, InferenceRule, Num, Origin,
    RowKind, TransactionCode,
};
use filing_core::{Input, parse};

fn fixture(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn read(path: &str, representation: Representation) -> (Input, Filing) {
    let input = Input::from_text(fixture(path));
    let parsed = parse(&input);
    assert_eq!(parsed.detection.representation, representation, "{path}: {:?}", parsed.detection);
    assert_eq!(parsed.filings.len(), 1, "{path}");
    let filing = parsed.filings.into_iter().next().unwrap_or_else(|| panic!("{path}: no filing"));
    (input, filing)
}

fn date(y: i32, m: u32, d: u32) -> Option<Date> {
    Date::from_ymd(y, m, d)
}

fn num(field: &Field<Num>) -> Option<String> {
    field.decimal().map(|d| d.normalize().to_string())
}

fn notes(ids: &[u32]) -> Vec<FootnoteId> {
    ids.iter().map(|&n| FootnoteId::numbered(n)).collect()
}

/// What rendering-specific allowances a check makes.
struct Shows {
    /// EDGAR company links with CIKs.
    ciks: bool,
    /// The Rule 10b5-1 box (the older print has none).
    plan_box: bool,
    /// Which of Table II's (A) and (D) columns holds an amount.
    amount_columns: bool,
}

/// The facts of the fictional filing, as a person reads them.
fn facts(path: &str, input: &Input, f: &Filing, shows: &Shows) {
    assert_eq!(f.document_type.value, Some(FormType::Form4), "{path}");
    assert_eq!(f.issuer.name.text(), "Example Widgets Inc", "{path}");
    assert_eq!(f.issuer.trading_symbol.text(), "EXWG", "{path}");
    assert_eq!(f.period_of_report.value, date(2024, 3, 4), "{path}");
    let span = f.period_of_report.span.unwrap_or_else(|| panic!("{path}: period without a span"));
    assert!(input.slice(span).contains("03/04/2024"), "{path}: {:?}", input.slice(span));
    assert_eq!(f.date_of_original_submission.value, None, "{path}");
    assert_eq!(f.not_subject_to_section16.value, Some(false), "{path}");
    if shows.plan_box {
        assert_eq!(f.aff10b5_one.value, Some(true), "{path}");
    } else {
        assert_eq!(f.aff10b5_one.origin, Origin::Missing, "{path}");
    }
    if shows.ciks {
        assert_eq!(f.issuer.cik.text(), "0009999990", "{path}");
    }

    assert_eq!(f.reporting_owners.len(), 1, "{path}");
    let o = &f.reporting_owners[0];
    assert_eq!(o.name.text(), "Doe Jane Q", "{path}");
    if shows.ciks {
        assert_eq!(o.cik.text(), "0009999991", "{path}");
    }
    assert_eq!(o.address.street1.text(), "C/O EXAMPLE WIDGETS INC", "{path}");
    assert_eq!(o.address.street2.text(), "100 MAIN STREET", "{path}");
    assert_eq!(o.address.city.text(), "SPRINGFIELD", "{path}");
    assert_eq!(o.address.state.text(), "IL", "{path}");
    assert_eq!(o.address.zip_code.text(), "62701", "{path}");
    assert_eq!(o.is_director.value, Some(true), "{path}");
    assert_eq!(o.is_officer.value, Some(true), "{path}");
    assert_eq!(o.is_ten_percent_owner.value, Some(false), "{path}");
    assert_eq!(o.is_other.value, Some(false), "{path}");
    assert_eq!(o.officer_title.text(), "Chief Executive Officer", "{path}");

    let t1 = &f.non_derivative_table;
    assert_eq!(t1.len(), 3, "{path}");
    let (buy, sale, held) = (&t1[0], &t1[1], &t1[2]);
    for row in [buy, sale] {
        assert_eq!(row.kind, RowKind::Transaction, "{path}");
        assert_eq!(row.security_title.text(), "Common Stock", "{path}");
        assert_eq!(row.transaction_date.value, date(2024, 3, 4), "{path}");
        assert_eq!(num(&row.transaction_shares).as_deref(), Some("5000"), "{path}");
        assert_eq!(row.transaction_shares.origin, Origin::Read, "{path}");
        assert_eq!(row.direct_or_indirect_ownership.value, Some(DirectIndirect::Direct), "{path}");
        // Never printed: inferred, and said so.
        assert_eq!(
            row.transaction_form_type.origin,
            Origin::Inferred(InferenceRule::DocumentFormType),
            "{path}"
        );
        assert_eq!(
            row.equity_swap_involved.origin,
            Origin::Inferred(InferenceRule::RenderingDefault),
            "{path}"
        );
        assert_eq!(row.transaction_timeliness.origin, Origin::Missing, "{path}");
    }
    assert_eq!(buy.transaction_code.value, Some(TransactionCode::M), "{path}");
    assert_eq!(buy.transaction_acquired_disposed_code.value, Some(AcquiredDisposed::Acquired), "{path}");
    assert_eq!(num(&buy.transaction_price_per_share).as_deref(), Some("10"), "{path}");
    assert_eq!(num(&buy.shares_owned_following_transaction).as_deref(), Some("15000"), "{path}");
    assert_eq!(sale.transaction_code.value, Some(TransactionCode::S), "{path}");
    assert_eq!(sale.transaction_code.footnotes, notes(&[1]), "{path}");
    assert_eq!(sale.transaction_acquired_disposed_code.value, Some(AcquiredDisposed::Disposed), "{path}");
    assert_eq!(num(&sale.transaction_price_per_share).as_deref(), Some("25.5"), "{path}");
    assert_eq!(sale.transaction_price_per_share.footnotes, notes(&[2]), "{path}");
    assert_eq!(num(&sale.shares_owned_following_transaction).as_deref(), Some("10000"), "{path}");
    assert_eq!(held.kind, RowKind::Holding, "{path}");
    assert_eq!(num(&held.shares_owned_following_transaction).as_deref(), Some("2500"), "{path}");
    assert_eq!(held.direct_or_indirect_ownership.value, Some(DirectIndirect::Indirect), "{path}");
    assert_eq!(held.nature_of_ownership.text(), "By Spouse", "{path}");
    assert_eq!(held.nature_of_ownership.footnotes, notes(&[3]), "{path}");

    assert_eq!(f.derivative_table.len(), 1, "{path}");
    let d = &f.derivative_table[0];
    assert_eq!(d.security_title.text(), "Stock Option (Right to Buy)", "{path}");
    assert_eq!(num(&d.conversion_or_exercise_price).as_deref(), Some("10"), "{path}");
    assert_eq!(d.transaction_code.value, Some(TransactionCode::M), "{path}");
    assert_eq!(num(&d.transaction_shares).as_deref(), Some("5000"), "{path}");
    assert_eq!(d.transaction_acquired_disposed_code.value, Some(AcquiredDisposed::Disposed), "{path}");
    let direction = d.transaction_acquired_disposed_code.origin;
    if shows.amount_columns {
        assert_eq!(direction, Origin::Read, "{path}");
    } else {
        assert_eq!(direction, Origin::Inferred(InferenceRule::CodeUsualDirection), "{path}");
    }
    assert_eq!(d.exercise_date.value, None, "{path}");
    assert_eq!(d.exercise_date.footnotes, notes(&[4]), "{path}");
    assert_eq!(d.expiration_date.value, date(2030, 1, 15), "{path}");
    assert_eq!(d.underlying_security_title.text(), "Common Stock", "{path}");
    assert_eq!(num(&d.underlying_security_shares).as_deref(), Some("5000"), "{path}");
    assert_eq!(num(&d.transaction_price_per_share).as_deref(), Some("0"), "{path}");
    assert_eq!(num(&d.shares_owned_following_transaction).as_deref(), Some("20000"), "{path}");
    assert_eq!(d.direct_or_indirect_ownership.value, Some(DirectIndirect::Direct), "{path}");

    let ids: Vec<&str> = f.footnotes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["F1", "F2", "F3", "F4"], "{path}");
    assert!(f.footnotes[0].text.text().ends_with("This is a fictional filing written for tests."), "{path}");
    assert_eq!(
        f.footnotes[1].text.text(),
        "The price is a weighted average of sales between $25.25 and $25.75.",
        "{path}"
    );
    assert_eq!(f.footnotes[2].text.text(), "Held by the reporting person's spouse.", "{path}");
    assert_eq!(f.remarks.text(), "Fictional filing written for the tests of Filing Inspector.", "{path}");
    assert_eq!(f.signatures.len(), 1, "{path}");
    assert_eq!(f.signatures[0].name.text(), "/s/ Jane Q. Doe", "{path}");
    assert_eq!(f.signatures[0].date.value, date(2024, 3, 5), "{path}");
    let unplaced: Vec<_> = f.diagnostics.iter().filter(|d| d.code == Code::UnplacedContent).collect();
    assert!(unplaced.is_empty(), "{path}: {unplaced:?}");
}

const EDGAR: Shows = Shows { ciks: false, plan_box: true, amount_columns: true };

#[test]
fn edgar_page_html() {
    let (input, f) = read("html/example-form4.html", Representation::Html);
    facts("html", &input, &f, &Shows { ciks: true, ..EDGAR });
}

#[test]
fn copied_text() {
    let (input, f) = read("text/example-form4.txt", Representation::Text);
    facts("text", &input, &f, &EDGAR);
}

#[test]
fn markdown_of_the_page() {
    let (input, f) = read("markdown/example-form4.md", Representation::Markdown);
    facts("markdown", &input, &f, &Shows { ciks: true, ..EDGAR });
}

#[test]
fn pdf_text_with_layout() {
    let (input, f) = read("pdftext/example-form4.txt", Representation::PdfText);
    facts("pdftext", &input, &f, &EDGAR);
}

#[test]
fn older_print_as_copied_text() {
    let (input, f) = read("text-legacy/example-form4.txt", Representation::Text);
    facts("text-legacy", &input, &f, &Shows { ciks: false, plan_box: false, amount_columns: false });
    assert!(detect(input.text()).reasons.iter().any(|r| r.contains("older vendor print")));
}

#[test]
fn older_print_as_pdf_text() {
    // Table I only; two owners in the Reporting Owners table, their marks on the name line.
    let (_, f) = read("pdftext-legacy/example-form4.txt", Representation::PdfText);
    assert_eq!(f.issuer.name.text(), "Example Widgets Inc");
    assert_eq!(f.issuer.trading_symbol.text(), "EXWG");
    assert_eq!(f.period_of_report.value, date(2024, 3, 4));
    let t1 = &f.non_derivative_table;
    assert_eq!(t1.len(), 3);
    let (buy, sale, held) = (&t1[0], &t1[1], &t1[2]);
    assert_eq!(buy.security_title.text(), "Common Stock");
    assert_eq!(buy.transaction_code.value, Some(TransactionCode::M));
    assert_eq!(num(&buy.transaction_price_per_share).as_deref(), Some("10"));
    assert_eq!(num(&buy.shares_owned_following_transaction).as_deref(), Some("15000"));
    // The price wrapped onto a line of its own, under its `$`.
    assert_eq!(sale.transaction_code.value, Some(TransactionCode::S));
    assert_eq!(sale.transaction_code.footnotes, notes(&[1]));
    assert_eq!(num(&sale.transaction_shares).as_deref(), Some("5000"));
    assert_eq!(num(&sale.transaction_price_per_share).as_deref(), Some("25.5"));
    assert_eq!(sale.transaction_price_per_share.footnotes, notes(&[2]));
    assert_eq!(sale.transaction_price_per_share.origin, Origin::Read);
    assert_eq!(num(&sale.shares_owned_following_transaction).as_deref(), Some("10000"));
    assert_eq!(held.kind, RowKind::Holding);
    assert_eq!(num(&held.shares_owned_following_transaction).as_deref(), Some("2500"));
    assert_eq!(held.nature_of_ownership.text(), "By Spouse");
    assert_eq!(held.nature_of_ownership.footnotes, notes(&[3]));

    assert_eq!(f.reporting_owners.len(), 2);
    let (jane, trust) = (&f.reporting_owners[0], &f.reporting_owners[1]);
    assert_eq!(jane.name.text(), "Doe Jane Q");
    assert_eq!(jane.is_director.value, Some(true));
    assert_eq!(jane.is_officer.value, Some(true));
    assert_eq!(jane.officer_title.text(), "CEO");
    assert_eq!(trust.name.text(), "Example Family Trust");
    assert_eq!(trust.address.street1.text(), "200 ELM STREET");
    assert_eq!(trust.address.city.text(), "SPRINGFIELD");
    assert_eq!(trust.address.zip_code.text(), "62702");
    assert_eq!(trust.is_director.value, Some(false));
    assert_eq!(trust.is_ten_percent_owner.value, Some(true));
    assert_eq!(f.signatures.len(), 1);
    assert_eq!(f.signatures[0].name.text(), "/s/ Jane Q. Doe");
    assert_eq!(f.signatures[0].date.value, date(2024, 3, 5));
    let ids: Vec<&str> = f.footnotes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["F1", "F2", "F3"]);
    assert_eq!(f.footnotes[2].text.text(), "Held by the reporting person's spouse.");
}

#[test]
fn markdown_of_a_pdf_the_header_relationships_go_to_the_first_owner_listed() {
    // The fictional Form 4 above filed jointly: the owners listed again after
    // the tables (as the SEC's print lists every reporting person), with the
    // header's name box as read given as `header`.
    let joint = |header: &str| {
        let owner = |name: &str, street: &str| {
            format!(
                "1. Name and Address of Reporting Person*\n{name}\n| (Last) |     | (First) |     | (Middle) |\n| ------ | --- | ------- | --- | -------- |\n{street}\n(Street)\n| SPRINGFIELD |     | IL      |     | 62701 |\n| ----------- | --- | ------- | --- | ----- |\n| (City)      |     | (State) |     | (Zip) |\n"
            )
        };
        let owners = owner("Doe Jane Q", "100 MAIN STREET") + &owner("Roe John", "200 ELM STREET");
        let text = fixture("markdown/pdf-form4.md")
            .replacen("\nDoe Jane Q\n", &format!("\n{header}\n"), 1)
            .replacen("Explanation of Responses:", &format!("{owners}Explanation of Responses:"), 1);
        let parsed = parse(&Input::from_text(text));
        assert_eq!(parsed.filings.len(), 1);
        parsed.filings.into_iter().next().map(|f| f.reporting_owners).unwrap_or_default()
    };
    let names = |owners: &[filing_core::model::ReportingOwner]| {
        owners.iter().map(|o| o.name.text().to_owned()).collect::<Vec<_>>()
    };
    // The header names the first owner listed: it takes the header's boxes.
    let owners = joint("Doe Jane Q");
    assert_eq!(names(&owners), ["Doe Jane Q", "Roe John"]);
    assert_eq!(owners[0].is_director.value, Some(true));
    assert_eq!(owners[1].is_director.origin, Origin::Missing);
    // The header's name box misread (here a name none of the listed has):
    // the boxes are still the first reporting person's.
    let owners = joint("Doe Jane");
    assert_eq!(names(&owners), ["Doe Jane Q", "Roe John"]);
    assert_eq!(owners[0].is_director.value, Some(true));
    assert_eq!(owners[1].is_director.origin, Origin::Missing);
    // The header names the second owner listed: whose boxes they are is not
    // known, so no owner takes them.
    let owners = joint("Roe John");
    assert_eq!(names(&owners), ["Doe Jane Q", "Roe John"]);
    assert!(owners.iter().all(|o| o.is_director.origin == Origin::Missing));
}

#[test]
fn markdown_of_a_pdf() {
    // Markdown a converter made from a PDF of a fictional Form 4 (written for
    // this test): the header's boxes scattered over pipe rows and lines of
    // text, a transaction code on a line of its own below its row.
    let (_, f) = read("markdown/pdf-form4.md", Representation::Markdown);
    // The issuer's name is a cell of its own, ending with the ticker, on the
    // line after its label: whole, so read.
    assert_eq!(f.issuer.name.text(), "Example Widgets Inc");
    assert_eq!(f.issuer.name.origin, Origin::Read);
    assert_eq!(f.issuer.trading_symbol.text(), "EXWG");
    // The period's date is not next to its label, but it is the header's only date.
    assert_eq!(f.period_of_report.value, date(2024, 3, 4));
    assert_eq!(f.period_of_report.origin, Origin::Read);
    // The owner's name is a line of its own below its label's line (only the
    // issuer's box between), with nothing wrapped below it: read. So are the
    // street lines, each a line of its own: no officer's title or other text
    // is printed (the relationships are settled), so no other box's free text
    // lies among them, and the second, a street number short enough to have
    // fitted on the first line, is no piece of it wrapped.
    let o = &f.reporting_owners[0];
    assert_eq!(o.name.text(), "Doe Jane Q");
    assert_eq!(o.name.origin, Origin::Read);
    assert_eq!(o.address.street1.text(), "C/O EXAMPLE WIDGETS INC");
    assert_eq!(o.address.street1.origin, Origin::Read);
    assert_eq!(o.address.street2.text(), "100 MAIN STREET");
    assert_eq!(o.address.street2.origin, Origin::Read);
    // The city, state and zip are cells of their own on one row: read.
    let a = &o.address;
    assert_eq!((a.city.text(), a.state.text(), a.zip_code.text()), ("SPRINGFIELD", "IL", "62701"));
    assert!([&a.city, &a.state, &a.zip_code].iter().all(|f| f.origin == Origin::Read));
    // Every mark stands in a cell with its box's label: the relationships are read.
    assert_eq!((o.is_director.value, o.is_director.origin), (Some(true), Origin::Read));
    assert_eq!((o.is_officer.value, o.is_officer.origin), (Some(false), Origin::Read));

    let t1 = &f.non_derivative_table;
    assert_eq!(t1.len(), 3);
    // The second row lost its code to the line below; the third row shows
    // its own, so the `S` can only be the second row's: joined to it, and
    // every row is read (issue 4).
    assert_eq!(t1[0].transaction_shares.origin, Origin::Read);
    assert_eq!(t1[1].transaction_code.value, Some(TransactionCode::S));
    assert_eq!(t1[1].transaction_code.origin, Origin::Read);
    assert_eq!(t1[1].transaction_shares.origin, Origin::Read);
    let last = &t1[2];
    assert_eq!(num(&last.transaction_shares).as_deref(), Some("3000"));
    assert_eq!(last.transaction_shares.origin, Origin::Read);
    assert_eq!(last.transaction_code.value, Some(TransactionCode::S));
    assert_eq!(last.transaction_code.origin, Origin::Read);
    assert_eq!(num(&last.shares_owned_following_transaction).as_deref(), Some("9000"));
    assert_eq!(last.shares_owned_following_transaction.origin, Origin::Read);
    assert_eq!(last.security_title.origin, Origin::Read);
}

#[test]
fn pdf_text_without_layout() {
    // The fictional Form 4's Table I in drawing order: a block per cell, row after row.
    let (_, f) = read("pdfraw/example-form4.txt", Representation::PdfText);
    assert_eq!(f.issuer.name.text(), "Example Widgets Inc");
    let t1 = &f.non_derivative_table;
    assert_eq!(t1.len(), 2);
    let (buy, sale) = (&t1[0], &t1[1]);
    assert_eq!(buy.security_title.text(), "Common Stock");
    assert_eq!(buy.transaction_date.value, date(2024, 3, 4));
    assert_eq!(buy.transaction_code.value, Some(TransactionCode::P));
    assert_eq!(num(&buy.transaction_shares).as_deref(), Some("5000"));
    assert_eq!(buy.transaction_acquired_disposed_code.value, Some(AcquiredDisposed::Acquired));
    assert_eq!(num(&buy.transaction_price_per_share).as_deref(), Some("10"));
    assert_eq!(num(&buy.shares_owned_following_transaction).as_deref(), Some("15000"));
    assert_eq!(buy.direct_or_indirect_ownership.value, Some(DirectIndirect::Direct));
    assert_eq!(sale.transaction_code.value, Some(TransactionCode::S));
    assert_eq!(sale.transaction_code.footnotes, notes(&[1]));
    assert_eq!(num(&sale.transaction_price_per_share).as_deref(), Some("25.5"));
    assert_eq!(sale.transaction_price_per_share.footnotes, notes(&[2]));
    assert_eq!(num(&sale.shares_owned_following_transaction).as_deref(), Some("10000"));
    // The owner's boxes interleave in drawing order, but the name is drawn
    // with its label under it: read.
    let o = &f.reporting_owners[0];
    assert_eq!(o.name.text(), "Doe Jane Q");
    assert_eq!(o.name.origin, Origin::Read);
    assert!(o.address.state.text() == "IL" || !o.address.state.origin.is_read());
    // The footnotes stop where the signature's blocks start.
    let ids: Vec<&str> = f.footnotes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["F1", "F2"]);
    assert_eq!(
        f.footnotes[1].text.text(),
        "The price is a weighted average of sales between $25.25 and $25.75."
    );
    assert_eq!(f.signatures.len(), 1);
    assert_eq!(f.signatures[0].name.text(), "/s/ Jane Q. Doe");
    assert_eq!(f.signatures[0].date.value, date(2024, 3, 5));
}

#[test]
fn two_filings_in_one_paste_are_split() {
    let input = Input::from_text(fixture("text/two-filings.txt"));
    let parsed = parse(&input);
    let names: Vec<&str> = parsed.filings.iter().map(|f| f.reporting_owners[0].name.text()).collect();
    assert_eq!(names, ["Doe Jane Q", "Roe Richard"]);
    assert!(parsed.diagnostics.iter().any(|d| d.code == Code::SeveralFilings));
    assert_eq!(parsed.filings[1].signatures[0].name.text(), "/s/ Richard Roe");
    // Each filing's spans point into its own part of the input.
    assert!(parsed.filings[1].span.start > parsed.filings[0].span.start);
    let second = parsed.filings[1].reporting_owners[0].name.span.unwrap_or_default();
    assert_eq!(input.slice(second), "Roe Richard");
}

#[test]
fn text_that_is_no_form_is_refused_with_a_reason() {
    let input = Input::from_text(fixture("invalid/not-a-form.txt"));
    let parsed = parse(&input);
    assert_eq!(parsed.detection.representation, Representation::Unknown);
    assert!(parsed.filings.is_empty());
    assert!(parsed.diagnostics.iter().any(|d| d.code == Code::NotAFiling));
}

#[test]
fn a_form_cut_off_before_its_tables_says_so() {
    let input = Input::from_text(fixture("invalid/truncated-form4.txt"));
    let parsed = parse(&input);
    let f = &parsed.filings[0];
    assert_eq!(f.issuer.name.text(), "Example Widgets Inc");
    assert!(f.non_derivative_table.is_empty() && f.derivative_table.is_empty());
    let missing = f.diagnostics.iter().filter(|d| d.code == Code::SectionMissing).count();
    assert_eq!(missing, 2, "{:?}", f.diagnostics);
}
