//! Making and measuring the model (`./build.sh train`, `./build.sh eval`; the `train` feature,
//! never in what ships). Training reads the project's corpus (`corpus`, train split only) and
//! Davidson et al.'s MIT-licensed tweets (`data/mit/davidson/`, abusive or not), turns each post
//! into the same features the engine reads (`analyze::model::features` of the rules' reading),
//! and fits a softmax regression over the intents with AdaGrad in a fixed order: the same inputs
//! give the same `model.bin`, byte for byte. The report measures the engine with that model on
//! the corpus' dev and test splits, next to the rules alone.

pub mod corpus;

use std::collections::BTreeMap;
use std::path::Path;

use crate::analyze::model::{self, Decisions, Head, Model, BUCKETS, INTENTS};
use crate::analyze::{decide, masked_text, read_with_rules, Intent, Likely};
use crate::engine::{reads_the_other_way, Engine};
use crate::matcher::Matcher;
use crate::post::Post;
use crate::profile::Profile;
use crate::reply::ReplyAct;
use corpus::{Brand, CorpusError, Row, Split, SplitMix};

const EPOCHS: usize = 12;
const LEARNING_RATE: f32 = 0.3;
/// L2 penalties: light on what the rules found, heavy on the post's words, which the corpus'
/// few sentence shapes per kind would otherwise let the model learn by heart.
const L2_SIGNALS: f32 = 1e-5;
const L2_WORDS: f32 = 1e-2;
/// The weight of a Davidson row next to a corpus row: there are many more of them, and they
/// are not posts to a brand.
const DAVIDSON_WEIGHT: f32 = 0.3;

/// A post as training sees it.
#[derive(Clone)]
struct Example {
    features: Vec<u32>,
    /// The classes the label allows, one bit each (one bit: a plain label).
    intent: u8,
    weight: f32,
}

/// A profile with the corpus' brands, as a user of each would set it up.
pub fn corpus_profile(brands: &[Brand]) -> Profile {
    let brands: Vec<serde_json::Value> = brands
        .iter()
        .map(|b| {
            serde_json::json!({
                "name": b.name, "handles": [b.handle], "hashtags": [b.hashtag],
                "category": b.category
            })
        })
        .collect();
    Profile::from_json(&serde_json::json!({ "version": 1, "brands": brands }).to_string())
        .expect("the corpus brands make a valid profile")
}

/// The intent class of a label as the corpus files write it.
fn intent_index(name: &str) -> Option<usize> {
    INTENTS.iter().position(|i: &Intent| i.as_str() == name)
}

fn features_of(text: &str, matcher: &Matcher) -> Vec<u32> {
    model::features(&read_with_rules(text, matcher).signals(text))
}

/// Davidson et al.'s tweets (`class`: 0 hate speech, 1 offensive, 2 neither), as abusive or not.
fn davidson_rows(dir: &Path) -> Result<Vec<(String, bool)>, CorpusError> {
    let path = dir.join("labeled_data.csv");
    let mut reader = csv::Reader::from_path(&path)
        .map_err(|e| CorpusError(format!("{}: {e}", path.display())))?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| CorpusError(format!("{}: {e}", path.display())))?;
        let (Some(class), Some(text)) = (record.get(5), record.get(6)) else {
            continue;
        };
        rows.push((text.to_string(), class != "2"));
    }
    Ok(rows)
}

/// Trains the shipped model from the repository's data (`root` is the repository): the
/// corpus' train split and Davidson et al.'s tweets, abusive (offensive) or not (any other
/// intent: a partial label).
pub(crate) fn train(root: &Path) -> Result<Model, CorpusError> {
    let (brands, rows) = corpus::load(&root.join("data/corpus"))?;
    let matcher = Matcher::new(&corpus_profile(&brands));
    // The language head learns from the corpus' posts that have words, in their language.
    let languages: Vec<Example> = rows
        .iter()
        .filter(|r| r.split == Split::Train && r.reply_language == r.language)
        .map(|r| {
            let masked = masked_text(&r.text, &matcher.find(&r.text)).to_lowercase();
            let class = model::LANGUAGES.iter().position(|&l| l == r.language);
            Example {
                features: model::language_features(&masked),
                intent: 1 << class.expect("templates are in the reply languages"),
                weight: 1.0,
            }
        })
        .collect();
    let language = fit(&languages, model::LANGUAGES.len());
    // The intent head reads the language the engine will detect, with this language head.
    Model {
        intent: Head::zero(INTENTS.len()),
        language: language.clone(),
        decisions: Decisions::NEVER,
    }
    .use_fresh();
    let davidson = davidson_examples(root, &matcher)?;
    let train: Vec<&Row> = rows.iter().filter(|r| r.split == Split::Train).collect();
    let decisions = fit_decisions(&held_out(&train, &davidson, &matcher));
    Ok(Model {
        intent: intent_head(&train, &davidson, &matcher),
        language,
        decisions,
    })
}

/// Davidson et al.'s tweets as intent examples: abusive (offensive) or not (any other intent:
/// a partial label).
fn davidson_examples(root: &Path, matcher: &Matcher) -> Result<Vec<Example>, CorpusError> {
    let offensive = 1 << intent_index("offensive").unwrap();
    let all = (1u8 << INTENTS.len()) - 1;
    Ok(davidson_rows(&root.join("data/mit/davidson"))?
        .into_iter()
        .map(|(text, abusive)| Example {
            features: features_of(&text, matcher),
            intent: if abusive { offensive } else { all & !offensive },
            weight: DAVIDSON_WEIGHT,
        })
        .collect())
}

/// How much worse a harmful act counts than a wrong one when the decisions are fitted: an
/// apology to a fan, or thanks for a complaint, costs a brand far more than a reply that
/// misses (3 and 8 were measured too, ACCURACY.md).
const HARM_COST: f32 = 5.0;

/// A train post read by an intent head that never saw its template.
struct HeldOut<'a> {
    row: &'a Row,
    rules: Intent,
    likely: Vec<Likely>,
    /// It names no brand but a category's words.
    category: bool,
    /// It names a brand (the model decides only such posts).
    names_a_brand: bool,
}

/// The position of a row's template among its kind's templates (`en/praise/3` → 3).
fn template_index(family: &str) -> usize {
    family
        .rsplit('/')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Every train post read by a head fitted on the train posts of the other template positions,
/// one fold per position: how the model reads sentence shapes it has not seen.
fn held_out<'a>(train: &[&'a Row], davidson: &[Example], matcher: &Matcher) -> Vec<HeldOut<'a>> {
    let mut positions: Vec<usize> = train.iter().map(|r| template_index(&r.family)).collect();
    positions.sort_unstable();
    positions.dedup();
    let mut out = Vec::with_capacity(train.len());
    for position in positions {
        let (held, rest): (Vec<&Row>, Vec<&Row>) = train
            .iter()
            .partition(|r| template_index(&r.family) == position);
        let head = intent_head(&rest, davidson, matcher);
        for row in held {
            let reading = read_with_rules(&row.text, matcher);
            let probabilities = head.probabilities(&model::features(&reading.signals(&row.text)));
            let mut likely: Vec<Likely> = INTENTS
                .iter()
                .zip(probabilities)
                .map(|(&intent, probability)| Likely {
                    intent,
                    probability,
                })
                .collect();
            likely.sort_by(|a, b| b.probability.total_cmp(&a.probability));
            out.push(HeldOut {
                row,
                rules: reading.intent,
                category: reading.spans.is_empty() && !matcher.find_category(&row.text).is_empty(),
                names_a_brand: !reading.spans.is_empty(),
                likely,
            });
        }
    }
    out
}

/// The act the engine gives a held-out post under `decisions`.
fn held_out_act(h: &HeldOut<'_>, decisions: &Decisions) -> ReplyAct {
    let decisions = if h.names_a_brand {
        decisions
    } else {
        &Decisions::NEVER
    };
    let intent = decide(h.rules, &h.likely, decisions);
    if reads_the_other_way(intent, &h.likely) {
        return ReplyAct::None;
    }
    match ReplyAct::for_intent(intent) {
        ReplyAct::Answer if h.category => ReplyAct::Advise,
        act => act,
    }
}

/// The decisions that do best on the held-out posts (a right act counts 1, a harmful one
/// −[`HARM_COST`]): for each intent, how sure the model must be to decide a post the rules find
/// nothing in, each in turn from a grid, four rounds. The caution ([`crate::CAUTION`]) is
/// not fitted here: half the corpus' kinds are hard cases, and fitted on them it would leave
/// plain praise without a reply (ACCURACY.md).
fn fit_decisions(held: &[HeldOut<'_>]) -> Decisions {
    let worth = |d: &Decisions| -> f32 {
        held.iter()
            .map(|h| {
                let act = held_out_act(h, d);
                let right = gold_act_matches(&h.row.act, act) as u8 as f32;
                right - HARM_COST * harmful(&h.row.act, act) as u8 as f32
            })
            .sum()
    };
    // Above 1: never.
    let bars: Vec<f32> = (6..20).map(|i| i as f32 / 20.0).chain([2.0]).collect();
    let mut d = Decisions { decides: [2.0; 6] };
    for _ in 0..4 {
        for (i, &intent) in INTENTS.iter().enumerate() {
            if intent != Intent::Other {
                d.decides[i] = best(&bars, |v| {
                    let mut t = d;
                    t.decides[i] = v;
                    worth(&t)
                });
            }
        }
    }
    d
}

/// The value that scores best; on a tie, the larger (the more cautious).
fn best(values: &[f32], score: impl Fn(f32) -> f32) -> f32 {
    let mut best = (f32::NEG_INFINITY, values[0]);
    for &v in values {
        let s = score(v);
        if s >= best.0 {
            best = (s, v);
        }
    }
    best.1
}

/// The intent head fitted on these corpus rows and Davidson's tweets.
fn intent_head(rows: &[&Row], davidson: &[Example], matcher: &Matcher) -> Head {
    let mut examples: Vec<Example> = rows
        .iter()
        .map(|r| {
            let intent = intent_index(&r.intent).expect("kinds.tsv names known intents");
            Example {
                features: features_of(&r.text, matcher),
                intent: 1 << intent,
                weight: 1.0,
            }
        })
        .collect();
    examples.extend(davidson.iter().cloned());
    fit(&examples, INTENTS.len())
}

/// One softmax regression over the examples that have this head's label, classes weighted
/// so that each counts as much as the others, then stored as bytes with a scale per class.
fn fit(examples: &[Example], classes: usize) -> Head {
    // Classes are weighted by the plainly labelled examples; a partly labelled one weighs 1.
    let mut totals = vec![0f32; classes];
    for e in examples {
        if e.intent.count_ones() == 1 {
            totals[e.intent.trailing_zeros() as usize] += e.weight;
        }
    }
    let sum: f32 = totals.iter().sum();
    let class_weight: Vec<f32> = totals
        .iter()
        .map(|&t| {
            if t > 0.0 {
                sum / (classes as f32 * t)
            } else {
                0.0
            }
        })
        .collect();
    let mut weights = vec![0f32; classes * BUCKETS];
    let mut squares = vec![1e-6f32; classes * BUCKETS];
    let mut bias = vec![0f32; classes];
    let mut bias_squares = vec![1e-6f32; classes];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix(0x4a7_7117);
    let mut scores = vec![0f32; classes];
    let mut target = vec![0f32; classes];
    for _ in 0..EPOCHS {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &i in &order {
            let example = &examples[i];
            let mask = example.intent;
            for (c, score) in scores.iter_mut().enumerate() {
                let row = &weights[c * BUCKETS..];
                *score = bias[c]
                    + example
                        .features
                        .iter()
                        .map(|&f| row[f as usize])
                        .sum::<f32>();
            }
            model::softmax(&mut scores);
            // The target spreads over the allowed classes as the model already does, so a
            // partial label ("not offensive") only pushes away from the classes it rules out.
            let allowed: f32 = (0..classes)
                .filter(|c| mask >> c & 1 == 1)
                .map(|c| scores[c])
                .sum();
            for c in 0..classes {
                target[c] = if mask >> c & 1 == 1 {
                    scores[c] / allowed.max(1e-9)
                } else {
                    0.0
                };
            }
            let strength = example.weight
                * if mask.count_ones() == 1 {
                    class_weight[mask.trailing_zeros() as usize]
                } else {
                    1.0
                };
            for c in 0..classes {
                let g = (scores[c] - target[c]) * strength;
                bias_squares[c] += g * g;
                bias[c] -= LEARNING_RATE * g / bias_squares[c].sqrt();
                for &f in &example.features {
                    let k = c * BUCKETS + f as usize;
                    let l2 = if model::is_signal(f) {
                        L2_SIGNALS
                    } else {
                        L2_WORDS
                    };
                    let gk = g + l2 * weights[k];
                    squares[k] += gk * gk;
                    weights[k] -= LEARNING_RATE * gk / squares[k].sqrt();
                }
            }
        }
    }
    quantize(&weights, bias, classes)
}

fn quantize(weights: &[f32], bias: Vec<f32>, classes: usize) -> Head {
    let mut scale = Vec::with_capacity(classes);
    let mut bytes = Vec::with_capacity(weights.len());
    for c in 0..classes {
        let row = &weights[c * BUCKETS..(c + 1) * BUCKETS];
        let max = row.iter().fold(0f32, |m, w| m.max(w.abs()));
        let s = if max > 0.0 { max / 127.0 } else { 1.0 };
        scale.push(s);
        bytes.extend(
            row.iter()
                .map(|w| (w / s).round().clamp(-127.0, 127.0) as i8),
        );
    }
    Head {
        scale,
        bias,
        weights: bytes,
    }
}

/// The harmful mistakes: an apology to praise, thanks to a complaint, a reply to a troll, or
/// moderation of an ordinary post.
pub fn harmful(gold: &str, act: ReplyAct) -> bool {
    match (gold, act) {
        ("thank", ReplyAct::ApologizeHelp) | ("apologize_help", ReplyAct::Thank) => true,
        ("moderate", a) => !matches!(a, ReplyAct::Moderate | ReplyAct::None),
        (_, ReplyAct::Moderate) => true,
        _ => false,
    }
}

/// Counts for one way of answering (the engine, or the rules alone) on one split.
#[derive(Debug, Default, serde::Serialize)]
pub struct Score {
    pub rows: usize,
    pub act_right: usize,
    pub harmful: usize,
    pub act_in_offered: usize,
    /// Rows answered with a reply, and those in the right language.
    pub replies: usize,
    pub reply_language_right: usize,
    /// Per kind: rows and right acts.
    pub kinds: BTreeMap<String, (usize, usize)>,
    /// Per language: rows, right acts and harmful acts.
    pub languages: BTreeMap<String, (usize, usize, usize)>,
    /// Per gold act, the acts given and how often.
    pub confusion: BTreeMap<String, BTreeMap<&'static str, usize>>,
    /// A few harmful answers, as `gold → given: text`, to read.
    pub harmful_examples: Vec<String>,
    /// Per language, the reply languages given.
    pub reply_languages: BTreeMap<String, BTreeMap<String, usize>>,
    /// A few replies in the wrong language, as `wanted → given: text`.
    pub language_examples: Vec<String>,
    /// Per kind, a few wrong acts, as `language given: text`, to read.
    pub wrong_examples: BTreeMap<String, Vec<String>>,
    /// A few posts whose right act is not among those offered, as `gold ∉ offered: text`.
    pub not_offered_examples: Vec<String>,
    /// Per group of templates (`1-5`: the first five of each kind, `6-8`: those written
    /// later): rows, right acts, harmful acts and right acts among those offered.
    pub template_groups: BTreeMap<&'static str, (usize, usize, usize, usize)>,
}

/// The group of templates a row's family belongs to: the first five of each kind, written
/// first, or the later ones.
fn template_group(family: &str) -> &'static str {
    if template_index(family) < 5 {
        "1-5"
    } else {
        "6-8"
    }
}

/// The engine and the rules alone on the corpus' `split`, with the model the repository's data
/// and code make now (the shipped one, when `--check` passes).
pub fn report(root: &Path, split: Split) -> Result<serde_json::Value, CorpusError> {
    let model = train(root)?;
    let decisions = model.decisions;
    model.use_fresh();
    let (brands, rows) = corpus::load(&root.join("data/corpus"))?;
    let engine = Engine::new(corpus_profile(&brands));
    let matcher = Matcher::new(engine.profile());
    let mut counts: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    for r in &rows {
        *counts
            .entry(r.language.clone())
            .or_default()
            .entry(r.split.as_str())
            .or_default() += 1;
    }
    let mut engine_score = Score::default();
    let mut rules_score = Score::default();
    // Per language, the gold sentiment and the one given: how often.
    let mut sentiment: BTreeMap<&str, BTreeMap<&str, BTreeMap<&str, usize>>> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.split == split) {
        let analysis = engine.analyze(&Post {
            text: &row.text,
            ..Post::default()
        });
        *sentiment
            .entry(&row.language)
            .or_default()
            .entry(&row.sentiment)
            .or_default()
            .entry(analysis.sentiment.label.as_str())
            .or_default() += 1;
        let act = analysis.reply.act;
        let offered = analysis.offered_acts();
        score(
            &mut engine_score,
            row,
            act,
            &offered,
            analysis.reply.language,
        );
        let rules = rules_act(&row.text, &matcher);
        score(
            &mut rules_score,
            row,
            rules,
            &[rules],
            analysis.reply.language,
        );
    }
    Ok(serde_json::json!({
        "split": split.as_str(),
        "rows": counts,
        "decisions": {
            "model_decides": INTENTS.iter().zip(decisions.decides)
                .filter(|(_, bar)| *bar <= 1.0)
                .map(|(i, bar)| (i.as_str(), hundredths(bar)))
                .collect::<BTreeMap<_, _>>(),
        },
        "engine": engine_score,
        "rules": rules_score,
        "sentiment": sentiment,
        "corrections": corrections_help(&brands, &rows, split),
    }))
}

/// The corpus' `split` as JSON lines (`id`, `text`, `language`, `kind`, `family`, `intent`,
/// `sentiment`, `act`), for scripts that run the CLI over it; also writes the corpus' brands as
/// a profile to `target/corpus-profile.json`, for `hattip analyze --profile`.
pub fn rows_jsonl(root: &Path, split: Split) -> Result<String, CorpusError> {
    let (brands, rows) = corpus::load(&root.join("data/corpus"))?;
    let profile = serde_json::to_string(&corpus_profile(&brands))
        .map_err(|e| CorpusError(format!("the corpus profile: {e}")))?;
    let path = root.join("target/corpus-profile.json");
    std::fs::create_dir_all(root.join("target"))
        .and_then(|()| std::fs::write(&path, profile))
        .map_err(|e| CorpusError(format!("{}: {e}", path.display())))?;
    let mut out = String::new();
    for (id, row) in rows.iter().filter(|r| r.split == split).enumerate() {
        let line = serde_json::json!({
            "id": id,
            "text": row.text,
            "language": row.language,
            "kind": row.kind,
            "family": row.family,
            "intent": row.intent,
            "sentiment": row.sentiment,
            "act": row.act,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    Ok(out)
}

/// `v` rounded to hundredths, for JSON.
fn hundredths(v: f32) -> f64 {
    (f64::from(v) * 100.0).round() / 100.0
}

/// The act the rules alone give a post, as the engine would without the model or corrections.
fn rules_act(text: &str, matcher: &Matcher) -> ReplyAct {
    let reading = read_with_rules(text, matcher);
    match ReplyAct::for_intent(reading.intent) {
        ReplyAct::Answer if reading.spans.is_empty() && !matcher.find_category(text).is_empty() => {
            ReplyAct::Advise
        }
        act => act,
    }
}

/// What the card's corrections do to the other posts: the user corrects the first post of each
/// template family the engine gets wrong (with the family's intent), and every other post of
/// the split is read again. `fixed`: wrong before and right after; `broken`: the reverse.
fn corrections_help(brands: &[Brand], rows: &[Row], split: Split) -> serde_json::Value {
    let plain = Engine::new(corpus_profile(brands));
    let mut taught = Engine::new(corpus_profile(brands));
    let of_split: Vec<&Row> = rows.iter().filter(|r| r.split == split).collect();
    let act_of = |engine: &Engine, row: &Row| {
        engine
            .analyze(&Post {
                text: &row.text,
                ..Post::default()
            })
            .reply
            .act
    };
    let before: Vec<bool> = of_split
        .iter()
        .map(|r| gold_act_matches(&r.act, act_of(&plain, r)))
        .collect();
    let mut corrected = std::collections::BTreeSet::new();
    let mut families = std::collections::BTreeSet::new();
    for (i, row) in of_split.iter().enumerate() {
        if !before[i] && families.insert(row.family.as_str()) {
            let intent = INTENTS[intent_index(&row.intent).expect("known intent")];
            taught.correct(&row.text, intent);
            corrected.insert(i);
        }
    }
    let (mut fixed, mut broken, mut read) = (0, 0, 0);
    for (i, row) in of_split.iter().enumerate() {
        if corrected.contains(&i) {
            continue;
        }
        read += 1;
        let after = gold_act_matches(&row.act, act_of(&taught, row));
        fixed += (!before[i] && after) as usize;
        broken += (before[i] && !after) as usize;
    }
    serde_json::json!({
        "corrections": corrected.len(),
        "rows_read_again": read,
        "fixed": fixed,
        "broken": broken,
    })
}

fn score(s: &mut Score, row: &Row, act: ReplyAct, offered: &[ReplyAct], language: &str) {
    let right = gold_act_matches(&row.act, act);
    s.rows += 1;
    s.act_right += right as usize;
    s.harmful += harmful(&row.act, act) as usize;
    let in_offered = offered.iter().any(|&a| gold_act_matches(&row.act, a));
    s.act_in_offered += in_offered as usize;
    let group = s
        .template_groups
        .entry(template_group(&row.family))
        .or_default();
    group.0 += 1;
    group.1 += right as usize;
    group.2 += harmful(&row.act, act) as usize;
    group.3 += in_offered as usize;
    if !in_offered && s.not_offered_examples.len() < 60 {
        let acts: Vec<&str> = offered.iter().map(|a| a.as_str()).collect();
        s.not_offered_examples
            .push(format!("{} ∉ {}: {}", row.act, acts.join(","), row.text));
    }
    // A troll gets no reply, so no reply language.
    if !language.is_empty() {
        s.replies += 1;
        s.reply_language_right += (language == row.reply_language) as usize;
        if language != row.reply_language && s.language_examples.len() < 60 {
            s.language_examples
                .push(format!("{} → {language}: {}", row.reply_language, row.text));
        }
    }
    *s.reply_languages
        .entry(row.language.clone())
        .or_default()
        .entry(language.to_string())
        .or_default() += 1;
    if !right {
        let wrong = s.wrong_examples.entry(row.kind.clone()).or_default();
        if wrong.len() < 40 {
            wrong.push(format!("{} {}: {}", row.language, act.as_str(), row.text));
        }
    }
    let kind = s.kinds.entry(row.kind.clone()).or_default();
    kind.0 += 1;
    kind.1 += right as usize;
    let language = s.languages.entry(row.language.clone()).or_default();
    language.0 += 1;
    language.1 += right as usize;
    language.2 += harmful(&row.act, act) as usize;
    if harmful(&row.act, act) && s.harmful_examples.len() < 40 {
        s.harmful_examples
            .push(format!("{} → {}: {}", row.act, act.as_str(), row.text));
    }
    *s.confusion
        .entry(row.act.clone())
        .or_default()
        .entry(act.as_str())
        .or_default() += 1;
}

/// A troll is answered rightly by moderation or by no reply at all.
fn gold_act_matches(gold: &str, act: ReplyAct) -> bool {
    act.as_str() == gold || (gold == "moderate" && act == ReplyAct::None)
}

/// Trains and writes `src/analyze/model.bin`, or with `check` only compares; the bytes written
/// or compared, and whether they equal the file.
pub fn train_to_file(root: &Path, check: bool) -> Result<(usize, bool), CorpusError> {
    let bytes = train(root)?.to_bytes();
    let path = root.join("src/analyze/model.bin");
    let same = std::fs::read(&path).is_ok_and(|old| old == bytes);
    if !check {
        std::fs::write(&path, &bytes)
            .map_err(|e| CorpusError(format!("{}: {e}", path.display())))?;
    }
    Ok((bytes.len(), same))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(act: &str) -> Row {
        Row {
            text: String::new(),
            language: "en".into(),
            kind: String::new(),
            family: "en/praise/0".into(),
            split: Split::Train,
            intent: String::new(),
            sentiment: String::new(),
            act: act.into(),
            about: "brand".into(),
            reply_language: "en".into(),
        }
    }

    fn held<'a>(row: &'a Row, intent: Intent, p: f32) -> HeldOut<'a> {
        HeldOut {
            row,
            rules: Intent::Other,
            likely: vec![
                Likely {
                    intent,
                    probability: p,
                },
                Likely {
                    intent: Intent::Other,
                    probability: 1.0 - p,
                },
            ],
            category: false,
            names_a_brand: true,
        }
    }

    #[test]
    fn decisions_take_the_model_where_it_is_right_and_not_where_it_would_harm() {
        let (thank, sorry, engage) = (row("thank"), row("apologize_help"), row("engage"));
        // Sure praise is praise; unsure praise is as often a complaint, which thanks would hurt.
        let mut posts: Vec<HeldOut> = (0..10).map(|_| held(&thank, Intent::Praise, 0.8)).collect();
        posts.extend((0..3).map(|_| held(&thank, Intent::Praise, 0.5)));
        posts.extend((0..3).map(|_| held(&sorry, Intent::Praise, 0.5)));
        // The model's questions here are all plain mentions: it never decides them.
        posts.extend((0..5).map(|_| held(&engage, Intent::Question, 0.9)));
        let d = fit_decisions(&posts);
        assert!(d.threshold(Intent::Praise) > 0.5 && d.threshold(Intent::Praise) <= 0.8);
        assert!(d.threshold(Intent::Question) > 1.0);
        assert!(d.threshold(Intent::Other) > 1.0);
    }
}
