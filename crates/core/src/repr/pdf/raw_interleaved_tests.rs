use super::*;
use crate::repr::align::cell_token;
use crate::repr::cells::Cell;
use crate::source::Span;

fn tokens(texts: &[&str]) -> Vec<Token> {
    texts
        .iter()
        .enumerate()
        .map(|(k, t)| {
            cell_token(&Cell { text: (*t).to_owned(), span: Span::new(k * 100, k * 100 + t.len()) })
        })
        .collect()
}

/// The rows of a table whose every token's place is settled.
fn settled(drawn: &[&str], table: Table) -> Option<Vec<Vec<Token>>> {
    let untangled = untangle(&tokens(drawn), table, false).0?;
    untangled.doubted.is_empty().then_some(untangled.rows)
}

fn texts(rows: &[Vec<Token>]) -> Vec<Vec<&str>> {
    rows.iter().map(|r| r.iter().map(|t| t.text.as_str()).collect()).collect()
}

/// Fictional: a grant, then a trust's holding; the grant's form is drawn
/// after the holding's title and amount.
const GRANT_THEN_TRUST: [&str; 12] = [
    "Common Stock",
    "01/02/2024",
    "A",
    "500",
    "A",
    "$0",
    "1,500",
    "Common Stock",
    "2,000",
    "D",
    "I",
    "By Trust",
];

#[test]
fn a_row_whose_form_is_drawn_after_the_next_title_is_put_together() {
    let rows = settled(&GRANT_THEN_TRUST, Table::NonDerivative).expect("one reading");
    assert_eq!(
        texts(&rows),
        [
            vec!["Common Stock", "01/02/2024", "A", "500", "A", "$0", "1,500", "D"],
            vec!["Common Stock", "2,000", "I", "By Trust"],
        ]
    );
}

#[test]
fn two_readings_as_good_as_each_other_give_none() {
    // Fictional: a sale's amount and amount owned drawn together, in either order.
    let drawn = ["Common Stock", "01/02/2024", "S", "$5.00", "100", "900", "D", "D"];
    assert!(untangle(&tokens(&drawn), Table::NonDerivative, false).0.is_none());
}

#[test]
fn values_the_model_has_no_place_for_give_none() {
    // Fictional: footnote marks drawn alone.
    assert!(untangle(&tokens(&["Common Stock", "100", "(1)", "D"]), Table::NonDerivative, false).0.is_none());
    // More amounts than the letters allow rows for.
    assert!(
        untangle(&tokens(&["Common Stock", "100", "200", "300", "D"]), Table::NonDerivative, false)
            .0
            .is_none()
    );
}

#[test]
fn a_title_drawn_after_its_holding_is_told_from_the_nature_by_its_words() {
    // Fictional: a trust's holding drawn form first, title last.
    let rows =
        settled(&["12,000", "I", "By Trust", "Common Stock"], Table::NonDerivative).expect("one reading");
    assert_eq!(texts(&rows), [vec!["Common Stock", "12,000", "I", "By Trust"]]);
    assert!(names_a_holder("See Footnote⁽²⁾") && !names_a_holder("Class A Common Stock"));
    assert!(
        names_a_security("Class A Common Stock") && !names_a_security("SMB Charitable Remainder Unitrust")
    );
}

/// A fictional Table II row, an option grant drawn cell by cell, its code
/// before its date, the exercise date "see the footnote".
const GRANT: [&str; 12] = [
    "Stock Option (right to buy)",
    "$10.00",
    "A",
    "01/02/2024",
    "1,000",
    "⁽¹⁾",
    "01/02/2034",
    "Common Stock",
    "1,000",
    "$0",
    "3,000",
    "D",
];

#[test]
fn a_table_ii_row_is_read_with_its_marks_alone_as_a_date() {
    let rows = settled(&GRANT, Table::Derivative).expect("one reading");
    // The cells in the form's column order: the date before the code.
    let mut in_order = GRANT.to_vec();
    in_order.swap(2, 3);
    assert_eq!(texts(&rows), [in_order]);
}

#[test]
fn a_table_ii_with_values_the_model_has_no_place_for_gives_none() {
    // The same grant with a `V` drawn after the code.
    let mut drawn = GRANT.to_vec();
    drawn.insert(3, "V");
    assert!(untangle(&tokens(&drawn), Table::Derivative, false).0.is_none());
    // The price of conversion left blank: the dates and prices no longer add up.
    let mut drawn = GRANT.to_vec();
    drawn.remove(1);
    assert!(untangle(&tokens(&drawn), Table::Derivative, false).0.is_none());
}

#[test]
fn a_table_ii_drawn_column_block_by_column_block_settles_no_value_in_a_wrong_place() {
    // Fictional: two option grants, each column's two cells drawn one after
    // the other, the dates exercisable "see the footnote".
    let drawn = [
        "Stock Option (right to buy)",
        "Stock Option (right to buy)",
        "$10.00",
        "$12.00",
        "01/02/2024",
        "01/02/2024",
        "A",
        "A",
        "1,000",
        "2,000",
        "⁽¹⁾",
        "⁽¹⁾",
        "01/02/2034",
        "01/03/2034",
        "Common Stock",
        "Common Stock",
        "1,000",
        "2,000",
        "$0",
        "$0",
        "1,000",
        "3,000",
        "D",
        "D",
    ];
    let untangled = untangle(&tokens(&drawn), Table::Derivative, false).0.expect("a reading");
    let grant = |price, shares, expiry, owned| {
        let title = "Stock Option (right to buy)";
        vec![title, price, "01/02/2024", "A", shares, "⁽¹⁾", expiry, "Common Stock", shares, "$0", owned, "D"]
    };
    let truth =
        [grant("$10.00", "1,000", "01/02/2034", "1,000"), grant("$12.00", "2,000", "01/03/2034", "3,000")];
    // The readings row by row and column by column do not agree on every
    // value: those they do agree on are in their places, the rest in doubt.
    assert!(!untangled.doubted.is_empty());
    for (row, want) in untangled.rows.iter().zip(&truth) {
        assert_eq!(row.len(), want.len());
        for (token, want) in row.iter().zip(want) {
            assert!(
                untangled.doubted.contains(&token.span) || token.text == *want,
                "{} for {want}",
                token.text
            );
        }
    }
}

#[test]
fn a_step_is_weighed_from_both_orders_at_once() {
    // Fictional: two sales' titles drawn one after the other (the title
    // column going on down), then the first sale's date, then the first
    // sale's amount owned.
    let sale = |owned| ["Common Stock", "01/02/2024", "S", "100", "D", "$5.00", owned, "D"];
    let drawn = tokens(&[&sale("900")[..], &sale("800")[..]].concat());
    let counts = non_derivative_counts(&Tally::of(&drawn)).expect("counts");
    let (fits, left) = fits(&drawn, &counts);
    let start = State { placed: [0; LANES], indirect: 0, last: None };
    let pairs = Search::new(&drawn, &fits, &left, &counts, Weigh::Pairs, 16);
    let runs = Search::new(&drawn, &fits, &left, &counts, Weigh::Runs, 16);
    // Steps as if the tokens were drawn title, title, date, owned: each
    // step's costs row by row and column by column.
    let walk = |search: &Search, cols: [Col; 4]| {
        let mut state = start;
        cols.iter()
            .zip([0, 8, 1, 6])
            .map(|(&col, at)| {
                let (next, costs) = search.step(at, col, &state).expect("a step");
                state = next;
                costs
            })
            .collect::<Vec<Costs>>()
    };
    let cols = [Col::Title, Col::Title, Col::Date, Col::Owned];
    // By pairs: the first row's date comes after the second row's title
    // row by row (one pair the other way round); column by column, the
    // titles come before every other column, and the owned column's cell
    // after the date (none the other way round).
    assert_eq!(walk(&pairs, cols), [[0, 0], [0, 0], [1, 0], [1, 0]]);
    // By runs: the second title starts a run row by row, but goes on down
    // the column column by column; the date starts a run (another row),
    // the amount owned goes on in the first row.
    assert_eq!(walk(&runs, cols), [[0, 0], [1, 0], [1, 1], [0, 0]]);
}

#[test]
fn the_cells_placed_in_later_columns_are_counted_in_the_lanes() {
    let mut state = State { placed: [0; LANES], indirect: 0, last: None };
    for (k, placed) in state.placed.iter_mut().enumerate().take(ALL_COLS) {
        *placed = u8::try_from((k * 7) % (MOST_ROWS + 1)).expect("a count");
    }
    for col in COLS {
        let plain: usize = state.placed[col.index() + 1..].iter().map(|&p| usize::from(p)).sum();
        assert_eq!(Search::placed_in_later_columns(&state, col), plain, "{col:?}");
    }
}

#[test]
fn a_nature_drawn_before_its_rows_form_belongs_to_the_next_row_without_one() {
    // Fictional: two trusts' holdings; the nature column drawn down past
    // the second row before its left part (title, amount, form).
    let drawn = ["Common Stock", "1,000", "I", "By Trust", "By Spouse", "Common Stock", "2,000", "I"];
    let rows = settled(&drawn, Table::NonDerivative).expect("one reading");
    assert_eq!(
        texts(&rows),
        [vec!["Common Stock", "1,000", "I", "By Trust"], vec!["Common Stock", "2,000", "I", "By Spouse"]]
    );
}

#[test]
fn a_form_3_table_ii_is_read_in_its_columns() {
    // Fictional Form 3 holdings of two grants, the second drawn before the
    // first's form: the price of exercise is printed after the underlying
    // amount, the date exercisable "see the footnote".
    let first = ["Stock Option (right to buy)", "⁽¹⁾", "01/02/2030", "Common Stock", "1,000", "$5.00"];
    let second = ["Stock Option (right to buy)", "⁽²⁾", "01/02/2031", "Common Stock", "2,000", "$6.00", "D"];
    let drawn: Vec<&str> = first.iter().chain(&second).copied().chain(["D"]).collect();
    let untangled = untangle(&tokens(&drawn), Table::Derivative, true).0.expect("a reading");
    assert!(untangled.doubted.is_empty());
    let mut row = first.to_vec();
    row.push("D");
    assert_eq!(texts(&untangled.rows), [row, second.to_vec()]);
    // Natures are in doubt: they need not come in their rows' order.
    let mut indirect = drawn.clone();
    indirect.splice(13.., ["I", "By Trust"]);
    let untangled = untangle(&tokens(&indirect), Table::Derivative, true).0.expect("a reading");
    assert_eq!(untangled.doubted.len(), 1);
    // Read as Form 4's, the amounts make no rows.
    assert!(untangle(&tokens(&drawn), Table::Derivative, false).0.is_none());
}

#[test]
fn each_tables_columns_come_in_the_order_of_their_bits() {
    // `Search::columns` reads a token's columns off its bits, low to high.
    for k in 0..ALL_COLS {
        assert_eq!(Col::of_index(k as u32).map(Col::index), Some(k));
    }
    assert_eq!(Col::of_index(ALL_COLS as u32), None);
    for cols in [NON_DERIVATIVE, DERIVATIVE, DERIVATIVE_HOLDINGS] {
        assert!(cols.windows(2).all(|w| w[0].index() < w[1].index()), "{cols:?}");
    }
}

#[test]
fn no_row_is_made_indirect_past_the_natures_the_phrases_leave() {
    // Fictional: one direct holding, no phrase left for a nature; its title
    // may not be read as one (the search stops there, not at the end).
    let drawn = tokens(&["Common Stock", "1,000", "D"]);
    let counts = non_derivative_counts(&Tally::of(&drawn)).expect("counts");
    assert_eq!(counts.natures, 0);
    let (fits, left) = fits(&drawn, &counts);
    let search = Search::new(&drawn, &fits, &left, &counts, Weigh::Pairs, 16);
    let start = State { placed: [0; LANES], indirect: 0, last: None };
    assert!(search.step(0, Col::Nature, &start).is_none());
    let (titled, _) = search.step(0, Col::Title, &start).expect("a title");
    let (held, _) = search.step(1, Col::Owned, &titled).expect("an amount owned");
    assert!(search.step(2, Col::DirectIndirect, &held).is_some());
    // An `I` would make the row indirect, with no nature for it.
    let indirect = tokens(&["Common Stock", "1,000", "I"]);
    let (fits, left) = super::fits(&indirect, &counts);
    let search = Search::new(&indirect, &fits, &left, &counts, Weigh::Pairs, 16);
    assert!(search.step(2, Col::DirectIndirect, &held).is_none());
}

/// A fictional sale drawn row by row.
const SALE: [&str; 8] = ["Common Stock", "01/02/2024", "S", "100", "D", "$5.00", "900", "D"];

#[test]
fn a_table_drawn_row_by_row_falls_into_pieces_of_whole_rows() {
    // Fictional: two sales drawn row by row, then a trust's holding.
    let drawn = tokens(&[&SALE[..], &SALE[..], &["Common Stock", "2,000", "I", "By Trust"]].concat());
    let cuts = pieces(&drawn, &Tally::of(&drawn), Table::NonDerivative, false);
    assert_eq!(cuts, [0..8, 8..16, 16..20]);
}

#[test]
fn no_piece_ends_between_two_parts_of_a_row() {
    let drawn = tokens(&GRANT_THEN_TRUST);
    assert_eq!(pieces(&drawn, &Tally::of(&drawn), Table::NonDerivative, false).len(), 1);
}

#[test]
fn a_piece_of_table_i_with_two_readings_is_in_doubt_and_the_others_read() {
    // Fictional: a sale drawn row by row, then one whose amount and amount
    // owned may be read either way.
    let open = ["Common Stock", "01/03/2024", "S", "$5.00", "100", "800", "D", "D"];
    let drawn = tokens(&[&SALE[..], &open[..]].concat());
    let untangled = untangle(&drawn, Table::NonDerivative, false).0.expect("read by pieces");
    assert_eq!(untangled.rows.len(), 2);
    assert_eq!(texts(&untangled.rows[..1]), [SALE.to_vec()]);
    let doubted: Vec<Span> = drawn[8..].iter().map(|t| t.span).collect();
    assert_eq!(untangled.doubted, doubted);
}

#[test]
fn a_piece_ends_after_a_nature_but_not_inside_a_block_of_titles() {
    // Fictional: a trust's sale drawn row by row, then the same sale, then
    // two sales drawn column by column (their titles one after another).
    let trust = ["Common Stock", "01/02/2024", "S", "100", "D", "$5.00", "900", "I", "By Trust"];
    let block = [
        "Common Stock",
        "Common Stock",
        "01/03/2024",
        "01/03/2024",
        "S",
        "S",
        "10",
        "20",
        "D",
        "D",
        "$6.00",
        "$6.00",
        "890",
        "870",
        "I",
        "I",
        "By Trust",
        "By Trust",
    ];
    let drawn = tokens(&[&trust[..], &trust[..], &block[..]].concat());
    let cuts = pieces(&drawn, &Tally::of(&drawn), Table::NonDerivative, false);
    assert_eq!(cuts, [0..9, 9..36]);
}

#[test]
fn every_column_is_found_by_its_index() {
    assert!(COLS.iter().enumerate().all(|(i, col)| col.index() == i));
    assert_eq!(Col::of_index(ALL_COLS as u32), None);
}

#[test]
fn placed_after_counts_the_cells_after_a_cell_row_by_row() {
    // Rows 0 and 1 of titles and dates placed, row 0 of the owned, and the
    // nature of row 1 (indirect).
    let mut placed = [0; LANES];
    placed[Col::Title.index()] = 2;
    placed[Col::Date.index()] = 2;
    placed[Col::Owned.index()] = 1;
    placed[Col::Nature.index()] = 1;
    let state = State { placed, indirect: 0b10, last: None };
    // After row 0's code: row 0's owned, then row 1's title, date and nature.
    assert_eq!(Search::placed_after(&state, 0, Col::Code), 4);
    // After row 1's title: its date and nature.
    assert_eq!(Search::placed_after(&state, 1, Col::Title), 2);
    // After row 1's nature: none.
    assert_eq!(Search::placed_after(&state, 1, Col::Nature), 0);
}

#[test]
fn a_table_with_more_transactions_than_rows_has_no_reading() {
    // Fictional: two sales' dates, codes and prices, but one amount owned.
    let drawn =
        ["Common Stock", "01/02/2024", "S", "100", "D", "$5.00", "01/03/2024", "S", "D", "$5.00", "D"];
    assert!(untangle(&tokens(&drawn), Table::NonDerivative, false).0.is_none());
}
