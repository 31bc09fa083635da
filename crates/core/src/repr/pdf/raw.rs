//! PDF text without layout: the PDF's text in drawing order, a cell or a
//! wrapped piece of one per line.
//!
//! Not read by columns yet: each line is one cell, read by the shared form
//! reader (tables by aligning each line's tokens with the columns).

use crate::repr::cells::MarkStyle;
use crate::repr::form::Grid;
use crate::repr::pdf::layout::page_lines;

/// Lay PDF text (without layout) out as lines of cells.
pub(crate) fn grid(text: &str, base: usize, marks: MarkStyle) -> Grid {
    let lines = page_lines(text, base).iter().filter(|l| !l.is_blank()).map(|l| l.line()).collect();
    Grid { lines, links: Vec::new(), marks, tables: None }
}
