//! Fuzz target over the engine's facade (folding, matching, then the whole analysis): `cargo fuzz run normalize_match` (see README).
//! Any input: no panic, offsets in bounds and on UTF-16 character boundaries, stable results.
#![no_main]

use hattip::{Engine, Post};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::demo)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let engine = engine();
    let mut bounds = vec![0u32];
    let mut pos = 0u32;
    for c in text.chars() {
        pos += c.len_utf16() as u32;
        bounds.push(pos);
    }
    let found = engine.mentions(&text);
    for m in &found {
        assert!(m.start < m.end && m.end <= pos);
        assert!(bounds.binary_search(&m.start).is_ok() && bounds.binary_search(&m.end).is_ok());
    }
    assert_eq!(found, engine.mentions(&text));
    let _ = engine.analyze(&Post { text: &text, ..Default::default() });
});
