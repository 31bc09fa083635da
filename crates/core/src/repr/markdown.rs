//! Markdown made from the EDGAR page or from a PDF of it.
//!
//! Converters from HTML write each table row as a pipe row — `| Common
//! Stock⁽¹⁾ | 05/24/2011 |  | C | … |`, with or without the outer pipes —
//! keep one cell per printed column, inline nested tables into one cell,
//! write footnote marks as `⁽¹⁾`, `<sup>(1)</sup>` or `(1)`, check boxes as
//! `<input checked …>` or `X`, and links to EDGAR company pages (whose CIK
//! is kept). Some write a table's rows tab-separated instead of piped.
//! Each line is unescaped (`\$`, `\*`, `\_`), stripped of emphasis
//! (`**`, `*`, `<u>`) and cut into cells at its pipes and tabs; the form
//! reader does the rest.
//!
//! Markdown made from a PDF has pipe tables too, but their cells follow the
//! PDF's text layout, not the form's columns: its data rows are read by
//! aligning their tokens with the form's columns, and marked uncertain
//! where that is ambiguous. It is told from Markdown made from HTML by the
//! PDF's page furniture (the printing date and time, the page's address):
//! its header boxes lose their lines and columns, so the names, addresses,
//! relationships and titles read from them are marked uncertain (not in the
//! older vendor print, whose boxes keep their lines) — except the issuer's
//! name where it stands whole in a cell of its own
//! (see `header::issuer_stands_alone`), and the values that stand whole
//! however the boxes were scattered (see `header::read_owner_block`).
//!
//! Not supported: Markdown tables whose cells were wrapped over several
//! lines by the converter (each line is read as a row).

use crate::detect::Representation;
use crate::repr::Output;
use crate::repr::cells::{Cell, MarkStyle};
use crate::repr::form::{self, Grid, Link};
use crate::repr::grid::{Line, find_ignore_case};
use crate::source::{Span, byte_flags, lines, skip_unflagged};

/// Parse Markdown holding one filing or several.
pub fn parse(text: &str) -> Output {
    form::parse_all(text, Representation::Markdown, grid)
}

/// The lines of Markdown as cells (`base`: the offset of `text` in the input).
pub(crate) fn grid(text: &str, base: usize) -> Grid {
    let mut out = Vec::new();
    let mut links = Vec::new();
    let superscripts = text.contains('⁽') || text.contains("<sup>");
    let mut from_pdf = false;
    // The cells' byte ranges of each line in turn (one buffer for all lines).
    let mut ranges = Vec::new();
    for (start, raw) in lines(text) {
        let start = start + base;
        if is_separator(raw) {
            continue;
        }
        cell_ranges(raw, &mut ranges);
        let mut cells = Vec::with_capacity(ranges.len());
        for &(a, b) in &ranges {
            let piece = &raw[a..b];
            let rest = crate::source::trim_start(piece);
            let (lead, trimmed) = (piece.len() - rest.len(), crate::source::trim(rest));
            let span = Span::new(start + a + lead, start + a + lead + trimmed.len());
            let (clean, cik) = clean(trimmed);
            if let Some(cik) = cik {
                links.push(Link { span, cik });
            }
            cells.push(Cell::from_string(clean, span));
        }
        // Drop the empty cells the outer pipes of `| a | b |` make (a row
        // written `a | b |` has no outer pipes: its last cell is just empty).
        // Page furniture of a PDF the Markdown was made from.
        if cells.iter().any(|c: &Cell| crate::repr::pdf::is_furniture(&c.text)) {
            from_pdf = true;
            continue;
        }
        if raw.trim_start().starts_with('|') {
            if cells.first().is_some_and(Cell::is_empty) {
                cells.remove(0);
            }
            if raw.trim_end().ends_with('|') && cells.last().is_some_and(Cell::is_empty) {
                cells.pop();
            }
        }
        out.push(Line::new(cells));
    }
    let marks = if superscripts { MarkStyle::Superscript } else { MarkStyle::Attached };
    // The older vendor print keeps its boxes as lines of their own.
    let scrambled_header = from_pdf && !crate::detect::is_older_layout(text);
    Grid {
        lines: out,
        links,
        marks,
        tables: None,
        scrambled_header,
        scrambled_tables: scrambled_header,
        whole_lines: Vec::new(),
    }
}

/// A table's header separator row: `| --- | :-: |`, `---|---`.
fn is_separator(line: &str) -> bool {
    let t = crate::source::trim(line);
    // The character test first: it fails at the first character of nearly every line.
    t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) && t.contains("---")
}

/// The byte ranges of a line's cells, split at unescaped pipes and tabs,
/// put in `out` (cleared first).
fn cell_ranges(line: &str, out: &mut Vec<(usize, usize)>) {
    let bytes = line.as_bytes();
    out.clear();
    let mut start = 0;
    let mut i = 0;
    loop {
        // Eight bytes a step, up to the first escape, pipe or tab.
        i = skip_unflagged(bytes, i, |w| byte_flags(w, b'\\') | byte_flags(w, b'|') | byte_flags(w, b'\t'));
        let Some(&byte) = bytes.get(i) else { break };
        match byte {
            b'\\' => i += 2,
            b'|' | b'\t' => {
                out.push((start, i));
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    out.push((start, bytes.len().max(start)));
}

/// A cell's text without Markdown: escapes resolved, emphasis and `<u>`
/// dropped, links reduced to their text (and the CIK of an EDGAR company
/// link returned).
fn clean(cell: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(cell.len());
    let mut cik = None;
    let bytes = cell.as_bytes();
    let mut i = 0;
    while i < cell.len() {
        // Text up to the next byte Markdown gives a meaning goes as it is.
        let plain = bytes[i..].iter().position(|b| matches!(b, b'\\' | b'*' | b'_' | b'[' | b'<'));
        let plain_end = plain.map_or(cell.len(), |k| i + k);
        if plain_end > i {
            out.push_str(&cell[i..plain_end]);
            i = plain_end;
            continue;
        }
        let rest = &cell[i..];
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '\\' => {
                if let Some(next) = rest[1..].chars().next() {
                    out.push(next);
                    i += 1 + next.len_utf8();
                } else {
                    i += 1;
                }
                continue;
            }
            // Emphasis; a lone `*` between spaces (`* Date set forth…`) is text.
            '*' if !is_lone(bytes, i) => {
                i += 1;
                continue;
            }
            '_' if is_emphasis(bytes, i) => {
                i += 1;
                continue;
            }
            '[' => {
                if let Some((text, url, len)) = link(rest) {
                    if let Some(at) = find_ignore_case(url, "cik=") {
                        let digits: String = url[at + 4..].chars().take_while(char::is_ascii_digit).collect();
                        if !digits.is_empty() {
                            cik = Some(digits);
                        }
                    }
                    out.push_str(&clean(text).0);
                    i += len;
                    continue;
                }
            }
            '<' => {
                let lower = rest.get(..5).unwrap_or(rest).to_ascii_lowercase();
                let tag_len = rest.find('>').map(|k| k + 1);
                let strip =
                    ["<u>", "</u>", "<b>", "</b>", "<i>", "</i>", "<em>", "</em", "<br", "<stro", "</str"];
                if let Some(len) = tag_len
                    && strip.iter().any(|t| lower.starts_with(t))
                {
                    out.push(' ');
                    i += len;
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        i += c.len_utf8();
    }
    (out, cik)
}

/// Whether the unescaped `_` at `i` is emphasis (`_See_`, `_/s/ Name_`),
/// not text: a single underscore opening or closing a run of text.
fn is_emphasis(bytes: &[u8], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| bytes[k]);
    let after = bytes.get(i + 1).copied();
    if before == Some(b'_') || after == Some(b'_') {
        return false;
    }
    let text = |b: Option<u8>| b.is_some_and(|b| !b.is_ascii_whitespace());
    (text(after) && !text(before)) || (text(before) && !text(after))
}

/// Whether the byte at `i` stands alone: at the text's ends or between spaces.
fn is_lone(bytes: &[u8], i: usize) -> bool {
    let space = |b: Option<&u8>| b.is_none_or(u8::is_ascii_whitespace);
    space(i.checked_sub(1).and_then(|k| bytes.get(k))) && space(bytes.get(i + 1))
}

/// `[text](url)` at the start of `s`: the text, the url, the length.
fn link(s: &str) -> Option<(&str, &str, usize)> {
    let close = s.find("](")?;
    let end = s[close + 2..].find(')')? + close + 2;
    Some((&s[1..close], &s[close + 2..end], end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_split_at_pipes_and_tabs_not_escaped_wherever_they_stand() {
        // Character by character: a backslash escapes the character after it.
        let by_chars = |line: &str| {
            let (mut out, mut start, mut escaped) = (Vec::new(), 0, false);
            for (i, c) in line.char_indices() {
                if std::mem::take(&mut escaped) {
                    continue;
                }
                escaped = c == '\\';
                if c == '|' || c == '\t' {
                    out.push((start, i));
                    start = i + 1;
                }
            }
            out.push((start, line.len()));
            out
        };
        let mut ranges = Vec::new();
        for pad in 0..10 {
            for tail in ["| a | b \\| c |", "x\ty\\\t|", "long cell text | é | \\", "no pipe at all here", ""]
            {
                let line = format!("{}{tail}", "w".repeat(pad));
                cell_ranges(&line, &mut ranges);
                assert_eq!(ranges, by_chars(&line), "{line:?}");
            }
        }
    }

    #[test]
    fn pipe_rows_become_cells() {
        let g = grid(
            "| a | b |  | ⁽¹⁾ |\n| --- | --- |\nx \\| y | [Doe Jane](/cgi-bin/browse-edgar?action=getcompany&CIK=0001) |",
            0,
        );
        assert_eq!(g.lines.len(), 2);
        let texts: Vec<&str> = g.lines[0].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["a", "b", "", "⁽¹⁾"]);
        let texts: Vec<&str> = g.lines[1].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["x | y", "Doe Jane", ""]);
        assert_eq!(g.links[0].cik, "0001");
        assert_eq!(g.marks, MarkStyle::Superscript);
    }

    #[test]
    fn tables_of_markdown_made_from_a_pdf_are_read_against_the_forms_columns() {
        // A fictional Form 3's Table I: its headings read, but a wrapped nature
        // of ownership stands on plain lines around its pipe row, which has
        // more cells than the form has columns.
        let text = "1/2/25, 9:00 AM SEC FORM 3\nFORM 3\nTable I - Non-Derivative Securities Beneficially Owned\n\
            1. Title of Security (Instr. 4) 2. Amount of Securities 3. Ownership 4. Nature of Indirect Beneficial\n\
            Example Holdings\n\
            | Common Stock |  |  | 1,000 |  | I |  |\n\
            | --- | --- | --- | --- | --- | --- | --- |\n\
            Fund, L.P.(1)\n\
            Explanation of Responses:\n";
        let g = grid(text, 0);
        assert!(g.scrambled_tables);
        let out = parse(text);
        let rows = &out.filings[0].non_derivative_table;
        assert_eq!(rows.len(), 1, "the lines of the wrapped nature are no rows: {rows:?}");
        assert_eq!(rows[0].security_title.text(), "Common Stock");
        assert_eq!(rows[0].shares_owned_following_transaction.decimal(), Some(1000.into()));
        // The row's cells are centred on its line: the title stands whole on
        // it, and the plain lines above and below are the wrapped nature's.
        assert!(rows[0].security_title.origin.is_read());
        assert_eq!(rows[0].nature_of_ownership.text(), "Example Holdings Fund, L.P.");
        assert!(rows[0].nature_of_ownership.origin.is_read());
    }

    #[test]
    fn a_form_3_derivative_holding_needs_no_amount_owned_following() {
        // A fictional Form 3's Table II, which prints the underlying amount
        // and no amount owned following: its holding is whole without one.
        let table = "1/2/25, 9:00 AM SEC FORM 3\nFORM 3\n\
            Table I - Non-Derivative Securities Beneficially Owned\n\
            Table II - Derivative Securities Beneficially Owned\n\
            1. Title of Derivative Security (Instr. 4) 2. Date Exercisable and 3. Title and Amount of Securities 4. 5. 6. Nature of\n";
        let text = format!(
            "{table}Series A Preferred Stock (1) (1) Common Stock 1,000 (1) I By Trust\nExplanation of Responses:\n"
        );
        let out = parse(&text);
        let row = &out.filings[0].derivative_table[0];
        assert_eq!(row.security_title.text(), "Series A Preferred Stock");
        assert_eq!(row.underlying_security_title.text(), "Common Stock");
        assert_eq!(row.underlying_security_shares.decimal(), Some(1000.into()));
        assert!(row.underlying_security_shares.origin.is_read(), "{:?}", out.filings[0].diagnostics);
        assert!(row.security_title.origin.is_read(), "{:?}", out.filings[0].diagnostics);
        assert!(row.expiration_date.origin.is_read());
        // Its underlying title wrapped around it, off its line: its values are a row's still.
        let text = format!(
            "{table}Common\nSeries A Preferred Stock (1) (1) 1,000 (1) I By Trust\nStock\nExplanation of Responses:\n"
        );
        let out = parse(&text);
        let row = &out.filings[0].derivative_table[0];
        assert_eq!(row.underlying_security_shares.decimal(), Some(1000.into()));
        assert!(row.underlying_security_shares.origin.is_read(), "{:?}", out.filings[0].diagnostics);
        assert!(row.underlying_security_title.value.is_none());
        // Its dates not shown (fallen onto a line of their own): a piece of a row, in doubt.
        let text = format!(
            "{table}Series A Preferred Stock Common Stock 1,000 I By Trust\nExplanation of Responses:\n"
        );
        let out = parse(&text);
        let row = &out.filings[0].derivative_table[0];
        assert_eq!(row.underlying_security_shares.decimal(), Some(1000.into()));
        assert!(!row.underlying_security_shares.origin.is_read());
    }

    #[test]
    fn a_code_alone_on_a_line_below_its_row_is_no_heading() {
        // A fictional Form 4's Table I: the award's code `A` fell below its
        // row's line. The headings print `(A)` in parentheses, never bare.
        let text = "1/2/25, 9:00 AM SEC FORM 4\nFORM 4\n\
            Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\
            1. Title of Security (Instr. 3) 2. Transaction 2A. Deemed 3. 4. Securities Acquired (A) or 5. Amount of\n\
            | Common Stock |  | 06/08/2022 |  | 1,000(1) A | $0 5,000 | D |  |\n\
            A\n\
            | Common Stock |  |  |  |  | 7,000 | I | By Trust |\n\
            Explanation of Responses:\n";
        let out = parse(text);
        let rows = &out.filings[0].non_derivative_table;
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[0].transaction_code.value, Some(crate::model::TransactionCode::A));
    }

    #[test]
    fn a_wrapped_line_of_heading_words_between_rows_is_no_heading() {
        // A fictional Form 4's holdings, their natures wrapped around their
        // lines: `and`, a word of the headings too, stands on a line of its own.
        let table = "1/2/25, 9:00 AM SEC FORM 4\nFORM 4\n\
            Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\
            1. Title of Security (Instr. 3) 2. Transaction 2A. Deemed 3. 4. Securities Acquired (A) or 5. Amount of\n";
        let body = "By Trust\n\
            | Common Stock |  |  |  |  | 1,000 | I | for |\n\
            Children\nBy Wife's\nTrust\n\
            | Common Stock |  |  |  |  | 2,000 | I |  |\n\
            and\nChildren\n";
        let text = format!("{table}{body}Explanation of Responses:\n");
        let out = parse(&text);
        let rows = &out.filings[0].non_derivative_table;
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[0].nature_of_ownership.text(), "By Trust for Children");
        assert_eq!(rows[1].nature_of_ownership.text(), "By Wife's Trust and Children");
        assert!(rows[1].nature_of_ownership.origin.is_read());
        // Below a page break's title, the headings are printed again: not rows.
        let text = format!(
            "{table}{body}Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n\
            1. Title of Security (Instr. 3) 2. Transaction 2A. Deemed 3. 4. Securities Acquired (A) or 5. Amount of\n\
            Date Execution Date, Transaction Disposed Of (D) (Instr. 3, 4 and 5) Securities\n\
            | Common Stock |  |  |  |  | 3,000 | D |  |\nExplanation of Responses:\n"
        );
        let out = parse(&text);
        let rows = &out.filings[0].non_derivative_table;
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[1].nature_of_ownership.text(), "By Wife's Trust and Children");
    }

    #[test]
    fn an_amendments_date_not_found_in_a_header_made_from_a_pdf_is_missing() {
        // A fictional Form 4/A whose amendment date went astray.
        let text = "1/2/25, 9:00 AM SEC FORM 4/A\nFORM 4/A\n4. If Amendment, Date of Original Filed (Month/Day/Year)\n\
            Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\nExplanation of Responses:\n";
        let out = parse(text);
        assert_eq!(out.filings[0].date_of_original_submission.origin, crate::model::Origin::Missing);
    }

    #[test]
    fn a_mark_standing_apart_in_a_table_made_from_a_pdf_is_a_cell_of_its_own() {
        // A fictional Form 3's holding on a plain line: its nature of
        // ownership is given only by footnote 2, standing apart.
        let text = "1/2/25, 9:00 AM SEC FORM 3\nFORM 3\nTable I - Non-Derivative Securities Beneficially Owned\n\
            1. Title of Security (Instr. 4) 2. Amount of Securities 3. Ownership 4. Nature of Indirect Beneficial\n\
            Common Stock(1) 1,000 I (2)\n\
            Explanation of Responses:\n";
        let out = parse(text);
        let row = &out.filings[0].non_derivative_table[0];
        let id = crate::model::FootnoteId::numbered;
        assert_eq!(row.security_title.text(), "Common Stock");
        assert_eq!(row.security_title.footnotes, vec![id(1)]);
        assert_eq!(row.nature_of_ownership.value, None);
        assert_eq!(row.nature_of_ownership.footnotes, vec![id(2)]);
    }

    #[test]
    fn markdown_is_unescaped() {
        assert_eq!(clean("\\$ 4.8").0, "$ 4.8");
        assert_eq!(clean("**FORM 4**").0, "FORM 4");
        assert_eq!(clean("\\_\\_X\\_\\_ Director").0, "__X__ Director");
        assert_eq!(clean("*See* Instruction 1(b)").0, "See Instruction 1(b)");
        assert_eq!(clean("* Date set forth above").0, "* Date set forth above");
        assert_eq!(clean("**Remarks:**").0, "Remarks:");
        assert_eq!(clean("_See_ Instruction").0, "See Instruction");
        assert_eq!(clean("_/s/ Jane Doe_").0, "/s/ Jane Doe");
        assert_eq!(clean("snake_case").0, "snake_case");
        assert_eq!(clean("<u>VP, Engineering</u>").0.trim(), "VP, Engineering");
        assert_eq!(clean("M <sup>(1)</sup>").0, "M <sup>(1)</sup>");
    }
}
