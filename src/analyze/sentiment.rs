//! Sentiment of a post: positive, negative or neutral, with a score in [-1, 1].
//!
//! A VADER-style scorer (Hutto & Gilbert 2014): the VADER lexicon (MIT, `vader_lexicon.tsv`,
//! made by `scripts/vader-lexicon.py`) plus the project's own word lists for es, fr, de, pt, it
//! and nl and for customer-service complaints (`delayed`, `on hold`: negative here; `please` and
//! `help` are requests, not praise), with phrases read whole where their words mislead
//! ("killing it", "mola mazo"). Rules: negation within three words (after the verb too in
//! German, Dutch and French), boosters, a harsh word just before praise read as "very"
//! ("stupid good", "krass gut"), ALL-CAPS emphasis, `but` shifting weight to what follows,
//! exclamation marks, emoji, and a sarcasm cue (praise words next to `again`, 🙃 or a complaint
//! word flip to negative). Brand mentions are
//! masked by the caller first (VADER scores `united` +1.8; Hat Tip never sees it).
//! Every list that ships is listed in DATA-SOURCES.md.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use super::cue_files;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentimentLabel {
    Positive,
    Negative,
    Neutral,
}

impl SentimentLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            SentimentLabel::Positive => "positive",
            SentimentLabel::Negative => "negative",
            SentimentLabel::Neutral => "neutral",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sentiment {
    pub label: SentimentLabel,
    /// In [-1, 1]; negative is unhappy.
    pub score: f32,
}

impl Sentiment {
    /// This reading with `label` instead of its own, the score keeping its strength (at least
    /// the bar a label needs) with the label's sign: a complaint written in polite words
    /// ("thanks for nothing, great job") is negative however its words score.
    pub fn labelled(self, label: SentimentLabel) -> Sentiment {
        if label == self.label {
            return self;
        }
        let strength = self.score.abs().max(LABEL_BAR);
        let score = match label {
            SentimentLabel::Positive => strength,
            SentimentLabel::Negative => -strength,
            SentimentLabel::Neutral => 0.0,
        };
        Sentiment { label, score }
    }
}

/// How far from zero a score must be to be positive or negative (VADER's bar).
const LABEL_BAR: f32 = 0.05;

const LEXICON_TSV: &str = include_str!("vader_lexicon.tsv");

/// The project's words, checked before the VADER lexicon (valence on VADER's -4..4 scale).
const PROJECT_WORDS: &[(&str, f32)] = &[
    // Customer-service context: requests and complaint vocabulary.
    ("please", 0.0),
    ("help", 0.0),
    ("helping", 0.0),
    ("pls", 0.0),
    ("plz", 0.0),
    // Paying is how people ask about checkout ("do you take Apple Pay"), not a feeling.
    ("pay", 0.0),
    ("delayed", -1.8),
    ("delay", -1.5),
    ("delays", -1.5),
    ("cancelled", -1.8),
    ("canceled", -1.8),
    ("cancellation", -1.2),
    ("waiting", -1.2),
    ("hold", -0.8),
    ("stuck", -1.6),
    ("stranded", -2.0),
    ("late", -1.3),
    ("missed", -1.3),
    ("lost", -1.6),
    ("refund", -1.0),
    ("rude", -2.2),
    ("broken", -1.8),
    ("overbooked", -1.8),
    ("charged", -0.9),
    ("fee", -0.6),
    ("fees", -0.6),
    ("again", 0.0),
    ("ridiculous", -2.0),
    ("unacceptable", -2.4),
    ("nobody", -0.8),
    ("no-one", -0.8),
    ("crashed", -1.8),
    ("crashes", -1.6),
    ("logs", 0.0),
    ("missing", -1.3),
    ("damaged", -1.8),
    ("worst", -3.1),
    ("never", 0.0),
    ("cold", -0.8),
    // Acknowledgements are not praise ("Yes.", "ok cool" answers an agent's question).
    ("yes", 0.0),
    ("ok", 0.0),
    ("okay", 0.0),
    ("yeah", 0.0),
    // Spanish
    ("encanta", 2.5),
    ("gracias", 1.9),
    ("excelente", 3.0),
    ("genial", 2.6),
    ("bueno", 1.9),
    ("buena", 1.9),
    ("mejor", 2.0),
    ("increíble", 2.6),
    ("perfecto", 2.7),
    ("feliz", 2.6),
    ("amo", 2.6),
    ("bien", 1.6),
    ("malo", -2.2),
    ("mala", -2.2),
    ("peor", -2.6),
    ("horrible", -2.5),
    ("tarde", -0.8),
    ("retraso", -1.6),
    ("perdido", -1.5),
    ("odio", -2.8),
    ("triste", -2.1),
    ("asco", -2.6),
    ("fatal", -2.5),
    ("vergüenza", -2.0),
    // French
    ("merci", 1.9),
    ("bon", 1.9),
    ("bonne", 1.9),
    ("mauvais", -2.2),
    ("mauvaise", -2.2),
    ("génial", 2.6),
    ("super", 2.0),
    ("parfait", 2.7),
    ("adore", 2.7),
    ("bravo", 2.3),
    ("bien", 1.6),
    ("heureux", 2.6),
    ("magnifique", 3.0),
    ("nul", -2.3),
    ("nulle", -2.3),
    ("retard", -1.6),
    ("perdu", -1.5),
    ("déçu", -2.1),
    ("déçue", -2.1),
    ("horrible", -2.5),
    ("triste", -2.1),
    ("honte", -2.0),
    ("pire", -2.6),
    ("marre", -2.0),
    ("déteste", -2.7),
    // German
    ("danke", 1.9),
    ("toll", 2.4),
    ("lecker", 2.3),
    ("wunderbar", 3.0),
    ("perfekt", 2.7),
    ("super", 2.0),
    ("klasse", 2.3),
    ("gut", 1.8),
    ("großartig", 3.0),
    ("schön", 2.2),
    ("liebe", 2.4),
    ("freue", 2.2),
    ("schlecht", -2.2),
    ("verspätung", -1.6),
    ("kaputt", -1.9),
    ("enttäuscht", -2.1),
    ("schrecklich", -2.6),
    ("furchtbar", -2.6),
    ("verloren", -1.5),
    ("scheiße", -2.9),
    ("scheisse", -2.9),
    ("traurig", -2.1),
    ("leider", -1.0),
    ("hasse", -2.8),
    ("nervt", -1.9),
    // Portuguese
    ("obrigado", 1.9),
    ("obrigada", 1.9),
    ("ótimo", 2.8),
    ("ótima", 2.8),
    ("adoro", 2.6),
    ("maravilhoso", 3.0),
    ("bom", 1.8),
    ("boa", 1.8),
    ("lindo", 2.5),
    ("linda", 2.5),
    ("feliz", 2.6),
    ("amo", 2.6),
    ("melhor", 2.0),
    ("ruim", -2.2),
    ("péssimo", -2.8),
    ("péssima", -2.8),
    ("atrasado", -1.5),
    ("atraso", -1.6),
    ("horrível", -2.6),
    ("chato", -1.8),
    ("triste", -2.1),
    ("odeio", -2.8),
    ("pior", -2.6),
    ("vergonha", -2.0),
    // Italian
    ("grazie", 1.9),
    ("ottimo", 2.8),
    ("ottima", 2.8),
    ("buono", 1.9),
    ("buonissimo", 2.6),
    ("fantastico", 2.9),
    ("bellissimo", 3.0),
    ("bello", 2.3),
    ("bella", 2.3),
    ("brava", 2.1),
    ("felice", 2.6),
    ("meglio", 2.0),
    ("cattivo", -2.1),
    ("pessimo", -2.8),
    ("ritardo", -1.6),
    ("schifo", -2.8),
    ("triste", -2.1),
    ("peggio", -2.5),
    ("vergogna", -2.1),
    ("odio", -2.8),
    ("terribile", -2.5),
    ("orribile", -2.6),
    ("perso", -1.5),
    ("deluso", -2.1),
    ("delusa", -2.1),
    ("rotto", -1.8),
    // Dutch
    ("bedankt", 1.9),
    ("lekker", 2.3),
    ("geweldig", 3.0),
    ("mooi", 2.2),
    ("fijn", 2.0),
    ("heerlijk", 2.8),
    ("slecht", -2.2),
    ("vertraging", -1.6),
    ("kapot", -1.9),
    ("teleurgesteld", -2.1),
    ("verschrikkelijk", -2.7),
    ("kwijt", -1.5),
    ("waardeloos", -2.6),
    ("belachelijk", -2.2),
    // More for Spanish and Portuguese
    ("perdió", -1.5),
    ("pésimo", -2.8),
    ("perdeu", -1.5),
];

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "isnt", "wasnt", "dont", "doesnt", "didnt", "cant", "wont", "arent",
    "aint", "nothing", "nobody", "none", "neither", "nor", "without", "hardly", "cannot", "nunca",
    "nada", "pas", "jamais", "nicht", "kein", "keine", "não", "nem", "non", "mai", "niet", "geen",
    "nooit", "sin", "sem", "senza", "ohne", "zonder", "nie", "niemals",
    // "Less" before a good word compares down: "much less useful", "menos práctico".
    "less", "menos", "moins", "meno", "weniger", "minder",
];

const BOOSTERS_UP: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "deeply",
    "enormously",
    "entirely",
    "especially",
    "exceptionally",
    "extremely",
    "fully",
    "fucking",
    "greatly",
    "highly",
    "hugely",
    "incredibly",
    "intensely",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "totally",
    "tremendously",
    "unbelievably",
    "utterly",
    "very",
    "super",
    "muy",
    "très",
    "sehr",
    "muito",
    "molto",
    "heel",
    "zo",
    "echt",
    "wirklich",
    "vraiment",
];
const BOOSTERS_DOWN: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "kinda",
    "little",
    "marginally",
    "occasionally",
    "partly",
    "scarcely",
    "slightly",
    "somewhat",
    "sorta",
];

const POSITIVE_EMOJI: &[char] = &[
    '😍', '❤', '😊', '👍', '🙏', '😀', '😃', '😄', '😁', '🥰', '💯', '🎉', '👏', '🙌', '✨', '😋',
    '💕', '♥', '😘', '💙', '💜', '💚', '💛', '😎', '🤩', '☺', '😻', '🔥',
];
// Not 😤: its name is "face with look of triumph", and people post it as often to hype
// ("stays undefeated 😤") as to fume.
const NEGATIVE_EMOJI: &[char] = &[
    '😡', '👎', '💔', '😠', '🤬', '😞', '😢', '😭', '🙄', '😒', '🤮', '😩', '😫', '😖', '😣', '😔',
    '😕', '☹', '🙁', '😑', '🤦',
];

/// Punctuation that ends a negation's reach.
const CLAUSE_ENDS: [char; 5] = ['.', '!', '?', ';', ','];

/// Phrases that turn praise words into their opposite.
const SARCASM_MARKERS: &[&str] = &[
    "🙃",
    "/s",
    "yeah right",
    "thanks a lot",
    "just great",
    "just perfect",
    "great job",
    "way to go",
    "thanks for nothing",
];

fn lexicon() -> &'static Vec<(&'static str, f32)> {
    static LEXICON: OnceLock<Vec<(&'static str, f32)>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut words: Vec<(&'static str, f32)> = LEXICON_TSV
            .lines()
            .filter_map(|l| {
                let (word, value) = l.split_once('\t')?;
                Some((word, value.parse().ok()?))
            })
            .collect();
        // The file is generated sorted; sorting again is cheap and keeps binary search honest.
        words.sort_by(|a, b| a.0.cmp(b.0));
        words.dedup_by(|a, b| a.0 == b.0);
        words
    })
}

/// Valence of a (lower-cased) token, also when stretched for emphasis ("goooood", "sooo"):
/// runs of three or more letters are tried as two and as one. Stretching adds emphasis.
fn valence_stretched(token: &str) -> Option<f32> {
    if let Some(v) = valence(token) {
        return Some(v);
    }
    let mut collapsed_two = String::with_capacity(token.len());
    let mut collapsed_one = String::with_capacity(token.len());
    let mut stretched = false;
    let mut prev: Option<char> = None;
    let mut run = 0;
    for c in token.chars() {
        run = if Some(c) == prev { run + 1 } else { 1 };
        prev = Some(c);
        if run <= 2 {
            collapsed_two.push(c);
        } else {
            stretched = true;
        }
        if run == 1 {
            collapsed_one.push(c);
        }
    }
    if !stretched {
        return None;
    }
    let v = valence(&collapsed_two).or_else(|| valence(&collapsed_one))?;
    Some(v + 0.293 * v.signum())
}

/// Valence of a (lower-cased) token on VADER's -4..4 scale, if it has one.
fn valence(token: &str) -> Option<f32> {
    if let Some((_, v)) = PROJECT_WORDS.iter().find(|(w, _)| *w == token) {
        return Some(*v);
    }
    let lex = lexicon();
    lex.binary_search_by(|(w, _)| (*w).cmp(token))
        .ok()
        .map(|i| lex[i].1)
}

/// Where a token stands in the phrases of the post's language.
#[derive(Clone, Copy)]
enum PhrasePart {
    /// It starts a phrase of this many words, with this valence.
    Start(usize, f32),
    /// It is a later word of a phrase: the phrase's first word carries the valence.
    Inside,
    None,
}

/// For each of `tokens`, whether it starts or continues one of `language`'s phrases (the
/// longest that fits, left to right).
fn phrase_valences(tokens: &[String], language: &str) -> Vec<PhrasePart> {
    let mut parts = vec![PhrasePart::None; tokens.len()];
    let Some(phrases) = language_words().phrases.get(language) else {
        return parts;
    };
    let mut i = 0;
    while i < tokens.len() {
        let found = phrases.iter().find(|(words, _)| {
            tokens.len() - i >= words.len() && words.iter().zip(&tokens[i..]).all(|(w, t)| w == t)
        });
        match found {
            Some((words, v)) => {
                parts[i] = PhrasePart::Start(words.len(), *v);
                for part in &mut parts[i + 1..i + words.len()] {
                    *part = PhrasePart::Inside;
                }
                i += words.len();
            }
            None => i += 1,
        }
    }
    parts
}

/// The valence of a (lower-cased, trimmed) token in a post in `language`: its own language's
/// words first, then VADER's, unless it is an everyday word of the post's language that English
/// scores (`false_friend`). `raw_lower` is the token as written, for emoticons (":D").
fn word_valence(token: &str, raw_lower: &str, language: &str, false_friend: bool) -> Option<f32> {
    let own = language_valence(token, language)
        .or_else(|| language_valence(without_elision(token, language)?, language));
    // One letter is a size or an initial ("ordered an L"), never a feeling; an emoticon (":D")
    // is still read whole.
    let one_letter = token.chars().count() == 1;
    own.or_else(|| {
        valence_stretched(token)
            .filter(|_| !one_letter)
            .or_else(|| valence(raw_lower))
            .filter(|_| !false_friend)
    })
}

/// Whether `token` is a harsh word the post's language also uses to say "very" (the
/// `harsh_intensifiers` of its cue file: "stupid", "krass", "ziek").
pub(crate) fn is_harsh_intensifier(token: &str, language: &str) -> bool {
    language_words()
        .harsh_intensifiers
        .get(language)
        .is_some_and(|words| words.contains(&token))
}

/// Whether `word` (lower-cased) praises in a post in `language` ("good", "gut", "goed"): a
/// harsh word just before it only says "very".
pub(crate) fn is_praise_word(word: &str, language: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    let false_friend = !matches!(language, "en" | "unknown") && is_false_friend(word);
    word_valence(word, word, language, false_friend).is_some_and(|v| v >= 1.0)
}

/// A French or Italian word without the article or pronoun elided onto it (`n'aime` → `aime`,
/// `l'ottimo` → `ottimo`), if it has one.
fn without_elision<'a>(token: &'a str, language: &str) -> Option<&'a str> {
    if !matches!(language, "fr" | "it") {
        return None;
    }
    let (head, word) = token.split_once('\'')?;
    (head.chars().count() <= 3 && !word.is_empty()).then_some(word)
}

pub(crate) fn is_negation(token: &str) -> bool {
    NEGATIONS.contains(&token)
        || token.ends_with("n't")
        || NEGATIONS.contains(&token.replace('\'', "").as_str())
}

/// The Japanese phrases in `text`, with their valence.
fn japanese_phrases(text: &str) -> Vec<(f32, String)> {
    let mut rest = text.to_string();
    let mut found = Vec::new();
    for (phrase, v) in &language_words().japanese {
        while let Some(at) = rest.find(phrase) {
            found.push((*v, (*phrase).to_string()));
            rest.replace_range(at..at + phrase.len(), " ");
        }
    }
    found
}

/// Each language's own sentiment words (the `sentiment` list of its cue file), and the English
/// lexicon words that are everyday words of another language Hat Tip reads (its
/// `false_friends`: German "die", Spanish "sin", French "pain", Italian "fine"…).
struct LanguageWords {
    /// Word → valence, per language code but Japanese; used only on posts in that language (so
    /// Italian *male*, "bad", never scores an English post about a male nurse).
    words: HashMap<&'static str, HashMap<&'static str, f32>>,
    /// Phrases of several words whose valence is not their words' ("killing it", "ça déchire",
    /// "è una bomba"), per language but Japanese, as their words, longest first.
    phrases: HashMap<&'static str, Vec<(Vec<&'static str>, f32)>>,
    /// The Japanese phrases (no spaces to split on), longest first, so a negated form
    /// (`美味しくない`) wins over the word inside it.
    japanese: Vec<(&'static str, f32)>,
    /// Ignored unless the post is English.
    false_friends: Vec<&'static str>,
    /// Words that open a letter ("dear", "beste", "querida"): no sentiment as a post's first word.
    salutations: Vec<&'static str>,
    /// Per language, harsh words also used to say "very" ("stupid good", "krass gut").
    harsh_intensifiers: HashMap<&'static str, Vec<&'static str>>,
}

/// The lists this module reads from the cue files.
#[cfg(test)]
pub(crate) const LISTS: &[&str] = &[
    "sentiment",
    "false_friends",
    "salutations",
    "harsh_intensifiers",
];

/// One `sentiment` line: a word, a tab, its valence.
fn sentiment_entry(line: &'static str) -> Option<(&'static str, f32)> {
    let (word, value) = line.split_once('\t')?;
    Some((word.trim(), value.trim().parse().ok()?))
}

fn language_words() -> &'static LanguageWords {
    static WORDS: OnceLock<LanguageWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = HashMap::new();
        let mut phrases = HashMap::new();
        for (code, _) in cue_files::FILES.iter().filter(|(code, _)| *code != "ja") {
            let (several, single): (Vec<_>, Vec<_>) = cue_files::list_in(code, "sentiment")
                .into_iter()
                .filter_map(sentiment_entry)
                .partition(|(word, _)| word.contains(' '));
            let mut several: Vec<(Vec<&'static str>, f32)> = several
                .into_iter()
                .map(|(phrase, v)| (phrase.split_whitespace().collect(), v))
                .collect();
            several.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
            words.insert(*code, single.into_iter().collect::<HashMap<_, _>>());
            phrases.insert(*code, several);
        }
        let mut japanese: Vec<(&'static str, f32)> = cue_files::list_in("ja", "sentiment")
            .into_iter()
            .filter_map(sentiment_entry)
            .collect();
        japanese.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        LanguageWords {
            words,
            phrases,
            japanese,
            false_friends: cue_files::list("false_friends"),
            salutations: cue_files::list("salutations"),
            harsh_intensifiers: cue_files::FILES
                .iter()
                .map(|(code, _)| (*code, cue_files::list_in(code, "harsh_intensifiers")))
                .collect(),
        }
    })
}

/// Whether `token` is an English word that is an everyday word of another language Hat Tip
/// reads (a `false_friends` entry).
pub(crate) fn is_false_friend(token: &str) -> bool {
    language_words().false_friends.contains(&token)
}

fn is_salutation(token: &str) -> bool {
    language_words().salutations.contains(&token)
}

/// The valence of `token` in the post's own language's word list, if it has one.
fn language_valence(token: &str, language: &str) -> Option<f32> {
    language_words().words.get(language)?.get(token).copied()
}

/// Scores `text` as English (mentions should be masked first so a brand name never counts as a word).
#[cfg(test)]
pub fn score(text: &str) -> Sentiment {
    score_with_drivers(text, "en").0
}

/// The sentiment and the words (or emoji) that pushed it most, strongest first (at most 3).
/// `language` is the post's (for false friends between English and the other languages).
pub fn score_with_drivers(text: &str, language: &str) -> (Sentiment, Vec<String>) {
    let english = matches!(language, "en" | "unknown");
    let raw: Vec<&str> = text.split_whitespace().collect();
    let letters_upper = text.chars().filter(|c| c.is_uppercase()).count();
    let letters_lower = text.chars().filter(|c| c.is_lowercase()).count();
    let mixed_case = letters_upper > 0 && letters_lower > 0;
    let tokens: Vec<String> = raw
        .iter()
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .replace('’', "'")
                .to_lowercase()
        })
        .collect();
    let but_at = tokens.iter().position(|t| {
        matches!(
            t.as_str(),
            "but" | "pero" | "mais" | "aber" | "mas" | "ma" | "maar"
        )
    });
    let phrases = phrase_valences(&tokens, language);
    let mut sentiments: Vec<f32> = Vec::with_capacity(tokens.len());
    // Harsh words read as "very" before a word of praise.
    let mut intensifiers: Vec<usize> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let raw_lower = raw[i].to_lowercase();
        let false_friend = !english && is_false_friend(token);
        // "Dear X," / "Beste X," / "Liebe X,": a greeting, not a judgement.
        if i == 0 && !text.starts_with(char::is_whitespace) && is_salutation(token) {
            sentiments.push(0.0);
            continue;
        }
        let phrase = match phrases[i] {
            PhrasePart::Start(_, v) => Some(v),
            PhrasePart::Inside => {
                sentiments.push(0.0);
                continue;
            }
            PhrasePart::None => None,
        };
        let Some(mut v) =
            phrase.or_else(|| word_valence(token, &raw_lower, language, false_friend))
        else {
            sentiments.push(0.0);
            continue;
        };
        if v == 0.0 {
            sentiments.push(0.0);
            continue;
        }
        // A harsh word that people use to say "very", just before a word of praise ("stupid
        // good", "krass gut", "ziek goed"), boosts the praise instead of counting against it.
        if v < 0.0
            && is_harsh_intensifier(token, language)
            && !raw[i].ends_with(CLAUSE_ENDS)
            && tokens
                .get(i + 1)
                .is_some_and(|next| is_praise_word(next, language))
        {
            intensifiers.push(i);
            sentiments.push(0.0);
            continue;
        }
        let word_chars: Vec<char> = raw[i].chars().filter(|c| c.is_alphabetic()).collect();
        if mixed_case && word_chars.len() > 1 && word_chars.iter().all(|c| c.is_uppercase()) {
            v += 0.733 * v.signum();
        }
        for (distance, prev) in tokens[i.saturating_sub(3)..i].iter().rev().enumerate() {
            let decay = [1.0, 0.95, 0.9][distance];
            if BOOSTERS_UP.contains(&prev.as_str()) || intensifiers.contains(&(i - 1 - distance)) {
                v += 0.293 * decay * v.signum();
            } else if BOOSTERS_DOWN.contains(&prev.as_str()) {
                v -= 0.293 * decay * v.signum();
            }
        }
        // A negation reaches the next sentiment word within three words, and no further
        // ("pas bon, vraiment nul": `pas` negates `bon`, not `nul`).
        // Nor does it cross a comma or the end of a sentence ("wouldn't ship with them. Worst
        // service", "non delude mai, sempre affidabili").
        let window = i.saturating_sub(3)..i;
        let clause_start = window
            .clone()
            .rev()
            .find(|&k| raw[k].ends_with(CLAUSE_ENDS))
            .map_or(window.start, |k| k + 1);
        let negated_before = (clause_start..i)
            .rev()
            .find(|&j| is_negation(&tokens[j]))
            .is_some_and(|j| !(j + 1..i).any(|k| sentiments.get(k).is_some_and(|s| *s != 0.0)));
        // German, Dutch and French put the negation after the verb ("enttäuscht nie", "stelt
        // nooit teleur" is handled by the word before, "(n')aime pas"): the next word of the
        // clause negates it.
        let negated_after = matches!(language, "de" | "nl" | "fr")
            && !raw[i].ends_with(CLAUSE_ENDS)
            && tokens.get(i + 1).is_some_and(|next| is_negation(next));
        if !is_negation(token) && (negated_before || negated_after) {
            v *= -0.74;
        }
        sentiments.push(v);
    }
    if let Some(b) = but_at {
        for (i, s) in sentiments.iter_mut().enumerate() {
            *s *= if i < b {
                0.5
            } else if i > b {
                1.5
            } else {
                1.0
            };
        }
    }
    let japanese = if language == "ja" {
        japanese_phrases(text)
    } else {
        Vec::new()
    };
    let mut sum: f32 =
        sentiments.iter().sum::<f32>() + japanese.iter().map(|(v, _)| v).sum::<f32>();
    for c in text.chars() {
        if POSITIVE_EMOJI.contains(&c) {
            sum += 1.5;
        } else if NEGATIVE_EMOJI.contains(&c) {
            sum -= 1.5;
        }
    }
    let lower = text.to_lowercase();
    let has_negative_word = sentiments.iter().any(|&s| s < -0.5);
    let sarcastic = SARCASM_MARKERS.iter().any(|m| lower.contains(m))
        || (lower.contains("again") && sentiments.iter().any(|&s| s > 1.0) && has_negative_word);
    if sarcastic && sum > 0.0 {
        sum = -sum;
    }
    if sum != 0.0 {
        let bangs = text.matches('!').count().min(4) as f32;
        sum += sum.signum() * 0.292 * bangs;
    }
    let compound = sum / (sum * sum + 15.0).sqrt();
    let label = if compound >= LABEL_BAR {
        SentimentLabel::Positive
    } else if compound <= -LABEL_BAR {
        SentimentLabel::Negative
    } else {
        SentimentLabel::Neutral
    };
    let sentiment = Sentiment {
        label,
        score: (compound * 1000.0).round() / 1000.0,
    };
    let sign = match label {
        SentimentLabel::Positive => 1.0,
        SentimentLabel::Negative => -1.0,
        SentimentLabel::Neutral => return (sentiment, Vec::new()),
    };
    // Sarcasm flips the total, so a flipped post is explained by its strongest words either way.
    let mut drivers: Vec<(f32, String)> = sentiments
        .iter()
        .enumerate()
        .filter(|(_, v)| v.abs() >= 0.5 && (sarcastic || v.signum() == sign))
        .map(|(i, v)| {
            // A phrase is shown whole ("mola mazo"), a word without its punctuation.
            let words = match phrases[i] {
                PhrasePart::Start(n, _) => raw[i..i + n].join(" "),
                _ => raw[i].to_string(),
            };
            let trim = |c: char| !c.is_alphanumeric() && c != '\'' && c != '’';
            (v.abs(), words.trim_matches(trim).to_string())
        })
        .chain(
            japanese
                .into_iter()
                .filter(|(v, _)| v.signum() == sign)
                .map(|(v, w)| (v.abs(), w)),
        )
        .chain(
            text.chars()
                .filter(|c| {
                    if sign > 0.0 {
                        POSITIVE_EMOJI.contains(c)
                    } else {
                        NEGATIVE_EMOJI.contains(c)
                    }
                })
                .map(|c| (1.5, c.to_string())),
        )
        .filter(|(_, w)| !w.is_empty())
        .collect();
    drivers.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut words: Vec<String> = Vec::new();
    for (_, w) in drivers {
        if !words.contains(&w) && words.len() < 3 {
            words.push(w);
        }
    }
    (sentiment, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_is_no_feeling_but_an_emoticon_is() {
        assert_eq!(
            score("ordered an L, got an S").label,
            SentimentLabel::Neutral
        );
        assert_eq!(score("see you tomorrow :D").label, SentimentLabel::Positive);
    }

    #[test]
    fn every_sentiment_line_is_a_word_and_a_valence() {
        for (code, _) in cue_files::FILES {
            for line in cue_files::list_in(code, "sentiment") {
                let (word, v) = sentiment_entry(line)
                    .unwrap_or_else(|| panic!("cues/{code}.txt: {line:?} is not word<TAB>valence"));
                assert!((-4.0..=4.0).contains(&v), "cues/{code}.txt: {word} {v}");
                assert!(
                    !word.contains("  ") && word.trim() == word,
                    "cues/{code}.txt: {word:?}: words of a phrase are one space apart"
                );
            }
        }
    }

    /// Each post, scored in its language, has the label given.
    fn assert_labels(cases: &[(&str, &str, SentimentLabel)]) {
        for &(text, language, want) in cases {
            let got = score_with_drivers(text, language).0.label;
            assert_eq!(got, want, "[{language}] {text}");
        }
    }

    #[test]
    fn a_phrase_is_read_whole_and_a_harsh_word_before_praise_says_very() {
        use SentimentLabel::*;
        let cases = [
            // "killing" alone is very negative in VADER; the phrase praises.
            ("you are killing it this week", "en", Positive),
            ("the wait is killing me", "en", Negative),
            ("la tarta nueva mola mazo", "es", Positive),
            ("ce gâteau c'est une tuerie", "fr", Positive),
            ("il cornetto è una bomba", "it", Positive),
            // A harsh word just before a word of praise intensifies it.
            ("the oat latte is stupid good", "en", Positive),
            ("der neue Kuchen ist krass gut", "de", Positive),
            ("de nieuwe app is bizar goed", "nl", Positive),
            // Not across a comma, and not before a word that does not praise.
            ("stupid, good", "en", Negative),
            ("terrible delivery again", "en", Negative),
        ];
        assert_labels(&cases);
        let (_, drivers) = score_with_drivers("la tarta nueva mola mazo", "es");
        assert_eq!(drivers.first().map(String::as_str), Some("mola mazo"));
    }

    #[test]
    fn each_language_has_its_own_words_and_only_there() {
        use SentimentLabel::*;
        let cases = [
            ("la app es una basura, qué desastre", "es", Negative),
            ("qué bonita experiencia, todo perfecto", "es", Positive),
            (
                "franchement c'est une catastrophe, quelle horreur",
                "fr",
                Negative,
            ),
            ("ravie de mon séjour, l'équipe est sympa", "fr", Positive),
            ("ich bin so glücklich mit dem neuen Laden", "de", Positive),
            ("wie peinlich und langweilig", "de", Negative),
            ("adorei o atendimento, perfeito", "pt", Positive),
            ("que porcaria, um lixo total", "pt", Negative),
            ("servizio stupendo, complimenti", "it", Positive),
            ("che schifo, un disastro", "it", Negative),
            ("wat een prachtig en gezellig café", "nl", Positive),
            ("wat jammer, echt vreselijk", "nl", Negative),
            ("wirklich begeistert, das Team war so nett", "de", Positive),
            ("muy contenta, el personal fue encantador", "es", Positive),
            ("vraiment impressionnée, tout fonctionne", "fr", Positive),
            ("davvero soddisfatta, gentilissimi", "it", Positive),
            ("muito satisfeito, atendimento ótimo", "pt", Positive),
            ("heel tevreden, echt een aanrader", "nl", Positive),
            ("echt enttäuscht vom Service", "de", Negative),
        ];
        assert_labels(&cases);
        // Italian "male" (bad) says nothing about an English post.
        assert_eq!(
            score_with_drivers("our male nurse was on duty", "en")
                .0
                .label,
            Neutral
        );
    }

    #[test]
    fn labels() {
        use SentimentLabel::*;
        let cases = [
            ("I love this, thank you!", Positive),
            ("My latte was cold and the staff was rude", Negative),
            ("not good at all", Negative),
            (
                "I wish they wouldn't ship with @bob. Worst service out there",
                Negative,
            ),
            ("Yes.", Neutral),
            ("not bad", Positive),
            ("Opening hours on Sunday?", Neutral),
            ("The app is OK but the support is AWFUL", Negative),
            ("Great, my flight is delayed again 🙃", Negative),
            ("please help, my bag is lost", Negative),
            ("flight delayed 3 hours, still waiting", Negative),
            ("Me encanta, gracias", Positive),
            ("El servicio es muy malo", Negative),
            ("Vol en retard, bagage perdu 😡", Negative),
            ("Merci, c'est génial", Positive),
            ("Der Kaffee ist nicht gut", Negative),
            ("Danke, wirklich toll", Positive),
            ("O atendimento foi péssimo", Negative),
            ("Grazie, ottimo servizio", Positive),
            ("Heerlijk, bedankt!", Positive),
            ("☕😍", Positive),
        ];
        for (text, want) in cases {
            assert_eq!(score(text).label, want, "{text}: {:?}", score(text));
        }
    }

    /// The hard cases of issue 4 in every language Hat Tip replies in: negation, intensifiers,
    /// contrast, emoji, elongation and caps, sarcasm.
    #[test]
    fn hard_cases_in_every_language() {
        use SentimentLabel::*;
        let cases: &[(&str, &str, SentimentLabel)] = &[
            ("en", "The coffee is not good", Negative),
            ("en", "The coffee is sooo goooood", Positive),
            (
                "en",
                "The staff were nice but the coffee was AWFUL",
                Negative,
            ),
            ("en", "Great, delayed again 🙃", Negative),
            ("es", "El café no es bueno", Negative),
            ("es", "El café es muy bueno 😍", Positive),
            ("es", "Bonito local pero el servicio es malo", Negative),
            ("fr", "Le café n'est pas bon, vraiment nul", Negative),
            ("fr", "Merci, c'est parfait 👍", Positive),
            ("fr", "Sympa mais le retard est horrible", Negative),
            ("de", "Der Kaffee ist nicht gut", Negative),
            ("de", "Sehr lecker, danke!", Positive),
            ("de", "Schön hier, aber leider kaputt", Negative),
            ("pt", "O café não é bom", Negative),
            ("pt", "Muito bom, obrigado 😊", Positive),
            ("pt", "Lindo, mas o atendimento foi péssimo", Negative),
            ("it", "Il caffè non è buono", Negative),
            ("it", "Ottimo servizio, grazie!", Positive),
            ("it", "Bello ma che schifo il ritardo", Negative),
            ("nl", "De koffie is niet lekker", Negative),
            ("nl", "Heerlijk, bedankt!", Positive),
            (
                "nl",
                "Mooi, maar de vertraging is verschrikkelijk",
                Negative,
            ),
            ("ja", "最高です😍", Positive),
            ("ja", "遅延ひどい😡", Negative),
            ("ja", "コーヒーが美味しくない", Negative),
            ("ja", "スタッフがとても親切で大好き", Positive),
            // Stretched words, capitals and the sarcasm cue in every language.
            ("es", "graciaaaas, el café es GENIAL", Positive),
            ("es", "Genial, otra vez retraso 🙃", Negative),
            ("fr", "merciiii, c'est SUPER", Positive),
            ("fr", "Génial, encore du retard 🙃", Negative),
            ("de", "dankeeee, echt TOLL", Positive),
            ("de", "Toll, schon wieder Verspätung 🙃", Negative),
            ("pt", "obrigadoooo, ÓTIMO", Positive),
            ("pt", "Ótimo, atraso de novo 🙃", Negative),
            ("it", "grazieeee, OTTIMO", Positive),
            ("it", "Ottimo, di nuovo in ritardo 🙃", Negative),
            ("nl", "bedanktttt, GEWELDIG", Positive),
            ("nl", "Geweldig, weer vertraging 🙃", Negative),
        ];
        for (lang, text, want) in cases {
            let got = score_with_drivers(text, lang).0;
            assert_eq!(got.label, *want, "[{lang}] {text}: {got:?}");
        }
    }

    #[test]
    fn drivers_are_the_words_that_decided() {
        let (s, words) =
            score_with_drivers("The app is fine but support was rude and awful 😡", "en");
        assert_eq!(s.label, SentimentLabel::Negative);
        assert_eq!(words.len(), 3, "{words:?}");
        assert!(
            words.contains(&"rude".to_string())
                && words.contains(&"awful".to_string())
                && words.contains(&"😡".to_string())
        );
        assert!(
            !words.contains(&"fine".to_string()),
            "words against the verdict are not reasons"
        );
        assert!(score_with_drivers("Opening hours on Sunday?", "en")
            .1
            .is_empty());
    }

    #[test]
    fn score_is_bounded() {
        let s = score(&"love ".repeat(500));
        assert!(s.score > 0.9 && s.score <= 1.0);
    }

    #[test]
    fn the_lexicon_is_sorted_for_binary_search() {
        assert!(lexicon().windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(valence("good"), Some(1.9));
        assert_eq!(valence("please"), Some(0.0), "project words come first");
    }
}
