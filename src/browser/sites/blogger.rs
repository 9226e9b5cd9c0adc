//! Blogger (blogspot.com and custom domains): posts are `.post` with `.post-body`, comments
//! `.comment-block` with `.comment-content`; the comment form is a cross-origin iframe
//! (`iframe#comment-editor` → www.blogger.com/comment/frame/…). The page's content script
//! hands the reply to Hat Tip's content script in that frame (runtime messages through
//! background.js), which puts it in the frame's comment box. The frame's markup has not been
//! checked live from here (no internet); its selectors follow research/platform.md §C3.
//! Fixtures that pin this file: tests/fixtures/blogger.html and tests/fixtures/blogger/frame.html.

use super::Site;
use crate::analyze::Platform;

/// The blog page around the comment frame.
pub static SITE: Site = Site {
    name: "blogger",
    platform: Platform::Blog,
    hosts: &["blogspot.com"],
    marker: "iframe#comment-editor",
    post: ".post, .comment-block",
    text: ".post-body, .comment-content",
    author_name: ".post-author .fn, .comment-header .user",
    author_handle: "",
    reply_button: "",
    always_click_reply: false,
    composer_in_post: "",
    composer_in_page: "",
    send_button: "",
    composer_frame: "iframe#comment-editor",
    takes_frame_inserts: false,
};

/// Inside the comment frame: no posts, one comment box.
pub static COMMENT_FRAME: Site = Site {
    name: "blogger-comment-frame",
    platform: Platform::Blog,
    hosts: &["blogger.com"],
    marker: "#commentBodyField",
    post: "",
    text: "",
    author_name: "",
    author_handle: "",
    reply_button: "",
    always_click_reply: false,
    composer_in_post: "",
    composer_in_page: "textarea#commentBodyField, textarea[aria-label=\"Enter Comment\"], [contenteditable=\"true\"]",
    send_button: "",
    composer_frame: "",
    takes_frame_inserts: true,
};
