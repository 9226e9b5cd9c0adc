//! What the rules know of each language, as data: one file per language (`cues/<code>.txt`),
//! each a series of lists (`## name`, then one lower-case phrase per line): the intent rules' cue
//! phrases, the language's sentiment words, its false friends and greetings. A list the intent
//! rules ask about is that list's phrases in every language, in the order of [`FILES`]: a post's
//! language is often unsure, and a phrase of one language rarely means something else in
//! another; sentiment words are read per language. What each list is for is said where it is
//! read (`cue_sets!` in `intent.rs`, `LanguageWords` in `sentiment.rs`).

/// Each language's cue file, by language code.
pub(crate) const FILES: &[(&str, &str)] = &[
    ("en", include_str!("cues/en.txt")),
    ("es", include_str!("cues/es.txt")),
    ("fr", include_str!("cues/fr.txt")),
    ("de", include_str!("cues/de.txt")),
    ("it", include_str!("cues/it.txt")),
    ("pt", include_str!("cues/pt.txt")),
    ("nl", include_str!("cues/nl.txt")),
    ("ja", include_str!("cues/ja.txt")),
];

/// One line of a cue file.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line<'a> {
    /// `## name`: the phrases below belong to list `name`.
    List(&'a str),
    /// A phrase of the current list.
    Phrase(&'a str),
}

/// The meaningful lines of a cue file: blank lines and `#` comments are skipped.
pub(crate) fn lines(file: &str) -> impl Iterator<Item = Line<'_>> {
    file.lines().filter_map(|line| {
        if let Some(name) = line.strip_prefix("## ") {
            Some(Line::List(name.trim()))
        } else if line.trim().is_empty() || line.starts_with('#') {
            None
        } else {
            Some(Line::Phrase(line.trim()))
        }
    })
}

/// Every phrase of list `name`, in every language.
pub(crate) fn list(name: &str) -> Vec<&'static str> {
    let mut phrases = Vec::new();
    for (_, file) in FILES {
        for phrase in phrases_of(file, name) {
            if !phrases.contains(&phrase) {
                phrases.push(phrase);
            }
        }
    }
    phrases
}

/// The phrases of list `name` in one language's file (`code`).
pub(crate) fn list_in(code: &str, name: &str) -> Vec<&'static str> {
    FILES
        .iter()
        .filter(|(c, _)| *c == code)
        .flat_map(|(_, file)| phrases_of(file, name))
        .collect()
}

/// The languages whose file holds list `name`.
pub(crate) fn languages_with(name: &str) -> Vec<&'static str> {
    FILES
        .iter()
        .filter(|(_, file)| phrases_of(file, name).next().is_some())
        .map(|(code, _)| *code)
        .collect()
}

fn phrases_of<'a>(file: &'static str, name: &'a str) -> impl Iterator<Item = &'static str> + 'a {
    let mut current = None;
    lines(file).filter_map(move |line| match line {
        Line::List(list) => {
            current = Some(list);
            None
        }
        Line::Phrase(phrase) => (current == Some(name)).then_some(phrase),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_lists_and_phrases() {
        let file = "# a comment\n\n## thanks\nmerci\n  merci beaucoup \n## why\npourquoi\n";
        assert_eq!(
            lines(file).collect::<Vec<_>>(),
            vec![
                Line::List("thanks"),
                Line::Phrase("merci"),
                Line::Phrase("merci beaucoup"),
                Line::List("why"),
                Line::Phrase("pourquoi"),
            ]
        );
    }

    #[test]
    fn a_list_gathers_every_language_once() {
        let why = list("why");
        assert!(why.contains(&"why") && why.contains(&"pourquoi") && why.contains(&"なぜ"));
        assert_eq!(list("no such list"), Vec::<&str>::new());
    }

    #[test]
    fn every_file_is_well_formed() {
        for (code, file) in FILES {
            let mut current: Option<&str> = None;
            let mut seen: Vec<(&str, &str)> = Vec::new();
            for line in lines(file) {
                match line {
                    Line::List(name) => {
                        assert!(
                            crate::analyze::intent::LISTS.contains(&name)
                                || crate::analyze::sentiment::LISTS.contains(&name),
                            "cues/{code}.txt: no rule asks about a list named {name:?}"
                        );
                        current = Some(name);
                    }
                    Line::Phrase(phrase) => {
                        let list = current.unwrap_or_else(|| {
                            panic!("cues/{code}.txt: {phrase:?} comes before any `## list`")
                        });
                        assert_eq!(
                            phrase,
                            phrase.to_lowercase(),
                            "cues/{code}.txt: phrases are lower case (the text is)"
                        );
                        assert!(
                            !seen.contains(&(list, phrase)),
                            "cues/{code}.txt: {phrase:?} twice in {list}"
                        );
                        seen.push((list, phrase));
                    }
                }
            }
        }
    }
}
