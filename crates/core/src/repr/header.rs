//! The header of the form — boxes 1 to 6 — read from labelled text.
//!
//! Every rendering prints the same labels ("1. Name and Address of Reporting
//! Person", "(Street)", "2. Issuer Name and Ticker or Trading Symbol", "X
//! Director", …) but arranges them differently: one per line, several in a
//! table cell, wrapped, or with the check mark in a cell of its own. The
//! header is therefore read as a stream of [`Token`]s — labels, check marks
//! and values — cut out of the lines' cells, whatever their arrangement:
//! a value belongs to the label before it, a check mark to the label after it.

use crate::model::{Address, Field, FormType, ReportingOwner};
use crate::repr::align::join_wrapped;
use crate::repr::box5;
use crate::repr::cells::{Cell, check_mark, normalize, read_date};
use crate::repr::grid::{Line, find_ignore_case};
use crate::source::Span;

/// A label of the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    NameAddress,
    Last,
    First,
    Middle,
    Street,
    City,
    State,
    Zip,
    Country,
    Issuer,
    Period,
    Amendment,
    Relationship,
    Director,
    TenPercent,
    Officer,
    Other,
    Joint,
    OnePerson,
    MorePersons,
    NotSubject,
    Aff10b5One,
    Form3Holdings,
    Form4Transactions,
}

impl Label {
    /// Whether the label is a check box's (a mark beside it says yes).
    fn takes_mark(self) -> bool {
        matches!(
            self,
            Label::Director
                | Label::TenPercent
                | Label::Officer
                | Label::Other
                | Label::OnePerson
                | Label::MorePersons
                | Label::NotSubject
                | Label::Aff10b5One
                | Label::Form3Holdings
                | Label::Form4Transactions
        )
    }
}

/// How freely a label phrase may be matched inside a cell.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// Anywhere: the phrase is distinctive.
    Free,
    /// Only as a whole word group not preceded by other words (`Director`
    /// must not match inside the title "Managing Director").
    Word,
}

const LABELS: &[(&str, Label, Bound)] = &[
    ("name and address of reporting person", Label::NameAddress, Bound::Free),
    ("(last)", Label::Last, Bound::Free),
    ("(first)", Label::First, Bound::Free),
    ("(middle)", Label::Middle, Bound::Free),
    ("(street)", Label::Street, Bound::Free),
    ("(city)", Label::City, Bound::Free),
    ("(state)", Label::State, Bound::Free),
    ("(zip/postal code)", Label::Zip, Bound::Free),
    ("(zip)", Label::Zip, Bound::Free),
    ("(country)", Label::Country, Bound::Free),
    ("issuer name and ticker or trading symbol", Label::Issuer, Bound::Free),
    ("date of earliest transaction", Label::Period, Bound::Free),
    ("date of event requiring statement", Label::Period, Bound::Free),
    ("statement for issuer's fiscal year ended", Label::Period, Bound::Free),
    ("if amendment, date of original filed", Label::Amendment, Bound::Free),
    ("if amendment, date original filed", Label::Amendment, Bound::Free),
    ("relationship of reporting person(s) to issuer", Label::Relationship, Bound::Free),
    ("(check all applicable)", Label::Relationship, Bound::Free),
    ("officer (give title below)", Label::Officer, Bound::Free),
    ("other (specify below)", Label::Other, Bound::Free),
    ("10% owner", Label::TenPercent, Bound::Word),
    ("director", Label::Director, Bound::Word),
    ("individual or joint/group filing", Label::Joint, Bound::Free),
    ("(check applicable line)", Label::Joint, Bound::Free),
    ("form filed by more than one reporting person", Label::MorePersons, Bound::Free),
    ("form filed by one reporting person", Label::OnePerson, Bound::Free),
    ("check this box if no longer subject to section 16", Label::NotSubject, Bound::Free),
    ("check this box to indicate that a transaction was made pursuant to", Label::Aff10b5One, Bound::Free),
    // Laid out on a page, the label's second line ends with the article.
    ("check this box to indicate that a transaction was made pursuant to a", Label::Aff10b5One, Bound::Free),
    ("form 3 holdings reported", Label::Form3Holdings, Bound::Free),
    ("form 4 transactions reported", Label::Form4Transactions, Bound::Free),
    // The first line of labels text laid out on a page wraps (the rest is form text).
    ("officer (give", Label::Officer, Bound::Free),
    ("other (specify", Label::Other, Bound::Free),
    ("date of event", Label::Period, Bound::Free),
    ("statement for issuer's fiscal year", Label::Period, Bound::Free),
    ("if amendment, date of original", Label::Amendment, Bound::Free),
    ("if amendment, date original", Label::Amendment, Bound::Free),
    ("relationship of reporting person(s) to", Label::Relationship, Bound::Free),
    ("form filed by more than one reporting", Label::MorePersons, Bound::Free),
    ("form filed by one reporting", Label::OnePerson, Bound::Free),
    ("form filed by more than one", Label::MorePersons, Bound::Free),
    ("check this box if no longer subject", Label::NotSubject, Bound::Free),
    ("check this box to indicate that a", Label::Aff10b5One, Bound::Free),
    ("name and address of reporting", Label::NameAddress, Bound::Free),
    ("issuer name and ticker or trading", Label::Issuer, Bound::Free),
];

/// For each byte, the [`LABELS`] that start with it, as bits by index (so
/// that a phrase is compared only where its first byte stands, in the
/// order of the list).
const LABEL_STARTS: [u64; 256] = {
    let mut phrases = [""; LABELS.len()];
    let mut i = 0;
    while i < LABELS.len() {
        phrases[i] = LABELS[i].0;
        i += 1;
    }
    starts_by_byte(&phrases)
};

/// For each byte, the phrases (at most 64, each not empty) that start with
/// it, as bits by their index in `phrases`.
const fn starts_by_byte(phrases: &[&str]) -> [u64; 256] {
    assert!(phrases.len() <= 64);
    let mut table = [0u64; 256];
    let mut i = 0;
    while i < phrases.len() {
        table[phrases[i].as_bytes()[0] as usize] |= 1 << i;
        i += 1;
    }
    table
}

/// The indexes of the bits set in `bits`, lowest first.
fn bits(mut bits: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let i = bits.trailing_zeros();
        bits &= bits.wrapping_sub(1);
        (i < 64).then_some(i as usize)
    })
}

/// Decorations that may follow a label and belong to it.
const LABEL_TAILS: &[&str] = &[
    "*",
    "\\*",
    "(month/day/year)",
    "(check all applicable)",
    "(check applicable line)",
    // Wrapped: `Line)` alone on the next line is one of [`LABEL_ENDS`].
    "(check applicable",
    ":",
    ".",
];

/// Text that is part of the printed form, never a value.
const BOILERPLATE: &[&str] = &[
    "requiring statement",
    "(month/day/year)",
    "filed (month/day/year)",
    "(check applicable line)",
    "transaction was made pursuant",
    "written plan",
    "equity securities of the issuer",
    "defense conditions",
    "title below)",
    "to section 16",
    "for the purchase or sale",
    "securities of the issuer that is",
    "form 4 or form 5",
    "obligations may continue",
    "see instruction",
    "affirmative defense",
    "10b5-1(c)",
    "securities and exchange commission",
    "washington, d.c.",
    "statement of changes in beneficial ownership",
    "statement of beneficial ownership",
    "filed pursuant to section",
    "section 30(h)",
    "section 17(a)",
    "investment company act",
    "omb approval",
    "omb number",
    "estimated average burden",
    "hours per response",
    "expires:",
    "print or type responses",
    "below)",
    "instruction 1(b)",
    "for the purchase or sale of equity securities",
    "contract, instruction or written plan",
    "intended to satisfy",
];

/// For each byte, the [`BOILERPLATE`] phrases that start with it (bits by index).
const BOILERPLATE_STARTS: [u64; 256] = starts_by_byte(BOILERPLATE);

/// The four relationship boxes of box 5.
const RELATIONSHIP_BOXES: [Label; 4] = [Label::Director, Label::TenPercent, Label::Officer, Label::Other];

/// A piece of the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    /// A printed label.
    Label(Label, Span),
    /// A check mark (checked or empty box).
    Check(bool, Span),
    /// A value: the text between labels.
    Value(Value),
}

/// A value token, with where it was found (line and cell index, for cells
/// whose position matters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Value {
    pub text: String,
    pub span: Span,
    pub line: usize,
    pub cell: usize,
    /// Whether the value is the whole cell.
    pub whole_cell: bool,
}

/// Cut the header lines into tokens. The cells are searched for labels as
/// one text, so a label wrapped over two lines or cells is still found;
/// values never cross a cell boundary.
pub(crate) fn tokens(lines: &[Line]) -> Vec<Token> {
    let mut joined = String::new();
    let mut cells: Vec<(usize, &Cell, usize, usize)> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        for (ci, cell) in line.cells.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            if !joined.is_empty() {
                joined.push(' ');
            }
            cells.push((joined.len(), cell, li, ci));
            joined.push_str(&cell.text);
        }
    }
    let starts: Vec<usize> = cells.iter().map(|c| c.0).collect();
    let labels = find_labels(&joined, &starts);
    let mut out = Vec::new();
    let mut next = 0;
    let mut covered = 0;
    for &(cs, cell, li, ci) in &cells {
        let ce = cs + cell.text.len();
        // A label (with its decorations) may run on into this cell.
        let mut at = cs.max(covered).min(ce);
        while at < ce {
            match labels.get(next) {
                Some(&(ls, le, label)) if ls < ce => {
                    if ls > at {
                        // A box's mark run into the text before its label
                        // (`MENLO PARK CA 94025 X Form filed by …`): the box is
                        // drawn just left of its label, so the mark is that box's.
                        let piece = cell.text[at - cs..ls - cs].trim_end();
                        let mark =
                            piece.rsplit_once(' ').filter(|(_, w)| *w != "x" && label.takes_mark()).and_then(
                                |(_, w)| check_mark(w).map(|c| (c, at - cs + piece.len() - w.len(), w.len())),
                            );
                        let value_end = mark.map_or(ls - cs, |(_, m, _)| m);
                        value_tokens(cell, at - cs, value_end, li, ci, false, &mut out);
                        if let Some((checked, m, len)) = mark {
                            out.push(Token::Check(checked, sub_span(cell, m, m + len)));
                        }
                    }
                    let span = label_span(&cells, ls, le);
                    out.push(Token::Label(label, span));
                    at = le.max(at);
                    covered = covered.max(le);
                    next += 1;
                }
                _ => {
                    value_tokens(cell, at - cs, ce - cs, li, ci, at == cs, &mut out);
                    at = ce;
                }
            }
        }
    }
    out
}

/// The span of a label found at `start..end` of the joined text (`cells`
/// in the order of their offsets there, which do not overlap: the cells it
/// covers are found by a binary search, not by looking at every cell).
fn label_span(cells: &[(usize, &Cell, usize, usize)], start: usize, end: usize) -> Span {
    let mut span: Option<Span> = None;
    let first = cells.partition_point(|&(cs, cell, _, _)| cs + cell.text.len() <= start);
    for &(cs, cell, _, _) in cells.get(first..).unwrap_or_default().iter().take_while(|c| c.0 < end) {
        let ce = cs + cell.text.len();
        if start < ce {
            let s = sub_span(cell, start.max(cs) - cs, end.min(ce) - cs);
            span = Some(span.map_or(s, |x| x.cover(s)));
        }
    }
    span.unwrap_or_default()
}

/// The span of `range` of a cell's text: exact when the text is the input
/// verbatim (same length), else the whole cell.
pub(crate) fn sub_span(cell: &Cell, start: usize, end: usize) -> Span {
    if cell.text.len() == cell.span.len() {
        Span::new(cell.span.start as usize + start, cell.span.start as usize + end)
    } else {
        cell.span
    }
}

/// Split a stretch of text between labels into check marks and values.
fn value_tokens(
    cell: &Cell,
    start: usize,
    end: usize,
    line: usize,
    index: usize,
    whole: bool,
    out: &mut Vec<Token>,
) {
    let text = &cell.text[start..end];
    // Check boxes written inline: `<input …>`, `__X__`, `X` as a word.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<'
            && let Some(close) = text[i..].find('>')
            && text[i..].starts_with("<input")
        {
            words.push((i, i + close + 1));
            i += close + 1;
            continue;
        }
        i += 1;
    }
    let mut cursor = 0;
    let emit_value = |from: usize, to: usize, whole_cell: bool, out: &mut Vec<Token>| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let value = clean_value(piece);
        // A box's mark printed at the start of a line of its wrapped label
        // (`X to Section 16. Form 4 or Form 5`): the mark, then the box's
        // label again, so that the mark is that box's and no other's.
        if let Some((mark, wording)) = value.split_once(' ')
            && let Some(checked) = check_mark(mark)
            && let Some(label) = box_wording(wording)
        {
            let at = start + from + lead;
            out.push(Token::Check(checked, sub_span(cell, at, at + mark.len())));
            out.push(Token::Label(label, sub_span(cell, at, at + piece.trim().len())));
            return;
        }
        if value.is_empty() || is_boilerplate(&value) {
            return;
        }
        // A leading check mark word: "X Director" was split at the label, so
        // the "X" arrives here as the whole value; "X Form filed" likewise.
        if let Some(checked) = check_mark(&value) {
            let span = sub_span(cell, start + from + lead, start + from + lead + piece.trim().len());
            out.push(Token::Check(checked, span));
            return;
        }
        let span = sub_span(cell, start + from + lead, start + from + lead + piece.trim().len());
        out.push(Token::Value(Value { text: value, span, line, cell: index, whole_cell }));
    };
    // Form 3 prints box 2's label's second line between box 1's name and box
    // 3's issuer (`Doe Jane Requiring Statement EXAMPLE CORP [ EXC ]`): a
    // text run across it is two values, before and after it.
    let emit = |from: usize, to: usize, out: &mut Vec<Token>| {
        const BETWEEN: &str = " requiring statement ";
        let piece = &text[from..to];
        match find_ignore_case(piece, BETWEEN) {
            Some(at) if !piece[..at].trim().is_empty() && !piece[at + BETWEEN.len()..].trim().is_empty() => {
                emit_value(from, from + at, false, out);
                emit_value(from + at + BETWEEN.len(), to, false, out);
            }
            _ => emit_value(from, to, whole && from == 0, out),
        }
    };
    for (a, b) in words {
        emit(cursor, a, out);
        let span = sub_span(cell, start + a, start + b);
        out.push(Token::Check(text[a..b].contains("checked"), span));
        cursor = b;
    }
    emit(cursor, text.len(), out);
}

/// A value with Markdown decoration removed (`**`, `<u>`, escapes).
fn clean_value(piece: &str) -> String {
    let mut t = piece.trim().to_owned();
    // Every tag starts with `<` or `*`: most values have neither.
    if t.contains(['<', '*']) {
        for tag in ["<u>", "</u>", "**", "<b>", "</b>"] {
            if t.contains(tag) {
                t = t.replace(tag, "");
            }
        }
    }
    if t.contains('\\') {
        t = t.replace("\\*", "*").replace("\\_", "_").replace("\\.", ".").replace("\\$", "$");
    }
    let t = t.trim_matches(|c: char| c == '|' || c == '*' || c.is_whitespace());
    normalize(t)
}

/// Words left over from a label wrapped over two lines.
const LABEL_ENDS: &[&str] = &[
    "title",
    "person",
    "issuer",
    "line)",
    "symbol",
    "trading symbol",
    "reporting person",
    "filed",
    "person*",
];

/// The "Check this box" box whose wrapped label a line of form text
/// continues (`to Section 16. Form 4 or Form 5`, `the purchase or sale of
/// equity`), if any.
fn box_wording(text: &str) -> Option<Label> {
    const NOT_SUBJECT: [&str; 3] = ["section 16.", "obligations may continue", "instruction 1(b)"];
    const AFF10B5_ONE: [&str; 8] = [
        "transaction was made pursuant",
        "written plan",
        "purchase or sale of equity",
        "securities of the issuer that is",
        "intended to satisfy",
        "affirmative defense",
        "defense conditions",
        "10b5-1(c)",
    ];
    let lower = text.to_ascii_lowercase();
    if NOT_SUBJECT.iter().any(|p| lower.contains(p)) {
        Some(Label::NotSubject)
    } else if AFF10B5_ONE.iter().any(|p| lower.contains(p)) {
        Some(Label::Aff10b5One)
    } else {
        None
    }
}

fn is_boilerplate(value: &str) -> bool {
    // The phrases are in lower case: compared with the value's bytes, ASCII
    // case ignored (what comparing a lower-cased copy gives, without the copy).
    if LABEL_ENDS.iter().any(|end| value.eq_ignore_ascii_case(end)) {
        return true;
    }
    // Whether a phrase starts anywhere: one pass, comparing phrases only at
    // the bytes one starts with.
    let bytes = value.as_bytes();
    let phrase_at = |i: usize| {
        let rest = &bytes[i..];
        bits(BOILERPLATE_STARTS[usize::from(bytes[i].to_ascii_lowercase())]).any(|k| {
            let phrase = BOILERPLATE[k].as_bytes();
            rest.get(..phrase.len()).is_some_and(|r| r.eq_ignore_ascii_case(phrase))
        })
    };
    if (0..bytes.len()).any(phrase_at) {
        return true;
    }
    // Stray table-separator rows and the form's number / burden figures.
    value.chars().all(|c| matches!(c, '-' | ':' | ' ' | '|'))
        || matches!(value, "0.5" | "1.0" | "1" | "---")
        || value.starts_with("3235-")
}

/// The labels in `text`, in order, without overlaps (the earliest first,
/// the longest of those starting together), each with its extended range.
/// `cells` are the offsets where cells start (a relationship word must
/// start its cell or follow a check box in it).
fn find_labels(text: &str, cells: &[usize]) -> Vec<(usize, usize, Label)> {
    // ASCII lower case keeps every byte offset. Every label starts a word:
    // only word starts are tried, against the labels with that first byte.
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut found: Vec<(usize, usize, Label)> = Vec::new();
    for start in 0..bytes.len() {
        let b = bytes[start];
        let starting = LABEL_STARTS[b as usize];
        if starting == 0
            || (start > 0 && bytes[start - 1].is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
        {
            continue;
        }
        for &(phrase, label, bound) in bits(starting).filter_map(|k| LABELS.get(k)) {
            if !bytes[start..].starts_with(phrase.as_bytes()) {
                continue;
            }
            let end = start + phrase.len();
            let cell_start = cells[..cells.partition_point(|&c| c <= start)].last().copied().unwrap_or(0);
            if bound == Bound::Word
                && !word_bounded(&text[cell_start..], start - cell_start, end - cell_start)
            {
                continue;
            }
            found.push((start, end, label));
        }
    }
    crate::sort::by_key(&mut found, |&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut out = Vec::new();
    let mut pos = 0;
    for (start, end, label) in found {
        if start >= pos {
            let (s, e) = (extend_back(text, start, pos), extend_forward(text, end));
            out.push((s, e, label));
            pos = e;
        }
    }
    out
}

/// Whether a relationship word stands alone: at the start of its cell or
/// after a check box or another label in it, and followed by a break.
fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let after_ok = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    let before = text[..start].trim_end();
    let lower = before.to_ascii_lowercase();
    let before_ok = before.is_empty()
        || before.ends_with(['_', ']', '>', 'X', 'x', '☒', '☐', ')', '|'])
        || lower.ends_with("applicable)")
        || lower.ends_with("10% owner")
        || lower.ends_with("director");
    after_ok && before_ok
}

/// Include a number prefix (`1. `, `2A. `, `1\. `) before a label.
fn extend_back(text: &str, start: usize, floor: usize) -> usize {
    let before = &text[floor..start];
    let trimmed = before.trim_end();
    let Some(dot) = trimmed.strip_suffix('.') else { return start };
    let dot = dot.strip_suffix('\\').unwrap_or(dot);
    let digits = dot.trim_end_matches(|c: char| c.is_ascii_alphabetic() && c.is_ascii_uppercase());
    let num_start = digits.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if num_start == digits.len() || (num_start > 0 && !digits[..num_start].ends_with([' ', '|', '*'])) {
        return start;
    }
    floor + num_start
}

/// Include the decorations after a label (`*`, `(Month/Day/Year)`, …).
fn extend_forward(text: &str, mut end: usize) -> usize {
    loop {
        let rest = &text[end..];
        let skipped = rest.len() - rest.trim_start().len();
        let after = &rest[skipped..];
        let starts_with =
            |t: &&&str| after.as_bytes().get(..t.len()).is_some_and(|b| b.eq_ignore_ascii_case(t.as_bytes()));
        match LABEL_TAILS.iter().find(starts_with) {
            Some(t) => end += skipped + t.len(),
            None => return end,
        }
    }
}

/// What the header says.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub owner: ReportingOwner,
    pub issuer_name: Field<String>,
    pub trading_symbol: Field<String>,
    pub period_of_report: Field<crate::model::Date>,
    pub date_of_original_submission: Field<crate::model::Date>,
    pub not_subject_to_section16: Field<bool>,
    pub aff10b5_one: Field<bool>,
    pub form3_holdings_reported: Field<bool>,
    pub form4_transactions_reported: Field<bool>,
    /// The "Form filed by More than One Reporting Person" box.
    pub joint_filing: Option<bool>,
    /// Values no label claimed.
    pub unplaced: Vec<Value>,
    /// The spans of the owner's values that stand whole wherever the
    /// rendering put the boxes (see [`read_owner_block`]).
    pub settled: Vec<Span>,
    /// The span of box 5's title read beside box 3 ([`box5::beside_period`],
    /// where the marks settle whose title it is) when it is whole
    /// ([`box5::is_whole`]).
    pub whole_title: Option<Span>,
    /// The span of a mark alone below box 5's officer and "other" labels,
    /// read as the officer's because the title beside box 3 names an office
    /// ([`names_an_office`]).
    pub officer_mark: Option<Span>,
}

/// Read the header from its tokens. `lines` gives positional cells where
/// the layout puts several values in one row (city, state, zip).
/// `scrambled`: the boxes lost their lines (a PDF's text), so box 5's title
/// may stand beside box 3 ([`box5::beside_period`]).
pub(crate) fn read_header(tokens: &[Token], lines: &[Line], scrambled: bool) -> Header {
    let mut h = Header::default();
    let mut claimed = vec![false; tokens.len()];
    // Boxes drawn empty (`_____`, `☐`) mean a label with no box at all lost
    // its mark; where empty boxes are not drawn, no mark means unchecked.
    // Each group of boxes is drawn its own way (the older layout draws the
    // relationship boxes as `_____` but the "Check this box" ones as `[X]` or nothing).
    let drawn_empty_in = |group: &[Label]| {
        tokens
            .windows(2)
            .any(|w| matches!(w, [Token::Check(false, _), Token::Label(l, _)] if group.contains(l)))
    };
    const RELATIONSHIP: [Label; 6] = [
        Label::Director,
        Label::TenPercent,
        Label::Officer,
        Label::Other,
        Label::OnePerson,
        Label::MorePersons,
    ];
    const BOXES: [Label; 4] =
        [Label::NotSubject, Label::Aff10b5One, Label::Form3Holdings, Label::Form4Transactions];
    let relationship_drawn = drawn_empty_in(&RELATIONSHIP);
    let boxes_drawn = drawn_empty_in(&BOXES);
    let above = marks_above_labels(tokens, lines);
    let taken = |j: usize| above.iter().any(|&(k, _)| k == j);
    // First the labels whose value follows them directly.
    for (i, token) in tokens.iter().enumerate() {
        let Token::Label(label, span) = token else { continue };
        let span = *span;
        let drawn_empty = if RELATIONSHIP.contains(label) { relationship_drawn } else { boxes_drawn };
        // The mark right before the label, passing those placed in other
        // boxes (`taken` holds check marks only).
        let before = (0..i)
            .rev()
            .find(|&p| !taken(p))
            .and_then(|p| tokens.get(p))
            .filter(|t| matches!(t, Token::Check(..)));
        let own = above.iter().find(|&&(_, l)| l == *label).and_then(|&(k, _)| tokens.get(k));
        let checked = || match own.or(before).or_else(|| mark_after(tokens, i, &taken)) {
            Some(Token::Check(c, s)) => Field::read(*c, *s),
            _ if drawn_empty => Field { span: Some(span), ..Field::missing() },
            _ => Field::read(false, span),
        };
        match label {
            Label::Issuer => {
                if let Some(j) = issuer_value(tokens, i) {
                    claimed[j] = true;
                    if let Token::Value(v) = &tokens[j] {
                        let (name, symbol) = split_issuer(v);
                        h.issuer_name = name;
                        h.trading_symbol = symbol;
                    }
                }
            }
            Label::Period => {
                if let Some((j, date)) = next_date(tokens, i) {
                    claimed[j] = true;
                    h.period_of_report = date;
                }
            }
            Label::Amendment => {
                // Text laid out on a page may run the joint filing box's
                // label in beside this one, before the date: that box holds
                // no date, so the date after it is this one's — where the
                // period has a date of its own before this label.
                let mut at = i;
                let period_dated =
                    tokens[..i].iter().any(|t| matches!(t, Token::Value(v) if read_date(&v.text).is_some()));
                while period_dated && matches!(tokens.get(at + 1), Some(Token::Label(Label::Joint, _))) {
                    at += 1;
                }
                if let Some((j, date)) = next_date(tokens, at) {
                    claimed[j] = true;
                    h.date_of_original_submission = date;
                }
            }
            Label::Director => h.owner.is_director = checked(),
            Label::TenPercent => h.owner.is_ten_percent_owner = checked(),
            Label::Officer => h.owner.is_officer = checked(),
            Label::Other => {
                h.owner.is_other = checked();
                read_titles(tokens, i, lines, &mut h.owner, &mut claimed);
            }
            Label::NotSubject => h.not_subject_to_section16 = checked(),
            Label::Aff10b5One => h.aff10b5_one = checked(),
            Label::Form3Holdings => h.form3_holdings_reported = checked(),
            Label::Form4Transactions => h.form4_transactions_reported = checked(),
            Label::MorePersons => {
                if let Some(Token::Check(c, _)) = i.checked_sub(1).and_then(|p| tokens.get(p)) {
                    h.joint_filing = Some(*c);
                }
            }
            _ => {}
        }
    }
    // Labels whose value the layout moved away from them (a PDF's text run
    // together): the issuer is the value with a bracketed ticker, the period
    // the first date after its label.
    if h.issuer_name.value.is_none()
        && let Some(j) = (0..tokens.len())
            .find(|&j| !claimed[j] && matches!(&tokens[j], Token::Value(v) if is_issuer_shaped(&v.text)))
        && let Token::Value(v) = &tokens[j]
    {
        claimed[j] = true;
        let (name, symbol) = split_issuer(v);
        h.issuer_name = Field { origin: crate::model::Origin::Uncertain, ..name };
        // The ticker between the brackets is whole wherever the line went.
        h.trading_symbol = symbol;
    }
    // An issuer's name wrapped onto a line of its own, its ticker after the
    // rest: joined, in doubt (what stands between is not known to be none
    // of it).
    if h.trading_symbol.value.is_none()
        && let Some(first) = h.issuer_name.value.clone()
        && let Some(j) = (0..tokens.len()).find(|&j| {
            !claimed[j]
                && matches!(&tokens[j], Token::Value(v) if v.text.ends_with(']') && v.text.contains('['))
        })
        && let Token::Value(v) = &tokens[j]
    {
        claimed[j] = true;
        let (rest, symbol) = split_issuer(v);
        let name = format!("{first} {}", rest.value.as_deref().unwrap_or_default());
        let span = h.issuer_name.span.map_or(v.span, |s| s.cover(v.span));
        h.issuer_name =
            Field { origin: crate::model::Origin::Uncertain, ..Field::read(name.trim().to_owned(), span) };
        h.trading_symbol = symbol;
    }
    if h.period_of_report.value.is_none()
        && let Some(i) = tokens.iter().position(|t| matches!(t, Token::Label(Label::Period, _)))
        && let Some(j) = (i + 1..tokens.len())
            .find(|&j| !claimed[j] && matches!(&tokens[j], Token::Value(v) if read_date(&v.text).is_some()))
        && let Token::Value(v) = &tokens[j]
        && let Some(date) = read_date(&v.text)
    {
        claimed[j] = true;
        // The only date in the header, before the amendment's label, is the
        // period's: it is always printed, and the amendment's date would be a
        // second one (or this one, after its label, if the period's was lost).
        let dates =
            tokens.iter().filter(|t| matches!(t, Token::Value(v) if read_date(&v.text).is_some())).count();
        let amendment = tokens.iter().position(|t| matches!(t, Token::Label(Label::Amendment, _)));
        let sure = dates == 1 && amendment.is_none_or(|a| j < a);
        let origin = if sure { crate::model::Origin::Read } else { crate::model::Origin::Uncertain };
        h.period_of_report = Field { origin, ..Field::read(date, v.span) };
    }
    // A mark alone on its line below box 5's officer and "other" labels may
    // be either box's: the title beside box 3 tells which where it names an
    // office ([`names_an_office`]), every other mark settled.
    if scrambled
        && let Some((mark, other)) = lone_box5_mark(tokens, lines)
        && h.owner.is_other.span == Some(mark)
        && h.owner.is_officer.value == Some(false)
        && marks_settled(tokens, lines, &h.owner, Some(mark))
        && let Some(Token::Value(v)) =
            box5::beside_period(tokens, lines, &claimed).and_then(|j| tokens.get(j))
        && names_an_office(&v.text)
    {
        h.owner.is_officer = Field::read(true, mark);
        h.owner.is_other = Field::read(false, other);
        h.officer_mark = Some(mark);
    }
    // Box 5's title beside box 3, before the owner's block takes it for a
    // street: where the marks tell whose title it is (one of the officer's
    // and "other" boxes checked, the marks settled).
    let officer = h.owner.is_officer.value == Some(true);
    if scrambled
        && officer != (h.owner.is_other.value == Some(true))
        && h.owner.officer_title.value.is_none()
        && h.owner.other_text.value.is_none()
        && marks_settled(tokens, lines, &h.owner, h.officer_mark)
        && let Some(j) = box5::beside_period(tokens, lines, &claimed)
        && let Some(Token::Value(v)) = tokens.get(j)
    {
        claimed[j] = true;
        let field = Field::read(v.text.clone(), v.span);
        if officer {
            h.owner.officer_title = field;
        } else {
            h.owner.other_text = field;
        }
        h.whole_title = box5::is_whole(tokens, j).then_some(v.span);
    }
    // Then the owner's name and address, from the values no other label took.
    if let Some(i) = tokens.iter().position(|t| matches!(t, Token::Label(Label::NameAddress, _))) {
        h.settled = read_owner_block(tokens, i, lines, &mut h.owner, &mut claimed);
    }
    for (i, token) in tokens.iter().enumerate() {
        if let (Token::Value(v), false) = (token, claimed[i]) {
            h.unplaced.push(v.clone());
        }
    }
    h
}

/// Whether a value has the issuer's shape: a name and its bracketed ticker
/// (`NAME [ TICK ]`).
fn is_issuer_shaped(text: &str) -> bool {
    text.ends_with(']') && text.contains('[')
}

/// A check mark after the label at `i` (text laid out on a page puts the
/// mark beside the middle of a wrapped label): the first one before the
/// next label, unless it stands right before another label (then it is that
/// one's) or is `taken` (placed in a box already).
fn mark_after<'a>(tokens: &'a [Token], i: usize, taken: &dyn Fn(usize) -> bool) -> Option<&'a Token> {
    for (j, t) in tokens.iter().enumerate().skip(i + 1) {
        match t {
            Token::Label(..) => return None,
            Token::Check(..) if taken(j) => {}
            Token::Check(..) => {
                let owned_by_next = matches!(tokens.get(j + 1), Some(Token::Label(l, _)) if l.takes_mark());
                return (!owned_by_next).then_some(t);
            }
            Token::Value(_) => {}
        }
    }
    None
}

/// The index of the next value token after `i`, before any other label.
fn next_value(tokens: &[Token], i: usize) -> Option<usize> {
    for (j, t) in tokens.iter().enumerate().skip(i + 1) {
        match t {
            Token::Value(_) => return Some(j),
            Token::Label(..) => return None,
            Token::Check(..) => {}
        }
    }
    None
}

/// The issuer's value after its label `i`: the next value — but where
/// the label ends Form 3's line of box labels (`1. Name and Address …
/// 2. Date of Event 3. Issuer Name …`), the values below stand in the same
/// order, box 1's name first: the issuer's is the one of that line with a
/// bracketed ticker ([`is_issuer_shaped`]).
fn issuer_value(tokens: &[Token], i: usize) -> Option<usize> {
    let j = next_value(tokens, i)?;
    let boxes_in_a_row = i >= 2
        && matches!(tokens[i - 2..i], [Token::Label(Label::NameAddress, _), Token::Label(Label::Period, _)]);
    let Some(Token::Value(first)) = tokens.get(j).filter(|_| boxes_in_a_row) else { return Some(j) };
    if is_issuer_shaped(&first.text) {
        return Some(j);
    }
    let beside = tokens.iter().enumerate().skip(j + 1).find_map(|(k, t)| match t {
        Token::Value(v) if v.line == first.line && is_issuer_shaped(&v.text) => Some(k),
        _ => None,
    });
    beside.or(Some(j))
}

/// The next value after label `i` if it is a date (`MM/DD/YYYY`).
fn next_date(tokens: &[Token], i: usize) -> Option<(usize, Field<crate::model::Date>)> {
    let j = next_value(tokens, i)?;
    let Token::Value(v) = &tokens[j] else { return None };
    read_date(&v.text).map(|d| (j, Field::read(d, v.span)))
}

/// Read a reporting owner's name and address from the values after the
/// "Name and Address" label at `i` that no other label took: the name, the
/// street lines (after "(Last) (First) (Middle)"), and city, state and zip
/// (after "(Street)", before "(City) (State) (Zip)"). Other boxes' labels
/// may be interleaved (a row of the page holds several boxes). Returns the
/// spans of the values that stand whole however the boxes were scattered:
/// the city, state and zip when they are the only values between "(Street)"
/// and "(City)", each a table cell of its own on one row, the state two
/// capitals and the zip a US zip code (a city wrapped over lines would add
/// a value; a state or zip run into another cell would not read as one),
/// or the whole of one line of text of their own ([`place_stands_alone`]).
pub(crate) fn read_owner_block(
    tokens: &[Token],
    i: usize,
    lines: &[Line],
    owner: &mut ReportingOwner,
    claimed: &mut [bool],
) -> Vec<Span> {
    let mut streets: Vec<usize> = Vec::new();
    let mut places: Vec<usize> = Vec::new();
    let mut phase = 0; // 0: name, 1: street, 2: city line, 3: done
    let mut name_seen = false;
    for (j, t) in tokens.iter().enumerate().skip(i + 1) {
        if claimed[j] {
            continue;
        }
        match t {
            Token::Label(Label::NameAddress, _) => break,
            Token::Label(Label::Last | Label::First | Label::Middle, _) => phase = phase.max(1),
            Token::Label(Label::Street, _) => phase = 2,
            Token::Label(Label::City | Label::State | Label::Zip | Label::Country, _) => {
                if phase == 2 && !places.is_empty() {
                    break;
                }
                phase = phase.max(1);
            }
            Token::Label(..) | Token::Check(..) => {}
            Token::Value(v) => match phase {
                0 if !name_seen => {
                    name_seen = true;
                    claimed[j] = true;
                    owner.name = Field::read(v.text.clone(), v.span);
                    owner.span = v.span;
                }
                0 | 1 => streets.push(j),
                _ => places.push(j),
            },
        }
    }
    let values = |list: &[usize]| -> Vec<Value> {
        list.iter()
            .filter_map(|&j| match &tokens[j] {
                Token::Value(v) => Some(v.clone()),
                _ => None,
            })
            .collect()
    };
    let street_values = values(&streets);
    let (street1, street2, used) = read_streets(&street_values);
    for &j in streets.iter().take(used) {
        claimed[j] = true;
    }
    owner.address.street1 = street1;
    owner.address.street2 = street2;
    for &j in &places {
        claimed[j] = true;
    }
    let places = values(&places);
    read_place(&places, lines, &mut owner.address);
    let mut settled = Vec::new();
    if let Some(span) = name_stands_alone(tokens, i, lines, owner.name.span) {
        settled.push(span);
    }
    if let [city, state, zip] = places.as_slice()
        && places.iter().all(|v| v.whole_cell && v.line == city.line)
        && lines.get(city.line).is_some_and(|l| l.cells.len() > 1)
        && city.cell < state.cell
        && state.cell < zip.cell
        && !city.text.bytes().any(|b| b.is_ascii_digit())
        && state_and_zip(&state.text, &zip.text)
    {
        let a = &owner.address;
        if [&a.city, &a.state, &a.zip_code]
            .iter()
            .zip([city, state, zip])
            .all(|(f, v)| f.span == Some(v.span))
        {
            settled.extend([city.span, state.span, zip.span]);
        }
    }
    settled.extend(place_stands_alone(&places, lines, &owner.address));
    settled.extend(wrapped_city_stands_whole(&places, lines, &owner.address));
    settled
}

/// The spans of the city, state and zip when the city wrapped around the
/// row of the state and zip: a city too long for its box takes two lines
/// (or more), and the state and zip, one line each, are printed level with
/// the middle of the city's lines, so the converter writes the city's first
/// line above their row, an empty city cell in it, and the rest below. Read
/// so ([`read_place`]) when the state and zip are the only values of their
/// row, cells side by side after the empty city cell, reading as a state's
/// code and its zip ([`state_and_zip`]); and every other value is a whole
/// cell alone on its line without a digit (no date or other box's text), some
/// above that row and some below it (a city's lines straddle its row: text
/// only on one side may be another box's).
fn wrapped_city_stands_whole(places: &[Value], lines: &[Line], a: &Address) -> Vec<Span> {
    let on_line = |line: usize| places.iter().filter(|v| v.line == line).count();
    let mut rows = places.iter().filter(|v| on_line(v.line) > 1);
    let (Some(state), Some(zip), None) = (rows.next(), rows.next(), rows.next()) else { return Vec::new() };
    let pieces: Vec<&Value> = places.iter().filter(|v| v.line != state.line).collect();
    let city_cell_empty = state
        .cell
        .checked_sub(1)
        .and_then(|c| lines.get(state.line).and_then(|l| l.cells.get(c)))
        .is_some_and(Cell::is_empty);
    let row_fits = state.whole_cell
        && zip.whole_cell
        && zip.cell == state.cell + 1
        && city_cell_empty
        && state_and_zip(&state.text, &zip.text);
    let pieces_fit = pieces
        .iter()
        .all(|v| v.whole_cell && on_line(v.line) == 1 && !v.text.bytes().any(|b| b.is_ascii_digit()))
        && pieces.iter().any(|v| v.line < state.line)
        && pieces.iter().any(|v| v.line > state.line);
    let city = pieces.iter().map(|v| v.span).reduce(Span::cover);
    if row_fits
        && pieces_fit
        && a.city.span == city
        && a.state.span == Some(state.span)
        && a.zip_code.span == Some(zip.span)
    {
        city.into_iter().chain([state.span, zip.span]).collect()
    } else {
        Vec::new()
    }
}

/// The width a line of the owner's street box holds at least in the print
/// of the form, in Form 4's and Form 5's box 1 and in the owners' boxes
/// listed after the tables, in thousandths of an em of the form's data font
/// ([`measure`]): 20 ems (lines of 20.2 ems are printed whole; the
/// narrowest line seen wrapped ran to 21.8 ems with its next word).
pub(crate) const STREET_WIDTH: usize = 20_000;

/// The width a line of Form 3's box 1 holds at least ([`measure`]): the box
/// is narrower (lines of 14.9 ems are printed whole; the narrowest seen
/// wrapped ran to 15.6 ems with its next word).
pub(crate) const FORM3_STREET_WIDTH: usize = 14_800;

/// The advance widths of Times Roman's printable ASCII characters, from the
/// space on, in thousandths of an em (Adobe's metrics, which Times New Roman
/// and Liberation Serif share), except two: the hyphen-minus counts as the
/// minus sign (564, the hyphen is 333) and the apostrophe as the right quote
/// (333, the straight quote is 180), so a line holding them measures a
/// little wider than printed.
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 564, 250, 278, 500, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333,
    389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469,
    500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
    278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

/// How wide `text` is printed in the form's data font, in thousandths of an
/// em: the EDGAR stylesheet prints the filing's values in `Times, serif`, a
/// proportional font (an `I` is a third as wide as a `W`), so a line's
/// width, not its count of characters, tells whether a word would have
/// fitted on it. A character outside printable ASCII counts as an em, wider
/// than any in the table, so that a line is never taken for narrower than
/// it is printed.
pub(crate) fn measure(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let index = (c as usize).wrapping_sub(32);
            TIMES.get(index).map_or(1000, |&w| usize::from(w))
        })
        .fold(0, usize::saturating_add)
}

/// The street width ([`STREET_WIDTH`]) of the header's box 1 of `form`;
/// of the narrower box when the form is not known.
pub(crate) fn street_width(form: Option<FormType>) -> usize {
    match form.map(FormType::number) {
        Some(4 | 5) => STREET_WIDTH,
        _ => FORM3_STREET_WIDTH,
    }
}

/// Whether two lines of the owner's street box, whose lines hold `width`
/// ([`measure`]), are two streets, not one wrapped: the second's first word
/// would have fitted on the first line (so the first did not wrap onto it:
/// [`ends_street`]), and the second is too short to have wrapped onto a
/// third.
pub(crate) fn street_break(first: &str, second: &str, width: usize) -> bool {
    ends_street(first, second, width) && measure(second) <= width
}

/// Whether the break after the street box's line `first` ends a street:
/// the next line's first word would have fitted on it, the box's lines
/// holding `width` ([`measure`]; a line breaks only where the next word
/// does not fit).
pub(crate) fn ends_street(first: &str, next: &str, width: usize) -> bool {
    let word = next.split(' ').next().unwrap_or_default();
    measure(first) + measure(" ") + measure(word) <= width
}

/// The owner's two street lines from the values of the street box, and how
/// many values they took. One value a line; but three lines in a box of two
/// streets mean one street wrapped onto a second line, and which one is
/// known where the other break is known to end a street ([`ends_street`]:
/// the next line's first word would have fitted): a break that ends the
/// second line means the first wrapped onto it (`C/O EXAMPLE CAPITAL, 2800
/// SAND HILL` `ROAD` `SUITE 101`), one that ends the first, the second onto
/// the third. Both or neither known: the first two lines, as they come.
/// The wide box's width ([`STREET_WIDTH`]) is taken whatever the form:
/// Form 3's narrower one tells fewer breaks, and the readers that doubt
/// these values (Markdown from a PDF) came out worse with it on the corpus;
/// where a street is settled, the form's width applies ([`street_width`]).
fn read_streets(values: &[Value]) -> (Field<String>, Field<String>, usize) {
    let one = |v: &Value| Field::read(v.text.clone(), v.span);
    let two = |a: &Value, b: &Value| Field::read(join_wrapped(&a.text, &b.text), a.span.cover(b.span));
    if let [a, b, c] = values {
        let ends = |x: &Value, y: &Value| ends_street(&x.text, &y.text, STREET_WIDTH);
        match (ends(a, b), ends(b, c)) {
            (false, true) => return (two(a, b), one(c), 3),
            (true, false) => return (one(a), two(b, c), 3),
            _ => {}
        }
    }
    let line = |k: usize| values.get(k).map_or_else(Field::default, one);
    (line(0), line(1), values.len().min(2))
}

/// The spans of the city, state and zip read from one value that is the
/// whole of its line (`CHARLOTTE NC 28255`, no other box's text beside it,
/// no piece of a city wrapped onto another line): a city without digits,
/// a state of two capitals and a US zip code, and nothing else.
fn place_stands_alone(places: &[Value], lines: &[Line], a: &Address) -> Vec<Span> {
    let [place] = places else { return Vec::new() };
    let alone = lines.get(place.line).is_some_and(|l| l.filled().count() == 1) && place.whole_cell;
    let (Some(city), Some(state), Some(zip)) = (&a.city.value, &a.state.value, &a.zip_code.value) else {
        return Vec::new();
    };
    let fits = !city.bytes().any(|b| b.is_ascii_digit())
        && state.len() == 2
        && state.bytes().all(|b| b.is_ascii_uppercase())
        && is_us_zip(zip)
        && place.text == format!("{city} {state} {zip}");
    match (alone && fits, a.city.span, a.state.span, a.zip_code.span) {
        (true, Some(c), Some(s), Some(z)) => vec![c, s, z],
        _ => Vec::new(),
    }
}

/// The span of the owner's name read at `name` when it is whole however
/// the boxes were scattered: a line of its own (or a cell of its own beside
/// the issuer's, [`beside_issuer`]), below the line of the
/// "Name and Address" label at `i` with no value between them but the
/// issuer's box (so no piece of it lies above), the
/// line below it holding no value of its own (so no piece of it wrapped
/// there), not ending with a word that joins (`&`, `,`), and not the
/// issuer's box (`NAME [ TICK ]`).
fn name_stands_alone(tokens: &[Token], i: usize, lines: &[Line], name: Option<Span>) -> Option<Span> {
    let name = name?;
    let Some(Token::Label(_, label)) = tokens.get(i) else { return None };
    let line_of = |at: u32| lines.iter().position(|l| l.span().start <= at && at <= l.span().end);
    let j = tokens.iter().position(|t| matches!(t, Token::Value(v) if v.span == name))?;
    let Some(Token::Value(v)) = tokens.get(j) else { return None };
    let between = tokens.get(i + 1..j).unwrap_or_default();
    let nothing_above = between.iter().all(|t| !matches!(t, Token::Value(w) if !is_issuer_shaped(&w.text)));
    let alone = |line: usize| lines.get(line).is_some_and(|l| l.filled().count() == 1);
    let below_free =
        !tokens.iter().any(|t| matches!(t, Token::Value(w) if w.line == v.line + 1 && alone(w.line)));
    let joins = v.text.ends_with(['&', ',', '-']) || v.text.ends_with(" and");
    (((v.whole_cell && alone(v.line))
        || beside_issuer(tokens, v, lines)
        || begins_form_3_first_line(v, lines))
        && line_of(label.start).is_some_and(|l| l < v.line)
        && nothing_above
        && below_free
        && !joins
        && !is_issuer_shaped(&v.text))
    .then_some(name)
}

/// Whether the owner's name `v` is a cell of its own on the issuer's row (a
/// converter that cut the row into cells kept box 1 apart from box 2), its
/// row's only other value the issuer's (`NAME [ TICK ]`), and the cell below
/// it, in the table's next row, empty: no piece of the name wrapped there.
fn beside_issuer(tokens: &[Token], v: &Value, lines: &[Line]) -> bool {
    let (Some(row), Some(next)) = (lines.get(v.line), lines.get(v.line + 1)) else { return false };
    let mut others = tokens.iter().filter_map(|t| match t {
        Token::Value(w) if w.line == v.line && w.span != v.span => Some(w),
        _ => None,
    });
    let issuer_only = others.next().is_some_and(|w| is_issuer_shaped(&w.text)) && others.next().is_none();
    v.whole_cell
        && row.cells.len() > 1
        && next.cells.len() == row.cells.len()
        && next.cells.get(v.cell).is_some_and(Cell::is_empty)
        && issuer_only
}

/// Whether the owner's name `v` begins Form 3's first line, run together
/// with the end of box 2's label and the issuer (`Doe Jane Requiring
/// Statement EXAMPLE CORP [ EXC ]`), and the two lines below it are box
/// 2's `(Month/Day/Year)` and its date, each alone: a name wrapped onto a
/// second line stands beside one of them (`INC 09/18/2020`), so none did.
fn begins_form_3_first_line(v: &Value, lines: &[Line]) -> bool {
    let text = |k: usize| {
        lines
            .get(k)
            .map(|l| l.filled().map(|c| c.text.trim()).collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let first = text(v.line).to_ascii_lowercase();
    let begins = first
        .strip_prefix(&v.text.to_ascii_lowercase())
        .is_some_and(|rest| rest.trim_start().starts_with("requiring statement "));
    let date_alone = lines.get(v.line + 2).is_some_and(|l| {
        let mut cells = l.filled();
        cells.next().is_some_and(|c| read_date(c.text.trim()).is_some()) && cells.next().is_none()
    });
    begins && text(v.line + 1).eq_ignore_ascii_case("(Month/Day/Year)") && date_alone
}

/// City, state and zip: three cells of one row, or one text to split.
fn read_place(values: &[Value], lines: &[Line], address: &mut Address) {
    let Some(first) = values.first() else { return };
    let field = |c: &Cell| Field {
        value: (!c.is_empty()).then(|| c.text.clone()),
        span: Some(c.span),
        ..Field::default()
    };
    if values.iter().all(|v| v.line == first.line && v.whole_cell)
        && let Some(cells) = lines.get(first.line).and_then(|l| l.cells.get(first.cell..first.cell + 3))
        && values.iter().all(|v| v.cell < first.cell + 3)
        && values.len() > 1
    {
        address.city = field(&cells[0]);
        address.state = field(&cells[1]);
        address.zip_code = field(&cells[2]);
        return;
    }
    // Laid out on a page, a long city wraps around the line with the state and zip.
    let lines: Vec<usize> = values.iter().map(|v| v.line).collect();
    let wide: Vec<&Value> =
        values.iter().filter(|v| lines.iter().filter(|&&l| l == v.line).count() >= 2).collect();
    if wide.len() >= 2 && wide.iter().all(|v| v.line == wide[0].line) && values.len() > wide.len() {
        let (state, zip) = (wide[wide.len() - 2], wide[wide.len() - 1]);
        let city: Vec<&Value> =
            values.iter().filter(|v| !std::ptr::eq(*v, state) && !std::ptr::eq(*v, zip)).collect();
        let text = city.iter().map(|v| v.text.as_str()).collect::<Vec<_>>().join(" ");
        let span = city.iter().map(|v| v.span).reduce(Span::cover).unwrap_or(state.span);
        address.city = Field::read(text, span);
        address.state = Field::read(state.text.clone(), state.span);
        address.zip_code = Field::read(zip.text.clone(), zip.span);
        return;
    }
    if values.len() == 3 {
        address.city = Field::read(values[0].text.clone(), values[0].span);
        address.state = Field::read(values[1].text.clone(), values[1].span);
        address.zip_code = Field::read(values[2].text.clone(), values[2].span);
        return;
    }
    let joined = values.iter().map(|v| v.text.as_str()).collect::<Vec<_>>().join(" ");
    let span = values.iter().map(|v| v.span).reduce(Span::cover).unwrap_or_default();
    let (city, state, zip) = split_place(&joined);
    // `CITY, ST 12345` is unambiguous; anything else is a guess.
    let clean = state.is_some() && zip.as_deref().is_some_and(is_us_zip);
    let origin = if clean { crate::model::Origin::Read } else { crate::model::Origin::Uncertain };
    let field = |s: Option<String>| Field { value: s, span: Some(span), origin, ..Field::default() };
    address.city = field(city);
    address.state = field(state);
    address.zip_code = field(zip);
}

/// Whether `state` and `zip` read as a state's code and its zip code: two
/// capitals and a US zip code, or EDGAR's code of a foreign country or
/// province (a capital and a digit, `X0`, `A1`) and a postal code of one
/// or two words, each with a digit (`W1K 3JP`, `105-7537`): a code run
/// into another cell's words would not read as one.
fn state_and_zip(state: &str, zip: &str) -> bool {
    let b = state.as_bytes();
    let us = b.len() == 2 && b.iter().all(u8::is_ascii_uppercase);
    let foreign = b.len() == 2
        && b.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_digit);
    let words: Vec<&str> = zip.split(' ').collect();
    let postal = words.len() <= 2
        && words.iter().all(|w| {
            w.bytes().any(|c| c.is_ascii_digit())
                && w.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'-')
        });
    (us && is_us_zip(zip)) || (foreign && postal)
}

/// `94043` or `94043-1234`.
fn is_us_zip(zip: &str) -> bool {
    let (five, four) = zip.split_once('-').unwrap_or((zip, "1234"));
    five.len() == 5 && four.len() == 4 && (five.to_owned() + four).bytes().all(|b| b.is_ascii_digit())
}

/// Split `CITY, ST 12345` or `CITY ST 12345` into its parts (a foreign
/// postal code may have a space: `VANCOUVER, A1 V5Y 0C5`).
pub(crate) fn split_place(text: &str) -> (Option<String>, Option<String>, Option<String>) {
    if let Some((city, rest)) = text.split_once(", ") {
        let mut words = rest.split_whitespace();
        let first = words.next().unwrap_or("");
        let is_state =
            first.len() == 2 && first.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let (state, zip) = if is_state {
            (Some(first.to_owned()), words.collect::<Vec<_>>().join(" "))
        } else {
            (None, rest.to_owned())
        };
        let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        return (some(city.trim()), state, some(zip.trim()));
    }
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let mut zip = None;
    if let Some(last) = words.last()
        && last.chars().any(|c| c.is_ascii_digit())
        && words.len() > 1
    {
        zip = Some((*last).to_owned());
        words.pop();
    }
    let mut state = None;
    if let Some(last) = words.last()
        && last.len() == 2
        && last.chars().all(|c| c.is_ascii_uppercase())
        && words.len() > 1
    {
        state = Some((*last).to_owned());
        words.pop();
    }
    let city = words.join(" ");
    let city = city.trim_end_matches(',').trim();
    ((!city.is_empty()).then(|| city.to_owned()), state, zip)
}

/// The officer title and the "other" text after the "Other (specify below)" label.
fn read_titles(tokens: &[Token], i: usize, lines: &[Line], owner: &mut ReportingOwner, claimed: &mut [bool]) {
    // The title's line, and the lines it wraps onto (lines of one cell).
    let mut values: Vec<usize> = Vec::new();
    let mut last_line: Option<usize> = None;
    for (j, t) in tokens.iter().enumerate().skip(i + 1) {
        match t {
            // The issuer's box (`NAME [ TICK ]`) drawn among the titles ends them.
            Token::Value(v) if is_issuer_shaped(&v.text) => break,
            Token::Value(v) => {
                let wraps = last_line.is_none_or(|l| {
                    v.line == l
                        || (v.line == l + 1 && lines.get(v.line).is_some_and(|x| x.filled().count() == 1))
                });
                if !wraps {
                    break;
                }
                last_line = Some(v.line);
                values.push(j);
            }
            Token::Label(..) => break,
            Token::Check(..) => {}
        }
    }
    let vals: Vec<&Value> = values
        .iter()
        .filter_map(|&j| match &tokens[j] {
            Token::Value(v) => Some(v),
            _ => None,
        })
        .collect();
    let Some(first) = vals.first() else { return };
    for &j in &values {
        claimed[j] = true;
    }
    // A row of four cells: [box, officer title, box, other text].
    if let Some(line) = lines.get(first.line)
        && line.cells.len() == 4
        && vals.iter().all(|v| v.line == first.line && v.whole_cell)
    {
        let field = |c: &Cell| Field {
            value: (!c.is_empty()).then(|| c.text.clone()),
            span: Some(c.span),
            ..Field::default()
        };
        owner.officer_title = field(&line.cells[1]);
        owner.other_text = field(&line.cells[3]);
        return;
    }
    let officer = owner.is_officer.value == Some(true);
    let other = owner.is_other.value == Some(true);
    match (officer, other, vals.len()) {
        (true, true, n) if n >= 2 => {
            owner.officer_title = Field::read(vals[0].text.clone(), vals[0].span);
            owner.other_text = Field::read(vals[1].text.clone(), vals[1].span);
        }
        (false, true, _) => owner.other_text = Field::read(first.text.clone(), first.span),
        _ => {
            let text = vals.iter().map(|v| v.text.as_str()).collect::<Vec<_>>().join(" ");
            let span = vals.iter().map(|v| v.span).reduce(Span::cover).unwrap_or(first.span);
            owner.officer_title = Field::read(text, span);
        }
    }
}

/// `LINKEDIN CORP [ LNKD ]` into the issuer name and trading symbol.
pub(crate) fn split_issuer(v: &Value) -> (Field<String>, Field<String>) {
    let text = v.text.as_str();
    match (text.rfind('['), text.rfind(']')) {
        (Some(open), Some(close)) if open < close => {
            let name = text[..open].trim();
            let symbol = text[open + 1..close].trim();
            let name_field = Field {
                value: (!name.is_empty()).then(|| name.to_owned()),
                span: Some(v.span),
                ..Field::default()
            };
            let symbol_field = Field {
                value: (!symbol.is_empty()).then(|| symbol.to_owned()),
                span: Some(v.span),
                ..Field::default()
            };
            (name_field, symbol_field)
        }
        _ => (Field::read(text.to_owned(), v.span), Field::missing()),
    }
}

/// Whether the issuer's name read at `span` is whole wherever the
/// rendering put the header's boxes: a table cell of its own (a converter
/// that cut the row into cells kept the issuer's box apart from the
/// owner's beside it) that ends with the bracketed ticker (so the name
/// wraps onto no line below), on the line right after the issuer's label,
/// or after it and lines of other labels only (so no line of it lies
/// above); or the text after Form 3's box 2 label's words on that line
/// (they end box 1's name: the issuer starts there).
pub(crate) fn issuer_stands_alone(tokens: &[Token], lines: &[Line], span: Span) -> bool {
    let Some(Token::Label(_, label)) = tokens.iter().find(|t| matches!(t, Token::Label(Label::Issuer, _)))
    else {
        return false;
    };
    let Some(v) = tokens.iter().find_map(|t| match t {
        Token::Value(v) if v.span == span => Some(v),
        _ => None,
    }) else {
        return false;
    };
    let text = v.text.trim_end();
    // The label on the line above, or above lines of other labels only (box
    // 5's `(Check all applicable)`): no value or check mark lies between
    // the label's line (the last above the name's holding it) and the name's.
    let label_above = (0..v.line.min(lines.len()))
        .rev()
        .find(|&k| {
            let line = lines[k].span();
            line.start <= label.end && label.end <= line.end
        })
        .is_some_and(|at| {
            let (after, before) =
                (lines[at].span().end, lines.get(v.line).map_or(u32::MAX, |l| l.span().start));
            !tokens.iter().any(|t| match t {
                Token::Value(w) => at < w.line && w.line < v.line,
                Token::Check(_, c) => after <= c.start && c.start < before,
                Token::Label(..) => false,
            })
        });
    // Or the text after Form 3's box 2 label's words on its line ([`value_tokens`]).
    let after_box_2 = lines.get(v.line).and_then(|l| l.cells.get(v.cell)).is_some_and(|c| {
        find_ignore_case(&c.text, " requiring statement ").is_some() && c.text.trim_end().ends_with(text)
    });
    (v.whole_cell && lines.get(v.line).is_some_and(|l| l.cells.len() > 1) || after_box_2)
        && text.ends_with(']')
        && text.contains('[')
        && label_above
}

/// Whether the relationship boxes' check marks are where their boxes are,
/// however the rendering scattered the boxes. Text is laid out top to
/// bottom, so the marks that can be a relationship's are those between the
/// relationship label (`5. Relationship of Reporting Person(s)`, above the
/// boxes) and the joint filing label (`6. Individual or Joint/Group
/// Filing`, below them); the marks above and below are other boxes'. There,
/// every mark stands right before a relationship box's label: in one cell
/// with it (`X Director`) or in the cell just before the one the label
/// begins, on the same line (`| X | Director |`); every `X` printed there
/// was read as a mark (none was swallowed with a label's words); the four
/// box labels lie there; and the owner holds some relationship (every owner
/// does: no mark at all means marks were lost). A mark alone on a line, or
/// before a label of another kind, may belong to any box.
pub(crate) fn marks_settled(
    tokens: &[Token],
    lines: &[Line],
    owner: &ReportingOwner,
    officer_mark: Option<Span>,
) -> bool {
    let first = |wanted: Label| {
        tokens.iter().find_map(|t| match t {
            Token::Label(label, at) if *label == wanted => Some(at.start),
            _ => None,
        })
    };
    let (Some(top), Some(bottom)) = (first(Label::Relationship), first(Label::Joint)) else {
        return false;
    };
    let inside = |at: u32| top <= at && at < bottom;
    let cell_of = |at: u32| cell_of(lines, at);
    let beside = |mark: Span, label: Span| match (cell_of(mark.start), cell_of(label.start)) {
        (Some((ml, mc)), Some((ll, lc))) => {
            ml == ll
                && (mc == lc
                    || (mc + 1 == lc
                        && lines
                            .get(ll)
                            .and_then(|l| l.cells.get(lc))
                            .is_some_and(|c| c.span.start == label.start)))
        }
        _ => false,
    };
    let labels_inside = RELATIONSHIP_BOXES.iter().all(|&b| first(b).is_some_and(inside));
    let above = marks_above_labels(tokens, lines);
    let placed = tokens.iter().enumerate().all(|(i, t)| match t {
        Token::Check(_, mark) if inside(mark.start) => {
            officer_mark == Some(*mark)
                || above.iter().any(|&(k, _)| k == i)
                || matches!(
                    tokens.get(i + 1),
                    Some(Token::Label(label, at)) if RELATIONSHIP_BOXES.contains(label) && beside(*mark, *at)
                )
        }
        _ => true,
    });
    // Every mark printed there became a check token (none was swallowed with a label's words).
    let printed = lines
        .iter()
        .flat_map(|l| l.filled())
        .flat_map(|c| {
            c.text.split(' ').scan(0usize, move |offset, w| {
                let at = sub_span(c, *offset, *offset + w.len()).start;
                *offset += w.len() + 1;
                Some((at, w))
            })
        })
        .filter(|&(at, w)| inside(at) && check_mark(w) == Some(true))
        .count();
    let read = tokens.iter().filter(|t| matches!(t, Token::Check(true, at) if inside(at.start))).count();
    let related = [&owner.is_director, &owner.is_officer, &owner.is_ten_percent_owner, &owner.is_other]
        .iter()
        .any(|f| f.value == Some(true));
    labels_inside && placed && printed == read && related
}

/// The relationship boxes' check marks printed in a table row above their
/// labels' row, each a cell of its own in the column of the label it checks
/// (`| X | X |` over `| Director | 10% Owner |`), or in a column of its own
/// right before that label's, empty below the mark (`| X |  |` over `|  |
/// Director |`): a box is drawn just left of its label, and the converter
/// wrote the mark, set higher than the label's first line, as a row of its
/// own. Each as the mark's token index and its box. A mark over a cell that
/// does not begin a relationship box's label is placed by no column, nor is
/// one on a line of text (no columns) or on a row that holds a label (its
/// cells are the labels' own, not a row of marks: rows of labels and marks
/// need not share columns). Two marks that would check one box check none
/// (a mark over an empty cell and one over the label right of it: which of
/// the two columns is the box's own is not known): both stay unplaced.
fn marks_above_labels(tokens: &[Token], lines: &[Line]) -> Vec<(usize, Label)> {
    let cell_at = |line: usize, cell: usize| lines.get(line).and_then(|l| l.cells.get(cell));
    let label_below = |line: usize, cell: usize| {
        // The label's own column, or the one right of the mark's when the
        // mark's column is empty below it (a column of boxes of its own).
        let below =
            cell_at(line + 1, cell).filter(|c| !c.is_empty()).or_else(|| cell_at(line + 1, cell + 1))?;
        tokens.iter().find_map(|t| match t {
            Token::Label(label, at) if RELATIONSHIP_BOXES.contains(label) && at.start == below.span.start => {
                Some(*label)
            }
            _ => None,
        })
    };
    let placed: Vec<(usize, Label)> = tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let Token::Check(true, mark) = t else { return None };
            let (line, cell) = cell_of(lines, mark.start)?;
            // A table row's cell (a line of text has no columns).
            let row = lines.get(line).filter(|l| l.cells.len() > 1)?;
            let alone = cell_at(line, cell).is_some_and(|c| c.span == *mark);
            let span = row.span();
            let labelled = tokens
                .iter()
                .any(|t| matches!(t, Token::Label(_, at) if span.start <= at.start && at.start < span.end));
            (alone && !labelled).then(|| label_below(line, cell)).flatten().map(|label| (i, label))
        })
        .collect();
    let once = |label: Label| placed.iter().filter(|(_, l)| *l == label).count() == 1;
    placed.iter().copied().filter(|(_, label)| once(*label)).collect()
}

/// A checked mark alone on its line right after box 5's officer and
/// "other" labels (`Officer (give title` `Other (specify`, then `X`): the
/// converter wrote the box's mark, set between the labels' lines, as a line
/// of its own, so it may be either box's. Its span, and the "other" label's.
fn lone_box5_mark(tokens: &[Token], lines: &[Line]) -> Option<(Span, Span)> {
    tokens.windows(3).find_map(|w| match w {
        [Token::Label(Label::Officer, _), Token::Label(Label::Other, other), Token::Check(true, mark)] => {
            let (line, _) = cell_of(lines, mark.start)?;
            let mut filled = lines.get(line)?.filled();
            let alone = filled.next().is_some_and(|c| c.span == *mark) && filled.next().is_none();
            alone.then_some((*mark, *other))
        }
        _ => None,
    })
}

/// Whether a title names an office, as an officer's title does (`CEO`,
/// `Chief Financial Officer`, `SVP, General Counsel`) and an "other" box's
/// text does not (`See Remarks`, `Member of 13(d) group`); a former office
/// (`Former CEO`) is no officer's, nor is `Vice` naming a chair (`Vice
/// Chairman`, `Vice Chair of the Board`: a board's seat, often the Other
/// box's), though another office word still may (`Vice Chair and
/// President`).
fn names_an_office(title: &str) -> bool {
    const OFFICES: [&str; 18] = [
        "ceo",
        "cfo",
        "coo",
        "cto",
        "cao",
        "cio",
        "clo",
        "chief",
        "president",
        "vice",
        "officer",
        "vp",
        "svp",
        "evp",
        "secretary",
        "treasurer",
        "controller",
        "counsel",
    ];
    let words: Vec<&str> =
        title.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let chair =
        |w: Option<&&str>| w.and_then(|w| w.get(..5)).is_some_and(|w| w.eq_ignore_ascii_case("chair"));
    let office = |k: usize, w: &str| {
        OFFICES.iter().any(|o| w.eq_ignore_ascii_case(o))
            && !(w.eq_ignore_ascii_case("vice") && chair(words.get(k + 1)))
    };
    words.iter().enumerate().any(|(k, w)| office(k, w))
        && !words.iter().any(|w| w.eq_ignore_ascii_case("former"))
}

/// The line and index of the cell holding byte `at`.
pub(crate) fn cell_of(lines: &[Line], at: u32) -> Option<(usize, usize)> {
    lines.iter().enumerate().find_map(|(li, l)| {
        l.cells.iter().position(|c| !c.is_empty() && c.span.start <= at && at < c.span.end).map(|ci| (li, ci))
    })
}

/// The spans of the relationship boxes' check marks each printed in one
/// cell with its box's label right after it (`X Director`, `X 10% Owner`),
/// however the rendering scattered the other boxes: a box is drawn just left
/// of its label, so a mark run into the label's cell before it is that
/// box's. Only checked marks: an empty box read so may still have lost its
/// mark to another line.
pub(crate) fn marks_in_label_cells(tokens: &[Token], lines: &[Line]) -> Vec<Span> {
    tokens
        .windows(2)
        .filter_map(|w| match w {
            [Token::Check(true, mark), Token::Label(label, at)]
                if RELATIONSHIP_BOXES.contains(label)
                    && mark.end <= at.start
                    && cell_of(lines, mark.start).is_some_and(|c| cell_of(lines, at.start) == Some(c)) =>
            {
                Some(*mark)
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
#[path = "header_tests.rs"]
mod tests;
