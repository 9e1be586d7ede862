#!/usr/bin/env python3
"""Writes src/duplicates-generated.json: the syndicated and updated copies, made from
articles.jsonl by the explicit edits below (run from staging-A after src/build.py)."""
import json
import re

A = {json.loads(l)["id"]: json.loads(l) for l in open("articles.jsonl", encoding="utf-8")}


def paras(i):
    return A[i]["body"].split("\n\n")


def swap(p, i, old, new):
    assert old in p[i], old
    p[i] = p[i].replace(old, new)


out = []
# js-a-d01: syndicated copy of js-a-001: boilerplate on top, new headline, last paragraph dropped,
# two rewordings.
p = paras("js-a-001")
assert p[6].startswith("The council is required")
p = p[:6]
swap(p, 3, "The opposition rejected the figures within the hour.", "Within an hour, the opposition had rejected the figures.")
swap(p, 4, "Maduro spoke to supporters outside Miraflores Palace, calling the result", "Addressing supporters outside Miraflores Palace, Maduro called the result")
swap(p, 4, " and accusing his rivals", " and accused his rivals")
boiler = ("This story was distributed by WireShare on behalf of a partner news agency and is republished "
          "under licence. It has not been edited by WireShare staff.")
out.append(dict(id="js-a-d01", of="js-a-001", kind="syndicated", lang="en", outlet="wireshare.example",
                published="2024-07-29T04:05:00-04:00",
                headline="Maduro proclaimed winner in Venezuela as opposition disputes count",
                body="\n\n".join([boiler] + p)))
# js-a-d02: syndicated copy of js-a-005: boilerplate at the bottom, new headline, paragraph 5
# dropped, one rewording, straight quotes made curly.
p = paras("js-a-005")
assert p[4].startswith("La agencia no pudo")
del p[4]
swap(p, 2, "rechazó el material en declaraciones", "descalificó el material en declaraciones")
p = [re.sub(r'"([^"]*)"', "\u201c\\1\u201d", x) for x in p]
boiler = ("Este contenido se publica mediante un acuerdo de distribución con Agencia Meridiano. "
          "Queda prohibida su reproducción total o parcial sin autorización.")
out.append(dict(id="js-a-d02", of="js-a-005", kind="syndicated", lang="es", outlet="redhispana.example",
                published="2024-07-30T21:10:00-04:00",
                headline="Actas en la red: la oposición muestra sus copias y el chavismo dice que son forjadas",
                body="\n\n".join(p + [boiler])))
# js-a-d03: updated re-publication of js-a-042: corrected turnout (42.3% -> 42.63%), one added
# paragraph (new paragraph 4), new headline.
p = paras("js-a-042")
swap(p, 2, "put turnout at 42.3% of registered voters.", "put turnout at 42.63% of registered voters.")
added = ("In a second bulletin published later on Monday, the council confirmed the coalition's majority in the "
         "285-seat assembly but did not publish results by polling station. Opposition-aligned monitors who had "
         "posted volunteers outside a sample of voting centres said their own counts pointed to a turnout well "
         "below the official figure.")
p = p[:3] + [added] + p[3:]
out.append(dict(id="js-a-d03", of="js-a-042", kind="updated", lang="en", outlet="orinoconews.example",
                published="2025-05-26T11:20:00-04:00",
                headline="UPDATE 1-Government coalition takes 23 of 24 governorships; opposition disputes 42.63% turnout",
                body="\n\n".join(p)))
json.dump(out, open("src/duplicates-generated.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(f"{len(out)} generated copies")
