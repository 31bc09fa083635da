use super::*;
use crate::repr::align::cell_token;
use crate::repr::cells::Cell;
use crate::source::Span;

fn tokens(texts: &[&str]) -> Vec<Token> {
    texts
        .iter()
        .enumerate()
        .map(|(k, t)| {
            cell_token(&Cell { text: (*t).to_owned(), span: Span::new(k * 100, k * 100 + t.len()) })
        })
        .collect()
}

fn texts(rows: &[Vec<Token>]) -> Vec<Vec<&str>> {
    rows.iter().map(|r| r.iter().map(|t| t.text.as_str()).collect()).collect()
}

#[test]
fn a_row_whose_form_is_drawn_after_the_next_title_is_put_together() {
    // Fictional: a grant, then a trust's holding; the grant's form is drawn
    // after the holding's title and amount.
    let drawn = [
        "Common Stock",
        "01/02/2024",
        "A",
        "500",
        "A",
        "$0",
        "1,500",
        "Common Stock",
        "2,000",
        "D",
        "I",
        "By Trust",
    ];
    let rows = untangle(&tokens(&drawn)).expect("one reading");
    assert_eq!(
        texts(&rows),
        [
            vec!["Common Stock", "01/02/2024", "A", "500", "A", "$0", "1,500", "D"],
            vec!["Common Stock", "2,000", "I", "By Trust"],
        ]
    );
}

#[test]
fn two_readings_as_good_as_each_other_give_none() {
    // Fictional: a sale's amount and amount owned drawn together, in either order.
    let drawn = ["Common Stock", "01/02/2024", "S", "$5.00", "100", "900", "D", "D"];
    assert!(untangle(&tokens(&drawn)).is_none());
}

#[test]
fn values_the_model_has_no_place_for_give_none() {
    // Fictional: footnote marks drawn alone.
    assert!(untangle(&tokens(&["Common Stock", "100", "(1)", "D"])).is_none());
    // More amounts than the letters allow rows for.
    assert!(untangle(&tokens(&["Common Stock", "100", "200", "300", "D"])).is_none());
}

#[test]
fn a_title_drawn_after_its_holding_is_told_from_the_nature_by_its_words() {
    // Fictional: a trust's holding drawn form first, title last.
    let rows = untangle(&tokens(&["12,000", "I", "By Trust", "Common Stock"])).expect("one reading");
    assert_eq!(texts(&rows), [vec!["Common Stock", "12,000", "I", "By Trust"]]);
    assert!(names_a_holder("See Footnote⁽²⁾") && !names_a_holder("Class A Common Stock"));
    assert!(
        names_a_security("Class A Common Stock") && !names_a_security("SMB Charitable Remainder Unitrust")
    );
}
