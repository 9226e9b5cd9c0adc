//! Finds brand mentions in a text: every brand's names, aliases, products, `@handles` and
//! `#hashtags` compiled into one Aho-Corasick automaton over folded text (see [`crate::text`]),
//! then filtered by word boundaries and the brands' exclusion phrases.
//!
//! Offsets in results are UTF-16 code units of the original text, ready for DOM ranges.
//! This module knows nothing about the DOM, languages or replies.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

use crate::profile::Profile;
use crate::text::{fold, is_spaceless_script, is_word_char, CaseMode, FoldedText};

/// What kind of profile term produced a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    Name,
    Alias,
    Product,
    Handle,
    Hashtag,
    /// Not a mention: a phrase that suppresses mentions it covers.
    Exclude,
}

/// One mention of one brand: `brand` indexes `Profile::brands`; offsets are UTF-16 units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionSpan {
    pub brand: usize,
    pub kind: TermKind,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone)]
struct Term {
    brand: usize,
    kind: TermKind,
    /// Folded pattern starts/ends with a word character, so a neighbouring word char forbids it.
    bounded_start: bool,
    bounded_end: bool,
}

/// One automaton over text folded in one case mode.
#[derive(Debug, Clone)]
struct Automaton {
    mode: CaseMode,
    ac: AhoCorasick,
    terms: Vec<Term>,
}

/// All brands of a profile compiled for matching.
#[derive(Debug, Clone)]
pub struct Matcher {
    automata: Vec<Automaton>,
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    brand: usize,
    kind: TermKind,
    start: u32,
    end: u32,
}

impl Matcher {
    pub fn new(profile: &Profile) -> Matcher {
        let mut by_mode: [(CaseMode, Vec<String>, Vec<Term>); 2] = [
            (CaseMode::Insensitive, Vec::new(), Vec::new()),
            (CaseMode::Sensitive, Vec::new(), Vec::new()),
        ];
        for (b, brand) in profile.brands.iter().enumerate() {
            let words_mode = if brand.case_sensitive { 1 } else { 0 };
            let mut add = |slot: usize, raw: String, kind: TermKind| {
                let (mode, patterns, terms) = &mut by_mode[slot];
                let pattern = fold(&raw, *mode);
                if pattern.is_empty() {
                    return;
                }
                let first = pattern.chars().next().unwrap();
                let last = pattern.chars().next_back().unwrap();
                terms.push(Term {
                    brand: b,
                    kind,
                    bounded_start: is_word_char(first) || first == '@' || first == '#',
                    bounded_end: is_word_char(last),
                });
                patterns.push(pattern);
            };
            add(words_mode, brand.name.clone(), TermKind::Name);
            for a in &brand.aliases {
                add(words_mode, a.clone(), TermKind::Alias);
            }
            for p in &brand.products {
                add(words_mode, p.clone(), TermKind::Product);
            }
            // Handles and hashtags are case-insensitive on every site, whatever the brand says.
            for h in &brand.handles {
                add(0, format!("@{h}"), TermKind::Handle);
            }
            for t in &brand.hashtags {
                add(0, format!("#{t}"), TermKind::Hashtag);
            }
            // Exclusions are compared the way the brand's own words are.
            for e in &brand.exclude {
                add(words_mode, e.clone(), TermKind::Exclude);
            }
        }
        let automata = by_mode
            .into_iter()
            .filter(|(_, patterns, _)| !patterns.is_empty())
            .map(|(mode, patterns, terms)| Automaton {
                mode,
                ac: AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .expect("brand patterns are bounded in size by profile validation"),
                terms,
            })
            .collect();
        Matcher { automata }
    }

    /// All mentions in `text`, ordered by start, non-overlapping (leftmost, then longest wins).
    pub fn find(&self, text: &str) -> Vec<MentionSpan> {
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut exclusions: Vec<Candidate> = Vec::new();
        for automaton in &self.automata {
            let folded = FoldedText::new(text, automaton.mode);
            let haystack = folded.as_str();
            for m in automaton.ac.find_overlapping_iter(haystack) {
                let term = &automaton.terms[m.pattern().as_usize()];
                if !has_boundaries(haystack, m.start(), m.end(), term) {
                    continue;
                }
                let (start, end) = folded.original_range(m.start(), m.end());
                let c = Candidate { brand: term.brand, kind: term.kind, start, end };
                if term.kind == TermKind::Exclude {
                    exclusions.push(c);
                } else {
                    candidates.push(c);
                }
            }
        }
        candidates.retain(|c| {
            !exclusions.iter().any(|x| x.brand == c.brand && x.start <= c.start && x.end >= c.end)
        });
        // Leftmost first; at the same start the longest; then the profile's order.
        candidates.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.brand.cmp(&b.brand)));
        let mut out: Vec<MentionSpan> = Vec::new();
        for c in candidates {
            if out.last().is_some_and(|prev| c.start < prev.end) {
                continue;
            }
            out.push(MentionSpan { brand: c.brand, kind: c.kind, start: c.start, end: c.end });
        }
        out
    }
}

fn has_boundaries(haystack: &str, start: usize, end: usize, term: &Term) -> bool {
    let before = haystack[..start].chars().next_back();
    let after = haystack[end..].chars().next();
    let first = haystack[start..end].chars().next();
    let last = haystack[start..end].chars().next_back();
    let ok_start = !term.bounded_start
        || match before {
            None => true,
            // `x@handle` is an e-mail address, `a#tag` is not a hashtag.
            Some(b) if matches!(term.kind, TermKind::Handle | TermKind::Hashtag) => !is_word_char(b) && b != '@',
            Some(b) => !(is_word_char(b) && first.is_some_and(|f| !is_spaceless_script(f))),
        };
    let ok_end = !term.bounded_end
        || match after {
            None => true,
            Some(a) => !(is_word_char(a) && last.is_some_and(|l| !is_spaceless_script(l))),
        };
    ok_start && ok_end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_utf16;

    fn found(profile: &Profile, text: &str) -> Vec<(String, String)> {
        Matcher::new(profile)
            .find(text)
            .into_iter()
            .map(|m| (profile.brands[m.brand].name.clone(), slice_utf16(text, m.start, m.end).to_string()))
            .collect()
    }

    /// (text, expected [(brand, matched original text)]) against the demo profile.
    const CASES: &[(&str, &[(&str, &str)])] = &[
        ("Love my Northwind Coffee latte", &[("Northwind Coffee", "Northwind Coffee")]),
        ("northwind coffee is open", &[("Northwind Coffee", "northwind coffee")]),
        ("NORTHWIND's beans", &[("Northwind Coffee", "NORTHWIND")]),
        ("Northwind’s new blend", &[("Northwind Coffee", "Northwind")]),
        ("thanks @NorthwindCoffee!", &[("Northwind Coffee", "@NorthwindCoffee")]),
        ("mail me at bob@northwindcoffee.com", &[]),
        ("#Northwind all day", &[("Northwind Coffee", "#Northwind")]),
        ("#northwindfans is not our tag", &[]),
        ("a cold north wind today", &[]),
        ("Nor\u{034F}thwi\u{200B}nd rocks", &[("Northwind Coffee", "Nor\u{034F}thwi\u{200B}nd")]),
        ("Ｎｏｒｔｈｗｉｎｄ in full width", &[("Northwind Coffee", "Ｎｏｒｔｈｗｉｎｄ")]),
        ("Northwind Coffeeのコールドブリュー", &[("Northwind Coffee", "Northwind Coffee")]),
        ("Northwinds of change", &[]),
        ("The Cold Brew Reserve 😍", &[("Northwind Coffee", "Cold Brew Reserve")]),
        ("Flew ZephyrAir and Zephyr Air", &[("Zephyr Air", "ZephyrAir"), ("Zephyr Air", "Zephyr Air")]),
        ("Orbit Notes crashed", &[("Orbit", "Orbit Notes")]),
        ("the orbit of the moon", &[]),
        ("Orbiting the sun", &[]),
        ("I use Orbit daily", &[("Orbit", "Orbit")]),
        ("ping @OrbitApp", &[("Orbit", "@OrbitApp")]),
        ("😀😀 Northwind", &[("Northwind Coffee", "Northwind")]),
    ];

    #[test]
    fn demo_profile_cases() {
        let profile = Profile::demo();
        for (text, want) in CASES {
            let got = found(&profile, text);
            let want: Vec<(String, String)> = want.iter().map(|(b, t)| (b.to_string(), t.to_string())).collect();
            assert_eq!(got, want, "text: {text:?}");
        }
    }

    #[test]
    fn exclusions_suppress_only_what_they_cover() {
        let profile = Profile::from_json(
            r##"{"version":1,"brands":[{"name":"Apple","exclude":["apple pie"]}]}"##,
        )
        .unwrap();
        assert_eq!(found(&profile, "apple pie and Apple Music"), vec![("Apple".into(), "Apple".into())]);
    }

    #[test]
    fn offsets_are_utf16() {
        let profile = Profile::demo();
        let m = Matcher::new(&profile).find("🎉 Northwind");
        assert_eq!((m[0].start, m[0].end), (3, 12));
    }
}
