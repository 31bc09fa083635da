//! PDF text without layout: the PDF's text in drawing order, a cell or a
//! wrapped piece of one per line.
//!
//! Not read by columns: each line is one cell, read by the shared form
//! reader (the header by its labels; the tables by aligning each line's
//! tokens with the form's standard columns). The drawing order keeps no
//! columns — Table II even comes column block by column block, the
//! header's boxes interleave — so every value read from the tables, the
//! owners' boxes, the remarks and the signatures' names is marked
//! uncertain, with a diagnostic: the values are shown, but their places
//! must be checked.

use crate::model::{Field, Filing, Origin};
use crate::repr::cells::MarkStyle;
use crate::repr::form::Grid;
use crate::repr::grid::Line;
use crate::repr::pdf::layout::page_lines;
use crate::repr::pdf::raw_table;

/// Lay PDF text (without layout) out as lines of cells, one a line, for the
/// header, the footnotes and the signatures; Tables I and II are read from
/// the text's blocks ([`raw_table`]).
pub(crate) fn grid(text: &str, base: usize, marks: MarkStyle) -> Grid {
    let lines: Vec<Line> =
        page_lines(text, base).iter().filter(|l| !l.is_blank()).map(|l| l.line()).collect();
    let tables = raw_table::read_tables(&raw_table::blocks(text, base), marks);
    Grid { lines, links: Vec::new(), marks, tables }
}

/// A read value (even an empty one) marked uncertain.
fn doubt<T>(field: &mut Field<T>) {
    if field.origin.is_read() {
        field.origin = Origin::Uncertain;
    }
}

/// Mark every value read from the tables, the owners' boxes and the
/// signatures uncertain (see the module docs).
pub(crate) fn doubt_tables(filing: &mut Filing) {
    // The header's boxes and the signatures come in drawing order too.
    for owner in &mut filing.reporting_owners {
        for field in [
            &mut owner.name,
            &mut owner.address.street1,
            &mut owner.address.street2,
            &mut owner.address.city,
            &mut owner.address.state,
            &mut owner.address.zip_code,
            &mut owner.officer_title,
            &mut owner.other_text,
        ] {
            doubt(field);
        }
        for flag in [
            &mut owner.is_director,
            &mut owner.is_officer,
            &mut owner.is_ten_percent_owner,
            &mut owner.is_other,
        ] {
            doubt(flag);
        }
    }
    for signature in &mut filing.signatures {
        doubt(&mut signature.name);
    }
    doubt(&mut filing.remarks);
}
