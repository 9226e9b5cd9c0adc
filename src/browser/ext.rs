//! The WebExtension APIs the extension's pages use (storage, permissions, tabs), reached through
//! the `browser` (Firefox) or `chrome` (Chromium) global. Both browsers'
//! MV3 APIs return promises, so one code path serves both. No site knowledge here.

use js_sys::{Array, Function, Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::profile::Profile;

/// The storage.local key that holds the profile (a JSON object, schema v1).
pub const PROFILE_KEY: &str = "profile";

thread_local! {
    static API: std::cell::RefCell<JsValue> = const { std::cell::RefCell::new(JsValue::UNDEFINED) };
}

/// Remembers the extension API object the page's loader passes in (`browser ?? chrome`).
pub fn set_api(api: JsValue) {
    API.with(|a| *a.borrow_mut() = api);
}

/// The extension API object (`browser` in Firefox, `chrome` in Chromium).
pub fn api() -> JsValue {
    API.with(|a| a.borrow().clone())
}

/// Follows a dotted path (`storage.local`) from `root`.
pub fn get_path(root: &JsValue, path: &str) -> Result<JsValue, JsValue> {
    let mut value = root.clone();
    for key in path.split('.') {
        value = Reflect::get(&value, &key.into())?;
        if value.is_undefined() {
            return Err(JsValue::from_str(&format!("{path} is not available here")));
        }
    }
    Ok(value)
}

/// Calls `api().<path>.<method>(...args)` and awaits the promise it returns.
pub async fn call(path: &str, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let target = get_path(&api(), path)?;
    let f: Function = Reflect::get(&target, &method.into())?.dyn_into()?;
    let result = f.apply(&target, &args.iter().collect::<Array>())?;
    if result.is_instance_of::<Promise>() {
        JsFuture::from(Promise::from(result)).await
    } else {
        Ok(result)
    }
}

/// A plain object `{ key: value }`.
pub fn object_with(key: &str, value: &JsValue) -> JsValue {
    let o = js_sys::Object::new();
    let _ = Reflect::set(&o, &key.into(), value);
    o.into()
}

/// The stored profile as JSON text, or `None` when the user has not saved one yet.
pub async fn load_profile_json() -> Result<Option<String>, JsValue> {
    let got = call("storage.local", "get", &[PROFILE_KEY.into()]).await?;
    let value = Reflect::get(&got, &PROFILE_KEY.into())?;
    json_of(&value)
}

/// Serialises a storage value to JSON text (`None` for undefined/null).
pub fn json_of(value: &JsValue) -> Result<Option<String>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    Ok(JSON::stringify(value)?.as_string())
}

/// The profile to use: the stored one when valid, else the built-in demo profile.
pub fn profile_or_demo(json: Option<&str>) -> Profile {
    match json.map(Profile::from_json) {
        Some(Ok(p)) => p,
        Some(Err(e)) => {
            gloo::console::warn!(format!(
                "Hat Tip: stored profile refused ({e}); using the demo profile"
            ));
            Profile::demo()
        }
        None => Profile::demo(),
    }
}

/// Stores a validated profile under [`PROFILE_KEY`] as a plain object.
pub async fn save_profile(profile: &Profile) -> Result<(), JsValue> {
    let value = JSON::parse(
        &serde_json::to_string(profile).map_err(|e| JsValue::from_str(&e.to_string()))?,
    )?;
    call("storage.local", "set", &[object_with(PROFILE_KEY, &value)]).await?;
    Ok(())
}

/// The interface message `key` in the browser's language (the extension's `_locales`), its
/// placeholders filled in the order the English message names them; the key itself if the
/// message is missing (a test keeps every key present). See `extension/i18n.js`.
pub fn t(key: &str, substitutions: &[&str]) -> String {
    let message = get_path(&api(), "i18n")
        .and_then(|i18n| {
            let f: Function = Reflect::get(&i18n, &"getMessage".into())?.dyn_into()?;
            let subs: Array = substitutions.iter().map(|s| JsValue::from_str(s)).collect();
            f.call2(&i18n, &key.into(), &subs)
        })
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if message.is_empty() {
        key.to_string()
    } else {
        message
    }
}

/// The browser's interface language, as `Intl` takes it.
fn ui_locales() -> Array {
    let language = get_path(&api(), "i18n")
        .and_then(|i18n| {
            let f: Function = Reflect::get(&i18n, &"getUILanguage".into())?.dyn_into()?;
            f.call0(&i18n)
        })
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "en".into());
    Array::of1(&language.into())
}

/// `n` written for the interface's language.
pub fn fmt_number(n: f64) -> String {
    fmt_with(n, &js_sys::Object::new())
}

/// `n` with one decimal (a size: 6.0 MB, 6,0 Mo).
pub fn fmt_one_decimal(n: f64) -> String {
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"minimumFractionDigits".into(), &1.into());
    let _ = Reflect::set(&options, &"maximumFractionDigits".into(), &1.into());
    fmt_with(n, &options)
}

fn fmt_with(n: f64, options: &js_sys::Object) -> String {
    let format = js_sys::Intl::NumberFormat::new(&ui_locales(), options).format();
    format
        .call1(&JsValue::NULL, &n.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| n.to_string())
}

/// The message `{key}_one` or `{key}_other` for the count `n` (its first placeholder), by the
/// interface language's plural rule; `more` fill the next placeholders.
pub fn plural(n: f64, key: &str, more: &[&str]) -> String {
    let rules = js_sys::Intl::PluralRules::new(&ui_locales(), &js_sys::Object::new());
    let form = if rules.select(n) == "one" {
        "one"
    } else {
        "other"
    };
    let count = fmt_number(n);
    let mut subs = vec![count.as_str()];
    subs.extend_from_slice(more);
    t(&format!("{key}_{form}"), &subs)
}
