//! Collects the visible text of a post as one flow string with a map back to its text nodes,
//! so a mention found by the engine becomes a DOM `Range` even when it spans inline elements
//! (`North<b>wind</b>`). Block boundaries become a line break in the flow, so no match crosses
//! them. Hidden subtrees, form fields, editors, scripts and nested posts are never read.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, Node, Range, Text};

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

const SKIPPED_TAGS: &[&str] = &[
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "INPUT", "SELECT", "OPTION", "BUTTON",
    "IFRAME", "OBJECT", "CANVAS", "VIDEO", "AUDIO", "svg", "SVG", "HEAD", "TITLE",
];

const BLOCK_TAGS: &[&str] = &[
    "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT", "FIELDSET",
    "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR",
    "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TD", "TH", "TR", "UL",
];

/// Whether an element's subtree is never read: not visible, not page text, or someone's editor.
pub fn is_skipped(el: &Element) -> bool {
    let tag = el.tag_name();
    if SKIPPED_TAGS.contains(&tag.as_str()) {
        return true;
    }
    if el.get_attribute("aria-hidden").as_deref() == Some("true") || el.has_attribute("hidden") {
        return true;
    }
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        if h.is_content_editable() {
            return true;
        }
        let style = h.style();
        let display = style.get_property_value("display").unwrap_or_default();
        let visibility = style.get_property_value("visibility").unwrap_or_default();
        if display == "none" || visibility == "hidden" {
            return true;
        }
    }
    false
}

impl TextFlow {
    /// Reads `root`'s visible text. `nested_post` marks descendants that are posts of their
    /// own (read separately).
    pub fn collect(root: &Element, nested_post: &str) -> TextFlow {
        let mut flow = TextFlow { text: String::new(), segments: Vec::new(), len16: 0 };
        flow.walk(root.as_ref(), root, nested_post);
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

    fn walk(&mut self, node: &Node, root: &Element, nested_post: &str) {
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
                        let tag = el.tag_name();
                        if tag == "IMG" {
                            // X draws emoji as <img alt="😍">: part of what the post says.
                            if let Some(alt) = el.get_attribute("alt") {
                                self.push(&alt, None);
                            }
                        } else {
                            let block = BLOCK_TAGS.contains(&tag.as_str());
                            if block {
                                self.line_break();
                            }
                            self.walk(&n, root, nested_post);
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
        let with_node = self.segments.iter().filter(|s| s.node.is_some());
        let seg = if is_end {
            with_node.filter(|s| s.start < offset).last()?
        } else {
            with_node.into_iter().find(|s| s.start + s.len > offset)?
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
