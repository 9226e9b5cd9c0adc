//! Native side of the engine benchmark (tests/bench/run.mjs runs it next to the wasm build):
//! `cargo run --release --example matcher_bench -- CORPUS.txt PROFILE.json [PROFILE.json…]`
//! prints one JSON line per profile: parse and compile time, and mention-finding throughput.

use std::time::Instant;

use hattip::{Engine, Profile};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn time<T>(f: impl Fn() -> T) -> f64 {
    median(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = std::fs::read_to_string(&args[0]).expect("corpus");
    for path in &args[1..] {
        let json = std::fs::read_to_string(path).expect("profile");
        let parse_ms = time(|| Profile::from_json(&json).expect("valid profile"));
        let profile = Profile::from_json(&json).expect("valid profile");
        let compile_ms = time(|| Engine::new(profile.clone()));
        let engine = Engine::new(profile);
        let mentions = engine.mentions(&corpus).len();
        let find_ms = time(|| engine.mentions(&corpus));
        let mb = corpus.len() as f64 / 1e6;
        println!(
            "{{\"profile\":\"{path}\",\"brands\":{},\"parse_ms\":{parse_ms:.3},\"compile_ms\":{compile_ms:.3},\"find_ms\":{find_ms:.2},\"mb\":{mb:.2},\"mb_per_s\":{:.1},\"mentions\":{mentions}}}",
            engine.profile().brands.len(),
            mb / (find_ms / 1000.0)
        );
    }
}
