//! The one typed model every representation is parsed into.
//!
//! A [`Filing`] covers everything in the SEC's EDGAR Ownership XML Technical
//! Specification v5.5 (Forms 3, 4, 5 and their amendments, schema versions
//! X0101 to X0609), plus the envelope of a full EDGAR submission
//! ([`Submission`]) when the input had one. Names follow the SEC's own
//! element names. Every cell is a [`Field`]: a value (or none), its
//! footnotes, its span in the input and how it was obtained.
//!
//! Both tables hold [`Row`]s in input order; a row is a transaction or a
//! holding ([`RowKind`]). Table I rows leave the derivative-only cells
//! (conversion price, exercise and expiration dates, underlying security)
//! blank.

mod codes;
pub mod layout;
mod value;

use serde::Serialize;

pub use codes::{
    AcquiredDisposed, CodeGroup, DirectIndirect, FormType, ImpliedDirection, Timeliness, TransactionCode,
};
pub use layout::{FormColumn, form_columns};
pub use value::{Date, Field, FootnoteId, InferenceRule, Num, NumError, Origin, Weekday};

use crate::detect::Representation;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

/// One ownership document (Form 3, 4 or 5, or an amendment), with the
/// submission envelope it came in, if any.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Filing {
    /// The representation it was read from.
    pub representation: Representation,
    /// Where in the input this filing lies.
    pub span: Span,
    /// The EDGAR submission header, when the input was a full submission.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submission: Option<Submission>,
    /// `schemaVersion`, e.g. `X0508`.
    pub schema_version: Field<String>,
    /// `documentType`: 3, 3/A, 4, 4/A, 5 or 5/A.
    pub document_type: Field<FormType>,
    /// `periodOfReport`: the date of the earliest transaction (Form 4), of
    /// the event requiring the statement (Form 3), or the fiscal year end (Form 5).
    pub period_of_report: Field<Date>,
    /// `dateOfOriginalSubmission` (amendments).
    pub date_of_original_submission: Field<Date>,
    /// `notSubjectToSection16`: the "no longer subject to Section 16" box.
    pub not_subject_to_section16: Field<bool>,
    /// `form3HoldingsReported` (Form 5).
    pub form3_holdings_reported: Field<bool>,
    /// `form4TransactionsReported` (Form 5).
    pub form4_transactions_reported: Field<bool>,
    /// `noSecuritiesOwned` (Form 3).
    pub no_securities_owned: Field<bool>,
    /// `aff10b5One`: the Rule 10b5-1(c) checkbox (schema X0508 on, 2023).
    pub aff10b5_one: Field<bool>,
    /// The company whose securities are reported.
    pub issuer: Issuer,
    /// The reporting persons (joint filings have several).
    pub reporting_owners: Vec<ReportingOwner>,
    /// Table I: non-derivative securities.
    pub non_derivative_table: Vec<Row>,
    /// Table II: derivative securities.
    pub derivative_table: Vec<Row>,
    /// Explanation of responses.
    pub footnotes: Vec<Footnote>,
    /// Remarks.
    pub remarks: Field<String>,
    /// Signatures of the reporting persons (or their attorneys-in-fact).
    pub signatures: Vec<Signature>,
    /// What the parser and the checks found to say about this filing.
    pub diagnostics: Vec<Diagnostic>,
}

impl Filing {
    /// The table a [`Table`] names.
    pub fn table(&self, table: Table) -> &[Row] {
        match table {
            Table::NonDerivative => &self.non_derivative_table,
            Table::Derivative => &self.derivative_table,
        }
    }

    /// The footnote with `id`, if defined.
    pub fn footnote(&self, id: &FootnoteId) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| &f.id == id)
    }

    /// The form type, if known.
    pub fn form_type(&self) -> Option<FormType> {
        self.document_type.copied()
    }

    /// The accession number, from the submission header when there is one.
    pub fn accession_number(&self) -> Option<&str> {
        self.submission.as_ref().and_then(|s| s.accession_number.value.as_deref())
    }
}

/// The issuer: the company whose securities are reported.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Issuer {
    /// `issuerCik`: the issuer's Central Index Key.
    pub cik: Field<String>,
    /// `issuerName`.
    pub name: Field<String>,
    /// `issuerTradingSymbol`.
    pub trading_symbol: Field<String>,
    /// `issuerForeignTradingSymbol` (v5.5).
    pub foreign_trading_symbol: Field<String>,
}

/// A reporting person.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ReportingOwner {
    /// Where in the input.
    pub span: Span,
    /// `rptOwnerCik`.
    pub cik: Field<String>,
    /// `rptOwnerCcc`: the CIK confirmation code (removed from disseminated copies).
    pub ccc: Field<String>,
    /// `rptOwnerName`, as EDGAR writes it (last name first).
    pub name: Field<String>,
    /// `reportingOwnerAddress`.
    pub address: Address,
    /// `isDirector`.
    pub is_director: Field<bool>,
    /// `isOfficer`.
    pub is_officer: Field<bool>,
    /// `isTenPercentOwner`.
    pub is_ten_percent_owner: Field<bool>,
    /// `isOther`.
    pub is_other: Field<bool>,
    /// `officerTitle`.
    pub officer_title: Field<String>,
    /// `otherText`.
    pub other_text: Field<String>,
}

/// A reporting owner's address (US or foreign).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Address {
    /// `rptOwnerNonUSAddressFlag` (v5.5).
    pub non_us_address_flag: Field<bool>,
    /// `rptOwnerStreet1`.
    pub street1: Field<String>,
    /// `rptOwnerStreet2`.
    pub street2: Field<String>,
    /// `rptOwnerCity`.
    pub city: Field<String>,
    /// `rptOwnerNonUSStateTerritory` (v5.5).
    pub non_us_state_territory: Field<String>,
    /// `rptOwnerState`: a US state code, or (in older files) a foreign location code.
    pub state: Field<String>,
    /// `rptOwnerCountry` (v5.5), an EDGAR country code.
    pub country: Field<String>,
    /// `rptOwnerZipCode`.
    pub zip_code: Field<String>,
    /// `rptOwnerStateDescription`: EDGAR's display text for a non-US location.
    pub state_description: Field<String>,
    /// `rptOwnerGoodAddress`: EDGAR-internal.
    pub good_address: Field<bool>,
}

/// Which of the two tables of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Table {
    /// Table I: non-derivative securities acquired, disposed of, or beneficially owned.
    NonDerivative,
    /// Table II: derivative securities (options, warrants, convertibles, …).
    Derivative,
}

impl Table {
    /// The table's name in JSON and links, in kebab case (`non-derivative`).
    pub fn key(self) -> &'static str {
        match self {
            Table::NonDerivative => "non-derivative",
            Table::Derivative => "derivative",
        }
    }
}

/// Whether a row reports a transaction or a holding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    /// A transaction (`nonDerivativeTransaction`, `derivativeTransaction`).
    #[default]
    Transaction,
    /// A holding without a transaction (`nonDerivativeHolding`, `derivativeHolding`).
    Holding,
}

/// One row of Table I or Table II.
///
/// Cells that do not apply to the row's kind or table stay blank: holdings
/// have no transaction cells, Table I rows no derivative cells.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Row {
    /// Transaction or holding.
    pub kind: RowKind,
    /// Where in the input.
    pub span: Span,
    /// `securityTitle`.
    pub security_title: Field<String>,
    /// `conversionOrExercisePrice` (Table II).
    pub conversion_or_exercise_price: Field<Num>,
    /// `transactionDate`.
    pub transaction_date: Field<Date>,
    /// `deemedExecutionDate`.
    pub deemed_execution_date: Field<Date>,
    /// `transactionCoding/transactionFormType`: the form the transaction is
    /// reported on (holdings: `3` for a late Form 3 holding). Footnotes on
    /// `transactionCoding` itself are kept on [`Row::transaction_code`].
    pub transaction_form_type: Field<String>,
    /// `transactionCoding/transactionCode`, with the footnotes of `transactionCoding`.
    pub transaction_code: Field<TransactionCode>,
    /// `transactionCoding/equitySwapInvolved`.
    pub equity_swap_involved: Field<bool>,
    /// `transactionTimeliness`: early or late.
    pub transaction_timeliness: Field<Timeliness>,
    /// `transactionAmounts/transactionShares`.
    pub transaction_shares: Field<Num>,
    /// `transactionAmounts/transactionTotalValue` (Table II, instead of shares).
    pub transaction_total_value: Field<Num>,
    /// `transactionAmounts/transactionPricePerShare` (Table II: price of the derivative security).
    pub transaction_price_per_share: Field<Num>,
    /// `transactionAmounts/transactionAcquiredDisposedCode`.
    pub transaction_acquired_disposed_code: Field<AcquiredDisposed>,
    /// `exerciseDate`: date exercisable (Table II).
    pub exercise_date: Field<Date>,
    /// `expirationDate` (Table II).
    pub expiration_date: Field<Date>,
    /// `underlyingSecurity/underlyingSecurityTitle` (Table II).
    pub underlying_security_title: Field<String>,
    /// `underlyingSecurity/underlyingSecurityShares` (Table II).
    pub underlying_security_shares: Field<Num>,
    /// `underlyingSecurity/underlyingSecurityValue` (Table II).
    pub underlying_security_value: Field<Num>,
    /// `postTransactionAmounts/sharesOwnedFollowingTransaction`.
    pub shares_owned_following_transaction: Field<Num>,
    /// `postTransactionAmounts/valueOwnedFollowingTransaction`.
    pub value_owned_following_transaction: Field<Num>,
    /// `ownershipNature/directOrIndirectOwnership`.
    pub direct_or_indirect_ownership: Field<DirectIndirect>,
    /// `ownershipNature/natureOfOwnership`.
    pub nature_of_ownership: Field<String>,
}

/// A cell of a table row, named for the element it holds.
///
/// Serialized as its [key](Column::key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)] // each variant is the Row field of the same name
pub enum Column {
    SecurityTitle,
    ConversionOrExercisePrice,
    TransactionDate,
    DeemedExecutionDate,
    TransactionFormType,
    TransactionCode,
    EquitySwapInvolved,
    TransactionTimeliness,
    TransactionShares,
    TransactionTotalValue,
    TransactionPricePerShare,
    TransactionAcquiredDisposedCode,
    ExerciseDate,
    ExpirationDate,
    UnderlyingSecurityTitle,
    UnderlyingSecurityShares,
    UnderlyingSecurityValue,
    SharesOwnedFollowingTransaction,
    ValueOwnedFollowingTransaction,
    DirectOrIndirectOwnership,
    NatureOfOwnership,
}

impl Column {
    /// Every column, in the model's order.
    pub const ALL: [Column; 21] = [
        Column::SecurityTitle,
        Column::ConversionOrExercisePrice,
        Column::TransactionDate,
        Column::DeemedExecutionDate,
        Column::TransactionFormType,
        Column::TransactionCode,
        Column::EquitySwapInvolved,
        Column::TransactionTimeliness,
        Column::TransactionShares,
        Column::TransactionTotalValue,
        Column::TransactionPricePerShare,
        Column::TransactionAcquiredDisposedCode,
        Column::ExerciseDate,
        Column::ExpirationDate,
        Column::UnderlyingSecurityTitle,
        Column::UnderlyingSecurityShares,
        Column::UnderlyingSecurityValue,
        Column::SharesOwnedFollowingTransaction,
        Column::ValueOwnedFollowingTransaction,
        Column::DirectOrIndirectOwnership,
        Column::NatureOfOwnership,
    ];

    /// Whether the column exists in `table` for rows of `kind`.
    pub fn applies(self, table: Table, kind: RowKind) -> bool {
        use Column::*;
        let derivative_only = matches!(
            self,
            ConversionOrExercisePrice
                | ExerciseDate
                | ExpirationDate
                | UnderlyingSecurityTitle
                | UnderlyingSecurityShares
                | UnderlyingSecurityValue
                | TransactionTotalValue
        );
        let transaction_only = matches!(
            self,
            TransactionDate
                | DeemedExecutionDate
                | TransactionCode
                | EquitySwapInvolved
                | TransactionTimeliness
                | TransactionShares
                | TransactionTotalValue
                | TransactionPricePerShare
                | TransactionAcquiredDisposedCode
        );
        (table == Table::Derivative || !derivative_only)
            && (kind == RowKind::Transaction || !transaction_only)
    }

    /// The column's name in JSON and links: the field's name in kebab case
    /// (`transaction-price-per-share`).
    pub fn key(self) -> &'static str {
        use Column::*;
        match self {
            SecurityTitle => "security-title",
            ConversionOrExercisePrice => "conversion-or-exercise-price",
            TransactionDate => "transaction-date",
            DeemedExecutionDate => "deemed-execution-date",
            TransactionFormType => "transaction-form-type",
            TransactionCode => "transaction-code",
            EquitySwapInvolved => "equity-swap-involved",
            TransactionTimeliness => "transaction-timeliness",
            TransactionShares => "transaction-shares",
            TransactionTotalValue => "transaction-total-value",
            TransactionPricePerShare => "transaction-price-per-share",
            TransactionAcquiredDisposedCode => "transaction-acquired-disposed-code",
            ExerciseDate => "exercise-date",
            ExpirationDate => "expiration-date",
            UnderlyingSecurityTitle => "underlying-security-title",
            UnderlyingSecurityShares => "underlying-security-shares",
            UnderlyingSecurityValue => "underlying-security-value",
            SharesOwnedFollowingTransaction => "shares-owned-following-transaction",
            ValueOwnedFollowingTransaction => "value-owned-following-transaction",
            DirectOrIndirectOwnership => "direct-or-indirect-ownership",
            NatureOfOwnership => "nature-of-ownership",
        }
    }

    /// A short heading for tables and exports.
    pub fn label(self) -> &'static str {
        use Column::*;
        match self {
            SecurityTitle => "Security",
            ConversionOrExercisePrice => "Exercise price",
            TransactionDate => "Date",
            DeemedExecutionDate => "Deemed execution",
            TransactionFormType => "Form",
            TransactionCode => "Code",
            EquitySwapInvolved => "Swap",
            TransactionTimeliness => "Timeliness",
            TransactionShares => "Shares",
            TransactionTotalValue => "Total value",
            TransactionPricePerShare => "Price",
            TransactionAcquiredDisposedCode => "A/D",
            ExerciseDate => "Exercisable",
            ExpirationDate => "Expiration",
            UnderlyingSecurityTitle => "Underlying",
            UnderlyingSecurityShares => "Underlying shares",
            UnderlyingSecurityValue => "Underlying value",
            SharesOwnedFollowingTransaction => "Owned after",
            ValueOwnedFollowingTransaction => "Value owned after",
            DirectOrIndirectOwnership => "D/I",
            NatureOfOwnership => "Nature of ownership",
        }
    }
}

impl Serialize for Column {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// A borrowed view of one cell, whatever its value type.
#[derive(Clone, Copy, Debug)]
#[allow(missing_docs)] // variants are named for the value type they borrow
pub enum Cell<'a> {
    Text(&'a Field<String>),
    Num(&'a Field<Num>),
    Date(&'a Field<Date>),
    Flag(&'a Field<bool>),
    Code(&'a Field<TransactionCode>),
    Timeliness(&'a Field<Timeliness>),
    AcquiredDisposed(&'a Field<AcquiredDisposed>),
    DirectIndirect(&'a Field<DirectIndirect>),
}

impl<'a> Cell<'a> {
    /// The value as text, as the model holds it (numbers as written; dates ISO;
    /// flags `1`/`0`; codes as their letter); `None` when empty.
    pub fn text(&self) -> Option<String> {
        match self {
            Cell::Text(f) => f.value.clone(),
            Cell::Num(f) => f.value.as_ref().map(|n| n.text.clone()),
            Cell::Date(f) => f.value.map(|d| d.to_string()),
            Cell::Flag(f) => f.value.map(|b| if b { "1" } else { "0" }.to_owned()),
            Cell::Code(f) => f.value.map(|c| c.letter().to_string()),
            Cell::Timeliness(f) => f.value.map(|t| t.as_str().to_owned()),
            Cell::AcquiredDisposed(f) => f.value.map(|a| a.as_str().to_owned()),
            Cell::DirectIndirect(f) => f.value.map(|d| d.as_str().to_owned()),
        }
    }

    /// Whether the cell holds a value (what `text().is_some()` tells, without
    /// making the text).
    pub fn has_value(&self) -> bool {
        match self {
            Cell::Text(f) => f.value.is_some(),
            Cell::Num(f) => f.value.is_some(),
            Cell::Date(f) => f.value.is_some(),
            Cell::Flag(f) => f.value.is_some(),
            Cell::Code(f) => f.value.is_some(),
            Cell::Timeliness(f) => f.value.is_some(),
            Cell::AcquiredDisposed(f) => f.value.is_some(),
            Cell::DirectIndirect(f) => f.value.is_some(),
        }
    }

    /// The footnotes, span and origin common to every field type.
    pub fn meta(&self) -> (&'a [FootnoteId], Option<Span>, Origin) {
        macro_rules! meta {
            ($f:expr) => {
                (&$f.footnotes[..], $f.span, $f.origin)
            };
        }
        match self {
            Cell::Text(f) => meta!(f),
            Cell::Num(f) => meta!(f),
            Cell::Date(f) => meta!(f),
            Cell::Flag(f) => meta!(f),
            Cell::Code(f) => meta!(f),
            Cell::Timeliness(f) => meta!(f),
            Cell::AcquiredDisposed(f) => meta!(f),
            Cell::DirectIndirect(f) => meta!(f),
        }
    }
}

impl Row {
    /// The cell in `column`.
    pub fn cell(&self, column: Column) -> Cell<'_> {
        use Cell as V;
        use Column::*;
        match column {
            SecurityTitle => V::Text(&self.security_title),
            ConversionOrExercisePrice => V::Num(&self.conversion_or_exercise_price),
            TransactionDate => V::Date(&self.transaction_date),
            DeemedExecutionDate => V::Date(&self.deemed_execution_date),
            TransactionFormType => V::Text(&self.transaction_form_type),
            TransactionCode => V::Code(&self.transaction_code),
            EquitySwapInvolved => V::Flag(&self.equity_swap_involved),
            TransactionTimeliness => V::Timeliness(&self.transaction_timeliness),
            TransactionShares => V::Num(&self.transaction_shares),
            TransactionTotalValue => V::Num(&self.transaction_total_value),
            TransactionPricePerShare => V::Num(&self.transaction_price_per_share),
            TransactionAcquiredDisposedCode => V::AcquiredDisposed(&self.transaction_acquired_disposed_code),
            ExerciseDate => V::Date(&self.exercise_date),
            ExpirationDate => V::Date(&self.expiration_date),
            UnderlyingSecurityTitle => V::Text(&self.underlying_security_title),
            UnderlyingSecurityShares => V::Num(&self.underlying_security_shares),
            UnderlyingSecurityValue => V::Num(&self.underlying_security_value),
            SharesOwnedFollowingTransaction => V::Num(&self.shares_owned_following_transaction),
            ValueOwnedFollowingTransaction => V::Num(&self.value_owned_following_transaction),
            DirectOrIndirectOwnership => V::DirectIndirect(&self.direct_or_indirect_ownership),
            NatureOfOwnership => V::Text(&self.nature_of_ownership),
        }
    }
}

/// A reference to one cell of a filing's tables (for diagnostics and the UI).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct CellRef {
    /// Which table.
    pub table: Table,
    /// Row index within the table (0-based).
    pub row: u32,
    /// Which cell; `None` for the whole row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<Column>,
}

/// A footnote of the "Explanation of Responses".
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Footnote {
    /// Its id (`F1`, …).
    pub id: FootnoteId,
    /// Its text.
    pub text: Field<String>,
}

/// A signature.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Signature {
    /// Where in the input.
    pub span: Span,
    /// `signatureName`.
    pub name: Field<String>,
    /// `signatureDate`.
    pub date: Field<Date>,
}

/// The envelope of a full EDGAR submission (`.txt`): its SGML header and the
/// documents it carries.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Submission {
    /// Where the header lies in the input.
    pub span: Span,
    /// `ACCESSION NUMBER`, e.g. `0001127602-25-001055`.
    pub accession_number: Field<String>,
    /// `CONFORMED SUBMISSION TYPE`, e.g. `4` or `4/A`.
    pub submission_type: Field<String>,
    /// `PUBLIC DOCUMENT COUNT`.
    pub public_document_count: Field<Num>,
    /// `CONFORMED PERIOD OF REPORT`.
    pub period_of_report: Field<Date>,
    /// `FILED AS OF DATE`: the filing date.
    pub filed_as_of_date: Field<Date>,
    /// `DATE AS OF CHANGE`.
    pub date_as_of_change: Field<Date>,
    /// `ACCEPTANCE-DATETIME`, as written (`YYYYMMDDHHMMSS`).
    pub acceptance_datetime: Field<String>,
    /// `testOrLive` of a filer-constructed `edgarSubmission`: `TEST` or `LIVE`.
    #[serde(skip_serializing_if = "Field::is_blank")]
    pub test_or_live: Field<String>,
    /// `returnCopy` of a filer-constructed `edgarSubmission` (in the SEC's samples).
    #[serde(skip_serializing_if = "Field::is_blank")]
    pub return_copy: Field<bool>,
    /// `pointOfContact/contactName` of a filer-constructed `edgarSubmission`.
    #[serde(skip_serializing_if = "Field::is_blank")]
    pub contact_name: Field<String>,
    /// `pointOfContact/contactPhoneNumber`.
    #[serde(skip_serializing_if = "Field::is_blank")]
    pub contact_phone_number: Field<String>,
    /// `pointOfContact/contactEmailAddress`.
    #[serde(skip_serializing_if = "Field::is_blank")]
    pub contact_email_address: Field<String>,
    /// `notificationAddresses/notificationEmailAddress`, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notification_email_addresses: Vec<Field<String>>,
    /// The companies and persons named in the header (issuer, reporting owners).
    pub parties: Vec<HeaderParty>,
    /// The documents of the submission (the XML form, exhibits, …).
    pub documents: Vec<SubmissionDocument>,
}

/// The role a party plays in a submission header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartyRole {
    /// `REPORTING-OWNER`.
    #[default]
    ReportingOwner,
    /// `ISSUER`.
    Issuer,
    /// `FILED-BY`.
    FiledBy,
    /// `SUBJECT-COMPANY`.
    SubjectCompany,
}

/// A company or person block of a submission header.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct HeaderParty {
    /// What the block is.
    pub role: PartyRole,
    /// Where in the input.
    pub span: Span,
    /// `COMPANY CONFORMED NAME`.
    pub name: Field<String>,
    /// `CENTRAL INDEX KEY`.
    pub cik: Field<String>,
    /// `STANDARD INDUSTRIAL CLASSIFICATION`.
    pub standard_industrial_classification: Field<String>,
    /// `ORGANIZATION NAME`.
    pub organization_name: Field<String>,
    /// `IRS NUMBER`.
    pub irs_number: Field<String>,
    /// `STATE OF INCORPORATION`.
    pub state_of_incorporation: Field<String>,
    /// `FISCAL YEAR END` (`MMDD`).
    pub fiscal_year_end: Field<String>,
    /// `FORM TYPE` (filing values).
    pub form_type: Field<String>,
    /// `SEC ACT`.
    pub sec_act: Field<String>,
    /// `SEC FILE NUMBER`.
    pub file_number: Field<String>,
    /// `FILM NUMBER`.
    pub film_number: Field<String>,
    /// `<RELATIONSHIP>` (paper-era headers), e.g. `DIRECTOR`.
    pub relationship: Field<String>,
    /// `BUSINESS ADDRESS`.
    pub business_address: HeaderAddress,
    /// `MAIL ADDRESS`.
    pub mail_address: HeaderAddress,
    /// `FORMER COMPANY` / `FORMER NAME` entries.
    pub former_names: Vec<FormerName>,
}

/// An address in a submission header.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct HeaderAddress {
    /// `STREET 1`.
    pub street1: Field<String>,
    /// `STREET 2`.
    pub street2: Field<String>,
    /// `CITY`.
    pub city: Field<String>,
    /// `STATE`.
    pub state: Field<String>,
    /// `ZIP`.
    pub zip: Field<String>,
    /// `BUSINESS PHONE` / `PHONE`.
    pub phone: Field<String>,
}

/// A former name of a header party.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FormerName {
    /// `FORMER CONFORMED NAME`.
    pub name: Field<String>,
    /// `DATE OF NAME CHANGE`.
    pub date_changed: Field<Date>,
}

/// One `<DOCUMENT>` of a submission.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SubmissionDocument {
    /// Where in the input.
    pub span: Span,
    /// `<TYPE>`, e.g. `4`, `EX-24`.
    pub document_type: Field<String>,
    /// `<SEQUENCE>`.
    pub sequence: Field<String>,
    /// `<FILENAME>`.
    pub filename: Field<String>,
    /// `<DESCRIPTION>`.
    pub description: Field<String>,
    /// Whether this document is the ownership XML the filing was read from.
    pub is_primary: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_keys_are_the_variant_names_in_kebab_case_and_serialize_as_such() {
        for column in Column::ALL {
            let mut kebab = String::new();
            for c in format!("{column:?}").chars() {
                if c.is_ascii_uppercase() && !kebab.is_empty() {
                    kebab.push('-');
                }
                kebab.push(c.to_ascii_lowercase());
            }
            assert_eq!(column.key(), kebab);
            assert_eq!(serde_json::to_string(&column).unwrap(), format!("\"{kebab}\""));
        }
    }
}
