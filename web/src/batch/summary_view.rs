//! The totals of the batch by reporting owner and by issuer (one line per
//! security and ownership; virtualized, a batch can have thousands of
//! owners), with how amendments and repeated transactions were counted.

use std::time::Duration;

use leptos::prelude::*;

use super::combined::Combined;
use super::summary::{PartyTotals, Summaries};
use super::table_view::{format_count, push_cell};
use super::virtual_table::VirtualTable;
use crate::html::Html;

/// Both summaries, once the worker has computed them.
#[component]
pub fn SummaryView(combined: Combined) -> impl IntoView {
    // The note while they are pending is markup, not a view of its own.
    let pending = crate::reactive::markup_when(
        move || combined.summaries.with(Option::is_none),
        || {
            r#"<p class="hint" data-test="summaries-pending">The totals by owner and issuer follow when every input is read.</p>"#.to_owned()
        },
    );
    let totals = crate::reactive::view(move || match combined.summaries.get() {
        None => ().into_any(),
        Some(summaries) => view! { <Totals summaries=summaries /> }.into_any(),
    });
    view! {
        <div inner_html=pending></div>
        {totals}
    }
}

#[component]
fn Totals(summaries: Summaries) -> impl IntoView {
    let counted = format!(
        "{} transactions counted once each{}{}.",
        format_count(summaries.transactions as usize),
        if summaries.repeated > 0 {
            format!(
                "; {} more reports of a transaction already counted (joint filers, repeated inputs) are not counted again",
                format_count(summaries.repeated as usize)
            )
        } else {
            String::new()
        },
        if summaries.superseded > 0 {
            format!(
                "; {} rows restated by an amendment are counted from the amendment",
                format_count(summaries.superseded as usize)
            )
        } else {
            String::new()
        },
    );
    let mut notes = Html::new();
    notes.leaf("p", &[("class", "hint"), ("data-test", "counted")], &counted);
    for (items, test) in [(&summaries.amendments, "amendments"), (&summaries.notes, "batch-notes")] {
        if items.is_empty() {
            continue;
        }
        notes.open("ul", &[("class", "batch-notes"), ("data-test", test)]);
        for item in items.iter().take(LISTED) {
            notes.leaf("li", &[], item);
        }
        let more = items.len().saturating_sub(LISTED);
        if more > 0 {
            notes.leaf("li", &[], &format!("… and {} more", format_count(more)));
        }
        notes.close("ul");
    }
    // Each table builds a screenful of rows, tens of milliseconds of DOM work:
    // the second is built in a task of its own, so that no task does both.
    let issuers_due = RwSignal::new(false);
    set_timeout(move || issuers_due.set(true), Duration::ZERO);
    let by_issuer = summaries.by_issuer;
    view! {
        <section class="summaries" data-test="summaries" aria-labelledby="summaries-heading">
            <h2 id="summaries-heading">"Totals"</h2>
            <div inner_html=notes.finish()></div>
            <h3>"By reporting owner"</h3>
            <PartyTable parties=summaries.by_owner who="Reporting owner" test="by-owner" />
            <h3>"By issuer"</h3>
            {crate::reactive::view(move || {
                if issuers_due.get() {
                    view! { <PartyTable parties=by_issuer.clone() who="Issuer" test="by-issuer" /> }.into_any()
                } else {
                    ().into_any()
                }
            })}
        </section>
    }
}

/// How many amendments or notes are listed before "… and N more".
const LISTED: usize = 50;

/// One line: a party and one of its securities (or none).
fn lines(parties: &[PartyTotals]) -> Vec<(usize, Option<usize>)> {
    parties
        .iter()
        .enumerate()
        .flat_map(|(p, party)| {
            let securities: Vec<Option<usize>> = if party.securities.is_empty() {
                vec![None]
            } else {
                (0..party.securities.len()).map(Some).collect()
            };
            securities.into_iter().map(move |s| (p, s))
        })
        .collect()
}

#[component]
fn PartyTable(parties: Vec<PartyTotals>, who: &'static str, test: &'static str) -> impl IntoView {
    let lines = lines(&parties);
    let count = lines.len();
    let parties = StoredValue::new(parties);
    let lines = StoredValue::new(lines);
    let headings = [
        who,
        "CIK",
        "Filings",
        "Transactions",
        "Security",
        "Table",
        "D/I",
        "Acquired",
        "Disposed",
        "Net",
        "Acquired $",
        "Disposed $",
        "Net $",
        "Avg purchase",
        "Avg sale",
    ];
    let mut head = Html::new();
    for heading in headings {
        head.leaf("th", &[("scope", "col")], heading);
    }
    let head = head.finish();
    let row = Callback::new(move |i: usize| {
        let (p, s) = lines.with_value(|l| l.get(i).copied())?;
        parties.with_value(|parties| {
            let party = parties.get(p)?;
            let first = s.is_none_or(|s| s == 0);
            let security = s.and_then(|s| party.securities.get(s)).cloned().unwrap_or_default();
            let lead = if first {
                [
                    party.name.clone(),
                    party.cik.clone(),
                    party.filings.to_string(),
                    party.transactions.to_string(),
                ]
            } else {
                Default::default()
            };
            let notional = if security.notional { " (notional)" } else { "" };
            let cells = [
                security.title,
                security.table,
                security.ownership,
                security.acquired,
                security.disposed,
                security.net,
                security.acquired_value,
                security.disposed_value,
                format!("{}{notional}", security.net_value),
                security.average_purchase,
                security.average_sale,
            ];
            let mut tr = Html::new();
            tr.open(
                "tr",
                &[
                    ("data-test", "party-line"),
                    ("class", if first { "first" } else { "" }),
                    ("aria-rowindex", &(i + 2).to_string()),
                ],
            );
            let mut html = tr.finish();
            for text in &lead {
                push_cell(&mut html, "", text, true);
            }
            for (n, text) in cells.iter().enumerate() {
                push_cell(&mut html, if n >= 3 { r#" class="num""# } else { "" }, text, true);
            }
            html.push_str("</tr>");
            Some(html)
        })
    });
    view! {
        <VirtualTable count=Signal::derive(move || count) version=Signal::derive(|| 0) row=row label=who test=test>
            <tr inner_html=head></tr>
        </VirtualTable>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::summary::SecurityLine;

    #[test]
    fn a_party_takes_one_line_per_security_or_one_if_none() {
        let party =
            |n| PartyTotals { securities: vec![SecurityLine::default(); n], ..PartyTotals::default() };
        assert_eq!(
            lines(&[party(2), party(0), party(1)]),
            [(0, Some(0)), (0, Some(1)), (1, None), (2, Some(0))]
        );
    }
}
