//! Paints mentions with the CSS Custom Highlight API: ranges go into one registered
//! `Highlight`, styled by `content.css` (`::highlight(...)`). The site's DOM is never mutated.
//! The manifest's minimum browser versions (Chrome 121, Firefox 140) all have the API; where it
//! is missing anyway, nothing is painted and the buttons still work.

use js_sys::Reflect;
use wasm_bindgen::JsValue;
use web_sys::{AbstractRange, Highlight, Range};

/// Registry name: neutral on purpose, since the page can list the registry.
pub const HIGHLIGHT_NAME: &str = "h7t-m";

pub struct Highlighter {
    highlight: Option<Highlight>,
}

fn api_available() -> bool {
    let css = Reflect::get(&js_sys::global(), &"CSS".into()).unwrap_or(JsValue::UNDEFINED);
    css.is_object() && Reflect::get(&css, &"highlights".into()).is_ok_and(|h| h.is_object())
}

impl Highlighter {
    pub fn new() -> Highlighter {
        if !api_available() {
            gloo::console::warn!("Hat Tip: CSS Custom Highlight API missing; mentions are not painted");
            return Highlighter { highlight: None };
        }
        let highlight = Highlight::new(&[]).ok();
        if let Some(h) = &highlight {
            web_sys::css::JsNamespaceCss::highlights().set(HIGHLIGHT_NAME, h);
        }
        Highlighter { highlight }
    }

    pub fn add(&self, range: &Range) {
        if let Some(h) = &self.highlight {
            h.add(range.as_ref() as &AbstractRange);
        }
    }

    pub fn remove(&self, range: &Range) {
        if let Some(h) = &self.highlight {
            h.delete(range.as_ref() as &AbstractRange);
        }
    }

    pub fn clear(&self) {
        if let Some(h) = &self.highlight {
            h.clear();
        }
    }
}
