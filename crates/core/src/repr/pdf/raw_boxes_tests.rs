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

/// A fictional filing of `form` with one owner, its name in doubt.
pub(crate) fn filing(form: FormType) -> Filing {
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
fn a_city_wrapped_in_its_box_right_after_the_streets_label_is_joined() {
    let wrapped = HEADER.replace("SPRINGFIELD\n", "SPRING\nFIELD\n");
    let boxes = find(&blocks(&wrapped, 0), Some(FormType::Form4));
    assert_eq!(boxes.places[0].0[0].text, "SPRING FIELD");
    // Elsewhere a block of two lines may be two boxes' values.
    let away = wrapped.replace("(Street)\n\n", "(Street)\n\n02/03/2024\n\n");
    assert!(find(&blocks(&away, 0), Some(FormType::Form4)).places.is_empty());
}

#[test]
fn the_city_and_state_on_one_line_are_split() {
    let text = "MENLO PARK CA\n\n94025\n\n(City)\n";
    let boxes = find(&blocks(text, 0), Some(FormType::Form4));
    let [city, state, zip] = &boxes.places[0].0;
    assert_eq!((city.text.as_str(), state.text.as_str(), zip.text.as_str()), ("MENLO PARK", "CA", "94025"));
    assert_eq!(&text[state.span.range()], "CA");
}

#[test]
fn labels_and_marks_are_no_values() {
    // A check mark drawn with the name's label, a label before the state.
    let text = "X\n(Last)\n\n4. If Amendment (Street)\n\nCA\n\n94025\n\n(City)\n";
    let boxes = find(&blocks(text, 0), Some(FormType::Form4));
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
    // A check mark drawn beside the zip code, in its block.
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(&text.replace("62701\n", "X\n62701\n"), 0));
    assert_eq!(f.reporting_owners[0].address.zip_code.value.as_deref(), Some("62701"));
    // Not a street's line of digits.
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(&text.replace("62701\n", "PO BOX\n62701\n"), 0));
    assert!(f.reporting_owners[0].address.zip_code.value.is_none());
    // Two blocks of a state's shape: which is the owner's is not known.
    let two = text.replace("VP", "NY");
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(&two, 0));
    assert!(f.reporting_owners[0].address.state.value.is_none());
}

#[test]
fn the_city_and_state_right_after_the_streets_label_are_the_first_owners() {
    // Fictional: the zip code before `(City)` without the city and state.
    let text = "Roe Jane\n(Last)\n\n62701\n\n(City)\n\n(Street)\n\nSPRING FIELD IL\n\nDirector\n";
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(text, 0));
    let address = &f.reporting_owners[0].address;
    assert_eq!(address.city.value.as_deref(), Some("SPRING FIELD"));
    assert_eq!(address.state.value.as_deref(), Some("IL"));
    assert_eq!(&text[address.state.span.unwrap_or_default().range()], "IL");
    assert_eq!(address.zip_code.value.as_deref(), Some("62701"));
    // A city wrapped in its box, the state level with the middle of its lines.
    let wrapped = text.replace("SPRING FIELD IL\n", "SPRING\nIL\nFIELD\n");
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(&wrapped, 0));
    assert_eq!(f.reporting_owners[0].address.city.value.as_deref(), Some("SPRING FIELD"));
    // Two capitals that are no state's code: not a city and state.
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(&text.replace(" IL\n", " VP\n"), 0));
    assert!(f.reporting_owners[0].address.city.value.is_none());
    // The city and the state as two blocks of a line each.
    let apart = text.replace("SPRING FIELD IL\n", "SPRING FIELD\n\nIL\n");
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(&apart, 0));
    let address = &f.reporting_owners[0].address;
    assert_eq!(address.city.value.as_deref(), Some("SPRING FIELD"));
    assert_eq!(address.state.value.as_deref(), Some("IL"));
    // Not when the block after the city is no state's code alone.
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(&apart.replace("IL\n", "IL 62701\n"), 0));
    assert!(f.reporting_owners[0].address.city.value.is_none());
}

#[test]
fn the_street_lines_between_the_date_and_box_4_are_settled() {
    let streets = |lines: &str| {
        let header = HEADER.replace("02/03/2024\n\n", &format!("02/03/2024\n\n{lines}\n\n"));
        let mut f = filing(FormType::Form4);
        settle(&mut f, &blocks(&header, 0));
        let a = &f.reporting_owners[0].address;
        [&a.street1, &a.street2].map(|s| (s.value.clone().unwrap_or_default(), s.origin == Origin::Read))
    };
    let read = |s: &str| (s.to_owned(), true);
    assert_eq!(streets("C/O EXAMPLE CORP\n100 MAIN ST"), [read("C/O EXAMPLE CORP"), read("100 MAIN ST")]);
    assert_eq!(streets("100 MAIN ST")[0], read("100 MAIN ST"));
    // Three lines: one street wrapped (`100` would not have fitted), the other not.
    assert_eq!(
        streets("C/O EXAMPLE CORP\n12345 VALLEY ROAD BUILDING A SUITE\n100"),
        [read("C/O EXAMPLE CORP"), read("12345 VALLEY ROAD BUILDING A SUITE 100")]
    );
    // Both breaks end a street: three streets, not one box's two.
    let three = HEADER.replace("02/03/2024\n\n", "02/03/2024\n\nONE\nTWO\nTHREE\n\n");
    assert!(find(&blocks(&three, 0), Some(FormType::Form4)).streets.is_empty());
    // Two lines that may be one street wrapped in its box.
    let wrapped =
        HEADER.replace("02/03/2024\n\n", "02/03/2024\n\n1 EXAMPLE INDUSTRIAL PARK BUILDING A\nSUITE 100\n\n");
    assert!(find(&blocks(&wrapped, 0), Some(FormType::Form4)).streets.is_empty());
    // A value before the date may be a street line level with it.
    let header = HEADER.replace("02/03/2024\n\n", "C/O EXAMPLE CORP\n\n02/03/2024\n\n100 MAIN ST\n\n");
    assert!(find(&blocks(&header, 0), Some(FormType::Form4)).streets.is_empty());
    // The officer's title wrapped beside box 3's label, before the date, is none.
    let titled = HEADER.replace("02/03/2024\n\n", "Chief\nExample\nOfficer\n\n02/03/2024\n\n100 MAIN ST\n\n");
    let found = find(&blocks(&titled, 0), Some(FormType::Form4)).streets;
    assert_eq!(found.iter().flatten().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["100 MAIN ST"]);
}

#[test]
fn the_street_lines_level_with_the_date_and_box_4s_label_are_settled() {
    let found = |header: &str| {
        let boxes = find(&blocks(header, 0), Some(FormType::Form4));
        boxes
            .streets
            .iter()
            .map(|lines| lines.iter().map(|c| c.text.clone()).collect())
            .collect::<Vec<Vec<_>>>()
    };
    // The first line after the date, a mark, the second over box 4's label.
    let apart = HEADER.replace(
        "02/03/2024\n\n4. If Amendment",
        "02/03/2024\n\nC/O EXAMPLE CORP\n\nX\n\n100 MAIN ST\n4. If Amendment",
    );
    assert_eq!(found(&apart), [["C/O EXAMPLE CORP", "100 MAIN ST"]]);
    // One line over box 4's label may be the second, the first drawn elsewhere.
    let one = HEADER.replace("02/03/2024\n\n4. If Amendment", "02/03/2024\n\n100 MAIN ST\n4. If Amendment");
    assert!(found(&one).is_empty());
    // The officer's title under the relationship labels before the date is no street line.
    let titled = HEADER.replace(
        "3. Date of Earliest Transaction (Month/Day/Year)\n\n02/03/2024\n\n",
        "Other (specify\nbelow)\n\nChief Example Officer\n\n02/03/2024\n\nC/O EXAMPLE CORP\n100 MAIN ST\n\n",
    );
    assert_eq!(found(&titled), [["C/O EXAMPLE CORP", "100 MAIN ST"]]);
}

#[test]
fn the_street_lines_drawn_apart_by_the_date_and_by_box_4s_label_are_settled() {
    // Fictional: the second line between the name's labels and box 4's
    // label, the first right after the date, the city after it.
    let header = "Roe Jane\n(Last)\n\n(Middle)\n\n100 MAIN ST\n\n\
        4. If Amendment, Date of Original Filed (Month/Day/Year)\n\n(City)\n\n(Street)\n\n\
        Officer (give title\nbelow)\n\n02/03/2024\n\nC/O EXAMPLE CORP\n\nSPRINGFIELD\n\nDirector\n\nX\n\n\
        Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n";
    let found = |header: &str| {
        let boxes = find(&blocks(header, 0), Some(FormType::Form4));
        boxes.streets.iter().map(|l| l.iter().map(|c| c.text.clone()).collect()).collect::<Vec<Vec<_>>>()
    };
    assert_eq!(found(header), [["C/O EXAMPLE CORP", "100 MAIN ST"]]);
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(header, 0));
    let a = &f.reporting_owners[0].address;
    assert_eq!(a.street1.value.as_deref(), Some("C/O EXAMPLE CORP"));
    assert_eq!((a.street2.value.as_deref(), a.street2.origin), (Some("100 MAIN ST"), Origin::Read));
    // The city after the first line, with the header's one state alone.
    assert!(a.city.value.is_none(), "no state drawn alone: the city is left to the reader");
    let stated = header.replace("(Street)\n\n", "(Street)\n\nIL\n\n");
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(&stated, 0));
    let a = &f.reporting_owners[0].address;
    assert_eq!((a.city.value.as_deref(), a.city.origin), (Some("SPRINGFIELD"), Origin::Read));
    assert_eq!(a.state.value.as_deref(), Some("IL"));
    // A relationship's label after the first line is no city.
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(&stated.replace("SPRINGFIELD\n\n", ""), 0));
    assert!(f.reporting_owners[0].address.city.value.is_none());
    // A value before the date may be a street line level with it.
    assert!(found(&header.replace("below)\n\n02/", "below)\n\nSUITE 9\n\n02/")).is_empty());
    // A label after the date (an amendment's date, by `(Street)`) is no street line.
    assert!(found(&header.replace("2024\n\nC/O EXAMPLE CORP", "2024\n\n(Street)")).is_empty());
    // Two such dates: which is box 3's is not known.
    let twice = header.replace("Director\n", "Director\n\n03/04/2024\n\nSUITE 9\n");
    assert!(found(&twice).is_empty());
    // The same when the first date is followed by a block of lines, not a value alone.
    let wrapped = twice.replace("2024\n\nC/O EXAMPLE CORP\n", "2024\n\nC/O EXAMPLE CORP\nSUITE 100\n");
    assert!(found(&wrapped).is_empty());
    // Without a table's title the header's end is unknown: nothing is settled.
    let untitled = &header[..header.find("Table I").unwrap_or(header.len())];
    assert!(found(untitled).is_empty());
    // Two lines that may be one street wrapped: not settled.
    let long = header.replace("C/O EXAMPLE CORP", "C/O EXAMPLE INDUSTRIAL CORPORATION OF AMERICA");
    assert!(found(&long).is_empty());
}

#[test]
fn the_two_street_lines_right_under_the_name_labels_are_settled() {
    // Fictional: the street lines right after `(Middle)`, a mark next.
    let header = "Roe Jane\n(Last)\n\n(First)\n\n(Middle)\n\nC/O EXAMPLE CORP\n100 MAIN ST\n\nX\n\n\
        3. Date of Earliest Transaction (Month/Day/Year)\n\n(Street)\n\nDirector\n";
    let found = |header: &str| {
        let boxes = find(&blocks(header, 0), Some(FormType::Form4));
        boxes.streets.iter().map(|l| l.iter().map(|c| c.text.clone()).collect()).collect::<Vec<Vec<_>>>()
    };
    assert_eq!(found(header), [["C/O EXAMPLE CORP", "100 MAIN ST"]]);
    // The zip code alone next, as well.
    assert_eq!(found(&header.replace("ST\n\nX\n", "ST\n\n62701\n")), [["C/O EXAMPLE CORP", "100 MAIN ST"]]);
    // A city wrapped in its box (no digits) is no street.
    assert!(found(&header.replace("C/O EXAMPLE CORP\n100 MAIN ST", "SPRING\nFIELD")).is_empty());
    // An officer's title drawn with box 3's label is none either.
    let titled = header.replace("100 MAIN ST\n\nX\n\n", "100 MAIN ST\n\n");
    assert!(found(&titled).is_empty());
    // One street wrapped over two lines: not settled.
    let wrapped = header.replace("C/O EXAMPLE CORP\n", "C/O EXAMPLE INDUSTRIAL CORPORATION OF\n");
    assert!(found(&wrapped).is_empty());
}

#[test]
fn the_street_lines_beside_box_3s_date_are_settled() {
    // Fictional: the first line between box 3's label and its date, the
    // second with the `(Street)` label right after the date.
    let header = "Roe Jane\n(Last)\n\n(Middle)\n\nChief Example\nOfficer\n\n\
        3. Date of Earliest Transaction (Month/Day/Year)\n\nC/O EXAMPLE CORP\n\n02/03/2024\n\n\
        100 MAIN ST\n(Street)\n\n4. If Amendment, Date of Original Filed (Month/Day/Year)\n\nSPRINGFIELD\n";
    let found = |header: &str| {
        let boxes = find(&blocks(header, 0), Some(FormType::Form4));
        boxes.streets.iter().map(|l| l.iter().map(|c| c.text.clone()).collect()).collect::<Vec<Vec<_>>>()
    };
    assert_eq!(found(header), [["C/O EXAMPLE CORP", "100 MAIN ST"]]);
    // One street: the label alone after the date.
    assert_eq!(found(&header.replace("100 MAIN ST\n(Street)", "(Street)")), [["C/O EXAMPLE CORP"]]);
    // No street label after the date: the line may be anything level with the date.
    assert!(found(&header.replace("100 MAIN ST\n(Street)", "100 MAIN ST")).is_empty());
    // Not box 3's label before the line: not known to be level with the date.
    assert!(found(&header.replace("3. Date of Earliest Transaction (Month/Day/Year)", "X")).is_empty());
    // Two lines that may be one street wrapped.
    let long = header.replace("C/O EXAMPLE CORP", "C/O EXAMPLE INDUSTRIAL CORPORATION OF AMERICA");
    assert!(found(&long).is_empty());
}

#[test]
fn a_joint_filings_owner_boxes_after_the_tables_settle_their_streets() {
    // Fictional: each owner's box printed again after the tables, in order.
    let later = "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\n\
1. Name and Address of Reporting Person*\n\nRoe Jane Q\n(Last)\n\n(First)\n\n(Middle)\n\n\
C/O EXAMPLE CORP\n100 MAIN ST\n(Street)\n\nSPRINGFIELD\n\nIL\n\n62701\n\n(City)\n\n(State)\n\n(Zip)\n\n\
1. Name and Address of Reporting Person*\n\nROE HOLDINGS LLC\n(Last)\n\n(First)\n\nSEC FORM 4\n\n(Middle)\n\n\
1 EXAMPLE PLAZA\n(Street)\n\n";
    let text = format!("{HEADER}{later}");
    let mut f = filing(FormType::Form4);
    let at = text.find("ROE HOLDINGS").unwrap_or_default();
    let second = ReportingOwner {
        name: Field::read("ROE HOLDINGS LLC".to_owned(), Span::new(at, at + 16)),
        ..ReportingOwner::default()
    };
    f.reporting_owners.push(second);
    settle(&mut f, &blocks(&text, 0));
    let streets = |k: usize| {
        let a = &f.reporting_owners[k].address;
        [&a.street1, &a.street2].map(|s| (s.value.clone(), s.origin))
    };
    let read = |s: &str| (Some(s.to_owned()), Origin::Read);
    assert_eq!(streets(0), [read("C/O EXAMPLE CORP"), read("100 MAIN ST")]);
    assert_eq!(streets(1), [read("1 EXAMPLE PLAZA"), (None, Origin::Read)]);
    // Two lines that may be one street wrapped in its box are left to the reader.
    let wrapped = text.replace("C/O EXAMPLE CORP\n", "C/O EXAMPLE CAPITAL MANAGEMENT LLC\n");
    assert!(
        find(&blocks(&wrapped, 0), Some(FormType::Form4))
            .owner_streets
            .iter()
            .all(|(n, _)| n.text != "Roe Jane Q")
    );
}

#[test]
fn the_headers_one_line_of_a_city_and_a_state_is_the_first_owners() {
    // Fictional: the zip code right after `(Street)`, the city and state drawn away.
    let text = "Roe Jane\n(Last)\n\n(Street)\n\n62701\n\nVP\n\nSPRING FIELD IL\n\nDirector\n\n(City)\n";
    let address = |text: &str| {
        let mut f = filing(FormType::Form4);
        settle(&mut f, &blocks(text, 0));
        let a = &f.reporting_owners[0].address;
        [&a.city, &a.state, &a.zip_code].map(|x| x.value.clone().unwrap_or_default())
    };
    assert_eq!(address(text), ["SPRING FIELD", "IL", "62701"]);
    // A block of another state's code alone: which is the owner's is not known.
    assert_eq!(address(&text.replace("VP\n", "NY\n")), ["", "", "62701"]);
    // Two such lines: neither.
    assert_eq!(address(&text.replace("VP\n", "EXAMPLE CITY NY\n")), ["", "", "62701"]);
}

#[test]
fn a_title_read_as_a_date_alone_is_no_title() {
    let mut f = filing(FormType::Form4);
    let owner = &mut f.reporting_owners[0];
    owner.other_text =
        Field { origin: Origin::Uncertain, ..Field::read("02/03/2024".to_owned(), Span::new(0, 10)) };
    owner.officer_title =
        Field { origin: Origin::Uncertain, ..Field::read("CEO".to_owned(), Span::new(11, 14)) };
    settle(&mut f, &blocks("Director\n", 0));
    let owner = &f.reporting_owners[0];
    assert_eq!((owner.other_text.value.as_deref(), owner.other_text.origin), (None, Origin::Uncertain));
    assert_eq!(owner.officer_title.value.as_deref(), Some("CEO"));
    assert!(
        f.diagnostics.iter().any(|d| d.code == Code::UnplacedContent && d.message.contains("02/03/2024"))
    );
}

#[test]
fn the_text_between_the_relationship_labels_and_box_3_is_the_title() {
    // Fictional: box 5's labels, the title centred under them, then box 3.
    let header = "1. Name and Address of Reporting Person*\n\nRoe Jane Q\n(Last)\n\n\
X\n\nOfficer (give title\nbelow)\n\n10% Owner\nOther (specify\nbelow)\n\n\
Chief Example\nOfficer\n\n02/03/2024\n\nC/O EXAMPLE CORP\n\n\
Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n";
    let officer = |title: &str, other: bool| {
        let mut f = filing(FormType::Form4);
        let owner = &mut f.reporting_owners[0];
        owner.is_officer = Field { origin: Origin::Uncertain, ..Field::read(!other, Span::new(0, 1)) };
        owner.is_other = Field { origin: Origin::Uncertain, ..Field::read(other, Span::new(0, 1)) };
        let field = if other { &mut owner.other_text } else { &mut owner.officer_title };
        *field = Field { origin: Origin::Uncertain, ..Field::read(title.to_owned(), Span::new(0, 1)) };
        settle(&mut f, &blocks(header, 0));
        f.reporting_owners.remove(0)
    };
    // The reader ran the date and the street on: the title is the block's.
    let owner = officer("Chief Example Officer 02/03/2024 C/O EXAMPLE CORP", false);
    assert_eq!(owner.officer_title.value.as_deref(), Some("Chief Example Officer"));
    assert_eq!(owner.officer_title.origin, Origin::Read);
    // The other box read checked: the other relationship's text.
    let owner = officer("Chief Example Officer", true);
    assert_eq!(owner.other_text.origin, Origin::Read);
    assert_eq!(owner.officer_title.value, None, "untouched");
    // Another text read as the title is left as read.
    assert_eq!(officer("Something Else", false).officer_title.origin, Origin::Uncertain);
    // A title that begins with the block's text but not with its words, too.
    assert_eq!(officer("Chief Example Officers", false).officer_title.origin, Origin::Uncertain);
    // Not followed by box 3: not known to be under the labels.
    let away = header.replace("02/03/2024\n\n", "");
    let boxes = find(&blocks(&away, 0), Some(FormType::Form4));
    assert!(boxes.titles.is_empty());
    // Form 3's relationship box stands elsewhere.
    assert!(find(&blocks(header, 0), Some(FormType::Form3)).titles.is_empty());
}

#[test]
fn a_title_wrapped_in_its_column_beside_box_3_is_the_title() {
    // Fictional: the name's labels, the title wrapped in box 5's narrow
    // column, box 3's label and date, the street.
    let header = |title: &str| {
        format!(
            "1. Name and Address of Reporting Person*\n\nRoe Jane Q\n(Last)\n\n(First)\n\n(Middle)\n\n\
{title}3. Date of Earliest Transaction (Month/Day/Year)\n\n02/03/2024\n\nC/O EXAMPLE CORP\n\n\
Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n"
        )
    };
    let settled = |text: &str| {
        let mut f = filing(FormType::Form4);
        let owner = &mut f.reporting_owners[0];
        owner.is_officer = Field { origin: Origin::Uncertain, ..Field::read(true, Span::new(0, 1)) };
        owner.officer_title =
            Field { origin: Origin::Uncertain, ..Field::read("X Officer".to_owned(), Span::new(0, 1)) };
        settle(&mut f, &blocks(text, 0));
        let title = f.reporting_owners.remove(0).officer_title;
        (title.value, title.origin)
    };
    let chief = (Some("Chief Example Officer".to_owned()), Origin::Read);
    // Right before box 3's label: whatever the reader read, the title.
    assert_eq!(settled(&header("Chief\nExample\nOfficer\n\n")), chief);
    // Between box 3's label and its date.
    let after = header("").replace("(Month/Day/Year)\n\n", "(Month/Day/Year)\n\nChief\nExample\nOfficer\n\n");
    assert_eq!(settled(&after), chief);
    // Not wrapped (one line), or wider than the column (a street's lines): left as read.
    let read = (Some("X Officer".to_owned()), Origin::Uncertain);
    assert_eq!(settled(&header("Chief Example Officer\n\n")), read);
    assert_eq!(settled(&header("C/O EXAMPLE CORPORATION\n100 MAIN STREET\n\n")), read);
    // A short street of two lines is as narrow, but has digits: no title.
    assert_eq!(settled(&header("PO BOX 12\nSTE 4\n\n")), read);
    let street = header("").replace("(Month/Day/Year)\n\n", "(Month/Day/Year)\n\nPO BOX 12\nSTE 4\n\n");
    assert_eq!(settled(&street), read);
    // Between box 3's label and something other than its date: a city wrapped, say.
    let city = header("").replace("(Month/Day/Year)\n\n02/03/2024", "(Month/Day/Year)\n\nSAN\nMATEO\n\nCA");
    assert_eq!(settled(&city), read);
}

#[test]
fn a_street_wrapped_right_after_box_3s_label_is_the_first_street() {
    // Fictional: box 3's label, then the street box's lines, the first
    // wrapped (its next word would not have fitted in the box).
    let header = |streets: &str| {
        HEADER.replace(
            "3. Date of Earliest Transaction (Month/Day/Year)\n\n02/03/2024\n\n",
            &format!("3. Date of Earliest Transaction (Month/Day/Year)\n\n{streets}\n\nX\n\n02/03/2024\n\n"),
        )
    };
    let found = |text: &str| {
        let boxes = find(&blocks(text, 0), Some(FormType::Form4));
        boxes.streets.iter().map(|l| l.iter().map(|c| c.text.clone()).collect()).collect::<Vec<Vec<_>>>()
    };
    let wrapped = "C/O EXAMPLE VENTURE CAPITAL, 1234 LONG VALLEY\nROAD";
    assert_eq!(found(&header(wrapped)), [["C/O EXAMPLE VENTURE CAPITAL, 1234 LONG VALLEY ROAD"]]);
    // With the second street under it.
    assert_eq!(
        found(&header(&format!("{wrapped}\nSUITE 100"))),
        [["C/O EXAMPLE VENTURE CAPITAL, 1234 LONG VALLEY ROAD", "SUITE 100"]]
    );
    // The second street drawn alone right after `(Middle)`, a digit in it.
    let middle =
        |second: &str| header(wrapped).replace("(Last)\n\n", &format!("(Last)\n\n(Middle)\n\n{second}\n\n"));
    assert_eq!(
        found(&middle("SUITE 100")),
        [["C/O EXAMPLE VENTURE CAPITAL, 1234 LONG VALLEY ROAD", "SUITE 100"]]
    );
    assert_eq!(found(&middle("SPRINGFIELD")), [["C/O EXAMPLE VENTURE CAPITAL, 1234 LONG VALLEY ROAD"]]);
    // Lines that did not wrap (two streets, or a city in its narrow box): not known here.
    assert!(found(&header("C/O EXAMPLE CORP\n100 MAIN ST")).is_empty());
    assert!(found(&header("SAN\nMATEO")).is_empty());
    // The settled street is the first owner's.
    let mut f = filing(FormType::Form4);
    settle(&mut f, &blocks(&header(wrapped), 0));
    let street = &f.reporting_owners[0].address.street1;
    assert_eq!(street.value.as_deref(), Some("C/O EXAMPLE VENTURE CAPITAL, 1234 LONG VALLEY ROAD"));
    assert_eq!(street.origin, Origin::Read);
}

#[test]
fn a_city_alone_right_after_the_streets_label_goes_with_the_one_state() {
    // Fictional: the city right after `(Street)`, another box's label
    // next, the state drawn with a mark, the zip code alone.
    let text =
        "Roe Jane\n(Last)\n\n(Middle)\n\n(Street)\n\nSPRINGFIELD\n\nDirector\n\nX\nIL\n\n62701\n\n(City)\n";
    let address = |text: &str| {
        let mut f = filing(FormType::Form4);
        settle(&mut f, &blocks(text, 0));
        let a = f.reporting_owners.remove(0).address;
        [a.city, a.state, a.zip_code].map(|c| c.value.unwrap_or_default())
    };
    assert_eq!(address(text), ["SPRINGFIELD", "IL", "62701"]);
    // No state's code alone in the header: the city is not settled.
    assert_eq!(address(&text.replace("X\nIL\n", "X\n")), ["", "", "62701"]);
    // A relationship's label there is no city.
    assert_eq!(address(&text.replace("SPRINGFIELD\n\n", "")), ["", "IL", "62701"]);
    // The line read as the title under the relationship boxes is no city.
    let titled =
        format!("Officer (give title\nbelow)\n\nSPRINGFIELD\n\n3. Date of Earliest Transaction\n\n{text}");
    assert_eq!(address(&titled), ["", "IL", "62701"]);
}
