//! Fuzz target over folding + matching: `cargo fuzz run normalize_match` (see README).
//! Any input: no panic, offsets in bounds and on UTF-16 character boundaries, stable results.
#![no_main]

use hattip::matcher::Matcher;
use hattip::profile::Profile;
use hattip::text::FoldedText;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn matcher() -> &'static (Profile, Matcher) {
    static M: OnceLock<(Profile, Matcher)> = OnceLock::new();
    M.get_or_init(|| {
        let p = Profile::demo();
        let m = Matcher::new(&p);
        (p, m)
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (_, matcher) = matcher();
    let _ = FoldedText::new(&text, hattip::text::CaseMode::Insensitive);
    let mut bounds = vec![0u32];
    let mut pos = 0u32;
    for c in text.chars() {
        pos += c.len_utf16() as u32;
        bounds.push(pos);
    }
    let found = matcher.find(&text);
    for m in &found {
        assert!(m.start < m.end && m.end <= pos);
        assert!(bounds.binary_search(&m.start).is_ok() && bounds.binary_search(&m.end).is_ok());
    }
    assert_eq!(found, matcher.find(&text));
});
