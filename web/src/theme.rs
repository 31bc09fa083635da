//! Light and dark themes. By default the page follows the operating
//! system (`prefers-color-scheme`, in CSS); the user can choose light or
//! dark instead, and the choice is remembered in `localStorage`.
//!
//! The choice is the `data-theme` attribute of `<html>`; a small script in
//! `index.html` sets it before the first paint, so a chosen theme does not
//! flash the other one while the wasm loads.

use leptos::prelude::*;

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

/// Auto / Light / Dark.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let theme = RwSignal::new(load());
    let buttons = Theme::ALL
        .into_iter()
        .map(|choice| {
            view! {
                <button
                    type="button"
                    data-test=format!("theme-{}", choice.label().to_lowercase())
                    aria-pressed=move || (theme.get() == choice).to_string()
                    on:click=move |_| {
                        theme.set(choice);
                        apply(choice);
                    }
                >
                    {choice.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="theme-switch" role="group" aria-label="Colour theme" data-test="theme-switch">
            {buttons}
        </div>
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
