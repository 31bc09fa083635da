//! The input as the parsers see it: decoded text, byte spans into it, and the
//! line index that turns a span into the line:column a person can find.
//!
//! Every parser works on one decoded `&str`; every value and diagnostic points
//! back into it with a [`Span`] of byte offsets. Line and column are computed
//! only at the edge (the UI, the CLI, error messages) from a [`LineIndex`],
//! 1-based like an editor, with the column counted in characters.

use std::fmt;

use serde::{Serialize, Serializer};

/// A half-open byte range `start..end` in the decoded input text.
///
/// Offsets are `u32`: inputs are capped far below 4 GiB (see [`MAX_INPUT_BYTES`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

/// The largest input the parsers accept, in bytes (as given, and after decoding): 128 MiB.
///
/// Larger inputs get [`crate::diagnostic::Code::InputTooLarge`] instead of a
/// parse. The model takes up to about eight times the text's size, so 128 MiB
/// of text stays well inside the 4 GiB a wasm32 page can address, and parsing
/// it takes under a minute at the speeds `benches/big.rs` measures. A single
/// filing is a few kilobytes: anything larger is a batch, better split.
pub const MAX_INPUT_BYTES: usize = 128 * 1024 * 1024;

impl Span {
    /// The span `start..end`. Offsets beyond `u32::MAX` saturate; inputs that
    /// large are refused before parsing (see [`MAX_INPUT_BYTES`]).
    pub fn new(start: usize, end: usize) -> Self {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span { start: clamp(start), end: clamp(end.max(start)) }
    }

    /// The span as a `usize` range, for slicing the text it points into.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Number of bytes covered.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both `self` and `other`.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The same span moved `offset` bytes later (to turn a span inside an
    /// embedded document into a span of the whole input).
    pub fn shifted(self, offset: usize) -> Span {
        Span::new(self.start as usize + offset, self.end as usize + offset)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

/// A 1-based line and column (the column counts characters, not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: u32,
    /// Column number in characters, from 1.
    pub column: u32,
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Byte offsets of line starts, for turning offsets into [`LineCol`].
///
/// A line ends at `\n`, `\r\n` or a bare `\r` (old Mac files and some EDGAR
/// dissemination feeds use bare carriage returns).
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<u32>,
    /// Characters before every [`CHECKPOINT`]th byte, so that a column on a
    /// giant line costs at most one checkpoint's worth of counting.
    chars_before: Vec<u32>,
}

/// Bytes between two character-count checkpoints of a [`LineIndex`].
const CHECKPOINT: usize = 1024;

/// Whether `b` starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: &u8) -> bool {
    (*b as i8) >= -0x40
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(to_u32(i + 1)),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(to_u32(i + 1)),
                _ => {}
            }
            i += 1;
        }
        let mut chars_before = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let mut count = 0usize;
        for chunk in bytes.chunks(CHECKPOINT) {
            chars_before.push(to_u32(count));
            count += chunk.iter().filter(|b| starts_char(b)).count();
        }
        LineIndex { starts, chars_before }
    }

    /// The line and column of byte `offset` in `text` (the text this index was built from).
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let line = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0) as usize;
        let end = (offset as usize).min(text.len()).max(start);
        let column = self.chars_at(text, end).saturating_sub(self.chars_at(text, start));
        LineCol { line: to_u32(line + 1), column: to_u32(column + 1) }
    }

    /// Characters that start before byte `offset` of `text`.
    fn chars_at(&self, text: &str, offset: usize) -> usize {
        let checkpoint = offset / CHECKPOINT;
        let before = self.chars_before.get(checkpoint).map_or(0, |&n| n as usize);
        let from = (checkpoint * CHECKPOINT).min(offset);
        let rest = text.as_bytes().get(from..offset).unwrap_or_default();
        before + rest.iter().filter(|b| starts_char(b)).count()
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// What `text.trim_start()` gives, quicker over a run of ASCII spaces
/// (the indentation of text laid out on a page).
pub(crate) fn trim_start(text: &str) -> &str {
    let spaces = text.bytes().take_while(|&b| b == b' ').count();
    text[spaces..].trim_start()
}

/// How many ASCII spaces run from byte `from` (none past the end): eight
/// bytes at a time while all eight are spaces (text laid out on a page pads
/// its columns with long runs of them), then byte by byte.
pub(crate) fn space_run(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while bytes.get(i..i + 8) == Some(b"        ".as_slice()) {
        i += 8;
    }
    i += bytes.get(i..).map_or(0, |rest| rest.iter().take_while(|&&b| b == b' ').count());
    i.saturating_sub(from)
}

/// What `text.trim()` gives, quicker over runs of ASCII spaces at either
/// end (the indentation and padding of text laid out on a page).
pub(crate) fn trim(text: &str) -> &str {
    let padding = text.bytes().rev().take_while(|&b| b == b' ').count();
    trim_start(&text[..text.len() - padding]).trim_end()
}

/// The lines of `text` with the byte offset each starts at, without their
/// terminators (`\n`, `\r\n` or a bare `\r`).
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start > bytes.len() || (start == bytes.len() && start > 0) {
            return None;
        }
        let line_start = start;
        let i = line_end(bytes, start);
        let line = &text[line_start..i];
        start = match bytes.get(i) {
            Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => i + 2,
            Some(_) => i + 1,
            None => bytes.len() + 1,
        };
        Some((line_start, line))
    })
}

/// Where the line starting at `from` ends: the first `\n` or `\r` from
/// there, or the end. Eight bytes are looked at together while none of them
/// is either (most of a line), then byte by byte.
fn line_end(bytes: &[u8], from: usize) -> usize {
    let i = skip_unflagged(bytes, from, |w| byte_flags(w, b'\n') | byte_flags(w, b'\r'));
    bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n' || b == b'\r'))
        .map_or(bytes.len(), |k| i + k)
}

/// The bytes of `word` (eight bytes, little-endian) equal to `byte`, as
/// their high bits: none when no byte is, and the first that is flagged
/// exactly (a byte after it may be flagged wrongly, by the borrow), so
/// [`first_flagged`] finds it. The classic test for a zero byte,
/// `(w - 0x01…01) & !w & 0x80…80`, on `word` with `byte` cleared.
pub(crate) fn byte_flags(word: u64, byte: u8) -> u64 {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let w = word ^ (ONES * u64::from(byte));
    w.wrapping_sub(ONES) & !w & HIGHS
}

/// Where to go on looking from `from` in `bytes`, eight bytes a step: at
/// the first byte that `flags` (of an eight-byte word, little-endian, as
/// [`byte_flags`] gives them) flags, or where fewer than eight bytes are
/// left (the caller looks at those one by one). Never past the end.
pub(crate) fn skip_unflagged(bytes: &[u8], mut from: usize, flags: impl Fn(u64) -> u64) -> usize {
    while let Some(chunk) = bytes.get(from..from + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        match first_flagged(flags(u64::from_le_bytes(chunk))) {
            Some(k) => return from + k,
            None => from += 8,
        }
    }
    from
}

/// The index of the first byte flagged by [`byte_flags`] (of one byte, or
/// of several or-ed together: each one's first flag is exact).
pub(crate) fn first_flagged(flags: u64) -> Option<usize> {
    (flags != 0).then(|| flags.trailing_zeros() as usize / 8)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The character encoding an input was decoded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (stripped).
    Utf8Bom,
    /// UTF-16, little-endian (a Windows "Unicode" save).
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-1252 (bytes that were not valid UTF-8).
    Windows1252,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with byte-order mark",
            Encoding::Utf16Le => "UTF-16 little-endian",
            Encoding::Utf16Be => "UTF-16 big-endian",
            Encoding::Windows1252 => "Windows-1252",
        })
    }
}

/// Why bytes could not be decoded into text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeError {
    /// UTF-16 input with an odd number of bytes or an unpaired surrogate at `offset`.
    InvalidUtf16 {
        /// Byte offset of the bad code unit.
        offset: usize,
    },
    /// The bytes look binary (NUL bytes outside UTF-16), e.g. a PDF or an image.
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
        /// What the bytes look like, when recognised ("PDF", "ZIP", ...).
        kind: Option<&'static str>,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf16 { offset } => {
                write!(
                    f,
                    "the input starts with a UTF-16 byte-order mark but is not valid UTF-16 (byte {offset})"
                )
            }
            DecodeError::Binary { offset, kind: Some(kind) } => write!(
                f,
                "this is a {kind} file, not text (binary byte at offset {offset}); extract its text first"
            ),
            DecodeError::Binary { offset, kind: None } => {
                write!(f, "the input is binary, not text (NUL byte at offset {offset})")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decode raw bytes into text: UTF-8 (with or without BOM), UTF-16 LE/BE with
/// a BOM, and Windows-1252 for bytes that are not valid UTF-8.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok((decode_8bit(rest), Encoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, u16::from_le_bytes).map(|s| (s, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, u16::from_be_bytes).map(|s| (s, Encoding::Utf16Be));
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        // UTF-16 without a BOM: ASCII text has every other byte zero.
        let zeros_odd = bytes.iter().skip(1).step_by(2).take(64).all(|&b| b == 0);
        let zeros_even = bytes.iter().step_by(2).take(64).all(|&b| b == 0);
        if bytes.len() >= 4 && bytes.len().is_multiple_of(2) && zeros_odd {
            return decode_utf16(bytes, u16::from_le_bytes).map(|s| (s, Encoding::Utf16Le));
        }
        if bytes.len() >= 4 && bytes.len().is_multiple_of(2) && zeros_even {
            return decode_utf16(bytes, u16::from_be_bytes).map(|s| (s, Encoding::Utf16Be));
        }
        return Err(DecodeError::Binary { offset, kind: sniff_binary(bytes) });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_owned(), Encoding::Utf8)),
        Err(_) => Ok((windows_1252(bytes), Encoding::Windows1252)),
    }
}

fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 5] = [
        (b"%PDF", "PDF"),
        (b"PK\x03\x04", "ZIP (or Office document)"),
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"\xD0\xCF\x11\xE0", "legacy Office document"),
    ];
    MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|&(_, kind)| kind)
}

/// UTF-8 after a BOM; invalid sequences fall back to Windows-1252 as a whole.
fn decode_8bit(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => windows_1252(bytes),
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::InvalidUtf16 { offset: bytes.len() - 1 });
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, ch) in char::decode_utf16(units).enumerate() {
        match ch {
            Ok(c) => out.push(c),
            Err(_) => return Err(DecodeError::InvalidUtf16 { offset: i * 2 }),
        }
    }
    Ok(out)
}

/// Windows-1252: Latin-1 with printable characters in 0x80..0x9F.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_flagged_byte_is_found_whatever_follows_it() {
        let first = |word: &[u8; 8], bytes: &[u8]| {
            let w = u64::from_le_bytes(*word);
            first_flagged(bytes.iter().fold(0, |flags, &b| flags | byte_flags(w, b)))
        };
        // `]` (one above `\\`) right after it may be flagged by the borrow: the first is still exact.
        assert_eq!(first(b"ab\\]cd\\e", b"\\"), Some(2));
        assert_eq!(first(b"\\\\\\\\\\\\\\\\", b"\\"), Some(0));
        assert_eq!(first(b"abcdefg\\", b"\\"), Some(7));
        assert_eq!(first(b"abcdefgh", b"\\"), None);
        assert_eq!(first(b"ab\tc|d\\e", b"\\|\t"), Some(2));
        assert_eq!(first(b"\x01\x00\x01|\x00aaa", b"|\x00"), Some(1));
    }

    #[test]
    fn the_quick_trims_give_what_the_standard_ones_do() {
        for text in ["", "   ", "  a b  ", "\u{a0} x \t", "\t  y", "z", " \u{2003}", "é  "] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
            assert_eq!(trim_start(text), text.trim_start(), "{text:?}");
        }
    }

    #[test]
    fn line_col_handles_lf_crlf_and_bare_cr() {
        let text = "ab\ncd\r\nef\rgh";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(text, 4), LineCol { line: 2, column: 2 });
        assert_eq!(index.line_col(text, 7), LineCol { line: 3, column: 1 });
        assert_eq!(index.line_col(text, 11), LineCol { line: 4, column: 2 });
    }

    #[test]
    fn lines_split_on_every_terminator() {
        let got: Vec<_> = lines("a\nbb\r\nc\rd").collect();
        assert_eq!(got, vec![(0, "a"), (2, "bb"), (6, "c"), (8, "d")]);
        let got: Vec<_> = lines("a\n").collect();
        assert_eq!(got, vec![(0, "a")]);
        assert_eq!(lines("").count(), 1);
    }

    #[test]
    fn space_runs_are_counted_across_and_within_words() {
        for len in 0..20 {
            let text = format!("ab{}c ", " ".repeat(len));
            assert_eq!(space_run(text.as_bytes(), 2), len);
            assert_eq!(space_run(text.as_bytes(), 1), 0);
            assert_eq!(space_run(text.as_bytes(), text.len() - 1), 1);
            assert_eq!(space_run(text.as_bytes(), text.len() + 3), 0);
        }
    }

    #[test]
    fn lines_end_at_their_terminator_in_every_place_of_a_word() {
        // Lines of every length from 0 to 20 (a terminator at each offset of
        // the eight-byte words), with bytes next to `\n` and `\r` (`\x0b`,
        // `\x0c`, `\x0e`, `\x8d` in `č`) that must not end them.
        for len in 0..20 {
            for end in ["\n", "\r\n", "\r"] {
                let line: String = "ab\x0b\x0cč\x0e".chars().cycle().take(len).collect();
                let (text, last) = (format!("{line}{end}{line}!"), format!("{line}!"));
                let got: Vec<_> = lines(&text).collect();
                assert_eq!(got, vec![(0, line.as_str()), (line.len() + end.len(), last.as_str())]);
            }
        }
    }

    #[test]
    fn column_on_a_giant_line_counts_across_checkpoints() {
        let text = format!("x\n{}€{}", "é".repeat(CHECKPOINT), "a".repeat(3 * CHECKPOINT));
        let index = LineIndex::new(&text);
        // Line 2 holds 1024 'é' (2 bytes each), then '€' (3 bytes), then the 'a's.
        let euro = 2 + 2 * CHECKPOINT;
        assert_eq!(index.line_col(&text, to_u32(euro)), LineCol { line: 2, column: 1025 });
        assert_eq!(index.line_col(&text, to_u32(euro + 3 + 2000)), LineCol { line: 2, column: 1026 + 2000 });
        assert_eq!(
            index.line_col(&text, to_u32(text.len())),
            LineCol { line: 2, column: to_u32(1026 + 3 * CHECKPOINT) }
        );
    }

    #[test]
    fn column_counts_characters_not_bytes() {
        let text = "é€x";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 5), LineCol { line: 1, column: 3 });
    }

    #[test]
    fn decodes_boms_and_windows_1252() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap(), ("abc".into(), Encoding::Utf8Bom));
        assert_eq!(decode(b"\xFF\xFEa\0b\0").unwrap(), ("ab".into(), Encoding::Utf16Le));
        assert_eq!(decode(b"\xFE\xFF\0a\0b").unwrap(), ("ab".into(), Encoding::Utf16Be));
        assert_eq!(decode(b"a\0b\0c\0").unwrap(), ("abc".into(), Encoding::Utf16Le));
        assert_eq!(decode(b"caf\xE9 \x93q\x94").unwrap(), ("café “q”".into(), Encoding::Windows1252));
    }

    #[test]
    fn refuses_binary_and_broken_utf16() {
        assert_eq!(
            decode(b"%PDF-1.4\0\0\x01garbage"),
            Err(DecodeError::Binary { offset: 8, kind: Some("PDF") })
        );
        assert_eq!(decode(b"\xFF\xFEa\0b"), Err(DecodeError::InvalidUtf16 { offset: 2 }));
        assert_eq!(decode(b"\xFF\xFE\x00\xD8"), Err(DecodeError::InvalidUtf16 { offset: 0 }));
    }
}
