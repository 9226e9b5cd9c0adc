//! Site adapters: everything Hat Tip knows about one site's markup lives in that site's file
//! (post, text, author, reply button and composer selectors, which editor it uses), so a site's
//! redesign is a one-file fix. This module picks the adapter for the current page.

pub mod blogger;
pub mod disqus;
pub mod facebook;
pub mod generic;
pub mod wordpress;
pub mod x;

use crate::analyze::Platform;
use web_sys::Document;

/// The kind of editor a composer is, which decides how text is inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorKind {
    DraftJs,
    Lexical,
    TextField,
    ContentEditable,
}

/// One site's markup knowledge. Selectors are CSS; "within post" ones are relative to the post.
#[derive(Debug)]
pub struct Site {
    pub name: &'static str,
    pub platform: Platform,
    /// Host names (exact or as a suffix after a dot) this adapter serves.
    pub hosts: &'static [&'static str],
    /// Present in the DOM only on this site's pages (used where the host says nothing).
    pub marker: &'static str,
    /// One element per post or comment.
    pub post: &'static str,
    /// The post's own text, within the post (empty: the whole post).
    pub text: &'static str,
    /// Within the post: the author's display name, and their @handle if the site shows one.
    pub author_name: &'static str,
    pub author_handle: &'static str,
    /// Within the post: the button that opens a reply composer, if any.
    pub reply_button: &'static str,
    /// Click `reply_button` even when a composer is already on the page (WordPress's reply link
    /// moves the page's one comment form under the comment and threads the reply).
    pub always_click_reply: bool,
    /// Where the reply composer is: first within the post, then in these document-wide places.
    pub composer_in_post: &'static str,
    pub composer_in_page: &'static str,
    /// A send button whose `aria-disabled` tells whether the editor's state holds text.
    pub send_button: &'static str,
    /// The reply box is inside this cross-origin iframe (Blogger's comment form): insertion is
    /// handed to Hat Tip's content script in that frame.
    pub composer_frame: &'static str,
    /// This page is such a frame: it has no posts, only a reply box that takes insertions
    /// handed over from the page around it.
    pub takes_frame_inserts: bool,
}

const SITES: [&Site; 7] = [
    &x::SITE,
    &facebook::SITE,
    &disqus::SITE,
    &blogger::COMMENT_FRAME,
    &blogger::SITE,
    &wordpress::SITE,
    &generic::SITE,
];

fn host_matches(host: &str, pattern: &str) -> bool {
    host == pattern || host.ends_with(&format!(".{pattern}"))
}

/// The adapter for this page: by host name first, then by each site's DOM marker; the generic
/// blog adapter otherwise.
pub fn detect(doc: &Document) -> &'static Site {
    let host = doc.location().and_then(|l| l.hostname().ok()).unwrap_or_default();
    if let Some(site) = SITES.iter().find(|s| s.hosts.iter().any(|h| host_matches(&host, h))) {
        return site;
    }
    SITES
        .iter()
        .find(|s| !s.marker.is_empty() && doc.query_selector(s.marker).ok().flatten().is_some())
        .copied()
        .unwrap_or(&generic::SITE)
}
