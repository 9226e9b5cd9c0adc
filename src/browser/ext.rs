//! The WebExtension APIs this crate uses (storage, permissions, tabs), reached through the
//! `browser` (Firefox) or `chrome` (Chromium) global, plus small async helpers. Both browsers'
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

/// Remembers the extension API object the loader passes in (`browser ?? chrome`). It must come
/// from the loader: in Firefox content scripts the wasm glue's global is the page's window,
/// which has no `browser`.
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
            gloo::console::warn!(format!("Hat Tip: stored profile refused ({e}); using the demo profile"));
            Profile::demo()
        }
        None => Profile::demo(),
    }
}

/// Stores a validated profile under [`PROFILE_KEY`] as a plain object.
pub async fn save_profile(profile: &Profile) -> Result<(), JsValue> {
    let value = JSON::parse(&serde_json::to_string(profile).map_err(|e| JsValue::from_str(&e.to_string()))?)?;
    call("storage.local", "set", &[object_with(PROFILE_KEY, &value)]).await?;
    Ok(())
}

/// Calls `on_change(new_json)` whenever another context changes the stored profile.
pub fn on_profile_change(on_change: impl Fn(Option<String>) + 'static) -> Result<(), JsValue> {
    let listener = Closure::<dyn Fn(JsValue, JsValue)>::new(move |changes: JsValue, area: JsValue| {
        if area.as_string().as_deref() != Some("local") {
            return;
        }
        let Ok(change) = Reflect::get(&changes, &PROFILE_KEY.into()) else { return };
        if change.is_undefined() {
            return;
        }
        let new_value = Reflect::get(&change, &"newValue".into()).unwrap_or(JsValue::UNDEFINED);
        on_change(json_of(&new_value).ok().flatten());
    });
    let event = get_path(&api(), "storage.onChanged")?;
    let add: Function = Reflect::get(&event, &"addListener".into())?.dyn_into()?;
    add.call1(&event, listener.as_ref())?;
    listener.forget(); // lives as long as the page: the listener is the extension's lifeline
    Ok(())
}

/// Message types exchanged between the content scripts of one tab (through background.js).
pub const INSERT_IN_FRAME: &str = "hattip:insert-in-frame";
pub const INSERT_HERE: &str = "hattip:insert-here";

/// Sends a message to the extension (background.js) and awaits its answer.
pub async fn send_message(message: &JsValue) -> Result<JsValue, JsValue> {
    call("runtime", "sendMessage", std::slice::from_ref(message)).await
}

/// Answers messages of type `kind` with what `handle(message)` resolves to; other messages are
/// left for other listeners. Works in both browsers: the listener returns `true` and answers
/// through `sendResponse` once the future is done.
pub fn on_message<F, Fut>(kind: &'static str, handle: F) -> Result<(), JsValue>
where
    F: Fn(JsValue) -> Fut + 'static,
    Fut: std::future::Future<Output = JsValue> + 'static,
{
    let listener = Closure::<dyn Fn(JsValue, JsValue, Function) -> JsValue>::new(move |message: JsValue, _sender: JsValue, respond: Function| {
        let is_kind = Reflect::get(&message, &"type".into()).ok().and_then(|t| t.as_string()).is_some_and(|t| t == kind);
        if !is_kind {
            return JsValue::UNDEFINED;
        }
        let answer = handle(message);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = respond.call1(&JsValue::NULL, &answer.await);
        });
        JsValue::TRUE
    });
    let event = get_path(&api(), "runtime.onMessage")?;
    let add: Function = Reflect::get(&event, &"addListener".into())?.dyn_into()?;
    add.call1(&event, listener.as_ref())?;
    listener.forget(); // lives as long as the frame
    Ok(())
}

/// Resolves after `ms` milliseconds (window.setTimeout: gloo timers break in Firefox content scripts).
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Milliseconds since the page started.
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}
