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

/// The widest a line of the name and address box runs (characters of
/// pdftotext's layout): a line that ends closer than a word to it may have
/// been wrapped there, not ended.
const NAME_BOX_WIDTH: usize = 30;

/// Breaks between the name and address box's value lines that may be a
/// wrap (the line was full) rather than the end of a value.
fn doubtful_breaks(column: &[PageLine]) -> Vec<Doubt> {
    fn value(l: &PageLine) -> Option<&Segment> {
        match l.segments.as_slice() {
            [s] => {
                let t = s.cell.text.as_str();
                let label =
                    t.starts_with('(') || t.starts_with(|c: char| c.is_ascii_digit()) && t.contains(". ");
                (!label).then_some(s)
            }
            _ => None,
        }
    }
    let mut out = Vec::new();
    for pair in column.windows(2) {
        let (Some(a), Some(b)) = (value(&pair[0]), value(&pair[1])) else { continue };
        let next_word = b.cell.text.split(' ').next().unwrap_or("").chars().count();
        if a.cell.text.chars().count() + 1 + next_word > NAME_BOX_WIDTH {
            out.push(Doubt {
                span: a.cell.span.cover(b.cell.span),
                message: format!(
                    "{} and {} may be one value wrapped over two lines, or two values",
                    quote(&a.cell.text),
                    quote(&b.cell.text)
                ),
            });
        }
    }
    out
}

/// The header: boxes side by side are laid out one after the other, with
/// the breaks in the name and address box that may be wraps.
pub(crate) fn header(page: &[PageLine]) -> (Vec<Line>, Vec<Doubt>) {
    let mut page = page.to_vec();
    move_marks(&mut page);
    let page = page.as_slice();
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
            let lower = s.cell.text.to_ascii_lowercase();
            // "1. " is ASCII, so byte 3 is a character boundary whenever it matches.
            let numbered =
                lower.as_bytes().first().is_some_and(u8::is_ascii_digit) && lower.get(1..3) == Some(". ");
            if numbered && BOXES.iter().any(|b| lower[3..].starts_with(b)) {
                first_box_line.get_or_insert(i);
                if !anchors.iter().any(|&a| a.abs_diff(s.x) <= 3) {
                    anchors.push(s.x);
                }
            }
        }
    }
    crate::sort::by(&mut anchors, Ord::cmp);
    let start = first_box_line.unwrap_or(page.len());
    let mut out: Vec<Line> = page[..start].iter().filter(|l| !l.is_blank()).map(PageLine::line).collect();
    if anchors.len() < 2 {
        // One box under the other (the older layout): line by line.
        out.extend(page[start..].iter().filter(|l| !l.is_blank()).map(PageLine::line));
        return (out, Vec::new());
    }
    let mut doubts = Vec::new();
    for (k, &a) in anchors.iter().enumerate() {
        let next = anchors.get(k + 1).copied().unwrap_or(u32::MAX);
        let column: Vec<PageLine> = page[start..]
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
            doubts = doubtful_breaks(&column);
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

    #[test]
    fn a_full_line_may_be_wrapped_a_short_one_is_not() {
        // Fictional box 1: a street line that fills the box, then a short one.
        let text = "Doe Jane Q\n(Last) (First) (Middle)\n4400 EXAMPLE VALLEY ROAD, SUITE\n200\n(Street)\nC/O EXAMPLE INC\n100 MAIN STREET\n";
        let doubts = doubtful_breaks(&page_lines(text, 0));
        assert_eq!(doubts.len(), 1, "{doubts:?}");
        let span = doubts[0].span;
        assert_eq!(&text[span.start as usize..span.end as usize], "4400 EXAMPLE VALLEY ROAD, SUITE\n200");
    }
}
