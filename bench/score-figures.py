#!/usr/bin/env python3
"""Scores the figures of `vigia enrich --input` output against a labelled figures corpus.

Usage: bench/score-figures.py --corpus DIR --pred OUT.jsonl [--json] [--errors | --kinds]

DIR holds
  articles.jsonl   {"id", "story", "figures": [{"quantity", "subject", "value", "total"?, "max"?,
                    "attributedTo"?, "text"}]} per article
  conflicts.jsonl  {"story", "conflicts": [{"quantity", "subject", "values": [...]}],
                    "not_conflicts": [{"quantity", "subject", "why"}]} per story
  names.json       a canonical subject name -> the other names (and ids) that count as it
Predicted lines: {"id", "figures": [{"quantity", "subject", "subjectName"?, "value"}],
"figureConflicts": [{"quantity", "subject", ...}]}.

A predicted claim matches a gold claim of its article when the quantities are equal, the subjects
resolve to the same name (its id or its readable name), and the values agree: exactly for whole
counts under 1,000, within 0.5% otherwise. One to one. Conflicts are (quantity, subject) keys over
the union of a story's articles' figureConflicts; a key that is a labelled not-conflict is counted
apart as "flagged wrongly".

--kinds prints, instead of the misses themselves, how many missed and extra claims fall in each kind
(an aggregate that says which part of the extractor fails without showing any item): a missed gold
claim is "wrong quantity" when a claim the extractor left unmatched in the article has its value and
subject, "wrong subject" when one has its quantity and value, "wrong value" when one has its quantity
and subject, else "not found"; an extra claim is "value not a gold figure" when no gold claim of the
article has its value, else "gold value, other quantity or subject".
"""
import argparse
import json
import re
import sys
import unicodedata

SMALL = {"de", "del", "la", "las", "el", "los", "y", "e", "en", "the", "of", "and", "in", "a", "al"}


def words(name):
    name = unicodedata.normalize("NFKD", str(name or ""))
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    return tuple(w for w in re.findall(r"[a-z0-9]+", name) if w not in SMALL)


class Subjects:
    def __init__(self, table):
        self.exact = {}
        self.by_words = []
        for canonical, others in table.items():
            for n in [canonical, *others]:
                w = words(n)
                if w:
                    self.exact[w] = canonical
                    self.by_words.append((set(w), len(w), canonical))

    def resolve(self, *candidates):
        for c in candidates:
            w = words(c)
            if w in self.exact:
                return self.exact[w]
        for c in candidates:
            have = set(words(c))
            best = max(((n, canonical) for ws, n, canonical in self.by_words if ws <= have), default=None)
            if best:
                return best[1]
        # A name no table knows stays as written: the readable one (a prediction's subjectName,
        # given last) rather than an id, which is no name ("vigia:person/henrique-capriles").
        named = [c for c in candidates if words(c)]
        return " ".join(words(named[-1])) if named else ""


def same_value(gold, got):
    try:
        gold, got = float(gold), float(got)
    except (TypeError, ValueError):
        return False
    if gold == int(gold) and abs(gold) < 1000:
        return got == gold
    return abs(got - gold) <= 0.005 * abs(gold)


def miss_kind(g, unmatched):
    """The kind of a gold claim no prediction matched (see --kinds)."""
    if any(x[1] == g[1] and same_value(g[2], x[2]) for x in unmatched):
        return "missed: wrong quantity"
    if any(x[0] == g[0] and same_value(g[2], x[2]) for x in unmatched):
        return "missed: wrong subject"
    if any(x[0] == g[0] and x[1] == g[1] for x in unmatched):
        return "missed: wrong value"
    return "missed: not found"


def extra_kinds(gold, unmatched):
    return ["extra: gold value, other quantity or subject" if any(same_value(g[2], x[2]) for g in gold)
            else "extra: value not a gold figure" for x in unmatched]


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def harmonic(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--kinds", action="store_true")
    a = ap.parse_args()
    articles = read(f"{a.corpus}/articles.jsonl")
    stories = {s["story"]: s for s in read(f"{a.corpus}/conflicts.jsonl")}
    try:
        with open(f"{a.corpus}/names.json", encoding="utf-8") as f:
            subjects = Subjects(json.load(f))
    except FileNotFoundError:
        subjects = Subjects({})
    pred = {o.get("id"): o for o in read(a.pred)}
    errors = []

    tp = n_pred = n_gold = 0
    kinds = {}
    for art in articles:
        gold = [(g["quantity"], subjects.resolve(g["subject"]), g["value"], g.get("text")) for g in art.get("figures", [])]
        got = [(f.get("quantity"), subjects.resolve(f.get("subject"), f.get("subjectName")), f.get("value"), f.get("text"))
               for f in pred.get(art["id"], {}).get("figures", [])]
        n_gold += len(gold)
        n_pred += len(got)
        unmatched = list(got)
        missed = []
        for g in gold:
            hit = next((x for x in unmatched if x[0] == g[0] and x[1] == g[1] and same_value(g[2], x[2])), None)
            if hit:
                tp += 1
                unmatched.remove(hit)
            else:
                missed.append(g)
                errors.append(f"claim missed {art['id']}: {g[0]} / {g[1]} = {g[2]} ({g[3]})")
        errors += [f"claim extra  {art['id']}: {x[0]} / {x[1]} = {x[2]} ({x[3]})" for x in unmatched]
        for kind in [miss_kind(g, unmatched) for g in missed] + extra_kinds(gold, unmatched):
            kinds[kind] = kinds.get(kind, 0) + 1
    cp, cr = tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0

    ctp = cfp = cfn = wrong = 0
    by_story = {}
    for art in articles:
        by_story.setdefault(art["story"], []).append(art["id"])
    for story, ids in by_story.items():
        labels = stories.get(story, {})
        gold = {(c["quantity"], subjects.resolve(c["subject"])) for c in labels.get("conflicts", [])}
        nots = {(c["quantity"], subjects.resolve(c["subject"])) for c in labels.get("not_conflicts", [])}
        got = set()
        for i in ids:
            for c in pred.get(i, {}).get("figureConflicts", []):
                got.add((c.get("quantity"), subjects.resolve(c.get("subject"), c.get("subjectName"))))
        ctp += len(got & gold)
        cfp += len(got - gold)
        cfn += len(gold - got)
        wrong += len(got & nots)
        errors += [f"conflict missed {story}: {k}" for k in sorted(gold - got)]
        errors += [f"conflict extra  {story}: {k}" + (" (a labelled not-conflict)" if k in nots else "") for k in sorted(got - gold)]
    kp, kr = ctp / (ctp + cfp) if ctp + cfp else 0.0, ctp / (ctp + cfn) if ctp + cfn else 0.0

    out = {"claims": {"precision": cp, "recall": cr, "f1": harmonic(cp, cr), "gold": n_gold, "predicted": n_pred},
           "conflicts": {"precision": kp, "recall": kr, "f1": harmonic(kp, kr), "not_conflicts_flagged": wrong}}
    if a.errors:
        print("\n".join(errors))
    if a.kinds:
        for kind in sorted(kinds):
            print(f"{kind:45} {kinds[kind]}")
    if a.json:
        print(json.dumps(out))
    else:
        c, k = out["claims"], out["conflicts"]
        print(f"claims     P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f} ({c['gold']} gold, {c['predicted']} predicted)")
        print(f"conflicts  P {k['precision']:.3f} R {k['recall']:.3f} F1 {k['f1']:.3f}; not-conflicts flagged {k['not_conflicts_flagged']}")


if __name__ == "__main__":
    sys.exit(main())
