//! The engine alone as a wasm32 module: matching, language, sentiment, intent and reply drafting
//! with the built-in profile, without the browser layer (hattip without its `browser` feature).
//! It exists to be measured: `./build.sh bench` builds it and reports its gzipped size next to
//! the extension's wasm (BENCHMARKS.md, "Sizes").

use std::sync::OnceLock;

use hattip::{Engine, Post};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::demo)
}

/// Analyses one post; returns the length of the suggested reply (so nothing is optimised away).
pub fn analyze_len(text: &str) -> usize {
    engine().analyze(&Post { text, ..Default::default() }).reply.text.len()
}

/// Room for the host to write a post into.
#[no_mangle]
pub extern "C" fn engine_alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len);
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// Analyses the UTF-8 post at `ptr` (written by the host into `engine_alloc` memory).
///
/// # Safety
/// `ptr..ptr + len` must be memory from `engine_alloc` holding UTF-8 text.
#[no_mangle]
pub unsafe extern "C" fn engine_analyze(ptr: *const u8, len: usize) -> usize {
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    std::str::from_utf8(bytes).map_or(0, analyze_len)
}

