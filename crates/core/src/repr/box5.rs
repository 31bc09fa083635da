//! Box 5's title (the officer's title or the "other" text) beside box 3, in
//! headers made from a PDF whose boxes lost their lines.
//!
//! The form prints box 3 (the period's label, its date below) in the middle
//! column and box 5 (the relationship boxes, the title written below the
//! "Officer (give title below)" and "Other (specify below)" labels) right of
//! it, the title's lines level with box 3's label and date. A converter
//! that writes a line of several texts as a table row keeps their order, so
//! a value in a cell right of the period's label or date, on its line, is
//! the title's first line — when nothing stands between box 5's labels and
//! it that could be an earlier line of the title.
//!
//! Whether the title ends on that line is told the way a street's break is
//! ([`header::ends_street`]): a line breaks only where the next word does
//! not fit, so a line whose next word would have fitted on the title's line
//! is no line of the title. When that holds for every value between the
//! title and the labels below box 5, the title is whole.
//!
//! Not read: a title wrapped over several lines (its lines are scattered
//! among the street's, with no position to tell them apart), or two values
//! right of box 3 (an officer's title and an "other" text side by side).

use crate::repr::cells::read_date;
use crate::repr::header::{self, Label, Token};

/// The width a line of box 5's title holds at least, in thousandths of an
/// em of the form's data font ([`header::measure`]): 4.777 ems (`Technology`
/// is printed whole on a line; the narrowest line seen wrapped ran to 5.4
/// ems with its next word, `President and`).
pub(crate) const TITLE_WIDTH: usize = 4_777;

/// The index of the token read as box 5's title: the one unclaimed value
/// right of the period's label or date on their line, after the last
/// relationship label, with every value between them claimed (the date) or
/// left of box 3 on the title's line (box 1's text).
pub(crate) fn beside_period(
    tokens: &[Token],
    lines: &[crate::repr::grid::Line],
    claimed: &[bool],
) -> Option<usize> {
    let boxes = tokens.iter().rposition(|t| {
        matches!(t, Token::Label(Label::Director | Label::TenPercent | Label::Officer | Label::Other, _))
    })?;
    let period = tokens.iter().position(|t| matches!(t, Token::Label(Label::Period, _)))?;
    let Some(Token::Label(_, label)) = tokens.get(period) else { return None };
    // Box 3's cells: its label's last and its date's, each on its line.
    let mut anchors = Vec::with_capacity(2);
    anchors.extend(header::cell_of(lines, label.end.saturating_sub(1)));
    let date = tokens.iter().enumerate().skip(period + 1).find_map(|(j, t)| match t {
        Token::Value(v) if claimed.get(j) == Some(&true) && read_date(&v.text).is_some() => {
            Some((v.line, v.cell))
        }
        _ => None,
    });
    anchors.extend(date);
    let right_of = |line: usize, cell: usize| anchors.iter().any(|&(l, c)| l == line && c < cell);
    let mut found = None;
    for (j, t) in tokens.iter().enumerate().skip(boxes.max(period) + 1) {
        let Token::Value(v) = t else { continue };
        if claimed.get(j) == Some(&true) {
            continue;
        }
        if right_of(v.line, v.cell) {
            if found.is_some() {
                return None;
            }
            found = Some(j);
        } else if found.is_none() && !anchors.iter().any(|&(l, c)| l == v.line && v.cell < c) {
            // Text above the title, not left of box 3 on its line: an
            // earlier line of the title may be it.
            return None;
        }
    }
    // Text between box 5's labels and box 3's label may be the title's too.
    let between = tokens.get(boxes + 1..period).unwrap_or_default();
    if between.iter().any(|t| matches!(t, Token::Value(_))) {
        return None;
    }
    found
}

/// Whether the title at token `j` is whole: every value after it, up to
/// the labels below box 5 (box 4's and 6's, the street's), begins with a
/// word that would have fitted on the title's line ([`TITLE_WIDTH`]), so
/// none is a line the title wrapped onto. Dates are box 3's or 4's.
pub(crate) fn is_whole(tokens: &[Token], j: usize) -> bool {
    let Some(Token::Value(title)) = tokens.get(j) else { return false };
    for t in tokens.iter().skip(j + 1) {
        match t {
            Token::Label(
                Label::Amendment
                | Label::Joint
                | Label::Street
                | Label::City
                | Label::OnePerson
                | Label::MorePersons,
                _,
            ) => return true,
            Token::Value(v)
                if read_date(&v.text).is_none()
                    && !header::ends_street(&title.text, &v.text, TITLE_WIDTH) =>
            {
                return false;
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repr::header::tokens;

    /// The title read beside box 3 of a small fictional header (its box 5
    /// as `boxes`, then `below`), and whether it is whole.
    fn title_of(boxes: &str, below: &str) -> Option<(String, bool)> {
        let text = format!(
            "1. Name and Address of Reporting Person* 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer\n|  | EXAMPLE CORP [ EXC ] |  | (Check all applicable) |\nRoe Jane\n{boxes}{below}6. Individual or Joint/Group Filing (Check Applicable Line)\n"
        );
        let lines = crate::repr::markdown::grid(&text, 0).lines;
        let tokens = tokens(&lines);
        let h = header::read_header(&tokens, &lines, true);
        let title = h.owner.officer_title.value.or(h.owner.other_text.value)?;
        Some((title, h.whole_title.is_some()))
    }

    /// Box 5 with its officer's box checked in the label's cell.
    const OFFICER: &str = "|  |  | Director | 10% Owner |\n|  |  | X Officer (give title | Other (specify |\n| (Last) | (First) | below) | below) |\n";

    fn title(below: &str) -> Option<(String, bool)> {
        title_of(OFFICER, below)
    }

    #[test]
    fn a_title_right_of_box_3_is_read_and_whole_when_no_next_word_would_have_fitted() {
        let after_date = "3. Date of Earliest Transaction (Month/Day/Year)\n|  | 01/02/2024 |  | CFO |\n1 MAIN ST\n(Street) 4. If Amendment, Date of Original Filed (Month/Day/Year)\n";
        assert_eq!(title(after_date), Some(("CFO".into(), true)));
        // Right of the label, on its line.
        let after_label = "|  | 3. Date of Earliest Transaction (Month/Day/Year) | CFO |\n01/02/2024\n1 MAIN ST\n(Street)\n";
        assert_eq!(title(after_label), Some(("CFO".into(), true)));
        // `Treasurer` would not have fitted after `Senior VP,`: maybe its second line.
        let wrapped = "3. Date of Earliest Transaction (Month/Day/Year)\n|  | 01/02/2024 |  | Senior VP, |\n1 MAIN ST\nTreasurer\n(Street)\n";
        assert_eq!(title(wrapped), Some(("Senior VP,".into(), false)));
        // Box 1's street left of the date is no title.
        let street = "3. Date of Earliest Transaction (Month/Day/Year)\n| 1 MAIN ST | 01/02/2024 |  | CFO |\n(Street)\n";
        assert_eq!(title(street), Some(("CFO".into(), true)));
    }

    #[test]
    fn no_title_is_read_beside_box_3_when_its_first_line_or_its_box_is_not_certain() {
        let above = "Chief\n3. Date of Earliest Transaction (Month/Day/Year)\n|  | 01/02/2024 |  | Officer |\n(Street)\n";
        assert_eq!(title(above), None);
        // Two values right of the date: an officer's title and an "other" text, maybe.
        let two =
            "3. Date of Earliest Transaction (Month/Day/Year)\n|  | 01/02/2024 | CFO | Adviser |\n(Street)\n";
        assert_eq!(title(two), None);
        // A mark alone on a line between the officer's and the other's
        // labels: whose title is not known, unless the title names an office.
        let lone = "Director 10% Owner\nOfficer (give title Other (specify\nX\n(Last) (First) (Middle) below) below)\n";
        let beside = |title: &str| {
            format!(
                "3. Date of Earliest Transaction (Month/Day/Year)\n|  | 01/02/2024 |  | {title} |\n(Street)\n"
            )
        };
        assert_eq!(title_of(lone, &beside("Adviser")), None);
        assert_eq!(title_of(lone, &beside("CFO")), Some(("CFO".into(), true)));
        let below = beside("CFO");
        assert_eq!(title_of(OFFICER, &below), Some(("CFO".into(), true)));
    }
}
