//! The options page: edit the brand profile in a form, import and export it as a JSON file, and
//! allow Hat Tip on blogs (optional host permissions). Every save and import goes through
//! `Profile::from_json`, so a bad value is refused with the field's path and the stored profile
//! stays as it was. Brands are a list with one open at a time; a brand is checked as it is typed
//! (the error goes next to its field), a removed brand can be brought back, and the page says
//! when it holds unsaved changes (and the browser asks before leaving it).

use js_sys::{Array, Promise, Reflect, JSON};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    Blob, BlobPropertyBag, Document, Element, HtmlAnchorElement, HtmlElement, HtmlInputElement,
    HtmlSelectElement, HtmlTemplateElement, Url,
};

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::ext;
use crate::profile::{Profile, Tone, MAX_PROFILE_BYTES};
use crate::reply::phrasebook;
use crate::reply::{moves_of, ReplyAct};

/// The user's own reply lines (language → act → lines), as edited on this page, and which
/// language and act the lines box shows.
type OwnLines = BTreeMap<String, BTreeMap<String, Vec<String>>>;
thread_local! {
    static OWN_LINES: RefCell<OwnLines> = const { RefCell::new(BTreeMap::new()) };
    static SHOWN: RefCell<(String, String)> = RefCell::new(("en".into(), "thank".into()));
    /// Whether the form holds changes not saved yet.
    static DIRTY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The brand removed last and where it was, until it is restored or the form saved.
    static REMOVED: RefCell<Option<(Element, u32)>> = const { RefCell::new(None) };
}

const LIST_FIELDS: [&str; 7] = [
    "aliases", "handles", "hashtags", "products", "exclude", "domains", "category",
];

fn doc() -> Document {
    gloo::utils::document()
}

fn by_id<T: JsCast>(id: &str) -> Result<T, JsValue> {
    doc()
        .get_element_by_id(id)
        .ok_or_else(|| JsValue::from_str(&format!("#{id} missing")))?
        .dyn_into::<T>()
        .map_err(|_| JsValue::from_str(id))
}

fn status(message: &str, is_error: bool) {
    if let Ok(s) = by_id::<HtmlElement>("status") {
        s.set_text_content(Some(message));
        s.set_class_name(if is_error { "error" } else { "ok" });
    }
}

/// The `[data-field]` control of a brand's fieldset, as the element type it is.
fn field<T: JsCast>(root: &Element, name: &str) -> Option<T> {
    root.query_selector(&format!("[data-field=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

fn input(root: &Element, name: &str) -> Option<HtmlInputElement> {
    field(root, name)
}

/// Fills the form from a profile.
fn render(profile: &Profile) -> Result<(), JsValue> {
    let brands: Element = by_id("brands")?;
    brands.set_text_content(None);
    for brand in &profile.brands {
        let fieldset = add_brand_fieldset()?;
        if let Some(i) = input(&fieldset, "name") {
            i.set_value(&brand.name);
        }
        for (field, list) in LIST_FIELDS.iter().zip([
            &brand.aliases,
            &brand.handles,
            &brand.hashtags,
            &brand.products,
            &brand.exclude,
            &brand.domains,
            &brand.category,
        ]) {
            if let Some(i) = input(&fieldset, field) {
                i.set_value(&list.join(", "));
            }
        }
        if let Some(i) = input(&fieldset, "case_sensitive") {
            i.set_checked(brand.case_sensitive);
        }
        if let Some(t) = textarea(&fieldset, "facts") {
            t.set_value(&facts_to_lines(&brand.facts));
        }
    }
    by_id::<HtmlSelectElement>("tone")?.set_value(match profile.voice.tone {
        Tone::Friendly => "friendly",
        Tone::Formal => "formal",
        Tone::Playful => "playful",
    });
    by_id::<HtmlInputElement>("signature")?.set_value(&profile.voice.signature);
    by_id::<HtmlInputElement>("emoji")?.set_checked(profile.voice.emoji);
    by_id::<HtmlSelectElement>("reply-language")?.set_value(&profile.voice.language);
    OWN_LINES.with(|o| *o.borrow_mut() = profile.voice.phrasebook.clone());
    show_lines()?;
    renumber()?;
    if let Some(first) = fieldsets()?.first() {
        open_brand(first)?;
    }
    forget_removed();
    set_dirty(false);
    Ok(())
}

/// Every brand's fieldset, in order.
fn fieldsets() -> Result<Vec<Element>, JsValue> {
    let list = by_id::<Element>("brands")?.query_selector_all("fieldset.brand")?;
    Ok((0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect())
}

/// Marks the form as holding unsaved changes (or not) and shows it next to Save.
fn set_dirty(dirty: bool) {
    DIRTY.with(|d| d.set(dirty));
    if let Ok(note) = by_id::<HtmlElement>("unsaved") {
        note.set_hidden(!dirty);
    }
}

/// Opens one brand and closes the others.
fn open_brand(open: &Element) -> Result<(), JsValue> {
    for f in fieldsets()? {
        let shown = &f == open;
        if let Some(body) = f.query_selector(".brand-body")? {
            body.unchecked_ref::<HtmlElement>().set_hidden(!shown);
        }
        if let Some(toggle) = f.query_selector(".brand-toggle")? {
            toggle.set_attribute("aria-expanded", if shown { "true" } else { "false" })?;
        }
    }
    Ok(())
}

/// The brand's toggle shows its name (or that it is new).
fn label_toggle(fieldset: &Element) {
    let name = input(fieldset, "name")
        .map(|i| i.value())
        .unwrap_or_default();
    if let Ok(Some(toggle)) = fieldset.query_selector(".brand-toggle") {
        let text = if name.trim().is_empty() {
            ext::t("opt_new_brand", &[])
        } else {
            name
        };
        toggle.set_text_content(Some(&text));
    }
}

/// The brand's position among the fieldsets.
fn index_of(fieldset: &Element) -> u32 {
    fieldsets()
        .ok()
        .and_then(|all| all.iter().position(|f| f == fieldset))
        .unwrap_or(0) as u32
}

/// Checks one brand as it is typed: its first mistake goes next to the field it names (with
/// `aria-invalid` and `aria-describedby`), and earlier messages go.
fn check_brand(fieldset: &Element) -> Result<(), JsValue> {
    let list = fieldset.query_selector_all(".field-error")?;
    for i in 0..list.length() {
        if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            e.remove();
        }
    }
    let invalid = fieldset.query_selector_all("[aria-invalid]")?;
    for i in 0..invalid.length() {
        if let Some(e) = invalid.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            e.remove_attribute("aria-invalid")?;
            e.remove_attribute("aria-describedby")?;
        }
    }
    let index = index_of(fieldset);
    let problem = match brand_json(fieldset, 0) {
        Err(message) => Some(message),
        Ok(brand) => {
            let alone = json!({ "version": 1, "brands": [brand] }).to_string();
            Profile::from_json(&alone).err().map(|e| e.to_string())
        }
    };
    let Some(problem) = problem else {
        return Ok(());
    };
    let problem = problem.replacen("brands[0]", &format!("brands[{index}]"), 1);
    let rest = problem
        .split_once(&format!("brands[{index}]"))
        .map(|(_, r)| r)
        .unwrap_or("");
    let field_name: String = if rest.starts_with(',') {
        "facts".into()
    } else {
        rest.trim_start_matches('.')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let Some(control) = field::<HtmlElement>(fieldset, &field_name) else {
        return Ok(());
    };
    let id = format!("error-{index}-{field_name}");
    let note = doc().create_element("p")?;
    note.set_class_name("field-error");
    note.set_id(&id);
    note.set_text_content(Some(&problem));
    control.set_attribute("aria-invalid", "true")?;
    control.set_attribute("aria-describedby", &id)?;
    control.after_with_node_1(&note)?;
    Ok(())
}

/// Removes a brand from the form, keeping it until Undo or the next save.
fn remove_brand(fieldset: &Element) -> Result<(), JsValue> {
    let index = index_of(fieldset);
    let name = input(fieldset, "name")
        .map(|i| i.value())
        .unwrap_or_default();
    fieldset.remove();
    renumber()?;
    REMOVED.with(|r| *r.borrow_mut() = Some((fieldset.clone(), index)));
    by_id::<HtmlElement>("undo-remove")?.set_hidden(false);
    status(&ext::t("opt_removed", &[&name]), false);
    set_dirty(true);
    Ok(())
}

/// Puts the brand removed last back where it was.
fn undo_remove() -> Result<(), JsValue> {
    let Some((fieldset, index)) = REMOVED.with(|r| r.borrow_mut().take()) else {
        return Ok(());
    };
    let brands: Element = by_id("brands")?;
    let before = fieldsets()?.get(index as usize).cloned();
    match before {
        Some(next) => next.before_with_node_1(&fieldset)?,
        None => {
            brands.append_child(&fieldset)?;
        }
    }
    renumber()?;
    open_brand(&fieldset)?;
    by_id::<HtmlElement>("undo-remove")?.set_hidden(true);
    let name = input(&fieldset, "name")
        .map(|i| i.value())
        .unwrap_or_default();
    status(&ext::t("opt_restored", &[&name]), false);
    Ok(())
}

fn forget_removed() {
    REMOVED.with(|r| *r.borrow_mut() = None);
    if let Ok(undo) = by_id::<HtmlElement>("undo-remove") {
        undo.set_hidden(true);
    }
}

fn selected_tone() -> Tone {
    match by_id::<HtmlSelectElement>("tone")
        .map(|s| s.value())
        .as_deref()
    {
        Ok("formal") => Tone::Formal,
        Ok("playful") => Tone::Playful,
        _ => Tone::Friendly,
    }
}

/// The built-in lines for a language and act in the chosen tone: for each move, its first
/// phrasing that needs nothing the post may lack (a line of one's own is used for every post).
fn builtin_lines(language: &str, act: &str) -> Vec<String> {
    let general =
        |t: &&String| crate::voice::placeholders(t).all(|p| !crate::voice::OPTIONAL.contains(&p));
    phrasebook::builtin(language)
        .moves(act, selected_tone())
        .iter()
        .map(|v| v.iter().find(general).unwrap_or(&v[0]).clone())
        .collect()
}

/// Shows the lines of the selected language and act: the user's own, else the built-in ones.
fn show_lines() -> Result<(), JsValue> {
    let language = by_id::<HtmlSelectElement>("pb-language")?.value();
    let act = by_id::<HtmlSelectElement>("pb-act")?.value();
    let own = OWN_LINES.with(|o| o.borrow().get(&language).and_then(|a| a.get(&act)).cloned());
    let mut lines = builtin_lines(&language, &act);
    let custom = own.is_some();
    for (i, line) in own.unwrap_or_default().into_iter().enumerate() {
        lines[i] = line;
    }
    by_id::<web_sys::HtmlTextAreaElement>("pb-lines")?.set_value(&lines.join("\n"));
    by_id::<HtmlElement>("pb-state")?.set_text_content(Some(&ext::t(
        if custom {
            "opt_lines_own"
        } else {
            "opt_lines_builtin"
        },
        &[],
    )));
    let moves = ReplyAct::from_name(&act).map(moves_of).unwrap_or_default();
    let described: Vec<String> = moves
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let name = ext::t(&format!("move_{m}"), &[]);
            ext::t("opt_line_move", &[&(i + 1).to_string(), &name])
        })
        .collect();
    by_id::<HtmlElement>("pb-moves")?.set_text_content(Some(&described.join(" · ")));
    SHOWN.with(|s| *s.borrow_mut() = (language, act));
    Ok(())
}

/// Keeps what the lines box holds for the language and act it shows: lines equal to the
/// built-in ones are not stored, so later improvements to them still reach the user.
fn keep_lines() -> Result<(), JsValue> {
    let (language, act) = SHOWN.with(|s| s.borrow().clone());
    let text = by_id::<web_sys::HtmlTextAreaElement>("pb-lines")?.value();
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let builtin = builtin_lines(&language, &act);
    OWN_LINES.with(|o| {
        let mut own = o.borrow_mut();
        let acts = own.entry(language.clone()).or_default();
        if lines.is_empty() || lines == builtin {
            acts.remove(&act);
        } else {
            acts.insert(act, lines);
        }
        if acts.is_empty() {
            own.remove(&language);
        }
    });
    Ok(())
}

fn textarea(root: &Element, name: &str) -> Option<web_sys::HtmlTextAreaElement> {
    field(root, name)
}

/// A brand's known answers as the lines the options page shows: `language | words | answer`.
fn facts_to_lines(facts: &[crate::profile::Fact]) -> String {
    let mut lines = Vec::new();
    for fact in facts {
        for (lang, answer) in &fact.say {
            lines.push(format!("{lang} | {} | {answer}", fact.about.join(", ")));
        }
    }
    lines.join("\n")
}

/// Reads `language | words | answer` lines back into facts (lines with the same words make one
/// fact); a line that isn't in that shape is refused with its number.
fn lines_to_facts(text: &str, brand_index: u32) -> Result<Value, String> {
    let mut facts: Vec<(Vec<String>, serde_json::Map<String, Value>)> = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let parts: Vec<&str> = line.splitn(3, '|').map(str::trim).collect();
        let [lang, words, answer] = parts[..] else {
            return Err(ext::t(
                "opt_facts_bad_line",
                &[&brand_index.to_string(), &(n + 1).to_string()],
            ));
        };
        let about = split_list(&words.to_lowercase());
        match facts.iter_mut().find(|(a, _)| *a == about) {
            Some((_, say)) => {
                say.insert(lang.to_lowercase(), json!(answer));
            }
            None => {
                let mut say = serde_json::Map::new();
                say.insert(lang.to_lowercase(), json!(answer));
                facts.push((about, say));
            }
        }
    }
    Ok(Value::Array(
        facts
            .into_iter()
            .map(|(about, say)| json!({ "about": about, "say": say }))
            .collect(),
    ))
}

fn add_brand_fieldset() -> Result<Element, JsValue> {
    let template: HtmlTemplateElement = by_id("brand-template")?;
    let fragment = template.content().clone_node_with_deep(true)?;
    let fieldset = fragment
        .first_child()
        .and_then(|n| n.dyn_into::<Element>().ok());
    let fieldset = match fieldset {
        Some(f) if f.tag_name() == "FIELDSET" => f,
        _ => fragment
            .unchecked_ref::<web_sys::DocumentFragment>()
            .first_element_child()
            .ok_or("empty template")?,
    };
    by_id::<Element>("brands")?.append_child(&fieldset)?;
    renumber()?;
    Ok(fieldset)
}

fn renumber() -> Result<(), JsValue> {
    for (i, f) in fieldsets()?.iter().enumerate() {
        label_toggle(f);
        if let Some(legend) = f.query_selector("legend").ok().flatten() {
            legend.set_text_content(Some(&ext::t(
                "opt_brand_numbered",
                &[&(i + 1).to_string(), &i.to_string()],
            )));
        }
    }
    Ok(())
}

fn split_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// One brand's fieldset as profile JSON; `brand_index` numbers it in messages.
fn brand_json(f: &Element, brand_index: u32) -> Result<Value, String> {
    let mut brand = serde_json::Map::new();
    brand.insert(
        "name".into(),
        json!(input(f, "name").map(|i| i.value()).unwrap_or_default()),
    );
    for field in LIST_FIELDS {
        brand.insert(
            field.into(),
            json!(split_list(
                &input(f, field).map(|i| i.value()).unwrap_or_default()
            )),
        );
    }
    brand.insert(
        "case_sensitive".into(),
        json!(input(f, "case_sensitive").is_some_and(|i| i.checked())),
    );
    let facts = lines_to_facts(
        &textarea(f, "facts").map(|t| t.value()).unwrap_or_default(),
        brand_index,
    )?;
    brand.insert("facts".into(), facts);
    Ok(Value::Object(brand))
}

/// Reads the form into profile JSON (validation happens in `Profile::from_json`).
fn form_json() -> Result<String, JsValue> {
    let mut brands = Vec::new();
    for (i, f) in fieldsets()?.iter().enumerate() {
        brands.push(brand_json(f, i as u32).map_err(|m| JsValue::from_str(&m))?);
    }
    keep_lines()?;
    let own_lines = OWN_LINES.with(|o| o.borrow().clone());
    let profile = json!({
        "version": 1,
        "brands": brands,
        "voice": {
            "tone": by_id::<HtmlSelectElement>("tone")?.value(),
            "signature": by_id::<HtmlInputElement>("signature")?.value(),
            "emoji": by_id::<HtmlInputElement>("emoji")?.checked(),
            "language": by_id::<HtmlSelectElement>("reply-language")?.value(),
            "phrasebook": own_lines,
        }
    });
    Ok(profile.to_string())
}

/// Validates profile JSON and, only if it is valid, stores it and shows it; otherwise says what
/// is wrong and leaves the stored profile alone. `refused` and `done` phrase the outcome.
async fn validate_and_store(json: &str, refused: &str, done: impl Fn(usize) -> String) {
    match Profile::from_json(json) {
        Err(e) => status(&ext::t("opt_refused", &[refused, &e.to_string()]), true),
        Ok(profile) => match ext::save_profile(&profile).await {
            Ok(()) => {
                let _ = render(&profile);
                status(&done(profile.brands.len()), false);
            }
            Err(e) => status(&storage_refusal(&e, json.len()), true),
        },
    }
}

/// Why the browser refused to store the profile, in words, with its size (a full storage area
/// says so instead of showing the browser's raw error).
fn storage_refusal(error: &JsValue, bytes: usize) -> String {
    let raw = js_sys::Error::from(error.clone())
        .message()
        .as_string()
        .or_else(|| error.as_string())
        .unwrap_or_default();
    let size = format!("{} KB", ext::fmt_one_decimal(bytes as f64 / 1024.0));
    if raw.to_lowercase().contains("quota") {
        ext::t("opt_storage_full", &[&size])
    } else {
        let raw: String = raw.chars().take(200).collect();
        ext::t("opt_storage_refused", &[&size, &raw])
    }
}

async fn save_form() {
    match form_json() {
        Ok(json) => {
            validate_and_store(&json, &ext::t("opt_not_saved", &[]), |n| {
                ext::plural(n as f64, "opt_saved", &[])
            })
            .await
        }
        Err(e) => match e.as_string() {
            Some(why) => status(
                &ext::t("opt_refused", &[&ext::t("opt_not_saved", &[]), &why]),
                true,
            ),
            None => status(&ext::t("opt_form_unreadable", &[&format!("{e:?}")]), true),
        },
    }
}

async fn import_file() {
    let Ok(picker) = by_id::<HtmlInputElement>("import") else {
        return;
    };
    let Some(file) = picker.files().and_then(|f| f.get(0)) else {
        return;
    };
    let name = file.name();
    picker.set_value("");
    let refused = ext::t("opt_import_refused", &[&name]);
    // Refused before reading: a huge file is never read into the page.
    if file.size() > MAX_PROFILE_BYTES as f64 {
        let size = ext::fmt_one_decimal(file.size() / 1048576.0);
        let most = ext::fmt_number((MAX_PROFILE_BYTES / 1048576) as f64);
        let why = ext::t("opt_file_too_big", &[&size, &most]);
        return status(&ext::t("opt_refused", &[&refused, &why]), true);
    }
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(_) => return status(&ext::t("opt_file_unreadable", &[&name]), true),
    };
    // Bytes that are not UTF-8 are refused, never replaced and stored.
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let byte = (e.utf8_error().valid_up_to() + 1).to_string();
            let why = ext::t("opt_not_utf8", &[&byte]);
            return status(&ext::t("opt_refused", &[&refused, &why]), true);
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    validate_and_store(&text, &refused, |n| {
        ext::plural(n as f64, "opt_imported", &[&name])
    })
    .await;
}

async fn export_profile() -> Result<(), JsValue> {
    let json = ext::load_profile_json().await?;
    let profile = ext::profile_or_demo(json.as_deref());
    let parts = Array::of1(&JsValue::from_str(&profile.to_json_pretty()));
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let a: HtmlAnchorElement = doc().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download("hattip-profile.json");
    a.click();
    Url::revoke_object_url(&url)?;
    status(&ext::t("opt_exported", &["hattip-profile.json"]), false);
    Ok(())
}

/// `https://blog.example.com/post` → `https://blog.example.com/*`.
pub fn origin_pattern(address: &str) -> Option<String> {
    let url = Url::new(address.trim()).ok()?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| format!("{}/*", url.origin()))
}

/// Asks the browser for access to one blog; must run inside the click that asked for it.
pub fn request_site(pattern: &str) -> Result<Promise, JsValue> {
    let permissions = ext::get_path(&ext::api(), "permissions")?;
    let request: js_sys::Function = Reflect::get(&permissions, &"request".into())?.dyn_into()?;
    let origins = Array::of1(&JsValue::from_str(pattern));
    let result = request.call1(&permissions, &ext::object_with("origins", &origins))?;
    Ok(Promise::from(result))
}

async fn list_sites() -> Result<(), JsValue> {
    let all = ext::call("permissions", "getAll", &[]).await?;
    let origins: Array = Reflect::get(&all, &"origins".into())?
        .dyn_into()
        .unwrap_or_default();
    let list: Element = by_id("allowed-sites")?;
    list.set_text_content(None);
    let manifest = ext::call("runtime", "getManifest", &[]).await?;
    let built_in = JSON::stringify(&Reflect::get(&manifest, &"host_permissions".into())?)?
        .as_string()
        .unwrap_or_default();
    for origin in origins.iter().filter_map(|o| o.as_string()) {
        if built_in.contains(&format!("\"{origin}\"")) || origin == "*://*/*" {
            continue;
        }
        let li = doc().create_element("li")?;
        li.set_text_content(Some(&origin));
        list.append_child(&li)?;
    }
    Ok(())
}

fn on(
    id: &str,
    event: &'static str,
    handler: impl Fn(&web_sys::Event) + 'static,
) -> Result<(), JsValue> {
    let target: Element = by_id(id)?;
    // gloo listeners are passive by default; the form's submit must be able to prevent_default.
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    gloo::events::EventListener::new_with_options(&target, event, options, handler).forget();
    Ok(())
}

/// Entry point of options.html.
#[wasm_bindgen]
pub fn run_options(api: JsValue) {
    ext::set_api(api);
    if let Err(e) = wire_options() {
        status(&ext::t("opt_failed_to_start", &[&format!("{e:?}")]), true);
    }
    spawn_local(async {
        let json = ext::load_profile_json().await.unwrap_or(None);
        if json.is_none() {
            status(&ext::t("opt_demo_profile", &[]), false);
        }
        let _ = render(&ext::profile_or_demo(json.as_deref()));
        let _ = list_sites().await;
        let _ = doc()
            .document_element()
            .map(|e| e.set_attribute("data-ready", "1"));
    });
}

fn wire_options() -> Result<(), JsValue> {
    on("add-brand", "click", |_| {
        if let Ok(f) = add_brand_fieldset() {
            let _ = open_brand(&f);
            if let Some(name) = input(&f, "name") {
                let _ = name.focus();
            }
            set_dirty(true);
        }
    })?;
    on("brands", "click", |e| {
        let Some(t) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Some(f) = t.closest("fieldset.brand").ok().flatten() else {
            return;
        };
        match t.get_attribute("data-action").as_deref() {
            Some("remove-brand") => {
                let _ = remove_brand(&f);
            }
            Some("toggle-brand") => {
                let _ = open_brand(&f);
            }
            _ => {}
        }
    })?;
    on("brands", "input", |e| {
        let Some(f) = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("fieldset.brand").ok().flatten())
        else {
            return;
        };
        label_toggle(&f);
        let _ = check_brand(&f);
    })?;
    for event in ["input", "change"] {
        on("profile-form", event, |_| set_dirty(true))?;
    }
    on("undo-remove", "click", |_| {
        let _ = undo_remove();
    })?;
    // The browser asks before the page is left with changes not saved.
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    gloo::events::EventListener::new_with_options(
        &gloo::utils::window(),
        "beforeunload",
        options,
        |e| {
            if DIRTY.with(|d| d.get()) {
                e.prevent_default();
                if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    e.set_return_value("");
                }
            }
        },
    )
    .forget();
    on("profile-form", "submit", |e| {
        e.prevent_default();
        spawn_local(save_form());
    })?;
    on("import", "change", |_| spawn_local(import_file()))?;
    for id in ["pb-language", "pb-act", "tone"] {
        on(id, "change", |_| {
            let _ = keep_lines().and_then(|()| show_lines());
        })?;
    }
    on("pb-reset", "click", |_| {
        let (language, act) = SHOWN.with(|s| s.borrow().clone());
        OWN_LINES.with(|o| {
            let mut own = o.borrow_mut();
            if let Some(acts) = own.get_mut(&language) {
                acts.remove(&act);
            }
        });
        let _ = show_lines();
    })?;
    on("export", "click", |_| {
        spawn_local(async {
            if let Err(e) = export_profile().await {
                status(&ext::t("opt_export_failed", &[&format!("{e:?}")]), true);
            }
        })
    })?;
    on("allow-site", "click", |_| {
        let address = by_id::<HtmlInputElement>("site-origin")
            .map(|i| i.value())
            .unwrap_or_default();
        let Some(pattern) = origin_pattern(&address) else {
            return status(&ext::t("opt_not_an_address", &[&address]), true);
        };
        match request_site(&pattern) {
            Err(e) => status(&ext::t("opt_ask_failed", &[&format!("{e:?}")]), true),
            Ok(promise) => spawn_local(async move {
                let granted = JsFuture::from(promise)
                    .await
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false);
                status(
                    &ext::t(
                        if granted {
                            "opt_site_allowed"
                        } else {
                            "opt_site_not_granted"
                        },
                        &[&pattern],
                    ),
                    !granted,
                );
                let _ = list_sites().await;
            }),
        }
    })?;
    Ok(())
}
