//! The header's boxes in PDF text with layout.
//!
//! The boxes sit side by side (box 1 at the left, boxes 2–4 in the middle,
//! 5–6 at the right, their labels and values wrapped): the numbered labels
//! give the boxes' columns, and each box is laid out as lines of its own,
//! in order, for the shared header reader ([`crate::repr::header`]). The
//! relationship box is rebuilt from where its marks stand: a mark sits
//! left of its label, often on another line than the label's first.

use crate::diagnostic::quote;
use crate::repr::align::join_wrapped;
use crate::repr::cells::{Cell, check_mark};
use crate::repr::form::Doubt;
use crate::repr::grid::{Line, contains_ignore_case, starts_with_ignore_case};
use crate::repr::pdf::layout::{PageLine, Segment};
use crate::source::Span;

/// A check mark beside the second line of a wrapped label ("X  below)"
/// under "Officer (give title") goes before the label's first line.
fn move_marks(page: &mut [PageLine]) {
    // `X below)`: the mark ran into the fragment (one space apart).
    for line in page.iter_mut() {
        let mut k = 0;
        while k < line.segments.len() {
            let s = &line.segments[k];
            if let Some(rest) = s.cell.text.strip_prefix("X ")
                && rest.starts_with(|c: char| c.is_lowercase())
            {
                let (x, start, end) = (s.x, s.cell.span.start as usize, s.cell.span.end as usize);
                let mark = Segment { x, cell: Cell::new("X", Span::new(start, start + 1)) };
                let fragment = Segment { x: x + 2, cell: Cell::new(rest, Span::new(start + 2, end)) };
                line.segments.splice(k..=k, [mark, fragment]);
            }
            k += 1;
        }
    }
    for i in 1..page.len() {
        let mut k = 0;
        while k < page[i].segments.len() {
            let s = &page[i].segments[k];
            let fragment_follows = page[i]
                .segments
                .get(k + 1)
                .is_some_and(|n| n.cell.text.starts_with(|c: char| c.is_lowercase()));
            if check_mark(&s.cell.text) == Some(true) && fragment_follows {
                let x = s.x;
                if let Some(at) = page[i - 1].segments.iter().position(|p| p.x > x && p.x <= x + 8) {
                    let mark = page[i].segments.remove(k);
                    page[i - 1].segments.insert(at, mark);
                    continue;
                }
            }
            k += 1;
        }
    }
}

/// The check boxes above the numbered boxes ("Check this box if no longer
/// subject to Section 16", "Check this box to indicate that a transaction
/// was made pursuant to …"): a mark in the margin stands beside the middle
/// of its wrapped label, so on any of the label's lines. It belongs to the
/// label whose first line ("Check this box …") is the last at or above it,
/// and goes before that line's text, where the header reader looks for it.
/// A mark run into the label's text (`X Section 16.`) is split off first.
fn place_box_marks(page: &mut [PageLine]) {
    // A label's first line, its mark maybe run into it (`X Check this box`).
    let starts_label = |s: &Segment| {
        let t = s.cell.text.as_str();
        let unmarked = t.split_once(' ').filter(|(m, _)| check_mark(m) == Some(true)).map_or(t, |(_, r)| r);
        starts_with_ignore_case(unmarked.trim_start(), "check this box")
    };
    // The line of the last label's first line, and the label's column.
    let mut label: Option<(usize, u32)> = None;
    for i in 0..page.len() {
        if let Some(s) = page[i].segments.iter().find(|s| starts_label(s)) {
            label = Some((i, s.x));
            continue;
        }
        let Some((at, label_x)) = label else { continue };
        let Some(first) = page[i].segments.first().filter(|s| s.x < label_x) else { continue };
        let (x, span, text) = (first.x, first.cell.span, first.cell.text.clone());
        let start = span.start as usize;
        let mark = if check_mark(&text) == Some(true) {
            page[i].segments.remove(0)
        } else if let Some((mark, rest)) = text.split_once(' ')
            && check_mark(mark) == Some(true)
            && !rest.trim().is_empty()
        {
            let lead = text.len() - rest.trim_start().len();
            page[i].segments[0] = Segment {
                x: x + lead as u32,
                cell: Cell::new(rest.trim_start(), Span::new(start + lead, span.end as usize)),
            };
            Segment { x, cell: Cell::new(mark, Span::new(start, start + mark.len())) }
        } else {
            continue;
        };
        page[at].segments.insert(0, mark);
    }
}

/// The widest a line of the name and address box runs (characters of
/// pdftotext's layout) when the box's "(Last) (First) (Middle)" labels are
/// not found to measure it by.
const NAME_BOX_WIDTH: usize = 30;

/// How full a line of the name and address box is (its length and the next
/// line's first word, against the width of its "(Last) (First) (Middle)"
/// labels) when it may have been wrapped rather than ended. Wraps are found
/// from 0.667 of that width up, ends of values up to 0.73: the characters
/// of a proportional font take more or less room than one column each.
const MAY_WRAP: f64 = 0.62;

/// Last words that cannot end a street line: a line that may be full and
/// ends with one was wrapped (`2800 SAND HILL ROAD, SUITE` / `101`).
const JOINING_WORDS: [&str; 12] =
    ["suite", "ste", "ste.", "floor", "fl.", "bldg.", "of", "the", "and", "&", "#", "-"];

/// A value line of the name and address box: one segment, not a label.
fn box_value(l: &PageLine) -> Option<&Segment> {
    match l.segments.as_slice() {
        [s] => {
            let t = s.cell.text.as_str();
            // `(Street)`, or a box's numbered label (`1. Name and Address`), not `100 ST. JAMES`.
            let numbered = t
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            let label = t.starts_with('(') || numbered;
            (!label).then_some(s)
        }
        _ => None,
    }
}

/// Append the value of line `from` to the value of line `to` (both
/// [`box_value`] lines), as text wrapped over lines; line `from` is left blank.
fn join_lines(column: &mut [PageLine], to: usize, from: usize) {
    let Some(moved) = column[from].segments.pop() else { return };
    if let Some(s) = column[to].segments.first_mut() {
        s.cell.text = join_wrapped(&s.cell.text, &moved.cell.text);
        s.cell.span = s.cell.span.cover(moved.cell.span);
    }
}

/// The name and address box (1), one column of the page's lines (or a
/// further owner's box, printed after the tables). The name
/// (above "(Last) (First) (Middle)") is one value however many lines it
/// wraps over: its lines are joined. A break between street lines (above
/// "(Street)") where the line was full enough to have been wrapped is a
/// wrap when the line ends with a word that cannot end a street
/// ([`JOINING_WORDS`]) or the next line is a single word (`ROAD`, `INC.`,
/// `100`: no street line on its own): the lines are joined. Any other such
/// break is given back as a doubt (one value wrapped, or two).
pub(crate) fn name_box(column: &mut [PageLine]) -> Vec<Doubt> {
    let find = |what: &str| {
        column.iter().position(|l| l.segments.iter().any(|s| contains_ignore_case(&s.cell.text, what)))
    };
    let label = find("name and address");
    let names_end =
        column.iter().position(|l| l.segments.first().is_some_and(|s| s.cell.text.starts_with("(Last)")));
    let streets_end = find("(street)").unwrap_or(column.len());
    let width = names_end
        .and_then(|i| {
            let segs = &column[i].segments;
            let right = segs.iter().find_map(|s| {
                let at = s.cell.text.find("(Middle)")?;
                Some(s.x as usize + s.cell.text[..at].chars().count() + "(Middle)".len())
            })?;
            right.checked_sub(segs.first()?.x as usize)
        })
        .unwrap_or(NAME_BOX_WIDTH);
    if let (Some(label), Some(end)) = (label, names_end) {
        let names: Vec<usize> = (label + 1..end).filter(|&i| box_value(&column[i]).is_some()).collect();
        if let Some((&first, rest)) = names.split_first() {
            for &i in rest {
                join_lines(column, first, i);
            }
        }
    }
    let start = names_end.map_or(0, |i| i + 1);
    let streets: Vec<usize> =
        (start..streets_end.max(start)).filter(|&i| box_value(&column[i]).is_some()).collect();
    let mut doubts = Vec::new();
    // The line the value being built started on, and its last piece's length.
    let mut open: Option<(usize, usize)> = None;
    for &i in &streets {
        let Some(b) = box_value(&column[i]).map(|s| s.cell.text.clone()) else { continue };
        let Some((a, a_len)) = open else {
            open = Some((i, b.chars().count()));
            continue;
        };
        let next_word = b.split(' ').next().unwrap_or("");
        let full = (a_len + 1 + next_word.chars().count()) as f64 >= MAY_WRAP * width as f64;
        if !full {
            open = Some((i, b.chars().count()));
            continue;
        }
        let a_text = box_value(&column[a]).map(|s| s.cell.text.clone()).unwrap_or_default();
        let last_word = a_text.rsplit(' ').next().unwrap_or("");
        let joins = JOINING_WORDS.iter().any(|w| last_word.eq_ignore_ascii_case(w));
        if joins || !b.contains(' ') {
            join_lines(column, a, i);
            open = Some((a, b.chars().count()));
            continue;
        }
        if let (Some(x), Some(y)) = (box_value(&column[a]), box_value(&column[i])) {
            doubts.push(Doubt {
                span: x.cell.span.cover(y.cell.span),
                message: format!(
                    "{} and {} may be one value wrapped over two lines, or two values",
                    quote(&x.cell.text),
                    quote(&y.cell.text)
                ),
            });
        }
        open = Some((i, b.chars().count()));
    }
    doubts
}

/// The header: boxes side by side are laid out one after the other, with
/// the breaks in the name and address box that may be wraps (the marks
/// moved in `page` itself to the boxes they belong to).
pub(crate) fn header(page: &mut [PageLine]) -> (Vec<Line>, Vec<Doubt>) {
    move_marks(page);
    // The boxes' columns: where their numbered labels start.
    const BOXES: [&str; 8] = [
        "name and address",
        "issuer name",
        "date of earliest",
        "date of event",
        "statement for issuer",
        "if amendment",
        "relationship of reporting",
        "individual or joint",
    ];
    let mut anchors: Vec<u32> = Vec::new();
    let mut first_box_line = None;
    for (i, line) in page.iter().enumerate() {
        for s in &line.segments {
            let text = &s.cell.text;
            // "1. " is ASCII, so byte 3 is a character boundary whenever it matches.
            let numbered =
                text.as_bytes().first().is_some_and(u8::is_ascii_digit) && text.get(1..3) == Some(". ");
            if numbered && BOXES.iter().any(|b| starts_with_ignore_case(&text[3..], b)) {
                first_box_line.get_or_insert(i);
                if !anchors.iter().any(|&a| a.abs_diff(s.x) <= 3) {
                    anchors.push(s.x);
                }
            }
        }
    }
    crate::sort::by(&mut anchors, Ord::cmp);
    let start = first_box_line.unwrap_or(page.len());
    place_box_marks(&mut page[..start]);
    let page = &*page;
    let mut out: Vec<Line> = page[..start].iter().filter(|l| !l.is_blank()).map(PageLine::line).collect();
    if anchors.len() < 2 {
        // One box under the other (the older layout): line by line.
        out.extend(page[start..].iter().filter(|l| !l.is_blank()).map(PageLine::line));
        return (out, Vec::new());
    }
    let mut doubts = Vec::new();
    for (k, &a) in anchors.iter().enumerate() {
        let next = anchors.get(k + 1).copied().unwrap_or(u32::MAX);
        let mut column: Vec<PageLine> = page[start..]
            .iter()
            .map(|line| PageLine {
                segments: line
                    .segments
                    .iter()
                    .filter(|s| {
                        let x = s.x + 2;
                        x >= a && (x < next || (k == 0 && s.x < a))
                    })
                    .cloned()
                    .collect(),
                furniture: line.furniture,
            })
            .collect();
        if k == 0 {
            doubts = name_box(&mut column);
        }
        out.extend(column_lines(&column));
    }
    (out, doubts)
}

/// The lines of one column of boxes, the relationship box rebuilt from
/// where its marks and labels stand.
fn column_lines(column: &[PageLine]) -> Vec<Line> {
    let starts =
        |l: &PageLine, label: &str| l.segments.iter().any(|s| contains_ignore_case(&s.cell.text, label));
    let relationship = column.iter().position(|l| starts(l, "relationship of reporting"));
    let joint = column.iter().position(|l| starts(l, "individual or joint"));
    let rebuilt = relationship.and_then(|r| {
        let end = joint.filter(|&j| j > r).unwrap_or(column.len());
        Some((r, end, relationship_box(&column[r..end])?))
    });
    let lines =
        |ls: &[PageLine]| -> Vec<Line> { ls.iter().filter(|l| !l.is_blank()).map(PageLine::line).collect() };
    match rebuilt {
        Some((r, end, boxed)) => {
            let mut out = lines(&column[..r]);
            out.extend(boxed);
            out.extend(lines(&column[end..]));
            out
        }
        None => lines(column),
    }
}

/// The relationship box (5) laid out on a page: two columns of check boxes
/// ("Director" above "Officer (give title below)", "10% Owner" above "Other
/// (specify below)"), each mark left of its label, and the officer's title
/// or the other text centred under both (run together when both are given:
/// they are then read as the title). A mark goes with the label in its
/// column (left of "Director", or between "Director" and "10% Owner") and
/// its row (on or above the line of "Director", or on or below the line of
/// "Officer"). The box is given back as the copied page has it: one line per
/// row of boxes, then the titles as a row of four cells. `None` when a
/// label is not found or a mark's place is not clear.
fn relationship_box(lines: &[PageLine]) -> Option<Vec<Line>> {
    // Split `X Director` (the mark one space from its label).
    let lines: Vec<Vec<Segment>> = lines
        .iter()
        .map(|l| {
            let mut out = Vec::new();
            for s in &l.segments {
                match s.cell.text.strip_prefix("X ") {
                    Some(rest) if !rest.trim().is_empty() => {
                        let (start, end) = (s.cell.span.start as usize, s.cell.span.end as usize);
                        let lead = rest.len() - rest.trim_start().len();
                        out.push(Segment { x: s.x, cell: Cell::new("X", Span::new(start, start + 1)) });
                        out.push(Segment {
                            x: s.x + 2 + lead as u32,
                            cell: Cell::new(rest.trim_start(), Span::new(start + 2 + lead, end)),
                        });
                    }
                    _ => out.push(s.clone()),
                }
            }
            out
        })
        .collect();
    let find = |prefix: &str| -> Option<(usize, &Segment)> {
        lines.iter().enumerate().find_map(|(i, l)| {
            l.iter().find(|s| starts_with_ignore_case(&s.cell.text, prefix)).map(|s| (i, s))
        })
    };
    let (director_line, director) = find("director")?;
    let (_, ten) = find("10% owner")?;
    let (officer_line, officer) = find("officer")?;
    let (_, other) = find("other")?;
    if officer_line <= director_line || ten.x <= director.x + 8 {
        return None;
    }
    let labels = [director, ten, officer, other];
    let is_label = |s: &Segment| {
        let lower = s.cell.text.to_ascii_lowercase();
        labels.iter().any(|l| std::ptr::eq(*l, s))
            || ["(give title", "(specify", "below)", "(check all"].iter().any(|l| lower.starts_with(l))
            || lower.contains("relationship of reporting")
    };
    // Marks: [director, 10% owner, officer, other].
    let mut marks: [Option<&Segment>; 4] = [None; 4];
    let mut titles: Vec<&Segment> = Vec::new();
    let last_label_line = lines.iter().rposition(|l| l.iter().any(is_label)).unwrap_or(officer_line);
    for (i, line) in lines.iter().enumerate() {
        for s in line {
            if check_mark(&s.cell.text) == Some(true) {
                let right = if s.x + 1 < director.x {
                    false
                } else if s.x > director.x + 8 && s.x < ten.x {
                    true
                } else {
                    return None;
                };
                let lower = if i <= director_line {
                    false
                } else if i >= officer_line {
                    true
                } else {
                    return None;
                };
                let slot = &mut marks[usize::from(lower) * 2 + usize::from(right)];
                if slot.is_some() {
                    return None;
                }
                *slot = Some(s);
            } else if !is_label(s) && i > director_line {
                if i < last_label_line && i <= officer_line {
                    return None;
                }
                titles.push(s);
            }
        }
    }
    let mark = |m: Option<&Segment>, at: &Segment| match m {
        Some(s) => s.cell.clone(),
        None => Cell::new("", Span::new(at.cell.span.start as usize, at.cell.span.start as usize)),
    };
    let label = |s: &Segment, text: &str| Cell::new(text, s.cell.span);
    let mut out = vec![
        Line::new(vec![
            mark(marks[0], director),
            label(director, "Director"),
            mark(marks[1], ten),
            label(ten, "10% Owner"),
        ]),
        Line::new(vec![
            mark(marks[2], officer),
            label(officer, "Officer (give title below)"),
            mark(marks[3], other),
            label(other, "Other (specify below)"),
        ]),
    ];
    let text = |pieces: &[&Segment]| -> Cell {
        let joined = pieces.iter().fold(String::new(), |acc, s| {
            if acc.is_empty() { s.cell.text.clone() } else { join_wrapped(&acc, &s.cell.text) }
        });
        let span = pieces.iter().map(|s| s.cell.span).reduce(Span::cover).unwrap_or_default();
        Cell::new(&joined, span)
    };
    if !titles.is_empty() {
        // One line centred under both columns: the officer's title, then the other text.
        let title = text(&titles);
        let (officer_title, other_text) = if marks[3].is_some() && marks[2].is_none() {
            (mark(None, officer), title)
        } else {
            (title, mark(None, other))
        };
        out.push(Line::new(vec![mark(None, officer), officer_title, mark(None, other), other_text]));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repr::pdf::layout::page_lines;

    /// The values of a box laid out one per line, blank lines left out.
    fn values(column: &[PageLine]) -> Vec<String> {
        column.iter().filter(|l| !l.is_blank()).map(PageLine::text).collect()
    }

    #[test]
    fn a_wrapped_name_is_joined() {
        // Fictional box 1: the name wraps over two lines, a blank line between.
        let text = "1. Name and Address of Reporting Person*\n  EXAMPLE, SMITH &\n\n  JONES LLC\n  (Last)      (First)      (Middle)\n  1 MAIN ST\n (Street)\n";
        let mut column = page_lines(text, 0);
        assert!(name_box(&mut column).is_empty());
        assert_eq!(values(&column)[1], "EXAMPLE, SMITH & JONES LLC");
        assert_eq!(values(&column)[3], "1 MAIN ST");
    }

    #[test]
    fn a_full_line_may_be_wrapped_a_short_one_is_not() {
        // Fictional box 1, the labels 42 columns wide: a full street line,
        // then a street of its own; the city's lines after "(Street)" are not street lines.
        let text = [
            "1. Name and Address of Reporting Person*",
            "    Doe Jane Q",
            "    (Last)           (First)          (Middle)",
            "    C/O EXAMPLE HOLDINGS MANAGEMENT",
            "    100 MAIN STREET",
            "   (Street)",
            "    SPRINGFIELD ABC DEF GHIJKLM NOPQRSTUV",
            "    WEST",
        ]
        .join("\n");
        let mut column = page_lines(&text, 0);
        let doubts = name_box(&mut column);
        assert_eq!(doubts.len(), 1, "{doubts:?}");
        let span = doubts[0].span;
        assert_eq!(
            &text[span.start as usize..span.end as usize],
            "C/O EXAMPLE HOLDINGS MANAGEMENT\n    100 MAIN STREET"
        );
        // A short line ends its value.
        let mut column = page_lines(&text.replace("HOLDINGS MANAGEMENT", "INC"), 0);
        assert!(name_box(&mut column).is_empty());
    }

    #[test]
    fn a_full_line_ending_with_a_joining_word_or_followed_by_one_word_is_wrapped() {
        // Fictional box 1, the labels 42 columns wide.
        let column = |streets: &str| {
            format!("    Doe Jane\n    (Last)           (First)          (Middle)\n{streets}\n   (Street)\n")
        };
        let mut page = page_lines(&column("    4400 EXAMPLE VALLEY ROAD, SUITE\n    200\n    2 ELM ST"), 0);
        assert!(name_box(&mut page).is_empty());
        assert_eq!(values(&page)[2..4], ["4400 EXAMPLE VALLEY ROAD, SUITE 200", "2 ELM ST"]);
        let mut page = page_lines(&column("    1345 EXAMPLE AVENUE OF THE\n    AMERICAS, FL. 11"), 0);
        assert!(name_box(&mut page).is_empty());
        assert_eq!(values(&page)[2], "1345 EXAMPLE AVENUE OF THE AMERICAS, FL. 11");
        let mut page = page_lines(&column("    C/O EXAMPLE CAPITAL, 2800 ELM\n\n    ROAD\n    SUITE 5"), 0);
        assert!(name_box(&mut page).is_empty());
        assert_eq!(values(&page)[2..4], ["C/O EXAMPLE CAPITAL, 2800 ELM ROAD", "SUITE 5"]);
    }

    #[test]
    fn a_mark_beside_a_wrapped_check_box_label_goes_before_its_first_line() {
        // The boxes above box 1: a mark on the third line of the first
        // label, and one run into the second line of a label.
        let text = [
            "        Check this box if no longer subject",
            "        to Section 16. Form 4 or Form 5",
            "                                   STATEMENT OF CHANGES",
            "  X     obligations may continue. See",
            "        Instruction 1(b).",
            "        Check this box to indicate that a",
            "        transaction was made pursuant to a",
            "        contract.",
        ]
        .join("\n");
        let mut page = page_lines(&text, 0);
        place_box_marks(&mut page);
        assert_eq!(page[0].text(), "X Check this box if no longer subject");
        assert_eq!(page[3].text(), "obligations may continue. See");
        assert_eq!(page[5].text(), "Check this box to indicate that a");
        let mut page = page_lines(
            &text
                .replace("  X     obligations", "        obligations")
                .replace("        transaction", "  X transaction"),
            0,
        );
        place_box_marks(&mut page);
        assert_eq!(page[0].text(), "Check this box if no longer subject");
        assert_eq!(page[5].text(), "X Check this box to indicate that a");
        assert_eq!(page[6].text(), "transaction was made pursuant to a");
        assert_eq!(page[6].segments[0].x, 4);
        // A mark run into a label's first line stays there.
        let mut page = page_lines(
            &text
                .replace("  X     obligations", "        obligations")
                .replace("        Check this box to", "  X Check this box to"),
            0,
        );
        place_box_marks(&mut page);
        assert_eq!(page[0].text(), "Check this box if no longer subject");
        assert_eq!(page[5].text(), "X Check this box to indicate that a");
    }

    #[test]
    fn the_check_boxes_above_the_boxes_are_read_by_their_marks() {
        // Fictional: the Section 16 box checked (its mark on the label's
        // third line, the 10b5-1 box's label right below), the 10b5-1 box not.
        let text = [
            "        Check this box if no longer subject",
            "        to Section 16. Form 4 or Form 5",
            "  X     obligations may continue. See",
            "        Instruction 1(b).",
            "        Check this box to indicate that a",
            "        transaction was made pursuant to a",
            "        contract, instruction or written plan.",
            "",
            "  1. Name and Address of Reporting Person*          2. Issuer Name and Ticker or Trading Symbol",
            "   Doe Jane                                         Example Inc [ EXM ]",
        ]
        .join("\n");
        let (lines, _) = header(&mut page_lines(&text, 0));
        let tokens = crate::repr::header::tokens(&lines);
        let h = crate::repr::header::read_header(&tokens, &lines, false);
        assert_eq!(h.not_subject_to_section16.value, Some(true));
        assert_eq!(h.aff10b5_one.value, Some(false));
        assert!(h.unplaced.is_empty(), "{:?}", h.unplaced);
    }
}
