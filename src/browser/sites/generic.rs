//! Any other blog: posts are `article`s or elements marked as comments; the composer is a
//! textarea or contenteditable under the post, else the page's comment form.
//! Fixture that pins this file: tests/fixtures/blog.html.

use super::Site;
use crate::analyze::Platform;

pub static SITE: Site = Site {
    name: "blog",
    platform: Platform::Blog,
    hosts: &[],
    marker: "",
    post: "article, .comment, [itemprop=\"comment\"]",
    text: "",
    author_name: ".author, [itemprop=\"author\"], .comment-author, cite",
    author_handle: "",
    reply_button: "",
    always_click_reply: false,
    composer_in_post: "textarea, [contenteditable=\"true\"]",
    composer_in_page: "form textarea, form [contenteditable=\"true\"]",
    send_button: "",
    composer_frame: "",
    takes_frame_inserts: false,
};
