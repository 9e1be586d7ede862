#!/usr/bin/env python3
"""Check a held-out figures set: format, labels, names, conflict keys and the README's counts.

Usage: python3 corpus/validate-figures.py DIR   (corpus/figures-test, corpus/figures-seen,
corpus/figures-fresh)

Stand-alone on purpose (standard library only, nothing read from outside DIR). Name folding and
value tolerance follow the rules of the figures scorer described in README.md, so that "two
different values" means the same thing here as when the set is scored. Exit status 1 on any
problem, with one line per problem.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import datetime

QUANTITIES = {
    "turnout", "vote-share", "votes", "registered-voters", "governorships-won", "mayoralties-won",
    "seats-won", "states-won-by-votes", "tally-sheets-collected", "detained", "killed",
    "polling-stations", "candidates",
}
FRACTIONS = {"turnout", "vote-share"}  # always 0-1; tally-sheets-collected may be either
ELECTION_SUBJECT = {"turnout", "registered-voters", "polling-stations", "candidates"}
CONTEXT_SUBJECT = {"detained", "killed"}
ARTICLE_KEYS = ["id", "lang", "headline", "byline", "published", "outlet", "url", "body", "story", "figures"]
FIGURE_KEYS = {"quantity", "subject", "value", "total", "attributedTo", "text"}
STOPWORDS = {"de", "del", "la", "las", "el", "los", "y", "e", "a", "al", "en", "the", "of", "and", "in"}
VOWELS = set("aeiou")
MIN_WORDS, MAX_WORDS = 150, 400

problems = []


def problem(msg):
    problems.append(msg)


def words(s):
    """Folded name: no accents, case or punctuation, small words dropped, crude singular."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    out = []
    for w in re.findall(r"[a-z0-9]+", s):
        if w in STOPWORDS:
            continue
        if len(w) > 4 and w.endswith("es") and w[-3] not in VOWELS:
            w = w[:-2]
        elif len(w) > 4 and w.endswith("s"):
            w = w[:-1]
        out.append(w)
    return tuple(out)


def same_value(gold, pred):
    """Exact for whole counts under 1000, else within 0.5% (the scorer's tolerance)."""
    gold, pred = float(gold), float(pred)
    if gold == 0:
        return abs(pred) < 1e-9
    if gold.is_integer() and 1 <= abs(gold) < 1000:
        return abs(pred - gold) < 1e-9
    return abs(pred - gold) <= 0.005 * abs(gold) + 1e-12


def distinct(values):
    """Values that differ beyond tolerance from every earlier one."""
    out = []
    for v in values:
        if not any(same_value(u, v) or same_value(v, u) for u in out):
            out.append(v)
    return out


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def read_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                problem(f"{os.path.basename(path)}:{n}: empty line")
                continue
            try:
                o = json.loads(line)
            except ValueError as e:
                problem(f"{os.path.basename(path)}:{n}: not JSON ({e})")
                continue
            if not isinstance(o, dict):
                problem(f"{os.path.basename(path)}:{n}: not an object")
                continue
            rows.append(o)
    return rows


def load_names(path):
    """names.json: canonical -> other names. Each folded form must belong to one canonical name."""
    with open(path, encoding="utf-8") as f:
        names = json.load(f)
    owner = {}
    for canonical, aliases in names.items():
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            problem(f"names.json: {canonical!r} needs a list of non-empty strings")
            continue
        for n in [canonical, *aliases]:
            w = words(n)
            if not w:
                problem(f"names.json: {n!r} folds to nothing")
            elif w in owner and owner[w] != canonical:
                problem(f"names.json: {n!r} names both {owner[w]!r} and {canonical!r}")
            else:
                owner[w] = canonical
    return names, owner


def readme_names(path):
    """Rows of the README tables under a heading with 'subject names' (canonical, aliases)."""
    rows, inside = {}, False
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines():
            if line.startswith("#"):
                inside = "subject names" in line.lower()
                continue
            if not inside or not line.lstrip().startswith("|"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if set(cells[0]) <= set("-: ") or cells[0].lower().startswith("canonical"):
                continue
            ticked = re.findall(r"`([^`]+)`", cells[0])
            rows[ticked[0] if ticked else cells[0]] = [a for c in cells[1:] for a in re.findall(r"`([^`]+)`", c)]
    return rows


PREFIX = "fig-test-"


def check_articles(articles, names, owner):
    ids = [a.get("id") for a in articles]
    for i, dup in Counter(ids).items():
        if dup > 1:
            problem(f"id {i} appears {dup} times")
    expected = [f"{PREFIX}{n:03d}" for n in range(1, len(articles) + 1)]
    if ids != expected:
        problem(f"ids are not {PREFIX}001.. in order: {ids}")
    urls = Counter(a.get("url") for a in articles)
    for u, n in urls.items():
        if n > 1:
            problem(f"url {u} appears {n} times")
    for a in articles:
        aid = a.get("id")
        if list(a.keys()) != ARTICLE_KEYS:
            problem(f"{aid}: keys {list(a.keys())}, expected {ARTICLE_KEYS}")
            continue
        if a["lang"] not in ("es", "en"):
            problem(f"{aid}: lang {a['lang']!r}")
        if not isinstance(a["headline"], str) or not a["headline"].strip():
            problem(f"{aid}: empty headline")
        if a["byline"] is not None and not isinstance(a["byline"], str):
            problem(f"{aid}: byline must be a string or null")
        try:
            if datetime.fromisoformat(a["published"]).utcoffset() is None:
                problem(f"{aid}: published has no UTC offset")
        except (TypeError, ValueError):
            problem(f"{aid}: published {a['published']!r} is not ISO-8601")
        if not a["outlet"].endswith(".example"):
            problem(f"{aid}: outlet {a['outlet']} is not under .example")
        if not a["url"].startswith("https://" + a["outlet"] + "/"):
            problem(f"{aid}: url does not start with https:// + outlet")
        body = a["body"]
        n_words = len(body.split())
        if not MIN_WORDS <= n_words <= MAX_WORDS:
            problem(f"{aid}: body has {n_words} words, outside {MIN_WORDS}-{MAX_WORDS}")
        if "\n\n\n" in body or body != body.strip():
            problem(f"{aid}: paragraphs must be separated by exactly one blank line")
        if not isinstance(a["story"], str) or not a["story"].startswith(f"{PREFIX}s"):
            problem(f"{aid}: story {a['story']!r}")
        check_figures(aid, body, a["figures"], names, owner)


def check_figures(aid, body, figures, names, owner):
    if not isinstance(figures, list):
        problem(f"{aid}: figures must be a list")
        return
    seen = []
    cursor = 0
    for k, g in enumerate(figures):
        where = f"{aid} figure {k + 1}"
        keys = set(g.keys())
        if not FIGURE_KEYS <= keys or keys - FIGURE_KEYS - {"max"}:
            problem(f"{where}: keys {sorted(keys)}")
            continue
        q, s, v, tot, att, text = (g[x] for x in ("quantity", "subject", "value", "total", "attributedTo", "text"))
        if q not in QUANTITIES:
            problem(f"{where}: quantity {q!r} is not in the vocabulary")
        if not is_number(v) or v <= 0:
            problem(f"{where}: value {v!r} must be a positive number")
            continue
        if q in FRACTIONS and not v <= 1:
            problem(f"{where}: {q} must be a fraction of 1, got {v}")
        if q == "tally-sheets-collected" and v > 1 and not isinstance(v, int):
            problem(f"{where}: a count of tally sheets must be an integer")
        if q not in FRACTIONS | {"tally-sheets-collected"} and not isinstance(v, int):
            problem(f"{where}: {q} is a count, got {v!r}")
        if tot is not None and (not isinstance(tot, int) or tot <= v):
            problem(f"{where}: total {tot!r} must be an integer above the value")
        if "max" in g and (not is_number(g["max"]) or g["max"] <= v):
            problem(f"{where}: max {g.get('max')!r} must be above the value")
        for role, name in (("subject", s), ("attributedTo", att)):
            if role == "attributedTo" and name is None:
                continue
            if not isinstance(name, str) or name not in names:
                problem(f"{where}: {role} {name!r} is not a canonical name of names.json")
            elif owner.get(words(name)) != name:
                problem(f"{where}: {role} {name!r} does not resolve to itself")
        if q in ELECTION_SUBJECT and not re.match(r"^\d{4} ", s):
            problem(f"{where}: the subject of {q} must be an election named '<year> <kind>', got {s!r}")
        if q in CONTEXT_SUBJECT and not (re.match(r"^\d{4} ", s) or s == "political prisoners"):
            problem(f"{where}: the subject of {q} must be a context, got {s!r}")
        if not isinstance(text, str) or not text:
            problem(f"{where}: empty text")
            continue
        pos = body.find(text, cursor)
        if pos < 0:
            if text in body:
                problem(f"{where}: text {text!r} is out of body order")
            else:
                problem(f"{where}: text {text!r} is not a substring of the body")
            continue
        cursor = pos
        for ps, pq, pv in seen:
            if ps == s and pq == q and same_value(pv, v) and same_value(v, pv):
                problem(f"{where}: repeats ({q}, {s}, {v}) already labelled in this article")
        seen.append((s, q, v))


def check_conflicts(articles, stories, owner):
    by_story = defaultdict(list)
    for a in articles:
        by_story[a["story"]].append(a)
    listed = [st.get("story") for st in stories]
    for sid, n in Counter(listed).items():
        if n > 1:
            problem(f"conflicts.jsonl: story {sid} has {n} lines")
    for sid in by_story:
        if sid not in listed:
            problem(f"conflicts.jsonl: no line for story {sid}")
    for st in stories:
        sid = st.get("story")
        if sid not in by_story:
            problem(f"conflicts.jsonl: story {sid} has no article")
            continue
        if set(st.keys()) != {"story", "conflicts", "not_conflicts"}:
            problem(f"{sid}: keys {sorted(st.keys())}")
            continue
        members = {a["id"]: a for a in by_story[sid]}
        claims = defaultdict(list)  # (quantity, subject) -> [(article id, value, attributedTo)]
        for a in by_story[sid]:
            for g in a["figures"]:
                claims[(g["quantity"], g["subject"])].append((a["id"], g["value"], g["attributedTo"]))
        keys_seen = set()
        for kind in ("conflicts", "not_conflicts"):
            for c in st[kind]:
                key = (c.get("quantity"), c.get("subject"))
                if key in keys_seen:
                    problem(f"{sid}: key {key} listed twice")
                keys_seen.add(key)
                if owner.get(words(key[1] or "")) != key[1]:
                    problem(f"{sid}: subject {key[1]!r} is not a canonical name")
                if key not in claims:
                    problem(f"{sid}: {kind} key {key} has no claim in the story")
                    continue
                if kind == "not_conflicts":
                    if set(c.keys()) != {"quantity", "subject", "why"} or not str(c.get("why", "")).strip():
                        problem(f"{sid}: not-conflict {key} needs quantity, subject and a why")
                    continue
                check_conflict(sid, key, c, claims[key], members)
        for key, cl in claims.items():
            if len(distinct([v for _, v, _ in cl])) >= 2 and key not in keys_seen:
                problem(f"{sid}: key {key} has different values {sorted({v for _, v, _ in cl})} "
                        f"but is in neither conflicts nor not_conflicts")


def check_conflict(sid, key, c, cl, members):
    values = c.get("values")
    if set(c.keys()) != {"quantity", "subject", "values"} or not isinstance(values, list):
        problem(f"{sid}: conflict {key} needs quantity, subject and values")
        return
    if len(distinct([v.get("value") for v in values])) < 2:
        problem(f"{sid}: conflict {key} has fewer than two different values")
    covered = set()
    for v in values:
        arts = v.get("articles") or []
        if not arts:
            problem(f"{sid}: conflict {key} value {v.get('value')} lists no article")
        for aid in arts:
            if aid not in members:
                problem(f"{sid}: conflict {key} lists {aid}, not in the story")
            elif not any(i == aid for i, _, _ in cl):
                problem(f"{sid}: conflict {key} lists {aid}, which states no {key[0]} for {key[1]}")
            covered.add(aid)
        # The value itself is stated by one of its articles (its repeats may be rounded or bounded).
        if not any(i in arts and same_value(v.get("value"), x) for i, x, _ in cl):
            problem(f"{sid}: conflict {key} value {v.get('value')} is stated by none of its articles")
    for aid, _, _ in cl:
        if aid not in covered:
            problem(f"{sid}: conflict {key}: {aid} states the key but is not listed under any value")
    # A conflict needs two sources: the attributions behind different values must differ.
    sources = {att for _, _, att in cl}
    if len(sources) < 2:
        problem(f"{sid}: conflict {key} has a single source {sources}; a revision is not a conflict")


def check_readme(path, articles, stories, names):
    text = open(path, encoding="utf-8").read()
    table = readme_names(path)
    for canonical, aliases in names.items():
        if table.get(canonical) != aliases:
            problem(f"README.md: Subject names row for {canonical!r} differs from names.json")
    for canonical in table:
        if canonical not in names:
            problem(f"README.md: Subject names row {canonical!r} is not in names.json")
    by_q = Counter(g["quantity"] for a in articles for g in a["figures"])
    for q in QUANTITIES:
        m = re.search(r"^\| `%s` \| (\d+) \|" % re.escape(q), text, re.M)
        if not m:
            problem(f"README.md: no row for `{q}` in the claims-by-quantity table")
        elif int(m.group(1)) != by_q[q]:
            problem(f"README.md: `{q}` has {m.group(1)} claims in the table, {by_q[q]} in the data")
    total = sum(by_q.values())
    n_conf = sum(len(s["conflicts"]) for s in stories)
    n_not = sum(len(s["not_conflicts"]) for s in stories)
    for label, n in (("articles", len(articles)), ("gold claims", total),
                     ("conflicts", n_conf), ("not-conflicts", n_not)):
        if not re.search(r"^\| %s[^|]*\| %d\b" % (re.escape(label), n), text, re.M):
            problem(f"README.md: the counts table does not give {n} {label}")
    return by_q


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python3 corpus/validate-figures.py DIR")
    d = sys.argv[1]
    names, owner = load_names(os.path.join(d, "names.json"))
    articles = read_jsonl(os.path.join(d, "articles.jsonl"))
    stories = read_jsonl(os.path.join(d, "conflicts.jsonl"))
    # The set's own id prefix (fig-test-, fig-fresh-), read from its first article: every id and
    # story must carry it.
    global PREFIX
    first = re.match(r"(fig-[a-z]+-)\d{3}$", str(articles[0].get("id", ""))) if articles else None
    PREFIX = first.group(1) if first else "fig-test-"
    check_articles(articles, names, owner)
    if not problems:
        check_conflicts(articles, stories, owner)
        by_q = check_readme(os.path.join(d, "README.md"), articles, stories, names)
    for p in problems:
        print(p)
    if problems:
        print(f"FAILED: {len(problems)} problem(s)")
        sys.exit(1)
    langs = Counter(a["lang"] for a in articles)
    lengths = [len(a["body"].split()) for a in articles]
    print(f"ok: {len(articles)} articles (es {langs['es']}, en {langs['en']}; {min(lengths)}-{max(lengths)} words), "
          f"{len(stories)} stories, {sum(by_q.values())} claims, "
          f"{sum(len(s['conflicts']) for s in stories)} conflicts, "
          f"{sum(len(s['not_conflicts']) for s in stories)} not-conflicts")


if __name__ == "__main__":
    main()
