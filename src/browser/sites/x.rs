//! X / Twitter markup (stable `data-testid` hooks; class names are generated and useless).
//! Tweets: `article[data-testid="tweet"]`; text `tweetText` (spans, links, emoji `<img alt>`);
//! author `User-Name`; reply opens a Draft.js composer (`tweetTextarea_0`) in a `#layers` modal
//! whose `tweetButton` enables when the editor's state holds text.
//! Fixture that pins this file: tests/fixtures/x.html.

use super::Site;
use crate::analyze::Platform;

pub static SITE: Site = Site {
    name: "x",
    platform: Platform::X,
    hosts: &["x.com", "twitter.com"],
    marker: "article[data-testid=\"tweet\"]",
    post: "article[data-testid=\"tweet\"]",
    text: "[data-testid=\"tweetText\"]",
    author_name: "[data-testid=\"User-Name\"] a span",
    author_handle: "[data-testid=\"User-Name\"] a[tabindex=\"-1\"] span",
    reply_button: "[data-testid=\"reply\"]",
    always_click_reply: false,
    composer_in_post: "",
    composer_in_page: "#layers [data-testid^=\"tweetTextarea\"][contenteditable=\"true\"]",
    send_button: "#layers [data-testid=\"tweetButton\"], #layers [data-testid=\"tweetButtonInline\"]",
    composer_frame: "",
    takes_frame_inserts: false,
};
