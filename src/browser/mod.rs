//! The browser layer (wasm32 only): the content script ([`content`]) and the extension pages
//! ([`options`], [`popup`]), on top of the engine. Site knowledge lives in [`sites`]; reading a
//! post's text in [`walk`]; painting in [`highlight`]; the in-page UI in [`overlay`]; putting a
//! reply into the site's editor in [`insert`]; extension APIs in [`ext`]. Errors are caught at
//! the entry points and logged once; nothing is thrown into the page.

pub mod bench;
pub mod content;
pub mod ext;
pub mod highlight;
pub mod insert;
pub mod options;
pub mod overlay;
pub mod popup;
pub mod sites;
pub mod walk;
