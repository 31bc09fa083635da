//! The page's side of the parsing worker: start it, send it requests, pass
//! its replies on, and notice when it dies.
//!
//! The worker is `worker.js` (copied beside `index.html`, so it works under
//! any sub-path), a module worker that imports the page's own JS glue and
//! instantiates the page's own compiled `WebAssembly.Module`, which the page
//! sends it: the wasm is downloaded and compiled once. The saved single-file
//! page names the glue and the worker script by `blob:` URLs instead
//! (`globalThis.__filingInspectorGlue`, `__filingInspectorWorker`).
//!
//! Requests sent before the worker says it is ready wait in a queue. When the
//! worker fails (an uncaught error, a crash of the wasm), it is terminated
//! and `on_crash` is told; the next request starts a fresh one.
//!
//! Where no worker starts at all (a saved copy of the page opened from disk,
//! where browsers refuse workers and modules; a browser or policy that
//! refuses module workers), the worker's code runs on the page instead
//! ([`crate::worker::run_on_page`]), over a `MessageChannel`, in the same
//! short slices, and `on_page` is told why.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageChannel, MessageEvent, MessagePort, Worker, WorkerOptions, WorkerType};

use crate::worker_protocol::{Reply, Request};

type OnReply = Rc<dyn Fn(Reply, JsValue)>;
type OnCrash = Rc<dyn Fn(String)>;
type OnPage = Rc<dyn Fn(String)>;

/// A handle on the worker (cheap to clone).
#[derive(Clone)]
pub struct WorkerClient {
    inner: Rc<RefCell<Inner>>,
}

/// Where requests go: a worker, or the worker's code on the page.
enum Endpoint {
    Worker(Worker),
    Page(MessagePort),
}

impl Endpoint {
    fn post(&self, message: &JsValue) {
        let _ = match self {
            Endpoint::Worker(worker) => worker.post_message(message),
            Endpoint::Page(port) => port.post_message(message),
        };
    }
}

struct Inner {
    worker: Option<Endpoint>,
    ready: bool,
    /// Whether the worker's code runs on the page (no worker could start).
    on_page: bool,
    /// Whether the current worker ever said it was ready.
    started: bool,
    queue: Vec<Object>,
    on_reply: OnReply,
    on_crash: OnCrash,
    on_page_reason: OnPage,
    /// The event handlers of the current worker.
    handlers: Vec<Closure<dyn FnMut(web_sys::Event)>>,
    /// Those of a terminated one.
    retired: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

impl WorkerClient {
    /// A client that calls `on_reply` with each reply (and its `data`),
    /// `on_crash` with the error when the worker dies, and `on_page` with the
    /// reason when no worker could start and parsing runs on the page.
    pub fn new(
        on_reply: impl Fn(Reply, JsValue) + 'static,
        on_crash: impl Fn(String) + 'static,
        on_page: impl Fn(String) + 'static,
    ) -> WorkerClient {
        WorkerClient {
            inner: Rc::new(RefCell::new(Inner {
                worker: None,
                ready: false,
                on_page: false,
                started: false,
                queue: Vec::new(),
                on_reply: Rc::new(on_reply),
                on_crash: Rc::new(on_crash),
                on_page_reason: Rc::new(on_page),
                handlers: Vec::new(),
                retired: Vec::new(),
            })),
        }
    }

    /// Send `request`, with `data` beside it (see [`crate::worker_protocol`]).
    pub fn send(&self, request: &Request, data: Option<&Array>) {
        let message = Object::new();
        let _ = Reflect::set(&message, &"wire".into(), &crate::wire::encode(request).into());
        if let Some(data) = data {
            let _ = Reflect::set(&message, &"data".into(), data);
        }
        if self.inner.borrow().worker.is_none()
            && let Err(error) = self.spawn()
        {
            self.inner.borrow_mut().queue.push(message);
            self.run_on_page(error);
            return;
        }
        let mut inner = self.inner.borrow_mut();
        match (&inner.worker, inner.ready) {
            (Some(worker), true) => worker.post(&message),
            _ => inner.queue.push(message),
        }
    }

    /// No worker could start (`why`): run the worker's code on the page, once,
    /// and send it the requests waiting.
    fn run_on_page(&self, why: String) {
        let on_page = {
            let mut inner = self.inner.borrow_mut();
            if inner.on_page {
                return;
            }
            inner.on_page = true;
            inner.on_page_reason.clone()
        };
        let channel = match MessageChannel::new() {
            Ok(channel) => channel,
            Err(error) => {
                let on_crash = self.inner.borrow().on_crash.clone();
                return on_crash(format!("{why}; nor can the page parse by itself: {error:?}"));
            }
        };
        let on_message = self.on_message();
        channel.port1().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        crate::worker::run_on_page(channel.port2());
        {
            let mut inner = self.inner.borrow_mut();
            inner.worker = Some(Endpoint::Page(channel.port1()));
            inner.ready = false; // until the code on the page says Ready
            inner.handlers = vec![on_message];
        }
        on_page(why);
    }

    /// The handler of the replies (from a worker, or the code on the page).
    fn on_message(&self) -> Closure<dyn FnMut(web_sys::Event)> {
        let weak = Rc::downgrade(&self.inner);
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(inner) = weak.upgrade() else { return };
            let Some(event) = event.dyn_ref::<MessageEvent>() else { return };
            let data = event.data();
            let wire =
                Reflect::get(&data, &"wire".into()).ok().and_then(|w| w.as_string()).unwrap_or_default();
            let Some(reply) = crate::wire::decode::<Reply>(&wire) else { return };
            let payload = Reflect::get(&data, &"data".into()).unwrap_or(JsValue::UNDEFINED);
            if reply == Reply::Ready {
                let mut inner = inner.borrow_mut();
                inner.ready = true;
                inner.started = true;
                let queue = std::mem::take(&mut inner.queue);
                if let Some(worker) = &inner.worker {
                    for message in queue {
                        worker.post(&message);
                    }
                }
                return;
            }
            let on_reply = inner.borrow().on_reply.clone();
            on_reply(reply, payload);
        })
    }

    /// Stop the worker now (a new one starts with the next request); the
    /// code on the page, once there, stays.
    pub fn terminate(&self) {
        let mut inner = self.inner.borrow_mut();
        if inner.on_page {
            return;
        }
        if let Some(Endpoint::Worker(worker)) = inner.worker.take() {
            worker.terminate();
        }
        inner.ready = false;
        inner.queue.clear();
        // Dropped at the next start, not now: one of them may be running.
        let handlers = std::mem::take(&mut inner.handlers);
        inner.retired.extend(handlers);
    }

    fn spawn(&self) -> Result<(), String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker =
            Worker::new_with_options(&worker_url()?, &options).map_err(|e| crate::files::describe(&e))?;
        let on_message = self.on_message();
        let weak = Rc::downgrade(&self.inner);
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(inner) = weak.upgrade() else { return };
            event.prevent_default();
            let client = WorkerClient { inner };
            let started = client.inner.borrow().started;
            let message = event.dyn_ref::<ErrorEvent>().map(|e| e.message()).filter(|m| !m.is_empty());
            let message = message.unwrap_or_else(|| {
                if started { "the parsing worker stopped" } else { "its script or module did not load" }
                    .to_owned()
            });
            // The requests not yet sent (the whole batch, when it never started).
            let queue = std::mem::take(&mut client.inner.borrow_mut().queue);
            client.terminate();
            if started {
                let on_crash = client.inner.borrow().on_crash.clone();
                on_crash(message);
            } else {
                // It never started (its script or module refused): parse on the page.
                client.inner.borrow_mut().queue = queue;
                client.run_on_page(format!("the parsing worker could not start ({message})"));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        // Hand the worker the page's glue and compiled module; it then starts the wasm.
        let start = Object::new();
        let _ = Reflect::set(&start, &"glue".into(), &glue_url()?.into());
        let _ = Reflect::set(&start, &"module".into(), &wasm_bindgen::module());
        if let Ok(reader) = reader_url() {
            let _ = Reflect::set(&start, &"reader".into(), &reader.into());
        }
        worker.post_message(&start).map_err(|e| format!("{e:?}"))?;
        let mut inner = self.inner.borrow_mut();
        inner.worker = Some(Endpoint::Worker(worker));
        inner.ready = false;
        inner.started = false;
        inner.handlers = vec![on_message, on_error];
        inner.retired.clear();
        Ok(())
    }
}

/// A string the single-file page sets on `globalThis`.
fn global_string(name: &str) -> Option<String> {
    Reflect::get(&js_sys::global(), &name.into()).ok().and_then(|v| v.as_string())
}

/// The worker script: `worker.js` beside the page, or the saved page's `blob:` URL.
fn worker_url() -> Result<String, String> {
    if let Some(url) = global_string("__filingInspectorWorker") {
        return Ok(url);
    }
    let document = leptos::prelude::document();
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base("worker.js", &base).map(|u| u.href()).map_err(|e| format!("{e:?}"))
}

/// The file reader's script, `reader.js` beside the page (the saved page has
/// none: its worker then reads the files itself).
fn reader_url() -> Result<String, String> {
    if global_string("__filingInspectorWorker").is_some() {
        return Err("a saved page has no reader script".to_owned());
    }
    let document = leptos::prelude::document();
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base("reader.js", &base).map(|u| u.href()).map_err(|e| format!("{e:?}"))
}

/// The page's JS glue, which Trunk preloads: the worker imports the same file.
fn glue_url() -> Result<String, String> {
    if let Some(url) = global_string("__filingInspectorGlue") {
        return Ok(url);
    }
    leptos::prelude::document()
        .query_selector("link[rel=modulepreload]")
        .ok()
        .flatten()
        .and_then(|link| Reflect::get(&link, &"href".into()).ok())
        .and_then(|href| href.as_string())
        .ok_or_else(|| "the page's script is not named in the page (no modulepreload link)".to_owned())
}
