//! Facts stated in the prose of footnotes: dates written in words
//! ("August 28, 2013"), price ranges ("ranging from $22.50 to $22.71"), and
//! Rule 10b5-1 trading plans with their adoption dates.
//!
//! The readers are deliberately narrow: they recognise the phrasings filers
//! use (read from real filings) and return nothing rather than guess. Not
//! supported: two-digit years, dates without a year, ranges written without
//! a `$` before the first price.

use rust_decimal::Decimal;

use crate::model::Date;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date found in prose, with its byte range in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProseDate {
    /// The date.
    pub date: Date,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok<'a> {
    Word(&'a str),
    Number(&'a str),
    Punct(char),
}

/// Split into words, digit runs (an ordinal suffix such as `28th` is kept
/// with its number) and single punctuation characters, with byte offsets.
fn tokens(text: &str) -> Vec<(usize, usize, Tok<'_>)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, n)) = chars.peek() {
                if !n.is_alphanumeric() {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
            let word = &text[start..end];
            let digits = word.trim_end_matches(|ch: char| ch.is_ascii_alphabetic());
            let suffix = &word[digits.len()..];
            let tok = if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                if suffix.is_empty()
                    || ["st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str())
                {
                    Tok::Number(digits)
                } else {
                    Tok::Word(word)
                }
            } else {
                Tok::Word(word)
            };
            out.push((start, end, tok));
        } else {
            out.push((start, start + c.len_utf8(), Tok::Punct(c)));
        }
    }
    out
}

fn month(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let index =
        MONTHS.iter().position(|m| *m == w || (m.starts_with(&w) && (w.len() == 3 || w == "sept")))?;
    u32::try_from(index + 1).ok()
}

fn number(tok: &Tok<'_>, max_len: usize) -> Option<u32> {
    match tok {
        Tok::Number(n) if n.len() <= max_len => n.parse().ok(),
        _ => None,
    }
}

/// Every date written in `text`: `August 28, 2013`, `Aug. 28, 2013`,
/// `28 August 2013`, `8/28/2013`, `2013-08-28`.
pub fn dates(text: &str) -> Vec<ProseDate> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((date, used)) = date_at(&toks[i..]) {
            let end = toks.get(i + used - 1).map_or(text.len(), |t| t.1);
            out.push(ProseDate { date, start: toks[i].0, end });
            i += used;
        } else {
            i += 1;
        }
    }
    out
}

/// A date starting at the first token, and how many tokens it used.
fn date_at(toks: &[(usize, usize, Tok<'_>)]) -> Option<(Date, usize)> {
    let tok = |i: usize| toks.get(i).map(|t| &t.2);
    let punct = |i: usize, c: char| tok(i) == Some(&Tok::Punct(c));
    match tok(0)? {
        Tok::Word(w) => {
            // Month [.] day [,] year
            let m = month(w)?;
            let mut i = 1;
            if punct(i, '.') {
                i += 1;
            }
            let day = number(tok(i)?, 2)?;
            i += 1;
            if punct(i, ',') {
                i += 1;
            }
            let year = year(tok(i)?)?;
            Some((Date::from_ymd(year, m, day)?, i + 1))
        }
        Tok::Number(n) if n.len() == 4 => {
            // YYYY-MM-DD
            let year = year(tok(0)?)?;
            if !(punct(1, '-') && punct(3, '-')) {
                return None;
            }
            let date = Date::from_ymd(year, number(tok(2)?, 2)?, number(tok(4)?, 2)?)?;
            Some((date, 5))
        }
        Tok::Number(_) => {
            let first = number(tok(0)?, 2)?;
            if punct(1, '/') && punct(3, '/') {
                // M/D/YYYY
                let date = Date::from_ymd(year(tok(4)?)?, first, number(tok(2)?, 2)?)?;
                return Some((date, 5));
            }
            // D Month [,] YYYY
            let Tok::Word(w) = tok(1)? else { return None };
            let m = month(w)?;
            let mut i = 2;
            if punct(i, ',') {
                i += 1;
            }
            Some((Date::from_ymd(year(tok(i)?)?, m, first)?, i + 1))
        }
        Tok::Punct(_) => None,
    }
}

fn year(tok: &Tok<'_>) -> Option<i32> {
    match tok {
        Tok::Number(n) if n.len() == 4 => n.parse().ok(),
        _ => None,
    }
}

/// A price range stated in prose, e.g. "ranging from $22.50 to $22.71".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProseRange {
    /// The lower price.
    pub low: Decimal,
    /// The higher price.
    pub high: Decimal,
}

/// Every `$a to $b`, `$a - $b`, `between $a and $b` in `text` (the second
/// `$` may be left out), lower bound first.
pub fn price_ranges(text: &str) -> Vec<ProseRange> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(found) = text[rest..].find('$') {
        let dollar = rest + found;
        rest = dollar + 1;
        let Some((low, after_low)) = money(text, dollar + 1) else { continue };
        let tail = &text[after_low..];
        let trimmed = tail.trim_start();
        let lower = trimmed.to_ascii_lowercase();
        let before = text[..dollar].to_ascii_lowercase();
        let connector = ["to ", "through ", "- ", "-", "– ", "–", "— ", "—"]
            .into_iter()
            .chain(before.trim_end().ends_with("between").then_some("and "))
            .find(|c| lower.starts_with(c));
        let Some(connector) = connector else { continue };
        let mut at = after_low + (tail.len() - trimmed.len()) + connector.len();
        at += text[at..].len() - text[at..].trim_start().len();
        if text[at..].starts_with('$') {
            at += 1;
        }
        if let Some((high, end)) = money(text, at) {
            out.push(ProseRange { low: low.min(high), high: low.max(high) });
            rest = end;
        }
    }
    out
}

/// A decimal at `start` (spaces allowed first), with thousands separators;
/// a trailing sentence period is not part of it.
fn money(text: &str, start: usize) -> Option<(Decimal, usize)> {
    let begin = start + (text[start..].len() - text[start..].trim_start().len());
    let bytes = text.as_bytes();
    let mut end = begin;
    let mut digits = String::new();
    let mut seen_point = false;
    while end < bytes.len() {
        let b = bytes[end];
        let next_is_digit = bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        match b {
            b'0'..=b'9' => digits.push(char::from(b)),
            b',' if !digits.is_empty() && !seen_point && next_is_digit => {}
            b'.' if !seen_point && next_is_digit => {
                seen_point = true;
                digits.push('.');
            }
            _ => break,
        }
        end += 1;
    }
    if digits.is_empty() {
        return None;
    }
    Some((digits.parse().ok()?, end))
}

/// Whether the text mentions a Rule 10b5-1 plan (`10b5-1`, `10b5‑1`,
/// `10b-5-1`, `10b5 1`, any case).
pub fn mentions_rule_10b5_1(text: &str) -> bool {
    let squeezed: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '‐' | '‑' | '–' | '—' | '(' | ')'))
        .flat_map(crate::case::to_lower)
        .collect();
    squeezed.contains("10b51")
}

/// The plan's adoption date in a footnote about a 10b5-1 plan: a date that
/// follows "adopted", "entered into" or "established" in the same clause
/// ("adopted by the Reporting Person on August 28, 2013"), or a sentence
/// that opens with it ("On May 1, 2024, the Reporting Person adopted …").
/// Dates after a word such as "disclosed" or "amended" are not adoption dates.
pub fn plan_adoption_date(text: &str) -> Option<Date> {
    const VERBS: [&str; 4] = ["adopted", "entered into", "established", "dated"];
    const STOPS: [&str; 8] =
        ["disclosed", "amended", "modified", "terminated", "expire", "announced", ";", ". "];
    let lower = text.to_ascii_lowercase();
    let found = dates(text);
    for verb in VERBS {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(verb) {
            let at = from + pos + verb.len();
            from = at;
            let whole_word = !lower[..at - verb.len()].ends_with(|c: char| c.is_ascii_alphabetic());
            if !whole_word {
                continue;
            }
            let clause_end =
                STOPS.iter().filter_map(|s| lower[at..].find(s).map(|p| at + p)).min().unwrap_or(lower.len());
            // A stop inside an abbreviated month ("Aug. 28") is not a stop:
            // accept a date that starts before the clause ends.
            if let Some(d) = found.iter().find(|d| d.start >= at && d.start < clause_end.max(at + 1)) {
                return Some(d.date);
            }
            let sentence_start = lower[..at].rfind(". ").map_or(0, |p| p + 2);
            let opening = lower[sentence_start..].trim_start();
            if opening.starts_with("on ")
                && let Some(d) = found.iter().find(|d| d.start >= sentence_start && d.end <= at)
            {
                return Some(d.date);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_every_written_form() {
        let text =
            "on August 28, 2013 and Aug. 1, 2014, 3 March 2015, 8/28/2013, 2013-08-28 or Sept 5th 2024";
        let found: Vec<Date> = dates(text).iter().map(|p| p.date).collect();
        assert_eq!(
            found,
            [d(2013, 8, 28), d(2014, 8, 1), d(2015, 3, 3), d(2013, 8, 28), d(2013, 8, 28), d(2024, 9, 5)]
        );
        assert!(dates("in May the plan was 28 days old; 13/45/2013; February 30, 2013").is_empty());
    }

    #[test]
    fn ranges_as_filers_write_them() {
        let r = |lo: &str, hi: &str| ProseRange { low: lo.parse().unwrap(), high: hi.parse().unwrap() };
        assert_eq!(
            price_ranges("weighted average sale price ... ranging from $22.50 to $22.71 per share."),
            [r("22.50", "22.71")]
        );
        assert_eq!(price_ranges("prices ranging from $1,020.10 to 1,021.5."), [r("1020.10", "1021.5")]);
        assert_eq!(price_ranges("between $ 5.00 and $6.25, inclusive"), [r("5.00", "6.25")]);
        assert_eq!(price_ranges("$10.10-$10.30 and $11 – $12"), [r("10.10", "10.30"), r("11", "12")]);
        assert!(price_ranges("equals or exceeds $15.00, $20.00 or $25.00, respectively").is_empty());
        assert!(price_ranges("a price of $5 and $6 in cash").is_empty());
    }

    #[test]
    fn rule_10b5_1_spellings() {
        assert!(mentions_rule_10b5_1("a Rule 10b5-1 trading plan"));
        assert!(mentions_rule_10b5_1("RULE 10B5‑1(c)"));
        assert!(mentions_rule_10b5_1("Rule 10b-5-1"));
        assert!(!mentions_rule_10b5_1("Rule 10b-5 and Rule 16b-3"));
    }

    #[test]
    fn adoption_dates_follow_the_verb() {
        let seed = "The transactions reported on this Form 4 were effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person on August 28, 2013.";
        assert_eq!(plan_adoption_date(seed), Some(d(2013, 8, 28)));
        assert_eq!(
            plan_adoption_date("pursuant to Rule 10b5-1 trading plans adopted on December 15, 2023."),
            Some(d(2023, 12, 15))
        );
        assert_eq!(
            plan_adoption_date("On May 1, 2024, the Reporting Person adopted a Rule 10b5-1 plan."),
            Some(d(2024, 5, 1))
        );
        assert_eq!(plan_adoption_date("a 10b5-1 plan entered into on Aug. 12, 2024"), Some(d(2024, 8, 12)));
        // A disclosure date is not the adoption date.
        let disclosed = "pursuant to a Rule 10b5-1 Plan that was entered into by the Reporting Person during an open trading window and disclosed by the Issuer on Form 8-K on March 17, 2025.";
        assert_eq!(plan_adoption_date(disclosed), None);
        assert_eq!(plan_adoption_date("a Rule 10b5-1 trading plan adopted by the holder."), None);
        assert_eq!(plan_adoption_date("a 10b5-1 plan, updated on May 1, 2024"), None);
    }
}
