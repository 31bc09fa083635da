//! Effects, event handlers and the changing parts of views, boxed: each
//! `Effect::new`, `on:click` or changing markup, text or view with a closure
//! of its own type is another copy of Leptos's effect, listener or render
//! code (a few hundred bytes of wasm each); boxed, they all share one.

use leptos::ev::MouseEvent;
use leptos::prelude::{AnyView, Effect, Get, IntoAny, Memo};
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

/// A string that changes, boxed: markup (`inner_html=string(move || …)`, its
/// most common use), a text child (`{string(move || …)}`), an attribute's or
/// a style's value (`style:height=string(…)`). Each use shares one copy of
/// Leptos's render effect instead of one per closure.
pub fn string(body: impl FnMut() -> String + Send + 'static) -> Box<dyn FnMut() -> String + Send> {
    Box::new(body)
}

/// Fixed markup while `when` holds, none otherwise
/// (`inner_html=markup_when(move || …, || NOTE.to_owned())`): one boxed
/// closure for every such note instead of a copy each.
pub fn markup_when(
    when: impl Fn() -> bool + Send + Sync + 'static,
    markup: fn() -> String,
) -> Box<dyn FnMut() -> String + Send> {
    markup_when_boxed(Box::new(when), markup)
}

/// [`markup_when`] for a boxed condition: one copy for every use.
fn markup_when_boxed(
    when: Box<dyn Fn() -> bool + Send + Sync>,
    markup: fn() -> String,
) -> Box<dyn FnMut() -> String + Send> {
    string(move || if when() { markup() } else { String::new() })
}

/// A condition that changes, boxed (`class:shown=flag(move || …)`),
/// for the same reason.
pub fn flag(body: impl Fn() -> bool + Send + Sync + 'static) -> Box<dyn Fn() -> bool + Send + Sync> {
    Box::new(body)
}

/// A part of a view that changes, boxed (`{view(move || … .into_any())}`),
/// for the same reason: one copy of Leptos's render effect for them all.
pub fn view(body: impl FnMut() -> AnyView + Send + 'static) -> Box<dyn FnMut() -> AnyView + Send> {
    Box::new(body)
}

/// A part of a view shown while `when` holds, as `<Show>` does, but through
/// [`view`]'s one render effect (each `<Show>` was another copy of Leptos's
/// children code, about 2 kB of wasm). `when` is memoised, so the part is
/// built again only when it flips, not whenever a signal `when` reads
/// changes. That holds for signals `part` reads inside the components it
/// builds (each tracks its own); a signal `part` reads itself, outside any
/// component, builds the whole part again whenever it changes.
pub fn shown(
    when: impl Fn() -> bool + Send + Sync + 'static,
    part: impl Fn() -> AnyView + Send + 'static,
) -> Box<dyn FnMut() -> AnyView + Send> {
    shown_boxed(Box::new(when), Box::new(part))
}

/// [`shown`] for boxed closures: one copy for every use.
fn shown_boxed(
    when: Box<dyn Fn() -> bool + Send + Sync>,
    part: Box<dyn Fn() -> AnyView + Send>,
) -> Box<dyn FnMut() -> AnyView + Send> {
    let when = Memo::new(move |_| when());
    view(move || if when.get() { part() } else { ().into_any() })
}
