//! Wrapped natures of ownership (and titles) around their row, in tables
//! made from a PDF by a converter that writes each printed line of text as
//! a line.
//!
//! A PDF printed from the EDGAR page centres each cell of a table row
//! vertically in the row. A row whose cells fit one line each stands on one
//! line of text (its *band*); a cell wrapped over several lines spreads
//! evenly above and below that band: `by` / `Trust(3)` around the row of a
//! nature "by Trust(3)", `See` / `Footnotes(1)` (on the band) / `(2)(3)`
//! around one of three lines. So between two rows' bands, the lines of
//! words stand in two runs: the last lines of the row above, then the
//! first lines of the row below, and each row has as many such lines below
//! its band as above it (one fewer below where the converter wrote the
//! band as two lines, the lower one taking the cell's last line).
//!
//! Those counts fix the cut in every gap, from the lines before the first
//! row (all the first row's) to the lines after the last (all the last
//! row's). Where exactly one way of cutting every gap fits, the lines are
//! the wrapped cells of their rows: a row that shows its title on its band
//! (so the title is whole on one line, and the wrapped lines are not its)
//! and is held indirectly (only indirect holdings have a nature) takes
//! them as its nature; a row held directly (no nature, so its title is the
//! only cell of it that wraps) whose band shows no title, or shows it only
//! on the band's second line, takes them as its title. A row that can take
//! neither takes none; where no cut, or more than one, fits, nothing is placed and
//! the reader keeps the lines loose (and the rows beside them in doubt).
//! Where no cut fits with every band exactly centred, a band may be a line
//! off its centre (a converter that writes a cell's middle line below the
//! band): of the cuts that fit so, the one that puts the fewest bands off
//! is taken, when no other puts as few off.
//!
//! Not handled: a title wrapped over three lines whose outer lines share
//! the lines of a wrapped nature (the converter writes both on one line).

use crate::model::{DirectIndirect, Row};
use crate::repr::align::push_wrapped;
use crate::repr::cells::mark_text;
use crate::repr::columns::{Slot, fill};
use crate::repr::grid::Line;
use crate::source::Span;

/// A line of a wrapped cell (or what a band shows of it), as far as the cut goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// It ends with footnote marks, as a cell's last line does.
    pub marked: bool,
    /// It is footnote marks only.
    pub marks_only: bool,
    /// It closes a parenthesis it does not open (`4)`): it cannot start a
    /// cell (a heading's last words wrapped onto a line of their own).
    pub unopened: bool,
}

impl Shape {
    /// The shape of a line's text (marks written `⁽ⁿ⁾`).
    pub fn of(text: &str) -> Shape {
        let text = text.trim_end();
        let bare = text.trim_matches(|c: char| c == ' ' || c == '⁽' || c == '⁾' || is_superscript_digit(c));
        let mut depth = 0i32;
        let mut unopened = false;
        for c in text.chars() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    unopened |= depth < 0;
                }
                _ => {}
            }
        }
        Shape { marked: text.ends_with('⁾'), marks_only: bare.is_empty() && !text.is_empty(), unopened }
    }
}

fn is_superscript_digit(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹')
}

/// Whether lines in this order can be one cell's: marks end a cell's text,
/// so after a line ending with marks come only lines of marks; and the
/// first line closes no parenthesis it does not open.
fn flows(lines: impl IntoIterator<Item = Shape>) -> bool {
    let mut ended = false;
    for (k, line) in lines.into_iter().enumerate() {
        if (ended && !line.marks_only) || (k == 0 && line.unopened) {
            return false;
        }
        ended |= line.marked;
    }
    true
}

/// A row's band, as far as the cut goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Band {
    /// The row may take wrapped lines: its title is on its band and it is
    /// held indirectly (the lines are its nature's), or it is held directly,
    /// shows no nature and its title is not whole on its band (the lines
    /// are its title's).
    pub open: bool,
    /// The lines it takes are its title's, not its nature's.
    pub title: bool,
    /// The converter wrote the band as more than one line.
    pub split: bool,
    /// What the band shows of the cell that wraps (its nature, or its
    /// title where the lines are the title's), if anything.
    pub shown: Option<Shape>,
}

impl Band {
    /// The band of a row read from its lines (`split`: more than one;
    /// `untitled`: its first line shows no title). A row held directly has
    /// no nature, so the only cell of its that wraps is its title: where its
    /// band shows none, or shows one only on a line below the first (the
    /// title's last line, beside a code dropped below the band), the lines
    /// around it are its title's.
    pub fn of(row: &Row, split: bool, untitled: bool) -> Band {
        let form = row.direct_or_indirect_ownership.value;
        let titled = row.security_title.value.is_some();
        let nature = &row.nature_of_ownership;
        let nature_shown = nature.value.is_some() || !nature.footnotes.is_empty();
        let title = form == Some(DirectIndirect::Direct) && !nature_shown && untitled;
        let open = title || (titled && form == Some(DirectIndirect::Indirect));
        let cell = if title { &row.security_title } else { nature };
        let shown = (cell.value.is_some() || !cell.footnotes.is_empty()).then(|| Shape {
            marked: !cell.footnotes.is_empty(),
            marks_only: cell.value.is_none(),
            unopened: false,
        });
        Band { open, title, split, shown }
    }

    /// The least and most differences (lines below − lines above) the
    /// band allows: as many, or one fewer below a band written as two
    /// lines; `loose`, one more or one fewer below any band (a converter may
    /// also write the middle line of a cell of three below the band, or its
    /// last line on it); any, for a row whose page breaks below its band
    /// (`broken`: the rest of its cells goes on the next page).
    fn below_minus_above(self, loose: bool, broken: bool) -> (i64, i64) {
        match (broken, loose, self.split) {
            (true, _, _) => (i64::from(i32::MIN), i64::from(i32::MAX)),
            (false, true, _) => (-1, 1),
            (false, false, true) => (-1, 0),
            (false, false, false) => (0, 0),
        }
    }
}

/// How many lines each row takes above and below its band, given the
/// lines that stand in each gap (`gaps[k]`: before row `k`; `gaps[rows]`:
/// after the last), when exactly one cut of every gap fits (see the
/// module's documentation): with the bands centred exactly, else with
/// each band off its centre by up to a line (the cut that puts the fewest
/// bands off their centre, when only one does), else with the rows above a
/// page break (`broken[k]`: the page breaks in gap `k`) taking any number
/// of lines below them (where the footnote marks that end the natures
/// leave one cut); `None` otherwise.
pub(crate) fn cut(lines: &[Vec<Shape>], bands: &[Band], broken: &[bool]) -> Option<Vec<(usize, usize)>> {
    let none = vec![false; lines.len()];
    cut_with(lines, bands, false, &none)
        .or_else(|| cut_with(lines, bands, true, &none))
        .or_else(|| broken.contains(&true).then(|| cut_with(lines, bands, true, broken)).flatten())
}

/// The cuts of the gaps before a row that leave it some number of lines
/// above its band: the fewest bands off their centre among them, and how
/// many cuts (1, or 2 for more) put that few off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Ways {
    off: u32,
    count: u8,
}

impl Ways {
    /// Count the cuts of `other` too, keeping the fewest off.
    fn add(&mut self, other: Ways) {
        match other.off.cmp(&self.off) {
            std::cmp::Ordering::Less => *self = other,
            std::cmp::Ordering::Equal => self.count = self.count.saturating_add(other.count).min(2),
            std::cmp::Ordering::Greater => {}
        }
    }
}

/// [`cut`], the bands centred exactly or (`loose`) up to a line off (the
/// cut with the fewest bands off their centre, if only one has that few),
/// the rows above the `broken` gaps taking any number of lines below.
fn cut_with(
    lines: &[Vec<Shape>],
    bands: &[Band],
    loose: bool,
    broken: &[bool],
) -> Option<Vec<(usize, usize)>> {
    let n = bands.len();
    if n == 0 || lines.len() != n + 1 || broken.len() != n + 1 {
        return None;
    }
    let gaps: Vec<usize> = lines.iter().map(Vec::len).collect();
    let gap = |k: usize| gaps[k] as i64;
    // Whether row `k` taking `a` lines above and `b` below reads as one cell.
    let reads = |k: usize, a: usize, b: usize| {
        let above = lines[k][gaps[k] - a..].iter();
        let below = lines[k + 1][..b].iter();
        flows(above.chain(bands[k].shown.iter()).chain(below).copied())
    };
    let below = |k: usize, a: i64| {
        let band = bands[k];
        let (lo, hi) = band.below_minus_above(loose, broken[k + 1]);
        ((a + lo).max(0)..=(a + hi).min(gap(k + 1)))
            .filter(move |&b| (band.open || (a == 0 && b == 0)) && reads(k, a as usize, b as usize))
    };
    // Whether row `k` taking `a` lines above and `b` below is off its centre.
    let off = |k: usize, a: i64, b: i64| {
        let (lo, hi) = bands[k].below_minus_above(false, broken[k + 1]);
        u32::from(!(lo..=hi).contains(&(b - a)))
    };
    // ways[k][a]: the cuts of the gaps before row `k` that leave it `a` lines above its band.
    let mut ways: Vec<Vec<Option<Ways>>> = Vec::with_capacity(n);
    let mut first = vec![None; gaps[0] + 1];
    first[gaps[0]] = Some(Ways { off: 0, count: 1 });
    ways.push(first);
    let mut total: Option<Ways> = None;
    for k in 0..n {
        let mut next: Vec<Option<Ways>> = vec![None; if k + 1 < n { gaps[k + 1] + 1 } else { 0 }];
        for (a, w) in ways[k].iter().enumerate() {
            let Some(w) = *w else { continue };
            for b in below(k, a as i64) {
                let rest = gap(k + 1) - b;
                let w = Ways { off: w.off + off(k, a as i64, b), count: w.count };
                let slot = if k + 1 == n {
                    (rest == 0).then_some(&mut total)
                } else {
                    usize::try_from(rest).ok().and_then(|r| next.get_mut(r))
                };
                if let Some(slot) = slot {
                    match slot {
                        Some(have) => have.add(w),
                        None => *slot = Some(w),
                    }
                }
            }
        }
        if k + 1 < n {
            ways.push(next);
        }
    }
    let total = total.filter(|t| t.count == 1)?;
    // The one cut, from the last row up: each row's lines below fix the
    // lines above it, which fix the lines below the row before.
    let mut out = vec![(0, 0); n];
    let mut b = gap(n);
    let mut left = total.off;
    for k in (0..n).rev() {
        let a = ways[k]
            .iter()
            .enumerate()
            .find(|&(a, w)| {
                w.is_some_and(|w| w.off + off(k, a as i64, b) == left) && below(k, a as i64).any(|x| x == b)
            })
            .map(|(a, _)| a)?;
        left = ways[k][a].map_or(0, |w| w.off);
        out[k] = (a, usize::try_from(b).ok()?);
        b = gap(k) - a as i64;
    }
    Some(out)
}

/// Make the lines above and below a row's band part of its nature of
/// ownership (or, with `title`, of its title), in reading order around
/// what the band shows of it. The cell is read (with the span of all its
/// lines) unless the row's title is in doubt, when it is too.
pub(crate) fn wrap(row: &mut Row, title: bool, above: &[Line], below: &[Line]) {
    let band = if title { &row.security_title } else { &row.nature_of_ownership };
    let mut text = String::new();
    let mut span: Option<Span> = band.span.filter(|_| band.value.is_some() || !band.footnotes.is_empty());
    let mut push = |piece: &str, at: Span, span: &mut Option<Span>| {
        if piece.is_empty() {
            return;
        }
        if text.is_empty() {
            text.push_str(piece);
        } else {
            push_wrapped(&mut text, piece);
        }
        *span = Some(span.map_or(at, |s| s.cover(at)));
    };
    for line in above {
        push(&line.text(), line.span(), &mut span);
    }
    let shown = format!("{}{}", band.value.as_deref().unwrap_or(""), mark_text(&band.footnotes));
    if let Some(at) = band.span {
        push(&shown, at, &mut span);
    }
    for line in below {
        push(&line.text(), line.span(), &mut span);
    }
    let (Some(span), false) = (span, text.is_empty()) else { return };
    let doubted = row.security_title.origin == crate::model::Origin::Uncertain;
    let slot = if title { Slot::Title } else { Slot::Nature };
    // A title or a nature is text: filling it cannot fail.
    if fill(row, slot, &text, span).is_ok() && doubted {
        let field = if title { &mut row.security_title } else { &mut row.nature_of_ownership };
        field.origin = crate::model::Origin::Uncertain;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, FootnoteId, Origin};
    use crate::repr::cells::Cell;

    const OPEN: Band = Band { open: true, title: false, split: false, shown: None };
    const SPLIT: Band = Band { open: true, title: false, split: true, shown: None };
    const SHUT: Band = Band { open: false, title: false, split: false, shown: None };
    const MARKED: Shape = Shape { marked: true, marks_only: false, unopened: false };

    /// Gaps of lines, each given by its text.
    fn gaps(texts: &[&[&str]]) -> Vec<Vec<Shape>> {
        texts.iter().map(|gap| gap.iter().map(|t| Shape::of(t)).collect()).collect()
    }

    #[test]
    fn two_line_natures_take_one_line_above_and_one_below() {
        // `by` / row / `Trust` / `by` / row / `Trust`
        let lines = gaps(&[&["by"], &["Trust", "by"], &["Trust"]]);
        assert_eq!(cut(&lines, &[OPEN, OPEN], &[false; 3]), Some(vec![(1, 1), (1, 1)]));
        // A row held directly between them takes none.
        let lines = gaps(&[&["by"], &["Trust"], &["by"], &["Trust"]]);
        assert_eq!(cut(&lines, &[OPEN, SHUT, OPEN], &[false; 4]), Some(vec![(1, 1), (0, 0), (1, 1)]));
    }

    #[test]
    fn a_band_written_as_two_lines_may_take_one_fewer_below() {
        // `by` / row / (`S … Trust(3)` on the band's second line) / `by` / row / `Trust`
        let band = Band { shown: Some(MARKED), ..SPLIT };
        assert_eq!(
            cut(&gaps(&[&["by"], &["by"], &["Trust"]]), &[band, OPEN], &[false; 3]),
            Some(vec![(1, 0), (1, 1)])
        );
        // `See` / row / (`P … Footnotes(1)`) / `(2)(3)`
        assert_eq!(cut(&gaps(&[&["See"], &["⁽²⁾⁽³⁾"]]), &[band], &[false; 2]), Some(vec![(1, 1)]));
    }

    #[test]
    fn marks_end_a_nature() {
        // `by` / row / `Trust(3)` `by` / split row / `by` / row / `Trust(3)`:
        // the split row's line counts allow two cuts; only one reads.
        let lines = gaps(&[&["by"], &["Trust⁽³⁾", "by"], &["by"], &["Trust⁽³⁾"]]);
        let band = Band { shown: Some(MARKED), ..SPLIT };
        assert_eq!(cut(&lines, &[OPEN, band, OPEN], &[false; 4]), Some(vec![(1, 1), (1, 0), (1, 1)]));
        assert!(flows([Shape::of("Footnotes⁽¹⁾"), Shape::of("⁽²⁾⁽³⁾")]));
        assert!(!flows([Shape::of("Trust⁽³⁾"), Shape::of("by")]));
        // A heading's wrapped `(Instr. 3 and 4)` starts no nature.
        assert!(!flows([Shape::of("4)"), Shape::of("By Trust")]));
        assert!(flows([Shape::of("By Trust (for"), Shape::of("children)")]));
    }

    #[test]
    fn a_band_off_its_centre_is_cut_by_the_marks() {
        // `See` / row / `Footnotes(2)` `(4)` / `See` / row / `Footnotes(2)` `(5)`:
        // the first row's middle line fell below its band.
        let lines = gaps(&[&["See"], &["Footnotes⁽²⁾", "⁽⁴⁾", "See"], &["Footnotes⁽²⁾", "⁽⁵⁾"]]);
        assert_eq!(cut(&lines, &[OPEN, OPEN], &[false; 3]), Some(vec![(1, 2), (1, 2)]));
        // Without marks to end them, the natures' lines are not cut.
        let lines = gaps(&[&["See"], &["Footnotes", "x", "See"], &["Footnotes"]]);
        assert_eq!(cut(&lines, &[OPEN, OPEN], &[false; 3]), None);
    }

    #[test]
    fn of_the_cuts_with_bands_off_their_centre_the_one_with_fewest_off_is_taken() {
        // `By estate` / row (`planning` on its band, a code written below it)
        // / `vehicle`, then three natures of marks-ended lines, the second
        // with one line more below its band than above. Other cuts fit with
        // bands up to a line off (the first row taking `vehicle`, `Example`),
        // but they put more bands off.
        let band = Band { shown: Some(Shape::of("planning")), ..SPLIT };
        let lines = gaps(&[
            &["By estate"],
            &["vehicle", "Example", "Capital", "Global"],
            &["Growth", "Fund, L.P.", "⁽²⁾⁽³⁾", "Example", "Capital", "Global"],
            &["Growth", "Principals", "Fund, L.P.", "⁽²⁾⁽³⁾", "Example", "Capital", "Global"],
            &["Growth", "Partners,", "L.P.⁽²⁾⁽³⁾"],
        ]);
        let bands = [band, OPEN, OPEN, OPEN];
        assert_eq!(cut(&lines, &bands, &[false; 5]), Some(vec![(1, 1), (3, 3), (3, 4), (3, 3)]));
        // Several cuts with as few off (no marks to end the natures): none.
        let lines = gaps(&[&["a"], &["b", "c"], &["d", "e", "f"], &["g"]]);
        assert_eq!(cut(&lines, &[OPEN, OPEN, OPEN], &[false; 4]), None);
    }

    #[test]
    fn a_row_broken_by_its_page_takes_the_lines_up_to_its_marks() {
        // `Sequoia` on the band, `Capital` `Global` / page break / `Growth`
        // `Fund(2)`, then `By` / row / `Trust(3)`.
        let lines = gaps(&[&[], &["Capital", "Global", "Growth", "Fund⁽²⁾", "By"], &["Trust⁽³⁾"]]);
        let band = Band { shown: Some(Shape::of("Sequoia")), ..OPEN };
        assert_eq!(cut(&lines, &[band, OPEN], &[false; 3]), None);
        assert_eq!(cut(&lines, &[band, OPEN], &[false, true, false]), Some(vec![(0, 4), (1, 1)]));
    }

    #[test]
    fn a_cut_that_is_not_certain_places_nothing() {
        // One line between two rows that may both take it.
        assert_eq!(cut(&gaps(&[&[], &["Trust"], &[]]), &[SPLIT, OPEN], &[false; 3]), None);
        // Lines no row can take, or too many.
        assert_eq!(cut(&gaps(&[&["by"], &[]]), &[SHUT], &[false; 2]), None);
        assert_eq!(cut(&gaps(&[&["by"], &["a", "b", "c"]]), &[OPEN], &[false; 2]), None);
        assert_eq!(cut(&[], &[], &[]), None);
    }

    #[test]
    fn a_row_held_directly_without_its_title_on_its_band_takes_lines_as_its_title() {
        let direct = Row {
            direct_or_indirect_ownership: Field::read(DirectIndirect::Direct, Span::new(50, 51)),
            ..Row::default()
        };
        let band = Band::of(&direct, false, true);
        assert!(band.open && band.title, "{band:?}");
        // Its title whole on its first line: it takes none.
        assert!(!Band::of(&direct, false, false).open);
        // Held indirectly, its title not on its band: the lines may be either cell's.
        let indirect = Row {
            direct_or_indirect_ownership: Field::read(DirectIndirect::Indirect, Span::new(50, 51)),
            ..Row::default()
        };
        assert!(!Band::of(&indirect, false, true).open);
        let mut row = direct;
        wrap(&mut row, true, &[line("Class A", 0)], &[line("Common Stock", 60)]);
        assert_eq!(row.security_title.value.as_deref(), Some("Class A Common Stock"));
        assert!(row.security_title.origin.is_read());
        assert!(row.nature_of_ownership.value.is_none());
    }

    fn line(text: &str, at: usize) -> Line {
        Line::new(vec![Cell::new(text, Span::new(at, at + text.len()))])
    }

    #[test]
    fn a_wrapped_nature_reads_around_its_band() {
        let mut row = Row {
            security_title: Field::read("Common Stock".to_owned(), Span::new(10, 22)),
            ..Row::default()
        };
        row.nature_of_ownership = Field {
            footnotes: vec![FootnoteId::numbered(1)],
            ..Field::read("Footnotes".to_owned(), Span::new(40, 52))
        };
        wrap(&mut row, false, &[line("See", 0)], &[line("⁽²⁾⁽³⁾", 60)]);
        let nature = &row.nature_of_ownership;
        assert_eq!(nature.value.as_deref(), Some("See Footnotes"));
        let ids: Vec<FootnoteId> = [1, 2, 3].into_iter().map(FootnoteId::numbered).collect();
        assert_eq!(nature.footnotes, ids);
        assert_eq!(nature.span, Some(Span::new(0, 60 + "⁽²⁾⁽³⁾".len())));
        assert!(nature.origin.is_read());
        // A row whose title is in doubt keeps its nature in doubt.
        let mut row = Row {
            security_title: Field { origin: Origin::Uncertain, ..row.security_title },
            ..Row::default()
        };
        wrap(&mut row, false, &[line("by", 0)], &[line("Trust⁽³⁾", 30)]);
        assert_eq!(row.nature_of_ownership.value.as_deref(), Some("by Trust"));
        assert_eq!(row.nature_of_ownership.origin, Origin::Uncertain);
    }
}
