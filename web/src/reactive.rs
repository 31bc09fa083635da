//! Effects and event handlers, boxed: each `Effect::new` or `on:click` with
//! a closure of its own type is another copy of Leptos's effect or listener
//! code (a few hundred bytes of wasm each); boxed, they all share one.

use leptos::ev::MouseEvent;
use leptos::prelude::Effect;
use web_sys::Event;

/// Run `body` now, and again whenever a signal it read changes, until the
/// component that called this goes (as `Effect::new(move |_| body())`).
pub fn effect(body: impl FnMut() + 'static) {
    let mut body: Box<dyn FnMut()> = Box::new(body);
    Effect::new(move |_| body());
}

/// A click handler, boxed (`on:click=click(move |event| …)`): every click
/// handler of the page then shares one copy of Leptos's listener code.
pub fn click(handler: impl FnMut(MouseEvent) + 'static) -> Box<dyn FnMut(MouseEvent)> {
    Box::new(handler)
}

/// A handler of an event given as a plain `Event` (`input`, `change`),
/// boxed (`on:input=boxed(…)`), for the same reason. (One generic function
/// for both would leave the closures' event type to infer, which the
/// `view!` macro's attributes do not let the compiler do.)
pub fn boxed(handler: impl FnMut(Event) + 'static) -> Box<dyn FnMut(Event)> {
    Box::new(handler)
}
