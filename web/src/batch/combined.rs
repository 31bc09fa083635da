//! The page's side of a batch: the inputs the user gave (kept, so that a
//! crashed worker never loses them), what the worker has reported so far
//! (statuses, filings, display rows, totals), the query, and the selection.
//!
//! Large data (rows, filings) lives in a [`StoredValue`], not in signals:
//! [`Combined::version`] changes whenever it does, and views read it to
//! re-render. The detailed single-filing views ([`Document`]s) are parsed
//! here, on the page, one input at a time: every input of a small batch, or
//! the selected input of a large one, and never an input over
//! [`DETAIL_LIMIT_BYTES`].

use std::sync::Arc;
use std::time::Duration;

use js_sys::{Array, Uint32Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::File;

use super::query::Query;
use super::rows::{FilingInfo, InputStatus, Outcome, RowView, count_u32};
use super::summary::Summaries;
use super::{DETAIL_ALL_MAX_BYTES, DETAIL_ALL_MAX_INPUTS, DETAIL_LIMIT_BYTES, MAX_BATCH_BYTES};
use crate::document::Document;
use crate::worker_client::WorkerClient;
use crate::worker_protocol::Timings;
use crate::worker_protocol::{ExportKind, InputSpec, Reply, Request};

/// The name of pasted text.
pub const PASTED: &str = "pasted text";

/// Where an input came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// A file opened or dropped.
    File,
    /// Text pasted or typed.
    Paste,
    /// One of the page's samples.
    Sample,
}

impl SourceKind {
    /// The word shown in the input list.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::File => "file",
            SourceKind::Paste => "paste",
            SourceKind::Sample => "sample",
        }
    }
}

/// The contents of an input.
#[derive(Clone, Debug)]
pub enum Content {
    /// A file (a handle: its bytes are read by the worker).
    File(File),
    /// Text.
    Text(String),
}

/// One input, as the user gave it.
#[derive(Clone, Debug)]
pub struct Source {
    /// The file name, "pasted text" or the sample's name.
    pub name: String,
    /// Where it came from.
    pub kind: SourceKind,
    /// What it holds.
    pub content: Content,
}

impl Source {
    /// A file the user opened or dropped.
    pub fn file(file: File) -> Source {
        Source { name: file.name(), kind: SourceKind::File, content: Content::File(file) }
    }

    /// Text the user pasted or typed ([`PASTED`]), or a sample of the page (by its name).
    pub fn text(name: &str, text: String) -> Source {
        let kind = if name == PASTED { SourceKind::Paste } else { SourceKind::Sample };
        Source { name: name.to_owned(), kind, content: Content::Text(text) }
    }

    /// Its size in bytes.
    pub fn bytes(&self) -> u64 {
        match &self.content {
            Content::File(file) => file.size() as u64,
            Content::Text(text) => text.len() as u64,
        }
    }

    fn payload(&self) -> JsValue {
        match &self.content {
            Content::File(file) => file.clone().into(),
            Content::Text(text) => JsValue::from_str(text),
        }
    }

    /// Read and parse it here, on the page, for its detailed view.
    async fn document(&self) -> Document {
        match &self.content {
            Content::Text(text) => Document::from_text(&self.name, text.clone()),
            Content::File(file) => match crate::files::read_all(vec![file.clone()]).await.pop() {
                Some(document) => document,
                None => Document::unreadable(&self.name, "the browser gave no contents"),
            },
        }
    }
}

/// An input as the input list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputEntry {
    /// Its name.
    pub name: String,
    /// Where it came from.
    pub kind: SourceKind,
    /// Its size in bytes.
    pub bytes: u64,
    /// What the worker read, once it has.
    pub status: Option<InputStatus>,
    /// Left unparsed by a cancel.
    pub cancelled: bool,
}

impl InputEntry {
    /// Pending, parsed, parsed with warnings, failed or cancelled.
    pub fn outcome(&self) -> Outcome {
        match &self.status {
            Some(status) => status.outcome(),
            None if self.cancelled => Outcome::Cancelled,
            None => Outcome::Pending,
        }
    }
}

/// What the worker has sent of the batch. Rows are kept as the lines the
/// worker wrote and read when shown (see [`RowView::write`]).
#[derive(Debug, Default)]
pub struct Data {
    /// Every filing, in input order.
    pub filings: Vec<FilingInfo>,
    /// The rows' lines, as they came, chunk by chunk.
    chunks: Vec<String>,
    /// Where each row's line is: (chunk, start, end); a row's id is its index here.
    lines: Vec<(u32, u32, u32)>,
    /// The ids of the rows the query shows, in its order; `None`: all, as they came.
    pub order: Option<Vec<u32>>,
    /// Rows not in the table: the batch has more than [`super::MAX_TABLE_ROWS`].
    pub rows_left_out: u32,
}

impl Data {
    /// Rows received.
    pub fn rows(&self) -> usize {
        self.lines.len()
    }

    /// How many rows the query shows.
    pub fn shown(&self) -> usize {
        self.order.as_ref().map_or(self.lines.len(), Vec::len)
    }

    fn line(&self, id: u32) -> Option<&str> {
        let &(chunk, start, end) = self.lines.get(id as usize)?;
        self.chunks.get(chunk as usize)?.get(start as usize..end as usize)
    }

    /// The id of the `i`-th row shown.
    pub fn shown_id(&self, i: usize) -> Option<u32> {
        match &self.order {
            Some(order) => order.get(i).copied(),
            None => (i < self.lines.len()).then(|| count_u32(i)),
        }
    }

    /// The `i`-th row shown: its id and view.
    pub fn shown_row(&self, i: usize) -> Option<(u32, RowView)> {
        let id = self.shown_id(i)?;
        Some((id, RowView::read(self.line(id)?)?))
    }

    /// The filing of the `i`-th row shown.
    pub fn shown_filing(&self, i: usize) -> Option<u32> {
        RowView::filing_of(self.line(self.shown_id(i)?)?)
    }

    /// Add the lines of a chunk: its filings and rows.
    fn append(&mut self, filings: &str, rows: String) {
        self.filings.extend(filings.lines().filter_map(FilingInfo::read));
        let chunk = count_u32(self.chunks.len());
        let mut start = 0;
        for line in rows.split_inclusive('\n') {
            let end = start + line.trim_end_matches('\n').len();
            self.lines.push((chunk, count_u32(start), count_u32(end)));
            start += line.len();
        }
        self.chunks.push(rows);
    }
}

/// Where the batch stands.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    /// Inputs parsed.
    pub done: u32,
    /// Inputs in the batch.
    pub total: u32,
    /// Whether the worker is still at it (parsing or totalling).
    pub running: bool,
    /// Whether the user cancelled it.
    pub cancelled: bool,
    /// When it started (`performance.now()`, ms).
    pub started: f64,
    /// Milliseconds until every row had arrived.
    pub rows_ms: Option<f64>,
    /// Milliseconds until the totals had arrived.
    pub totals_ms: Option<f64>,
    /// Where the worker's time went.
    pub worker: Timings,
}

/// Bookkeeping of the current run.
#[derive(Debug, Default)]
struct Run {
    job: u32,
    seq: u32,
    careful_from: Option<u32>,
    last_started: Option<u32>,
    crashes: u32,
    /// Why each input is skipped, if it is (too large, or it crashed a
    /// worker), by input.
    skipped: Vec<Option<String>>,
    /// Where the next export goes.
    export_to: Option<ExportTarget>,
    /// A query waiting to be sent (debounced).
    query_pending: bool,
    /// Statuses not yet shown (the page shows news a few times a second).
    statuses: Vec<InputStatus>,
    /// The codes of the batch, and the inputs done, not yet shown.
    codes: String,
    done: u32,
    /// Whether a [`Combined::flush`] is scheduled.
    flush_due: bool,
    /// Whether every input is shown in detail.
    small: bool,
    /// The input shown in detail (large batches).
    shown_input: Option<u32>,
}

/// Where an export goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportTarget {
    /// A file download.
    Download,
    /// The clipboard.
    Clipboard,
}

/// The batch on the page (cheap to copy).
#[derive(Clone, Copy)]
pub struct Combined {
    /// The inputs, in order, with their status.
    pub inputs: RwSignal<Vec<InputEntry>>,
    /// Filings and rows (see [`Combined::version`]).
    pub data: StoredValue<Data>,
    /// Changes whenever the rows shown may change (a new batch, a new order);
    /// not when rows are appended.
    pub version: RwSignal<u64>,
    /// Rows received so far.
    pub received: RwSignal<usize>,
    /// The transaction codes in the batch, as letters.
    pub codes: RwSignal<String>,
    /// Where parsing stands.
    pub progress: RwSignal<Progress>,
    /// The totals by owner and issuer, once computed.
    pub summaries: RwSignal<Option<Summaries>>,
    /// The filters and sort of the table.
    pub query: RwSignal<Query>,
    /// The filing selected (its index in the batch).
    pub selected: RwSignal<Option<u32>>,
    /// Something the user should know (a crash, an export that failed).
    pub notice: RwSignal<Option<String>>,
    /// Why an input has no detailed view (too large).
    pub detail_note: RwSignal<Option<String>>,
    /// The detailed views shown below (the inspector's documents).
    pub documents: RwSignal<Vec<Arc<Document>>>,
    /// Counts the batches given (a new batch, a restored session, a shared link).
    pub generation: RwSignal<u32>,
    /// Why parsing runs on the page, when no worker could start.
    pub on_page: RwSignal<Option<String>>,
    sources: StoredValue<Vec<Source>, LocalStorage>,
    client: StoredValue<Option<WorkerClient>, LocalStorage>,
    run: StoredValue<Run>,
}

fn now() -> f64 {
    window().performance().map_or_else(js_sys::Date::now, |p| p.now())
}

impl Combined {
    /// An empty batch whose detailed views go to `documents`.
    pub fn new(documents: RwSignal<Vec<Arc<Document>>>) -> Combined {
        let combined = Combined {
            inputs: RwSignal::new(Vec::new()),
            data: StoredValue::new(Data::default()),
            version: RwSignal::new(0),
            received: RwSignal::new(0),
            codes: RwSignal::new(String::new()),
            progress: RwSignal::new(Progress::default()),
            summaries: RwSignal::new(None),
            query: RwSignal::new(Query::default()),
            selected: RwSignal::new(None),
            notice: RwSignal::new(None),
            detail_note: RwSignal::new(None),
            documents,
            generation: RwSignal::new(0),
            on_page: RwSignal::new(None),
            sources: StoredValue::new_local(Vec::new()),
            client: StoredValue::new_local(None),
            run: StoredValue::new(Run::default()),
        };
        let client = WorkerClient::new(
            move |reply, data| combined.take(reply, data),
            // Restart outside the worker's error handler.
            move |error| set_timeout(move || combined.crashed(error), Duration::ZERO),
            move |why| combined.on_page.set(Some(why)),
        );
        combined.client.set_value(Some(client));
        combined.watch_query();
        combined.watch_selection();
        combined
    }

    /// The inputs as given (for saving the session).
    pub fn sources(&self) -> Vec<Source> {
        self.sources.get_value()
    }

    /// Whether the batch is small enough to show every input in detail.
    pub fn small(&self) -> bool {
        self.run.with_value(|run| run.small)
    }

    /// Replace the batch with `sources` and start parsing them.
    pub fn give(self, sources: Vec<Source>) {
        let entries = sources
            .iter()
            .map(|s| InputEntry {
                name: s.name.clone(),
                kind: s.kind,
                bytes: s.bytes(),
                status: None,
                cancelled: false,
            })
            .collect();
        let mut total = 0u64;
        let skipped = sources
            .iter()
            .map(|s| {
                total = total.saturating_add(s.bytes());
                let limit = filing_core::source::MAX_INPUT_BYTES as u64;
                if s.bytes() > limit {
                    Some(format!(
                        "left out: it is {}, over the {} the parser reads in one input",
                        super::megabytes(s.bytes()),
                        super::megabytes(limit)
                    ))
                } else if total > MAX_BATCH_BYTES {
                    Some(format!(
                        "left out: the batch is over {}, the most this page parses at once",
                        super::megabytes(MAX_BATCH_BYTES)
                    ))
                } else {
                    None
                }
            })
            .collect();
        let small = sources.len() <= DETAIL_ALL_MAX_INPUTS && total <= DETAIL_ALL_MAX_BYTES;
        self.sources.set_value(sources);
        self.run.update_value(|run| {
            *run = Run { job: run.job + 1, seq: run.seq, skipped, small, ..Run::default() };
        });
        self.inputs.set(entries);
        self.notice.set(None);
        self.selected.set(None);
        self.start();
        self.show_details();
        self.generation.update(|g| *g += 1);
    }

    /// Send the whole batch to the worker (again, after a crash).
    fn start(self) {
        let (job, careful_from, skipped) =
            self.run.with_value(|run| (run.job, run.careful_from, run.skipped.clone()));
        let (specs, payloads): (Vec<InputSpec>, Array) = self.sources.with_value(|sources| {
            let specs = sources
                .iter()
                .enumerate()
                .map(|(i, s)| InputSpec {
                    name: s.name.clone(),
                    kind: s.kind.as_str().to_owned(),
                    skip: skipped.get(i).cloned().flatten(),
                })
                .collect();
            (specs, sources.iter().map(Source::payload).collect())
        });
        let total = count_u32(specs.len());
        self.data.set_value(Data::default());
        self.version.update(|v| *v += 1);
        self.received.set(0);
        self.codes.set(String::new());
        self.run.update_value(|run| run.statuses.clear());
        self.summaries.set(None);
        self.inputs.update(|entries| {
            for entry in entries.iter_mut() {
                entry.status = None;
                entry.cancelled = false;
            }
        });
        self.progress.set(Progress { total, running: true, started: now(), ..Progress::default() });
        // Handed over in a task of its own: listing 10,000 new inputs (the
        // effects of the signals above) and handing them to the worker each
        // take tens of milliseconds, and the page should not freeze for both.
        set_timeout(
            move || {
                if self.run.with_value(|run| run.job) != job {
                    return; // a newer batch was given meanwhile
                }
                self.send(&Request::Parse { job, inputs: specs, careful_from }, Some(&payloads));
                if !self.query.with_untracked(Query::is_identity) {
                    self.send_query();
                }
            },
            Duration::ZERO,
        );
    }

    fn send(self, request: &Request, data: Option<&Array>) {
        self.client.with_value(|client| {
            if let Some(client) = client {
                client.send(request, data);
            }
        });
    }

    /// Stop parsing: what was parsed stays, the rest is listed as cancelled.
    pub fn cancel(self) {
        if !self.progress.get_untracked().running {
            return;
        }
        self.progress.update(|p| p.cancelled = true);
        let job = self.run.with_value(|run| run.job);
        self.send(&Request::Cancel { job }, None);
    }

    /// Keep the inputs as the last session (the worker writes them, once
    /// parsed: copying thousands of files into IndexedDB blocks the thread
    /// that does it for a second or more).
    pub fn save_session(self) {
        let job = self.run.with_value(|run| run.job);
        self.send(&Request::Save { job }, None);
    }

    /// Export the rows shown to a download or the clipboard.
    pub fn export(self, kind: ExportKind, to: ExportTarget) {
        let job = self.run.with_value(|run| run.job);
        self.run.update_value(|run| run.export_to = Some(to));
        self.send(&Request::Export { job, kind, query: self.query.get_untracked() }, None);
    }

    /// A reply from the worker.
    fn take(self, reply: Reply, data: JsValue) {
        let current = self.run.with_value(|run| run.job);
        match reply {
            Reply::Chunk { job, done, statuses, codes, rows_left_out } if job == current => {
                let data = data.dyn_into::<Array>().unwrap_or_default();
                let (filings, rows) = (data.get(0).as_string(), data.get(1).as_string());
                self.data.update_value(|d| {
                    d.append(filings.as_deref().unwrap_or_default(), rows.unwrap_or_default());
                    d.rows_left_out = rows_left_out;
                });
                let scheduled = self
                    .run
                    .try_update_value(|run| {
                        let scheduled = run.flush_due;
                        run.statuses.extend(statuses);
                        run.codes = codes;
                        run.done = done;
                        run.flush_due = true;
                        scheduled
                    })
                    .unwrap_or(true);
                // The page shows what arrived a few times a second, and at the end.
                if done >= self.progress.with_untracked(|p| p.total) {
                    self.flush();
                } else if !scheduled {
                    set_timeout(move || self.flush(), SHOW_EVERY);
                }
            }
            Reply::Finished { job, cancelled, summaries, timings } if job == current => {
                self.flush();
                self.summaries.set(Some(summaries));
                self.progress.update(|p| {
                    p.running = false;
                    let elapsed = now() - p.started;
                    p.rows_ms.get_or_insert(elapsed); // cancelled: the rows read until then
                    p.totals_ms = Some(elapsed);
                    p.worker = timings;
                });
                if cancelled {
                    self.inputs.update(|entries| {
                        for entry in entries.iter_mut().filter(|e| e.status.is_none()) {
                            entry.cancelled = true;
                        }
                    });
                }
            }
            Reply::Order { job, seq, total: _ }
                if job == current
                    && seq == self.run.with_value(|run| run.seq)
                    && !self.query.with_untracked(Query::is_identity) =>
            {
                let ids = data.dyn_into::<Uint32Array>().map(|a| a.to_vec()).unwrap_or_default();
                self.data.update_value(|d| d.order = Some(ids));
                self.version.update(|v| *v += 1);
            }
            Reply::Started { job, input } if job == current => {
                self.run.update_value(|run| run.last_started = Some(input));
            }
            Reply::Exported { job, name, media_type } if job == current => {
                let to = self.run.try_update_value(|run| run.export_to.take()).flatten();
                if let Err(message) =
                    super::deliver::deliver(&name, &media_type, &data, to.unwrap_or(ExportTarget::Download))
                {
                    self.notice.set(Some(message));
                }
            }
            Reply::Saved { job, error: Some(error) } if job == current => {
                self.notice.set(Some(format!("This session could not be saved: {error}.")));
            }
            Reply::Failed { message } => self.notice.set(Some(message)),
            _ => {} // an older batch's, or Ready (the client's)
        }
    }

    /// Show what arrived since the last time: statuses, rows, codes, progress.
    fn flush(self) {
        let Some((statuses, codes, done)) = self.run.try_update_value(|run| {
            run.flush_due = false;
            (std::mem::take(&mut run.statuses), std::mem::take(&mut run.codes), run.done)
        }) else {
            return;
        };
        if !statuses.is_empty() {
            self.inputs.update(|entries| {
                for status in statuses {
                    if let Some(entry) = entries.get_mut(status.input as usize) {
                        entry.status = Some(status);
                    }
                }
            });
        }
        // Appended rows change the rows shown only while the table is not full.
        let received = self.data.with_value(Data::rows);
        if self.received.get_untracked() != received {
            self.received.set(received);
        }
        if !codes.is_empty() && self.codes.with_untracked(|c| *c != codes) {
            self.codes.set(codes);
        }
        self.progress.update(|p| {
            if done > p.done {
                p.done = done;
                if done >= p.total {
                    p.rows_ms = Some(now() - p.started);
                }
            }
        });
        // The selected filing (from a link) may have just arrived.
        if !self.small() && self.detail_input() != self.run.with_value(|run| run.shown_input) {
            self.show_details();
        }
    }

    /// The worker died: start a new one on the same inputs, leaving out the
    /// input it died on once that is known.
    fn crashed(self, error: String) {
        let crashes = self.run.try_update_value(|run| {
            run.crashes += 1;
            if run.careful_from.is_some()
                && let Some(input) = run.last_started.take()
            {
                let reason = format!("the parser stopped on this input ({error}); it was left out");
                if let Some(skip) = run.skipped.get_mut(input as usize) {
                    *skip = Some(reason);
                }
            }
            run.careful_from = Some(self.progress.get_untracked().done);
            run.job += 1;
            run.crashes
        });
        if crashes.unwrap_or(u32::MAX) > MAX_RESTARTS {
            self.progress.update(|p| p.running = false);
            self.notice.set(Some(format!(
                "The parser stopped {MAX_RESTARTS} times ({error}). Your inputs are kept: give them again to retry."
            )));
            return;
        }
        self.notice.set(Some(format!(
            "The parser stopped unexpectedly ({error}); it was restarted, and your inputs are kept."
        )));
        self.start();
    }

    fn watch_query(self) {
        Effect::new(move |previous: Option<Query>| {
            let query = self.query.get();
            if previous.as_ref() == Some(&query) {
                return query;
            }
            if query.is_identity() {
                self.run.update_value(|run| run.seq += 1);
                self.data.update_value(|d| d.order = None);
                self.version.update(|v| *v += 1);
            } else if !self.run.with_value(|run| run.query_pending) {
                // Typing sends one query per pause, not one per key.
                self.run.update_value(|run| run.query_pending = true);
                set_timeout(
                    move || {
                        self.run.update_value(|run| run.query_pending = false);
                        self.send_query();
                    },
                    Duration::from_millis(QUERY_DEBOUNCE_MS),
                );
            }
            query
        });
    }

    fn send_query(self) {
        let query = self.query.get_untracked();
        if query.is_identity() {
            return;
        }
        let (job, seq) = self
            .run
            .try_update_value(|run| {
                run.seq += 1;
                (run.job, run.seq)
            })
            .unwrap_or_default();
        self.send(&Request::Query { job, seq, query }, None);
    }

    fn watch_selection(self) {
        crate::reactive::effect(move || {
            self.selected.track();
            if !self.small() {
                self.show_details();
            }
        });
    }

    /// The input a filing was read from.
    pub fn input_of(&self, filing: u32) -> Option<u32> {
        self.data.with_value(|d| d.filings.get(filing as usize).map(|f| f.input))
    }

    /// The input a large batch shows in detail: the selected filing's, or
    /// the only input (one too large to show is then named in the note).
    fn detail_input(&self) -> Option<u32> {
        let selected = self.selected.get_untracked().and_then(|f| self.input_of(f));
        selected.or_else(|| self.sources.with_value(|s| s.len() == 1).then_some(0))
    }

    /// Parse, here, the inputs to show in detail: all of a small batch, else
    /// the selected filing's input.
    fn show_details(self) {
        let wanted: Vec<Source> = if self.small() {
            self.sources.get_value()
        } else {
            let input = self.detail_input();
            self.run.update_value(|run| run.shown_input = input);
            self.sources.with_value(|s| input.and_then(|i| s.get(i as usize).cloned()).into_iter().collect())
        };
        let job = self.run.with_value(|run| run.job);
        let (large, wanted): (Vec<Source>, Vec<Source>) =
            wanted.into_iter().partition(|s| s.bytes() > DETAIL_LIMIT_BYTES);
        self.detail_note.set(large.first().map(|s| {
            format!(
                "{} is {}: too large to show in detail here without freezing the page (the limit is {}). \
                 Its rows are in the combined table, and its totals in the summaries.",
                s.name,
                super::megabytes(s.bytes()),
                super::megabytes(DETAIL_LIMIT_BYTES)
            )
        }));
        leptos::task::spawn_local(async move {
            let mut documents = Vec::with_capacity(wanted.len());
            for source in &wanted {
                documents.push(Arc::new(source.document().await));
            }
            if self.run.with_value(|run| run.job) == job {
                self.documents.set(documents);
            }
        });
    }
}

/// How often the page shows what arrived while a batch is read.
const SHOW_EVERY: Duration = Duration::from_millis(250);
/// How often a crashed worker is restarted for one batch.
const MAX_RESTARTS: u32 = 3;
/// How long the filters wait for the typing to pause.
const QUERY_DEBOUNCE_MS: u64 = 150;
