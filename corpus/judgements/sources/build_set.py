#!/usr/bin/env python3
"""Writes a source set's JSON files from its src/ (articles-*.txt, negatives.txt, entities.tsv,
pairs.tsv): the builder that sets D and E share.

Usage: python3 SET/build.py [--audit]   (or: python3 build_set.py SET_FOLDER [--audit])

Entities are labelled from src/entities.tsv: case-sensitive, whole word, longest surface first, no
overlaps, in order of first mention in the body. --audit lists, per article, the capitalised words
inside sentences that no entity covers, for a human to judge.
"""
import glob
import json
import os
import re
import sys

HERE = None  # the set's folder, given to main()


def blocks(path):
    out = []
    text = open(path, encoding="utf-8").read()
    for chunk in re.split(r"^## ", text, flags=re.M)[1:]:
        head, _, body = chunk.partition("\n\n")
        lines = head.split("\n")
        item = {"id": lines[0].strip()}
        for line in lines[1:]:
            key, _, value = line.partition(":")
            item[key.strip()] = value.strip()
        item["body"] = body.strip()
        out.append(item)
    return out


def table():
    rows = []
    for line in open(f"{HERE}/src/entities.tsv", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        canonical, typ, surfaces = line.rstrip("\n").split("\t")
        rows.append((canonical, typ, surfaces.split("|")))
    return rows


def label(body, rows):
    surfaces = sorted(((s, c, t) for c, t, ss in rows for s in ss), key=lambda x: -len(x[0]))
    taken = [False] * len(body)
    found = []
    for s, c, t in surfaces:
        for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", body):
            if any(taken[m.start():m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            found.append((m.start(), c, t))
    found.sort()
    seen, out = set(), []
    for _, c, t in found:
        if t != "-" and c not in seen:
            seen.add(c)
            out.append({"name": c, "type": t})
    return out, taken


def main(here):
    global HERE
    HERE = here
    rows = table()
    articles = []
    for path in sorted(glob.glob(f"{HERE}/src/articles-*.txt")):
        for b in blocks(path):
            entities, taken = label(b["body"], rows)
            articles.append({"id": b["id"], "lang": b["lang"], "headline": b["headline"],
                             "byline": None if b["byline"] == "-" else b["byline"],
                             "published": b["published"], "outlet": b["outlet"], "body": b["body"],
                             "stance": b["stance"], "entities": entities, "story": b["story"]})
            if "--audit" in sys.argv:
                words = [m.group(0) for m in re.finditer(r"(?<=[a-z,;] )[A-ZÁÉÍÓÚÑ][\w.]+", b["body"])
                         if not taken[m.start()]]
                print(b["id"], [e["name"] for e in entities], "UNCOVERED:", sorted(set(words)))
    negatives = [{"id": b["id"], "lang": b["lang"], "headline": b["headline"], "published": b["published"],
                  "outlet": b["outlet"], "kind": b["kind"], "body": b["body"]}
                 for b in blocks(f"{HERE}/src/negatives.txt")]
    pairs = []
    for line in open(f"{HERE}/src/pairs.tsv", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        a, b, label_, _why = line.rstrip("\n").split("\t")
        pairs.append({"a": a, "b": b, "label": label_})
    names = {c: sorted(set(ss) - {c}) for c, t, ss in rows if t != "-"}
    for name, items in (("articles.jsonl", articles), ("negatives.jsonl", negatives),
                        ("pairs.jsonl", pairs), ("duplicates.jsonl", [])):
        with open(f"{HERE}/{name}", "w", encoding="utf-8") as f:
            for x in items:
                f.write(json.dumps(x, ensure_ascii=False) + "\n")
    with open(f"{HERE}/entity-names.json", "w", encoding="utf-8") as f:
        json.dump(dict(sorted(names.items())), f, indent=1, ensure_ascii=False)
        f.write("\n")
    ids = {a["id"]: a for a in articles}
    for p in pairs:
        same = ids[p["a"]]["story"] == ids[p["b"]]["story"]
        assert same == (p["label"] == "same-story"), p
    print(f"{len(articles)} articles, {len(negatives)} negatives, {len(pairs)} pairs, "
          f"{len({a['story'] for a in articles})} stories")


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]))
