//! One-edit misspellings of brand names (`Nortwind`, `Zephyr Aire`). Terms are bucketed by
//! their first character (a typo of the first letter is rare, and allowing it would flood the
//! page with false friends); a word window of the text is compared only with the terms of its
//! bucket whose length is within one, by a linear-time "exactly one edit" check (substitution,
//! insertion, deletion or adjacent transposition). Guards keep ordinary words (`apply` is not
//! `Apple`) and plurals (`Northwinds`) out. Works on folded text only; no DOM.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::text::is_word_char;

/// Names shorter than this (letters, spaces excluded) are never fuzzy-matched.
pub const MIN_FUZZY_LETTERS: usize = 5;

const COMMON_WORDS_TEXT: &str = include_str!("common_words.txt");

/// The ordinary-word list, sorted (the generator sorts it): a binary search, and nothing to
/// hash when it is first needed (hashing 11k words was a 100 ms pause in a browser build).
fn is_common_word(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| COMMON_WORDS_TEXT.lines().collect())
        .binary_search(&word)
        .is_ok()
}

/// Multiply-rotate hashing for the small integer keys of the bucket index (SipHash's DoS
/// resistance is not needed for keys derived from the user's own profile, and it dominated
/// the profile of a 5 MB scan).
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// Lengths (in chars) the ASCII bucket array covers; longer terms go to the hashed buckets.
const ASCII_LENGTHS: usize = 48;

/// Bucket key: first character and length in characters.
fn key(first: char, len: usize) -> u64 {
    (u64::from(first as u32) << 32) | len as u64
}

/// A folded term that may be misspelt, with the id the caller gave it.
#[derive(Debug, Clone)]
struct FuzzyTerm {
    id: usize,
    text: Vec<char>,
    words: usize,
    letters: u64,
}

/// Which of 64 character classes occur in a text. One edit changes at most two bits (a
/// substitution removes one character and adds another), so a larger difference rules a pair
/// out before the exact check.
fn letter_mask(chars: impl IntoIterator<Item = char>) -> u64 {
    chars
        .into_iter()
        .fold(0, |m, c| m | 1u64 << (c as u32 % 64))
}

#[derive(Debug, Clone, Default)]
pub struct FuzzyIndex {
    terms: Vec<FuzzyTerm>,
    /// Terms starting with an ASCII character, by `first * ASCII_LENGTHS + length`: a plain
    /// array lookup for every word of the text (hashing here dominated a page scan).
    ascii_buckets: Vec<Vec<usize>>,
    /// [`key`] (first character, length in chars) → indexes, for every other term.
    other_buckets: KeyMap<Vec<usize>>,
    /// First characters of the terms: ASCII as a bitmap, others in a set.
    ascii_firsts: u128,
    other_firsts: HashSet<char>,
    /// The word counts present, so only windows of those sizes are tried.
    word_counts: Vec<usize>,
    min_chars: usize,
    max_chars: usize,
}

/// Whether `a` and `b` differ by exactly one substitution, insertion, deletion or transposition
/// of adjacent characters (optimal string alignment distance 1), in linear time.
pub fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => {
            let Some(i) = (0..a.len()).find(|&i| a[i] != b[i]) else {
                return false;
            };
            if a[i + 1..] == b[i + 1..] {
                return true; // substitution
            }
            i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
        }
        1 => {
            let i = (0..short.len())
                .find(|&i| short[i] != long[i])
                .unwrap_or(short.len());
            short[i..] == long[i + 1..]
        }
        _ => false,
    }
}

impl FuzzyIndex {
    /// Adds a folded term (words separated by single spaces) if it is long enough.
    pub fn add(&mut self, id: usize, folded: &str) {
        let text: Vec<char> = folded
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .collect();
        let letters = text.iter().filter(|c| c.is_alphabetic()).count();
        if letters < MIN_FUZZY_LETTERS || !text.iter().all(|&c| is_word_char(c) || c == ' ') {
            return;
        }
        let index = self.terms.len();
        let words = text.iter().filter(|&&c| c == ' ').count() + 1;
        if text[0].is_ascii() && text.len() < ASCII_LENGTHS {
            if self.ascii_buckets.is_empty() {
                self.ascii_buckets = vec![Vec::new(); 128 * ASCII_LENGTHS];
            }
            self.ascii_buckets[text[0] as usize * ASCII_LENGTHS + text.len()].push(index);
        } else {
            self.other_buckets
                .entry(key(text[0], text.len()))
                .or_default()
                .push(index);
        }
        if text[0].is_ascii() {
            self.ascii_firsts |= 1u128 << (text[0] as u32);
        } else {
            self.other_firsts.insert(text[0]);
        }
        if !self.word_counts.contains(&words) {
            self.word_counts.push(words);
        }
        self.min_chars = if self.terms.is_empty() {
            text.len()
        } else {
            self.min_chars.min(text.len())
        };
        self.max_chars = self.max_chars.max(text.len());
        let letters = letter_mask(text.iter().copied());
        self.terms.push(FuzzyTerm {
            id,
            text,
            words,
            letters,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Calls `found(term_id, byte_start, byte_end)` for every window of `haystack` (folded text)
    /// that is exactly one edit away from a term and passes the guards.
    pub fn find(&self, haystack: &str, mut found: impl FnMut(usize, usize, usize)) {
        if self.terms.is_empty() {
            return;
        }
        let tokens = word_tokens(haystack);
        let mut window: Vec<char> = Vec::new();
        for start in 0..tokens.len() {
            let (b_start, first) = (tokens[start].0, tokens[start].2);
            let known_first = if first.is_ascii() {
                self.ascii_firsts & (1u128 << (first as u32)) != 0
            } else {
                self.other_firsts.contains(&first)
            };
            if !known_first {
                continue;
            }
            for &k in &self.word_counts {
                let Some(last) = tokens.get(start + k - 1) else {
                    continue;
                };
                let len = tokens[start..start + k].iter().map(|t| t.3).sum::<usize>() + k - 1;
                if len + 1 < self.min_chars || len > self.max_chars + 1 {
                    continue;
                }
                let buckets = [len.saturating_sub(1), len, len + 1].map(|l| self.bucket(first, l));
                let mut letters = tokens[start..start + k].iter().fold(0, |m, t| m | t.4);
                if k > 1 {
                    letters |= letter_mask([' ']);
                }
                let plausible = |h: &usize| {
                    let term = &self.terms[*h];
                    term.words == k && (term.letters ^ letters).count_ones() <= 2
                };
                if !buckets.iter().any(|b| b.iter().any(plausible)) {
                    continue;
                }
                // Words of a phrase must be separated by spaces only; no @handle, #tag or URL part.
                if (start..start + k - 1).any(|t| {
                    !haystack[tokens[t].1..tokens[t + 1].0]
                        .chars()
                        .all(char::is_whitespace)
                }) || haystack[..b_start].ends_with(['@', '#', '.', '/'])
                {
                    continue;
                }
                window.clear();
                for t in start..start + k {
                    if t > start {
                        window.push(' ');
                    }
                    window.extend(haystack[tokens[t].0..tokens[t].1].chars());
                }
                for h in buckets.into_iter().flatten().filter(|h| plausible(h)) {
                    if self.accept(&window, &self.terms[*h]) {
                        found(self.terms[*h].id, b_start, last.1);
                    }
                }
            }
        }
    }

    fn bucket(&self, first: char, len: usize) -> &[usize] {
        if first.is_ascii() && len < ASCII_LENGTHS {
            self.ascii_buckets
                .get(first as usize * ASCII_LENGTHS + len)
                .map_or(&[], Vec::as_slice)
        } else {
            self.other_buckets
                .get(&key(first, len))
                .map_or(&[], Vec::as_slice)
        }
    }

    fn accept(&self, candidate: &[char], term: &FuzzyTerm) -> bool {
        if !one_edit_apart(candidate, &term.text) {
            return false;
        }
        // A plural or a bare possessive-less "s" is a different word, not a typo.
        if candidate.len() == term.text.len() + 1
            && candidate.ends_with(&['s'])
            && candidate.starts_with(&term.text)
        {
            return false;
        }
        // Every word that differs from the term's word must not be an ordinary word.
        let candidate: String = candidate.iter().collect();
        let term_text: String = term.text.iter().collect();
        !candidate
            .split(' ')
            .zip(term_text.split(' '))
            .any(|(c, t)| c != t && is_common_word(c))
    }
}

/// Maximal runs of word characters:
/// (byte start, byte end, first char, length in chars, [`letter_mask`]).
fn word_tokens(s: &str) -> Vec<(usize, usize, char, usize, u64)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, char, usize, u64)> = None;
    for (i, c) in s.char_indices() {
        let word = if c.is_ascii() {
            c.is_ascii_alphanumeric() || c == '_'
        } else {
            is_word_char(c)
        };
        let bit = 1u64 << (c as u32 % 64);
        match (word, &mut start) {
            (true, None) => start = Some((i, c, 1, bit)),
            (true, Some((_, _, n, m))) => {
                *n += 1;
                *m |= bit;
            }
            (false, Some((st, f, n, m))) => {
                out.push((*st, i, *f, *n, *m));
                start = None;
            }
            (false, None) => {}
        }
    }
    if let Some((st, f, n, m)) = start {
        out.push((st, s.len(), f, n, m));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(terms: &[&str], text: &str) -> Vec<String> {
        let mut index = FuzzyIndex::default();
        for (i, t) in terms.iter().enumerate() {
            index.add(i, t);
        }
        let mut out = Vec::new();
        index.find(text, |_, s, e| out.push(text[s..e].to_string()));
        out
    }

    #[test]
    fn one_edit_typos() {
        let terms = ["northwind", "zephyr air", "apple"];
        let cases: &[(&str, &[&str])] = &[
            ("love nortwind today", &["nortwind"]),
            ("love northwnid today", &["northwnid"]),
            ("flew zephyr aire again", &["zephyr aire"]),
            ("flew zepyhr air again", &["zepyhr air"]),
            ("northwind exactly", &[]),
            ("northwinds of change", &[]),
            ("apply the ample rule", &[]),
            ("snorthwind", &[]),
            ("@nortwind", &[]),
            ("nortwnd two edits", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(hits(&terms, text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn the_word_list_is_sorted_for_binary_search() {
        let words: Vec<&str> = COMMON_WORDS_TEXT.lines().collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        assert!(is_common_word("apply") && !is_common_word("nortwind"));
    }

    #[test]
    fn short_terms_are_never_fuzzy() {
        assert!(hits(&["orbi"], "orbit orb").is_empty());
    }

    #[test]
    fn exactly_one_edit() {
        let one = |a: &str, b: &str| {
            one_edit_apart(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        for (a, b) in [
            ("northwind", "nortwind"),
            ("northwind", "northwnid"),
            ("air", "aire"),
            ("abc", "abd"),
            ("ab", "ba"),
            ("café", "cafe"),
        ] {
            assert!(one(a, b) && one(b, a), "{a} / {b}");
        }
        for (a, b) in [
            ("abc", "abc"),
            ("abc", "cba"),
            ("abc", "a"),
            ("abcd", "badc"),
            ("", ""),
        ] {
            assert!(!one(a, b) && !one(b, a), "{a} / {b}");
        }
    }
}
