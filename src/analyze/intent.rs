//! Intent, v0: ordered cue rules over the masked text plus the sentiment. Offensive first (never
//! feed a troll), then complaint (a complaint phrased as a question is still a complaint), then
//! question (with or without a question mark), suggestion, praise, other. Issue 4 measures and
//! replaces these rules; the labels stay.

use serde::Serialize;

use super::sentiment::{Sentiment, SentimentLabel};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Intent {
    Praise,
    Complaint,
    Question,
    Suggestion,
    Offensive,
    Other,
}

impl Intent {
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Praise => "praise",
            Intent::Complaint => "complaint",
            Intent::Question => "question",
            Intent::Suggestion => "suggestion",
            Intent::Offensive => "offensive",
            Intent::Other => "other",
        }
    }
}

const INSULTS: &[&str] = &[
    "idiot", "idiots", "stupid", "moron", "morons", "scum", "losers", "loser", "clowns", "pathetic",
    "shut up", "go to hell", "burn in hell", "f*ck you", "fuck you", "fuck off", "screw you",
    "die", "kill you", "garbage company", "trash company", "bastards", "imbéciles", "idiotas",
    "connards", "arschlöcher", "idioti",
];

const COMPLAINT_CUES: &[&str] = &[
    "still waiting", "never arrived", "not working", "doesn't work", "does not work", "won't",
    "refund", "delayed", "delay", "cancelled", "canceled", "lost", "broken", "charged", "again",
    "worst", "terrible", "unacceptable", "disappointed", "cold", "rude", "crash", "crashed",
    "logs me out", "error", "missing", "damaged", "wrong", "hours", "no one", "nobody",
    "every time", "ridiculous", "fix", "retard", "retraso", "verspätung", "atraso", "ritardo",
];

const QUESTION_STARTS: &[&str] = &[
    "what", "when", "where", "which", "who", "how", "is", "are", "do", "does", "can", "could",
    "will", "would", "should", "anyone", "any", "has", "have", "qué", "cuándo", "dónde", "cómo",
    "quand", "où", "comment", "est-ce", "wann", "wo", "wie", "gibt", "quando", "onde", "como",
    "dove", "waar", "wanneer", "hoe",
];

const QUESTION_CUES: &[&str] = &[
    "anyone know", "does anyone", "do you know", "wondering", "i wonder", "how do i", "how can i",
    "is there", "are there", "any idea", "can someone", "can i", "do you have", "do you ship",
];

const SUGGESTION_CUES: &[&str] = &[
    "you should", "please add", "would be great if", "would be nice", "it'd be great", "wish you",
    "i wish", "why not add", "how about", "consider adding", "please bring", "please make",
    "bring back", "suggestion", "feature request", "would love it if", "would love a", "could you add",
    "deberían", "devraient", "sollten", "deveriam", "dovreste",
];

/// Decides the intent of a post whose mentions are masked (`lower` is lower-cased).
pub fn classify(lower: &str, sentiment: &Sentiment) -> Intent {
    let has = |cues: &[&str]| cues.iter().any(|c| contains_phrase(lower, c));
    if has(INSULTS) {
        return Intent::Offensive;
    }
    let complaint_cue = has(COMPLAINT_CUES);
    let negative = sentiment.label == SentimentLabel::Negative;
    if negative && (complaint_cue || sentiment.score <= -0.3) {
        return Intent::Complaint;
    }
    if has(SUGGESTION_CUES) {
        return Intent::Suggestion;
    }
    let first_word = lower.split_whitespace().next().unwrap_or("");
    let question = lower.contains('?')
        || lower.contains('¿')
        || has(QUESTION_CUES)
        || QUESTION_STARTS.contains(&first_word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
    if question {
        if complaint_cue && negative {
            return Intent::Complaint;
        }
        return Intent::Question;
    }
    if negative {
        return Intent::Complaint;
    }
    if sentiment.label == SentimentLabel::Positive {
        return Intent::Praise;
    }
    Intent::Other
}

/// Whether `phrase` occurs in `text` on word boundaries.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(i) = text[from..].find(phrase) {
        let start = from + i;
        let end = start + phrase.len();
        let before_ok = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after_ok = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return true;
        }
        from = start + phrase.chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::sentiment::score;

    fn intent(text: &str) -> Intent {
        let lower = text.to_lowercase();
        classify(&lower, &score(&lower))
    }

    #[test]
    fn intents() {
        let cases = [
            ("Best latte in town, thank you!", Intent::Praise),
            ("My order never arrived and nobody answers", Intent::Complaint),
            ("Why does every flight I book get delayed?", Intent::Complaint),
            ("anyone know what time the Main St shop closes", Intent::Question),
            ("Do you ship to Canada?", Intent::Question),
            ("You should add oat milk to the menu", Intent::Suggestion),
            ("You are all idiots", Intent::Offensive),
            ("Drinking a coffee", Intent::Other),
        ];
        for (text, want) in cases {
            assert_eq!(intent(text), want, "{text}");
        }
    }

    #[test]
    fn phrases_need_word_boundaries() {
        assert!(contains_phrase("you are stupid.", "stupid"));
        assert!(!contains_phrase("diet coke", "die"));
    }
}
