#!/usr/bin/env python3
"""Builds the staging-A JSONL files from the plain-text sources in src/.

Sources: entities.tsv (canonical<TAB>type<TAB>alias|alias...), articles-*.txt, negatives.txt,
duplicates.txt, pairs.tsv. Entity lists are declared by hand per article; this script orders
them by first mention in the body and reports (a) declared entities it cannot find, (b) entities
of the table it finds but that were not declared, (c) capitalised words covered by no name,
for a human to review. Run from the staging-A folder: python3 src/build.py [--audit]
"""
import glob
import json
import re
import sys

HERE = "src"


def load_entities():
    table = {}
    for line in open(f"{HERE}/entities.tsv", encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        name, typ = parts[0], parts[1]
        aliases = [a for a in (parts[2].split("|") if len(parts) > 2 and parts[2] else [])]
        assert typ in ("PERSON", "ORG", "PLACE"), line
        assert name not in table, f"duplicate canonical {name}"
        table[name] = (typ, aliases)
    owner = {}
    for name, (_, aliases) in table.items():
        for form in [name, *aliases]:
            assert form not in owner or owner[form] == name, f"alias {form} of {owner.get(form)} and {name}"
            owner[form] = name
    return table, owner


def matcher(owner):
    forms = sorted(owner, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")


def records(path):
    text = open(path, encoding="utf-8").read()
    for chunk in re.split(r"^@@ ", text, flags=re.M)[1:]:
        head, _, body = chunk.partition("\n--\n")
        lines = head.split("\n")
        rec = {"id": lines[0].strip()}
        for l in lines[1:]:
            if not l.strip():
                continue
            k, _, v = l.partition(":")
            rec[k.strip()] = v.strip()
        paras = [p.strip().replace("\n", " ") for p in body.strip().split("\n\n")]
        rec["body"] = "\n\n".join(p for p in paras if p)
        yield rec


STOP = set("""The A An In On At As By For From Of To And But Or If It Its This That These Those He She They We
His Her Their Our One Two Three Four Five Six Seven Eight Nine Ten After Before When While With Without Since
Until During Under Over Among About Some Many Most More Several Both Each Not No Yes There Here What Who Why How
Still Yet Even Also Only Then Now Later Earlier Last Next First Second Third Mr Mrs Ms Dr Sunday Monday Tuesday
Wednesday Thursday Friday Saturday January February March April May June July August September October November
December Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec El La Los Las Un Una Unos Unas En Con Por Para Del Al Y O Pero
Si No Se Su Sus Lo Le Les Que Como Cuando Desde Hasta Entre Sobre Tras Ante Según Sin Ese Esa Eso Este Esta Esto
Estos Estas Aquel Otro Otra Otros Ya Más Menos Hoy Ayer Mañana Nadie Todo Todos Toda Todas Cada Mientras Aunque
Pues Así Allí Ahí Donde Quien Quienes Lunes Martes Miércoles Jueves Viernes Sábado Domingo Enero Febrero Marzo
Abril Mayo Junio Julio Agosto Septiembre Setiembre Octubre Noviembre Diciembre Es Son Fue Fueron Era Hay Había
No Ni Muchos Muchas Varios Varias Algunos Algunas Nuestro Nuestra Ellos Ellas Nosotros Él Ella Yo Usted Ustedes""".split())


def audit_caps(body, spans):
    covered = [False] * len(body)
    for s, e in spans:
        for i in range(s, e):
            covered[i] = True
    out = []
    for m in re.finditer(r"[A-ZÁÉÍÓÚÑ][\w'’.-]*\w|[A-ZÁÉÍÓÚÑ]", body):
        if covered[m.start()] or m.group(0) in STOP:
            continue
        out.append(m.group(0))
    return out


def main():
    audit = "--audit" in sys.argv
    table, owner = load_entities()
    rx = matcher(owner)
    problems = 0
    articles = []
    for path in sorted(glob.glob(f"{HERE}/articles-*.txt")):
        for r in records(path):
            found, spans = [], []
            for m in rx.finditer(r["body"]):
                spans.append(m.span())
                c = owner[m.group(1)]
                if c not in found:
                    found.append(c)
            declared = [x.strip() for x in r["entities"].split(";") if x.strip()]
            for d in declared:
                if d not in table:
                    print(f"{r['id']}: unknown entity {d!r}")
                    problems += 1
                elif d not in found:
                    print(f"{r['id']}: declared but not in body: {d}")
                    problems += 1
            for f in found:
                if f not in declared:
                    print(f"{r['id']}: in body but not declared: {f}")
                    problems += 1
            ordered = [f for f in found if f in declared]
            if audit:
                caps = audit_caps(r["body"], spans)
                print(f"{r['id']} caps: {sorted(set(caps))}")
            articles.append({
                "id": r["id"], "lang": r["lang"], "headline": r["headline"],
                "byline": None if r["byline"] in ("-", "") else r["byline"],
                "published": r["published"], "outlet": r["outlet"], "body": r["body"],
                "stance": r["stance"],
                "entities": [{"name": n, "type": table[n][0]} for n in ordered],
                "story": r["story"],
            })
    with open("articles.jsonl", "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    used = {e["name"] for a in articles for e in a["entities"]}
    with open("entity-names.json", "w", encoding="utf-8") as f:
        json.dump({n: table[n][1] for n in sorted(used)}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    for name, kind in (("negatives", None), ("duplicates", None)):
        p = f"{HERE}/{name}.txt"
        try:
            recs = list(records(p))
        except FileNotFoundError:
            continue
        if name == "duplicates":
            try:
                gen = json.load(open(f"{HERE}/duplicates-generated.json", encoding="utf-8"))
            except FileNotFoundError:
                gen = []
            recs = gen + recs
        with open(f"{name}.jsonl", "w", encoding="utf-8") as f:
            for r in recs:
                if name == "negatives":
                    o = {"id": r["id"], "lang": r["lang"], "headline": r["headline"],
                         "published": r["published"], "outlet": r["outlet"], "kind": r["kind"],
                         "body": r["body"]}
                else:
                    o = {"id": r["id"], "of": r["of"], "kind": r["kind"], "lang": r["lang"],
                         "headline": r["headline"], "published": r["published"],
                         "outlet": r["outlet"], "body": r["body"]}
                    if audit:
                        for m in rx.finditer(r["body"]):
                            pass
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
            if audit and name == "negatives":
                for r in recs:
                    hits = sorted({owner[m.group(1)] for m in rx.finditer(r["body"])})
                    print(f"{r['id']} names: {hits}")
    try:
        with open("pairs.jsonl", "w", encoding="utf-8") as f:
            for line in open(f"{HERE}/pairs.tsv", encoding="utf-8"):
                if line.strip() and not line.startswith("#"):
                    a, b, lab = line.split("\t")[:3]
                    f.write(json.dumps({"a": a, "b": b, "label": lab.strip()}) + "\n")
    except FileNotFoundError:
        pass
    print(f"{len(articles)} articles, {problems} problems")


if __name__ == "__main__":
    main()
