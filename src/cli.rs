//! The command-line front end of the engine: `hattip analyze [--profile FILE]` reads JSON Lines
//! posts on stdin and writes one JSON line of analysis per post. Kept in the library (not the
//! binary) so the contract is unit-tested; `src/bin/hattip.rs` only wires stdin/stdout.

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};

use crate::engine::{Analysis, Engine};
use crate::post::{null_as_default, Author, Platform, Post};
use crate::profile::Profile;

pub const USAGE: &str = "usage: hattip analyze [--profile FILE] < posts.jsonl > analyses.jsonl

Reads one JSON object per line: {\"id\", \"text\", \"platform\"?: \"x\"|\"facebook\"|\"blog\",
\"author\"?: {\"name\"?, \"handle\"?}} (null means absent) and writes one line per post:
{\"id\", \"mentions\": [{\"brand\", \"text\", \"start\", \"end\"}], \"language\",
 \"sentiment\": {\"label\", \"score\"}, \"intent\", \"reasons\",
 \"reply\": {\"act\", \"language\", \"text\", \"alternatives\", \"moves\"}}
Offsets are UTF-16 code units. Without --profile the built-in demo profile is used.
A bad line (not JSON, a wrong field, not UTF-8) is reported on stderr with its line number; the
others are still answered, and the exit status is 1 at the end. A UTF-8 byte-order mark and CRLF
line ends are accepted.";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InputPost {
    id: serde_json::Value,
    text: String,
    #[serde(default, deserialize_with = "null_as_default")]
    platform: Platform,
    #[serde(default)]
    author: Option<Author>,
}

#[derive(Serialize)]
struct OutputLine<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

/// Parses the arguments after the program name; returns the profile to use.
pub fn profile_from_args(args: &[String]) -> Result<Profile, String> {
    match args {
        [cmd] if cmd == "analyze" => Ok(Profile::demo()),
        [cmd, flag, path] if cmd == "analyze" && flag == "--profile" => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            Profile::from_json(&text).map_err(|e| format!("{path}: {e}"))
        }
        _ => Err(USAGE.to_string()),
    }
}

/// Analyses every line of `input`; returns how many lines were refused.
pub fn run_analyze(
    profile: &Profile,
    input: impl BufRead,
    mut out: impl Write,
    mut err: impl Write,
) -> std::io::Result<usize> {
    let engine = Engine::new(profile.clone());
    let mut bad = 0;
    for (i, bytes) in input.split(b'\n').enumerate() {
        let bytes = bytes?;
        // A line that is not UTF-8 is refused on its own; the lines after it are still read.
        let line = match std::str::from_utf8(&bytes) {
            Ok(line) => line,
            Err(e) => {
                bad += 1;
                writeln!(
                    err,
                    "line {}: not UTF-8 (invalid byte at column {})",
                    i + 1,
                    e.valid_up_to() + 1
                )?;
                continue;
            }
        };
        // A byte-order mark on the first line and Windows line ends are not part of the JSON.
        let line = if i == 0 {
            line.strip_prefix('\u{feff}').unwrap_or(line)
        } else {
            line
        };
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let de = &mut serde_json::Deserializer::from_str(line);
        let post: InputPost = match serde_path_to_error::deserialize(de) {
            Ok(p) => p,
            Err(e) => {
                bad += 1;
                let path = e.path().to_string();
                let field = if path == "." {
                    String::new()
                } else {
                    format!("{path}: ")
                };
                writeln!(err, "line {}: {field}{}", i + 1, e.into_inner())?;
                continue;
            }
        };
        let analysis = engine.analyze(&Post {
            text: &post.text,
            platform: post.platform,
            author: post.author.as_ref(),
        });
        serde_json::to_writer(
            &mut out,
            &OutputLine {
                id: &post.id,
                analysis: &analysis,
            },
        )?;
        writeln!(out)?;
    }
    Ok(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_good_lines_and_names_bad_ones() {
        let input = "{\"id\":\"a\",\"text\":\"🎉 Love @northwindcoffee!\",\"platform\":\"x\"}\nnot json\n\n{\"id\":7,\"text\":\"no brand\"}\n{\"id\":8}\n";
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let bad = run_analyze(&Profile::demo(), input.as_bytes(), &mut out, &mut err).unwrap();
        assert_eq!(bad, 2);
        let err = String::from_utf8(err).unwrap();
        assert!(
            err.contains("line 2:")
                && err.contains("line 5:")
                && err.contains("missing field `text`"),
            "{err}"
        );
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        let first = &lines[0];
        assert_eq!(first["id"], "a");
        assert_eq!(first["mentions"][0]["brand"], "Northwind Coffee");
        assert_eq!(first["mentions"][0]["text"], "@northwindcoffee");
        assert_eq!(
            (
                first["mentions"][0]["start"].as_u64(),
                first["mentions"][0]["end"].as_u64()
            ),
            (Some(8), Some(24))
        );
        assert_eq!(first["sentiment"]["label"], "positive");
        assert_eq!(first["intent"], "praise");
        assert_eq!(first["reply"]["act"], "thank");
        assert_eq!(lines[1]["id"], 7);
        assert_eq!(lines[1]["reply"]["act"], "none");
        assert_eq!(lines[1]["mentions"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn null_optional_fields_are_absent_but_wrong_types_are_refused() {
        let input = concat!(
            "{\"id\":1,\"text\":\"Love @northwindcoffee\",\"platform\":null,\"author\":{\"name\":\"Ana\",\"handle\":null}}\n",
            "{\"id\":2,\"text\":\"Love @northwindcoffee\",\"author\":null}\n",
            "{\"id\":3,\"text\":\"Love @northwindcoffee\",\"author\":{\"name\":null}}\n",
            "{\"id\":4,\"text\":\"x\",\"author\":{\"handle\":5}}\n",
            "{\"id\":5,\"text\":null}\n",
        );
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let bad = run_analyze(&Profile::demo(), input.as_bytes(), &mut out, &mut err).unwrap();
        let err = String::from_utf8(err).unwrap();
        assert_eq!(bad, 2, "{err}");
        assert!(
            err.contains("line 4: author.handle: invalid type: integer `5`"),
            "{err}"
        );
        assert!(err.contains("line 5: text: invalid type: null"), "{err}");
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out.lines().count(), 3);
        assert!(
            out.lines().next().unwrap().contains("Ana"),
            "the name is still used: {out}"
        );
    }

    #[test]
    fn a_line_that_is_not_utf8_is_refused_alone_and_a_bom_is_skipped() {
        let mut input = "\u{feff}{\"id\":1,\"text\":\"Love @northwindcoffee\"}\r\n"
            .as_bytes()
            .to_vec();
        input.extend_from_slice(b"{\"id\":2,\"text\":\"caf\xe9 @northwindcoffee\"}\n");
        input.extend_from_slice(b"{\"id\":3,\"text\":\"Love @zephyrair\"}");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let bad = run_analyze(&Profile::demo(), &input[..], &mut out, &mut err).unwrap();
        let err = String::from_utf8(err).unwrap();
        assert_eq!(bad, 1, "{err}");
        assert_eq!(err.trim(), "line 2: not UTF-8 (invalid byte at column 20)");
        let ids: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
            .collect();
        assert_eq!(
            ids,
            [1, 3],
            "line 1 (with its BOM) and the line after the bad one"
        );
    }

    #[test]
    fn argument_forms() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(profile_from_args(&args(&["analyze"])).is_ok());
        assert!(profile_from_args(&args(&["analyse"]))
            .unwrap_err()
            .starts_with("usage"));
        assert!(
            profile_from_args(&args(&["analyze", "--profile", "/nonexistent.json"]))
                .unwrap_err()
                .contains("cannot read")
        );
    }
}
