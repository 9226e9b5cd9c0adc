//! Native side of the matcher benchmark (tests/bench/run.mjs runs it next to the wasm builds):
//! `cargo run --release --example matcher_bench -- CORPUS.txt PROFILE.json [PROFILE.json…]`
//! prints one JSON line per profile: compile time and matcher throughput on the corpus.

use std::time::Instant;

use hattip::matcher::Matcher;
use hattip::profile::Profile;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = std::fs::read_to_string(&args[0]).expect("corpus");
    for path in &args[1..] {
        let json = std::fs::read_to_string(path).expect("profile");
        let parse_ms = median((0..5).map(|_| {
            let t = Instant::now();
            std::hint::black_box(Profile::from_json(&json).expect("valid profile"));
            t.elapsed().as_secs_f64() * 1000.0
        }).collect());
        let profile = Profile::from_json(&json).expect("valid profile");
        let compile_ms = median((0..5).map(|_| {
            let t = Instant::now();
            std::hint::black_box(Matcher::new(&profile));
            t.elapsed().as_secs_f64() * 1000.0
        }).collect());
        let matcher = Matcher::new(&profile);
        let mut mentions = 0;
        let find_ms = median((0..5).map(|_| {
            let t = Instant::now();
            mentions = std::hint::black_box(matcher.find(&corpus)).len();
            t.elapsed().as_secs_f64() * 1000.0
        }).collect());
        let mb = corpus.len() as f64 / 1e6;
        println!(
            "{{\"profile\":\"{path}\",\"brands\":{},\"parse_ms\":{parse_ms:.3},\"compile_ms\":{compile_ms:.3},\"find_ms\":{find_ms:.2},\"mb\":{mb:.2},\"mb_per_s\":{:.1},\"mentions\":{mentions}}}",
            profile.brands.len(),
            mb / (find_ms / 1000.0)
        );
    }
}
