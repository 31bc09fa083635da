//! Several filings at once: amendments linked to the filings they amend,
//! with what changed; each transaction counted once however many inputs
//! report it; totals by reporting owner and by issuer.
//!
//! - **Amendments.** A Form 3/A, 4/A or 5/A is linked to a non-amended form
//!   of the same number, issuer and (at least one) reporting owner, whose
//!   filing date is the amendment's `dateOfOriginalSubmission` or, failing
//!   that, whose period of report is the same. Rows are paired by security,
//!   date and code; an original row with a counterpart in the amendment is
//!   superseded by it in the totals, one without stays.
//! - **Joint filers.** A joint filing lists several owners for one set of
//!   rows: each transaction is counted once, and in each owner's totals.
//!   The same transaction in several inputs (the same filing pasted twice,
//!   downloaded from each co-filer's page) is counted once when the filings
//!   share a reporting owner; identical transactions in filings that share
//!   none are counted in each (different people do receive identical grants)
//!   and reported as [`Code::PossibleDuplicate`].
//!
//! Owners and issuers are identified by CIK, or by name when there is none.
//!
//! The work grows about linearly with the number of rows: transactions and
//! parties are looked up through indexes of their keys (sorted once and
//! searched by halves, [`Numbered`]: no hash tables, whose code each key type
//! would copy into the page's wasm, issue 8), not by scanning everything found
//! so far (10,000 filings take well under a second natively).

use rust_decimal::Decimal;
use serde::Serialize;

use super::deadline::FilingDate;
use super::figure::Figure;
use super::values::{FlowSums, Flows, normalize_title, row_value};
use super::{cell_ref, row_index, row_label};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{AcquiredDisposed, CellRef, Column, DirectIndirect, Filing, Row, RowKind, Table};

/// Everything found across the filings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Batch {
    /// Amendments and the originals they amend.
    pub amendments: Vec<AmendmentLink>,
    /// Each transaction once, with every filing and owner that reports it.
    pub transactions: Vec<BatchTransaction>,
    /// Totals per reporting owner.
    pub by_owner: Vec<Totals>,
    /// Totals per issuer.
    pub by_issuer: Vec<Totals>,
    /// What the cross-filing checks found, with the filing each concerns.
    pub diagnostics: Vec<BatchDiagnostic>,
}

/// A diagnostic about one filing of the batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BatchDiagnostic {
    /// The filing's index in the batch.
    pub filing: u32,
    /// The diagnostic (its cells are in that filing).
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
}

/// An amendment linked to its original.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AmendmentLink {
    /// The amendment's index in the batch.
    pub amendment: u32,
    /// The original's index.
    pub original: u32,
    /// How they were matched, in words.
    pub matched_by: &'static str,
    /// What the amendment changes.
    pub changes: Vec<Change>,
}

/// One difference between an original and its amendment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What changed, e.g. "Table I row 2, Price" or "Remarks".
    pub what: String,
    /// The cell in the amendment, for row changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<CellRef>,
    /// The original's value (`None`: absent).
    pub before: Option<String>,
    /// The amendment's value (`None`: absent).
    pub after: Option<String>,
}

/// A reporting owner or issuer, as the batch identifies it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Party {
    /// The CIK without leading zeros, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cik: Option<String>,
    /// The name as first seen.
    pub name: String,
}

impl Party {
    fn new(cik: &str, name: &str) -> Party {
        let cik = cik.trim().trim_start_matches('0');
        Party { cik: (!cik.is_empty()).then(|| cik.to_owned()), name: name.trim().to_owned() }
    }

    fn same(&self, other: &Party) -> bool {
        match (&self.cik, &other.cik) {
            (Some(a), Some(b)) => a == b,
            _ => !self.name.is_empty() && self.name.eq_ignore_ascii_case(&other.name),
        }
    }

    /// The name as [`Party::same`] compares it.
    fn name_key(&self) -> String {
        self.name.to_ascii_lowercase()
    }
}

/// Keys known in advance, each given a number (its place among them,
/// sorted): a hash map's keys without the hash table (its code is copied
/// into the page's wasm for each key type, issue 8). The caller keeps what
/// the map would hold in a vector, by number.
struct Numbered<K>(Vec<K>);

impl<K: Ord> Numbered<K> {
    /// `keys`, numbered.
    fn new(mut keys: Vec<K>) -> Numbered<K> {
        crate::sort::by(&mut keys, Ord::cmp);
        keys.dedup();
        Numbered(keys)
    }

    /// The number of `key` (`None` for a key not given to [`Numbered::new`]).
    fn number(&self, key: &K) -> Option<usize> {
        self.0.binary_search(key).ok()
    }

    /// An empty list for each key, to be found by its number.
    fn lists<T: Clone>(&self) -> Vec<Vec<T>> {
        vec![Vec::new(); self.0.len()]
    }
}

/// Parties in the order first seen, found again by [`Party::same`] through
/// an index by CIK and one by name (a party without a CIK matches by name).
struct Parties {
    ciks: Numbered<String>,
    names: Numbered<String>,
    by_cik: Vec<Vec<usize>>,
    by_name: Vec<Vec<usize>>,
}

impl Parties {
    /// An empty index for parties among `all` (a party not among them is
    /// never found).
    fn new(all: &[Vec<Party>]) -> Parties {
        let all = || all.iter().flatten();
        let ciks = Numbered::new(all().filter_map(|p| p.cik.clone()).collect());
        let names = Numbered::new(all().map(Party::name_key).collect());
        Parties { by_cik: ciks.lists(), by_name: names.lists(), ciks, names }
    }

    /// The numbers of `party`'s CIK and of its name.
    fn numbers(&self, party: &Party) -> (Option<usize>, Option<usize>) {
        (party.cik.as_ref().and_then(|c| self.ciks.number(c)), self.names.number(&party.name_key()))
    }

    /// The first position whose party `is_same` as `party` (which the
    /// caller checks with [`Party::same`]).
    fn find(&self, party: &Party, is_same: impl Fn(usize) -> bool) -> Option<usize> {
        let (cik, name) = self.numbers(party);
        let by_cik = cik.and_then(|n| self.by_cik.get(n)).into_iter().flatten();
        let by_name = name.and_then(|n| self.by_name.get(n)).into_iter().flatten();
        by_cik.chain(by_name).copied().filter(|&i| is_same(i)).min()
    }

    /// Note that `party` is at position `at`.
    fn add(&mut self, party: &Party, at: usize) {
        let (cik, name) = self.numbers(party);
        if let Some(list) = cik.and_then(|n| self.by_cik.get_mut(n)) {
            list.push(at);
        }
        if let Some(list) = name.and_then(|n| self.by_name.get_mut(n)) {
            list.push(at);
        }
    }
}

/// A transaction counted once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BatchTransaction {
    /// The filing it is counted from.
    pub filing: u32,
    /// Its table.
    pub table: Table,
    /// Its row in that filing's table.
    pub row: u32,
    /// The other (filing, row) places that report the same transaction.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<(u32, u32)>,
    /// The issuer.
    pub issuer: Party,
    /// Every reporting owner of every filing that reports it.
    pub owners: Vec<Party>,
    /// When an amendment replaces this row: the amendment's filing index (not counted in totals).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<u32>,
}

/// Totals for one owner or issuer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Who.
    pub party: Party,
    /// The filings concerned.
    pub filings: Vec<u32>,
    /// Transactions counted.
    pub transactions: u32,
    /// Per security.
    pub securities: Vec<SecurityTotals>,
}

/// Totals for one security held one way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SecurityTotals {
    /// The table.
    pub table: Table,
    /// The security's title as first seen.
    pub security_title: String,
    /// Direct or indirect, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership: Option<DirectIndirect>,
    /// What the transactions moved.
    #[serde(flatten)]
    pub flows: Flows,
}

/// Link, de-duplicate and total `filings`.
pub fn batch(filings: &[Filing]) -> Batch {
    let mut diagnostics = Vec::new();
    let amendments = link_amendments(filings);
    let mut transactions = unique_transactions(filings, &mut diagnostics);
    for link in &amendments {
        for t in transactions.iter_mut().filter(|t| t.filing == link.original) {
            if original_row_restated(filings, link, t) {
                t.superseded_by = Some(link.amendment);
            }
        }
    }
    let counted: Vec<&BatchTransaction> = transactions.iter().filter(|t| t.superseded_by.is_none()).collect();
    let by_owner = totals(filings, &counted, |t| t.owners.clone());
    let by_issuer = totals(filings, &counted, |t| vec![t.issuer.clone()]);
    crate::sort::by_key(&mut transactions, |t| (t.filing, t.table, t.row));
    Batch { amendments, transactions, by_owner, by_issuer, diagnostics }
}

/// Whether the amendment restates the original's row `t` (a row paired by
/// security, date and code).
fn original_row_restated(filings: &[Filing], link: &AmendmentLink, t: &BatchTransaction) -> bool {
    let (Some(original), Some(amendment)) =
        (filings.get(link.original as usize), filings.get(link.amendment as usize))
    else {
        return false;
    };
    pair_rows(original.table(t.table), amendment.table(t.table)).iter().any(|&(o, _)| row_index(o) == t.row)
}

fn issuer_of(filing: &Filing) -> Party {
    Party::new(filing.issuer.cik.text(), filing.issuer.name.text())
}

fn owners_of(filing: &Filing) -> Vec<Party> {
    filing.reporting_owners.iter().map(|o| Party::new(o.cik.text(), o.name.text())).collect()
}

fn share_owner(a: &[Party], b: &[Party]) -> bool {
    a.iter().any(|o| b.iter().any(|p| p.same(o)))
}

/// The amendments' originals.
fn link_amendments(filings: &[Filing]) -> Vec<AmendmentLink> {
    let mut links = Vec::new();
    if !filings.iter().any(|f| f.form_type().is_some_and(|f| f.is_amendment())) {
        return links;
    }
    let issuers: Vec<Party> = filings.iter().map(issuer_of).collect();
    let owners: Vec<Vec<Party>> = filings.iter().map(owners_of).collect();
    for (a, amendment) in filings.iter().enumerate() {
        let Some(form) = amendment.form_type().filter(|f| f.is_amendment()) else { continue };
        let (Some(issuer), Some(its_owners)) = (issuers.get(a), owners.get(a)) else { continue };
        let candidates = filings.iter().enumerate().filter(|(o, original)| {
            *o != a
                && original.form_type().is_some_and(|f| !f.is_amendment() && f.number() == form.number())
                && issuers.get(*o).is_some_and(|i| i.same(issuer))
                && owners.get(*o).is_some_and(|theirs| share_owner(theirs, its_owners))
        });
        let mut best: Option<(usize, &'static str, u8)> = None;
        for (o, original) in candidates {
            let filed = FilingDate::of(original, None).map(|f| f.date);
            let (how, rank) = if amendment.date_of_original_submission.value.is_some()
                && filed == amendment.date_of_original_submission.value
            {
                ("the original's filing date is the amendment's date of original submission", 2)
            } else if amendment.period_of_report.value.is_some()
                && amendment.period_of_report.value == original.period_of_report.value
            {
                ("same issuer, reporting owner and period of report", 1)
            } else {
                continue;
            };
            if best.is_none_or(|(_, _, r)| rank > r) {
                best = Some((o, how, rank));
            }
        }
        if let Some((o, how, _)) = best
            && let Some(original) = filings.get(o)
        {
            links.push(AmendmentLink {
                amendment: row_index(a),
                original: row_index(o),
                matched_by: how,
                changes: changes(original, amendment),
            });
        }
    }
    links
}

/// Rows of `original` and `amended` paired by security, date and code, in order.
fn pair_rows(original: &[Row], amended: &[Row]) -> Vec<(usize, usize)> {
    let id = |r: &Row| {
        (r.kind, normalize_title(r.security_title.text()), r.transaction_date.value, r.transaction_code.value)
    };
    let mut used = vec![false; original.len()];
    let mut pairs = Vec::new();
    for (n, row) in amended.iter().enumerate() {
        let found = original.iter().enumerate().position(|(o, r)| !used[o] && id(r) == id(row));
        if let Some(o) = found {
            used[o] = true;
            pairs.push((o, n));
        }
    }
    pairs
}

/// A cell's value for comparison: numbers by value (1.40 = 1.4), the rest as text.
fn comparable(row: &Row, column: Column) -> (Option<Decimal>, Option<String>) {
    match row.cell(column) {
        crate::model::Cell::Num(f) => (f.decimal().map(|d| d.normalize()), None),
        cell => (None, cell.text().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())),
    }
}

/// What `amended` changes in `original`.
fn changes(original: &Filing, amended: &Filing) -> Vec<Change> {
    let mut out = Vec::new();
    let mut doc = |what: &str, before: Option<String>, after: Option<String>| {
        if before != after {
            out.push(Change { what: what.to_owned(), cell: None, before, after });
        }
    };
    doc(
        "Period of report",
        original.period_of_report.value.map(|d| d.to_string()),
        amended.period_of_report.value.map(|d| d.to_string()),
    );
    doc(
        "Rule 10b5-1 checkbox",
        original.aff10b5_one.value.map(|b| b.to_string()),
        amended.aff10b5_one.value.map(|b| b.to_string()),
    );
    doc("Remarks", original.remarks.value.clone(), amended.remarks.value.clone());
    let names = |f: &Filing| {
        let mut n: Vec<String> = owners_of(f).into_iter().map(|p| p.name).collect();
        crate::sort::by(&mut n, Ord::cmp);
        Some(n.join("; "))
    };
    doc("Reporting owners", names(original), names(amended));
    for footnote in &amended.footnotes {
        let before = original.footnote(&footnote.id).and_then(|f| f.text.value.clone());
        doc(&format!("Footnote {}", footnote.id), before, footnote.text.value.clone());
    }
    for footnote in original.footnotes.iter().filter(|f| amended.footnote(&f.id).is_none()) {
        doc(&format!("Footnote {}", footnote.id), footnote.text.value.clone(), None);
    }
    for table in [Table::NonDerivative, Table::Derivative] {
        let (before, after) = (original.table(table), amended.table(table));
        let pairs = pair_rows(before, after);
        for &(o, n) in &pairs {
            let (Some(old), Some(new)) = (before.get(o), after.get(n)) else { continue };
            for column in Column::ALL {
                if comparable(old, column) != comparable(new, column) {
                    out.push(Change {
                        what: format!("{}, {}", row_label(table, n), column.label()),
                        cell: Some(cell_ref(table, n, column)),
                        before: old.cell(column).text(),
                        after: new.cell(column).text(),
                    });
                }
            }
        }
        let summary = |r: &Row| {
            let code = r.transaction_code.value.map(|c| format!(" {c}")).unwrap_or_default();
            let date = r.transaction_date.value.map(|d| format!(" {d}")).unwrap_or_default();
            let shares = r.transaction_shares.value.as_ref().map(|s| format!(" {s}")).unwrap_or_default();
            Some(format!("{}{date}{code}{shares}", r.security_title.text().trim()))
        };
        for (n, row) in after.iter().enumerate().filter(|(n, _)| !pairs.iter().any(|p| p.1 == *n)) {
            out.push(Change {
                what: format!("{} (added)", row_label(table, n)),
                cell: Some(super::row_ref(table, n)),
                before: None,
                after: summary(row),
            });
        }
        for (o, row) in before.iter().enumerate().filter(|(o, _)| !pairs.iter().any(|p| p.0 == *o)) {
            out.push(Change {
                what: format!("{} (removed)", row_label(table, o)),
                cell: None,
                before: summary(row),
                after: None,
            });
        }
    }
    out
}

/// What makes two reported transactions the same one: the issuer, the
/// table and the row's values. Which of its filing's identical rows a row
/// is (the how-many-th) is counted apart, in `unique_transactions`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
struct TxKey {
    issuer: Party,
    table: Table,
    title: String,
    date: Option<crate::model::Date>,
    code: Option<crate::model::TransactionCode>,
    direction: Option<AcquiredDisposed>,
    shares: Option<Decimal>,
    price: Option<Decimal>,
    after: Option<Decimal>,
}

/// Every transaction row of `filings`: its filing, table and row, and its key.
fn transaction_keys(filings: &[Filing]) -> Vec<(usize, Table, usize, TxKey)> {
    let mut keys = Vec::new();
    for (f, filing) in filings.iter().enumerate() {
        let issuer = issuer_of(filing);
        for table in [Table::NonDerivative, Table::Derivative] {
            for (i, row) in filing.table(table).iter().enumerate() {
                if row.kind != RowKind::Transaction {
                    continue;
                }
                let key = TxKey {
                    issuer: issuer.clone(),
                    table,
                    title: normalize_title(row.security_title.text()),
                    date: row.transaction_date.value,
                    code: row.transaction_code.value,
                    direction: row.transaction_acquired_disposed_code.value,
                    shares: row.transaction_shares.decimal().map(|d| d.normalize()),
                    price: row.transaction_price_per_share.decimal().map(|d| d.normalize()),
                    after: row.shares_owned_following_transaction.decimal().map(|d| d.normalize()),
                };
                keys.push((f, table, i, key));
            }
        }
    }
    keys
}

fn unique_transactions(filings: &[Filing], diagnostics: &mut Vec<BatchDiagnostic>) -> Vec<BatchTransaction> {
    let owners: Vec<Vec<Party>> = filings.iter().map(owners_of).collect();
    let no_owners = Vec::new();
    let owners_at = |f: usize| owners.get(f).unwrap_or(&no_owners);
    let rows = transaction_keys(filings);
    let numbered = Numbered::new(rows.iter().map(|(.., key)| key.clone()).collect());
    let mut out: Vec<BatchTransaction> = Vec::new();
    // The positions in `out` of the transactions with each key, in order, by
    // the how-many-th identical row of its filing each is.
    let mut index: Vec<Vec<Vec<usize>>> = numbered.lists();
    // How many rows of each key the current filing has had so far (and which
    // keys those are, to start the next filing from none).
    let mut seen_here: Vec<usize> = vec![0; index.len()];
    let mut seen_keys: Vec<usize> = Vec::new();
    let mut current = None;
    for (f, table, i, key) in rows {
        let (Some(number), Some(row)) =
            (numbered.number(&key), filings.get(f).and_then(|filing| filing.table(table).get(i)))
        else {
            continue;
        };
        if current != Some(f) {
            current = Some(f);
            for n in seen_keys.drain(..) {
                if let Some(seen) = seen_here.get_mut(n) {
                    *seen = 0;
                }
            }
        }
        let Some(count) = seen_here.get_mut(number) else { continue };
        let occurrence = *count;
        *count += 1;
        seen_keys.push(number);
        let earlier = index.get(number).and_then(|o| o.get(occurrence)).map_or(&[][..], Vec::as_slice);
        let elsewhere = |p: &usize| out.get(*p).filter(|t| t.filing as usize != f);
        let same = earlier
            .iter()
            .copied()
            .find(|p| elsewhere(p).is_some_and(|t| share_owner(owners_at(t.filing as usize), owners_at(f))));
        let other = earlier.iter().find_map(elsewhere).map(|t| (t.table, t.row, t.filing));
        if let Some(t) = same.and_then(|p| out.get_mut(p)) {
            t.also_in.push((row_index(f), row_index(i)));
            for owner in owners_at(f) {
                if !t.owners.iter().any(|o| o.same(owner)) {
                    t.owners.push(owner.clone());
                }
            }
            continue;
        }
        if let Some((other_table, other_row, other_filing)) = other {
            diagnostics.push(BatchDiagnostic {
                filing: row_index(f),
                diagnostic: Diagnostic::new(
                    Code::PossibleDuplicate,
                    Some(row.span),
                    format!(
                        "{} reports the same transaction as {} of filing {}, but the filings share no reporting owner: it is counted in each",
                        row_label(table, i),
                        row_label(other_table, other_row as usize),
                        other_filing + 1
                    ),
                )
                .with_cells([super::row_ref(table, i)]),
            });
        }
        if let Some(by_occurrence) = index.get_mut(number) {
            if by_occurrence.len() <= occurrence {
                by_occurrence.resize(occurrence + 1, Vec::new());
            }
            if let Some(positions) = by_occurrence.get_mut(occurrence) {
                positions.push(out.len());
            }
        }
        out.push(BatchTransaction {
            filing: row_index(f),
            table,
            row: row_index(i),
            also_in: Vec::new(),
            issuer: key.issuer,
            owners: owners_at(f).clone(),
            superseded_by: None,
        });
    }
    out
}

fn totals(
    filings: &[Filing],
    counted: &[&BatchTransaction],
    parties: impl Fn(&BatchTransaction) -> Vec<Party>,
) -> Vec<Totals> {
    struct Sums {
        table: Table,
        title: String,
        key: String,
        ownership: Option<DirectIndirect>,
        sums: FlowSums,
    }
    let mut out: Vec<(Totals, Vec<Sums>)> = Vec::new();
    let each: Vec<Vec<Party>> = counted.iter().map(|t| parties(t)).collect();
    let mut known = Parties::new(&each);
    for (t, its_parties) in counted.iter().zip(each) {
        let Some(row) = filings.get(t.filing as usize).and_then(|f| f.table(t.table).get(t.row as usize))
        else {
            continue;
        };
        let at = |c| cell_ref(t.table, t.row as usize, c);
        let shares = Figure::of(&row.transaction_shares, at(Column::TransactionShares));
        // Overflows are reported by each filing's analysis.
        let value = row_value(t.table, t.row as usize, row, &mut Vec::new());
        let key = normalize_title(row.security_title.text());
        let ownership = row.direct_or_indirect_ownership.value;
        for party in its_parties {
            let found = known.find(&party, |i| out.get(i).is_some_and(|(x, _)| x.party.same(&party)));
            let slot = match found {
                Some(p) => p,
                None => {
                    known.add(&party, out.len());
                    out.push((
                        Totals { party, filings: Vec::new(), transactions: 0, securities: Vec::new() },
                        Vec::new(),
                    ));
                    out.len() - 1
                }
            };
            let Some((totals, per_security)) = out.get_mut(slot) else { continue };
            totals.transactions += 1;
            totals.filings.extend(std::iter::once(t.filing).chain(t.also_in.iter().map(|x| x.0)));
            let found = per_security
                .iter()
                .position(|a| a.table == t.table && a.key == key && a.ownership == ownership);
            let index = found.unwrap_or_else(|| {
                per_security.push(Sums {
                    table: t.table,
                    title: row.security_title.text().trim().to_owned(),
                    key: key.clone(),
                    ownership,
                    sums: FlowSums::new(),
                });
                per_security.len() - 1
            });
            if let Some(entry) = per_security.get_mut(index) {
                let direction = row.transaction_acquired_disposed_code.value;
                entry.sums.add(row.transaction_code.value, direction, shares.as_ref(), value.as_ref());
            }
        }
    }
    out.into_iter()
        .map(|(mut totals, per_security)| {
            crate::sort::by(&mut totals.filings, Ord::cmp);
            totals.filings.dedup();
            totals.securities = per_security
                .into_iter()
                .map(|a| SecurityTotals {
                    table: a.table,
                    security_title: a.title,
                    ownership: a.ownership,
                    flows: a.sums.finish().0,
                })
                .collect();
            totals
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fictional Form 4 on issuer 999 by `owner` (`cik` empty: none given)
    /// with `rows` identical grants of 100 shares.
    fn form4(cik: &str, owner: &str, rows: usize) -> Filing {
        let grant = "<nonDerivativeTransaction><securityTitle><value>Common Stock</value></securityTitle>\
            <transactionDate><value>2024-01-02</value></transactionDate>\
            <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>A</transactionCode>\
            <equitySwapInvolved>0</equitySwapInvolved></transactionCoding>\
            <transactionAmounts><transactionShares><value>100</value></transactionShares>\
            <transactionPricePerShare><value>0</value></transactionPricePerShare>\
            <transactionAcquiredDisposedCode><value>A</value></transactionAcquiredDisposedCode></transactionAmounts>\
            <postTransactionAmounts><sharesOwnedFollowingTransaction><value>100</value></sharesOwnedFollowingTransaction>\
            </postTransactionAmounts><ownershipNature><directOrIndirectOwnership><value>D</value>\
            </directOrIndirectOwnership></ownershipNature></nonDerivativeTransaction>";
        let xml = format!(
            "<ownershipDocument><schemaVersion>X0508</schemaVersion><documentType>4</documentType>\
             <periodOfReport>2024-01-02</periodOfReport><issuer><issuerCik>0000000999</issuerCik>\
             <issuerName>Example Lantern Co</issuerName><issuerTradingSymbol>XLC</issuerTradingSymbol></issuer>\
             <reportingOwner><reportingOwnerId><rptOwnerCik>{cik}</rptOwnerCik><rptOwnerName>{owner}</rptOwnerName>\
             </reportingOwnerId></reportingOwner><nonDerivativeTable>{}</nonDerivativeTable></ownershipDocument>",
            grant.repeat(rows)
        );
        let mut filings = crate::repr::xml::parse(&xml, 0..xml.len()).filings;
        assert_eq!(filings.len(), 1);
        filings.remove(0)
    }

    #[test]
    fn identical_rows_pair_in_order_across_filings_and_parties_match_by_cik_or_name() {
        // The same two identical grants pasted twice (once without the CIK),
        // and a third filing by someone else with one such grant.
        let filings = [
            form4("0000000042", "Doe Jane", 2),
            form4("", "DOE JANE", 2),
            form4("0000000043", "Roe Rick", 1),
        ];
        let b = batch(&filings);
        let places: Vec<_> = b.transactions.iter().map(|t| (t.filing, t.row, t.also_in.clone())).collect();
        assert_eq!(places, [(0, 0, vec![(1, 0)]), (0, 1, vec![(1, 1)]), (2, 0, vec![])]);
        assert_eq!(b.diagnostics.len(), 1, "Roe's grant looks like Doe's first: {:?}", b.diagnostics);
        // Jane Doe once (by CIK, then by name), Rick Roe once; one issuer.
        let owners: Vec<_> = b.by_owner.iter().map(|o| (o.party.name.as_str(), o.transactions)).collect();
        assert_eq!(owners, [("Doe Jane", 2), ("Roe Rick", 1)]);
        assert_eq!(b.by_issuer.len(), 1);
        assert_eq!(b.by_issuer[0].transactions, 3);
    }

    #[test]
    fn numbered_keys_are_their_places_among_the_keys_sorted() {
        let keys = Numbered::new(vec!["b", "a", "b", "c"]);
        assert_eq!(
            [keys.number(&"a"), keys.number(&"b"), keys.number(&"c"), keys.number(&"d")],
            [Some(0), Some(1), Some(2), None]
        );
        assert_eq!(keys.lists::<u8>().len(), 3);
    }
}
