//! The header's boxes of PDF text without layout that keep their value
//! beside their label, whatever the drawing order.
//!
//! The drawing order interleaves the header's boxes, so the header reader's
//! owner values are in doubt ([`super::raw::doubt_tables`]). These survive
//! it, and settle the values they give:
//!
//! - an owner's name is drawn in one block with the label under it: the
//!   name's lines, then `(Last)` (or `(First)`, `(Middle)`);
//! - the city, the state and the zip code are drawn as the three blocks
//!   just before the `(City)` label, or as two when the city and the state
//!   share a line (`MENLO PARK CA`); the state is two capitals and the zip
//!   code five digits (or five and four), so the three cannot be confused.
//!   A city wrapped over lines in its box (`MENLO` `PARK`) is one block,
//!   right after the `(Street)` label;
//! - failing that, the city and the state drawn right after the `(Street)`
//!   label, the city's box being under it: `MENLO PARK CA`, `AUSTIN` `TX`
//!   (two blocks), or `SAN` `CA` `FRANCISCO` (a city wrapped in its box,
//!   the state level with the middle of its lines), when the header has
//!   one such block;
//! - failing that, the header's zip code and state are each the one block
//!   of their shape in it: a block of a zip code alone, a block of a US
//!   state's code alone (no other box draws such a value; a check mark
//!   drawn beside it may share its block, `X` `94025`); and the city and
//!   the state are the header's one block of a line of words without digits
//!   ending with a US state's code (`MENLO PARK CA`: the state's box stands
//!   right of the city's, level with it, and no other box of the header
//!   prints words so ended); a block of another state's code alone and such
//!   a line contradict each other, and settle neither; with the one state's
//!   code alone, the city is the header's one line of words alone (no
//!   state's code, no label, not the title read) right after the
//!   `(Street)` label, the city's box standing under it (`AUSTIN`, then
//!   another box's text), or the one
//!   drawn right after the street's first line drawn apart
//!   ([`streets_apart`]);
//! - the street box's lines (one or two) are drawn between the period's
//!   date and box 4's label (`4. If Amendment`) — box 3 stands right of
//!   the street lines, box 4 under box 3 — as one block with the label's
//!   block next, or, the first line level with the date and the second
//!   with box 4's label, as the first line alone, then the second with the
//!   label under it in one block (lone marks, the relationship boxes' to
//!   the right, may come between); when the block before the date is form
//!   text (a label or a mark) or the text under the relationship boxes
//!   ([`title_under_labels`], [`title_beside_box3`]) — no value of the owner's box was drawn
//!   before the date, as a street line level with it would be — and two
//!   lines are two streets, not one wrapped ([`street_break`]), three one
//!   street wrapped and the other, which known by the breaks
//!   ([`streets_of`]); or drawn
//!   apart, each with the box it is level with: the first line as a block
//!   of its own right after the date's, the second as one between the
//!   `(Middle)` label and box 4's label ([`streets_apart`]), a city alone
//!   right after the first line being the city (with the header's one
//!   state's code alone, below); or as one
//!   block of two lines right after the `(Middle)` label and right before a
//!   mark or the zip code alone ([`streets_under_name`]); or the first
//!   line between box 3's label and its date, the `(Street)` label (under
//!   the second line, in one block, if any) right after the date
//!   ([`streets_beside_date`]); or the first line wrapped, drawn right
//!   after box 3's label as one block with the second line, if any, or
//!   with the second drawn alone right after `(Middle)`
//!   ([`street_wrapped_after_box3`]);
//! - the officer's title (or the other relationship's text) is printed
//!   under the relationship boxes in a column about 5 ems wide, level with
//!   box 3: drawn between the boxes' labels and box 3
//!   ([`title_under_labels`]), or, wrapped in its column, right before box
//!   3's label or between that label and its date ([`title_beside_box3`]);
//! - a joint filing's owner boxes, printed again after the tables one
//!   under the other, are drawn in order: each owner's street lines are
//!   those drawn with the `(Street)` label right after its name's labels
//!   ([`owner_street`]);
//! - the header of a form that is not an amendment prints one date, the
//!   period of report (the earliest transaction's, the event's or the
//!   fiscal year end's): when its blocks hold exactly one date, it is that.
//!
//! A value so found replaces the reader's when the reader's overlaps it, or
//! for the first owner (the one the header shows) when the header has one
//! such box only. Everything else stays as the reader left it, but for an
//! officer's title or other text read as a date alone: the header prints
//! dates only in boxes 3 and 4, so the title is not known. The header's
//! check marks (the check boxes at the top, the relationship boxes) are
//! placed by [`super::raw_checks`].

use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{Field, Filing, FormType, Origin, ReportingOwner};
use crate::repr::cells::{Cell, check_mark, read_date};
use crate::repr::form::PERIOD_OF_REPORT;
use crate::repr::header::{STREET_WIDTH, ends_street, measure, street_break, street_width};
use crate::repr::pdf::raw_checks::{self, Marks, is_lone_mark, is_mark};
use crate::repr::pdf::raw_table::{Block, title_of};
use crate::source::Span;

/// The values the header's boxes settle, in the order drawn.
#[derive(Debug, Default)]
struct Boxes {
    /// Owners' names, and whether each is in the header (before Table I).
    names: Vec<(Cell, bool)>,
    /// Owners' city, state and zip code, and whether in the header.
    places: Vec<([Cell; 3], bool)>,
    /// The header's dates.
    dates: Vec<Cell>,
    /// The header's blocks of a zip code alone, and of a state's code alone.
    zips: Vec<Cell>,
    states: Vec<Cell>,
    /// The header's city and state drawn right after the `(Street)` label.
    cities: Vec<[Cell; 2]>,
    /// The header's blocks of a city and a state's code on one line alone.
    city_lines: Vec<[Cell; 2]>,
    /// The header's street lines drawn between the period's date and box 4's label.
    streets: Vec<Vec<Cell>>,
    /// The header's city drawn right after the street's first line drawn
    /// apart from the second ([`streets_apart`]).
    city_below_street: Option<Cell>,
    /// The header's cities alone drawn right after the `(Street)` label
    /// (the city's box stands under it), with no state's code beside them.
    cities_alone: Vec<Cell>,
    /// The owners' boxes drawn after the tables (a joint filing's): each
    /// name, and its street lines (the second `None` when there is one).
    owner_streets: Vec<(Cell, [Option<Cell>; 2])>,
    /// The header's text printed under the relationship boxes (an officer's
    /// title or the other relationship's text), drawn between their labels
    /// and box 3 ([`title_under_labels`]) or beside box 3's label
    /// ([`title_beside_box3`]), and whether its shape alone tells it is the
    /// title (wrapped in the title's narrow column).
    titles: Vec<(Cell, bool)>,
    /// The header's check marks, and the boxes they are placed in.
    marks: Marks,
}

/// Settle the values the header's boxes give in one filing read from
/// `blocks` (the blocks of the filing's text; see the module docs).
pub(crate) fn settle(filing: &mut Filing, blocks: &[Block]) {
    let boxes = find(blocks, filing.document_type.value);
    for (k, owner) in filing.reporting_owners.iter_mut().enumerate() {
        settle_owner(owner, k == 0, &boxes);
    }
    if let Some(first) = filing.reporting_owners.first_mut() {
        raw_checks::settle_relationships(first, &boxes.marks, &mut filing.diagnostics);
        settle_title(first, &boxes);
        undate_titles(first, &mut filing.diagnostics);
    }
    // A settled value is placed: the header reader's word that it had no label goes.
    let placed: Vec<Span> = filing
        .reporting_owners
        .iter()
        .flat_map(|o| [&o.name, &o.address.city, &o.address.state, &o.address.zip_code])
        .filter(|f| f.origin == Origin::Read)
        .filter_map(|f| f.span)
        .collect();
    filing
        .diagnostics
        .retain(|d| !(d.code == Code::UnplacedContent && d.span.is_some_and(|s| placed.contains(&s))));
    raw_checks::settle_check_boxes(filing, &boxes.marks);
    let single = filing.document_type.value.is_some_and(|t| !t.is_amendment());
    if let ([date], true) = (boxes.dates.as_slice(), single)
        && let Some(value) = read_date(&date.text)
    {
        filing.period_of_report = Field::read(value, date.span);
        filing
            .diagnostics
            .retain(|d| !(d.code == Code::SectionMissing && d.message.starts_with(PERIOD_OF_REPORT)));
    }
}

/// Take a title's text out of it, reported as text without a place (`why`
/// says why it is none of the title's) in `diagnostics`.
pub(super) fn unplace(title: &mut Field<String>, why: &str, diagnostics: &mut Vec<Diagnostic>) {
    if let Some(text) = title.value.take().filter(|t| !t.trim().is_empty()) {
        diagnostics.push(Diagnostic::new(
            Code::UnplacedContent,
            title.span,
            format!("the text {} under the relationship boxes {why}", quote(&text)),
        ));
    }
}

/// The officer's title, or the other relationship's text, settled by the
/// header's one text under the relationship boxes ([`title_under_labels`],
/// [`title_beside_box3`]): it replaces the reader's title that begins with
/// it, word for word (the reader may have run values drawn after it on),
/// or, a title wrapped in its column, whatever the reader read there (its
/// shape tells it is the title), in the box the reader's marks give — the
/// officer's when its box reads checked and the other's does not, the
/// other's the other way round (the form prints a title only for a checked
/// box); with both or neither read checked, which box it is is not known,
/// and the reader's stays.
fn settle_title(owner: &mut ReportingOwner, boxes: &Boxes) {
    let [(text, wrapped)] = boxes.titles.as_slice() else { return };
    let officer = owner.is_officer.value == Some(true);
    let other = owner.is_other.value == Some(true);
    let field = match (officer, other) {
        (true, false) => &mut owner.officer_title,
        (false, true) => &mut owner.other_text,
        _ => return,
    };
    let begins = |v: &str| {
        v.strip_prefix(text.text.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    if *wrapped || field.value.as_deref().is_some_and(begins) {
        *field = Field::read(text.text.clone(), text.span);
    }
}

/// The text under the relationship boxes when block `i` is it: Form 4's
/// and Form 5's box 5 prints an officer's title (or the other
/// relationship's text) centred under its labels, level with box 3 (or box
/// 4 under it) to its left. So the drawing order gives it between the
/// labels and that box: a block of values (no label, mark or date) right
/// after a block of the labels (ending with a wrapped label's `below)`),
/// and right before box 3's label, its date alone, or box 4's label. A
/// value of another box drawn there would stand level with box 3 inside
/// box 5, where nothing else is printed.
fn title_under_labels(blocks: &[Block], i: usize) -> Option<Cell> {
    let labels = i.checked_sub(1).and_then(|p| blocks[p].lines.last()).is_some_and(|l| l.text == "below)");
    let lines = &blocks[i].lines;
    let value = |t: &str| is_value(t) && !t.contains('[') && !is_relationship_label(t);
    let values = !lines.is_empty() && lines.iter().all(|l| value(&l.text));
    let next = blocks.get(i + 1)?.lines.as_slice();
    let box3 = match next {
        [only] if read_date(&only.text).is_some() => true,
        [first, ..] => [BOX3, "4. If Amendment"].iter().any(|l| first.text.starts_with(l)),
        [] => false,
    };
    (labels && values && box3).then(|| joined(lines))
}

/// The widest line of box 5's text under the relationship labels seen
/// printed whole, with some room ([`measure`]): the column is about 5 ems
/// wide (`SVP, APAC` printed whole at 5.0 ems, `& Secretary` wrapped at
/// 4.8), a quarter of the street box's ([`STREET_WIDTH`]).
const TITLE_WIDTH: usize = 5_500;

/// The text under the relationship boxes when block `i` is it, drawn
/// beside box 3's label: Form 4's and Form 5's box 5 prints an officer's
/// title (or the other relationship's text) in a narrow column right of box
/// 3, level with box 3's label and its date, so the drawing order gives it
/// right before box 3's label (`3. Date of Earliest`), or between that
/// label and its date alone. Taken only wrapped in that column: two lines
/// or more, each of them no wider than it ([`TITLE_WIDTH`]), none with a
/// digit (a short street, `PO BOX 12` `STE 4`, is as narrow). The street's
/// lines, also drawn beside box 3, run across box 1, four times as wide;
/// the one other narrow box holding words, the city's, stands at the
/// header's foot, by `(Street)`, far from box 3.
fn title_beside_box3(blocks: &[Block], i: usize) -> Option<Cell> {
    let lines = &blocks[i].lines;
    let narrow = |t: &str| {
        is_value(t)
            && !t.contains('[')
            && !t.contains(|c: char| c.is_ascii_digit())
            && measure(t) <= TITLE_WIDTH
    };
    if lines.len() < 2 || !lines.iter().all(|l| narrow(&l.text)) {
        return None;
    }
    let next = blocks.get(i + 1)?;
    let before_label = begins(next, BOX3, false);
    let after_label = i.checked_sub(1).is_some_and(|p| ends(&blocks[p], BOX3))
        && matches!(next.lines.as_slice(), [only] if read_date(&only.text).is_some());
    (before_label || after_label).then(|| joined(lines))
}

/// An officer's title or other text read as a date alone is no title: the
/// header prints dates only in boxes 3 and 4 (the earliest transaction's,
/// the original filing's), which the drawing order puts among the
/// relationship boxes. The title is then not known (uncertain, empty), and
/// the date is reported as text without a place.
fn undate_titles(owner: &mut ReportingOwner, diagnostics: &mut Vec<Diagnostic>) {
    for title in [&mut owner.officer_title, &mut owner.other_text] {
        if title.value.as_deref().is_some_and(|t| read_date(t.trim()).is_some()) {
            unplace(title, "is a date, no title", diagnostics);
            *title = Field { origin: Origin::Uncertain, ..Field::default() };
        }
    }
}

fn settle_owner(owner: &mut ReportingOwner, first: bool, boxes: &Boxes) {
    let header_one = |n: usize| first && n == 1;
    if let ([lines], true) = (boxes.streets.as_slice(), first) {
        let address = &mut owner.address;
        let span = lines.iter().map(|c| c.span).reduce(Span::cover).unwrap_or_default();
        address.street1 = lines.first().map_or_else(Field::default, |c| Field::read(c.text.clone(), c.span));
        if let Some(second) = lines.get(1) {
            address.street2 = Field::read(second.text.clone(), second.span);
        } else if overlaps(address.street2.span, span) {
            // The one street line was read as the second: the second is not known.
            address.street2 = Field { origin: Origin::Uncertain, ..Field::default() };
        }
    }
    let header_names = boxes.names.iter().filter(|(_, h)| *h).count();
    let name = boxes
        .names
        .iter()
        .find(|(c, _)| overlaps(owner.name.span, c.span))
        .or_else(|| boxes.names.iter().find(|(_, h)| *h).filter(|_| header_one(header_names)));
    if let Some((cell, _)) = name {
        owner.name = Field::read(cell.text.clone(), cell.span);
    }
    let named = |(cell, _): &&(Cell, [Option<Cell>; 2])| {
        overlaps(owner.name.span, cell.span) || owner.name.value.as_deref() == Some(cell.text.as_str())
    };
    let mut drawn = boxes.owner_streets.iter().filter(named);
    if let (Some((_, [first, second])), None) = (drawn.next(), drawn.next()) {
        let street = |c: &Option<Cell>| {
            c.as_ref().map_or_else(
                || Field { origin: Origin::Read, ..Field::default() },
                |c| Field::read(c.text.clone(), c.span),
            )
        };
        owner.address.street1 = street(first);
        owner.address.street2 = street(second);
    }
    let address = &mut owner.address;
    let header_places = boxes.places.iter().filter(|(_, h)| *h).count();
    let place = boxes
        .places
        .iter()
        .find(|([city, state, zip], _)| {
            overlaps(address.city.span, city.span)
                || overlaps(address.state.span, state.span)
                || overlaps(address.zip_code.span, zip.span)
        })
        .or_else(|| boxes.places.iter().find(|(_, h)| *h).filter(|_| header_one(header_places)));
    if let Some(([city, state, zip], _)) = place {
        address.city = Field::read(city.text.clone(), city.span);
        address.state = Field::read(state.text.clone(), state.span);
        address.zip_code = Field::read(zip.text.clone(), zip.span);
    } else if first {
        if let [zip] = boxes.zips.as_slice() {
            address.zip_code = Field::read(zip.text.clone(), zip.span);
        }
        let lone_state = |state: &Cell| boxes.states.iter().all(|s| s.text == state.text);
        let city_line = match boxes.city_lines.as_slice() {
            [line] if lone_state(&line[1]) => Some(line),
            _ => None,
        };
        let pair = match boxes.cities.as_slice() {
            [one] => Some(one),
            _ => city_line,
        };
        if let Some([city, state]) = pair {
            address.city = Field::read(city.text.clone(), city.span);
            address.state = Field::read(state.text.clone(), state.span);
        } else if let [state] = boxes.states.as_slice()
            && boxes.city_lines.iter().all(|[_, s]| s.text == state.text)
        {
            address.state = Field::read(state.text.clone(), state.span);
            // A line read as the title is none of the city's.
            let titled = |c: &Cell| boxes.titles.iter().any(|(t, _)| t.text == c.text);
            let alone = match boxes.cities_alone.as_slice() {
                [city] if !titled(city) => Some(city),
                _ => None,
            };
            if let Some(city) = boxes.city_below_street.as_ref().or(alone) {
                address.city = Field::read(city.text.clone(), city.span);
            }
        }
    }
}

/// The city and the state drawn as the block right after the `(Street)`
/// label (the city's box stands under it; `after`: the blocks after the
/// label): `MENLO PARK CA` on one line, or `AUSTIN` then `TX` as two
/// blocks of a line each, or, the city wrapped in its box, `SAN` `CA`
/// `FRANCISCO` — the state, in its box beside, level with the middle of
/// the city's two lines. The state is a US state's code, so the line
/// cannot be another box's.
fn city_under_street(after: &[Block]) -> Option<[Cell; 2]> {
    let block = after.first()?;
    let alone = |b: Option<&Block>| match b.map(|b| b.lines.as_slice()) {
        Some([only]) => Some(only.clone()),
        _ => None,
    };
    match block.lines.as_slice() {
        [line] => city_and_state(line, is_us_state).or_else(|| {
            let state = alone(after.get(1)).filter(|s| is_us_state(&s.text))?;
            is_city(&line.text).then(|| [line.clone(), state])
        }),
        [first, state, second] => {
            let fits = is_us_state(&state.text) && is_city(&first.text) && is_city(&second.text);
            fits.then(|| [joined(&[first.clone(), second.clone()]), state.clone()])
        }
        _ => None,
    }
}

/// The street lines when block `i` is the period's date with the street
/// box's lines after it up to box 4's label ([`lines_to_box4`]), and form
/// text or the text under the relationship boxes ([`title_under_labels`],
/// [`title_beside_box3`]; not on Form 3, whose boxes stand elsewhere)
/// before it (see the module docs); the box's lines
/// hold `width` ([`crate::repr::header::measure`]).
fn streets_after_date(blocks: &[Block], i: usize, width: usize, form3: bool) -> Option<Vec<Cell>> {
    let date = matches!(blocks[i].lines.as_slice(), [only] if read_date(&only.text).is_some());
    let before = i.checked_sub(1)?;
    let form_text = blocks[before]
        .lines
        .last()
        .is_some_and(|l| is_label(&l.text) || l.text == "below)" || is_mark(&l.text));
    let titled = || {
        !form3
            && (title_under_labels(blocks, before).is_some() || title_beside_box3(blocks, before).is_some())
    };
    if !date || !(form_text || titled()) {
        return None;
    }
    let lines = lines_to_box4(blocks.get(i + 1..)?)?;
    if !lines.iter().all(|l| is_value(&l.text)) {
        return None;
    }
    streets_of(&lines, width)
}

/// The streets of the street box's printed `lines`, whose lines hold
/// `width` ([`measure`]), when the breaks tell them: one line is the one
/// street; two are two streets when the break ends one ([`street_break`]);
/// three are one street wrapped onto a second line and the other, which
/// one known where one break ends a street and the other does not
/// ([`ends_street`]: `C/O EXAMPLE, INC.` `100 LONG VALLEY ROAD BUILDING A
/// SUITE` `100`).
fn streets_of(lines: &[Cell], width: usize) -> Option<Vec<Cell>> {
    let join = |a: &Cell, b: &Cell| joined(&[a.clone(), b.clone()]);
    let ends = |a: &Cell, b: &Cell| ends_street(&a.text, &b.text, width);
    match lines {
        [_] => Some(lines.to_vec()),
        [a, b] => street_break(&a.text, &b.text, width).then(|| lines.to_vec()),
        [a, b, c] => match (ends(a, b), ends(b, c)) {
            (true, false) => Some(vec![a.clone(), join(b, c)]),
            (false, true) => Some(vec![join(a, b), c.clone()]),
            _ => None,
        },
        _ => None,
    }
}

/// The street box's two lines drawn apart in the `header`'s blocks, where
/// each is drawn with the box it stands level with: the first line, level
/// with box 3's date, as a block of its own right after the date's; the
/// second, level with box 4's label and under the name's labels, as a
/// block of its own between the `(Middle)` label and box 4's label. Box
/// 3's date is the header's one date after form text (a label, a mark, a
/// relationship box's label): with two such dates, whatever follows each,
/// which is box 3's is not known, and a date followed by a label (an
/// amendment's, by `(Street)`) has no street line. The second line's block
/// must be the header's one such block, and the two lines two streets, not
/// one wrapped ([`street_break`]). An officer's title is printed in box 5,
/// right of box 4's label and away from the name's labels: it is not drawn
/// between the two. With the lines, the city when the block after the first
/// line is a city alone (a line of words, no state's code at its end): the
/// city's box stands right under the street box.
fn streets_apart(header: &[Block], width: usize) -> Option<(Vec<Cell>, Option<Cell>)> {
    let alone = |b: &Block| match b.lines.as_slice() {
        [only] if is_value(&only.text) && !only.text.contains('[') => Some(only.clone()),
        _ => None,
    };
    let last_is = |b: &Block, f: &dyn Fn(&str) -> bool| b.lines.last().is_some_and(|l| f(&l.text));
    let box4 = |b: &Block| b.lines.first().is_some_and(|l| l.text.starts_with("4. If Amendment"));
    let is_date = |b: &Block| matches!(b.lines.as_slice(), [only] if read_date(&only.text).is_some());
    let form_text = |t: &str| is_label(t) || is_mark(t) || matches!(t, "below)" | "Director" | "10% Owner");
    let mut seconds = header.windows(3).filter(|w| last_is(&w[0], &|t| t == "(Middle)") && box4(&w[2]));
    let mut dates = (1..header.len().saturating_sub(1))
        .filter(|&i| is_date(&header[i]) && last_is(&header[i - 1], &form_text));
    let (Some([_, second, _]), None) = (seconds.next(), seconds.next()) else { return None };
    let (Some(i), None) = (dates.next(), dates.next()) else { return None };
    let (first, next) = (alone(&header[i + 1])?, header.get(i + 2));
    let second = alone(second)?;
    let city = next.and_then(alone).filter(|c| is_city_alone(&c.text));
    (first.text != second.text && street_break(&first.text, &second.text, width))
        .then(|| (vec![first, second], city))
}

/// The street box's two lines drawn as one block right after the name's
/// last label, `(Middle)`, the street box standing right under it, and
/// right before a check mark alone (a relationship box's, the row of boxes
/// level with the street lines) or the zip code alone (box 1's, under
/// them), in the `header`'s blocks: the header's one such block. Two
/// lines of a street, not a city wrapped in its box (a city has no
/// digits: at least one line has one) nor one street wrapped
/// ([`street_break`]). An officer's title is drawn with box 3's label,
/// level with it, not before a mark.
fn streets_under_name(header: &[Block], width: usize) -> Option<Vec<Cell>> {
    let mut found = header.windows(3).filter_map(|w| {
        let after_name = w[0].lines.last().is_some_and(|l| l.text == "(Middle)");
        let before_mark = matches!(w[2].lines.as_slice(), [only] if check_mark(&only.text) == Some(true) || is_zip(&only.text));
        match w[1].lines.as_slice() {
            [a, b]
                if after_name
                    && before_mark
                    && is_value(&a.text)
                    && is_value(&b.text)
                    && (a.text.contains(|c: char| c.is_ascii_digit()) || b.text.contains(|c: char| c.is_ascii_digit()))
                    && street_break(&a.text, &b.text, width) =>
            {
                Some(vec![a.clone(), b.clone()])
            }
            _ => None,
        }
    });
    let (Some(lines), None) = (found.next(), found.next()) else { return None };
    Some(lines)
}

/// The street lines drawn beside box 3's date in the `header`'s blocks:
/// the first line level with the date, drawn between box 3's label (above
/// the date) and the date, as a block of its own; then, right after the
/// date, the street box's label `(Street)` alone (one street) or under the
/// second line in one block. The header's one such date; the line is not
/// the text under the relationship boxes ([`title_under_labels`]), and two
/// lines are two streets, not one wrapped ([`street_break`]).
fn streets_beside_date(header: &[Block], width: usize) -> Option<Vec<Cell>> {
    let mut found = (2..header.len().saturating_sub(1)).filter_map(|i| {
        let date = matches!(header[i].lines.as_slice(), [only] if read_date(&only.text).is_some());
        let [first] = header[i - 1].lines.as_slice() else { return None };
        let value =
            is_value(&first.text) && !first.text.contains('[') && title_under_labels(header, i - 1).is_none();
        if !date || !value || !ends(&header[i - 2], BOX3) {
            return None;
        }
        match header[i + 1].lines.as_slice() {
            [label] if label.text == "(Street)" => Some(vec![first.clone()]),
            [second, label] if label.text == "(Street)" && is_value(&second.text) => {
                street_break(&first.text, &second.text, width).then(|| vec![first.clone(), second.clone()])
            }
            _ => None,
        }
    });
    let (Some(lines), None) = (found.next(), found.next()) else { return None };
    Some(lines)
}

/// The street lines drawn right after box 3's label in the `header`'s
/// blocks, as one block whose first line wraps onto its second (the next
/// word would not have fitted: [`ends_street`]): the street box stands
/// left of box 3's date, level with it, under the label. Only the street
/// box, as wide as `width`, wraps a line that long; box 5's title and the
/// city, the other values drawn about box 3, stand in narrow boxes. Two
/// lines are the first street, wrapped, the second street being then the
/// one drawn right after the name's labels, if any ([`second_under_name`]);
/// three, that and the second street when the second break ends a street
/// ([`streets_of`]). The header's one such block.
fn street_wrapped_after_box3(header: &[Block], width: usize) -> Option<Vec<Cell>> {
    let mut found = header.windows(2).filter(|w| ends(&w[0], BOX3)).filter_map(|w| {
        let lines = w[1].lines.as_slice();
        let values = lines.iter().all(|l| is_value(&l.text) && !l.text.contains('['));
        let wrapped = matches!(lines, [a, b, ..] if !ends_street(&a.text, &b.text, width));
        match lines {
            _ if !values || !wrapped => None,
            [_, b] => {
                Some(std::iter::once(joined(lines)).chain(second_under_name(header, b, width)).collect())
            }
            _ => streets_of(lines, width),
        }
    });
    let (Some(lines), None) = (found.next(), found.next()) else { return None };
    Some(lines)
}

/// The street's second line drawn alone right after the name's last
/// label, `(Middle)` (the street box stands right under the name's
/// labels), when the first line is known and ends with the printed line
/// `last`: the header's one block of one line right after `(Middle)`, a
/// value with a digit (a city or an officer's title drawn there has none),
/// that `last`'s break ends ([`street_break`]).
fn second_under_name(header: &[Block], last: &Cell, width: usize) -> Option<Cell> {
    let mut found =
        header.windows(2).filter(|w| ends(&w[0], "(Middle)")).filter_map(|w| match w[1].lines.as_slice() {
            [only]
                if is_value(&only.text)
                    && only.text.contains(|c: char| c.is_ascii_digit())
                    && street_break(&last.text, &only.text, width) =>
            {
                Some(only.clone())
            }
            _ => None,
        });
    let (Some(second), None) = (found.next(), found.next()) else { return None };
    Some(second)
}

/// The lines drawn from the first of `after` up to box 4's label: a block
/// with the label's block next, or one line alone, then lone marks, then
/// one line with the label under it in its block.
fn lines_to_box4(after: &[Block]) -> Option<Vec<Cell>> {
    let box4 = |l: &Cell| l.text.starts_with("4. If Amendment");
    let (first, rest) = after.split_first()?;
    if rest.first().and_then(|b| b.lines.first()).is_some_and(box4) {
        return Some(first.lines.clone());
    }
    let [line] = first.lines.as_slice() else { return None };
    match rest.iter().find(|b| !is_lone_mark(b))?.lines.as_slice() {
        [last, label, ..] if box4(label) => Some(vec![line.clone(), last.clone()]),
        _ => None,
    }
}

/// The name and the street lines of an owner's box drawn after the tables
/// when block `i` ends with its `(Street)` label. A joint filing's page
/// prints each owner's name and address box again after the tables, one
/// under the other, with no other box beside them: each is drawn in order —
/// the name over its `(Last)` label, the `(First)` and `(Middle)` labels
/// alone, then the street lines with the `(Street)` label under them (a
/// page's title may come between). The street lines are those of the
/// block before the label: one line is the one street; two are two
/// streets when the break is known to end one ([`street_break`]), and are
/// otherwise left to the reader, as are more lines.
fn owner_street(blocks: &[Block], i: usize) -> Option<(Cell, [Option<Cell>; 2])> {
    let (_, streets) = blocks[i].lines.split_last()?;
    let titled = |b: &&Block| b.lines.iter().all(|l| super::is_print_title(&l.text));
    let mut back = blocks[..i].iter().rev().filter(|b| !titled(b));
    let alone = |b: Option<&Block>, label: &str| {
        b.is_some_and(|b| matches!(b.lines.as_slice(), [l] if l.text == label))
    };
    if !alone(back.next(), "(Middle)") || !alone(back.next(), "(First)") {
        return None;
    }
    let (last, name) = back.next()?.lines.split_last()?;
    if last.text != "(Last)" || name.is_empty() || !name.iter().chain(streets).all(|l| is_value(&l.text)) {
        return None;
    }
    let streets = match streets {
        [one] => [Some(one.clone()), None],
        [first, second] if street_break(&first.text, &second.text, STREET_WIDTH) => {
            [Some(first.clone()), Some(second.clone())]
        }
        _ => return None,
    };
    Some((joined(name), streets))
}

/// Box 3's label, as it begins (`3. Date of Earliest Transaction`).
const BOX3: &str = "3. Date of Earliest";

/// Whether block `b`'s first line begins with `label` (is `label`, when
/// `whole`: `Director` is the label, `Director of Sales` a title).
pub(super) fn begins(b: &Block, label: &str, whole: bool) -> bool {
    b.lines.first().is_some_and(|l| if whole { l.text == label } else { l.text.starts_with(label) })
}

/// Whether block `b`'s last line begins with `label`.
fn ends(b: &Block, label: &str) -> bool {
    b.lines.last().is_some_and(|l| l.text.starts_with(label))
}

/// Whether a line of a block is a value: neither a label nor a mark.
pub(super) fn is_value(text: &str) -> bool {
    !is_label(text) && !is_mark(text)
}

/// Whether a value read at `at` overlaps `span`.
fn overlaps(at: Option<Span>, span: Span) -> bool {
    at.is_some_and(|a| a.start < span.end && span.start < a.end)
}

/// The values the header's boxes settle in the blocks of a filing of
/// `form` (Form 3's Director box stands elsewhere, and its street box is
/// narrower: [`street_width`]).
fn find(blocks: &[Block], form: Option<FormType>) -> Boxes {
    let form3 = form.is_some_and(|t| t.number() == 3);
    let width = street_width(form);
    let header_end = blocks
        .iter()
        .position(|b| b.lines.first().is_some_and(|l| title_of(&l.text).is_some()))
        .unwrap_or(blocks.len());
    let mut boxes = Boxes { marks: raw_checks::find(blocks, header_end, form3), ..Boxes::default() };
    for (i, block) in blocks.iter().enumerate() {
        let Some((last, before)) = block.lines.split_last() else { continue };
        let header = i < header_end;
        if header {
            boxes.dates.extend(block.lines.iter().filter(|l| has_date(&l.text)).cloned());
            // A mark drawn by a value is put in its block: the value alone is the block's other lines.
            let mut values = block.lines.iter().filter(|l| check_mark(&l.text) != Some(true));
            if let (Some(only), None) = (values.next(), values.next()) {
                if is_zip(&only.text) {
                    boxes.zips.push(only.clone());
                } else if is_us_state(&only.text) {
                    boxes.states.push(only.clone());
                } else {
                    boxes.city_lines.extend(city_and_state(only, is_us_state));
                }
            }
        }
        if matches!(last.text.as_str(), "(Last)" | "(First)" | "(Middle)")
            && !before.is_empty()
            && before.iter().all(|l| !is_label(&l.text))
        {
            boxes.names.push((joined(before), header));
        }
        if block.lines.len() == 1 && last.text == "(City)" {
            boxes.places.extend(place(&blocks[i.saturating_sub(4)..i]).map(|p| (p, header)));
        }
        if header && last.text == "(Street)" {
            let under = city_under_street(&blocks[i + 1..]);
            if under.is_none()
                && let Some([city]) = blocks.get(i + 1).map(|b| b.lines.as_slice())
                && is_city_alone(&city.text)
            {
                boxes.cities_alone.push(city.clone());
            }
            boxes.cities.extend(under);
        }
        if header && !form3 {
            let under = title_under_labels(blocks, i).map(|t| (t, false));
            boxes.titles.extend(under.or_else(|| title_beside_box3(blocks, i).map(|t| (t, true))));
        }
        if header {
            boxes.streets.extend(streets_after_date(blocks, i, width, form3));
        } else if last.text == "(Street)" {
            boxes.owner_streets.extend(owner_street(blocks, i));
        }
    }
    // Without a table's title the header's end is unknown: the tables'
    // dates and values would be searched as the header's.
    if boxes.streets.is_empty()
        && header_end < blocks.len()
        && let Some((lines, city)) = streets_apart(&blocks[..header_end], width)
    {
        boxes.streets.push(lines);
        boxes.city_below_street = city;
    }
    if boxes.streets.is_empty() {
        boxes.streets.extend(streets_under_name(&blocks[..header_end], width));
    }
    if boxes.streets.is_empty() {
        boxes.streets.extend(streets_beside_date(&blocks[..header_end], width));
    }
    if boxes.streets.is_empty() {
        boxes.streets.extend(street_wrapped_after_box3(&blocks[..header_end], width));
    }
    boxes
}

/// Whether a line begins with a relationship box's label (`Director`,
/// `Officer (give title`): form text, not a value.
fn is_relationship_label(text: &str) -> bool {
    const LABELS: [&str; 4] = ["Director", "10% Owner", "Officer (give", "Other (specify"];
    LABELS.iter().any(|l| text.starts_with(l))
}

/// Whether a line is a city alone: a line of words ([`is_city`]), not a
/// state's code (alone, or ending the line: `MENLO PARK CA`) nor a
/// relationship box's label.
fn is_city_alone(text: &str) -> bool {
    let line = Cell { text: text.to_owned(), span: Span::default() };
    is_city(text)
        && !is_us_state(text)
        && city_and_state(&line, is_us_state).is_none()
        && !is_relationship_label(text)
}

/// Whether a line has a date in it (alone or among other words).
fn has_date(text: &str) -> bool {
    text.contains('/') && text.split_whitespace().any(|w| read_date(w).is_some())
}

/// Lines joined into one cell (wrapped text: with a space).
fn joined(lines: &[Cell]) -> Cell {
    let mut text = String::new();
    let mut span = lines.first().map(|c| c.span).unwrap_or_default();
    for line in lines {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&line.text);
        span = span.cover(line.span);
    }
    Cell { text, span }
}

/// A line that is form text or a mark, not a value of a name or city:
/// a numbered label (`4. If Amendment`, `2A.`), a parenthesised one
/// (`(Street)`), a check mark or other single character, or a date.
fn is_label(text: &str) -> bool {
    let numbered = {
        let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
        rest.len() < text.len() && rest.trim_start_matches(|c: char| c.is_ascii_uppercase()).starts_with('.')
    };
    numbered || text.starts_with('(') || text.chars().count() <= 1 || has_date(text)
}

/// The city, state and zip code drawn as the blocks just before `(City)`
/// (`before`, the last four): `city`, `ST`, `zip`, or `city ST`, `zip`
/// (see the module docs).
fn place(before: &[Block]) -> Option<[Cell; 3]> {
    let one = |b: &Block| match b.lines.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    };
    let (zip_block, rest) = before.split_last()?;
    let zip = one(zip_block).filter(|z| is_zip(&z.text))?;
    let (last, rest) = rest.split_last()?;
    let last = one(last)?;
    if is_state(&last.text) {
        let (city, rest) = rest.split_last()?;
        let city = match city.lines.as_slice() {
            [only] => only.clone(),
            // A city wrapped in its box: a block right after the street's label.
            lines => {
                let street = rest.last().and_then(|b| b.lines.last()).is_some_and(|l| l.text == "(Street)");
                (street && lines.iter().all(|l| is_city(&l.text))).then(|| joined(lines))?
            }
        };
        return is_city(&city.text).then_some([city, last, zip]);
    }
    let [city, state] = city_and_state(&last, is_state)?;
    Some([city, state, zip])
}

/// The city and the state on one line (`MENLO PARK CA`), the state one that
/// `state_shaped` takes.
fn city_and_state(line: &Cell, state_shaped: fn(&str) -> bool) -> Option<[Cell; 2]> {
    let (city, state) = line.text.rsplit_once(' ')?;
    if !state_shaped(state) || !is_city(city) {
        return None;
    }
    let start = line.span.start as usize;
    let state_start = start + city.len() + 1;
    Some([
        Cell { text: city.to_owned(), span: Span::new(start, start + city.len()) },
        Cell { text: state.to_owned(), span: Span::new(state_start, state_start + state.len()) },
    ])
}

/// A US state's (or territory's) code: two capitals.
fn is_state(text: &str) -> bool {
    text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// The USPS code of a US state, district or territory.
fn is_us_state(text: &str) -> bool {
    const CODES: &str = "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI";
    is_state(text) && CODES.split(' ').any(|c| c == text)
}

/// A zip code: five digits, or five, a hyphen and four.
fn is_zip(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    match b.len() {
        5 => digits(b),
        10 => digits(&b[..5]) && b[5] == b'-' && digits(&b[6..]),
        _ => false,
    }
}

/// A city's name: words, no label, no digits.
fn is_city(text: &str) -> bool {
    !is_label(text) && !text.is_empty() && !text.contains(|c: char| c.is_ascii_digit() || c == ':')
}

#[cfg(test)]
#[path = "raw_boxes_tests.rs"]
pub(super) mod tests;
