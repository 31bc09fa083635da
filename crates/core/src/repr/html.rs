//! The EDGAR-rendered HTML page of a Form 3, 4 or 5 (a saved page, or the
//! HTML flavour of the clipboard).
//!
//! EDGAR renders the ownership XML through its stylesheets into regular,
//! generated markup: nested `<table>`s for the header, one `<tr>` per row
//! of Tables I and II with one `<td>` per printed column, footnote marks as
//! `<sup>(1)</sup>`, owners and issuers linked to their EDGAR page
//! (`…browse-edgar?action=getcompany&CIK=…`). A small tolerant tokenizer
//! walks the tags and lays the text out the way a browser's `innerText`
//! does — a line per row or block, a cell per `<td>` — so the page is read
//! by the same form reader as the copied text; the CIKs come from the links.
//!
//! Not supported: script-built pages (only the markup is read) and
//! stylesheets that position text with CSS instead of tables.

use crate::detect::Representation;
use crate::repr::Output;
use crate::repr::cells::{Cell, MarkStyle, superscript_of};
use crate::repr::form::{self, Grid, Link};
use crate::repr::grid::{Line, find_ignore_case};
use crate::source::Span;

/// Parse EDGAR HTML pages (one or several, one after the other).
pub fn parse(text: &str) -> Output {
    form::parse_all(text, Representation::Html, grid)
}

/// Builds lines of cells as a browser lays the text out.
#[derive(Default)]
struct Layout {
    lines: Vec<Line>,
    cells: Vec<Cell>,
    text: String,
    span: Option<Span>,
    /// Whether a cell is open (inside `<td>`), so text goes into it.
    in_cell: bool,
    /// Depth of `<sup>` elements: their digits become superscript marks.
    sup: usize,
    links: Vec<Link>,
}

impl Layout {
    fn push_text(&mut self, text: &str, span: Span) {
        if text.trim().is_empty() {
            if !self.text.is_empty() {
                self.text.push(' ');
            }
            return;
        }
        if self.sup > 0 {
            self.text.extend(text.chars().map(superscript_of));
        } else {
            self.text.push_str(text);
        }
        self.span = Some(self.span.map_or(span, |s| s.cover(span)));
    }

    /// Close the current cell (if it has text or is an open `<td>`).
    fn end_cell(&mut self, at: usize) {
        if self.in_cell || !self.text.trim().is_empty() {
            let span = self.span.unwrap_or(Span::new(at, at));
            self.cells.push(Cell::new(&self.text, span));
        }
        self.text.clear();
        self.span = None;
    }

    /// Start a new line (a row, a block, a `<br>`).
    fn break_line(&mut self, at: usize) {
        let was_in_cell = self.in_cell;
        if !self.text.trim().is_empty() {
            self.end_cell(at);
        } else {
            self.text.clear();
            self.span = None;
        }
        if self.cells.iter().any(|c| !c.is_empty()) {
            self.lines.push(Line::new(std::mem::take(&mut self.cells)));
        } else {
            self.cells.clear();
        }
        self.in_cell = was_in_cell;
    }
}

/// Lay the page out into lines of cells (`base`: the offset of `src` in the input).
pub(crate) fn grid(src: &str, base: usize) -> Grid {
    let mut out = Layout::default();
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut skip_until: Option<&'static str> = None;
    let mut link: Option<(String, Option<Span>)> = None;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let end = src[i..].find('<').map_or(src.len(), |k| i + k);
            if skip_until.is_none() {
                let raw = &src[i..end];
                let decoded = decode_entities(raw);
                let lead = raw.len() - raw.trim_start().len();
                let trimmed = raw.trim();
                let span = Span::new(base + i + lead, base + i + lead + trimmed.len());
                out.push_text(&decoded, span);
                if let Some((_, s)) = link.as_mut()
                    && !trimmed.is_empty()
                {
                    *s = Some(s.map_or(span, |x| x.cover(span)));
                }
            }
            i = end;
            continue;
        }
        // Comments and declarations.
        if src[i..].starts_with("<!--") {
            i = src[i..].find("-->").map_or(src.len(), |k| i + k + 3);
            continue;
        }
        let Some(close) = src[i..].find('>') else {
            break;
        };
        let tag = &src[i + 1..i + close];
        let tag_end = i + close + 1;
        let (is_end, name, attrs) = parse_tag(tag);
        if let Some(until) = skip_until {
            if is_end && name.eq_ignore_ascii_case(until) {
                skip_until = None;
            }
            i = tag_end;
            continue;
        }
        let lower = name.to_ascii_lowercase();
        match (lower.as_str(), is_end) {
            ("script" | "style" | "head" | "title", false) => {
                skip_until = Some(match lower.as_str() {
                    "script" => "script",
                    "style" => "style",
                    "head" => "head",
                    _ => "title",
                });
            }
            ("td" | "th", false) => {
                out.end_cell(base + i);
                out.in_cell = true;
            }
            ("td" | "th", true) => {
                out.end_cell(base + i);
                out.in_cell = false;
            }
            ("tr", _) => {
                out.end_cell(base + i);
                out.in_cell = false;
                out.break_line(base + i);
            }
            (
                "table" | "div" | "p" | "br" | "hr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "dd"
                | "dt" | "ul" | "ol" | "center" | "body",
                _,
            ) => out.break_line(base + i),
            ("input", false) => {
                let checked = find_ignore_case(attrs, "checked").is_some();
                out.push_text(if checked { " ☒ " } else { " ☐ " }, Span::new(base + i, base + tag_end));
            }
            ("sup", false) => out.sup += 1,
            ("sup", true) => out.sup = out.sup.saturating_sub(1),
            ("a", false) => {
                link = cik_of(attrs).map(|cik| (cik, None));
            }
            ("a", true) => {
                if let Some((cik, Some(span))) = link.take() {
                    out.links.push(Link { span, cik });
                }
            }
            _ => {}
        }
        i = tag_end;
    }
    out.break_line(base + src.len());
    Grid {
        lines: out.lines,
        links: out.links,
        marks: MarkStyle::Superscript,
        tables: None,
        scrambled_header: false,
        scrambled_tables: false,
        whole_lines: Vec::new(),
    }
}

/// `/name attrs` → (is end tag, name, attributes).
fn parse_tag(tag: &str) -> (bool, &str, &str) {
    let (is_end, rest) = match tag.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, tag),
    };
    let name_end = rest.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(rest.len());
    (is_end, &rest[..name_end], &rest[name_end..])
}

/// The CIK in an EDGAR company link (`…CIK=0001519339…`).
fn cik_of(attrs: &str) -> Option<String> {
    let at = find_ignore_case(attrs, "cik=")?;
    let digits: String = attrs[at + 4..].chars().take_while(|c| c.is_ascii_digit()).collect();
    (!digits.is_empty()).then_some(digits)
}

/// Decode the character references of HTML text.
pub(crate) fn decode_entities(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&after[..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "sect" => '§',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "frac12" => '½',
        "bull" => '•',
        "hellip" => '…',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_lines_of_cells() {
        let page = "<html><head><title>x</title></head><body><table><tr><td><span>Common Stock</span><sup>(1)</sup></td>\
                    <td>05/24/2011</td><td></td><td>A&amp;B</td></tr></table>\
                    <a href=\"/cgi-bin/browse-edgar?action=getcompany&amp;CIK=0001519339\">Doe Jane</a></body></html>";
        let g = grid(page, 0);
        assert_eq!(g.lines.len(), 2);
        let texts: Vec<&str> = g.lines[0].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Common Stock⁽¹⁾", "05/24/2011", "", "A&B"]);
        assert_eq!(g.lines[1].text(), "Doe Jane");
        assert_eq!(g.links, vec![Link { span: g.lines[1].cells[0].span, cik: "0001519339".into() }]);
        assert_eq!(&page[g.lines[1].cells[0].span.range()], "Doe Jane");
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(decode_entities("a&nbsp;b &#36;5 &#x41; &bogus; &"), "a\u{a0}b $5 A &bogus; &");
    }
}
