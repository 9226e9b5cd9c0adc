//! The browser layer (wasm32 only), on top of the engine: the engine as the extension's
//! background runs it ([`background`]), and the extension's own pages ([`options`], [`popup`]).
//! Extension APIs are reached through [`ext`]. Nothing here runs in a web page: the content
//! script is plain JS (`extension/content/`) and only talks to the background. Errors are caught
//! at the entry points and logged once.

mod background;
#[cfg(feature = "bench")]
mod bench;
mod ext;
mod options;
mod popup;
