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
    assert_eq!(names(&f), [("/s/ Jane Roe, Attorney-in- Fact for John Doe", Origin::Read)]);
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
fn a_name_broken_around_its_date_or_joined_at_a_hyphen_is_in_doubt() {
    // The date drawn inside the name's lines; a line joined where a hyphen was dropped.
    let text = "Remarks:\n/s/ Jane Roe, Attorney-In01/02/2024\nFact\n** Signature of Reporting Person\n";
    let f = read(text);
    assert_eq!(names(&f), [("/s/ Jane Roe, Attorney-In Fact", Origin::Uncertain)]);
    assert_eq!(f.signatures[0].date.value, Date::from_ymd(2024, 1, 2));
    assert!(f.diagnostics.iter().any(|d| d.code == Code::ColumnUncertain));
    let joined =
        "/s/ Jane Roe, Attorney-infact for John Doe\n\n01/02/2024\n\n** Signature of Reporting Person\n";
    assert_eq!(names(&read(joined))[0].1, Origin::Uncertain);
    let capital = "/s/ Jane Roe, AttorneyIn-Fact\n\n01/02/2024\n\n** Signature of Reporting Person\n";
    assert_eq!(names(&read(capital))[0].1, Origin::Uncertain);
    // A date alone on a line, but inside the name's block: the name may go on after it.
    let inside = "/s/ Jane Roe, by its\n01/02/2024\nAuthorized Signatory\n** Signature of Reporting Person\n";
    assert_eq!(names(&read(inside)), [("/s/ Jane Roe, by its Authorized Signatory", Origin::Uncertain)]);
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
