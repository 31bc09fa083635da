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
//! Messages are described in [`crate::worker_protocol`].

use std::cell::RefCell;

use filing_core::analysis;
use filing_core::export::table::Format;
use filing_core::model::{Filing, Table};
use filing_core::{Input, Parsed};
use js_sys::{Array, Object, Reflect, Uint8Array, Uint32Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync, MessageChannel, MessageEvent, MessagePort};

use crate::batch::query::{Query, Subject, order};
use crate::batch::rows::{FilingInfo, InputStatus, RowView, count_u32, rows_of};
use crate::batch::summary::summarize;
use crate::batch::{MAX_TABLE_ROWS, export};
use crate::document::Document;
use crate::worker_protocol::{ExportKind, InputSpec, Reply, Request};

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
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Send `reply` to the page, with `data` beside it (and `transfer`red).
fn post(reply: &Reply, data: Option<&JsValue>, transfer: Option<&JsValue>) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let message = Object::new();
    let json = serde_json::to_string(reply).unwrap_or_default();
    let _ = Reflect::set(&message, &"json".into(), &json.into());
    if let Some(data) = data {
        let _ = Reflect::set(&message, &"data".into(), data);
    }
    let sent = match transfer {
        Some(buffer) => scope.post_message_with_transfer(&message, &Array::of1(buffer)),
        None => scope.post_message(&message),
    };
    if let Err(error) = sent {
        web_sys::console::error_2(&"filing-inspector worker: could not post".into(), &error);
    }
}

fn handle(data: &JsValue) {
    let json = Reflect::get(data, &"json".into()).ok().and_then(|j| j.as_string()).unwrap_or_default();
    let request = match serde_json::from_str::<Request>(&json) {
        Ok(request) => request,
        Err(error) => {
            return post(&Reply::Failed { message: format!("unreadable request: {error}") }, None, None);
        }
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
                true
            }
            Request::Cancel { job } if job == self.job => {
                self.cancelled = true;
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
            _ => false, // about an older batch
        }
    }

    /// Parse inputs for about [`SLICE_MS`] and report; whether to go on.
    fn slice(&mut self) -> bool {
        if !self.running {
            return false;
        }
        let start = now();
        let (filings_before, rows_before) = (self.filings.len(), self.rows.len());
        let mut statuses = Vec::new();
        while !self.cancelled && self.next < self.inputs.len() {
            let index = count_u32(self.next);
            self.next += 1;
            if self.careful_from.is_some_and(|from| index >= from) {
                post(&Reply::Started { job: self.job, input: index }, None, None);
            }
            let parsed = self.parse(index as usize);
            statuses.push(InputStatus::of(index, &parsed));
            self.keep(index, parsed);
            if now() - start > SLICE_MS {
                break;
            }
        }
        let filings = self.filings[filings_before..]
            .iter()
            .zip(&self.filing_inputs[filings_before..])
            .map(|(filing, &input)| FilingInfo::of(input, filing))
            .collect();
        let rows = self.rows[rows_before..].iter().filter_map(|&r| self.row_view(r)).collect();
        let chunk = Reply::Chunk {
            job: self.job,
            done: count_u32(self.next),
            statuses,
            filings,
            rows,
            rows_left_out: self.rows_left_out,
        };
        post(&chunk, None, None);
        let done = self.cancelled || self.next >= self.inputs.len();
        if done {
            self.finish();
        } else if self.query.is_some() && now() - self.order_sent.0 > ORDER_EVERY_MS {
            self.send_order();
        }
        !done
    }

    fn parse(&self, index: usize) -> Parsed {
        let name = self.inputs.get(index).map_or("", |i| i.name.as_str());
        if let Some(reason) = self.inputs.get(index).and_then(|i| i.skip.as_deref()) {
            return Document::unreadable(name, reason).parsed;
        }
        let payload = self.payloads.get(index).cloned().unwrap_or(JsValue::UNDEFINED);
        if let Some(text) = payload.as_string() {
            return filing_core::parse(&Input::from_text(text));
        }
        match read(&payload) {
            Ok(bytes) => filing_core::parse_bytes(&bytes).1,
            Err(reason) => Document::unreadable(name, &reason).parsed,
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

    fn row_view(&self, r: (u32, Table, u32)) -> Option<RowView> {
        let s = self.subject(r)?;
        Some(RowView::of(r.0, s.table, s.row))
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
        let summaries = summarize(&analysis::batch(&self.filings), names);
        post(&Reply::Finished { job: self.job, cancelled: self.cancelled, summaries }, None, None);
        if self.query.is_some() {
            self.send_order();
        }
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

/// The bytes of a `File` (or any `Blob`).
fn read(payload: &JsValue) -> Result<Vec<u8>, String> {
    let blob = payload.dyn_ref::<Blob>().ok_or_else(|| "the input was neither a file nor text".to_owned())?;
    let reader = FileReaderSync::new().map_err(|e| crate::files::describe(&e))?;
    let buffer = reader.read_as_array_buffer(blob).map_err(|e| crate::files::describe(&e))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
