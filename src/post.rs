//! A post as the engine sees it: its visible text, where it was written and who wrote it. A
//! leaf module, so that understanding (`analyze`) and drafting (`reply`) both read posts without
//! importing each other. In JSON (the CLI and the browser's messages) a `null` optional field
//! means the same as a missing one.

use serde::{Deserialize, Deserializer, Serialize};

/// Where a post was written; replies follow the platform's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    X,
    Facebook,
    #[default]
    Blog,
}

/// Who wrote a post, as far as the page tells: a display name and an @handle (either may be empty).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Author {
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub handle: String,
}

/// A post to analyse: borrowed text and what the site tells about it.
#[derive(Debug, Clone, Default)]
pub struct Post<'a> {
    pub text: &'a str,
    pub platform: Platform,
    pub author: Option<&'a Author>,
}

/// Deserialises `null` as the type's default (for optional fields whose absence has a default).
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}
