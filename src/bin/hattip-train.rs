//! `hattip-train`: rebuilds the shipped model from the repository's data, or checks that it
//! would come out the same, or measures the shipped engine on the corpus.
//!
//! ```text
//! hattip-train                 train and write src/analyze/model.bin
//! hattip-train --check         train and compare with src/analyze/model.bin (exit 1 if different)
//! hattip-train --report SPLIT  the engine and the rules on the corpus' dev or test split (JSON)
//! hattip-train --rows SPLIT    the split's posts with their labels, one JSON object a line, and
//!                              the corpus' brands as a profile in target/corpus-profile.json
//! ```

use std::path::Path;
use std::process::ExitCode;

use hattip::training::{corpus::Split, report, rows_jsonl, train_to_file};

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["--check"] => {
            let check = !args.is_empty();
            train_to_file(root, check).map(|(bytes, same)| {
                if check && !same {
                    eprintln!("src/analyze/model.bin differs from what the data and code make: run ./build.sh train");
                    return false;
                }
                let what = if check { "checked" } else { "wrote" };
                println!("{what} src/analyze/model.bin ({bytes} bytes){}", if same { ", unchanged" } else { "" });
                true
            })
        }
        [flag @ ("--report" | "--rows"), split] => {
            let split = match *split {
                "dev" => Split::Dev,
                "test" => Split::Test,
                "train" => Split::Train,
                other => {
                    eprintln!("{flag} takes train, dev or test, not {other}");
                    return ExitCode::from(2);
                }
            };
            if *flag == "--rows" {
                rows_jsonl(root, split).map(|lines| {
                    print!("{lines}");
                    true
                })
            } else {
                report(root, split).map(|json| {
                    println!("{json}");
                    true
                })
            }
        }
        _ => {
            eprintln!("usage: hattip-train [--check | --report dev|test | --rows train|dev|test]");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("hattip-train: {e}");
            ExitCode::FAILURE
        }
    }
}
