//! The user's corrections from the card, reused: a later post whose words are mostly those of a
//! post the user corrected ("this is praise") is read the way the user said. Closeness is the
//! share of words two posts have in common (Jaccard over their word sets, and at least a few
//! words; brand mentions are masked first, so two posts about different brands can be close). Japanese, written without
//! spaces, is compared by pairs of characters.

use std::collections::BTreeSet;

use super::Intent;

/// How much of two posts' words must be shared for one's correction to apply to the other.
pub(crate) const CLOSE: f32 = 0.5;

/// Words two posts must share at least: two short posts can share half their words by chance
/// ("thanks for nothing", "thanks for everything").
pub(crate) const SHARED: usize = 3;

/// Corrections kept at most; the oldest go first.
pub(crate) const KEPT: usize = 1000;

/// What the user said of the posts they corrected.
#[derive(Debug, Clone, Default)]
pub struct Corrections {
    items: Vec<(BTreeSet<String>, Intent)>,
}

impl Corrections {
    /// Remembers that the post whose masked, lower-cased text is `lower` has `intent`; a
    /// correction of the same words replaces the earlier one.
    pub(crate) fn add(&mut self, lower: &str, intent: Intent) {
        let words = words(lower);
        if words.is_empty() {
            return;
        }
        self.items.retain(|(w, _)| *w != words);
        if self.items.len() == KEPT {
            self.items.remove(0);
        }
        self.items.push((words, intent));
    }

    /// The intent of the closest corrected post, if one is close enough, and how close.
    pub(crate) fn intent_for(&self, lower: &str) -> Option<(Intent, f32)> {
        if self.items.is_empty() {
            return None;
        }
        let words = words(lower);
        // Oldest first: of equally close corrections, `max_by` keeps the last, the newest.
        self.items
            .iter()
            .map(|(w, intent)| (*intent, jaccard(w, &words)))
            .filter(|&(_, j)| j >= CLOSE)
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// How many corrections are kept.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f32 {
    let shared = a.intersection(b).count();
    let all = a.len() + b.len() - shared;
    if all == 0 || shared < SHARED {
        0.0
    } else {
        shared as f32 / all as f32
    }
}

/// A post's words (letters and digits; emoji as words), Japanese as character pairs.
fn words(lower: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for token in lower.split(|c: char| !(c.is_alphanumeric() || c == '\'' || is_emoji(c))) {
        if token.is_empty() {
            continue;
        }
        let chars: Vec<char> = token.chars().collect();
        if chars.iter().any(|&c| c >= '\u{3040}' && !is_emoji(c)) && chars.len() > 2 {
            out.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
        } else {
            out.insert(token.to_string());
        }
    }
    out
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_close_post_gets_the_correction_and_a_different_one_does_not() {
        let mut c = Corrections::default();
        c.add("  saved me from a scam today, thank you", Intent::Praise);
        assert_eq!(
            c.intent_for("  saved me from a scam today, thanks!")
                .map(|r| r.0),
            Some(Intent::Praise)
        );
        assert_eq!(c.intent_for("my order never came, a scam"), None);
        c.add("  saved me from a scam today, thank you", Intent::Other);
        assert_eq!(
            c.len(),
            1,
            "the same words are corrected once, the latest wins"
        );
        assert_eq!(
            c.intent_for("saved me from a scam today thank you")
                .map(|r| r.0),
            Some(Intent::Other)
        );
        c.add("thanks for nothing", Intent::Complaint);
        assert_eq!(
            c.intent_for("thanks for everything"),
            None,
            "too few words in common"
        );
    }

    #[test]
    fn of_equally_close_corrections_the_newest_counts() {
        let mut c = Corrections::default();
        c.add(
            "the new app update logs me out every morning",
            Intent::Complaint,
        );
        c.add(
            "the new app update logs me out every morning",
            Intent::Suggestion,
        );
        let lower = "the new app update logs me out every morning";
        assert_eq!(
            c.intent_for(lower).map(|(i, _)| i),
            Some(Intent::Suggestion)
        );
    }

    #[test]
    fn japanese_is_compared_by_character_pairs() {
        let mut c = Corrections::default();
        c.add("に夢中です最近", Intent::Praise);
        assert_eq!(
            c.intent_for("に夢中です今週").map(|r| r.0),
            Some(Intent::Praise)
        );
        assert_eq!(c.intent_for("注文が届かない"), None);
    }

    #[test]
    fn the_oldest_go_first() {
        let mut c = Corrections::default();
        for i in 0..KEPT + 5 {
            c.add(&format!("a{i} b{i} c{i}"), Intent::Question);
        }
        assert_eq!(c.len(), KEPT);
        assert_eq!(c.intent_for("a0 b0 c0"), None);
        let last = KEPT + 4;
        assert!(c.intent_for(&format!("a{last} b{last} c{last}")).is_some());
    }
}
