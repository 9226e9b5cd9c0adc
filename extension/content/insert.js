// Puts a reply into the site's own reply box so that the editor's state (not just its DOM) holds
// it, then checks that it did. The method depends on the editor and the browser (measured in
// research/platform.md §C5): Draft.js on Chromium needs a synthetic paste while empty
// (execCommand crashes React there), Firefox ignores synthetic paste data but handles
// execCommand('insertText'), which Lexical and text fields accept everywhere. Never sends, never
// retries blindly; on failure the reply goes to the clipboard and the user is told. Editors are
// told apart by the markers they put in the DOM themselves.

import { t } from '../i18n.js';

const COMPOSER_WAIT_MS = 3000;
const FRAME_RETRY_MS = 250;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const isFirefox = () => navigator.userAgent.includes('Firefox/');
const squash = (s) => s.replace(/\u00a0/g, ' ').split(/\s+/).filter(Boolean).join(' ');

/** 'draftjs' | 'lexical' | 'field' | 'contenteditable' */
export function editorKind(el) {
  if (el.localName === 'textarea' || el.localName === 'input') return 'field';
  if (el.closest('.public-DraftEditor-content, .DraftEditor-root')) return 'draftjs';
  if (el.closest('[data-lexical-editor]')) return 'lexical';
  return 'contenteditable';
}

const editorText = (el) => (editorKind(el) === 'field' ? el.value : el.textContent ?? '');

function lastTextNode(node) {
  for (let c = node.lastChild; c; c = c.previousSibling) {
    if (c.nodeType === Node.TEXT_NODE && c.data) return c;
    const found = lastTextNode(c);
    if (found) return found;
  }
  return null;
}

/** Focuses the editor with the caret where a click at its end would put it: inside the last text
 *  node, or before the empty block's <br> (Lexical ignores a caret on its root). */
function focusAtEnd(doc, editor) {
  editor.focus();
  if (editorKind(editor) === 'field') {
    editor.setSelectionRange(editor.value.length, editor.value.length);
    return;
  }
  const range = doc.createRange();
  const text = lastTextNode(editor);
  const br = editor.querySelector('br');
  if (text) range.setStart(text, text.data.length);
  else if (br) range.setStartBefore(br);
  else {
    range.selectNodeContents(editor);
    range.collapse(false);
  }
  range.collapse(true);
  const selection = doc.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

function execInsertText(doc, text) {
  try {
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

function syntheticPaste(editor, text) {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  editor.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
}

function setFieldValue(editor, text) {
  editor.value += text;
  editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/** Writes `text` to the clipboard (needs the user's recent click, which Copy and Insert are). */
export async function copyToClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The post's reply box: the one already there, else the one its Reply control opens. */
async function openComposer(adapter, post) {
  const part = adapter.partOf(post);
  const ready = part.clickReply ? null : adapter.composerFor(post);
  if (ready) return ready;
  const button = adapter.replyControl(post);
  if (!button) return adapter.composerFor(post);
  button.click();
  for (let waited = 0; waited < COMPOSER_WAIT_MS; waited += 50) {
    await sleep(50);
    const composer = adapter.composerFor(post, true);
    if (composer) return composer;
  }
  return null;
}

/** Inserts `text` into `post`'s reply box (`composer` when the caller found it) and verifies it. */
async function tryInsert(doc, adapter, post, text, composer = null) {
  composer ??= await openComposer(adapter, post);
  if (!composer) throw new Error(t('insert_no_box'));
  const before = editorText(composer);
  const insertion = !before.trim() || /\s$/.test(before) ? text : ` ${text}`;
  try {
    focusAtEnd(doc, composer);
  } catch {
    throw new Error(t('insert_no_focus'));
  }
  await sleep(60); // let the editor see the selection change
  const kind = editorKind(composer);
  if (kind === 'draftjs' && !isFirefox() && !squash(before)) {
    syntheticPaste(composer, insertion);
  } else if (kind === 'field') {
    if (!execInsertText(doc, insertion) || !editorText(composer).includes(insertion.trim())) setFieldValue(composer, insertion);
  } else {
    execInsertText(doc, insertion);
  }
  await sleep(120); // editors commit after the current task
  if (!squash(editorText(composer)).includes(squash(text))) throw new Error(t('insert_not_taken'));
  if (adapter.sendButtonFor(composer)?.getAttribute('aria-disabled') === 'true') {
    throw new Error(t('insert_not_registered'));
  }
}

/** A reply box in a cross-origin frame: the comment's Reply control first (it may move the
 *  frame under the comment, which reloads it), then the text is handed to Hat Tip in the frame,
 *  asked again while the frame (re)loads. */
async function insertThroughFrame(adapter, post, text, inFrame) {
  const part = adapter.partOf(post);
  if (part.clickReply) adapter.replyControl(post)?.click();
  for (let waited = 0; ; waited += FRAME_RETRY_MS) {
    try {
      return await inFrame(text);
    } catch (error) {
      if (waited >= COMPOSER_WAIT_MS) throw error;
      await sleep(FRAME_RETRY_MS);
    }
  }
}

/** Opens (if needed) the reply box for `post`, inserts `text` and verifies it; `inFrame` hands the
 *  text to Hat Tip in the page's comment-form frame. Returns the card's status line and what
 *  was done (`inserted`, `copied` to the clipboard instead, or null). */
export async function insertReply(doc, adapter, post, text, inFrame) {
  const part = adapter.partOf(post);
  // `why` and what to do next: paste it (the reply box exists) or reply where the note says.
  const copied = async (why, paste) => ((await copyToClipboard(text))
    ? { done: 'copied', message: t(paste ? 'insert_copied_paste' : 'insert_copied', why) }
    : { done: null, message: t('insert_copy_by_hand', why) });
  if (part.answer === 'copy') return copied(t(part.note), false);
  try {
    const frame = adapter.site.composerFrame && doc.querySelector(adapter.site.composerFrame);
    if (frame) await insertThroughFrame(adapter, post, text, inFrame);
    else await tryInsert(doc, adapter, post, text);
    return { done: 'inserted', message: t('insert_done') };
  } catch (error) {
    return copied(error.message, true);
  }
}

/** In a comment-form frame: puts text handed over by the page around it into the frame's reply
 *  box. Answers {ok, message}; the page around it does any clipboard fallback. */
export async function insertHandedOver(doc, adapter, text) {
  try {
    const composer = adapter.frameComposer();
    if (!composer) throw new Error(t('insert_no_box'));
    await tryInsert(doc, adapter, doc.documentElement, text, composer);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error.message };
  }
}
