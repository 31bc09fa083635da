//! Exports of parsed filings, pure functions from the model to text.
//!
//! - [`sec`]: the SEC's *Insider Transactions Data Sets* layout — eight TSV
//!   tables (SUBMISSION, REPORTINGOWNER, NONDERIV_TRANS, NONDERIV_HOLDING,
//!   DERIV_TRANS, DERIV_HOLDING, FOOTNOTES, OWNER_SIGNATURE) with the SEC's
//!   column names and quirks, so the output loads next to the SEC's quarterly
//!   files;
//! - [`table`]: one table of a filing (Table I or Table II) in the form's
//!   column order, as TSV (pastes into a spreadsheet), CSV (RFC 4180),
//!   Markdown or JSON — what the web page offers to copy or download;
//! - [`json`]: the JSON text the exports write, as `serde_json` would.
//!
//! Numbers are written as the filing wrote them (`.00` stays `.00`), never
//! through a float.

pub mod json;
pub mod sec;
pub mod table;

/// A value as one line: a line break with the spaces around it becomes one
/// space, a tab a space (a TSV or Markdown cell cannot hold either).
fn one_line(value: &str) -> std::borrow::Cow<'_, str> {
    if !value.contains(['\t', '\r', '\n']) {
        return std::borrow::Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    for (i, line) in value.split(['\r', '\n']).filter(|l| !l.trim().is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let line = if i > 0 { line.trim_start() } else { line };
        out.push_str(&line.trim_end().replace('\t', " "));
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_joins_lines_with_one_space() {
        assert_eq!(one_line("a\tb"), "a b");
        assert_eq!(one_line("restricted stock\n            units."), "restricted stock units.");
        assert_eq!(one_line("x\r\ny"), "x y");
        assert_eq!(one_line("two  spaces\nkept  inside"), "two  spaces kept  inside");
        assert_eq!(one_line("plain  text"), "plain  text");
    }
}
