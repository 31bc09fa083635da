//! The rendering-independent shape every lossy reader produces first: lines
//! of cells, in reading order, each cell with its span in the input.
//!
//! A line is what a browser's copied text puts on one line: the cells of a
//! table row (tab-separated when copied), or one paragraph of text (a single
//! cell). The readers of the form ([`crate::repr::form`]) work on lines only,
//! so the HTML page, the copied text and the Markdown conversions of it share
//! one reader.

use crate::repr::cells::Cell;
use crate::source::Span;

/// One line of a rendering: a table row's cells, or a paragraph (one cell).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Line {
    /// The cells, empty ones included (their position matters in table rows).
    pub cells: Vec<Cell>,
}

impl Line {
    /// A line of the given cells.
    pub fn new(cells: Vec<Cell>) -> Line {
        Line { cells }
    }

    /// The non-empty cells.
    pub fn filled(&self) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(|c| !c.is_empty())
    }

    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.filled().next().is_none()
    }

    /// The text of the non-empty cells, joined by one space.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.text_into(&mut out);
        out
    }

    /// [`Line::text`], written over `out` (a buffer kept from line to line).
    pub fn text_into(&self, out: &mut String) {
        out.clear();
        out.reserve(self.filled().map(|c| c.text.len() + 1).sum());
        for cell in self.filled() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&cell.text);
        }
    }

    /// The span from the first to the last cell (empty cells included).
    pub fn span(&self) -> Span {
        match (self.cells.first(), self.cells.last()) {
            (Some(a), Some(b)) => a.span.cover(b.span),
            _ => Span::default(),
        }
    }

    /// Whether the line's text starts with `prefix` (ASCII case ignored).
    pub fn starts_with(&self, prefix: &str) -> bool {
        self.filled().next().is_some_and(|c| starts_with_ignore_case(&c.text, prefix))
    }
}

/// Whether `text` starts with `prefix`, ASCII case ignored.
pub(crate) fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len() && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Whether `text` contains `needle` (which must be lower case), ASCII case ignored.
pub(crate) fn contains_ignore_case(text: &str, needle: &str) -> bool {
    find_ignore_case(text, needle).is_some()
}

/// The byte offset of the first occurrence of `needle` (lower case) in `text`, ASCII case ignored.
pub(crate) fn find_ignore_case(text: &str, needle: &str) -> Option<usize> {
    let (h, n) = (text.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    if h.len() < n.len() {
        return None;
    }
    // The whole needle is compared only where its first byte may match:
    // with the case bit set, a letter equals its own two cases only (any
    // other byte a few more, which the whole comparison then turns down).
    let first = n[0] | 0x20;
    (0..=h.len() - n.len()).find(|&i| h[i] | 0x20 == first && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The lines of tab-separated text (browser-copied text): one line per text
/// line, one cell per tab-separated field.
pub(crate) fn tab_lines(text: &str, base: usize) -> Vec<Line> {
    crate::source::lines(text)
        .map(|(start, line)| {
            let mut cells = Vec::new();
            let mut offset = start;
            for field in line.split('\t') {
                let lead = field.len() - field.trim_start().len();
                let trimmed = field.trim();
                let s = base + offset + lead;
                cells.push(Cell::new(trimmed, Span::new(s, s + trimmed.len())));
                offset += field.len() + 1;
            }
            Line::new(cells)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_lines_keep_empty_cells_and_spans() {
        let text = "a\t\tb c \nX\tDirector";
        let lines = tab_lines(text, 10);
        assert_eq!(lines.len(), 2);
        let texts: Vec<&str> = lines[0].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["a", "", "b c"]);
        assert_eq!(lines[0].cells[2].span, Span::new(13, 16));
        assert_eq!(lines[1].text(), "X Director");
        assert!(lines[1].starts_with("x"));
    }
}
