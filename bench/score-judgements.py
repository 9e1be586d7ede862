#!/usr/bin/env python3
"""Scores `vigia enrich --input` output against a labelled corpus folder in the eval-dev format.

Usage: bench/score-judgements.py --corpus DIR --pred OUT.jsonl [--json] [--errors]

DIR holds articles.jsonl (stance, entities, story), and optionally negatives.jsonl (off topic),
duplicates.jsonl (copies: id, of, kind), pairs.jsonl (a, b, label) and entity-names.json (a
canonical name -> the other names that count as it).

Figures (one line each, or one JSON object with --json):
  entities   micro precision / recall / F1 over (article, entity name) of the originals; names
             compared folded (case, accents, punctuation) and through entity-names.json
  stance     macro-F1 toward --target over favor / against / neutral (originals; an article with
             no stance for the target, e.g. judged off topic, counts as neutral), and per class
  relevance  precision / recall of "relevant": articles and copies should be, negatives not
  copies     a copy is found when marked duplicate/update of its original or of another copy of it
  pairs      duplicate: one marked a copy of the other (or, for a translation, same story);
             same-story: same story, not copies; unrelated: different stories
  false joins  unrelated pairs put in one story

--errors lists the individual misses. Use it on development data only: the point of a test half
is that nobody looks at its errors while changing the profile.
"""
import argparse
import json
import re
import sys
import unicodedata


def fold(text):
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def lines(path, required=False):
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except FileNotFoundError:
        if required:
            raise
        return []


def ratio(num, den):
    return num / den if den else 0.0


def harmonic(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


class Names:
    """Folds a name to the canonical name it counts as."""

    def __init__(self, table):
        self.to_canonical = {}
        for canonical, others in table.items():
            for n in [canonical, *others]:
                self.to_canonical.setdefault(fold(n), fold(canonical))

    def canonical(self, name):
        f = fold(name)
        return self.to_canonical.get(f, f)


def stance_of(line, target):
    stance = line.get("stance")
    if isinstance(stance, dict):
        return (stance.get("label") or "neutral").lower()
    for s in stance or []:
        if s.get("target") == target:
            return (s.get("label") or "neutral").lower()
    return "neutral"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--target", default="maduro-government")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()

    articles = lines(f"{a.corpus}/articles.jsonl", required=True)
    copies = lines(f"{a.corpus}/duplicates.jsonl")
    negatives = lines(f"{a.corpus}/negatives.jsonl")
    pairs = lines(f"{a.corpus}/pairs.jsonl")
    try:
        with open(f"{a.corpus}/entity-names.json", encoding="utf-8") as f:
            names = Names(json.load(f))
    except FileNotFoundError:
        names = Names({})
    pred = {}
    for o in lines(a.pred, required=True):
        pred[o.get("id")] = o
    errors = []
    out = {}

    # Entities, over the originals.
    tp = fp = fn = 0
    for art in articles:
        gold = {names.canonical(e["name"]) for e in art.get("entities", [])}
        got = {names.canonical(e["name"]) for e in pred.get(art["id"], {}).get("entities", [])}
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
        for n in sorted(got - gold):
            errors.append(f"entity extra   {art['id']}: {n}")
        for n in sorted(gold - got):
            errors.append(f"entity missed  {art['id']}: {n}")
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    out["entities"] = {"precision": p, "recall": r, "f1": harmonic(p, r)}

    # Stance toward the target, over the originals.
    labels = ("favor", "against", "neutral")
    per_class = {}
    for lab in labels:
        t = sum(1 for x in articles if x.get("stance") == lab and stance_of(pred.get(x["id"], {}), a.target) == lab)
        g = sum(1 for x in articles if x.get("stance") == lab)
        s = sum(1 for x in articles if x.get("stance") and stance_of(pred.get(x["id"], {}), a.target) == lab)
        per_class[lab] = harmonic(ratio(t, s), ratio(t, g))
    for x in articles:
        got = stance_of(pred.get(x["id"], {}), a.target)
        if x.get("stance") and got != x["stance"]:
            errors.append(f"stance         {x['id']}: gold {x['stance']}, got {got}")
    out["stance"] = {"macro_f1": sum(per_class.values()) / len(labels), **per_class}

    # Relevance: articles and copies on topic, negatives off.
    def relevant(i):
        return bool(pred.get(i, {}).get("relevance", {}).get("relevant"))

    on = [x["id"] for x in articles + copies]
    off = [x["id"] for x in negatives]
    kept_on = sum(1 for i in on if relevant(i))
    kept_off = sum(1 for i in off if relevant(i))
    out["relevance"] = {"precision": ratio(kept_on, kept_on + kept_off), "recall": ratio(kept_on, len(on))}
    errors += [f"relevance      {i}: on topic, judged off" for i in on if not relevant(i)]
    errors += [f"relevance      {i}: off topic, judged on" for i in off if relevant(i)]

    # Copies.
    original_of = {c["id"]: c["of"] for c in copies}

    def root(i):
        return original_of.get(i, i)

    def dedup(i):
        return pred.get(i, {}).get("dedup", {}) or {}

    def story_of(i):
        return dedup(i).get("story") or dedup(i).get("storyId")

    def is_copy(i):
        return (dedup(i).get("status") or "").lower() in ("duplicate", "update")

    # Translations are judged apart: linking them as copies or putting them in the original's story
    # are both right (what the index shows as one story).
    same_text = [c for c in copies if c.get("kind") != "translated"]
    translations = [c for c in copies if c.get("kind") == "translated"]
    found = sum(1 for c in same_text if is_copy(c["id"]) and root(dedup(c["id"]).get("duplicateOf")) == c["of"])
    false_copies = sum(1 for x in articles if is_copy(x["id"]))
    p, r = ratio(found, found + false_copies), ratio(found, len(same_text))
    in_story = sum(1 for c in translations if story_of(c["id"]) is not None and story_of(c["id"]) == story_of(c["of"]))
    out["copies"] = {"found": found, "of": len(same_text), "false": false_copies,
                     "f1": harmonic(p, r) if same_text else None,
                     "translations_in_story": in_story, "translations": len(translations)}
    errors += [f"copy missed    {c['id']} of {c['of']}" for c in same_text
               if not (is_copy(c["id"]) and root(dedup(c["id"]).get("duplicateOf")) == c["of"])]

    # Pairs and false joins.
    story = story_of

    kinds = {c["id"]: c.get("kind") for c in copies}
    right = joins = 0
    for pr in pairs:
        x, y, label = pr["a"], pr["b"], pr["label"]
        same = story(x) is not None and story(x) == story(y)
        if label == "duplicate":
            ok = root(dedup(x).get("duplicateOf")) == root(y) or root(dedup(y).get("duplicateOf")) == root(x)
            ok = ok or (same and "translated" in (kinds.get(x), kinds.get(y)))
        elif label == "same-story":
            ok = same
        else:
            ok = not same
            joins += 0 if ok else 1
        right += ok
        if not ok:
            errors.append(f"pair {label:10} {x} {y}: stories {story(x)} / {story(y)}")
    out["pairs"] = {"right": right, "of": len(pairs), "false_joins": joins}

    if a.errors:
        for e in errors:
            print(e)
    if a.json:
        print(json.dumps(out))
        return
    e, s, rel, c, pa = out["entities"], out["stance"], out["relevance"], out["copies"], out["pairs"]
    print(f"entities   P {e['precision']:.3f} R {e['recall']:.3f} F1 {e['f1']:.3f}")
    print(f"stance     macro-F1 {s['macro_f1']:.3f} (favor {s['favor']:.2f}, against {s['against']:.2f}, neutral {s['neutral']:.2f})")
    print(f"relevance  P {rel['precision']:.3f} R {rel['recall']:.3f}")
    if c["f1"] is not None:
        print(f"copies     {c['found']}/{c['of']} found, {c['false']} originals marked copies, F1 {c['f1']:.3f}; "
              f"translations in the original's story {c['translations_in_story']}/{c['translations']}")
    print(f"pairs      {pa['right']}/{pa['of']} right, {pa['false_joins']} unrelated joined")


if __name__ == "__main__":
    sys.exit(main())
