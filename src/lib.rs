//! Hat Tip: finds mentions of a user's brands in social posts and blog comments, works out what
//! kind of mention each one is, and drafts a reply in the brand's voice, all locally.
//!
//! The public face is small: an [`Engine`] compiled from a [`Profile`] analyses a [`Post`] into an
//! [`Analysis`]. Everything else is the engine's inside (`pub(crate)`):
//! - `post`, `voice`: leaf vocabularies (what a post is; tones, languages and reply templates).
//! - `profile`: the brand profile (schema v1), strict validation with field paths.
//! - `text`: folding (case, diacritics, width, invisible noise) with UTF-16 offset maps.
//! - `matcher`: every brand term in one automaton; word boundaries; exclusions; typos.
//! - `analyze`: language, sentiment and intent of a post.
//! - `reply`: the reply act and its texts.
//! - `engine`: the facade tying them together; `protocol`: the messages a page's content
//!   script exchanges with the engine in the extension's background.
//! - [`cli`]: the command-line front end (`hattip analyze`).
//! - `training` (the `train` feature): the corpus, training the model and measuring it.
//! - `browser` (wasm32 with the `browser` feature): the background's engine, the options and
//!   popup pages. What runs in web pages is plain JS in `extension/content/` and never loads wasm.
//!
//! The engine modules use no browser types and are tested natively with `cargo test`.

pub(crate) mod analyze;
pub mod cli;
pub(crate) mod engine;
pub(crate) mod matcher;
pub(crate) mod post;
pub(crate) mod profile;
pub(crate) mod protocol;
pub(crate) mod reply;
pub(crate) mod text;
pub(crate) mod voice;

/// Making and measuring the model (the `train` feature: `./build.sh train` and `eval`).
#[cfg(feature = "train")]
pub mod training;

pub use analyze::{Corrections, Intent, Likely, Mention, Sentiment, SentimentLabel};
pub use engine::{Analysis, Engine, CAUTION, WORTH_OFFERING};
pub use post::{Author, Platform, Post};
pub use profile::{Profile, ProfileError};
pub use protocol::answer as answer_request;
pub use reply::{Reply, ReplyAct};
pub use voice::Tone;

#[cfg(all(target_arch = "wasm32", feature = "browser"))]
mod browser;
