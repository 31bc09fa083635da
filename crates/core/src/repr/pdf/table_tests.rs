//! Tests of the table reader of PDF text with layout ([`super`]).

use super::*;
use crate::model::{AcquiredDisposed, DirectIndirect, Origin, TransactionCode};
use crate::repr::pdf::layout::page_lines;

/// A line with each text starting at its column.
fn at(parts: &[(usize, &str)]) -> String {
    let mut line = String::new();
    for &(col, text) in parts {
        while line.len() < col {
            line.push(' ');
        }
        line.push_str(text);
    }
    line
}

/// The heading lines of [`table_i`].
fn table_i_headings() -> Vec<String> {
    table_i().lines().take_while(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// A fictional purchase's values on `date`, one line in Table I's columns.
fn purchase_line(date: &str) -> String {
    at(&[(72, date), (115, "P"), (133, "100"), (153, "A"), (160, "$1.00"), (178, "1,100"), (209, "D")])
}

/// Table I as a browser prints the EDGAR page (a fictional filing):
/// headings wrapped in their columns, a nature of ownership wrapped
/// around its row, a row whose last cells slipped to the next line.
fn table_i() -> String {
    [
        at(&[
            (2, "1. Title of Security (Instr. 3)"),
            (71, "2. Transaction"),
            (93, "2A. Deemed"),
            (113, "3."),
            (132, "4. Securities Acquired (A) or"),
            (175, "5. Amount of"),
            (202, "6. Ownership"),
            (225, "7. Nature of"),
        ]),
        at(&[
            (71, "Date"),
            (93, "Execution Date,"),
            (113, "Transaction"),
            (132, "Disposed Of (D) (Instr. 3, 4 and 5)"),
            (175, "Securities"),
            (202, "Form: Direct"),
            (225, "Indirect"),
        ]),
        at(&[
            (71, "(Month/Day/Year)"),
            (93, "if any"),
            (113, "Code (Instr."),
            (175, "Beneficially Owned"),
            (202, "(D) or Indirect"),
            (225, "Beneficial"),
        ]),
        at(&[
            (93, "(Month/Day/Year)"),
            (113, "8)"),
            (175, "Following Reported"),
            (202, "(I) (Instr. 4)"),
            (225, "Ownership"),
        ]),
        at(&[(149, "(A) or"), (175, "Transaction(s)"), (225, "(Instr. 4)")]),
        at(&[(113, "Code"), (128, "V"), (132, "Amount"), (159, "Price"), (175, "(Instr. 3 and 4)")]),
        at(&[(149, "(D)")]),
        String::new(),
        at(&[(225, "See")]),
        at(&[
            (2, "Common Stock(1)"),
            (72, "01/15/2024"),
            (115, "P"),
            (133, "1,000"),
            (153, "A"),
            (160, "$12.50(2)"),
            (178, "11,000"),
            (209, "I"),
        ]),
        at(&[(225, "footnote(3)")]),
        at(&[
            (2, "Common Stock"),
            (72, "01/16/2024"),
            (115, "S"),
            (133, "400"),
            (153, "D"),
            (160, "$13.25"),
            (168, "(4)"),
        ]),
        at(&[(178, "10,600"), (209, "D")]),
    ]
    .join("\n")
}

#[test]
fn rows_are_read_by_columns() {
    let text = table_i();
    let page = page_lines(&text, 0);
    let mut diags = Vec::new();
    let rows = read(&page, Table::NonDerivative, MarkStyle::Attached, Wrap::Centred, &mut diags);
    assert_eq!(rows.len(), 2, "{diags:?}");
    let r = &rows[0];
    assert_eq!(r.security_title.text(), "Common Stock");
    assert_eq!(r.security_title.footnotes.len(), 1);
    assert_eq!(r.transaction_code.copied(), Some(TransactionCode::P));
    assert_eq!(r.transaction_shares.decimal(), Some(1_000.into()));
    assert_eq!(r.transaction_acquired_disposed_code.copied(), Some(AcquiredDisposed::Acquired));
    assert_eq!(r.transaction_price_per_share.decimal(), Some(rust_decimal::Decimal::new(1250, 2)));
    assert_eq!(r.shares_owned_following_transaction.decimal(), Some(11_000.into()));
    assert_eq!(r.direct_or_indirect_ownership.copied(), Some(DirectIndirect::Indirect));
    assert_eq!(r.nature_of_ownership.text(), "See footnote");
    assert_eq!(r.nature_of_ownership.footnotes.len(), 1);
    let r = &rows[1];
    assert_eq!(r.transaction_price_per_share.footnotes.len(), 1, "the mark after a gap belongs to the price");
    assert_eq!(r.shares_owned_following_transaction.decimal(), Some(10_600.into()));
    assert_eq!(r.direct_or_indirect_ownership.copied(), Some(DirectIndirect::Direct));
    assert!(r.nature_of_ownership.value.is_none());
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn older_print_rows_start_with_marks_standing_for_values() {
    // Form 3's Table II in the older print (fictional holdings): each
    // row's first line has the title's first word, a mark in each date
    // and price column and the ownership letter; the amount hangs below
    // the underlying title on the next line, with the title's second word
    // (one value: it does not start a row).
    let row = |title: &str, amount: &str| {
        [
            at(&[(0, title), (19, "(1) (1)"), (47, "Common Stock"), (78, "(1)"), (99, "D")]),
            at(&[(0, "Preferred"), (47, amount)]),
            at(&[(0, "Stock")]),
        ]
    };
    let mut lines = vec![
        at(&[
            (0, "1. Title of"),
            (19, "2. Date Exercisable and"),
            (47, "3. Title and Amount"),
            (78, "4. Conversion or"),
            (99, "5. Ownership Form of"),
            (123, "6. Nature of Indirect"),
        ]),
        at(&[
            (0, "Derivative"),
            (19, "Expiration Date"),
            (47, "of Securities"),
            (78, "Exercise Price of"),
            (99, "Derivative Security:"),
            (123, "Beneficial Ownership"),
        ]),
        at(&[
            (0, "Security"),
            (19, "(Month/Day/Year)"),
            (47, "Underlying"),
            (78, "Derivative"),
            (99, "Direct (D) or Indirect"),
            (123, "(Instr. 5)"),
        ]),
        at(&[(47, "Derivative Security"), (78, "Security"), (99, "(I) (Instr. 5)")]),
        at(&[(19, "Date Exercisable"), (47, "Title Amount or")]),
        at(&[(19, "Expiration Date"), (47, "Number of Shares")]),
    ];
    lines.extend(row("Series A", "1,000"));
    lines.extend(row("Series B", "2,500"));
    lines.push(String::new());
    lines.extend(row("Series C", "300"));
    let page = page_lines(&lines.join("\n"), 0);
    let mut diags = Vec::new();
    let rows = read(&page, Table::Derivative, MarkStyle::Spaced, Wrap::Hanging, &mut diags);
    // Each row read as a row of its own (not hung from the row above).
    let titles: Vec<_> = rows.iter().map(|r| r.security_title.text()).collect();
    assert_eq!(titles, ["Series A Preferred Stock", "Series B Preferred Stock", "Series C Preferred Stock"]);
    assert!(rows.iter().all(|r| r.underlying_security_title.text().starts_with("Common Stock")));
}

#[test]
fn older_print_marks_below_a_run_together_heading_end_its_cell() {
    // Table I in the older print (fictional sales): the amount, (A) or
    // (D) and price run together under heading 4, the amount owned after
    // runs over into its range, and the price's mark hangs below.
    let lines = [
        at(&[
            (0, "1. Title of"),
            (14, "2. Transaction Date"),
            (36, "3. Transaction 4. Securities"),
            (78, "5. Amount of Securities"),
            (112, "6. Ownership"),
            (131, "7. Nature of"),
        ]),
        at(&[
            (0, "Security"),
            (14, "(Month/Day/Year)"),
            (36, "Code (Instr. 8) Acquired (A) or"),
            (78, "Beneficially Owned"),
            (112, "Form: Direct (D)"),
            (131, "Indirect Beneficial"),
        ]),
        at(&[
            (51, "Disposed of (D)"),
            (78, "Following Reported"),
            (112, "or Indirect (I)"),
            (131, "Ownership"),
        ]),
        at(&[(36, "Code V"), (52, "Amount (A) or (D)")]),
        at(&[(53, "Price")]),
        at(&[(0, "Common"), (14, "04/28/2022"), (36, "S"), (52, "2,500 D $ 81.25 90,000"), (112, "D")]),
        at(&[(0, "Stock"), (52, "(1)")]),
        String::new(),
        at(&[(0, "Common"), (14, "04/28/2022"), (36, "S"), (52, "1,000 D $"), (78, "89,000"), (112, "D")]),
        at(&[(0, "Stock"), (52, "82.10 (2)")]),
    ];
    let page = page_lines(&lines.join("\n"), 0);
    let mut diags = Vec::new();
    let rows = read(&page, Table::NonDerivative, MarkStyle::Spaced, Wrap::Hanging, &mut diags);
    assert_eq!(rows.len(), 2, "{diags:?}");
    for (r, price, owned) in [(&rows[0], 8125, 90_000), (&rows[1], 8210, 89_000)] {
        assert_eq!(r.transaction_price_per_share.decimal(), Some(rust_decimal::Decimal::new(price, 2)));
        assert_eq!(r.transaction_price_per_share.footnotes.len(), 1, "the mark is the price's");
        assert_eq!(r.shares_owned_following_transaction.decimal(), Some(owned.into()));
        assert!(r.shares_owned_following_transaction.footnotes.is_empty());
    }
}

#[test]
fn a_blank_line_away_from_the_even_split_puts_the_cells_in_doubt() {
    // Table I's headings, then two fictional rows whose titles wrap
    // unevenly: three lines above the first row's values and one
    // below, a blank line, the second title's first line, a line of
    // another column, the second row's values.
    let headings = table_i_headings();
    let mut lines = headings;
    lines.extend([
        at(&[(2, "Class")]),
        at(&[(2, "A")]),
        at(&[(2, "Common")]),
        purchase_line("01/15/2024"),
        at(&[(2, "Stock")]),
        String::new(),
        at(&[(2, "Preferred")]),
        at(&[(225, "See")]),
        purchase_line("01/16/2024"),
        at(&[(2, "Stock"), (225, "footnote")]),
    ]);
    let page = page_lines(&lines.join("\n"), 0);
    let mut diags = Vec::new();
    let rows = read(&page, Table::NonDerivative, MarkStyle::Attached, Wrap::Centred, &mut diags);
    assert_eq!(rows.len(), 2, "{diags:?}");
    for r in &rows {
        assert_eq!(r.security_title.origin, Origin::Uncertain, "{:?}", r.security_title.value);
    }
}

#[test]
fn a_blank_line_away_from_the_cut_keeps_the_doubt_of_an_even_cell() {
    // Two fictional rows whose titles wrap three lines above their
    // values and one below, a blank line between the rows: the cut at
    // the even split gives the first row two lines of the second's
    // title and leaves its cell even, but the blank line is elsewhere.
    let headings = table_i_headings();
    let mut lines = headings;
    for date in ["01/15/2024", "01/16/2024"] {
        lines.extend([
            at(&[(2, "Stock")]),
            at(&[(2, "Option")]),
            at(&[(2, "(right to")]),
            purchase_line(date),
            at(&[(2, "buy)")]),
            String::new(),
        ]);
    }
    let page = page_lines(&lines.join("\n"), 0);
    let mut diags = Vec::new();
    let rows = read(&page, Table::NonDerivative, MarkStyle::Attached, Wrap::Centred, &mut diags);
    assert_eq!(rows.len(), 2, "{diags:?}");
    for r in &rows {
        let right = r.security_title.text() == "Stock Option (right to buy)";
        assert!(right || r.security_title.origin == Origin::Uncertain, "{:?}", r.security_title);
    }
}

#[test]
fn a_value_inside_a_title_is_a_word_of_it() {
    // A fictional title that names its par value.
    let headings = table_i_headings();
    let mut lines = headings;
    lines.push(String::new());
    lines.push(at(&[
        (2, "Class A Stock, par value $0.0001 per share"),
        (72, "01/15/2024"),
        (115, "P"),
        (133, "100"),
        (153, "A"),
        (160, "$1.00"),
        (178, "1,100"),
        (209, "D"),
    ]));
    let page = page_lines(&lines.join("\n"), 0);
    let mut diags = Vec::new();
    let rows = read(&page, Table::NonDerivative, MarkStyle::Attached, Wrap::Centred, &mut diags);
    assert_eq!(rows.len(), 1, "{diags:?}");
    assert_eq!(rows[0].security_title.text(), "Class A Stock, par value $0.0001 per share");
    assert_eq!(rows[0].security_title.origin, Origin::Read);
    assert_eq!(rows[0].transaction_price_per_share.decimal(), Some(1.into()));
}

#[test]
fn a_mark_on_another_line_just_after_a_value_is_its() {
    // Fictional rows: a code's mark printed on the line above, just
    // after the code (in the empty V column); a price's mark on the
    // line of the cells staggered below it, just after the price.
    let headings = table_i_headings();
    let mut lines = headings;
    lines.extend([
        String::new(),
        at(&[(2, "Common"), (129, "(5)")]),
        at(&[
            (2, "Stock"),
            (72, "01/15/2024"),
            (126, "J"),
            (133, "100"),
            (153, "A"),
            (160, "$1.00"),
            (178, "1,100"),
            (209, "D"),
        ]),
        String::new(),
        at(&[(2, "Common Stock"), (72, "01/16/2024"), (115, "S"), (133, "400"), (153, "D"), (168, "$12.50")]),
        at(&[(178, "(3)"), (184, "700"), (209, "D")]),
    ]);
    let page = page_lines(&lines.join("\n"), 0);
    let mut diags = Vec::new();
    let rows = read(&page, Table::NonDerivative, MarkStyle::Attached, Wrap::Centred, &mut diags);
    assert_eq!(rows.len(), 2, "{diags:?}");
    assert_eq!(rows[0].transaction_code.copied(), Some(TransactionCode::J));
    assert_eq!(rows[0].transaction_code.footnotes.len(), 1);
    assert_eq!(rows[1].transaction_price_per_share.footnotes.len(), 1);
    assert!(rows[1].shares_owned_following_transaction.footnotes.is_empty());
    assert_eq!(rows[1].shares_owned_following_transaction.decimal(), Some(700.into()));
}

#[test]
fn a_plain_mark_after_a_value_is_a_mark() {
    // A fictional sale staggered over three lines, its amount's mark
    // after a space: a mark, not a cell of the (A) or (D) column that
    // would part the row's later lines from it.
    let headings = table_i_headings();
    let mut lines = headings;
    lines.extend([
        String::new(),
        at(&[(2, "Common Stock"), (72, "01/16/2024"), (115, "S"), (133, "1,000 (1)")]),
        at(&[(153, "D"), (160, "$13.25")]),
        at(&[(178, "10,600"), (209, "D")]),
    ]);
    let page = page_lines(&lines.join("\n"), 0);
    let mut diags = Vec::new();
    let rows = read(&page, Table::NonDerivative, MarkStyle::Attached, Wrap::Centred, &mut diags);
    assert_eq!(rows.len(), 1, "{diags:?}");
    assert_eq!(rows[0].transaction_shares.decimal(), Some(1_000.into()));
    assert_eq!(rows[0].transaction_shares.footnotes.len(), 1);
    assert_eq!(rows[0].shares_owned_following_transaction.decimal(), Some(10_600.into()));
    assert_eq!(rows[0].security_title.text(), "Common Stock");
}

#[test]
fn cells_staggered_above_the_title_line_start_its_row() {
    // A fictional row whose amount owned after stands on a line above
    // its title's, the line before it blank.
    let headings = table_i_headings();
    let mut lines = headings;
    lines.extend([
        String::new(),
        at(&[(178, "1,100"), (225, "See")]),
        at(&[
            (2, "Common Stock"),
            (72, "01/15/2024"),
            (115, "P"),
            (133, "100"),
            (153, "A"),
            (160, "$1.00"),
            (209, "I"),
        ]),
        at(&[(225, "footnote")]),
    ]);
    let page = page_lines(&lines.join("\n"), 0);
    let mut diags = Vec::new();
    let rows = read(&page, Table::NonDerivative, MarkStyle::Attached, Wrap::Centred, &mut diags);
    assert_eq!(rows.len(), 1, "{diags:?}");
    assert_eq!(rows[0].security_title.text(), "Common Stock");
    assert_eq!(rows[0].shares_owned_following_transaction.decimal(), Some(1_100.into()));
    assert_eq!(rows[0].shares_owned_following_transaction.origin, Origin::Read);
    assert_eq!(rows[0].nature_of_ownership.text(), "See footnote");
}

#[test]
fn a_split_between_rows_is_sure_only_at_a_blank_line() {
    // Upper row's main line 10 with one piece above it; three pieces
    // between it and the lower row's main line.
    let pieces = |lines: &[usize]| lines.iter().map(|&l| (l, 0)).collect::<Vec<_>>();
    // Lines 11, 13, 14 (a blank line 12): one piece goes up, for sure.
    assert_eq!(centred_split(&pieces(&[11, 13, 14]), 1, true, 10, 15), (1, true));
    // Lines 11, 12, 13, no blank line: one up (even), but not for sure.
    assert_eq!(centred_split(&pieces(&[11, 12, 13]), 1, true, 10, 14), (1, false));
    // Nothing above nor on the upper row's main line: all go down, for sure.
    assert_eq!(centred_split(&pieces(&[11, 12]), 0, false, 10, 13), (0, true));
}

#[test]
fn a_row_left_without_a_title_keeps_its_neighbours_in_doubt() {
    // Two fictional rows whose titles stand on the line above their
    // values (no blank line between): the even cut gives the first row
    // both titles and leaves the second without one.
    let mut lines = table_i_headings();
    for date in ["01/15/2024", "01/16/2024"] {
        lines.extend([at(&[(2, "Common Stock")]), purchase_line(date)]);
    }
    let page = page_lines(&lines.join("\n"), 0);
    let mut diags = Vec::new();
    let rows = read(&page, Table::NonDerivative, MarkStyle::Attached, Wrap::Centred, &mut diags);
    assert_eq!(rows.len(), 2, "{diags:?}");
    for r in &rows {
        let right = r.security_title.text() == "Common Stock" && r.security_title.origin == Origin::Read;
        let flagged = matches!(r.security_title.origin, Origin::Uncertain | Origin::Missing);
        assert!(right || flagged, "{:?}", r.security_title);
    }
    assert!(rows.iter().any(|r| r.security_title.origin == Origin::Missing), "{rows:?}");
}
