// The content script's line to the engine in the extension's background (Chrome's service
// worker, Firefox's background page). A request wakes a sleeping background; while it starts, or
// right after it crashed, sending fails for a moment, so a request is tried again a few times
// with growing waits. If the extension itself is gone (updated, disabled, removed), requests can
// never succeed again: that is `ContextGone`, and the content script tears itself down.

export class ContextGone extends Error {}

const RETRY_MS = [50, 150, 400, 1000, 2000];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True while this content script's extension context is alive. */
export const alive = (api) => {
  try {
    return !!api.runtime?.id;
  } catch {
    return false;
  }
};

/** Sends `message` to the background and resolves to its answer. */
export async function ask(api, message) {
  for (let attempt = 0; ; attempt++) {
    if (!alive(api)) throw new ContextGone('Hat Tip was updated or turned off');
    try {
      const answer = await api.runtime.sendMessage(message);
      if (answer !== undefined && answer !== null) return answer;
      throw new Error('the background did not answer');
    } catch (error) {
      if (!alive(api) || /context invalidated/i.test(String(error?.message))) throw new ContextGone('Hat Tip was updated or turned off');
      if (attempt >= RETRY_MS.length) throw error;
      await sleep(RETRY_MS[attempt]);
    }
  }
}
