//! The learned part of understanding: a linear model over hashed word and character n-grams of
//! the masked post, plus some of what the rules found (the cue words they matched, the
//! lexicon's sentiment, the language, capitals, question marks), giving a probability for each
//! intent. It is never told the rules' intent: it is a second opinion, so where it disagrees
//! with the rules the card can say it is unsure and offer the other reading, and where the
//! rules find nothing it decides when it is as sure as training found it is right to be
//! ([`Decisions`]). The weights and those bars (`model.bin`) are made by `./build.sh train`
//! (`src/training/`) from the project's own corpus (`data/corpus/`) and Davidson et al.'s
//! MIT-licensed tweets (DATA-SOURCES.md); the same feature code runs in training and here, so
//! what was learned is what is read.

use super::intent::Intent;
use super::sentiment::Sentiment;

/// Hash buckets per head: a power of two (the index is the hash's low bits).
pub(crate) const BUCKETS: usize = 1 << 15;

/// The first buckets, kept for what the rules found (their intent, cues, the lexicon's reading).
pub(crate) const SIGNAL_BUCKETS: usize = 1 << 10;

/// Whether a feature is one of the rules' signals rather than one of the post's words.
#[cfg(feature = "train")]
pub(crate) fn is_signal(feature: u32) -> bool {
    (feature as usize) < SIGNAL_BUCKETS
}

/// The intents in the order of the intent head's classes.
pub(crate) const INTENTS: [Intent; 6] = [
    Intent::Praise,
    Intent::Complaint,
    Intent::Question,
    Intent::Suggestion,
    Intent::Offensive,
    Intent::Other,
];

const MAGIC: &[u8; 4] = b"HTM5";

static SHIPPED: &[u8] = include_bytes!("model.bin");

/// The model training just made, used instead of `model.bin` from then on.
#[cfg(feature = "train")]
static FRESH: std::sync::Mutex<Option<&'static Model>> = std::sync::Mutex::new(None);

/// What the model reads of a post, besides its words: what the rules made of it.
pub(crate) struct Signals<'a> {
    /// The post as written (capitals count).
    pub text: &'a str,
    /// The masked, lower-cased text the intent rules read.
    pub lower: &'a str,
    pub language: &'a str,
    pub rule_cues: &'a [String],
    pub lexicon: &'a Sentiment,
}

/// The languages Hat Tip replies in, in the order of the language head's classes.
pub(crate) const LANGUAGES: [&str; 8] = ["en", "es", "fr", "de", "it", "pt", "nl", "ja"];

/// One linear head: `classes × BUCKETS` weights stored as bytes with a scale per class.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Head {
    pub scale: Vec<f32>,
    pub bias: Vec<f32>,
    pub weights: Vec<i8>,
}

impl Head {
    /// A head that knows nothing: every class equally likely.
    #[cfg(feature = "train")]
    pub fn zero(classes: usize) -> Head {
        Head {
            scale: vec![1.0; classes],
            bias: vec![0.0; classes],
            weights: vec![0; classes * BUCKETS],
        }
    }

    fn classes(&self) -> usize {
        self.bias.len()
    }

    /// Class probabilities (softmax of the scores) for a post's features.
    pub fn probabilities(&self, features: &[u32]) -> Vec<f32> {
        let n = self.classes();
        let mut scores: Vec<f32> = self.bias.clone();
        for (c, score) in scores.iter_mut().enumerate() {
            let row = &self.weights[c * BUCKETS..(c + 1) * BUCKETS];
            let sum: i32 = features.iter().map(|&f| row[f as usize] as i32).sum();
            *score += sum as f32 * self.scale[c];
        }
        softmax(&mut scores);
        debug_assert_eq!(scores.len(), n);
        scores
    }
}

/// Turns scores into probabilities in place.
pub(crate) fn softmax(scores: &mut [f32]) {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut total = 0.0;
    for s in scores.iter_mut() {
        *s = (*s - max).exp();
        total += *s;
    }
    for s in scores.iter_mut() {
        *s /= total;
    }
}

/// When the model's reading is acted on rather than the rules': fitted by training on
/// predictions for posts whose template the model had not seen (`training::fit_decisions`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Decisions {
    /// Per intent, in the order of [`INTENTS`]: how sure the model must be of it to decide a
    /// post the rules find nothing in (above 1: never).
    pub decides: [f32; 6],
}

impl Decisions {
    /// The model never decides: the rules alone.
    pub const NEVER: Decisions = Decisions { decides: [2.0; 6] };

    /// How sure the model must be of `intent` to decide a post the rules find nothing in.
    pub fn threshold(&self, intent: Intent) -> f32 {
        INTENTS
            .iter()
            .position(|&i| i == intent)
            .map_or(2.0, |i| self.decides[i])
    }
}

/// The intent head, the language head (which reads only the words), and when to act on them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Model {
    pub intent: Head,
    pub language: Head,
    pub decisions: Decisions,
}

impl Model {
    /// The model that ships (`model.bin`), read once.
    pub fn shipped() -> &'static Model {
        #[cfg(feature = "train")]
        if let Some(model) = *FRESH.lock().unwrap() {
            return model;
        }
        static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(SHIPPED).expect("model.bin is well formed"))
    }

    /// Makes `self` the model the engine uses from now on, instead of `model.bin`: training
    /// reads posts with what it has made so far, never with the file it is replacing.
    #[cfg(feature = "train")]
    pub fn use_fresh(self) {
        *FRESH.lock().unwrap() = Some(Box::leak(Box::new(self)));
    }

    /// A probability per intent, in the order of [`INTENTS`].
    pub fn predict(&self, signals: &Signals<'_>) -> Vec<f32> {
        self.intent.probabilities(&features(signals))
    }

    /// The most likely of [`LANGUAGES`] for a masked, lower-cased post, and its probability.
    pub fn language(&self, lower: &str) -> (&'static str, f32) {
        let p = self.language.probabilities(&language_features(lower));
        let best = (0..p.len())
            .max_by(|&a, &b| p[a].total_cmp(&p[b]))
            .unwrap_or(0);
        (LANGUAGES[best], p[best])
    }

    /// `HTM5`, the bucket count, then each head (classes, scales, biases, weights), then the
    /// decisions (a threshold per intent).
    #[cfg(any(test, feature = "train"))]
    pub fn to_bytes(&self) -> Vec<u8> {
        let classes = INTENTS.len() + LANGUAGES.len();
        let mut out = Vec::with_capacity(16 + classes * (8 + BUCKETS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(BUCKETS as u32).to_le_bytes());
        for head in [&self.intent, &self.language] {
            out.extend_from_slice(&(head.classes() as u32).to_le_bytes());
            for v in head.scale.iter().chain(&head.bias) {
                out.extend_from_slice(&v.to_le_bytes());
            }
            out.extend(head.weights.iter().map(|&w| w as u8));
        }
        for v in &self.decisions.decides {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let mut at = 0;
        let mut take = |n: usize| {
            let piece = bytes.get(at..at + n)?;
            at += n;
            Some(piece)
        };
        if take(4)? != MAGIC {
            return None;
        }
        let u32_at = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        if u32_at(take(4)?) as usize != BUCKETS {
            return None;
        }
        let floats = |b: &[u8]| -> Vec<f32> {
            b.chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect()
        };
        let mut head = || -> Option<Head> {
            let classes = u32_at(take(4)?) as usize;
            let mut floats = |n: usize| take(4 * n).map(floats);
            let scale = floats(classes)?;
            let bias = floats(classes)?;
            let weights = take(classes * BUCKETS)?.iter().map(|&b| b as i8).collect();
            Some(Head {
                scale,
                bias,
                weights,
            })
        };
        let intent = head()?;
        let language = head()?;
        let decisions = Decisions {
            decides: floats(take(4 * INTENTS.len())?).try_into().ok()?,
        };
        let sizes = intent.classes() == INTENTS.len() && language.classes() == LANGUAGES.len();
        (sizes && at == bytes.len()).then_some(Model {
            intent,
            language,
            decisions,
        })
    }
}

/// The hashed features of a post, sorted and without repeats.
pub(crate) fn features(s: &Signals<'_>) -> Vec<u32> {
    let mut out = Vec::with_capacity(128);
    let mut add = |kind: &str, value: &str| out.push(signal_bucket(kind, value));
    for cue in s.rule_cues {
        add("cue", cue);
    }
    add("sl", s.lexicon.label.as_str());
    add("ss", &format!("{}", (s.lexicon.score * 4.0).round() as i32));
    add("lang", s.language);
    if shouting(s.text) {
        add("caps", "");
    }
    if s.lower.contains(['?', '¿', '？']) {
        add("q", "");
    }
    if s.lower.matches(['!', '！']).count() >= 2 {
        add("excl", "");
    }
    let mut add = |kind: &str, value: &str| out.push(word_bucket(kind, value));
    let words = words(s.lower);
    if words.is_empty() {
        add("empty", "");
    }
    // A word within three of a negation is another word ("not impressed" is not "impressed").
    let mut negated = 0;
    for (i, w) in words.iter().enumerate() {
        if negated > 0 {
            add("nw", w);
            negated -= 1;
        } else {
            add("w", w);
        }
        if super::sentiment::is_negation(w) {
            negated = 3;
        }
        if let Some(next) = words.get(i + 1) {
            add("b", &format!("{w} {next}"));
        }
        for gram in char_grams(w) {
            add("c", &gram);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// What the language head reads: the words and their character n-grams, no rules.
pub(crate) fn language_features(lower: &str) -> Vec<u32> {
    let mut out = Vec::with_capacity(64);
    let mut add = |kind: &str, value: &str| out.push(word_bucket(kind, value));
    for w in words(lower) {
        if w.chars().any(char::is_alphabetic) {
            add("w", &w);
            for gram in char_grams(&w) {
                add("c", &gram);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Words, and each symbol (emoji, `?`, `!`) as a word of its own.
fn words(lower: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in lower.chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        let symbol = !c.is_whitespace()
            && !matches!(
                c,
                '.' | ',' | ';' | ':' | '"' | '(' | ')' | '-' | '…' | '\u{fe0f}'
            );
        if symbol {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Character 3-grams of a padded word; 2-grams for words in scripts without spaces (Japanese),
/// where a "word" is a whole clause.
fn char_grams(word: &str) -> Vec<String> {
    let chars: Vec<char> = std::iter::once('^')
        .chain(word.chars())
        .chain(std::iter::once('$'))
        .collect();
    let spaceless = word.chars().any(|c| c as u32 >= 0x3040);
    let n = if spaceless { 2 } else { 3 };
    if chars.len() <= n {
        return vec![chars.iter().collect()];
    }
    chars.windows(n).map(|w| w.iter().collect()).collect()
}

/// Mostly capitals, over enough letters to mean it.
fn shouting(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (upper, total) = letters.fold((0, 0), |(u, t), c| (u + c.is_uppercase() as u32, t + 1));
    total >= 8 && upper * 10 >= total * 7
}

// What the rules found sits in the first buckets, the post's words in the rest, so that
// training can hold the words back more than the rules (`is_signal`).

/// The bucket of one of the rules' signals.
fn signal_bucket(kind: &str, value: &str) -> u32 {
    (hash(kind, value) % SIGNAL_BUCKETS as u64) as u32
}

/// The bucket of one of the post's words, word pairs or character n-grams.
fn word_bucket(kind: &str, value: &str) -> u32 {
    let words = (BUCKETS - SIGNAL_BUCKETS) as u64;
    (SIGNAL_BUCKETS as u64 + hash(kind, value) % words) as u32
}

/// FNV-1a of `kind:value`.
fn hash(kind: &str, value: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in kind.bytes().chain([b':']).chain(value.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_reads_back_as_written() {
        let model = Model::shipped();
        assert_eq!(Model::from_bytes(&model.to_bytes()).as_ref(), Some(model));
    }

    #[test]
    fn features_are_sorted_in_range_and_see_capitals() {
        let lexicon = Sentiment {
            label: crate::analyze::SentimentLabel::Neutral,
            score: 0.0,
        };
        let signals = |text| Signals {
            text,
            lower: "you did it again",
            language: "en",
            rule_cues: &[],
            lexicon: &lexicon,
        };
        let calm = features(&signals("you did it again"));
        let loud = features(&signals("YOU DID IT AGAIN"));
        assert!(calm.windows(2).all(|w| w[0] < w[1]));
        assert!(calm.iter().all(|&f| (f as usize) < BUCKETS));
        assert_eq!(loud.len(), calm.len() + 1, "capitals add one feature");
    }

    #[test]
    fn emoji_are_words_and_japanese_gets_bigrams() {
        assert_eq!(words("love it 🔥🔥"), vec!["love", "it", "🔥", "🔥"]);
        assert_eq!(char_grams("最高"), vec!["^最", "最高", "高$"]);
    }
}
