//! The inputs packed into a share link (`#…&in=…`), only when the user asks
//! for it: each input's kind, name and bytes in a small container,
//! compressed (`deflate-raw`), in URL-safe base64.
//!
//! The container: the magic `FI1`, then per input one byte of kind (`f`
//! file, `p` paste, `s` sample), the name's length (u32, little-endian) and
//! UTF-8 bytes, the contents' length and bytes (a file's bytes as they are,
//! whatever their encoding; text as UTF-8).

use js_sys::{Array, Uint8Array};
use web_sys::File;

use super::compress::{base64url, compress, decompress, from_base64url};
use crate::batch::combined::{Content, Source, SourceKind};

/// The longest link this page makes (Chrome opens links of up to 2 MB;
/// others less; the input rarely needs this much).
pub const MAX_LINK_CHARS: usize = 1_000_000;
const MAGIC: &[u8] = b"FI1";

/// The container of `items` (kind, name, contents).
pub fn pack_items(items: &[(SourceKind, &str, &[u8])]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for (kind, name, contents) in items {
        out.push(match kind {
            SourceKind::File => b'f',
            SourceKind::Paste => b'p',
            SourceKind::Sample => b's',
        });
        for part in [name.as_bytes(), contents] {
            out.extend_from_slice(&u32::try_from(part.len()).unwrap_or(u32::MAX).to_le_bytes());
            out.extend_from_slice(part);
        }
    }
    out
}

/// The items of a container; `None` when it is not one, or is cut short.
pub fn unpack_items(bytes: &[u8]) -> Option<Vec<(SourceKind, String, Vec<u8>)>> {
    let mut rest = bytes.strip_prefix(MAGIC)?;
    let mut items = Vec::new();
    let take = |rest: &mut &[u8]| -> Option<Vec<u8>> {
        let (len, tail) = rest.split_first_chunk::<4>()?;
        let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
        let part = tail.get(..len)?.to_vec();
        *rest = tail.get(len..)?;
        Some(part)
    };
    while let Some((&kind, tail)) = rest.split_first() {
        rest = tail;
        let kind = match kind {
            b'f' => SourceKind::File,
            b'p' => SourceKind::Paste,
            b's' => SourceKind::Sample,
            _ => return None,
        };
        let name = String::from_utf8(take(&mut rest)?).ok()?;
        items.push((kind, name, take(&mut rest)?));
    }
    Some(items)
}

/// `sources` packed for a link.
pub async fn pack(sources: &[Source]) -> Result<String, String> {
    let mut contents = Vec::with_capacity(sources.len());
    for source in sources {
        contents.push(match &source.content {
            Content::Text(text) => text.as_bytes().to_vec(),
            Content::File(file) => crate::files::read(file).await?,
        });
    }
    let items: Vec<(SourceKind, &str, &[u8])> =
        sources.iter().zip(&contents).map(|(s, c)| (s.kind, s.name.as_str(), c.as_slice())).collect();
    Ok(base64url(&compress(&pack_items(&items)).await?))
}

/// The inputs of a link.
pub async fn unpack(packed: &str) -> Result<Vec<Source>, String> {
    let bytes = from_base64url(packed).ok_or("the link's inputs are damaged (not base64)")?;
    let items = unpack_items(&decompress(&bytes).await?).ok_or("the link's inputs are damaged")?;
    items
        .into_iter()
        .map(|(kind, name, contents)| match kind {
            SourceKind::File => {
                let parts = Array::of1(&Uint8Array::from(&contents[..]));
                let file = File::new_with_u8_array_sequence(&parts, &name).map_err(|e| format!("{e:?}"))?;
                Ok(Source::file(file))
            }
            _ => Ok(Source::text(&name, String::from_utf8_lossy(&contents).into_owned())),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_container_round_trips_and_a_cut_one_is_refused() {
        let items = [
            (SourceKind::File, "a.xml", &b"<x/>\x00\xff"[..]),
            (SourceKind::Paste, "pasted text", "é".as_bytes()),
            (SourceKind::Sample, "", &b""[..]),
        ];
        let packed = pack_items(&items);
        let back = unpack_items(&packed).unwrap();
        let back: Vec<(SourceKind, &str, &[u8])> =
            back.iter().map(|(k, n, c)| (*k, n.as_str(), c.as_slice())).collect();
        assert_eq!(back, items);
        assert_eq!(unpack_items(&packed[..packed.len() - 1]), None);
        assert_eq!(unpack_items(b"XYZ"), None);
        assert_eq!(unpack_items(b"FI1").unwrap(), []);
    }
}
