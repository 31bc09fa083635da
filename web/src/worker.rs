//! The parsing worker: the same wasm as the page, started in a dedicated Web
//! Worker (`worker.js` hands it the page's compiled module), so that parsing
//! a batch never blocks the page.
//!
//! It keeps the batch's parsed filings (the page only gets what it shows,
//! see [`crate::batch::rows`]) and works in slices of about
//! [`SLICE_MS`] ms: after each, it posts the slice's statuses, filings and
//! rows, and yields, so that a cancel, a query or an export is answered
//! between slices. When every input is parsed it runs the cross-filing
//! analysis ([`filing_core::analysis::batch()`]) and posts the totals.
//! Messages are described in [`crate::worker_protocol`]. Where no worker can
//! be started, the same code runs on the page ([`run_on_page`]).

use std::cell::RefCell;

use filing_core::analysis;
use filing_core::export::table::Format;
use filing_core::model::{Filing, Table};
use filing_core::{Input, Parsed};
use js_sys::{Array, Object, Reflect, Uint8Array, Uint32Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

use crate::batch::query::{Query, Subject, order};
use crate::batch::rows::{Col, FilingInfo, InputStatus, RowView, count_u32, rows_of};
use crate::batch::summary::summarize;
use crate::batch::{MAX_TABLE_ROWS, export};
use crate::document::Document;
use crate::worker_protocol::{ExportKind, InputSpec, Reply, Request, Timings};
use crate::worker_reads::{Read, Reads};

/// How long a slice of parsing lasts before the worker reports and yields.
pub const SLICE_MS: f64 = 40.0;
/// While parsing, a query's rows are recomputed at most this often.
const ORDER_EVERY_MS: f64 = 400.0;

/// Whether this code runs in a dedicated worker (rather than the page).
pub fn in_worker() -> bool {
    js_sys::global().dyn_ref::<DedicatedWorkerGlobalScope>().is_some()
}

/// Take requests from the page.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| handle(&event.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget(); // lives as long as the worker
    start();
}

/// Run the worker's code on the page itself, taking requests from `port`
/// and answering on it: where no worker can be started (a saved copy of the
/// page opened from disk, a browser that refuses module workers), parsing
/// runs on the page's thread, in the same slices of about [`SLICE_MS`] ms.
pub fn run_on_page(port: MessagePort) {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| handle(&event.data()));
    port.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget(); // lives as long as the page
    OUTBOX.with_borrow_mut(|outbox| *outbox = Some(port));
    start();
}

/// Set up the slices' scheduling, start the file reader, and tell the page
/// the worker is ready.
fn start() {
    crate::worker_reads::reader::warm();
    match MessageChannel::new() {
        Ok(channel) => {
            let on_tick = Closure::<dyn FnMut(MessageEvent)>::new(|_: MessageEvent| step());
            channel.port1().set_onmessage(Some(on_tick.as_ref().unchecked_ref()));
            on_tick.forget();
            TICK.with_borrow_mut(|tick| *tick = Some(channel.port2()));
            post(&Reply::Ready, None, None);
        }
        Err(error) => post(
            &Reply::Failed { message: format!("the worker cannot schedule work: {error:?}") },
            None,
            None,
        ),
    }
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store::default());
    /// Posting to this port runs the next slice as soon as the worker is idle.
    static TICK: RefCell<Option<MessagePort>> = const { RefCell::new(None) };
    /// Where replies go when the worker's code runs on the page (see [`run_on_page`]).
    static OUTBOX: RefCell<Option<MessagePort>> = const { RefCell::new(None) };
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Send `reply` to the page, with `data` beside it (and `transfer`red).
fn post(reply: &Reply, data: Option<&JsValue>, transfer: Option<&JsValue>) {
    let message = Object::new();
    let _ = Reflect::set(&message, &"wire".into(), &crate::wire::encode(reply).into());
    if let Some(data) = data {
        let _ = Reflect::set(&message, &"data".into(), data);
    }
    let transfer = transfer.map(Array::of1).unwrap_or_default();
    let sent = OUTBOX.with_borrow(|outbox| match outbox {
        Some(port) => port.post_message_with_transferable(&message, &transfer),
        None => {
            let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
            scope.post_message_with_transfer(&message, &transfer)
        }
    });
    if let Err(error) = sent {
        web_sys::console::error_2(&"filing-inspector worker: could not post".into(), &error);
    }
}

fn handle(data: &JsValue) {
    let wire = Reflect::get(data, &"wire".into()).ok().and_then(|w| w.as_string()).unwrap_or_default();
    let Some(request) = crate::wire::decode::<Request>(&wire) else {
        return post(&Reply::Failed { message: "unreadable request".to_owned() }, None, None);
    };
    let payloads: Array =
        Reflect::get(data, &"data".into()).ok().and_then(|d| d.dyn_into().ok()).unwrap_or_default();
    let schedule = STORE.with_borrow_mut(|store| store.take(request, payloads));
    if schedule {
        tick();
    }
}

fn tick() {
    TICK.with_borrow(|port| {
        if let Some(port) = port {
            let _ = port.post_message(&JsValue::NULL);
        }
    });
}

fn step() {
    if STORE.with_borrow_mut(Store::slice) {
        tick();
    }
}

/// The batch the worker holds.
#[derive(Default)]
struct Store {
    job: u32,
    inputs: Vec<InputSpec>,
    payloads: Vec<JsValue>,
    careful_from: Option<u32>,
    next: usize,
    running: bool,
    cancelled: bool,
    /// The filings, in input order, and the input each was read from.
    filings: Vec<Filing>,
    filing_inputs: Vec<u32>,
    /// The table's rows: (filing, table, row).
    rows: Vec<(u32, Table, u32)>,
    rows_left_out: u32,
    /// The last query that is not the identity, and its number.
    query: Option<(u32, Query)>,
    /// When its order was last sent, and for how many rows.
    order_sent: (f64, usize),
    /// The transaction codes seen, in order, each once.
    codes: Vec<char>,
    timings: Timings,
    /// Files being read ahead of the parser.
    reads: Reads,
    /// Since when the parser has waited for the next file's bytes.
    waiting: Option<f64>,
    /// Save the inputs as the session once parsed.
    save_due: bool,
}

impl Store {
    /// Take a request; whether parsing should go on.
    fn take(&mut self, request: Request, payloads: Array) -> bool {
        match request {
            Request::Parse { job, inputs, careful_from } => {
                *self = Store {
                    job,
                    payloads: payloads.iter().collect(),
                    inputs,
                    careful_from,
                    running: true,
                    ..Store::default()
                };
                self.read_ahead();
                true
            }
            Request::Cancel { job } if job == self.job => {
                self.cancelled = true;
                self.waiting = None;
                self.running
            }
            Request::Query { job, seq, query } if job == self.job => {
                self.query = (!query.is_identity()).then_some((seq, query));
                self.send_order();
                false
            }
            Request::Export { job, kind, query } if job == self.job => {
                self.export(kind, &query);
                false
            }
            Request::Save { job } if job == self.job => {
                // After the parsing: the copy into IndexedDB takes a while.
                if self.running {
                    self.save_due = true;
                } else {
                    self.save();
                }
                false
            }
            _ => false, // about an older batch
        }
    }

    /// Start reading the next files.
    fn read_ahead(&mut self) {
        let job = self.job;
        self.reads.fill(&self.payloads, move |index, read| arrived(job, index, read));
    }

    /// Parse inputs for about [`SLICE_MS`] and report; whether to go on
    /// (not when waiting for a file: its arrival resumes the parsing).
    fn slice(&mut self) -> bool {
        if !self.running || self.waiting.is_some() {
            return false;
        }
        let start = now();
        let (filings_before, rows_before) = (self.filings.len(), self.rows.len());
        let mut statuses = Vec::new();
        while !self.cancelled && self.next < self.inputs.len() {
            let is_file = self.payloads.get(self.next).is_some_and(|p| p.is_instance_of::<web_sys::Blob>());
            let bytes = match (is_file, self.reads.take(self.next)) {
                (false, _) => None,
                (true, Some(read)) => Some(read),
                (true, None) => {
                    // Its bytes are on their way: their arrival resumes the parsing.
                    self.read_ahead();
                    self.waiting = Some(now());
                    break;
                }
            };
            let index = count_u32(self.next);
            self.next += 1;
            if self.careful_from.is_some_and(|from| index >= from) {
                post(&Reply::Started { job: self.job, input: index }, None, None);
            }
            let parsed = self.parse(index as usize, bytes);
            statuses.push(InputStatus::of(index, &parsed));
            self.keep(index, parsed);
            if now() - start > SLICE_MS {
                break;
            }
        }
        let parsed = now();
        self.timings.parse_ms += parsed - start;
        let mut filings = String::new();
        for (filing, &input) in
            self.filings[filings_before..].iter().zip(&self.filing_inputs[filings_before..])
        {
            FilingInfo::of(input, filing).write(&mut filings);
        }
        let mut rows = String::new();
        for &r in &self.rows[rows_before..] {
            if let Some(s) = self.subject(r) {
                let view = RowView::of(r.0, s.table, s.row);
                if let Some(code) = view.cell(Col::Code).chars().next()
                    && let Err(at) = self.codes.binary_search(&code)
                {
                    self.codes.insert(at, code);
                }
                view.write(&mut rows);
            }
        }
        let chunk = Reply::Chunk {
            job: self.job,
            done: count_u32(self.next),
            statuses,
            codes: self.codes.iter().collect(),
            rows_left_out: self.rows_left_out,
        };
        post(&chunk, Some(&Array::of2(&filings.into(), &rows.into())), None);
        self.timings.rows_ms += now() - parsed;
        self.read_ahead();
        let done = self.cancelled || self.next >= self.inputs.len();
        if done {
            self.finish();
        } else if self.query.is_some() && now() - self.order_sent.0 > ORDER_EVERY_MS {
            self.send_order();
        }
        !done && self.waiting.is_none()
    }

    /// Parse input `index`, whose bytes (a file's) are `bytes`.
    fn parse(&self, index: usize, bytes: Option<Read>) -> Parsed {
        let name = self.inputs.get(index).map_or("", |i| i.name.as_str());
        if let Some(reason) = self.inputs.get(index).and_then(|i| i.skip.as_deref()) {
            return Document::unreadable(name, reason).parsed;
        }
        if let Some(text) = self.payloads.get(index).and_then(JsValue::as_string) {
            return filing_core::parse(&Input::from_text(text));
        }
        match bytes {
            Some(Ok(bytes)) => filing_core::parse_bytes(&bytes).1,
            Some(Err(reason)) => Document::unreadable(name, &reason).parsed,
            None => Document::unreadable(name, "the input was neither a file nor text").parsed,
        }
    }

    fn keep(&mut self, input: u32, parsed: Parsed) {
        for filing in parsed.filings {
            let index = count_u32(self.filings.len());
            for (table, row, _) in rows_of(&filing) {
                if self.rows.len() < MAX_TABLE_ROWS {
                    self.rows.push((index, table, row));
                } else {
                    self.rows_left_out = self.rows_left_out.saturating_add(1);
                }
            }
            self.filings.push(filing);
            self.filing_inputs.push(input);
        }
    }

    fn subject(&self, (filing, table, row): (u32, Table, u32)) -> Option<Subject<'_>> {
        let input = self.filing_inputs.get(filing as usize)?;
        let filing = self.filings.get(filing as usize)?;
        Some(Subject {
            input: self.inputs.get(*input as usize).map_or("", |i| i.name.as_str()),
            filing,
            table,
            row: filing.table(table).get(row as usize)?,
        })
    }

    fn subjects(&self) -> impl Iterator<Item = (u32, Subject<'_>)> {
        self.rows.iter().enumerate().filter_map(|(id, &r)| Some((count_u32(id), self.subject(r)?)))
    }

    fn finish(&mut self) {
        self.running = false;
        let names = |i: u32| {
            let input = self.filing_inputs.get(i as usize).copied().unwrap_or(0);
            self.inputs.get(input as usize).map_or_else(|| format!("filing {}", i + 1), |s| s.name.clone())
        };
        let start = now();
        let summaries = summarize(&analysis::batch(&self.filings), names);
        self.timings.totals_ms = now() - start;
        let reply =
            Reply::Finished { job: self.job, cancelled: self.cancelled, summaries, timings: self.timings };
        post(&reply, None, None);
        if self.query.is_some() {
            self.send_order();
        }
        if std::mem::take(&mut self.save_due) {
            self.save();
        }
    }

    /// Keep the inputs as the last session.
    fn save(&self) {
        let names: Vec<String> = self.inputs.iter().map(|i| i.name.clone()).collect();
        let kinds: Vec<String> = self.inputs.iter().map(|i| i.kind.clone()).collect();
        let size = |p: &JsValue| match p.dyn_ref::<web_sys::Blob>() {
            Some(blob) => blob.size(),
            None => p.as_string().map_or(0.0, |text| text.len() as f64),
        };
        let sizes: Vec<f64> = self.payloads.iter().map(size).collect();
        let contents = self.payloads.clone();
        let job = self.job;
        wasm_bindgen_futures::spawn_local(async move {
            let error = crate::state::session::save(&names, &kinds, &sizes, &contents).await.err();
            post(&Reply::Saved { job, error }, None, None);
        });
    }

    fn send_order(&mut self) {
        let Some((seq, query)) = &self.query else { return };
        let ids = order(query, self.subjects());
        let array = Uint32Array::from(&ids[..]);
        let reply = Reply::Order { job: self.job, seq: *seq, total: count_u32(self.rows.len()) };
        post(&reply, Some(&array), Some(&array.buffer()));
        self.order_sent = (now(), self.rows.len());
    }

    fn export(&self, kind: ExportKind, query: &Query) {
        let ids = order(query, self.subjects());
        let shown = || ids.iter().filter_map(|&id| self.subject(*self.rows.get(id as usize)?));
        let text = |format: Format| {
            let body = JsValue::from(export::combined(shown(), format));
            (export::file_name(format), format.media_type(), body)
        };
        let (name, media_type, data) = match kind {
            ExportKind::Tsv => text(Format::Tsv),
            ExportKind::Csv => text(Format::Csv),
            ExportKind::Json => text(Format::Json),
            ExportKind::Sec => {
                // Every filing when nothing is filtered out, else those with a row shown.
                let mut wanted = vec![!query.filters(); self.filings.len()];
                for &id in &ids {
                    if let Some(slot) = self.rows.get(id as usize).and_then(|r| wanted.get_mut(r.0 as usize))
                    {
                        *slot = true;
                    }
                }
                let filings =
                    self.filings.iter().zip(&self.filing_inputs).zip(wanted).filter(|(_, w)| *w).map(
                        |((filing, &input), _)| {
                            (self.inputs.get(input as usize).map_or("", |i| i.name.as_str()), filing)
                        },
                    );
                match export::sec_zip(filings) {
                    Ok(bytes) => (
                        export::SEC_ZIP_NAME.to_owned(),
                        "application/zip",
                        Uint8Array::from(&bytes[..]).into(),
                    ),
                    Err(_) => {
                        let message =
                            "the SEC tables of this batch are over 4 GiB: filter the table first".to_owned();
                        return post(&Reply::Failed { message }, None, None);
                    }
                }
            }
        };
        post(&Reply::Exported { job: self.job, name, media_type: media_type.to_owned() }, Some(&data), None);
    }
}

/// A file's bytes arrived (for batch `job`): parse on if they were awaited.
fn arrived(job: u32, index: usize, read: Read) {
    let resume = STORE.with_borrow_mut(|store| {
        if store.job != job {
            return false;
        }
        if store.reads.arrived(index, read) {
            // The reader stopped: the files it did not hand over are read here.
            store.read_ahead();
            return false;
        }
        match store.waiting {
            Some(since) if index == store.next => {
                store.timings.read_ms += now() - since;
                store.waiting = None;
                true
            }
            _ => false,
        }
    });
    if resume {
        tick();
    }
}
