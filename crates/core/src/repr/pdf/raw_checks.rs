//! The header's check marks in PDF text without layout: which check box
//! at the top (no longer subject to Section 16; Rule 10b5-1) and which
//! relationship box each mark checks, as far as the drawing order tells.
//!
//! One thing the drawing order loses for certain: which box a mark `X`
//! is in — a mark is drawn away from its label. But each box checked in
//! the header is one mark: the reporting person's relationships (at least
//! one), the two check boxes at the top (no longer subject to Section 16;
//! Rule 10b5-1) and the one of the two joint filing boxes. So when the
//! header holds two marks, one is the joint filing box's and the other a
//! relationship's: neither check box at the top is checked (nor when the
//! relationship boxes placed below and the joint filing box's account for
//! every mark). Otherwise,
//! when either is read as checked, both are marked uncertain, with a
//! diagnostic (or when a mark is drawn before the labels of boxes 1 and 2,
//! above which the two boxes stand: one of them is checked; with two such
//! marks, both, when the form shows both; one drawn between the two boxes'
//! labels is the Rule 10b5-1 box's, [`plan_mark`], the Section 16 box's
//! then uncertain, with a diagnostic, unless the other marks are all
//! placed); no mark read for either leaves both unchecked (one more
//! mark than the relationships read may still be a check box's: not
//! known from the drawing order).
//!
//! Which relationship box a mark checks is known in these places, from
//! how the form is printed:
//!
//! - the top row's two boxes (Director, 10% Owner): both checked, their
//!   two marks, on one line, are drawn one after the other right before
//!   the row's first label, `Director` (one mark alone there may be
//!   either's). On Form 4 and Form 5, the 10% Owner's mark (the row's
//!   right box, above the gap between the Officer's and the Other's
//!   labels) is drawn with the label under the row's first: right before
//!   the Officer's label (`Officer (give title`, alone or drawn in one
//!   block under `Director`), or between `Director`
//!   and the 10% Owner's own label, that label (its last block) drawn
//!   after the mark (so in 74 filings of the corpus, none wrong; a mark
//!   right before the Officer's label with the 10% Owner's label drawn
//!   only before it is another box's, in 6), in the header (before the
//!   first table's title); a mark right before `Director` is then the
//!   Director's (so in 67; one before `Director` with no 10% Owner's mark
//!   so placed may be the 10% Owner's, in 9);
//! - Form 4's box 5 stands to the right of boxes 2 to 4, its top row of
//!   check boxes level with box 3's label (`3. Date of Earliest
//!   Transaction`); the Director box is the left one of that row, nearest
//!   the label, and its mark is drawn right before it. The 10% Owner
//!   mark, further right, never is. Its second row (Officer, Other)
//!   stands level with the street's lines, under box 3's date: a mark
//!   drawn between the street's first line (right after the date) and its
//!   second (over box 4's label, in one block) is the Officer box's, the
//!   left one, nearest the street box ([`between_streets`]; so in 46
//!   filings of the corpus, none the Other's, whose mark both filings
//!   checking it draw right before the Other's label);
//! - Form 3's box 4 stands under box 3, its top row level with the line
//!   under the owner's name labels: the Director mark is drawn between
//!   the `(Middle)` label and the value that follows it (the street), and
//!   the 10% Owner mark, the right one of the row, right before the label
//!   of box 5 (`5. If Amendment`), the box to its right;
//! - a mark run into a label's word on one line (`X Officer`, `X
//!   Director`) is that label's box. The Officer box's label wraps (`Officer
//!   (give title` `below)`), and its mark stands against the wrapped line:
//!   `X below)` is the Officer box's mark (the Other box's mark stands in
//!   the middle of the row, apart from the words beside it).
//!
//! A box so placed is checked; and when the boxes placed and the joint
//! filing box account for every mark of the header, the others are
//! unchecked.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Field, Filing, Origin, ReportingOwner};
use crate::repr::cells::{Cell, check_mark, read_date};
use crate::repr::pdf::raw_boxes::{begins, is_value, unplace};
use crate::repr::pdf::raw_table::Block;
use crate::source::Span;

/// The header's check marks, and the boxes the drawing order places them in.
#[derive(Debug, Default)]
pub(super) struct Marks {
    /// The header's check marks (`X` alone, or run into a label: `X Form`).
    count: usize,
    /// The span of a mark drawn at the top between the Section 16 box's
    /// label and the Rule 10b5-1 box's: the latter's ([`plan_mark`]).
    plan: Option<Span>,
    /// Those of them drawn before the first label of boxes 1 and 2: the
    /// check boxes' at the top ([`before_boxes`]); none when neither label
    /// is found.
    top: usize,
    /// The relationship boxes whose mark the drawing order places, with
    /// the mark's span.
    related: Vec<(Relationship, Span)>,
}

impl Marks {
    /// How many relationship boxes the drawing order places a mark in.
    fn placed(&self) -> usize {
        Relationship::ALL.iter().filter(|&&kind| self.related.iter().any(|&(r, _)| r == kind)).count()
    }

    /// The header's marks but those of the check boxes at the top (these
    /// are counted among the header's: never more, but saturating all the
    /// same).
    fn below_top(&self) -> usize {
        self.count.saturating_sub(self.top)
    }
}

/// One of the four relationship boxes of the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Relationship {
    Director,
    Officer,
    TenPercentOwner,
    Other,
}

impl Relationship {
    /// The four boxes.
    const ALL: [Relationship; 4] =
        [Relationship::Director, Relationship::Officer, Relationship::TenPercentOwner, Relationship::Other];
}

/// The marks of a filing of Form 3 (`form3`; its relationship boxes stand
/// elsewhere) or another form drawn in `blocks`, the header being the
/// blocks before `header_end`.
pub(super) fn find(blocks: &[Block], header_end: usize, form3: bool) -> Marks {
    let mut marks = Marks::default();
    // The marks drawn before boxes 1 and 2, while none of their labels is found.
    let mut top = Some(0);
    let last_ten_percent = blocks.iter().rposition(|b| begins(b, "10% Owner", false));
    let ten_percent: Vec<usize> =
        (0..header_end).filter(|&k| !form3 && ten_percent_mark(blocks, k, last_ten_percent)).collect();
    for (i, block) in blocks.iter().enumerate() {
        let Some(last) = block.lines.last() else { continue };
        if let Some(n) = top.filter(|_| !before_boxes(block)) {
            marks.top = n;
            top = None;
        }
        if top.is_some() && plan_mark(blocks, i) {
            marks.plan = Some(last.span);
        }
        if i >= header_end {
            continue;
        }
        let n = block.lines.iter().filter(|l| is_mark(&l.text)).count();
        marks.count += n;
        top = top.map(|t| t + n);
        marks.related.extend(block.lines.iter().filter_map(|l| run_into_label(l).map(|r| (r, l.span))));
        if let Some(relationship) = placed_mark(blocks, i, form3, &ten_percent) {
            marks.related.push((relationship, last.span));
        }
    }
    marks
}

/// The check boxes at the top settled by the count of the header's marks,
/// or put in doubt (see the module docs).
pub(super) fn settle_check_boxes(filing: &mut Filing, marks: &Marks) {
    // The one mark at the top is the Rule 10b5-1 box's; the Section 16
    // box's is none when every other mark is a relationship's placed or
    // the joint filing box's.
    if let (1, Some(span)) = (marks.top, marks.plan) {
        if filing.aff10b5_one.origin.is_read() {
            filing.aff10b5_one = Field::read(true, span);
        }
        let section16 = &mut filing.not_subject_to_section16;
        if section16.origin.is_read() {
            if marks.below_top() == marks.placed().max(1) + 1 {
                section16.value = Some(false);
                section16.origin = Origin::Read;
            } else {
                section16.origin = Origin::Uncertain;
                filing.diagnostics.push(Diagnostic::new(
                    Code::ColumnUncertain,
                    Some(span),
                    "the check box no longer subject to Section 16 was read from PDF text without layout, where a mark is drawn away from its box: with the Rule 10b5-1 box's mark placed, whether another mark is this box's is not known",
                ));
            }
        }
        return;
    }
    let boxes = [&mut filing.not_subject_to_section16, &mut filing.aff10b5_one];
    let shown: Vec<&mut Field<bool>> = boxes.into_iter().filter(|b| b.origin.is_read()).collect();
    // Both drawn before boxes 1 and 2: both checked, when the form shows
    // both (each read with a value or a place; a form before the Rule
    // 10b5-1 box has one): with one shown, the second mark is not known.
    let both = shown.len() == 2 && shown.iter().all(|b| b.value.is_some() || b.span.is_some());
    if marks.top == 2 && both {
        for field in shown {
            field.value = Some(true);
            field.origin = Origin::Read;
        }
        return;
    }
    // At least one relationship is checked, and the joint filing box.
    if marks.top == 0 && marks.count == marks.placed().max(1) + 1 {
        for field in shown {
            field.value = Some(false);
            field.origin = Origin::Read;
        }
        return;
    }
    // No box read checked, and no mark drawn at the top: both unchecked, as read.
    if marks.top == 0 && !shown.iter().any(|b| b.value == Some(true)) {
        return;
    }
    let span = shown.iter().find_map(|b| b.span.filter(|_| b.value == Some(true)));
    for field in shown {
        field.origin = Origin::Uncertain;
    }
    filing.diagnostics.push(Diagnostic::new(
        Code::ColumnUncertain,
        span,
        "a check box at the top (no longer subject to Section 16; Rule 10b5-1) was read from PDF text without layout, where a mark is drawn away from its box: which box a mark checks is not known",
    ));
}

/// The first owner's relationship boxes the drawing order places, and,
/// when the header's two marks leave one relationship, the others
/// unchecked (see the module docs). Text read as the title of a box so
/// found unchecked is no title (the form prints the officer's title and
/// the other relationship's text only for a checked box): it is reported
/// as text without a place, in `diagnostics`.
pub(super) fn settle_relationships(
    owner: &mut ReportingOwner,
    marks: &Marks,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let placed = marks.placed();
    let count = marks.below_top();
    let all = count == placed + 1;
    if placed == 0 || count < placed + 1 {
        return;
    }
    for (relationship, field, title) in [
        (Relationship::Director, &mut owner.is_director, None),
        (Relationship::Officer, &mut owner.is_officer, Some(&mut owner.officer_title)),
        (Relationship::TenPercentOwner, &mut owner.is_ten_percent_owner, None),
        (Relationship::Other, &mut owner.is_other, Some(&mut owner.other_text)),
    ] {
        if let Some((_, span)) = marks.related.iter().find(|(r, _)| *r == relationship) {
            *field = Field::read(true, *span);
        } else if all {
            field.value = Some(false);
            field.origin = Origin::Read;
            let Some(title) = title else { continue };
            unplace(title, "belongs to no checked box", diagnostics);
            *title = Field::default();
        }
    }
}

/// Whether block `b` is a check mark drawn alone (`X` on a line of its own).
pub(super) fn is_lone_mark(b: &Block) -> bool {
    matches!(b.lines.as_slice(), [only] if check_mark(&only.text) == Some(true))
}

/// Whether `block` is drawn before the row of boxes 1, 2 and 5, as the
/// two check boxes at the top (no longer subject to Section 16; Rule
/// 10b5-1) are: it holds neither box 1's label (`1. Name and Address`) nor
/// box 2's (`2. Issuer Name`). The relationship boxes and the joint filing
/// box stand in that row and under it: a mark drawn before its first label
/// is a check box's at the top (so in every filing of the corpus).
fn before_boxes(block: &Block) -> bool {
    !block
        .lines
        .iter()
        .any(|l| l.text.starts_with("1. Name and Address") || l.text.starts_with("2. Issuer Name"))
}

/// Whether block `i` is a mark alone drawn right after the label of the
/// Section 16 box (`Check this box if no longer subject`) and before that
/// of the Rule 10b5-1 box (`Check this box to indicate`), the box under
/// it: each box's mark stands left of its label's first line and is drawn
/// before that label, so a mark drawn after the Section 16 box's label is
/// the Rule 10b5-1 box's (so in every filing of the corpus; a mark drawn
/// before both labels may be either's).
fn plan_mark(blocks: &[Block], i: usize) -> bool {
    is_lone_mark(&blocks[i])
        && i.checked_sub(1).is_some_and(|p| begins(&blocks[p], "Check this box if no longer subject", false))
        && blocks[i + 1..].iter().any(|b| begins(b, "Check this box to indicate", false))
}

/// A check mark alone, or run into the label beside it (`X Form filed by`,
/// `X below)`).
pub(super) fn is_mark(text: &str) -> bool {
    const LABELS: [&str; 8] = ["Form", "below)", "Director", "Officer", "Other", "10%", "Section", "Check"];
    check_mark(text) == Some(true)
        || text.split_once(' ').is_some_and(|(m, rest)| {
            check_mark(m) == Some(true) && LABELS.iter().any(|l| rest.starts_with(l))
        })
}

/// The relationship box whose label's word a mark is run into on its line
/// (`X Officer`, `X below)`; see the module docs).
fn run_into_label(line: &Cell) -> Option<Relationship> {
    let (mark, rest) = line.text.split_once(' ')?;
    if check_mark(mark) != Some(true) {
        return None;
    }
    let word = rest.split(' ').next()?;
    match word {
        "Director" => Some(Relationship::Director),
        "Officer" | "below)" => Some(Relationship::Officer),
        "10%" => Some(Relationship::TenPercentOwner),
        "Other" => Some(Relationship::Other),
        _ => None,
    }
}

/// The relationship box of block `i` when it is a mark alone drawn where
/// a box's mark is (see the module docs): the top row's two marks drawn
/// one after the other right before its `Director` label, or, on Form 4
/// and Form 5, the 10% Owner's drawn with the Officer's label or between
/// `Director` and its own label, the 10% Owner's label drawn from there
/// on, and the Director's right before `Director` when another mark is
/// so the 10% Owner's; the Officer's between the street's lines
/// ([`between_streets`]); the Director mark right before Form 4's box 3
/// label, or, on Form 3, between the `(Middle)` label and a value; Form
/// 3's 10% Owner mark right before its box 5 label. `ten_percent`: the
/// header's blocks that are 10% Owner's marks so drawn
/// ([`ten_percent_mark`]; none on Form 3).
fn placed_mark(blocks: &[Block], i: usize, form3: bool, ten_percent: &[usize]) -> Option<Relationship> {
    let alone = |k: usize| blocks.get(k).is_some_and(is_lone_mark);
    let before = |k: usize| k.checked_sub(1).is_some_and(alone);
    let next = blocks.get(i + 1).and_then(|b| b.lines.first()).map(|l| l.text.as_str())?;
    if !alone(i) {
        return None;
    }
    if !before(i) && alone(i + 1) && director_after(blocks, i + 2) {
        return Some(Relationship::Director);
    }
    if before(i) && !before(i - 1) && director_after(blocks, i + 1) {
        return Some(Relationship::TenPercentOwner);
    }
    // Form 4's and Form 5's top row: the 10% Owner's mark drawn with the
    // label under it, the Director's right before `Director` (see the module docs).
    if ten_percent.contains(&i) {
        return Some(Relationship::TenPercentOwner);
    }
    if director_after(blocks, i + 1) && !ten_percent.is_empty() {
        return Some(Relationship::Director);
    }
    if !form3 && between_streets(blocks, i) {
        return Some(Relationship::Officer);
    }
    if !form3 {
        return next.starts_with("3. Date of Earliest Transaction").then_some(Relationship::Director);
    }
    let after_name =
        i.checked_sub(1).and_then(|p| blocks[p].lines.last()).is_some_and(|l| l.text == "(Middle)");
    if after_name && is_value(next) {
        Some(Relationship::Director)
    } else {
        next.starts_with("5. If Amendment").then_some(Relationship::TenPercentOwner)
    }
}

/// Whether block `k` begins with the `Director` label.
fn director_after(blocks: &[Block], k: usize) -> bool {
    blocks.get(k).is_some_and(|b| begins(b, "Director", true))
}

/// Whether block `k` is a mark alone drawn where Form 4's and Form 5's
/// 10% Owner's mark is (see the module docs): right before the Officer's
/// label (alone, or in one block under `Director`), or between `Director`
/// and the 10% Owner's own label, with that label's last block
/// (`last_ten_percent`) drawn after the mark.
fn ten_percent_mark(blocks: &[Block], k: usize, last_ten_percent: Option<usize>) -> bool {
    let first_line = |k: usize, label: &str| blocks.get(k).is_some_and(|b| begins(b, label, false));
    // `Director` with the Officer's label under it, in one block.
    let officer_under_director = matches!(blocks.get(k + 1).map(|b| b.lines.as_slice()), Some([director, officer, ..])
        if director.text == "Director" && officer.text.starts_with("Officer (give"));
    blocks.get(k).is_some_and(is_lone_mark)
        && last_ten_percent.is_some_and(|m| m > k)
        && (first_line(k + 1, "Officer (give")
            || officer_under_director
            || (k.checked_sub(1).is_some_and(|d| director_after(blocks, d))
                && first_line(k + 1, "10% Owner")))
}

/// Whether block `i` is drawn between the street's two lines drawn about
/// box 3's date (see the module docs): the first alone right after the
/// date alone, the second over box 4's label (and `(Street)`, if drawn
/// there) in the block right after.
fn between_streets(blocks: &[Block], i: usize) -> bool {
    let alone =
        |k: usize, shape: fn(&str) -> bool| matches!(blocks[k].lines.as_slice(), [only] if shape(&only.text));
    let date = |t: &str| read_date(t).is_some();
    let second = blocks.get(i + 1).map(|b| b.lines.as_slice());
    let over_box4 = matches!(second, Some([street, label, ..]) if is_value(&street.text) && label.text.starts_with("4. If Amendment"));
    i >= 2 && alone(i - 2, date) && alone(i - 1, is_value) && over_box4
}

#[cfg(test)]
#[path = "raw_checks_tests.rs"]
mod tests;
