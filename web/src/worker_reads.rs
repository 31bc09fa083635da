//! Reading the batch's files ahead of the parser, in the worker.
//!
//! Files are read with `Blob.arrayBuffer()`, several requests at a time:
//! the browser moves the bytes in while the worker parses the files before
//! them (reading one file at a time, synchronously, left the worker idle
//! for most of a large batch). At most [`MAX_AHEAD`] files and
//! [`MAX_AHEAD_BYTES`] bytes are read ahead of the parser.

use std::collections::BTreeMap;

use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

/// The most files read ahead of the parser.
pub const MAX_AHEAD: usize = 256;
/// The most bytes read ahead of the parser.
pub const MAX_AHEAD_BYTES: f64 = 32e6;
/// The most files read in one request.
const GROUP: usize = 64;
/// The most bytes read in one request (one larger file is read alone).
const GROUP_BYTES: f64 = 4e6;

/// A read's outcome: the bytes, or why the browser could not read them.
pub type Read = Result<Vec<u8>, String>;

/// The reads of one batch.
#[derive(Debug, Default)]
pub struct Reads {
    /// Reads done, not yet taken by the parser.
    ready: BTreeMap<usize, Read>,
    /// The next input to consider reading.
    next: usize,
    /// Reads started and not yet taken: how many, how many bytes.
    outstanding: usize,
    outstanding_bytes: f64,
    /// Sizes of the reads started, by input.
    sizes: BTreeMap<usize, f64>,
}

impl Reads {
    /// Start reading the `File`s among `payloads` (from where the last call
    /// stopped) until the limits are reached; `done(index, read)` gets each
    /// read when it arrives. Text payloads need no reading. Consecutive
    /// files are read together, as one `Blob` of up to [`GROUP`] files and
    /// [`GROUP_BYTES`] bytes: one request to the browser instead of one per
    /// file (each costs about half a millisecond).
    pub fn fill(&mut self, payloads: &[JsValue], done: impl Fn(usize, Read) + Clone + 'static) {
        while self.outstanding < MAX_AHEAD && self.outstanding_bytes < MAX_AHEAD_BYTES {
            let mut group: Vec<(usize, f64)> = Vec::new();
            let parts = js_sys::Array::new();
            let mut bytes = 0.0;
            while let Some(blob) = payloads.get(self.next).and_then(|p| p.dyn_ref::<Blob>()) {
                if group.len() >= GROUP || (bytes > 0.0 && bytes + blob.size() > GROUP_BYTES) {
                    break;
                }
                bytes += blob.size();
                group.push((self.next, blob.size()));
                parts.push(blob);
                self.next += 1;
            }
            if group.is_empty() {
                // Text (nothing to read), or the end.
                if self.next >= payloads.len() {
                    return;
                }
                self.next += 1;
                continue;
            }
            self.outstanding += group.len();
            self.outstanding_bytes += bytes;
            self.sizes.extend(group.iter().copied());
            let promise = match Blob::new_with_blob_sequence(&parts) {
                Ok(blob) => blob.array_buffer(),
                Err(error) => js_sys::Promise::reject(&error),
            };
            let done = done.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match JsFuture::from(promise).await {
                    Ok(buffer) => {
                        let all = Uint8Array::new(&buffer);
                        let mut start = 0u32;
                        for (index, size) in group {
                            let end = start.saturating_add(size as u32);
                            done(index, Ok(all.subarray(start, end).to_vec()));
                            start = end;
                        }
                    }
                    Err(error) => {
                        let reason = crate::files::describe(&error);
                        for (index, _) in group {
                            done(index, Err(reason.clone()));
                        }
                    }
                }
            });
        }
    }

    /// A read arrived.
    pub fn arrived(&mut self, index: usize, read: Read) {
        self.ready.insert(index, read);
    }

    /// Take the read of `index`, once arrived.
    pub fn take(&mut self, index: usize) -> Option<Read> {
        let read = self.ready.remove(&index)?;
        if let Some(size) = self.sizes.remove(&index) {
            self.outstanding = self.outstanding.saturating_sub(1);
            self.outstanding_bytes -= size;
        }
        Some(read)
    }
}
