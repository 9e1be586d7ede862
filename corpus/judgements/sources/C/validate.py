#!/usr/bin/env python3
"""Checks the staging-C judgement files; exits non-zero and says what is wrong on any failure.

  python3 validate.py

Checks: every line parses; ids unique across all files; required fields present with allowed
values; published is ISO-8601 with an offset; bodies 150-450 words with paragraphs separated by
exactly one blank line; every entity name (or one of its entity-names.json aliases) occurs in
the body, whole word; entity names unique per article with one type per name across the set;
entity-names.json has no alias shared by two names; every story has 1-3 articles; pair ids
exist and pair labels agree with the stories and duplicates; duplicates point to an existing
article; no body names a Rodríguez or a Chávez by bare surname (the alias table has no bare
form for either); no outlet of staging-A, staging-B or eval-dev is reused; and the counts asked
for (articles, languages, stances, negatives, duplicates, pairs, stories, outlets).
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def load(name):
    items = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(f"{name}:{n}: empty line")
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"{name}:{n}: does not parse: {e}")
    return items


def check_body(item, where):
    body = item.get("body") or ""
    words = len(body.split())
    if not 150 <= words <= 450:
        err(f"{where} {item.get('id')}: body has {words} words (150-450)")
    if re.search(r"\n{3,}", body) or re.search(r"(?<!\n)\n(?!\n)", body):
        err(f"{where} {item.get('id')}: paragraphs must be separated by exactly one blank line")
    if body != body.strip():
        err(f"{where} {item.get('id')}: body has leading or trailing whitespace")


def check_published(item, where):
    p = item.get("published") or ""
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", p):
        err(f"{where} {item.get('id')}: published {p!r} is not ISO-8601 with an offset")
    else:
        datetime.fromisoformat(p)


def occurs(name, body):
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", body) is not None


articles = load("articles.jsonl")
negatives = load("negatives.jsonl")
duplicates = load("duplicates.jsonl")
pairs = load("pairs.jsonl")
with open(os.path.join(HERE, "entity-names.json"), encoding="utf-8") as f:
    synonyms = json.load(f)

ids = [x.get("id") for x in articles + negatives + duplicates]
for i, c in Counter(ids).items():
    if c > 1:
        err(f"id {i} used {c} times")
by_id = {x["id"]: x for x in articles + negatives + duplicates}

alias_owner = {}
for name, others in synonyms.items():
    for a in [name, *others]:
        if a in alias_owner and alias_owner[a] != name:
            err(f"entity-names.json: {a!r} listed under {alias_owner[a]} and {name}")
        alias_owner[a] = name

types = {}
for a in articles:
    where = "articles.jsonl"
    for k in ["id", "lang", "headline", "byline", "published", "outlet", "body", "stance",
              "entities", "story"]:
        if k not in a:
            err(f"{where} {a.get('id')}: missing {k}")
    if not re.fullmatch(r"js-c-\d{3}", a.get("id", "")):
        err(f"{where} {a.get('id')}: id must look like js-c-001")
    if a.get("lang") not in ("en", "es"):
        err(f"{where} {a['id']}: lang {a.get('lang')}")
    if a.get("stance") not in ("favor", "against", "neutral"):
        err(f"{where} {a['id']}: stance {a.get('stance')}")
    if not str(a.get("outlet", "")).endswith(".example"):
        err(f"{where} {a['id']}: outlet must be an invented .example host")
    if not re.fullmatch(r"js-c-s\d\d(-[a-z0-9-]+)?", a.get("story", "")):
        err(f"{where} {a['id']}: story id {a.get('story')}")
    check_body(a, where)
    check_published(a, where)
    seen = set()
    for e in a.get("entities", []):
        name, typ = e.get("name"), e.get("type")
        if typ not in ("PERSON", "ORG", "PLACE"):
            err(f"{where} {a['id']}: {name} has type {typ}")
        if name in seen:
            err(f"{where} {a['id']}: {name} listed twice")
        seen.add(name)
        if types.setdefault(name, typ) != typ:
            err(f"{where} {a['id']}: {name} typed {typ} here and {types[name]} elsewhere")
        if name not in synonyms:
            err(f"{where} {a['id']}: {name} missing from entity-names.json")
        forms = [name, *synonyms.get(name, [])]
        if not any(occurs(f, a["body"]) for f in forms):
            err(f"{where} {a['id']}: no form of {name} occurs in the body")

for n in negatives:
    where = "negatives.jsonl"
    for k in ["id", "lang", "headline", "published", "outlet", "body", "kind"]:
        if k not in n:
            err(f"{where} {n.get('id')}: missing {k}")
    if not re.fullmatch(r"js-c-n\d\d", n.get("id", "")):
        err(f"{where} {n.get('id')}: id must look like js-c-n01")
    if n.get("kind") not in ("other-election", "venezuela-non-political", "unrelated"):
        err(f"{where} {n['id']}: kind {n.get('kind')}")
    check_body(n, where)
    check_published(n, where)

for d in duplicates:
    where = "duplicates.jsonl"
    for k in ["id", "of", "kind", "headline", "body"]:
        if k not in d:
            err(f"{where} {d.get('id')}: missing {k}")
    if not re.fullmatch(r"js-c-d\d\d", d.get("id", "")):
        err(f"{where} {d.get('id')}: id must look like js-c-d01")
    if d.get("kind") not in ("syndicated", "updated", "translated"):
        err(f"{where} {d['id']}: kind {d.get('kind')}")
    orig = by_id.get(d.get("of"))
    if not orig or orig not in articles:
        err(f"{where} {d['id']}: original {d.get('of')} is not an article")
    check_body(d, where)
    if "published" in d:
        check_published(d, where)
        if orig and datetime.fromisoformat(d["published"]) < datetime.fromisoformat(orig["published"]):
            err(f"{where} {d['id']}: republished before its original")

stories = defaultdict(list)
for a in articles:
    stories[a["story"]].append(a["id"])
for s, members in stories.items():
    if not 1 <= len(members) <= 3:
        err(f"story {s} has {len(members)} articles (1-3)")


def group(i):
    x = by_id.get(i)
    if x is None:
        return None
    if x in duplicates:
        return by_id[x["of"]]["story"], x["of"]
    return x.get("story"), x["id"]


for p in pairs:
    a, b, label = p.get("a"), p.get("b"), p.get("label")
    if a not in by_id or b not in by_id:
        err(f"pairs.jsonl: {a}/{b} unknown id")
        continue
    if by_id[a] in negatives or by_id[b] in negatives:
        err(f"pairs.jsonl: {a}/{b} pairs a negative")
        continue
    (sa, oa), (sb, ob) = group(a), group(b)
    if label == "duplicate" and oa != ob:
        err(f"pairs.jsonl: {a}/{b} labelled duplicate but are different texts")
    elif label == "same-story" and (sa != sb or oa == ob):
        err(f"pairs.jsonl: {a}/{b} labelled same-story but stories {sa}/{sb}")
    elif label == "unrelated" and sa == sb:
        err(f"pairs.jsonl: {a}/{b} labelled unrelated but share story {sa}")
    elif label not in ("duplicate", "same-story", "unrelated"):
        err(f"pairs.jsonl: {a}/{b} label {label}")

# Counts asked for in the brief (issue 20, staging-C).
lang = Counter(a["lang"] for a in articles)
stance = Counter(a["stance"] for a in articles)
kinds = Counter(d["kind"] for d in duplicates)
labels = Counter(p["label"] for p in pairs)
outlets = {a["outlet"] for a in articles}
expect = [
    (len(articles) == 45, f"45 articles, got {len(articles)}"),
    (16 <= lang["en"] <= 20 and 25 <= lang["es"] <= 29, f"~18 en / ~27 es, got {dict(lang)}"),
    (all(stance[s] == 15 for s in ("favor", "against", "neutral")),
     f"15/15/15 favor/against/neutral, got {dict(stance)}"),
    (len(negatives) == 12, f"12 negatives, got {len(negatives)}"),
    (len(duplicates) == 3 and kinds == Counter(syndicated=1, updated=1, translated=1),
     f"3 duplicates (1 syndicated, 1 updated, 1 translated), got {dict(kinds)}"),
    (10 <= len(pairs) <= 14, f"~10-12 pairs, got {len(pairs)}"),
    (labels["duplicate"] == len(duplicates), f"one duplicate pair per copy, got {labels['duplicate']}"),
    (labels["unrelated"] >= 5, f"at least 5 unrelated pairs, got {labels['unrelated']}"),
    (20 <= len(stories) <= 24, f"~22 stories, got {len(stories)}"),
    (len(outlets | {n['outlet'] for n in negatives}) >= 10, "at least 10 outlets"),
]
for ok, msg in expect:
    if not ok:
        err("count: " + msg)

# The alias table relies on bare "Rodríguez" and "Chávez" never occurring in a body (three
# Rodríguez and one Chávez are named); a bare one would be an unlabelled mention.
for x in articles + duplicates:
    for m in re.finditer(r"(?<!\w)(Rodríguez|Chávez)(?!\w)", x["body"]):
        prev = x["body"][:m.start()].rstrip().split()[-1:] or [""]
        nxt = x["body"][m.end():m.end() + 9]
        if prev[0] not in ("Jorge", "Héctor", "Delcy", "Hugo", "Luis") and not nxt.startswith(" Zapatero"):
            err(f"{x['id']}: bare {m.group(1)!r} after {prev[0]!r}")

# Outlets of the earlier staging sets and of eval-dev must not be reused.
TAKEN = set("""agenciasur.example albadispatch.example caribbeanreview.example derechosenfoco.example
diariodelosllanos.example harbourtimes.example orinocowire.example prensacontinental.example
sinmordaza.example tribunabolivariana.example www.correodelalba.example www.ecolarense.example
www.elfarolibre.example www.lavozdellago.example www.meridiancourier.example www.pulsosemanal.example
www.weeklycompass.example www.australhoy.example www.cronicamadrid.example www.diamantecriollo.example
www.farandulaaldia.example www.heraldoandino.example www.suncoastdaily.example relaynews.example
linknoticias.example agenciameridiano.example antiimperialreview.example cronicaandina.example
cuadernodemocratico.example demeraracourier.example diariocastellano.example doralherald.example
fronterahoy.example orinoconews.example prismapolitico.example redmonitoreocivico.example
soberania.example vozbolivariana.example weeklycompass.example www.elcentinelalibre.example
www.lanternpost.example www.patriadigital.example capitolcourier.example caracasculturedesk.example
cronicadelsur.example diamantecriollo.example diariocapitalino.example islandobserver.example
limadiario.example notimaturin.example pulsoeconomico.example rioplatense.example tastingnotes.example
es.orinoconews.example redhispana.example wireshare.example www.caracasledger.example
www.diarioelavila.example andeswire.example latrinchera.example freedomdispatch.example
www.hemispheremonitor.example southernfront.example newspool.example""".split())
for x in articles + negatives + duplicates:
    host = x.get("outlet", "")
    bare = host[4:] if host.startswith("www.") else host
    if host in TAKEN or bare in TAKEN or "www." + bare in TAKEN:
        err(f"{x['id']}: outlet {host} was used by an earlier set")

if errors:
    print("\n".join(errors))
    print(f"FAILED: {len(errors)} problem(s)")
    sys.exit(1)
print(f"OK: {len(articles)} articles ({dict(lang)}; {dict(stance)}), {len(stories)} stories, "
      f"{len(outlets)} article outlets, {len(negatives)} negatives, {len(duplicates)} duplicates "
      f"({dict(kinds)}), {len(pairs)} pairs ({dict(labels)}), {len(synonyms)} canonical names")
