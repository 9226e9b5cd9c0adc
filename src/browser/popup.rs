//! The toolbar popup: says whether Hat Tip runs on the current tab and, for a blog, asks the
//! browser for access to that site (an optional host permission) in one click.

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
        set_text("popup-status", &format!("Hat Tip is on for {pattern}."));
        return Ok(());
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
