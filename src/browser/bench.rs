//! Benchmark hooks for `./build.sh bench` (tests/bench/): the content script's own highlighting
//! path (text flow → matcher → ranges → CSS highlights) exposed to a benchmark page, so Hat Tip's
//! wasm and wasm2js builds can be timed side by side with mark.js and a RegExp peer. Inert in the
//! extension: nothing calls it there.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::highlight::Highlighter;
use super::walk::TextFlow;
use crate::analyze::{analyze_post, Post};
use crate::matcher::Matcher;
use crate::profile::Profile;

#[wasm_bindgen]
pub struct Bench {
    profile: Profile,
    matcher: Matcher,
    highlighter: Highlighter,
    slice_count: u32,
    parse_ms: f64,
    compile_ms: f64,
}

#[wasm_bindgen]
impl Bench {
    /// Compiles a profile (JSON text) as the content script does.
    #[wasm_bindgen(constructor)]
    pub fn new(profile_json: &str) -> Result<Bench, JsError> {
        let t0 = super::ext::now();
        let profile = Profile::from_json(profile_json).map_err(|e| JsError::new(&e.to_string()))?;
        let t1 = super::ext::now();
        let matcher = Matcher::new(&profile);
        let t2 = super::ext::now();
        Ok(Bench { profile, matcher, highlighter: Highlighter::new(), slice_count: 0, parse_ms: t1 - t0, compile_ms: t2 - t1 })
    }

    /// Time `new` spent parsing and validating the profile JSON.
    #[wasm_bindgen(getter)]
    pub fn parse_ms(&self) -> f64 {
        self.parse_ms
    }

    /// Time `new` spent compiling the matcher.
    #[wasm_bindgen(getter)]
    pub fn compile_ms(&self) -> f64 {
        self.compile_ms
    }

    /// Highlights every mention in the elements matching `posts` under `root`; returns the
    /// number of ranges registered.
    pub fn highlight(&mut self, root: &Element, posts: &str) -> Result<u32, JsError> {
        self.highlight_slice(root, posts, 0, f64::INFINITY)?;
        Ok(self.slice_count)
    }

    /// Like the content script: posts from index `from` on until `budget_ms` has passed; returns
    /// the index to continue from (the number of posts when done). `slice_count` holds the
    /// number of ranges this slice registered.
    pub fn highlight_slice(&mut self, root: &Element, posts: &str, from: u32, budget_ms: f64) -> Result<u32, JsError> {
        let deadline = super::ext::now() + budget_ms;
        let doc = gloo::utils::document();
        let list = root.query_selector_all(posts).map_err(|_| JsError::new("bad selector"))?;
        self.slice_count = 0;
        for i in from..list.length() {
            if super::ext::now() > deadline {
                return Ok(i);
            }
            let Some(post) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let flow = TextFlow::collect(&post, "");
            for m in self.matcher.find(&flow.text) {
                if let Some(range) = flow.range(&doc, m.start, m.end) {
                    self.highlighter.add(&range, m.fuzzy);
                    self.slice_count += 1;
                }
            }
        }
        Ok(list.length())
    }

    #[wasm_bindgen(getter)]
    pub fn slice_count(&self) -> u32 {
        self.slice_count
    }

    pub fn clear(&self) {
        self.highlighter.clear();
    }

    /// The whole analysis of one post (mentions, language, sentiment, intent, reply), as the
    /// content script runs it; returns the number of mentions.
    pub fn analyze(&self, text: &str) -> u32 {
        analyze_post(&Post { text, ..Default::default() }, &self.profile, &self.matcher).mentions.len() as u32
    }

    /// Matcher alone over a string (throughput).
    pub fn count(&self, text: &str) -> u32 {
        self.matcher.find(text).len() as u32
    }
}

/// Bytes of linear memory this instance holds (it only grows).
#[wasm_bindgen]
pub fn heap_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
