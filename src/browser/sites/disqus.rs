//! Disqus comment threads. Disqus renders the whole thread in a cross-origin iframe
//! (`disqus.com/embed/comments/…`), so Hat Tip runs inside that frame (an `all_frames` content
//! script in the manifest) and does everything there: each `li.post` is a comment with its
//! `.post-message`; its Reply link opens a contenteditable `.textarea` under the comment.
//! Selectors use `:scope >` because replies nest inside their parent's `li.post`.
//! Fixture that pins this file: tests/fixtures/disqus/embed.html (inside tests/fixtures/disqus.html).

use super::Site;
use crate::analyze::Platform;

pub static SITE: Site = Site {
    name: "disqus",
    platform: Platform::Blog,
    hosts: &["disqus.com"],
    marker: "#post-list",
    post: "li.post",
    text: ":scope > .post-content .post-message",
    author_name: ":scope > .post-content .author",
    author_handle: "",
    reply_button: ":scope > .post-content [data-action=\"reply\"]",
    always_click_reply: false,
    composer_in_post: ":scope > .post-content .reply-form-container .textarea[contenteditable=\"true\"]",
    composer_in_page: "",
    send_button: "",
    composer_frame: "",
    takes_frame_inserts: false,
};
