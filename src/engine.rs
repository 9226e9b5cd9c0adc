//! The engine's one front door: a compiled profile that analyses posts. `Engine::new(profile)`
//! compiles every brand term once; `engine.analyze(&post)` finds the mentions, understands the
//! post (`crate::analyze`) and drafts the reply (`crate::reply`). The CLI, the browser's
//! background, the benchmarks and the fuzz target all go through here. No DOM, no I/O.

use serde::Serialize;

use crate::analyze::{
    masked_lower, mentions_of, understand, Corrections, Intent, Likely, Mention, Sentiment,
};
use crate::matcher::Matcher;
use crate::post::{Author, Post};
use crate::profile::{Profile, ProfileError};
use crate::reply::{draft_reply, Reply, ReplyAct};
use crate::text::{CaseMode, FoldedText};

/// A brand profile compiled for analysis.
#[derive(Debug)]
pub struct Engine {
    profile: Profile,
    matcher: Matcher,
    corrections: Corrections,
}

/// Everything Hat Tip has to say about one post.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub mentions: Vec<Mention>,
    pub language: &'static str,
    pub sentiment: Sentiment,
    pub intent: Intent,
    /// How sure Hat Tip is of `intent` (its probability, 0..1; 1 when the user said so).
    pub confidence: f32,
    /// The intents Hat Tip weighed, with their probabilities, most likely first.
    pub likely: Vec<Likely>,
    pub reply: Reply,
    /// The words and phrases that decided the intent and sentiment, most telling first; the card
    /// shows them so the user can see why (omitted from JSON when empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
    /// The post is by one of the brand's own accounts: its mentions are shown, but there is no
    /// reply to draft (present only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub own: bool,
    /// The intent is the one the user gave a close post they corrected (present only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub from_correction: bool,
    /// The post names no brand and asks about a brand's category: its mentions are the category
    /// words, and the reply helps without selling (present only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub category: bool,
    /// Praise or a complaint, but the model finds the other at least [`CAUTION`] likely: no
    /// reply is drafted until the user says which it is, and the card offers both (present
    /// only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cautious: bool,
}

/// How likely the opposite of praise or a complaint must be for Hat Tip to draft no reply
/// until the user says which it is: thanking a complaint or apologising to praise is the worst
/// a card can do (chosen on the corpus' dev split, ACCURACY.md; not fitted with the model's
/// decisions, because the corpus' many hard cases would make it fire on plain posts).
pub const CAUTION: f32 = 0.6;

/// Whether `intent` is praise or a complaint and the model finds the other at least
/// [`CAUTION`] likely.
pub(crate) fn reads_the_other_way(intent: Intent, likely: &[Likely]) -> bool {
    opposite(intent).is_some_and(|o| {
        likely
            .iter()
            .any(|l| l.intent == o && l.probability >= CAUTION)
    })
}

/// The reading opposite to praise or a complaint.
fn opposite(intent: Intent) -> Option<Intent> {
    match intent {
        Intent::Praise => Some(Intent::Complaint),
        Intent::Complaint => Some(Intent::Praise),
        _ => None,
    }
}

/// How likely another reading must be for the card to offer it for its likelihood.
pub const WORTH_OFFERING: f32 = 0.05;

impl Analysis {
    /// The other readings the card offers, two at most, most likely first. When no reply was
    /// drafted because the model reads the opposite (`cautious`): praise and the complaint.
    /// Otherwise a question's card always offers an idea and an idea's card a question, since
    /// a request put as a question (*could you add dark mode?*) is both; then the readings at
    /// least [`WORTH_OFFERING`] likely.
    pub fn other_readings(&self) -> Vec<Likely> {
        if self.cautious {
            // No reply until the user chooses: both sides, the one read first too.
            let both = [Some(self.intent), opposite(self.intent)];
            let mut readings: Vec<Likely> = self
                .likely
                .iter()
                .filter(|l| both.contains(&Some(l.intent)))
                .copied()
                .collect();
            readings.sort_by(|a, b| b.probability.total_cmp(&a.probability));
            return readings;
        }
        let partner = match self.intent {
            Intent::Question => Some(Intent::Suggestion),
            Intent::Suggestion => Some(Intent::Question),
            _ => None,
        };
        let by_form = self.likely.iter().filter(|l| Some(l.intent) == partner);
        let by_likelihood = self
            .likely
            .iter()
            .filter(|l| l.intent != self.intent && Some(l.intent) != partner)
            .filter(|l| l.probability >= WORTH_OFFERING);
        let mut readings: Vec<Likely> = by_form.chain(by_likelihood).take(2).copied().collect();
        readings.sort_by(|a, b| b.probability.total_cmp(&a.probability));
        readings
    }

    /// The acts the card offers: the reply's, then those of the other readings, each once.
    pub fn offered_acts(&self) -> Vec<ReplyAct> {
        let mut acts = vec![self.reply.act];
        for l in self.other_readings() {
            let act = ReplyAct::for_intent(l.intent);
            if !acts.contains(&act) {
                acts.push(act);
            }
        }
        acts
    }
}

impl Engine {
    /// Compiles `profile` (already validated, as every [`Profile`] is).
    pub fn new(profile: Profile) -> Engine {
        let matcher = Matcher::new(&profile);
        Engine {
            profile,
            matcher,
            corrections: Corrections::default(),
        }
    }

    /// Validates a profile given as JSON text (schema v1) and compiles it.
    pub fn from_json(json: &str) -> Result<Engine, ProfileError> {
        Profile::from_json(json).map(Engine::new)
    }

    /// The engine for the built-in demo profile.
    pub fn demo() -> Engine {
        Engine::new(Profile::demo())
    }

    /// The profile this engine was compiled from.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Mentions, language, sentiment, intent and the suggested reply of one post.
    pub fn analyze(&self, post: &Post<'_>) -> Analysis {
        self.analyze_as(post, None)
    }

    /// Like [`Engine::analyze`], but with the intent the user says the post has (a correction
    /// from the card): the reply is drafted for that intent.
    pub fn analyze_as(&self, post: &Post<'_>, intent: Option<Intent>) -> Analysis {
        let mut u = understand(post, &self.profile, &self.matcher);
        let mut from_correction = false;
        let mut told = intent.is_some();
        if let Some(intent) = intent {
            u.intent = intent;
            u.confidence = 1.0;
        } else if let Some((intent, closeness)) = self.corrections.intent_for(&u.lower) {
            told = true;
            from_correction = intent != u.intent;
            u.intent = intent;
            u.confidence = closeness;
        }
        let own = post.author.is_some_and(|a| self.is_own(a));
        // Unless the user said which it is, praise the model reads as a complaint (or the
        // reverse) gets no reply until the user chooses: none cannot hurt.
        let cautious = !told && reads_the_other_way(u.intent, &u.likely);
        // A question that names no brand but one's category words is shown as one; so is such
        // a post the user just told Hat Tip the kind of, so its card follows the correction.
        let category = !own
            && u.spans.is_empty()
            && !u.category.is_empty()
            && (u.intent == Intent::Question || intent.is_some());
        if category {
            u.spans = std::mem::take(&mut u.category);
            u.mentions = mentions_of(post.text, &u.spans, &self.profile);
        }
        let reply = if own || cautious {
            Reply::none()
        } else {
            draft_reply(
                post,
                &self.profile,
                &u.spans,
                u.intent,
                u.language,
                &u.lower,
            )
        };
        // The sentiment agrees with an intent that is a judgement (praise, a complaint, abuse),
        // unless Hat Tip cannot tell which judgement it is; elsewhere the words decide.
        let sentiment = match u.intent.judgement() {
            Some(label) if !cautious => u.sentiment.labelled(label),
            _ => u.sentiment,
        };
        Analysis {
            mentions: u.mentions,
            language: u.language,
            sentiment,
            intent: u.intent,
            confidence: u.confidence,
            likely: u.likely,
            reply,
            reasons: u.reasons,
            own,
            from_correction,
            category,
            cautious,
        }
    }

    /// Remembers the user's correction of a post ("this is praise"): later posts close to it
    /// (mostly the same words) are read the same way. Kept in memory; the caller keeps the
    /// corrections themselves and gives them again to a new engine.
    pub fn correct(&mut self, text: &str, intent: Intent) {
        self.corrections
            .add(&masked_lower(text, &self.matcher), intent);
    }

    /// The corrections this engine remembers.
    pub fn corrections(&self) -> &Corrections {
        &self.corrections
    }

    /// Whether `author` is one of the profile's brands: an @handle of a brand, or a display name
    /// that is a brand's name or alias (case and accents aside).
    fn is_own(&self, author: &Author) -> bool {
        let handle = author.handle.trim().trim_start_matches('@');
        let name = fold_name(&author.name);
        self.profile.brands.iter().any(|b| {
            (!handle.is_empty() && b.handles.iter().any(|h| h.eq_ignore_ascii_case(handle)))
                || (!name.is_empty()
                    && std::iter::once(&b.name)
                        .chain(&b.aliases)
                        .any(|n| fold_name(n) == name))
        })
    }

    /// Only the brand mentions in `text` (for long texts read in pieces, where the rest of the
    /// analysis is done once on the first piece).
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        mentions_of(text, &self.matcher.find(text), &self.profile)
    }
}

/// A display name folded for comparison (case, accents, width, invisible characters, spaces).
fn fold_name(name: &str) -> String {
    FoldedText::new(name.trim(), CaseMode::Insensitive)
        .as_str()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::SentimentLabel;
    use crate::reply::ReplyAct;

    #[test]
    fn a_correction_reads_close_posts_the_same_way_and_no_others() {
        let mut engine = Engine::demo();
        let post = |text| Post {
            text,
            ..Default::default()
        };
        let first = "Northwind saved me from a scam email today, so grateful";
        let close = "Zephyr Air saved me from a scam email today, grateful";
        let other = "Northwind my order never arrived and nobody answers";
        let before = engine.analyze(&post(close)).intent;
        engine.correct(first, Intent::Praise);
        let after = engine.analyze(&post(close));
        assert_eq!(after.intent, Intent::Praise);
        assert_eq!(after.reply.act, ReplyAct::Thank);
        assert_eq!(after.from_correction, before != Intent::Praise);
        let unrelated = engine.analyze(&post(other));
        assert_eq!(unrelated.intent, Intent::Complaint);
        assert!(!unrelated.from_correction);
        // The user's intent for this very post still comes first.
        let asked = engine.analyze_as(&post(close), Some(Intent::Question));
        assert_eq!(asked.intent, Intent::Question);
    }

    #[test]
    fn the_card_offers_the_reply_act_first_then_the_likely_ones() {
        let engine = Engine::demo();
        let a = engine.analyze(&Post {
            text: "Northwind is the store open on Sunday?",
            ..Default::default()
        });
        let offered = a.offered_acts();
        assert_eq!(offered[0], a.reply.act);
        assert!(offered.len() <= 3 && offered.len() >= 2);
        let unique: std::collections::BTreeSet<_> = offered.iter().map(|a| a.as_str()).collect();
        assert_eq!(unique.len(), offered.len());
        let total: f32 = a.likely.iter().map(|l| l.probability).sum();
        assert!(
            (total - 1.0).abs() < 1e-3,
            "probabilities sum to 1: {total}"
        );
        assert!(a
            .likely
            .windows(2)
            .all(|w| w[0].probability >= w[1].probability));
        assert!(a.confidence > 0.0 && a.confidence <= 1.0);
    }

    #[test]
    fn a_request_put_as_a_question_is_offered_as_both() {
        let engine = Engine::demo();
        let read = |text| {
            engine.analyze(&Post {
                text,
                ..Default::default()
            })
        };
        let asked = read("Northwind could you open earlier on Sundays?");
        assert_eq!(asked.intent, Intent::Question);
        assert!(asked.offered_acts().contains(&ReplyAct::AcknowledgeIdea));
        let idea = read("Northwind, you should add oat milk to the menu");
        assert_eq!(idea.intent, Intent::Suggestion);
        assert!(idea.offered_acts().contains(&ReplyAct::Answer));
        for a in [&asked, &idea] {
            let others = a.other_readings();
            assert!(others.len() <= 2 && others.iter().all(|l| l.intent != a.intent));
            assert!(others
                .windows(2)
                .all(|w| w[0].probability >= w[1].probability));
        }
        let praise = read("Northwind, best flat white in town, thank you!");
        assert!(praise
            .other_readings()
            .iter()
            .all(|l| l.probability >= WORTH_OFFERING));
    }

    #[test]
    fn praise_the_model_reads_as_a_complaint_gets_no_reply_until_the_user_says() {
        let mut engine = Engine::demo();
        let post = Post {
            text: "Northwind my coffee was cold but the barista was lovely",
            ..Default::default()
        };
        let mixed = engine.analyze(&post);
        assert!(mixed.cautious, "{mixed:?}");
        assert_eq!(mixed.reply.act, ReplyAct::None);
        assert!(mixed.reply.text.is_empty());
        let offered = mixed.offered_acts();
        assert!(offered.contains(&ReplyAct::Thank) && offered.contains(&ReplyAct::ApologizeHelp));
        // Once the user says which it is, the reply follows.
        let said = engine.analyze_as(&post, Some(Intent::Praise));
        assert!(!said.cautious);
        assert_eq!(said.reply.act, ReplyAct::Thank);
        engine.correct(post.text, Intent::Complaint);
        assert_eq!(engine.analyze(&post).reply.act, ReplyAct::ApologizeHelp);
        // A post both read the same way is answered.
        let praise = engine.analyze(&Post {
            text: "Northwind, best flat white in town, thank you!",
            ..Default::default()
        });
        assert!(!praise.cautious);
        let p = |intent, probability| Likely {
            intent,
            probability,
        };
        assert!(reads_the_other_way(
            Intent::Praise,
            &[p(Intent::Complaint, CAUTION), p(Intent::Praise, 0.3)]
        ));
        assert!(!reads_the_other_way(
            Intent::Praise,
            &[p(Intent::Complaint, 0.5), p(Intent::Praise, 0.4)]
        ));
        assert!(!reads_the_other_way(
            Intent::Question,
            &[p(Intent::Complaint, 0.9)]
        ));
    }

    #[test]
    fn a_question_about_the_category_is_shown_and_helped_without_selling() {
        let engine = Engine::demo();
        let post = |text| Post {
            text,
            ..Default::default()
        };
        let asked = engine.analyze(&post(
            "What's a good coffee grinder for a beginner? Open to anything",
        ));
        assert!(asked.category);
        assert_eq!(asked.mentions.len(), 1);
        assert!(asked.mentions[0].category);
        assert_eq!(asked.mentions[0].brand, "Northwind Coffee");
        assert_eq!(asked.reply.act, ReplyAct::Advise);
        assert!(
            asked.reply.text.contains("coffee grinder"),
            "{}",
            asked.reply.text
        );
        assert!(
            !asked.reply.text.contains("Northwind"),
            "{}",
            asked.reply.text
        );
        let spanish = engine.analyze(&post(
            "¿Qué café de especialidad me recomendáis para empezar?",
        ));
        assert_eq!(
            (spanish.reply.act, spanish.reply.language),
            (ReplyAct::Advise, "es")
        );
        // Not a question: nothing to show. Names the brand: a mention of the brand.
        let told = engine.analyze(&post("Finally got a new coffee grinder this weekend"));
        assert!(!told.category && told.mentions.is_empty());
        assert_eq!(told.reply.act, ReplyAct::None);
        let named = engine.analyze(&post("Does Northwind sell a coffee grinder for beginners?"));
        assert!(!named.category);
        assert_eq!(named.reply.act, ReplyAct::Answer);
        assert!(named.mentions.iter().all(|m| !m.category));
        // The user says what it is: the card follows.
        let corrected = engine.analyze_as(
            &post("Finally got a new coffee grinder this weekend"),
            Some(Intent::Praise),
        );
        assert!(corrected.category);
        assert_eq!(corrected.reply.act, ReplyAct::Thank);
        // The brand's own account asking its followers is not a question to answer.
        let own = Author {
            name: String::new(),
            handle: "northwindcoffee".into(),
        };
        let from_brand = engine.analyze(&Post {
            text: "Which coffee grinder do you use at home?",
            author: Some(&own),
            ..Default::default()
        });
        assert!(!from_brand.category && from_brand.mentions.is_empty());
    }

    #[test]
    fn analysis_of_a_complaint() {
        let engine = Engine::demo();
        let a = engine.analyze(&Post {
            text: "@zephyrair my bag is lost again and nobody answers",
            ..Default::default()
        });
        assert_eq!(a.mentions.len(), 1);
        assert_eq!(a.mentions[0].brand, "Zephyr Air");
        assert_eq!(a.language, "en");
        assert_eq!(a.sentiment.label, SentimentLabel::Negative);
        assert_eq!(a.intent, Intent::Complaint);
        assert_eq!(a.reply.act, ReplyAct::ApologizeHelp);
        assert_eq!(
            a.reasons.first().map(String::as_str),
            Some("lost"),
            "{:?}",
            a.reasons
        );
    }

    #[test]
    fn the_sentiment_agrees_with_a_judgement_and_elsewhere_follows_the_words() {
        let engine = Engine::demo();
        let read = |text: &str, intent| {
            let a = engine.analyze_as(
                &Post {
                    text,
                    ..Default::default()
                },
                intent,
            );
            (a.intent, a.sentiment)
        };
        // Sarcasm in happy words is a complaint, so negative.
        let (intent, sentiment) = read(
            "Oh great, another outage on payday @northwindcoffee. Love that for me.",
            None,
        );
        assert_eq!(intent, Intent::Complaint);
        assert_eq!(sentiment.label, SentimentLabel::Negative);
        assert!(sentiment.score <= -0.05, "{sentiment:?}");
        // A question keeps the words' reading: it loves the coffee.
        let (intent, sentiment) = read(
            "@northwindcoffee love your cold brew, do you ship to Canada?",
            None,
        );
        assert_eq!(intent, Intent::Question);
        assert_eq!(sentiment.label, SentimentLabel::Positive);
        // A correction carries the sentiment with it.
        let (_, sentiment) = read(
            "@northwindcoffee love your cold brew, do you ship to Canada?",
            Some(Intent::Complaint),
        );
        assert_eq!(sentiment.label, SentimentLabel::Negative);
    }

    #[test]
    fn a_brands_own_post_is_marked_and_gets_no_reply() {
        let engine = Engine::demo();
        let text = "Our Cold Brew Reserve is back at Northwind this week!";
        for author in [
            Author {
                name: String::new(),
                handle: "@NorthwindCoffee".into(),
            },
            Author {
                name: "Northwind Coffee".into(),
                handle: String::new(),
            },
            Author {
                name: "northwind".into(),
                handle: "someone".into(),
            },
        ] {
            let a = engine.analyze(&Post {
                text,
                author: Some(&author),
                ..Default::default()
            });
            assert!(a.own && !a.mentions.is_empty(), "{author:?}");
            assert_eq!((a.reply.act, a.reply.text.as_str()), (ReplyAct::None, ""));
        }
        let fan = Author {
            name: "Ana Ruiz".into(),
            handle: "anaruiz".into(),
        };
        let a = engine.analyze(&Post {
            text,
            author: Some(&fan),
            ..Default::default()
        });
        assert!(!a.own);
        assert_ne!(a.reply.act, ReplyAct::None);
    }

    #[test]
    fn mentions_alone_agree_with_the_full_analysis() {
        let engine = Engine::demo();
        let text = "Cold Brew Reserve at Northwind! @zephyrair #northwind Nortwind";
        assert_eq!(
            engine.mentions(text),
            engine
                .analyze(&Post {
                    text,
                    ..Default::default()
                })
                .mentions
        );
        assert!(
            Engine::from_json("{\"version\": 1, \"brands\": [{\"nam\": \"x\"}]}")
                .unwrap_err()
                .path
                .starts_with("brands[0]")
        );
    }
}
