//! Tests of the header reader ([`super`]).

use super::*;
use crate::model::Origin;
use crate::repr::grid::tab_lines;

fn header(text: &str) -> Header {
    let lines = tab_lines(text, 0);
    read_header(&tokens(&lines), &lines, false)
}

#[test]
fn an_owner_name_on_a_line_of_its_own_below_its_label_stands_alone() {
    let settled = |name_lines: &str| {
        let text = format!(
            "1. Name and Address of Reporting Person* 2. Issuer Name and Ticker or Trading Symbol\n|  | EXAMPLE CORP [ EXC ] |  |\n{name_lines}|  | X Director | 10% Owner |\n(Last) (First) (Middle)\n1 MAIN ST\n(Street)\n"
        );
        let lines = crate::repr::markdown::grid(&text, 0).lines;
        let h = read_header(&tokens(&lines), &lines, false);
        h.owner.name.span.is_some_and(|at| h.settled.contains(&at))
    };
    assert!(settled("Doe Jane\n"));
    // Wrapped onto the line below, or ending with a word that joins.
    assert!(!settled("Doe Family Living\nTrust\n"));
    assert!(!settled("Doe, Roe &\n"));
    // A value between the label and the name may be a piece of it.
    assert!(!settled("Doe Family\n|  | Living Trust |\n"));
}

#[test]
fn an_owner_name_in_a_cell_beside_the_issuers_stands_alone_when_nothing_wrapped_below_it() {
    let settled = |below: &str| {
        let text = format!(
            "1. Name and Address of Reporting Person* 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\n| Doe Jane |  | EXAMPLE CORP [ EXC ] |  |\n{below}(Last) (First) (Middle)\n1 MAIN ST\n(Street)\n"
        );
        let lines = crate::repr::markdown::grid(&text, 0).lines;
        let h = read_header(&tokens(&lines), &lines, true);
        h.owner.name.span.is_some_and(|at| h.settled.contains(&at))
    };
    assert!(settled("|  |  |  | X Director |\n"));
    // A word below it in the table's next row may be the name's, and a line
    // of text below has no columns to tell.
    assert!(!settled("| Trust |  |  | X Director |\n"));
    assert!(!settled("X Director\n"));
}

#[test]
fn the_issuer_drawn_among_the_titles_is_the_issuers() {
    // A fictional header in drawing order: the issuer's box after the relationship boxes.
    let h = header(
        "2. Issuer Name and Ticker or Trading Symbol\n1. Name and Address of Reporting Person*\nDoe Jane\n(Last)\nDirector\n10% Owner\nOfficer (give title\nOther (specify\nX below)\nbelow)\nEXAMPLE CORP [ EXC ]\n(Middle)\n",
    );
    assert_eq!(h.issuer_name.value.as_deref(), Some("EXAMPLE CORP"));
    assert_eq!(h.trading_symbol.value.as_deref(), Some("EXC"));
    assert_eq!(h.owner.officer_title.value, None);
}

/// Whether the issuer read from Markdown `text` stands alone.
fn issuer_alone(text: &str) -> bool {
    let lines = crate::repr::markdown::grid(text, 0).lines;
    let tokens = tokens(&lines);
    let h = read_header(&tokens, &lines, false);
    h.issuer_name.span.is_some_and(|at| issuer_stands_alone(&tokens, &lines, at))
}

#[test]
fn an_issuer_wrapped_before_its_ticker_is_joined_in_doubt() {
    let text = "2. Issuer Name and Ticker or Trading Symbol\nEXAMPLE NEW YORK MUNICIPAL\n\nINCOME FUND II [ EXNY ]\n";
    let lines = crate::repr::markdown::grid(text, 0).lines;
    let h = read_header(&tokens(&lines), &lines, false);
    assert_eq!(h.issuer_name.text(), "EXAMPLE NEW YORK MUNICIPAL INCOME FUND II");
    assert_eq!(h.issuer_name.origin, Origin::Uncertain);
    assert_eq!(h.trading_symbol.text(), "EXNY");
}

#[test]
fn a_period_moved_from_its_label_is_read_when_it_is_the_only_date() {
    let period = |text: &str| {
        let lines = crate::repr::markdown::grid(text, 0).lines;
        read_header(&tokens(&lines), &lines, false).period_of_report
    };
    let label = "3. Date of Earliest Transaction (Month/Day/Year)\nC/O EXAMPLE WIDGETS INC\n";
    let amendment =
        "4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing\n";
    let alone = period(&format!("{label}03/04/2024\n{amendment}"));
    assert_eq!((alone.value, alone.origin), (crate::model::Date::from_ymd(2024, 3, 4), Origin::Read));
    // After the amendment's label, the date may be the amendment's.
    let after = period(&format!("{label}{amendment}03/04/2024\n"));
    assert_eq!(after.origin, Origin::Uncertain);
    // Two dates: which is which is not certain.
    let two = period(&format!("{label}03/04/2024\n02/01/2024\n{amendment}"));
    assert_eq!(two.origin, Origin::Uncertain);
}

#[test]
fn a_city_line_of_cells_of_their_own_is_settled() {
    let settled = |place: &str| {
        let text = format!(
            "1. Name and Address of Reporting Person*\nDoe Jane Q\n| (Last) | (First) | (Middle) |\n100 MAIN STREET\n(Street)\n{place}| (City) | (State) | (Zip) |\n"
        );
        let lines = crate::repr::markdown::grid(&text, 0).lines;
        let h = read_header(&tokens(&lines), &lines, false);
        // The place's spans (the name stands alone too).
        let place = h.settled.iter().filter(|&&s| Some(s) != h.owner.name.span).count();
        (h.owner.address.city.text().to_owned(), place)
    };
    assert_eq!(settled("| SPRINGFIELD |  | IL | 62701 |\n"), ("SPRINGFIELD".to_owned(), 3));
    // A city wrapped onto the next line, or a state run into the zip's cell.
    assert_eq!(settled("| LONG ISLAND |  | NY | 11101 |\nCITY\n").1, 0);
    assert_eq!(settled("| MOUNTAIN | CA 94043 | VIEW |\n").1, 0);
    // A foreign country's code and postal code; not a mark run into the code's cell.
    assert_eq!(settled("| LONDON, | X0 | W1K 3JP |\n"), ("LONDON,".to_owned(), 3));
    assert_eq!(settled("| LONDON, | X0 | W1K 3JP X |\n").1, 0);
    // A line of text of the city, state and zip alone: the city box is the
    // leftmost of its row, so no other box's text runs before it, and any
    // after it would be more than a state and zip.
    assert_eq!(settled("SPRINGFIELD IL 62701\n"), ("SPRINGFIELD".to_owned(), 3));
    assert_eq!(settled("SPRINGFIELD IL 62701 Form filed by One Reporting Person\n").1, 0);
    // A city wrapped around the row of the state and zip, its cell there empty.
    let wrapped =
        "NORTH LITTLE\n|  | AR | 72114 |  | Form filed by One Reporting Person |\n| ROCK |  |  |  |  |\n";
    assert_eq!(settled(wrapped), ("NORTH LITTLE ROCK".to_owned(), 3));
    // Only a line above (it may be another box's), or the city's cell not empty.
    assert_eq!(settled("NORTH LITTLE\n|  | AR | 72114 |\n").1, 0);
    assert_eq!(settled("NORTH\n| LITTLE | AR | 72114 |\n| ROCK |  |  |\n").1, 0);
    // A date among the pieces is not the city's.
    assert_eq!(settled("NORTH LITTLE\n|  | AR | 72114 |\n| 01/02/2024 |  |  |\n").1, 0);
}

/// The relationship boxes read from the Markdown rows `boxes` between box
/// 5's label and box 6's: the owner and whether the marks are settled.
fn relationship_boxes(boxes: &str) -> (ReportingOwner, bool) {
    let text = format!(
        "5. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\n{boxes}6. Individual or Joint/Group Filing (Check Applicable Line)\nX Form filed by One Reporting Person\n"
    );
    let lines = crate::repr::markdown::grid(&text, 0).lines;
    let tokens = tokens(&lines);
    let h = read_header(&tokens, &lines, false);
    let settled = marks_settled(&tokens, &lines, &h.owner, None);
    (h.owner, settled)
}

#[test]
fn marks_beside_their_labels_are_settled() {
    let settled = |boxes: &str| relationship_boxes(boxes).1;
    assert!(settled("|  | X Director | 10% Owner |\n|  | Officer (give title | Other (specify |\n"));
    // A mark on a line of its own may be any box's.
    assert!(!settled("|  | Director | 10% Owner |\nX\n|  | Officer (give title | Other (specify |\n"));
    // A mark run into the words of a label was lost.
    assert!(!settled(
        "|  | X Director | 10% Owner |\n|  | Officer (give title | Other (specify |\n| X below) | below) |\n"
    ));
    // No mark at all: every owner has some relationship, so marks were lost.
    assert!(!settled("|  | Director | 10% Owner |\n|  | Officer (give title | Other (specify |\n"));
    // A mark in a cell of its own, right before its label's cell on the same line.
    assert!(settled("|  | X | Director | 10% Owner |\n|  |  | Officer (give title | Other (specify |\n"));
    // Not with a cell between them: the mark's column may be another box's.
    assert!(!settled("| X |  | Director | 10% Owner |\n|  |  | Officer (give title | Other (specify |\n"));
}

#[test]
fn marks_outside_the_relationship_boxes_are_other_boxes() {
    let settled = |above: &str, below: &str| {
        let text = format!(
            "{above}5. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\n|  | X Director | 10% Owner |\n|  | Officer (give title | Other (specify |\n6. Individual or Joint/Group Filing (Check Applicable Line)\n{below}Form filed by One Reporting Person\n"
        );
        let lines = crate::repr::markdown::grid(&text, 0).lines;
        let tokens = tokens(&lines);
        let h = read_header(&tokens, &lines, false);
        marks_settled(&tokens, &lines, &h.owner, None)
    };
    // A mark alone below the joint filing label, or run into a label's words above the boxes.
    assert!(settled("", "X\n"));
    assert!(settled("Check this box if no longer subject\nX to Section 16. Form 4 or Form 5\n", ""));
    // Without the joint filing label, where the boxes end is not known.
    let lines = crate::repr::markdown::grid(
        "5. Relationship of Reporting Person(s) to Issuer\n| X Director | 10% Owner |\n",
        0,
    )
    .lines;
    let tokens = tokens(&lines);
    let h = read_header(&tokens, &lines, false);
    assert!(!marks_settled(&tokens, &lines, &h.owner, None));
}

#[test]
fn an_issuer_in_a_cell_of_its_own_below_its_label_stands_alone() {
    let label = "1. Name and Address of Reporting Person* 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer\n";
    assert!(issuer_alone(&format!(
        "{label}|  | Example Widgets Inc [ EXWG ] |  | (Check all applicable) |\nDoe Jane Q\n"
    )));
    // Wrapped: its first line lies above the one with the ticker.
    assert!(!issuer_alone(&format!(
        "{label}|  | EXAMPLE WIDGETS |  | (Check all applicable) |\nDoe Jane Q\n|  | HOLDINGS INC [ EXWG ] |  | Director |\n"
    )));
    // A line of text: the owner's name may have run into it.
    assert!(!issuer_alone(&format!(
        "{label}Doe Jane Q Example Widgets Inc [ EXWG ] (Check all applicable)\n"
    )));
    // Box 5's `(Check all applicable)` alone on the line between: a label's
    // words, no line of the name.
    let row = "| Doe Jane Q |  | Example Widgets Inc [ EXWG ] |  |\n";
    assert!(issuer_alone(&format!("{label}(Check all applicable)\n{row}")));
    assert!(!issuer_alone(&format!("{label}EXAMPLE\n{row}")));
}

#[test]
fn copied_header_is_read() {
    let h = header(
        "X\n\tCheck this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b).\n\
         1. Name and Address of Reporting Person*\nDoe Jane\n(Last)\t(First)\t(Middle)\n1 MAIN ST\nSUITE 2\n(Street)\n\
         SPRINGFIELD\tIL\t62701\n(City)\t(State)\t(Zip)\n\t2. Issuer Name and Ticker or Trading Symbol\n\
         Example Corp [ EXMP ]\t5. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\n\
         X\tDirector\t\t10% Owner\nX\tOfficer (give title below)\t\tOther (specify below)\n\tManaging Director\t\t\n\
         3. Date of Earliest Transaction (Month/Day/Year)\n01/02/2024\n4. If Amendment, Date of Original Filed (Month/Day/Year)\n",
    );
    assert_eq!(h.owner.name.text(), "Doe Jane");
    assert_eq!(h.owner.address.street1.text(), "1 MAIN ST");
    assert_eq!(h.owner.address.street2.text(), "SUITE 2");
    assert_eq!(h.owner.address.city.text(), "SPRINGFIELD");
    assert_eq!(h.owner.address.state.text(), "IL");
    assert_eq!(h.owner.address.zip_code.text(), "62701");
    assert_eq!(h.issuer_name.text(), "Example Corp");
    assert_eq!(h.trading_symbol.text(), "EXMP");
    assert_eq!(h.owner.is_director.value, Some(true));
    assert_eq!(h.owner.is_ten_percent_owner.value, Some(false));
    assert_eq!(h.owner.is_officer.value, Some(true));
    assert_eq!(h.owner.is_other.value, Some(false));
    assert_eq!(h.owner.officer_title.text(), "Managing Director");
    assert_eq!(h.period_of_report.value.map(|d| d.to_string()).as_deref(), Some("2024-01-02"));
    assert!(h.date_of_original_submission.value.is_none());
    assert_eq!(h.not_subject_to_section16.value, Some(true));
}

#[test]
fn a_mark_at_the_start_of_a_wrapped_box_label_checks_that_box() {
    let h = header(
        "Check this box if no longer subject STATEMENT OF CHANGES\nX to Section 16. Form 4 or Form 5\n\
         obligations may continue. See\nCheck this box to indicate that a\ntransaction was made pursuant to a\n\
         contract, instruction or written plan\n",
    );
    assert_eq!(h.not_subject_to_section16.value, Some(true));
    assert_eq!(h.aff10b5_one.value, Some(false));
    let h = header(
        "Check this box if no longer subject to\nSection 16. Form 4 or Form 5\nCheck this box to indicate that a\n\
         contract, instruction or written plan for\nX the purchase or sale of equity\nsecurities of the issuer\n",
    );
    assert_eq!(h.not_subject_to_section16.value, Some(false));
    assert_eq!(h.aff10b5_one.value, Some(true));
}

#[test]
fn an_amendment_date_after_the_joint_filing_label_beside_its_own_is_read() {
    let h = header(
        "3. Date of Earliest Transaction (Month/Day/Year)\n03/04/2024\n\
         4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing (Check Applicable\n\
         Line)\n02/03/2024\n",
    );
    assert_eq!(h.date_of_original_submission.value.map(|d| d.to_string()).as_deref(), Some("2024-02-03"));
}

#[test]
fn inline_check_boxes_are_read() {
    let h = header(
        "5. Relationship of Reporting Person(s) to Issuer (Check all applicable) Director 10% Owner <input checked=\"\" type=\"checkbox\"/> Officer (give title below) Other (specify below) <u>VP, Engineering</u>",
    );
    assert_eq!(h.owner.is_director.value, Some(false));
    assert_eq!(h.owner.is_officer.value, Some(true));
    assert_eq!(h.owner.officer_title.text(), "VP, Engineering");
    let h = header(
        "__X__ Director _____ 10% Owner\n_____ Officer (give title below) _____ Other (specify below)",
    );
    assert_eq!(h.owner.is_director.value, Some(true));
    assert_eq!(h.owner.is_ten_percent_owner.value, Some(false));
}

#[test]
fn places_split() {
    assert_eq!(
        split_place("MOUNTAIN VIEW, CA 94043"),
        (Some("MOUNTAIN VIEW".into()), Some("CA".into()), Some("94043".into()))
    );
    assert_eq!(split_place("LONDON"), (Some("LONDON".into()), None, None));
}

#[test]
fn a_city_state_and_zip_alone_on_their_line_stand_alone() {
    let settled = |place: &str| {
        let text = format!(
            "1. Name and Address of Reporting Person*\nDOE JANE\n(Last) (First) (Middle)\n1 MAIN ST\n(Street)\n{place}\n(City) (State) (Zip)\n"
        );
        let lines = tab_lines(&text, 0);
        let h = read_header(&tokens(&lines), &lines, false);
        let a = &h.owner.address;
        [&a.city, &a.state, &a.zip_code].iter().all(|f| f.span.is_some_and(|at| h.settled.contains(&at)))
    };
    assert!(settled("SPRINGFIELD IL 62701"));
    // Another box's text on the line, or the city wrapped over two lines: not settled.
    assert!(!settled("SPRINGFIELD IL 62701\tX Form filed by One Reporting Person"));
    assert!(!settled("SOUTH\nSPRINGFIELD IL 62701"));
}

#[test]
fn a_checked_mark_in_its_labels_cell_is_settled_alone() {
    // Fictional boxes whose Officer mark stands alone between the label lines.
    let inline = |boxes: &str| {
        let lines = crate::repr::markdown::grid(boxes, 0).lines;
        let tokens = tokens(&lines);
        let h = read_header(&tokens, &lines, false);
        let settled = marks_in_label_cells(&tokens, &lines);
        let flags = [&h.owner.is_director, &h.owner.is_ten_percent_owner, &h.owner.is_officer];
        flags.map(|f| f.span.is_some_and(|at| settled.contains(&at)))
    };
    let rows = "Officer (give title Other (specify\nX\nbelow) below)\n";
    assert_eq!(inline(&format!("|  | X Director | X 10% Owner |\n{rows}")), [true, true, false]);
    // A mark in a cell of its own, or an empty box, is not settled so.
    assert_eq!(inline(&format!("| X | Director | 10% Owner |\n{rows}")), [false, false, false]);
}

#[test]
fn wrapped_joint_filing_labels_and_a_mark_run_into_the_city_are_placed() {
    let h = header(
        "1. Name and Address of Reporting Person*\nDoe Jane\n(Last) (First) (Middle)\n1 MAIN ST\n(Street) 6. Individual or Joint/Group Filing (Check Applicable\nLine)\nMENLO PARK CA 94025 X Form filed by One Reporting Person\nForm filed by More than One\nReporting Person\n(City) (State) (Zip)\n",
    );
    assert_eq!(h.owner.address.city.value.as_deref(), Some("MENLO PARK"));
    assert_eq!(h.owner.address.state.value.as_deref(), Some("CA"));
    assert_eq!(h.owner.address.zip_code.value.as_deref(), Some("94025"));
    assert!(h.unplaced.is_empty(), "{:?}", h.unplaced);
}

#[test]
fn three_street_lines_join_the_two_that_the_other_break_leaves_together() {
    let streets = |text: &str| {
        let lines = tab_lines(text, 0);
        let values: Vec<Value> = lines
            .iter()
            .enumerate()
            .map(|(line, l)| Value {
                text: l.cells[0].text.clone(),
                span: l.cells[0].span,
                line,
                cell: 0,
                whole_cell: true,
            })
            .collect();
        let (a, b, used) = read_streets(&values);
        (a.text().to_owned(), b.text().to_owned(), used)
    };
    // "SUITE 101" would have fitted after "ROAD": the first line wrapped.
    let wrapped_first = streets("C/O EXAMPLE CAPITAL, 2800 SAND HILL\nROAD\nSUITE 101");
    assert_eq!(
        wrapped_first,
        ("C/O EXAMPLE CAPITAL, 2800 SAND HILL ROAD".to_owned(), "SUITE 101".to_owned(), 3)
    );
    // "1" would have fitted after "C/O EXAMPLE": the second line wrapped.
    let wrapped_second = streets("C/O EXAMPLE\n1 EXAMPLE PLAZA, BUILDING 4, FLOOR\n12");
    assert_eq!(
        wrapped_second,
        ("C/O EXAMPLE".to_owned(), "1 EXAMPLE PLAZA, BUILDING 4, FLOOR 12".to_owned(), 3)
    );
    // Every break may end a street: not known, the first two as they come.
    assert_eq!(
        streets("C/O EXAMPLE\n1 MAIN ST\nSUITE 5"),
        ("C/O EXAMPLE".to_owned(), "1 MAIN ST".to_owned(), 2)
    );
}

#[test]
fn phrases_are_found_by_their_first_byte_in_the_lists_order() {
    // Bits come lowest first: the phrases starting with a byte are tried in the order of the list.
    assert_eq!(bits(0b1010_0001).collect::<Vec<_>>(), [0, 5, 7]);
    assert_eq!(bits(1 << 63).collect::<Vec<_>>(), [63]);
    assert_eq!(bits(0).count(), 0);
    let table = starts_by_byte(&["ab", "b", "ac"]);
    assert_eq!(
        (table[usize::from(b'a')], table[usize::from(b'b')], table[usize::from(b'c')]),
        (0b101, 0b010, 0)
    );
    // Every label is in the table of its first byte.
    for (k, (phrase, _, _)) in LABELS.iter().enumerate() {
        assert_ne!(LABEL_STARTS[usize::from(phrase.as_bytes()[0])] & (1 << k), 0, "{phrase}");
    }
}

#[test]
fn boilerplate_is_found_in_any_case() {
    // The phrases are compared ASCII case ignored, which needs them in lower case.
    for phrase in LABEL_ENDS.iter().chain(BOILERPLATE) {
        assert!(!phrase.bytes().any(|b| b.is_ascii_uppercase()), "{phrase}");
    }
    assert!(is_boilerplate("Trading Symbol"));
    assert!(is_boilerplate("(Month/Day/Year) X"));
    assert!(is_boilerplate("SEE INSTRUCTION 4(b)(v)"));
    assert!(is_boilerplate("3235-0287"));
    assert!(!is_boilerplate("Director"));
    assert!(!is_boilerplate("Symbols Inc"));
}

#[test]
fn marks_in_a_row_above_their_labels_check_the_box_of_their_column() {
    let read = |boxes: &str| {
        let (o, settled) = relationship_boxes(boxes);
        let flags = [&o.is_director, &o.is_ten_percent_owner, &o.is_officer, &o.is_other].map(|f| f.value);
        (flags, settled)
    };
    let labels =
        "| C/O EXAMPLE |  | Director | 10% Owner |\n|  |  | Officer (give title | Other (specify |\n";
    let [yes, no] = [Some(true), Some(false)];
    // The 10% Owner's mark over its label: not the Director's, though it comes first.
    assert_eq!(read(&format!("|  |  |  | X |\n{labels}")), ([no, yes, no, no], true));
    assert_eq!(read(&format!("|  |  | X | X |\n{labels}")), ([yes, yes, no, no], true));
    // Another box's value on the marks' row, in a column of its own.
    assert_eq!(read(&format!("| 1 MAIN ST |  | X |  |\n{labels}")), ([yes, no, no, no], true));
    // A mark in a column of its own, right before its label's column.
    let own_column =
        "|  | X |  | X |\n|  |  | Director | 10% Owner |\n|  |  | Officer (give title | Other (specify |\n";
    assert_eq!(read(own_column), ([yes, yes, no, no], true));
    // A mark over no label's cell may be any box's.
    assert!(!read(&format!("| X |  |  |  |\n{labels}")).1);
    // Two marks that would both be the Director's (one over the empty column
    // before its label, one over the label): which column is the box's own
    // is not known, so neither is placed by its column and the boxes stay
    // unsettled (the 10% Owner's may be the second).
    let shared =
        "|  | X | X |  |\n|  |  | Director | 10% Owner |\n|  |  | Officer (give title | Other (specify |\n";
    assert!(!read(shared).1);
}

#[test]
fn the_street_box_is_as_wide_as_its_forms_box_1() {
    // Fictional: a break 33 characters on with the next word.
    let (first, next) = ("C/O EXAMPLE LABS CORPORATION", "4650 MAIN PARKWAY");
    assert!(street_break(first, next, street_width(Some(FormType::Form4))));
    assert!(street_break(first, next, street_width(Some(FormType::Form5A))));
    // Form 3's box 1 is narrower: the first line may have wrapped there.
    assert!(!street_break(first, next, street_width(Some(FormType::Form3))));
    assert!(!street_break(first, next, street_width(None)));
    assert!(street_break("C/O EXAMPLE CORP", "100 MAIN ST", street_width(Some(FormType::Form3))));
    // Too long a second line may have wrapped onto one not read.
    assert!(!street_break("C/O EXAMPLE CORP", "C/O EXAMPLE CAPITAL MANAGEMENT LLC 1", STREET_WIDTH));
}

#[test]
fn a_street_line_is_measured_in_the_forms_proportional_font() {
    // Fictional: 36 characters with the next word, but narrow ones (`I`,
    // `.`, digits): 19.5 ems, within Form 4's box; fewer capitals `W` and
    // `M` would not be.
    let (first, next) = ("C/O FICTIONAL TECHNOLOGIES INC.", "1200 MAIN STREET");
    assert!(first.len() + 1 + 4 > 34);
    assert!(street_break(first, next, street_width(Some(FormType::Form4))));
    assert!(!street_break("C/O WWMM WWMM WWMM WWMM WWMM", "1200 MAIN STREET", STREET_WIDTH));
    // A character outside the table counts as an em, never narrower.
    assert_eq!(measure("É"), 1000);
    assert_eq!(measure("I W"), 333 + 250 + 944);
}

#[test]
fn form_3s_owner_and_issuer_on_the_line_of_box_2s_label_are_told_apart() {
    // Form 3 prints box 1's name, box 2's label's second line and box 3's
    // issuer on one line: the name before the label's words, the issuer after.
    let read = |second: &str| {
        let text = format!(
            "1. Name and Address of Reporting Person* 2. Date of Event 3. Issuer Name and Ticker or Trading Symbol\n{second}\n(Month/Day/Year)\n01/02/2024\n| (Last) | (First) | (Middle) |\n1 MAIN ST\n(Street)\n"
        );
        let lines = crate::repr::markdown::grid(&text, 0).lines;
        let h = read_header(&tokens(&lines), &lines, true);
        (h.owner.name.value, h.issuer_name.value, h.trading_symbol.value, h.period_of_report.value)
    };
    let expected = (
        Some("Roe Jane".to_owned()),
        Some("EXAMPLE CORP".to_owned()),
        Some("EXC".to_owned()),
        crate::model::Date::from_ymd(2024, 1, 2),
    );
    assert_eq!(read("Roe Jane Requiring Statement EXAMPLE CORP [ EXC ]"), expected);
    assert_eq!(read("| Roe Jane |  | Requiring Statement | EXAMPLE CORP [ EXC ] |"), expected);
    // The issuer first on the line: read as before.
    let (_, issuer, ..) = read("| EXAMPLE CORP [ EXC ] |  | Roe Jane |");
    assert_eq!(issuer.as_deref(), Some("EXAMPLE CORP"));
    // After the label's words, up to its ticker, the issuer's name is whole.
    let alone = |second: &str| {
        let text = format!(
            "1. Name and Address of Reporting Person* 2. Date of Event 3. Issuer Name and Ticker or Trading Symbol\n{second}\n(Month/Day/Year)\n"
        );
        let lines = crate::repr::markdown::grid(&text, 0).lines;
        let tokens = tokens(&lines);
        let h = read_header(&tokens, &lines, true);
        h.issuer_name.span.is_some_and(|at| issuer_stands_alone(&tokens, &lines, at))
    };
    assert!(alone("Roe Jane Requiring Statement EXAMPLE CORP [ EXC ]"));
    assert!(!alone("Roe Jane Requiring Statement EXAMPLE CORP"));
}

#[test]
fn a_form_3_owner_name_before_box_2_labels_words_stands_alone_when_nothing_wrapped() {
    let settled = |second: &str, date: &str| {
        let text = format!(
            "1. Name and Address of Reporting Person* 2. Date of Event 3. Issuer Name and Ticker or Trading Symbol\n{second}\n(Month/Day/Year)\n{date}\n| (Last) | (First) | (Middle) |\n1 MAIN ST\n(Street)\n"
        );
        let lines = crate::repr::markdown::grid(&text, 0).lines;
        let h = read_header(&tokens(&lines), &lines, true);
        assert_eq!(h.owner.name.value.as_deref(), Some("ROE HOLDINGS"));
        h.owner.name.span.is_some_and(|at| h.settled.contains(&at))
    };
    assert!(settled("ROE HOLDINGS Requiring Statement EXAMPLE CORP [ EXC ]", "01/02/2024"));
    assert!(settled("| ROE HOLDINGS |  | Requiring Statement | EXAMPLE CORP [ EXC ] |", "01/02/2024"));
    // The name's last word wrapped beside box 2's date.
    assert!(!settled("ROE HOLDINGS Requiring Statement EXAMPLE CORP [ EXC ]", "| INC |  | 01/02/2024 |"));
}

/// A small fictional header whose box 5 has a mark alone on the line below
/// its officer's and "other" labels, and `title` right of box 3's date.
fn lone_box5_mark_header(title: &str) -> (Header, bool) {
    let text = format!(
        "1. Name and Address of Reporting Person* 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer\n|  | EXAMPLE CORP [ EXC ] |  | (Check all applicable) |\nRoe Jane\n|  |  | X Director | 10% Owner |\n|  |  | Officer (give title | Other (specify |\nX\n| (Last) | (First) | below) | below) |\n3. Date of Earliest Transaction (Month/Day/Year)\n|  | 01/02/2024 |  | {title} |\n1 MAIN ST\n(Street) 4. If Amendment, Date of Original Filed (Month/Day/Year)\n6. Individual or Joint/Group Filing (Check Applicable Line)\n"
    );
    let lines = crate::repr::markdown::grid(&text, 0).lines;
    let tokens = tokens(&lines);
    let h = read_header(&tokens, &lines, true);
    let settled = marks_settled(&tokens, &lines, &h.owner, h.officer_mark);
    (h, settled)
}

#[test]
fn a_lone_box5_mark_is_the_officers_when_the_title_beside_box_3_names_an_office() {
    let (h, settled) = lone_box5_mark_header("Chief Financial Officer");
    assert_eq!(h.owner.is_officer.value, Some(true));
    assert_eq!(h.owner.is_officer.span, h.officer_mark);
    assert_eq!(h.owner.is_other.value, Some(false));
    assert_eq!(h.owner.officer_title.value.as_deref(), Some("Chief Financial Officer"));
    assert!(settled);
    // A text naming no office may be the "other" box's: the mark stays unplaced.
    let (h, settled) = lone_box5_mark_header("See Remarks");
    assert_eq!(h.officer_mark, None);
    assert!(h.owner.officer_title.value.is_none() && h.owner.other_text.value.is_none());
    assert!(!settled);
}

#[test]
fn offices_are_named_by_their_words() {
    let offices = [
        "CEO",
        "Chief Technology Officer",
        "SVP, GC and Secretary",
        "EVP, Operations",
        "President",
        "Vice Chair and President",
        "Chair & CEO",
    ];
    // A title's first line, wrapped (`Senior Vice` / `President`), names one too.
    for title in offices.into_iter().chain(["Senior Vice"]) {
        assert!(names_an_office(title), "{title}");
    }
    // `Vice` naming a chair is a board's seat, no office.
    let others = [
        "See Remarks",
        "Former CEO",
        "Member of 13(d) group",
        "Director by deputization",
        "GC",
        "Vice Chairman",
    ];
    for text in others.into_iter().chain(["Vice Chair of the Board"]) {
        assert!(!names_an_office(text), "{text}");
    }
}
