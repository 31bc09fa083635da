//! The SEC's *Insider Transactions Data Sets* layout: eight tab-separated
//! tables, one row per submission, reporting owner, table row, footnote and
//! signature, joined by `ACCESSION_NUMBER`.
//!
//! The column names are those of the SEC's published files, quirks included:
//! `DERIV_TRANS` spells `EXCERCISE_DATE` (sic) where `DERIV_HOLDING` has
//! `EXERCISE_DATE`; the footnotes of `transactionCoding` go to
//! `EQUITY_SWAP_TRANS_CD_FN`; dates are `DD-MON-YYYY` (`31-MAR-2025`);
//! `_FN` columns hold footnote ids (`F1,F2`), whose text is in FOOTNOTES;
//! `_SK` keys number the rows of a table within one accession, from 1;
//! `RPTOWNER_RELATIONSHIP` joins the owner's roles as the SEC's files do
//! (`Director,Officer,TenPercentOwner,Other`); flags, `AFF10B5ONE` included
//! (filed as `1`, `0`, `true` or `false`), are written `1`, `0` or empty.
//!
//! Values are written as filed (numbers keep their digits), on one line
//! (a line break becomes a space). Not written: the contact columns the SEC's
//! metadata lists but its files omit. `FILING_DATE` and `FILE_NUMBER` come
//! from the submission header, so they are empty for a bare XML document.

use std::fmt::Write as _;

use crate::model::{Date, Field, Filing, FootnoteId, Num, PartyRole, ReportingOwner, Row, RowKind};

/// One of the eight tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SecTable {
    /// `SUBMISSION.tsv`: one row per filing.
    Submission,
    /// `REPORTINGOWNER.tsv`: one row per reporting owner.
    ReportingOwner,
    /// `NONDERIV_TRANS.tsv`: Table I transactions.
    NonDerivTrans,
    /// `NONDERIV_HOLDING.tsv`: Table I holdings.
    NonDerivHolding,
    /// `DERIV_TRANS.tsv`: Table II transactions.
    DerivTrans,
    /// `DERIV_HOLDING.tsv`: Table II holdings.
    DerivHolding,
    /// `FOOTNOTES.tsv`: footnote texts.
    Footnotes,
    /// `OWNER_SIGNATURE.tsv`: signatures.
    OwnerSignature,
}

impl SecTable {
    /// All eight, in the SEC's order.
    pub const ALL: [SecTable; 8] = [
        SecTable::Submission,
        SecTable::ReportingOwner,
        SecTable::NonDerivTrans,
        SecTable::NonDerivHolding,
        SecTable::DerivTrans,
        SecTable::DerivHolding,
        SecTable::Footnotes,
        SecTable::OwnerSignature,
    ];

    /// The table's name, e.g. `NONDERIV_TRANS`.
    pub fn name(self) -> &'static str {
        match self {
            SecTable::Submission => "SUBMISSION",
            SecTable::ReportingOwner => "REPORTINGOWNER",
            SecTable::NonDerivTrans => "NONDERIV_TRANS",
            SecTable::NonDerivHolding => "NONDERIV_HOLDING",
            SecTable::DerivTrans => "DERIV_TRANS",
            SecTable::DerivHolding => "DERIV_HOLDING",
            SecTable::Footnotes => "FOOTNOTES",
            SecTable::OwnerSignature => "OWNER_SIGNATURE",
        }
    }

    /// The file the SEC publishes it as, e.g. `NONDERIV_TRANS.tsv`.
    pub fn file_name(self) -> String {
        format!("{}.tsv", self.name())
    }

    /// The column names, in the SEC's order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            SecTable::Submission => &[
                "ACCESSION_NUMBER",
                "FILING_DATE",
                "PERIOD_OF_REPORT",
                "DATE_OF_ORIG_SUB",
                "NO_SECURITIES_OWNED",
                "NOT_SUBJECT_SEC16",
                "FORM3_HOLDINGS_REPORTED",
                "FORM4_TRANS_REPORTED",
                "DOCUMENT_TYPE",
                "ISSUERCIK",
                "ISSUERNAME",
                "ISSUERTRADINGSYMBOL",
                "REMARKS",
                "AFF10B5ONE",
            ],
            SecTable::ReportingOwner => &[
                "ACCESSION_NUMBER",
                "RPTOWNERCIK",
                "RPTOWNERNAME",
                "RPTOWNER_RELATIONSHIP",
                "RPTOWNER_TITLE",
                "RPTOWNER_TXT",
                "RPTOWNER_STREET1",
                "RPTOWNER_STREET2",
                "RPTOWNER_CITY",
                "RPTOWNER_STATE",
                "RPTOWNER_ZIPCODE",
                "RPTOWNER_STATE_DESC",
                "FILE_NUMBER",
            ],
            SecTable::NonDerivTrans => &[
                "ACCESSION_NUMBER",
                "NONDERIV_TRANS_SK",
                "SECURITY_TITLE",
                "SECURITY_TITLE_FN",
                "TRANS_DATE",
                "TRANS_DATE_FN",
                "DEEMED_EXECUTION_DATE",
                "DEEMED_EXECUTION_DATE_FN",
                "TRANS_FORM_TYPE",
                "TRANS_CODE",
                "EQUITY_SWAP_INVOLVED",
                "EQUITY_SWAP_TRANS_CD_FN",
                "TRANS_TIMELINESS",
                "TRANS_TIMELINESS_FN",
                "TRANS_SHARES",
                "TRANS_SHARES_FN",
                "TRANS_PRICEPERSHARE",
                "TRANS_PRICEPERSHARE_FN",
                "TRANS_ACQUIRED_DISP_CD",
                "TRANS_ACQUIRED_DISP_CD_FN",
                "SHRS_OWND_FOLWNG_TRANS",
                "SHRS_OWND_FOLWNG_TRANS_FN",
                "VALU_OWND_FOLWNG_TRANS",
                "VALU_OWND_FOLWNG_TRANS_FN",
                "DIRECT_INDIRECT_OWNERSHIP",
                "DIRECT_INDIRECT_OWNERSHIP_FN",
                "NATURE_OF_OWNERSHIP",
                "NATURE_OF_OWNERSHIP_FN",
            ],
            SecTable::NonDerivHolding => &[
                "ACCESSION_NUMBER",
                "NONDERIV_HOLDING_SK",
                "SECURITY_TITLE",
                "SECURITY_TITLE_FN",
                "TRANS_FORM_TYPE",
                "TRANS_FORM_TYPE_FN",
                "SHRS_OWND_FOLWNG_TRANS",
                "SHRS_OWND_FOLWNG_TRANS_FN",
                "VALU_OWND_FOLWNG_TRANS",
                "VALU_OWND_FOLWNG_TRANS_FN",
                "DIRECT_INDIRECT_OWNERSHIP",
                "DIRECT_INDIRECT_OWNERSHIP_FN",
                "NATURE_OF_OWNERSHIP",
                "NATURE_OF_OWNERSHIP_FN",
            ],
            SecTable::DerivTrans => &[
                "ACCESSION_NUMBER",
                "DERIV_TRANS_SK",
                "SECURITY_TITLE",
                "SECURITY_TITLE_FN",
                "CONV_EXERCISE_PRICE",
                "CONV_EXERCISE_PRICE_FN",
                "TRANS_DATE",
                "TRANS_DATE_FN",
                "DEEMED_EXECUTION_DATE",
                "DEEMED_EXECUTION_DATE_FN",
                "TRANS_FORM_TYPE",
                "TRANS_CODE",
                "EQUITY_SWAP_INVOLVED",
                "EQUITY_SWAP_TRANS_CD_FN",
                "TRANS_TIMELINESS",
                "TRANS_TIMELINESS_FN",
                "TRANS_SHARES",
                "TRANS_SHARES_FN",
                "TRANS_TOTAL_VALUE",
                "TRANS_TOTAL_VALUE_FN",
                "TRANS_PRICEPERSHARE",
                "TRANS_PRICEPERSHARE_FN",
                "TRANS_ACQUIRED_DISP_CD",
                "TRANS_ACQUIRED_DISP_CD_FN",
                "EXCERCISE_DATE",
                "EXCERCISE_DATE_FN",
                "EXPIRATION_DATE",
                "EXPIRATION_DATE_FN",
                "UNDLYNG_SEC_TITLE",
                "UNDLYNG_SEC_TITLE_FN",
                "UNDLYNG_SEC_SHARES",
                "UNDLYNG_SEC_SHARES_FN",
                "UNDLYNG_SEC_VALUE",
                "UNDLYNG_SEC_VALUE_FN",
                "SHRS_OWND_FOLWNG_TRANS",
                "SHRS_OWND_FOLWNG_TRANS_FN",
                "VALU_OWND_FOLWNG_TRANS",
                "VALU_OWND_FOLWNG_TRANS_FN",
                "DIRECT_INDIRECT_OWNERSHIP",
                "DIRECT_INDIRECT_OWNERSHIP_FN",
                "NATURE_OF_OWNERSHIP",
                "NATURE_OF_OWNERSHIP_FN",
            ],
            SecTable::DerivHolding => &[
                "ACCESSION_NUMBER",
                "DERIV_HOLDING_SK",
                "SECURITY_TITLE",
                "SECURITY_TITLE_FN",
                "CONV_EXERCISE_PRICE",
                "CONV_EXERCISE_PRICE_FN",
                "TRANS_FORM_TYPE",
                "TRANS_FORM_TYPE_FN",
                "EXERCISE_DATE",
                "EXERCISE_DATE_FN",
                "EXPIRATION_DATE",
                "EXPIRATION_DATE_FN",
                "UNDLYNG_SEC_TITLE",
                "UNDLYNG_SEC_TITLE_FN",
                "UNDLYNG_SEC_SHARES",
                "UNDLYNG_SEC_SHARES_FN",
                "UNDLYNG_SEC_VALUE",
                "UNDLYNG_SEC_VALUE_FN",
                "SHRS_OWND_FOLWNG_TRANS",
                "SHRS_OWND_FOLWNG_TRANS_FN",
                "VALU_OWND_FOLWNG_TRANS",
                "VALU_OWND_FOLWNG_TRANS_FN",
                "DIRECT_INDIRECT_OWNERSHIP",
                "DIRECT_INDIRECT_OWNERSHIP_FN",
                "NATURE_OF_OWNERSHIP",
                "NATURE_OF_OWNERSHIP_FN",
            ],
            SecTable::Footnotes => &["ACCESSION_NUMBER", "FOOTNOTE_ID", "FOOTNOTE_TXT"],
            SecTable::OwnerSignature => &["ACCESSION_NUMBER", "OWNERSIGNATURENAME", "OWNERSIGNATUREDATE"],
        }
    }
}

/// The eight tables for any number of filings, row by row.
#[derive(Clone, Debug, Default)]
pub struct DataSet {
    rows: [Vec<Vec<String>>; 8],
}

impl DataSet {
    /// An empty data set.
    pub fn new() -> DataSet {
        DataSet::default()
    }

    /// Add `filing` under `accession` (its accession number: the filing's
    /// own, from its submission header, or one the caller knows).
    pub fn add(&mut self, filing: &Filing, accession: &str) {
        let acc = || accession.to_owned();
        let submission = filing.submission.as_ref();
        self.push(
            SecTable::Submission,
            vec![
                acc(),
                date(&submission.map(|s| s.filed_as_of_date.clone()).unwrap_or_default()),
                date(&filing.period_of_report),
                date(&filing.date_of_original_submission),
                flag(&filing.no_securities_owned),
                flag(&filing.not_subject_to_section16),
                flag(&filing.form3_holdings_reported),
                flag(&filing.form4_transactions_reported),
                filing.document_type.value.map(|t| t.as_str().to_owned()).unwrap_or_default(),
                text(&filing.issuer.cik),
                text(&filing.issuer.name),
                text(&filing.issuer.trading_symbol),
                text(&filing.remarks),
                flag(&filing.aff10b5_one),
            ],
        );
        for owner in &filing.reporting_owners {
            let a = &owner.address;
            let row = vec![
                acc(),
                text(&owner.cik),
                text(&owner.name),
                relationship(owner),
                text(&owner.officer_title),
                text(&owner.other_text),
                text(&a.street1),
                text(&a.street2),
                text(&a.city),
                text(&a.state),
                text(&a.zip_code),
                text(&a.state_description),
                file_number(filing, owner),
            ];
            self.push(SecTable::ReportingOwner, row);
        }
        let tables = [
            (&filing.non_derivative_table, SecTable::NonDerivTrans, SecTable::NonDerivHolding),
            (&filing.derivative_table, SecTable::DerivTrans, SecTable::DerivHolding),
        ];
        for (rows, transactions, holdings) in tables {
            let (mut t, mut h) = (0, 0);
            for row in rows {
                let (table, key) = match row.kind {
                    RowKind::Transaction => (transactions, &mut t),
                    RowKind::Holding => (holdings, &mut h),
                };
                *key += 1;
                self.push(table, row_cells(table, row, accession, *key));
            }
        }
        for footnote in &filing.footnotes {
            self.push(SecTable::Footnotes, vec![acc(), footnote.id.to_string(), text(&footnote.text)]);
        }
        for signature in &filing.signatures {
            self.push(SecTable::OwnerSignature, vec![acc(), text(&signature.name), date(&signature.date)]);
        }
    }

    fn push(&mut self, table: SecTable, row: Vec<String>) {
        debug_assert_eq!(row.len(), table.columns().len(), "{}", table.name());
        if let Some(rows) = self.rows.get_mut(table as usize) {
            rows.push(row);
        }
    }

    /// The rows of `table` (without the header).
    pub fn rows(&self, table: SecTable) -> &[Vec<String>] {
        self.rows.get(table as usize).map_or(&[], Vec::as_slice)
    }

    /// `table` as the SEC's TSV: a header line, then one line per row, each
    /// ending in `\n`.
    pub fn to_tsv(&self, table: SecTable) -> String {
        let mut out = table.columns().join("\t");
        out.push('\n');
        for row in self.rows(table) {
            let cells: Vec<_> = row.iter().map(|cell| super::one_line(cell)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
        out
    }
}

/// The cells of one table row, in the columns of `table`.
fn row_cells(table: SecTable, row: &Row, accession: &str, key: usize) -> Vec<String> {
    let derivative = matches!(table, SecTable::DerivTrans | SecTable::DerivHolding);
    let transaction = matches!(table, SecTable::DerivTrans | SecTable::NonDerivTrans);
    let mut c = Cells(vec![accession.to_owned(), key.to_string()]);
    c.noted(text(&row.security_title), &row.security_title);
    if derivative {
        c.noted(num(&row.conversion_or_exercise_price), &row.conversion_or_exercise_price);
    }
    if transaction {
        c.noted(date(&row.transaction_date), &row.transaction_date);
        c.noted(date(&row.deemed_execution_date), &row.deemed_execution_date);
        // Form type, code and swap flag share the coding's footnotes (EQUITY_SWAP_TRANS_CD_FN).
        c.put(text(&row.transaction_form_type));
        c.put(row.transaction_code.value.map(|code| code.letter().to_string()).unwrap_or_default());
        c.noted(flag(&row.equity_swap_involved), &row.transaction_code);
        let timeliness = &row.transaction_timeliness;
        c.noted(timeliness.value.map(|t| t.as_str().to_owned()).unwrap_or_default(), timeliness);
        c.noted(num(&row.transaction_shares), &row.transaction_shares);
        if derivative {
            c.noted(num(&row.transaction_total_value), &row.transaction_total_value);
        }
        c.noted(num(&row.transaction_price_per_share), &row.transaction_price_per_share);
        let ad = &row.transaction_acquired_disposed_code;
        c.noted(ad.value.map(|a| a.as_str().to_owned()).unwrap_or_default(), ad);
    } else {
        c.noted(text(&row.transaction_form_type), &row.transaction_form_type);
    }
    if derivative {
        c.noted(date(&row.exercise_date), &row.exercise_date);
        c.noted(date(&row.expiration_date), &row.expiration_date);
        c.noted(text(&row.underlying_security_title), &row.underlying_security_title);
        c.noted(num(&row.underlying_security_shares), &row.underlying_security_shares);
        c.noted(num(&row.underlying_security_value), &row.underlying_security_value);
    }
    c.noted(num(&row.shares_owned_following_transaction), &row.shares_owned_following_transaction);
    c.noted(num(&row.value_owned_following_transaction), &row.value_owned_following_transaction);
    let di = &row.direct_or_indirect_ownership;
    c.noted(di.value.map(|d| d.as_str().to_owned()).unwrap_or_default(), di);
    c.noted(text(&row.nature_of_ownership), &row.nature_of_ownership);
    c.0
}

/// The cells of a row being written.
struct Cells(Vec<String>);

impl Cells {
    /// A value without a footnote column.
    fn put(&mut self, value: String) {
        self.0.push(value);
    }

    /// A value and its `_FN` column (the footnotes of `field`).
    fn noted<T>(&mut self, value: String, field: &Field<T>) {
        self.0.push(value);
        self.0.push(footnote_ids(&field.footnotes));
    }
}

/// `Director,Officer,TenPercentOwner,Other`, the roles that are set, in that order.
fn relationship(owner: &ReportingOwner) -> String {
    let roles = [
        (&owner.is_director, "Director"),
        (&owner.is_officer, "Officer"),
        (&owner.is_ten_percent_owner, "TenPercentOwner"),
        (&owner.is_other, "Other"),
    ];
    let set: Vec<&str> = roles.iter().filter(|(f, _)| f.value == Some(true)).map(|&(_, name)| name).collect();
    set.join(",")
}

/// The owner's SEC file number, from the submission header's block for the same CIK.
fn file_number(filing: &Filing, owner: &ReportingOwner) -> String {
    let cik = owner.cik.text().trim_start_matches('0');
    filing
        .submission
        .iter()
        .flat_map(|s| &s.parties)
        .find(|p| p.role == PartyRole::ReportingOwner && p.cik.text().trim_start_matches('0') == cik)
        .map(|p| p.file_number.text().to_owned())
        .unwrap_or_default()
}

fn flag(field: &Field<bool>) -> String {
    field.value.map_or(String::new(), |b| if b { "1" } else { "0" }.to_owned())
}

fn text(field: &Field<String>) -> String {
    field.value.clone().unwrap_or_default()
}

fn num(field: &Field<Num>) -> String {
    field.value.as_ref().map(|n| n.text.clone()).unwrap_or_default()
}

fn date(field: &Field<Date>) -> String {
    field.value.map(sec_date).unwrap_or_default()
}

/// `F1,F2`.
fn footnote_ids(ids: &[FootnoteId]) -> String {
    let ids: Vec<&str> = ids.iter().map(FootnoteId::as_str).collect();
    ids.join(",")
}

/// A date as the SEC's data sets write it: `31-MAR-2025`.
pub fn sec_date(date: Date) -> String {
    const MONTHS: [&str; 12] =
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    let month = MONTHS.get(date.month() as usize - 1).copied().unwrap_or("");
    let mut out = String::with_capacity(11);
    let _ = write!(out, "{:02}-{month}-{:04}", date.day(), date.year());
    out
}

/// The accession number a file is named after (`0000070858-25-000310.xml`,
/// `dir/0001127602-25-004598.nc.txt`), if any: for a filing without a
/// submission header, whose `ACCESSION_NUMBER` is otherwise unknown.
pub fn accession_in_name(file: &str) -> Option<&str> {
    let name = file.rsplit(['/', '\\']).next()?;
    let candidate = name.get(..20)?;
    let shape = candidate.bytes().enumerate().all(|(i, b)| match i {
        10 | 13 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    shape.then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_accession_number_is_read_from_a_file_name() {
        assert_eq!(accession_in_name("../x/0000070858-25-000310.xml"), Some("0000070858-25-000310"));
        assert_eq!(accession_in_name("C:\\x\\0000070858-25-000310.xml"), Some("0000070858-25-000310"));
        assert_eq!(accession_in_name("0001127602-25-004598.nc.txt"), Some("0001127602-25-004598"));
        assert_eq!(accession_in_name("form4.xml"), None);
        assert_eq!(accession_in_name("MVIS-2026-06-08-622acbaa.xml"), None);
    }

    #[test]
    fn dates_are_day_month_year() {
        assert_eq!(sec_date(Date::from_ymd(2025, 3, 31).unwrap()), "31-MAR-2025");
        assert_eq!(sec_date(Date::from_ymd(2009, 12, 1).unwrap()), "01-DEC-2009");
    }

    #[test]
    fn every_table_row_has_its_columns() {
        let row = Row::default();
        for table in
            [SecTable::NonDerivTrans, SecTable::NonDerivHolding, SecTable::DerivTrans, SecTable::DerivHolding]
        {
            assert_eq!(row_cells(table, &row, "a", 1).len(), table.columns().len(), "{}", table.name());
        }
    }

    #[test]
    fn the_quirky_column_names_are_kept() {
        assert!(SecTable::DerivTrans.columns().contains(&"EXCERCISE_DATE"));
        assert!(SecTable::DerivHolding.columns().contains(&"EXERCISE_DATE"));
        assert!(SecTable::NonDerivTrans.columns().contains(&"EQUITY_SWAP_TRANS_CD_FN"));
        assert!(!SecTable::Submission.columns().contains(&"CONTACT_NAME"));
    }
}
