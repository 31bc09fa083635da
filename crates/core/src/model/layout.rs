//! The printed layout of Table I and Table II: which [`Column`]s each form
//! prints, left to right, under which numbered box — read from the XSL
//! stylesheets EDGAR renders the forms with (`3_X07.xsl`, `4_X09.xsl`,
//! `5_X09.xsl` of the Ownership XML Technical Specification v5.5).
//!
//! The forms differ: Form 3 reports holdings only (Table I: title, amount,
//! ownership form, nature; Table II: title, dates, underlying security,
//! conversion price, ownership form, nature); Forms 4 and 5 report
//! transactions, and only Form 4 has the "V" (voluntarily reported) column.
//!
//! Some cells of the model share a printed box with another cell rather than
//! having a column of their own: the transaction's form type and the equity
//! swap flag (printed as `/K` beside the code) in the code box, the total
//! value beside the amount, the value owned after beside the amount owned
//! after, the underlying security's value beside its amount. These are
//! listed with `printed: false` next to the box they belong to: show them
//! when a row has something in them. A column no list names (a lossy
//! rendering can put a transaction cell on a Form 3) still holds what the
//! filing gave; callers show it after the printed columns.

use super::{Column, FormType, Table};

/// One column of a printed table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormColumn {
    /// The model's cell shown in the column.
    pub column: Column,
    /// The number of the form's box (`"1"`, `"2A"`, …).
    pub number: &'static str,
    /// The box's heading, shortened (`"Securities acquired (A) or disposed of (D)"`).
    pub box_heading: &'static str,
    /// The column's own heading inside a box of several (`"Price"`); empty
    /// when the box is one column.
    pub heading: &'static str,
    /// Whether the form prints the column; `false` for cells folded into a box.
    pub printed: bool,
}

const fn col(
    column: Column,
    number: &'static str,
    box_heading: &'static str,
    heading: &'static str,
    printed: bool,
) -> FormColumn {
    FormColumn { column, number, box_heading, heading, printed }
}

use Column::*;

const TITLE: &str = "Title of security";
const DERIVATIVE_TITLE: &str = "Title of derivative security";
const DATE: &str = "Transaction date";
const DEEMED: &str = "Deemed execution date";
const CODE: &str = "Transaction code";
const OWNERSHIP_FORM: &str = "Ownership form";
const NATURE: &str = "Nature of indirect ownership";
const ACQUIRED: &str = "Securities acquired (A) or disposed of (D)";
const DERIVATIVES_ACQUIRED: &str = "Derivative securities acquired (A) or disposed of (D)";
const EXERCISABLE: &str = "Date exercisable and expiration date";
const UNDERLYING: &str = "Title and amount of underlying securities";
const EXERCISE_PRICE: &str = "Conversion or exercise price";
const DERIVATIVE_PRICE: &str = "Price of derivative security";

const FORM3_TABLE_I: &[FormColumn] = &[
    col(SecurityTitle, "1", TITLE, "", true),
    col(SharesOwnedFollowingTransaction, "2", "Amount beneficially owned", "Shares", true),
    col(ValueOwnedFollowingTransaction, "2", "Amount beneficially owned", "Value", false),
    col(DirectOrIndirectOwnership, "3", OWNERSHIP_FORM, "", true),
    col(NatureOfOwnership, "4", NATURE, "", true),
];

const FORM3_TABLE_II: &[FormColumn] = &[
    col(SecurityTitle, "1", DERIVATIVE_TITLE, "", true),
    col(ExerciseDate, "2", EXERCISABLE, "Exercisable", true),
    col(ExpirationDate, "2", EXERCISABLE, "Expiration", true),
    col(UnderlyingSecurityTitle, "3", UNDERLYING, "Title", true),
    col(UnderlyingSecurityShares, "3", UNDERLYING, "Amount", true),
    col(UnderlyingSecurityValue, "3", UNDERLYING, "Value", false),
    col(ConversionOrExercisePrice, "4", EXERCISE_PRICE, "", true),
    col(DirectOrIndirectOwnership, "5", OWNERSHIP_FORM, "", true),
    col(NatureOfOwnership, "6", NATURE, "", true),
];

const FORM4_TABLE_I: &[FormColumn] = &[
    col(SecurityTitle, "1", TITLE, "", true),
    col(TransactionDate, "2", DATE, "", true),
    col(DeemedExecutionDate, "2A", DEEMED, "", true),
    col(TransactionFormType, "3", CODE, "Form", false),
    col(TransactionCode, "3", CODE, "Code", true),
    col(EquitySwapInvolved, "3", CODE, "Swap", false),
    col(TransactionTimeliness, "3", CODE, "V", true),
    col(TransactionShares, "4", ACQUIRED, "Amount", true),
    col(TransactionAcquiredDisposedCode, "4", ACQUIRED, "(A) or (D)", true),
    col(TransactionPricePerShare, "4", ACQUIRED, "Price", true),
    col(SharesOwnedFollowingTransaction, "5", "Amount owned following", "Shares", true),
    col(ValueOwnedFollowingTransaction, "5", "Amount owned following", "Value", false),
    col(DirectOrIndirectOwnership, "6", OWNERSHIP_FORM, "", true),
    col(NatureOfOwnership, "7", NATURE, "", true),
];

const FORM4_TABLE_II: &[FormColumn] = &[
    col(SecurityTitle, "1", DERIVATIVE_TITLE, "", true),
    col(ConversionOrExercisePrice, "2", EXERCISE_PRICE, "", true),
    col(TransactionDate, "3", DATE, "", true),
    col(DeemedExecutionDate, "3A", DEEMED, "", true),
    col(TransactionFormType, "4", CODE, "Form", false),
    col(TransactionCode, "4", CODE, "Code", true),
    col(EquitySwapInvolved, "4", CODE, "Swap", false),
    col(TransactionTimeliness, "4", CODE, "V", true),
    col(TransactionShares, "5", DERIVATIVES_ACQUIRED, "Number", true),
    col(TransactionTotalValue, "5", DERIVATIVES_ACQUIRED, "Value", false),
    col(TransactionAcquiredDisposedCode, "5", DERIVATIVES_ACQUIRED, "(A) or (D)", true),
    col(ExerciseDate, "6", EXERCISABLE, "Exercisable", true),
    col(ExpirationDate, "6", EXERCISABLE, "Expiration", true),
    col(UnderlyingSecurityTitle, "7", UNDERLYING, "Title", true),
    col(UnderlyingSecurityShares, "7", UNDERLYING, "Amount", true),
    col(UnderlyingSecurityValue, "7", UNDERLYING, "Value", false),
    col(TransactionPricePerShare, "8", DERIVATIVE_PRICE, "", true),
    col(SharesOwnedFollowingTransaction, "9", "Number owned following", "Number", true),
    col(ValueOwnedFollowingTransaction, "9", "Number owned following", "Value", false),
    col(DirectOrIndirectOwnership, "10", OWNERSHIP_FORM, "", true),
    col(NatureOfOwnership, "11", NATURE, "", true),
];

const FORM5_TABLE_I: &[FormColumn] = &[
    col(SecurityTitle, "1", TITLE, "", true),
    col(TransactionDate, "2", DATE, "", true),
    col(DeemedExecutionDate, "2A", DEEMED, "", true),
    col(TransactionFormType, "3", CODE, "Form", false),
    col(TransactionCode, "3", CODE, "Code", true),
    col(EquitySwapInvolved, "3", CODE, "Swap", false),
    col(TransactionTimeliness, "3", CODE, "Timeliness", false),
    col(TransactionShares, "4", ACQUIRED, "Amount", true),
    col(TransactionAcquiredDisposedCode, "4", ACQUIRED, "(A) or (D)", true),
    col(TransactionPricePerShare, "4", ACQUIRED, "Price", true),
    col(SharesOwnedFollowingTransaction, "5", "Amount owned at fiscal year end", "Shares", true),
    col(ValueOwnedFollowingTransaction, "5", "Amount owned at fiscal year end", "Value", false),
    col(DirectOrIndirectOwnership, "6", OWNERSHIP_FORM, "", true),
    col(NatureOfOwnership, "7", NATURE, "", true),
];

const FORM5_TABLE_II: &[FormColumn] = &[
    col(SecurityTitle, "1", DERIVATIVE_TITLE, "", true),
    col(ConversionOrExercisePrice, "2", EXERCISE_PRICE, "", true),
    col(TransactionDate, "3", DATE, "", true),
    col(DeemedExecutionDate, "3A", DEEMED, "", true),
    col(TransactionFormType, "4", CODE, "Form", false),
    col(TransactionCode, "4", CODE, "Code", true),
    col(EquitySwapInvolved, "4", CODE, "Swap", false),
    col(TransactionTimeliness, "4", CODE, "Timeliness", false),
    col(TransactionShares, "5", DERIVATIVES_ACQUIRED, "Number", true),
    col(TransactionTotalValue, "5", DERIVATIVES_ACQUIRED, "Value", false),
    col(TransactionAcquiredDisposedCode, "5", DERIVATIVES_ACQUIRED, "(A) or (D)", true),
    col(ExerciseDate, "6", EXERCISABLE, "Exercisable", true),
    col(ExpirationDate, "6", EXERCISABLE, "Expiration", true),
    col(UnderlyingSecurityTitle, "7", UNDERLYING, "Title", true),
    col(UnderlyingSecurityShares, "7", UNDERLYING, "Amount", true),
    col(UnderlyingSecurityValue, "7", UNDERLYING, "Value", false),
    col(TransactionPricePerShare, "8", DERIVATIVE_PRICE, "", true),
    col(SharesOwnedFollowingTransaction, "9", "Number owned at fiscal year end", "Number", true),
    col(ValueOwnedFollowingTransaction, "9", "Number owned at fiscal year end", "Value", false),
    col(DirectOrIndirectOwnership, "10", OWNERSHIP_FORM, "", true),
    col(NatureOfOwnership, "11", NATURE, "", true),
];

/// The columns of `table` as `form` prints them, left to right. An unknown
/// form type gets Form 4's layout, which has a column for every cell.
pub fn form_columns(form: Option<FormType>, table: Table) -> &'static [FormColumn] {
    match (form.map(FormType::number), table) {
        (Some(3), Table::NonDerivative) => FORM3_TABLE_I,
        (Some(3), Table::Derivative) => FORM3_TABLE_II,
        (Some(5), Table::NonDerivative) => FORM5_TABLE_I,
        (Some(5), Table::Derivative) => FORM5_TABLE_II,
        (_, Table::NonDerivative) => FORM4_TABLE_I,
        (_, Table::Derivative) => FORM4_TABLE_II,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RowKind;

    fn printed(form: FormType, table: Table) -> Vec<Column> {
        form_columns(Some(form), table).iter().filter(|c| c.printed).map(|c| c.column).collect()
    }

    #[test]
    fn form3_prints_holdings_columns_only() {
        // 3_X07.xsl, Table I: 1. Title, 2. Amount, 3. Ownership form, 4. Nature.
        assert_eq!(
            printed(FormType::Form3A, Table::NonDerivative),
            [SecurityTitle, SharesOwnedFollowingTransaction, DirectOrIndirectOwnership, NatureOfOwnership]
        );
        // Table II: 1. Title, 2. Exercisable / Expiration, 3. Underlying title / amount,
        // 4. Conversion or exercise price, 5. Ownership form, 6. Nature.
        assert_eq!(
            printed(FormType::Form3, Table::Derivative),
            [
                SecurityTitle,
                ExerciseDate,
                ExpirationDate,
                UnderlyingSecurityTitle,
                UnderlyingSecurityShares,
                ConversionOrExercisePrice,
                DirectOrIndirectOwnership,
                NatureOfOwnership
            ]
        );
    }

    #[test]
    fn form4_table_i_follows_the_printed_boxes() {
        // 4_X09.xsl: 1, 2, 2A, 3 (Code, V), 4 (Amount, (A) or (D), Price), 5, 6, 7.
        assert_eq!(
            printed(FormType::Form4, Table::NonDerivative),
            [
                SecurityTitle,
                TransactionDate,
                DeemedExecutionDate,
                TransactionCode,
                TransactionTimeliness,
                TransactionShares,
                TransactionAcquiredDisposedCode,
                TransactionPricePerShare,
                SharesOwnedFollowingTransaction,
                DirectOrIndirectOwnership,
                NatureOfOwnership
            ]
        );
        let numbers: Vec<&str> =
            form_columns(Some(FormType::Form4), Table::Derivative).iter().map(|c| c.number).collect();
        assert_eq!(numbers.first(), Some(&"1"));
        assert_eq!(numbers.last(), Some(&"11"));
    }

    #[test]
    fn form5_has_no_v_column() {
        for table in [Table::NonDerivative, Table::Derivative] {
            assert!(!printed(FormType::Form5, table).contains(&TransactionTimeliness), "{table:?}");
            assert!(printed(FormType::Form4A, table).contains(&TransactionTimeliness), "{table:?}");
        }
    }

    #[test]
    fn forms_4_and_5_list_every_cell_of_their_table_once() {
        for form in [FormType::Form4, FormType::Form5] {
            for table in [Table::NonDerivative, Table::Derivative] {
                let listed: Vec<Column> = form_columns(Some(form), table).iter().map(|c| c.column).collect();
                let expected: Vec<Column> = Column::ALL
                    .into_iter()
                    .filter(|c| c.applies(table, RowKind::Transaction) || c.applies(table, RowKind::Holding))
                    .collect();
                let mut sorted = listed.clone();
                sorted.sort();
                sorted.dedup();
                assert_eq!(sorted.len(), listed.len(), "{form:?} {table:?}: a column twice");
                assert_eq!(sorted, expected, "{form:?} {table:?}");
            }
        }
    }

    #[test]
    fn columns_of_one_box_are_adjacent() {
        for form in [FormType::Form3, FormType::Form4, FormType::Form5] {
            for table in [Table::NonDerivative, Table::Derivative] {
                let numbers: Vec<&str> = form_columns(Some(form), table)
                    .iter()
                    .map(|c| c.number)
                    .filter(|n| !n.is_empty())
                    .collect();
                let mut seen: Vec<&str> = Vec::new();
                for n in numbers {
                    if seen.last() != Some(&n) {
                        assert!(!seen.contains(&n), "{form:?} {table:?}: box {n} split");
                        seen.push(n);
                    }
                }
            }
        }
    }
}
