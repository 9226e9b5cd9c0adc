// Site adapters: everything Hat Tip knows about one site's markup, as data, in one place per site
// (post, text, author, reply button and composer selectors), so a site's redesign is a one-entry
// fix. Selectors are CSS; those named "in post" are relative to the post element. The fixture
// pages in tests/fixtures/ pin every entry. `detect` picks the entry for the current page: by host
// name first, then by each site's DOM marker, else the generic blog entry.

/** @typedef {{ name: string, platform: 'x'|'facebook'|'blog', hosts: string[], marker: string,
 *   post: string, text: string, authorName: string, authorHandle: string, replyButton: string,
 *   alwaysClickReply: boolean, composerInPost: string, composerInPage: string, sendButton: string,
 *   composerFrame: string, takesFrameInserts: boolean }} Site */

const BASE = {
  hosts: [], marker: '', text: '', authorName: '', authorHandle: '', replyButton: '', alwaysClickReply: false,
  composerInPost: '', composerInPage: '', sendButton: '', composerFrame: '', takesFrameInserts: false,
};

/** @type {Site[]} in the order `detect` tries them. */
export const SITES = [
  // X / Twitter: stable data-testid hooks (class names are generated). Tweet text is spans, links
  // and emoji <img alt>; reply opens a Draft.js composer in the #layers modal, whose tweetButton
  // enables when the editor's state holds text. Fixture: tests/fixtures/x.html.
  {
    ...BASE, name: 'x', platform: 'x', hosts: ['x.com', 'twitter.com'], marker: 'article[data-testid="tweet"]',
    post: 'article[data-testid="tweet"]', text: '[data-testid="tweetText"]',
    authorName: '[data-testid="User-Name"] a span', authorHandle: '[data-testid="User-Name"] a[tabindex="-1"] span',
    replyButton: '[data-testid="reply"]',
    composerInPage: '#layers [data-testid^="tweetTextarea"][contenteditable="true"]',
    sendButton: '#layers [data-testid="tweetButton"], #layers [data-testid="tweetButtonInline"]',
  },
  // Facebook: feed posts are the children of div[role="feed"] (group posts no longer carry
  // role="article"); text is sprinkled with U+034F and aria-hidden decoys; class names are hashed.
  // The comment box is a Lexical editor. Fixture: tests/fixtures/facebook.html.
  {
    ...BASE, name: 'facebook', platform: 'facebook', hosts: ['facebook.com'], marker: 'div[role="feed"]',
    post: 'div[role="feed"] > div', text: '[data-ad-preview="message"], [data-ad-comet-preview="message"]',
    authorName: 'h2 a strong, h3 a strong, h2 strong, h3 strong', replyButton: '[aria-label="Leave a comment"]',
    composerInPost: '[contenteditable="true"][data-lexical-editor="true"]',
  },
  // Disqus renders the thread in a cross-origin frame (disqus.com/embed/comments/…): Hat Tip runs
  // inside it. Each li.post is a comment; its Reply link opens a contenteditable under it.
  // `:scope >` because replies nest inside their parent's li.post. Fixture: tests/fixtures/disqus-embed.html.
  {
    ...BASE, name: 'disqus', platform: 'blog', hosts: ['disqus.com'], marker: '#post-list',
    post: 'li.post', text: ':scope > .post-content .post-message', authorName: ':scope > .post-content .author',
    replyButton: ':scope > .post-content [data-action="reply"]',
    composerInPost: ':scope > .post-content .reply-form-container .textarea[contenteditable="true"]',
  },
  // Inside Blogger's comment-form frame (www.blogger.com/comment/frame/…): no posts, one comment
  // box that takes replies handed over from the blog page around it. Selectors follow
  // research/platform.md §C3 (not checked live). Fixture: tests/fixtures/blogger-frame.html.
  {
    ...BASE, name: 'blogger-comment-frame', platform: 'blog', hosts: ['blogger.com'], marker: '#commentBodyField',
    post: '', composerInPage: 'textarea#commentBodyField, textarea[aria-label="Enter Comment"], [contenteditable="true"]',
    takesFrameInserts: true,
  },
  // Blogger (blogspot.com and custom domains): posts .post/.post-body, comments .comment-block;
  // the comment form is a cross-origin frame that takes the reply. Fixture: tests/fixtures/blogger.html.
  {
    ...BASE, name: 'blogger', platform: 'blog', hosts: ['blogspot.com'], marker: 'iframe#comment-editor',
    post: '.post, .comment-block', text: '.post-body, .comment-content',
    authorName: '.post-author .fn, .comment-header .user', composerFrame: 'iframe#comment-editor',
  },
  // WordPress classic comments (core html5_comment walker): replies go to textarea#comment, which
  // the comment's Reply link moves under the comment. Fixture: tests/fixtures/wordpress.html.
  {
    ...BASE, name: 'wordpress', platform: 'blog', marker: '#commentform, .comment-content',
    post: 'article.comment-body, .wp-block-comment-content', text: '.comment-content', authorName: '.comment-author .fn',
    replyButton: '.comment-reply-link', alwaysClickReply: true, composerInPage: 'textarea#comment',
  },
  // Any other blog: articles and elements marked as comments; a textarea or contenteditable
  // under the post, else the page's comment form. Fixture: tests/fixtures/blog.html.
  {
    ...BASE, name: 'blog', platform: 'blog', post: 'article, .comment, [itemprop="comment"]',
    authorName: '.author, [itemprop="author"], .comment-author, cite',
    composerInPost: 'textarea, [contenteditable="true"]', composerInPage: 'form textarea, form [contenteditable="true"]',
  },
];

const hostMatches = (host, pattern) => host === pattern || host.endsWith(`.${pattern}`);

/** The adapter for `doc`. */
export function detect(doc) {
  const host = doc.location.hostname;
  return SITES.find((s) => s.hosts.some((h) => hostMatches(host, h)))
    ?? SITES.find((s) => s.marker && doc.querySelector(s.marker))
    ?? SITES[SITES.length - 1];
}
