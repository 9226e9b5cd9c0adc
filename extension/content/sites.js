// Site adapters: everything Hat Tip knows about one site's markup, as data, in one place per site,
// so a site's redesign is a one-entry fix. A site has one or more *parts*: the kinds of post on
// it (a blog's article, its comments; a tweet, a quoted tweet), each with where its text and
// author are and how it is answered. Selectors are CSS; those of a part are looked up inside the
// post and never inside a post nested in it (a comment's reply, a quoted tweet).
// tests/selectors.json pins what every selector must find on every fixture page.
//
// A site without parts (`structural: true`) is read by structure.js: posts found by their shape.
// `detect` picks the entry for the current page: by host name first, then by each site's DOM
// marker, else the structural one.

/**
 * @typedef {{
 *   kind: 'post'|'article'|'comment'|'quote', post: string, text: string, authorName: string,
 *   authorHandle: string, pageAuthor: boolean, replyButton: string, replyWords: boolean,
 *   clickReply: boolean, composer: string, composerAfterReply: string, nearestComposer: boolean,
 *   answer: 'reply'|'copy', note: string (a message key), permalink: string }} Part
 * A kind of post. `text` (default: the post itself) is what is read; `authorName`/`authorHandle`
 * who wrote it, else the page's byline when `pageAuthor`. Insert looks for `composer` in the post,
 * then in the page (the nearest one to the post when `nearestComposer`), and if there is none
 * (or always, with `clickReply`) clicks `replyButton` (only those whose label is a word for
 * "Reply", with `replyWords`) and waits for `composerAfterReply`. `answer: 'copy'` means the post
 * cannot be answered from here: Insert copies the reply and says `note`. `permalink` is the post's
 * own link where it is not the link around its <time> (source.js).
 *
 * @typedef {{ name: string, platform: 'x'|'facebook'|'blog', hosts: string[], marker: string,
 *   framePaths: string[], parts: Part[], structural: boolean, sendButton: string, composerFrame: string,
 *   takesFrameInserts: boolean, community: string }} Site
 * `framePaths`: in a frame, a page under one of these paths is this site (any host: frames of
 * self-hosted blogs and of the fixtures).
 * `sendButton` is looked up around the composer (the site's send/publish button, checked to be
 * enabled after inserting); `community` the group or forum a page belongs to (the mention log's
 * "reach"); `composerFrame` a cross-origin comment-form frame that takes replies
 * (Hat Tip inside it inserts them); `takesFrameInserts` marks the inside of such a frame.
 */

const PART = {
  kind: 'post', post: '', text: '', authorName: '', authorHandle: '', pageAuthor: false, replyButton: '',
  replyWords: false, clickReply: false, composer: '', composerAfterReply: '', nearestComposer: false,
  answer: 'reply', note: '', permalink: '',
};
const part = (fields) => ({ ...PART, ...fields });
const SITE = { hosts: [], framePaths: [], marker: '', parts: [], structural: false, sendButton: '', composerFrame: '', takesFrameInserts: false, community: '' };
const site = (fields) => ({ ...SITE, ...fields });

/** Any editable reply box. */
export const ANY_COMPOSER = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], [role="textbox"]';
/** A blog post's body and byline, in the markup most engines and themes share (hAtom/h-entry,
 *  schema.org, WordPress/Ghost/Hugo theme classes). */
const ARTICLE_BODY = '[itemprop="articleBody"], .entry-content, .post-content, .article-content, .post-body, .e-content, .article-body, .gh-content, .available-content';
const BYLINE = '[rel~="author"], .p-author, [itemprop="author"] [itemprop="name"], [itemprop="author"], .byline .author, .byline a, .author-name, .post-author, .entry-author, .author';

const X_TWEET = 'article[data-testid="tweet"]';
const X_MODAL_COMPOSER = '#layers [data-testid^="tweetTextarea"][contenteditable="true"]';

/** @type {Site[]} in the order `detect` tries them. */
export const SITES = [
  // X / Twitter: stable data-testid hooks (class names are generated). Tweet text is spans, links
  // and emoji <img alt>; long posts end in a "Show more" link that expands them in place. A reply
  // button opens a Draft.js composer in the #layers modal; a post's own page (its tweet has
  // tabindex=-1) also has an inline composer under it (tweetTextarea_0 + tweetButtonInline), which
  // answers that post. A quoted post is a div[role=link] inside the quoting tweet with its own
  // User-Name and tweetText (no links: the whole card is one); it is answered from its own page.
  // Fixtures: tests/fixtures/x.html (timeline), tests/fixtures/x-status.html (a post's page).
  site({
    name: 'x', platform: 'x', hosts: ['x.com', 'twitter.com'], marker: X_TWEET,
    parts: [
      part({ kind: 'quote', post: `${X_TWEET} div[role="link"]:has([data-testid="tweetText"])`, text: '[data-testid="tweetText"]',
        authorName: '[data-testid="User-Name"] span', authorHandle: '[data-testid="User-Name"] span', answer: 'copy',
        note: 'note_quoted_post' }),
      part({ kind: 'post', post: `${X_TWEET}[tabindex="-1"]`, text: '[data-testid="tweetText"]',
        authorName: '[data-testid="User-Name"] a span', authorHandle: '[data-testid="User-Name"] a[tabindex="-1"] span',
        composer: '[data-testid^="tweetTextarea"][contenteditable="true"]:not(#layers *)',
        replyButton: '[data-testid="reply"]', composerAfterReply: X_MODAL_COMPOSER }),
      part({ kind: 'post', post: X_TWEET, text: '[data-testid="tweetText"]',
        authorName: '[data-testid="User-Name"] a span', authorHandle: '[data-testid="User-Name"] a[tabindex="-1"] span',
        replyButton: '[data-testid="reply"]', clickReply: true, composer: X_MODAL_COMPOSER }),
    ],
    sendButton: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
  }),
  // Facebook: feed posts (home, groups, a person's timeline) are the children of div[role=feed]
  // (group posts no longer carry role=article); text is sprinkled with U+034F and aria-hidden
  // decoys; class names are hashed; long posts end in a "See more" button that expands them in
  // place. Comments and replies are div[role=article] with an aria-label ("Comment by …"), in a
  // ul > li per thread; a comment's Reply button opens a Lexical box in that li, after the
  // replies; the post's own box is outside the threads. Fixture: tests/fixtures/facebook.html.
  site({
    name: 'facebook', platform: 'facebook', hosts: ['facebook.com'], marker: 'div[role="feed"], div[role="article"][aria-label]',
    community: '[role="main"] h1 a[href*="/groups/"]',
    parts: [
      part({ kind: 'comment', post: 'div[role="article"][aria-label]', text: 'div[dir="auto"]', authorName: 'a[role="link"] span',
        replyButton: '[role="button"], button', replyWords: true, clickReply: true, permalink: 'a[href*="comment_id="]',
        composer: 'li [contenteditable="true"][data-lexical-editor="true"]', nearestComposer: true }),
      part({ kind: 'post', post: 'div[role="feed"] > div, [data-pagelet="ProfileTimeline"] > div',
        text: '[data-ad-preview="message"], [data-ad-comet-preview="message"]', authorName: 'h2 a strong, h3 a strong, h2 strong, h3 strong',
        permalink: 'a[href*="/posts/"], a[href*="/permalink/"], a[href*="story_fbid="]',
        replyButton: '[aria-label="Leave a comment"]', composer: '[contenteditable="true"][data-lexical-editor="true"]:not(li *)' }),
    ],
  }),
  // Disqus renders the thread in a cross-origin frame (disqus.com/embed/comments/…): Hat Tip runs
  // inside it. Each li.post is a comment; its Reply link opens a contenteditable under it.
  // Fixture: tests/fixtures/disqus-embed.html.
  site({
    name: 'disqus', platform: 'blog', hosts: ['disqus.com'], marker: '#post-list',
    parts: [part({ kind: 'comment', post: 'li.post', text: '.post-message', authorName: '.author',
      replyButton: '[data-action="reply"]', composer: '.reply-form-container .textarea[contenteditable="true"]' })],
  }),
  // Inside a comment-form frame (Blogger's www.blogger.com/comment/frame/…, Jetpack's
  // jetpack.wordpress.com/jetpack-comment/…): no posts, one comment box that takes replies handed
  // over from the blog page around it. Blogger's selectors follow research/platform.md §C3 (not
  // checked live); Jetpack's frame holds the core comment form. Fixtures:
  // tests/fixtures/blogger-frame.html, tests/fixtures/jetpack-frame.html.
  site({
    name: 'comment-frame', platform: 'blog', hosts: ['blogger.com', 'jetpack.wordpress.com'], marker: '#commentBodyField',
    framePaths: ['/comment/frame/', '/jetpack-comment/'],
    parts: [part({ kind: 'comment', composer: 'textarea#commentBodyField, textarea[aria-label="Enter Comment"], textarea#comment, [contenteditable="true"]' })],
    sendButton: '#publish, #comment-submit, [type="submit"]', takesFrameInserts: true,
  }),
  // Blogger (blogspot.com and custom domains): posts .post/.post-body, comments .comment-block;
  // the comment form is a cross-origin frame that takes the reply. Fixture: tests/fixtures/blogger.html.
  site({
    name: 'blogger', platform: 'blog', hosts: ['blogspot.com'], marker: 'iframe#comment-editor',
    parts: [
      part({ kind: 'comment', post: '.comment-block', text: '.comment-content', authorName: '.comment-header .user' }),
      part({ kind: 'article', post: '.post', text: '.post-body', authorName: '.post-author .fn', pageAuthor: true }),
    ],
    composerFrame: 'iframe#comment-editor',
  }),
  // wpDiscuz (WordPress plugin, 7.x markup): comments div.wpd-comment with .wpd-comment-text; the
  // editor is Quill (.ql-editor); a comment's Reply opens a secondary form under it. The post is
  // the theme's. Fixture: tests/fixtures/wpdiscuz.html.
  site({
    name: 'wpdiscuz', platform: 'blog', marker: '#wpdcom',
    parts: [
      part({ kind: 'comment', post: '.wpd-comment', text: '.wpd-comment-text', authorName: '.wpd-comment-author',
        replyButton: '.wpd-reply-button', clickReply: true, composer: '.wpd-secondary-form-wrapper .ql-editor[contenteditable="true"]' }),
      part({ kind: 'article', post: 'article.post, article.type-post, article', text: ARTICLE_BODY, authorName: BYLINE, pageAuthor: true,
        composer: '.wpd-main-form-wrapper .ql-editor[contenteditable="true"]' }),
    ],
    sendButton: '.wc_comm_submit, [type="submit"]',
  }),
  // Ghost (5.x, native comments): the post is article.gh-article with .gh-content; comments are a
  // same-origin-looking app in its own frame in real Ghost (comments-ui); the page around it holds
  // the post. Substack: the post body is .available-content / .body.markup, comments
  // .comment-body with .comment-content; the reply box is a textarea. Discourse: each post is
  // article[data-post-id] with .cooked text and the author's username in .names; the composer is a
  // textarea.d-editor-input opened by the post's Reply button. Fixtures: tests/fixtures/ghost.html,
  // tests/fixtures/substack.html, tests/fixtures/discourse.html.
  site({
    name: 'discourse', platform: 'blog', marker: '#main-outlet .topic-post, meta[name="discourse_theme_id"]',
    parts: [part({ kind: 'comment', post: 'article[data-post-id]', text: '.cooked', authorName: '.names .full-name, .names .first a',
      authorHandle: '.names .username a', replyButton: 'button.reply, button.reply-to-post', clickReply: true,
      composer: '#reply-control textarea.d-editor-input' })],
    sendButton: '#reply-control .create',
  }),
  site({
    name: 'substack', platform: 'blog', hosts: ['substack.com'], marker: '.available-content, .comments-page',
    parts: [
      part({ kind: 'comment', post: '.comment-body', text: '.comment-content', authorName: '.commenter-name a, .commenter-name',
        replyButton: '.comment-actions button, .comment-actions a', replyWords: true, clickReply: true,
        composer: 'textarea', nearestComposer: true }),
      part({ kind: 'article', post: 'article.post, article', text: '.available-content, .body.markup', authorName: '.byline-names a, .profile-hover-card-target a',
        pageAuthor: true, composer: '.comments-section textarea, form.comment-input textarea, textarea' }),
    ],
  }),
  site({
    name: 'ghost', platform: 'blog', marker: 'article.gh-article, meta[name="generator"][content^="Ghost"]',
    parts: [part({ kind: 'article', post: 'article.gh-article, article.post', text: '.gh-content, .post-content', authorName: '.gh-article-author-name a, .gh-article-author-name, .author-name',
      pageAuthor: true, composer: ANY_COMPOSER, nearestComposer: true })],
  }),
  // WordPress, classic themes (core html5_comment walker: article.comment-body > .comment-content)
  // and block themes (Comment Template block: li.comment > .wp-block-comment-content). Replies go to
  // textarea#comment, which a comment's Reply link moves under the comment; with Jetpack comments
  // the form is a cross-origin frame (iframe#jetpack_remote_comment). The post body is
  // .entry-content (block themes add .wp-block-post-content); the byline is .author.vcard (classic)
  // or .wp-block-post-author-name (block). Fixtures: tests/fixtures/wordpress.html (classic,
  // Twenty Twenty-One), tests/fixtures/wordpress-block.html (Twenty Twenty-Four, Jetpack frame).
  site({
    name: 'wordpress', platform: 'blog', marker: '#commentform, article.comment-body, .wp-block-comment-content, #jetpack_remote_comment',
    parts: [
      part({ kind: 'comment', post: 'article.comment-body, .wp-block-comment-template li.comment', text: '.comment-content, .wp-block-comment-content',
        authorName: '.comment-author .fn, .wp-block-comment-author-name', replyButton: '.comment-reply-link', clickReply: true,
        composer: 'textarea#comment' }),
      part({ kind: 'article', post: 'article.post, article.type-post, main .wp-block-post-content', text: '.entry-content, .wp-block-post-content',
        authorName: '.wp-block-post-author-name, .byline .author, .author.vcard .fn, .author.vcard', pageAuthor: true, composer: 'textarea#comment' }),
    ],
    sendButton: '#submit', composerFrame: 'iframe#jetpack_remote_comment',
  }),
  // Any other blog or forum: structure.js finds the article, the comments and the reply boxes by
  // their shape. Fixtures: tests/fixtures/blog.html, tests/fixtures/unseen-blog.html, tests/fixtures/isso.html.
  site({ name: 'blog', platform: 'blog', structural: true }),
];

export { ARTICLE_BODY, BYLINE };

const hostMatches = (host, pattern) => host === pattern || host.endsWith(`.${pattern}`);

/** The adapter entry for `doc`. */
export function detect(doc) {
  const { hostname, pathname } = doc.location;
  const framed = doc.defaultView !== doc.defaultView.top;
  return SITES.find((s) => s.hosts.some((h) => hostMatches(hostname, h)))
    ?? SITES.find((s) => framed && s.framePaths.some((p) => pathname.startsWith(p)))
    ?? SITES.find((s) => s.marker && doc.querySelector(s.marker))
    ?? SITES[SITES.length - 1];
}
