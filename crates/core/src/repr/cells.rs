//! Reading the text of one printed cell, whatever rendering it came from.
//!
//! Every lossy rendering ends up with cells of text: `$ 4.8`,
//! `5,630,000(1)`, `$21.0773 ⁽²⁾`, `M <sup>(1)</sup>`, `05/24/2011`,
//! `__X__`. This module turns such text into values: footnote marks
//! (`(1)`, `(2)(3)`, `⁽¹⁾`, `<sup>(1)</sup>`) are split off into
//! [`FootnoteId`]s, numbers lose their `$` and thousands separators, dates are
//! read as `MM/DD/YYYY`, and check boxes (`X`, `__X__`, `[X]`, `☒`,
//! `<input checked…>`) become flags.

use crate::model::{Date, FootnoteId, Num, NumError};
use crate::source::Span;

/// One cell of a rendering: its text with whitespace collapsed, and where it
/// lies in the input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Cell {
    /// The text, trimmed, whitespace runs (and no-break spaces) collapsed to one space.
    pub text: String,
    /// Where the text lies in the input (for an empty cell: where the cell is).
    pub span: Span,
}

impl Cell {
    /// A cell of `raw` text (normalised) at `span`.
    pub fn new(raw: &str, span: Span) -> Cell {
        Cell { text: normalize(raw), span }
    }

    /// A cell of owned `raw` text (normalised; the string itself is kept
    /// when it already is) at `span`.
    pub fn from_string(raw: String, span: Span) -> Cell {
        Cell { text: normalized(raw), span }
    }

    /// Whether the cell shows nothing.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Collapse runs of whitespace (including no-break and zero-width spaces) to
/// one space, and trim.
pub(crate) fn normalize(raw: &str) -> String {
    if is_normal(raw) {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        if c.is_whitespace() || matches!(c, '\u{a0}' | '\u{200b}' | '\u{feff}') {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// [`normalize`] of an owned string: the string itself when it already is.
fn normalized(raw: String) -> String {
    if is_normal(&raw) || normalizes_to_itself(&raw) { raw } else { normalize(&raw) }
}

/// Whether [`normalize`] gives `raw` back as it is, told character by
/// character (text outside ASCII, which [`is_normal`] does not look into):
/// its only space is the ASCII one, never two in a row nor at either end.
fn normalizes_to_itself(raw: &str) -> bool {
    let mut after_space = true;
    for c in raw.chars() {
        let space = c.is_whitespace() || matches!(c, '\u{a0}' | '\u{200b}' | '\u{feff}');
        if space && (c != ' ' || after_space) {
            return false;
        }
        after_space = space;
    }
    !after_space || raw.is_empty()
}

/// Whether `raw` is already what [`normalize`] makes of it, as far as a
/// cheap look tells: ASCII without tabs, line breaks, vertical tabs or form
/// feeds (the control bytes that are whitespace), no space at either end,
/// no two spaces in a row (one pass over the bytes).
fn is_normal(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    let mut rest = bytes;
    // Eight bytes a step while they are printable ASCII (0x20 to 0x7e and
    // DEL): the spaces among them found by exact bytewise arithmetic.
    while let Some((chunk, after)) = rest.split_first_chunk::<8>() {
        const ONES: u64 = u64::from_le_bytes([1; 8]);
        const HIGHS: u64 = ONES * 0x80;
        let word = u64::from_le_bytes(*chunk);
        // A byte of 0x80 or more, or below 0x20 (a tab, a line break, or
        // another control byte, which the test byte by byte tells apart).
        if word & HIGHS != 0 || !(word + ONES * 0x60) & HIGHS != 0 {
            break;
        }
        // Bytes of 0x7f at most: adding 0x7f to each sets its high bit
        // unless it is 0, with no carry into the next byte.
        let other = word ^ (ONES * u64::from(b' '));
        let spaces = !(other + ONES * 0x7f) & HIGHS;
        if spaces & (spaces << 8) != 0 || (after_space && spaces & 0x80 != 0) {
            return false;
        }
        after_space = spaces >> 56 != 0;
        rest = after;
    }
    for &b in rest {
        if matches!(b, b'\t'..=b'\r') || b >= 0x80 || (b == b' ' && after_space) {
            return false;
        }
        after_space = b == b' ';
    }
    true
}

/// A cell's text split into its value and the footnote marks attached to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Marked {
    /// The text without marks, trimmed.
    pub value: String,
    /// The footnotes, in the order the marks appear.
    pub footnotes: Vec<FootnoteId>,
}

/// Split the footnote marks off a cell's text: superscript marks (`⁽¹⁾`,
/// `¹`, `<sup>(1)</sup>`) wherever they are. Plain `(1)` is text here: each
/// rendering first turns the plain marks it is sure of into superscripts
/// ([`canonical_marks`]), so a title that really reads "Stock (2)" survives.
pub(crate) fn split_marks(text: &str) -> Marked {
    if cannot_hold_marks(text) {
        return Marked { value: normalize(text), footnotes: Vec::new() };
    }
    let mut footnotes = Vec::new();
    let mut value = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        // Only a `<` or a character outside ASCII can start a mark: the
        // plain run before the next one is value as it stands.
        let plain = rest.bytes().position(|b| b == b'<' || !b.is_ascii()).unwrap_or(rest.len());
        value.push_str(&rest[..plain]);
        rest = &rest[plain..];
        let Some(c) = rest.chars().next() else { break };
        if let Some((ids, len)) = superscript_mark(rest).or_else(|| sup_tag_mark(rest)) {
            footnotes.extend(ids);
            rest = &rest[len..];
            continue;
        }
        value.push(c);
        rest = &rest[c.len_utf8()..];
    }
    Marked { value: normalized(value), footnotes }
}

/// Whether `text` is sure to hold no mark [`split_marks`] splits off:
/// superscripts are not ASCII, and a `<sup>` tag needs a `<`.
pub(crate) fn cannot_hold_marks(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii() && b != b'<')
}

/// The text [`split_marks`] leaves as a value, borrowed when no mark can be
/// in it and it is already normal, with the footnotes found (none then).
pub(crate) fn marked_value(text: &str) -> (std::borrow::Cow<'_, str>, bool) {
    if cannot_hold_marks(text) && is_normal(text) {
        return (std::borrow::Cow::Borrowed(text), false);
    }
    let marked = split_marks(text);
    let has_marks = !marked.footnotes.is_empty();
    (std::borrow::Cow::Owned(marked.value), has_marks)
}

/// How a rendering writes footnote marks in plain text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum MarkStyle {
    /// Only superscripts are marks (`<sup>` in HTML, `⁽¹⁾` in Markdown).
    #[default]
    Superscript,
    /// `(1)` directly after the value (`Stock(1)`, `J(5)`), or alone in the
    /// cell: text copied from the page, where the mark follows the value
    /// with no space. `Stock (1)` is text.
    Attached,
    /// `(1)` after a space as well (`Stock (1)`): the older print layout.
    Spaced,
}

/// Rewrite the plain `(n)` marks of a table cell as superscripts `⁽ⁿ⁾`, as
/// `style` says plain marks are written.
pub(crate) fn canonical_marks(text: &str, style: MarkStyle) -> String {
    if !text.contains('(') {
        return text.to_owned();
    }
    if style == MarkStyle::Superscript {
        // A cell of nothing but marks is marks in any rendering.
        let only_marks = text.split(['(', ')', ' ']).all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !only_marks {
            return text.to_owned();
        }
        return canonical_marks(text, MarkStyle::Spaced);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    let bytes = text.as_bytes();
    let mut prev_was_mark = false;
    while i < bytes.len() {
        if bytes[i] == b'(' {
            let digits = bytes[i + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
            let close = i + 1 + digits;
            if (1..=3).contains(&digits) && bytes.get(close) == Some(&b')') {
                let before = text[..i].chars().next_back();
                let after = text[close + 1..].chars().next();
                let after_ok = after.is_none_or(|c| c.is_whitespace() || c == '(' || c == ',' || c == '.');
                let before_ok = match style {
                    MarkStyle::Attached => {
                        before.is_none_or(|c| !c.is_whitespace()) || prev_was_mark || out.trim().is_empty()
                    }
                    _ => true,
                };
                if after_ok && before_ok {
                    out.push('⁽');
                    out.extend(text[i + 1..close].chars().map(superscript_of));
                    out.push('⁾');
                    i = close + 1;
                    prev_was_mark = true;
                    continue;
                }
            }
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if !c.is_whitespace() {
            prev_was_mark = false;
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Footnote marks written as superscripts: `⁽¹⁾⁽²⁾`.
pub(crate) fn mark_text(ids: &[FootnoteId]) -> String {
    let mut out = String::new();
    for id in ids {
        out.push('⁽');
        out.extend(id.as_str().trim_start_matches('F').chars().map(superscript_of));
        out.push('⁾');
    }
    out
}

/// The superscript form of a digit or parenthesis (other characters unchanged).
pub(crate) fn superscript_of(d: char) -> char {
    match d {
        '(' => '⁽',
        ')' => '⁾',
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        other => other,
    }
}

fn superscript_digit(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// A mark written in superscript characters at the start of `text`: `⁽¹²⁾`
/// or bare `¹²`. Returns the footnote and the mark's length in bytes.
fn superscript_mark(text: &str) -> Option<(Vec<FootnoteId>, usize)> {
    let mut chars = text.char_indices().peekable();
    let open = matches!(chars.peek(), Some((_, '⁽')));
    if open {
        chars.next();
    }
    let mut n: Option<u32> = None;
    let mut end = if open { '⁽'.len_utf8() } else { 0 };
    while let Some(&(i, c)) = chars.peek() {
        match superscript_digit(c) {
            Some(d) => {
                n = Some(n.unwrap_or(0).saturating_mul(10).saturating_add(d));
                end = i + c.len_utf8();
                chars.next();
            }
            None => break,
        }
    }
    let n = n?;
    if open {
        match chars.peek() {
            Some(&(i, '⁾')) => end = i + '⁾'.len_utf8(),
            _ => return None,
        }
    }
    Some((vec![FootnoteId::numbered(n)], end))
}

/// `<sup>(1)</sup>`, `<sup>1</sup>` or `<sup>(1)(2)</sup>` at the start of `text`.
fn sup_tag_mark(text: &str) -> Option<(Vec<FootnoteId>, usize)> {
    const OPEN: &str = "<sup>";
    const CLOSE: &str = "</sup>";
    if !text.get(..OPEN.len())?.eq_ignore_ascii_case(OPEN) {
        return None;
    }
    let inner_start = OPEN.len();
    let close = text[inner_start..].to_ascii_lowercase().find(CLOSE)? + inner_start;
    let ids = numbers_in_mark(&text[inner_start..close])?;
    Some((ids, close + CLOSE.len()))
}

/// The footnote numbers in a mark's text: `(1)`, `1`, `(1)(2)`, `(1), (2)`.
fn numbers_in_mark(inner: &str) -> Option<Vec<FootnoteId>> {
    let mut ids = Vec::new();
    for part in inner.split(['(', ')', ',', ' ']) {
        if part.is_empty() {
            continue;
        }
        if part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        ids.push(FootnoteId::numbered(part.parse().ok()?));
    }
    (!ids.is_empty()).then_some(ids)
}

/// Words a PDF converter letter-spaced, joined: `S to ck` is `Stock`,
/// `C o m m o n` is `Common`, `fo o tnote⁽³⁾` is `footnote⁽³⁾`. A glyph
/// the PDF spaced apart from its neighbours comes out as a word of its own,
/// so a narrow cell's stretched text is a run of short letter fragments. A
/// run is joined when one of its lowercase fragments cannot be an English
/// word on its own — a lone letter other than `a`, or letters with no vowel
/// (`ck`, `rr`, `nd`) — as no title or nature is written so; its first
/// fragment may be capitalised, and a longer lowercase word right after it
/// (`C o n v e r t ible`) finishes it. A lone `I` or `D` (the ownership
/// form, which a nature's words follow) starts a run only when a lone
/// letter follows it (`D e f e r r e d`). Where the words of a run meet is
/// not shown, so the joined text is not certain (`(R i g h t to` is read
/// `(Rightto`). Returns the text and the words joined, or `None` when no
/// run was found.
pub(crate) fn join_letter_spaced(text: &str) -> Option<(String, Vec<String>)> {
    // A run is two words at least.
    if !text.contains(' ') {
        return None;
    }
    let words: Vec<&str> = text.split(' ').collect();
    // Letters (after an opening parenthesis).
    let letters = |w: &str| w.trim_start_matches('(').bytes().take_while(u8::is_ascii_alphabetic).count();
    let fragment = |w: &str| {
        let core = w.trim_start_matches('(');
        (1..=3).contains(&core.len()) && letters(w) == core.len()
    };
    let lower = |w: &str| w.bytes().all(|b| b.is_ascii_lowercase());
    let no_word =
        |w: &str| lower(w) && ((w.len() == 1 && w != "a") || !w.bytes().any(|b| b"aeiouy".contains(&b)));
    // The words as they stand are borrowed: most texts have no run, and are given back as `None`.
    let mut out: Vec<std::borrow::Cow<'_, str>> = Vec::with_capacity(words.len());
    let mut joined = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let first = words[i];
        let core = first.trim_start_matches('(');
        let capital =
            core.bytes().next().is_some_and(|b| b.is_ascii_uppercase()) && lower(&core[1.min(core.len())..]);
        let ownership = matches!(core, "I" | "D") && words.get(i + 1).is_none_or(|n| n.len() != 1);
        let mut j = i + 1;
        let mut evidence = lower(core) && no_word(core);
        if fragment(first) && (capital || lower(core)) && !ownership {
            while j < words.len() && fragment(words[j]) && lower(words[j]) {
                evidence |= no_word(words[j]);
                j += 1;
            }
            // A longer lowercase word, or one ending in marks, finishes the run.
            let lead = words.get(j).map_or(0, |w| w.bytes().take_while(u8::is_ascii_lowercase).count());
            if let Some((head, tail)) = words.get(j).map(|w| w.split_at(lead))
                && lead > 0
                && !tail.bytes().any(|b| b.is_ascii_alphabetic())
                && (evidence || (lead <= 3 && no_word(head)))
            {
                evidence = true;
                j += 1;
            }
        }
        if evidence && j > i + 1 {
            let word: String = words[i..j].concat();
            joined.push(word.clone());
            out.push(word.into());
            i = j;
        } else {
            out.push(first.into());
            i += 1;
        }
    }
    (!joined.is_empty()).then(|| (out.join(" "), joined))
}

/// A number as the forms print it: `2,028,942`, `$41.85`, `$ 4.8`, `0`.
/// Returns the number and whether it was written as dollars.
pub(crate) fn read_number(value: &str) -> Result<(Num, bool), NumError> {
    let (t, dollars) = strip_dollars(value);
    Num::parse(t).map(|n| (n, dollars))
}

/// Whether [`read_number`] reads `value`, and then whether with a `$`
/// (without building the number).
pub(crate) fn number_shape(value: &str) -> Option<bool> {
    let (t, dollars) = strip_dollars(value);
    Num::is_number(t).then_some(dollars)
}

/// The text trimmed and without a leading `$`, and whether it had one.
fn strip_dollars(value: &str) -> (&str, bool) {
    let t = value.trim();
    match t.strip_prefix('$') {
        Some(rest) => (rest.trim_start(), true),
        None => (t, false),
    }
}

/// A date as the forms print it: `MM/DD/YYYY`.
pub(crate) fn read_date(value: &str) -> Option<Date> {
    Date::parse_us(value)
}

/// A check box: `Some(true)` for a checked box (`X`, `__X__`, `_X_`, `[X]`,
/// `☒`, `☑`, `✓`, `<input … checked …>`), `Some(false)` for an empty one
/// (`_____`, `[ ]`, `☐`, `<input …>`), `None` when the text is no check box.
pub(crate) fn check_mark(text: &str) -> Option<bool> {
    let t = text.trim();
    if t.starts_with("<input") {
        return Some(t.contains("checked"));
    }
    match t {
        "☒" | "☑" | "✓" | "✔" | "■" | "⌧" => return Some(true),
        "☐" | "□" => return Some(false),
        _ => {}
    }
    let inner = t.trim_matches(|c| matches!(c, '_' | '[' | ']' | '(' | ')' | ' '));
    let decorated = inner.len() != t.len();
    match inner {
        "X" | "x" => Some(true),
        "" if decorated => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_normal_is_the_byte_by_byte_test() {
        let by_bytes = |raw: &str| {
            let b = raw.as_bytes();
            b.first() != Some(&b' ')
                && b.last() != Some(&b' ')
                && b.iter().all(|&c| !matches!(c, b'\t'..=b'\r') && c < 0x80)
                && !raw.contains("  ")
        };
        // 20,000 strings of 19 bytes or a few more, of pieces drawn by a
        // small generator (laid against every place of the eight-byte steps).
        let pieces =
            ["a", " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{7f}", "é", "\u{a0}", "Stock 1,000"];
        let mut seed = 12345u64;
        for _ in 0..20_000 {
            let mut raw = String::new();
            while raw.len() < 19 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let k = (seed >> 33) as usize % (pieces.len() + 1);
                match pieces.get(k) {
                    Some(p) => raw.push_str(p),
                    None => break,
                }
            }
            assert_eq!(is_normal(&raw), by_bytes(&raw), "{raw:?}");
            // Where the cheap look does not tell, the closer one tells what normalising gives.
            if !is_normal(&raw) {
                assert_eq!(normalizes_to_itself(&raw), normalize(&raw) == raw, "{raw:?}");
            }
        }
        for raw in [" ", "Stock⁽¹⁾", "Stock ⁽¹⁾ Units", "Stock\u{a0}A", "é ", " é", "é  é", "\u{200b}"]
        {
            assert_eq!(normalizes_to_itself(raw), normalize(raw) == raw, "{raw:?}");
        }
        assert!(is_normal("Common Stock, par value $0.01") && !is_normal("Common Stock,  par value"));
        assert!(!is_normal("eight b  ytes") && !is_normal("eight by\tes"));
    }

    fn ids(ns: &[u32]) -> Vec<FootnoteId> {
        ns.iter().map(|&n| FootnoteId::numbered(n)).collect()
    }

    #[test]
    fn the_quick_look_for_marks_agrees_with_splitting_them() {
        for text in ["1,000", "Common  Stock ", "Stock(1)", "J⁽¹⁾", "M <sup>(2)</sup>", "¹²", "Café", ""]
        {
            let marked = split_marks(text);
            let (value, has_marks) = marked_value(text);
            assert_eq!(value, marked.value, "{text:?}");
            assert_eq!(has_marks, !marked.footnotes.is_empty(), "{text:?}");
        }
        assert!(cannot_hold_marks("Stock(1) 05/24/2011"));
        assert!(!cannot_hold_marks("J⁽¹⁾") && !cannot_hold_marks("M <sup>1</sup>"));
        assert!(marked_value("M <sup>1</sup>").1 && !marked_value("Stock(1)").1);
    }

    #[test]
    fn marks_are_split_off_in_every_written_form() {
        let cases: [(&str, MarkStyle, &str, &[u32]); 14] = [
            ("Common Stock(1)", MarkStyle::Attached, "Common Stock", &[1]),
            ("Common Stock (2)", MarkStyle::Attached, "Common Stock (2)", &[]),
            ("Common Stock (1)", MarkStyle::Spaced, "Common Stock", &[1]),
            ("Common Stock (1)", MarkStyle::Superscript, "Common Stock (1)", &[]),
            ("5,630,000(1)", MarkStyle::Attached, "5,630,000", &[1]),
            ("(7)(8)", MarkStyle::Attached, "", &[7, 8]),
            ("(7) (8)", MarkStyle::Spaced, "", &[7, 8]),
            ("$21.0773 ⁽²⁾", MarkStyle::Superscript, "$21.0773", &[2]),
            ("⁽⁷⁾⁽⁸⁾", MarkStyle::Superscript, "", &[7, 8]),
            ("M <sup>(1)</sup>", MarkStyle::Superscript, "M", &[1]),
            ("J<sup>(5)</sup><sup>(12)</sup>", MarkStyle::Attached, "J", &[5, 12]),
            ("See footnote(3)", MarkStyle::Attached, "See footnote", &[3]),
            ("Series (A) Preferred", MarkStyle::Spaced, "Series (A) Preferred", &[]),
            ("Stock¹", MarkStyle::Superscript, "Stock", &[1]),
        ];
        for (text, style, value, footnotes) in cases {
            let m = split_marks(&canonical_marks(text, style));
            assert_eq!(m.value, value, "{text}");
            assert_eq!(m.footnotes, ids(footnotes), "{text}");
        }
    }

    #[test]
    fn numbers_lose_dollars_and_separators() {
        let (n, dollars) = read_number("$ 4.8").unwrap();
        assert_eq!(n.value, rust_decimal::Decimal::new(48, 1));
        assert!(dollars);
        let (n, dollars) = read_number("2,028,942").unwrap();
        assert_eq!(n.value, rust_decimal::Decimal::from(2_028_942));
        assert!(!dollars);
        assert!(read_number("A").is_err());
        assert!(read_number("$").is_err());
    }

    #[test]
    fn check_boxes_in_every_written_form() {
        for checked in ["X", "x", "__X__", "_X_", "[X]", "☒", "<input checked=\"\" type=\"checkbox\"/>"] {
            assert_eq!(check_mark(checked), Some(true), "{checked}");
        }
        for empty in ["_____", "___", "[ ]", "☐", "<input type=\"checkbox\"/>"] {
            assert_eq!(check_mark(empty), Some(false), "{empty}");
        }
        assert_eq!(check_mark("Director"), None);
        assert_eq!(check_mark(""), None);
    }

    #[test]
    fn letter_spaced_words_are_joined() {
        let joined = |t: &str| join_letter_spaced(t).map(|(text, _)| text);
        assert_eq!(joined("S to ck").as_deref(), Some("Stock"));
        assert_eq!(joined("C o m m o n S to ck(1)").as_deref(), Some("Common Stock(1)"));
        assert_eq!(joined("P re f e rr ed 1,000").as_deref(), Some("Preferred 1,000"));
        assert_eq!(joined("C o n v e r t ible").as_deref(), Some("Convertible"));
        // The ownership form is not a nature's first letter; the nature's words are joined.
        assert_eq!(joined("$0 0 I fo o tnote⁽³⁾").as_deref(), Some("$0 0 I footnote⁽³⁾"));
        assert_eq!(joined("D e f e r r e d Units").as_deref(), Some("Deferred Units"));
        // Words that can each be a word are left alone.
        assert_eq!(joined("I by my spouse"), None);
        assert_eq!(joined("Class A Common Stock"), None);
        assert_eq!(joined("Right to Buy"), None);
        assert_eq!(joined("S 100 A $5"), None);
        let (_, words) = join_letter_spaced("G r o w t h Fund").unwrap_or_default();
        assert_eq!(words, ["Growth"]);
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(normalize("  a\u{a0}\u{a0} b\t\nc "), "a b c");
        assert!(Cell::new(" \u{a0} ", Span::default()).is_empty());
    }
}
