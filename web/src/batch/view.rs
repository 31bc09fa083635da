//! The batch side of the page: a notice when something went wrong, the
//! progress bar with Cancel, the list of inputs with their status, the
//! combined table and the totals. Shown once there are two inputs or more,
//! or one too large to show in detail (one input is otherwise the
//! single-filing view alone).

use leptos::prelude::*;

use super::combined::{Combined, InputEntry, Progress};
use super::rows::Outcome;
use super::summary_view::SummaryView;
use super::table_view::{CombinedTable, format_count, push_cell};
use super::virtual_table::VirtualTable;
use super::{DETAIL_LIMIT_BYTES, seconds};
use crate::html::{Html, event_attribute};

/// Everything about the batch.
#[component]
pub fn BatchView(combined: Combined) -> impl IntoView {
    // One input is the single-filing view alone, unless it is too large to
    // show in detail: then its rows and totals are the summary shown instead.
    let several = move || {
        combined.inputs.with(|inputs| inputs.len() > 1 || inputs.iter().any(|e| e.bytes > DETAIL_LIMIT_BYTES))
    };
    // The notes are markup; the notice's Dismiss is its one button.
    let notes = crate::reactive::string(move || {
        let mut html = Html::new();
        if let Some(notice) = combined.notice.get() {
            html.raw(r#"<p class="notice batch-notice" data-test="batch-notice" role="alert">"#)
                .text(&notice)
                .raw(r#" <button type="button" class="button secondary" data-action="dismiss">Dismiss</button></p>"#);
        }
        if let Some(why) = combined.on_page.get() {
            html.leaf(
                "p",
                &[("class", "hint"), ("data-test", "on-page-note"), ("role", "status")],
                &format!(
                    "Filings are parsed on this page itself: {why}. \
                     It reads them in short slices, so the page stays usable, but a large batch takes longer."
                ),
            );
        }
        html.finish()
    });
    let detail_note = crate::reactive::string(move || {
        let mut html = Html::new();
        if let Some(note) = combined.detail_note.get() {
            html.leaf("p", &[("class", "notice"), ("data-test", "detail-note"), ("role", "status")], &note);
        }
        html.finish()
    });
    view! {
        <div
            inner_html=notes
            on:click=crate::reactive::click(move |event| {
                if event_attribute(&event, "data-action").is_some() {
                    combined.notice.set(None);
                }
            })
        ></div>
        <ProgressBar combined=combined />
        {crate::reactive::shown(
            several,
            move || {
                view! {
                    <div class="batch" data-test="batch">
                        <InputList combined=combined />
                        <CombinedTable combined=combined />
                        <SummaryView combined=combined />
                    </div>
                }
                .into_any()
            },
        )}
        <div inner_html=detail_note></div>
    }
}

/// "Reading 3,200 of 10,000 inputs…", a bar, and Cancel; once done, how
/// long it took.
#[component]
fn ProgressBar(combined: Combined) -> impl IntoView {
    let progress = combined.progress;
    let timing = crate::reactive::string(move || progress.with(timing_html));
    let bar = crate::reactive::view(move || {
        let p = progress.get();
        if p.total < 2 || !p.running {
            return ().into_any();
        }
        let what = if p.done < p.total {
            format!("Reading {} of {} inputs…", format_count(p.done as usize), format_count(p.total as usize))
        } else {
            "Totalling by owner and issuer…".to_owned()
        };
        view! {
            <div class="batch-progress" data-test="progress" role="status">
                <label>
                    <span>{what}</span>
                    <progress max=p.total value=p.done></progress>
                </label>
                <button
                    type="button"
                    class="button secondary"
                    data-test="cancel"
                    disabled={p.cancelled || p.done >= p.total}
                    on:click=crate::reactive::click(move |_| combined.cancel())
                >
                    "Cancel"
                </button>
            </div>
        }
        .into_any()
    });
    view! {
        <div inner_html=timing></div>
        {bar}
    }
}

/// Once a batch of two inputs or more is read, how long it took (markup:
/// the timings also as data-* attributes, for the specs and the trace bench).
fn timing_html(p: &Progress) -> String {
    let (true, false, Some(rows), Some(totals)) = (p.total >= 2, p.running, p.rows_ms, p.totals_ms) else {
        return String::new();
    };
    let w = p.worker;
    let read = if p.done < p.total {
        format!(
            "Cancelled: read {} of {} inputs",
            format_count(p.done as usize),
            format_count(p.total as usize)
        )
    } else {
        format!("Read {} inputs", format_count(p.done as usize))
    };
    let text = format!(
        "{read}: every row in {}, the totals in {} (the worker spent {} reading files, {} parsing, {} writing rows, {} totalling).",
        seconds(rows),
        seconds(totals),
        seconds(w.read_ms),
        seconds(w.parse_ms - w.read_ms),
        seconds(w.rows_ms),
        seconds(w.totals_ms)
    );
    let mut html = Html::new();
    html.leaf(
        "p",
        &[
            ("class", "hint"),
            ("data-test", "batch-timing"),
            ("data-rows-ms", &(rows as u64).to_string()),
            ("data-totals-ms", &(totals as u64).to_string()),
            ("data-parse-ms", &(w.parse_ms as u64).to_string()),
            ("data-read-ms", &(w.read_ms as u64).to_string()),
            ("data-worker-rows-ms", &(w.rows_ms as u64).to_string()),
            ("data-worker-totals-ms", &(w.totals_ms as u64).to_string()),
        ],
        &text,
    );
    html.finish()
}

/// How many inputs came out each way.
fn tally(inputs: &[InputEntry]) -> String {
    let count = |o: Outcome| inputs.iter().filter(|e| e.outcome() == o).count();
    let mut parts = vec![format!("{} inputs", format_count(inputs.len()))];
    for (outcome, words) in [
        (Outcome::Parsed, "parsed"),
        (Outcome::Warnings, "parsed with warnings"),
        (Outcome::Failed, "failed"),
        (Outcome::Cancelled, "cancelled"),
        (Outcome::Pending, "waiting"),
    ] {
        let n = count(outcome);
        if n > 0 || outcome == Outcome::Parsed {
            parts.push(format!("{} {words}", format_count(n)));
        }
    }
    parts.join(" · ")
}

/// Every input with its status; failures first on request.
#[component]
fn InputList(combined: Combined) -> impl IntoView {
    let problems_only = RwSignal::new(false);
    // Positions of the inputs listed.
    let listed = Memo::new(move |_| {
        let problems_only = problems_only.get();
        combined.inputs.with(|inputs| {
            (0..inputs.len())
                .filter(|&i| {
                    !problems_only || inputs.get(i).is_some_and(|e| !matches!(e.outcome(), Outcome::Parsed))
                })
                .collect::<Vec<usize>>()
        })
    });
    let version = Signal::derive(move || {
        combined.inputs.track();
        listed.track();
        0
    });
    let row = Callback::new(move |i: usize| {
        let index = listed.with_untracked(|l| l.get(i).copied())?;
        let entry = combined.inputs.with_untracked(|inputs| inputs.get(index).cloned())?;
        let outcome = entry.outcome();
        let status = entry.status.clone().unwrap_or_default();
        let word = match outcome {
            Outcome::Pending => "waiting",
            Outcome::Parsed => "parsed",
            Outcome::Warnings => "parsed with warnings",
            Outcome::Failed => "failed",
            Outcome::Cancelled => "cancelled",
        };
        let reason = status.reason.clone().unwrap_or_default();
        let counts =
            entry.status.as_ref().map(|s| (s.filings.to_string(), s.rows.to_string())).unwrap_or_default();
        let mut tr = Html::new();
        tr.open(
            "tr",
            &[
                ("data-test", "input"),
                ("data-status", outcome.as_str()),
                ("aria-rowindex", &(i + 2).to_string()),
                ("class", &format!("input-{}", outcome.as_str())),
            ],
        );
        let mut html = tr.finish();
        push_cell(&mut html, r#" class="num""#, &(index + 1).to_string(), false);
        push_cell(&mut html, r#" data-test="input-name""#, &entry.name, true);
        push_cell(&mut html, "", entry.kind.as_str(), false);
        html.push_str(r#"<td data-test="input-status"><span class="status">"#);
        html.push_str(word);
        html.push_str("</span></td>");
        push_cell(&mut html, "", &status.representation, false);
        push_cell(&mut html, r#" class="num""#, &counts.0, false);
        push_cell(&mut html, r#" class="num""#, &counts.1, false);
        push_cell(&mut html, r#" data-test="input-reason""#, &reason, true);
        html.push_str("</tr>");
        Some(html)
    });
    // The input's first filing, when it has been read.
    let on_row = Callback::new(move |i: usize| {
        let Some(index) = listed.with_untracked(|l| l.get(i).copied()) else { return };
        let first = combined.data.with_value(|d| d.filings.iter().position(|f| f.input as usize == index));
        if let Some(f) = first {
            combined.selected.set(u32::try_from(f).ok());
        }
    });
    view! {
        <section class="inputs" data-test="inputs" aria-labelledby="inputs-heading">
            <h2 id="inputs-heading">"Inputs"</h2>
            <div class="combined-bar">
                <p data-test="input-tally" role="status">{crate::reactive::string(move || combined.inputs.with(|i| tally(i)))}</p>
                <label class="toggle">
                    <input
                        type="checkbox"
                        data-test="problems-only"
                        prop:checked=problems_only
                        on:change=crate::reactive::boxed(move |e| problems_only.set(event_target_checked(&e)))
                    />
                    " Only inputs with problems"
                </label>
            </div>
            <VirtualTable
                count=Signal::derive(move || listed.with(Vec::len))
                version=version
                row=row
                on_row=on_row
                label="Inputs and their status"
                test="input-table"
            >
                <tr inner_html=concat!(
                    r##"<th scope="col" class="num">#</th><th scope="col">Name</th><th scope="col">Kind</th>"##,
                    r#"<th scope="col">Status</th><th scope="col">Read as</th><th scope="col" class="num">Filings</th>"#,
                    r#"<th scope="col" class="num">Rows</th><th scope="col">Why not, or the first error</th>"#
                )></tr>
            </VirtualTable>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::combined::SourceKind;
    use crate::batch::rows::InputStatus;

    #[test]
    fn the_tally_counts_each_outcome() {
        let entry = |status: Option<InputStatus>, cancelled| InputEntry {
            name: "x".into(),
            kind: SourceKind::File,
            bytes: 1,
            status,
            cancelled,
        };
        let parsed = InputStatus { filings: 1, ..InputStatus::default() };
        let failed = InputStatus { filings: 0, ..InputStatus::default() };
        let inputs =
            [entry(Some(parsed), false), entry(Some(failed), false), entry(None, true), entry(None, false)];
        assert_eq!(tally(&inputs), "4 inputs · 1 parsed · 1 failed · 1 cancelled · 1 waiting");
    }
}
