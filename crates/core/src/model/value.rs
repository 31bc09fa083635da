//! The value types every cell of the model is made of: [`Field`] (a value with
//! its footnotes, its place in the input and how it was obtained), exact
//! numbers ([`Num`]) and calendar dates ([`Date`]).

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::source::Span;

/// How a value was obtained.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "rule", rename_all = "kebab-case")]
pub enum Origin {
    /// Read from the input at the field's span (an empty value was read as empty).
    #[default]
    Read,
    /// Not in the input: worked out from other values by the named rule.
    Inferred(InferenceRule),
    /// Read, but the parser is unsure which column the text belongs to
    /// (a diagnostic says why).
    Uncertain,
    /// Expected but not found in the input (a lossy rendering lost it).
    Missing,
}

impl Origin {
    /// Whether this is [`Origin::Read`].
    pub fn is_read(&self) -> bool {
        matches!(self, Origin::Read)
    }
}

/// A named rule by which a missing value was inferred.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum InferenceRule {
    /// Amount = |holdings after this row − holdings after the previous row of
    /// the same security and ownership|.
    HoldingsContinuity,
    /// Amount of an exercise or conversion (Table I, code M/X/C) taken from
    /// the matching Table II row.
    MatchingDerivativeRow,
    /// Acquired/disposed follows from the transaction code (e.g. S → D).
    CodeImpliesDirection,
    /// Acquired/disposed is the direction the transaction code usually has
    /// (an exercise or conversion in Table II disposes of the derivative), not
    /// the only one it can have.
    CodeUsualDirection,
    /// The transaction form type is the document's form type.
    DocumentFormType,
    /// Equity swap involvement not shown in this rendering; the form's default "no".
    RenderingDefault,
}

impl InferenceRule {
    /// A short sentence a reader understands.
    pub fn describe(self) -> &'static str {
        match self {
            InferenceRule::HoldingsContinuity => {
                "from the holdings before and after (holdings continuity within the same security and ownership)"
            }
            InferenceRule::MatchingDerivativeRow => "from the matching exercise or conversion in Table II",
            InferenceRule::CodeImpliesDirection => "from the transaction code",
            InferenceRule::CodeUsualDirection => {
                "from the transaction code's usual direction (it can go either way: check the filing)"
            }
            InferenceRule::DocumentFormType => "from the document's form type",
            InferenceRule::RenderingDefault => "not shown in this rendering; the form's default",
        }
    }
}

impl fmt::Display for InferenceRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// A footnote identifier as the XML writes it: `F1`, `F2`, ….
///
/// Lossy renderings write `(1)`, `⁽¹⁾` or `<sup>(1)</sup>`; their parsers
/// normalise to the same form.
///
/// A filing has thousands of footnote marks, and an id is a few bytes: up to
/// 22 bytes are held inline, without an allocation (longer ids on the heap).
/// It compares, hashes, orders, prints and serializes as its text.
#[derive(Clone)]
pub struct FootnoteId(IdText);

/// The text of a [`FootnoteId`]: inline when it fits (always, for every id
/// no longer than [`INLINE_ID`] bytes, so that each text has one form).
#[derive(Clone)]
enum IdText {
    Inline { len: u8, bytes: [u8; INLINE_ID] },
    Heap(Box<str>),
}

/// The longest id held inline (the enum is then as large as a `String`).
const INLINE_ID: usize = 22;

impl FootnoteId {
    /// The id `text`, as written.
    pub fn new(text: &str) -> Self {
        let mut bytes = [0u8; INLINE_ID];
        match (bytes.get_mut(..text.len()), u8::try_from(text.len())) {
            (Some(head), Ok(len)) => {
                head.copy_from_slice(text.as_bytes());
                FootnoteId(IdText::Inline { len, bytes })
            }
            _ => FootnoteId(IdText::Heap(text.into())),
        }
    }

    /// The id for footnote number `n` (`F{n}`).
    pub fn numbered(n: u32) -> Self {
        // `F` and at most ten digits, written in place (every mark of every
        // table makes one: no formatting machinery, no allocation).
        let mut bytes = [0u8; INLINE_ID];
        bytes[0] = b'F';
        let len = 1 + n.checked_ilog10().map_or(1, |d| d as usize + 1);
        let mut rest = n;
        for b in bytes[1..len].iter_mut().rev() {
            *b = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        FootnoteId(IdText::Inline { len: len as u8, bytes })
    }

    /// The footnote's number, when the id has the standard `F<digits>` form.
    pub fn number(&self) -> Option<u32> {
        self.as_str().strip_prefix('F')?.parse().ok()
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Always valid: the bytes were copied from a `str`, whole.
            IdText::Inline { len, bytes } => {
                bytes.get(..usize::from(*len)).and_then(|text| std::str::from_utf8(text).ok()).unwrap_or("")
            }
            IdText::Heap(text) => text,
        }
    }
}

impl Default for FootnoteId {
    fn default() -> Self {
        FootnoteId::new("")
    }
}

impl PartialEq for FootnoteId {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for FootnoteId {}

impl PartialOrd for FootnoteId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FootnoteId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for FootnoteId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for FootnoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("FootnoteId").field(&self.as_str()).finish()
    }
}

impl fmt::Display for FootnoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for FootnoteId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One cell of the model: a value (or none), the footnotes attached to it,
/// where it was read from and how it was obtained.
///
/// A value given only as a footnote (an empty `<value>` beside a
/// `<footnoteId>`) has `value: None` and non-empty `footnotes`: see
/// [`Field::is_footnote_only`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Field<T> {
    /// The value, or `None` when the cell is empty.
    pub value: Option<T>,
    /// Footnotes attached to the cell, in input order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<FootnoteId>,
    /// Where it was read from; `None` when the input has no such element or cell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// How the value was obtained.
    #[serde(skip_serializing_if = "Origin::is_read")]
    pub origin: Origin,
}

impl<T> Default for Field<T> {
    fn default() -> Self {
        Field { value: None, footnotes: Vec::new(), span: None, origin: Origin::Read }
    }
}

impl<T> Field<T> {
    /// A value read at `span`.
    pub fn read(value: T, span: Span) -> Self {
        Field { value: Some(value), footnotes: Vec::new(), span: Some(span), origin: Origin::Read }
    }

    /// A value inferred by `rule` (no span: it is not in the input).
    pub fn inferred(value: T, rule: InferenceRule) -> Self {
        Field { value: Some(value), footnotes: Vec::new(), span: None, origin: Origin::Inferred(rule) }
    }

    /// A cell the parser expected but could not find.
    pub fn missing() -> Self {
        Field { origin: Origin::Missing, ..Field::default() }
    }

    /// Whether the cell has neither a value nor footnotes.
    pub fn is_blank(&self) -> bool {
        self.value.is_none() && self.footnotes.is_empty() && self.origin.is_read()
    }

    /// Whether the cell is given only by footnotes, with no value.
    pub fn is_footnote_only(&self) -> bool {
        self.value.is_none() && !self.footnotes.is_empty()
    }

    /// The value, if any.
    pub fn get(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// Whether the value was inferred rather than read.
    pub fn is_inferred(&self) -> bool {
        matches!(self.origin, Origin::Inferred(_))
    }
}

impl Field<String> {
    /// The text, or `""` when empty.
    pub fn text(&self) -> &str {
        self.value.as_deref().unwrap_or("")
    }
}

impl<T: Copy> Field<T> {
    /// A copy of the value, if any.
    pub fn copied(&self) -> Option<T> {
        self.value
    }
}

impl Field<Num> {
    /// The decimal value, if any.
    pub fn decimal(&self) -> Option<Decimal> {
        self.value.as_ref().map(|n| n.value)
    }
}

/// An exact number with the text it was written as.
///
/// Serialized as that text (trimmed), so `.00` stays `.00` and `1,000` stays
/// `1,000`; the [`Decimal`] is what arithmetic uses. Equality compares both.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Num {
    /// The exact value.
    pub value: Decimal,
    /// The text as written, trimmed.
    pub text: String,
}

/// Why text is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumError {
    /// Not a decimal number.
    Invalid,
    /// More digits than can be represented exactly (28 significant digits).
    OutOfRange,
}

impl Num {
    /// Parse a decimal as XML writes it: optional sign, digits, optional
    /// fraction (`.00` and `5.` are accepted). Thousands separators (`,`) are
    /// accepted too, as lossy renderings write them.
    pub fn parse(text: &str) -> Result<Num, NumError> {
        let trimmed = text.trim();
        // What cannot start a number is told apart before any allocation.
        if !matches!(trimmed.bytes().next(), Some(b'0'..=b'9' | b'.' | b'-' | b'+')) {
            return Err(NumError::Invalid);
        }
        let mut digits = String::with_capacity(trimmed.len() + 1);
        let mut seen_digit = false;
        let mut seen_point = false;
        for (i, c) in trimmed.char_indices() {
            match c {
                '0'..='9' => {
                    seen_digit = true;
                    digits.push(c);
                }
                '.' if !seen_point => {
                    seen_point = true;
                    digits.push('.');
                }
                '-' | '+' if i == 0 => digits.push(c),
                ',' if seen_digit && !seen_point => {}
                _ => return Err(NumError::Invalid),
            }
        }
        if !seen_digit {
            return Err(NumError::Invalid);
        }
        if digits.ends_with('.') {
            digits.pop();
        }
        let value = match Decimal::from_str(&digits) {
            Ok(v) => v,
            Err(_) => Decimal::from_scientific(&digits).map_err(|_| NumError::OutOfRange)?,
        };
        Ok(Num { value, text: trimmed.to_owned() })
    }

    /// Whether [`Num::parse`] reads `text`, told without building the
    /// number when it is plain: a digit first, then digits, thousands
    /// commas and a point, 28 digits at most (what a [`Decimal`] always holds).
    pub fn is_number(text: &str) -> bool {
        let t = text.trim();
        if !t.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            return t.bytes().next().is_some_and(|b| matches!(b, b'.' | b'-' | b'+'))
                && Num::parse(t).is_ok();
        }
        let (mut digits, mut seen_point) = (0usize, false);
        for b in t.bytes() {
            match b {
                b'0'..=b'9' => digits += 1,
                b'.' if !seen_point => seen_point = true,
                b',' if !seen_point => {}
                _ => return false,
            }
        }
        digits <= 28 || Num::parse(t).is_ok()
    }

    /// A number made by arithmetic (its text is the decimal's canonical form).
    pub fn from_decimal(value: Decimal) -> Num {
        Num { value, text: value.normalize().to_string() }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// A calendar date (proleptic Gregorian), serialized as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Date {
    /// The date `year-month-day`, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        let month8 = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        let day8 =
            u8::try_from(day).ok().filter(|&d| d >= 1 && u32::from(d) <= days_in_month(year, month))?;
        (1..=9999).contains(&year).then_some(Date { year, month: month8, day: day8 })
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Month, 1–12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// Day of the month, 1–31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Parse an XML Schema date: `YYYY-MM-DD`, optionally followed by a time
    /// zone (`Z`, `+05:00`, `-05:00`), which is ignored.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let t = text.trim();
        let date = t.get(..10)?;
        let zone = &t[10..];
        let zone_ok = zone.is_empty()
            || zone == "Z"
            || (zone.len() == 6 && matches!(zone.as_bytes()[0], b'+' | b'-') && zone.as_bytes()[3] == b':');
        if !zone_ok {
            return None;
        }
        let b = date.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::from_ymd(digits(&date[..4])? as i32, digits(&date[5..7])?, digits(&date[8..10])?)
    }

    /// Parse a US date as the printed forms write it: `MM/DD/YYYY` (also `M/D/YYYY`).
    pub fn parse_us(text: &str) -> Option<Date> {
        let text = text.trim();
        // `M/D/YYYY` to `MM/DD/YYYY`: 8 to 10 bytes (most words end here, unsplit).
        if !(8..=10).contains(&text.len()) {
            return None;
        }
        let mut parts = text.split('/');
        let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some()
            || m.is_empty()
            || m.len() > 2
            || d.is_empty()
            || d.len() > 2
            || y.len() != 4
        {
            return None;
        }
        Date::from_ymd(digits(y)? as i32, digits(m)?, digits(d)?)
    }

    /// Parse an EDGAR header date: `YYYYMMDD`.
    pub fn parse_compact(text: &str) -> Option<Date> {
        let t = text.trim();
        if t.len() != 8 || !t.is_ascii() {
            return None;
        }
        Date::from_ymd(digits(&t[..4])? as i32, digits(&t[4..6])?, digits(&t[6..8])?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it is within years 1–9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::from_ymd(i32::try_from(year).ok()?, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
    }

    /// The date `days` later (earlier when negative), if it exists.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        const DAYS: [Weekday; 7] = [
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
        ];
        DAYS[self.days_since_epoch().rem_euclid(7) as usize]
    }

    /// As the printed forms write it: `MM/DD/YYYY`.
    pub fn to_us_string(self) -> String {
        format!("{:02}/{:02}/{:04}", self.month, self.day, self.year)
    }
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_ids_inline_or_not_behave_as_their_text() {
        let long = "F".repeat(INLINE_ID + 1);
        for text in ["", "F1", "F22", &"F".repeat(INLINE_ID), &long, "⁽¹⁾"] {
            let id = FootnoteId::new(text);
            assert_eq!(id.as_str(), text);
            assert_eq!(id.to_string(), text);
            assert_eq!(format!("{id:?}"), format!("FootnoteId({text:?})"));
            assert_eq!(serde_json::to_string(&id).unwrap(), serde_json::to_string(text).unwrap());
        }
        assert!(matches!(FootnoteId::new(&long).0, IdText::Heap(_)));
        assert!(FootnoteId::new("F10") < FootnoteId::new("F2"));
        assert!(FootnoteId::new(&long) > FootnoteId::new("F"));
        assert_eq!(FootnoteId::numbered(12), FootnoteId::new("F12"));
        for n in [0, 7, 10, 99, 100, 4_294_967_295] {
            assert_eq!(FootnoteId::numbered(n).as_str(), format!("F{n}"));
        }
        assert_eq!(FootnoteId::numbered(12).number(), Some(12));
        assert_eq!(FootnoteId::default().as_str(), "");
    }

    #[test]
    fn num_keeps_text_and_value() {
        let n = Num::parse(" .00 ").unwrap();
        assert_eq!(n.text, ".00");
        assert_eq!(n.value, Decimal::ZERO);
        let n = Num::parse("1,234.5").unwrap();
        assert_eq!(n.value, Decimal::new(12345, 1));
        assert_eq!(Num::parse("5.").unwrap().value, Decimal::from(5));
        assert_eq!(Num::parse("12a"), Err(NumError::Invalid));
        assert_eq!(Num::parse(""), Err(NumError::Invalid));
        assert_eq!(Num::parse("1.2.3"), Err(NumError::Invalid));
        assert_eq!(Num::parse(",5"), Err(NumError::Invalid));
        assert_eq!(Num::parse("99999999999999999999999999999999999"), Err(NumError::OutOfRange));
    }

    #[test]
    fn dates_parse_in_every_written_form() {
        let d = Date::from_ymd(2013, 11, 22).unwrap();
        assert_eq!(Date::parse_iso("2013-11-22"), Some(d));
        assert_eq!(Date::parse_iso("2013-11-22-05:00"), Some(d));
        assert_eq!(Date::parse_iso("2013-11-22Z"), Some(d));
        assert_eq!(Date::parse_us("11/22/2013"), Some(d));
        assert_eq!(Date::parse_compact("20131122"), Some(d));
        // Eight bytes, but the fourth begins a two-byte character: no date, no panic.
        assert_eq!(Date::parse_compact("123é456"), None);
        assert_eq!(Date::parse_iso("2013-02-30"), None);
        assert_eq!(Date::parse_iso("2013/11/22"), None);
        assert_eq!(Date::parse_us("13/01/2013"), None);
        // The shortest and longest US dates, padded; shorter and longer text is none.
        assert_eq!(Date::parse_us(" 2/3/2013 "), Date::from_ymd(2013, 2, 3));
        assert_eq!(Date::parse_us("\t02/03/2013\n"), Date::from_ymd(2013, 2, 3));
        assert_eq!(Date::parse_us("2/3/201"), None);
        assert_eq!(Date::parse_us("002/03/2013"), None);
        assert_eq!(d.to_string(), "2013-11-22");
        assert_eq!(d.to_us_string(), "11/22/2013");
    }

    #[test]
    fn date_arithmetic_round_trips() {
        let d = Date::from_ymd(2024, 2, 28).unwrap();
        assert_eq!(d.add_days(1), Date::from_ymd(2024, 2, 29));
        assert_eq!(d.add_days(2), Date::from_ymd(2024, 3, 1));
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::from_ymd(2013, 11, 22).unwrap().weekday(), Weekday::Fri);
        assert_eq!(d.days_until(Date::from_ymd(2025, 2, 28).unwrap()), 366);
        for days in [-719_162, -1, 0, 1, 19_000, 2_932_896] {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days);
        }
    }
}
