//! Hat Tip: finds mentions of a user's brands in social posts and blog comments, works out what
//! kind of mention each one is, and drafts a reply in the brand's voice, all locally.
//!
//! Module map (data moves forward only):
//! - [`profile`]: the brand profile (schema v1), strict validation with field paths.
//! - [`text`]: folding (case, diacritics, width, invisible noise) with UTF-16 offset maps.
//! - [`matcher`]: every brand term in one automaton; word boundaries; exclusions.
//! - [`analyze`]: language, sentiment and intent of a post, and `analyze_post`.
//! - [`reply`]: the reply act and its texts.
//! - `browser` (wasm32 with the default `browser` feature): content script, overlay, insertion, options and popup pages.
//! - `src/bin/hattip.rs`: the command-line front end (`hattip analyze`).
//!
//! The engine modules use no browser types and are tested natively with `cargo test`.

pub mod analyze;
pub mod cli;
pub mod matcher;
pub mod profile;
pub mod reply;
pub mod text;

#[cfg(all(target_arch = "wasm32", feature = "browser"))]
pub mod browser;
