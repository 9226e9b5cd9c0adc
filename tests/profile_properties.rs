//! Property tests of profiles other than the demo one: arbitrary brand names, aliases, products,
//! handles, exclusions and flags (with the characters that stress folding) are either refused
//! with a short message naming a field, or compile into an engine that analyses arbitrary posts
//! without panicking, with every mention inside the post and naming a brand of the profile.
//! Bounded (a few hundred cases), so it runs with `cargo test` in CI.

use hattip::{Author, Engine, Platform, Post, Profile};
use proptest::prelude::*;
use serde_json::json;

fn tricky_term() -> impl Strategy<Value = String> {
    // Mostly terms a profile may hold, some it must refuse (empty, one letter, no letters).
    prop_oneof![
        8 => "[a-zA-Z]{2,8}",
        4 => "[a-z]{2,6} [A-Z][a-z]{2,6}",
        1 => Just("Café Lumière".to_string()),
        1 => Just("北風".to_string()),
        1 => Just("\u{202E}rev\u{202C}".to_string()),
        1 => Just("e\u{0301}clair".to_string()),
        1 => Just("  padded  ".to_string()),
        1 => Just("ß-İ-ﬁ".to_string()),
        1 => "\\PC{1,12}",
        1 => Just("X".to_string()),
        1 => Just("!!!".to_string()),
        1 => Just(String::new()),
    ]
}

fn profile_json() -> impl Strategy<Value = String> {
    let brand = (
        tricky_term(),
        proptest::collection::vec(tricky_term(), 0..4),
        proptest::collection::vec(tricky_term(), 0..3),
        proptest::collection::vec(
            prop_oneof![6 => "@?[a-z_]{2,12}", 1 => "[#a-z .]{0,14}"],
            0..3,
        ),
        proptest::collection::vec(tricky_term(), 0..2),
        any::<bool>(),
    )
        .prop_map(
            |(name, aliases, products, handles, exclude, case_sensitive)| {
                json!({ "name": name, "aliases": aliases, "products": products, "handles": handles,
                    "exclude": exclude, "case_sensitive": case_sensitive })
            },
        );
    proptest::collection::vec(brand, 0..5)
        .prop_map(|brands| json!({ "version": 1, "brands": brands }).to_string())
}

fn post_text() -> impl Strategy<Value = String> {
    "\\PC{0,120}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_profile_is_refused_clearly_or_analyses_any_post(json in profile_json(), texts in proptest::collection::vec(post_text(), 1..4)) {
        match Profile::from_json(&json) {
            Err(e) => {
                let message = e.to_string();
                prop_assert!(message.chars().count() < 700, "{message}");
                prop_assert!(message.starts_with("brands"), "names a field: {message}");
            }
            Ok(profile) => {
                let names: Vec<String> = profile.brands.iter().map(|b| b.name.clone()).collect();
                let engine = Engine::new(profile);
                let author = Author { name: "Ana".into(), handle: "ana".into() };
                for text in &texts {
                    let a = engine.analyze(&Post { text, platform: Platform::X, author: Some(&author) });
                    let units = text.encode_utf16().count() as u32;
                    for m in &a.mentions {
                        prop_assert!(m.start < m.end && m.end <= units, "{m:?} in {text:?}");
                        prop_assert!(names.contains(&m.brand), "{m:?}");
                    }
                }
            }
        }
    }
}
