//! The totals of a batch, by reporting owner and by issuer, as the page shows
//! them: [`filing_core::analysis::batch()`]'s figures written out (shares with
//! thousands separators, dollars with `$`), with how amendments and
//! transactions reported more than once were counted.
//!
//! The analysis counts each transaction once however many inputs report it
//! (a joint filing, the same filing dropped twice), in every owner's totals
//! that reports it; a row an amendment restates is replaced by the
//! amendment's. Values of Table II are notional (shares × the derivative's
//! price) except purchases and sales; a line says so.

use filing_core::analysis::batch::{Batch, Totals};
use filing_core::analysis::figure::{Figure, display, dollars};
use filing_core::model::{DirectIndirect, Table};

use super::rows::count_u32;

/// The totals of a batch, ready to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summaries {
    /// Per reporting owner.
    pub by_owner: Vec<PartyTotals>,
    /// Per issuer.
    pub by_issuer: Vec<PartyTotals>,
    /// Transactions counted (each once).
    pub transactions: u32,
    /// Places that report a transaction already counted (joint filers, repeated inputs).
    pub repeated: u32,
    /// Rows that an amendment restates (counted from the amendment).
    pub superseded: u32,
    /// Amendments linked to their originals, in words.
    pub amendments: Vec<String>,
    /// What the cross-filing checks found, in words.
    pub notes: Vec<String>,
}

/// The totals of one owner or issuer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartyTotals {
    /// The name as first seen.
    pub name: String,
    /// The CIK without leading zeros, or empty.
    pub cik: String,
    /// Filings concerned.
    pub filings: u32,
    /// Transactions counted.
    pub transactions: u32,
    /// One line per security and ownership.
    pub securities: Vec<SecurityLine>,
}

/// What the transactions in one security, held one way, moved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SecurityLine {
    /// The security's title.
    pub title: String,
    /// `I` or `II`.
    pub table: String,
    /// `D`, `I` or empty.
    pub ownership: String,
    /// Shares acquired, disposed of, and the net change; empty when unknown.
    pub acquired: String,
    /// Shares disposed of.
    pub disposed: String,
    /// Acquired − disposed.
    pub net: String,
    /// Dollars of the acquisitions with a price.
    pub acquired_value: String,
    /// Dollars of the dispositions with a price.
    pub disposed_value: String,
    /// Net dollars.
    pub net_value: String,
    /// Weighted-average price of the purchases (P).
    pub average_purchase: String,
    /// Weighted-average price of the sales (S).
    pub average_sale: String,
    /// Whether a value is notional (Table II).
    pub notional: bool,
}

/// The summaries of `batch`; `filing_name(i)` names filing `i` for the notes.
pub fn summarize(batch: &Batch, filing_name: impl Fn(u32) -> String) -> Summaries {
    let counted = batch.transactions.iter().filter(|t| t.superseded_by.is_none());
    Summaries {
        by_owner: batch.by_owner.iter().map(party).collect(),
        by_issuer: batch.by_issuer.iter().map(party).collect(),
        transactions: count_u32(counted.count()),
        repeated: count_u32(batch.transactions.iter().map(|t| t.also_in.len()).sum()),
        superseded: count_u32(batch.transactions.iter().filter(|t| t.superseded_by.is_some()).count()),
        amendments: batch
            .amendments
            .iter()
            .map(|link| {
                format!(
                    "{} amends {} ({}): {} change{}",
                    filing_name(link.amendment),
                    filing_name(link.original),
                    link.matched_by,
                    link.changes.len(),
                    if link.changes.len() == 1 { "" } else { "s" }
                )
            })
            .collect(),
        notes: batch
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", filing_name(d.filing), d.diagnostic.message))
            .collect(),
    }
}

fn party(totals: &Totals) -> PartyTotals {
    let shares = |f: &Option<Figure>| f.as_ref().map(|f| display(f.value)).unwrap_or_default();
    let money = |f: &Option<Figure>| f.as_ref().map(|f| dollars(f.value)).unwrap_or_default();
    PartyTotals {
        name: totals.party.name.clone(),
        cik: totals.party.cik.clone().unwrap_or_default(),
        filings: count_u32(totals.filings.len()),
        transactions: totals.transactions,
        securities: totals
            .securities
            .iter()
            .map(|s| {
                let f = &s.flows;
                SecurityLine {
                    title: s.security_title.clone(),
                    table: if s.table == Table::Derivative { "II" } else { "I" }.to_owned(),
                    ownership: s.ownership.map_or("", DirectIndirect::as_str).to_owned(),
                    acquired: shares(&f.acquired),
                    disposed: shares(&f.disposed),
                    net: shares(&f.net_change),
                    acquired_value: money(&f.acquired_value),
                    disposed_value: money(&f.disposed_value),
                    net_value: money(&f.net_value),
                    average_purchase: money(&f.average_purchase_price),
                    average_sale: money(&f.average_sale_price),
                    notional: f.notional,
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use filing_core::analysis::batch;

    use super::*;
    use crate::batch::fixtures;

    #[test]
    fn totals_by_owner_and_issuer_count_a_repeated_filing_once() {
        let fictional = fixtures::fictional().filings.remove(0);
        let purchases = fixtures::parse(fixtures::PURCHASES).filings.remove(0);
        // The purchases filing given twice: its two transactions count once.
        let filings = [fictional, purchases.clone(), purchases];
        let summaries = summarize(&batch(&filings), |i| format!("filing {}", i + 1));
        assert_eq!(summaries.repeated, 2);
        let roe = summaries.by_owner.iter().find(|p| p.name == "Roe Richard").unwrap();
        assert_eq!(roe.cik, "9990012");
        assert_eq!(roe.transactions, 2);
        assert_eq!(roe.filings, 2);
        // Read from the fixture: 1000 at 20.50 direct, 500 at 21.00 by spouse.
        let direct = roe.securities.iter().find(|s| s.ownership == "D").unwrap();
        assert_eq!((direct.acquired.as_str(), direct.acquired_value.as_str()), ("1,000", "$20,500.00"));
        assert_eq!(direct.average_purchase, "$20.50");
        let indirect = roe.securities.iter().find(|s| s.ownership == "I").unwrap();
        assert_eq!((indirect.acquired.as_str(), indirect.net_value.as_str()), ("500", "$10,500.00"));
        let widgets = summaries.by_issuer.iter().find(|p| p.name == "EXAMPLE WIDGETS INC").unwrap();
        // Table I: the M exercise (2,500 A at 12.40) and the S sale (1,200 D at 47.1825).
        let common = widgets.securities.iter().find(|s| s.table == "I").unwrap();
        assert_eq!(
            (common.acquired.as_str(), common.disposed.as_str(), common.net.as_str()),
            ("2,500", "1,200", "1,300")
        );
        assert_eq!(common.average_sale, "$47.1825");
        assert_eq!(summaries.by_issuer.len(), 2);
        assert!(summaries.amendments.is_empty());
    }
}
