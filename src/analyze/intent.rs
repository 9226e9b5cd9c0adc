//! Intent: ordered cue rules over the masked text plus the sentiment. Offensive first (never feed a
//! troll): slurs, insults, threats and contempt for the brand's people as a group always; profanity
//! only when there is no complaint to answer (an angry customer who swears about a lost bag is
//! still a customer with a lost bag), and calling the brand's people crooks or liars only when no
//! problem is named. Then the shapes whose words mislead: a problem the brand put right, being
//! hooked (*can't live without*), disbelief at how good something is and low hopes proved wrong are
//! praise; a problem report, being made to call again and again, and praise for a repeated mishap,
//! for a loss, for hours waiting or for something done without notice (sarcasm) are complaints; so
//! is a problem told as a story in a post that is not praise (kept waiting for a span of time, how
//! long it took, express delivery that took days, "…and nothing", arrived in a bad state, got
//! something instead, charged for what was cancelled); not knowing asks. Then complaint (a
//! complaint phrased as a question is still a complaint), suggestion (a request for a change, a
//! wish: a conditional with praise words, or *if … were*), question (with or without a question
//! mark; in German and Dutch a verb then a pronoun asks), praise, other. The cue phrases are the
//! project's own, one data file per language (`cues/<code>.txt`, read by [`super::cue_files`]),
//! each list compiled once ([`super::phrases`]); a list is the union of every language's, except
//! where a rule says it reads one language's. The slur list is derived from MIT-licensed data
//! (`offensive_words.txt`, see DATA-SOURCES.md). Measured in ACCURACY.md (`./build.sh eval`).

use serde::{Deserialize, Serialize};

use super::cue_files;
use super::phrases::{on_boundaries, spaceless, Phrases};
use super::sentiment::{
    is_false_friend, is_harsh_intensifier, is_praise_word, Sentiment, SentimentLabel,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Intent {
    Praise,
    Complaint,
    Question,
    Suggestion,
    Offensive,
    Other,
}

impl Intent {
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Praise => "praise",
            Intent::Complaint => "complaint",
            Intent::Question => "question",
            Intent::Suggestion => "suggestion",
            Intent::Offensive => "offensive",
            Intent::Other => "other",
        }
    }

    /// The sentiment this intent is a judgement of, if it is one: praise is positive, a
    /// complaint or abuse negative; a question, an idea or a plain mention can be either.
    pub fn judgement(self) -> Option<SentimentLabel> {
        match self {
            Intent::Praise => Some(SentimentLabel::Positive),
            Intent::Complaint | Intent::Offensive => Some(SentimentLabel::Negative),
            Intent::Question | Intent::Suggestion | Intent::Other => None,
        }
    }
}

const OFFENSIVE_WORDS_TEXT: &str = include_str!("offensive_words.txt");

/// A word of `offensive_words.txt` in the post, unless it is an everyday word of the post's
/// language (Dutch *hoe*, "how").
fn offensive_word(lower: &str, language: &str) -> Option<String> {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| OFFENSIVE_WORDS_TEXT.lines().collect());
    lower
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| {
            !w.is_empty()
                && words.binary_search(w).is_ok()
                && (language == "en" || !is_false_friend(w))
        })
        .map(str::to_string)
}

/// Every cue list, read once from the cue files ([`super::cue_files`]): compiled ones are asked
/// which of their phrases occur in a post, word lists which word a post starts with.
macro_rules! cue_sets {
    (
        compiled { $($(#[doc = $doc:expr])* $field:ident,)* }
        words { $($(#[doc = $wdoc:expr])* $wfield:ident,)* }
    ) => {
        struct Cues {
            $($(#[doc = $doc])* $field: Phrases,)*
            $($(#[doc = $wdoc])* $wfield: Vec<&'static str>,)*
        }

        /// The names of the lists a cue file may hold.
        #[cfg(test)]
        pub(crate) const LISTS: &[&str] = &[$(stringify!($field),)* $(stringify!($wfield),)*];

        fn cues() -> &'static Cues {
            static CUES: std::sync::OnceLock<Cues> = std::sync::OnceLock::new();
            CUES.get_or_init(|| Cues {
                $($field: Phrases::new(cue_files::list(stringify!($field))),)*
                $($wfield: cue_files::list(stringify!($wfield)),)*
            })
        }
    };
}

cue_sets! {
    compiled {
        /// Insults, threats and harassment, on top of `offensive_words.txt`.
        insults,
        /// Profanity: offensive on its own, but not when it comes with a complaint to answer.
        profanity,
        /// Calling the brand's people crooks, liars or incompetents: a troll, unless the post
        /// names a problem to answer (an angry customer who calls them thieves over a double
        /// charge is still owed help).
        name_calling,
        /// Contempt ("trash", "a joke", "Abzocke"): with the brand's people or customers as a
        /// group (`people`) it is a troll, not a complaint ("is trash and so are your customers").
        contempt,
        /// The brand's people or customers as a group ("everyone who works there", "vos clients
        /// aussi").
        people,
        /// Words of a complaint, read with the sentiment (a negative post with one complains).
        complaint,
        /// Problem reports: a complaint whatever the tone ("still not received", "app keeps
        /// crashing", billing gone wrong).
        problem,
        /// A problem the brand put right ("lost my bag and they found it the same day"): praise
        /// when not negated (`not_before`) and the post thanks or praises.
        put_right,
        /// Thanks, which make a problem put right praise.
        thanks,
        /// Low hopes ("didn't expect much from them", "never liked X"): praise when a turn
        /// follows.
        low_hopes,
        /// A turn after low hopes ("but", "changed my mind").
        turns,
        /// A repetition or an ordinal ("another", "fifth time").
        repeats,
        /// A way of getting in touch: a repetition with one is a complaint, however calm the
        /// words ("fifth time calling this week").
        contact,
        /// A failure word: praise for a repeated one is sarcasm, a complaint ("wow, another login
        /// failure, truly world class").
        mishaps,
        /// Hours spent waiting: praise for them is sarcasm too.
        waiting,
        /// A praise word that opens a post ("great, …", "génial, …"): with a mishap later in
        /// the post it is sarcasm ("great, my order is lost and support is closed").
        sarcastic_openers,
        /// Something done without warning: thanks or praise for it is sarcasm ("thanks for
        /// cancelling my flight without notice").
        no_notice,
        /// A conditional ("would be", "sería", "wäre"): with praise words it wishes for
        /// something, an idea ("a loyalty card would be a nice touch", "wäre nicht schlecht").
        wish,
        /// A word for knowing or news: followed by a question word it asks ("no idea when…",
        /// "keine Ahnung, wann…").
        knowing,
        /// Question words, after a word for knowing.
        question_words,
        /// A request opener ("could you", "why not", "könnt ihr"): with a verb of change it is an
        /// idea, question mark or not; a request for help has no verb of change.
        request,
        /// Verbs of change ("add", "einbauen"), with a request opener.
        change,
        /// Negations: a "why" question with one is a complaint ("why can't I log in?").
        negation,
        /// Suggestions ("you should", "would be great if").
        suggestion,
        /// Questions without a question mark ("anyone know", "wondering if").
        question,
        /// Being kept waiting ("waiting for", "on hold", "j'attends", "warte"): with a span of
        /// time (`spans`) in a post that is not praise and does not ask, a complaint told as a
        /// story ("three weeks waiting for my refund", "day 12 of waiting").
        waits,
        /// Spans of time ("minutes", "weeks", "depuis", "seit"), with `waits`.
        spans,
        /// How long something took ("took", "tardaron", "hat gedauert"): with a long span of
        /// time (`long_spans`: hours, days, weeks) a complaint told as a story ("it took three
        /// calls and two hours"); minutes are left out ("setting it up took five minutes").
        took,
        /// Hours, days, weeks, months, with `took` or `express`.
        long_spans,
        /// Paying for speed ("express shipping", "next-day", "envío urgente", "速達"): with an
        /// arrival and a long span of time, a complaint told as a story ("paid for express and
        /// it came in 9 days"); without an arrival it states a fact ("express takes 2 days").
        express,
        /// "…and nothing" closing a post: nothing happened, a complaint ("ordered on Monday,
        /// Friday now and nothing"). Only at the end, where it cannot start a new thought.
        trailing_nothing,
        /// Something arriving or received ("arrived", "me llegó", "kam", "届いた"): followed
        /// closely by a bad state (`bad_states`: "arrived empty", "kam leer an"), or with
        /// `instead` ("got someone else's order instead of mine"), a complaint told as a story.
        arrivals,
        /// The state a thing should not arrive in ("empty", "vide", "kaputt"), after `arrivals`.
        bad_states,
        /// "Instead of" ("en lugar de", "statt", "じゃなくて"), with `arrivals`.
        instead,
        /// Being charged ("charged", "cobran", "abgebucht", "請求"): for something `cancelled`,
        /// a complaint ("charged me for a subscription I cancelled").
        billing,
        /// Cancelled by the customer ("cancelled", "résilié", "gekündigt", "解約"), with
        /// `billing`.
        cancelled,
        /// Disbelief at how good something is ("can't believe how", "no me puedo creer lo",
        /// "kaum zu glauben, wie"): praise, though its words are a negation, unless the post
        /// names a problem, a complaint, a mishap or being kept waiting.
        disbelief,
        /// Being hooked ("can't live without", "no paro de", "やめられない"): praise, though its
        /// words are a negation, unless the post names a problem or a complaint.
        hooked,
    }
    words {
        /// Swear words people also use to say "very" about something they like.
        intensifying_swears,
        /// Negations that, just before a fix, mean it was not put right ("never replaced").
        not_before,
        /// A "why" that starts a post.
        why,
        /// Forum-style requests start with an imperative verb ("Add dark mode", "Allow apps
        /// to…").
        imperative_starts,
        /// Words a question starts with.
        question_starts,
        /// Verbs in the third person ("is", "has", "ist"): right after a leading @handle they
        /// make it the subject ("@acme is down again"), not the one addressed, so the post
        /// does not ask by its first word.
        subject_verbs,
        /// "If" (`si`, `wenn`, `se`, `als`): with a verb contrary to fact after it (`irrealis`),
        /// a post that is not negative wishes for something, an idea ("if the cups were
        /// recyclable I'd buy twice as much").
        if_words,
        /// Verbs of a condition contrary to fact ("were", "fueran", "wären", "fossero").
        irrealis,
        /// A pronoun right after the verb that opens a post: German and Dutch ask that way,
        /// mark or not ("liefert ihr nach Österreich", "leveren jullie in België"). Read only
        /// in the languages whose file has the list.
        asking_pronouns,
    }
}

/// An insult in `lower`, unless it is a harsh word that only says "very" before a word of
/// praise ("stupid good").
fn insult(c: &Cues, lower: &str, language: &str) -> Option<String> {
    c.insults
        .occurrences(lower)
        .into_iter()
        .find(|&(word, at)| {
            let next = lower[at + word.len()..].split_whitespace().next();
            !(is_harsh_intensifier(word, language)
                && next.is_some_and(|next| is_praise_word(next, language)))
        })
        .map(|(word, _)| word.to_string())
}

/// Decides the intent of an English post whose mentions are masked (`lower` is lower-cased).
#[cfg(test)]
pub fn classify(lower: &str, sentiment: &Sentiment) -> Intent {
    classify_with_cues(lower, sentiment, "en").0
}

/// The intent of a post in `language` and the phrases that decided it (shown to the user as
/// the reason).
pub fn classify_with_cues(
    lower: &str,
    sentiment: &Sentiment,
    language: &str,
) -> (Intent, Vec<String>) {
    let c = cues();
    let found = |cues: &Phrases| cues.first(lower).map(str::to_string);
    let complaint_cue = found(&c.complaint);
    let problem_cue = found(&c.problem);
    let put_right = c
        .put_right
        .occurrences(lower)
        .into_iter()
        .find(|&(_, at)| {
            let mut from = at.saturating_sub(12);
            while !lower.is_char_boundary(from) {
                from -= 1;
            }
            let before = &lower[from..at];
            !c.not_before.iter().any(|n| negates(before, n))
        })
        .map(|(fix, _)| fix);
    // Swearing alone is offensive, but not when it carries a complaint to answer, nor when a
    // swear word only intensifies praise ("damn good coffee", "fucking amazing").
    let offensive_cue = insult(c, lower, language)
        .or_else(|| offensive_word(lower, language))
        .or_else(|| {
            let scorn = found(&c.contempt)?;
            found(&c.people).map(|who| format!("{scorn} … {who}"))
        })
        .or_else(|| found(&c.name_calling).filter(|_| problem_cue.is_none()))
        .or_else(|| {
            let swear =
                found(&c.profanity).filter(|_| complaint_cue.is_none() && problem_cue.is_none())?;
            let intensifies_praise = sentiment.label == SentimentLabel::Positive
                && c.intensifying_swears.contains(&swear.as_str());
            (!intensifies_praise).then_some(swear)
        });
    if let Some(cue) = offensive_cue {
        return (Intent::Offensive, vec![cue]);
    }
    let grateful = sentiment.label == SentimentLabel::Positive || found(&c.thanks).is_some();
    if let (Some(fix), true) = (put_right, grateful) {
        return (Intent::Praise, vec![fix.to_string()]);
    }
    if let Some(cue) = problem_cue {
        return (Intent::Complaint, vec![cue]);
    }
    if let (Some(hooked), None) = (found(&c.hooked), &complaint_cue) {
        return (Intent::Praise, vec![hooked]);
    }
    if let (Some(disbelief), None) = (found(&c.disbelief), &complaint_cue) {
        if found(&c.mishaps).is_none() && found(&c.waits).is_none() {
            return (Intent::Praise, vec![disbelief]);
        }
    }
    if let Some((low, at)) = c.low_hopes.first_at(lower) {
        if c.turns.first(&lower[at + low.len()..]).is_some() {
            return (Intent::Praise, vec![low.to_string()]);
        }
    }
    let repeat = found(&c.repeats);
    let positive = sentiment.label == SentimentLabel::Positive;
    if let (Some(again), Some(contact), false) = (&repeat, found(&c.contact), positive) {
        return (Intent::Complaint, vec![format!("{again} … {contact}")]);
    }
    if positive {
        let opener = c
            .sarcastic_openers
            .earliest(lower)
            .filter(|&(_, at)| lower[..at].trim().is_empty())
            .map(|(word, _)| word);
        let mishap = repeat
            .or(opener.map(str::to_string))
            .and_then(|again| found(&c.mishaps).map(|what| format!("{again} … {what}")))
            .or_else(|| found(&c.waiting))
            .or_else(|| found(&c.no_notice));
        if let Some(cue) = mishap {
            return (Intent::Complaint, vec![cue]);
        }
    }
    let asks = lower.contains(['?', '¿', '？']);
    if !positive && !asks {
        let both = |a: &Phrases, b: &Phrases| {
            let first = found(a)?;
            found(b).map(|second| format!("{first} … {second}"))
        };
        let story = both(&c.waits, &c.spans)
            .or_else(|| both(&c.took, &c.long_spans))
            .or_else(|| both(&c.express, &c.arrivals).and(both(&c.express, &c.long_spans)))
            .or_else(|| ends_with_phrase(lower, &c.trailing_nothing))
            .or_else(|| arrived_in_bad_state(lower, c))
            .or_else(|| both(&c.instead, &c.arrivals))
            .or_else(|| both(&c.billing, &c.cancelled));
        if let Some(cue) = story {
            return (Intent::Complaint, vec![cue]);
        }
    }
    let negative = sentiment.label == SentimentLabel::Negative;
    // Not knowing is not a complaint: "no idea when my area gets fibre" asks.
    if complaint_cue.is_none() {
        if let Some((know, at)) = c.knowing.earliest(lower) {
            if let Some(wh) = c.question_words.first(&lower[at + know.len()..]) {
                return (Intent::Question, vec![format!("{know} … {wh}")]);
            }
        }
    }
    if negative && (complaint_cue.is_some() || sentiment.score <= -0.3) {
        return (Intent::Complaint, complaint_cue.into_iter().collect());
    }
    let first_word = lower.split_whitespace().next().unwrap_or("");
    let first_word = first_word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    if let (Some(ask), Some(change)) = (found(&c.request), found(&c.change)) {
        return (Intent::Suggestion, vec![format!("{ask} … {change}")]);
    }
    if let Some(why) = c.why.iter().find(|w| lower.trim_start().starts_with(*w)) {
        if let Some(neg) = found(&c.negation) {
            return (Intent::Complaint, vec![format!("{why} … {neg}")]);
        }
    }
    if let Some(cue) = found(&c.suggestion) {
        // "I would like to know…" asks, it doesn't suggest.
        if !contains_phrase(lower, "like to know") {
            return (Intent::Suggestion, vec![cue]);
        }
    }
    if positive {
        if let Some(wish) = found(&c.wish) {
            return (Intent::Suggestion, vec![wish]);
        }
    }
    if !negative && !asks {
        if let Some(cue) = contrary_to_fact(lower, c) {
            return (Intent::Suggestion, vec![cue]);
        }
    }
    if c.imperative_starts.contains(&first_word) && !lower.contains('?') {
        return (Intent::Suggestion, vec![first_word.to_string()]);
    }
    let question_cue = if asks {
        Some("?".to_string())
    } else {
        // A first word that can ask can also start a clause ("when it arrived I was thrilled",
        // "wie immer super"): it asks only in a post that does not read as praise.
        found(&c.question)
            .or_else(|| {
                (c.question_starts.contains(&first_word) && !positive)
                    .then(|| first_word.to_string())
            })
            .or_else(|| verb_then_pronoun(lower, c, language).filter(|_| !positive))
    };
    if let Some(cue) = question_cue {
        if negative && complaint_cue.is_some() {
            return (Intent::Complaint, complaint_cue.into_iter().collect());
        }
        return (Intent::Question, vec![cue]);
    }
    if negative {
        return (Intent::Complaint, complaint_cue.into_iter().collect());
    }
    if sentiment.label == SentimentLabel::Positive {
        return (Intent::Praise, Vec::new());
    }
    (Intent::Other, Vec::new())
}

/// The words of `lower`, punctuation trimmed.
fn words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .filter(|w| !w.is_empty())
}

/// An arrival followed within three words by a bad state ("arrived empty", "kam leer an");
/// Japanese, without spaces, puts the state first ("空っぽで届いた"): anywhere there.
fn arrived_in_bad_state(lower: &str, c: &Cues) -> Option<String> {
    const WITHIN: usize = 3;
    c.arrivals
        .occurrences(lower)
        .into_iter()
        .find_map(|(arrival, at)| {
            let near = if spaceless(arrival) {
                lower
            } else {
                first_words(&lower[at + arrival.len()..], WITHIN)
            };
            let (state, at) = c.bad_states.first_at(near)?;
            // "arrived, nothing broken", "kam nicht kaputt an": not a bad state.
            if c.negation.first(&near[..at]).is_some() {
                return None;
            }
            Some(format!("{arrival} … {state}"))
        })
}

/// The start of `text` up to the end of its `n`th word.
fn first_words(text: &str, n: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, ch) in text.char_indices() {
        if !ch.is_whitespace() {
            in_word = true;
        } else if in_word {
            in_word = false;
            words += 1;
            if words == n {
                return &text[..i];
            }
        }
    }
    text
}

/// Whether `word` is a verb in the third person that makes a leading @handle its subject.
pub(crate) fn makes_subject(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    cues().subject_verbs.contains(&word)
}

/// "If" and then a verb contrary to fact: `if … were`.
fn contrary_to_fact(lower: &str, c: &Cues) -> Option<String> {
    let mut words = words(lower).skip_while(|w| !c.if_words.contains(w));
    let condition = words.next()?;
    let verb = words.find(|w| c.irrealis.contains(w))?;
    Some(format!("{condition} … {verb}"))
}

/// The first two words when the second is an asking pronoun (`liefert ihr`) in `language`.
fn verb_then_pronoun(lower: &str, c: &Cues, language: &str) -> Option<String> {
    static ASKING: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    if !ASKING
        .get_or_init(|| cue_files::languages_with("asking_pronouns"))
        .contains(&language)
    {
        return None;
    }
    // Raw words: "hoffe, ihr…" has a comma after its verb, and does not ask.
    let mut words = lower.split_whitespace();
    let (verb, pronoun) = (words.next()?, words.next()?);
    let pronoun = pronoun.trim_end_matches(|c: char| !c.is_alphanumeric());
    let is_verb = verb.chars().all(char::is_alphabetic) && !c.asking_pronouns.contains(&verb);
    (is_verb && c.asking_pronouns.contains(&pronoun)).then(|| format!("{verb} {pronoun}"))
}

/// The phrase of `list` that closes `lower` (trailing punctuation, emoji and spaces aside).
fn ends_with_phrase(lower: &str, list: &Phrases) -> Option<String> {
    let end = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
    list.ending(end).map(str::to_string)
}

/// Whether negation `n` ends a word in `before` with a space after it ("not ", "didn't ").
fn negates(before: &str, n: &str) -> bool {
    before
        .match_indices(n)
        .any(|(at, _)| before[at + n.len()..].starts_with(' '))
}

/// Whether `phrase` occurs in `text` on word boundaries.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase)
        .any(|(at, _)| on_boundaries(text, at, at + phrase.len(), phrase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::sentiment::score;

    fn intent(text: &str) -> Intent {
        let lower = text.to_lowercase();
        classify(&lower, &score(&lower))
    }

    #[test]
    fn intents() {
        let cases = [
            ("Best latte in town, thank you!", Intent::Praise),
            (
                "My order never arrived and nobody answers",
                Intent::Complaint,
            ),
            (
                "Why does every flight I book get delayed?",
                Intent::Complaint,
            ),
            (
                "anyone know what time the Main St shop closes",
                Intent::Question,
            ),
            ("Do you ship to Canada?", Intent::Question),
            ("You should add oat milk to the menu", Intent::Suggestion),
            ("You are all idiots", Intent::Offensive),
            ("wtf is this shit", Intent::Offensive),
            ("my fucking flight is delayed again", Intent::Complaint),
            ("Vol en retard, encore une fois", Intent::Complaint),
            (
                "It would be great if the app had a dark mode",
                Intent::Suggestion,
            ),
            (
                "Add an option to export notes as Markdown",
                Intent::Suggestion,
            ),
            (
                "hi, my order still not received, it's been 2 weeks",
                Intent::Complaint,
            ),
            ("Why can't I log in to the app?", Intent::Complaint),
            (
                "Any known issues with the app? Not working for me",
                Intent::Complaint,
            ),
            ("Drinking a coffee", Intent::Other),
        ];
        for (text, want) in cases {
            assert_eq!(intent(text), want, "{text}");
        }
    }

    /// The hard cases of issue 4 in every language Hat Tip replies in: questions without a
    /// question mark, complaints phrased as questions, insults told apart from angry complaints.
    #[test]
    fn hard_cases_in_every_language() {
        use Intent::*;
        let cases: &[(&str, &str, Intent)] = &[
            ("en", "anyone know what time the shop closes", Question),
            ("en", "Why does every flight I book get delayed?", Complaint),
            ("en", "you are a bunch of idiots", Offensive),
            (
                "en",
                "this is fucking ridiculous, my bag is still missing",
                Complaint,
            ),
            ("es", "¿A qué hora abre la tienda?", Question),
            ("es", "¿Por qué no funciona la aplicación?", Complaint),
            ("es", "sois unos idiotas", Offensive),
            ("fr", "Quand ouvre le magasin", Question),
            (
                "fr",
                "Pourquoi mon colis n'est toujours pas arrivé ?",
                Complaint,
            ),
            ("fr", "bande de connards", Offensive),
            ("de", "Wann öffnet der Laden", Question),
            ("de", "Warum funktioniert die App nicht?", Complaint),
            ("de", "ihr seid Arschlöcher", Offensive),
            ("pt", "Quando abre a loja", Question),
            ("pt", "Por que o aplicativo não funciona?", Complaint),
            ("pt", "vocês são uns idiotas", Offensive),
            ("it", "Quando apre il negozio", Question),
            ("it", "Perché l'app non funziona?", Complaint),
            ("it", "siete degli idioti", Offensive),
            ("nl", "Wanneer gaat de winkel open", Question),
            ("nl", "Waarom werkt de app niet?", Complaint),
            ("nl", "stelletje klootzakken", Offensive),
            ("ja", "明日は何時に開きますか", Question),
            ("ja", "なぜ毎回注文が届かないのですか", Complaint),
            ("ja", "お前らバカだろ", Offensive),
            // Angry but legitimate: a complaint to answer, not a troll to ignore.
            (
                "es",
                "esto es una mierda, mi maleta sigue sin aparecer",
                Complaint,
            ),
            (
                "fr",
                "c'est de la merde, mon colis n'est toujours pas arrivé",
                Complaint,
            ),
            (
                "de",
                "so eine Scheiße, das Paket ist immer noch nicht da",
                Complaint,
            ),
            ("pt", "que merda, meu pedido ainda não chegou", Complaint),
            (
                "it",
                "che merda, il mio ordine non è ancora arrivato",
                Complaint,
            ),
            (
                "nl",
                "wat een kut, mijn pakket is nog steeds niet bezorgd",
                Complaint,
            ),
            ("ja", "クソ遅い、荷物がまだ届かない", Complaint),
            // Questions without a question mark.
            ("es", "alguien sabe a qué hora cierran hoy", Question),
            ("de", "weiß jemand wann ihr heute schließt", Question),
            // Asking for a change is an idea, question mark or not; asking for help is not.
            ("en", "could you add dark mode to the app?", Suggestion),
            ("en", "could you check where my parcel is?", Question),
            ("es", "¿podríais añadir el pago con Bizum?", Suggestion),
            ("fr", "pourquoi ne pas ajouter le mode sombre ?", Suggestion),
            ("de", "könnt ihr bitte Apple Pay einbauen?", Suggestion),
            (
                "it",
                "potreste aggiungere il pagamento con Satispay?",
                Suggestion,
            ),
            ("pt", "poderiam adicionar o Pix?", Suggestion),
            ("nl", "kunnen jullie iDEAL toevoegen?", Suggestion),
            // Billing gone wrong is a complaint, calm words or not.
            ("de", "ihr habt mir doppelt abgebucht", Complaint),
            ("fr", "vous m'avez débité deux fois", Complaint),
            ("ja", "二重に請求されました", Complaint),
            // A problem put right is praise; one not put right is not.
            (
                "de",
                "Koffer verloren und sie haben ihn kostenlos ersetzt, danke",
                Praise,
            ),
            (
                "es",
                "se me rompió la taza y me la cambiaron gratis, gracias",
                Praise,
            ),
            (
                "en",
                "they still have not replaced it, thanks for nothing",
                Complaint,
            ),
            // Low hopes proved wrong are praise.
            (
                "en",
                "never liked Northwind but this changed my mind",
                Praise,
            ),
            ("it", "non mi aspettavo molto ma hanno fatto centro", Praise),
            (
                "en",
                "didn't expect much and it broke on day one",
                Complaint,
            ),
            // Calling again and again is a complaint, however calm.
            (
                "en",
                "Fifth time calling this week, same answer each time",
                Complaint,
            ),
            (
                "fr",
                "troisième appel cette semaine, toujours rien",
                Complaint,
            ),
            // Praise for a mishap that happened again is sarcasm.
            (
                "en",
                "Oh great, another outage on payday. Love that for me.",
                Complaint,
            ),
            (
                "en",
                "Wow, three hours on hold, truly world class",
                Complaint,
            ),
            (
                "en",
                "lost my bag and they found it the same day, amazing",
                Praise,
            ),
            // Not knowing asks, even without a question mark or with a "no".
            ("en", "no idea when my area finally gets fibre", Question),
            ("de", "keine Ahnung, wann das neue Modell kommt", Question),
            ("it", "novità su quando arriva la fibra da me", Question),
            (
                "en",
                "no idea when my refund is coming, this is ridiculous",
                Complaint,
            ),
        ];
        for (lang, text, want) in cases {
            assert_eq!(intent(text), *want, "[{lang}] {text}");
        }
    }

    #[test]
    fn contempt_for_the_people_is_a_troll_and_for_the_service_a_complaint() {
        use Intent::*;
        let cases = [
            (
                "what a joke, and so are your customers for paying",
                Offensive,
            ),
            ("this app is garbage, three crashes today", Complaint),
            (
                "c'est une arnaque et tous vos employés sont complices",
                Offensive,
            ),
            ("c'est une arnaque, toujours pas remboursé", Complaint),
            (
                "der Laden ist ein Witz, alle, die dort arbeiten, auch",
                Offensive,
            ),
            ("è spazzatura e chi lavora lì pure", Offensive),
        ];
        for (text, want) in cases {
            assert_eq!(intent(text), want, "{text}");
        }
    }

    #[test]
    fn swearing_in_praise_is_not_a_troll() {
        let s = |t: &str| crate::analyze::sentiment::score(t);
        for text in [
            "this is damn good coffee, thank you",
            "fucking amazing service today",
        ] {
            assert_eq!(classify(text, &s(text)), Intent::Praise, "{text}");
        }
        let text = "fuck this place";
        assert_eq!(classify(text, &s(text)), Intent::Offensive);
    }

    #[test]
    fn cues_explain_the_decision() {
        let lower = "still waiting for my refund";
        let (intent, cues) = classify_with_cues(lower, &score(lower), "en");
        assert_eq!(
            (intent, cues),
            (Intent::Complaint, vec!["still waiting".to_string()])
        );
        let lower = "it would be great if you opened earlier";
        assert_eq!(
            classify_with_cues(lower, &score(lower), "en").1,
            vec!["would be great if".to_string()]
        );
    }

    #[test]
    fn phrases_need_word_boundaries() {
        assert!(contains_phrase("you are stupid.", "stupid"));
        assert!(!contains_phrase("diet coke", "die"));
    }
}
