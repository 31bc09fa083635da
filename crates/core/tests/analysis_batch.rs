//! Batch analysis across filings, on real corpus filings (read in place from
//! `../shared/corpus`; each test says so when it is absent). Expected values
//! were read from the filings by hand.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

mod common_analysis;

use common_analysis::{corpus, corpus_filing, date, dec};
use filing_core::analysis::batch;
use filing_core::diagnostic::Code;
use filing_core::model::{DirectIndirect, FormType, Num, Table};

#[test]
fn the_same_joint_filing_twice_is_counted_once() {
    let Some(corpus) = corpus("the_same_joint_filing_twice_is_counted_once") else { return };
    // SoftBank and seven affiliates (eight reporting owners) file one Form 4
    // on Better Home & Finance: a conversion of 628,553 Class B shares into
    // Class A. The same accession as ownership XML and as the full submission.
    let filings = [
        corpus_filing(&corpus, "xml/0001493152-25-009612.xml"),
        corpus_filing(&corpus, "txt/0001493152-25-009612.txt"),
    ];
    let b = batch(&filings);
    assert_eq!(b.transactions.len(), 2, "one Table I and one Table II row, each once");
    for t in &b.transactions {
        assert_eq!(t.filing, 0);
        assert_eq!(t.also_in, [(1, t.row)]);
        assert_eq!(t.owners.len(), 8);
    }
    assert_eq!(b.by_issuer.len(), 1);
    let issuer = &b.by_issuer[0];
    assert_eq!(issuer.party.cik.as_deref(), Some("1835856"));
    assert_eq!(issuer.transactions, 2);
    assert_eq!(issuer.filings, [0, 1]);
    let class_a = issuer.securities.iter().find(|s| s.table == Table::NonDerivative).unwrap();
    assert_eq!(class_a.flows.acquired.as_ref().unwrap().value, dec("628553"));
    assert_eq!(class_a.flows.disposed.as_ref().unwrap().value, dec("0"));
    let class_b = issuer.securities.iter().find(|s| s.table == Table::Derivative).unwrap();
    assert_eq!(class_b.flows.disposed.as_ref().unwrap().value, dec("628553"));
    assert!(class_b.flows.notional);
    // Every co-filer's totals hold the conversion once.
    assert_eq!(b.by_owner.len(), 8);
    assert!(b.by_owner.iter().all(|o| o.transactions == 2));
    assert!(b.diagnostics.is_empty());
}

#[test]
fn identical_grants_to_different_people_are_not_merged() {
    let Some(corpus) = corpus("identical_grants_to_different_people_are_not_merged") else { return };
    // Apple, 2025-09-28: Deirdre O'Brien and Kevan Parekh each receive two
    // RSU grants of 48,932. The filings share no owner: four transactions,
    // counted in each, with a note on the look-alikes.
    let filings = [
        corpus_filing(&corpus, "xml/0001767094-25-000007.xml"),
        corpus_filing(&corpus, "xml/0002050912-25-000006.xml"),
    ];
    let b = batch(&filings);
    assert_eq!(b.transactions.len(), 4);
    assert!(b.transactions.iter().all(|t| t.also_in.is_empty() && t.owners.len() == 1));
    let notes: Vec<_> =
        b.diagnostics.iter().filter(|d| d.diagnostic.code == Code::PossibleDuplicate).collect();
    assert_eq!(notes.len(), 2);
    assert!(notes.iter().all(|d| d.filing == 1));
    let apple = &b.by_issuer[0];
    assert_eq!(apple.transactions, 4);
    assert_eq!(apple.securities[0].flows.acquired.as_ref().unwrap().value, dec("195728")); // 4 × 48,932
    assert_eq!(b.by_owner.len(), 2);
    assert_eq!(b.by_owner[0].securities[0].flows.acquired.as_ref().unwrap().value, dec("97864"));
}

#[test]
fn totals_by_owner_and_by_issuer() {
    let Some(corpus) = corpus("totals_by_owner_and_by_issuer") else { return };
    // Microsoft's directors' grants of 125 shares on 2025-09-10 (Teri List,
    // Charles Scharf, John Stanton), and Teri List's 37.916 RSUs.
    let filings = [
        corpus_filing(&corpus, "xml/0000789019-25-000034.xml"),
        corpus_filing(&corpus, "xml/0000789019-25-000041.xml"),
        corpus_filing(&corpus, "xml/0000789019-25-000042.xml"),
    ];
    let b = batch(&filings);
    assert_eq!(b.transactions.len(), 4, "holdings are not transactions");
    let msft = &b.by_issuer[0];
    assert_eq!(msft.transactions, 4);
    let common = msft.securities.iter().find(|s| s.security_title == "Common Stock").unwrap();
    assert_eq!(common.flows.acquired.as_ref().unwrap().value, dec("375"));
    assert_eq!(common.flows.acquired_value.as_ref().unwrap().value, dec("0"), "grants at $0");
    let list = b.by_owner.iter().find(|o| o.party.cik.as_deref() == Some("1529370")).unwrap();
    assert_eq!(list.transactions, 2);
    let rsus = list.securities.iter().find(|s| s.table == Table::Derivative).unwrap();
    assert_eq!(rsus.flows.acquired.as_ref().unwrap().value, dec("37.916"));
    assert!(b.amendments.is_empty());
    assert!(b.diagnostics.is_empty());
}

#[test]
fn amendment_linked_to_its_original_with_what_changed() {
    let Some(corpus) = corpus("amendment_linked_to_its_original_with_what_changed") else { return };
    // Lam Research, Sohail Ahmed: a 4/A of a Form 4 originally filed
    // 2024-11-04, restating a gift of 3,690 shares to the family trust after
    // a ten-for-one split (the remarks say so). The corpus has no original:
    // we make one from the amendment as it would have read before the split
    // adjustment — Form 4, filed (signed) 2024-11-04, 369 shares, no remarks.
    let amendment = corpus_filing(&corpus, "xml/0000707549-25-000004.xml");
    let mut original = amendment.clone();
    original.document_type.value = Some(FormType::Form4);
    original.date_of_original_submission.value = None;
    original.remarks.value = None;
    for s in &mut original.signatures {
        s.date.value = Some(date(2024, 11, 4));
    }
    for row in &mut original.non_derivative_table {
        row.transaction_shares.value = Some(Num::parse("369").unwrap());
    }
    let b = batch(&[original, amendment]);
    assert_eq!(b.amendments.len(), 1);
    let link = &b.amendments[0];
    assert_eq!((link.amendment, link.original), (1, 0));
    assert!(link.matched_by.contains("date of original submission"));
    let what: Vec<&str> = link.changes.iter().map(|c| c.what.as_str()).collect();
    assert_eq!(what, ["Remarks", "Table I row 1, Shares", "Table I row 2, Shares"]);
    assert_eq!(link.changes[1].before.as_deref(), Some("369"));
    assert_eq!(link.changes[1].after.as_deref(), Some("3690"));
    // The original's rows are superseded; only the amendment's count.
    assert!(b.transactions.iter().filter(|t| t.filing == 0).all(|t| t.superseded_by == Some(1)));
    let owner = &b.by_owner[0];
    assert_eq!(owner.transactions, 2);
    // Direct and indirect holdings are totalled apart: 3,690 out of the
    // direct holding, 3,690 into the trust.
    let [direct, trust] = &owner.securities[..] else { panic!("{:?}", owner.securities) };
    assert_eq!(direct.ownership, Some(DirectIndirect::Direct));
    assert_eq!(direct.flows.disposed.as_ref().unwrap().value, dec("3690"));
    assert_eq!(direct.flows.net_change.as_ref().unwrap().value, dec("-3690"));
    assert_eq!(trust.ownership, Some(DirectIndirect::Indirect));
    assert_eq!(trust.flows.acquired.as_ref().unwrap().value, dec("3690"));
}

#[test]
fn an_amendment_without_its_original_stands_alone() {
    let Some(corpus) = corpus("an_amendment_without_its_original_stands_alone") else { return };
    let b = batch(&[corpus_filing(&corpus, "xml/0000707549-25-000004.xml")]);
    assert!(b.amendments.is_empty());
    assert_eq!(b.transactions.len(), 2);
    assert!(b.transactions.iter().all(|t| t.superseded_by.is_none()));
}
