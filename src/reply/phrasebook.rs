//! The phrasebooks: for every supported language, three moves per reply act, each with a few
//! native phrasings (`phrases/<lang>.json`, written for this project, not translated word for
//! word), in a friendly register plus formal and playful ones where the language needs them
//! (tú/usted, du/Sie, tu/Lei, je/u). Also the template language the user's own phrasebook lines
//! are checked against when a profile is saved. No drafting logic here: see `super`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::voice::Tone;

/// One move's phrasings (best first when several fit).
pub type Variants = Vec<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fallback {
    pub problem: String,
    pub topic: String,
    pub site: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageBook {
    pub fallback: Fallback,
    /// How a reply that gives one of the brand's known answers starts (`{fact}` is the answer).
    fact: String,
    #[serde(default)]
    fact_formal: Option<String>,
    friendly: BTreeMap<String, [Variants; 3]>,
    #[serde(default)]
    formal: BTreeMap<String, [Variants; 3]>,
    #[serde(default)]
    playful: BTreeMap<String, [Variants; 3]>,
}

impl LanguageBook {
    /// The frame around a known answer, in the register that fits `tone`.
    pub fn fact_frame(&self, tone: Tone) -> &str {
        match (tone, &self.fact_formal) {
            (Tone::Formal, Some(formal)) => formal,
            _ => &self.fact,
        }
    }

    /// The three moves of `act` in the register that fits `tone` (friendly when the language has
    /// no separate register for that act).
    pub fn moves(&self, act: &str, tone: Tone) -> &[Variants; 3] {
        let register = match tone {
            Tone::Formal => &self.formal,
            Tone::Playful => &self.playful,
            Tone::Friendly => &self.friendly,
        };
        register
            .get(act)
            .or_else(|| self.friendly.get(act))
            .expect("every drafted act is in every friendly book (tested)")
    }
}

const SOURCES: [(&str, &str); 8] = [
    ("en", include_str!("phrases/en.json")),
    ("es", include_str!("phrases/es.json")),
    ("fr", include_str!("phrases/fr.json")),
    ("de", include_str!("phrases/de.json")),
    ("pt", include_str!("phrases/pt.json")),
    ("it", include_str!("phrases/it.json")),
    ("nl", include_str!("phrases/nl.json")),
    ("ja", include_str!("phrases/ja.json")),
];

/// The built-in book of a supported language (English for anything else).
pub fn builtin(language: &str) -> &'static LanguageBook {
    static BOOKS: OnceLock<Vec<LanguageBook>> = OnceLock::new();
    let books = BOOKS.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(lang, json)| {
                serde_json::from_str(json).unwrap_or_else(|e| panic!("phrases/{lang}.json: {e}"))
            })
            .collect()
    });
    let i = SOURCES
        .iter()
        .position(|(l, _)| *l == language)
        .unwrap_or(0);
    &books[i]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::voice::{check_template, placeholders, DRAFTED_ACTS, OPTIONAL};

    #[test]
    fn every_book_has_every_act_and_only_valid_templates() {
        for (lang, _) in SOURCES {
            let book = builtin(lang);
            for tone in [Tone::Friendly, Tone::Formal, Tone::Playful] {
                for act in DRAFTED_ACTS {
                    for (i, variants) in book.moves(act, tone).iter().enumerate() {
                        assert!(!variants.is_empty(), "{lang} {act} move {i}");
                        for t in variants {
                            check_template(t).unwrap_or_else(|e| panic!("{lang} {act}: {e}: {t}"));
                        }
                        // A phrasing that needs nothing optional, so every move always has one.
                        assert!(
                            variants
                                .iter()
                                .any(|t| placeholders(t).all(|p| !OPTIONAL.contains(&p))),
                            "{lang} {tone:?} {act} move {i} has no phrasing without optional slots"
                        );
                    }
                }
            }
            for frame in [
                book.fact_frame(Tone::Friendly),
                book.fact_frame(Tone::Formal),
            ] {
                assert!(frame.contains("{fact}"), "{lang}: {frame}");
                check_template(&frame.replace("{fact}", ""))
                    .unwrap_or_else(|e| panic!("{lang} fact: {e}"));
            }
            for register in [&book.formal, &book.playful] {
                for act in register.keys() {
                    assert!(
                        DRAFTED_ACTS.contains(&act.as_str()),
                        "{lang}: unknown act {act}"
                    );
                }
            }
        }
    }

    #[test]
    fn template_errors_say_what_is_wrong() {
        assert!(check_template("Thanks {name}!").is_ok());
        assert!(check_template("Thanks {nme}!")
            .unwrap_err()
            .contains("unknown placeholder {nme}"));
        assert!(check_template("Thanks {name!")
            .unwrap_err()
            .contains("without its '}'"));
        assert!(check_template("Thanks name}!")
            .unwrap_err()
            .contains("without its '{'"));
        assert!(check_template("  ").is_err());
        assert_eq!(
            placeholders("Hi {name}, about {topic}.").collect::<Vec<_>>(),
            ["name", "topic"]
        );
    }
}
