//! Fuzz target over profiles: `cargo fuzz run profile` (see README). The input is read twice:
//! whole, as a profile file (which must be refused with an error, never a panic), and split at
//! the first zero byte into brand terms (separated by byte 1: a name, then aliases and products in
//! turn) and a post. A profile that compiles must analyse the post with every mention inside it,
//! on character boundaries, and naming one of its brands.
#![no_main]

use hattip::{Engine, Post, Profile};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

/// The profile JSON made of `terms`: the first is the brand's name, the rest alternate between
/// aliases and products; every eighth term starts another brand.
fn profile_of(terms: &[String]) -> String {
    let brands: Vec<_> = terms
        .chunks(8)
        .map(|chunk| {
            let (aliases, products): (Vec<_>, Vec<_>) =
                chunk[1..].iter().enumerate().partition(|(i, _)| i % 2 == 0);
            json!({
                "name": chunk[0],
                "aliases": aliases.into_iter().map(|(_, t)| t).collect::<Vec<_>>(),
                "products": products.into_iter().map(|(_, t)| t).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "version": 1, "brands": brands }).to_string()
}

fuzz_target!(|data: &[u8]| {
    let _ = Profile::from_json(&String::from_utf8_lossy(data));

    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let terms: Vec<String> = data[..split]
        .split(|&b| b == 1)
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect();
    let text = String::from_utf8_lossy(data.get(split + 1..).unwrap_or_default());
    let Ok(engine) = Engine::from_json(&profile_of(&terms)) else {
        return;
    };
    let mut bounds = vec![0u32];
    let mut pos = 0u32;
    for c in text.chars() {
        pos += c.len_utf16() as u32;
        bounds.push(pos);
    }
    let names: Vec<&str> = engine.profile().brands.iter().map(|b| b.name.as_str()).collect();
    for m in engine.mentions(&text) {
        assert!(m.start < m.end && m.end <= pos);
        assert!(bounds.binary_search(&m.start).is_ok() && bounds.binary_search(&m.end).is_ok());
        assert!(names.contains(&m.brand.as_str()));
    }
    let _ = engine.analyze(&Post {
        text: &text,
        ..Default::default()
    });
});
