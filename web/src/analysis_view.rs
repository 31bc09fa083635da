//! The analysis of a filing ([`filing_core::analysis`]): what each row's code
//! means and what it was worth, the net change of each position, exercises
//! paired with their sales and the spread, Rule 10b5-1 plans with the days
//! from adoption, and the checks. A figure that rests on an inferred value
//! says so (`≈`, and in words for screen readers); row references jump to
//! the row in its table.

use std::sync::Arc;

use filing_core::Input;
use filing_core::analysis::figure::{display, dollars};
use filing_core::analysis::{Analysis, Figure, PlanSource};
use filing_core::model::{DirectIndirect, Filing, Table};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::diagnostics_panel::DiagnosticsPanel;
use crate::footnotes::footnote_mark;
use crate::transaction_table::table_name;

/// A figure as text; money as dollars. `None` is unknown ("?").
fn figure_text(figure: Option<&Figure>, money: bool) -> String {
    match figure {
        Some(f) if money => dollars(f.value),
        Some(f) => display(f.value),
        None => "?".to_owned(),
    }
}

/// A figure, marked when it rests on inferred values.
#[component]
fn Amount(figure: Option<Figure>, #[prop(optional)] money: bool) -> impl IntoView {
    let inferred = figure.as_ref().is_some_and(Figure::is_inferred);
    let unknown = figure.is_none();
    let title = if inferred {
        "Rests on inferred values"
    } else if unknown {
        "Unknown: a value it needs is missing"
    } else {
        ""
    };
    view! {
        <span class="amount" class:inferred=inferred class:unknown=unknown title=(!title.is_empty()).then_some(title)>
            {figure_text(figure.as_ref(), money)}
            {inferred.then(|| view! {
                <span class="origin-mark inferred" aria-hidden="true">"≈"</span>
                <span class="visually-hidden">" (inferred)"</span>
            })}
        </span>
    }
}

/// A button naming a table row ("Table I row 2") that moves the focus to it.
#[component]
fn RowLink(prefix: Arc<str>, table: Table, row: u32) -> impl IntoView {
    let selector = format!("[data-cell=\"{prefix}-{table:?}-{row}-SecurityTitle\"]");
    view! {
        <button
            type="button"
            class="link"
            data-test="row-link"
            on:click=move |_| {
                if let Ok(Some(cell)) = document().query_selector(&selector)
                    && let Ok(cell) = cell.dyn_into::<web_sys::HtmlElement>()
                {
                    cell.scroll_into_view();
                    let _ = cell.focus();
                }
            }
        >
            {format!("{} row {}", table_name(table), row + 1)}
        </button>
    }
}

/// Everything the analysis found in one filing.
#[component]
pub fn AnalysisView(
    filing: Arc<Filing>,
    analysis: Arc<Analysis>,
    source: Option<Arc<Input>>,
    prefix: Arc<str>,
) -> impl IntoView {
    let checks = analysis.diagnostics.clone();
    view! {
        <section class="analysis" data-test="analysis" aria-labelledby=format!("{prefix}-analysis")>
            <h3 id=format!("{prefix}-analysis")>"Analysis"</h3>
            <RowsExplained analysis=analysis.clone() prefix=prefix.clone() />
            <Positions analysis=analysis.clone() prefix=prefix.clone() />
            <Exercises analysis=analysis.clone() prefix=prefix.clone() />
            <Plans analysis=analysis.clone() prefix=prefix.clone() />
            <DiagnosticsPanel
                diagnostics=checks
                source=source
                filing=filing
                title="Checks"
                empty="Every check passed: directions match the codes, holdings add up, dates are in order, the deadline was met."
            />
        </section>
    }
}

/// Each transaction's code in words, its value, its plan and its price check.
#[component]
fn RowsExplained(analysis: Arc<Analysis>, prefix: Arc<str>) -> impl IntoView {
    let rows: Vec<_> = analysis.rows.iter().filter(|r| r.code.is_some()).cloned().collect();
    if rows.is_empty() {
        return ().into_any();
    }
    let body = rows
        .into_iter()
        .map(|row| {
            let code = row.code.map(|c| view! {
                <strong>{c.code.letter().to_string()}</strong> " " {c.description}
                 " " <span class="class-label">{c.class_label}</span>
            });
            let value = row.value.map(|v| {
                view! {
                    <Amount figure=Some(v.value) money=true />
                    {v.notional.then(|| view! { " " <span class="class-label" title="Table II: the derivative's own price, not cash paid">"notional"</span> })}
                }
            });
            let plan = row.plan.map(|p| match (p.adopted, p.days_after_adoption) {
                (Some(adopted), Some(days)) => format!("Adopted {}; {days} days before", adopted.to_us_string()),
                (Some(adopted), None) => format!("Adopted {}", adopted.to_us_string()),
                _ => "Under a plan; adoption date not given".to_owned(),
            });
            let price = row.price_range.map(|r| {
                let verdict = if r.within { "Within" } else { "Outside" };
                let class = if r.within { "check ok" } else { "check bad" };
                view! {
                    <span class=class>
                        {format!("{verdict} {}–{} {}", dollars(r.low), dollars(r.high), footnote_mark(&r.footnote))}
                    </span>
                }
            });
            view! {
                <tr data-test="row-explained">
                    <th scope="row"><RowLink prefix=prefix.clone() table=row.table row=row.row /></th>
                    <td>{code}</td>
                    <td>{row.ownership}</td>
                    <td class="num">{value}</td>
                    <td>{plan}</td>
                    <td>{price}</td>
                    <td>{row.timeliness}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h4>"Transactions explained"</h4>
        <div class="scroll" tabindex="0" role="region" aria-label="Transactions explained">
            <table class="analysis-table" data-test="rows-explained">
                <thead>
                    <tr>
                        <th scope="col">"Row"</th>
                        <th scope="col">"Code and meaning"</th>
                        <th scope="col">"Ownership"</th>
                        <th scope="col">"Value (shares × price)"</th>
                        <th scope="col">"Rule 10b5-1 plan"</th>
                        <th scope="col">"Price against its footnoted range"</th>
                        <th scope="col">"Timeliness mark"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Per security and ownership: holdings before and after, and the net change.
#[component]
fn Positions(analysis: Arc<Analysis>, prefix: Arc<str>) -> impl IntoView {
    if analysis.positions.is_empty() {
        return ().into_any();
    }
    let body = analysis
        .positions
        .iter()
        .cloned()
        .map(|p| {
            let how = match p.ownership {
                Some(DirectIndirect::Direct) => "Direct".to_owned(),
                Some(DirectIndirect::Indirect) => {
                    format!("Indirect{}", p.nature_of_ownership.as_deref().map(|n| format!(" ({n})")).unwrap_or_default())
                }
                None => "Not stated".to_owned(),
            };
            let rows = p
                .rows
                .iter()
                .map(|&r| view! { <RowLink prefix=prefix.clone() table=p.table row=r /> })
                .collect_view();
            let percent = p.change_percent.as_ref().map(|c| format!("{}%", display(c.value)));
            view! {
                <tr data-test="position">
                    <th scope="row">{p.security_title.clone()} " " <span class="class-label">{table_name(p.table)}</span></th>
                    <td>{how}</td>
                    <td class="num"><Amount figure=p.owned_before /></td>
                    <td class="num"><Amount figure=p.flows.acquired /></td>
                    <td class="num"><Amount figure=p.flows.disposed /></td>
                    <td class="num" data-test="net-change"><Amount figure=p.flows.net_change /></td>
                    <td class="num"><Amount figure=p.owned_after /></td>
                    <td class="num">{percent}</td>
                    <td class="num">{p.flows.average_purchase_price.map(|f| view! { <Amount figure=Some(f) money=true /> })}</td>
                    <td class="num">{p.flows.average_sale_price.map(|f| view! { <Amount figure=Some(f) money=true /> })}</td>
                    <td class="row-links">{rows}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h4>"Net change per position"</h4>
        <div class="scroll" tabindex="0" role="region" aria-label="Net change per position">
            <table class="analysis-table" data-test="positions">
                <thead>
                    <tr>
                        <th scope="col">"Security"</th>
                        <th scope="col">"Ownership"</th>
                        <th scope="col">"Before"</th>
                        <th scope="col">"Acquired"</th>
                        <th scope="col">"Disposed of"</th>
                        <th scope="col">"Net change"</th>
                        <th scope="col">"After"</th>
                        <th scope="col">"Change"</th>
                        <th scope="col">"Average purchase"</th>
                        <th scope="col">"Average sale"</th>
                        <th scope="col">"Rows"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Exercises and conversions, with the same-day sales of the shares and the spread.
#[component]
fn Exercises(analysis: Arc<Analysis>, prefix: Arc<str>) -> impl IntoView {
    if analysis.exercises.is_empty() {
        return ().into_any();
    }
    let items = analysis
        .exercises
        .iter()
        .map(|pair| {
            let date = pair.date.map(|d| d.to_us_string()).unwrap_or_default();
            let sales = pair
                .sales
                .iter()
                .map(|s| view! { <RowLink prefix=prefix.clone() table=Table::NonDerivative row=s.row /> })
                .collect_view();
            let sold = (!pair.sales.is_empty()).then(|| {
                view! {
                    <dt>"Sold"</dt>
                    <dd><Amount figure=pair.shares_sold.clone() /> " at an average of " <Amount figure=pair.average_sale_price.clone() money=true /> " " {sales}</dd>
                    <dt>"Spread"</dt>
                    <dd data-test="spread"><Amount figure=pair.spread.clone() money=true /></dd>
                }
            });
            view! {
                <li class="exercise" data-test="exercise">
                    <p>
                        <strong>{pair.derivative_title.clone()}</strong>
                        {format!(" — code {} on {date} ", pair.code.letter())}
                        <RowLink prefix=prefix.clone() table=Table::Derivative row=pair.derivative_row />
                    </p>
                    <dl>
                        <dt>"Exercised"</dt>
                        <dd><Amount figure=pair.derivatives.clone() /> " at " <Amount figure=pair.exercise_price.clone() money=true /></dd>
                        <dt>"Shares acquired"</dt>
                        <dd>
                            <Amount figure=pair.shares_acquired.clone() />
                            {pair.counterpart_row.map(|r| view! { " " <RowLink prefix=prefix.clone() table=Table::NonDerivative row=r /> })}
                        </dd>
                        {sold}
                        {pair.sales.is_empty().then(|| view! { <dt>"Sold"</dt> <dd>"No sale of these shares is reported with it."</dd> })}
                        {pair.derivatives_remaining.clone().map(|f| view! { <dt>"Remaining"</dt> <dd><Amount figure=Some(f) /></dd> })}
                    </dl>
                </li>
            }
        })
        .collect_view();
    view! {
        <h4>"Exercises and sales"</h4>
        <ul class="exercises">{items}</ul>
    }
    .into_any()
}

/// The Rule 10b5-1 checkbox and the statements that transactions were made under a plan.
#[component]
fn Plans(analysis: Arc<Analysis>, prefix: Arc<str>) -> impl IntoView {
    let plans = &analysis.plans;
    let checkbox = match plans.checkbox {
        Some(true) => "The Rule 10b5-1 box is checked.",
        Some(false) => "The Rule 10b5-1 box is not checked.",
        None => "This form has no Rule 10b5-1 box (forms filed before April 2023).",
    };
    let statements = plans
        .statements
        .iter()
        .map(|s| {
            let source = match &s.source {
                PlanSource::Footnote(id) => format!("Footnote {}", footnote_mark(id)),
                PlanSource::Remarks => "The remarks".to_owned(),
            };
            let adopted = s
                .adopted
                .map(|d| format!(" say a plan adopted on {} was used", d.to_us_string()))
                .unwrap_or_else(|| " say a plan was used (no adoption date given)".to_owned());
            let rows = s.rows.iter().map(|&(t, r)| view! { <RowLink prefix=prefix.clone() table=t row=r /> }).collect_view();
            view! { <li data-test="plan">{source}{adopted}{(!s.rows.is_empty()).then_some(", for ")}{rows}"."</li> }
        })
        .collect_view();
    view! {
        <h4>"Rule 10b5-1 plans"</h4>
        <p data-test="plan-checkbox">{checkbox}</p>
        {(!plans.statements.is_empty()).then(|| view! { <ul class="plans">{statements}</ul> })}
    }
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
