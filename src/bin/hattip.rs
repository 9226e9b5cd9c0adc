//! `hattip`: the engine on the command line (see `hattip::cli` for the contract).

use std::io::{self, BufWriter};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let profile = match hattip::cli::profile_from_args(&args) {
        Ok(p) => p,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let stdout = BufWriter::new(io::stdout().lock());
    match hattip::cli::run_analyze(&profile, io::stdin().lock(), stdout, io::stderr()) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(bad) => {
            eprintln!("{bad} line(s) could not be analysed");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("hattip: {e}");
            ExitCode::FAILURE
        }
    }
}
