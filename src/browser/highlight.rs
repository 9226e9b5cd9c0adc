//! Paints mentions with the CSS Custom Highlight API: ranges go into one registered
//! `Highlight`, styled by `content.css` (`::highlight(...)`). The site's DOM is never mutated.
//! The manifest's minimum browser versions (Chrome 121, Firefox 140) all have the API; where it
//! is missing anyway, nothing is painted and the buttons still work.

use js_sys::Reflect;
use wasm_bindgen::JsValue;
use web_sys::{AbstractRange, Highlight, Range};

/// Registry names: neutral on purpose, since the page can list the registry. The second one
/// paints likely misspellings (styled differently in content.css).
pub const HIGHLIGHT_NAME: &str = "h7t-m";
pub const FUZZY_HIGHLIGHT_NAME: &str = "h7t-f";

pub struct Highlighter {
    highlight: Option<Highlight>,
    fuzzy: Option<Highlight>,
}

fn api_available() -> bool {
    let css = Reflect::get(&js_sys::global(), &"CSS".into()).unwrap_or(JsValue::UNDEFINED);
    css.is_object() && Reflect::get(&css, &"highlights".into()).is_ok_and(|h| h.is_object())
}

impl Highlighter {
    pub fn new() -> Highlighter {
        if !api_available() {
            gloo::console::warn!("Hat Tip: CSS Custom Highlight API missing; mentions are not painted");
            return Highlighter { highlight: None, fuzzy: None };
        }
        let register = |name: &str| {
            let h = Highlight::new(&[]).ok()?;
            web_sys::css::JsNamespaceCss::highlights().set(name, &h);
            Some(h)
        };
        Highlighter { highlight: register(HIGHLIGHT_NAME), fuzzy: register(FUZZY_HIGHLIGHT_NAME) }
    }

    fn target(&self, fuzzy: bool) -> Option<&Highlight> {
        if fuzzy { self.fuzzy.as_ref() } else { self.highlight.as_ref() }
    }

    pub fn add(&self, range: &Range, fuzzy: bool) {
        if let Some(h) = self.target(fuzzy) {
            h.add(range.as_ref() as &AbstractRange);
        }
    }

    /// Removes a range from whichever highlight holds it.
    pub fn remove(&self, range: &Range) {
        for h in [&self.highlight, &self.fuzzy].into_iter().flatten() {
            h.delete(range.as_ref() as &AbstractRange);
        }
    }

    pub fn clear(&self) {
        for h in [&self.highlight, &self.fuzzy].into_iter().flatten() {
            h.clear();
        }
    }
}
