//! What the combined view shows of each input, filing and table row: small,
//! display-ready records that the worker builds from the parsed model and
//! sends to the page (the page never holds the full model of a batch).
//!
//! - [`InputStatus`]: an input's outcome — parsed, parsed with warnings, or
//!   failed with the reason;
//! - [`FilingInfo`]: one filing's form, issuer and owners;
//! - [`RowView`]: one row of Table I or II, its cells as the model holds
//!   them (numbers as written, dates `YYYY-MM-DD`, codes as their letter),
//!   in the order of [`Col::ROW`], with the footnote marks of each cell.
//!
//! Filings and rows travel as lines of tab-separated fields ([`FilingInfo::write`],
//! [`RowView::write`]): no JSON to decode, and the page keeps the text as it
//! came, decoding only the rows in view. A tab or line break inside a value
//! becomes a space (the table shows each cell on one line anyway).

use filing_core::Parsed;
use filing_core::diagnostic::{Diagnostic, Severity};
use filing_core::model::{Column, Filing, Row, RowKind, Table};

use crate::transaction_table::footnote_mark;

/// A column of the combined table. The first five come from the filing, the
/// others from the row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // each variant is named for the column it is
pub enum Col {
    Input,
    Form,
    Issuer,
    Owner,
    Table,
    Security,
    Date,
    Code,
    AcquiredDisposed,
    Shares,
    Price,
    OwnedAfter,
    DirectIndirect,
    Nature,
    ExercisePrice,
    Exercisable,
    Expiration,
    Underlying,
    UnderlyingShares,
}

impl Col {
    /// Every column, left to right.
    pub const ALL: [Col; 19] = [
        Col::Input,
        Col::Form,
        Col::Issuer,
        Col::Owner,
        Col::Table,
        Col::Security,
        Col::Date,
        Col::Code,
        Col::AcquiredDisposed,
        Col::Shares,
        Col::Price,
        Col::OwnedAfter,
        Col::DirectIndirect,
        Col::Nature,
        Col::ExercisePrice,
        Col::Exercisable,
        Col::Expiration,
        Col::Underlying,
        Col::UnderlyingShares,
    ];

    /// The columns a [`RowView`] holds cells for, in its order.
    pub const ROW: [Col; 14] = [
        Col::Security,
        Col::Date,
        Col::Code,
        Col::AcquiredDisposed,
        Col::Shares,
        Col::Price,
        Col::OwnedAfter,
        Col::DirectIndirect,
        Col::Nature,
        Col::ExercisePrice,
        Col::Exercisable,
        Col::Expiration,
        Col::Underlying,
        Col::UnderlyingShares,
    ];

    /// The model's cell behind a row column.
    pub fn cell(self) -> Option<Column> {
        Some(match self {
            Col::Input | Col::Form | Col::Issuer | Col::Owner | Col::Table => return None,
            Col::Security => Column::SecurityTitle,
            Col::Date => Column::TransactionDate,
            Col::Code => Column::TransactionCode,
            Col::AcquiredDisposed => Column::TransactionAcquiredDisposedCode,
            Col::Shares => Column::TransactionShares,
            Col::Price => Column::TransactionPricePerShare,
            Col::OwnedAfter => Column::SharesOwnedFollowingTransaction,
            Col::DirectIndirect => Column::DirectOrIndirectOwnership,
            Col::Nature => Column::NatureOfOwnership,
            Col::ExercisePrice => Column::ConversionOrExercisePrice,
            Col::Exercisable => Column::ExerciseDate,
            Col::Expiration => Column::ExpirationDate,
            Col::Underlying => Column::UnderlyingSecurityTitle,
            Col::UnderlyingShares => Column::UnderlyingSecurityShares,
        })
    }

    /// The column's position in [`RowView::cells`].
    pub fn row_index(self) -> Option<usize> {
        Col::ROW.iter().position(|&c| c == self)
    }

    /// The heading.
    pub fn label(self) -> &'static str {
        match self {
            Col::Input => "Input",
            Col::Form => "Form",
            Col::Issuer => "Issuer",
            Col::Owner => "Reporting owner",
            Col::Table => "Table",
            other => other.cell().map_or("", Column::label),
        }
    }

    /// A short stable name, for the URL and the JSON export.
    pub fn key(self) -> &'static str {
        match self {
            Col::Input => "input",
            Col::Form => "form",
            Col::Issuer => "issuer",
            Col::Owner => "owner",
            Col::Table => "table",
            Col::Security => "security",
            Col::Date => "date",
            Col::Code => "code",
            Col::AcquiredDisposed => "ad",
            Col::Shares => "shares",
            Col::Price => "price",
            Col::OwnedAfter => "owned-after",
            Col::DirectIndirect => "di",
            Col::Nature => "nature",
            Col::ExercisePrice => "exercise-price",
            Col::Exercisable => "exercisable",
            Col::Expiration => "expiration",
            Col::Underlying => "underlying",
            Col::UnderlyingShares => "underlying-shares",
        }
    }

    /// The column named `key` (see [`Col::key`]).
    pub fn from_key(key: &str) -> Option<Col> {
        Col::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Whether the column holds numbers (right-aligned, sorted by value).
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            Col::Shares | Col::Price | Col::OwnedAfter | Col::ExercisePrice | Col::UnderlyingShares
        )
    }
}

/// How an input came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Waiting for the worker.
    Pending,
    /// Filings read, nothing to warn about.
    Parsed,
    /// Filings read, with warnings or errors.
    Warnings,
    /// No filing could be read.
    Failed,
    /// Not parsed: the user cancelled the batch first.
    Cancelled,
}

impl Outcome {
    /// The word shown in the input list (and its `data-status`).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::Parsed => "parsed",
            Outcome::Warnings => "warnings",
            Outcome::Failed => "failed",
            Outcome::Cancelled => "cancelled",
        }
    }
}

/// What the worker read from one input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InputStatus {
    /// The input's index in the batch.
    pub input: u32,
    /// The representation it was recognised as (its label).
    pub representation: String,
    /// Filings read.
    pub filings: u32,
    /// Table rows read, over all its filings.
    pub rows: u32,
    /// Diagnostics of severity error.
    pub errors: u32,
    /// Diagnostics of severity warning.
    pub warnings: u32,
    /// Why nothing was read, or the first error, when there is one.
    pub reason: Option<String>,
}

impl InputStatus {
    /// Summarise `parsed`, the parse of input `input`.
    pub fn of(input: u32, parsed: &Parsed) -> InputStatus {
        let all = || parsed.diagnostics.iter().chain(parsed.filings.iter().flat_map(|f| &f.diagnostics));
        let count = |severity| all().filter(|d: &&Diagnostic| d.severity == severity).count();
        let reason = all().find(|d| d.severity == Severity::Error).map(|d| d.message.clone()).or_else(|| {
            parsed
                .filings
                .is_empty()
                .then(|| format!("no filing was read ({})", parsed.detection.reasons.join("; ")))
        });
        InputStatus {
            input,
            representation: parsed.detection.representation.label().to_owned(),
            filings: count_u32(parsed.filings.len()),
            rows: count_u32(parsed.filings.iter().map(row_count).sum()),
            errors: count_u32(count(Severity::Error)),
            warnings: count_u32(count(Severity::Warning)),
            reason,
        }
    }

    /// Parsed, parsed with warnings, or failed.
    pub fn outcome(&self) -> Outcome {
        if self.filings == 0 {
            Outcome::Failed
        } else if self.errors + self.warnings > 0 {
            Outcome::Warnings
        } else {
            Outcome::Parsed
        }
    }
}

/// One filing, as the combined table names it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilingInfo {
    /// The input it was read from.
    pub input: u32,
    /// `4`, `4/A`, …; empty when unknown.
    pub form: String,
    /// The issuer's name.
    pub issuer: String,
    /// The issuer's trading symbol.
    pub ticker: String,
    /// The reporting owners' names, joined with `; `.
    pub owners: String,
    /// The period of report, `YYYY-MM-DD`.
    pub period: String,
}

impl FilingInfo {
    /// Describe `filing`, read from input `input`.
    pub fn of(input: u32, filing: &Filing) -> FilingInfo {
        FilingInfo {
            input,
            form: filing.form_type().map(|f| f.as_str().to_owned()).unwrap_or_default(),
            issuer: filing.issuer.name.text().trim().to_owned(),
            ticker: filing.issuer.trading_symbol.text().trim().to_owned(),
            owners: owner_names(filing),
            period: filing.period_of_report.value.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    /// The issuer as shown: `Tesla, Inc. (TSLA)`.
    pub fn issuer_label(&self) -> String {
        if self.ticker.is_empty() {
            self.issuer.clone()
        } else {
            format!("{} ({})", self.issuer, self.ticker)
        }
    }
}

impl FilingInfo {
    /// Append this filing as one line.
    pub fn write(&self, out: &mut String) {
        let fields = [&self.form, &self.issuer, &self.ticker, &self.owners, &self.period];
        out.push_str(&self.input.to_string());
        for field in fields {
            out.push('\t');
            push_clean(out, field);
        }
        out.push('\n');
    }

    /// A filing from its line.
    pub fn read(line: &str) -> Option<FilingInfo> {
        let mut fields = line.split('\t');
        let mut next = || fields.next().map(str::to_owned);
        Some(FilingInfo {
            input: next()?.parse().ok()?,
            form: next()?,
            issuer: next()?,
            ticker: next()?,
            owners: next()?,
            period: next()?,
        })
    }
}

/// Append `text` with tabs and line breaks made spaces.
fn push_clean(out: &mut String, text: &str) {
    out.extend(text.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }));
}

/// The reporting owners' names, joined with `; `.
pub fn owner_names(filing: &Filing) -> String {
    let names: Vec<&str> = filing.reporting_owners.iter().map(|o| o.name.text().trim()).collect();
    names.join("; ")
}

/// One table row of the combined table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowView {
    /// The filing's index in the batch.
    pub filing: u32,
    /// Table II (derivative) rather than Table I.
    pub derivative: bool,
    /// A holding rather than a transaction.
    pub holding: bool,
    /// The cells of [`Col::ROW`], in order; empty when blank or not applicable.
    pub cells: Vec<String>,
    /// Footnote marks, `(1)(2)`, of the cells that have any: (index in `cells`, marks).
    pub marks: Vec<(u8, String)>,
}

impl RowView {
    /// The row `row` of `table`, in filing `filing`.
    pub fn of(filing: u32, table: Table, row: &Row) -> RowView {
        let mut marks = Vec::new();
        let cells = Col::ROW
            .iter()
            .enumerate()
            .map(|(i, col)| {
                let Some(column) = col.cell().filter(|c| c.applies(table, row.kind)) else {
                    return String::new();
                };
                let cell = row.cell(column);
                let (footnotes, _, _) = cell.meta();
                if !footnotes.is_empty() {
                    let text: String = footnotes.iter().map(footnote_mark).collect();
                    marks.push((u8::try_from(i).unwrap_or(u8::MAX), text));
                }
                cell.text().unwrap_or_default()
            })
            .collect();
        RowView {
            filing,
            derivative: table == Table::Derivative,
            holding: row.kind == RowKind::Holding,
            cells,
            marks,
        }
    }

    /// Append this row as one line: filing, flags (1 derivative, 2 holding),
    /// the cells, then the marks as `index:marks` pairs joined by spaces.
    pub fn write(&self, out: &mut String) {
        let flags = u8::from(self.derivative) | (u8::from(self.holding) << 1);
        out.push_str(&format!("{}\t{flags}", self.filing));
        for cell in &self.cells {
            out.push('\t');
            push_clean(out, cell);
        }
        out.push('\t');
        for (n, (index, marks)) in self.marks.iter().enumerate() {
            if n > 0 {
                out.push(' ');
            }
            out.push_str(&format!("{index}:"));
            out.extend(marks.chars().filter(|c| !c.is_whitespace()));
        }
        out.push('\n');
    }

    /// A row from its line.
    pub fn read(line: &str) -> Option<RowView> {
        let mut fields = line.split('\t');
        let filing = fields.next()?.parse().ok()?;
        let flags: u8 = fields.next()?.parse().ok()?;
        let cells: Vec<String> = fields.by_ref().take(Col::ROW.len()).map(str::to_owned).collect();
        let marks = fields
            .next()?
            .split(' ')
            .filter_map(|pair| {
                let (index, marks) = pair.split_once(':')?;
                Some((index.parse().ok()?, marks.to_owned()))
            })
            .collect();
        (cells.len() == Col::ROW.len()).then_some(RowView {
            filing,
            derivative: flags & 1 != 0,
            holding: flags & 2 != 0,
            cells,
            marks,
        })
    }

    /// The filing of a row's line, without reading the rest.
    pub fn filing_of(line: &str) -> Option<u32> {
        line.split('\t').next()?.parse().ok()
    }

    /// The cell in `col`, for a row column.
    pub fn cell(&self, col: Col) -> &str {
        col.row_index().and_then(|i| self.cells.get(i)).map_or("", String::as_str)
    }

    /// The footnote marks of the cell in `col`.
    pub fn marks(&self, col: Col) -> &str {
        let Some(index) = col.row_index() else { return "" };
        self.marks.iter().find(|(i, _)| usize::from(*i) == index).map_or("", |(_, m)| m.as_str())
    }

    /// The table's name as the form numbers it: `I` or `II`.
    pub fn table_label(&self) -> &'static str {
        if self.derivative { "II" } else { "I" }
    }
}

/// Every row of `filing`, Table I first, in input order.
pub fn rows_of(filing: &Filing) -> impl Iterator<Item = (Table, u32, &Row)> {
    [Table::NonDerivative, Table::Derivative].into_iter().flat_map(move |table| {
        filing.table(table).iter().enumerate().map(move |(i, row)| (table, count_u32(i), row))
    })
}

/// The number of rows of both tables.
pub fn row_count(filing: &Filing) -> usize {
    filing.non_derivative_table.len() + filing.derivative_table.len()
}

/// A count as `u32` (saturating: no batch comes near).
pub fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::fixtures;

    #[test]
    fn a_row_holds_the_cells_as_written_with_their_marks() {
        let parsed = fixtures::fictional();
        let filing = &parsed.filings[0];
        let rows: Vec<RowView> = rows_of(filing).map(|(t, _, r)| RowView::of(0, t, r)).collect();
        // tests/fixtures/form4-fictional.xml: Table I is an M exercise, an S sale, a holding;
        // Table II one option.
        assert_eq!(rows.len(), 4);
        let sale = &rows[1];
        assert_eq!(sale.cell(Col::Code), "S");
        assert_eq!(sale.marks(Col::Code), "(1)");
        assert_eq!(sale.cell(Col::Price), "47.1825");
        assert_eq!(sale.marks(Col::Price), "(2)");
        assert_eq!(sale.cell(Col::OwnedAfter), "17550");
        assert_eq!(sale.cell(Col::ExercisePrice), "", "not a Table I column");
        let holding = &rows[2];
        assert!(holding.holding && !holding.derivative);
        assert_eq!(holding.cell(Col::Shares), "", "a holding has no transaction cells");
        assert_eq!(holding.cell(Col::DirectIndirect), "I");
        let option = &rows[3];
        assert!(option.derivative);
        assert_eq!(option.table_label(), "II");
        assert_eq!(option.cell(Col::ExercisePrice), "12.40", "written scale kept");
        assert_eq!(option.cell(Col::Expiration), "2030-06-30");
    }

    #[test]
    fn the_status_says_parsed_warned_or_failed_and_why() {
        let good = InputStatus::of(0, &fixtures::fictional());
        assert_eq!(good.outcome(), Outcome::Parsed, "{good:?}");
        assert_eq!((good.filings, good.rows), (1, 4));
        let bad = InputStatus::of(1, &fixtures::parse(fixtures::NOT_A_FILING));
        assert_eq!(bad.outcome(), Outcome::Failed);
        assert!(
            bad.reason.as_deref().is_some_and(|r| r.contains("does not look like a Form 3, 4 or 5")),
            "{bad:?}"
        );
        let broken = InputStatus::of(2, &fixtures::parse(fixtures::MALFORMED));
        assert_ne!(broken.outcome(), Outcome::Parsed, "{broken:?}");
        assert!(broken.reason.is_some());
    }

    #[test]
    fn the_filing_is_named_by_form_issuer_and_owners() {
        let info = FilingInfo::of(3, &fixtures::fictional().filings[0]);
        assert_eq!(info.form, "4");
        assert_eq!(info.issuer_label(), "EXAMPLE WIDGETS INC (XWID)");
        assert_eq!(info.owners, "Doe Jane Q");
    }

    #[test]
    fn rows_and_filings_survive_their_lines() {
        let parsed = fixtures::fictional();
        let filing = &parsed.filings[0];
        let mut text = String::new();
        let rows: Vec<RowView> = rows_of(filing).map(|(t, _, r)| RowView::of(7, t, r)).collect();
        for row in &rows {
            row.write(&mut text);
        }
        let back: Vec<RowView> = text.lines().map(|l| RowView::read(l).unwrap()).collect();
        assert_eq!(back, rows);
        assert_eq!(text.lines().map(|l| RowView::filing_of(l).unwrap()).collect::<Vec<_>>(), [7, 7, 7, 7]);
        let info = FilingInfo { owners: "A\tB\nC".into(), ..FilingInfo::of(2, filing) };
        let mut line = String::new();
        info.write(&mut line);
        assert_eq!(line.matches('\n').count(), 1);
        let back = FilingInfo::read(line.trim_end_matches('\n')).unwrap();
        assert_eq!(back, FilingInfo { owners: "A B C".into(), ..info });
        assert_eq!(RowView::read("1\t0\tcut short"), None);
    }

    #[test]
    fn column_keys_round_trip() {
        for col in Col::ALL {
            assert_eq!(Col::from_key(col.key()), Some(col));
        }
        assert_eq!(Col::from_key("nope"), None);
    }
}
