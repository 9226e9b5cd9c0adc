//! Reply drafting, v0 (English only): picks the reply act that fits the intent and fills a short
//! template with what the post gives (the author's first name, the product or brand mentioned),
//! in the brand's voice (tone, signature, emoji). Never a discount, link or sales pitch; never
//! anything for a troll. Issue 5 adds per-language phrasebooks and platform limits.

use serde::Serialize;

use crate::analyze::{Intent, Platform, Post};
use crate::matcher::{MentionSpan, TermKind};
use crate::profile::{Profile, Tone};
use crate::text::slice_utf16;

/// What the reply does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyAct {
    Thank,
    ApologizeHelp,
    Answer,
    AcknowledgeIdea,
    Engage,
    Moderate,
    None,
}

impl ReplyAct {
    pub fn for_intent(intent: Intent) -> ReplyAct {
        match intent {
            Intent::Praise => ReplyAct::Thank,
            Intent::Complaint => ReplyAct::ApologizeHelp,
            Intent::Question => ReplyAct::Answer,
            Intent::Suggestion => ReplyAct::AcknowledgeIdea,
            Intent::Offensive => ReplyAct::Moderate,
            Intent::Other => ReplyAct::Engage,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ReplyAct::Thank => "thank",
            ReplyAct::ApologizeHelp => "apologize_help",
            ReplyAct::Answer => "answer",
            ReplyAct::AcknowledgeIdea => "acknowledge_idea",
            ReplyAct::Engage => "engage",
            ReplyAct::Moderate => "moderate",
            ReplyAct::None => "none",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reply {
    pub act: ReplyAct,
    /// Empty for `moderate` and `none`.
    pub text: String,
    /// Other replies that do something different (continue the conversation, ask permission…).
    pub alternatives: Vec<String>,
}

/// What the card shows instead of a reply when a post is offensive.
pub const MODERATION_GUIDANCE: &str = "Don't reply: answering a troll feeds it. Hide or report the post with the site's own tools if it breaks the rules; if it threatens anyone, keep a screenshot and escalate to your team lead or the authorities.";

struct Slots<'a> {
    name: Option<&'a str>,
    subject: String,
    tone: Tone,
}

impl Slots<'_> {
    fn hi(&self) -> String {
        match (self.tone, self.name) {
            (Tone::Formal, Some(n)) => format!("Hello {n},"),
            (Tone::Formal, None) => "Hello,".into(),
            (Tone::Playful, Some(n)) => format!("Hey {n}!"),
            (Tone::Playful, None) => "Hey there!".into(),
            (Tone::Friendly, Some(n)) => format!("Hi {n},"),
            (Tone::Friendly, None) => "Hi,".into(),
        }
    }

    fn thanks(&self) -> String {
        match (self.tone, self.name) {
            (Tone::Formal, Some(n)) => format!("Thank you, {n}."),
            (Tone::Formal, None) => "Thank you.".into(),
            (_, Some(n)) => format!("Thank you so much, {n}!"),
            (_, None) => "Thank you so much!".into(),
        }
    }
}

/// Drafts the reply for one analysed post.
pub fn draft_reply(
    post: &Post<'_>,
    profile: &Profile,
    spans: &[MentionSpan],
    intent: Intent,
    _language: &str,
) -> Reply {
    let Some(first) = spans.first() else {
        return Reply { act: ReplyAct::None, text: String::new(), alternatives: Vec::new() };
    };
    let act = ReplyAct::for_intent(intent);
    if act == ReplyAct::Moderate {
        return Reply { act, text: String::new(), alternatives: Vec::new() };
    }
    let brand = &profile.brands[first.brand];
    let product = spans.iter().find(|m| m.kind == TermKind::Product).map(|m| slice_utf16(post.text, m.start, m.end));
    let slots = Slots {
        name: post.author.and_then(|a| first_name(&a.name)),
        subject: product.map_or_else(|| brand.name.clone(), str::to_string),
        tone: profile.voice.tone,
    };
    let emoji = |s: &str| if profile.voice.emoji { s.to_string() } else { String::new() };
    let (hi, thanks, subject) = (slots.hi(), slots.thanks(), &slots.subject);
    let texts: [String; 3] = match act {
        ReplyAct::Thank => [
            format!("{thanks} We're so glad you enjoyed {subject}.{}", emoji(" 🙌")),
            format!("{thanks} What did you like most about {subject}?"),
            format!("{thanks} It means a lot to the team. Would you mind if we stayed in touch?"),
        ],
        ReplyAct::ApologizeHelp => [
            format!("{hi} we're sorry, that's not the experience we want you to have with {subject}. Could you send us a direct message with the details so we can put it right?"),
            format!("{hi} thank you for telling us, and we apologise. We'd like to fix this: what happened, and when?"),
            format!("{hi} that sounds frustrating, and it's on us. Our support team can sort it out: would you send us a message with your details?"),
        ],
        ReplyAct::Answer => [
            format!("{hi} good question! We don't want to guess: we'll check with the team and come back to you here."),
            format!("{hi} thanks for asking. The quickest answer is usually on our help pages, and we're happy to look into it for you too."),
            format!("{hi} happy to help, even if you're just curious. Could you tell us a little more about what you need?"),
        ],
        ReplyAct::AcknowledgeIdea => [
            format!("{hi} what a great idea, thank you! We'll pass it on to the {} team.", brand.name),
            format!("{hi} thanks for the suggestion! What would you use it for most?"),
            format!("{hi} we love hearing ideas like this. We've shared it with the team{}", emoji(" 💡")),
        ],
        ReplyAct::Engage => [
            format!("{hi} thanks for mentioning {subject}!{}", emoji(" 👋")),
            format!("{hi} great to see {subject} in your feed. How's it going so far?"),
            format!("{hi} thanks for the shout-out. Would you mind if we stayed in touch?"),
        ],
        ReplyAct::Moderate | ReplyAct::None => unreachable!("handled above"),
    };
    let sign = |t: String| {
        let t = t.replace("  ", " ");
        if profile.voice.signature.is_empty() {
            t
        } else {
            format!("{t} {}", profile.voice.signature)
        }
    };
    let mut texts = texts.into_iter().map(sign);
    let text = texts.next().unwrap_or_default();
    let alternatives = texts.collect();
    let _ = post.platform == Platform::X; // platform limits arrive with issue 5
    Reply { act, text, alternatives }
}

/// The author's first name when the display name starts with one (`Ana Ruiz` → `Ana`).
fn first_name(display: &str) -> Option<&str> {
    let word = display.split_whitespace().next()?;
    let letters = word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'');
    let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
    (letters && starts_upper && word.chars().count() >= 2).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{analyze_post, Author};
    use crate::matcher::Matcher;

    fn reply_for(text: &str, author: Option<&Author>) -> Reply {
        let profile = Profile::demo();
        let matcher = Matcher::new(&profile);
        analyze_post(&Post { text, platform: Platform::X, author }, &profile, &matcher).reply
    }

    #[test]
    fn acts_follow_intent() {
        let ana = Author { name: "Ana Ruiz".into(), handle: "anaruiz".into() };
        let r = reply_for("Loved the Cold Brew Reserve at Northwind, thank you!", Some(&ana));
        assert_eq!(r.act, ReplyAct::Thank);
        assert!(r.text.contains("Ana") && r.text.contains("Cold Brew Reserve"), "{}", r.text);
        assert_eq!(r.alternatives.len(), 2);
        assert!(r.alternatives.iter().any(|a| a.contains("stayed in touch")));

        let r = reply_for("@zephyrair lost my bag again, unacceptable", None);
        assert_eq!(r.act, ReplyAct::ApologizeHelp);
        assert!(r.text.contains("sorry"));

        let r = reply_for("Does Northwind open on Sundays?", None);
        assert_eq!(r.act, ReplyAct::Answer);

        let r = reply_for("Northwind you are idiots", None);
        assert_eq!((r.act, r.text.as_str()), (ReplyAct::Moderate, ""));

        let r = reply_for("nothing to see here", None);
        assert_eq!((r.act, r.text.as_str()), (ReplyAct::None, ""));
    }

    #[test]
    fn no_sales_pitch_in_any_template() {
        for text in ["Love Northwind!", "Northwind is late", "Northwind hours?", "Northwind should add oat milk", "at Northwind"] {
            let r = reply_for(text, None);
            for t in std::iter::once(&r.text).chain(&r.alternatives) {
                let lower = t.to_lowercase();
                for banned in ["discount", "% off", "http", "buy", "promo", "coupon"] {
                    assert!(!lower.contains(banned), "{t}");
                }
            }
        }
    }

    #[test]
    fn first_names() {
        assert_eq!(first_name("Ana Ruiz"), Some("Ana"));
        assert_eq!(first_name("coffee_lover99"), None);
        assert_eq!(first_name(""), None);
    }
}
