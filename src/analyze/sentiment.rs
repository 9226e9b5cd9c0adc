//! Sentiment, v0: a small hand-written multilingual lexicon with negation, intensifiers,
//! emoji and exclamation marks, squashed to a score in [-1, 1]. Written by the project (no
//! third-party lexicon ships). Issue 4 replaces it with a measured model; the interface stays.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentimentLabel {
    Positive,
    Negative,
    Neutral,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sentiment {
    pub label: SentimentLabel,
    /// In [-1, 1]; negative is unhappy.
    pub score: f32,
}

const POSITIVE: &[&str] = &[
    // en
    "love", "loved", "loving", "great", "awesome", "amazing", "excellent", "best", "good", "nice",
    "thanks", "thank", "perfect", "delicious", "fantastic", "wonderful", "happy", "glad", "fast",
    "friendly", "helpful", "recommend", "favorite", "favourite", "brilliant", "superb", "enjoy",
    "enjoyed", "beautiful", "smooth", "kudos", "impressed", "incredible", "lovely", "yummy", "wow",
    // es / pt / it / fr / de / nl
    "encanta", "gracias", "excelente", "genial", "bueno", "buena", "mejor", "increíble", "perfecto",
    "obrigado", "obrigada", "ótimo", "ótima", "adoro", "maravilhoso", "bom", "boa", "delicioso",
    "grazie", "ottimo", "ottima", "buono", "buonissimo", "fantastico", "bellissimo", "adoro",
    "merci", "génial", "excellent", "super", "parfait", "délicieux", "adore", "bravo", "top",
    "danke", "toll", "lecker", "wunderbar", "perfekt", "prima", "klasse", "gut", "großartig",
    "bedankt", "lekker", "geweldig", "mooi", "fijn", "heerlijk",
];

const NEGATIVE: &[&str] = &[
    // en
    "bad", "worst", "terrible", "awful", "horrible", "hate", "hated", "broken", "late", "delayed",
    "delay", "cancelled", "canceled", "lost", "cold", "rude", "slow", "wrong", "never", "refund",
    "disappointed", "disappointing", "useless", "poor", "crashed", "crashes", "crash", "bug",
    "fail", "failed", "fails", "problem", "issue", "stuck", "waiting", "unacceptable", "annoying",
    "frustrating", "ridiculous", "scam", "sucks", "garbage", "trash", "damaged", "missing",
    "overcharged", "charged", "ignored", "stale", "disgusting", "angry", "sad", "error", "down",
    // es / pt / it / fr / de / nl
    "malo", "mala", "peor", "terrible", "horrible", "tarde", "retraso", "perdido", "perdida",
    "ruim", "péssimo", "péssima", "atrasado", "atraso", "horrível", "cattivo", "pessimo",
    "ritardo", "schifo", "nul", "nulle", "retard", "horrible", "perdu", "déçu", "décevant",
    "schlecht", "verspätung", "kaputt", "enttäuscht", "schrecklich", "furchtbar", "verloren",
    "slecht", "vertraging", "kapot", "teleurgesteld", "verschrikkelijk",
];

const NEGATORS: &[&str] = &[
    "not", "no", "never", "isn't", "wasn't", "don't", "doesn't", "didn't", "can't", "won't",
    "aren't", "nothing", "ain't", "nunca", "nada", "pas", "jamais", "nicht", "kein", "keine",
    "não", "nem", "non", "mai", "niet", "geen", "nooit",
];

const INTENSIFIERS: &[&str] = &[
    "very", "so", "really", "super", "extremely", "totally", "absolutely", "muy", "très",
    "sehr", "muito", "molto", "heel", "zo", "too",
];

const POSITIVE_EMOJI: &[char] = &['😍', '❤', '😊', '👍', '🙏', '😀', '😃', '😄', '🥰', '💯', '🎉', '👏', '☕', '🙌', '✨', '😋', '💕', '♥'];
const NEGATIVE_EMOJI: &[char] = &['😡', '👎', '😤', '💔', '😠', '🤬', '😞', '😢', '😭', '🙄', '😒', '🤮'];

/// Scores `text` (mentions should be masked first so a brand name never counts as a word).
pub fn score(text: &str) -> Sentiment {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|t| !t.is_empty())
        .collect();
    let mut total = 0.0f32;
    for (i, tok) in tokens.iter().enumerate() {
        let mut v = if POSITIVE.contains(tok) {
            1.0
        } else if NEGATIVE.contains(tok) {
            -1.0
        } else {
            continue;
        };
        let window = &tokens[i.saturating_sub(3)..i];
        if window.iter().any(|w| INTENSIFIERS.contains(w)) {
            v *= 1.5;
        }
        if window.iter().any(|w| NEGATORS.contains(w) || w.ends_with("n't")) {
            v *= -0.75;
        }
        total += v;
    }
    for c in text.chars() {
        if POSITIVE_EMOJI.contains(&c) {
            total += 0.8;
        } else if NEGATIVE_EMOJI.contains(&c) {
            total -= 0.8;
        }
    }
    let exclamations = text.matches('!').count().min(3) as f32;
    if total != 0.0 {
        total += total.signum() * 0.3 * exclamations;
    }
    let score = total / (total * total + 4.0).sqrt();
    let label = if score >= 0.1 {
        SentimentLabel::Positive
    } else if score <= -0.1 {
        SentimentLabel::Negative
    } else {
        SentimentLabel::Neutral
    };
    Sentiment { label, score: (score * 1000.0).round() / 1000.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let cases = [
            ("I love this, thank you!", SentimentLabel::Positive),
            ("My latte was cold and the staff was rude", SentimentLabel::Negative),
            ("not good at all", SentimentLabel::Negative),
            ("not bad", SentimentLabel::Positive),
            ("Opening hours on Sunday?", SentimentLabel::Neutral),
            ("Me encanta, gracias", SentimentLabel::Positive),
            ("Vol en retard, bagage perdu 😡", SentimentLabel::Negative),
            ("☕😍", SentimentLabel::Positive),
        ];
        for (text, want) in cases {
            assert_eq!(score(text).label, want, "{text}: {:?}", score(text));
        }
    }

    #[test]
    fn score_is_bounded() {
        let s = score(&"love ".repeat(500));
        assert!(s.score > 0.9 && s.score <= 1.0);
    }
}
