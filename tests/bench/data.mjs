// Deterministic benchmark data: pseudo-word vocabulary, brand profiles of any size (10 terms per
// brand), the flat term list the peers get, and pages/posts with mentions sprinkled in.
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ven', 'tor', 'sel', 'qui', 'bar', 'don', 'fel', 'gri', 'hal', 'jen', 'kor', 'lum', 'nex', 'pav', 'ros', 'tal', 'ul', 'vor', 'wen', 'yel', 'zan'];

export function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function word(r, min = 2, max = 3) {
  const n = min + Math.floor(r() * (max - min + 1));
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w;
}
const cap = (w) => w[0].toUpperCase() + w.slice(1);

/** `brands` brands × 10 terms (name, 3 aliases, 4 products, a handle, a hashtag). */
export function makeProfile(brands, seed = 7) {
  const r = rng(seed);
  const list = [];
  const seen = new Set();
  const fresh = (f) => { for (;;) { const v = f(); if (!seen.has(v.toLowerCase())) { seen.add(v.toLowerCase()); return v; } } };
  for (let i = 0; i < brands; i++) {
    list.push({
      name: fresh(() => `${cap(word(r))} ${cap(word(r))}`),
      aliases: [0, 1, 2].map(() => fresh(() => cap(word(r, 3, 4)))),
      products: [0, 1, 2, 3].map(() => fresh(() => `${cap(word(r))} ${cap(word(r, 2, 2))}`)),
      handles: [fresh(() => word(r, 3, 4) + i)],
      hashtags: [fresh(() => word(r, 3, 4) + 'tag' + i)],
    });
  }
  return { version: 1, brands: list, voice: { tone: 'friendly', signature: '', emoji: true } };
}

/** What a keyword highlighter is given for the same profile. */
export function flatTerms(profile) {
  return profile.brands.flatMap((b) => [b.name, ...b.aliases, ...b.products, '@' + b.handles[0], '#' + b.hashtags[0]]);
}

/** `count` words of filler text with a mention about every 50 words. */
export function words(count, terms, seed = 11) {
  const r = rng(seed);
  const out = [];
  while (out.length < count) {
    if (r() < 0.02) out.push(terms[Math.floor(r() * terms.length)]);
    else out.push(word(r, 1, 3));
  }
  return out;
}
