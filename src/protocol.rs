//! The messages between a page's content script and the engine in the extension's background:
//! what a page may ask (`analyze` a batch of posts) and what it gets back (mentions with UTF-16
//! offsets, and the card to show for a post that mentions a brand: every label worded in English
//! for the command line, and as codes the card words in the browser's language). Requests come from pages Hat Tip does not control, so they are
//! validated as strictly as a profile: an unknown field, a wrong type or an oversized batch is
//! refused with the field's path (`posts[3].author.handle: invalid type…`).

use serde::{Deserialize, Serialize};

use crate::analyze::{Intent, Mention};
use crate::engine::{Analysis, Engine, WORTH_OFFERING};
use crate::post::{null_as_default, Author, Platform, Post};
use crate::reply::{
    language_name, move_label, ReplyAct, MODERATION_GUIDANCE, OWN_POST_NOTE, UNSURE_GUIDANCE,
};

/// Most posts one request may carry (a content script sends a few screens' worth at a time).
pub const MAX_POSTS: usize = 200;
/// Longest text one post of a request may have, in UTF-16 units: longer posts are sent in
/// pieces, so no message and no single analysis is unbounded.
pub const MAX_TEXT_UNITS: usize = 1 << 18;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnalyzeRequest {
    posts: Vec<PostInput>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PostInput {
    text: String,
    #[serde(default, deserialize_with = "null_as_default")]
    platform: Platform,
    #[serde(default)]
    author: Option<Author>,
    /// Only the mentions (a later piece of a long post, whose card comes from its first piece).
    #[serde(default, deserialize_with = "null_as_default")]
    mentions_only: bool,
    /// The intent the user corrected the post to (from the card): the reply follows it.
    #[serde(default)]
    intent: Option<Intent>,
}

/// What the card shows for one post, worded for the user.
#[derive(Debug, Serialize)]
pub struct Card<'a> {
    /// The button's accessible name ("Hat Tip: Zephyr Air mentioned (complaint). Open …").
    pub label: String,
    pub brand: &'a str,
    /// The matched texts, a likely misspelling marked as one.
    pub matched: Vec<String>,
    pub language: &'static str,
    pub sentiment: String,
    /// The sentiment as data (for the mention log): its label and score in [-1, 1].
    pub sentiment_label: &'static str,
    pub sentiment_score: f32,
    pub intent: &'static str,
    pub act: &'static str,
    pub reply: &'a str,
    pub alternatives: &'a [String],
    /// What the reply and each alternative do ("Ask what they liked").
    pub moves: Vec<&'static str>,
    pub reply_language: &'static str,
    pub guidance: Option<&'static str>,
    pub reasons: &'a [String],
    /// The same card as codes, for the interface to word in the user's language: every brand
    /// mentioned, each matched text with whether it is a likely misspelling, the moves'
    /// names (`thank`, `ask_what_they_liked`…), the reply's language code and which guidance
    /// replaces the reply (`own_post`, `moderation`, `unsure`).
    pub brands: Vec<&'a str>,
    pub terms: Vec<Term<'a>>,
    pub move_ids: &'a [&'static str],
    pub reply_language_code: &'static str,
    pub guidance_id: Option<&'static str>,
    /// The kind of post is the one the user gave a close post they corrected.
    pub from_correction: bool,
    /// How sure Hat Tip is of `intent`, in percent.
    pub sure: u8,
    /// The post names no brand and asks about the brand's category: `terms` are the category
    /// words, and the reply helps without selling.
    pub category: bool,
    /// The other readings the card offers ([`Analysis::other_readings`]), most likely first:
    /// the card lets the user switch to one in a click.
    pub others: Vec<Reading>,
}

/// Another reading of a post, and how likely it is in percent; `None` when it is offered for
/// the post's form (a request put as a question) though the model finds it unlikely.
#[derive(Debug, Serialize)]
pub struct Reading {
    pub intent: &'static str,
    pub percent: Option<u8>,
}

fn percent(p: f32) -> u8 {
    (p.clamp(0.0, 1.0) * 100.0).round() as u8
}

/// One matched text of a card.
#[derive(Debug, Serialize)]
pub struct Term<'a> {
    pub text: &'a str,
    pub fuzzy: bool,
}

impl<'a> Card<'a> {
    fn of(a: &'a Analysis) -> Option<Card<'a>> {
        let first = a.mentions.first()?;
        let mut brands: Vec<&str> = a.mentions.iter().map(|m| m.brand.as_str()).collect();
        brands.dedup();
        Some(Card {
            label: if a.category {
                format!(
                    "Hat Tip: a question about {} ({}'s category). Open the reply suggestion",
                    first.text, first.brand
                )
            } else {
                format!(
                    "Hat Tip: {} mentioned ({}). Open the reply suggestion",
                    brands.join(", "),
                    a.intent.as_str()
                )
            },
            brand: &first.brand,
            matched: a
                .mentions
                .iter()
                .map(|m| {
                    if m.fuzzy {
                        format!("{} (likely misspelt)", m.text)
                    } else {
                        m.text.clone()
                    }
                })
                .collect(),
            language: a.language,
            sentiment: format!("{} ({:+.2})", a.sentiment.label.as_str(), a.sentiment.score),
            sentiment_label: a.sentiment.label.as_str(),
            sentiment_score: (a.sentiment.score * 100.0).round() / 100.0,
            intent: a.intent.as_str(),
            act: a.reply.act.as_str(),
            reply: &a.reply.text,
            alternatives: &a.reply.alternatives,
            moves: a.reply.moves.iter().map(|m| move_label(m)).collect(),
            reply_language: language_name(a.reply.language),
            guidance: if a.own {
                Some(OWN_POST_NOTE)
            } else if a.cautious {
                Some(UNSURE_GUIDANCE)
            } else {
                (a.reply.act == ReplyAct::Moderate).then_some(MODERATION_GUIDANCE)
            },
            reasons: &a.reasons,
            terms: a
                .mentions
                .iter()
                .map(|m| Term {
                    text: &m.text,
                    fuzzy: m.fuzzy,
                })
                .collect(),
            move_ids: &a.reply.moves,
            reply_language_code: a.reply.language,
            guidance_id: if a.own {
                Some("own_post")
            } else if a.cautious {
                Some("unsure")
            } else {
                (a.reply.act == ReplyAct::Moderate).then_some("moderation")
            },
            from_correction: a.from_correction,
            category: a.category,
            sure: percent(a.confidence),
            others: a
                .other_readings()
                .iter()
                .map(|l| Reading {
                    intent: l.intent.as_str(),
                    percent: (l.probability >= WORTH_OFFERING).then(|| percent(l.probability)),
                })
                .collect(),
            brands,
        })
    }
}

#[derive(Serialize)]
struct PostResult<'a> {
    mentions: &'a [Mention],
    #[serde(skip_serializing_if = "Option::is_none")]
    card: Option<Card<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Response<'a> {
    Answer {
        ok: bool,
        results: Vec<PostResult<'a>>,
    },
    Refusal {
        ok: bool,
        error: String,
    },
}

fn refusal(error: String) -> String {
    serde_json::to_string(&Response::Refusal { ok: false, error }).unwrap_or_default()
}

/// Answers one `analyze` request (JSON text) with a JSON response: `{"ok": true, "results":
/// [{"mentions": […], "card": {…}}]}`, one result per post in order, or `{"ok": false,
/// "error": "posts[0].text: …"}`.
pub fn answer(engine: &Engine, request_json: &str) -> String {
    let de = &mut serde_json::Deserializer::from_str(request_json);
    let request: AnalyzeRequest = match serde_path_to_error::deserialize(de) {
        Ok(r) => r,
        Err(e) => {
            let path = e.path().to_string();
            return refusal(if path == "." {
                format!("request: {}", e.into_inner())
            } else {
                format!("{path}: {}", e.into_inner())
            });
        }
    };
    if request.posts.len() > MAX_POSTS {
        return refusal(format!(
            "posts: {} posts in one request; at most {MAX_POSTS}",
            request.posts.len()
        ));
    }
    for (i, p) in request.posts.iter().enumerate() {
        // UTF-16 units are at most UTF-8 bytes, so only long texts need counting.
        if p.text.len() > MAX_TEXT_UNITS && p.text.encode_utf16().count() > MAX_TEXT_UNITS {
            return refusal(format!(
                "posts[{i}].text: longer than {MAX_TEXT_UNITS} UTF-16 units; send it in pieces"
            ));
        }
    }
    let analyses: Vec<(Vec<Mention>, Option<Analysis>)> = request
        .posts
        .iter()
        .map(|p| {
            if p.mentions_only {
                (engine.mentions(&p.text), None)
            } else {
                let post = Post {
                    text: &p.text,
                    platform: p.platform,
                    author: p.author.as_ref(),
                };
                (Vec::new(), Some(engine.analyze_as(&post, p.intent)))
            }
        })
        .collect();
    let results = analyses
        .iter()
        .map(|(mentions, analysis)| match analysis {
            Some(a) => PostResult {
                mentions: &a.mentions,
                card: Card::of(a),
            },
            None => PostResult {
                mentions,
                card: None,
            },
        })
        .collect();
    serde_json::to_string(&Response::Answer { ok: true, results })
        .unwrap_or_else(|e| refusal(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn ask(request: &str) -> Value {
        serde_json::from_str(&answer(&Engine::demo(), request)).unwrap()
    }

    #[test]
    fn answers_a_batch_in_order_with_cards_only_for_mentions() {
        let r = ask(r#"{"posts": [
            {"text": "@zephyrair lost my bag again", "platform": "x", "author": {"name": "Paul", "handle": null}},
            {"text": "nothing here", "author": null, "platform": null},
            {"text": "more Northwind", "mentions_only": true}
        ]}"#);
        assert_eq!(r["ok"], true);
        let results = r["results"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        assert_eq!(results[0]["mentions"][0]["brand"], "Zephyr Air");
        let card = &results[0]["card"];
        assert_eq!(card["act"], "apologize_help");
        assert_eq!(
            card["label"],
            "Hat Tip: Zephyr Air mentioned (complaint). Open the reply suggestion"
        );
        assert!(card["reply"].as_str().unwrap().contains("Paul"), "{card}");
        assert_eq!(card["reply_language"], "English");
        assert_eq!(card["guidance"], Value::Null);
        assert_eq!(results[1]["mentions"].as_array().unwrap().len(), 0);
        assert!(results[1].get("card").is_none());
        assert_eq!(
            (
                results[2]["mentions"][0]["start"].as_u64(),
                results[2]["mentions"][0]["end"].as_u64()
            ),
            (Some(5), Some(14))
        );
        assert!(
            results[2].get("card").is_none(),
            "a later piece of a long post has no card of its own"
        );
    }

    #[test]
    fn a_category_question_gets_a_card_that_says_so() {
        let r = ask(
            r#"{"posts": [{"text": "Which espresso machines are worth it for a small kitchen?"}]}"#,
        );
        let result = &r["results"][0];
        assert_eq!(result["mentions"][0]["category"], true);
        assert_eq!(result["mentions"][0]["text"], "espresso machines");
        let card = &result["card"];
        assert_eq!(card["category"], true);
        assert_eq!(card["act"], "advise");
        assert_eq!(
            card["label"],
            "Hat Tip: a question about espresso machines (Northwind Coffee's category). Open the reply suggestion"
        );
        assert_eq!(card["move_ids"][0], "ask_what_matters");
        let plain = ask(r#"{"posts": [{"text": "@zephyrair lost my bag"}]}"#);
        assert_eq!(plain["results"][0]["card"]["category"], false);
        assert!(plain["results"][0]["mentions"][0].get("category").is_none());
    }

    #[test]
    fn refuses_bad_requests_naming_the_field() {
        for (request, want) in [
            (r#"{"posts": [{"text": 5}]}"#, "posts[0].text: invalid type"),
            (
                r#"{"posts": [{"text": "a", "author": {"handle": 7}}]}"#,
                "posts[0].author.handle: invalid type",
            ),
            (
                r#"{"posts": [{"text": "a", "colour": "red"}]}"#,
                "posts[0].colour: unknown field `colour`",
            ),
            (
                r#"{"posts": [{"text": "a", "platform": "myspace"}]}"#,
                "posts[0].platform: unknown variant",
            ),
            (r#"{"post": []}"#, "post: unknown field `post`"),
            ("not json", "request: expected"),
        ] {
            let r = ask(request);
            assert_eq!(r["ok"], false, "{request}");
            assert!(
                r["error"].as_str().unwrap().starts_with(want),
                "{request}: {}",
                r["error"]
            );
        }
        let many = format!(
            "{{\"posts\": [{}]}}",
            vec![r#"{"text": "a"}"#; MAX_POSTS + 1].join(",")
        );
        assert!(ask(&many)["error"]
            .as_str()
            .unwrap()
            .starts_with("posts: 201 posts"));
        let long = format!(
            "{{\"posts\": [{{\"text\": \"{}\"}}]}}",
            "a".repeat(MAX_TEXT_UNITS + 1)
        );
        assert!(ask(&long)["error"]
            .as_str()
            .unwrap()
            .starts_with("posts[0].text: longer than"));
    }

    #[test]
    fn a_corrected_intent_drafts_the_reply_for_it() {
        let text = "@zephyrair sorted my refund, no hassle";
        let r = ask(&format!(
            r#"{{"posts": [{{"text": "{text}"}}, {{"text": "{text}", "intent": "praise"}}]}}"#
        ));
        let corrected = &r["results"][1]["card"];
        assert_eq!(corrected["intent"], "praise");
        assert_eq!(corrected["act"], "thank");
        assert_ne!(r["results"][0]["card"]["reply"], corrected["reply"]);
        assert!(corrected["sentiment_score"].is_number());
        assert!(corrected["sentiment_label"].is_string());
        let bad = ask(r#"{"posts": [{"text": "Orbit", "intent": "rant"}]}"#);
        assert!(bad["error"]
            .as_str()
            .unwrap()
            .starts_with("posts[0].intent: unknown variant"));
    }

    #[test]
    fn the_brands_own_post_says_so_instead_of_a_reply() {
        let r = ask(
            r#"{"posts": [{"text": "New at Northwind: oat milk!", "author": {"handle": "northwindcoffee"}}]}"#,
        );
        let card = &r["results"][0]["card"];
        assert_eq!(card["act"], "none");
        assert!(
            card["guidance"]
                .as_str()
                .unwrap()
                .starts_with("This is your own post"),
            "{card}"
        );
    }

    #[test]
    fn a_troll_gets_guidance_and_a_misspelling_is_marked() {
        let r = ask(
            r#"{"posts": [{"text": "Zephyr Air you are idiots"}, {"text": "loved Nortwind today"}]}"#,
        );
        assert_eq!(r["results"][0]["card"]["act"], "moderate");
        assert!(r["results"][0]["card"]["guidance"]
            .as_str()
            .unwrap()
            .starts_with("Don't reply"));
        assert_eq!(
            r["results"][1]["card"]["matched"][0],
            "Nortwind (likely misspelt)"
        );
    }
}
