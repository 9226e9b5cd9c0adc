// Log entries for the log modules' tests: `entry(overrides)` is a valid entry, changed as asked.
const T0 = Date.UTC(2026, 10, 20, 9);
export const DAY = 86_400_000;

let n = 0;
export function entry(overrides = {}) {
  n++;
  const base = {
    key: n.toString(16).padStart(32, '0'),
    brand: 'Northwind Coffee', matched: ['Northwind'], site: 'x.com', platform: 'x',
    url: 'https://x.com/home', permalink: `https://x.com/ana/status/${n}`,
    author: { name: 'Ana', handle: 'ana' }, reach: { verified: false, followers: null, group: null },
    postedAt: null, firstSeen: T0, lastSeen: T0, seen: 1, language: 'en',
    sentiment: { label: 'positive', score: 0.6 }, intent: 'praise', act: 'thank',
    text: 'Loved Northwind today', actions: { inserted: null, copied: null, dismissed: null, corrected: null },
  };
  return { ...base, ...overrides, actions: { ...base.actions, ...(overrides.actions ?? {}) } };
}
export { T0 };
