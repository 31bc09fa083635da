//! Compression for share links, with the browser's own `CompressionStream`
//! (`deflate-raw`; no crate, nothing added to the wasm), and URL-safe
//! base64 without padding (RFC 4648 §5) to carry the bytes in a fragment.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableWritablePair, Response};

#[wasm_bindgen]
extern "C" {
    /// The browser's `CompressionStream` (a transform stream).
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compressor;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Compressor, JsValue>;

    /// The browser's `DecompressionStream`.
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompressor;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompressor, JsValue>;
}

const FORMAT: &str = "deflate-raw";

async fn through(bytes: &[u8], transform: &JsValue) -> Result<Vec<u8>, String> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(|e| format!("{e:?}"))?;
    let stream = blob.stream().pipe_through(transform.unchecked_ref::<ReadableWritablePair>());
    let response = Response::new_with_opt_readable_stream(Some(&stream)).map_err(|e| format!("{e:?}"))?;
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|_| "the data is damaged (it does not decompress)".to_owned())?;
    Ok(Uint8Array::new(buffer.unchecked_ref::<ArrayBuffer>()).to_vec())
}

/// `bytes` compressed.
pub async fn compress(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let transform =
        Compressor::new(FORMAT).map_err(|_| "this browser cannot compress (no CompressionStream)")?;
    through(bytes, &transform).await
}

/// `bytes` decompressed.
pub async fn decompress(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let transform =
        Decompressor::new(FORMAT).map_err(|_| "this browser cannot decompress (no DecompressionStream)")?;
    through(bytes, &transform).await
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64, no padding.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

/// The bytes of URL-safe base64 (padding and whitespace ignored); `None`
/// when it holds anything else.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=') {
        let value = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = (acc << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_the_rfc_vectors_without_padding() {
        // RFC 4648 §10, padding dropped.
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url(plain.as_bytes()), encoded);
            assert_eq!(from_base64url(encoded).unwrap(), plain.as_bytes());
        }
        // The URL-safe letters.
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(from_base64url("-_8").unwrap(), [0xfb, 0xff]);
        assert_eq!(from_base64url("Zm9v+"), None);
    }
}
