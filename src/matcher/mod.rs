//! Finds brand mentions in a text: every brand's names, aliases, products, `@handles`,
//! `#hashtags` and domains compiled into one Aho-Corasick automaton over folded text (see
//! [`crate::text`]), then filtered by word boundaries and the brands' exclusion phrases.
//! Multi-word names also match written joined (`ZephyrAir`, `#zephyrair`), and one-edit typos of
//! names are found by [`fuzzy`] and reported as such.
//!
//! The brands' category words (`coffee`, `grinder`) are a second, separate automaton: they are
//! never mentions of a brand, only what [`Matcher::find_category`] reports for a post that names
//! none.
//!
//! Offsets in results are UTF-16 code units of the original text, ready for DOM ranges.
//! This module knows nothing about the DOM, languages or replies.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Serialize;

mod fuzzy;

use crate::profile::Profile;
use crate::text::{fold, is_spaceless_script, is_word_char, CaseMode, FoldedText};
use fuzzy::FuzzyIndex;

/// Above this many patterns the automaton is built as a plain NFA (see `Matcher::new`).
const LARGE_PATTERN_SET: usize = 3000;

/// What kind of profile term produced a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    Name,
    Alias,
    Product,
    Handle,
    Hashtag,
    Domain,
    /// Not a mention: a phrase that suppresses mentions it covers.
    Exclude,
    /// A word for what the brand sells (only from [`Matcher::find_category`]).
    Category,
}

/// One mention of one brand: `brand` indexes `Profile::brands`; offsets are UTF-16 units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionSpan {
    pub brand: usize,
    pub kind: TermKind,
    pub start: u32,
    pub end: u32,
    /// A one-edit misspelling of the brand's name rather than the name itself.
    pub fuzzy: bool,
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
    /// Names and aliases of case-insensitive brands, for typos; ids index `fuzzy_terms`.
    fuzzy: FuzzyIndex,
    fuzzy_terms: Vec<(usize, TermKind)>,
    /// Every brand's category words, case-insensitive.
    categories: Option<Automaton>,
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    brand: usize,
    kind: TermKind,
    start: u32,
    end: u32,
    fuzzy: bool,
}

/// `Zephyr Air` → `ZephyrAir` (and `Zephyr-Air`); `None` for one-word terms.
fn joined_forms(term: &str) -> Vec<String> {
    let words: Vec<&str> = term.split_whitespace().collect();
    if words.len() < 2 {
        return Vec::new();
    }
    vec![words.concat(), words.join("-")]
}

impl Matcher {
    pub fn new(profile: &Profile) -> Matcher {
        let mut by_mode: [(CaseMode, Vec<String>, Vec<Term>); 2] = [
            (CaseMode::Insensitive, Vec::new(), Vec::new()),
            (CaseMode::Sensitive, Vec::new(), Vec::new()),
        ];
        let mut fuzzy = FuzzyIndex::default();
        let mut fuzzy_terms = Vec::new();
        for (b, brand) in profile.brands.iter().enumerate() {
            let words_mode = if brand.case_sensitive { 1 } else { 0 };
            if !brand.case_sensitive {
                for (term, kind) in std::iter::once((&brand.name, TermKind::Name))
                    .chain(brand.aliases.iter().map(|a| (a, TermKind::Alias)))
                {
                    fuzzy.add(fuzzy_terms.len(), &fold(term, CaseMode::Insensitive));
                    fuzzy_terms.push((b, kind));
                }
            }
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
            for (term, kind) in std::iter::once((&brand.name, TermKind::Name))
                .chain(brand.aliases.iter().map(|a| (a, TermKind::Alias)))
            {
                for joined in joined_forms(term) {
                    add(words_mode, joined, kind);
                }
                // People tag brands with their joined name: #northwindcoffee, #zephyrair.
                if !brand.case_sensitive {
                    let tag: String = term.split_whitespace().collect();
                    if !brand.hashtags.iter().any(|h| h.eq_ignore_ascii_case(&tag)) {
                        add(0, format!("#{tag}"), TermKind::Hashtag);
                    }
                }
            }
            for d in &brand.domains {
                add(0, d.clone(), TermKind::Domain);
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
                // Small sets get the crate's choice (a DFA: fastest scan); large ones skip the
                // contiguous/DFA conversion, which dominated compiling a 1,000-brand profile.
                ac: AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .kind(
                        (patterns.len() > LARGE_PATTERN_SET)
                            .then_some(AhoCorasickKind::NoncontiguousNFA),
                    )
                    .build(&patterns)
                    .expect("brand patterns are bounded in size by profile validation"),
                terms,
            })
            .collect();
        let mut category_patterns = Vec::new();
        let mut category_terms = Vec::new();
        for (b, brand) in profile.brands.iter().enumerate() {
            for word in &brand.category {
                let pattern = fold(word, CaseMode::Insensitive);
                if pattern.is_empty() {
                    continue;
                }
                category_terms.push(Term {
                    brand: b,
                    kind: TermKind::Category,
                    bounded_start: pattern.chars().next().is_some_and(is_word_char),
                    bounded_end: pattern.chars().next_back().is_some_and(is_word_char),
                });
                category_patterns.push(pattern);
            }
        }
        let categories = (!category_patterns.is_empty()).then(|| Automaton {
            mode: CaseMode::Insensitive,
            ac: AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&category_patterns)
                .expect("category words are bounded in size by profile validation"),
            terms: category_terms,
        });
        Matcher {
            automata,
            fuzzy,
            fuzzy_terms,
            categories,
        }
    }

    /// The brands' category words in `text` (a word with a plural `s` or `es` too), ordered by
    /// start and non-overlapping, longest first. Never mentions: the caller asks only about a
    /// post that names no brand.
    pub fn find_category(&self, text: &str) -> Vec<MentionSpan> {
        let Some(automaton) = &self.categories else {
            return Vec::new();
        };
        let folded = FoldedText::new(text, automaton.mode);
        let haystack = folded.as_str();
        let mut out = Vec::new();
        for m in automaton.ac.find_iter(haystack) {
            let term = &automaton.terms[m.pattern().as_usize()];
            let end = m.end() + plural_suffix(&haystack[m.end()..]);
            if !has_boundaries(haystack, m.start(), end, term) {
                continue;
            }
            let (start, end) = folded.original_range(m.start(), end);
            out.push(MentionSpan {
                brand: term.brand,
                kind: TermKind::Category,
                start,
                end,
                fuzzy: false,
            });
        }
        out
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
                let c = Candidate {
                    brand: term.brand,
                    kind: term.kind,
                    start,
                    end,
                    fuzzy: false,
                };
                if term.kind == TermKind::Exclude {
                    exclusions.push(c);
                } else {
                    candidates.push(c);
                }
            }
            if automaton.mode == CaseMode::Insensitive && !self.fuzzy.is_empty() {
                self.fuzzy.find(haystack, |id, s, e| {
                    let (start, end) = folded.original_range(s, e);
                    let (brand, kind) = self.fuzzy_terms[id];
                    candidates.push(Candidate {
                        brand,
                        kind,
                        start,
                        end,
                        fuzzy: true,
                    });
                });
            }
        }
        candidates.retain(|c| {
            !exclusions
                .iter()
                .any(|x| x.brand == c.brand && x.start <= c.start && x.end >= c.end)
        });
        // Leftmost first; at the same start the longest, exact before fuzzy; then profile order.
        candidates.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.fuzzy.cmp(&b.fuzzy))
                .then(a.brand.cmp(&b.brand))
        });
        let mut out: Vec<MentionSpan> = Vec::new();
        for c in candidates {
            if out.last().is_some_and(|prev| c.start < prev.end) {
                continue;
            }
            out.push(MentionSpan {
                brand: c.brand,
                kind: c.kind,
                start: c.start,
                end: c.end,
                fuzzy: c.fuzzy,
            });
        }
        out
    }
}

/// The length of a plural ending (`s`, `es`) at the start of `rest` that ends a word, or 0.
fn plural_suffix(rest: &str) -> usize {
    ["es", "s"]
        .into_iter()
        .find(|suffix| {
            rest.starts_with(suffix)
                && !rest[suffix.len()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char)
        })
        .map_or(0, str::len)
}

fn has_boundaries(haystack: &str, start: usize, end: usize, term: &Term) -> bool {
    let before = haystack[..start].chars().next_back();
    let after = haystack[end..].chars().next();
    let first = haystack[start..end].chars().next();
    let last = haystack[start..end].chars().next_back();
    // Inside an e-mail address (`bob@northwindcoffee.com`) nothing is a mention.
    let mut back = haystack[..start].chars().rev();
    if back.next() == Some('@') && back.next().is_some_and(is_word_char) {
        return false;
    }
    let ok_start = !term.bounded_start
        || match before {
            None => true,
            // `x@handle` is an e-mail address, `a#tag` is not a hashtag.
            Some(b) if matches!(term.kind, TermKind::Handle | TermKind::Hashtag) => {
                !is_word_char(b) && b != '@'
            }
            // shop.northwind.com is the brand's too; xnorthwind.com and a-northwind.com are not.
            Some(b) if term.kind == TermKind::Domain => !is_word_char(b) && b != '-' && b != '@',
            Some(b) => !(is_word_char(b) && first.is_some_and(|f| !is_spaceless_script(f))),
        };
    let ok_end = !term.bounded_end
        || match after {
            None => true,
            // northwind.com.evil.example is someone else's domain.
            Some(a) if term.kind == TermKind::Domain => {
                !is_word_char(a)
                    && a != '-'
                    && !(a == '.' && haystack[end + 1..].chars().next().is_some_and(is_word_char))
            }
            Some(a) => !(is_word_char(a) && last.is_some_and(|l| !is_spaceless_script(l))),
        };
    ok_start && ok_end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_utf16;

    /// The demo profile plus a brand written with diacritics.
    fn table_profile() -> Profile {
        let mut p = Profile::demo();
        let extra =
            Profile::from_json(r##"{"version":1,"brands":[{"name":"Café Lumière"}]}"##).unwrap();
        p.brands.extend(extra.brands);
        p
    }

    fn found(profile: &Profile, text: &str) -> Vec<(String, String, bool)> {
        Matcher::new(profile)
            .find(text)
            .into_iter()
            .map(|m| {
                (
                    profile.brands[m.brand].name.clone(),
                    slice_utf16(text, m.start, m.end).to_string(),
                    m.fuzzy,
                )
            })
            .collect()
    }

    const NW: &str = "Northwind Coffee";
    const ZA: &str = "Zephyr Air";
    const CL: &str = "Café Lumière";

    /// One expected mention: (brand, matched original text, fuzzy).
    type Expected = (&'static str, &'static str, bool);

    /// (text, expected mentions).
    const CASES: &[(&str, &[Expected])] = &[
        // Names, case and folding
        (
            "Love my Northwind Coffee latte",
            &[(NW, "Northwind Coffee", false)],
        ),
        (
            "northwind coffee is open",
            &[(NW, "northwind coffee", false)],
        ),
        ("NORTHWIND's beans", &[(NW, "NORTHWIND", false)]),
        ("Northwind’s new blend", &[(NW, "Northwind", false)]),
        ("Cafe Lumiere opens at 8", &[(CL, "Cafe Lumiere", false)]),
        ("CAFÉ LUMIÈRE!", &[(CL, "CAFÉ LUMIÈRE", false)]),
        ("café lumière", &[(CL, "café lumière", false)]),
        (
            "Ｎｏｒｔｈｗｉｎｄ in full width",
            &[(NW, "Ｎｏｒｔｈｗｉｎｄ", false)],
        ),
        // Invisible noise inside words
        (
            "Nor\u{034F}thwi\u{200B}nd rocks",
            &[(NW, "Nor\u{034F}thwi\u{200B}nd", false)],
        ),
        (
            "North\u{00AD}wind and \u{200E}Zephyr Air\u{200F}",
            &[(NW, "North\u{00AD}wind", false), (ZA, "Zephyr Air", false)],
        ),
        (
            "Northwind\u{200D}Coffee",
            &[(NW, "Northwind\u{200D}Coffee", false)],
        ),
        // Word boundaries in every script, emoji and punctuation
        (
            "Northwind Coffeeのコールドブリュー",
            &[(NW, "Northwind Coffee", false)],
        ),
        ("北风Northwind咖啡", &[(NW, "Northwind", false)]),
        ("ร้านNorthwindอร่อย", &[(NW, "Northwind", false)]),
        (
            "☕Northwind☕ (Zephyr Air)",
            &[(NW, "Northwind", false), (ZA, "Zephyr Air", false)],
        ),
        ("Northwinds of change", &[]),
        ("Orbiting the sun", &[]),
        ("the orbit of the moon", &[]),
        ("I use Orbit daily", &[("Orbit", "Orbit", false)]),
        ("Orbit Notes crashed", &[("Orbit", "Orbit Notes", false)]),
        // Handles, hashtags, joined and camel-cased names, domains
        (
            "thanks @NorthwindCoffee!",
            &[(NW, "@NorthwindCoffee", false)],
        ),
        (
            "@northwindcoffee's barista",
            &[(NW, "@northwindcoffee", false)],
        ),
        ("mail me at bob@northwindcoffee.com", &[]),
        ("#Northwind all day", &[(NW, "#Northwind", false)]),
        ("#northwindfans is not our tag", &[]),
        (
            "Flew ZephyrAir, #zephyrair and Zephyr-Air",
            &[
                (ZA, "ZephyrAir", false),
                (ZA, "#zephyrair", false),
                (ZA, "Zephyr-Air", false),
            ],
        ),
        ("ping @OrbitApp", &[("Orbit", "@OrbitApp", false)]),
        (
            "menu at https://www.northwindcoffee.com/menu",
            &[(NW, "northwindcoffee.com", false)],
        ),
        ("xnorthwindcoffee.com is not us", &[]),
        (
            "The Cold Brew Reserve 😍",
            &[(NW, "Cold Brew Reserve", false)],
        ),
        // Exclusions
        ("a cold north wind today", &[]),
        // One-edit misspellings, reported as fuzzy
        ("Nortwind was great", &[(NW, "Nortwind", true)]),
        ("flew Zephyr Aire again", &[(ZA, "Zephyr Aire", true)]),
        ("Northwind Cofee beans", &[(NW, "Northwind Cofee", true)]),
        ("Orbt Notes", &[]),
        // UTF-16 offsets after astral characters
        ("😀😀 Northwind", &[(NW, "Northwind", false)]),
    ];

    #[test]
    fn table() {
        let profile = table_profile();
        for (text, want) in CASES {
            let got = found(&profile, text);
            let want: Vec<(String, String, bool)> = want
                .iter()
                .map(|(b, t, f)| (b.to_string(), t.to_string(), *f))
                .collect();
            assert_eq!(got, want, "text: {text:?}");
        }
    }

    #[test]
    fn exclusions_suppress_only_what_they_cover() {
        let profile = Profile::from_json(
            r##"{"version":1,"brands":[{"name":"Apple","exclude":["apple pie"]}]}"##,
        )
        .unwrap();
        assert_eq!(
            found(&profile, "apple pie and Apple Music"),
            vec![("Apple".into(), "Apple".into(), false)]
        );
        assert!(
            found(&profile, "apply the ample rule").is_empty(),
            "ordinary words are not typos of Apple"
        );
    }

    #[test]
    fn category_words_are_found_apart_from_mentions() {
        let profile = Profile::from_json(
            r##"{"version":1,"brands":[{"name":"Acme","category":["coffee grinder","grinder","café","コーヒー"]}]}"##,
        )
        .unwrap();
        let m = Matcher::new(&profile);
        let words = |text: &str| -> Vec<String> {
            m.find_category(text)
                .iter()
                .map(|s| slice_utf16(text, s.start, s.end).to_string())
                .collect()
        };
        assert_eq!(
            words("Best Coffee Grinders under 100?"),
            ["Coffee Grinders"]
        );
        assert_eq!(words("a grinder, or two grinders"), ["grinder", "grinders"]);
        assert_eq!(words("which cafes are open"), ["cafes"]);
        assert!(
            words("grinderless cafeteria").is_empty(),
            "{:?}",
            words("grinderless cafeteria")
        );
        assert_eq!(words("おすすめのコーヒーは？"), ["コーヒー"]);
        assert!(
            m.find("coffee grinder").is_empty(),
            "a category word is never a brand mention"
        );
        assert!(Matcher::new(&Profile::demo()).find_category("").is_empty());
    }

    #[test]
    fn offsets_are_utf16() {
        let profile = Profile::demo();
        let m = Matcher::new(&profile).find("🎉 Northwind");
        assert_eq!((m[0].start, m[0].end), (3, 12));
    }
}
