//! Reading the batch's files ahead of the parser, in the worker.
//!
//! Reading a file costs the thread that reads it a quarter of a millisecond
//! or more (the browser's blob machinery: a `Blob` made of the files, its
//! bytes, a copy), about as much as parsing it. So the files are read by a
//! second worker, `reader.js` ([`reader`]), started beside the parser: it
//! reads a few files at a time while the parser parses those before them,
//! and hands their bytes over (transferred), so that the two run on two
//! cores. Where it cannot start (a saved copy of the page, a browser without
//! nested workers) or stops, the parser's thread reads the files itself with
//! `Blob.arrayBuffer()`, several requests at a time, as the browser moves the
//! bytes in while the parser works (reading one file at a time,
//! synchronously, left the worker idle for most of a large batch). Either
//! way at most [`MAX_AHEAD_BYTES`] are read ahead of the parser (and, on the
//! parser's thread, [`MAX_AHEAD`] files).

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
    /// Reads done, not yet taken by the parser, by input.
    ready: Vec<Option<Read>>,
    /// The next input to consider reading.
    next: usize,
    /// Reads started and not yet taken: how many, how many bytes.
    outstanding: usize,
    outstanding_bytes: f64,
    /// Sizes of the reads started and not yet taken, by input.
    sizes: Vec<Option<f64>>,
    /// Whether the reader worker reads the files (the fields above then
    /// stay unused, but `next`: the first input it has not handed over).
    by_reader: bool,
    /// Bytes taken since the reader was last told.
    taken: f64,
}

impl Reads {
    /// Start reading the `File`s among `payloads` (from where the last call
    /// stopped) until the limits are reached; `done(index, read)` gets each
    /// read when it arrives. Text payloads need no reading. Consecutive
    /// files are read together, as one `Blob` of up to [`GROUP`] files and
    /// [`GROUP_BYTES`] bytes: one request to the browser instead of one per
    /// file (each costs about half a millisecond).
    ///
    /// The first call hands every file to the reader worker, when there is
    /// one; later calls then only tell it how much the parser has taken.
    pub fn fill(&mut self, payloads: &[JsValue], done: impl Fn(usize, Read) + Clone + 'static) {
        if self.by_reader {
            if self.taken > 0.0 {
                reader::taken(std::mem::take(&mut self.taken));
            }
            return;
        }
        if self.next == 0 && self.outstanding == 0 && reader::start(payloads, done.clone()) {
            self.by_reader = true;
            return;
        }
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
            for &(index, size) in &group {
                put(&mut self.sizes, index, size);
            }
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

    /// A read arrived; whether the files not yet read must now be read on
    /// this thread (the reader stopped: call [`Reads::fill`]).
    pub fn arrived(&mut self, index: usize, read: Read) -> bool {
        if index == reader::STOPPED {
            // The reader hands files over in order: read on from the first it did not.
            self.by_reader = false;
            return true;
        }
        if self.by_reader {
            self.next = self.next.max(index + 1);
        }
        put(&mut self.ready, index, read);
        false
    }

    /// Take the read of `index`, once arrived.
    pub fn take(&mut self, index: usize) -> Option<Read> {
        let read = self.ready.get_mut(index)?.take()?;
        if self.by_reader {
            self.taken += read.as_ref().map_or(0.0, |bytes| bytes.len() as f64);
        }
        if let Some(size) = self.sizes.get_mut(index).and_then(Option::take) {
            self.outstanding = self.outstanding.saturating_sub(1);
            self.outstanding_bytes -= size;
        }
        Some(read)
    }
}

/// Set the entry of input `index` in a list by input.
fn put<T>(entries: &mut Vec<Option<T>>, index: usize, value: T) {
    if entries.len() <= index {
        entries.resize_with(index + 1, || None);
    }
    entries[index] = Some(value);
}

/// The reader worker (`reader.js`, see the module's documentation): one per
/// parsing worker, started with it and kept for its every batch.
pub mod reader {
    use std::cell::RefCell;
    use std::rc::Rc;

    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{Blob, MessageEvent, Worker};

    use super::Read;

    /// The index [`start`]'s `done` is called with when the reader stopped:
    /// the files it did not hand over must be read otherwise.
    pub const STOPPED: usize = usize::MAX;

    /// Where the page says the reader's script is (see `worker.js`).
    const URL_GLOBAL: &str = "__filingInspectorReader";

    type Done = Rc<dyn Fn(usize, Read)>;

    enum State {
        /// Not started yet.
        Idle,
        /// It could not start, or it stopped: files are read on the parser's thread.
        Failed,
        Running {
            worker: Worker,
            /// The batch it reads (messages of an older one are ignored).
            token: u32,
            /// Where the current batch's files go.
            done: Option<Done>,
            _handlers: [Closure<dyn FnMut(web_sys::Event)>; 2],
        },
    }

    thread_local! {
        static STATE: RefCell<State> = const { RefCell::new(State::Idle) };
    }

    /// Start the reader, if the page named its script: ahead of the first
    /// batch, so that it is ready when the files come.
    pub fn warm() {
        STATE.with_borrow_mut(|state| {
            if matches!(state, State::Idle) {
                *state = spawn().unwrap_or(State::Failed);
            }
        });
    }

    fn spawn() -> Option<State> {
        let url = Reflect::get(&js_sys::global(), &URL_GLOBAL.into()).ok()?.as_string()?;
        let worker = Worker::new(&url).ok()?;
        let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            if let Some(event) = event.dyn_ref::<MessageEvent>() {
                received(&event.data());
            }
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            event.prevent_default();
            stopped();
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        Some(State::Running { worker, token: 0, done: None, _handlers: [on_message, on_error] })
    }

    /// Hand the files among `payloads` to the reader; `done(index, read)`
    /// gets each read. False when there is no reader.
    pub fn start(payloads: &[JsValue], done: impl Fn(usize, Read) + 'static) -> bool {
        warm();
        STATE.with_borrow_mut(|state| {
            let State::Running { worker, token, done: current, .. } = state else { return false };
            *token = token.wrapping_add(1);
            *current = Some(Rc::new(done));
            let files: Array = payloads
                .iter()
                .map(|p| if p.is_instance_of::<Blob>() { p.clone() } else { JsValue::NULL })
                .collect();
            let message = Object::new();
            let _ = Reflect::set(&message, &"token".into(), &(*token).into());
            let _ = Reflect::set(&message, &"files".into(), &files);
            worker.post_message(&message).is_ok()
        })
    }

    /// Tell the reader the parser took `bytes` more.
    pub fn taken(bytes: f64) {
        STATE.with_borrow(|state| {
            if let State::Running { worker, token, .. } = state {
                let message = Object::new();
                let _ = Reflect::set(&message, &"token".into(), &(*token).into());
                let _ = Reflect::set(&message, &"taken".into(), &bytes.into());
                let _ = worker.post_message(&message);
            }
        });
    }

    /// Files read (or not) by the reader.
    fn received(data: &JsValue) {
        let get = |key: &str| Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED);
        let done = STATE.with_borrow(|state| match state {
            State::Running { token, done, .. } if get("token").as_f64() == Some(f64::from(*token)) => {
                done.clone()
            }
            _ => None,
        });
        let (Some(done), Some(first)) = (done, get("first").as_f64()) else { return };
        let first = first as usize;
        let sizes: Array = get("sizes").dyn_into().unwrap_or_default();
        if let Some(reason) = get("error").as_string() {
            for i in 0..sizes.length() as usize {
                done(first + i, Err(reason.clone()));
            }
            return;
        }
        let all =
            get("buffer").dyn_into::<js_sys::ArrayBuffer>().map(|b| Uint8Array::new(&b)).unwrap_or_default();
        let mut start = 0u32;
        for (i, size) in sizes.iter().enumerate() {
            let end = start.saturating_add(size.as_f64().unwrap_or(0.0) as u32).min(all.length());
            done(first + i, Ok(all.subarray(start, end).to_vec()));
            start = end;
        }
    }

    /// The reader failed: from now on files are read on the parser's thread.
    fn stopped() {
        let previous = STATE.with_borrow_mut(|state| std::mem::replace(state, State::Failed));
        if let State::Running { worker, done, _handlers: handlers, .. } = previous {
            worker.terminate();
            std::mem::forget(handlers); // one of them is running: it stays for the worker's life
            if let Some(done) = done {
                done(STOPPED, Err("the file reader stopped".to_owned()));
            }
        }
    }
}
