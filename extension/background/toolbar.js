// The toolbar button of each tab: the dark hat where Hat Tip runs on the page, the grey hat (the
// manifest's default, so also every page Hat Tip may not read) where it does not, with a title
// that says which. The browser forgets a tab's icon when the tab loads another page.

import { t } from '../i18n.js';

/** The icon files of `state` ('active' or 'idle'), in the sizes the manifest lists. */
const iconSet = (api, state) => Object.fromEntries(Object.keys(api.runtime.getManifest().icons).map((s) => [s, `icons/${state}-${s}.png`]));

/** Shows whether Hat Tip runs (`true`) or was turned off (`false`) on tab `tabId`. */
export async function showRunning(api, tabId, running) {
  try {
    await api.action.setIcon({ tabId, path: iconSet(api, running ? 'active' : 'idle') });
    await api.action.setTitle({ tabId, title: t(running ? 'toolbar_active' : 'toolbar_off') });
  } catch {
    // The tab closed meanwhile.
  }
}
