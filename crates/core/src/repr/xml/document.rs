//! The elements of an `ownershipDocument`, mapped to their places in [`Filing`].
//!
//! One function per block of the specification; the blocks of a table row
//! (`transactionAmounts`, `ownershipNature`, …) are read into the same flat
//! [`Row`], named after the elements they hold.

use super::{Cursor, Elem, Result};
use crate::detect::Representation;
use crate::diagnostic::Code;
use crate::model::{Field, Filing, Footnote, FootnoteId, ReportingOwner, Row, RowKind, Signature, Table};

/// Room for this many rows is made when a table's first row is read.
const ROWS_AT_FIRST: usize = 8;

impl<'a> Cursor<'a> {
    /// One opened `ownershipDocument`, read to its end.
    pub(super) fn document(&mut self, root: Elem<'a>) -> Result<Filing> {
        let mut f = Filing { representation: Representation::Xml, ..Filing::default() };
        while let Some(el) = self.child(&root)? {
            match el.name {
                "schemaVersion" => self.set(&mut f.schema_version, el)?,
                "documentType" => self.set(&mut f.document_type, el)?,
                "periodOfReport" => self.set(&mut f.period_of_report, el)?,
                "dateOfOriginalSubmission" => self.set(&mut f.date_of_original_submission, el)?,
                "notSubjectToSection16" => self.set(&mut f.not_subject_to_section16, el)?,
                "form3HoldingsReported" => self.set(&mut f.form3_holdings_reported, el)?,
                "form4TransactionsReported" => self.set(&mut f.form4_transactions_reported, el)?,
                "noSecuritiesOwned" => self.set(&mut f.no_securities_owned, el)?,
                "aff10b5One" => self.set(&mut f.aff10b5_one, el)?,
                "issuer" => {
                    while let Some(c) = self.child(&el)? {
                        let issuer = &mut f.issuer;
                        match c.name {
                            "issuerCik" => self.set(&mut issuer.cik, c)?,
                            "issuerName" => self.set(&mut issuer.name, c)?,
                            "issuerTradingSymbol" => self.set(&mut issuer.trading_symbol, c)?,
                            "issuerForeignTradingSymbol" => {
                                self.set(&mut issuer.foreign_trading_symbol, c)?
                            }
                            _ => self.report_unplaced(c)?,
                        }
                    }
                }
                "reportingOwner" => {
                    let mut owner = ReportingOwner::default();
                    let start = el.start;
                    self.owner(el, &mut owner)?;
                    owner.span = self.span(start, self.position());
                    f.reporting_owners.push(owner);
                }
                "nonDerivativeTable" => self.table(el, Table::NonDerivative, &mut f.non_derivative_table)?,
                "derivativeTable" => self.table(el, Table::Derivative, &mut f.derivative_table)?,
                "footnotes" => self.footnotes(el, &mut f.footnotes)?,
                "remarks" => self.set(&mut f.remarks, el)?,
                "ownerSignature" => {
                    let mut signature = Signature::default();
                    let start = el.start;
                    while let Some(c) = self.child(&el)? {
                        match c.name {
                            "signatureName" => self.set(&mut signature.name, c)?,
                            "signatureDate" => self.set(&mut signature.date, c)?,
                            _ => self.report_unplaced(c)?,
                        }
                    }
                    signature.span = self.span(start, self.position());
                    f.signatures.push(signature);
                }
                _ => self.report_unplaced(el)?,
            }
        }
        let end = self.position();
        f.span = self.span(root.start, end);
        self.require(&f, root.start, end);
        f.diagnostics = std::mem::take(&mut self.diagnostics);
        Ok(f)
    }

    /// The children of `reportingOwner` and of its three blocks.
    fn owner(&mut self, el: Elem<'a>, owner: &mut ReportingOwner) -> Result<()> {
        while let Some(c) = self.child(&el)? {
            let a = &mut owner.address;
            match c.name {
                // Blocks nest once; deeper copies are not the specification's
                // (and recursing into them without end would exhaust the stack).
                "reportingOwnerId" | "reportingOwnerAddress" | "reportingOwnerRelationship"
                    if self.too_deep() =>
                {
                    self.report_unplaced(c)?
                }
                "reportingOwnerId" | "reportingOwnerAddress" | "reportingOwnerRelationship" => {
                    self.owner(c, owner)?
                }
                "rptOwnerCik" => self.set(&mut owner.cik, c)?,
                "rptOwnerCcc" => self.set(&mut owner.ccc, c)?,
                "rptOwnerName" => self.set(&mut owner.name, c)?,
                "rptOwnerNonUSAddressFlag" => self.set(&mut a.non_us_address_flag, c)?,
                "rptOwnerStreet1" => self.set(&mut a.street1, c)?,
                "rptOwnerStreet2" => self.set(&mut a.street2, c)?,
                "rptOwnerCity" => self.set(&mut a.city, c)?,
                "rptOwnerNonUSStateTerritory" => self.set(&mut a.non_us_state_territory, c)?,
                "rptOwnerState" => self.set(&mut a.state, c)?,
                "rptOwnerCountry" => self.set(&mut a.country, c)?,
                "rptOwnerCounrty" => {
                    // The SEC's own v5.5 samples (doc4.xml, …) misspell the element.
                    let d = self.diag(
                        Code::NonStandardValue,
                        c.start,
                        c.tag_end,
                        "misspelled element <rptOwnerCounrty> read as <rptOwnerCountry>".to_owned(),
                    );
                    self.note(d);
                    self.set(&mut a.country, c)?;
                }
                "rptOwnerZipCode" => self.set(&mut a.zip_code, c)?,
                "rptOwnerStateDescription" => self.set(&mut a.state_description, c)?,
                "rptOwnerGoodAddress" => self.set(&mut a.good_address, c)?,
                "isDirector" => self.set(&mut owner.is_director, c)?,
                "isOfficer" => self.set(&mut owner.is_officer, c)?,
                "isTenPercentOwner" => self.set(&mut owner.is_ten_percent_owner, c)?,
                "isOther" => self.set(&mut owner.is_other, c)?,
                "officerTitle" => self.set(&mut owner.officer_title, c)?,
                "otherText" => self.set(&mut owner.other_text, c)?,
                _ => self.report_unplaced(c)?,
            }
        }
        Ok(())
    }

    fn table(&mut self, el: Elem<'a>, table: Table, rows: &mut Vec<Row>) -> Result<()> {
        while let Some(c) = self.child(&el)? {
            let kind = match (table, c.name) {
                (Table::NonDerivative, "nonDerivativeTransaction")
                | (Table::Derivative, "derivativeTransaction") => RowKind::Transaction,
                (Table::NonDerivative, "nonDerivativeHolding") | (Table::Derivative, "derivativeHolding") => {
                    RowKind::Holding
                }
                _ => {
                    self.report_unplaced(c)?;
                    continue;
                }
            };
            // A row is over a kilobyte: room for a few from the first,
            // rather than growing by one, two, four (each growth may copy
            // every row); what is not used is given back at the end.
            if rows.capacity() == 0 {
                rows.reserve_exact(ROWS_AT_FIRST);
            }
            // Filled in place: a row is large, and most of a filing.
            rows.push(Row { kind, ..Row::default() });
            let Some(row) = rows.last_mut() else { continue };
            let start = c.start;
            self.row(c, row, None)?;
            row.span = self.span(start, self.position());
        }
        rows.shrink_to_fit();
        Ok(())
    }

    /// The cells of a row. The blocks (`transactionAmounts`, `ownershipNature`,
    /// …) are read into the same flat row; `coding` collects the footnotes
    /// of `transactionCoding`.
    fn row(&mut self, el: Elem<'a>, row: &mut Row, mut coding: Option<&mut Vec<FootnoteId>>) -> Result<()> {
        while let Some(c) = self.child(&el)? {
            match c.name {
                "transactionAmounts"
                | "postTransactionAmounts"
                | "ownershipNature"
                | "underlyingSecurity"
                | "transactionCoding"
                    if self.too_deep() =>
                {
                    self.report_unplaced(c)?
                }
                "transactionAmounts"
                | "postTransactionAmounts"
                | "ownershipNature"
                | "underlyingSecurity" => {
                    self.row(c, row, None)?;
                }
                "transactionCoding" => {
                    let mut footnotes = Vec::new();
                    self.row(c, row, Some(&mut footnotes))?;
                    let target = match row.kind {
                        RowKind::Transaction => &mut row.transaction_code.footnotes,
                        RowKind::Holding => &mut row.transaction_form_type.footnotes,
                    };
                    target.extend(footnotes);
                }
                "footnoteId" if coding.is_some() => {
                    if let (Some(id), Some(list)) = (self.footnote_id(&c), coding.as_deref_mut()) {
                        list.push(id);
                    }
                    self.skip(&c)?;
                }
                "securityTitle" => self.set(&mut row.security_title, c)?,
                "conversionOrExercisePrice" => self.set(&mut row.conversion_or_exercise_price, c)?,
                "transactionDate" => self.set(&mut row.transaction_date, c)?,
                "deemedExecutionDate" => self.set(&mut row.deemed_execution_date, c)?,
                "transactionFormType" => self.set(&mut row.transaction_form_type, c)?,
                "transactionCode" => self.set(&mut row.transaction_code, c)?,
                "equitySwapInvolved" => self.set(&mut row.equity_swap_involved, c)?,
                "transactionTimeliness" => self.set(&mut row.transaction_timeliness, c)?,
                "transactionShares" => self.set(&mut row.transaction_shares, c)?,
                "transactionTotalValue" => self.set(&mut row.transaction_total_value, c)?,
                "transactionPricePerShare" => self.set(&mut row.transaction_price_per_share, c)?,
                "transactionAcquiredDisposedCode" => {
                    self.set(&mut row.transaction_acquired_disposed_code, c)?
                }
                "exerciseDate" => self.set(&mut row.exercise_date, c)?,
                "expirationDate" => self.set(&mut row.expiration_date, c)?,
                "underlyingSecurityTitle" => self.set(&mut row.underlying_security_title, c)?,
                "underlyingSecurityShares" => self.set(&mut row.underlying_security_shares, c)?,
                "underlyingSecurityValue" => self.set(&mut row.underlying_security_value, c)?,
                "sharesOwnedFollowingTransaction" => {
                    self.set(&mut row.shares_owned_following_transaction, c)?
                }
                "valueOwnedFollowingTransaction" => {
                    self.set(&mut row.value_owned_following_transaction, c)?
                }
                "directOrIndirectOwnership" => self.set(&mut row.direct_or_indirect_ownership, c)?,
                "natureOfOwnership" => self.set(&mut row.nature_of_ownership, c)?,
                _ => self.report_unplaced(c)?,
            }
        }
        Ok(())
    }

    /// Whether the open elements are deeper than any path of the
    /// specification (`ownershipDocument/…/transactionAmounts/…` is six).
    fn too_deep(&self) -> bool {
        const MAX_DEPTH: usize = 12;
        self.open.len() > MAX_DEPTH
    }

    /// `footnotes`: each `<footnote id="F1">text</footnote>`.
    fn footnotes(&mut self, el: Elem<'a>, footnotes: &mut Vec<Footnote>) -> Result<()> {
        while let Some(c) = self.child(&el)? {
            if c.name != "footnote" {
                self.report_unplaced(c)?;
                continue;
            }
            let id = self.footnote_id(&c).unwrap_or_default();
            let text = self.leaf(&c)?;
            let (start, end) = text.range.unwrap_or((c.start, c.tag_end));
            let value = text.trimmed();
            let value = (!value.is_empty()).then(|| value.into_owned());
            footnotes.push(Footnote {
                id,
                text: Field { value, span: Some(self.span(start, end)), ..Field::default() },
            });
        }
        Ok(())
    }

    /// Report the elements every ownership document must have (the document
    /// lies at `start..end`).
    fn require(&mut self, f: &Filing, start: usize, end: usize) {
        let checks = [
            (f.document_type.span.is_none(), "documentType"),
            (f.period_of_report.span.is_none(), "periodOfReport"),
            (f.issuer.cik.span.is_none(), "issuer/issuerCik"),
            (f.reporting_owners.is_empty(), "reportingOwner"),
        ];
        for (missing, name) in checks {
            if missing {
                let message =
                    format!("the document has no <{name}>, which every ownership document must have");
                let d = self.diag(Code::MissingElement, start, end, message);
                self.diagnostics.push(d);
            }
        }
    }
}
