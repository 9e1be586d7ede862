#!/usr/bin/env bash
# Does learning carry to text it has not seen? Splits a labelled corpus (articles.jsonl with a
# stance toward maduro-government, negatives.jsonl as off-topic examples) into two halves by
# position (even / odd lines), runs `vigia learn --examples` with one half on the bundled profile,
# then `vigia enrich --profile` of the shipped and of the learned version on the OTHER half, and
# prints stance macro-F1 toward maduro-government (an article judged off topic counts as neutral,
# as in bench/score-judgements.py) and relevance F1 there; then the other way round.
# Only aggregate figures are printed, so it may be run on a test set. It learns from the examples
# file alone (--no-corrections): a broker recorded in ./data plays no part.
# Usage: bench/learn.sh CORPUS_DIR     e.g. bench/learn.sh ../shared/eval-dev
#        LEARN_ARGS=--force bench/learn.sh CORPUS_DIR   to measure a version learn would refuse
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:?usage: bench/learn.sh CORPUS_DIR}"
profile=profiles/venezuela-elections
jar=${VIGIA_JAR:-app/target/vigia.jar}
[ -f "$jar" ] || ./mvnw -B -q -ntp -DskipTests package -pl app -am
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/eval-input.py --labelled "$corpus" > "$work/all.jsonl"
python3 - "$corpus" "$work" <<'PY'
import json, sys
corpus, work = sys.argv[1], sys.argv[2]
def ids(name):
    try:
        return [json.loads(l)["id"] for l in open(f"{corpus}/{name}", encoding="utf-8") if l.strip()]
    except FileNotFoundError:
        return []
half = {}
for name in ("articles.jsonl", "negatives.jsonl"):
    for i, x in enumerate(ids(name)):
        half[x] = "a" if i % 2 == 0 else "b"
lines = [json.loads(l) for l in open(f"{work}/all.jsonl", encoding="utf-8")]
for h in "ab":
    with open(f"{work}/{h}.jsonl", "w", encoding="utf-8") as f:
        for o in lines:
            if half.get(o["id"]) == h:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
PY
score() { # gold half, predictions
  python3 - "$1" "$2" <<'PY'
import json, sys
gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
pred = {}
for l in open(sys.argv[2], encoding="utf-8"):
    o = json.loads(l)
    s = [x["label"] for x in o["stance"] if x["target"] == "maduro-government"]
    pred[o["id"]] = (s[0] if s else "neutral", o["relevance"]["relevant"])
st = [(g["stance"]["maduro-government"], pred[g["id"]][0]) for g in gold if "stance" in g]
f = []
for lab in ("favor", "against", "neutral"):
    tp = sum(1 for g, p in st if g == lab and p == lab)
    fp = sum(1 for g, p in st if g != lab and p == lab)
    fn = sum(1 for g, p in st if g == lab and p != lab)
    f.append(0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
rel = [(g["relevant"], pred[g["id"]][1]) for g in gold if "relevant" in g]
tp = sum(1 for g, p in rel if g and p); fp = sum(1 for g, p in rel if p and not g); fn = sum(1 for g, p in rel if g and not p)
rf = 0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
print(f"stance macro-F1 {sum(f) / 3:.3f} (favor {f[0]:.2f}, against {f[1]:.2f}, neutral {f[2]:.2f}) on {len(st)}; relevance F1 {rf:.3f} on {len(rel)}")
PY
}
for pair in "a b" "b a"; do
  set -- $pair
  rm -rf "$work/learned"
  code=0
  java -Xmx1g -jar "$jar" learn --no-corrections --profile "$profile" --examples "$work/$1.jsonl" --out "$work/learned" ${LEARN_ARGS:-} \
    > "$work/learn.log" 2>&1 || code=$?
  sed 's/^/  /' "$work/learn.log"
  java -Xmx1g -jar "$jar" enrich --profile "$profile" --input "$work/$2.jsonl" > "$work/shipped.jsonl" 2>/dev/null
  echo "RESULT learn examples half $1, evaluated on half $2: shipped profile $(score "$work/$2.jsonl" "$work/shipped.jsonl")"
  if [ "$code" -eq 0 ]; then
    java -Xmx1g -jar "$jar" enrich --profile "$work/learned" --input "$work/$2.jsonl" > "$work/learned.jsonl" 2>/dev/null
    echo "RESULT learn examples half $1, evaluated on half $2: learned version $(score "$work/$2.jsonl" "$work/learned.jsonl")"
  else
    echo "RESULT learn examples half $1: vigia learn refused the version (exit $code)"
  fi
done
