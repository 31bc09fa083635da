//! The worker's messages written as one string (the `wire` of each message,
//! see [`crate::worker_protocol`]).
//!
//! Written by hand instead of with serde_json: serde's derived `Deserialize`
//! and `Serialize` code for these types, made for serde_json, was about 50 kB
//! of the wasm's code and 21.6 kB of its brotli size (issue 8); this is about
//! 5 kB of code.
//!
//! The format: a number is its decimal digits and `,`; a string is its length
//! in bytes, `:` and the string; `false`/`true` are `0,`/`1,`; an `f64` is its
//! bits as a number (exact, and no float formatting); an `Option` is `0,`, or
//! `1,` and the value; a list is its length and its items; a struct is its
//! fields in order; an enum is its variant's number and then its fields. Only
//! the page and a worker of the same build read it, so it needs no versions.

use std::fmt::Write as _;

use crate::batch::query::{Derivative, Direction, Ownership, Query, Sort};
use crate::batch::rows::{Col, InputStatus};
use crate::batch::summary::{PartyTotals, SecurityLine, Summaries};
use crate::worker_protocol::{ExportKind, InputSpec, Reply, Request, Timings};

/// A value that can be written to and read from the wire.
pub trait Wire: Sized {
    /// Append `self` to `to`.
    fn put(&self, to: &mut Writer);
    /// Read one value, or `None` when `from` does not hold one.
    fn take(from: &mut Reader<'_>) -> Option<Self>;
}

/// Writes values one after the other.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    fn number(&mut self, n: u64) {
        let _ = write!(self.out, "{n},");
    }

    fn text(&mut self, text: &str) {
        let _ = write!(self.out, "{}:", text.len());
        self.out.push_str(text);
    }
}

/// Reads values in the order they were written.
#[derive(Debug)]
pub struct Reader<'a> {
    rest: &'a str,
}

impl<'a> Reader<'a> {
    fn number(&mut self) -> Option<u64> {
        let (digits, rest) = self.rest.split_once(',')?;
        self.rest = rest;
        digits.parse().ok()
    }

    fn text(&mut self) -> Option<&'a str> {
        let (length, rest) = self.rest.split_once(':')?;
        let (text, rest) = rest.split_at_checked(length.parse().ok()?)?;
        self.rest = rest;
        Some(text)
    }

    fn take<T: Wire>(&mut self) -> Option<T> {
        T::take(self)
    }
}

/// `value` as a string.
pub fn encode<T: Wire>(value: &T) -> String {
    let mut to = Writer::default();
    value.put(&mut to);
    to.out
}

/// The value `text` holds, or `None` when it holds something else (or more).
pub fn decode<T: Wire>(text: &str) -> Option<T> {
    let mut from = Reader { rest: text };
    let value = from.take()?;
    from.rest.is_empty().then_some(value)
}

impl Wire for u32 {
    fn put(&self, to: &mut Writer) {
        to.number(u64::from(*self));
    }
    fn take(from: &mut Reader<'_>) -> Option<Self> {
        u32::try_from(from.number()?).ok()
    }
}

impl Wire for bool {
    fn put(&self, to: &mut Writer) {
        to.number(u64::from(*self));
    }
    fn take(from: &mut Reader<'_>) -> Option<Self> {
        match from.number()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Wire for f64 {
    fn put(&self, to: &mut Writer) {
        to.number(self.to_bits());
    }
    fn take(from: &mut Reader<'_>) -> Option<Self> {
        Some(f64::from_bits(from.number()?))
    }
}

impl Wire for String {
    fn put(&self, to: &mut Writer) {
        to.text(self);
    }
    fn take(from: &mut Reader<'_>) -> Option<Self> {
        from.text().map(str::to_owned)
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, to: &mut Writer) {
        self.is_some().put(to);
        if let Some(value) = self {
            value.put(to);
        }
    }
    fn take(from: &mut Reader<'_>) -> Option<Self> {
        if from.take()? { from.take().map(Some) } else { Some(None) }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, to: &mut Writer) {
        to.number(self.len() as u64);
        for item in self {
            item.put(to);
        }
    }
    fn take(from: &mut Reader<'_>) -> Option<Self> {
        let count = usize::try_from(from.number()?).ok()?;
        // Not `with_capacity(count)`: a wrong count must not allocate.
        let mut items = Vec::new();
        for _ in 0..count {
            items.push(from.take()?);
        }
        Some(items)
    }
}

/// A struct: its fields in order.
macro_rules! wire_struct {
    ($type:ident { $($field:ident),* $(,)? }) => {
        impl Wire for $type {
            fn put(&self, to: &mut Writer) {
                $(self.$field.put(to);)*
            }
            fn take(from: &mut Reader<'_>) -> Option<Self> {
                Some($type { $($field: from.take()?),* })
            }
        }
    };
}

/// An enum without fields: the variant's number.
macro_rules! wire_unit_enum {
    ($type:ident [$($variant:ident),* $(,)?]) => {
        impl Wire for $type {
            fn put(&self, to: &mut Writer) {
                const ALL: &[$type] = &[$($type::$variant),*];
                to.number(ALL.iter().position(|v| v == self).unwrap_or_default() as u64);
            }
            fn take(from: &mut Reader<'_>) -> Option<Self> {
                const ALL: &[$type] = &[$($type::$variant),*];
                ALL.get(usize::try_from(from.number()?).ok()?).copied()
            }
        }
    };
}

wire_struct!(InputSpec { name, kind, skip });
wire_unit_enum!(ExportKind[Tsv, Csv, Json, Sec]);
wire_struct!(Timings { read_ms, parse_ms, rows_ms, totals_ms });
wire_unit_enum!(Direction[Acquired, Disposed]);
wire_unit_enum!(Ownership[Direct, Indirect]);
wire_unit_enum!(Derivative[TableI, TableII]);
wire_struct!(Sort { col, descending });
wire_struct!(Query { codes, owner, issuer, direction, ownership, table, from, to, text, sort });
wire_struct!(InputStatus { input, representation, filings, rows, errors, warnings, reason });
wire_struct!(Summaries { by_owner, by_issuer, transactions, repeated, superseded, amendments, notes });
wire_struct!(PartyTotals { name, cik, filings, transactions, securities });
wire_struct!(SecurityLine {
    title,
    table,
    ownership,
    acquired,
    disposed,
    net,
    acquired_value,
    disposed_value,
    net_value,
    average_purchase,
    average_sale,
    notional,
});

impl Wire for Col {
    fn put(&self, to: &mut Writer) {
        to.number(Col::ALL.iter().position(|c| c == self).unwrap_or_default() as u64);
    }
    fn take(from: &mut Reader<'_>) -> Option<Self> {
        Col::ALL.get(usize::try_from(from.number()?).ok()?).copied()
    }
}

impl Wire for Request {
    fn put(&self, to: &mut Writer) {
        match self {
            Request::Parse { job, inputs, careful_from } => {
                to.number(0);
                job.put(to);
                inputs.put(to);
                careful_from.put(to);
            }
            Request::Cancel { job } => {
                to.number(1);
                job.put(to);
            }
            Request::Query { job, seq, query } => {
                to.number(2);
                job.put(to);
                seq.put(to);
                query.put(to);
            }
            Request::Save { job } => {
                to.number(3);
                job.put(to);
            }
            Request::Export { job, kind, query } => {
                to.number(4);
                job.put(to);
                kind.put(to);
                query.put(to);
            }
        }
    }
    fn take(from: &mut Reader<'_>) -> Option<Self> {
        Some(match from.take::<u32>()? {
            0 => Request::Parse { job: from.take()?, inputs: from.take()?, careful_from: from.take()? },
            1 => Request::Cancel { job: from.take()? },
            2 => Request::Query { job: from.take()?, seq: from.take()?, query: from.take()? },
            3 => Request::Save { job: from.take()? },
            4 => Request::Export { job: from.take()?, kind: from.take()?, query: from.take()? },
            _ => return None,
        })
    }
}

impl Wire for Reply {
    fn put(&self, to: &mut Writer) {
        match self {
            Reply::Ready => to.number(0),
            Reply::Started { job, input } => {
                to.number(1);
                job.put(to);
                input.put(to);
            }
            Reply::Chunk { job, done, statuses, codes, rows_left_out } => {
                to.number(2);
                job.put(to);
                done.put(to);
                statuses.put(to);
                codes.put(to);
                rows_left_out.put(to);
            }
            Reply::Finished { job, cancelled, summaries, timings } => {
                to.number(3);
                job.put(to);
                cancelled.put(to);
                summaries.put(to);
                timings.put(to);
            }
            Reply::Order { job, seq, total } => {
                to.number(4);
                job.put(to);
                seq.put(to);
                total.put(to);
            }
            Reply::Exported { job, name, media_type } => {
                to.number(5);
                job.put(to);
                name.put(to);
                media_type.put(to);
            }
            Reply::Saved { job, error } => {
                to.number(6);
                job.put(to);
                error.put(to);
            }
            Reply::Failed { message } => {
                to.number(7);
                message.put(to);
            }
        }
    }
    fn take(from: &mut Reader<'_>) -> Option<Self> {
        Some(match from.take::<u32>()? {
            0 => Reply::Ready,
            1 => Reply::Started { job: from.take()?, input: from.take()? },
            2 => Reply::Chunk {
                job: from.take()?,
                done: from.take()?,
                statuses: from.take()?,
                codes: from.take()?,
                rows_left_out: from.take()?,
            },
            3 => Reply::Finished {
                job: from.take()?,
                cancelled: from.take()?,
                summaries: from.take()?,
                timings: from.take()?,
            },
            4 => Reply::Order { job: from.take()?, seq: from.take()?, total: from.take()? },
            5 => Reply::Exported { job: from.take()?, name: from.take()?, media_type: from.take()? },
            6 => Reply::Saved { job: from.take()?, error: from.take()? },
            7 => Reply::Failed { message: from.take()? },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Wire + PartialEq + std::fmt::Debug>(value: T) {
        let text = encode(&value);
        assert_eq!(decode::<T>(&text), Some(value), "{text}");
    }

    #[test]
    fn every_request_survives_the_wire() {
        let query = Query {
            codes: "PS".into(),
            owner: "Musk, Elon: 1,2".into(),
            direction: Some(Direction::Disposed),
            ownership: Some(Ownership::Indirect),
            table: Some(Derivative::TableII),
            sort: Some(Sort { col: Col::UnderlyingShares, descending: true }),
            ..Query::default()
        };
        round_trip(Request::Parse {
            job: 7,
            inputs: vec![
                InputSpec { name: "a,b:c.xml".into(), kind: "file".into(), skip: None },
                InputSpec { name: "pasted text".into(), kind: "paste".into(), skip: Some("crashed".into()) },
            ],
            careful_from: Some(u32::MAX),
        });
        round_trip(Request::Cancel { job: 1 });
        round_trip(Request::Query { job: 3, seq: 9, query: query.clone() });
        round_trip(Request::Save { job: 0 });
        round_trip(Request::Export { job: 2, kind: ExportKind::Sec, query });
    }

    #[test]
    fn every_reply_survives_the_wire() {
        round_trip(Reply::Ready);
        round_trip(Reply::Started { job: 1, input: 4 });
        round_trip(Reply::Chunk {
            job: 1,
            done: 2,
            statuses: vec![
                InputStatus { input: 1, filings: 1, ..InputStatus::default() },
                InputStatus {
                    reason: Some("no filing was read (€, 12:3)".into()), ..InputStatus::default()
                },
            ],
            codes: "MS".into(),
            rows_left_out: 0,
        });
        let line = SecurityLine {
            title: "Common Stock".into(),
            net: "-1,000".into(),
            notional: true,
            ..SecurityLine::default()
        };
        round_trip(Reply::Finished {
            job: 5,
            cancelled: true,
            summaries: Summaries {
                by_owner: vec![PartyTotals {
                    name: "Ä, B".into(),
                    securities: vec![line.clone(), line],
                    ..PartyTotals::default()
                }],
                by_issuer: vec![PartyTotals::default()],
                transactions: 3,
                repeated: 1,
                superseded: 2,
                amendments: vec!["4/A: replaces 4".into()],
                notes: Vec::new(),
            },
            timings: Timings { read_ms: 0.1, parse_ms: 2449.5, rows_ms: -0.0, totals_ms: f64::MAX },
        });
        round_trip(Reply::Order { job: 1, seq: 2, total: 3 });
        round_trip(Reply::Exported {
            job: 1,
            name: "rows.tsv".into(),
            media_type: "text/tab-separated-values".into(),
        });
        round_trip(Reply::Saved { job: 1, error: Some(String::new()) });
        round_trip(Reply::Failed { message: "1:2,3".into() });
    }

    #[test]
    fn damaged_messages_are_refused() {
        let text = encode(&Reply::Failed { message: "why".into() });
        assert_eq!(text, "7,3:why");
        assert_eq!(decode::<Reply>(&text[..text.len() - 1]), None);
        assert_eq!(decode::<Reply>(&format!("{text}1,")), None);
        assert_eq!(decode::<Reply>("8,"), None);
        assert_eq!(decode::<Reply>("2,1,1,99999999999,"), None);
        assert_eq!(decode::<Request>("1,x,"), None);
        assert_eq!(decode::<Request>(""), None);
        // A length inside a character.
        assert_eq!(decode::<Reply>("7,1:é"), None);
    }
}
