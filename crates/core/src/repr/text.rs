//! Text copied from the EDGAR page of a Form 3, 4 or 5 in a browser.
//!
//! Copying a rendered page gives its text with a tab between the cells of a
//! table row and a line break between rows and paragraphs: the header's
//! labels and values one per line (or tab-separated), the column headings
//! of Tables I and II on two lines, one line per row with every cell in
//! place (empty cells as empty fields between tabs), then the further
//! reporting owners, "Explanation of Responses", "Remarks" and the
//! signatures.
//!
//! Not supported: text copied with the tabs replaced by spaces (the cells
//! of a row then run together; use the HTML or the PDF text instead).

use crate::detect::Representation;
use crate::repr::Output;
use crate::repr::cells::MarkStyle;
use crate::repr::form::{self, Grid};
use crate::repr::grid::tab_lines;

/// Parse copied text holding one filing or several.
pub fn parse(text: &str) -> Output {
    // The older print layout writes marks after a space: `Common Stock (1)`.
    let marks = if crate::detect::is_older_layout(text) { MarkStyle::Spaced } else { MarkStyle::Attached };
    form::parse_all(text, Representation::Text, |part, base| Grid {
        lines: tab_lines(part, base),
        links: Vec::new(),
        marks,
        tables: None,
        scrambled_header: false,
        scrambled_tables: false,
        whole_lines: Vec::new(),
    })
}
