//! The toolbar popup: says whether Hat Tip's engine is running (and what is wrong if it is not),
//! whether Hat Tip runs on the current tab, lets the user turn it off (and on again) on that
//! site, and for a blog asks the browser for access to that site (an optional host permission).
//! It counts the mentions on the tab and lists those waiting for an answer (a click scrolls to
//! one and opens its card), shows today's and this week's counts from the mention log (and when
//! the log cannot be written), and opens the dashboard and the options page.
//!
//! Opened as a page with `?tab=<id>`, it describes that tab instead of the active one.

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
        show_log().await;
    });
    spawn_local(async {
        if let Err(e) = show().await {
            set_text(
                "popup-status",
                &ext::t("popup_tab_unreadable", &[&format!("{e:?}")]),
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
    if let Some(dashboard) = gloo::utils::document().get_element_by_id("open-dashboard") {
        gloo::events::EventListener::new(&dashboard, "click", |_| {
            spawn_local(async {
                if let Ok(url) = ext::call("runtime", "getURL", &["dashboard.html".into()]).await {
                    let _ = ext::call("tabs", "create", &[ext::object_with("url", &url)]).await;
                }
            })
        })
        .forget();
    }
}

fn number(value: &JsValue, key: &str) -> Option<f64> {
    Reflect::get(value, &key.into())
        .ok()
        .and_then(|v| v.as_f64())
}

fn text_of(value: &JsValue, key: &str) -> Option<String> {
    Reflect::get(value, &key.into())
        .ok()
        .and_then(|v| v.as_string())
}

/// "1 mention" / "3 mentions", in the interface's language.
fn mentions(n: f64) -> String {
    ext::plural(n, "mentions", &[])
}

/// Today's and this week's counts from the mention log, and its problem if it has one.
async fn show_log() {
    let message = ext::object_with("type", &"hattip:log-summary".into());
    let Ok(answer) = ext::call("runtime", "sendMessage", &[message]).await else {
        set_text("log-counts", &ext::t("popup_log_silent", &[]));
        return;
    };
    if let (Some(today), Some(week), Some(total)) = (
        number(&answer, "today"),
        number(&answer, "week"),
        number(&answer, "total"),
    ) {
        set_text(
            "log-counts",
            &ext::t(
                "popup_log_counts",
                &[&mentions(today), &mentions(week), &mentions(total)],
            ),
        );
    }
    if let Some(problem) = text_of(&answer, "problem") {
        set_text("log-problem", &problem);
        if let Some(e) = gloo::utils::document().get_element_by_id("log-problem") {
            let _ = e.remove_attribute("hidden");
        }
    }
}

/// The tab's mentions: how many, how many wait for an answer, and a button for each of those.
async fn show_page(tab_id: f64) -> Result<(), JsValue> {
    let message = ext::object_with("type", &"hattip:page-mentions".into());
    let top_frame = ext::object_with("frameId", &0.into());
    let Ok(answer) = ext::call("tabs", "sendMessage", &[tab_id.into(), message, top_frame]).await
    else {
        return Ok(());
    };
    let list: Array = Reflect::get(&answer, &"mentions".into())?
        .dyn_into()
        .unwrap_or_default();
    let doc = gloo::utils::document();
    let waiting: Vec<JsValue> = list
        .iter()
        .filter(|m| {
            Reflect::get(m, &"waiting".into())
                .ok()
                .and_then(|v| v.as_bool())
                == Some(true)
        })
        .collect();
    set_text(
        "page-count",
        &ext::plural(
            waiting.len() as f64,
            "popup_page_count",
            &[&mentions(list.length() as f64)],
        ),
    );
    let ul = doc
        .get_element_by_id("page-waiting")
        .ok_or("no #page-waiting")?;
    for m in waiting {
        let id = number(&m, "id").unwrap_or(0.0);
        let author = Reflect::get(&m, &"author".into()).unwrap_or(JsValue::NULL);
        let who = text_of(&author, "name")
            .filter(|n| !n.is_empty())
            .or_else(|| text_of(&author, "handle").map(|h| format!("@{h}")))
            .unwrap_or_else(|| ext::t("popup_someone", &[]));
        let intent = ext::t(
            &format!("intent_{}", text_of(&m, "intent").unwrap_or_default()),
            &[],
        );
        let brand = text_of(&m, "brand").unwrap_or_default();
        let about_category = Reflect::get(&m, &"category".into())
            .ok()
            .and_then(|v| v.as_bool())
            == Some(true);
        let label = format!(
            "{} · {} · {}: {}",
            if about_category {
                ext::t("dash_category_of", &[&brand])
            } else {
                brand
            },
            intent,
            who,
            text_of(&m, "snippet").unwrap_or_default()
        );
        let li = doc.create_element("li")?;
        let button: HtmlElement = doc.create_element("button")?.unchecked_into();
        button.set_attribute("type", "button")?;
        button.set_attribute("data-post", &id.to_string())?;
        button.set_text_content(Some(&label));
        gloo::events::EventListener::new(&button, "click", move |_| {
            spawn_local(async move {
                let show = ext::object_with("type", &"hattip:show".into());
                let _ = Reflect::set(&show, &"id".into(), &id.into());
                let top_frame = ext::object_with("frameId", &0.into());
                let _ = ext::call(
                    "tabs",
                    "update",
                    &[tab_id.into(), ext::object_with("active", &true.into())],
                )
                .await;
                if ext::call("tabs", "sendMessage", &[tab_id.into(), show, top_frame])
                    .await
                    .is_ok()
                {
                    let _ = gloo::utils::window().close();
                }
            });
        })
        .forget();
        li.append_child(&button)?;
        ul.append_child(&li)?;
    }
    doc.get_element_by_id("on-page")
        .ok_or("no #on-page")?
        .remove_attribute("hidden")?;
    Ok(())
}

/// The tab the popup describes: `?tab=<id>` when opened as a page, else the active tab.
async fn current_tab() -> Result<JsValue, JsValue> {
    let search = gloo::utils::window().location().search()?;
    let asked = search
        .strip_prefix("?tab=")
        .and_then(|id| id.parse::<i32>().ok());
    if let Some(id) = asked {
        return ext::call("tabs", "get", &[id.into()]).await;
    }
    let query = js_sys::Object::new();
    Reflect::set(&query, &"active".into(), &true.into())?;
    Reflect::set(&query, &"currentWindow".into(), &true.into())?;
    let tabs: Array = ext::call("tabs", "query", &[query.into()])
        .await?
        .dyn_into()?;
    Ok(tabs.get(0))
}

/// The storage.local key listing the origins the user turned Hat Tip off on.
const DISABLED_KEY: &str = "disabledSites";

async fn show_engine() {
    let message = ext::object_with("type", &"hattip:status".into());
    let text = match ext::call("runtime", "sendMessage", &[message]).await {
        Ok(answer)
            if Reflect::get(&answer, &"ok".into())
                .ok()
                .and_then(|v| v.as_bool())
                == Some(true) =>
        {
            let brands = Reflect::get(&answer, &"brands".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0);
            let warning = Reflect::get(&answer, &"warning".into())
                .ok()
                .and_then(|v| v.as_string());
            match warning {
                Some(w) => ext::t("popup_engine_warning", &[&w]),
                None => ext::plural(brands, "popup_engine_running", &[]),
            }
        }
        Ok(answer) => {
            let error = Reflect::get(&answer, &"error".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            ext::t("popup_engine_error", &[&error])
        }
        Err(e) => ext::t("popup_engine_silent", &[&format!("{e:?}")]),
    };
    set_text("engine-status", &text);
}

async fn disabled_sites() -> Result<Vec<String>, JsValue> {
    let got = ext::call("storage.local", "get", &[DISABLED_KEY.into()]).await?;
    let list = Reflect::get(&got, &DISABLED_KEY.into())?;
    if !Array::is_array(&list) {
        return Ok(Vec::new());
    }
    Ok(Array::from(&list)
        .iter()
        .filter_map(|v| v.as_string())
        .collect())
}

/// The switch's words: turn Hat Tip on here (it is `off`) or off.
fn switch_label(off: bool) -> String {
    ext::t(
        if off {
            "popup_turn_on"
        } else {
            "popup_turn_off"
        },
        &[],
    )
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
    button.set_text_content(Some(&switch_label(off)));
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
                let status = if now_off {
                    "popup_site_off"
                } else {
                    "popup_site_on_again"
                };
                set_text("popup-status", &ext::t(status, &[&origin]));
                set_text("toggle-site", &switch_label(now_off));
            }
        });
    })
    .forget();
    Ok(())
}

async fn show() -> Result<(), JsValue> {
    let tab = current_tab().await?;
    let url = Reflect::get(&tab, &"url".into())?
        .as_string()
        .unwrap_or_default();
    let tab_id = number(&tab, "id");
    let Some(pattern) = origin_pattern(&url) else {
        set_text("popup-status", &ext::t("popup_not_a_page", &[]));
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
                ext::t("popup_site_off", &[&origin])
            } else {
                ext::t("popup_site_on", &[&pattern])
            },
        );
        if let (false, Some(id)) = (off, tab_id) {
            show_page(id).await?;
        }
        return show_switch(origin).await;
    }
    set_text(
        "popup-status",
        &ext::t("popup_site_not_allowed", &[&pattern]),
    );
    let doc = gloo::utils::document();
    let button: HtmlElement = doc
        .get_element_by_id("allow")
        .ok_or("no #allow")?
        .unchecked_into();
    button.set_hidden(false);
    button.set_text_content(Some(&ext::t("popup_allow", &[])));
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
                    ext::t("popup_allowed_reload", &[&pattern])
                } else {
                    ext::t("popup_not_granted", &[])
                },
            );
        });
    })
    .forget();
    Ok(())
}
