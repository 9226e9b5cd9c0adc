//! One-edit misspellings of brand names (`Nortwind`, `Zephyr Aire`): a symmetric-deletion index
//! (every term and each of its one-character deletions) finds candidates in O(length) per word
//! window, and the optimal-string-alignment distance confirms exactly one edit. Guards keep
//! ordinary words (`apply` is not `Apple`), plurals (`Northwinds`) and changed first letters out.
//! Works on folded text only; knows nothing about the DOM.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::is_word_char;

/// Names shorter than this (letters, spaces excluded) are never fuzzy-matched.
pub const MIN_FUZZY_LETTERS: usize = 5;

const COMMON_WORDS_TEXT: &str = include_str!("common_words.txt");

fn common_words() -> &'static std::collections::HashSet<&'static str> {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| COMMON_WORDS_TEXT.lines().collect())
}

/// A folded term that may be misspelt, with the id the caller gave it.
#[derive(Debug, Clone)]
struct FuzzyTerm {
    id: usize,
    text: Vec<char>,
    words: usize,
}

#[derive(Debug, Clone, Default)]
pub struct FuzzyIndex {
    terms: Vec<FuzzyTerm>,
    /// Deletion variant (and the term itself) → term indexes.
    variants: HashMap<String, Vec<usize>>,
    /// The word counts present, so only windows of those sizes are tried.
    word_counts: Vec<usize>,
    min_chars: usize,
    max_chars: usize,
}

fn deletions(chars: &[char], mut each: impl FnMut(&str)) {
    let mut buffer = String::new();
    for skip in 0..chars.len() {
        buffer.clear();
        buffer.extend(chars.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, c)| *c));
        each(&buffer);
    }
}

/// Optimal string alignment distance, stopping early above 1 is not needed at these lengths.
pub fn osa_distance(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for j in 0..=m {
        d[0][j] = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m]
}

impl FuzzyIndex {
    /// Adds a folded term (words separated by single spaces) if it is long enough.
    pub fn add(&mut self, id: usize, folded: &str) {
        let text: Vec<char> = folded.split_whitespace().collect::<Vec<_>>().join(" ").chars().collect();
        let letters = text.iter().filter(|c| c.is_alphabetic()).count();
        if letters < MIN_FUZZY_LETTERS || !text.iter().all(|&c| is_word_char(c) || c == ' ') {
            return;
        }
        let index = self.terms.len();
        let words = text.iter().filter(|&&c| c == ' ').count() + 1;
        let own: String = text.iter().collect();
        self.variants.entry(own).or_default().push(index);
        deletions(&text, |v| self.variants.entry(v.to_string()).or_default().push(index));
        if !self.word_counts.contains(&words) {
            self.word_counts.push(words);
        }
        self.min_chars = if self.terms.is_empty() { text.len() } else { self.min_chars.min(text.len()) };
        self.max_chars = self.max_chars.max(text.len());
        self.terms.push(FuzzyTerm { id, text, words });
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
        let mut window = String::new();
        let mut window_chars: Vec<char> = Vec::new();
        let mut hits: Vec<usize> = Vec::new();
        for &k in &self.word_counts {
            for start in 0..tokens.len() {
                let Some(last) = tokens.get(start + k - 1) else { break };
                // Words of a phrase must be separated by spaces only.
                if (start..start + k - 1).any(|t| !haystack[tokens[t].1..tokens[t + 1].0].chars().all(char::is_whitespace)) {
                    continue;
                }
                let (b_start, b_end) = (tokens[start].0, last.1);
                if haystack[..b_start].ends_with(['@', '#', '.', '/']) {
                    continue;
                }
                window.clear();
                for t in start..start + k {
                    if t > start {
                        window.push(' ');
                    }
                    window.push_str(&haystack[tokens[t].0..tokens[t].1]);
                }
                window_chars.clear();
                window_chars.extend(window.chars());
                let len = window_chars.len();
                if len + 1 < self.min_chars || len > self.max_chars + 1 {
                    continue;
                }
                hits.clear();
                if let Some(ids) = self.variants.get(window.as_str()) {
                    hits.extend(ids);
                }
                deletions(&window_chars, |v| {
                    if let Some(ids) = self.variants.get(v) {
                        hits.extend(ids);
                    }
                });
                hits.sort_unstable();
                hits.dedup();
                for &h in &hits {
                    let term = &self.terms[h];
                    if term.words == k && self.accept(&window_chars, term) {
                        found(term.id, b_start, b_end);
                    }
                }
            }
        }
    }

    fn accept(&self, candidate: &[char], term: &FuzzyTerm) -> bool {
        if candidate.first() != term.text.first() || osa_distance(candidate, &term.text) != 1 {
            return false;
        }
        // A plural or a bare possessive-less "s" is a different word, not a typo.
        if candidate.len() == term.text.len() + 1 && candidate.ends_with(&['s']) && candidate.starts_with(&term.text) {
            return false;
        }
        // Every word that differs from the term's word must not be an ordinary word.
        let candidate: String = candidate.iter().collect();
        let term_text: String = term.text.iter().collect();
        let words = common_words();
        !candidate
            .split(' ')
            .zip(term_text.split(' '))
            .any(|(c, t)| c != t && words.contains(c))
    }
}

/// Byte ranges of maximal runs of word characters.
fn word_tokens(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
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
    fn short_terms_are_never_fuzzy() {
        assert!(hits(&["orbi"], "orbit orb").is_empty());
    }

    #[test]
    fn distance() {
        let d = |a: &str, b: &str| osa_distance(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>());
        assert_eq!(d("northwind", "nortwind"), 1);
        assert_eq!(d("northwind", "northwnid"), 1);
        assert_eq!(d("abc", "abc"), 0);
        assert_eq!(d("abc", "cba"), 2);
    }
}
