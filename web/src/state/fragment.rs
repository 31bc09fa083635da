//! The page's state in the URL fragment (after `#`, which browsers never
//! send to a server, and which GitHub Pages' limits on URLs do not touch):
//! the table's filters and sort, the selected filing, and, only when the
//! user asks for a link with it, the inputs themselves, compressed.
//!
//! `#codes=PS&owner=musk&sort=-price&sel=3&in=…`: `key=value` pairs joined
//! by `&`, values percent-encoded (UTF-8). Keys: `codes` (transaction code
//! letters), `owner`, `issuer`, `text`, `ad` (`A`/`D`), `di` (`D`/`I`),
//! `table` (`1`/`2`), `from`, `to` (`YYYY-MM-DD`), `sort` (a column key,
//! `-` first for descending), `sel` (a filing, from 1), `in` (the inputs,
//! see [`super::share`]). Unknown keys and values are ignored, so that an
//! old or edited link still opens.

use crate::batch::query::{Derivative, Direction, Ownership, Query, Sort};
use crate::batch::rows::Col;

/// What the fragment holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Filters and sort.
    pub query: Query,
    /// The selected filing (its index in the batch).
    pub selected: Option<u32>,
    /// The inputs, packed (see [`super::share`]).
    pub inputs: Option<String>,
}

/// `state` as a fragment (without the `#`); empty for the default state.
pub fn encode(state: &ViewState) -> String {
    let q = &state.query;
    let mut pairs: Vec<(&str, String)> = Vec::new();
    let mut text = |key, value: &str| {
        if !value.trim().is_empty() {
            pairs.push((key, value.to_owned()));
        }
    };
    text("codes", &q.codes);
    text("owner", &q.owner);
    text("issuer", &q.issuer);
    text("text", &q.text);
    text("from", &q.from);
    text("to", &q.to);
    if let Some(d) = q.direction {
        pairs.push(("ad", d.key().to_owned()));
    }
    if let Some(o) = q.ownership {
        pairs.push(("di", o.key().to_owned()));
    }
    if let Some(t) = q.table {
        pairs.push(("table", t.key().to_owned()));
    }
    if let Some(sort) = q.sort {
        pairs.push(("sort", format!("{}{}", if sort.descending { "-" } else { "" }, sort.col.key())));
    }
    if let Some(selected) = state.selected {
        pairs.push(("sel", (u64::from(selected) + 1).to_string()));
    }
    if let Some(inputs) = &state.inputs {
        pairs.push(("in", inputs.clone()));
    }
    let encoded: Vec<String> =
        pairs.into_iter().map(|(k, v)| format!("{k}={}", percent_encode(&v))).collect();
    encoded.join("&")
}

/// The state a fragment (with or without its `#`) holds.
pub fn decode(fragment: &str) -> ViewState {
    let mut state = ViewState::default();
    let q = &mut state.query;
    for pair in fragment.trim_start_matches('#').split('&') {
        let Some((key, value)) = pair.split_once('=') else { continue };
        let value = percent_decode(value);
        match key {
            "codes" => q.codes = value.chars().filter(char::is_ascii_uppercase).collect(),
            "owner" => q.owner = value,
            "issuer" => q.issuer = value,
            "text" => q.text = value,
            "from" => q.from = value,
            "to" => q.to = value,
            "ad" => q.direction = Direction::from_key(&value),
            "di" => q.ownership = Ownership::from_key(&value),
            "table" => q.table = Derivative::from_key(&value),
            "sort" => {
                let (descending, key) = match value.strip_prefix('-') {
                    Some(key) => (true, key),
                    None => (false, value.as_str()),
                };
                q.sort = Col::from_key(key).map(|col| Sort { col, descending });
            }
            "sel" => state.selected = value.parse::<u32>().ok().and_then(|n| n.checked_sub(1)),
            "in" => state.inputs = Some(value).filter(|v| !v.is_empty()),
            _ => {}
        }
    }
    state
}

/// Percent-encode all but the unreserved characters (RFC 3986).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Undo percent-encoding (also `+` as a space, as forms write it); a bad
/// escape is kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (byte, hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(value)) => {
                out.push(value);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_state_is_an_empty_fragment() {
        assert_eq!(encode(&ViewState::default()), "");
        assert_eq!(decode(""), ViewState::default());
        assert_eq!(decode("#"), ViewState::default());
    }

    #[test]
    fn every_filter_the_sort_and_the_selection_round_trip() {
        let state = ViewState {
            query: Query {
                codes: "PS".into(),
                owner: "Musk Elon".into(),
                issuer: "Tesla, Inc.".into(),
                direction: Some(Direction::Disposed),
                ownership: Some(Ownership::Indirect),
                table: Some(Derivative::TableII),
                from: "2023-01-01".into(),
                to: "2023-12-31".into(),
                text: "10b5-1 & «plan» #2".into(),
                sort: Some(Sort { col: Col::OwnedAfter, descending: true }),
            },
            selected: Some(0),
            inputs: Some("AbC-_9".into()),
        };
        let fragment = encode(&state);
        assert!(!fragment.contains([' ', '#', '«']), "{fragment}");
        assert!(fragment.contains("sort=-owned-after"), "{fragment}");
        assert!(fragment.contains("sel=1"), "selections count from 1: {fragment}");
        assert_eq!(decode(&format!("#{fragment}")), state);
    }

    #[test]
    fn unknown_or_broken_parts_are_ignored() {
        let state = decode("#codes=p%2CS&sort=nonsense&sel=0&ad=X&zzz=1&text=100%25&owner=a+b&issuer=%E2%82");
        assert_eq!(state.query.codes, "S", "only code letters");
        assert_eq!(state.query.sort, None);
        assert_eq!(state.selected, None, "sel counts from 1");
        assert_eq!(state.query.direction, None);
        assert_eq!(state.query.text, "100%");
        assert_eq!(state.query.owner, "a b");
        assert_eq!(state.query.issuer, "\u{fffd}", "a cut UTF-8 sequence");
    }
}
