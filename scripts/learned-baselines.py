#!/usr/bin/env python3
"""The learned models tried for issue 4 and not shipped (ACCURACY.md, "Learned models, measured and
not shipped"): logistic regressions on hashed word 1-2-grams, trained only on the permissively
licensed (MIT) sets in ../shared/data, scored on the evaluation sets with macro-F1.

    python3 -m pip install scikit-learn numpy   # not needed by anything else
    python3 scripts/learned-baselines.py
"""
import csv
import pathlib
import re

from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

DATA = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def clean(text):
    text = re.sub(r"https?://\S+|@\w+|\bRT\b", " ", text)
    return text.replace("&amp;", "&").lower()


def vectorizer(tokens):
    return HashingVectorizer(n_features=2**14, ngram_range=(1, 2), alternate_sign=False, norm="l2", token_pattern=tokens)


def offensive():
    """Davidson et al. 2017 (hate or offensive vs neither) → OLID validation (tweeteval split)."""
    rows = list(csv.DictReader(open(DATA / "davidson_hate_offensive" / "labeled_data.csv", encoding="utf-8")))
    x = [clean(r["tweet"]) for r in rows]
    y = [1 if r["class"] in ("0", "1") else 0 for r in rows]
    base = DATA / "tweeteval" / "offensive"
    vx = [clean(t) for t in (base / "val_text.txt").read_text(encoding="utf-8").splitlines()]
    vy = [int(l) for l in (base / "val_labels.txt").read_text(encoding="utf-8").split()]
    hv = vectorizer(r"[a-z']+")
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(hv.transform(x), y)
    print(f"offensive, trained on Davidson, OLID validation macro-F1: {f1_score(vy, model.predict(hv.transform(vx)), average='macro'):.3f}")


def sentiment():
    """VADER ground truth (tweets, Amazon, movie and NYT snippets; mean rating ≥ 0.5 positive,
    ≤ -0.5 negative) → airline and tweeteval validation."""
    x, y = [], []
    for name in ["tweets", "amazonReviewSnippets", "movieReviewSnippets", "nytEditorialSnippets"]:
        for line in open(DATA / "vader_groundtruth" / f"{name}_GroundTruth.txt", encoding="utf-8", errors="replace"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                score = float(parts[1])
                x.append(clean(parts[2]))
                y.append(2 if score >= 0.5 else 0 if score <= -0.5 else 1)
    hv = vectorizer(r"[a-z']+|[!?]")
    model = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced").fit(hv.transform(x), y)
    rows = list(csv.DictReader(open(DATA / "airline" / "Tweets.csv", encoding="utf-8")))
    airline = ([clean(r["text"]) for r in rows], [{"negative": 0, "neutral": 1, "positive": 2}[r["airline_sentiment"]] for r in rows])
    base = DATA / "tweeteval" / "sentiment"
    tweeteval = ([clean(t) for t in (base / "val_text.txt").read_text(encoding="utf-8").splitlines()],
                 [int(l) for l in (base / "val_labels.txt").read_text(encoding="utf-8").split()])
    for name, (texts, gold) in [("airline", airline), ("tweeteval validation", tweeteval)]:
        print(f"sentiment, trained on the VADER ground truth, {name} macro-F1: {f1_score(gold, model.predict(hv.transform(texts)), average='macro'):.3f}")


if __name__ == "__main__":
    offensive()
    sentiment()
