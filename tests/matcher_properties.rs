//! Property tests of normalise + match over arbitrary text: never panics, offsets always in
//! bounds and on UTF-16 character boundaries, results stable when run again, and invisible noise
//! inserted into a text never changes which brands are found.

use hattip::Engine;
use proptest::prelude::*;

/// Characters that stress folding and offsets: astral emoji, combining marks, noise, CJK, RTL.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        any::<char>(),
        Just('😀'),
        Just('\u{034F}'),
        Just('\u{200B}'),
        Just('\u{00AD}'),
        Just('\u{0301}'),
        Just('の'),
        Just('咖'),
        Just('ß'),
        Just('İ'),
        Just('ﬁ'),
        Just('Ｎ'),
        Just('’'),
        Just('@'),
        Just('#'),
        Just(' '),
        Just('\u{202E}'),
        Just('\u{FEFF}'),
    ]
}

fn text_with_brands() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Northwind".to_string()),
        Just("Zephyr Air".to_string()),
        Just("@northwindcoffee".to_string()),
        Just("#flyzephyr".to_string()),
        Just("Orbit".to_string()),
        Just("Cold Brew Reserve".to_string()),
        Just("Nortwind".to_string()),
        "[a-zA-Z]{1,8}".prop_map(|s| s),
        proptest::collection::vec(tricky_char(), 1..4).prop_map(|v| v.into_iter().collect()),
    ];
    proptest::collection::vec(piece, 0..20).prop_map(|v| v.join(" "))
}

fn utf16_boundaries(s: &str) -> Vec<u32> {
    let mut out = vec![0];
    let mut pos = 0;
    for c in s.chars() {
        pos += c.len_utf16() as u32;
        out.push(pos);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn offsets_are_valid_and_results_stable(text in prop_oneof![text_with_brands(), proptest::collection::vec(tricky_char(), 0..64).prop_map(|v| v.into_iter().collect::<String>())]) {
        let engine = Engine::demo();
        let found = engine.mentions(&text);
        let bounds = utf16_boundaries(&text);
        let mut last_end = 0;
        for m in &found {
            prop_assert!(m.start < m.end);
            prop_assert!(m.start >= last_end, "non-overlapping and ordered");
            prop_assert!(bounds.binary_search(&m.start).is_ok(), "start on a char boundary");
            prop_assert!(bounds.binary_search(&m.end).is_ok(), "end on a char boundary");
            prop_assert!(engine.profile().brands.iter().any(|b| b.name == m.brand));
            last_end = m.end;
        }
        prop_assert_eq!(found, engine.mentions(&text));
    }

    #[test]
    fn invisible_noise_changes_nothing(text in text_with_brands(), positions in proptest::collection::vec(any::<prop::sample::Index>(), 0..6), noise in prop_oneof![Just('\u{034F}'), Just('\u{200B}'), Just('\u{00AD}'), Just('\u{2060}')]) {
        let engine = Engine::demo();
        let mut chars: Vec<char> = text.chars().collect();
        for p in positions {
            let at = p.index(chars.len() + 1);
            chars.insert(at, noise);
        }
        let noisy: String = chars.into_iter().collect();
        let brands = |t: &str| engine.mentions(t).into_iter().map(|m| (m.brand, m.fuzzy)).collect::<Vec<_>>();
        prop_assert_eq!(brands(&text), brands(&noisy));
    }
}
