//! Hat Tip's only UI in the page: one extension-owned element appended to `<html>` (outside
//! anything a site's framework renders) with an open shadow root that holds one button per post
//! with a mention and the reply card (`role="dialog"`). Page text only ever enters it through
//! `textContent`/`value`, never as HTML. Clicks are delegated to the content script by
//! `data-action` attributes, so no per-button closures are kept alive.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlTextAreaElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

const STYLE: &str = r#"
:host { all: initial; }
.layer { position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
.hat { position: absolute; display: inline-flex; align-items: center; gap: 4px; height: 26px;
  padding: 0 8px; border-radius: 13px; border: 1px solid #d4a72c; background: #fff8c5;
  color: #3d2e00; font: inherit; font-weight: 600; cursor: pointer; white-space: nowrap;
  box-shadow: 0 1px 3px rgba(0,0,0,.15); }
.hat:hover, .hat:focus-visible { background: #ffe58a; outline: 2px solid #9a6700; outline-offset: 1px; }
.card { position: absolute; width: 340px; max-width: calc(100vw - 24px); box-sizing: border-box;
  background: #fff; border: 1px solid #d0d7de; border-radius: 10px; padding: 12px 14px;
  box-shadow: 0 8px 24px rgba(140,149,159,.35); }
.card h2 { margin: 0 28px 8px 0; font-size: 14px; }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 8px; }
.card dt { color: #57606a; } .card dd { margin: 0; font-weight: 600; }
.card textarea { width: 100%; box-sizing: border-box; min-height: 84px; font: inherit;
  border: 1px solid #d0d7de; border-radius: 6px; padding: 6px; resize: vertical; }
.card .alts { margin: 6px 0 0; padding: 0; list-style: none; display: grid; gap: 4px; }
.card .alts button { text-align: left; width: 100%; font: inherit; font-size: 12px;
  background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 6px; cursor: pointer; }
.card .alts .move { display: block; font-weight: 600; font-size: 11px; color: #5b4b8a; }
.card .row { display: flex; gap: 8px; margin-top: 10px; }
.card .row button { font: inherit; font-weight: 600; padding: 5px 12px; border-radius: 6px;
  border: 1px solid #1f883d; cursor: pointer; }
.card .primary { background: #1f883d; color: #fff; } .card .secondary { background: #f6f8fa; color: #1f2328; border-color: #d0d7de; }
.card .close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px; cursor: pointer; }
.card .guidance { background: #fff1f0; border: 1px solid #ffb3ab; border-radius: 6px; padding: 6px 8px; }
.card .status { min-height: 1.4em; margin: 8px 0 0; color: #0550ae; }
.card .label { color: #57606a; font-size: 12px; margin: 8px 0 4px; }
.card .why { margin: 0 0 8px; } .card .why mark { background: #fff8c5; border-radius: 3px; padding: 0 3px; }
"#;

/// What the card shows for one post.
pub struct CardView<'a> {
    pub brand: &'a str,
    pub matched: Vec<String>,
    pub language: &'a str,
    pub sentiment: String,
    pub intent: &'a str,
    pub act: &'a str,
    pub reply: &'a str,
    pub alternatives: &'a [String],
    /// What the reply and each alternative do, as the user reads it ("Ask what they liked").
    pub moves: Vec<&'static str>,
    /// The language the reply is written in.
    pub reply_language: &'a str,
    pub guidance: Option<&'a str>,
    /// The words that decided intent and sentiment.
    pub reasons: &'a [String],
}

pub struct Overlay {
    doc: Document,
    host: HtmlElement,
    root: ShadowRoot,
    layer: HtmlElement,
    card: Option<HtmlElement>,
    /// The post whose card is open and the button that opened it (focus returns there).
    pub open_post: Option<u32>,
}

fn el(doc: &Document, tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let e: HtmlElement = doc.create_element(tag)?.unchecked_into();
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

fn text_el(doc: &Document, tag: &str, class: &str, text: &str) -> Result<HtmlElement, JsValue> {
    let e = el(doc, tag, class)?;
    e.set_text_content(Some(text));
    Ok(e)
}

fn page_offset() -> (f64, f64) {
    web_sys::window().map_or((0.0, 0.0), |w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)))
}

impl Overlay {
    pub fn new(doc: &Document, engine: &str, site: &str) -> Result<Overlay, JsValue> {
        let host: HtmlElement = doc.create_element("hattip-overlay")?.unchecked_into();
        host.set_attribute("data-engine", engine)?;
        host.set_attribute("data-site", site)?;
        host.style().set_property("position", "absolute")?;
        host.style().set_property("top", "0")?;
        host.style().set_property("left", "0")?;
        host.style().set_property("z-index", "2147483647")?;
        let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
        let style = doc.create_element("style")?;
        style.set_text_content(Some(STYLE));
        root.append_child(&style)?;
        let layer = el(doc, "div", "layer")?;
        root.append_child(&layer)?;
        doc.document_element().ok_or("no <html>")?.append_child(&host)?;
        Ok(Overlay { doc: doc.clone(), host, root, layer, card: None, open_post: None })
    }

    /// Where delegated click and key listeners go.
    pub fn events_target(&self) -> &ShadowRoot {
        &self.root
    }

    pub fn set_ready(&self, posts_with_mentions: usize) {
        let _ = self.host.set_attribute("data-ready", &posts_with_mentions.to_string());
    }

    /// The button for one post with mentions; `label` is its accessible name.
    pub fn add_button(&self, post_id: u32, brand: &str, label: &str) -> Result<HtmlElement, JsValue> {
        let b = text_el(&self.doc, "button", "hat", &format!("🎩 {brand}"))?;
        b.set_attribute("type", "button")?;
        b.set_attribute("data-action", "open")?;
        b.set_attribute("data-post", &post_id.to_string())?;
        b.set_attribute("aria-label", label)?;
        b.set_attribute("aria-haspopup", "dialog")?;
        self.layer.append_child(&b)?;
        Ok(b)
    }

    /// Puts `button` at the top-right corner of `anchor` (document coordinates).
    pub fn place(&self, button: &HtmlElement, anchor: &Element) {
        let rect = anchor.get_bounding_client_rect();
        let (sx, sy) = page_offset();
        let width = f64::from(button.offset_width().max(90));
        let left = (rect.right() + sx - width).max(sx + 4.0);
        let top = (rect.top() + sy - 30.0).max(0.0);
        let style = button.style();
        let _ = style.set_property("left", &format!("{left:.0}px"));
        let _ = style.set_property("top", &format!("{top:.0}px"));
        let hidden = rect.width() == 0.0 && rect.height() == 0.0;
        let _ = style.set_property("display", if hidden { "none" } else { "inline-flex" });
    }

    pub fn open_card(&mut self, post_id: u32, button: &HtmlElement, view: &CardView<'_>) -> Result<(), JsValue> {
        self.close_card();
        let d = &self.doc;
        let card = el(d, "div", "card")?;
        card.set_attribute("role", "dialog")?;
        card.set_attribute("aria-label", &format!("Hat Tip: reply to a mention of {}", view.brand))?;
        card.set_attribute("data-post", &post_id.to_string())?;
        let close = text_el(d, "button", "close", "×")?;
        close.set_attribute("aria-label", "Close")?;
        close.set_attribute("data-action", "close")?;
        card.append_child(&close)?;
        { let child = text_el(d, "h2", "", &format!("Mention of {}", view.brand))?; card.append_child(&child)?; }
        let dl = el(d, "dl", "")?;
        for (term, value, field) in [
            ("Brand", view.brand, "brand"),
            ("Matched", &view.matched.join(", ") as &str, "matched"),
            ("Language", view.language, "language"),
            ("Sentiment", &view.sentiment as &str, "sentiment"),
            ("Intent", view.intent, "intent"),
            ("Reply act", view.act, "act"),
        ] {
            { let child = text_el(d, "dt", "", term)?; dl.append_child(&child)?; }
            let dd = text_el(d, "dd", "", value)?;
            dd.set_attribute("data-field", field)?;
            dl.append_child(&dd)?;
        }
        card.append_child(&dl)?;
        if !view.reasons.is_empty() {
            let why = el(d, "p", "why")?;
            why.set_attribute("data-field", "reasons")?;
            { let child = text_el(d, "span", "label", "Why: ")?; why.append_child(&child)?; }
            for reason in view.reasons {
                let mark = text_el(d, "mark", "", reason)?;
                why.append_child(&mark)?;
                why.append_child(&d.create_text_node(" "))?;
            }
            card.append_child(&why)?;
        }
        if let Some(guidance) = view.guidance {
            let g = text_el(d, "p", "guidance", guidance)?;
            g.set_attribute("data-field", "guidance")?;
            card.append_child(&g)?;
        } else {
            let first_move = view.moves.first().copied().unwrap_or("Suggested reply");
            let label = text_el(d, "p", "label", &format!("{first_move}, in {}: edit before inserting", view.reply_language))?;
            label.set_attribute("data-field", "reply-label")?;
            card.append_child(&label)?;
            let ta: HtmlTextAreaElement = d.create_element("textarea")?.unchecked_into();
            ta.set_value(view.reply);
            ta.set_attribute("data-field", "reply")?;
            ta.set_attribute("aria-label", "Suggested reply")?;
            card.append_child(&ta)?;
            if !view.alternatives.is_empty() {
                { let child = text_el(d, "p", "label", "Other ways to answer")?; card.append_child(&child)?; }
                let list = el(d, "ul", "alts")?;
                for (i, alt) in view.alternatives.iter().enumerate() {
                    let li = el(d, "li", "")?;
                    let b = el(d, "button", "")?;
                    if let Some(what) = view.moves.get(i + 1) {
                        let tag = text_el(d, "span", "move", what)?;
                        b.append_child(&tag)?;
                    }
                    b.append_child(&d.create_text_node(alt))?;
                    b.set_attribute("type", "button")?;
                    b.set_attribute("data-action", "use-alt")?;
                    b.set_attribute("data-alt", &i.to_string())?;
                    li.append_child(&b)?;
                    list.append_child(&li)?;
                }
                card.append_child(&list)?;
            }
            let row = el(d, "div", "row")?;
            for (label, action, class) in [("Insert", "insert", "primary"), ("Copy", "copy", "secondary")] {
                let b = text_el(d, "button", class, label)?;
                b.set_attribute("type", "button")?;
                b.set_attribute("data-action", action)?;
                row.append_child(&b)?;
            }
            card.append_child(&row)?;
        }
        let status = el(d, "p", "status")?;
        status.set_attribute("role", "status")?;
        status.set_attribute("data-field", "status")?;
        card.append_child(&status)?;

        let (left, top) = {
            let style = button.style();
            let px = |v: String| v.trim_end_matches("px").parse::<f64>().unwrap_or(0.0);
            (px(style.get_property_value("left")?), px(style.get_property_value("top")?))
        };
        let (sx, _) = page_offset();
        let viewport = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(1024.0);
        let card_left = (left + f64::from(button.offset_width()) - 340.0).clamp(sx + 8.0, (sx + viewport - 350.0).max(sx + 8.0));
        card.style().set_property("left", &format!("{card_left:.0}px"))?;
        card.style().set_property("top", &format!("{:.0}px", top + 32.0))?;
        self.layer.append_child(&card)?;
        let focus: Option<HtmlElement> = card.query_selector("textarea, .close")?.map(JsCast::unchecked_into);
        if let Some(f) = focus {
            let _ = f.focus();
        }
        self.card = Some(card);
        self.open_post = Some(post_id);
        Ok(())
    }

    pub fn close_card(&mut self) {
        if let Some(card) = self.card.take() {
            card.remove();
        }
        self.open_post = None;
    }

    pub fn reply_text(&self) -> String {
        self.card
            .as_ref()
            .and_then(|c| c.query_selector("textarea").ok().flatten())
            .map(|t| t.unchecked_into::<HtmlTextAreaElement>().value())
            .unwrap_or_default()
    }

    pub fn set_reply_text(&self, text: &str) {
        if let Some(t) = self.card.as_ref().and_then(|c| c.query_selector("textarea").ok().flatten()) {
            t.unchecked_into::<HtmlTextAreaElement>().set_value(text);
        }
    }

    pub fn set_status(&self, message: &str) {
        if let Some(s) = self.card.as_ref().and_then(|c| c.query_selector("[data-field=status]").ok().flatten()) {
            s.set_text_content(Some(message));
        }
    }
}
