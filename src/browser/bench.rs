//! Benchmark hooks (`--features bench`, built only by `./build.sh bench`, never shipped): the
//! engine's compile, matching and analysis steps one at a time, and the wasm heap size, so
//! tests/bench can time them in V8 next to the native build.

use wasm_bindgen::prelude::*;

use crate::engine::Engine;
use crate::post::Post;
use crate::profile::Profile;

/// Validates a profile without compiling it (the parse half of the compile benchmark).
#[wasm_bindgen]
pub fn bench_parse(profile_json: &str) -> Result<u32, JsError> {
    Profile::from_json(profile_json)
        .map(|p| p.brands.len() as u32)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// A compiled profile to time.
#[wasm_bindgen]
pub struct BenchEngine {
    engine: Engine,
}

#[wasm_bindgen]
impl BenchEngine {
    #[wasm_bindgen(constructor)]
    pub fn new(profile_json: &str) -> Result<BenchEngine, JsError> {
        Engine::from_json(profile_json)
            .map(|engine| BenchEngine { engine })
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// How many mentions `text` has.
    pub fn mentions(&self, text: &str) -> u32 {
        self.engine.mentions(text).len() as u32
    }

    /// Analyses `text` as a post; returns its number of mentions.
    pub fn analyze(&self, text: &str) -> u32 {
        self.engine
            .analyze(&Post {
                text,
                ..Default::default()
            })
            .mentions
            .len() as u32
    }
}

/// Bytes of wasm linear memory in use (it only grows).
#[wasm_bindgen]
pub fn heap_bytes() -> u32 {
    (core::arch::wasm32::memory_size(0) * 65536) as u32
}
