//! Puts a reply into the site's own reply box so that the editor's state (not just its DOM)
//! holds it, then checks that it did. The method depends on the editor and the browser
//! (measured in research/platform.md §C5): Draft.js on Chromium needs a synthetic paste while
//! empty (execCommand crashes React there), Firefox ignores synthetic paste data but handles
//! `execCommand('insertText')`, which Lexical and text fields accept everywhere. Never sends,
//! never retries blindly; on failure the reply goes to the clipboard and the user is told.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ClipboardEvent, ClipboardEventInit, DataTransfer, Document, Element, HtmlDocument, HtmlElement,
    HtmlInputElement, HtmlTextAreaElement, InputEvent, InputEventInit, Node,
};

use super::ext::{send_message, sleep, INSERT_IN_FRAME};
use super::sites::{EditorKind, Site};

/// How long to wait for a composer to appear after clicking the site's reply button.
const COMPOSER_WAIT_MS: i32 = 3000;

fn is_firefox() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|ua| ua.contains("Firefox/"))
}

fn query(root: &Element, selector: &str) -> Option<Element> {
    if selector.is_empty() {
        return None;
    }
    root.query_selector(selector).ok().flatten()
}

fn query_doc(doc: &Document, selector: &str) -> Option<Element> {
    if selector.is_empty() {
        return None;
    }
    doc.query_selector(selector).ok().flatten()
}

fn find_composer(doc: &Document, site: &Site, post: &Element) -> Option<Element> {
    query(post, site.composer_in_post).or_else(|| query_doc(doc, site.composer_in_page))
}

/// Which kind of editor `el` is, by the markers the editors themselves put in the DOM.
pub fn editor_kind(el: &Element) -> EditorKind {
    let tag = el.tag_name();
    if tag == "TEXTAREA" || tag == "INPUT" {
        EditorKind::TextField
    } else if el.closest(".public-DraftEditor-content, .DraftEditor-root").ok().flatten().is_some() {
        EditorKind::DraftJs
    } else if el.closest("[data-lexical-editor]").ok().flatten().is_some() {
        EditorKind::Lexical
    } else {
        EditorKind::ContentEditable
    }
}

/// The text an editor currently shows (value for fields).
fn editor_text(el: &Element) -> String {
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        return t.value();
    }
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        return i.value();
    }
    el.text_content().unwrap_or_default()
}

fn squash(s: &str) -> String {
    s.replace('\u{a0}', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn last_text_node(node: &Node) -> Option<Node> {
    let mut child = node.last_child();
    while let Some(c) = child {
        if c.node_type() == Node::TEXT_NODE && !c.text_content().unwrap_or_default().is_empty() {
            return Some(c);
        }
        if let Some(found) = last_text_node(&c) {
            return Some(found);
        }
        child = c.previous_sibling();
    }
    None
}

/// Focuses the editor with the caret where a user's click at the end would put it: inside the
/// last text node, or before the empty block's `<br>` (Lexical ignores a caret on its root).
fn focus_at_end(doc: &Document, editor: &Element) -> Result<(), JsValue> {
    if let Some(h) = editor.dyn_ref::<HtmlElement>() {
        h.focus()?;
    }
    if let Some(t) = editor.dyn_ref::<HtmlTextAreaElement>() {
        let len = t.value().encode_utf16().count() as u32;
        return t.set_selection_range(len, len);
    }
    let range = doc.create_range()?;
    if let Some(text) = last_text_node(editor) {
        let len = text.text_content().unwrap_or_default().encode_utf16().count() as u32;
        range.set_start(&text, len)?;
    } else if let Some(br) = editor.query_selector("br")? {
        range.set_start_before(&br)?;
    } else {
        range.select_node_contents(editor)?;
        range.collapse_with_to_start(false);
    }
    range.collapse_with_to_start(true);
    let selection = doc.get_selection()?.ok_or("no selection")?;
    selection.remove_all_ranges()?;
    selection.add_range(&range)?;
    Ok(())
}

fn exec_insert_text(doc: &Document, text: &str) -> bool {
    doc.dyn_ref::<HtmlDocument>()
        .and_then(|d| d.exec_command_with_show_ui_and_value("insertText", false, text).ok())
        .unwrap_or(false)
}

fn synthetic_paste(editor: &Element, text: &str) -> Result<(), JsValue> {
    let data = DataTransfer::new()?;
    data.set_data("text/plain", text)?;
    let init = ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_clipboard_data(Some(&data));
    let event = ClipboardEvent::new_with_event_init_dict("paste", &init)?;
    editor.dispatch_event(&event)?;
    Ok(())
}

fn set_field_value(editor: &Element, text: &str) -> Result<(), JsValue> {
    if let Some(t) = editor.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(&(t.value() + text));
    } else if let Some(i) = editor.dyn_ref::<HtmlInputElement>() {
        i.set_value(&(i.value() + text));
    }
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_input_type("insertText");
    init.set_data(Some(text));
    let event = InputEvent::new_with_event_init_dict("input", &init)?;
    editor.dispatch_event(&event)?;
    Ok(())
}

/// Writes `text` to the clipboard (needs the user's recent click, which Copy/Insert are).
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// Opens (if needed) the reply box for `post`, inserts `text` and verifies it. Returns the
/// message for the card's status line.
pub async fn insert_reply(doc: &Document, site: &'static Site, post: &Element, text: &str) -> String {
    let result = if query_doc(doc, site.composer_frame).is_some() {
        insert_in_frame(text).await
    } else {
        try_insert(doc, site, post, text).await
    };
    match result {
        Ok(()) => "Inserted. Review it, then send it yourself.".into(),
        Err(why) => {
            if copy_to_clipboard(text).await {
                format!("{why} The reply is on your clipboard: click the reply box and press Ctrl+V (⌘V on a Mac).")
            } else {
                format!("{why} Select the text above and copy it by hand.")
            }
        }
    }
}

/// Hands `text` to Hat Tip in the page's comment-form frame and waits for its verdict.
async fn insert_in_frame(text: &str) -> Result<(), String> {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &INSERT_IN_FRAME.into());
    let _ = js_sys::Reflect::set(&message, &"text".into(), &text.into());
    let answer = send_message(&message).await.map_err(|_| "Couldn't reach the comment form's frame.".to_string())?;
    let get = |key: &str| js_sys::Reflect::get(&answer, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if get("ok").as_bool() == Some(true) {
        Ok(())
    } else {
        Err(get("message").as_string().unwrap_or_else(|| "The comment form's frame didn't answer.".into()))
    }
}

/// In a comment-form frame: puts text handed over by the page around it into the frame's reply
/// box. Answers `{ok, message}`; the page around it does any clipboard fallback (this frame
/// has no user gesture to write the clipboard with).
pub async fn insert_handed_over(doc: &Document, site: &'static Site, text: &str) -> JsValue {
    let answer = js_sys::Object::new();
    let root = doc.document_element();
    let result = match root {
        Some(root) => try_insert(doc, site, &root, text).await,
        None => Err("The comment form's frame is empty.".into()),
    };
    let _ = js_sys::Reflect::set(&answer, &"ok".into(), &result.is_ok().into());
    if let Err(why) = result {
        let _ = js_sys::Reflect::set(&answer, &"message".into(), &why.into());
    }
    answer.into()
}

async fn try_insert(doc: &Document, site: &'static Site, post: &Element, text: &str) -> Result<(), String> {
    let mut composer = find_composer(doc, site, post);
    if composer.is_none() || site.always_click_reply {
        if let Some(button) = query(post, site.reply_button) {
            button.unchecked_ref::<HtmlElement>().click();
            let mut waited = 0;
            composer = None;
            while composer.is_none() && waited < COMPOSER_WAIT_MS {
                sleep(50).await;
                waited += 50;
                composer = find_composer(doc, site, post);
            }
        }
    }
    let editor = composer.ok_or_else(|| "Couldn't find this post's reply box.".to_string())?;
    let before = editor_text(&editor);
    let insertion = if before.trim().is_empty() {
        text.to_string()
    } else if before.ends_with(char::is_whitespace) {
        text.to_string()
    } else {
        format!(" {text}")
    };
    focus_at_end(doc, &editor).map_err(|_| "Couldn't focus the reply box.".to_string())?;
    sleep(60).await; // let the editor see the selection change
    let kind = editor_kind(&editor);
    let empty = squash(&before).is_empty();
    match kind {
        EditorKind::DraftJs if !is_firefox() && empty => {
            synthetic_paste(&editor, &insertion).map_err(|_| "The reply box refused the text.".to_string())?
        }
        EditorKind::TextField => {
            if !exec_insert_text(doc, &insertion) || !editor_text(&editor).contains(insertion.trim()) {
                set_field_value(&editor, &insertion).map_err(|_| "The reply box refused the text.".to_string())?;
            }
        }
        _ => {
            exec_insert_text(doc, &insertion);
        }
    }
    sleep(120).await; // editors commit after the current task
    let now = squash(&editor_text(&editor));
    if !now.contains(&squash(text)) {
        return Err("The reply box didn't take the text.".into());
    }
    if let Some(send) = query_doc(doc, site.send_button) {
        if send.get_attribute("aria-disabled").as_deref() == Some("true") {
            return Err("The site didn't register the text (its send button stayed disabled).".into());
        }
    }
    Ok(())
}
