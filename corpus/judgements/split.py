#!/usr/bin/env python3
"""Splits the labelled sets under sources/ into train/ and test/, once, by story.

Usage: corpus/judgements/split.py        (rewrites train/ and test/ from sources/*/)

Why by story: two articles of one story share facts, names and figures; with one in each half the
test half would measure recall of what was tuned on. A story's articles, its copies and every
item a labelled pair links to it stay in one half (stories linked by pairs form one group), so
every pair can be scored within one half. Off-topic items have no story: each is its own group.

How: the groups are shuffled with a fixed seed (the order depends on nothing else), then each goes
to the half that has fewer articles of its stance labels so far, so both halves get about the same
number of favor, against and neutral articles. The assignment was made once, before any judgement
was tuned on the train half, and is recorded in assignment.json; a new source added later keeps
every earlier group where it was (groups already in assignment.json are never moved) and only
places its own.
"""
import json
import os
import random
import re
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = ("articles.jsonl", "negatives.jsonl", "duplicates.jsonl", "pairs.jsonl")


def read(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    return " ".join(re.findall(r"[a-z0-9]+", "".join(c for c in text if not unicodedata.combining(c)).lower()))


def merge_names(tables):
    """One name table from the sources': two entries that share a name (folded) are one entity,
    whichever canonical name each source chose ("CARICOM" in one, "Caribbean Community" in another)."""
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    spelled = {}
    for table in tables:
        for canonical, others in table.items():
            for n in [canonical, *others]:
                spelled.setdefault(fold(n), n)
                parent[find(fold(n))] = find(fold(canonical))
    groups = {}
    canonical_of = {}
    for table in tables:
        for canonical in table:
            canonical_of.setdefault(find(fold(canonical)), canonical)
    for f in spelled:
        groups.setdefault(find(f), []).append(spelled[f])
    return {canonical_of[root]: sorted(n for n in members if n != canonical_of[root])
            for root, members in sorted(groups.items(), key=lambda kv: canonical_of[kv[0]])}


def main():
    sources = sorted(d for d in os.listdir(f"{HERE}/sources") if os.path.isdir(f"{HERE}/sources/{d}"))
    items = {name: [] for name in FILES}
    tables = []
    for s in sources:
        for name in FILES:
            items[name] += read(f"{HERE}/sources/{s}/{name}")
        with open(f"{HERE}/sources/{s}/entity-names.json", encoding="utf-8") as f:
            tables.append(json.load(f))
    names = merge_names(tables)

    # Union-find over item ids: an article joins its story, a copy its original, a pair its ends.
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        parent[find(a)] = find(b)

    for a in items["articles.jsonl"]:
        union(a["id"], "story:" + a["story"])
    for n in items["negatives.jsonl"]:
        find(n["id"])
    for c in items["duplicates.jsonl"]:
        union(c["id"], c["of"])
    for p in items["pairs.jsonl"]:
        union(p["a"], p["b"])

    groups = {}
    for x in list(parent):
        groups.setdefault(find(x), set()).add(x)
    group_of = {x: find(x) for x in parent}
    stance = {a["id"]: a["stance"] for a in items["articles.jsonl"]}

    path = f"{HERE}/assignment.json"
    assignment = json.load(open(path)) if os.path.exists(path) else {}
    # A group is named by its smallest member id, so the name does not depend on the union order.
    name_of = {root: min(members) for root, members in groups.items()}
    half_of_root = {}
    counts = {"train": Counter(), "test": Counter()}
    for root, members in groups.items():
        if name_of[root] in assignment:
            half = assignment[name_of[root]]
            half_of_root[root] = half
            counts[half].update(stance[m] for m in members if m in stance)
    pending = sorted((r for r in groups if r not in half_of_root), key=lambda r: name_of[r])
    random.Random(20261205).shuffle(pending)
    for root in pending:
        labels = Counter(stance[m] for m in groups[root] if m in stance)
        if not labels:  # an off-topic item: balance the off-topic count
            key = lambda h: sum(1 for r, hh in half_of_root.items() if hh == h and not any(m in stance for m in groups[r]))
        else:
            key = lambda h: sum(counts[h][lab] for lab in labels)
        half = min(("train", "test"), key=lambda h: (key(h), h == "test"))
        half_of_root[root] = half
        counts[half].update(labels)
        assignment[name_of[root]] = half
    with open(path, "w", encoding="utf-8") as f:
        json.dump(dict(sorted(assignment.items())), f, indent=1, ensure_ascii=False)
        f.write("\n")

    def half(item_id):
        return half_of_root[group_of[item_id]]

    for h in ("train", "test"):
        os.makedirs(f"{HERE}/{h}", exist_ok=True)
        for name in FILES:
            key = "a" if name == "pairs.jsonl" else "id"
            with open(f"{HERE}/{h}/{name}", "w", encoding="utf-8") as f:
                for x in items[name]:
                    if half(x[key]) == h:
                        f.write(json.dumps(x, ensure_ascii=False) + "\n")
        with open(f"{HERE}/{h}/entity-names.json", "w", encoding="utf-8") as f:
            json.dump(names, f, indent=1, ensure_ascii=False)
            f.write("\n")
        arts = [a for a in items["articles.jsonl"] if half(a["id"]) == h]
        print(f"{h}: {len(arts)} articles {dict(Counter(a['stance'] for a in arts))}, "
              f"{sum(1 for n in items['negatives.jsonl'] if half(n['id']) == h)} off topic, "
              f"{sum(1 for c in items['duplicates.jsonl'] if half(c['id']) == h)} copies, "
              f"{sum(1 for p in items['pairs.jsonl'] if half(p['a']) == h)} pairs "
              f"({Counter(p['label'] for p in items['pairs.jsonl'] if half(p['a']) == h)})")


if __name__ == "__main__":
    main()
