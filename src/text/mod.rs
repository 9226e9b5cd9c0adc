//! Text folding with an offset map back to the original text.
//!
//! Matching runs on a folded copy of the text (compatibility-decomposed, diacritics and invisible
//! noise removed, optionally lower-cased); every byte of the folded copy remembers which UTF-16
//! range of the original produced it, so a match in the folded copy becomes exact DOM `Range`
//! offsets in the page. This module must not know about brands or the DOM.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Whether folding lower-cases (brands are case-insensitive unless the profile says otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseMode {
    Insensitive,
    Sensitive,
}

/// A folded copy of a text plus, for each folded byte, the UTF-16 range of the original
/// character it came from. ASCII text folds byte for byte, so it keeps no map at all.
#[derive(Debug, Clone)]
pub struct FoldedText {
    text: String,
    /// Empty when folding kept every offset (pure ASCII input).
    orig_start: Vec<u32>,
    orig_end: Vec<u32>,
}

impl FoldedText {
    pub fn new(original: &str, mode: CaseMode) -> FoldedText {
        if original.is_ascii() {
            let text = match mode {
                CaseMode::Insensitive => original.to_ascii_lowercase(),
                CaseMode::Sensitive => original.to_string(),
            };
            return FoldedText {
                text,
                orig_start: Vec::new(),
                orig_end: Vec::new(),
            };
        }
        let mut out = FoldedText {
            text: String::with_capacity(original.len()),
            orig_start: Vec::with_capacity(original.len()),
            orig_end: Vec::with_capacity(original.len()),
        };
        let mut pos16: u32 = 0;
        for c in original.chars() {
            let len16 = c.len_utf16() as u32;
            let (start, end) = (pos16, pos16 + len16);
            fold_char(c, mode, |folded| out.push(folded, start, end));
            pos16 = end;
        }
        out
    }

    fn push(&mut self, c: char, start: u32, end: u32) {
        let before = self.text.len();
        self.text.push(c);
        for _ in before..self.text.len() {
            self.orig_start.push(start);
            self.orig_end.push(end);
        }
    }

    /// The folded text that patterns are matched against.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a byte range of the folded text to the UTF-16 range of the original it covers.
    /// `start < end <= len` and both must lie on char boundaries of the folded text.
    pub fn original_range(&self, start: usize, end: usize) -> (u32, u32) {
        debug_assert!(start < end && end <= self.text.len());
        if self.orig_start.is_empty() {
            return (start as u32, end as u32);
        }
        (self.orig_start[start], self.orig_end[end - 1])
    }
}

/// Folds a whole string the way [`FoldedText`] folds a text (used for patterns).
pub fn fold(s: &str, mode: CaseMode) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, mode, |f| out.push(f));
    }
    out
}

/// Characters that sites sprinkle inside words and a reader never sees: they must not break a
/// match (Facebook inserts U+034F as an anti-scraping watermark).
pub fn is_invisible_noise(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
}

fn fold_char(c: char, mode: CaseMode, mut emit: impl FnMut(char)) {
    if is_invisible_noise(c) {
        return;
    }
    match c {
        // Curly and modifier apostrophes read as the straight one.
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{FF07}' => return emit('\''),
        'ß' if mode == CaseMode::Insensitive => {
            emit('s');
            return emit('s');
        }
        _ => {}
    }
    if c.is_ascii() {
        return emit(if mode == CaseMode::Insensitive {
            c.to_ascii_lowercase()
        } else {
            c
        });
    }
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        if mode == CaseMode::Insensitive {
            d.to_lowercase().for_each(&mut emit);
        } else {
            emit(d);
        }
    });
}

/// Scripts written without spaces between words: a Latin brand name may touch them directly
/// (`Northwind Coffeeのコールドブリュー`), and a term written in them has no word boundaries.
pub fn is_spaceless_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF       // Thai, Lao
        | 0x1000..=0x109F     // Myanmar
        | 0x1780..=0x17FF     // Khmer
        | 0x3040..=0x30FF     // Hiragana, Katakana
        | 0x3400..=0x4DBF     // CJK Ext A
        | 0x4E00..=0x9FFF     // CJK
        | 0xAC00..=0xD7AF     // Hangul syllables (particles attach to words)
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F
        | 0x20000..=0x2FFFF)
}

/// A character that continues a word (so a match next to it is inside a longer word).
pub fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() || c == '_') && !is_spaceless_script(c)
}

/// Length of a string in UTF-16 code units (DOM offsets).
#[cfg(test)]
pub fn utf16_len(s: &str) -> u32 {
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

/// The substring of `s` between two UTF-16 offsets (clamped to char boundaries).
pub fn slice_utf16(s: &str, start: u32, end: u32) -> &str {
    let (mut b_start, mut b_end, mut pos) = (s.len(), s.len(), 0u32);
    for (i, c) in s.char_indices() {
        if pos >= start && b_start == s.len() {
            b_start = i;
        }
        if pos >= end {
            b_end = i;
            break;
        }
        pos += c.len_utf16() as u32;
    }
    &s[b_start.min(b_end)..b_end]
}

/// The slices of `s` for UTF-16 ranges sorted by start and not overlapping, in one pass over `s`
/// (a mention list on a long text would make one [`slice_utf16`] per range quadratic).
pub fn slices_utf16(s: &str, ranges: impl IntoIterator<Item = (u32, u32)>) -> Vec<&str> {
    let mut chars = s.char_indices().peekable();
    let mut pos = 0u32;
    let mut advance_to = |target: u32| -> usize {
        while pos < target {
            match chars.next() {
                Some((_, c)) => pos += c.len_utf16() as u32,
                None => return s.len(),
            }
        }
        chars.peek().map_or(s.len(), |&(i, _)| i)
    };
    ranges
        .into_iter()
        .map(|(start, end)| {
            let a = advance_to(start);
            let b = advance_to(end.max(start));
            &s[a..b]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_slices_in_one_pass_agree_with_one_at_a_time() {
        let text = "a😀 Northwind, café Zephyr 日本 Orbit";
        let ranges = [(0, 1), (4, 13), (15, 19), (20, 26), (30, 35), (35, 35)];
        let one_by_one: Vec<&str> = ranges
            .iter()
            .map(|&(a, b)| slice_utf16(text, a, b))
            .collect();
        assert_eq!(slices_utf16(text, ranges), one_by_one);
        assert_eq!(slices_utf16(text, [(4, 13)]), ["Northwind"]);
    }

    #[test]
    fn folds_case_diacritics_width_and_noise() {
        let cases = [
            ("Café Lumière", "cafe lumiere"),
            ("CAFÉ", "cafe"),
            ("Ｎｏｒｔｈｗｉｎｄ", "northwind"),
            ("North\u{034F}wi\u{200B}nd", "northwind"),
            ("Northwind’s", "northwind's"),
            ("Straße", "strasse"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input, CaseMode::Insensitive), want, "{input}");
            assert_eq!(
                FoldedText::new(input, CaseMode::Insensitive).as_str(),
                want,
                "{input}"
            );
        }
        assert_eq!(fold("Café", CaseMode::Sensitive), "Cafe");
    }

    #[test]
    fn ascii_keeps_offsets_without_a_map() {
        let f = FoldedText::new("Hi NORTHWIND", CaseMode::Insensitive);
        assert_eq!(f.as_str(), "hi northwind");
        assert_eq!(f.original_range(3, 12), (3, 12));
    }

    #[test]
    fn maps_back_to_utf16_offsets() {
        // "😀 " is 3 UTF-16 units; "é" decomposes to e + combining acute, which is dropped.
        let original = "😀 Caf\u{e9} N\u{034F}orth";
        let f = FoldedText::new(original, CaseMode::Insensitive);
        assert_eq!(f.as_str(), "😀 cafe north");
        let start = f.as_str().find("cafe").unwrap();
        assert_eq!(f.original_range(start, start + 4), (3, 7));
        let start = f.as_str().find("north").unwrap();
        // N at 8, U+034F at 9 (skipped), "orth" 10..14
        assert_eq!(f.original_range(start, start + 5), (8, 14));
        assert_eq!(slice_utf16(original, 8, 14), "N\u{034F}orth");
        assert_eq!(utf16_len(original), 14);
    }

    #[test]
    fn word_chars_by_script() {
        assert!(is_word_char('a') && is_word_char('é') && is_word_char('7') && is_word_char('_'));
        assert!(
            !is_word_char('の') && !is_word_char('咖') && !is_word_char('-') && !is_word_char('\'')
        );
    }
}
