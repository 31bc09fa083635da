//! The closed vocabularies of the forms: form types, transaction codes,
//! acquired/disposed, direct/indirect, timeliness.

use std::fmt;

use serde::Serialize;

use super::Table;

/// The form a document is (its `documentType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum FormType {
    /// Form 3: initial statement of beneficial ownership.
    #[serde(rename = "3")]
    Form3,
    /// Form 3/A: amendment of a Form 3.
    #[serde(rename = "3/A")]
    Form3A,
    /// Form 4: statement of changes in beneficial ownership.
    #[serde(rename = "4")]
    Form4,
    /// Form 4/A: amendment of a Form 4.
    #[serde(rename = "4/A")]
    Form4A,
    /// Form 5: annual statement of changes in beneficial ownership.
    #[serde(rename = "5")]
    Form5,
    /// Form 5/A: amendment of a Form 5.
    #[serde(rename = "5/A")]
    Form5A,
}

impl FormType {
    /// Every form type.
    pub const ALL: [FormType; 6] = [
        FormType::Form3,
        FormType::Form3A,
        FormType::Form4,
        FormType::Form4A,
        FormType::Form5,
        FormType::Form5A,
    ];

    /// Parse `3`, `3/A`, `4`, `4/A`, `5`, `5/A` (case and spaces ignored).
    pub fn parse(text: &str) -> Option<FormType> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        FormType::ALL.into_iter().find(|f| f.as_str() == t)
    }

    /// As EDGAR writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            FormType::Form3 => "3",
            FormType::Form3A => "3/A",
            FormType::Form4 => "4",
            FormType::Form4A => "4/A",
            FormType::Form5 => "5",
            FormType::Form5A => "5/A",
        }
    }

    /// Whether this is an amendment (`/A`).
    pub fn is_amendment(self) -> bool {
        matches!(self, FormType::Form3A | FormType::Form4A | FormType::Form5A)
    }

    /// The form number without the amendment suffix: 3, 4 or 5.
    pub fn number(self) -> u8 {
        match self {
            FormType::Form3 | FormType::Form3A => 3,
            FormType::Form4 | FormType::Form4A => 4,
            FormType::Form5 | FormType::Form5A => 5,
        }
    }
}

impl fmt::Display for FormType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a transaction code is classified for a reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CodeGroup {
    /// Open-market or private purchases and sales, and voluntary reports.
    General,
    /// Exempt transactions with the issuer under Rule 16b-3.
    Rule16b3,
    /// Derivative exercises, conversions and expirations outside Rule 16b-3.
    Derivative,
    /// Exempt from Section 16(b): gifts, small acquisitions, wills, voting trusts.
    Exempt,
    /// Other acquisitions and dispositions.
    Other,
}

/// One of the 20 official transaction codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum TransactionCode {
    /// Open market or private purchase.
    P,
    /// Open market or private sale.
    S,
    /// Transaction voluntarily reported earlier than required.
    V,
    /// Grant, award or other acquisition under Rule 16b-3(d).
    A,
    /// Disposition to the issuer under Rule 16b-3(e).
    D,
    /// Payment of exercise price or tax liability by delivering or withholding securities.
    F,
    /// Discretionary transaction under Rule 16b-3(f).
    I,
    /// Exercise or conversion of derivative security exempted under Rule 16b-3.
    M,
    /// Conversion of derivative security.
    C,
    /// Expiration of short derivative position.
    E,
    /// Expiration (or cancellation) of long derivative position with value received.
    H,
    /// Exercise of out-of-the-money derivative security.
    O,
    /// Exercise of in-the-money or at-the-money derivative security.
    X,
    /// Bona fide gift.
    G,
    /// Small acquisition under Rule 16a-6.
    L,
    /// Acquisition or disposition by will or the laws of descent and distribution.
    W,
    /// Deposit into or withdrawal from voting trust.
    Z,
    /// Other acquisition or disposition.
    J,
    /// Transaction in equity swap or similar instrument.
    K,
    /// Disposition pursuant to a tender of shares in a change of control.
    U,
}

impl TransactionCode {
    /// All 20 codes in the SEC's order.
    pub const ALL: [TransactionCode; 20] = {
        use TransactionCode::*;
        [P, S, V, A, D, F, I, M, C, E, H, O, X, G, L, W, Z, J, K, U]
    };

    /// The direction this code implies for a row of `table`, and whether it
    /// always does; `None` for codes reported either way (gifts, other
    /// acquisitions or dispositions, …).
    pub fn implied_direction(self, table: Table) -> Option<ImpliedDirection> {
        use AcquiredDisposed::{Acquired, Disposed};
        use ImpliedDirection::{Always, Usually};
        use TransactionCode::*;
        match (table, self) {
            (_, P | A | L) => Some(Always(Acquired)),
            (_, S | D | F | U | E | H) => Some(Always(Disposed)),
            (Table::NonDerivative, M | X | O) => Some(Always(Acquired)),
            (Table::NonDerivative, C) => Some(Usually(Acquired)),
            (Table::Derivative, M | X | O | C) => Some(Usually(Disposed)),
            _ => None,
        }
    }

    /// Parse a one-letter code (case-insensitive, surrounding spaces ignored).
    pub fn parse(text: &str) -> Option<TransactionCode> {
        let t = text.trim();
        let mut chars = t.chars();
        let c = chars.next()?.to_ascii_uppercase();
        if chars.next().is_some() {
            return None;
        }
        TransactionCode::ALL.into_iter().find(|code| code.letter() == c)
    }

    /// The code's letter.
    pub fn letter(self) -> char {
        use TransactionCode::*;
        match self {
            P => 'P',
            S => 'S',
            V => 'V',
            A => 'A',
            D => 'D',
            F => 'F',
            I => 'I',
            M => 'M',
            C => 'C',
            E => 'E',
            H => 'H',
            O => 'O',
            X => 'X',
            G => 'G',
            L => 'L',
            W => 'W',
            Z => 'Z',
            J => 'J',
            K => 'K',
            U => 'U',
        }
    }

    /// The SEC's official description.
    pub fn description(self) -> &'static str {
        use TransactionCode::*;
        match self {
            P => "Open market or private purchase of non-derivative or derivative security",
            S => "Open market or private sale of non-derivative or derivative security",
            V => "Transaction voluntarily reported earlier than required",
            A => "Grant, award or other acquisition pursuant to Rule 16b-3(d)",
            D => "Disposition to the issuer of issuer equity securities pursuant to Rule 16b-3(e)",
            F => {
                "Payment of exercise price or tax liability by delivering or withholding securities incident to the receipt, exercise or vesting of a security issued in accordance with Rule 16b-3"
            }
            I => {
                "Discretionary transaction in accordance with Rule 16b-3(f) resulting in acquisition or disposition of issuer securities"
            }
            M => "Exercise or conversion of derivative security exempted pursuant to Rule 16b-3",
            C => "Conversion of derivative security",
            E => "Expiration of short derivative position",
            H => "Expiration (or cancellation) of long derivative position with value received",
            O => "Exercise of out-of-the-money derivative security",
            X => "Exercise of in-the-money or at-the-money derivative security",
            G => "Bona fide gift",
            L => "Small acquisition under Rule 16a-6",
            W => "Acquisition or disposition by will or the laws of descent and distribution",
            Z => "Deposit into or withdrawal from voting trust",
            J => "Other acquisition or disposition (describe transaction)",
            K => "Transaction in equity swap or instrument with similar characteristics",
            U => "Disposition pursuant to a tender of shares in a change of control transaction",
        }
    }

    /// The SEC's grouping of the code.
    pub fn group(self) -> CodeGroup {
        use TransactionCode::*;
        match self {
            P | S | V => CodeGroup::General,
            A | D | F | I | M => CodeGroup::Rule16b3,
            C | E | H | O | X => CodeGroup::Derivative,
            G | L | W | Z => CodeGroup::Exempt,
            J | K | U => CodeGroup::Other,
        }
    }
}

/// What a transaction code says about a row's acquired/disposed column
/// ([`TransactionCode::implied_direction`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImpliedDirection {
    /// The code has only this direction (a sale is always a disposition).
    Always(AcquiredDisposed),
    /// The code is usually reported with this direction, but not always: an
    /// exercise or conversion in Table II disposes of the derivative unless it
    /// acquires another one (Class B shares convertible into Class A), and a
    /// conversion in Table I acquires the new security unless the row is the
    /// one converted.
    Usually(AcquiredDisposed),
}

impl ImpliedDirection {
    /// The direction, however sure.
    pub fn direction(self) -> AcquiredDisposed {
        match self {
            ImpliedDirection::Always(d) | ImpliedDirection::Usually(d) => d,
        }
    }
}

impl fmt::Display for TransactionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())
    }
}

/// Whether securities were acquired (A) or disposed of (D).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum AcquiredDisposed {
    /// (A) acquired.
    #[serde(rename = "A")]
    Acquired,
    /// (D) disposed of.
    #[serde(rename = "D")]
    Disposed,
}

impl AcquiredDisposed {
    /// Parse `A` or `D`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "A" | "a" => Some(AcquiredDisposed::Acquired),
            "D" | "d" => Some(AcquiredDisposed::Disposed),
            _ => None,
        }
    }

    /// `A` or `D`.
    pub fn as_str(self) -> &'static str {
        match self {
            AcquiredDisposed::Acquired => "A",
            AcquiredDisposed::Disposed => "D",
        }
    }
}

/// Direct (D) or indirect (I) ownership.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum DirectIndirect {
    /// (D) held directly.
    #[serde(rename = "D")]
    Direct,
    /// (I) held indirectly (see the nature of ownership).
    #[serde(rename = "I")]
    Indirect,
}

impl DirectIndirect {
    /// Parse `D` or `I`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "D" | "d" => Some(DirectIndirect::Direct),
            "I" | "i" => Some(DirectIndirect::Indirect),
            _ => None,
        }
    }

    /// `D` or `I`.
    pub fn as_str(self) -> &'static str {
        match self {
            DirectIndirect::Direct => "D",
            DirectIndirect::Indirect => "I",
        }
    }
}

/// Whether a transaction was reported early (E) or late (L).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Timeliness {
    /// (E) reported earlier than required.
    #[serde(rename = "E")]
    Early,
    /// (L) reported late.
    #[serde(rename = "L")]
    Late,
}

impl Timeliness {
    /// Parse `E` or `L`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "E" | "e" => Some(Timeliness::Early),
            "L" | "l" => Some(Timeliness::Late),
            _ => None,
        }
    }

    /// `E` or `L`.
    pub fn as_str(self) -> &'static str {
        match self {
            Timeliness::Early => "E",
            Timeliness::Late => "L",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_twenty_codes_round_trip() {
        for code in TransactionCode::ALL {
            assert_eq!(TransactionCode::parse(&code.letter().to_string()), Some(code));
            assert!(!code.description().is_empty());
        }
        assert_eq!(TransactionCode::parse(" s "), Some(TransactionCode::S));
        assert_eq!(TransactionCode::parse("Q"), None);
        assert_eq!(TransactionCode::parse("SS"), None);
    }

    #[test]
    fn codes_imply_a_direction_only_where_the_form_allows_one() {
        use AcquiredDisposed::{Acquired, Disposed};
        use ImpliedDirection::{Always, Usually};
        use TransactionCode as C;
        let (one, two) = (Table::NonDerivative, Table::Derivative);
        assert_eq!(C::S.implied_direction(two), Some(Always(Disposed)));
        assert_eq!(C::A.implied_direction(one), Some(Always(Acquired)));
        assert_eq!(C::M.implied_direction(one), Some(Always(Acquired)));
        // An exercise in Table II may acquire another derivative.
        assert_eq!(C::M.implied_direction(two), Some(Usually(Disposed)));
        assert_eq!(C::C.implied_direction(one), Some(Usually(Acquired)));
        for code in [C::G, C::J, C::W, C::Z, C::K, C::V, C::I] {
            assert_eq!(code.implied_direction(one), None, "{code}");
            assert_eq!(code.implied_direction(two), None, "{code}");
        }
    }

    #[test]
    fn form_types_parse() {
        assert_eq!(FormType::parse("4/A"), Some(FormType::Form4A));
        assert_eq!(FormType::parse(" 4 / a"), Some(FormType::Form4A));
        assert_eq!(FormType::parse("4A"), None);
        assert!(FormType::Form5A.is_amendment());
        assert_eq!(FormType::Form5A.number(), 5);
    }
}
