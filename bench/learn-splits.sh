#!/usr/bin/env bash
# Is a learning gain (or loss) measured by bench/learn.sh more than the luck of one split? Splits a
# labelled corpus (articles.jsonl, negatives.jsonl; copies left out) into random halves, one per
# seed, runs `vigia learn --examples HALF --no-corrections --force` on the bundled profile and
# `vigia enrich --profile` of the learned version on the other half, and prints per split and
# direction the stance macro-F1 toward maduro-government of the shipped and of the learned version
# there (off topic counts as neutral, as in bench/learn.sh) and how many labels changed; then the
# mean difference. Only aggregate figures are printed, so it may be run on a test set.
# LEARN_ARGS adds options to `vigia learn` (e.g. LEARN_ARGS=--lexical, LEARN_ARGS=--no-lexical).
# COMPARE_ARGS, when set, learns a second version per split with LEARN_ARGS plus these options
# (e.g. COMPARE_ARGS="--example-weight auto") on the same halves, and prints it beside the first,
# with the per-split difference between the two: an A/B on the same splits in one run.
# Usage: bench/learn-splits.sh CORPUS_DIR [SEEDS]     e.g. bench/learn-splits.sh /work/shared/eval-dev 8
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:?usage: bench/learn-splits.sh CORPUS_DIR [SEEDS]}"
seeds="${2:-8}"
profile=profiles/venezuela-elections
jar=${VIGIA_JAR:-app/target/vigia.jar}
[ -f "$jar" ] || ./mvnw -B -q -ntp -DskipTests package -pl app -am
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/eval-input.py --labelled "$corpus" > "$work/all.jsonl"
java -Xmx1g -jar "$jar" enrich --profile "$profile" --input "$work/all.jsonl" > "$work/shipped.jsonl" 2>/dev/null
for seed in $(seq 1 "$seeds"); do
  python3 - "$corpus" "$work" "$seed" <<'PY'
import json, random, sys
corpus, work, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
ids = []
for name in ("articles.jsonl", "negatives.jsonl"):
    try:
        ids += [json.loads(l)["id"] for l in open(f"{corpus}/{name}", encoding="utf-8") if l.strip()]
    except FileNotFoundError:
        pass
random.Random(seed).shuffle(ids)
a = set(ids[: len(ids) // 2])
with open(f"{work}/a.jsonl", "w", encoding="utf-8") as fa, open(f"{work}/b.jsonl", "w", encoding="utf-8") as fb:
    for line in open(f"{work}/all.jsonl", encoding="utf-8"):
        i = json.loads(line)["id"]
        if i in ids:
            (fa if i in a else fb).write(line)
PY
  for pair in "a b" "b a"; do
    set -- $pair
    for variant in A B; do
      if [ "$variant" = B ] && [ -z "${COMPARE_ARGS:-}" ]; then
        continue
      fi
      extra=""
      [ "$variant" = B ] && extra="$COMPARE_ARGS"
      rm -rf "$work/learned"
      java -Xmx1g -jar "$jar" learn --no-corrections --force ${LEARN_ARGS:-} $extra --profile "$profile" --examples "$work/$1.jsonl" \
        --out "$work/learned" > /dev/null 2>&1
      java -Xmx1g -jar "$jar" enrich --profile "$work/learned" --input "$work/$2.jsonl" > "$work/learned.jsonl" 2>/dev/null
      python3 - "$work/$2.jsonl" "$work/shipped.jsonl" "$work/learned.jsonl" "$seed $1->$2" >> "$work/results$variant" <<'PY'
import json, sys
gold = {}
for l in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(l)
    if "stance" in o:
        gold[o["id"]] = o["stance"]["maduro-government"]
def read(f):
    out = {}
    for l in open(f, encoding="utf-8"):
        o = json.loads(l)
        s = [x["label"] for x in o["stance"] if x["target"] == "maduro-government"]
        out[o["id"]] = s[0] if s else "neutral"
    return out
def macro(p):
    f = []
    for lab in ("favor", "against", "neutral"):
        tp = sum(1 for i, g in gold.items() if g == lab and p[i] == lab)
        fp = sum(1 for i, g in gold.items() if g != lab and p[i] == lab)
        fn = sum(1 for i, g in gold.items() if g == lab and p[i] != lab)
        f.append(0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(f) / 3
s, l = read(sys.argv[2]), read(sys.argv[3])
changed = sum(1 for i in gold if s[i] != l[i])
print(f"{sys.argv[4]} {len(gold)} {macro(s):.3f} {macro(l):.3f} {changed}")
PY
      tail -1 "$work/results$variant" | awk -v v="$variant" -v c="${COMPARE_ARGS:-}" '{printf "split %s%s: %s labelled, shipped %s, learned %s (%+.3f), %s labels changed\n", $1" "$2, (c == "" ? "" : " " v), $3, $4, $5, $5-$4, $6}'
    done
  done
done
summary() {
  awk -v name="$2" '{d += $5 - $4; n++; if ($5 > $4) up++; if ($5 < $4) down++} END {printf "RESULT%s %d split directions: mean learned - shipped %+.3f; better in %d, worse in %d, same in %d\n", name, n, d / n, up, down, n - up - down}' "$1"
}
if [ -z "${COMPARE_ARGS:-}" ]; then
  summary "$work/resultsA" ""
  exit 0
fi
summary "$work/resultsA" " A (LEARN_ARGS)"
summary "$work/resultsB" " B (+ COMPARE_ARGS)"
paste -d' ' "$work/resultsA" "$work/resultsB" | awk '{d = $11 - $5; s += d; n++; if (n == 1 || d < min) min = d; if (n == 1 || d > max) max = d; if (d > 0) up++; if (d < 0) down++} END {printf "RESULT B - A per split direction: mean %+.3f, from %+.3f to %+.3f; B better in %d, worse in %d, same in %d\n", s / n, min, max, up, down, n - up - down}'
exit 0
