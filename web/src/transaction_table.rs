//! Table I and Table II of the form, with the filing's values as written,
//! their footnote marks, and how each value was obtained.

use std::sync::Arc;

use filing_core::model::{Column, Filing, FootnoteId, Origin, Row, RowKind, Table};
use leptos::prelude::*;

/// One of the two tables of a filing.
#[component]
pub fn TransactionTable(filing: Arc<Filing>, table: Table) -> impl IntoView {
    let (title, hook) = match table {
        Table::NonDerivative => {
            ("Table I — Non-derivative securities acquired, disposed of, or beneficially owned", "table-i")
        }
        Table::Derivative => {
            ("Table II — Derivative securities acquired, disposed of, or beneficially owned", "table-ii")
        }
    };
    let rows = filing.table(table);
    if rows.is_empty() {
        return view! {
            <section class="table-section" data-test=hook>
                <h3>{title}</h3>
                <p class="empty" data-test="table-empty">"No rows reported."</p>
            </section>
        }
        .into_any();
    }
    let columns = shown_columns(table, rows);
    let head = columns.iter().map(|c| view! { <th scope="col">{c.label()}</th> }).collect_view();
    let body = rows
        .iter()
        .map(|row| {
            let cells = columns
                .iter()
                .map(|&column| view! { <TableCell filing=filing.clone() table=table row=row.clone() column=column /> })
                .collect_view();
            let kind = match row.kind {
                RowKind::Transaction => "transaction",
                RowKind::Holding => "holding",
            };
            view! { <tr data-test="row" data-kind=kind>{cells}</tr> }
        })
        .collect_view();
    view! {
        <section class="table-section" data-test=hook>
            <h3>{title}</h3>
            <div class="scroll">
                <table class="transactions">
                    <thead><tr>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// The columns that hold something in at least one row, in the model's order
/// (close to the form's). Nothing the filing gives is left out.
fn shown_columns(table: Table, rows: &[Row]) -> Vec<Column> {
    Column::ALL
        .into_iter()
        .filter(|&column| {
            column == Column::SecurityTitle
                || rows.iter().any(|row| column.applies(table, row.kind) && has_content(row, column))
        })
        .collect()
}

fn has_content(row: &Row, column: Column) -> bool {
    let cell = row.cell(column);
    let (footnotes, _, origin) = cell.meta();
    cell.text().is_some() || !footnotes.is_empty() || !origin.is_read()
}

/// One cell: the value as written, its footnote marks, and a mark when the
/// value was not read as such.
#[component]
fn TableCell(filing: Arc<Filing>, table: Table, row: Row, column: Column) -> impl IntoView {
    if !column.applies(table, row.kind) {
        let text = (column == Column::TransactionCode).then_some("holding");
        return view! { <td class="not-applicable" data-column=format!("{column:?}")>{text}</td> }.into_any();
    }
    let cell = row.cell(column);
    let (footnotes, _, origin) = cell.meta();
    let explanation = match (column, row.transaction_code.value) {
        (Column::TransactionCode, Some(code)) => code.description().to_owned(),
        _ => String::new(),
    };
    let provenance = match origin {
        Origin::Read => None,
        Origin::Inferred(rule) => Some(("inferred", format!("inferred {rule}"))),
        Origin::Uncertain => Some(("uncertain", "read, but its column is uncertain".to_owned())),
        Origin::Missing => Some(("missing", "not found in this rendering".to_owned())),
    };
    let (origin_class, origin_title) = provenance.unzip();
    let title =
        [Some(explanation), origin_title].into_iter().flatten().filter(|t| !t.is_empty()).collect::<Vec<_>>();
    view! {
        <td
            data-test="cell"
            data-column=format!("{column:?}")
            class=origin_class.map(|c| format!("origin-{c}"))
            title=(!title.is_empty()).then(|| title.join("; "))
        >
            <span data-test="value">{cell.text()}</span>
            <FootnoteMarks filing=filing ids=footnotes.to_vec() />
        </td>
    }
    .into_any()
}

/// Footnote marks as the form prints them: `(1)`, with the footnote's text on hover.
#[component]
pub fn FootnoteMarks(filing: Arc<Filing>, ids: Vec<FootnoteId>) -> impl IntoView {
    (!ids.is_empty()).then(|| {
        let marks = ids
            .iter()
            .map(|id| {
                let text = filing.footnote(id).map(|f| f.text.text().to_owned());
                let missing = text.is_none();
                view! {
                    <span class="mark" class:undefined=missing title=text.unwrap_or_else(|| "this footnote is not defined".to_owned())>
                        {footnote_mark(id)}
                    </span>
                }
            })
            .collect_view();
        view! { <sup class="footnotes" data-test="footnote-marks">{marks}</sup> }
    })
}

/// `(1)` for `F1`; other ids as written.
pub fn footnote_mark(id: &FootnoteId) -> String {
    match id.number() {
        Some(n) => format!("({n})"),
        None => format!("({id})"),
    }
}

#[cfg(test)]
mod tests {
    use filing_core::model::{Field, Num};

    use super::*;

    #[test]
    fn footnote_marks_are_printed_as_the_form_does() {
        assert_eq!(footnote_mark(&FootnoteId::numbered(12)), "(12)");
        assert_eq!(footnote_mark(&FootnoteId("Fx".to_owned())), "(Fx)");
    }

    #[test]
    fn only_columns_with_content_are_shown() {
        let mut holding = Row { kind: RowKind::Holding, ..Row::default() };
        holding.security_title = Field::read("Common Stock".to_owned(), Default::default());
        holding.shares_owned_following_transaction.value = Num::parse("1,000").ok();
        // A transaction cell on a holding row does not count: holdings have none.
        holding.transaction_shares.value = Num::parse("5").ok();
        let mut footnoted = Row::default();
        footnoted.transaction_price_per_share.footnotes.push(FootnoteId::numbered(1));
        let shown = shown_columns(Table::NonDerivative, &[holding, footnoted]);
        assert_eq!(
            shown,
            [
                Column::SecurityTitle,
                Column::TransactionPricePerShare,
                Column::SharesOwnedFollowingTransaction
            ]
        );
    }
}
