//! Collects the visible text of a post as one flow string with a map back to its text nodes,
//! so a mention found by the engine becomes a DOM `Range` even when it spans inline elements
//! (`North<b>wind</b>`). Block boundaries become a line break in the flow, so no match crosses
//! them. Hidden subtrees, form fields, editors, scripts and nested posts are never read.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, Range, Text};

#[wasm_bindgen]
extern "C" {
    /// An element seen only through `Element.matches` taking a JS string made once: web-sys's
    /// `&str` version re-encodes the selector on every call, which dominated the page walk.
    type Matchable;
    #[wasm_bindgen(method, js_name = matches)]
    fn matches_selector(this: &Matchable, selector: &JsValue) -> bool;
}

thread_local! {
    static SKIPPED_JS: JsValue = JsValue::from_str(SKIPPED);
    static BLOCKS_JS: JsValue = JsValue::from_str(BLOCKS);
    static IMG_JS: JsValue = JsValue::from_str("img");
}

fn matches_cached(el: &Element, selector: &'static std::thread::LocalKey<JsValue>) -> bool {
    selector.with(|s| el.unchecked_ref::<Matchable>().matches_selector(s))
}

/// A piece of the flow: a text node, or text that no node holds (an emoji image's alt text).
struct Segment {
    node: Option<Text>,
    start: u32,
    len: u32,
}

pub struct TextFlow {
    pub text: String,
    segments: Vec<Segment>,
    len16: u32,
}

/// Subtrees that are never page text a person reads: code, form fields, embedded content,
/// hidden or `aria-hidden` content, and anyone's editor. One `matches()` call per element keeps
/// the walk cheap (no strings cross the wasm boundary).
const SKIPPED: &str = "script,style,noscript,template,textarea,input,select,option,button,iframe,object,\
canvas,video,audio,svg,head,title,[hidden],[aria-hidden=\"true\"],\
[contenteditable]:not([contenteditable=\"false\"]),[style*=\"display: none\"],[style*=\"display:none\"],\
[style*=\"visibility: hidden\"],[style*=\"visibility:hidden\"]";

/// Elements that end a line of text: no match crosses them.
const BLOCKS: &str = "address,article,aside,blockquote,br,dd,div,dl,dt,fieldset,figcaption,figure,footer,\
form,h1,h2,h3,h4,h5,h6,header,hr,li,main,nav,ol,p,pre,section,table,td,th,tr,ul";

/// Whether an element's subtree is never read: not visible, not page text, or someone's editor.
pub fn is_skipped(el: &Element) -> bool {
    matches_cached(el, &SKIPPED_JS)
}

impl TextFlow {
    /// Reads `root`'s visible text. `nested_post` marks descendants that are posts of their
    /// own (read separately).
    pub fn collect(root: &Element, nested_post: &str) -> TextFlow {
        let mut flow = TextFlow { text: String::new(), segments: Vec::new(), len16: 0 };
        flow.walk(root.as_ref(), nested_post);
        flow
    }

    fn push(&mut self, s: &str, node: Option<Text>) {
        let len = s.encode_utf16().count() as u32;
        if len == 0 {
            return;
        }
        self.segments.push(Segment { node, start: self.len16, len });
        self.text.push_str(s);
        self.len16 += len;
    }

    fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.push("\n", None);
        }
    }

    fn walk(&mut self, node: &Node, nested_post: &str) {
        let mut child = node.first_child();
        while let Some(n) = child {
            match n.node_type() {
                Node::TEXT_NODE => {
                    let t: Text = n.clone().unchecked_into();
                    let data = t.data();
                    self.push(&data, Some(t));
                }
                Node::ELEMENT_NODE => {
                    let el: &Element = n.unchecked_ref();
                    let nested = !nested_post.is_empty() && el.matches(nested_post).unwrap_or(false);
                    if !nested && !is_skipped(el) {
                        if matches_cached(el, &IMG_JS) {
                            // X draws emoji as <img alt="😍">: part of what the post says.
                            if let Some(alt) = el.get_attribute("alt") {
                                self.push(&alt, None);
                            }
                        } else {
                            let block = matches_cached(el, &BLOCKS_JS);
                            if block {
                                self.line_break();
                            }
                            self.walk(&n, nested_post);
                            if block {
                                self.line_break();
                            }
                        }
                    }
                }
                _ => {}
            }
            child = n.next_sibling();
        }
    }

    /// The text node and offset for a flow offset. Starts snap forward and ends snap backward
    /// past text that no node holds.
    fn locate(&self, offset: u32, is_end: bool) -> Option<(Text, u32)> {
        // Segments are ordered and disjoint: binary search, then step over node-less ones.
        let seg = if is_end {
            let upto = self.segments.partition_point(|s| s.start < offset);
            self.segments[..upto].iter().rev().find(|s| s.node.is_some())?
        } else {
            let from = self.segments.partition_point(|s| s.start + s.len <= offset);
            self.segments[from..].iter().find(|s| s.node.is_some())?
        };
        let local = offset.clamp(seg.start, seg.start + seg.len) - seg.start;
        Some((seg.node.clone()?, local))
    }

    /// A live DOM range over flow offsets `[start, end)` (UTF-16 units).
    pub fn range(&self, doc: &Document, start: u32, end: u32) -> Option<Range> {
        let (start_node, start_off) = self.locate(start, false)?;
        let (end_node, end_off) = self.locate(end, true)?;
        let range = doc.create_range().ok()?;
        range.set_start(&start_node, start_off).ok()?;
        range.set_end(&end_node, end_off).ok()?;
        (!range.collapsed()).then_some(range)
    }
}
