//! Language identification, v0: script detection for Japanese, then a vote of distinctive
//! function words for en, es, fr, de, pt, it and nl. Answers `unknown` when the text gives too
//! little to go on. Issue 4 replaces the word vote with a measured detector; the interface stays.

/// ISO 639-1 code, or `unknown`.
pub type LanguageCode = &'static str;

pub const UNKNOWN: LanguageCode = "unknown";

/// Function words that are frequent in one language and rare in the others.
const WORDS: &[(LanguageCode, &[&str])] = &[
    ("en", &["the", "and", "is", "are", "you", "your", "my", "this", "that", "with", "for", "not", "was", "have", "it's", "i'm", "just", "what", "why", "how", "love", "thanks", "thank", "they", "we", "our", "of", "to", "me", "it", "at", "so", "can", "does", "will", "again", "be"]),
    ("es", &["el", "la", "los", "las", "que", "es", "y", "en", "por", "para", "con", "pero", "muy", "una", "mi", "su", "gracias", "está", "esta", "qué", "cómo", "mis", "del", "al", "lo", "nos", "hoy", "tienen", "hay", "también"]),
    ("fr", &["le", "la", "les", "est", "et", "une", "des", "du", "pour", "avec", "pas", "je", "vous", "mon", "ma", "merci", "c'est", "très", "mais", "qui", "sur", "au", "aux", "j'ai", "nous", "ce", "cette", "encore", "toujours"]),
    ("de", &["der", "die", "das", "und", "ist", "nicht", "ich", "mit", "für", "ein", "eine", "auf", "sehr", "danke", "aber", "auch", "wir", "mein", "meine", "noch", "schon", "heute", "wieder", "kann", "bei", "zu"]),
    ("pt", &["o", "os", "as", "que", "é", "e", "não", "um", "uma", "para", "com", "muito", "obrigado", "obrigada", "meu", "minha", "mas", "do", "da", "dos", "das", "no", "na", "você", "vocês", "está", "isso", "também", "hoje"]),
    ("it", &["il", "lo", "gli", "che", "è", "e", "non", "un", "una", "per", "con", "molto", "grazie", "mio", "mia", "ma", "del", "della", "sono", "questo", "questa", "anche", "oggi", "ancora", "perché", "ho"]),
    ("nl", &["de", "het", "een", "en", "is", "niet", "ik", "met", "voor", "van", "op", "zeer", "heel", "bedankt", "dank", "maar", "ook", "mijn", "wij", "jullie", "nog", "weer", "vandaag", "hebben", "zijn", "dat", "wat"]),
];

fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0xFF66..=0xFF9F)
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

/// Detects the language of `text`, which should already have mentions, handles, URLs and
/// hashtags masked out (see [`crate::analyze::masked_text`]).
pub fn detect(text: &str) -> LanguageCode {
    let kana = text.chars().filter(|&c| is_kana(c)).count();
    let han = text.chars().filter(|&c| is_han(c)).count();
    if kana >= 2 {
        return "ja";
    }
    if han >= 2 {
        return "zh";
    }
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.len() < 3 {
        return UNKNOWN;
    }
    let mut best: (LanguageCode, usize) = (UNKNOWN, 0);
    for (lang, words) in WORDS {
        let hits = tokens.iter().filter(|t| words.contains(t)).count();
        if hits > best.1 {
            best = (lang, hits);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn detects_the_supported_languages() {
        let cases = [
            ("I love the new blend, thanks for the great coffee", "en"),
            ("Me encanta el café de la tienda, gracias por todo", "es"),
            ("Merci pour le café, c'est très bon et pas cher", "fr"),
            ("Danke für den Kaffee, der ist wirklich sehr gut", "de"),
            ("Obrigado pelo café, está muito bom e não é caro", "pt"),
            ("Grazie per il caffè, è molto buono e non costa tanto", "it"),
            ("Bedankt voor de koffie, het is heel lekker en niet duur", "nl"),
            ("コールドブリューが最高でした", "ja"),
            ("ok", "unknown"),
            ("", "unknown"),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), want, "{text}");
        }
    }
}
