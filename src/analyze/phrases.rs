//! A list of cue phrases compiled once into one Aho-Corasick automaton, asked which of its
//! phrases occur in a text on word boundaries. The intent rules ask a few dozen lists about
//! every post; one pass per list over the text replaces a substring search per phrase.

use aho_corasick::{AhoCorasick, MatchKind};

/// A compiled list of phrases (lower case, as the text they are looked for in).
#[derive(Debug)]
pub(crate) struct Phrases {
    list: Vec<&'static str>,
    ac: AhoCorasick,
}

impl Phrases {
    pub(crate) fn new(list: Vec<&'static str>) -> Phrases {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&list)
            .expect("cue lists are small");
        Phrases { list, ac }
    }

    /// Each phrase of the list that occurs in `text` on word boundaries, with the byte offset of
    /// its first such occurrence, in the list's order.
    pub(crate) fn occurrences(&self, text: &str) -> Vec<(&'static str, usize)> {
        let mut first: Vec<Option<usize>> = vec![None; self.list.len()];
        for m in self.ac.find_overlapping_iter(text) {
            let i = m.pattern().as_usize();
            if first[i].is_none_or(|at| m.start() < at)
                && on_boundaries(text, m.start(), m.end(), self.list[i])
            {
                first[i] = Some(m.start());
            }
        }
        first
            .into_iter()
            .enumerate()
            .filter_map(|(i, at)| at.map(|at| (self.list[i], at)))
            .collect()
    }

    /// The first phrase of the list (in its order) that occurs in `text` on word boundaries.
    pub(crate) fn first(&self, text: &str) -> Option<&'static str> {
        self.first_at(text).map(|(phrase, _)| phrase)
    }

    /// Like [`Phrases::first`], with the byte offset of that phrase's first such occurrence.
    pub(crate) fn first_at(&self, text: &str) -> Option<(&'static str, usize)> {
        let mut best: Option<(usize, usize)> = None;
        // A phrase's occurrences come in order, so its first one on boundaries is its earliest.
        for m in self.ac.find_overlapping_iter(text) {
            let i = m.pattern().as_usize();
            if best.is_none_or(|(b, _)| i < b)
                && on_boundaries(text, m.start(), m.end(), self.list[i])
            {
                best = Some((i, m.start()));
            }
        }
        best.map(|(i, at)| (self.list[i], at))
    }

    /// A phrase of the list that ends `text`, on word boundaries.
    pub(crate) fn ending(&self, text: &str) -> Option<&'static str> {
        self.ac
            .find_overlapping_iter(text)
            .find(|m| {
                let phrase = self.list[m.pattern().as_usize()];
                m.end() == text.len() && on_boundaries(text, m.start(), m.end(), phrase)
            })
            .map(|m| self.list[m.pattern().as_usize()])
    }

    /// The phrase whose occurrence on word boundaries starts earliest in `text` (of two at the
    /// same place, the one first in the list), and where.
    pub(crate) fn earliest(&self, text: &str) -> Option<(&'static str, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for m in self.ac.find_overlapping_iter(text) {
            let i = m.pattern().as_usize();
            if best.is_none_or(|(b, at)| (m.start(), i) < (at, b))
                && on_boundaries(text, m.start(), m.end(), self.list[i])
            {
                best = Some((i, m.start()));
            }
        }
        best.map(|(i, at)| (self.list[i], at))
    }
}

/// Whether `phrase` is written without spaces between words (Japanese kana and Han).
pub(crate) fn spaceless(phrase: &str) -> bool {
    phrase
        .chars()
        .next()
        .is_some_and(|c| ('\u{3040}'..='\u{9fff}').contains(&c))
}

/// Whether `phrase` at `start..end` of `text` stands on word boundaries. Japanese has no
/// spaces: its phrases match anywhere.
pub(crate) fn on_boundaries(text: &str, start: usize, end: usize, phrase: &str) -> bool {
    spaceless(phrase)
        || (text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            && text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &[&str] = &["die", "no idea", "idea", "ありがとう"];

    #[test]
    fn phrases_are_found_on_word_boundaries_in_list_order() {
        let p = Phrases::new(LIST.to_vec());
        assert_eq!(p.first("diet coke, any idea? no idea"), Some("no idea"));
        assert_eq!(p.first("diet coke"), None, "not inside a word");
        assert_eq!(
            p.occurrences("an idea, no idea"),
            [("no idea", 9), ("idea", 3)]
        );
        assert_eq!(p.earliest("an idea, no idea"), Some(("idea", 3)));
        assert_eq!(p.first_at("an idea, no idea"), Some(("no idea", 9)));
        assert_eq!(p.first("本当にありがとう"), Some("ありがとう"));
        assert_eq!(p.ending("a great idea"), Some("idea"));
        assert_eq!(p.ending("an idea, no idea"), Some("no idea"));
        assert_eq!(p.ending("no idea yet"), None, "only at the very end");
        assert_eq!(p.ending("an ideal"), None, "on a word boundary");
    }
}
