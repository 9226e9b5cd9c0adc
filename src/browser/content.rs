//! The content script: finds the posts of the current site, analyses each with the engine,
//! paints its mentions, keeps one overlay button per post with a mention, opens the reply card
//! and inserts replies. Work is driven by a MutationObserver that only records dirty nodes;
//! processing happens in idle slices of a few milliseconds, and posts that leave the page are
//! forgotten (ranges, buttons, state), so memory stays flat on endless timelines.

use std::cell::RefCell;

use gloo::events::{EventListener, EventListenerOptions};
use js_sys::{Array, WeakSet};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, MutationObserver, MutationObserverInit, MutationRecord, Node, Range};

use super::ext;
use super::highlight::Highlighter;
use super::insert;
use super::overlay::{CardView, Overlay};
use super::sites::{self, Site};
use super::walk::TextFlow;
use crate::analyze::{analyze_post, Analysis, Author, Post};
use crate::matcher::Matcher;
use crate::profile::Profile;
use crate::reply::{ReplyAct, MODERATION_GUIDANCE};

/// Longest a processing slice may run before yielding to the page (ms).
pub const SLICE_BUDGET_MS: f64 = 8.0;
/// More dirty nodes than this in one slice: rescan every known post instead of checking each.
const MAX_DIRTY: usize = 2000;

struct PostEntry {
    id: u32,
    el: Element,
    anchor: Element,
    text: String,
    ranges: Vec<Range>,
    button: Option<HtmlElement>,
    analysis: Analysis,
}

struct Content {
    doc: Document,
    site: &'static Site,
    profile: Profile,
    matcher: Matcher,
    highlighter: Highlighter,
    overlay: Overlay,
    posts: Vec<PostEntry>,
    seen: WeakSet,
    next_id: u32,
    dirty: Vec<Node>,
    rescan_all: bool,
    pass_scheduled: bool,
    place_scheduled: bool,
    _observer: MutationObserver,
    _observer_callback: Closure<dyn FnMut(Array, MutationObserver)>,
    _listeners: Vec<EventListener>,
}

thread_local! {
    static STATE: RefCell<Option<Content>> = const { RefCell::new(None) };
}

fn with_state<R>(f: impl FnOnce(&mut Content) -> R) -> Option<R> {
    STATE.with(|s| s.try_borrow_mut().ok().and_then(|mut s| s.as_mut().map(f)))
}

fn log_error(context: &str, e: &JsValue) {
    gloo::console::error!(format!("Hat Tip: {context}: {e:?}"));
}

/// Entry point of the content script; `engine` says which build is running (wasm or wasm2js),
/// `api` is the extension API object (`browser ?? chrome`).
#[wasm_bindgen]
pub fn start_content(engine: String, api: JsValue) {
    ext::set_api(api);
    wasm_bindgen_futures::spawn_local(async move {
        let json = match ext::load_profile_json().await {
            Ok(json) => json,
            Err(e) => {
                log_error("reading the profile", &e);
                None
            }
        };
        if let Err(e) = init(&engine, json.as_deref()) {
            log_error("starting", &e);
            return;
        }
        if let Err(e) = ext::on_profile_change(|json| set_profile(json.as_deref())) {
            log_error("watching the profile", &e);
        }
    });
}

fn init(engine: &str, profile_json: Option<&str>) -> Result<(), JsValue> {
    let doc = gloo::utils::document();
    let site = sites::detect(&doc);
    if site.takes_frame_inserts {
        // A comment-form frame (Blogger): no posts to read, only replies to take in. The empty
        // overlay host says Hat Tip is here and ready, as on every other page.
        ext::on_message(ext::INSERT_HERE, move |message| {
            let text = js_sys::Reflect::get(&message, &"text".into()).ok().and_then(|t| t.as_string()).unwrap_or_default();
            let doc = gloo::utils::document();
            async move { insert::insert_handed_over(&doc, site, &text).await }
        })?;
        Overlay::new(&doc, engine, site.name)?.set_ready(0);
        return Ok(());
    }
    let profile = ext::profile_or_demo(profile_json);
    let matcher = Matcher::new(&profile);
    let overlay = Overlay::new(&doc, engine, site.name)?;

    let callback = Closure::<dyn FnMut(Array, MutationObserver)>::new(|records: Array, _: MutationObserver| {
        on_mutations(&records);
    });
    let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_character_data(true);
    let body = doc.body().ok_or("no <body>")?;
    observer.observe_with_options(&body, &options)?;

    let window = gloo::utils::window();
    let passive = EventListenerOptions { passive: true, ..EventListenerOptions::run_in_capture_phase() };
    let listeners = vec![
        EventListener::new(overlay.events_target(), "click", on_overlay_click),
        EventListener::new(overlay.events_target(), "keydown", on_overlay_key),
        EventListener::new_with_options(&window, "resize", passive, |_| schedule_place()),
        EventListener::new_with_options(&window, "scroll", passive, |_| schedule_place()),
    ];

    let content = Content {
        doc,
        site,
        profile,
        matcher,
        highlighter: Highlighter::new(),
        overlay,
        posts: Vec::new(),
        seen: WeakSet::new(),
        next_id: 1,
        dirty: Vec::new(),
        rescan_all: true,
        pass_scheduled: false,
        place_scheduled: false,
        _observer: observer,
        _observer_callback: callback,
        _listeners: listeners,
    };
    STATE.with(|s| *s.borrow_mut() = Some(content));
    schedule_pass();
    Ok(())
}

/// Applies a profile saved in another tab or the options page, without a reload.
fn set_profile(json: Option<&str>) {
    with_state(|c| {
        c.profile = ext::profile_or_demo(json);
        c.matcher = Matcher::new(&c.profile);
        c.overlay.close_card();
        for post in c.posts.drain(..) {
            if let Some(b) = post.button {
                b.remove();
            }
        }
        c.highlighter.clear();
        c.seen = WeakSet::new();
        c.rescan_all = true;
    });
    schedule_pass();
}

fn on_mutations(records: &Array) {
    with_state(|c| {
        for record in records.iter() {
            let record: MutationRecord = record.unchecked_into();
            if let Some(target) = record.target() {
                if c.dirty.len() < MAX_DIRTY {
                    c.dirty.push(target);
                } else {
                    c.rescan_all = true;
                }
            }
        }
    });
    schedule_pass();
}

fn schedule_pass() {
    let already = with_state(|c| std::mem::replace(&mut c.pass_scheduled, true)).unwrap_or(true);
    if already {
        return;
    }
    let callback = Closure::once_into_js(run_pass);
    let window = gloo::utils::window();
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(200);
    if window.request_idle_callback_with_options(callback.unchecked_ref(), &options).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 30);
    }
}

fn schedule_place() {
    let already = with_state(|c| std::mem::replace(&mut c.place_scheduled, true)).unwrap_or(true);
    if already {
        return;
    }
    let callback = Closure::once_into_js(|| {
        with_state(|c| {
            c.place_scheduled = false;
            c.place_buttons();
        });
    });
    let _ = gloo::utils::window().request_animation_frame(callback.unchecked_ref());
}

fn run_pass() {
    let more = with_state(|c| {
        c.pass_scheduled = false;
        c.pass()
    });
    if more == Some(true) {
        schedule_pass();
    }
}

impl Content {
    /// One slice of work; returns whether work is left for another slice.
    fn pass(&mut self) -> bool {
        let deadline = ext::now() + SLICE_BUDGET_MS;
        self.forget_departed_posts();
        let dirty = std::mem::take(&mut self.dirty);
        let mut changed: Vec<usize> = Vec::new();
        for (i, post) in self.posts.iter().enumerate() {
            if self.rescan_all || dirty.iter().any(|n| post.el.contains(Some(n))) {
                changed.push(i);
            }
        }
        for i in changed.into_iter().rev() {
            let text = TextFlow::collect(&self.posts[i].anchor, self.site.post).text;
            if text != self.posts[i].text {
                let old = self.posts.swap_remove(i);
                self.drop_entry(old, false);
            }
        }
        // The overlay hangs off <html>, outside the observed <body>: every record is the page's.
        let new_posts = self.rescan_all || !dirty.is_empty();
        self.rescan_all = false;
        let mut more = false;
        if new_posts {
            if let Ok(list) = self.doc.query_selector_all(self.site.post) {
                for i in 0..list.length() {
                    let Some(node) = list.item(i) else { continue };
                    if self.seen.has(&node) {
                        continue;
                    }
                    if ext::now() > deadline {
                        more = true;
                        self.rescan_all = true;
                        break;
                    }
                    self.seen.add(&node);
                    let el: Element = node.unchecked_into();
                    if let Some(entry) = self.analyse(el) {
                        self.posts.push(entry);
                    }
                }
            }
        }
        self.place_buttons();
        let with_mentions = self.posts.iter().filter(|p| p.button.is_some()).count();
        self.overlay.set_ready(with_mentions);
        more
    }

    fn forget_departed_posts(&mut self) {
        let mut i = 0;
        while i < self.posts.len() {
            if self.posts[i].el.is_connected() && self.posts[i].anchor.is_connected() {
                i += 1;
            } else {
                let gone = self.posts.swap_remove(i);
                self.drop_entry(gone, true);
            }
        }
    }

    fn drop_entry(&mut self, entry: PostEntry, departed: bool) {
        for r in &entry.ranges {
            self.highlighter.remove(r);
        }
        if let Some(b) = &entry.button {
            b.remove();
        }
        if self.overlay.open_post == Some(entry.id) {
            self.overlay.close_card();
        }
        if !departed {
            // Re-read on this pass: the post is still on the page with new text.
            self.seen.delete(&entry.el);
            self.rescan_all = true;
        }
    }

    fn analyse(&mut self, el: Element) -> Option<PostEntry> {
        let anchor = if self.site.text.is_empty() {
            el.clone()
        } else {
            el.query_selector(self.site.text).ok().flatten()?
        };
        let flow = TextFlow::collect(&anchor, self.site.post);
        if flow.text.trim().is_empty() {
            return None;
        }
        let author = Author { name: self.text_of(&el, self.site.author_name), handle: self.text_of(&el, self.site.author_handle).trim_start_matches('@').to_string() };
        let analysis = analyze_post(
            &Post { text: &flow.text, platform: self.site.platform, author: Some(&author) },
            &self.profile,
            &self.matcher,
        );
        let mut ranges: Vec<Range> = Vec::with_capacity(analysis.mentions.len());
        for m in &analysis.mentions {
            if let Some(r) = flow.range(&self.doc, m.start, m.end) {
                self.highlighter.add(&r, m.fuzzy);
                ranges.push(r);
            }
        }
        let id = self.next_id;
        self.next_id += 1;
        let button = if analysis.mentions.is_empty() {
            None
        } else {
            let mut brands: Vec<&str> = analysis.mentions.iter().map(|m| m.brand.as_str()).collect();
            brands.dedup();
            let label = format!(
                "Hat Tip: {} mentioned ({}). Open the reply suggestion",
                brands.join(", "),
                analysis.intent.as_str()
            );
            match self.overlay.add_button(id, brands[0], &label) {
                Ok(b) => Some(b),
                Err(e) => {
                    log_error("adding a button", &e);
                    None
                }
            }
        };
        Some(PostEntry { id, el, anchor, text: flow.text, ranges, button, analysis })
    }

    fn text_of(&self, post: &Element, selector: &str) -> String {
        if selector.is_empty() {
            return String::new();
        }
        post.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .map(|t| t.trim().to_string())
            .unwrap_or_default()
    }

    fn place_buttons(&self) {
        for post in &self.posts {
            if let Some(b) = &post.button {
                self.overlay.place(b, &post.anchor);
            }
        }
    }

    fn post(&self, id: u32) -> Option<&PostEntry> {
        self.posts.iter().find(|p| p.id == id)
    }

    fn open_card(&mut self, id: u32) {
        let Some(post) = self.posts.iter().find(|p| p.id == id) else { return };
        let Some(button) = post.button.clone() else { return };
        let a = &post.analysis;
        let view = CardView {
            brand: a.mentions.first().map_or("", |m| m.brand.as_str()),
            matched: a
                .mentions
                .iter()
                .map(|m| if m.fuzzy { format!("{} (likely misspelt)", m.text) } else { m.text.clone() })
                .collect(),
            language: a.language,
            sentiment: format!("{} ({:+.2})", a.sentiment.label.as_str(), a.sentiment.score),
            intent: a.intent.as_str(),
            act: a.reply.act.as_str(),
            reply: &a.reply.text,
            alternatives: &a.reply.alternatives,
            moves: a.reply.moves.iter().map(|m| crate::reply::move_label(m)).collect(),
            reply_language: crate::reply::language_name(a.reply.language),
            guidance: (a.reply.act == ReplyAct::Moderate).then_some(MODERATION_GUIDANCE),
            reasons: &a.reasons,
        };
        if let Err(e) = self.overlay.open_card(id, &button, &view) {
            log_error("opening the card", &e);
        }
    }
}

fn on_overlay_key(event: &web_sys::Event) {
    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
    if key.key() == "Escape" {
        close_card_and_refocus();
    }
}

fn close_card_and_refocus() {
    with_state(|c| {
        let button = c.overlay.open_post.and_then(|id| c.post(id)).and_then(|p| p.button.clone());
        c.overlay.close_card();
        if let Some(b) = button {
            let _ = b.focus();
        }
    });
}

fn on_overlay_click(event: &web_sys::Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(actor) = target.closest("[data-action]").ok().flatten() else { return };
    let action = actor.get_attribute("data-action").unwrap_or_default();
    match action.as_str() {
        "open" => {
            let Some(id) = actor.get_attribute("data-post").and_then(|v| v.parse().ok()) else { return };
            with_state(|c| {
                if c.overlay.open_post == Some(id) {
                    c.overlay.close_card();
                } else {
                    c.open_card(id);
                }
            });
        }
        "close" => close_card_and_refocus(),
        "use-alt" => {
            let index: usize = actor.get_attribute("data-alt").and_then(|v| v.parse().ok()).unwrap_or(0);
            with_state(|c| {
                let alt = c.overlay.open_post.and_then(|id| c.post(id)).and_then(|p| p.analysis.reply.alternatives.get(index).cloned());
                if let Some(alt) = alt {
                    c.overlay.set_reply_text(&alt);
                }
            });
        }
        "copy" => {
            let Some(text) = with_state(|c| c.overlay.reply_text()) else { return };
            wasm_bindgen_futures::spawn_local(async move {
                let ok = insert::copy_to_clipboard(&text).await;
                with_state(|c| {
                    c.overlay.set_status(if ok { "Copied to the clipboard." } else { "Couldn't copy: select the text and copy it by hand." })
                });
            });
        }
        "insert" => {
            let job = with_state(|c| {
                let post = c.overlay.open_post.and_then(|id| c.post(id))?;
                Some((c.doc.clone(), c.site, post.el.clone(), c.overlay.reply_text()))
            })
            .flatten();
            let Some((doc, site, post, text)) = job else { return };
            with_state(|c| c.overlay.set_status("Inserting…"));
            wasm_bindgen_futures::spawn_local(async move {
                let message = insert::insert_reply(&doc, site, &post, &text).await;
                with_state(|c| c.overlay.set_status(&message));
            });
        }
        _ => {}
    }
}
