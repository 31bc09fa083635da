use super::*;
use crate::model::{Date, FormType, Origin};
use crate::repr::pdf::raw_table::blocks;

/// A fictional header as drawn: the boxes interleaved, the name with its
/// label, the city, state and zip just before `(City)`.
const HEADER: &str = "2. Issuer Name and Ticker or Trading Symbol\n\n\
Roe Jane Q\n(First)\n\n1. Name and Address of Reporting Person*\n\n(Last)\n\n\
X\n\nDirector\n\n3. Date of Earliest Transaction (Month/Day/Year)\n\n02/03/2024\n\n\
4. If Amendment, Date of Original Filed (Month/Day/Year)\n(Street)\n\n\
SPRINGFIELD\n\nIL\n\n62701-1234\n\n(City)\n\n(State)\n\n(Zip)\n\n\
Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n";

fn filing(form: FormType) -> Filing {
    let owner = ReportingOwner {
        name: Field { origin: Origin::Uncertain, ..Field::default() },
        ..ReportingOwner::default()
    };
    Filing {
        document_type: Field::read(form, Span::new(0, 1)),
        reporting_owners: vec![owner],
        period_of_report: Field::missing(),
        ..Filing::default()
    }
}

#[test]
fn the_name_city_state_and_zip_are_settled_by_their_boxes() {
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(HEADER, 0));
    let owner = &f.reporting_owners[0];
    assert_eq!(owner.name.value.as_deref(), Some("Roe Jane Q"));
    assert_eq!(owner.name.origin, Origin::Read);
    assert_eq!(owner.address.city.value.as_deref(), Some("SPRINGFIELD"));
    assert_eq!(owner.address.state.value.as_deref(), Some("IL"));
    assert_eq!(owner.address.zip_code.value.as_deref(), Some("62701-1234"));
    let span = owner.address.zip_code.span.unwrap_or_default();
    assert_eq!(&HEADER[span.range()], "62701-1234");
    assert_eq!(f.period_of_report.value, Date::from_ymd(2024, 2, 3));
    assert_eq!(f.period_of_report.origin, Origin::Read);
}

#[test]
fn an_amendment_header_has_two_dates_and_settles_none() {
    let mut f = filing(FormType::Form4A);
    settle(&mut f, &blocks(HEADER, 0));
    assert_eq!(f.period_of_report.origin, Origin::Missing);
    let two = HEADER.replace("(Street)\n", "(Street)\n\n01/05/2024\n");
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(&two, 0));
    assert_eq!(f.period_of_report.origin, Origin::Missing, "two dates: which is the period is not known");
}

#[test]
fn the_city_and_state_on_one_line_are_split() {
    let text = "MENLO PARK CA\n\n94025\n\n(City)\n";
    let boxes = find(&blocks(text, 0));
    let [city, state, zip] = &boxes.places[0].0;
    assert_eq!((city.text.as_str(), state.text.as_str(), zip.text.as_str()), ("MENLO PARK", "CA", "94025"));
    assert_eq!(&text[state.span.range()], "CA");
}

#[test]
fn labels_and_marks_are_no_values() {
    // A check mark drawn with the name's label, a label before the state.
    let text = "X\n(Last)\n\n4. If Amendment (Street)\n\nCA\n\n94025\n\n(City)\n";
    let boxes = find(&blocks(text, 0));
    assert!(boxes.names.is_empty());
    assert!(boxes.places.is_empty());
    assert!(is_label("2A. Deemed"));
    assert!(!is_label("3M Holdings"));
    assert!(!is_zip("9402"));
}

#[test]
fn a_later_owner_is_settled_where_the_reader_found_it() {
    let text = "Doe John\n(Last)\n\nSMITH & CO\nHOLDINGS LLC\n(Last)\n";
    let b = blocks(text, 0);
    let mut f = filing(FormType::Form4);
    let mut second = ReportingOwner::default();
    let at = text.find("SMITH").unwrap_or_default();
    second.name = Field::read("SMITH & CO".to_owned(), Span::new(at, at + 10));
    f.reporting_owners.push(second);
    settle(&mut f, &b);
    assert_eq!(f.reporting_owners[1].name.value.as_deref(), Some("SMITH & CO HOLDINGS LLC"));
}

#[test]
fn a_mark_drawn_away_from_both_check_boxes_is_in_doubt() {
    // Fictional: the mark drawn before both boxes' labels.
    let text = "Washington, D.C. 20549\n\nX\n\nCheck this box if no longer subject to\nSection 16.\n\n\
Check this box to indicate that a transaction was made pursuant to a\ncontract that is intended to satisfy the\n\
affirmative defense conditions of Rule 10b5-1(c). See Instruction 10.\n";
    let mut f = filing(FormType::Form4);
    f.not_subject_to_section16 = Field::read(true, Span::new(24, 25));
    f.aff10b5_one = Field::read(false, Span::new(24, 25));
    settle(&mut f, &blocks(text, 0));
    assert_eq!(f.not_subject_to_section16.origin, Origin::Uncertain);
    assert_eq!(f.aff10b5_one.origin, Origin::Uncertain);
    // No mark: both unchecked, as read.
    let mut f = filing(FormType::Form4);
    f.not_subject_to_section16 = Field::read(false, Span::new(0, 1));
    f.aff10b5_one = Field::read(false, Span::new(0, 1));
    settle(&mut f, &blocks(&text.replace("X\n", ""), 0));
    assert_eq!(f.aff10b5_one.origin, Origin::Read);
    // Two marks in the header, a relationship's and the joint filing
    // box's: neither check box is checked, whatever the reader took the
    // first mark for. A third mark may be either box's.
    let boxes = "\n\nDirector\n10% Owner\n\n6. Individual or Joint/Group Filing\nX Form filed by One Reporting Person\n";
    let two = format!("{text}{boxes}");
    let mut f = filing(FormType::Form4);
    f.not_subject_to_section16 = Field::read(true, Span::new(24, 25));
    f.aff10b5_one = Field::read(false, Span::new(24, 25));
    settle(&mut f, &blocks(&two, 0));
    assert_eq!(f.not_subject_to_section16.value, Some(false));
    assert_eq!(f.not_subject_to_section16.origin, Origin::Read);
    assert_eq!(f.aff10b5_one.origin, Origin::Read);
    let three = two.replace("Director", "X\nDirector");
    f.not_subject_to_section16 = Field::read(true, Span::new(24, 25));
    settle(&mut f, &blocks(&three, 0));
    assert_eq!(f.not_subject_to_section16.origin, Origin::Uncertain);
}

#[test]
fn the_headers_one_zip_code_and_one_state_are_the_first_owners() {
    // Fictional: the city drawn elsewhere, the state and zip as blocks of their own.
    let text = "Roe Jane\n(Last)\n\n(Middle)\n\n62701\n\nVP\n\nSPRINGFIELD\n\n(City)\n\nIL\n\n(State)\n";
    let mut f = filing(FormType::Form4);
    let at = text.find("62701").unwrap_or_default();
    f.diagnostics.push(Diagnostic::new(Code::UnplacedContent, Some(Span::new(at, at + 5)), "no label"));
    settle(&mut f, &blocks(text, 0));
    assert!(f.diagnostics.is_empty(), "the zip code is placed: {:?}", f.diagnostics);
    let address = &f.reporting_owners[0].address;
    assert_eq!(address.zip_code.value.as_deref(), Some("62701"));
    assert_eq!(address.state.value.as_deref(), Some("IL"), "VP is no state");
    assert!(address.city.value.is_none());
    // Two blocks of a state's shape: which is the owner's is not known.
    let two = text.replace("VP", "NY");
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(&two, 0));
    assert!(f.reporting_owners[0].address.state.value.is_none());
}
