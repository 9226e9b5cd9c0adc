#!/usr/bin/env python3
"""Writes src/analyze/offensive_words.txt: words that mark a tweet as offensive (insults, slurs,
profanity aimed at someone), derived from Davidson et al. (ICWSM 2017) "hate speech and offensive
language" tweets (MIT licence) in ../shared/data/davidson_hate_offensive/. A word is kept when it
occurs in at least 25 tweets and at least 97 % of them are labelled hate or offensive, and it is
not an ordinary word of the VADER ground-truth texts; then slang that only rides the set's base
rate is removed by hand (NOT_INSULTS below). Profanity is handled in src/analyze/intent.rs.
Run: python3 scripts/offensive-words.py ../shared/data
"""
import collections
import csv
import pathlib
import re
import sys

data = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
counts = collections.Counter()
offensive = collections.Counter()
with open(data / "davidson_hate_offensive" / "labeled_data.csv", encoding="utf-8", errors="replace") as f:
    for row in csv.DictReader(f):
        words = set(re.findall(r"[a-z]+", re.sub(r"@\w+|http\S+|&\w+;", " ", row["tweet"].lower())))
        bad = row["class"] in ("0", "1")
        for w in words:
            counts[w] += 1
            offensive[w] += bad
ordinary = collections.Counter()
for path in (data / "vader_groundtruth").glob("*_GroundTruth.txt"):
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        for w in set(re.findall(r"[a-z]+", line.split("\t")[-1].lower())):
            ordinary[w] += 1
# The set is 83 % offensive, so plain slang also clears the bar; these were read and dropped by
# hand (and `retard` is French for "delay": "vol en retard" is a complaint, not an insult).
NOT_INSULTS = {"aint", "baddest", "booty", "dey", "goin", "gon", "ion", "oomf", "playin", "prolly",
               "texting", "trippin", "wifey", "youre", "stank", "ratchet", "retard", "fucc", "fucked",
               "fuckin", "fucks"}
keep = sorted(w for w, n in counts.items()
              if n >= 25 and offensive[w] / n >= 0.97 and len(w) >= 3 and ordinary[w] < 3 and w not in NOT_INSULTS)
out = pathlib.Path(__file__).resolve().parent.parent / "src" / "analyze" / "offensive_words.txt"
out.write_text("\n".join(keep) + "\n", encoding="utf-8")
print(f"{len(keep)} words -> {out}")
