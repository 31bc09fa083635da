//! Markup written as text. The read-only parts of the page — a filing's
//! cards, tables, footnotes, analysis and diagnostics, the batch tables'
//! rows — are one string of HTML each, set with `inner_html`: one DOM call
//! instead of a typed view per element, and a fraction of the code (every
//! distinct Leptos view is its own copy of the framework's generic code).
//! Their clicks and keys are handled by delegation (`crate::delegate`).
//!
//! Filing text is hostile, so [`push_escaped`] is the one way text gets in:
//! every text and attribute value goes through it, attribute values are
//! always double-quoted, and tag names, attribute names and raw markup are
//! `&'static str`s written in this crate.

/// A string of HTML being written.
#[derive(Default)]
pub struct Html(String);

impl Html {
    /// Nothing written yet.
    pub fn new() -> Html {
        Html(String::with_capacity(4096))
    }

    /// `<tag name="value"…>`, every value escaped; an attribute whose value is
    /// empty is left out.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            if !value.is_empty() {
                self.0.push(' ');
                self.0.push_str(name);
                self.0.push_str("=\"");
                push_escaped(&mut self.0, value);
                self.0.push('"');
            }
        }
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag …>text</tag>`.
    pub fn leaf(&mut self, tag: &'static str, attrs: &[(&'static str, &str)], text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// `text`, escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        push_escaped(&mut self.0, text);
        self
    }

    /// Markup of this crate's own, as it is.
    pub fn raw(&mut self, markup: &'static str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    /// The HTML written.
    pub fn finish(self) -> String {
        self.0
    }
}

/// The nearest element around (or at) `element` that matches `selector`.
pub fn closest(element: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    element.closest(selector).ok().flatten()
}

/// The element an event happened on.
pub fn event_element(event: &web_sys::Event) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    event.target()?.dyn_into::<web_sys::Element>().ok()
}

/// The `name` attribute of the element an event happened in, or of the
/// nearest element around it that has one: how a listener on markup finds
/// what was clicked.
pub fn event_attribute(event: &web_sys::Event, name: &str) -> Option<String> {
    closest(&event_element(event)?, &format!("[{name}]"))?.get_attribute(name)
}

/// Append `text` escaped for HTML text and for a double-quoted attribute.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_comes_out_inert() {
        let hostile = r#"</td><script>alert(1)</script>" onmouseover="alert('x')"#;
        let mut html = Html::new();
        html.leaf("td", &[("title", hostile), ("class", "")], hostile);
        assert_eq!(
            html.finish(),
            "<td title=\"&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(&#39;x&#39;)\">\
             &lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(&#39;x&#39;)</td>"
        );
    }

    #[test]
    fn empty_attributes_are_left_out() {
        let mut html = Html::new();
        html.open("p", &[("class", ""), ("data-test", "x")]).close("p");
        assert_eq!(html.finish(), "<p data-test=\"x\"></p>");
    }
}
