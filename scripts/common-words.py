#!/usr/bin/env python3
"""Writes src/matcher/common_words.txt: ordinary English words that a one-edit typo guard must
never treat as a misspelt brand (e.g. "apply" is not a typo of the brand "Apple").

Source: the VADER ground-truth texts (tweets and review/editorial snippets, MIT licence,
Hutto & Gilbert 2014) in ../shared/data/vader_groundtruth/. Only words of 4 to 12 letters seen at
least 3 times are kept. Run: python3 scripts/common-words.py ../shared/data/vader_groundtruth
"""
import collections
import pathlib
import re
import sys
import unicodedata

source = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '../shared/data/vader_groundtruth')
counts = collections.Counter()
for path in sorted(source.glob('*_GroundTruth.txt')):
    for line in path.read_text(encoding='utf-8', errors='replace').splitlines():
        text = line.split('\t', 2)[-1]
        text = unicodedata.normalize('NFKD', text)
        text = ''.join(c for c in text if not unicodedata.combining(c)).lower()
        for word in re.findall(r"[a-z]+", text):
            if 4 <= len(word) <= 14:
                counts[word] += 1
words = sorted(w for w, n in counts.items() if n >= 3 and len(w) <= 12)
out = pathlib.Path(__file__).resolve().parent.parent / 'src' / 'matcher' / 'common_words.txt'
out.write_text('\n'.join(words) + '\n', encoding='utf-8')
print(f'{len(words)} words -> {out}')
