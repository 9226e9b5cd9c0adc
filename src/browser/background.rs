//! The engine as the extension's background holds it (Chrome's service worker, Firefox's
//! background page): one compiled profile per browser, answering the content scripts' requests
//! (`crate::protocol`). `background.js` owns the browser events and storage; this only compiles
//! and answers. No DOM: a service worker has none.

use wasm_bindgen::prelude::*;

use crate::analyze::Intent;
use crate::engine::Engine;
use crate::profile::Profile;

/// The background's engine, compiled from the stored profile.
#[wasm_bindgen]
pub struct BackgroundEngine {
    engine: Engine,
    warning: Option<String>,
}

#[wasm_bindgen]
impl BackgroundEngine {
    /// Compiles the profile in use (JSON text): the one an organisation set by policy when
    /// `from_policy`, else the stored one; the demo profile when there is none or it is refused
    /// (then [`BackgroundEngine::warning`] says why).
    #[wasm_bindgen(constructor)]
    pub fn new(profile_json: Option<String>, from_policy: bool) -> BackgroundEngine {
        let whose = if from_policy {
            "the profile your organisation set"
        } else {
            "the stored profile"
        };
        let (profile, warning) = match profile_json.as_deref().map(Profile::from_json) {
            Some(Ok(p)) => (p, None),
            Some(Err(e)) => (
                Profile::demo(),
                Some(format!("{whose} was refused ({e}); using the demo profile")),
            ),
            None => (Profile::demo(), None),
        };
        BackgroundEngine {
            engine: Engine::new(profile),
            warning,
        }
    }

    /// Why the stored profile is not the one in use, if it is not.
    #[wasm_bindgen(getter)]
    pub fn warning(&self) -> Option<String> {
        self.warning.clone()
    }

    /// How many brands the compiled profile has.
    #[wasm_bindgen(getter)]
    pub fn brands(&self) -> u32 {
        self.engine.profile().brands.len() as u32
    }

    /// Remembers the user's correction of a post from the card (`intent`: `praise`,
    /// `complaint`…), so that later posts close to it are read the same way; an unknown intent
    /// is refused with a message naming it.
    pub fn correct(&mut self, text: &str, intent: &str) -> Result<(), JsError> {
        let intent: Intent = serde_json::from_value(serde_json::Value::String(intent.into()))
            .map_err(|_| JsError::new(&format!("intent: `{intent:.40}` is not an intent")))?;
        self.engine.correct(text, intent);
        Ok(())
    }

    /// How many corrections the engine remembers.
    #[wasm_bindgen(getter)]
    pub fn corrections(&self) -> u32 {
        self.engine.corrections().len() as u32
    }

    /// Answers one request from a content script (JSON text in, JSON text out; see `protocol`).
    pub fn answer(&self, request_json: &str) -> String {
        crate::protocol::answer(&self.engine, request_json)
    }
}

/// Why a profile (JSON text) would be refused, or `None` if it is valid: the background checks a
/// profile from another browser (storage.sync) before it replaces this browser's.
#[wasm_bindgen]
pub fn profile_problem(profile_json: &str) -> Option<String> {
    Profile::from_json(profile_json)
        .err()
        .map(|e| e.to_string())
}
