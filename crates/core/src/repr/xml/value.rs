//! How the text of an element becomes a typed value: XML Schema decimals,
//! dates and booleans, and the forms' closed vocabularies.

use rust_decimal::Decimal;

use crate::model::{
    AcquiredDisposed, Date, DirectIndirect, FormType, Num, NumError, Timeliness, TransactionCode,
};

/// The outcome of reading a value's text.
pub(super) enum Parse<T> {
    /// As the specification writes it.
    Ok(T),
    /// Read, but not written as the specification prescribes (the note says how).
    NonStandard(T, &'static str),
    /// Not a value of the type.
    Invalid,
    /// A number with more digits than can be represented exactly.
    OutOfRange,
}

/// A type a field's text is read as.
pub(super) trait XmlValue: Sized {
    /// What the text should look like, for messages.
    const EXPECTED: &'static str;
    /// Read `text` (already trimmed, not empty).
    fn from_xml(text: &str) -> Parse<Self>;
}

fn option<T>(value: Option<T>) -> Parse<T> {
    value.map_or(Parse::Invalid, Parse::Ok)
}

impl XmlValue for String {
    const EXPECTED: &'static str = "text";
    fn from_xml(text: &str) -> Parse<Self> {
        Parse::Ok(text.to_owned())
    }
}

impl XmlValue for Num {
    const EXPECTED: &'static str = "a decimal number";
    fn from_xml(text: &str) -> Parse<Self> {
        match xml_decimal(text) {
            Some(Some(value)) => Parse::Ok(Num { value, text: text.to_owned() }),
            Some(None) => Parse::OutOfRange,
            // Not an XML decimal; a number with thousands separators is still read.
            None => match Num::parse(text) {
                Ok(n) if text.contains(',') => {
                    Parse::NonStandard(n, "thousands separators are not allowed in XML numbers")
                }
                Ok(_) | Err(NumError::Invalid) => Parse::Invalid,
                Err(NumError::OutOfRange) => Parse::OutOfRange,
            },
        }
    }
}

/// Read an XML Schema decimal (`[+-]?(d+(.d*)?|.d+)`) in one pass: `None`
/// when `text` is not one, `Some(None)` when it has more digits than a
/// [`Decimal`] holds exactly (it is refused, never rounded).
fn xml_decimal(text: &str) -> Option<Option<Decimal>> {
    let (negative, digits) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        all => (false, all),
    };
    // The first 19 digits always fit a u64 (the common case, without u128
    // arithmetic); the rest go on in a u128, checked.
    const SHORT: u32 = 19;
    let (mut short, mut wide, mut count) = (0u64, 0u128, 0u32);
    let (mut scale, mut point, mut exact) = (0u32, false, true);
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                count += 1;
                scale += u32::from(point);
                let digit = b - b'0';
                if count <= SHORT {
                    short = short * 10 + u64::from(digit);
                    continue;
                }
                let before = if count == SHORT + 1 { u128::from(short) } else { wide };
                match before.checked_mul(10).and_then(|m| m.checked_add(u128::from(digit))) {
                    Some(m) => wide = m,
                    None => exact = false,
                }
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    if count == 0 {
        return None;
    }
    let mantissa = if count <= SHORT { u128::from(short) } else { wide };
    let signed = i128::try_from(mantissa).ok().filter(|_| exact);
    let signed = signed.map(|m| if negative { -m } else { m });
    Some(signed.and_then(|m| Decimal::try_from_i128_with_scale(m, scale).ok()))
}

impl XmlValue for Date {
    const EXPECTED: &'static str = "a date (YYYY-MM-DD)";
    fn from_xml(text: &str) -> Parse<Self> {
        match Date::parse_iso(text) {
            Some(d) => Parse::Ok(d),
            None => Date::parse_us(text)
                .map_or(Parse::Invalid, |d| Parse::NonStandard(d, "a US date, not YYYY-MM-DD")),
        }
    }
}

impl XmlValue for bool {
    const EXPECTED: &'static str = "a flag (1, 0, true or false)";
    fn from_xml(text: &str) -> Parse<Self> {
        match text {
            "1" | "true" => Parse::Ok(true),
            "0" | "false" => Parse::Ok(false),
            _ => match text.to_ascii_lowercase().as_str() {
                "true" | "y" | "yes" | "x" => Parse::NonStandard(true, "read as true"),
                "false" | "n" | "no" => Parse::NonStandard(false, "read as false"),
                _ => Parse::Invalid,
            },
        }
    }
}

impl XmlValue for FormType {
    const EXPECTED: &'static str = "a form type (3, 3/A, 4, 4/A, 5 or 5/A)";
    fn from_xml(text: &str) -> Parse<Self> {
        option(FormType::parse(text))
    }
}

impl XmlValue for TransactionCode {
    const EXPECTED: &'static str =
        "one of the 20 transaction codes (P, S, V, A, D, F, I, M, C, E, H, O, X, G, L, W, Z, J, K, U)";
    fn from_xml(text: &str) -> Parse<Self> {
        option(TransactionCode::parse(text))
    }
}

impl XmlValue for AcquiredDisposed {
    const EXPECTED: &'static str = "A (acquired) or D (disposed of)";
    fn from_xml(text: &str) -> Parse<Self> {
        option(AcquiredDisposed::parse(text))
    }
}

impl XmlValue for DirectIndirect {
    const EXPECTED: &'static str = "D (direct) or I (indirect)";
    fn from_xml(text: &str) -> Parse<Self> {
        option(DirectIndirect::parse(text))
    }
}

impl XmlValue for Timeliness {
    const EXPECTED: &'static str = "E (early) or L (late), or empty";
    fn from_xml(text: &str) -> Parse<Self> {
        option(Timeliness::parse(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> Option<String> {
        match Num::from_xml(text) {
            Parse::Ok(n) => Some(format!("{}={}", n.text, n.value)),
            Parse::NonStandard(n, _) => Some(format!("~{}={}", n.text, n.value)),
            Parse::Invalid => None,
            Parse::OutOfRange => Some("out of range".to_owned()),
        }
    }

    #[test]
    fn decimals_keep_their_text_and_refuse_what_is_not_a_decimal() {
        assert_eq!(num(".00").as_deref(), Some(".00=0.00"));
        assert_eq!(num("5.").as_deref(), Some("5.=5"));
        assert_eq!(num("-0.5").as_deref(), Some("-0.5=-0.5"));
        assert_eq!(num("007").as_deref(), Some("007=7"));
        assert_eq!(num("1,000.25").as_deref(), Some("~1,000.25=1000.25"));
        // `Decimal::from_str` would accept these; XML does not.
        assert_eq!(num("1e5"), None);
        assert_eq!(num("1_000"), None);
        assert_eq!(num("."), None);
        assert_eq!(num("12 500"), None);
        // Rounding would lose digits: refused.
        assert_eq!(num("1.00000000000000000000000000001").as_deref(), Some("out of range"));
        assert_eq!(num("99999999999999999999999999999999").as_deref(), Some("out of range"));
    }

    #[test]
    fn flags_accept_the_spellings_seen_in_filings() {
        assert!(matches!(bool::from_xml("true"), Parse::Ok(true)));
        assert!(matches!(bool::from_xml("0"), Parse::Ok(false)));
        assert!(matches!(bool::from_xml("Yes"), Parse::NonStandard(true, _)));
        assert!(matches!(bool::from_xml("2"), Parse::Invalid));
    }
}
