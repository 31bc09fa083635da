//! PDF text with layout: the page's columns kept as runs of spaces.
//!
//! Each line is cut into segments at runs of two or more spaces; a
//! segment's column (characters from the margin) says which box or table
//! column it is in. The header's boxes sit side by side (box 1 at the left,
//! boxes 2–4 in the middle, 5–6 at the right, their labels and values
//! wrapped): the numbered labels give the boxes' columns, and each box is
//! laid out as lines of its own, in order, for the shared header reader.
//! Tables I and II are read by [`super::table`]; the rest of the form
//! (further owners, footnotes, remarks, signatures) line by line, the
//! signatures (printed at the right) marked by a leading empty cell.

use crate::repr::cells::{Cell, MarkStyle};
use crate::repr::form::{Doubt, Grid, PreRead, is_form_text_of};
use crate::repr::grid::{Line, contains_ignore_case, starts_with_ignore_case};
use crate::repr::header::split_place;
use crate::repr::pdf::table::Wrap;
use crate::source::{Span, lines};

/// A run of text on a line between wide gaps.
#[derive(Clone, Debug)]
pub(crate) struct Segment {
    /// First column (characters from the start of the line).
    pub x: u32,
    /// The text and its span.
    pub cell: Cell,
}

/// A line of the page, cut into segments.
#[derive(Clone, Debug, Default)]
pub(crate) struct PageLine {
    /// The segments, left to right.
    pub segments: Vec<Segment>,
    /// Page furniture left out (a page break: the lines after it may be
    /// laid out at another scale).
    pub furniture: bool,
}

impl PageLine {
    /// Whether the line has no text.
    pub fn is_blank(&self) -> bool {
        self.segments.is_empty()
    }

    /// The text of the line, segments joined by one space.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.text_into(&mut out);
        out
    }

    /// [`PageLine::text`], written over `out` (a buffer kept from line to line).
    pub fn text_into(&self, out: &mut String) {
        out.clear();
        out.reserve(self.segments.iter().map(|s| s.cell.text.len() + 1).sum::<usize>().saturating_sub(1));
        for (k, s) in self.segments.iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(&s.cell.text);
        }
    }

    /// Whether the line is the form's printed text ([`crate::repr::form::is_form_text`]), told
    /// without making it a line of cells.
    pub(crate) fn is_form_text(&self) -> bool {
        is_form_text_of(self.segments.iter().map(|s| s.cell.text.as_str()).filter(|t| !t.is_empty()))
    }

    /// The line as a line of cells.
    pub(crate) fn line(&self) -> Line {
        Line::new(self.segments.iter().map(|s| s.cell.clone()).collect())
    }

    /// The line as a line of cells, taking the segments' cells.
    pub(crate) fn into_line(self) -> Line {
        Line::new(self.segments.into_iter().map(|s| s.cell).collect())
    }
}

/// Cut one line (starting at byte `offset` of the input; no line break in
/// it) into segments.
pub(crate) fn segments(line: &str, offset: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    // The open segment: its first byte and column.
    let mut open: Option<(usize, u32)> = None;
    // The column, the run of gap bytes before this byte (where it starts
    // and how wide it is: a tab is as wide as two spaces, two columns of
    // gap cut), and where the text so far ends.
    let (mut col, mut gap_start, mut gap_width, mut text_end) = (0u32, 0, 0, 0);
    let bytes = line.as_bytes();
    // A line of ASCII (most) has a column a byte.
    let ascii = line.is_ascii();
    let mut next = 0;
    while let Some(&b) = bytes.get(next) {
        let at = next;
        next += 1;
        if matches!(b, b' ' | b'\t' | 0x0c) {
            if gap_width == 0 {
                gap_start = at;
            }
            // A run of spaces at once (the page's padding between columns).
            let spaces = if b == b' ' { 1 + crate::source::space_run(bytes, next) } else { 1 };
            next = at + spaces;
            gap_width += if b == b'\t' { 2 } else { spaces };
            // Gap bytes are ASCII, one column each; text has a column a character.
            col += u32::try_from(spaces).unwrap_or(u32::MAX);
            continue;
        }
        if gap_width >= 2
            && let Some((s, x)) = open.take()
        {
            out.push(segment(line, offset, s, gap_start, x));
        }
        gap_width = 0;
        if open.is_none() {
            open = Some((at, col));
        }
        // The rest of the word at once, up to the next gap byte: a column a
        // character (a byte that does not continue one).
        let end = bytes[next..]
            .iter()
            .position(|&c| matches!(c, b' ' | b'\t' | 0x0c))
            .map_or(bytes.len(), |k| next + k);
        let chars =
            if ascii { end - at } else { bytes[at..end].iter().filter(|&&c| c & 0xc0 != 0x80).count() };
        col += u32::try_from(chars).unwrap_or(u32::MAX);
        (next, text_end) = (end, end);
    }
    if let Some((s, x)) = open {
        out.push(segment(line, offset, s, text_end, x));
    }
    out
}

/// The segment of `line[start..end]` at column `x`. ASCII text is normal
/// as it is: a segment has no line break, no tab, no space at either end
/// and no two in a row.
fn segment(line: &str, offset: usize, start: usize, end: usize, x: u32) -> Segment {
    let (text, span) = (&line[start..end], Span::new(offset + start, offset + end));
    let cell = if text.is_ascii() { Cell { text: text.to_owned(), span } } else { Cell::new(text, span) };
    Segment { x, cell }
}

/// The lines of `text` (starting at `base` in the input), page furniture
/// left out (as blank lines, so rows stay apart).
pub(crate) fn page_lines(text: &str, base: usize) -> Vec<PageLine> {
    let raw: Vec<(usize, &str)> = lines(text).collect();
    let blank: Vec<bool> =
        raw.iter().map(|(_, l)| l.bytes().all(|b| b == b' ' || b == b'\t' || b == 0x0c)).collect();
    let mut out = Vec::with_capacity(raw.len());
    for (k, &(start, line)) in raw.iter().enumerate() {
        if blank[k] {
            out.push(PageLine::default());
            continue;
        }
        let t = crate::source::trim(line);
        let blank_around = |d: isize| {
            let j = k as isize + d;
            j < 0 || blank.get(j as usize).is_none_or(|&b| b)
        };
        let page_number =
            (super::is_page_number(t) || super::is_page_count(t)) && (blank_around(-1) || blank_around(1));
        // The page's title, a line or two below the print header.
        let print_title = super::is_print_title(t)
            && (1..=2).any(|d| k.checked_sub(d).is_some_and(|j| super::is_furniture(raw[j].1)));
        if super::is_furniture(t) || page_number || print_title {
            out.push(PageLine { segments: Vec::new(), furniture: true });
        } else {
            out.push(PageLine { segments: segments(line, base + start), furniture: false });
        }
    }
    out
}

/// The form's sections in the page's lines.
struct Regions {
    table1: Option<usize>,
    table2: Option<usize>,
    tables_end: usize,
}

fn regions(page: &[PageLine]) -> Regions {
    let starts = |i: usize, prefix: &str| {
        page[i].segments.first().is_some_and(|s| starts_with_ignore_case(&s.cell.text, prefix))
    };
    let table1 = (0..page.len()).find(|&i| starts(i, "table i ") || starts(i, "table i-"));
    let table2 = (table1.unwrap_or(0)..page.len()).find(|&i| starts(i, "table ii "));
    let after = table2.or(table1).map_or(page.len(), |t| t + 1);
    let mut text = String::new();
    let tables_end = (after..page.len())
        .find(|&i| {
            page[i].text_into(&mut text);
            let first = text.trim_start_matches(['*', ' ']);
            let starts = |prefix: &str| starts_with_ignore_case(first, prefix);
            starts("1. name and address of reporting person")
                || starts("explanation of responses")
                || first.eq_ignore_ascii_case("reporting owners")
                || starts("reporting owner name")
                || starts("remarks:")
                || first.eq_ignore_ascii_case("signatures")
                || contains_ignore_case(&text, "signature of reporting person")
        })
        .unwrap_or(page.len());
    Regions { table1, table2, tables_end }
}

/// Lay PDF text (with layout) out as lines of cells, the tables read by
/// columns (`marks`: how the table cells write footnote marks).
pub(crate) fn grid(text: &str, base: usize, marks: MarkStyle) -> Grid {
    // The older print (marks after a space) hangs wrapped cells below the row.
    let wrap = if marks == MarkStyle::Spaced { Wrap::Hanging } else { Wrap::Centred };
    let mut page = page_lines(text, base);
    let r = regions(&page);
    let header_end = r.table1.unwrap_or(r.tables_end);
    let (mut out, doubtful) = super::boxes::header(&mut page[..header_end]);
    let mut pre = PreRead { doubtful, ..PreRead::default() };
    if let Some(t1) = r.table1 {
        out.push(page[t1].line());
        let end = r.table2.unwrap_or(r.tables_end);
        pre.non_derivative = super::table::read(
            &page[t1 + 1..end],
            crate::model::Table::NonDerivative,
            marks,
            wrap,
            &mut pre.diagnostics,
        );
    }
    if let Some(t2) = r.table2 {
        out.push(page[t2].line());
        pre.derivative = super::table::read(
            &page[t2 + 1..r.tables_end],
            crate::model::Table::Derivative,
            marks,
            wrap,
            &mut pre.diagnostics,
        );
    }
    // The lines after the tables are read last: handed over, not copied.
    let (lines, doubts) = rest(page.split_off(r.tables_end.min(page.len())));
    out.extend(lines);
    pre.doubtful.extend(doubts);
    Grid {
        lines: out,
        links: Vec::new(),
        marks,
        tables: Some(pre),
        scrambled_header: false,
        scrambled_tables: false,
        whole_lines: Vec::new(),
    }
}

/// The rest of the form, line by line; segments far to the right (the
/// signatures) follow an empty cell, as the copied page has them. Further
/// owners' name and address boxes are read as the first's
/// ([`super::boxes::name_box`]): their doubtful breaks are given back.
fn rest(mut page: Vec<PageLine>) -> (Vec<Line>, Vec<Doubt>) {
    join_signature_labels(&mut page);
    let first_is = |l: &PageLine, prefix: &str| {
        l.segments.first().is_some_and(|s| starts_with_ignore_case(&s.cell.text, prefix))
    };
    let mut doubts = Vec::new();
    let mut from = 0;
    while let Some(k) = page[from..].iter().position(|l| first_is(l, "1. name and address")) {
        let start = from + k;
        let end = page[start..].iter().position(|l| first_is(l, "(city)")).map_or(page.len(), |e| start + e);
        doubts.extend(super::boxes::name_box(&mut page[start..end]));
        from = end.max(start + 1);
    }
    let mut out = Vec::new();
    let mut owners = None;
    let mut text = String::new();
    for i in 0..page.len() {
        let line = &page[i];
        if line.is_blank() || owners.is_some_and(|end| i < end) {
            continue;
        }
        line.text_into(&mut text);
        if text.eq_ignore_ascii_case("reporting owners") {
            let (lines, end) = owners_table(&page[i..]);
            out.push(line.line());
            out.extend(lines);
            owners = Some(i + end);
            continue;
        }
        // Read once, left to right (the owners' table looks only ahead):
        // the line's cells are taken, not copied.
        let x = line.segments.first().map(|s| s.x);
        let mut cells: Vec<Cell> =
            std::mem::take(&mut page[i].segments).into_iter().map(|s| s.cell).collect();
        if x.is_some_and(|x| x >= 40) {
            let at = cells[0].span.start as usize;
            cells.insert(0, Cell::new("", Span::new(at, at)));
        }
        out.push(Line::new(cells));
    }
    (out, doubts)
}

/// The older print's "Reporting Owners" table (from its title line), as
/// the copied page has it: each owner's lines of name and address, the
/// last with the address cell and one cell for each of Director, 10%
/// Owner, Officer and Other. On the page, the marks and titles stand in
/// those columns on the owner's first line; an owner ends with the line of
/// city, state and ZIP code. Returns the lines and where the table ends.
fn owners_table(page: &[PageLine]) -> (Vec<Line>, usize) {
    let end = page
        .iter()
        .position(|l| l.text().eq_ignore_ascii_case("signatures") || l.text().starts_with("Explanation of"))
        .unwrap_or(page.len());
    let page = &page[..end];
    let headings = ["director", "10% owner", "officer", "other"];
    let Some(heads) = page.iter().find_map(|l| {
        let xs: Vec<u32> =
            headings.iter().filter_map(|h| l.segments.iter().find_map(|s| word_at(s, h))).collect();
        (xs.len() == 4).then_some(xs)
    }) else {
        return (page.iter().skip(1).filter(|l| !l.is_blank()).map(PageLine::line).collect(), end);
    };
    let left = heads[0].saturating_sub(4);
    let mut out = Vec::new();
    let mut entry: Vec<Cell> = Vec::new();
    let mut marks: [Option<Cell>; 4] = Default::default();
    let is_heading = |l: &PageLine| {
        let t = l.text().to_ascii_lowercase();
        t.starts_with("reporting owner") || headings.iter().all(|h| t.contains(h))
    };
    for line in page.iter().skip(1).filter(|l| !l.is_blank() && !is_heading(l)) {
        let (address, rel): (Vec<&Segment>, Vec<&Segment>) = line.segments.iter().partition(|s| s.x < left);
        if !rel.is_empty() && !entry.is_empty() {
            // Marks stand on an owner's first line: the owner before ends here.
            flush_owner(&mut out, &mut entry, &mut marks);
        }
        for s in rel {
            let k = (0..4).min_by_key(|&k| heads[k].abs_diff(s.x)).unwrap_or(0);
            marks[k] = Some(s.cell.clone());
        }
        entry.extend(address.iter().map(|s| s.cell.clone()));
        let place = address.last().is_some_and(|s| is_place(&s.cell.text));
        if place {
            flush_owner(&mut out, &mut entry, &mut marks);
        }
    }
    if !entry.is_empty() {
        flush_owner(&mut out, &mut entry, &mut marks);
    }
    (out, end)
}

/// Whether a line of an owner's address is its city, state and ZIP code
/// (`ST. HELIER,, Y9 JE1 0BD`): a state code has a letter (`M0`, `DE`), a
/// ZIP code a digit, so a street line `C/O GEN II LIMITED,, 47 ESPLANADE`
/// is none.
fn is_place(text: &str) -> bool {
    let (city, state, zip) = split_place(text);
    let state = state.is_some_and(|s| s.chars().any(|c| c.is_ascii_alphabetic()));
    let zip = zip.is_some_and(|z| z.chars().any(|c| c.is_ascii_digit()));
    city.is_some() && state && zip
}

/// The column where `words` stand in a segment, as a whole cell or as
/// whole words inside it (headings a single space apart run into one
/// segment: `Director 10% Owner Officer Other`).
fn word_at(segment: &Segment, words: &str) -> Option<u32> {
    let text = segment.cell.text.as_bytes();
    let n = words.len();
    (0..=text.len().checked_sub(n)?).find_map(|at| {
        let starts = at == 0 || text[at - 1] == b' ';
        let ends = text.get(at + n).is_none_or(|&b| b == b' ');
        let same = text[at..at + n].eq_ignore_ascii_case(words.as_bytes());
        // Columns count characters: the words are ASCII, what is before may not be.
        (starts && ends && same).then(|| segment.x + segment.cell.text[..at].chars().count() as u32)
    })
}

/// Lines for one owner of the table: its address lines, the last with the
/// four relationship cells.
fn flush_owner(out: &mut Vec<Line>, entry: &mut Vec<Cell>, marks: &mut [Option<Cell>; 4]) {
    let Some(last) = entry.pop() else { return };
    out.extend(entry.drain(..).map(|c| Line::new(vec![c])));
    let at = Span::new(last.span.end as usize, last.span.end as usize);
    let mut cells = vec![last];
    cells.extend(marks.iter_mut().map(|m| m.take().unwrap_or_else(|| Cell::new("", at))));
    out.push(Line::new(cells));
}

/// The label under a signature wraps in a narrow box: `** Signature of
/// Reporting`, then `Person` (and `Date`, the date's label) on the lines
/// below. The pieces go back on the label's line, so it reads as one label.
fn join_signature_labels(page: &mut [PageLine]) {
    for i in 0..page.len() {
        let Some(k) = page[i].segments.iter().position(|s| {
            let t = s.cell.text.trim_end();
            // Compared as bytes: the 22 bytes before the end may cut a character.
            let end = t.len().checked_sub(22).and_then(|at| t.as_bytes().get(at..));
            end.is_some_and(|end| end.eq_ignore_ascii_case(b"signature of reporting"))
        }) else {
            continue;
        };
        let x = page[i].segments[k].x;
        for j in i + 1..(i + 3).min(page.len()) {
            let mut moved = Vec::new();
            page[j].segments.retain(|s| {
                let word = s.cell.text.as_str();
                let person = word.eq_ignore_ascii_case("person") && s.x.abs_diff(x) <= 8;
                let date = word.eq_ignore_ascii_case("date") && s.x > x;
                if person || date {
                    moved.push(s.clone());
                }
                !(person || date)
            });
            for s in moved {
                if s.cell.text.eq_ignore_ascii_case("person") {
                    let mark = &mut page[i].segments[k].cell;
                    mark.text = format!("{} {}", mark.text.trim_end(), s.cell.text);
                    mark.span = mark.span.cover(s.cell.span);
                } else {
                    page[i].segments.push(s);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_street_line_with_a_number_after_a_comma_does_not_end_an_owner() {
        // A fictional owner whose street line (an empty second line joined
        // by ", ") looks like a city with a state `47` and a ZIP code
        // `ESPLANADE`: no state code is two digits, no ZIP code all letters.
        let text = [
            "Reporting Owners",
            "Reporting Owner Name / Address                         Relationships",
            "                                                       Director     10% Owner     Officer     Other",
            "EXAMPLE FUND L.P.                                                     X",
            "C/O EXAMPLE (JERSEY) LIMITED,, 47 ESPLANADE",
            "ST. HELIER,, Y9 JE1 0BD",
            "Other Fund LLC                                                        X",
            "1 MAIN ST",
            "WILMINGTON,, DE 19808",
            "",
            "Signatures",
        ]
        .join("\n");
        let page = page_lines(&text, 0);
        let (lines, _) = owners_table(&page);
        let firsts: Vec<&str> =
            lines.iter().filter_map(|l| l.cells.first()).map(|c| c.text.as_str()).collect();
        assert_eq!(
            firsts,
            [
                "EXAMPLE FUND L.P.",
                "C/O EXAMPLE (JERSEY) LIMITED,, 47 ESPLANADE",
                "ST. HELIER,, Y9 JE1 0BD",
                "Other Fund LLC",
                "1 MAIN ST",
                "WILMINGTON,, DE 19808",
            ]
        );
        let widths: Vec<usize> = lines.iter().map(|l| l.cells.len()).collect();
        assert_eq!(widths, [1, 1, 5, 1, 1, 5]);
    }

    #[test]
    fn the_reporting_owners_table_is_laid_out_per_owner() {
        // Fictional owners, laid out as the older print puts them on a page.
        let text = [
            "Reporting Owners",
            "Reporting Owner Name / Address                         Relationships",
            "                                                       Director     10% Owner     Officer     Other",
            "EXAMPLE HOLDINGS LLC                                                  X",
            "1 MAIN ST",
            "SPRINGFIELD, IL 62701",
            "Doe Jane                                               X                          CEO",
            "C/O EXAMPLE CORP, 2 ELM ST",
            "SPRINGFIELD, IL 62702",
            "",
            "Signatures",
        ]
        .join("\n");
        let page = page_lines(&text, 0);
        let (lines, end) = owners_table(&page);
        assert_eq!(page[end].text(), "Signatures");
        let texts: Vec<Vec<String>> =
            lines.iter().map(|l| l.cells.iter().map(|c| c.text.clone()).collect()).collect();
        assert_eq!(
            texts,
            [
                vec!["EXAMPLE HOLDINGS LLC"],
                vec!["1 MAIN ST"],
                vec!["SPRINGFIELD, IL 62701", "", "X", "", ""],
                vec!["Doe Jane"],
                vec!["C/O EXAMPLE CORP, 2 ELM ST"],
                vec!["SPRINGFIELD, IL 62702", "X", "", "CEO", ""],
            ]
        );
    }

    #[test]
    fn owners_table_headings_run_together_still_give_columns() {
        // Fictional owners; the headings a single space apart (one segment),
        // each owner's mark on its name line.
        let text = [
            "Reporting Owners",
            "Reporting Owner Name / Address                             Relationships",
            "                                                   Director 10% Owner Officer Other",
            "EXAMPLE FUND LP                                             X",
            "C/O EXAMPLE CAPITAL LLC, 1 MAIN ST",
            "AUSTIN, TX 78701",
            "Doe Jane                                           X",
            "C/O EXAMPLE CAPITAL LLC, 1 MAIN ST",
            "AUSTIN, TX 78701",
        ]
        .join("\n");
        let page = page_lines(&text, 0);
        let (lines, _) = owners_table(&page);
        let texts: Vec<Vec<String>> =
            lines.iter().map(|l| l.cells.iter().map(|c| c.text.clone()).collect()).collect();
        assert_eq!(
            texts,
            [
                vec!["EXAMPLE FUND LP"],
                vec!["C/O EXAMPLE CAPITAL LLC, 1 MAIN ST"],
                vec!["AUSTIN, TX 78701", "", "X", "", ""],
                vec!["Doe Jane"],
                vec!["C/O EXAMPLE CAPITAL LLC, 1 MAIN ST"],
                vec!["AUSTIN, TX 78701", "X", "", "", ""],
            ]
        );
    }

    #[test]
    fn a_page_break_in_text_without_layout_is_furniture() {
        // A browser's print of a fictional filing, extracted without layout.
        let text = "1. First note.\n\nhttps://www.sec.gov/Archives/edgar/data/1/2/x.xml\n\n2/4\n\n2/3/25, 9:44 AM\n\nSEC FORM 4\n\n2. Second note.";
        let page = page_lines(text, 0);
        let kept: Vec<String> = page.iter().filter(|l| !l.is_blank()).map(PageLine::text).collect();
        assert_eq!(kept, ["1. First note.", "2. Second note."]);
        // The form's own title, away from a print header, stays.
        let page = page_lines("SEC FORM 4\n\nFORM 4", 0);
        assert_eq!(page[0].text(), "SEC FORM 4");
    }

    #[test]
    fn a_wrapped_signature_label_is_joined() {
        let text = "      /s/ Jane Doe     01/02/2024\n   ** Signature of Reporting\n                   Date\n   Person\nReminder: x";
        let mut page = page_lines(text, 0);
        join_signature_labels(&mut page);
        assert_eq!(page[1].text(), "** Signature of Reporting Person Date");
        assert!(page[2].is_blank() && page[3].is_blank());
    }

    #[test]
    fn segments_split_at_wide_gaps() {
        let segs = segments("  Common Stock(1)      05/24/2011  C", 100);
        let texts: Vec<(&str, u32)> = segs.iter().map(|s| (s.cell.text.as_str(), s.x)).collect();
        assert_eq!(texts, [("Common Stock(1)", 2), ("05/24/2011", 23), ("C", 35)]);
        assert_eq!(segs[1].cell.span, Span::new(123, 133));
        // Columns count characters, not bytes; a no-break space is text.
        let segs = segments("Café\u{a0}Inc  ⁽¹⁾  X", 0);
        let texts: Vec<(&str, u32)> = segs.iter().map(|s| (s.cell.text.as_str(), s.x)).collect();
        assert_eq!(texts, [("Café Inc", 0), ("⁽¹⁾", 10), ("X", 15)]);
        assert_eq!(segs[0].cell.span, Span::new(0, "Café\u{a0}Inc".len()));
        // A tab is a gap of two; a single space is none; spaces at the end go.
        let segs = segments("a\tb c \u{c}d ", 0);
        let texts: Vec<(&str, u32)> = segs.iter().map(|s| (s.cell.text.as_str(), s.x)).collect();
        assert_eq!(texts, [("a", 0), ("b c", 2), ("d", 7)]);
        assert_eq!(segs[2].cell.span, Span::new(7, 8));
    }
}
