// The profile follows the user between their browsers through storage.sync (the browser's own
// account sync; without an account it stays on this machine). storage.local stays the one Hat
// Tip reads: a saved profile is copied to sync in pieces (an item holds at most 8 KB), and a
// profile another browser put there replaces this one's only after it passes the same checks as
// an import. A profile larger than sync allows stays on this browser, and the options page says
// so (`syncState`). The last browser to save wins.

export const SYNC_META = 'profileSync';
export const SYNC_STATE = 'syncState';
const part = (i) => `${SYNC_META}.${i}`;
/** Bytes of one piece as storage.sync counts them (key and JSON value), under its 8,192. */
const PIECE_BYTES = 7800;
const bytesOf = (value) => new TextEncoder().encode(JSON.stringify(value)).length;

/** How many bytes sync holds in all (Chrome and Firefox: 102,400); the profile may use 90 %. */
const limitOf = (api) => Math.floor((api.storage.sync.QUOTA_BYTES ?? 102_400) * 0.9);

/** `text` cut into pieces that each fit one sync item. */
function pieces(text) {
  const out = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + PIECE_BYTES);
    while (bytesOf(text.slice(at, end)) > PIECE_BYTES) end = at + Math.floor((end - at) * 0.8);
    // Never between the two halves of a surrogate pair.
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end -= 1;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

/** The profile text sync holds, or null. */
export async function readSync(api) {
  const meta = (await api.storage.sync.get(SYNC_META))[SYNC_META];
  if (!meta || !Number.isInteger(meta.parts) || meta.parts < 1 || meta.parts > 512) return null;
  const keys = Array.from({ length: meta.parts }, (_, i) => part(i));
  const got = await api.storage.sync.get(keys);
  if (keys.some((k) => typeof got[k] !== 'string')) return null;
  return keys.map((k) => got[k]).join('');
}

/** Copies this browser's profile (`text`, JSON) to sync, unless sync holds it already. */
export async function mirrorToSync(api, text) {
  const bytes = new TextEncoder().encode(text).length;
  const limit = limitOf(api);
  try {
    if (bytes > limit) {
      await api.storage.sync.remove([SYNC_META]);
      await api.storage.local.set({ [SYNC_STATE]: { ok: false, reason: 'too-large', bytes, limit } });
      return;
    }
    if ((await readSync(api)) === text) {
      await api.storage.local.set({ [SYNC_STATE]: { ok: true, bytes, limit } });
      return;
    }
    const list = pieces(text);
    const old = (await api.storage.sync.get(SYNC_META))[SYNC_META];
    const items = Object.fromEntries(list.map((p, i) => [part(i), p]));
    await api.storage.sync.set(items);
    // The pieces first, then the record that names them: a reader never joins a half.
    await api.storage.sync.set({ [SYNC_META]: { parts: list.length, bytes, savedAt: Date.now() } });
    const stale = Array.from({ length: Math.max(0, (old?.parts ?? 0) - list.length) }, (_, i) => part(list.length + i));
    if (stale.length) await api.storage.sync.remove(stale);
    await api.storage.local.set({ [SYNC_STATE]: { ok: true, bytes, limit } });
  } catch (error) {
    await api.storage.local.set({ [SYNC_STATE]: { ok: false, reason: 'refused', message: String(error?.message ?? error).slice(0, 200) } });
  }
}

/** Takes the profile another browser put in sync, if it differs and `problemOf` finds none. */
export async function adoptFromSync(api, problemOf, profileKey) {
  const text = await readSync(api);
  if (text === null) return;
  const local = (await api.storage.local.get(profileKey))[profileKey];
  if (local !== undefined && JSON.stringify(local) === text) return;
  const problem = problemOf(text);
  if (problem) {
    await api.storage.local.set({ [SYNC_STATE]: { ok: false, reason: 'invalid', message: problem.slice(0, 300) } });
    return;
  }
  await api.storage.local.set({ [profileKey]: JSON.parse(text) });
}
