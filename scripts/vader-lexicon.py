#!/usr/bin/env python3
"""Writes src/analyze/vader_lexicon.tsv (token<TAB>valence) from the VADER lexicon shipped in
the vaderSentiment package on PyPI (MIT licence, Hutto & Gilbert 2014). Only the mean valence is
kept. Run: pip install vaderSentiment==3.3.2 && python3 scripts/vader-lexicon.py
"""
import pathlib
import vaderSentiment

source = pathlib.Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
out = pathlib.Path(__file__).resolve().parent.parent / "src" / "analyze" / "vader_lexicon.tsv"
rows = []
for line in source.read_text(encoding="utf-8").splitlines():
    parts = line.split("\t")
    if len(parts) >= 2 and parts[0].strip():
        rows.append(f"{parts[0].strip()}\t{float(parts[1]):g}")
rows.sort()
out.write_text("\n".join(rows) + "\n", encoding="utf-8")
print(f"{len(rows)} entries -> {out}")
