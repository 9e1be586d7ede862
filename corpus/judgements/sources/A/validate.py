#!/usr/bin/env python3
"""Checks the staging-A judgement corpus. Run from this folder: python3 validate.py

Every line parses; ids unique across all files; article/negative bodies 150-450 words; fields and
label values as in eval-dev; every listed entity name (or one of its entity-names.json forms)
occurs in the body as a whole word, outside any longer listed name; one type per entity name;
pair ids exist; duplicates point at existing articles; counts as asked for this set.
"""
import json
import re
import sys
from collections import Counter

errors = []


def err(msg):
    errors.append(msg)


def read(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"{path}:{n}: {e}")
    return out


def words(text):
    return len(text.split())


def occurs(form, body):
    return re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", body) is not None


arts = read("articles.jsonl")
negs = read("negatives.jsonl")
dups = read("duplicates.jsonl")
pairs = read("pairs.jsonl")
names = json.load(open("entity-names.json", encoding="utf-8"))

ids = [x["id"] for x in arts + negs + dups]
for i, c in Counter(ids).items():
    if c > 1:
        err(f"id {i} used {c} times")
art_ids = {a["id"] for a in arts}
iso = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?[+-]\d\d:\d\d$")

types = {}
for a in arts:
    for k in ("id", "lang", "headline", "byline", "published", "outlet", "body", "stance", "entities", "story"):
        if k not in a:
            err(f"{a.get('id')}: missing {k}")
    if a["lang"] not in ("en", "es"):
        err(f"{a['id']}: lang {a['lang']}")
    if a["stance"] not in ("favor", "against", "neutral"):
        err(f"{a['id']}: stance {a['stance']}")
    if not iso.match(a["published"]):
        err(f"{a['id']}: published {a['published']}")
    if not a["outlet"].endswith(".example"):
        err(f"{a['id']}: outlet {a['outlet']}")
    if not re.match(r"^js-a-\d{3}$", a["id"]) or not re.match(r"^js-a-s\d\d$", a["story"]):
        err(f"{a['id']}: id or story format")
    w = words(a["body"])
    if not 150 <= w <= 450:
        err(f"{a['id']}: {w} words")
    if "\n\n\n" in a["body"] or a["body"] != a["body"].strip():
        err(f"{a['id']}: paragraph separators")
    listed = [e["name"] for e in a["entities"]]
    if len(set(listed)) != len(listed):
        err(f"{a['id']}: entity listed twice")
    # forms of every listed entity, longest first; a form counts only outside a longer listed form
    forms = sorted({(f, e) for e in listed for f in [e, *names.get(e, [])]}, key=lambda x: -len(x[0]))
    taken = [False] * len(a["body"])
    found = {}
    for form, ent in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", a["body"]):
            if any(taken[m.start():m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            found[ent] = min(found.get(ent, 10**9), m.start())
    for e in a["entities"]:
        if e["name"] not in names:
            err(f"{a['id']}: {e['name']} missing from entity-names.json")
        if e["type"] not in ("PERSON", "ORG", "PLACE"):
            err(f"{a['id']}: type {e['type']}")
        if types.setdefault(e["name"], e["type"]) != e["type"]:
            err(f"{a['id']}: {e['name']} typed {e['type']} and {types[e['name']]}")
        if e["name"] not in found:
            err(f"{a['id']}: entity {e['name']} not in body")
    order = sorted(listed, key=lambda e: found.get(e, 10**9))
    if order != listed:
        err(f"{a['id']}: entities not in order of first mention")

owner = {}
for canon, others in names.items():
    for f in [canon, *others]:
        if owner.setdefault(f, canon) != canon:
            err(f"entity-names: {f} belongs to {owner[f]} and {canon}")

for n in negs:
    for k in ("id", "lang", "headline", "published", "outlet", "body"):
        if k not in n:
            err(f"{n.get('id')}: missing {k}")
    if not re.match(r"^js-a-n\d\d$", n["id"]):
        err(f"{n['id']}: id format")
    w = words(n["body"])
    if not 150 <= w <= 450:
        err(f"{n['id']}: {w} words")
    if not iso.match(n["published"]) or not n["outlet"].endswith(".example"):
        err(f"{n['id']}: published or outlet")

by_id = {a["id"]: a for a in arts}
for d in dups:
    for k in ("id", "of", "kind", "headline", "body"):
        if k not in d:
            err(f"{d.get('id')}: missing {k}")
    if d["of"] not in art_ids:
        err(f"{d['id']}: of {d['of']} is not an article")
    if d["kind"] not in ("syndicated", "updated", "translated"):
        err(f"{d['id']}: kind {d['kind']}")
    elif (d["kind"] == "translated") == (d.get("lang") == by_id.get(d["of"], {}).get("lang")):
        err(f"{d['id']}: language does not fit kind {d['kind']}")

all_ids = set(ids)
seen_pairs = set()
for p in pairs:
    if p["a"] not in all_ids or p["b"] not in all_ids:
        err(f"pair {p}: unknown id")
    if p["label"] not in ("duplicate", "same-story", "unrelated"):
        err(f"pair {p}: label")
    key = frozenset((p["a"], p["b"]))
    if key in seen_pairs:
        err(f"pair {p}: listed twice")
    seen_pairs.add(key)
    dupof = {d["id"]: d["of"] for d in dups}
    root = lambda x: dupof.get(x, x)
    story = lambda x: by_id[root(x)]["story"] if root(x) in by_id else None
    if p["label"] == "duplicate" and root(p["a"]) != root(p["b"]):
        err(f"pair {p}: not copies of one text")
    if p["label"] == "same-story" and (root(p["a"]) == root(p["b"]) or story(p["a"]) != story(p["b"])):
        err(f"pair {p}: not two texts of one story")
    if p["label"] == "unrelated" and story(p["a"]) == story(p["b"]):
        err(f"pair {p}: same story")

if "--partial" not in sys.argv:
    lang = Counter(a["lang"] for a in arts)
    stance = Counter(a["stance"] for a in arts)
    stories = Counter(a["story"] for a in arts)
    kinds = Counter(d["kind"] for d in dups)
    labels = Counter(p["label"] for p in pairs)
    want = [
        (len(arts) == 50, f"50 articles, got {len(arts)}"),
        (18 <= lang["en"] <= 22, f"about 20 English, got {lang['en']}"),
        (all(15 <= stance[s] <= 18 for s in ("favor", "against", "neutral")), f"stance balance {dict(stance)}"),
        (22 <= len(stories) <= 28 and max(stories.values()) <= 3, f"about 25 stories of 1-3, got {len(stories)}"),
        (len(negs) == 15, f"15 negatives, got {len(negs)}"),
        (len(dups) == 4 and kinds["syndicated"] == 2 and kinds["updated"] == 1 and kinds["translated"] == 1, f"duplicates {dict(kinds)}"),
        (10 <= len(pairs) <= 16 and all(labels[k] for k in ("duplicate", "same-story", "unrelated")), f"pairs {dict(labels)}"),
    ]
    for ok, msg in want:
        if not ok:
            err("count: " + msg)
    print(f"articles {len(arts)} (lang {dict(lang)}, stance {dict(stance)}, stories {len(stories)}), "
          f"negatives {len(negs)}, duplicates {len(dups)} {dict(kinds)}, pairs {len(pairs)} {dict(labels)}, "
          f"entity names {len(names)}")

for e in errors:
    print("ERROR", e)
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
