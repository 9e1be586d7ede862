#!/usr/bin/env python3
"""Builds the staging-C judgement files from the hand-written sources in src/.

  python3 build.py          write articles.jsonl, negatives.jsonl, duplicates.jsonl, entity-names.json
  python3 build.py --audit  also list, per article, capitalised words no entity name covers

Sources: src/articles-*.txt, src/negatives.txt and src/duplicates.txt hold one item per
"## id" block (header lines "key: value", a "---" line, then the body with paragraphs separated
by one blank line). src/entities.tsv is the alias table: canonical name, type, surface forms.

Entity labels are the table's names found in the body (case-sensitive, whole word, longest
match first, no overlaps), in order of first mention. A block may adjust them by hand with
"drop: Name; Name" or "add: Name" header lines (each use is explained in the README).
pairs.jsonl is written by hand.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")

ARTICLE_KEYS = ["id", "lang", "headline", "byline", "published", "outlet", "body", "stance",
                "entities", "story"]
NEGATIVE_KEYS = ["id", "lang", "headline", "published", "outlet", "body", "kind"]
DUPLICATE_KEYS = ["id", "of", "kind", "headline", "published", "outlet", "body"]


def read_blocks(path):
    text = open(path, encoding="utf-8").read()
    blocks = []
    for chunk in re.split(r"^## ", text, flags=re.M)[1:]:
        head, _, body = chunk.partition("\n---\n")
        lines = head.split("\n")
        item = {"id": lines[0].strip()}
        for line in lines[1:]:
            if line.strip():
                key, _, value = line.partition(":")
                item[key.strip()] = value.strip()
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body.strip())]
        item["body"] = "\n\n".join(paragraphs)
        if item.get("byline") == "null":
            item["byline"] = None
        blocks.append(item)
    return blocks


def read_table():
    canon, forms = {}, []
    for line in open(os.path.join(SRC, "entities.tsv"), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        name, typ, surfaces = line.rstrip("\n").split("\t")
        canon[name] = {"type": typ, "aliases": surfaces.split("|")}
        for s in surfaces.split("|"):
            forms.append((s, name))
    forms.sort(key=lambda f: -len(f[0]))
    seen = {}
    for s, name in forms:
        if s in seen and seen[s] != name:
            sys.exit(f"surface form {s!r} maps to both {seen[s]} and {name}")
        seen[s] = name
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(s) for s, _ in forms) + r")(?!\w)")
    return canon, seen, pattern


DATELINE = re.compile(r"^[A-ZÁÉÍÓÚÑ]{2,}[A-ZÁÉÍÓÚÑ ]*(,[^.\n—]*?)?(\s\([^)]*\))?(\s[—-]\s|\.\s)")


def dateline_end(body):
    """Length of a wire dateline ("CARACAS, Jan 27 (Orinoco Wire) - "), which is not annotated."""
    m = DATELINE.match(body)
    return m.end() if m else 0


def find_entities(body, canon, surface, pattern):
    found, spans = [], []
    for m in pattern.finditer(body, dateline_end(body)):
        name = surface[m.group(1)]
        spans.append(m.span())
        if canon[name]["type"] != "-" and name not in found:
            found.append(name)
    return found, spans


def names(value):
    return [n.strip() for n in (value or "").split(";") if n.strip()]


def build_articles(canon, surface, pattern):
    out = []
    for path in sorted(glob.glob(os.path.join(SRC, "articles-*.txt"))):
        for b in read_blocks(path):
            found, _ = find_entities(b["body"], canon, surface, pattern)
            for n in names(b.get("drop")):
                if n not in found:
                    sys.exit(f"{b['id']}: drop {n!r} not found")
                found.remove(n)
            for n in names(b.get("add")):
                found.append(n)
            b["entities"] = [{"name": n, "type": canon[n]["type"]} for n in found]
            out.append({k: b.get(k) for k in ARTICLE_KEYS})
    return out


def audit(items, canon, surface, pattern):
    stop = set("""A An The In On At Of For And But Or If As By To From With Within After Before
    While When Where Who Why What How This That These Those It Its He She They We Our Their His Her
    There Here Some Several Many Most More No Not Nobody Nothing Every Each Both One Two Three Four
    Five Six Seven Eight Nine Ten Under Over Since Until Yet So Then Now Still Even Only Also Neither
    Venezuelan Venezuelans Guyanese Colombian Brazilian Spanish Canadian Dominican Cuban American Americans
    Western West Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mr Ms President Vice Prime Minister Secretary Foreign Attorney General Council
    El La Los Las Un Una Unos Unas En Con Por Para Sin Sobre Desde Hasta Entre Tras Según Ante Durante Mientras
    Pero Cuando Como Quien Quienes Qué Que Ese Esa Eso Este Esta Esto Estos Estas Aquí Allí Así Ya No Ni Nadie
    Lo Le Les Se Su Sus Al Del De Y O Es Son Fue Hoy Ayer Hay Cada Todo Toda Todos Después Antes Tampoco Ahora
    Dos Tres Cuatro Cinco Seis Siete Ocho Nueve Diez Más Menos Muchos Varios Otros Otras Nada Ningún Ninguno Ninguna
    Lunes Martes Miércoles Jueves Viernes Sábado Domingo Enero Febrero Marzo Abril Mayo Junio Julio Agosto
    Septiembre Octubre Noviembre Diciembre Gobierno Estado Ejecutivo República Constitución Sí Dicen Ganó Hemos
    Ha Han Vamos Esta Eso Dónde Fue""".split())
    for it in items:
        body = it["body"]
        _, spans = find_entities(body, canon, surface, pattern)
        covered = [False] * len(body)
        for i in range(dateline_end(body)):
            covered[i] = True
        for a, b in spans:
            for i in range(a, b):
                covered[i] = True
        odd = []
        for m in re.finditer(r"[A-ZÁÉÍÓÚÑÜ][\w'’.-]*", body):
            word = m.group(0).rstrip(".")
            if covered[m.start()] or word in stop or len(word) < 2:
                continue
            odd.append(word)
        if odd:
            print(it["id"], "|", " ".join(dict.fromkeys(odd)))


def main():
    canon, surface, pattern = read_table()
    articles = build_articles(canon, surface, pattern)
    negatives = [{k: b.get(k) for k in NEGATIVE_KEYS}
                 for b in read_blocks(os.path.join(SRC, "negatives.txt"))] \
        if os.path.exists(os.path.join(SRC, "negatives.txt")) else []
    duplicates = [{k: b.get(k) for k in DUPLICATE_KEYS}
                  for b in read_blocks(os.path.join(SRC, "duplicates.txt"))] \
        if os.path.exists(os.path.join(SRC, "duplicates.txt")) else []
    for name, items in (("articles", articles), ("negatives", negatives),
                        ("duplicates", duplicates)):
        with open(os.path.join(HERE, f"{name}.jsonl"), "w", encoding="utf-8") as f:
            for it in items:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
    used = sorted({e["name"] for a in articles for e in a["entities"]})
    table = {n: [s for s in canon[n]["aliases"] if s != n] for n in used}
    with open(os.path.join(HERE, "entity-names.json"), "w", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"articles {len(articles)}, negatives {len(negatives)}, duplicates {len(duplicates)},"
          f" canonical names {len(used)}")
    if "--audit" in sys.argv:
        audit(articles, canon, surface, pattern)


if __name__ == "__main__":
    main()
