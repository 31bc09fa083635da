use super::*;
use crate::model::Date;
use crate::repr::pdf::raw_table::blocks;

fn read(text: &str) -> Filing {
    let mut filing = Filing::default();
    settle(&mut filing, &blocks(text, 0));
    filing
}

fn names(f: &Filing) -> Vec<(&str, Origin)> {
    f.signatures.iter().map(|s| (s.name.value.as_deref().unwrap_or_default(), s.name.origin)).collect()
}

#[test]
fn an_empty_remarks_box_leaves_its_label_with_the_name() {
    // Fictional: the name's lines follow `Remarks:`, the date is a block of its own.
    let text = "Explanation of Responses:\n1. A fictional footnote.\n\nRemarks:\n/s/ Jane Roe, Attorney-in-\nFact for John Doe\n\n01/02/2024\n\n** Signature of Reporting Person\nDate\n";
    let f = read(text);
    assert_eq!(names(&f), [("/s/ Jane Roe, Attorney-in-Fact for John Doe", Origin::Read)]);
    assert_eq!(f.signatures[0].date.value, Date::from_ymd(2024, 1, 2));
    assert_eq!(f.remarks.value, None);
    assert_eq!(f.remarks.origin, Origin::Read);
}

#[test]
fn remarks_in_their_own_block_then_signatures_with_their_dates() {
    let text = "Remarks:\nThe fictional reporting person disclaims beneficial ownership of the shares held by the trust.\n\n/s/ Jane Roe, Authorized\nSignatory for Roe LLC\n\n01/02/2024\n\n/s/ John Doe\n\n01/03/2024\n\n** Signature of Reporting Person\n";
    let f = read(text);
    assert_eq!(
        f.remarks.value.as_deref(),
        Some(
            "The fictional reporting person disclaims beneficial ownership of the shares held by the trust."
        )
    );
    assert_eq!(f.remarks.origin, Origin::Read);
    assert_eq!(
        names(&f),
        [("/s/ Jane Roe, Authorized Signatory for Roe LLC", Origin::Read), ("/s/ John Doe", Origin::Read)]
    );
    assert_eq!(f.signatures[1].date.value, Date::from_ymd(2024, 1, 3));
    let span = f.signatures[1].date.span.unwrap_or_default();
    assert_eq!(&text[span.range()], "01/03/2024");
}

#[test]
fn a_hyphen_the_extractor_dropped_is_put_back_where_it_is_known() {
    // The date glued to the line that ended with the hyphen.
    let text = "Remarks:\n/s/ Jane Roe, Attorney-In01/02/2024\nFact\n** Signature of Reporting Person\n";
    let f = read(text);
    assert_eq!(names(&f), [("/s/ Jane Roe, Attorney-In-Fact", Origin::Read)]);
    assert_eq!(f.signatures[0].date.value, Date::from_ymd(2024, 1, 2));
    // The words of a signature by power of attorney, one of their hyphens dropped.
    let joined = |name: &str| format!("{name}\n\n01/02/2024\n\n** Signature of Reporting Person\n");
    let name = |text: &str| names(&read(text)).first().map(|(n, o)| (n.to_string(), *o));
    let read_as = |text: &str| Some((text.to_owned(), Origin::Read));
    assert_eq!(
        name(&joined("/s/ Jane Roe, Attorney-infact for John Doe")),
        read_as("/s/ Jane Roe, Attorney-in-fact for John Doe")
    );
    assert_eq!(name(&joined("/s/ Jane Roe, AttorneyIn-Fact")), read_as("/s/ Jane Roe, Attorney-In-Fact"));
    assert_eq!(name(&joined("/s/ Jane Roe, Atty-inFact")), read_as("/s/ Jane Roe, Atty-in-Fact"));
    // Elsewhere where the hyphen went is not known: a capital after a
    // small letter in a word that runs far enough along its line to have
    // been broken, a line longer than the box, or two joins in one line.
    assert_eq!(name(&joined("/s/ Kate DeRoe, Trustee")), read_as("/s/ Kate DeRoe, Trustee"));
    for text in [
        "/s/ Jane Roe, Trustee for RoeTrust",
        "/s/ Jane Roe, Managing Directorof Example Fund",
        "/s/ Jane Roe, Managing Directorof Example Fund, Attorney-infact",
    ] {
        assert_eq!(name(&joined(text)).map(|(_, o)| o), Some(Origin::Uncertain), "{text}");
    }
}

#[test]
fn each_date_stands_beside_the_middle_of_its_name() {
    // Fictional, after the page's drawing order: each name's lines, its
    // date drawn after its middle line. The first name has two lines
    // before its date; the second, two after it: so one line follows the
    // first date, and the split is known.
    let text = "EXAMPLE HOLDINGS\nLLC by its Authorized\n01/02/2024\nSignatory Jane Roe\nEXAMPLE FUND LP,\nby its General\n01/02/2024\nPartner, Jane\nRoe\n** Signature of Reporting Person\n";
    assert_eq!(
        names(&read(text)),
        [
            ("EXAMPLE HOLDINGS LLC by its Authorized Signatory Jane Roe", Origin::Read),
            ("EXAMPLE FUND LP, by its General Partner, Jane Roe", Origin::Read)
        ]
    );
    // A date beside a line is on the name's middle one: one line (`Trust`)
    // follows it, and `John Doe` is the next name.
    let beside = "Jane Roe, Trustee of the\nRoe Family 01/02/2024\nTrust\nJohn Doe\n\n01/03/2024\n\n** Signature of Reporting Person\n";
    assert_eq!(
        names(&read(beside)),
        [("Jane Roe, Trustee of the Roe Family Trust", Origin::Read), ("John Doe", Origin::Read)]
    );
    // A date alone between the lines: the line after it may end the first
    // name or start the second (a date of its own comes after its whole name).
    let either = "Jane Roe, Trustee\n01/02/2024\nof the Roe Trust\nJohn Doe\n\n01/03/2024\n\n** Signature of Reporting Person\n";
    let origins: Vec<Origin> = names(&read(either)).iter().map(|(_, o)| *o).collect();
    assert_eq!(origins, [Origin::Uncertain, Origin::Uncertain]);
    // A date alone inside the name's block, the name going on after it.
    let inside = "/s/ Jane Roe, by its\n01/02/2024\nAuthorized Signatory\n** Signature of Reporting Person\n";
    assert_eq!(names(&read(inside)), [("/s/ Jane Roe, by its Authorized Signatory", Origin::Read)]);
}

#[test]
fn remarks_run_together_with_the_signature_are_in_doubt() {
    let text = "Remarks:\nThe fictional reporting person disclaims beneficial ownership of the shares held by the trust, see above.\n/s/ John Doe\n01/03/2024\n** Signature of Reporting Person\n";
    let mut f = Filing::default();
    f.remarks.origin = Origin::Uncertain;
    settle(&mut f, &blocks(text, 0));
    assert_eq!(f.remarks.origin, Origin::Uncertain, "the reader's doubt stays");
}

#[test]
fn without_a_date_the_readers_signatures_stay() {
    let mut f = Filing::default();
    f.signatures.push(Signature::default());
    settle(&mut f, &blocks("/s/ John Doe\n** Signature of Reporting Person\n", 0));
    assert_eq!(f.signatures.len(), 1);
    assert_eq!(trailing_date("Managing 02/01/2024"), Some(9));
    assert_eq!(trailing_date("Attorney-In12/06/2018"), Some(11));
    assert_eq!(trailing_date("Suite 100"), None);
    assert!(is_numbered("1. A footnote") && is_numbered("(2) Another"));
    assert!(!is_numbered("100 Main Street"));
}

#[test]
fn a_date_after_the_label_over_its_own_label_is_the_signatures() {
    // Fictional, an older print: the name before the label, its date after it.
    let text = "Remarks:\nExhibit 24 - Power of Attorney\n\n/s/ Jane Roe, as attorney in\nfact for John Doe\n** Signature of Reporting Person\nReminder: Report on a separate line for each class of securities.\n\n01/02/2024\nDate\n";
    let f = read(text);
    assert_eq!(names(&f), [("/s/ Jane Roe, as attorney in fact for John Doe", Origin::Read)]);
    assert_eq!(f.signatures[0].date.value, Date::from_ymd(2024, 1, 2));
    assert_eq!(f.remarks.value.as_deref(), Some("Exhibit 24 - Power of Attorney"));
    // The remarks box's lines alone: a name if signed (`/s/`), else in doubt.
    let boxed = "Remarks:\n/s/ Jane Roe\n** Signature of Reporting Person\n\n01/02/2024\nDate\n";
    assert_eq!(names(&read(boxed)), [("/s/ Jane Roe", Origin::Read)]);
    let unsigned = boxed.replace("/s/ ", "");
    assert_eq!(names(&read(&unsigned)), [("Jane Roe", Origin::Uncertain)]);
    // No date over the `Date` label: no signature read here.
    let none = "/s/ Jane Roe\n** Signature of Reporting Person\nDate\n";
    assert!(read(none).signatures.is_empty());
}

#[test]
fn a_pages_break_parts_no_name_from_its_date() {
    // Fictional: the page ends after the name's second line, the date
    // and the print's title follow, then the name's last line.
    let text = "By: Jane Roe by\nPower of Attorney For: John\nhttps://www.sec.gov/Archives/edgar/data/1/2/x.xml\n\n01/02/2024\n\n2/3\n\nSEC FORM 4\n\nDoe\n** Signature of Reporting Person\n";
    assert_eq!(names(&read(text)), [("By: Jane Roe by Power of Attorney For: John Doe", Origin::Read)]);
    // The remarks' text after the page's break is theirs.
    let remarks = "Remarks:\nhttps://www.sec.gov/Archives/edgar/data/1/2/x.xml\n\n2/3\n\nSEC FORM 4\n\nThe fictional reporting person filed this form as the second of two forms, on the same day as the first.\n\n/s/ Jane Roe\n\n01/02/2024\n\n** Signature of Reporting Person\n";
    let f = read(remarks);
    assert!(f.remarks.value.as_deref().is_some_and(|r| r.starts_with("The fictional")), "{:?}", f.remarks);
    assert_eq!(f.remarks.origin, Origin::Read);
    assert_eq!(names(&f), [("/s/ Jane Roe", Origin::Read)]);
}

#[test]
fn a_footnote_read_on_into_the_first_name_ends_where_it_begins() {
    let text = "1. A fictional footnote.\n\nEXAMPLE HOLDINGS\nLLC, by Jane Roe\n\n01/02/2024\n\n** Signature of Reporting Person\n";
    let mut f = Filing::default();
    let start = text.find("A fictional").unwrap_or_default();
    let end = text.find("HOLDINGS").unwrap_or_default() + "HOLDINGS".len();
    let id = crate::model::FootnoteId::new("F1");
    let note = Field::read("A fictional footnote. EXAMPLE HOLDINGS".to_owned(), Span::new(start, end));
    f.footnotes.push(crate::model::Footnote { id, text: note });
    settle(&mut f, &blocks(text, 0));
    assert_eq!(f.footnotes[0].text.value.as_deref(), Some("A fictional footnote."));
    assert_eq!(f.footnotes[0].text.origin, Origin::Read);
    assert_eq!(names(&f), [("EXAMPLE HOLDINGS LLC, by Jane Roe", Origin::Read)]);
}

#[test]
fn names_each_signed_with_s_are_cut_where_each_begins() {
    // Fictional: four names begun `/s/`, the first's date beside its
    // middle line, the second's between its lines, the third's after its
    // first line, the fourth's apart.
    let text = "Remarks:\nThe fictional reporting persons disclaim beneficial ownership of the shares held by the fund.\n\n\
/s/ Jane Roe, Managing\nMember, Roe UGP LLC,\nGeneral Partner of Roe 01/02/2024\nGP LP, the General Partner of\nRoe LP\n\
/s/ Jane Roe, Managing\nMember, Roe UGP LLC,\n01/02/2024\nGeneral Partner of Roe\nGP LP\n\
/s/ Jane Roe, Managing\n01/02/2024\nMember, Roe UGP LLC\n/s/ John Doe\n\n01/02/2024\n\n\
** Signature of Reporting Person\n";
    let f = read(text);
    assert_eq!(
        names(&f),
        [
            (
                "/s/ Jane Roe, Managing Member, Roe UGP LLC, General Partner of Roe GP LP, the General Partner of Roe LP",
                Origin::Read
            ),
            ("/s/ Jane Roe, Managing Member, Roe UGP LLC, General Partner of Roe GP LP", Origin::Read),
            ("/s/ Jane Roe, Managing Member, Roe UGP LLC", Origin::Read),
            ("/s/ John Doe", Origin::Read),
        ]
    );
    // A date drawn after the next name's first line, or a name not begun
    // `/s/`: not so cut.
    let cells = |lines: &[&str]| -> Vec<Cell> {
        lines.iter().map(|t| Cell { text: (*t).to_owned(), span: Span::default() }).collect()
    };
    assert!(cut_at_signed(&[cells(&["/s/ Jane Roe", "/s/ John Doe"]), vec![], vec![]]).is_none());
    assert!(cut_at_signed(&[cells(&["/s/ Jane Roe"]), cells(&["John Doe"]), vec![]]).is_none());
    assert!(cut_at_signed(&[cells(&["/s/ Jane Roe"]), cells(&["/s/ John Doe"]), vec![]]).is_some());
}
