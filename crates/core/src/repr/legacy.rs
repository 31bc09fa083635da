//! What the older vendor print layout of the form adds or changes.
//!
//! The layout ("Edgar Filing: ISSUER - Form 4" page headers, `__X__
//! Director` check boxes, one cell per heading in the tables) ends with a
//! "Reporting Owners" table — each owner's name and address, then the
//! Director, 10% Owner, Officer (the title) and Other (the text) columns —
//! and a "Signatures" section. It writes an owner's two street lines on one
//! line joined by ", ", which [`split_street`] takes apart where that is
//! unambiguous.

use crate::model::{Field, Origin, ReportingOwner};
use crate::repr::cells::{Cell, check_mark};
use crate::repr::grid::{Line, contains_ignore_case, starts_with_ignore_case};
use crate::repr::header::split_place;
use crate::source::Span;

/// Company-name endings after which ", " does not end a street line.
const SUFFIXES: [&str; 17] = [
    "INC",
    "INC.",
    "LLC",
    "LLC.",
    "L.L.C.",
    "L.P.",
    "LP",
    "LP.",
    "LTD",
    "LTD.",
    "CORP",
    "CORP.",
    "CORPORATION",
    "CO.",
    "N.A.",
    "PLC",
    "N.V.",
];

/// Split `C/O LINKEDIN CORPORATION, 2029 STIERLIN COURT` into its two street
/// lines: after the "C/O" company name (not inside it: `C/O QUALYS, INC.,
/// 1600 BRIDGE PARKWAY`). Anything else stays one line, marked uncertain
/// when it has a ", " that could be the join.
pub(crate) fn split_street(text: &str, span: Span) -> (Field<String>, Field<String>) {
    let uncertain = |s: &str| Field { origin: Origin::Uncertain, ..Field::read(s.to_owned(), span) };
    if !starts_with_ignore_case(text, "c/o") {
        if !text.contains(", ") {
            return (Field::read(text.to_owned(), span), Field::default());
        }
        // `BANK OF AMERICA CORPORATE CENTER, 100 N TRYON ST`: a guess.
        let at = text
            .match_indices(", ")
            .map(|(i, _)| i)
            .find(|&i| text[i + 2..].starts_with(|c: char| c.is_ascii_digit()));
        return match at {
            Some(i) if !text.starts_with(|c: char| c.is_ascii_digit()) => {
                (uncertain(&text[..i]), uncertain(&text[i + 2..]))
            }
            _ => (uncertain(text), Field { origin: Origin::Uncertain, ..Field::default() }),
        };
    }
    let mut from = 0;
    while let Some(at) = text[from..].find(", ") {
        let i = from + at;
        let next = text[i + 2..].split(' ').next().unwrap_or("").trim_end_matches(',').to_ascii_uppercase();
        if !SUFFIXES.contains(&next.as_str()) {
            let (a, b) = (&text[..i], &text[i + 2..]);
            return if b.contains(", ") {
                (uncertain(a), uncertain(b))
            } else {
                (Field::read(a.to_owned(), span), Field::read(b.to_owned(), span))
            };
        }
        from = i + 2;
    }
    (Field::read(text.to_owned(), span), Field::default())
}

/// Read the "Reporting Owners" table starting at line `start` (up to `end`).
/// `first` is the owner read from the header: an entry whose name and
/// address ran together into one cell is matched to it by name.
pub(crate) fn owners_table(
    lines: &[Line],
    start: usize,
    end: usize,
    first: &ReportingOwner,
) -> Vec<ReportingOwner> {
    let mut out = Vec::new();
    let mut pending: Vec<&Line> = Vec::new();
    for line in lines.iter().take(end).skip(start + 1) {
        if line.is_blank() || contains_ignore_case(&line.text(), "reporting owner name") {
            continue;
        }
        let filled: Vec<&str> = line.filled().map(|c| c.text.as_str()).collect();
        if filled
            .iter()
            .all(|t| matches!(*t, "Director" | "10% Owner" | "Officer" | "Other" | "Relationships"))
        {
            continue;
        }
        pending.push(line);
        // The relationship cells end an entry: the line has the address cell and four more.
        if line.cells.len() >= 5 {
            out.push(entry(&pending, first));
            pending.clear();
        }
    }
    out
}

/// One owner of the table from its lines (the last holds the relationship cells).
fn entry(lines: &[&Line], first: &ReportingOwner) -> ReportingOwner {
    let mut owner = ReportingOwner::default();
    let Some(last) = lines.last() else { return owner };
    let n = last.cells.len();
    let rel = &last.cells[n - 4..];
    let address_cells: Vec<&Cell> = last.cells[..n - 4].iter().filter(|c| !c.is_empty()).collect();
    let mut texts: Vec<(String, Span)> =
        lines[..lines.len() - 1].iter().map(|l| (l.text(), l.span())).collect();
    texts.extend(address_cells.iter().map(|c| (c.text.clone(), c.span)));
    let first_name = first.name.value.as_deref().unwrap_or("\u{0}");
    if texts.len() >= 2 {
        let (name, name_span) = &texts[0];
        owner.name = Field::read(name.clone(), *name_span);
        owner.span = *name_span;
        let (place, place_span) = &texts[texts.len() - 1];
        let (city, state, zip) = split_place(place);
        let field = |v: Option<String>| Field { value: v, span: Some(*place_span), ..Field::default() };
        owner.address.city = field(city);
        owner.address.state = field(state);
        owner.address.zip_code = field(zip);
        if texts.len() >= 3 {
            let street: Vec<&str> = texts[1..texts.len() - 1].iter().map(|(t, _)| t.as_str()).collect();
            let span = texts[1].1.cover(texts[texts.len() - 2].1);
            let (s1, s2) = split_street(&street.join(", "), span);
            owner.address.street1 = s1;
            owner.address.street2 = s2;
        }
    } else if let Some((text, span)) = texts.first()
        && text.starts_with(first_name)
    {
        // Name and address ran together: the header has them.
        owner.name = Field::read(first_name.to_owned(), *span);
        owner.address = first.address.clone();
        owner.span = *span;
    } else if let Some((text, span)) = texts.first() {
        owner.name = Field { origin: Origin::Uncertain, ..Field::read(text.clone(), *span) };
    }
    let flag = |c: &Cell| Field::read(!c.is_empty() && check_mark(&c.text) != Some(false), c.span);
    owner.is_director = flag(&rel[0]);
    owner.is_ten_percent_owner = flag(&rel[1]);
    owner.is_officer = flag(&rel[2]);
    owner.is_other = flag(&rel[3]);
    let text = |c: &Cell| {
        let t = (!c.is_empty() && check_mark(&c.text).is_none()).then(|| c.text.clone());
        Field { value: t, span: Some(c.span), ..Field::default() }
    };
    owner.officer_title = text(&rel[2]);
    owner.other_text = text(&rel[3]);
    owner
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repr::grid::tab_lines;

    #[test]
    fn street_lines_are_split_after_the_care_of_company() {
        let span = Span::default();
        let (a, b) = split_street("C/O QUALYS, INC., 1600 BRIDGE PARKWAY", span);
        assert_eq!((a.text(), b.text()), ("C/O QUALYS, INC.", "1600 BRIDGE PARKWAY"));
        assert!(a.origin.is_read());
        let (a, b) = split_street("ONE LETTERMAN DRIVE, BUILDING D, 5TH FLOOR", span);
        assert_eq!((a.origin, b.origin), (Origin::Uncertain, Origin::Uncertain));
        let (a, _) = split_street("100 MAIN ST", span);
        assert!(a.origin.is_read());
    }

    #[test]
    fn owners_table_rows() {
        let lines = tab_lines(
            "Reporting Owners\nReporting Owner Name / Address\tRelationships\n\tDirector\t10% Owner\tOfficer\tOther\n\
             Doe Jane\nC/O EXAMPLE CORP, 1 MAIN ST\nSPRINGFIELD, IL 62701\tX\t\tCEO\t\n\
             Roe Trust\nC/O EXAMPLE CORP, 1 MAIN ST\nSPRINGFIELD, IL 62701\t\tX\t\t",
            0,
        );
        let owners = owners_table(&lines, 0, lines.len(), &ReportingOwner::default());
        assert_eq!(owners.len(), 2);
        assert_eq!(owners[0].name.text(), "Doe Jane");
        assert_eq!(owners[0].address.street2.text(), "1 MAIN ST");
        assert_eq!(owners[0].address.state.text(), "IL");
        assert_eq!(owners[0].is_director.value, Some(true));
        assert_eq!(owners[0].officer_title.text(), "CEO");
        assert_eq!(owners[1].is_ten_percent_owner.value, Some(true));
        assert_eq!(owners[1].is_officer.value, Some(false));
    }
}
