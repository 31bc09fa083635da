use crate::diagnostic::Code;
use crate::model::{Field, Filing, FormType, Origin, ReportingOwner};
use crate::repr::pdf::raw_boxes::settle;
use crate::repr::pdf::raw_boxes::tests::filing;
use crate::repr::pdf::raw_table::blocks;
use crate::source::Span;

/// A fictional Form 4 header's relationship box and joint filing box as
/// drawn, with `mark` (lines, ending in a blank one) drawn where the
/// Director box's mark is drawn, before box 3's label.
fn related_header(mark: &str, officer: &str) -> String {
    format!(
        "5. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\n\nDirector\n10% Owner\n\
Officer (give title\nOther (specify\n{officer}below)\nbelow)\n\n{mark}3. Date of Earliest Transaction (Month/Day/Year)\n\n\
6. Individual or Joint/Group Filing (Check Applicable\nLine)\n\nX\n\nForm filed by One Reporting Person\n"
    )
}

fn doubted(form: FormType) -> Filing {
    let mut f = filing(form);
    let owner = &mut f.reporting_owners[0];
    for flag in
        [&mut owner.is_director, &mut owner.is_officer, &mut owner.is_ten_percent_owner, &mut owner.is_other]
    {
        *flag = Field { origin: Origin::Uncertain, ..Field::read(false, Span::new(0, 1)) };
    }
    f
}

fn flags(owner: &ReportingOwner) -> [(Option<bool>, Origin); 4] {
    [&owner.is_director, &owner.is_officer, &owner.is_ten_percent_owner, &owner.is_other]
        .map(|f| (f.value, f.origin))
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
fn the_mark_before_box_3s_label_is_the_directors() {
    let text = related_header("X\n\n", "");
    let mut f = doubted(FormType::Form4);
    settle(&mut f, &blocks(&text, 0));
    let owner = &f.reporting_owners[0];
    let (yes, no) = ((Some(true), Origin::Read), (Some(false), Origin::Read));
    assert_eq!(flags(owner), [yes, no, no, no], "two marks: one relationship, the Director's");
    assert_eq!(&text[owner.is_director.span.unwrap_or_default().range()], "X");
    // Text the reader took for a title: no box with a title is checked.
    let mut f = doubted(FormType::Form4);
    let at = text.find("Line)").unwrap_or_default();
    f.reporting_owners[0].officer_title = Field::read("Line)".to_owned(), Span::new(at, at + 5));
    settle(&mut f, &blocks(&text, 0));
    assert!(f.reporting_owners[0].officer_title.is_blank());
    assert!(f.diagnostics.iter().any(|d| d.code == Code::UnplacedContent && d.message.contains("Line)")));
    // A third mark elsewhere: another box is checked too, not known which.
    let three = text.replace("Director\n", "Director\nX\n");
    let mut f = doubted(FormType::Form4);
    settle(&mut f, &blocks(&three, 0));
    let unsure = (Some(false), Origin::Uncertain);
    assert_eq!(flags(&f.reporting_owners[0]), [yes, unsure, unsure, unsure]);
    // A mark drawn elsewhere before box 3's label is no box's known.
    let mut f = doubted(FormType::Form4);
    settle(&mut f, &blocks(&related_header("", "").replace("Director\n", "X\n\nDirector\n"), 0));
    assert_eq!(flags(&f.reporting_owners[0]), [unsure; 4]);
}

#[test]
fn a_mark_run_into_the_officers_label_is_the_officers() {
    for officer in ["X ", "X Officer\n"] {
        let mut f = doubted(FormType::Form4);
        settle(&mut f, &blocks(&related_header("", officer), 0));
        let (yes, no) = ((Some(true), Origin::Read), (Some(false), Origin::Read));
        assert_eq!(flags(&f.reporting_owners[0]), [no, yes, no, no], "{officer:?}");
    }
    // Marks placed in two boxes when the header's two marks hold one
    // relationship (the joint filing box's mark here lost): in doubt.
    let unmarked = related_header("X\n\n", "X ").replace("\nX\n\nForm filed", "\nForm filed");
    let mut f = doubted(FormType::Form4);
    settle(&mut f, &blocks(&unmarked, 0));
    assert!(flags(&f.reporting_owners[0]).iter().all(|(_, o)| *o == Origin::Uncertain));
}

#[test]
fn form_3s_director_mark_stands_between_the_name_labels_and_the_street() {
    let text = "Doe John\n(Last)\n\n(First)\n\n(Middle)\n\nX\n\n100 MAIN STREET\n\n(Street)\n\n\
Director\n10% Owner\n\n5. If Amendment\n\n6. Individual or Joint/Group Filing\nX Form filed by One Reporting Person\n";
    let mut f = doubted(FormType::Form3);
    settle(&mut f, &blocks(text, 0));
    assert_eq!(f.reporting_owners[0].is_director.value, Some(true));
    assert_eq!(f.reporting_owners[0].is_ten_percent_owner.origin, Origin::Read);
    // Not on Form 4, whose Director box stands elsewhere.
    let mut f = doubted(FormType::Form4);
    settle(&mut f, &blocks(text, 0));
    assert_eq!(f.reporting_owners[0].is_director.origin, Origin::Uncertain);
}

#[test]
fn the_top_rows_two_marks_before_its_first_label_are_director_and_ten_percent_owner() {
    let text = related_header("", "").replace("\nDirector\n", "\nX\n\nX\n\nDirector\n");
    let mut f = doubted(FormType::Form4);
    f.aff10b5_one = Field::read(true, Span::new(0, 1));
    settle(&mut f, &blocks(&text, 0));
    let (yes, no) = ((Some(true), Origin::Read), (Some(false), Origin::Read));
    assert_eq!(
        flags(&f.reporting_owners[0]),
        [yes, no, yes, no],
        "three marks: two relationships and the joint filing box"
    );
    assert_eq!((f.aff10b5_one.value, f.aff10b5_one.origin), no, "every mark is accounted for");
    // A mark alone before `Director` may be either box's.
    let one = related_header("", "").replace("\nDirector\n", "\nX\n\nDirector\n");
    let mut f = doubted(FormType::Form4);
    settle(&mut f, &blocks(&one, 0));
    assert!(flags(&f.reporting_owners[0]).iter().all(|(_, o)| *o == Origin::Uncertain));
}

#[test]
fn marks_drawn_before_boxes_1_and_2_are_the_check_boxes_at_the_top() {
    // Fictional: a mark drawn before box 1's label, then the relationship
    // box with the Director's mark and the joint filing box's.
    let top = "Washington, D.C. 20549\n\nX\n\nCheck this box if no longer subject to\nSection 16.\n\n\
1. Name and Address of Reporting Person*\n\n";
    let text = format!("{top}{}", related_header("X\n\n", ""));
    let mut f = doubted(FormType::Form4);
    f.not_subject_to_section16 = Field::read(false, Span::new(0, 1));
    f.aff10b5_one = Field::read(false, Span::new(0, 1));
    settle(&mut f, &blocks(&text, 0));
    // The relationships: the top's mark is none of theirs.
    let (yes, no) = ((Some(true), Origin::Read), (Some(false), Origin::Read));
    assert_eq!(flags(&f.reporting_owners[0]), [yes, no, no, no]);
    // One of the two boxes at the top is checked, not known which, though neither was read so.
    assert_eq!(f.not_subject_to_section16.origin, Origin::Uncertain);
    assert_eq!(f.aff10b5_one.origin, Origin::Uncertain);
    // Two marks there: both checked.
    let two = text.replace("X\n\nCheck this box", "X\n\nX\n\nCheck this box");
    let mut f = doubted(FormType::Form4);
    f.not_subject_to_section16 = Field::read(false, Span::new(0, 1));
    f.aff10b5_one = Field::read(false, Span::new(0, 1));
    settle(&mut f, &blocks(&two, 0));
    assert_eq!(
        (f.not_subject_to_section16.value, f.not_subject_to_section16.origin),
        (Some(true), Origin::Read)
    );
    assert_eq!((f.aff10b5_one.value, f.aff10b5_one.origin), (Some(true), Origin::Read));
    // Two marks there on an older form showing the Section 16 box alone:
    // whether the second is that box's is not known (the Rule 10b5-1 box
    // not found: no value, no place).
    let mut f = doubted(FormType::Form4);
    f.not_subject_to_section16 = Field::read(false, Span::new(0, 1));
    settle(&mut f, &blocks(&two, 0));
    assert_eq!(f.not_subject_to_section16.origin, Origin::Uncertain);
    assert!(f.diagnostics.iter().any(|d| d.code == Code::ColumnUncertain));
    // Without box 1's or box 2's label, no mark is known to be drawn at the top.
    let unlabelled = text.replace("1. Name and Address of Reporting Person*\n\n", "");
    let mut f = doubted(FormType::Form4);
    settle(&mut f, &blocks(&unlabelled, 0));
    assert!(flags(&f.reporting_owners[0])[1..].iter().all(|(_, o)| *o == Origin::Uncertain));
}

#[test]
fn the_top_rows_marks_on_either_side_of_director_are_director_and_ten_percent_owner() {
    // Fictional: a mark, `Director`, a mark, the Officer's label, the 10%
    // Owner's label under the Other's, then the joint filing box.
    let text = "5. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\n\n\
X\n\nDirector\n\nX\n\nOfficer (give title\nbelow)\n\n10% Owner\nOther (specify\nbelow)\n\n\
3. Date of Earliest Transaction (Month/Day/Year)\n\n6. Individual or Joint/Group Filing (Check Applicable\nLine)\n\n\
X\n\nForm filed by One Reporting Person\n";
    let settled = |text: &str| {
        let mut f = doubted(FormType::Form4);
        settle(&mut f, &blocks(text, 0));
        flags(&f.reporting_owners[0])
    };
    let (yes, no) = ((Some(true), Origin::Read), (Some(false), Origin::Read));
    assert_eq!(settled(text), [yes, no, yes, no]);
    // A third mark elsewhere: the Officer's or the Other's, not known which.
    let unsure = (Some(false), Origin::Uncertain);
    assert_eq!(settled(&text.replace("3. Date", "X\n\n3. Date")), [yes, unsure, yes, unsure]);
    // The 10% Owner's label drawn before the second mark: that mark may be the Officer's.
    let before = text
        .replace("10% Owner\nOther", "Other")
        .replace("Director\n\nX\n\n", "Director\n\n10% Owner\n\nX\n\n");
    assert_eq!(settled(&before), [unsure; 4]);
    // Form 3's boxes stand elsewhere.
    let mut f = doubted(FormType::Form3);
    settle(&mut f, &blocks(text, 0));
    assert_eq!(flags(&f.reporting_owners[0]), [unsure; 4]);
}

#[test]
fn a_mark_drawn_between_the_top_boxes_labels_is_the_rule_10b5_1_boxs() {
    // Fictional: the Section 16 box's label, a mark, the Rule 10b5-1
    // box's label, box 1's label, then the Director's mark and the joint
    // filing box's.
    let top = "Check this box if no longer subject to\nSection 16.\n\nX\n\n\
Check this box to indicate that a transaction was made pursuant to a\ncontract.\n\n\
1. Name and Address of Reporting Person*\n\n";
    let text = format!("{top}{}", related_header("X\n\n", ""));
    let boxes = |text: &str| {
        let mut f = doubted(FormType::Form4);
        f.not_subject_to_section16 = Field::read(true, Span::new(0, 1));
        f.aff10b5_one = Field::read(false, Span::new(0, 1));
        settle(&mut f, &blocks(text, 0));
        [f.not_subject_to_section16, f.aff10b5_one].map(|b| (b.value, b.origin))
    };
    assert_eq!(boxes(&text), [(Some(false), Origin::Read), (Some(true), Origin::Read)]);
    // A mark before both labels may be either box's.
    let before = text
        .replace("X\n\nCheck this box to", "Check this box to")
        .replace("Check this box if", "X\n\nCheck this box if");
    assert!(boxes(&before).iter().all(|(_, o)| *o == Origin::Uncertain));
    // Another mark not placed: the Section 16 box's may be among them.
    let more = text.replace("Director\n", "X\n\nDirector\n");
    assert_eq!(boxes(&more), [(Some(true), Origin::Uncertain), (Some(true), Origin::Read)]);
    // With a diagnostic at the Rule 10b5-1 box's mark.
    let mut f = doubted(FormType::Form4);
    f.not_subject_to_section16 = Field::read(true, Span::new(0, 1));
    settle(&mut f, &blocks(&more, 0));
    let mark = more.find("X\n\nCheck this box to").unwrap_or_default();
    let doubt = f.diagnostics.iter().find(|d| d.code == Code::ColumnUncertain).map(|d| d.span);
    assert_eq!(doubt, Some(Some(Span::new(mark, mark + 1))));
}

#[test]
fn a_mark_drawn_between_the_street_lines_about_box_3s_date_is_the_officers() {
    // Fictional: the relationship labels, the title, box 3's label and
    // date, the street's first line, a mark, the second line over box 4's
    // label, then the joint filing box's mark.
    let text = "Director\n\nOfficer (give title\nbelow)\n\n10% Owner\nOther (specify\nbelow)\n\nVP Sales\n\n\
3. Date of Earliest Transaction (Month/Day/Year)\n\n02/03/2024\n\nC/O EXAMPLE CORP\n\nX\n\n\
100 MAIN STREET\n4. If Amendment, Date of Original Filed (Month/Day/Year)\n(Street)\n\n\
6. Individual or Joint/Group Filing\n\nX\n\nForm filed by One Reporting Person\n";
    let settled = |text: &str, form: FormType| {
        let mut f = doubted(form);
        settle(&mut f, &blocks(text, 0));
        flags(&f.reporting_owners[0])
    };
    let (yes, no) = ((Some(true), Origin::Read), (Some(false), Origin::Read));
    assert_eq!(settled(text, FormType::Form4), [no, yes, no, no]);
    // The mark drawn before the first street line: no box's known.
    let before = text.replace("C/O EXAMPLE CORP\n\nX\n\n", "X\n\nC/O EXAMPLE CORP\n\n");
    assert!(settled(&before, FormType::Form4).iter().all(|(_, o)| *o == Origin::Uncertain));
    // Nor on Form 3, whose relationship boxes stand under box 3.
    assert!(settled(text, FormType::Form3).iter().all(|(_, o)| *o == Origin::Uncertain));
}

#[test]
fn the_ten_percent_owners_mark_drawn_with_the_officers_label_places_the_directors() {
    // Fictional: a mark right before the Officer's label, the 10% Owner's
    // label drawn later, a mark right before `Director`, then the joint
    // filing box's.
    let text = "5. Relationship of Reporting Person(s) to Issuer\n(Check all applicable)\n\n\
X\n\nOfficer (give title\nbelow)\n\n3. Date of Earliest Transaction (Month/Day/Year)\n\n10% Owner\n\n\
X\n\nDirector\n\nX\n\nForm filed by One Reporting Person\n";
    let settled = |text: &str| {
        let mut f = doubted(FormType::Form4);
        settle(&mut f, &blocks(text, 0));
        flags(&f.reporting_owners[0])
    };
    let (yes, no) = ((Some(true), Origin::Read), (Some(false), Origin::Read));
    assert_eq!(settled(text), [yes, no, yes, no]);
    // The 10% Owner's label drawn before the first mark: that mark may be
    // the Officer's, and the one before `Director` the 10% Owner's.
    let drawn = text.replace("10% Owner\n\n", "").replace("X\n\nOfficer", "10% Owner\n\nX\n\nOfficer");
    assert!(settled(&drawn).iter().all(|(_, o)| *o == Origin::Uncertain));
    // `Director` drawn in one block with the Officer's label under it.
    let block = "X\n\n3. Date of Earliest Transaction (Month/Day/Year)\n\nX\n\nDirector\nOfficer (give title\nbelow)\n\n\
10% Owner\nOther (specify\nbelow)\n\nX\n\nForm filed by One Reporting Person\n";
    assert_eq!(settled(block), [yes, no, yes, no]);
    // The 10% Owner's mark alone, between `Director` and its own label.
    let alone = "Director\n\nX\n\n10% Owner\n\nOfficer (give title\nbelow)\n\nX\n\nForm filed by One Reporting Person\n";
    assert_eq!(settled(alone), [no, no, yes, no]);
    // A 10% Owner's mark so drawn after the header (from the first table's
    // title on) places no Director's mark.
    let header = "X\n\nDirector\n\nX\n\nForm filed by One Reporting Person\n";
    let after = format!(
        "{header}\nTable I - Non-Derivative Securities\n\nX\n\nOfficer (give title\nbelow)\n\n10% Owner\n"
    );
    assert!(settled(&after).iter().all(|(_, o)| *o == Origin::Uncertain));
}
