//! The toolbar popup: says whether Hat Tip's engine is running (and what is wrong if it is not),
//! whether Hat Tip runs on the current tab, lets the user turn it off (and on again) on that
//! site, and for a blog asks the browser for access to that site (an optional host permission).

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlElement};

use super::ext;
use super::options::{origin_pattern, request_site};

fn set_text(id: &str, text: &str) {
    if let Some(e) = gloo::utils::document().get_element_by_id(id) {
        e.set_text_content(Some(text));
    }
}

/// Entry point of popup.html.
#[wasm_bindgen]
pub fn run_popup(api: JsValue) {
    ext::set_api(api);
    spawn_local(async {
        show_engine().await;
    });
    spawn_local(async {
        if let Err(e) = show().await {
            set_text(
                "popup-status",
                &format!("Hat Tip couldn't read this tab: {e:?}"),
            );
        }
    });
    if let Some(options) = gloo::utils::document().get_element_by_id("open-options") {
        gloo::events::EventListener::new(&options, "click", |_| {
            spawn_local(async {
                let _ = ext::call("runtime", "openOptionsPage", &[]).await;
            })
        })
        .forget();
    }
}

/// The storage.local key listing the origins the user turned Hat Tip off on.
const DISABLED_KEY: &str = "disabledSites";

async fn show_engine() {
    let message = ext::object_with("type", &"hattip:status".into());
    let text = match ext::call("runtime", "sendMessage", &[message]).await {
        Ok(answer) if Reflect::get(&answer, &"ok".into()).ok().and_then(|v| v.as_bool()) == Some(true) => {
            let brands = Reflect::get(&answer, &"brands".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
            let warning = Reflect::get(&answer, &"warning".into()).ok().and_then(|v| v.as_string());
            match warning {
                Some(w) => format!("Engine running, but {w}."),
                None => format!("Engine running ({brands} brands)."),
            }
        }
        Ok(answer) => {
            let error = Reflect::get(&answer, &"error".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
            format!("{error}. Reload the extension from the browser's extensions page; if it stays down, reinstall it.")
        }
        Err(e) => format!("Hat Tip's engine did not answer ({e:?}). Reload the extension from the browser's extensions page."),
    };
    set_text("engine-status", &text);
}

async fn disabled_sites() -> Result<Vec<String>, JsValue> {
    let got = ext::call("storage.local", "get", &[DISABLED_KEY.into()]).await?;
    let list = Reflect::get(&got, &DISABLED_KEY.into())?;
    Ok(Array::from(&list)
        .iter()
        .filter_map(|v| v.as_string())
        .collect())
}

/// The "turn off / on here" switch for the tab's origin (pages there follow at once).
async fn show_switch(origin: String) -> Result<(), JsValue> {
    let off = disabled_sites().await?.contains(&origin);
    let doc = gloo::utils::document();
    let button: HtmlElement = doc
        .get_element_by_id("toggle-site")
        .ok_or("no #toggle-site")?
        .unchecked_into();
    button.set_hidden(false);
    button.set_text_content(Some(if off {
        "Turn Hat Tip on here"
    } else {
        "Turn Hat Tip off here"
    }));
    let target: Element = button.clone().into();
    gloo::events::EventListener::new(&target, "click", move |_| {
        let origin = origin.clone();
        spawn_local(async move {
            let Ok(mut list) = disabled_sites().await else {
                return;
            };
            let now_off = !list.contains(&origin);
            if now_off {
                list.push(origin.clone());
            } else {
                list.retain(|o| o != &origin);
            }
            let value: Array = list.iter().map(|s| JsValue::from_str(s)).collect();
            if ext::call(
                "storage.local",
                "set",
                &[ext::object_with(DISABLED_KEY, &value)],
            )
            .await
            .is_ok()
            {
                set_text(
                    "popup-status",
                    &if now_off {
                        format!("Hat Tip is off on {origin}.")
                    } else {
                        format!("Hat Tip is on again on {origin}.")
                    },
                );
                set_text(
                    "toggle-site",
                    if now_off {
                        "Turn Hat Tip on here"
                    } else {
                        "Turn Hat Tip off here"
                    },
                );
            }
        });
    })
    .forget();
    Ok(())
}

async fn show() -> Result<(), JsValue> {
    let query = js_sys::Object::new();
    Reflect::set(&query, &"active".into(), &true.into())?;
    Reflect::set(&query, &"currentWindow".into(), &true.into())?;
    let tabs: Array = ext::call("tabs", "query", &[query.into()])
        .await?
        .dyn_into()?;
    let url = Reflect::get(&tabs.get(0), &"url".into())?
        .as_string()
        .unwrap_or_default();
    let Some(pattern) = origin_pattern(&url) else {
        set_text(
            "popup-status",
            "Hat Tip works on web pages (X, Facebook and blogs you allow).",
        );
        return Ok(());
    };
    let check = ext::object_with("origins", &Array::of1(&JsValue::from_str(&pattern)));
    let has = ext::call("permissions", "contains", &[check])
        .await?
        .as_bool()
        .unwrap_or(false);
    if has {
        let origin = pattern.trim_end_matches("/*").to_string();
        let off = disabled_sites().await?.contains(&origin);
        set_text(
            "popup-status",
            &if off {
                format!("Hat Tip is off on {origin}.")
            } else {
                format!("Hat Tip is on for {pattern}.")
            },
        );
        return show_switch(origin).await;
    }
    set_text("popup-status", &format!("Hat Tip is off for {pattern}."));
    let doc = gloo::utils::document();
    let button: HtmlElement = doc
        .get_element_by_id("allow")
        .ok_or("no #allow")?
        .unchecked_into();
    button.set_hidden(false);
    button.set_text_content(Some("Allow Hat Tip on this site"));
    let target: Element = button.clone().into();
    gloo::events::EventListener::new(&target, "click", move |_| {
        let Ok(promise) = request_site(&pattern) else {
            return;
        };
        let pattern = pattern.clone();
        spawn_local(async move {
            let granted = JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            set_text(
                "popup-status",
                &if granted {
                    format!("Hat Tip is on for {pattern}. Reload the tab.")
                } else {
                    "Access was not granted.".to_string()
                },
            );
        });
    })
    .forget();
    Ok(())
}
