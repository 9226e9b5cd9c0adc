//! One table of posts in every reply language (`tests/cases/intents.tsv`), each read by the
//! engine with the demo profile: the intent must be the one a person reads in it. Every miss is
//! listed at once, so a change to a word list shows everything it broke.

use hattip::{Engine, Platform, Post};

const CASES: &str = include_str!("cases/intents.tsv");

#[test]
fn every_case_reads_as_a_person_reads_it() {
    let engine = Engine::demo();
    let mut misses = Vec::new();
    let mut count = 0;
    for line in CASES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut fields = line.splitn(3, '\t');
        let (Some(language), Some(want), Some(text)) =
            (fields.next(), fields.next(), fields.next())
        else {
            panic!("intents.tsv: {line:?} is not language<TAB>intent<TAB>post");
        };
        let text = text.replace("@acme", "@northwindcoffee");
        let analysis = engine.analyze(&Post {
            text: &text,
            platform: Platform::X,
            author: None,
        });
        count += 1;
        if analysis.intent.as_str() != want {
            misses.push(format!(
                "{language} want {want}, got {}: {text}",
                analysis.intent.as_str()
            ));
        }
    }
    assert!(count >= 660, "the table lost its cases ({count})");
    assert!(
        misses.is_empty(),
        "{} of {count} misread:\n{}",
        misses.len(),
        misses.join("\n")
    );
}
