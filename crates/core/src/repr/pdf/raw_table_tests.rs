use super::*;

#[test]
fn values_that_lose_their_column_to_another_rows_are_handed_back() {
    // Fictional: a sale's row, then a holding's amount and form drawn
    // before the holding's title: two amounts owned after in one row.
    let text =
        "Common Stock\n03/04/2024\nS\n100\nD\n$5.00\n900\nD\n\n1,000\n\nI\n\nCommon Stock\n\nBy Trust\n";
    let tokens = tokens_and_cuts(&blocks(text, 0), MarkStyle::Attached, Table::NonDerivative).0;
    let slots = columns(&[], Table::NonDerivative);
    let mut diags = Vec::new();
    let rows = read_rows(tokens, &slots, Table::NonDerivative, &mut diags);
    let owned: Vec<String> = rows
        .iter()
        .filter_map(|r| r.shares_owned_following_transaction.value.as_ref().map(|n| n.text.clone()))
        .collect();
    assert!(
        owned.contains(&"900".to_owned()) && owned.contains(&"1,000".to_owned()),
        "nothing dropped: {owned:?}"
    );
    assert!(rows.iter().all(|r| r.shares_owned_following_transaction.origin == Origin::Uncertain));
}

#[test]
fn a_holding_drawn_before_its_title_is_read_when_only_one_reading_fits() {
    // The same fictional table: the row-by-row reading is in doubt, the
    // interleaved one certain (the holding's title after its form).
    let text =
        "Common Stock\n03/04/2024\nS\n100\nD\n$5.00\n900\nD\n\n1,000\n\nI\n\nCommon Stock\n\nBy Trust\n";
    let section = Section { data: blocks(text, 0), ..Section::default() };
    let mut diags = Vec::new();
    let rows = read_section(&section, Table::NonDerivative, MarkStyle::Attached, &mut diags);
    assert_eq!(rows.len(), 2);
    let owned = |r: &Row| r.shares_owned_following_transaction.value.as_ref().map(|n| n.text.clone());
    assert_eq!(owned(&rows[0]).as_deref(), Some("900"));
    assert_eq!(owned(&rows[1]).as_deref(), Some("1,000"));
    assert_eq!(rows[1].nature_of_ownership.value.as_deref(), Some("By Trust"));
    assert!(rows.iter().all(|r| r.shares_owned_following_transaction.origin.is_read()));
}

/// Table I read from fictional text without headings.
fn table_one(text: &str) -> Vec<Row> {
    let section = Section { data: blocks(text, 0), ..Section::default() };
    read_section(&section, Table::NonDerivative, MarkStyle::Attached, &mut Vec::new())
}

#[test]
fn loose_marks_among_marks_go_to_the_one_column_carrying_them_flagged() {
    // Fictional sales: the first row's code and price carry their marks
    // attached; the second row's were drawn on lines of their own, one
    // after the other (among marks: the drawing does not tell whose).
    let text = "Common Stock\n03/04/2024\nS(1)\n100\nD\n$5.00(2)\n900\nD\n\nCommon Stock\n03/04/2024\nS\n(1)\n(2)\n200\nD\n$5.10\n700\nD\n";
    let rows = table_one(text);
    assert_eq!(rows.len(), 2);
    let notes = |f: &[crate::model::FootnoteId]| f.iter().map(|n| n.as_str().to_owned()).collect::<Vec<_>>();
    // Each loose mark is joined to the one column whose values carry it, flagged.
    assert_eq!(notes(&rows[1].transaction_code.footnotes), ["F1"]);
    assert_eq!(rows[1].transaction_code.origin, Origin::Uncertain);
    assert_eq!(notes(&rows[1].transaction_price_per_share.footnotes), ["F2"]);
    assert_eq!(rows[1].transaction_price_per_share.origin, Origin::Uncertain);
    // The other values are read.
    for row in &rows {
        assert!(row.transaction_shares.origin.is_read());
        assert!(row.shares_owned_following_transaction.origin.is_read());
    }
    assert!(rows[0].transaction_code.origin.is_read());
    assert_eq!(
        rows[1].shares_owned_following_transaction.value.as_ref().map(|n| n.text.as_str()),
        Some("700")
    );
}

#[test]
fn loose_marks_no_column_carries_leave_the_table_in_doubt() {
    // The same fictional sales, but no value carries the second row's
    // marks attached: their column is unknown, nothing is read as certain.
    let text = "Common Stock\n03/04/2024\nS\n100\nD\n$5.00\n900\nD\n\nCommon Stock\n03/04/2024\nS\n(1)\n(2)\n200\nD\n$5.10\n700\nD\n";
    let rows = table_one(text);
    assert!(!rows.is_empty());
    let read = |r: &Row, c: Column| r.cell(c).text().is_some() && r.cell(c).meta().2 == Origin::Read;
    assert!(rows.iter().all(|r| Column::ALL.iter().all(|&c| !read(r, c))));
}

#[test]
fn loose_marks_no_value_carries_are_placed_by_their_number_flagged() {
    // Fictional sales whose prices carry footnotes 2 and 4 attached; the
    // mark of footnote 3 is drawn last, after every value. Footnotes are
    // numbered as the form is read: it is a value's of the rows from
    // the second (carrying 2) to the fourth (carrying 4).
    let row =
        |price: &str, owned: &str| format!("Common Stock\n03/04/2024\nS\n100\nD\n{price}\n{owned}\nD\n\n");
    let text =
        [row("$4.90", "900"), row("$5.00(2)", "800"), row("$5.10", "700"), row("$5.20(4)", "600")].concat();
    let rows = table_one(&format!("{text}(3)\n"));
    assert_eq!(rows.len(), 4);
    let price = &rows[2].transaction_price_per_share;
    assert_eq!(price.footnotes.iter().map(|n| n.as_str()).collect::<Vec<_>>(), ["F3"]);
    assert_eq!(price.origin, Origin::Uncertain);
    assert!(rows[1..].iter().all(|r| r.shares_owned_following_transaction.origin == Origin::Uncertain));
    assert!(rows[0].transaction_price_per_share.origin.is_read());
    assert!(rows[0].shares_owned_following_transaction.origin.is_read());
    // Numbers that do not follow the rows tell nothing: the table is
    // not untangled.
    let text =
        [row("$4.90", "900"), row("$5.00(4)", "800"), row("$5.10", "700"), row("$5.20(2)", "600")].concat();
    assert!(untangled(&format!("{text}(3)\n")).is_none());
}

#[test]
fn a_table_cut_by_a_page_break_between_values_is_untangled() {
    // The same fictional table with a page's end before the holding's
    // form: a letter is one line, so no cell is cut in two.
    let text = "Common Stock\n03/04/2024\nS\n100\nD\n$5.00\n900\nD\n\n1,000\n\n1/2\n\nI\n\nCommon Stock\n\nBy Trust\n";
    let section = Section { data: blocks(text, 0), ..Section::default() };
    assert!(section.data.iter().any(|b| b.after_break));
    let mut diags = Vec::new();
    let rows = read_section(&section, Table::NonDerivative, MarkStyle::Attached, &mut diags);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].nature_of_ownership.value.as_deref(), Some("By Trust"));
    assert!(rows.iter().all(|r| r.shares_owned_following_transaction.origin.is_read()));
}

#[test]
fn words_on_both_sides_of_a_page_break_in_one_column_leave_the_words_in_doubt() {
    // Fictional holdings, all indirect: two natures drawn in one block
    // (one phrase), the last nature cut by a page break. Read apart,
    // the pieces make the six phrases three rows call for, but fill one
    // column: they may be one cell, and the count met by the block. The
    // words are in doubt; the amounts and forms, which no word fills, not.
    let rows = paged_rows(
        "Common Stock\n\n1,000\n\nI\n\nBy Family Trust\nBy Spouse\n\nCommon Stock\n\n2,000\n\nI\n\nCommon Stock\n\n3,000\n\nI\n\nBy Uncle",
        "Trust",
    );
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows.iter().all(|r| !r.nature_of_ownership.origin.is_read()), "{rows:?}");
    assert!(rows.iter().all(|r| !r.security_title.origin.is_read()), "{rows:?}");
    let owned: Vec<_> = rows
        .iter()
        .map(|r| r.shares_owned_following_transaction.value.as_ref().map(|n| n.text.as_str()))
        .collect();
    assert_eq!(owned, [Some("1,000"), Some("2,000"), Some("3,000")]);
    assert!(rows.iter().all(|r| r.shares_owned_following_transaction.origin.is_read()), "{rows:?}");
    assert!(rows.iter().all(|r| r.direct_or_indirect_ownership.origin.is_read()), "{rows:?}");
}

#[test]
fn transactions_of_one_holding_that_do_not_continue_are_in_doubt() {
    // Fictional sales of one direct holding: 900 owned, then 100 more
    // sold leaves 800, not 700; read with another holder's (By Trust).
    let rows_of = |owned: &str| {
        let text = format!(
            "Common Stock\n03/04/2024\nS\n100\nD\n$5.00\n900\nD\n\nCommon Stock\n03/05/2024\nS\n100\nD\n$5.00\n{owned}\nD\n"
        );
        let mut rows = read_rows(
            tokens_and_cuts(&blocks(&text, 0), MarkStyle::Attached, Table::NonDerivative).0,
            &columns(&[], Table::NonDerivative),
            Table::NonDerivative,
            &mut Vec::new(),
        );
        let mut diags = Vec::new();
        doubt_broken_holdings(&mut rows, Table::NonDerivative, &mut diags);
        (rows, diags)
    };
    let (rows, diags) = rows_of("800");
    assert!(diags.is_empty());
    assert!(rows.iter().all(|r| r.transaction_shares.origin.is_read()));
    let (rows, diags) = rows_of("700");
    assert_eq!(diags.len(), 1);
    assert!(rows.iter().all(|r| r.transaction_shares.origin == Origin::Uncertain));
    let mut other = rows_of("700").0;
    other[1].nature_of_ownership.value = Some("By Trust".to_owned());
    let mut diags = Vec::new();
    doubt_broken_holdings(&mut other, Table::NonDerivative, &mut diags);
    assert!(diags.is_empty(), "another holder's rows need not continue");
}

#[test]
fn a_row_whose_holdings_continue_on_its_other_side_keeps_its_values_at_a_break() {
    // Fictional sales of one direct holding: 900, 800, then 650 (800 less
    // 100 is 700: a break), then 600 (650 less 50: continued). The rows on
    // both sides of the break are each continued on their other side.
    let row = |day: u32, sold: &str, owned: &str| {
        format!("Common Stock\n03/0{day}/2024\nS\n{sold}\nD\n$5.00\n{owned}\nD\n\n")
    };
    let text =
        [row(1, "100", "900"), row(2, "100", "800"), row(3, "100", "650"), row(4, "50", "600")].concat();
    let read = || {
        read_rows(
            tokens_and_cuts(&blocks(&text, 0), MarkStyle::Attached, Table::NonDerivative).0,
            &columns(&[], Table::NonDerivative),
            Table::NonDerivative,
            &mut Vec::new(),
        )
    };
    let mut rows = read();
    let mut diags = Vec::new();
    doubt_broken_holdings(&mut rows, Table::NonDerivative, &mut diags);
    // The break is reported, no value doubted.
    assert_eq!(
        diags.iter().map(|d| (d.code, d.severity)).collect::<Vec<_>>(),
        [(Code::HoldingsBreak, Severity::Info)]
    );
    assert!(rows.iter().all(|r| r.transaction_shares.origin.is_read()));
    // The row below the break in doubt already: it alone is doubted (its
    // amount too), the row above keeps its values.
    let mut rows = read();
    let mut diags = Vec::new();
    table::set_origin(&mut rows[2], Column::TransactionPricePerShare, Origin::Uncertain);
    doubt_broken_holdings(&mut rows, Table::NonDerivative, &mut diags);
    assert_eq!(diags.len(), 1);
    assert!(rows[1].transaction_shares.origin.is_read());
    assert_eq!(rows[2].transaction_shares.origin, Origin::Uncertain);
    // Without the row above continued (the table's edge): both doubted.
    let mut rows = read();
    table::set_origin(&mut rows[2], Column::TransactionPricePerShare, Origin::Uncertain);
    let mut rows = rows.split_off(1);
    doubt_broken_holdings(&mut rows, Table::NonDerivative, &mut Vec::new());
    assert_eq!(rows[0].transaction_shares.origin, Origin::Uncertain);
}

#[test]
fn words_on_both_sides_of_a_page_break_are_one_cell_or_two_as_the_phrases_call_for() {
    // The same fictional table, the page ending after the holding's
    // title, the headings drawn again on the next page: two rows, one
    // indirect, call for three phrases. Four are drawn when the nature
    // is cut in two (joined); three when the page ends between the
    // title and the nature (read apart, in two columns).
    let before = "Common Stock\n03/04/2024\nS\n100\nD\n$5.00\n900\nD\n\n1,000\n\nI\n\nCommon Stock";
    for (cut, after, nature) in [("\n\nBy Family", "Trust", "By Family Trust"), ("", "By Trust", "By Trust")]
    {
        let rows = paged_rows(&format!("{before}{cut}"), after);
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[1].security_title.value.as_deref(), Some("Common Stock"));
        assert_eq!(rows[1].nature_of_ownership.value.as_deref(), Some(nature));
        assert!(rows[1].nature_of_ownership.origin.is_read());
        assert!(rows.iter().all(|r| r.shares_owned_following_transaction.origin.is_read()));
    }
}

#[test]
fn a_line_too_wide_for_its_cells_wrapping_is_in_doubt() {
    // Fictional natures: "Fund II -" and "Endurance" joined into one
    // line where "Capital" left room for "Fund"; and one wrapped as drawn.
    let joined = "Acme\nCapital\nFund II Endurance\nPartners\n";
    let data = blocks(joined, 0);
    let wide = tokens_and_cuts(&data, MarkStyle::Attached, Table::NonDerivative).2;
    assert_eq!(wide.len(), 1);
    assert_eq!(&joined[wide[0].start as usize..wide[0].end as usize], "Fund II Endurance");
    assert!(
        tokens_and_cuts(
            &blocks("Acme Capital\nGrowth Fund\nL.P.\n", 0),
            MarkStyle::Attached,
            Table::NonDerivative
        )
        .2
        .is_empty()
    );
    let mut row = Row {
        nature_of_ownership: Field::read(
            "Acme Capital Fund II Endurance Partners".to_owned(),
            Span::new(0, joined.len()),
        ),
        ..Row::default()
    };
    let mut diags = Vec::new();
    doubt_dropped_hyphens(&mut row, &wide, &mut diags);
    assert_eq!(row.nature_of_ownership.origin, Origin::Uncertain);
    assert_eq!(diags.len(), 1);
}

#[test]
fn the_footnotes_heading_ends_the_tables_within_a_block() {
    // Fictional: a holding whose nature's lines run into the footnotes.
    let text = "Table I - Non-Derivative Securities Acquired\n\nCommon Stock\n\n1,000\n\nI\n\nBy Family\nTrust\nExplanation of Responses:\n1. A fictional footnote.\n";
    let rows =
        read_tables(&blocks(text, 0), MarkStyle::Attached).map(|pre| pre.non_derivative).unwrap_or_default();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].nature_of_ownership.value.as_deref(), Some("By Family Trust"));
}

/// The rows of a fictional Table I whose page ends between `before` and
/// `after`, the headings drawn again on the next page.
fn paged_rows(before: &str, after: &str) -> Vec<Row> {
    let heading = "2. Transaction Date (Month/Day/Year)";
    let text = format!(
        "Table I - Non-Derivative Securities Acquired\n\n{heading}\n\n{before}\n\u{c}\n{heading}\n\n{after}\n"
    );
    read_tables(&blocks(&text, 0), MarkStyle::Attached).map(|pre| pre.non_derivative).unwrap_or_default()
}

#[test]
fn marks_drawn_between_two_neighbouring_values_may_be_either_s() {
    // Fictional: a sale drawn cell by cell, the code's mark on a line of
    // its own, then a holding drawn form first. A superscript may be
    // drawn after its value or before the next: both are in doubt.
    let text = "Common Stock\n\n03/04/2024\n\nS\n\n(1)\n\n100\n\nD\n\n$5.00\n\n900\n\nD\n\n1,000\n\nI\n\nCommon Stock\n\nBy Trust\n";
    let rows = table_one(text);
    assert_eq!(rows.len(), 2);
    let code = &rows[0].transaction_code;
    assert_eq!(code.footnotes.iter().map(|f| f.as_str()).collect::<Vec<_>>(), ["F1"]);
    assert_eq!(code.origin, Origin::Uncertain);
    assert_eq!(rows[0].transaction_shares.origin, Origin::Uncertain);
    assert!(rows[0].transaction_date.origin.is_read() && rows[1].nature_of_ownership.origin.is_read());
}

#[test]
fn marks_drawn_alone_belong_to_the_column_whose_values_carry_them_elsewhere() {
    // Fictional: two sales; the first's code carries (1) attached, the
    // second's (1) is drawn on a line of its own after its code.
    let text = "Common Stock\n\n03/04/2024\n\nS(1)\n\n50\n\nD\n\n$5.00\n\n950\n\nD\n\nCommon Stock\n\n03/04/2024\n\nS\n\n(1)\n\n100\n\nD\n\n$5.00\n\n850\n\nD\n";
    let rows = table_one(text);
    assert_eq!(rows.len(), 2);
    let code = &rows[1].transaction_code;
    assert_eq!(code.footnotes.iter().map(|f| f.as_str()).collect::<Vec<_>>(), ["F1"]);
    assert!(code.origin.is_read() && rows[1].transaction_shares.origin.is_read());
    assert!(rows[1].transaction_shares.footnotes.is_empty());
}

/// The rows of a fictional Table I untangled from its value blocks.
fn untangled(text: &str) -> Option<Vec<Row>> {
    let tokens = tokens_and_cuts(&blocks(text, 0), MarkStyle::Attached, Table::NonDerivative).0;
    let slots = columns(&[], Table::NonDerivative);
    untangled_rows(&tokens, &slots, Table::NonDerivative, false, &[]).map(|(rows, _, _)| rows)
}

#[test]
fn marks_drawn_one_after_another_are_not_placed() {
    // Fictional: two sales whose prices' marks are drawn together
    // after both rows: which row's each is, the drawing does not tell.
    let sales = "Common Stock\n\n03/04/2024\n\nS\n\n50\n\nD\n\n$5.00\n\n950\n\nD\n\nCommon Stock\n\n03/04/2024\n\nS\n\n100\n\nD\n\n$6.00\n\n850\n\nD\n";
    assert!(untangled(&format!("{sales}\n(1)\n\nCommon Stock\n\n1,000\n\nI\n\nBy Trust\n")).is_some());
    assert!(untangled(&format!("{sales}\n(1)\n\n(2)\n\nCommon Stock\n\n1,000\n\nI\n\nBy Trust\n")).is_none());
}

#[test]
fn marks_drawn_among_values_in_doubt_are_joined_to_them_but_at_the_tables_edges() {
    // Fictional: a sale drawn row by row, then two sales drawn column by
    // column, their codes' marks drawn one after another: which code's
    // each is, the drawing does not tell, nor the reading which amount
    // is owned after which sale: every value of those two rows is in
    // doubt, and the marks are joined to one of them; the first row is
    // read.
    let text = "Common Stock\n\n03/04/2024\n\nS(1)\n\n50\n\nD\n\n$5.00\n\n950\n\nD\n\nCommon Stock\n\nCommon Stock\n\n03/05/2024\n\n03/05/2024\n\nS\n\nS\n\n(1)\n\n(1)\n\n100\n\n200\n\nD\n\nD\n\n$5.00\n\n$6.00\n\n850\n\n650\n\nD\n\nD\n";
    let rows = untangled(text).unwrap_or_default();
    assert_eq!(rows.len(), 3, "{rows:?}");
    let first = &rows[0];
    assert!(first.security_title.origin.is_read() && first.transaction_code.origin.is_read());
    assert!(
        first.transaction_shares.origin.is_read()
            && first.shares_owned_following_transaction.origin.is_read()
    );
    assert_eq!(first.transaction_code.footnotes.len(), 1);
    for row in &rows[1..] {
        assert_eq!(row.transaction_code.origin, Origin::Uncertain);
        assert_eq!(row.shares_owned_following_transaction.origin, Origin::Uncertain);
    }
    let marks: usize = rows[1..].iter().map(|r| r.transaction_code.footnotes.len()).sum();
    assert_eq!(marks, 2, "nothing dropped");
    // The same marks drawn where a page ends or headings are drawn may
    // be any value's, one far from them: they are not joined so, but
    // to the one column carrying them (the codes), each code lacking
    // them flagged; with no value carrying them the table is not read.
    let slots = columns(&[], Table::NonDerivative);
    let at_edges = |text: &str| {
        let tokens = tokens_and_cuts(&blocks(text, 0), MarkStyle::Attached, Table::NonDerivative).0;
        let edges: Vec<Span> = tokens.iter().filter(|t| t.kind == Kind::Marks).map(|t| t.span).collect();
        untangled_rows(&tokens, &slots, Table::NonDerivative, false, &edges).map(|read| read.0)
    };
    let rows = at_edges(text).unwrap_or_default();
    assert_eq!(rows.len(), 3);
    assert!(rows[0].transaction_code.origin.is_read());
    for row in &rows[1..] {
        assert_eq!(row.transaction_code.footnotes.len(), 1);
        assert_eq!(row.transaction_code.origin, Origin::Uncertain);
    }
    assert!(at_edges(&text.replacen("S(1)", "S", 1)).is_none());
}

#[test]
fn a_sections_edges_are_the_lines_next_to_headings_and_page_ends() {
    // Fictional: values, headings, values, a page's end, values.
    let text = "Common Stock\n03/04/2024\n\n(1)\n\nCode\n\n(2)\n100\n\u{c}\n(3)\n";
    let mut sections = [Section::default(), Section::default()];
    let mut v_seen = false;
    for block in blocks(text, 0) {
        push(&mut sections, Some(0), &block, &mut v_seen);
    }
    let edges = sections[0].edges();
    let texts: Vec<&str> = edges.iter().map(|s| &text[s.start as usize..s.end as usize]).collect();
    assert_eq!(texts, ["(1)", "(2)", "100", "(3)"]);
}

#[test]
fn marks_drawn_after_a_value_drawn_out_of_its_rows_order_go_by_column_or_number() {
    // Fictional: a holding whose title is drawn after its amount and
    // form, then marks, then its nature: the marks may be any value's,
    // and nothing tells whose.
    assert!(untangled("Common Stock\n\n1,000\n\n(1)\n\nI\n\nBy Trust\n").is_some());
    assert!(untangled("1,000\n\nI\n\nCommon Stock\n\n(1)\n\nBy Trust\n").is_none());
    // Fictional sales whose prices carry footnotes 3 and 4; the last
    // row's title is drawn after its price, then footnote 5's mark, which
    // no value carries: placed by its number (after 4's row), flagged.
    let row =
        |price: &str, owned: &str| format!("Common Stock\n03/04/2024\nS\n100\nD\n{price}\n{owned}\nD\n\n");
    let text = format!(
        "{}{}03/04/2024\nS\n100\nD\n$5.10\n\nCommon Stock\n\n(5)\n\n700\nD\n",
        row("$4.90(3)", "900"),
        row("$5.00(4)", "800")
    );
    let rows = untangled(&text).unwrap_or_default();
    assert_eq!(rows.len(), 3, "{rows:?}");
    let price = &rows[2].transaction_price_per_share;
    assert_eq!(price.footnotes.iter().map(|n| n.as_str()).collect::<Vec<_>>(), ["F5"]);
    assert_eq!(price.origin, Origin::Uncertain);
    assert!(rows[0].transaction_price_per_share.origin.is_read());
    assert!(rows[0].shares_owned_following_transaction.origin.is_read());
}

#[test]
fn marks_drawn_between_two_values_apart_leave_the_values_between_in_doubt() {
    // Fictional: a row drawn in two passes, the marks of its code and of
    // its amount owned with the first (`F⁽¹⁾`, `900⁽²⁾`): each may be
    // any value's between the two it is drawn between, both included.
    let text = "03/04/2024\n\n(1)\n\nD\n\n$5.00\n\n(2)\n\nD\n\nCommon Stock\n\nF\n\n100\n\n900\n";
    let rows = table_one(text);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.security_title.value.as_deref(), Some("Common Stock"));
    assert!(row.security_title.origin.is_read());
    for (column, origin) in [
        (Column::DirectOrIndirectOwnership, row.direct_or_indirect_ownership.origin),
        (Column::TransactionDate, row.transaction_date.origin),
        (Column::TransactionCode, row.transaction_code.origin),
        (Column::TransactionShares, row.transaction_shares.origin),
        (Column::TransactionPricePerShare, row.transaction_price_per_share.origin),
        (Column::SharesOwnedFollowingTransaction, row.shares_owned_following_transaction.origin),
    ] {
        assert_eq!(origin, Origin::Uncertain, "{column:?}");
    }
}

#[test]
fn marks_drawn_before_a_row_leave_that_row_in_doubt() {
    // Fictional: the code's mark drawn first, before its row's values.
    let text = "(1)\n\nCommon Stock\n\n03/04/2024\n\nS\n\n100\n\nD\n\n$5.00\n\n900\n\nD\n\n1,000\n\nI\n\nCommon Stock\n\nBy Trust\n";
    let rows = table_one(text);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].transaction_code.origin, Origin::Uncertain);
    assert_eq!(rows[0].security_title.origin, Origin::Uncertain);
    assert!(rows[1].shares_owned_following_transaction.origin.is_read());
    assert_eq!(rows[1].nature_of_ownership.value.as_deref(), Some("By Trust"));
}

#[test]
fn marks_drawn_after_every_value_leave_the_table_to_the_row_reader() {
    // Fictional: the code's mark drawn last, far from its value.
    let text = "Common Stock\n\n03/04/2024\n\nS\n\n100\n\nD\n\n$5.00\n\n900\n\nD\n\n1,000\n\nI\n\nCommon Stock\n\nBy Trust\n\n(1)\n";
    let rows = table_one(text);
    assert!(rows.iter().all(|r| !r.shares_owned_following_transaction.origin.is_read()));
}

#[test]
fn marks_drawn_apart_from_any_value_are_in_doubt() {
    // A fictional sale whose row ends with marks on a line of their own.
    let text = "Common Stock\n03/04/2024\nS\n100\nD\n$5.00\n900\nD\n(2)\n";
    let block = &blocks(text, 0)[0];
    let tokens: Vec<Token> = cells(&typed_lines(block, MarkStyle::Attached), Table::NonDerivative)
        .iter()
        .map(align::cell_token)
        .collect();
    let slots = columns(&[], Table::NonDerivative);
    let built = build(&RawRow { tokens, ..RawRow::default() }, &slots, Table::NonDerivative);
    let placed: Vec<Column> = Column::ALL
        .into_iter()
        .filter(|&c| built.row.cell(c).text().is_none() && !built.row.cell(c).meta().0.is_empty())
        .collect();
    assert_eq!(placed.len(), 1, "the marks are placed in one cell");
    assert_eq!(built.row.cell(placed[0]).meta().2, Origin::Uncertain);
    assert!(!built.sure);
    assert!(built.diagnostics.iter().any(|d| d.message.contains("drawn apart from any value")));
}

#[test]
fn a_block_of_one_title_repeated_is_a_cell_per_line() {
    // Fictional: three rows' titles drawn as one block, then a title
    // wrapped over two lines.
    let text = "Class A Common Stock\nClass A Common Stock\nClass A Common Stock\n\nClass A\nCommon Stock\n";
    let cells: Vec<String> = blocks(text, 0)
        .iter()
        .flat_map(|b| cells(&typed_lines(b, MarkStyle::Attached), Table::NonDerivative))
        .map(|c| c.text)
        .collect();
    assert_eq!(
        cells,
        ["Class A Common Stock", "Class A Common Stock", "Class A Common Stock", "Class A Common Stock"]
    );
}

#[test]
fn a_word_that_may_have_lost_its_hyphen_is_in_doubt() {
    assert!(may_lack_hyphen("NonQualified Stock Option (right to buy)"));
    assert!(!may_lack_hyphen("Non-Qualified Stock Option"));
    assert!(!may_lack_hyphen("Class A Common Stock"));
    let mut row = Row {
        security_title: Field::read("NonQualified Stock Option".to_owned(), Span::new(0, 25)),
        nature_of_ownership: Field::read("By Trust".to_owned(), Span::new(30, 38)),
        ..Row::default()
    };
    let mut diags = Vec::new();
    doubt_dropped_hyphens(&mut row, &[], &mut diags);
    assert_eq!(row.security_title.origin, Origin::Uncertain);
    assert!(row.nature_of_ownership.origin.is_read());
    assert_eq!(diags.len(), 1);
}

#[test]
fn a_values_marks_wrapped_onto_a_line_of_their_own_continue_it() {
    // Fictional: an amount's third mark wrapped below it in its block; a
    // repeated mark is another cell's; marks alone continue nothing.
    let text = "2,080(1)(2)\n(3)\n\n1,500(1)\n(1)\n\n(4)\n(5)\n";
    let read = |table: Table| -> Vec<String> {
        blocks(text, 0)
            .iter()
            .flat_map(|b| cells(&typed_lines(b, MarkStyle::Attached), table))
            .map(|c| c.text)
            .collect()
    };
    assert_eq!(read(Table::NonDerivative), ["2,080⁽¹⁾⁽²⁾⁽³⁾", "1,500⁽¹⁾", "⁽¹⁾", "⁽⁴⁾", "⁽⁵⁾"]);
    // In Table II, marks alone may be a cell of their own (a price shown
    // only by its footnote): not joined.
    assert_eq!(read(Table::Derivative), ["2,080⁽¹⁾⁽²⁾", "⁽³⁾", "1,500⁽¹⁾", "⁽¹⁾", "⁽⁴⁾", "⁽⁵⁾"]);
}
