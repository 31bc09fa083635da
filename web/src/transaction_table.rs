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
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::export_menu::ExportMenu;
use crate::footnotes::FootnoteMarks;
pub use crate::footnotes::footnote_mark;
use crate::origin::{OriginMark, origin_glyph, origin_words};
use crate::source_view::{SourceRequest, SourceViewer, event_element};

/// What a table needs from its filing.
#[derive(Clone)]
pub struct TableContext {
    /// The filing.
    pub filing: Arc<Filing>,
    /// Its analysis.
    pub analysis: Arc<Analysis>,
    /// The input text, for the source view.
    pub source: Option<Arc<Input>>,
    /// A prefix making the filing's element ids unique on the page.
    pub prefix: Arc<str>,
}

/// "Table I" or "Table II".
pub fn table_name(table: Table) -> &'static str {
    match table {
        Table::NonDerivative => "Table I",
        Table::Derivative => "Table II",
    }
}

/// One of the two tables of a filing.
#[component]
pub fn TransactionTable(context: TableContext, table: Table) -> impl IntoView {
    let (title, hook) = match table {
        Table::NonDerivative => {
            ("Non-derivative securities acquired, disposed of, or beneficially owned", "table-i")
        }
        Table::Derivative => {
            ("Derivative securities acquired, disposed of, or beneficially owned", "table-ii")
        }
    };
    let heading_id = format!("{}-{hook}", context.prefix);
    let heading = view! {
        <h3 id=heading_id.clone()>
            <span class="table-number">{table_name(table)}</span>
            " "
            {title}
        </h3>
    };
    let rows = context.filing.table(table);
    if rows.is_empty() {
        return view! {
            <section class="table-section" data-test=hook aria-labelledby=heading_id>
                {heading}
                <p class="empty" data-test="table-empty">"No rows reported."</p>
            </section>
        }
        .into_any();
    }
    let columns = shown_columns(context.filing.form_type(), table, rows);
    let marked = rows.iter().any(|row| columns.iter().any(|c| !origin_of(row, c.column).is_read()));
    let head = header(&columns);
    let section_label = heading_id.clone();
    let body = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let cells = columns
                .iter()
                .enumerate()
                .map(|(position, column)| {
                    let first = index == 0 && position == 0;
                    view! {
                        <TableCell
                            context=context.clone()
                            table=table
                            index=index
                            column=*column
                            first=first
                        />
                    }
                })
                .collect_view();
            let kind = match row.kind {
                RowKind::Transaction => "transaction",
                RowKind::Holding => "holding",
            };
            view! { <tr data-test="row" data-kind=kind class=kind>{cells}</tr> }
        })
        .collect_view();
    view! {
        <section class="table-section" data-test=hook aria-labelledby=section_label>
            <div class="table-heading">
                {heading}
                <ExportMenu filing=context.filing.clone() table=table />
            </div>
            <p class="table-hint">
                "Holdings are shaded and labelled. Click a cell — or move with the arrow keys and press Enter — to see it in the input."
            </p>
            {marked.then(|| view! { <OriginLegend /> })}
            <div class="scroll">
                <table class="transactions" aria-labelledby=heading_id on:keydown=move_focus>
                    <thead>{head}</thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// What the marks on values mean; shown above a table that has any.
#[component]
fn OriginLegend() -> impl IntoView {
    view! {
        <p class="origin-legend" data-test="origin-legend">
            <span class="origin-mark inferred" aria-hidden="true">"≈"</span>
            " inferred by a rule (open the cell to see which) "
            <span class="origin-mark uncertain" aria-hidden="true">"?"</span>
            " read, but its column is uncertain "
            <span class="origin-mark missing" aria-hidden="true">"∅"</span>
            " not found in this rendering"
        </p>
    }
}

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
fn header(columns: &[FormColumn]) -> impl IntoView + use<> {
    let groups = boxes(columns);
    let two_rows = groups.iter().any(|g| g.len() > 1);
    let top = groups
        .iter()
        .map(|group| {
            let first = group[0];
            let label = box_label(&first);
            if group.len() == 1 {
                let rowspan = if two_rows { "2" } else { "1" };
                view! { <th scope="col" rowspan=rowspan data-column=format!("{:?}", first.column)>{label}</th> }.into_any()
            } else {
                view! { <th scope="colgroup" colspan=group.len().to_string() class="box">{label}</th> }.into_any()
            }
        })
        .collect_view();
    let sub = two_rows.then(|| {
        let cells = groups
            .iter()
            .filter(|g| g.len() > 1)
            .flatten()
            .map(|c| {
                let label = if c.heading.is_empty() { c.column.label() } else { c.heading };
                view! { <th scope="col" class="sub" data-column=format!("{:?}", c.column)>{label}</th> }
            })
            .collect_view();
        view! { <tr>{cells}</tr> }
    });
    view! {
        <tr>{top}</tr>
        {sub}
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
    context: &TableContext,
    table: Table,
    index: usize,
    column: Column,
) -> Option<SourceRequest> {
    let input = context.source.clone()?;
    let row = context.filing.table(table).get(index)?;
    let cell = row.cell(column);
    let (footnotes, span, origin) = cell.meta();
    let layout = form_columns(context.filing.form_type(), table);
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
        match context.filing.footnote(id) {
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

/// One cell: the value as printed, its footnote marks, and a mark when the
/// value was not read as such.
#[component]
fn TableCell(
    context: TableContext,
    table: Table,
    index: usize,
    column: FormColumn,
    first: bool,
) -> impl IntoView {
    let tabindex = if first { "0" } else { "-1" };
    let name = format!("{:?}", column.column);
    let filing = context.filing.clone();
    let Some(row) = filing.table(table).get(index) else {
        return view! { <td data-column=name tabindex=tabindex></td> }.into_any();
    };
    if !column.column.applies(table, row.kind) {
        let text =
            (column.column == Column::TransactionCode && row.kind == RowKind::Holding).then_some("Holding");
        return view! { <td class="not-applicable" data-column=name tabindex=tabindex>{text}</td> }
            .into_any();
    }
    let cell = row.cell(column.column);
    let (footnotes, _, origin) = cell.meta();
    let numeric = matches!(cell, Cell::Num(_));
    let code_meaning = (column.column == Column::TransactionCode)
        .then(|| context.analysis.rows.iter().find(|r| r.table == table && r.row as usize == index))
        .flatten()
        .and_then(|r| r.code)
        .map(|code| format!("{} — {} ({})", code.code.letter(), code.description, code.class_label));
    let origin_text = origin_words(origin);
    let title = [code_meaning, origin_text.clone()].into_iter().flatten().collect::<Vec<_>>();
    let origin_class = origin_glyph(origin).map(|(kind, _)| format!("origin-{kind}"));
    let viewer = use_context::<SourceViewer>();
    let request_context = context.clone();
    let open = move |from: Option<web_sys::HtmlElement>| {
        if let (Some(viewer), Some(request)) =
            (viewer, cell_request(&request_context, table, index, column.column))
        {
            viewer.show(request, from);
        }
    };
    let open_on_key = open.clone();
    let holding_badge = (column.column == Column::SecurityTitle && row.kind == RowKind::Holding)
        .then(|| view! { <span class="badge holding-badge" data-test="holding-badge">"Holding"</span> });
    view! {
        <td
            data-test="cell"
            data-column=name
            data-cell=format!("{}-{:?}-{index}-{:?}", context.prefix, table, column.column)
            class=origin_class
            class:num=numeric
            tabindex=tabindex
            title=(!title.is_empty()).then(|| title.join(" "))
            on:click=move |event| open(event_element(&event))
            on:keydown=move |event| {
                // Only on the cell itself: Enter on a footnote mark inside follows the mark.
                let on_cell = event.target() == event.current_target();
                if on_cell && (event.key() == "Enter" || event.key() == " ") {
                    event.prevent_default();
                    open_on_key(event_element(&event));
                }
            }
        >
            <span data-test="value">{display_value(&cell)}</span>
            <OriginMark origin=origin />
            <FootnoteMarks filing=context.filing.clone() ids=footnotes.to_vec() prefix=context.prefix.clone() />
            {holding_badge}
        </td>
    }
    .into_any()
}

/// Arrow keys, Home and End move the focus between the body cells of a table.
fn move_focus(event: web_sys::KeyboardEvent) {
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
    fn dates_are_printed_as_the_form_prints_them() {
        let field = Field::read(filing_core::model::Date::from_ymd(2030, 6, 30).unwrap(), Default::default());
        assert_eq!(display_value(&Cell::Date(&field)).as_deref(), Some("06/30/2030"));
    }
}
