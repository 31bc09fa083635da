//! Table I and Table II of a filing, laid out as the form prints them
//! ([`filing_core::model::form_columns`]): numbered boxes left to right,
//! values as written (dates as the form prints them, `MM/DD/YYYY`), footnote
//! marks, holdings told apart from transactions, and a mark on every value
//! that was not simply read (inferred, uncertain, missing).
//!
//! The table is one stop for the Tab key: the arrow keys (and Home/End) move
//! between cells, and Enter — or a click — opens the source view on the cell.

use std::sync::Arc;

use filing_core::Input;
use filing_core::analysis::Analysis;
use filing_core::model::{
    Cell, Column, Filing, FormColumn, FormType, Origin, Row, RowKind, Table, form_columns,
};
use wasm_bindgen::JsCast;

use crate::export_menu::export_menu;
pub use crate::footnotes::footnote_mark;
use crate::footnotes::footnote_marks;
use crate::html::Html;
use crate::origin::{origin_glyph, origin_mark, origin_words};
use crate::source_view::SourceRequest;

/// What a table needs from its filing.
#[derive(Clone, Copy)]
pub struct TableContext<'a> {
    /// The filing.
    pub filing: &'a Filing,
    /// Its analysis.
    pub analysis: &'a Analysis,
    /// A prefix making the filing's element ids unique on the page.
    pub prefix: &'a str,
}

/// "Table I" or "Table II".
pub fn table_name(table: Table) -> &'static str {
    match table {
        Table::NonDerivative => "Table I",
        Table::Derivative => "Table II",
    }
}

/// One of the two tables of a filing. Its cells are `data-cell`s: a click,
/// or Enter, opens the source view on them (`crate::delegate`).
pub fn transaction_table(html: &mut Html, context: TableContext<'_>, table: Table) {
    let (title, hook) = match table {
        Table::NonDerivative => {
            ("Non-derivative securities acquired, disposed of, or beneficially owned", "table-i")
        }
        Table::Derivative => {
            ("Derivative securities acquired, disposed of, or beneficially owned", "table-ii")
        }
    };
    let heading_id = format!("{}-{hook}", context.prefix);
    let heading = |html: &mut Html| {
        html.open("h3", &[("id", &heading_id)])
            .leaf("span", &[("class", "table-number")], table_name(table))
            .text(" ")
            .text(title)
            .close("h3");
    };
    html.open(
        "section",
        &[("class", "table-section"), ("data-test", hook), ("aria-labelledby", &heading_id)],
    );
    let rows = context.filing.table(table);
    if rows.is_empty() {
        heading(html);
        html.raw(r#"<p class="empty" data-test="table-empty">No rows reported.</p></section>"#);
        return;
    }
    let columns = shown_columns(context.filing.form_type(), table, rows);
    let marked = rows.iter().any(|row| columns.iter().any(|c| !origin_of(row, c.column).is_read()));
    html.raw(r#"<div class="table-heading">"#);
    heading(html);
    export_menu(html, table);
    html.raw(concat!(
        "</div>",
        r#"<p class="table-hint">Holdings are shaded and labelled. Click a cell — or move with the arrow keys and press Enter — to see it in the input.</p>"#
    ));
    if marked {
        html.raw(ORIGIN_LEGEND);
    }
    html.raw(r#"<div class="scroll">"#)
        .open("table", &[("class", "transactions"), ("aria-labelledby", &heading_id)])
        .raw("<thead>");
    header(html, &columns);
    html.raw("</thead><tbody>");
    for (index, row) in rows.iter().enumerate() {
        let kind = match row.kind {
            RowKind::Transaction => "transaction",
            RowKind::Holding => "holding",
        };
        html.open("tr", &[("data-test", "row"), ("data-kind", kind), ("class", kind)]);
        for (position, column) in columns.iter().enumerate() {
            table_cell(html, context, table, index, row, *column, index == 0 && position == 0);
        }
        html.close("tr");
    }
    html.raw("</tbody></table></div></section>");
}

/// What the marks on values mean; shown above a table that has any.
const ORIGIN_LEGEND: &str = concat!(
    r#"<p class="origin-legend" data-test="origin-legend">"#,
    r#"<span class="origin-mark inferred" aria-hidden="true">≈</span> inferred by a rule (open the cell to see which) "#,
    r#"<span class="origin-mark uncertain" aria-hidden="true">?</span> read, but its column is uncertain "#,
    r#"<span class="origin-mark missing" aria-hidden="true">∅</span> not found in this rendering</p>"#
);

/// The columns shown: every column the form prints, the cells it folds into
/// a box when a row has one, and — after them — any other cell a row holds
/// something in, so that nothing the filing gave is hidden.
pub fn shown_columns(form: Option<FormType>, table: Table, rows: &[Row]) -> Vec<FormColumn> {
    let layout = form_columns(form, table);
    let holds = |column: Column| rows.iter().any(|row| has_content(table, row, column));
    let notable = |column: Column| rows.iter().any(|row| is_notable(form, table, row, column));
    let mut shown: Vec<FormColumn> =
        layout.iter().copied().filter(|c| c.printed || notable(c.column)).collect();
    for column in Column::ALL {
        if !layout.iter().any(|c| c.column == column) && holds(column) {
            shown.push(FormColumn {
                column,
                number: "",
                box_heading: column.label(),
                heading: "",
                printed: false,
            });
        }
    }
    shown
}

/// Whether a cell the form folds into a box says more than the form shows:
/// a transaction reported on another form than this one, an equity swap,
/// or any other folded cell with a value. The routine ones (every XML row
/// says its form type and "no swap") stay in the source view of the code.
fn is_notable(form: Option<FormType>, table: Table, row: &Row, column: Column) -> bool {
    if !has_content(table, row, column) {
        return false;
    }
    let (footnotes, _, origin) = row.cell(column).meta();
    let plain = footnotes.is_empty() && origin.is_read();
    match column {
        Column::TransactionFormType => {
            let this_form = form.map(|f| f.number().to_string());
            !plain || row.transaction_form_type.value.as_deref().map(str::trim) != this_form.as_deref()
        }
        Column::EquitySwapInvolved => !plain || row.equity_swap_involved.value == Some(true),
        _ => true,
    }
}

fn has_content(table: Table, row: &Row, column: Column) -> bool {
    if !column.applies(table, row.kind) {
        return false;
    }
    let cell = row.cell(column);
    let (footnotes, _, origin) = cell.meta();
    cell.text().is_some() || !footnotes.is_empty() || !origin.is_read()
}

fn origin_of(row: &Row, column: Column) -> Origin {
    row.cell(column).meta().2
}

/// Two header rows: the form's numbered boxes, and under a box of several
/// columns, each column's own heading.
fn header(html: &mut Html, columns: &[FormColumn]) {
    let groups = boxes(columns);
    let two_rows = groups.iter().any(|g| g.len() > 1);
    html.raw("<tr>");
    for group in &groups {
        let first = group[0];
        let label = box_label(&first);
        if group.len() == 1 {
            let rowspan = if two_rows { "2" } else { "1" };
            html.leaf(
                "th",
                &[("scope", "col"), ("rowspan", rowspan), ("data-column", first.column.key())],
                &label,
            );
        } else {
            let span = group.len().to_string();
            html.leaf("th", &[("scope", "colgroup"), ("colspan", &span), ("class", "box")], &label);
        }
    }
    html.raw("</tr>");
    if two_rows {
        html.raw("<tr>");
        for c in groups.iter().filter(|g| g.len() > 1).flatten() {
            let label = if c.heading.is_empty() { c.column.label() } else { c.heading };
            html.leaf("th", &[("scope", "col"), ("class", "sub"), ("data-column", c.column.key())], label);
        }
        html.raw("</tr>");
    }
}

/// "4. Securities acquired (A) or disposed of (D)"; unnumbered columns by their name.
fn box_label(column: &FormColumn) -> String {
    if column.number.is_empty() {
        column.box_heading.to_owned()
    } else {
        format!("{}. {}", column.number, column.box_heading)
    }
}

/// Consecutive columns of one box.
fn boxes(columns: &[FormColumn]) -> Vec<Vec<FormColumn>> {
    let mut groups: Vec<Vec<FormColumn>> = Vec::new();
    for column in columns {
        match groups.last_mut() {
            Some(group)
                if !column.number.is_empty()
                    && group[0].number == column.number
                    && group[0].box_heading == column.box_heading =>
            {
                group.push(*column)
            }
            _ => groups.push(vec![*column]),
        }
    }
    groups
}

/// A cell's value as the form prints it: dates `MM/DD/YYYY`, the rest as
/// the model holds it (numbers as written, codes as their letter).
pub fn display_value(cell: &Cell<'_>) -> Option<String> {
    match cell {
        Cell::Date(field) => field.value.map(|d| d.to_us_string()),
        Cell::Flag(field) => field.value.map(|b| if b { "Yes" } else { "No" }.to_owned()),
        other => other.text(),
    }
}

/// What the source view says about one cell.
pub fn cell_request(
    filing: &Filing,
    input: Arc<Input>,
    table: Table,
    index: usize,
    column: Column,
) -> Option<SourceRequest> {
    let row = filing.table(table).get(index)?;
    let cell = row.cell(column);
    let (footnotes, span, origin) = cell.meta();
    let layout = form_columns(filing.form_type(), table);
    let label = layout.iter().find(|c| c.column == column).map_or(column.label().to_owned(), |c| {
        if c.heading.is_empty() { box_label(c) } else { format!("{} — {}", box_label(c), c.heading) }
    });
    let mut notes = Vec::new();
    match display_value(&cell) {
        Some(value) => notes.push(format!("Value: {value}")),
        None if footnotes.is_empty() => notes.push("Empty.".to_owned()),
        None => notes.push("Given only by its footnotes.".to_owned()),
    }
    notes.push(origin_words(origin).unwrap_or_else(|| "Read as written.".to_owned()));
    if let (Column::TransactionCode, Some(code)) = (column, row.transaction_code.value) {
        notes.push(format!("Code {}: {}.", code.letter(), code.description()));
    }
    if column == Column::TransactionCode {
        // The cells the form folds into the code box, shown here when their column is not.
        if let Some(form) = &row.transaction_form_type.value {
            notes.push(format!("Reported on Form {}.", form.trim()));
        }
        if let Some(swap) = row.equity_swap_involved.value {
            notes.push(format!("Equity swap involved: {}.", if swap { "yes (K)" } else { "no" }));
        }
    }
    for id in footnotes {
        match filing.footnote(id) {
            Some(footnote) => notes.push(format!("Footnote {}: {}", footnote_mark(id), footnote.text.text())),
            None => notes.push(format!("Footnote {id} is not defined in the filing.")),
        }
    }
    Some(SourceRequest {
        input,
        span,
        title: format!("{}, row {} · {label}", table_name(table), index + 1),
        notes,
    })
}

/// The `data-cell` of a cell: `{prefix}.{table}.{row}.{column}` by their
/// keys, e.g. `filing-0-0.non-derivative.2.security-title` (the analysis's
/// row links find a row's first cell by it).
pub fn cell_key(prefix: &str, table: Table, index: usize, column: Column) -> String {
    format!("{prefix}.{}.{index}.{}", table.key(), column.key())
}

/// The table, row and column a `data-cell` names ([`cell_key`]).
pub fn parse_cell_key(key: &str) -> Option<(Table, usize, Column)> {
    let mut parts = key.rsplitn(4, '.');
    let column = parts.next()?;
    let index = parts.next()?.parse().ok()?;
    let table = parts.next()?;
    let table = [Table::NonDerivative, Table::Derivative].into_iter().find(|t| t.key() == table)?;
    let column = Column::ALL.into_iter().find(|c| c.key() == column)?;
    Some((table, index, column))
}

/// One cell: the value as printed, its footnote marks, and a mark when the
/// value was not read as such.
fn table_cell(
    html: &mut Html,
    context: TableContext<'_>,
    table: Table,
    index: usize,
    row: &Row,
    column: FormColumn,
    first: bool,
) {
    let tabindex = if first { "0" } else { "-1" };
    let name = column.column.key();
    if !column.column.applies(table, row.kind) {
        let text = if column.column == Column::TransactionCode && row.kind == RowKind::Holding {
            "Holding"
        } else {
            ""
        };
        html.leaf("td", &[("class", "not-applicable"), ("data-column", name), ("tabindex", tabindex)], text);
        return;
    }
    let cell = row.cell(column.column);
    let (footnotes, _, origin) = cell.meta();
    let code_meaning = (column.column == Column::TransactionCode)
        .then(|| context.analysis.rows.iter().find(|r| r.table == table && r.row as usize == index))
        .flatten()
        .and_then(|r| r.code)
        .map(|code| format!("{} — {} ({})", code.code.letter(), code.description, code.class_label));
    let title = [code_meaning, origin_words(origin)].into_iter().flatten().collect::<Vec<_>>().join(" ");
    let mut class = origin_glyph(origin).map(|(kind, _)| format!("origin-{kind}")).unwrap_or_default();
    if matches!(cell, Cell::Num(_)) {
        class.push_str(if class.is_empty() { "num" } else { " num" });
    }
    html.open(
        "td",
        &[
            ("data-test", "cell"),
            ("data-column", name),
            ("data-cell", &cell_key(context.prefix, table, index, column.column)),
            ("class", &class),
            ("tabindex", tabindex),
            ("title", &title),
        ],
    )
    .leaf("span", &[("data-test", "value")], display_value(&cell).as_deref().unwrap_or(""));
    origin_mark(html, origin);
    footnote_marks(html, context.filing, footnotes, context.prefix);
    if column.column == Column::SecurityTitle && row.kind == RowKind::Holding {
        html.raw(r#"<span class="badge holding-badge" data-test="holding-badge">Holding</span>"#);
    }
    html.close("td");
}

/// Arrow keys, Home and End move the focus between the body cells of a table.
pub fn move_focus(event: &web_sys::KeyboardEvent) {
    let (dr, dc): (i32, i32) = match event.key().as_str() {
        "ArrowUp" => (-1, 0),
        "ArrowDown" => (1, 0),
        "ArrowLeft" => (0, -1),
        "ArrowRight" => (0, 1),
        "Home" => (0, i32::MIN),
        "End" => (0, i32::MAX),
        _ => return,
    };
    let Some(cell) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlTableCellElement>().ok()) else {
        return;
    };
    let Some(row) = cell.parent_element().and_then(|r| r.dyn_into::<web_sys::HtmlTableRowElement>().ok())
    else {
        return;
    };
    let Some(body) = row.parent_element().and_then(|b| b.dyn_into::<web_sys::HtmlTableSectionElement>().ok())
    else {
        return;
    };
    let rows = body.rows();
    let row_index = (row.section_row_index() + dr).clamp(0, rows.length() as i32 - 1);
    let Some(target_row) =
        rows.item(row_index as u32).and_then(|r| r.dyn_into::<web_sys::HtmlTableRowElement>().ok())
    else {
        return;
    };
    let cells = target_row.cells();
    let column = cell.cell_index().saturating_add(dc).clamp(0, cells.length() as i32 - 1);
    if let Some(next) = cells.item(column as u32).and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        event.prevent_default();
        let _ = cell.set_attribute("tabindex", "-1");
        let _ = next.set_attribute("tabindex", "0");
        let _ = next.focus();
    }
}

#[cfg(test)]
mod tests {
    use filing_core::model::{Field, Num};

    use super::*;

    fn shown(form: FormType, table: Table, rows: &[Row]) -> Vec<Column> {
        shown_columns(Some(form), table, rows).into_iter().map(|c| c.column).collect()
    }

    #[test]
    fn a_form3_shows_its_four_printed_columns() {
        let mut holding = Row { kind: RowKind::Holding, ..Row::default() };
        holding.shares_owned_following_transaction.value = Num::parse("1,000").ok();
        assert_eq!(
            shown(FormType::Form3, Table::NonDerivative, &[holding]),
            [
                Column::SecurityTitle,
                Column::SharesOwnedFollowingTransaction,
                Column::DirectOrIndirectOwnership,
                Column::NatureOfOwnership
            ]
        );
    }

    #[test]
    fn folded_cells_show_beside_their_box_and_stray_cells_after_the_form() {
        // A Form 3 row with a transaction date (a lossy rendering's misreading)
        // and a value owned after: both shown, nothing hidden.
        let date = filing_core::model::Date::from_ymd(2024, 1, 8).unwrap();
        let mut row = Row { transaction_date: Field::read(date, Default::default()), ..Row::default() };
        row.value_owned_following_transaction.value = Num::parse("500").ok();
        let columns = shown(FormType::Form3, Table::NonDerivative, &[row]);
        assert_eq!(columns[2], Column::ValueOwnedFollowingTransaction, "beside the amount: {columns:?}");
        assert_eq!(columns.last(), Some(&Column::TransactionDate), "{columns:?}");
    }

    #[test]
    fn a_holding_has_no_transaction_content() {
        let mut holding = Row { kind: RowKind::Holding, ..Row::default() };
        holding.transaction_shares.value = Num::parse("5").ok();
        let columns = shown(FormType::Form4, Table::NonDerivative, &[holding]);
        assert!(!columns.contains(&Column::TransactionTotalValue));
        assert_eq!(columns.len(), 11, "the printed columns of Form 4's Table I: {columns:?}");
    }

    #[test]
    fn routine_folded_cells_stay_hidden_and_notable_ones_show() {
        let mut row = Row::default();
        row.transaction_form_type.value = Some("4".to_owned());
        row.equity_swap_involved.value = Some(false);
        let columns = shown(FormType::Form4, Table::NonDerivative, std::slice::from_ref(&row));
        assert!(!columns.contains(&Column::TransactionFormType), "{columns:?}");
        assert!(!columns.contains(&Column::EquitySwapInvolved), "{columns:?}");
        // A Form 5 transaction reported on Form 4, with an equity swap.
        row.equity_swap_involved.value = Some(true);
        let columns = shown(FormType::Form5, Table::NonDerivative, &[row]);
        assert!(columns.contains(&Column::TransactionFormType), "{columns:?}");
        assert!(columns.contains(&Column::EquitySwapInvolved), "{columns:?}");
    }

    #[test]
    fn boxes_group_adjacent_columns_of_one_number() {
        let columns = shown_columns(Some(FormType::Form4), Table::NonDerivative, &[]);
        let sizes: Vec<usize> = boxes(&columns).iter().map(Vec::len).collect();
        // 1, 2, 2A, 3 (Code, V), 4 (Amount, A/D, Price), 5, 6, 7.
        assert_eq!(sizes, [1, 1, 1, 2, 3, 1, 1, 1]);
        assert_eq!(box_label(&columns[7]), "4. Securities acquired (A) or disposed of (D)");
    }

    #[test]
    fn a_cell_key_names_its_table_row_and_column() {
        let key = cell_key("filing-0-1", Table::Derivative, 12, Column::TransactionPricePerShare);
        assert_eq!(key, "filing-0-1.derivative.12.transaction-price-per-share");
        assert_eq!(parse_cell_key(&key), Some((Table::Derivative, 12, Column::TransactionPricePerShare)));
        assert_eq!(parse_cell_key("filing-0-1.table.1.security-title"), None);
        assert_eq!(parse_cell_key("filing-0-1.derivative.1.SecurityTitle"), None);
    }

    #[test]
    fn dates_are_printed_as_the_form_prints_them() {
        let field = Field::read(filing_core::model::Date::from_ymd(2030, 6, 30).unwrap(), Default::default());
        assert_eq!(display_value(&Cell::Date(&field)).as_deref(), Some("06/30/2030"));
    }
}
