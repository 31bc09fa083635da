//! Light and dark themes. By default the page follows the operating
//! system (`prefers-color-scheme`, in CSS); the user can choose light or
//! dark instead, and the choice is remembered in `localStorage`.
//!
//! The choice is the `data-theme` attribute of `<html>`; a small script in
//! `index.html` sets it before the first paint, so a chosen theme does not
//! flash the other one while the wasm loads.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::html::{Html, event_attribute};

/// The `localStorage` key (index.html reads the same one).
const STORAGE_KEY: &str = "filing-inspector.theme";

/// The user's theme preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow the operating system.
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    fn stored(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    fn label(self) -> &'static str {
        match self {
            Theme::System => "Auto",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    fn parse(value: Option<&str>) -> Theme {
        match value {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be refused (private modes, blocked cookies): then the choice lasts the visit.
    window().local_storage().ok().flatten()
}

/// The remembered preference.
fn load() -> Theme {
    Theme::parse(storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).as_deref())
}

/// Remember `theme` and apply it to the page.
fn apply(theme: Theme) {
    let root = document().document_element();
    match theme.stored() {
        Some(value) => {
            if let Some(root) = root {
                let _ = root.set_attribute("data-theme", value);
            }
            if let Some(storage) = storage() {
                let _ = storage.set_item(STORAGE_KEY, value);
            }
        }
        None => {
            if let Some(root) = root {
                let _ = root.remove_attribute("data-theme");
            }
            if let Some(storage) = storage() {
                let _ = storage.remove_item(STORAGE_KEY);
            }
        }
    }
}

/// The hook of a choice's button, `theme-dark`.
fn hook(choice: Theme) -> String {
    format!("theme-{}", choice.label().to_ascii_lowercase())
}

/// Auto / Light / Dark: markup, whose buttons say which is chosen.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let current = load();
    let mut buttons = Html::new();
    for choice in Theme::ALL {
        let pressed = if choice == current { "true" } else { "false" };
        buttons.leaf(
            "button",
            &[("type", "button"), ("data-test", &hook(choice)), ("aria-pressed", pressed)],
            choice.label(),
        );
    }
    let chosen = move |event: leptos::ev::MouseEvent| {
        let Some(test) = event_attribute(&event, "data-test") else { return };
        let Some(choice) = Theme::ALL.into_iter().find(|&c| hook(c) == test) else { return };
        apply(choice);
        let Some(group) = event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        let buttons = group.children();
        for button in (0..buttons.length()).filter_map(|i| buttons.item(i)) {
            let pressed = button.get_attribute("data-test").as_deref() == Some(test.as_str());
            let _ = button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
        }
    };
    view! {
        <div
            class="theme-switch"
            role="group"
            aria-label="Colour theme"
            data-test="theme-switch"
            inner_html=buttons.finish()
            on:click=crate::reactive::click(chosen)
        ></div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_value_round_trips_and_anything_else_follows_the_system() {
        for theme in Theme::ALL {
            assert_eq!(Theme::parse(theme.stored()), theme);
        }
        assert_eq!(Theme::parse(Some("sepia")), Theme::System);
    }
}
