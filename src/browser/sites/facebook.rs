//! Facebook markup. Feed posts are the children of `div[role="feed"]` (group posts no longer
//! carry `role="article"`); the message is `[data-ad-preview="message"]` or its comet twin; text
//! is sprinkled with U+034F and hidden decoys (`aria-hidden`) that must not count; class names are
//! hashed. The comment box is a Lexical editor (`data-lexical-editor`).
//! Fixture that pins this file: tests/fixtures/facebook.html.

use super::Site;
use crate::analyze::Platform;

pub static SITE: Site = Site {
    name: "facebook",
    platform: Platform::Facebook,
    hosts: &["facebook.com"],
    marker: "div[role=\"feed\"]",
    post: "div[role=\"feed\"] > div",
    text: "[data-ad-preview=\"message\"], [data-ad-comet-preview=\"message\"]",
    author_name: "h2 a strong, h3 a strong, h2 strong, h3 strong",
    author_handle: "",
    reply_button: "[aria-label=\"Leave a comment\"]",
    always_click_reply: false,
    composer_in_post: "[contenteditable=\"true\"][data-lexical-editor=\"true\"]",
    composer_in_page: "",
    send_button: "",
    composer_frame: "",
    takes_frame_inserts: false,
};
