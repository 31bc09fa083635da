//! The analysis of a filing ([`filing_core::analysis`]): what each row's code
//! means and what it was worth, the net change of each position, exercises
//! paired with their sales and the spread, Rule 10b5-1 plans with the days
//! from adoption, and the checks. A figure that rests on an inferred value
//! says so (`≈`, and in words for screen readers); row references jump to
//! the row in its table.

use filing_core::Input;
use filing_core::analysis::figure::{display, dollars};
use filing_core::analysis::{Analysis, Figure, PlanSource};
use filing_core::model::{DirectIndirect, Filing, Table};

use crate::diagnostics_panel::{DiagnosticList, diagnostics_panel};
use crate::footnotes::footnote_mark;
use crate::html::Html;
use crate::transaction_table::{cell_key, table_name};

/// A figure as text; money as dollars. `None` is unknown ("?").
fn figure_text(figure: Option<&Figure>, money: bool) -> String {
    match figure {
        Some(f) if money => dollars(f.value),
        Some(f) => display(f.value),
        None => "?".to_owned(),
    }
}

/// A figure, marked when it rests on inferred values.
fn amount(html: &mut Html, figure: Option<&Figure>, money: bool) {
    let inferred = figure.is_some_and(Figure::is_inferred);
    let (class, title) = match figure {
        _ if inferred => ("amount inferred", "Rests on inferred values"),
        None => ("amount unknown", "Unknown: a value it needs is missing"),
        Some(_) => ("amount", ""),
    };
    html.open("span", &[("class", class), ("title", title)]).text(&figure_text(figure, money));
    if inferred {
        html.raw(r#"<span class="origin-mark inferred" aria-hidden="true">≈</span><span class="visually-hidden"> (inferred)</span>"#);
    }
    html.close("span");
}

/// A button naming a table row ("Table I row 2") that moves the focus to the
/// row's first cell (`crate::delegate`, by its `data-goto`).
fn row_link(html: &mut Html, prefix: &str, table: Table, row: u32) {
    let target = cell_key(prefix, table, row as usize, filing_core::model::Column::SecurityTitle);
    html.leaf(
        "button",
        &[("type", "button"), ("class", "link"), ("data-test", "row-link"), ("data-goto", &target)],
        &format!("{} row {}", table_name(table), row + 1),
    );
}

/// The head of an analysis table: its heading, its scrolling box and the column headings.
fn table_head(html: &mut Html, heading: &'static str, test: &'static str, columns: &[&str]) {
    html.leaf("h4", &[], heading)
        .open("div", &[("class", "scroll"), ("tabindex", "0"), ("role", "region"), ("aria-label", heading)])
        .open("table", &[("class", "analysis-table"), ("data-test", test)])
        .raw("<thead><tr>");
    for column in columns {
        html.leaf("th", &[("scope", "col")], column);
    }
    html.raw("</tr></thead><tbody>");
}

/// Everything the analysis found in one filing.
pub fn analysis_view(
    html: &mut Html,
    filing: &Filing,
    analysis: &Analysis,
    source: Option<&Input>,
    prefix: &str,
) {
    let id = format!("{prefix}-analysis");
    html.open("section", &[("class", "analysis"), ("data-test", "analysis"), ("aria-labelledby", &id)]).leaf(
        "h3",
        &[("id", &id)],
        "Analysis",
    );
    rows_explained(html, analysis, prefix);
    positions(html, analysis, prefix);
    exercises(html, analysis, prefix);
    plans(html, analysis, prefix);
    let checks: Vec<_> = analysis.diagnostics.iter().collect();
    diagnostics_panel(
        html,
        &checks,
        DiagnosticList::Checks,
        source,
        Some(filing),
        (
            "Checks",
            "Every check passed: directions match the codes, holdings add up, dates are in order, the deadline was met.",
        ),
    );
    html.raw("</section>");
}

/// Each transaction's code in words, its value, its plan and its price check.
fn rows_explained(html: &mut Html, analysis: &Analysis, prefix: &str) {
    let mut rows = analysis.rows.iter().filter(|r| r.code.is_some()).peekable();
    if rows.peek().is_none() {
        return;
    }
    table_head(
        html,
        "Transactions explained",
        "rows-explained",
        &[
            "Row",
            "Code and meaning",
            "Ownership",
            "Value (shares × price)",
            "Rule 10b5-1 plan",
            "Price against its footnoted range",
            "Timeliness mark",
        ],
    );
    for row in rows {
        html.raw(r#"<tr data-test="row-explained"><th scope="row">"#);
        row_link(html, prefix, row.table, row.row);
        html.raw("</th><td>");
        if let Some(c) = &row.code {
            html.leaf("strong", &[], &c.code.letter().to_string())
                .text(" ")
                .text(c.description)
                .text(" ")
                .leaf("span", &[("class", "class-label")], c.class_label);
        }
        html.raw("</td>").leaf("td", &[], &row.ownership).raw(r#"<td class="num">"#);
        if let Some(v) = &row.value {
            amount(html, Some(&v.value), true);
            if v.notional {
                html.raw(r#" <span class="class-label" title="Table II: the derivative's own price, not cash paid">notional</span>"#);
            }
        }
        let plan = row.plan.as_ref().map(|p| match (p.adopted, p.days_after_adoption) {
            (Some(adopted), Some(days)) => format!("Adopted {}; {days} days before", adopted.to_us_string()),
            (Some(adopted), None) => format!("Adopted {}", adopted.to_us_string()),
            _ => "Under a plan; adoption date not given".to_owned(),
        });
        html.raw("</td>").leaf("td", &[], plan.as_deref().unwrap_or("")).raw("<td>");
        if let Some(r) = &row.price_range {
            let (verdict, class) = if r.within { ("Within", "check ok") } else { ("Outside", "check bad") };
            let text =
                format!("{verdict} {}–{} {}", dollars(r.low), dollars(r.high), footnote_mark(&r.footnote));
            html.leaf("span", &[("class", class)], &text);
        }
        html.raw("</td>").leaf("td", &[], row.timeliness.unwrap_or("")).raw("</tr>");
    }
    html.raw("</tbody></table></div>");
}

/// Per security and ownership: holdings before and after, and the net change.
fn positions(html: &mut Html, analysis: &Analysis, prefix: &str) {
    if analysis.positions.is_empty() {
        return;
    }
    table_head(
        html,
        "Net change per position",
        "positions",
        &[
            "Security",
            "Ownership",
            "Before",
            "Acquired",
            "Disposed of",
            "Net change",
            "After",
            "Change",
            "Average purchase",
            "Average sale",
            "Rows",
        ],
    );
    for p in &analysis.positions {
        let how = match p.ownership {
            Some(DirectIndirect::Direct) => "Direct".to_owned(),
            Some(DirectIndirect::Indirect) => {
                format!(
                    "Indirect{}",
                    p.nature_of_ownership.as_deref().map(|n| format!(" ({n})")).unwrap_or_default()
                )
            }
            None => "Not stated".to_owned(),
        };
        html.raw(r#"<tr data-test="position"><th scope="row">"#)
            .text(&p.security_title)
            .text(" ")
            .leaf("span", &[("class", "class-label")], table_name(p.table))
            .raw("</th>")
            .leaf("td", &[], &how);
        let flows = &p.flows;
        for (figure, test) in [
            (&p.owned_before, ""),
            (&flows.acquired, ""),
            (&flows.disposed, ""),
            (&flows.net_change, "net-change"),
            (&p.owned_after, ""),
        ] {
            html.open("td", &[("class", "num"), ("data-test", test)]);
            amount(html, figure.as_ref(), false);
            html.raw("</td>");
        }
        let percent = p.change_percent.as_ref().map(|c| format!("{}%", display(c.value)));
        html.leaf("td", &[("class", "num")], percent.as_deref().unwrap_or(""));
        for price in [&flows.average_purchase_price, &flows.average_sale_price] {
            html.raw(r#"<td class="num">"#);
            if let Some(price) = price {
                amount(html, Some(price), true);
            }
            html.raw("</td>");
        }
        html.raw(r#"<td class="row-links">"#);
        for &r in &p.rows {
            row_link(html, prefix, p.table, r);
        }
        html.raw("</td></tr>");
    }
    html.raw("</tbody></table></div>");
}

/// Exercises and conversions, with the same-day sales of the shares and the spread.
fn exercises(html: &mut Html, analysis: &Analysis, prefix: &str) {
    if analysis.exercises.is_empty() {
        return;
    }
    html.raw(r#"<h4>Exercises and sales</h4><ul class="exercises">"#);
    for pair in &analysis.exercises {
        let date = pair.date.map(|d| d.to_us_string()).unwrap_or_default();
        html.raw(r#"<li class="exercise" data-test="exercise"><p>"#)
            .leaf("strong", &[], &pair.derivative_title)
            .text(&format!(" — code {} on {date} ", pair.code.letter()));
        row_link(html, prefix, Table::Derivative, pair.derivative_row);
        html.raw("</p><dl><dt>Exercised</dt><dd>");
        amount(html, pair.derivatives.as_ref(), false);
        html.raw(" at ");
        amount(html, pair.exercise_price.as_ref(), true);
        html.raw("</dd><dt>Shares acquired</dt><dd>");
        amount(html, pair.shares_acquired.as_ref(), false);
        if let Some(r) = pair.counterpart_row {
            html.raw(" ");
            row_link(html, prefix, Table::NonDerivative, r);
        }
        html.raw("</dd>");
        if pair.sales.is_empty() {
            html.raw("<dt>Sold</dt><dd>No sale of these shares is reported with it.</dd>");
        } else {
            html.raw("<dt>Sold</dt><dd>");
            amount(html, pair.shares_sold.as_ref(), false);
            html.raw(" at an average of ");
            amount(html, pair.average_sale_price.as_ref(), true);
            html.raw(" ");
            for sale in &pair.sales {
                row_link(html, prefix, Table::NonDerivative, sale.row);
            }
            html.raw(r#"</dd><dt>Spread</dt><dd data-test="spread">"#);
            amount(html, pair.spread.as_ref(), true);
            html.raw("</dd>");
        }
        if let Some(remaining) = &pair.derivatives_remaining {
            html.raw("<dt>Remaining</dt><dd>");
            amount(html, Some(remaining), false);
            html.raw("</dd>");
        }
        html.raw("</dl></li>");
    }
    html.raw("</ul>");
}

/// The Rule 10b5-1 checkbox and the statements that transactions were made under a plan.
fn plans(html: &mut Html, analysis: &Analysis, prefix: &str) {
    let plans = &analysis.plans;
    let checkbox = match plans.checkbox {
        Some(true) => "The Rule 10b5-1 box is checked.",
        Some(false) => "The Rule 10b5-1 box is not checked.",
        None => "This form has no Rule 10b5-1 box (forms filed before April 2023).",
    };
    html.raw("<h4>Rule 10b5-1 plans</h4>").leaf("p", &[("data-test", "plan-checkbox")], checkbox);
    if plans.statements.is_empty() {
        return;
    }
    html.raw(r#"<ul class="plans">"#);
    for s in &plans.statements {
        let source = match &s.source {
            PlanSource::Footnote(id) => format!("Footnote {}", footnote_mark(id)),
            PlanSource::Remarks => "The remarks".to_owned(),
        };
        let adopted = s
            .adopted
            .map(|d| format!(" say a plan adopted on {} was used", d.to_us_string()))
            .unwrap_or_else(|| " say a plan was used (no adoption date given)".to_owned());
        html.raw(r#"<li data-test="plan">"#).text(&source).text(&adopted);
        if !s.rows.is_empty() {
            html.raw(", for ");
        }
        for &(t, r) in &s.rows {
            row_link(html, prefix, t, r);
        }
        html.raw(".</li>");
    }
    html.raw("</ul>");
}

#[cfg(test)]
mod tests {
    use filing_core::model::Num;

    use super::*;

    fn figure(text: &str) -> Figure {
        Figure::exact(Num::parse(text).unwrap().value)
    }

    #[test]
    fn unknown_figures_are_a_question_mark_and_money_is_dollars() {
        assert_eq!(figure_text(None, true), "?");
        assert_eq!(figure_text(Some(&figure("91817.6")), true), "$91,817.60");
        assert_eq!(figure_text(Some(&figure("12000")), false), "12,000");
    }
}
