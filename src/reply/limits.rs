//! Platform length limits. X counts a post's length with weights (twitter-text v3): most Latin,
//! Greek, Cyrillic… characters (U+0000–U+10FF and some punctuation) count 1, everything else
//! (CJK, most symbols) 2, every emoji sequence 2 however many code points it has, and every URL
//! 23. Replies must fit 280 with room for the leading `@handle `. Facebook and blogs have no
//! practical limit; replies there stay short because the phrasebooks are.

use crate::post::Platform;

/// X's limit in weighted characters.
pub const X_LIMIT: usize = 280;
/// What a URL counts on X (t.co wrapping).
const X_URL_WEIGHT: usize = 23;
/// Room kept for the handle when the author's is unknown (15 characters + `@` + space).
const UNKNOWN_HANDLE_ROOM: usize = 17;

/// The weighted length of `text` on X.
pub fn x_weighted_length(text: &str) -> usize {
    text.split_inclusive(char::is_whitespace)
        .map(|token| {
            let url = url_part(token);
            if url.is_empty() {
                weighted_chars(token)
            } else {
                X_URL_WEIGHT + weighted_chars(&token[url.len()..])
            }
        })
        .sum()
}

/// The room a reply has on `platform` (`None`: no limit), leaving space for `@handle `.
pub fn budget(platform: Platform, handle: Option<&str>) -> Option<usize> {
    match platform {
        Platform::X => Some(
            X_LIMIT
                - handle
                    .filter(|h| !h.is_empty())
                    .map_or(UNKNOWN_HANDLE_ROOM, |h| h.chars().count() + 2),
        ),
        Platform::Facebook | Platform::Blog => None,
    }
}

/// Whether `text` fits the budget.
pub fn fits(text: &str, budget: Option<usize>) -> bool {
    budget.is_none_or(|b| x_weighted_length(text) <= b)
}

/// Shortens `body` so that `body + tail` fits: first whole sentences are dropped from the end
/// (keeping the first), then words, ending with `…`. `tail` (the signature) is kept whole.
pub fn shorten(body: &str, tail: &str, budget: usize) -> String {
    let join = |b: &str| {
        if tail.is_empty() {
            b.to_string()
        } else {
            format!("{b} {tail}")
        }
    };
    let mut sentences = sentence_ends(body);
    while sentences.len() > 1 {
        sentences.pop();
        let candidate = join(body[..*sentences.last().expect("non-empty")].trim_end());
        if x_weighted_length(&candidate) <= budget {
            return candidate;
        }
    }
    let mut words: Vec<&str> = body.split_whitespace().collect();
    while !words.is_empty() {
        let candidate = join(&format!("{}…", words.join(" ")));
        if x_weighted_length(&candidate) <= budget {
            return candidate;
        }
        words.pop();
    }
    tail.chars().take(budget).collect()
}

/// Byte offsets just after each sentence end (`. ! ? 。！？`), the last one at the end of text.
fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let full_stop = matches!(c, '。' | '！' | '？');
        let latin_stop =
            matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        if full_stop || latin_stop {
            ends.push(end);
        }
    }
    if ends.last() != Some(&text.len()) && !text.trim().is_empty() {
        ends.push(text.len());
    }
    ends
}

/// The URL a token starts with (without trailing punctuation), or "" when it is not one.
fn url_part(token: &str) -> &str {
    let t = token
        .trim_end()
        .trim_end_matches(['.', ',', '!', '?', ')', ':', ';']);
    if t.starts_with("http://")
        || t.starts_with("https://")
        || t.starts_with("www.")
        || is_bare_domain(t)
    {
        t
    } else {
        ""
    }
}

fn is_bare_domain(t: &str) -> bool {
    // A bare domain such as `northwind.com/help`: letters or digits, a dot, a known ending.
    let host = t.split('/').next().unwrap_or("");
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    const TLDS: [&str; 16] = [
        "com", "net", "org", "io", "co", "app", "dev", "de", "fr", "es", "it", "nl", "pt", "jp",
        "uk", "eu",
    ];
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && TLDS.contains(&tld)
}

/// Weighted length of text without URLs: emoji sequences count 2, light characters 1, others 2.
fn weighted_chars(text: &str) -> usize {
    let mut total = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_emoji_start(c) {
            total += 2;
            // Absorb the rest of the sequence: modifiers, variation selectors, keycaps, tags,
            // zero-width-joined emoji and the second regional indicator of a flag.
            let flag = is_regional_indicator(c);
            let mut absorbed_flag = false;
            while let Some(&n) = chars.peek() {
                if is_emoji_modifier(n) {
                    chars.next();
                } else if n == '\u{200d}' {
                    chars.next();
                    chars.next();
                } else if flag && !absorbed_flag && is_regional_indicator(n) {
                    absorbed_flag = true;
                    chars.next();
                } else {
                    break;
                }
            }
        } else {
            total += if is_light(c) { 1 } else { 2 };
        }
    }
    total
}

fn is_light(c: char) -> bool {
    matches!(c as u32, 0..=0x10ff | 0x2000..=0x200d | 0x2010..=0x201f | 0x2032..=0x2037)
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
}

fn is_emoji_start(c: char) -> bool {
    matches!(c as u32, 0x1f000..=0x1faff | 0x2600..=0x27bf | 0x2b00..=0x2bff | 0x2300..=0x23ff)
}

fn is_emoji_modifier(c: char) -> bool {
    matches!(c as u32, 0xfe0e | 0xfe0f | 0x20e3 | 0x1f3fb..=0x1f3ff | 0xe0020..=0xe007f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_follow_twitter_text() {
        assert_eq!(x_weighted_length("hello"), 5);
        assert_eq!(x_weighted_length("ありがとう"), 10);
        assert_eq!(x_weighted_length("🙌"), 2);
        assert_eq!(
            x_weighted_length("👍🏽"),
            2,
            "skin tone modifier is part of the emoji"
        );
        assert_eq!(x_weighted_length("👩‍👩‍👧"), 2, "a ZWJ family is one emoji");
        assert_eq!(x_weighted_length("🇪🇸🇫🇷"), 4, "two flags");
        assert_eq!(
            x_weighted_length("see https://example.com/a/very/long/path/indeed"),
            4 + 23
        );
        assert_eq!(x_weighted_length("at northwind.com."), 3 + 23 + 1);
        assert_eq!(x_weighted_length("café “quoted”"), 13);
    }

    #[test]
    fn budgets_keep_room_for_the_handle() {
        assert_eq!(budget(Platform::X, Some("anaruiz")), Some(280 - 9));
        assert_eq!(budget(Platform::X, None), Some(280 - 17));
        assert_eq!(budget(Platform::Facebook, Some("x")), None);
    }

    #[test]
    fn shortening_drops_sentences_then_words_and_keeps_the_signature() {
        let body =
            "We're sorry. Could you send us a message with the details? We'd like to fix it.";
        let short = shorten(body, "– Ana", 70);
        assert_eq!(
            short,
            "We're sorry. Could you send us a message with the details? – Ana"
        );
        assert!(x_weighted_length(&short) <= 70);
        let shorter = shorten(body, "– Ana", 16);
        assert!(
            shorter.ends_with("… – Ana") && x_weighted_length(&shorter) <= 16,
            "{shorter}"
        );
        let ja = "大変申し訳ございません。詳細をお送りください。";
        assert_eq!(shorten(ja, "", 26), "大変申し訳ございません。");
    }
}
