//! Tests of the older print's row reader ([`super`]).

use super::*;
use crate::model::{AcquiredDisposed, DirectIndirect, Origin, TransactionCode};
use crate::repr::pdf::layout::page_lines;

fn groups_i() -> Vec<Vec<Slot>> {
    use Slot::*;
    vec![
        vec![Title],
        vec![Date],
        vec![Deemed],
        vec![Code, V],
        vec![Shares, AcquiredDisposed, Price],
        vec![Owned],
        vec![DirectIndirect],
        vec![Nature],
    ]
}

fn groups_ii() -> Vec<Vec<Slot>> {
    use Slot::*;
    vec![
        vec![Title],
        vec![ExercisePrice],
        vec![Date],
        vec![Deemed],
        vec![Code, V],
        vec![Acquired, Disposed],
        vec![Exercisable, Expiration],
        vec![UnderlyingTitle, UnderlyingAmount],
        vec![Price],
        vec![Owned],
        vec![DirectIndirect],
        vec![Nature],
    ]
}

fn read(text: &str, groups: &[Vec<Slot>], table: Table) -> Vec<Row> {
    let page = page_lines(text, 0);
    let (rows, _) = read_rows(&page, groups, table, MarkStyle::Spaced, false, &mut Vec::new());
    rows
}

#[test]
fn rows_are_read_without_the_headings_positions() {
    // Fictional sales, laid out narrower than any heading above them
    // (a page of their own), the price's mark hanging below its cell.
    let text = "\
Class A   04/13/2022   S               200 D $ 25.60      12,688   D
Common                                 (4)
Stock
Class A   04/14/2022   S               300 D $ 26.02 (9) 12,388     D
Common
Stock
Class A                                                 1,109,342   I   By estate planning
Common                                                                  vehicles
Stock";
    let rows = read(text, &groups_i(), Table::NonDerivative);
    assert_eq!(rows.len(), 3);
    let r = &rows[0];
    assert_eq!(r.security_title.text(), "Class A Common Stock");
    assert_eq!(r.transaction_code.copied(), Some(TransactionCode::S));
    assert_eq!(r.transaction_shares.decimal(), Some(200.into()));
    assert_eq!(r.transaction_acquired_disposed_code.copied(), Some(AcquiredDisposed::Disposed));
    assert_eq!(r.transaction_price_per_share.decimal(), Some(rust_decimal::Decimal::new(2560, 2)));
    assert_eq!(r.transaction_price_per_share.footnotes.len(), 1);
    assert_eq!(r.shares_owned_following_transaction.decimal(), Some(12_688.into()));
    assert_eq!(r.direct_or_indirect_ownership.copied(), Some(DirectIndirect::Direct));
    assert_eq!(r.shares_owned_following_transaction.origin, Origin::Read);
    let r = &rows[1];
    assert_eq!(r.transaction_price_per_share.footnotes.len(), 1, "the mark is the price's");
    assert_eq!(r.shares_owned_following_transaction.decimal(), Some(12_388.into()));
    assert_eq!(r.shares_owned_following_transaction.origin, Origin::Read);
    let r = &rows[2];
    assert_eq!(r.kind, crate::model::RowKind::Holding);
    assert_eq!(r.shares_owned_following_transaction.decimal(), Some(1_109_342.into()));
    assert_eq!(r.shares_owned_following_transaction.origin, Origin::Read);
    assert_eq!(r.nature_of_ownership.text(), "By estate planning vehicles");
}

#[test]
fn table_ii_cells_wrap_below_their_row() {
    // A fictional option exercise: the exercise date given by a mark,
    // the expiration date wrapped below it, the underlying amount below
    // its title.
    let text = "\
Stock       $ 9.97    11/20/2020   M           1,987        (1)                Common   $0   0   D
                                                                  11/10/2026
Option                                                                         Stock
(right to                                                                      1,987
buy)";
    let rows = read(text, &groups_ii(), Table::Derivative);
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(r.security_title.text(), "Stock Option (right to buy)");
    assert_eq!(r.conversion_or_exercise_price.decimal(), Some(rust_decimal::Decimal::new(997, 2)));
    assert_eq!(r.transaction_shares.decimal(), Some(1_987.into()));
    assert!(r.exercise_date.value.is_none());
    assert_eq!(r.exercise_date.footnotes.len(), 1);
    assert_eq!(r.exercise_date.origin, Origin::Read);
    assert_eq!(r.expiration_date.value.map(|d| d.to_string()).as_deref(), Some("2026-11-10"));
    assert_eq!(r.expiration_date.origin, Origin::Read);
    assert_eq!(r.underlying_security_title.text(), "Common Stock");
    assert_eq!(r.underlying_security_shares.decimal(), Some(1_987.into()));
    assert_eq!(r.transaction_price_per_share.decimal(), Some(0.into()));
    assert_eq!(r.shares_owned_following_transaction.decimal(), Some(0.into()));
    assert_eq!(r.direct_or_indirect_ownership.copied(), Some(DirectIndirect::Direct));
}

#[test]
fn a_lone_date_between_two_date_columns_is_uncertain() {
    // Exercisable or expiration: one date in a cell for both is either.
    let text = "Option   $ 5.00   01/01/2030   Common Stock 100   100   D";
    let mut groups = groups_ii();
    groups.retain(|g| !g.contains(&Slot::Date) && !g.contains(&Slot::Deemed));
    let rows = read(text, &groups, Table::Derivative);
    let r = &rows[0];
    let date = if r.exercise_date.value.is_some() { &r.exercise_date } else { &r.expiration_date };
    assert_eq!(date.origin, Origin::Uncertain);
}

#[test]
fn alignment_keeps_cells_in_their_headings() {
    let tok = |text: &str| Token {
        text: text.to_owned(),
        span: Span::default(),
        kind: align::kind_of(text),
        x: None,
    };
    // `1,000` alone in a cell after the code is the amount owned? No:
    // an amount needs its (A) or (D) in its cell, so it is the holdings.
    let slots: Vec<Slot> = groups_i().concat();
    let group_of: Vec<usize> =
        groups_i().iter().enumerate().flat_map(|(g, s)| std::iter::repeat_n(g, s.len())).collect();
    let at = |text: &str, cell: usize| Tok { token: tok(text), cell, word: 0, flexible: false, pin: None };
    let tokens = vec![at("Common", 0), at("1,000", 1), at("D", 2)];
    let placements = align_cells(&tokens, &slots, &group_of);
    let chosen: Vec<Vec<usize>> = placements.iter().map(|p| p.slots.clone()).collect();
    assert_eq!(chosen, vec![vec![0], vec![8], vec![9]]);
    assert!(placements.iter().all(|p| !p.dropped && !p.attached));
    // A mark after a price run up to nothing: it joins the price.
    let mut mark = at("⁽¹⁾", 1);
    mark.flexible = true;
    let tokens =
        vec![at("Common", 0), at("100", 1), at("A", 1), at("$5.00", 1), mark, at("1,100", 2), at("D", 3)];
    let placements = align_cells(&tokens, &slots, &group_of);
    assert!(placements[4].attached && placements[4].slots.is_empty());
    assert_eq!(placements[5].slots, vec![8]);
    // `JV`: the code and V written together.
    let (code, v) = split_code_v(tok("JV"));
    assert_eq!((code.kind, v.map(|v| v.kind)), (Kind::Letter('J'), Some(Kind::Letter('V'))));
    assert!(split_code_v(tok("JX")).1.is_none());
}

#[test]
fn heading_groups_follow_the_numbered_headings() {
    let text = "\
1. Title of   2. Transaction Date   2A. Deemed Execution   3. Transaction 4. Securities     5. Amount of Securities   6. Ownership      7. Nature of
Security      (Month/Day/Year)      Date, if any           Code (Instr. 8) Acquired (A) or   Beneficially Owned        Form: Direct (D)  Indirect Beneficial
                                                                           Disposed of (D)   Following Reported        or Indirect (I)   Ownership";
    let page = page_lines(text, 0);
    let lines: Vec<&PageLine> = page.iter().collect();
    assert_eq!(heading_groups(&lines, Table::NonDerivative), groups_i());
    // Headings split over a page break, the parts at different scales:
    // the numbers printed give the form's columns.
    let text = "\
1. Title of 2.          3. Transaction   3A. Deemed         4.          5.            6. Date
Derivative Conversion Date               Execution Date, if Transaction Number        Exercisable and

Security     Price of                   any              Code         Derivative Expiration Date
             7. Title and 8. Price of 9. Number of        10.       11. Nature";
    let page = page_lines(text, 0);
    let lines: Vec<&PageLine> = page.iter().filter(|l| !l.is_blank()).collect();
    assert_eq!(heading_groups(&lines, Table::Derivative), groups_ii());
}

#[test]
fn a_mark_run_up_to_a_title_that_wraps_on_is_the_next_columns() {
    // A fictional award: `(1)` stands after the title's first word, the
    // rest of the title hangs below it, so the mark is the exercise
    // price's (a footnote instead of a price); the price's cell and the
    // amount owned after run together on the line of a sale in Table I.
    let text = "\
Restricted (1)   09/10/2025   A   229   (2) (2)   Common   $0   5,241   D
Stock                                             Stock
Units                                             229";
    let r = &read(text, &groups_ii(), Table::Derivative)[0];
    assert_eq!(r.security_title.text(), "Restricted Stock Units");
    assert!(r.security_title.footnotes.is_empty());
    assert_eq!(r.conversion_or_exercise_price.footnotes.len(), 1);
    assert_eq!(r.exercise_date.footnotes.len(), 1);
    assert_eq!(r.expiration_date.footnotes.len(), 1);
    assert_eq!(r.security_title.origin, Origin::Read);
    let text = "\
Common   08/05/2022   S   109,363 D $ 904.03 170,240,402     I   by Trust (2)
Stock                     (1)";
    let r = &read(text, &groups_i(), Table::NonDerivative)[0];
    assert_eq!(r.transaction_price_per_share.footnotes.len(), 1, "the mark is the price's");
    assert!(r.shares_owned_following_transaction.footnotes.is_empty());
    assert_eq!(r.shares_owned_following_transaction.origin, Origin::Read);
}

#[test]
fn raised_marks_follow_the_value_below_them() {
    // Fictional: the code's mark printed high, right of its `J` on the
    // line below; the amount owned after below its mark.
    let text = "\
Class A   03/03/2020       (2)    638,576 D $ 0.00          (3)    I   By Fund
                         J                               212,859
Common
Stock";
    let r = &read(text, &groups_i(), Table::NonDerivative)[0];
    assert_eq!(r.transaction_code.copied(), Some(TransactionCode::J));
    assert_eq!(r.transaction_code.footnotes.len(), 1);
    assert_eq!(r.shares_owned_following_transaction.decimal(), Some(212_859.into()));
    assert_eq!(r.shares_owned_following_transaction.footnotes.len(), 1);
}

#[test]
fn words_below_a_page_break_go_by_the_next_rows_columns() {
    // A fictional nature of ownership wrapped over a page break: the
    // next page is narrower; its next row says the words stand in the
    // nature's column.
    let mut text = String::from(
        "Common   04/01/2019   C   100 A $ 0.00       100              I       By Example\n\
             Stock                                                                 Capital\n",
    );
    text.push_str("\n                2\n     Edgar Filing: EXAMPLE INC - Form 4\n\n");
    text.push_str("                                                  Fund, LP\n");
    text.push_str("Common 04/01/2019 C 50 A $ 0.00   150   I         By Other Fund\n");
    text.push_str("Stock\n");
    let rows = read(&text, &groups_i(), Table::NonDerivative);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].nature_of_ownership.text(), "By Example Capital Fund, LP");
    assert_eq!(rows[0].nature_of_ownership.origin, Origin::Read);
    assert_eq!(rows[1].shares_owned_following_transaction.decimal(), Some(150.into()));
}

#[test]
fn marks_printed_high_over_a_gap_fill_the_heading_between() {
    // Fictional conversions: each row's exercise price is a mark only,
    // printed on the line above the row, over the gap between its title
    // and its date; a price's mark printed high over its amount.
    let row = |amount: &str| {
        [
            "           (9)".to_owned(),
            format!(
                "Class B         02/17/2021     C (1)     {amount}     (9) (9)     Class A   $ 0.00   0   I"
            ),
            format!("Common{}Common", " ".repeat(57)),
            format!("Stock{}Stock", " ".repeat(58)),
            format!("{}{amount}", " ".repeat(63)),
        ]
    };
    let mut lines = row("6,944").to_vec();
    lines.extend(row("3,422"));
    let rows = read(&lines.join("\n"), &groups_ii(), Table::Derivative);
    assert_eq!(rows.len(), 2);
    for r in &rows {
        assert_eq!(r.conversion_or_exercise_price.footnotes.len(), 1);
        assert_eq!(r.conversion_or_exercise_price.origin, Origin::Read);
        assert!(r.security_title.footnotes.is_empty());
        assert_eq!(r.security_title.origin, Origin::Read);
    }
    let text = "\
Common   05/27/2021   J                (1)     11,252   I   By Fund
                                2,738 D
Stock";
    let r = &read(text, &groups_i(), Table::NonDerivative)[0];
    assert_eq!(r.transaction_shares.decimal(), Some(2_738.into()));
    assert_eq!(r.transaction_acquired_disposed_code.copied(), Some(AcquiredDisposed::Disposed));
    assert_eq!(r.transaction_price_per_share.footnotes.len(), 1);
    assert!(r.transaction_shares.footnotes.is_empty());
}

/// A line of words each at its column.
fn at(parts: &[(usize, &str)]) -> String {
    let mut line = String::new();
    for (x, text) in parts {
        while line.len() < *x {
            line.push(' ');
        }
        line.push_str(text);
        line.push(' ');
    }
    line.trim_end().to_owned()
}

/// The numbers of a cell's footnotes.
fn marks<T>(field: &crate::model::Field<T>) -> Vec<u32> {
    field.footnotes.iter().filter_map(|f| f.number()).collect()
}

#[test]
fn words_below_a_page_break_after_the_last_row_go_to_its_one_open_phrase() {
    // A fictional last row whose nature of ownership runs over a page
    // break: on the last line before it only the nature and the
    // underlying amount (a value) are open; the words below stand in
    // one column.
    let mut text = [
        at(&[
            (0, "Class B"),
            (12, "(6)"),
            (20, "06/20/2019"),
            (40, "C"),
            (46, "16,514"),
            (56, "(6) (6)"),
            (66, "Class A"),
            (78, "$ 0.00"),
            (86, "16,515"),
            (96, "I"),
            (100, "By"),
        ]),
        at(&[(0, "Stock"), (66, "Stock"), (100, "Example")]),
        at(&[(66, "16,514"), (100, "Capital")]),
    ]
    .join("\n");
    text.push_str("\n\n                2\n     Edgar Filing: EXAMPLE INC - Form 4\n\n");
    text.push_str(&[at(&[(80, "2010")]), at(&[(80, "Fund, LP")]), at(&[(80, "(2)")])].join("\n"));
    let rows = read(&text, &groups_ii(), Table::Derivative);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].nature_of_ownership.text(), "By Example Capital 2010 Fund, LP");
    assert_eq!(marks(&rows[0].nature_of_ownership), vec![2]);
    assert_eq!(rows[0].nature_of_ownership.origin, Origin::Read);
    assert_eq!(rows[0].underlying_security_shares.decimal(), Some(16_514.into()));
    // Two columns below the break: no one cell is sure.
    text.push_str(&format!("\n{}", at(&[(0, "more"), (80, "words")])));
    let rows = read(&text, &groups_ii(), Table::Derivative);
    assert_eq!(rows[0].nature_of_ownership.origin, Origin::Uncertain);
}

#[test]
fn a_mark_below_a_page_break_under_the_next_rows_cell_is_no_raised_mark() {
    // A fictional nature of ownership whose mark runs over a page break
    // to the line just above the next row, under that row's nature: it
    // is the nature's, not the next row's marks printed high.
    let mut text = String::from(
        "Common   04/01/2019   C   100 A $ 0.00       100              I       By Example\n\
             Stock                                                                 Capital\n",
    );
    text.push_str("\n                2\n     Edgar Filing: EXAMPLE INC - Form 4\n\n");
    text.push_str(&format!("{}\n{}\n", at(&[(55, "Fund")]), at(&[(55, "(3)")])));
    text.push_str(&at(&[(0, "Common 04/01/2019 C 50 A $ 0.00   150   I"), (55, "By Other Fund")]));
    text.push_str("\nStock\n");
    let rows = read(&text, &groups_i(), Table::NonDerivative);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].nature_of_ownership.text(), "By Example Capital Fund");
    assert_eq!(marks(&rows[0].nature_of_ownership), vec![3]);
    assert_eq!(rows[0].nature_of_ownership.origin, Origin::Read);
    assert_eq!(rows[1].transaction_shares.origin, Origin::Read);
}

#[test]
fn a_value_below_goes_to_the_nearest_cell_by_its_whole_width() {
    // A fictional sale whose amount owned after is printed below and
    // left of its mark: its start is nearer the price's end, its end
    // nearer the mark.
    let text = [
        at(&[
            (0, "Common"),
            (10, "05/27/2021"),
            (24, "S"),
            (28, "1,000 D $ 10.00"),
            (62, "(4)"),
            (70, "I"),
            (74, "By Fund"),
        ]),
        at(&[(0, "Stock"), (51, "2,000,000")]),
    ]
    .join("\n");
    let r = &read(&text, &groups_i(), Table::NonDerivative)[0];
    assert_eq!(r.shares_owned_following_transaction.decimal(), Some(2_000_000.into()));
    assert_eq!(marks(&r.shares_owned_following_transaction), vec![4]);
    assert_eq!(r.shares_owned_following_transaction.origin, Origin::Read);
    assert_eq!(r.transaction_price_per_share.decimal(), Some(10.into()));
}

#[test]
fn marks_alone_fill_no_column_that_always_has_a_value() {
    // A fictional holding whose amount carries two marks: they are not
    // an (A) or (D) and a price (the (A) or (D) is never marks alone).
    let text = "Class A                                        20,733 (3) (6)       I      By LLC (9)\nStock";
    let r = &read(text, &groups_i(), Table::NonDerivative)[0];
    assert_eq!(r.shares_owned_following_transaction.decimal(), Some(20_733.into()));
    assert_eq!(marks(&r.shares_owned_following_transaction), vec![3, 6]);
    assert_eq!(r.shares_owned_following_transaction.origin, Origin::Read);
    assert_eq!(r.direct_or_indirect_ownership.origin, Origin::Read);
}

#[test]
fn marks_printed_high_below_a_cell_that_ended_are_the_next_rows() {
    // Fictional Form 3 holdings: the second row's dates are marks
    // printed high, under the first row's dates but a line below the
    // end of that cell (nothing of it on the line between).
    use Slot::*;
    let groups = vec![
        vec![Title],
        vec![Exercisable, Expiration],
        vec![UnderlyingTitle, UnderlyingAmount],
        vec![ExercisePrice],
        vec![DirectIndirect],
        vec![Nature],
    ];
    let text = [
        at(&[
            (0, "Warrant"),
            (14, "(7) (7)"),
            (33, "Common Stock"),
            (50, "$ 17.00"),
            (62, "I"),
            (70, "By Trust"),
        ]),
        at(&[(0, "Note"), (33, "382,357")]),
        at(&[(14, "(9) (9)")]),
        at(&[(0, "Warrant"), (33, "Common Stock"), (50, "$ 17.00"), (62, "I"), (70, "By Fund")]),
        at(&[(0, "Note"), (33, "24,660")]),
    ]
    .join("\n");
    let rows = read(&text, &groups, Table::Derivative);
    assert_eq!(rows.len(), 2);
    assert_eq!((marks(&rows[0].exercise_date), marks(&rows[0].expiration_date)), (vec![7], vec![7]));
    assert_eq!((marks(&rows[1].exercise_date), marks(&rows[1].expiration_date)), (vec![9], vec![9]));
    for r in &rows {
        assert_eq!(r.expiration_date.origin, Origin::Read);
        assert_eq!(r.underlying_security_shares.origin, Origin::Read);
    }
}

#[test]
fn marks_printed_high_over_a_wide_gap_fill_the_heading_of_the_cell_above() {
    // Fictional holdings after a conversion: the exercise price and
    // dates are marks printed high over a gap of the row's line that
    // spans several headings; the row above, on the same page, says
    // which (its own marks, printed on its line or high).
    let first = [
        at(&[
            (0, "Class B"),
            (10, "(2)"),
            (16, "11/14/2023"),
            (40, "C"),
            (46, "3,330"),
            (56, "(2) (2)"),
            (70, "Class A"),
            (80, "$ 0.00"),
            (90, "0"),
            (100, "I"),
            (106, "By LLC"),
        ]),
        at(&[(0, "Stock"), (70, "Stock")]),
        at(&[(70, "3,330")]),
    ];
    let holding = |amount: &str| {
        [
            at(&[(10, "(2)"), (56, "(2) (2)")]),
            at(&[(0, "Class B"), (70, "Class A"), (90, amount), (100, "I"), (106, "By LLC")]),
            at(&[(0, "Stock"), (70, "Stock")]),
            at(&[(70, amount)]),
        ]
    };
    let mut lines = first.to_vec();
    lines.extend(holding("2,962"));
    lines.extend(holding("1,500"));
    let rows = read(&lines.join("\n"), &groups_ii(), Table::Derivative);
    assert_eq!(rows.len(), 3);
    for r in &rows {
        assert_eq!(marks(&r.conversion_or_exercise_price), vec![2]);
        assert_eq!((marks(&r.exercise_date), marks(&r.expiration_date)), (vec![2], vec![2]));
        assert_eq!(r.conversion_or_exercise_price.origin, Origin::Read);
        assert_eq!(r.shares_owned_following_transaction.origin, Origin::Read);
    }
    assert_eq!(rows[2].shares_owned_following_transaction.decimal(), Some(1_500.into()));
}

/// The alignment's recurrence as written first: every step from every
/// reached state to every slot (n·m² steps), against which the passes of
/// [`align_cells`] (n·m) are checked.
fn quadratic_alignment(tokens: &[Tok], slots: &[Slot], group_of: &[usize]) -> Vec<Placement> {
    let (n, m) = (tokens.len(), slots.len());
    let neg = i32::MIN / 4;
    // States: s = 0 nothing placed yet, s = j + 1 the last token placed went to slot j.
    let width = m + 1;
    let same_cell = |i: usize| i > 0 && tokens[i - 1].cell == tokens[i].cell;
    // How each token fits each slot, worked out once (the passes below ask n·m² times).
    let fits: Vec<i32> =
        tokens.iter().flat_map(|t| slots.iter().map(|&slot| fit(t.token.kind, slot))).collect();
    // The score of placing token i (after the last placed token in state s) in slot j.
    let step = |i: usize, s: usize, j: usize| -> i32 {
        let f = fits[i * m + j];
        if f == 0 || j < s || tokens[i].pin.is_some_and(|g| group_of[j] != g) {
            return neg;
        }
        let mut score = f * 4;
        if let Some(last) = s.checked_sub(1) {
            let (gl, gj) = (group_of[last], group_of[j]);
            if !same_cell(i) && gj <= gl {
                return neg;
            }
            if same_cell(i) && gj > gl {
                score += RUN;
            }
            if slots[last] == Slot::Shares && !(same_cell(i) && slots[j] == Slot::AcquiredDisposed) {
                score += LONE_AMOUNT;
            }
        }
        score
    };
    let attach = |i: usize, s: usize| tokens[i].flexible && s > 0 && same_cell(i);
    let end_cost = |s: usize| if s > 0 && slots[s - 1] == Slot::Shares { LONE_AMOUNT } else { 0 };
    // The steps from the states some alignment reaches, worked out once in
    // the first pass (the passes after it ask only for those).
    let mut steps = vec![neg; n * width * m];
    let mut front = vec![neg; (n + 1) * width];
    front[0] = 0;
    for i in 0..n {
        for s in 0..width {
            let f = front[i * width + s];
            if f == neg {
                continue;
            }
            let stay = f + if attach(i, s) { ATTACH.max(DROP) } else { DROP };
            let at = &mut front[(i + 1) * width + s];
            *at = (*at).max(stay);
            for j in s..m {
                let st = step(i, s, j);
                steps[(i * width + s) * m + j] = st;
                if st != neg {
                    let at = &mut front[(i + 1) * width + j + 1];
                    *at = (*at).max(f + st);
                }
            }
        }
    }
    let mut back = vec![neg; (n + 1) * width];
    for s in 0..width {
        back[n * width + s] = end_cost(s);
    }
    for i in (0..n).rev() {
        for s in 0..width {
            // Only the states some alignment reaches are asked for below.
            if front[i * width + s] == neg {
                continue;
            }
            let rest = back[(i + 1) * width + s];
            let mut best = rest + if attach(i, s) { ATTACH } else { DROP };
            for j in s..m {
                let st = steps[(i * width + s) * m + j];
                let b = back[(i + 1) * width + j + 1];
                if st != neg && b != neg {
                    best = best.max(st + b);
                }
            }
            back[i * width + s] = best.max(neg);
        }
    }
    let best = back[0];
    let mut out = vec![Placement::default(); n];
    for (i, p) in out.iter_mut().enumerate() {
        for s in 0..width {
            let f = front[i * width + s];
            let rest = back[(i + 1) * width + s];
            if f == neg || rest == neg {
                continue;
            }
            if f + DROP + rest == best {
                p.dropped = true;
            }
            if attach(i, s) && f + ATTACH + rest == best {
                p.attached = true;
            }
            for j in s..m {
                let st = steps[(i * width + s) * m + j];
                let b = back[(i + 1) * width + j + 1];
                if st != neg && b != neg && f + st + b == best && !p.slots.contains(&j) {
                    p.slots.push(j);
                }
            }
        }
        crate::sort::by(&mut p.slots, Ord::cmp);
    }
    out
}

#[test]
fn the_linear_alignment_keeps_every_best_placement_of_the_quadratic_one() {
    // Random rows of tokens (kinds, cells, marks, pins) under both tables'
    // headings, from a fixed seed.
    let texts =
        ["Common Stock", "01/02/2024", "A", "D", "I", "M", "V", "1,000", "$5.00", "(1)", "By Trust", "X"];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below as u64) as usize
    };
    for groups in [groups_i(), groups_ii()] {
        let slots: Vec<Slot> = groups.concat();
        let group_of: Vec<usize> =
            groups.iter().enumerate().flat_map(|(g, s)| std::iter::repeat_n(g, s.len())).collect();
        for _ in 0..3000 {
            let mut cell = 0;
            let tokens: Vec<Tok> = (0..1 + next(9))
                .map(|_| {
                    cell += next(2);
                    let text = texts[next(texts.len())];
                    let token = Token {
                        text: text.to_owned(),
                        span: Span::default(),
                        kind: align::kind_of(text),
                        x: None,
                    };
                    let pin = (next(6) == 0).then(|| next(groups.len()));
                    Tok { token, cell, word: 0, flexible: next(3) == 0, pin }
                })
                .collect();
            assert_eq!(
                align_cells(&tokens, &slots, &group_of),
                quadratic_alignment(&tokens, &slots, &group_of)
            );
        }
    }
}
