//! Understanding one post: its brand mentions, language, sentiment and intent, and the words
//! that decided them. Drafting the reply is `reply`'s job; `crate::engine` puts the two together.
//! No DOM, no I/O.

pub mod corrections;
pub(crate) mod cue_files;
pub mod intent;
pub mod language;
pub(crate) mod model;
mod phrases;
pub mod sentiment;

use serde::Serialize;

use crate::matcher::{Matcher, MentionSpan, TermKind};
use crate::post::Post;
use crate::profile::Profile;
use crate::text::slices_utf16;
pub use corrections::Corrections;
pub use intent::Intent;
use model::Decisions;
pub use sentiment::{Sentiment, SentimentLabel};

/// A mention as reported to the user: the brand's name and the original text it covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub brand: String,
    pub text: String,
    /// UTF-16 code units into the post's text.
    pub start: u32,
    pub end: u32,
    /// A likely misspelling of the brand's name (present only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub fuzzy: bool,
    /// Not the brand but one of its category words, in a question that names no brand
    /// (present only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub category: bool,
}

/// An intent Hat Tip weighed for a post, and how likely it is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Likely {
    pub intent: Intent,
    pub probability: f32,
}

/// What Hat Tip understood of a post, before any reply is drafted.
#[derive(Debug, Clone)]
pub struct Understanding {
    /// The matcher's spans (brand index, term kind, UTF-16 offsets), sorted by start.
    pub spans: Vec<MentionSpan>,
    pub mentions: Vec<Mention>,
    pub language: &'static str,
    pub sentiment: Sentiment,
    pub intent: Intent,
    /// How sure Hat Tip is of `intent`: its probability, in [0, 1].
    pub confidence: f32,
    /// Every intent with its probability, most likely first.
    pub likely: Vec<Likely>,
    /// The words and phrases that decided the intent and sentiment, most telling first.
    pub reasons: Vec<String>,
    /// The masked, lower-cased text the reply's context finders read.
    pub lower: String,
    /// For a post that names no brand, the brands' category words in it (`coffee grinder`):
    /// it is a question about the category if its intent is a question.
    pub category: Vec<MentionSpan>,
}

/// The post's text with mentions, @handles, #hashtags and URLs replaced by spaces, so that a
/// brand called "United" or "Delight" never counts as a word of sentiment or language.
pub fn masked_text(text: &str, mentions: &[MentionSpan]) -> String {
    mask(text, mentions, false)
}

/// Like [`masked_text`], but a hashtag that is not a mention keeps its word (`#fail` → ` fail`):
/// what sentiment and intent read, since people put their mood in tags (`#nogood`, `#love`).
/// Language detection reads [`masked_text`], as tags are often in another language.
pub fn masked_keeping_tags(text: &str, mentions: &[MentionSpan]) -> String {
    mask(text, mentions, true)
}

fn mask(text: &str, mentions: &[MentionSpan], keep_tag_words: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos16 = 0u32;
    let mut token_masked = false;
    let mut handle_like = false;
    let mut handle = false;
    let mut at_token_start = true;
    let mut next_mention = 0;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            at_token_start = true;
            token_masked = false;
        } else if at_token_start {
            at_token_start = false;
            let rest = &text[i..];
            handle = c == '@';
            handle_like = handle || (c == '#' && !keep_tag_words);
            token_masked = handle_like
                || rest.starts_with("http://")
                || rest.starts_with("https://")
                || rest.starts_with("www.");
            if c == '#' && keep_tag_words {
                // Only the `#` goes; the tag's word stays (unless it is a mention, below).
                out.push(' ');
                pos16 += 1;
                continue;
            }
        } else if handle_like && token_masked && !(c.is_alphanumeric() || c == '_')
            || handle && token_masked && !(c.is_ascii_alphanumeric() || c == '_')
            || handle_like && token_masked && c >= '\u{3040}'
        {
            // `@bob.` or `#tag!`: the punctuation after a handle or tag is the sentence's; and
            // handles are ASCII (X, Facebook), so `@brandに夢中` is a handle, then Japanese,
            // as is what follows a Latin tag in a language written without spaces.
            token_masked = false;
        }
        // Mentions come sorted by start: drop those that ended, look at the next one.
        while next_mention < mentions.len() && mentions[next_mention].end <= pos16 {
            next_mention += 1;
        }
        let in_mention = mentions[next_mention..]
            .iter()
            .take_while(|m| m.start <= pos16)
            .any(|m| pos16 < m.end);
        out.push(if in_mention || token_masked { ' ' } else { c });
        pos16 += c.len_utf16() as u32;
    }
    out
}

/// What the intent rules read: the masked lower-cased text, except that a brand or product
/// *name* becomes `it`, so that "Northwind is great" reads as a statement ("it is great") and
/// not as a question starting with "is". A leading @handle stays blank, as it only addresses,
/// unless a verb in the third person follows it (`@acme is down again`): then it is the
/// subject, and becomes `it` too.
fn intent_text(text: &str, spans: &[MentionSpan], masked: &str, lower: &str) -> String {
    let out = with_names_as_it(text, spans, masked, lower);
    let handle_first = text.trim_start().starts_with('@');
    match out.split_whitespace().next() {
        Some(verb) if handle_first && intent::makes_subject(verb) => {
            format!("it {}", out.trim_start())
        }
        _ => out,
    }
}

/// `lower` with every brand or product name written as `it`.
fn with_names_as_it(text: &str, spans: &[MentionSpan], masked: &str, lower: &str) -> String {
    use crate::matcher::TermKind;
    let named =
        |m: &&MentionSpan| matches!(m.kind, TermKind::Name | TermKind::Alias | TermKind::Product);
    if !spans.iter().any(|m| named(&m)) {
        return lower.to_string();
    }
    // `masked` has exactly one char per char of `text`; spans come sorted by start.
    let mut named_spans = spans.iter().filter(named).peekable();
    let mut out = String::with_capacity(masked.len() + 8);
    let mut pos16 = 0u32;
    let mut skip_until = 0u32;
    for (c, m) in text.chars().zip(masked.chars()) {
        let here = pos16;
        pos16 += c.len_utf16() as u32;
        if here < skip_until {
            continue;
        }
        while named_spans.peek().is_some_and(|s| s.start < here) {
            named_spans.next();
        }
        if let Some(span) = named_spans.next_if(|s| s.start == here) {
            out.push_str("it");
            skip_until = span.end;
            continue;
        }
        out.push(m);
    }
    out.to_lowercase()
}

/// The mentions `spans` stand for in `text`, as reported to the user (one pass over the text).
pub fn mentions_of(text: &str, spans: &[MentionSpan], profile: &Profile) -> Vec<Mention> {
    let texts = slices_utf16(text, spans.iter().map(|m| (m.start, m.end)));
    spans
        .iter()
        .zip(texts)
        .map(|(m, t)| Mention {
            brand: profile.brands[m.brand].name.clone(),
            text: t.to_string(),
            start: m.start,
            end: m.end,
            fuzzy: m.fuzzy,
            category: m.kind == TermKind::Category,
        })
        .collect()
}

/// What the rules make of a post, before the model weighs in: also what the model reads.
pub(crate) struct RuleReading {
    pub spans: Vec<MentionSpan>,
    pub language: &'static str,
    /// The masked, lower-cased text (tags keep their words).
    pub lower: String,
    /// What the intent rules read (a brand's name becomes `it`).
    pub intent_lower: String,
    pub lexicon: Sentiment,
    pub drivers: Vec<String>,
    pub intent: Intent,
    pub cues: Vec<String>,
}

/// The text corrections compare: masked (brand mentions, handles, URLs) and lower-cased.
pub(crate) fn masked_lower(text: &str, matcher: &Matcher) -> String {
    masked_keeping_tags(text, &matcher.find(text)).to_lowercase()
}

/// Runs the rules over one post.
pub(crate) fn read_with_rules(text: &str, matcher: &Matcher) -> RuleReading {
    let spans = matcher.find(text);
    let language = language::detect(&masked_text(text, &spans));
    let masked = masked_keeping_tags(text, &spans);
    let lower = masked.to_lowercase();
    let (lexicon, drivers) = sentiment::score_with_drivers(&masked, language);
    let intent_lower = intent_text(text, &spans, &masked, &lower);
    let (intent, cues) = intent::classify_with_cues(&intent_lower, &lexicon, language);
    RuleReading {
        spans,
        language,
        lower,
        intent_lower,
        lexicon,
        drivers,
        intent,
        cues,
    }
}

impl RuleReading {
    /// The model's view of this reading.
    pub(crate) fn signals<'a>(&'a self, text: &'a str) -> model::Signals<'a> {
        model::Signals {
            text,
            lower: &self.intent_lower,
            language: self.language,
            rule_cues: &self.cues,
            lexicon: &self.lexicon,
        }
    }
}

/// The intent: the rules', unless they found nothing and the model (`likely`, most likely
/// first) is sure enough of another reading for the `decisions` training fitted.
pub(crate) fn decide(rules: Intent, likely: &[Likely], decisions: &Decisions) -> Intent {
    match likely.first() {
        Some(top)
            if rules == Intent::Other && top.probability >= decisions.threshold(top.intent) =>
        {
            top.intent
        }
        _ => rules,
    }
}

/// Understands one post against the compiled profile. The rules decide the intent where they
/// find something; where they find nothing (`other`), the model decides when it is sure
/// enough: how sure, for each intent, was fitted by training on posts of templates the model
/// had not seen, counting a harmful act (thanks for a complaint, moderation of a plain post)
/// as worse than a wrong one. The model (`model.rs`) weighs every intent, which gives how sure
/// Hat Tip is and the alternatives the card offers.
pub fn understand(post: &Post<'_>, profile: &Profile, matcher: &Matcher) -> Understanding {
    let reading = read_with_rules(post.text, matcher);
    let model = model::Model::shipped();
    let probabilities = model.predict(&reading.signals(post.text));
    let mut likely: Vec<Likely> = model::INTENTS
        .iter()
        .zip(&probabilities)
        .map(|(&intent, &probability)| Likely {
            intent,
            probability,
        })
        .collect();
    likely.sort_by(|a, b| b.probability.total_cmp(&a.probability));
    // The model decides only posts like those it learned from: in one of its languages, and
    // naming a brand (the only posts without one it saw were questions about a category).
    let decisions = if model::LANGUAGES.contains(&reading.language) && !reading.spans.is_empty() {
        model.decisions
    } else {
        Decisions::NEVER
    };
    let intent = decide(reading.intent, &likely, &decisions);
    let confidence = likely
        .iter()
        .find(|l| l.intent == intent)
        .map_or(0.0, |l| l.probability);
    let mut reasons = reading.cues.clone();
    for word in &reading.drivers {
        if !reasons.iter().any(|r| r.contains(&word.to_lowercase())) {
            reasons.push(word.clone());
        }
    }
    let mentions = mentions_of(post.text, &reading.spans, profile);
    let category = if reading.spans.is_empty() {
        matcher.find_category(post.text)
    } else {
        Vec::new()
    };
    Understanding {
        spans: reading.spans,
        mentions,
        language: reading.language,
        sentiment: reading.lexicon,
        intent,
        confidence,
        likely,
        reasons,
        lower: reading.lower,
        category,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_mentions_handles_hashtags_and_urls() {
        let profile = Profile::demo();
        let m = Matcher::new(&profile);
        let text = "Northwind rocks @bob #tag https://x.co/a ok";
        let masked = masked_text(text, &m.find(text));
        assert_eq!(
            masked.split_whitespace().collect::<Vec<_>>(),
            vec!["rocks", "ok"]
        );
        let text = "@bobに夢中です";
        assert_eq!(masked_text(text, &[]).trim(), "に夢中です");
        let text = "#Orlaに夢中";
        assert_eq!(masked_text(text, &[]).trim(), "に夢中");
        let text = "no thanks @bob. Worst #day!";
        assert_eq!(
            masked_text(text, &[])
                .split_whitespace()
                .collect::<Vec<_>>(),
            vec!["no", "thanks", ".", "Worst", "!"]
        );
        // Sentiment and intent keep a tag's word, unless the tag is a mention.
        let text = "#northwind again late #fail";
        assert_eq!(
            masked_keeping_tags(text, &m.find(text))
                .split_whitespace()
                .collect::<Vec<_>>(),
            vec!["again", "late", "fail"]
        );
    }

    #[test]
    fn the_model_decides_only_where_the_rules_find_nothing_and_as_sure_as_fitted() {
        let likely = |intent, probability| {
            vec![
                Likely {
                    intent,
                    probability,
                },
                Likely {
                    intent: Intent::Other,
                    probability: 1.0 - probability,
                },
            ]
        };
        use Intent::*;
        let decisions = model::Decisions {
            // praise, complaint, question, suggestion, offensive, other
            decides: [0.6, 0.4, 0.3, 0.3, 2.0, 2.0],
        };
        let decide = |rules, likely: &[Likely]| decide(rules, likely, &decisions);
        assert_eq!(decide(Other, &likely(Question, 0.7)), Question);
        assert_eq!(decide(Other, &likely(Praise, 0.6)), Praise);
        assert_eq!(decide(Other, &likely(Praise, 0.55)), Other);
        assert_eq!(decide(Other, &likely(Complaint, 0.45)), Complaint);
        // Above 1: never decided by the model.
        assert_eq!(decide(Other, &likely(Offensive, 0.99)), Other);
        // What the rules found stands.
        assert_eq!(decide(Praise, &likely(Question, 0.9)), Praise);
        let rules_alone = model::Decisions::NEVER;
        assert_eq!(
            super::decide(Other, &likely(Question, 0.99), &rules_alone),
            Other
        );
    }

    #[test]
    fn a_name_or_a_handle_before_a_verb_is_the_subject_the_rules_read() {
        let profile = Profile::demo();
        let m = Matcher::new(&profile);
        let read = |text: &str| read_with_rules(text, &m).intent_lower;
        let words = |s: String| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(read("Northwind is great")), ["it", "is", "great"]);
        assert_eq!(
            words(read("@northwindcoffee is down again")),
            ["it", "is", "down", "again"]
        );
        assert_eq!(words(read("@northwindcoffee ist zu")), ["it", "ist", "zu"]);
        // Before anything else, a handle only addresses.
        assert_eq!(
            words(read("@northwindcoffee are you open")),
            ["are", "you", "open"]
        );
        assert_eq!(
            words(read("hey @northwindcoffee is it open")),
            ["hey", "is", "it", "open"]
        );
    }
}
