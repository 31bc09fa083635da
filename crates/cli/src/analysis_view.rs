//! The analysis of a filing (and of all the filings given) as text: what the
//! codes and boxes mean, values, positions, exercise-and-sale pairs, Rule
//! 10b5-1 plans and the filing deadline. The checks' diagnostics go to stderr
//! with the parser's.

use std::io::{self, Write};

use filing_core::analysis::batch::{Batch, Totals};
use filing_core::analysis::figure::{display, dollars};
use filing_core::analysis::{Analysis, Figure, FilingDateSource};
use filing_core::model::{DirectIndirect, Table};

fn table_name(table: Table) -> &'static str {
    match table {
        Table::NonDerivative => "Table I",
        Table::Derivative => "Table II",
    }
}

fn row_name(table: Table, row: u32) -> String {
    format!("{} row {}", table_name(table), u64::from(row) + 1)
}

/// A figure as text, marked when it rests on inferred values; `?` when unknown.
fn number(figure: Option<&Figure>, money: bool) -> String {
    match figure {
        Some(f) => {
            let text = if money { dollars(f.value) } else { display(f.value) };
            if f.is_inferred() { format!("{text} (inferred)") } else { text }
        }
        None => "?".to_owned(),
    }
}

/// Write the analysis of one filing.
pub fn write(out: &mut impl Write, analysis: &Analysis) -> io::Result<()> {
    let doc = &analysis.document;
    writeln!(out, "Analysis:")?;
    if let Some(form) = &doc.form {
        writeln!(out, "  {form}. {}", doc.amendment)?;
    }
    for owner in &doc.owners {
        writeln!(out, "  {}", owner.summary)?;
    }
    writeln!(out, "  Rule 10b5-1 checkbox: {}", doc.rule_10b5_1)?;
    for line in doc.section16.iter().chain(&doc.boxes) {
        writeln!(out, "  {line}")?;
    }
    for row in &analysis.rows {
        let Some(code) = row.code else { continue };
        let mut line = format!(
            "  {}: {} ({}), {}",
            row_name(row.table, row.row),
            code.code,
            code.class_label,
            row.ownership
        );
        if let Some(value) = &row.value {
            let notional = if value.notional { " notional" } else { "" };
            line.push_str(&format!(", value{notional} {}", number(Some(&value.value), true)));
        }
        if let Some(range) = &row.price_range {
            let verdict = if range.within { "within" } else { "OUTSIDE" };
            line.push_str(&format!(
                ", price {verdict} {}–{} ({})",
                dollars(range.low),
                dollars(range.high),
                range.footnote
            ));
        }
        if let Some(plan) = &row.plan {
            match (plan.adopted, plan.days_after_adoption) {
                (Some(adopted), Some(days)) => {
                    line.push_str(&format!(", 10b5-1 plan adopted {adopted} ({days} days before)"))
                }
                _ => line.push_str(", under a 10b5-1 plan"),
            }
        }
        if let Some(t) = row.timeliness {
            line.push_str(&format!(", {t}"));
        }
        writeln!(out, "{line}")?;
    }
    for p in &analysis.positions {
        let how = match p.ownership {
            Some(DirectIndirect::Direct) => "direct".to_owned(),
            Some(DirectIndirect::Indirect) => {
                format!(
                    "indirect{}",
                    p.nature_of_ownership.as_deref().map(|n| format!(", {n}")).unwrap_or_default()
                )
            }
            None => "ownership not stated".to_owned(),
        };
        let mut line = format!(
            "  Position {} ({how}): before {}, +{} −{} = {}, after {}",
            p.security_title,
            number(p.owned_before.as_ref(), false),
            number(p.flows.acquired.as_ref(), false),
            number(p.flows.disposed.as_ref(), false),
            number(p.flows.net_change.as_ref(), false),
            number(p.owned_after.as_ref(), false),
        );
        if let Some(pct) = &p.change_percent {
            line.push_str(&format!(" ({}%)", display(pct.value)));
        }
        if let Some(avg) = &p.flows.average_purchase_price {
            line.push_str(&format!("; average purchase {}", number(Some(avg), true)));
        }
        if let Some(avg) = &p.flows.average_sale_price {
            line.push_str(&format!("; average sale {}", number(Some(avg), true)));
        }
        writeln!(out, "{line}")?;
    }
    for pair in &analysis.exercises {
        let date = pair.date.map(|d| d.to_string()).unwrap_or_default();
        let mut line = format!(
            "  Exercise of {} ({}, {} {date}): {} shares at {}",
            pair.derivative_title,
            row_name(Table::Derivative, pair.derivative_row),
            pair.code,
            number(pair.shares_acquired.as_ref(), false),
            number(pair.exercise_price.as_ref(), true),
        );
        if pair.sales.is_empty() {
            line.push_str("; no same-day sale");
        } else {
            let mut rows: Vec<String> = pair
                .sales
                .iter()
                .take(3)
                .map(|s| format!("{} {}", row_name(Table::NonDerivative, s.row), s.code))
                .collect();
            if pair.sales.len() > 3 {
                rows.push(format!("and {} more rows", pair.sales.len() - 3));
            }
            line.push_str(&format!(
                "; sold {} at {} average ({}); spread {}",
                number(pair.shares_sold.as_ref(), false),
                number(pair.average_sale_price.as_ref(), true),
                rows.join(", "),
                number(pair.spread.as_ref(), true),
            ));
        }
        if let Some(left) = &pair.derivatives_remaining {
            line.push_str(&format!("; {} remaining", number(Some(left), false)));
        }
        writeln!(out, "{line}")?;
    }
    if let Some(d) = &analysis.deadline {
        let source = match d.filing_date.source {
            FilingDateSource::Header => "submission header",
            FilingDateSource::User => "given",
            FilingDateSource::Signature => "signature date, filing date unknown",
        };
        let verdict = if d.business_days_late > 0 {
            format!("{} business day(s) late", d.business_days_late)
        } else {
            "on time".to_owned()
        };
        writeln!(out, "  Deadline: filed {} ({source}): {verdict}. {}", d.filing_date.date, d.rule)?;
    }
    Ok(())
}

/// Write what the batch found across all the filings given.
pub fn write_batch(out: &mut impl Write, batch: &Batch, names: &[String]) -> io::Result<()> {
    let name = |i: u32| names.get(i as usize).cloned().unwrap_or_else(|| format!("filing {}", i + 1));
    writeln!(out, "== Across {} filings", names.len())?;
    for link in &batch.amendments {
        writeln!(
            out,
            "Amendment {} amends {} ({}):",
            name(link.amendment),
            name(link.original),
            link.matched_by
        )?;
        for c in &link.changes {
            let before = c.before.as_deref().unwrap_or("(none)");
            let after = c.after.as_deref().unwrap_or("(none)");
            writeln!(out, "  {}: {before} → {after}", c.what)?;
        }
    }
    let shared = batch.transactions.iter().filter(|t| !t.also_in.is_empty()).count();
    if shared > 0 {
        writeln!(out, "{shared} transaction(s) reported in more than one input, counted once")?;
    }
    for (title, totals) in
        [("Totals by issuer", &batch.by_issuer), ("Totals by reporting owner", &batch.by_owner)]
    {
        writeln!(out, "{title}:")?;
        for t in totals {
            write_totals(out, t)?;
        }
    }
    writeln!(out)
}

fn write_totals(out: &mut impl Write, t: &Totals) -> io::Result<()> {
    let cik = t.party.cik.as_deref().map(|c| format!(" (CIK {c})")).unwrap_or_default();
    writeln!(
        out,
        "  {}{cik}: {} transaction(s) in {} filing(s)",
        t.party.name,
        t.transactions,
        t.filings.len()
    )?;
    for s in &t.securities {
        let notional = if s.flows.notional { " notional" } else { "" };
        writeln!(
            out,
            "    {} ({}): +{} −{} = {}; value{notional} in {}, out {}",
            s.security_title,
            table_name(s.table),
            number(s.flows.acquired.as_ref(), false),
            number(s.flows.disposed.as_ref(), false),
            number(s.flows.net_change.as_ref(), false),
            number(s.flows.acquired_value.as_ref(), true),
            number(s.flows.disposed_value.as_ref(), true),
        )?;
    }
    Ok(())
}
