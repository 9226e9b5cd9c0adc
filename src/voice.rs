//! The vocabulary of a brand's voice, shared by the profile (which validates it) and the
//! phrasebooks (which speak it): the tones, the languages Hat Tip writes in, the reply acts that
//! have text, and the template grammar of a reply line. A leaf: it imports nothing of the crate.

use serde::{Deserialize, Serialize};

/// The register replies are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    #[default]
    Friendly,
    Formal,
    Playful,
}

/// Languages Hat Tip writes replies in; a post in any other language gets a reply in the
/// profile's default language.
pub const LANGUAGES: [&str; 8] = ["en", "es", "fr", "de", "pt", "it", "nl", "ja"];

/// The acts that have reply text (moderate and none have none), in the order the options page
/// lists them.
pub const DRAFTED_ACTS: [&str; 6] = [
    "thank",
    "apologize_help",
    "answer",
    "acknowledge_idea",
    "engage",
    "advise",
];

/// Every placeholder a template may use.
pub const PLACEHOLDERS: [&str; 8] = [
    "name", "brand", "subject", "product", "problem", "topic", "site", "emoji",
];

/// Placeholders that are only sometimes known: a built-in phrasing that needs one is used only
/// when the post gives it; a user's line gets the language's fallback instead.
pub const OPTIONAL: [&str; 4] = ["product", "problem", "topic", "site"];

/// The placeholders a template uses, in order (`{name}` → `name`). Assumes a checked template.
pub fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
}

/// Checks one phrasebook line: not empty, not too long, braces balanced and every placeholder
/// known. The message says what to change.
pub fn check_template(template: &str) -> Result<(), String> {
    if template.trim().is_empty() {
        return Err("a reply line can't be empty".into());
    }
    if template.chars().count() > 500 {
        return Err("a reply line can't be longer than 500 characters".into());
    }
    let mut rest = template;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("a '}' without its '{'".into());
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or("a '{' without its '}'")?;
        let name = &after[..close];
        if name.contains('{') {
            return Err("a '{' without its '}'".into());
        }
        if !PLACEHOLDERS.contains(&name) {
            let known = PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(", ");
            return Err(format!("unknown placeholder {{{name}}}; use {known}"));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}
