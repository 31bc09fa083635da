//! JSON text for the exports, written by hand: the little JSON they need
//! (strings, `null`, arrays and objects; numbers are kept as their written
//! text, so there is no JSON number) without linking `serde_json`'s value
//! type and pretty printer into the web page's wasm.
//!
//! The text is the same as `serde_json::to_string_pretty` writes for the
//! same value — an object's keys in byte order, each key once, two spaces of
//! indent per level, `"key": value` — so an export reads the same whichever
//! writes it; the tests compare the two.

/// A JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `null`: an empty cell, a missing value.
    Null,
    /// A string.
    String(String),
    /// An array, in order.
    Array(Vec<Value>),
    /// An object.
    Object(Object),
}

/// A JSON object: its members in key order (bytewise), each key once, as
/// `serde_json`'s default map keeps them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Object(Vec<(String, Value)>);

impl Object {
    /// An empty object.
    pub fn new() -> Self {
        Self::default()
    }

    /// Set `key` to `value`, in key order; a value set before for the same
    /// key is replaced.
    pub fn insert(&mut self, key: &str, value: Value) {
        match self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
            Ok(at) => self.0[at].1 = value,
            Err(at) => self.0.insert(at, (key.to_owned(), value)),
        }
    }

    /// The object with `key` set to `value` (as [`Object::insert`]).
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.insert(key, value.into());
        self
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::String(text)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::String(text.to_owned())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    /// `null` for `None`.
    fn from(value: Option<T>) -> Self {
        value.map_or(Value::Null, Into::into)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Self {
        Value::Array(items)
    }
}

impl From<Object> for Value {
    fn from(object: Object) -> Self {
        Value::Object(object)
    }
}

impl Value {
    /// The value as indented JSON text (no final line break).
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Value::Null => out.push_str("null"),
            Value::String(text) => write_string(out, text),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    next_line(out, i, depth + 1);
                    item.write(out, depth + 1);
                }
                close(out, items.is_empty(), depth, ']');
            }
            Value::Object(Object(members)) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    next_line(out, i, depth + 1);
                    write_string(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                close(out, members.is_empty(), depth, '}');
            }
        }
    }
}

/// Before the `i`th element or member: a comma after the one before, a line
/// break, the indent of `depth`.
fn next_line(out: &mut String, i: usize, depth: usize) {
    if i > 0 {
        out.push(',');
    }
    out.push('\n');
    indent(out, depth);
}

/// The end of an array or object: on a line of its own unless it is empty.
fn close(out: &mut String, empty: bool, depth: usize, bracket: char) {
    if !empty {
        out.push('\n');
        indent(out, depth);
    }
    out.push(bracket);
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// `text` as a JSON string literal, quoted and escaped.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_string(&mut out, text);
    out
}

/// Quotes and backslashes escaped, control characters as `\n`, `\t`, … or
/// `\u00XX`; everything else (non-ASCII included) as it is.
fn write_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}' => {
                let byte = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[byte >> 4]));
                out.push(char::from(HEX[byte & 0xf]));
            }
            _ => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same value as `serde_json` holds it.
    fn to_serde(value: &Value) -> serde_json::Value {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::String(text) => serde_json::Value::String(text.clone()),
            Value::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
            Value::Object(Object(members)) => {
                serde_json::Value::Object(members.iter().map(|(k, v)| (k.clone(), to_serde(v))).collect())
            }
        }
    }

    fn assert_as_serde_json(value: &Value) {
        let theirs = serde_json::to_string_pretty(&to_serde(value)).unwrap();
        assert_eq!(value.to_pretty(), theirs);
    }

    /// Every character below U+0080 and a few beyond, one string.
    fn awkward_text() -> String {
        let mut text: String = (0u8..0x80).map(char::from).collect();
        text.push_str("é € 𝄞 \u{2028} </script>");
        text
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for text in [awkward_text(), String::new(), "plain".to_owned(), "\"\\\"".to_owned()] {
            assert_eq!(string(&text), serde_json::to_string(&text).unwrap(), "{text:?}");
        }
        assert_eq!(string("a\u{1}\"b\n"), r#""a\u0001\"b\n""#);
    }

    #[test]
    fn nested_values_are_indented_as_serde_json_indents_them() {
        let empty_object = Value::Object(Object::new());
        let row = Object::new()
            .with("value", "1,500")
            .with("footnotes", vec![Value::from("F1"), Value::from("F2")])
            .with("none", None::<String>)
            .with("empty", Vec::<Value>::new())
            .with("nothing", Object::new());
        let value = Value::Array(vec![
            Value::Object(row.clone()),
            Value::Array(vec![Value::Null, empty_object.clone(), Value::Array(Vec::new())]),
            Value::from(awkward_text()),
            Value::Object(Object::new().with("inner", Object::new().with("row", row))),
        ]);
        assert_as_serde_json(&value);
        assert_as_serde_json(&empty_object);
        assert_as_serde_json(&Value::Null);
    }

    #[test]
    fn keys_come_out_in_byte_order_each_once() {
        let mut object = Object::new();
        for key in ["value", "Value", "footnotes", "é", "a-b", "a", "value"] {
            object.insert(key, Value::from(key));
        }
        let value = Value::Object(object);
        assert_as_serde_json(&value);
        let text = value.to_pretty();
        let keys: Vec<&str> = text.lines().filter_map(|l| l.trim().split(": ").next()).collect();
        assert_eq!(keys, ["{", "\"Value\"", "\"a\"", "\"a-b\"", "\"footnotes\"", "\"value\"", "\"é\"", "}"]);
    }
}
