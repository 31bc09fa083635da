//! Late filing. A Form 4 is due before the end of the second business day
//! after the transaction — or after the deemed execution date where one is
//! given (Rule 16a-3(g)); a Form 3 within 10 days after the event that made
//! the person an insider; a Form 5 within 45 days after the issuer's fiscal
//! year end (the period of report). A deadline that falls on a weekend or
//! federal holiday moves to the next business day (Rule 0-3).
//!
//! The filing date comes from the submission header (`FILED AS OF DATE`);
//! without one, from the date the caller passes (the user's); failing both,
//! the latest signature date is used, and the result says so.
//!
//! Rows not held to the Form 4 deadline: those marked as reported early (E),
//! code V (voluntarily reported early), code L (small acquisitions, due on
//! Form 5), rows whose form type is 5, and gifts (G) before 2023-02-27, when
//! gifts became due on Form 4. Amendments have no deadline of their own.

use serde::Serialize;

use super::calendar::{add_business_days, business_days_between, on_or_after};
use super::{cell_ref, row_index, row_label};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::{Column, Date, Filing, Origin, Row, RowKind, Table, Timeliness, TransactionCode};

/// Where the filing date was taken from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FilingDateSource {
    /// The submission header's `FILED AS OF DATE`.
    Header,
    /// Given by the user.
    User,
    /// The latest signature date: a stand-in, filings are usually made the day they are signed.
    Signature,
}

/// The date a filing was filed, and where that date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FilingDate {
    /// The date.
    pub date: Date,
    /// Its source.
    pub source: FilingDateSource,
}

impl FilingDate {
    /// The filing date of `filing`: header, else `user`, else the latest signature.
    pub fn of(filing: &Filing, user: Option<Date>) -> Option<FilingDate> {
        let header = filing.submission.as_ref().and_then(|s| s.filed_as_of_date.value);
        let signature = filing.signatures.iter().filter_map(|s| s.date.value).max();
        header
            .map(|date| FilingDate { date, source: FilingDateSource::Header })
            .or(user.map(|date| FilingDate { date, source: FilingDateSource::User }))
            .or(signature.map(|date| FilingDate { date, source: FilingDateSource::Signature }))
    }

    fn words(self) -> &'static str {
        match self.source {
            FilingDateSource::Header => "from the submission header",
            FilingDateSource::User => "as given",
            FilingDateSource::Signature => "the signature date, as the filing date is not known",
        }
    }
}

/// When one row (or, for Forms 3 and 5, the form) was due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Due {
    /// The row (Form 4), or `None` for the whole form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<(Table, u32)>,
    /// The date the deadline counts from.
    pub from: Date,
    /// The last day to file.
    pub due: Date,
    /// Business days after the due date the form was filed (0 when on time).
    pub business_days_late: i64,
    /// Calendar days after the due date (0 when on time).
    pub days_late: i64,
}

/// The filing deadline and whether it was met.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The filing date used.
    pub filing_date: FilingDate,
    /// The rule applied, in words.
    pub rule: &'static str,
    /// The deadlines, per row (Form 4) or for the form (Forms 3 and 5).
    pub dues: Vec<Due>,
    /// Rows not held to the deadline, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exempt: Vec<((Table, u32), &'static str)>,
    /// The largest delay in business days (0 when on time).
    pub business_days_late: i64,
}

fn exemption(row: &Row) -> Option<&'static str> {
    let gift_rule = Date::from_ymd(2023, 2, 27);
    if row.transaction_timeliness.value == Some(Timeliness::Early) {
        return Some("marked as reported early (E)");
    }
    if row.transaction_form_type.text().trim() == "5" {
        return Some("a Form 5 transaction reported early");
    }
    match row.transaction_code.value? {
        TransactionCode::V => Some("code V: reported voluntarily"),
        TransactionCode::L => Some("code L: small acquisitions are due on Form 5"),
        TransactionCode::G if row.transaction_date.value.zip(gift_rule).is_some_and(|(d, r)| d < r) => {
            Some("a gift before 2023-02-27, then due on Form 5")
        }
        _ => None,
    }
}

fn due(row: Option<(Table, u32)>, from: Date, due: Date, filed: Date) -> Due {
    Due {
        row,
        from,
        due,
        business_days_late: business_days_between(due, filed),
        days_late: due.days_until(filed).max(0),
    }
}

/// The deadline of `filing` and a [`Code::LateFiling`] when it was missed.
pub(crate) fn deadline(filing: &Filing, user: Option<Date>, diags: &mut Vec<Diagnostic>) -> Option<Deadline> {
    let form = filing.form_type()?;
    if form.is_amendment() {
        return None;
    }
    let filed = FilingDate::of(filing, user)?;
    let mut dues = Vec::new();
    let mut exempt = Vec::new();
    let rule = match form.number() {
        4 => {
            for table in [Table::NonDerivative, Table::Derivative] {
                for (i, row) in filing.table(table).iter().enumerate() {
                    if row.kind != RowKind::Transaction {
                        continue;
                    }
                    if let Some(why) = exemption(row) {
                        exempt.push(((table, row_index(i)), why));
                        continue;
                    }
                    let Some(from) = super::plan::trade_date(row) else { continue };
                    if let Some(last) = add_business_days(from, 2) {
                        dues.push(due(Some((table, row_index(i))), from, last, filed.date));
                    }
                }
            }
            "Form 4: before the end of the second business day after the transaction (or its deemed execution date)"
        }
        3 => {
            let from = filing.period_of_report.value?;
            dues.extend(from.add_days(10).and_then(on_or_after).map(|d| due(None, from, d, filed.date)));
            "Form 3: within 10 days after becoming a reporting person (the period of report)"
        }
        _ => {
            let from = filing.period_of_report.value?;
            dues.extend(from.add_days(45).and_then(on_or_after).map(|d| due(None, from, d, filed.date)));
            "Form 5: within 45 days after the issuer's fiscal year end (the period of report)"
        }
    };
    let business_days_late = dues.iter().map(|d| d.business_days_late).max().unwrap_or(0);
    let late: Vec<&Due> = dues.iter().filter(|d| d.business_days_late > 0).collect();
    // The first row among the latest (Table I before Table II, in row order).
    let worst = late.iter().fold(None::<&&Due>, |best, d| match best {
        Some(b) if b.business_days_late >= d.business_days_late => Some(b),
        _ => Some(d),
    });
    if let Some(worst) = worst {
        let what = match worst.row {
            Some((table, row)) => {
                format!("the transaction of {} in {}", worst.from, row_label(table, row as usize))
            }
            None => format!("the period of report, {},", worst.from),
        };
        let others = if late.len() > 1 { format!(" ({} rows are late)", late.len()) } else { String::new() };
        let message = format!(
            "Form {form} filed on {} ({}): {what} was due by {}; {} business day(s) late{others}",
            filed.date,
            filed.words(),
            worst.due,
            worst.business_days_late,
        );
        let late_rows =
            || late.iter().filter_map(|d| d.row).filter_map(|(t, r)| filing.table(t).get(r as usize));
        let acknowledged = late.iter().all(|d| d.row.is_some())
            && late_rows().all(|row| row.transaction_timeliness.value == Some(Timeliness::Late));
        let mark_unseen = late_rows().any(|row| row.transaction_timeliness.origin == Origin::Missing);
        let mut d = Diagnostic::new(Code::LateFiling, None, message).with_cells(
            late.iter().filter_map(|d| d.row.map(|(t, r)| cell_ref(t, r as usize, Column::TransactionDate))),
        );
        if acknowledged {
            d.message.push_str("; the filer marks it late (L)");
            d = d.with_severity(Severity::Info);
        }
        if mark_unseen {
            d.message.push_str(
                "; this rendering does not show the timeliness mark, so a row marked as reported early (E) would not be late",
            );
        }
        if filed.source == FilingDateSource::Signature {
            d = d.with_help("the filing date is not in this input: the signature date stands in for it; give the filing date to check the deadline");
        }
        diags.push(d);
    }
    Some(Deadline { filing_date: filed, rule, dues, exempt, business_days_late })
}
