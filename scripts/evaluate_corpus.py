#!/usr/bin/env python3
"""Measures the engine on the project's corpus (data/corpus/): its dev and test splits, whose
template families training never saw. `./build.sh eval` runs it; `--write` also rewrites the
corpus section of ACCURACY.md. The numbers come from `hattip-train --report` (the engine with
the model the repository's data make, which `./build.sh test` checks is the shipped one).

Act: the reply's act is the one the kind asks for (a troll: moderation or no reply). Harmful:
an apology to praise, thanks to a complaint, a reply to a troll, moderation of anything else.
Offered: the right act is among the three the card offers. Reply language: replies in the
post's language (a post with no words, only the brand and emoji, in the profile's).
"""
import argparse
import json
import pathlib
import subprocess

from evaluate import SENTIMENT, scores, write_section

ROOT = pathlib.Path(__file__).resolve().parent.parent


def report(split):
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--features", "train", "--bin", "hattip-train", "--", "--report", split],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out)


def ratio(a, b):
    return f"{a / b:.3f}" if b else "n/a"


def sentiment_f1(confusion):
    """Macro-F1 over negative/neutral/positive from {gold: {given: count}}."""
    gold, given = [], []
    for g, row in confusion.items():
        for p, n in row.items():
            gold += [g] * n
            given += [p] * n
    return scores(gold, given, SENTIMENT)[1]


def table(reports):
    lines = [
        "| split | rows | act right | harmful act | right act among the 3 offered | reply language | rules alone: act · harmful · offered |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in reports:
        e, rules = r["engine"], r["rules"]
        lines.append(
            f"| {r['split']} | {e['rows']:,} | {ratio(e['act_right'], e['rows'])} | {ratio(e['harmful'], e['rows'])} "
            f"| {ratio(e['act_in_offered'], e['rows'])} | {ratio(e['reply_language_right'], e['replies'])} "
            f"| {ratio(rules['act_right'], rules['rows'])} · {ratio(rules['harmful'], rules['rows'])} · {ratio(rules['act_in_offered'], rules['rows'])} |"
        )
    lines += ["", "By group of templates (the first five of each kind; the 6th to 8th, written later, whose dev",
              "posts were read as numbers to choose settings, and since 2026-12-07 some of their wrong answers",
              "as examples): act right · harmful · right act offered", "",
              "| split | templates 1–5 | templates 6–8 |", "|---|---|---|"]
    for r in reports:
        g = r["engine"]["template_groups"]
        cell = lambda k: f"{ratio(g[k][1], g[k][0])} · {ratio(g[k][2], g[k][0])} · {ratio(g[k][3], g[k][0])} ({g[k][0]:,} rows)" if k in g else "n/a"
        lines.append(f"| {r['split']} | {cell('1-5')} | {cell('6-8')} |")
    lines += ["", "The card's corrections (the user corrects the first post of each template family the engine gets",
              "wrong; every other post of the split is read again):", "",
              "| split | corrections | posts read again | fixed | broken |", "|---|---:|---:|---:|---:|"]
    for r in reports:
        c = r["corrections"]
        lines.append(f"| {r['split']} | {c['corrections']} | {c['rows_read_again']:,} | {c['fixed']} | {c['broken']} |")
    lines += ["", "Per language (act right · harmful), test split:", ""]
    test = reports[-1]["engine"]
    lines.append("| " + " | ".join(test["languages"]) + " |")
    lines.append("|" + "---:|" * len(test["languages"]))
    lines.append("| " + " | ".join(f"{ratio(v[1], v[0])} · {ratio(v[2], v[0])}" for v in test["languages"].values()) + " |")
    lines += ["", "Sentiment as the card shows it, against the kind's (positive for praise, negative for",
              "complaints and trolls, neutral otherwise), macro-F1 per language:", ""]
    languages = list(reports[0]["sentiment"])
    lines.append("| split | " + " | ".join(languages) + " | mean |")
    lines.append("|---|" + "---:|" * (len(languages) + 1))
    for r in reports:
        f1 = [sentiment_f1(r["sentiment"][lang]) for lang in languages]
        lines.append(f"| {r['split']} | " + " | ".join(f"{v:.3f}" for v in f1) + f" | {sum(f1) / len(f1):.3f} |")
    lines += ["", "Per kind (act right), test split:", ""]
    lines.append("| " + " | ".join(k.replace("_", " ") for k in test["kinds"]) + " |")
    lines.append("|" + "---:|" * len(test["kinds"]))
    lines.append("| " + " | ".join(ratio(v[1], v[0]) for v in test["kinds"].values()) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the corpus section of ACCURACY.md")
    args = parser.parse_args()
    body = table([report("dev"), report("test")])
    print(body)
    if args.write:
        write_section("corpus", body)


if __name__ == "__main__":
    main()
