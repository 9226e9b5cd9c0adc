//! The project's labelled corpus (`data/corpus/`): templates written by the project in each
//! reply language, grouped by kind (`kinds.tsv` gives each kind's labels), expanded into posts
//! by filling `{B}` with an invented brand (as a name, an @handle or a #tag), `{K}` with a
//! category phrase and each `{a|b|c}` with one of its choices. Everything is deterministic: a
//! template's rows depend only on the template and its place in the file. A template is a
//! family: all its rows go to one split (train, dev or test), chosen by its place among its
//! kind's templates, so no split ever sees a sentence shape another was built from.

use std::fmt;
use std::path::Path;

/// Rows made from one template at most.
const ROWS_PER_TEMPLATE: usize = 16;

/// Where a row is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Split {
    Train,
    Dev,
    Test,
}

impl Split {
    /// The split of the `index`th template of a kind: of the first eight, two train, one dev,
    /// one test, twice; every later one trains (dev and test stay the sentence shapes they were).
    fn of(index: usize) -> Split {
        match index {
            2 | 6 => Split::Dev,
            3 | 7 => Split::Test,
            _ => Split::Train,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Dev => "dev",
            Split::Test => "test",
        }
    }
}

/// What a kind of post is labelled.
#[derive(Debug, Clone)]
pub struct Kind {
    pub name: String,
    pub intent: String,
    pub sentiment: String,
    pub act: String,
    /// `brand`, or `category` for questions about the brand's category.
    pub about: String,
}

/// One labelled post.
#[derive(Debug, Clone)]
pub struct Row {
    pub text: String,
    pub language: String,
    pub kind: String,
    /// `language/kind/n`: the template it came from.
    pub family: String,
    pub split: Split,
    pub intent: String,
    pub sentiment: String,
    pub act: String,
    pub about: String,
    /// The language a reply should be in: the row's, or for a post with no words (only the
    /// brand and emoji) the profile's, English, as nothing says otherwise.
    pub reply_language: String,
}

/// A brand the templates are filled with.
#[derive(Debug, Clone)]
pub struct Brand {
    pub name: String,
    pub handle: String,
    pub hashtag: String,
    /// The category words its profile lists (`coffee grinder`, `Kaffeemühle`…): one phrase of
    /// every template file's `@K` line, or none.
    pub category: Vec<String>,
}

/// A corpus file that cannot be read, with where.
#[derive(Debug)]
pub struct CorpusError(pub String);

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The corpus in `dir` (`kinds.tsv`, `brands.tsv`, `templates/<language>.txt`), expanded.
pub fn load(dir: &Path) -> Result<(Vec<Brand>, Vec<Row>), CorpusError> {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .map_err(|e| CorpusError(format!("{}: {e}", dir.join(name).display())))
    };
    let kinds: Vec<Kind> = tsv(&read("kinds.tsv")?, 6, "kinds.tsv")?
        .into_iter()
        .map(|f| Kind {
            name: f[0].clone(),
            intent: f[1].clone(),
            sentiment: f[2].clone(),
            act: f[3].clone(),
            about: f[4].clone(),
        })
        .collect();
    let brand_fields = tsv(&read("brands.tsv")?, 5, "brands.tsv")?;
    let mut brands: Vec<Brand> = brand_fields
        .iter()
        .map(|f| Brand {
            name: f[0].clone(),
            handle: f[1].clone(),
            hashtag: f[2].clone(),
            category: Vec::new(),
        })
        .collect();
    let mut files: Vec<_> = std::fs::read_dir(dir.join("templates"))
        .map_err(|e| CorpusError(format!("{}/templates: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut rows = Vec::new();
    let mut phrases: Vec<Vec<String>> = Vec::new();
    for file in files {
        let language = file.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&file)
            .map_err(|e| CorpusError(format!("{}: {e}", file.display())))?;
        let (file_rows, categories) = expand_file(&language, &text, &kinds, &brands)?;
        rows.extend(file_rows);
        phrases.push(categories);
    }
    for (brand, f) in brands.iter_mut().zip(&brand_fields) {
        if f[4] == "-" {
            continue;
        }
        let n: usize = f[4].parse().ok().filter(|&n| n >= 1).ok_or_else(|| {
            CorpusError(format!(
                "brands.tsv: {}: category `{}` is not a number from 1 or -",
                brand.name, f[4]
            ))
        })?;
        for list in &phrases {
            let phrase = list.get(n - 1).ok_or_else(|| {
                CorpusError(format!(
                    "brands.tsv: {}: no phrase {n} on an @K line",
                    brand.name
                ))
            })?;
            brand.category.push(phrase.clone());
        }
    }
    Ok((brands, rows))
}

fn tsv(text: &str, fields: usize, name: &str) -> Result<Vec<Vec<String>>, CorpusError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let f: Vec<String> = l.split('\t').map(str::to_string).collect();
            if f.len() == fields {
                Ok(f)
            } else {
                Err(CorpusError(format!(
                    "{name} line {}: {} fields, expected {fields}",
                    i + 1,
                    f.len()
                )))
            }
        })
        .collect()
}

/// The rows of one language's template file, and its category phrases (the `@K` line).
fn expand_file(
    language: &str,
    text: &str,
    kinds: &[Kind],
    brands: &[Brand],
) -> Result<(Vec<Row>, Vec<String>), CorpusError> {
    let mut rows = Vec::new();
    let mut categories: Vec<String> = Vec::new();
    let mut kind: Option<&Kind> = None;
    let mut index = 0;
    for (n, line) in text.lines().enumerate() {
        let at = |m: &str| CorpusError(format!("templates/{language}.txt line {}: {m}", n + 1));
        let line = line.trim();
        if line.is_empty() || line.starts_with("# ") || line == "#" {
            continue;
        }
        if let Some(list) = line.strip_prefix("@K ") {
            categories = list.split('|').map(|s| s.trim().to_string()).collect();
        } else if let Some(name) = line.strip_prefix("## ") {
            kind = Some(
                kinds
                    .iter()
                    .find(|k| k.name == name.trim())
                    .ok_or_else(|| at(&format!("unknown kind `{name}`")))?,
            );
            index = 0;
        } else {
            let kind = kind.ok_or_else(|| at("a template before any `## kind`"))?;
            let family = format!("{language}/{}/{index}", kind.name);
            let template = parse(line).map_err(|m| at(&m))?;
            for text in fill(&template, &family, &kind.name, brands, &categories) {
                let wordless = !template.iter().any(|p| match p {
                    Piece::Text(t) => t.chars().any(char::is_alphabetic),
                    Piece::Choice(c) => c.iter().any(|t| t.chars().any(char::is_alphabetic)),
                    Piece::Category => true,
                    Piece::Brand => false,
                });
                rows.push(Row {
                    reply_language: if wordless { "en" } else { language }.to_string(),
                    text,
                    language: language.to_string(),
                    kind: kind.name.clone(),
                    family: family.clone(),
                    split: Split::of(index),
                    intent: kind.intent.clone(),
                    sentiment: kind.sentiment.clone(),
                    act: kind.act.clone(),
                    about: kind.about.clone(),
                });
            }
            index += 1;
        }
    }
    Ok((rows, categories))
}

/// A piece of a template.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Choice(Vec<String>),
    Brand,
    Category,
}

fn parse(line: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            pieces.push(Piece::Text(rest[..open].to_string()));
        }
        let close = rest[open..].find('}').ok_or("a `{` without its `}`")? + open;
        let inner = &rest[open + 1..close];
        pieces.push(match inner {
            "B" => Piece::Brand,
            "K" => Piece::Category,
            _ if inner.contains('|') => {
                Piece::Choice(inner.split('|').map(str::to_string).collect())
            }
            _ => {
                return Err(format!(
                    "`{{{inner}}}` is neither {{B}}, {{K}} nor a choice"
                ))
            }
        });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    Ok(pieces)
}

/// A template's rows: up to [`ROWS_PER_TEMPLATE`] different combinations of its choices.
fn fill(
    template: &[Piece],
    family: &str,
    kind: &str,
    brands: &[Brand],
    categories: &[String],
) -> Vec<String> {
    let mut rng = SplitMix(fnv(family));
    let radices: Vec<usize> = template
        .iter()
        .filter_map(|p| match p {
            Piece::Choice(c) => Some(c.len()),
            _ => None,
        })
        .collect();
    let combinations: usize = radices.iter().product();
    let mut order: Vec<usize> = (0..combinations).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    order.truncate(ROWS_PER_TEMPLATE);
    let mut rows = Vec::with_capacity(order.len());
    for (r, mut combination) in order.into_iter().enumerate() {
        let brand = &brands[rng.below(brands.len())];
        let mut text = String::new();
        for piece in template {
            match piece {
                Piece::Text(t) => text.push_str(t),
                Piece::Choice(options) => {
                    text.push_str(&options[combination % options.len()]);
                    combination /= options.len();
                }
                Piece::Brand => match r % 3 {
                    _ if kind == "praise_caps" => text.push_str(&brand.name),
                    0 => text.push_str(&brand.name),
                    1 => text.push_str(&format!("@{}", brand.handle)),
                    _ => text.push_str(&format!("#{}", brand.hashtag)),
                },
                Piece::Category if !categories.is_empty() => {
                    text.push_str(&categories[rng.below(categories.len())])
                }
                Piece::Category => {}
            }
        }
        // People often write without capitals; shouting stays shouting.
        if r % 5 == 4 && kind != "praise_caps" {
            text = text.to_lowercase();
        }
        rows.push(text);
    }
    rows
}

/// FNV-1a, 64 bits: a stable seed from a name.
pub(crate) fn fnv(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// SplitMix64: a small deterministic generator, the same on every machine.
pub(crate) struct SplitMix(pub u64);

impl SplitMix {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_parse_and_fill_deterministically() {
        let t = parse("Thanks {B}, {great|lovely} {day|week}!").unwrap();
        assert_eq!(t.len(), 7);
        let brands = vec![Brand {
            name: "Acme".into(),
            handle: "acme".into(),
            hashtag: "Acme".into(),
            category: Vec::new(),
        }];
        let a = fill(&t, "en/praise/0", "praise", &brands, &[]);
        assert_eq!(a.len(), 4, "every combination once");
        assert_eq!(a, fill(&t, "en/praise/0", "praise", &brands, &[]));
        assert!(a.iter().any(|r| r.contains("@acme")));
        assert!(parse("{oops").is_err());
        assert!(parse("{X}").is_err());
    }

    #[test]
    fn every_reply_language_has_enough_rows_of_every_kind() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
        let (_, rows) = load(&dir).unwrap();
        for language in ["en", "es", "fr", "de", "it", "pt", "nl", "ja"] {
            let of: Vec<&Row> = rows.iter().filter(|r| r.language == language).collect();
            assert!(of.len() >= 1400, "{language}: {} rows", of.len());
            for split in [Split::Train, Split::Dev, Split::Test] {
                let kinds: std::collections::BTreeSet<&str> = of
                    .iter()
                    .filter(|r| r.split == split)
                    .map(|r| r.kind.as_str())
                    .collect();
                assert_eq!(kinds.len(), 15, "{language} {}: {kinds:?}", split.as_str());
            }
        }
    }

    #[test]
    fn splits_follow_the_template_not_the_row() {
        let splits: Vec<_> = (0..12).map(Split::of).collect();
        use Split::*;
        assert_eq!(
            splits,
            [Train, Train, Dev, Test, Train, Train, Dev, Test, Train, Train, Train, Train]
        );
    }
}
