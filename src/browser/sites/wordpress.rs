//! WordPress classic-theme comments (core `html5_comment` walker): `article.comment-body` with
//! `.comment-content` and `.comment-author .fn`; replies go to `textarea#comment`, which the
//! comment's `.comment-reply-link` moves under the comment.
//! Fixture that pins this file: tests/fixtures/wordpress.html.

use super::Site;
use crate::analyze::Platform;

pub static SITE: Site = Site {
    name: "wordpress",
    platform: Platform::Blog,
    hosts: &[],
    marker: "#commentform, .comment-content",
    post: "article.comment-body, .wp-block-comment-content",
    text: ".comment-content",
    author_name: ".comment-author .fn",
    author_handle: "",
    reply_button: ".comment-reply-link",
    always_click_reply: true,
    composer_in_post: "",
    composer_in_page: "textarea#comment",
    send_button: "",
    composer_frame: "",
    takes_frame_inserts: false,
};
