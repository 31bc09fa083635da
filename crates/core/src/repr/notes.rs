//! The end of the form: "Explanation of Responses" (the footnotes),
//! "Remarks" and the signatures.
//!
//! Footnotes are numbered `1. text` (the EDGAR page), `(1) text` (the older
//! layout) or, in some Markdown, not at all (list items, numbered here in
//! order, with a diagnostic). A footnote may wrap over several lines. A
//! signature is a name and a date just above a "Signature of Reporting
//! Person" line: on one line (`name <tab> date`), or name then date on lines
//! of their own (the older layout).

use crate::diagnostic::{Code, Diagnostic, quote};
use crate::model::{Field, Footnote, FootnoteId, Signature};
use crate::repr::cells::{Cell, read_date};
use crate::repr::form::is_form_text;
use crate::repr::grid::{Line, contains_ignore_case};
use crate::source::Span;

/// The footnotes of "Explanation of Responses".
pub(crate) fn footnotes(lines: &[Line], diags: &mut Vec<Diagnostic>) -> Vec<Footnote> {
    let mut out: Vec<Footnote> = Vec::new();
    // Paragraphs of each footnote (a paragraph may be a footnote whose number was lost).
    let mut paragraphs: Vec<Vec<(String, Span)>> = Vec::new();
    let mut unnumbered = false;
    for line in lines {
        if line.is_blank() || is_form_text(line) {
            continue;
        }
        let text = line.text();
        let t = text.trim_matches(['|', ' ']);
        if contains_ignore_case(t, "explanation of responses") {
            continue;
        }
        let item = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")).or_else(|| t.strip_prefix("• "));
        let body = item.unwrap_or(t);
        if body.starts_with('*') || body.to_ascii_lowercase().starts_with("if the form is filed") {
            continue;
        }
        if let Some((n, rest)) = numbered(body) {
            out.push(Footnote {
                id: FootnoteId::numbered(n),
                text: Field::read(rest.to_owned(), line.span()),
            });
            paragraphs.push(vec![(rest.to_owned(), line.span())]);
        } else if let Some(rest) = item {
            unnumbered = true;
            let n = out.last().and_then(|f| f.id.number()).unwrap_or(0) + 1;
            out.push(Footnote {
                id: FootnoteId::numbered(n),
                text: Field::read(rest.trim().to_owned(), line.span()),
            });
            paragraphs.push(vec![(rest.trim().to_owned(), line.span())]);
        } else if let (Some(last), Some(paras)) = (out.last_mut(), paragraphs.last_mut()) {
            // A word hyphenated at the end of a line (`FF-` `VII`) is one word.
            crate::repr::align::push_wrapped(last.text.value.get_or_insert_with(String::new), t);
            last.text.span = Some(last.text.span.unwrap_or(line.span()).cover(line.span()));
            paras.push((t.to_owned(), line.span()));
        } else {
            diags.push(Diagnostic::new(
                Code::UnplacedContent,
                Some(line.span()),
                format!(
                    "the text {} under \"Explanation of Responses\" is not a numbered footnote",
                    quote(&text)
                ),
            ));
        }
    }
    let out = recover_lost_numbers(out, &paragraphs, diags);
    if unnumbered && let Some(first) = out.first() {
        diags.push(
            Diagnostic::new(
                Code::FootnoteNumbersLost,
                first.text.span,
                "the footnotes have lost their numbers in this rendering; they were numbered 1, 2, 3… in order",
            )
            .with_help("check that the marks in the tables match the footnotes in this order"),
        );
    }
    out
}

/// Where the numbers jump (`(1)`, `(3)`) and the footnote before the gap
/// has exactly one paragraph more per missing number, those paragraphs are
/// the missing footnotes whose numbers the rendering lost.
fn recover_lost_numbers(
    notes: Vec<Footnote>,
    paragraphs: &[Vec<(String, Span)>],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Footnote> {
    let numbers: Vec<Option<u32>> = notes.iter().map(|f| f.id.number()).collect();
    let mut fixed = Vec::with_capacity(notes.len());
    for (k, note) in notes.into_iter().enumerate() {
        let paras = &paragraphs[k.min(paragraphs.len().saturating_sub(1))];
        let gap = match (numbers[k], numbers.get(k + 1).copied().flatten()) {
            (Some(a), Some(b)) if b > a + 1 => (b - a - 1) as usize,
            _ => 0,
        };
        if gap > 0 && paras.len() == gap + 1 {
            let first = numbers[k].unwrap_or(0);
            let (text, span) = &paras[0];
            fixed.push(Footnote { id: note.id.clone(), text: Field::read(text.clone(), *span) });
            for (j, (text, span)) in paras[1..].iter().enumerate() {
                let id = FootnoteId::numbered(first + 1 + j as u32);
                diags.push(Diagnostic::new(
                    Code::FootnoteNumbersLost,
                    Some(*span),
                    format!(
                        "this paragraph has no number; it was read as footnote ({}), the number missing between ({}) and the next",
                        first + 1 + j as u32,
                        first
                    ),
                ));
                fixed.push(Footnote {
                    id,
                    text: Field {
                        origin: crate::model::Origin::Uncertain,
                        ..Field::read(text.clone(), *span)
                    },
                });
            }
        } else {
            fixed.push(note);
        }
    }
    fixed
}

/// `1. text`, `(1) text` → the number and the text. A decimal number
/// (`199.852`) or a mark with no text after it (`(2)`, a table's mark
/// strayed among the notes) starts no footnote.
fn numbered(t: &str) -> Option<(u32, &str)> {
    let (digits, rest) = if let Some(rest) = t.strip_prefix('(') {
        let close = rest.find(')')?;
        (&rest[..close], &rest[close + 1..])
    } else {
        let end = t.find(|c: char| !c.is_ascii_digit())?;
        let rest = &t[end..];
        let rest = rest.strip_prefix("\\.").or_else(|| rest.strip_prefix('.'))?;
        (&t[..end], rest)
    };
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = rest.trim();
    if rest.is_empty() || t.as_bytes().get(digits.len() + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((digits.parse().ok()?, rest))
}

/// The signatures: for each "Signature of Reporting Person" line in
/// `marks`, the name and date just above it (not above `floor`). Returns
/// them and the index of the first line they use.
pub(crate) fn signatures(lines: &[Line], floor: usize, marks: &[usize]) -> (Vec<Signature>, usize) {
    let mut out = Vec::new();
    let mut first = marks.first().copied().unwrap_or(lines.len());
    let mut lower = floor;
    for &mark in marks {
        let above: Vec<usize> = (lower..mark).rev().filter(|&i| !lines[i].is_blank()).collect();
        // `name <tab> date` lines, one per signature, just above the mark.
        let mut found = Vec::new();
        let mut stop = None;
        for &i in &above {
            match signature_line(&lines[i]) {
                Some(sig) => found.push((i, sig)),
                None => {
                    stop = Some(i);
                    break;
                }
            }
        }
        if !found.is_empty() && stop.is_some_and(|i| lines[i].cells.first().is_some_and(Cell::is_empty)) {
            // More of the signature area above: names wrapped around their dates.
            let laid_out = spread(lines, &above);
            if laid_out.len() > found.len() {
                found = laid_out;
            }
        }
        if found.is_empty()
            && let [date_line, name_line, ..] = above.as_slice()
            && let Some(sig) = name_then_date(&lines[*name_line], &lines[*date_line])
        {
            found.push((*name_line, sig));
        }
        if found.is_empty() {
            found = spread(lines, &above);
        }
        if found.is_empty() {
            found = around_date(lines, &above);
        }
        found.reverse();
        if let Some(&(i, _)) = found.first() {
            first = first.min(i);
        }
        if found.is_empty() {
            // A signature is there (its mark is), but its name and date were not read.
            found.push((mark, unread_signature(lines[mark].span())));
        }
        // More dates above the mark than signatures read: the others were
        // not read. Where those read end on the line just above the mark,
        // the others stand before them; else after.
        let dated = signature_dates(lines, &above);
        if found.len() < dated {
            let at =
                if found.last().is_some_and(|(i, _)| above.first() == Some(i)) { 0 } else { found.len() };
            let unread = (found.len()..dated).map(|_| (mark, unread_signature(lines[mark].span())));
            found.splice(at..at, unread);
        }
        out.extend(found.into_iter().map(|(_, s)| s));
        lower = mark + 1;
    }
    if out.is_empty() && !lines.is_empty() {
        // Every form is signed: a signature not found is missing, not absent.
        out.push(unread_signature(Span::default()));
    }
    (out, first)
}

/// The longest line of a signature's area: a name, a title, a date. The
/// lines of footnotes and remarks run longer (they wrap at the page's width).
const SIGNATURE_LINE: usize = 80;

/// How many dates stand in the signature area just above a mark (`above`:
/// the lines above it, nearest first): the short lines up to the first
/// long one, numbered footnote or heading of the notes, each date one
/// signature's.
fn signature_dates(lines: &[Line], above: &[usize]) -> usize {
    let mut dates = 0;
    for &i in above {
        let text = lines[i].text();
        let t = text.trim_matches(['|', ' ']);
        if text.len() > SIGNATURE_LINE
            || is_form_text(&lines[i])
            || numbered(t).is_some()
            || contains_ignore_case(t, "explanation of responses")
            || t.get(..8).is_some_and(|w| w.eq_ignore_ascii_case("remarks:"))
        {
            break;
        }
        // A date may run on from the text before it (`Securities,10/03/2025`).
        dates += text.split([' ', ',']).filter(|w| read_date(w).is_some()).count();
    }
    dates
}

/// A signature whose name and date were not read: both missing.
fn unread_signature(span: Span) -> Signature {
    Signature { span, name: Field::missing(), date: Field::missing() }
}

/// Signatures laid out on a page: the date on a line of its own at the
/// right, the name wrapped on the lines around it (all after an empty
/// cell). `above` lists the lines above the mark, nearest first. The date
/// stands level with the middle of its name: as many of the name's lines
/// above it as below.
fn spread(lines: &[Line], above: &[usize]) -> Vec<(usize, Signature)> {
    let area: Vec<usize> =
        above.iter().copied().take_while(|&i| lines[i].cells.first().is_some_and(Cell::is_empty)).collect();
    // Lines ending with a date (the name may run up to it on the same line).
    let dates: Vec<(usize, crate::model::Date, Span, String)> = area
        .iter()
        .filter_map(|&i| {
            let last = lines[i].filled().last()?;
            let (head, tail) = last.text.rsplit_once(' ').unwrap_or(("", &last.text));
            let date = read_date(tail)?;
            let before: Vec<&str> = lines[i].filled().map(|c| c.text.as_str()).collect();
            let mut name: Vec<&str> = before[..before.len() - 1].to_vec();
            if !head.is_empty() {
                name.push(head);
            }
            Some((i, date, last.span, name.join(" ")))
        })
        .collect();
    if dates.is_empty() {
        return Vec::new();
    }
    // Top down: a date is centred on its name, so a name has as many lines
    // below its date as above it; the lines left over start the next name.
    let mut names: Vec<Vec<usize>> = vec![Vec::new(); dates.len()];
    let mut k = dates.len();
    let mut below = 0;
    for &i in area.iter().rev() {
        if let Some(d) = dates.iter().position(|d| d.0 == i) {
            k = d;
            below = names[d].len();
            continue;
        }
        let target = if k < dates.len() && below > 0 {
            below -= 1;
            k
        } else {
            // Above the next date (or below the last one).
            dates.iter().rposition(|d| d.0 > i).unwrap_or(k.min(dates.len() - 1))
        };
        names[target].push(i);
    }
    let mut out: Vec<(usize, Signature)> = dates
        .iter()
        .zip(names)
        .filter_map(|((di, date, date_span, own), mut n)| {
            crate::sort::by(&mut n, Ord::cmp);
            let mut parts: Vec<(usize, String)> = n.iter().map(|&i| (i, lines[i].text())).collect();
            if !own.is_empty() {
                parts.push((*di, own.clone()));
                crate::sort::by_key(&mut parts, |p| p.0);
            }
            let text = parts.iter().map(|p| p.1.as_str()).fold(String::new(), |mut acc, p| {
                if acc.is_empty() {
                    acc.push_str(p)
                } else {
                    crate::repr::align::push_wrapped(&mut acc, p)
                }
                acc
            });
            if text.is_empty() {
                return None;
            }
            let span = n.iter().map(|&i| lines[i].span()).fold(*date_span, Span::cover);
            let first = n.first().map_or(*di, |&f| f.min(*di));
            Some((
                first,
                Signature { span, name: Field::read(text, span), date: Field::read(*date, *date_span) },
            ))
        })
        .collect();
    // Nearest the mark first, like the other patterns (the caller reverses).
    crate::sort::by_key(&mut out, |(i, _)| std::cmp::Reverse(*i));
    out
}

/// Signatures laid out on a page whose columns were lost: a date alone on
/// its line or ending it (the name running up to it), the name wrapped
/// evenly around it. As many lines above the
/// date as below it are taken (one more when that one starts with "/s/");
/// the name is marked uncertain, since where it starts is a guess — unless
/// it is the one nearest the mark (it ends there) and starts with "/s/", or
/// has one line above the date, some below it, and the notes' text right
/// above ([`ends_notes`]): a name is centred on its date, so a line of it
/// below the date has its counterpart above, and nothing of it lies higher.
fn around_date(lines: &[Line], above: &[usize]) -> Vec<(usize, Signature)> {
    // The date ending a short line, and the text before it.
    let date_of = |i: usize| {
        let text = lines[i].text();
        if text.len() > SIGNATURE_LINE {
            return None;
        }
        let (head, tail) = text.rsplit_once(' ').unwrap_or(("", text.as_str()));
        read_date(tail).map(|d| (d, head.trim().to_owned()))
    };
    let is_date = |i: usize| date_of(i).is_some();
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(d) = (k..above.len().min(k + 6)).find(|&j| is_date(above[j])) {
        let date_line = above[d];
        let Some((date, head)) = date_of(date_line) else { break };
        // The lines between the date and the mark (or the signature below), then as many above it.
        let mut name: Vec<usize> = above[k..d].to_vec();
        let up = name.len().max(1);
        let mut j = d + 1;
        // Not the long lines of footnotes or remarks above the signature area.
        let short = |i: usize| lines[i].text().len() <= SIGNATURE_LINE;
        while j < above.len() && j < d + 1 + up && !is_date(above[j]) && short(above[j]) {
            name.push(above[j]);
            j += 1;
        }
        // One line of the name above the date, some below it, and the notes'
        // text right above that line: the name starts there.
        let closed = j == d + 2 && d > k && above.get(j).is_some_and(|&i| ends_notes(lines, i));
        if j < above.len() && !is_date(above[j]) && lines[above[j]].text().starts_with("/s/") {
            name.push(above[j]);
            j += 1;
        }
        if name.iter().any(|&i| is_form_text(&lines[i])) {
            break;
        }
        let mut pieces: Vec<(usize, String)> = name.iter().map(|&i| (i, lines[i].text())).collect();
        if !head.is_empty() {
            pieces.push((date_line, head));
        }
        crate::sort::by_key(&mut pieces, |(i, _)| *i);
        if pieces.is_empty() {
            break;
        }
        let text = pieces.iter().fold(String::new(), |mut acc, (_, p)| {
            if acc.is_empty() {
                acc.clone_from(p);
            } else {
                crate::repr::align::push_wrapped(&mut acc, p);
            }
            acc
        });
        let date_span = lines[date_line].span();
        let span = name.iter().map(|&i| lines[i].span()).fold(date_span, Span::cover);
        // A name that opens with `/s/` starts there, and the one nearest the
        // signature's mark runs on to it: both of its ends are certain.
        let whole = (text.starts_with("/s/") || closed) && k == 0;
        let origin = if whole { crate::model::Origin::Read } else { crate::model::Origin::Uncertain };
        out.push((
            pieces[0].0,
            Signature {
                span,
                name: Field { origin, ..Field::read(text, span) },
                date: Field::read(date, date_span),
            },
        ));
        k = j;
    }
    out
}

/// Whether line `i` is the notes' text, none of a signature's name below
/// it: a line longer than a signature's box holds (the notes wrap at the
/// page's width), the heading of the remarks or the footnotes, or the short
/// last line of a paragraph — a sentence's end right after a long line that
/// ends in mid-sentence, so that it runs on from there.
fn ends_notes(lines: &[Line], i: usize) -> bool {
    let long = |i: usize| lines[i].text().len() > SIGNATURE_LINE;
    let ends_sentence = |i: usize| lines[i].text().trim_end_matches(['|', ' ']).ends_with('.');
    let text = lines[i].text();
    let t = text.trim_start_matches(['*', '#', ' ', '|']);
    long(i)
        || t.get(..8).is_some_and(|w| w.eq_ignore_ascii_case("remarks:"))
        || contains_ignore_case(t, "explanation of responses")
        || (ends_sentence(i)
            && (0..i).rev().find(|&p| !lines[p].is_blank()).is_some_and(|p| long(p) && !ends_sentence(p)))
}

/// A signature on one line: the name, then the date (the last cell, or the
/// end of the only cell).
fn signature_line(line: &Line) -> Option<Signature> {
    let filled: Vec<&Cell> = line.filled().collect();
    let last = *filled.last()?;
    let (name_tail, date_text) = match last.text.rsplit_once(' ') {
        Some((name, date)) => (name, date),
        None => ("", last.text.as_str()),
    };
    let date = read_date(date_text)?;
    let mut parts: Vec<&str> = filled[..filled.len() - 1].iter().map(|c| c.text.as_str()).collect();
    if !name_tail.is_empty() {
        parts.push(name_tail);
    }
    let name = parts.join(" ");
    if name.is_empty() {
        return None;
    }
    let name_span = filled.first().map_or(last.span, |c| c.span);
    Some(Signature {
        span: line.span(),
        name: Field { value: Some(name), span: Some(name_span), ..Field::default() },
        date: Field::read(date, last.span),
    })
}

/// A signature written as the name on one line and the date alone on the next.
fn name_then_date(name: &Line, date: &Line) -> Option<Signature> {
    let d = read_date(&date.text())?;
    let text = name.text();
    if read_date(&text).is_some() || is_form_text(name) {
        return None;
    }
    Some(Signature {
        span: name.span().cover(date.span()),
        name: Field::read(text, name.span()),
        date: Field::read(d, date.span()),
    })
}

/// The remarks: the text after "Remarks:" (at `start`) up to `end`.
pub(crate) fn remarks(lines: &[Line], start: Option<usize>, end: usize) -> Field<String> {
    let Some(start) = start else { return Field::default() };
    let mut parts = Vec::new();
    let mut span: Option<Span> = None;
    for (k, line) in lines[start..end.max(start + 1).min(lines.len())].iter().enumerate() {
        let mut text = line.text();
        if k == 0 {
            let t = text.trim_start_matches(['*', ' ', '#']);
            text = t.get("remarks:".len()..).unwrap_or("").trim_start_matches(['*', ' ']).to_owned();
        }
        if text.trim().is_empty() || is_form_text(line) {
            continue;
        }
        span = Some(span.map_or(line.span(), |s| s.cover(line.span())));
        parts.push(text.trim().to_owned());
    }
    if parts.is_empty() {
        return Field { span: lines.get(start).map(Line::span), ..Field::default() };
    }
    Field { value: Some(parts.join(" ")), span, ..Field::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repr::grid::tab_lines;

    #[test]
    fn footnotes_in_every_numbering() {
        let mut diags = Vec::new();
        let lines = tab_lines("Explanation of Responses:\n1. One\ncontinued\n(2) Two\n- (3) Three", 0);
        let notes = footnotes(&lines, &mut diags);
        let texts: Vec<(&str, &str)> = notes.iter().map(|f| (f.id.as_str(), f.text.text())).collect();
        assert_eq!(texts, [("F1", "One continued"), ("F2", "Two"), ("F3", "Three")]);
        assert!(diags.is_empty());
    }

    #[test]
    fn table_figures_strayed_among_the_notes_start_none() {
        let mut diags = Vec::new();
        let lines = tab_lines("Explanation of Responses:\n12.345\n(2)\n1. One.\n2. Two.", 0);
        let notes = footnotes(&lines, &mut diags);
        let texts: Vec<(&str, &str)> = notes.iter().map(|f| (f.id.as_str(), f.text.text())).collect();
        assert_eq!(texts, [("F1", "One."), ("F2", "Two.")]);
    }

    #[test]
    fn a_paragraph_fills_a_gap_in_the_numbers() {
        let mut diags = Vec::new();
        let lines = tab_lines("- (1) One.\nTwo, whose number was lost.\n- (3) Three.", 0);
        let notes = footnotes(&lines, &mut diags);
        let texts: Vec<(&str, &str)> = notes.iter().map(|f| (f.id.as_str(), f.text.text())).collect();
        assert_eq!(texts, [("F1", "One."), ("F2", "Two, whose number was lost."), ("F3", "Three.")]);
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn names_wrapped_around_dates_alone_or_ending_a_line() {
        // Two fictional joint filers' signatures, names wrapped around their
        // dates (one alone on its line, one ending the name's middle line):
        // both read, their names uncertain.
        let text = "This footnote is long enough to run the page's width, as footnotes do, and so ends the signature area.\n\
            EXAMPLE HOLDINGS LLC\nby its Manager 01/02/2020\nJane Doe\nEXAMPLE FUND LP\nby its General\n01/02/2020\n\
            Partner Jane\nDoe\n** Signature of Reporting Person Date";
        let lines = tab_lines(text, 0);
        let (sigs, _) = signatures(&lines, 0, &[lines.len() - 1]);
        let names: Vec<&str> = sigs.iter().map(|s| s.name.text()).collect();
        assert_eq!(
            names,
            [
                "EXAMPLE HOLDINGS LLC by its Manager Jane Doe",
                "EXAMPLE FUND LP by its General Partner Jane Doe"
            ]
        );
        assert!(
            sigs.iter().all(|s| s.name.origin == crate::model::Origin::Uncertain && s.date.value.is_some())
        );
        // A date in the long line above does not count.
        assert_eq!(signature_dates(&lines, &[0]), 0);
    }

    #[test]
    fn signatures_on_one_line_or_two() {
        let lines = tab_lines(
            "\t/s/ A\t01/02/2020\n\t/s/ B\t01/03/2020\n\t** Signature of Reporting Person\tDate",
            0,
        );
        let (sigs, first) = signatures(&lines, 0, &[2]);
        assert_eq!(sigs.len(), 2);
        assert_eq!(sigs[1].name.text(), "/s/ B");
        assert_eq!(first, 0);
        let lines = tab_lines("Signatures\n\n/s/ C\n01/04/2020\n**Signature of Reporting Person Date", 0);
        let (sigs, _) = signatures(&lines, 0, &[4]);
        assert_eq!(sigs[0].name.text(), "/s/ C");
        assert_eq!(sigs[0].date.value.map(|d| d.to_string()).as_deref(), Some("2020-01-04"));
    }

    #[test]
    fn a_name_wrapped_around_its_date_is_read_from_its_slash_s_to_the_mark() {
        let text = "3. Footnote text.\n/s/ Jane Q. Doe, attorney-\n03/05/2024\nin-fact for John Roe\n** Signature of Reporting Person Date";
        let lines = tab_lines(text, 0);
        let (sigs, _) = signatures(&lines, 1, &[4]);
        assert_eq!(sigs[0].name.text(), "/s/ Jane Q. Doe, attorney-in-fact for John Roe");
        assert_eq!(sigs[0].name.origin, crate::model::Origin::Read);
        // Without `/s/`, where the name starts is a guess.
        let text = "3. Footnote text.\nJane Q. Doe, by\n03/05/2024\nPower of Attorney\n** Signature of Reporting Person Date";
        let (sigs, _) = signatures(&tab_lines(text, 0), 1, &[4]);
        assert_eq!(sigs[0].name.origin, crate::model::Origin::Uncertain);
    }

    #[test]
    fn a_name_wrapped_around_the_line_that_ends_with_its_date() {
        // Fictional: the date ends the name's middle line; a long line of
        // remarks above the signature area is none of it.
        let remark = "Remarks: this filing is one of two filed for the same event; the other reports the rest of the sales.";
        let text = format!(
            "{remark}\nBy: Jane Roe by\nPower of Attorney For: John 03/05/2024\nDoe\n** Signature of Reporting Person Date"
        );
        let (sigs, first) = signatures(&tab_lines(&text, 0), 0, &[4]);
        assert_eq!(sigs[0].name.text(), "By: Jane Roe by Power of Attorney For: John Doe");
        // One line of it above the date, right below the remarks' long line: it starts there.
        assert_eq!(sigs[0].name.origin, crate::model::Origin::Read);
        assert_eq!(sigs[0].date.value.map(|d| d.to_string()).as_deref(), Some("2024-03-05"));
        assert_eq!(first, 1);
        // The date on the name's first line: the long line above is not taken.
        let text = format!(
            "{remark}\nBy: Jane Roe by 03/05/2024\nPower of Attorney For: John\nDoe\n** Signature of Reporting Person Date"
        );
        let (sigs, first) = signatures(&tab_lines(&text, 0), 0, &[4]);
        assert_eq!(sigs[0].name.text(), "By: Jane Roe by Power of Attorney For: John Doe");
        assert_eq!(first, 1);
    }

    #[test]
    fn a_name_wrapped_around_its_date_below_the_notes_text_is_read() {
        // Fictional: a name of two lines around its date, right below the notes.
        let long =
            "1. This footnote is long enough to run the page's width, as footnotes do, and it goes on to the";
        let read = |above: &str| {
            let text = format!(
                "{above}\nJane Q. Doe, by\n03/05/2024\nPower of Attorney\n** Signature of Reporting Person Date"
            );
            let lines = tab_lines(&text, 0);
            let (sigs, _) = signatures(&lines, 0, &[lines.len() - 1]);
            (sigs[0].name.text().to_owned(), sigs[0].name.origin)
        };
        let whole = ("Jane Q. Doe, by Power of Attorney".to_owned(), crate::model::Origin::Read);
        // A long line of the notes, the remarks' heading, a paragraph's last line.
        assert_eq!(read(long), whole);
        assert_eq!(read("Remarks:"), whole);
        assert_eq!(read(&format!("{long}\nend of the grant.")), whole);
        // A short line that may be the name's first (the notes' paragraph ended before it).
        assert_eq!(read(&format!("{long} end.\nExample Fund LP")).1, crate::model::Origin::Uncertain);
    }

    #[test]
    fn signatures_not_read_above_those_read_stand_first() {
        let text = "/s/ Jane Doe, Manager,\nExample Fund\n01/02/2020\nGP LLC\n/s/ John Roe\t01/02/2020\n** Signature of Reporting Person Date";
        let lines = tab_lines(text, 0);
        let (sigs, _) = signatures(&lines, 0, &[5]);
        let names: Vec<_> = sigs.iter().map(|s| (s.name.origin, s.name.text())).collect();
        assert_eq!(
            names,
            [(crate::model::Origin::Missing, ""), (crate::model::Origin::Read, "/s/ John Roe")]
        );
        // A date run on from the text before it counts.
        let lines = tab_lines("/s/ A B, for C Securities,01/02/2020\nInc.", 0);
        assert_eq!(signature_dates(&lines, &[1, 0]), 1);
        // The notes above the signatures end their area: their dates are none of theirs.
        let lines = tab_lines("| Option | 01/02/2020 |\n1. Fully vested.\n/s/ A B 01/03/2020", 0);
        assert_eq!(signature_dates(&lines, &[2, 1, 0]), 1);
        let lines = tab_lines("| Option | 01/02/2020 |\nRemarks:\n/s/ A B 01/03/2020", 0);
        assert_eq!(signature_dates(&lines, &[2, 1, 0]), 1);
    }

    #[test]
    fn a_signature_not_read_is_missing() {
        // The mark is there, but nothing above it reads as a name and a date.
        let lines = tab_lines("Remarks:\n\n** Signature of Reporting Person\tDate", 0);
        let (sigs, _) = signatures(&lines, 1, &[2]);
        assert_eq!(sigs.len(), 1);
        assert_eq!(sigs[0].name.origin, crate::model::Origin::Missing);
        assert_eq!(sigs[0].date.origin, crate::model::Origin::Missing);
        // No mark at all: still one signature, missing.
        let (sigs, _) = signatures(&tab_lines("Remarks:\nnone", 0), 0, &[]);
        assert_eq!(sigs.len(), 1);
        assert_eq!(sigs[0].name.origin, crate::model::Origin::Missing);
    }
}
