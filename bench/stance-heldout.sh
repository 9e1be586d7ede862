#!/usr/bin/env bash
# Held-out stance figure: splits a labelled corpus's articles (articles.jsonl with "stance") into
# two halves by position (even/odd lines), calibrates the profile's stance weights and thresholds
# with `vigia stance-train` on one half, runs `vigia enrich` with the calibrated profile and
# scores macro-F1 toward maduro-government on the other half; then the other way round.
# Usage: bench/stance-heldout.sh CORPUS_DIR [PROFILE_DIR]   (default profile: profiles/venezuela-elections)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$1"
profile="${2:-profiles/venezuela-elections}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f app/target/vigia.jar ] || ./mvnw -B -q -ntp -DskipTests package -pl app -am
python3 - "$corpus" "$work" <<'PY'
import json, sys
corpus, work = sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(f"{corpus}/articles.jsonl", encoding="utf-8") if l.strip()]
with open(f"{work}/a.jsonl", "w") as a, open(f"{work}/b.jsonl", "w") as b, open(f"{work}/in.jsonl", "w") as all_:
    for i, o in enumerate(rows):
        line = {"id": o["id"], "title": o["headline"], "text": o["body"], "label": o["stance"]}
        (a if i % 2 == 0 else b).write(json.dumps(line, ensure_ascii=False) + "\n")
        all_.write(json.dumps({"id": o["id"], "url": f"https://{o['id']}.example/", "title": o["headline"], "text": o["body"],
                               "language": o.get("lang")}, ensure_ascii=False) + "\n")
PY
for pair in "a b" "b a"; do
  set -- $pair
  rm -rf "$work/prof"; cp -r "$profile" "$work/prof"
  java -jar app/target/vigia.jar stance-train --input "$work/$1.jsonl" --out "$work/stance.yaml"
  mv "$work/stance.yaml" "$work/prof/stance.yaml"
  VIGIA_PROFILE="$work/prof" java -jar app/target/vigia.jar enrich --input "$work/in.jsonl" > "$work/out.jsonl" 2>/dev/null
  python3 - "$work/$2.jsonl" "$work/out.jsonl" "$1" "$2" <<'PY'
import json, sys
gold = {json.loads(l)["id"]: json.loads(l)["label"] for l in open(sys.argv[1])}
pred = {}
for l in open(sys.argv[2]):
    o = json.loads(l)
    if o["id"] in gold:
        s = [x for x in o["stance"] if x["target"] == "maduro-government"]
        pred[o["id"]] = s[0]["label"] if s else "neutral"
f = []
for lab in ("favor", "against", "neutral"):
    tp = sum(1 for i in gold if gold[i] == lab and pred[i] == lab)
    fp = sum(1 for i in gold if gold[i] != lab and pred[i] == lab)
    fn = sum(1 for i in gold if gold[i] == lab and pred[i] != lab)
    f.append(0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
print(f"RESULT trained on half {sys.argv[3]}, held-out half {sys.argv[4]} ({len(gold)} articles): macro-F1 {sum(f) / 3:.3f} "
      f"(favor {f[0]:.2f}, against {f[1]:.2f}, neutral {f[2]:.2f})")
PY
done
