//! The brand profile (schema v1): what the user's brands are called and how they want to sound.
//!
//! This is also the import/export format. Parsing is strict: an unknown field, a wrong type or a
//! value that could never match is an error that names the field's path (`brands[0].handles[1]`),
//! so the options page can say exactly what is wrong and keep the user's current profile. This
//! module only validates and normalises; it knows nothing about matching or the browser.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

pub use crate::voice::Tone;
use crate::voice::{check_template, DRAFTED_ACTS, LANGUAGES};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// The profile built into the extension, used until the user saves their own.
pub const DEMO_PROFILE_JSON: &str = include_str!("../profiles/demo.json");

/// Longest name, alias, product or exclusion phrase we accept (characters).
const MAX_TERM_CHARS: usize = 100;
/// Largest profile file read (bytes): a profile of the largest size allowed below fits in far less.
pub const MAX_PROFILE_BYTES: usize = 5 * 1024 * 1024;
/// Most brands in one profile, and most entries in one of a brand's lists (aliases, handles…): a
/// team's brands and products fit; a file beyond them is a mistake or an attack, and every page
/// Hat Tip runs on pays for each term.
pub const MAX_BRANDS: usize = 1000;
pub const MAX_LIST: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub version: u32,
    pub brands: Vec<Brand>,
    #[serde(default)]
    pub voice: Voice,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Account names without the leading `@`.
    #[serde(default)]
    pub handles: Vec<String>,
    /// Tags without the leading `#`.
    #[serde(default)]
    pub hashtags: Vec<String>,
    #[serde(default)]
    pub products: Vec<String>,
    /// Phrases that look like a mention but are not one (`north wind`).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// The brand's web domains (`northwindcoffee.com`); a link or bare domain is a mention.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// For brands whose names are common words: match only with the brand's own capitalisation.
    #[serde(default)]
    pub case_sensitive: bool,
    /// What the brand knows and can say in an answer, with the words that show a question is
    /// about it (`{"about": ["open", "hours"], "say": {"en": "We're open 7–19 every day."}}`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Fact>,
    /// Words for what the brand makes or sells, in any language (`coffee`, `grinder`,
    /// `espresso`): a question that uses one and names no brand is a question about the
    /// category, shown with a helpful answer that sells nothing. A word also matches with a
    /// plural `s` or `es`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<String>,
}

/// One thing the brand can answer: the words (any language) that show a question is about
/// it, and the answer in each language the brand has written it in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub about: Vec<String>,
    pub say: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    #[serde(default)]
    pub tone: Tone,
    /// Appended to every reply (e.g. `– Ana, Northwind team`); may be empty.
    #[serde(default)]
    pub signature: String,
    #[serde(default = "default_true")]
    pub emoji: bool,
    /// The language replies are written in when a post's language is unknown or one Hat Tip
    /// has no phrasebook for (`en`, `es`, `fr`, `de`, `pt`, `it`, `nl`, `ja`).
    #[serde(default = "default_language")]
    pub language: String,
    /// The user's own reply lines, by language and act (`{"es": {"thank": ["¡Gracias, {name}!"]}}`):
    /// line 1 replaces the suggested reply, lines 2 and 3 the alternatives; placeholders are
    /// checked when the profile is saved.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub phrasebook: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

impl Default for Voice {
    fn default() -> Self {
        Voice {
            tone: Tone::Friendly,
            signature: String::new(),
            emoji: true,
            language: default_language(),
            phrasebook: BTreeMap::new(),
        }
    }
}

fn default_language() -> String {
    "en".into()
}

fn default_true() -> bool {
    true
}

/// Why a profile was refused: the field's path and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ProfileError {}

/// Longest path or message an error keeps: a huge value in a file must not become a huge message.
const MAX_ERROR_CHARS: usize = 300;

fn err(path: impl Into<String>, message: impl Into<String>) -> ProfileError {
    ProfileError {
        path: clipped(&path.into(), MAX_ERROR_CHARS),
        message: clipped(&message.into(), MAX_ERROR_CHARS),
    }
}

/// `text` cut to `max` characters, marked with "…" when cut.
fn clipped(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// A value from the file as an error message quotes it: at most 40 characters.
fn quoted(value: &str) -> String {
    format!("\"{}\"", clipped(value, 40))
}

impl Profile {
    /// Parses and validates a profile from JSON text; the result is normalised
    /// (handles without `@`, hashtags without `#`, terms trimmed).
    pub fn from_json(text: &str) -> Result<Profile, ProfileError> {
        if text.len() > MAX_PROFILE_BYTES {
            return Err(err(
                "",
                format!(
                    "the profile is {:.1} MB; at most {} MB",
                    text.len() as f64 / 1048576.0,
                    MAX_PROFILE_BYTES / 1048576
                ),
            ));
        }
        let de = &mut serde_json::Deserializer::from_str(text);
        let mut profile: Profile = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let message = if inner.is_syntax() || inner.is_eof() {
                format!("not valid JSON ({inner})")
            } else {
                // serde_json appends " at line L column C"; keep it, it helps in big files.
                inner.to_string()
            };
            err(if path == "." { String::new() } else { path }, message)
        })?;
        profile.normalise_and_validate()?;
        Ok(profile)
    }

    /// The built-in demo profile.
    pub fn demo() -> Profile {
        Profile::from_json(DEMO_PROFILE_JSON).expect("the bundled demo profile is valid")
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a profile always serialises")
    }

    fn normalise_and_validate(&mut self) -> Result<(), ProfileError> {
        if self.version != SCHEMA_VERSION {
            return Err(err(
                "version",
                format!(
                    "unsupported version {} (this Hat Tip reads version {SCHEMA_VERSION})",
                    self.version
                ),
            ));
        }
        if self.brands.len() > MAX_BRANDS {
            return Err(err(
                "brands",
                format!("{} brands; at most {MAX_BRANDS}", self.brands.len()),
            ));
        }
        if self.brands.is_empty() {
            return Err(err("brands", "add at least one brand"));
        }
        let mut seen_names = std::collections::HashSet::new();
        for (i, brand) in self.brands.iter_mut().enumerate() {
            let at = |field: &str| format!("brands[{i}].{field}");
            for (field, len) in [
                ("aliases", brand.aliases.len()),
                ("handles", brand.handles.len()),
                ("hashtags", brand.hashtags.len()),
                ("products", brand.products.len()),
                ("exclude", brand.exclude.len()),
                ("domains", brand.domains.len()),
                ("facts", brand.facts.len()),
                ("category", brand.category.len()),
            ] {
                if len > MAX_LIST {
                    return Err(err(at(field), format!("{len} entries; at most {MAX_LIST}")));
                }
            }
            brand.name = brand.name.trim().to_string();
            check_term(&brand.name, &at("name"))?;
            check_not_one_character(&brand.name, &at("name"))?;
            if !seen_names.insert(brand.name.to_lowercase()) {
                return Err(err(
                    at("name"),
                    format!(
                        "{} appears twice; brand names must be unique",
                        quoted(&brand.name)
                    ),
                ));
            }
            for (field, list) in [
                ("aliases", &mut brand.aliases),
                ("products", &mut brand.products),
                ("exclude", &mut brand.exclude),
                ("category", &mut brand.category),
            ] {
                for (j, term) in list.iter_mut().enumerate() {
                    *term = term.trim().to_string();
                    let path = format!("{}[{j}]", at(field));
                    check_term(term, &path)?;
                    if field != "exclude" {
                        check_not_one_character(term, &path)?;
                    }
                }
            }
            for (j, handle) in brand.handles.iter_mut().enumerate() {
                let h = handle.trim().trim_start_matches('@').to_string();
                let valid = !h.is_empty()
                    && h.chars().count() <= 50
                    && h.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
                if !valid {
                    return Err(err(
                        format!("{}[{j}]", at("handles")),
                        format!("{} is not a handle: use letters, digits, _ or . (at most 50), with or without @", quoted(handle)),
                    ));
                }
                *handle = h;
            }
            for (j, tag) in brand.hashtags.iter_mut().enumerate() {
                let t = tag.trim().trim_start_matches('#').to_string();
                let valid = !t.is_empty()
                    && t.chars().count() <= MAX_TERM_CHARS
                    && t.chars().all(|c| c.is_alphanumeric() || c == '_');
                if !valid {
                    return Err(err(
                        format!("{}[{j}]", at("hashtags")),
                        format!(
                            "{} is not a hashtag: use letters, digits or _, with or without #",
                            quoted(tag)
                        ),
                    ));
                }
                *tag = t;
            }
            for (j, fact) in brand.facts.iter_mut().enumerate() {
                let at_fact = format!("{}[{j}]", at("facts"));
                if fact.about.is_empty() {
                    return Err(err(
                        format!("{at_fact}.about"),
                        "give at least one word a question about this would use",
                    ));
                }
                for (k, word) in fact.about.iter_mut().enumerate() {
                    *word = word.trim().to_lowercase();
                    check_term(word, &format!("{at_fact}.about[{k}]"))?;
                }
                if fact.say.is_empty() {
                    return Err(err(
                        format!("{at_fact}.say"),
                        "give the answer in at least one language",
                    ));
                }
                for (lang, answer) in fact.say.iter_mut() {
                    let at_say = format!("{at_fact}.say.{lang}");
                    if !LANGUAGES.contains(&lang.as_str()) {
                        return Err(err(
                            at_say,
                            format!("not a reply language; use one of {}", LANGUAGES.join(", ")),
                        ));
                    }
                    *answer = answer.trim().to_string();
                    if answer.is_empty() || answer.chars().count() > 250 {
                        return Err(err(at_say, "write an answer of 1 to 250 characters"));
                    }
                    if answer.contains(['{', '}']) {
                        return Err(err(at_say, "an answer is plain text: no { or }"));
                    }
                }
            }
            for (j, domain) in brand.domains.iter_mut().enumerate() {
                *domain = normalise_domain(domain).ok_or_else(|| {
                    err(
                        format!("{}[{j}]", at("domains")),
                        format!("{} is not a domain name like example.com", quoted(domain)),
                    )
                })?;
            }
        }
        if self.voice.signature.chars().count() > 60 {
            return Err(err(
                "voice.signature",
                "keep the signature to 60 characters or fewer",
            ));
        }
        self.voice.signature = self.voice.signature.trim().to_string();
        self.voice.language = self.voice.language.trim().to_lowercase();
        if !LANGUAGES.contains(&self.voice.language.as_str()) {
            return Err(err(
                "voice.language",
                format!(
                    "{} is not a reply language; use one of {}",
                    quoted(&self.voice.language),
                    LANGUAGES.join(", ")
                ),
            ));
        }
        self.validate_phrasebook()
    }

    fn validate_phrasebook(&mut self) -> Result<(), ProfileError> {
        for (lang, acts) in &mut self.voice.phrasebook {
            if !LANGUAGES.contains(&lang.as_str()) {
                return Err(err(
                    format!("voice.phrasebook.{lang}"),
                    format!("not a reply language; use one of {}", LANGUAGES.join(", ")),
                ));
            }
            for (act, lines) in acts.iter_mut() {
                let at = format!("voice.phrasebook.{lang}.{act}");
                if !DRAFTED_ACTS.contains(&act.as_str()) {
                    return Err(err(
                        at,
                        format!(
                            "not a reply act with text; use one of {}",
                            DRAFTED_ACTS.join(", ")
                        ),
                    ));
                }
                if lines.len() > 3 {
                    return Err(err(
                        at,
                        "at most 3 lines: the reply and its two alternatives",
                    ));
                }
                for (i, line) in lines.iter_mut().enumerate() {
                    *line = line.trim().to_string();
                    check_template(line).map_err(|m| err(format!("{at}[{i}]"), m))?;
                }
            }
            acts.retain(|_, lines| !lines.is_empty());
        }
        self.voice.phrasebook.retain(|_, acts| !acts.is_empty());
        Ok(())
    }
}

/// `https://www.Example.com/shop` → `example.com`; `None` when it is not a host name.
fn normalise_domain(input: &str) -> Option<String> {
    let mut d = input.trim().to_lowercase();
    for prefix in ["https://", "http://"] {
        if let Some(rest) = d.strip_prefix(prefix) {
            d = rest.to_string();
        }
    }
    let d = d
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    let d = d.strip_prefix("www.").unwrap_or(d);
    let labels: Vec<&str> = d.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic));
    (labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok && d.len() <= 253)
        .then(|| d.to_string())
}

fn check_term(term: &str, path: &str) -> Result<(), ProfileError> {
    if term.is_empty() {
        return Err(err(path, "must not be empty"));
    }
    if term.chars().count() > MAX_TERM_CHARS {
        return Err(err(
            path,
            format!("longer than {MAX_TERM_CHARS} characters"),
        ));
    }
    if !term.chars().any(char::is_alphanumeric) {
        return Err(err(
            path,
            format!(
                "{} has no letters or digits, so it could never match",
                quoted(term)
            ),
        ));
    }
    Ok(())
}

/// A name of one letter or digit would be found in nearly every post ("a", "X"): refused.
fn check_not_one_character(term: &str, path: &str) -> Result<(), ProfileError> {
    if term.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        return Err(err(
            path,
            format!(
                "{} is a single character: it would match almost every post; use at least two letters or digits",
                quoted(term)
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_profile_is_valid() {
        let p = Profile::demo();
        assert!(p.brands.iter().any(|b| b.name == "Northwind Coffee"));
    }

    #[test]
    fn normalises_handles_and_hashtags() {
        let p = Profile::from_json(
            r##"{"version":1,"brands":[{"name":" Acme ","handles":["@acme_co"],"hashtags":["#AcmeLove"]}]}"##,
        )
        .unwrap();
        assert_eq!(p.brands[0].name, "Acme");
        assert_eq!(p.brands[0].handles, vec!["acme_co"]);
        assert_eq!(p.brands[0].hashtags, vec!["AcmeLove"]);
        assert_eq!(p.voice, Voice::default());
    }

    #[test]
    fn errors_name_the_field() {
        let cases: &[(&str, &str)] = &[
            (
                r##"{"version":2,"brands":[{"name":"Aa"}]}"##,
                "version: unsupported version 2",
            ),
            (
                r##"{"version":1,"brands":[]}"##,
                "brands: add at least one brand",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa","handles":["ok","no spaces"]}]}"##,
                "brands[0].handles[1]:",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa","colour":"red"}]}"##,
                "brands[0].colour: unknown field `colour`",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa"},{"name":"Bb","aliases":[""]}]}"##,
                "brands[1].aliases[0]: must not be empty",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa","aliases":"A Co"}]}"##,
                "brands[0].aliases: invalid type",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa"},{"name":"aa"}]}"##,
                "brands[1].name: \"aa\" appears twice",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa"}],"voice":{"tone":"grumpy"}}"##,
                "voice.tone: unknown variant `grumpy`",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa","hashtags":["#a b"]}]}"##,
                "brands[0].hashtags[0]:",
            ),
            (
                r##"{"version":1,"brands":[{"name":"!!!"}]}"##,
                "brands[0].name: \"!!!\" has no letters",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa"}"##,
                "not valid JSON",
            ),
            (r##"{"brands":[{"name":"Aa"}]}"##, "missing field `version`"),
            (
                r##"{"version":1,"brands":[{"name":"Aa","facts":[{"about":[],"say":{"en":"x"}}]}]}"##,
                "brands[0].facts[0].about: give at least one word",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa","facts":[{"about":["open"],"say":{"xx":"x"}}]}]}"##,
                "brands[0].facts[0].say.xx: not a reply language",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa","facts":[{"about":["open"],"say":{"en":""}}]}]}"##,
                "brands[0].facts[0].say.en: write an answer",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa"}],"voice":{"language":"xx"}}"##,
                "voice.language: \"xx\" is not a reply language",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa"}],"voice":{"phrasebook":{"es":{"thank":["Hola {nombre}"]}}}}"##,
                "voice.phrasebook.es.thank[0]: unknown placeholder {nombre}; use {name}",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa"}],"voice":{"phrasebook":{"es":{"moderate":["x"]}}}}"##,
                "voice.phrasebook.es.moderate: not a reply act",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa"}],"voice":{"phrasebook":{"tlh":{"thank":["x"]}}}}"##,
                "voice.phrasebook.tlh: not a reply language",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa"}],"voice":{"phrasebook":{"en":{"thank":["a","b","c","d"]}}}}"##,
                "voice.phrasebook.en.thank: at most 3 lines",
            ),
            (
                r##"{"version":1,"brands":[{"name":"Aa"}],"voice":{"phrasebook":{"en":{"thank":["Thanks {name"]}}}}"##,
                "voice.phrasebook.en.thank[0]: a '{' without",
            ),
        ];
        for (json, want) in cases {
            let got = Profile::from_json(json).unwrap_err().to_string();
            assert!(
                got.starts_with(want) || got.contains(want),
                "for {json}\n got: {got}\nwant: {want}"
            );
        }
    }

    #[test]
    fn domains_are_normalised_or_refused() {
        let p = Profile::from_json(
            r##"{"version":1,"brands":[{"name":"Aa","domains":["https://www.Northwind-Coffee.com/shop","shop.example.co.uk"]}]}"##,
        )
        .unwrap();
        assert_eq!(
            p.brands[0].domains,
            vec!["northwind-coffee.com", "shop.example.co.uk"]
        );
        for bad in ["localhost", "exa mple.com", "example.c0m", "-a.com", ""] {
            let json = format!(r#"{{"version":1,"brands":[{{"name":"Aa","domains":["{bad}"]}}]}}"#);
            let e = Profile::from_json(&json).unwrap_err().to_string();
            assert!(e.starts_with("brands[0].domains[0]:"), "{bad}: {e}");
        }
    }

    #[test]
    fn one_character_names_are_refused_but_not_as_exclusions() {
        for (json, want) in [
            (
                r#"{"version":1,"brands":[{"name":"a"}]}"#,
                "brands[0].name: \"a\" is a single character",
            ),
            (
                r#"{"version":1,"brands":[{"name":"Acme","aliases":["X"]}]}"#,
                "brands[0].aliases[0]: \"X\" is a single character",
            ),
            (
                r#"{"version":1,"brands":[{"name":"Acme","products":["7!"]}]}"#,
                "brands[0].products[0]: \"7!\" is a single character",
            ),
            (
                r#"{"version":1,"brands":[{"name":"Acme","category":["coffee", "x"]}]}"#,
                "brands[0].category[1]: \"x\" is a single character",
            ),
        ] {
            let e = Profile::from_json(json).unwrap_err().to_string();
            assert!(e.starts_with(want), "{e}");
        }
        assert!(
            Profile::from_json(r#"{"version":1,"brands":[{"name":"AB","exclude":["b"]}]}"#).is_ok()
        );
    }

    #[test]
    fn sizes_beyond_the_limits_are_refused_quickly() {
        let brands = (0..MAX_BRANDS + 1)
            .map(|i| format!(r#"{{"name":"Brand {i}"}}"#))
            .collect::<Vec<_>>()
            .join(",");
        let e = Profile::from_json(&format!(r#"{{"version":1,"brands":[{brands}]}}"#)).unwrap_err();
        assert_eq!(e.to_string(), "brands: 1001 brands; at most 1000");
        let aliases = vec![r#""Alias""#; MAX_LIST + 1].join(",");
        let e = Profile::from_json(&format!(
            r#"{{"version":1,"brands":[{{"name":"Acme","aliases":[{aliases}]}}]}}"#
        ))
        .unwrap_err();
        assert_eq!(e.to_string(), "brands[0].aliases: 501 entries; at most 500");
        let big = format!(
            r#"{{"version":1,"brands":[{{"name":"Acme"}}],"x":"{}"}}"#,
            " ".repeat(MAX_PROFILE_BYTES)
        );
        assert!(Profile::from_json(&big)
            .unwrap_err()
            .to_string()
            .starts_with("the profile is 5.0 MB; at most 5 MB"));
        let deep = format!(
            r#"{{"version":1,"brands":[{{"name":"Acme","aliases":{}{}}}]}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(Profile::from_json(&deep)
            .unwrap_err()
            .to_string()
            .starts_with("brands[0].aliases[0]: invalid type: sequence"));
        let proto = r#"{"version":1,"brands":[{"name":"Acme","__proto__":{"x":1}}]}"#;
        assert!(Profile::from_json(proto)
            .unwrap_err()
            .to_string()
            .starts_with("brands[0].__proto__: unknown field"));
    }

    #[test]
    fn a_huge_value_is_not_repeated_in_the_message() {
        let huge = "x y".repeat(300_000);
        for json in [
            format!(r#"{{"version":1,"brands":[{{"name":"Aa","handles":["{huge}"]}}]}}"#),
            format!(r#"{{"version":1,"brands":[{{"name":"Aa","{huge}":1}}]}}"#),
        ] {
            let e = Profile::from_json(&json).unwrap_err().to_string();
            assert!(e.chars().count() < 700, "{} characters", e.len());
            assert!(e.starts_with("brands[0]"), "{}", &e[..80]);
        }
        let e = Profile::from_json(&format!(
            r#"{{"version":1,"brands":[{{"name":"Aa","handles":["{huge}"]}}]}}"#
        ))
        .unwrap_err()
        .to_string();
        assert!(
            e.ends_with(
                "is not a handle: use letters, digits, _ or . (at most 50), with or without @"
            ),
            "the explanation is kept: {e}"
        );
    }

    #[test]
    fn round_trips_through_json() {
        let p = Profile::demo();
        let again = Profile::from_json(&p.to_json_pretty()).unwrap();
        assert_eq!(p, again);
    }
}
