//! What a reply can take from the post: the author's first name, and the concrete problem or the
//! question's subject named in the reply's language (`topics.json`: "lost my bag" → "your lost
//! bag" / "la maleta perdida" / "dem verlorenen Gepäck"). Works on the masked, lower-cased text
//! the analysis already made, so the brand's own name is never taken for a topic.

use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Deserialize)]
struct Concept {
    when: Vec<Vec<String>>,
    say: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Table {
    #[allow(dead_code)]
    about: String,
    problem: Vec<Concept>,
    topic: Vec<Concept>,
    praise: Vec<Concept>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        serde_json::from_str(include_str!("topics.json")).expect("topics.json is valid (tested)")
    })
}

/// Which list to look in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConceptKind {
    /// What went wrong (for complaints).
    Problem,
    /// What a question is about.
    Topic,
    /// What a happy customer liked.
    Praise,
}

/// How much of a post is searched for its problem or subject: a reply is about what a post says
/// first, and a multi-megabyte post must not cost hundreds of scans of all of it.
const SEARCHED_BYTES: usize = 2_000;

/// The phrase for the first concept of `kind` the post names, in `language`.
pub fn find_concept(lower: &str, kind: ConceptKind, language: &str) -> Option<String> {
    let mut cut = lower.len().min(SEARCHED_BYTES);
    while !lower.is_char_boundary(cut) {
        cut -= 1;
    }
    let lower = &lower[..cut];
    let list = match kind {
        ConceptKind::Problem => &table().problem,
        ConceptKind::Topic => &table().topic,
        ConceptKind::Praise => &table().praise,
    };
    for concept in list {
        let mut first_word = None;
        let all_groups = concept.when.iter().enumerate().all(|(g, group)| {
            group
                .iter()
                .find_map(|trigger| find_trigger(lower, trigger))
                .is_some_and(|word| {
                    if g == 0 {
                        first_word = Some(word);
                    }
                    true
                })
        });
        if all_groups {
            let say = concept
                .say
                .get(language)
                .or_else(|| concept.say.get("en"))?;
            return Some(say.replace("{word}", first_word.unwrap_or_default()));
        }
    }
    None
}

/// Finds `trigger` in `lower` on word boundaries (a trailing `*` allows any ending; triggers that
/// start with a CJK character match anywhere). Returns the whole word of the text it matched.
pub fn find_trigger<'t>(lower: &'t str, trigger: &str) -> Option<&'t str> {
    let (needle, prefix) = match trigger.strip_suffix('*') {
        Some(n) => (n, true),
        None => (trigger, false),
    };
    let spaceless = needle.chars().next().is_some_and(is_spaceless);
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '-';
    for (at, _) in lower.match_indices(needle) {
        let end = at + needle.len();
        if spaceless {
            return Some(&lower[at..end]);
        }
        let starts_word = lower[..at].chars().next_back().is_none_or(|c| !is_word(c));
        let rest_len = lower[end..]
            .find(|c: char| !is_word(c))
            .unwrap_or(lower.len() - end);
        if starts_word && (prefix || rest_len == 0) {
            return Some(&lower[at..end + rest_len]);
        }
    }
    None
}

fn is_spaceless(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The author's first name when the display name starts with one (`Ana Ruiz` → `Ana`; a
/// Japanese display name's first word, used with さん). Handles and names with digits or
/// underscores are not names.
pub fn first_name(display: &str) -> Option<&str> {
    let word = display.split_whitespace().next()?;
    if word.chars().all(is_spaceless) {
        return (word.chars().count() <= 6).then_some(word);
    }
    let letters = word
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
    let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
    (letters && starts_upper && word.chars().count() >= 2).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ConceptKind::{Praise, Problem, Topic};

    #[test]
    fn problems_in_every_language() {
        let cases = [
            ("lost my bag again, unacceptable", "en", "your lost bag"),
            ("my latte was cold this morning", "en", "your cold latte"),
            (
                "the app logs me out every single time",
                "en",
                "the app logging you out",
            ),
            ("perdieron mi maleta otra vez", "es", "la maleta perdida"),
            ("encore un retard de deux heures", "fr", "le retard"),
            (
                "mein koffer ist verloren gegangen",
                "de",
                "dem verlorenen Gepäck",
            ),
            ("cobraram duas vezes na minha fatura", "pt", "a cobrança"),
            ("l'app si blocca di continuo", "it", "i crash"),
            (
                "mijn bestelling is nog steeds niet binnen",
                "nl",
                "de bestelling",
            ),
            ("荷物が紛失しました", "ja", "お荷物の紛失"),
        ];
        for (text, lang, want) in cases {
            assert_eq!(
                find_concept(text, Problem, lang).as_deref(),
                Some(want),
                "{text}"
            );
        }
        assert_eq!(find_concept("terrible, just terrible", Problem, "en"), None);
    }

    #[test]
    fn question_subjects() {
        assert_eq!(
            find_concept("anyone know what time   closes today", Topic, "en").as_deref(),
            Some("opening hours")
        );
        assert_eq!(
            find_concept("¿hacen envíos a canarias?", Topic, "es").as_deref(),
            Some("los envíos")
        );
        assert_eq!(
            find_concept("ist der   glutenfrei?", Topic, "de").as_deref(),
            Some("die Zutaten")
        );
        assert_eq!(find_concept("how is your day", Topic, "en"), None);
    }

    #[test]
    fn what_people_liked() {
        assert_eq!(
            find_concept("the crew on   were lovely with the kids", Praise, "en").as_deref(),
            Some("our team")
        );
        assert_eq!(
            find_concept("best latte in town", Praise, "en").as_deref(),
            Some("our latte")
        );
        assert_eq!(
            find_concept("el personal fue muy amable", Praise, "es").as_deref(),
            Some("nuestro equipo")
        );
        assert_eq!(
            find_concept("die lieferung war super schnell", Praise, "de").as_deref(),
            Some("die Lieferung")
        );
        assert_eq!(find_concept("love it", Praise, "en"), None);
    }

    #[test]
    fn triggers_respect_word_boundaries() {
        assert_eq!(find_trigger("i love apples", "app"), None);
        assert_eq!(find_trigger("the app is slow", "app"), Some("app"));
        assert_eq!(find_trigger("flight delayed", "delay*"), Some("delayed"));
        assert_eq!(find_trigger("translated", "late"), None);
        assert_eq!(find_trigger("配達が遅い", "配達"), Some("配達"));
    }

    #[test]
    fn first_names() {
        assert_eq!(first_name("Ana Ruiz"), Some("Ana"));
        assert_eq!(first_name("山田 太郎"), Some("山田"));
        assert_eq!(first_name("coffee_lover99"), None);
        assert_eq!(first_name(""), None);
    }
}
