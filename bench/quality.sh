#!/usr/bin/env bash
# Every quality figure of the judgements, on every labelled set at hand, side by side:
#   dev    ../shared/eval-dev (the development corpus; skipped when absent, as in a user's clone)
#   train  corpus/judgements/train (the project's own set: the half the profile is tuned on)
#   test   corpus/judgements/test  (the other half: only ever read as these aggregate figures)
# plus figure claims and conflicts on ../shared/eval-dev/figures (dev), corpus/figures (the figures
# engineer's own examples: train), corpus/figures-seen (the first held-out set, written apart by
# someone who never saw the extractor; read item by item since 2026-12-07 to learn why the rules did
# not carry to it, so now a development set) and corpus/figures-test (the second held-out set,
# written apart the same way after that: test, only ever read as these aggregates; read five times
# as aggregates on 2026-12-07 while rules changed) and corpus/figures-fresh (the third held-out set,
# written apart on 2026-12-07 by someone who read neither the extractor nor the other sets: fresh,
# only ever read as these aggregates).
#
#   bench/quality.sh            print the table (options may be preceded by --shared DIR, the
#                               folder holding eval-dev; default ../shared)
#   bench/quality.sh --gate     also fail (exit 1) when a figure falls under bench/quality-gate.json
#   bench/quality.sh --errors SET   list the individual misses of SET (dev or train; never test)
#
# The figures come from `vigia enrich --input` over each set (bench/eval-input.py builds the input)
# scored by bench/score-judgements.py and bench/score-figures.py, the project's own scorers.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ "${1:-}" = --shared ]; then
  shared="${2:?--shared needs a folder}"
  shift 2
fi
gate=false
errors=""
case "${1:-}" in
  --gate) gate=true ;;
  --errors)
    errors="${2:?--errors needs a set: dev or train}"
    [[ "$errors" == *test* ]] && { echo "quality: the test half's errors are not listed: it is for measuring only" >&2; exit 2; }
    ;;
  "") ;;
  *) echo "usage: bench/quality.sh [--gate | --errors dev|train]" >&2; exit 2 ;;
esac

jar=app/target/vigia.jar
# The profiles are bundled into the jar: a jar older than any source, profile or pom would measure
# yesterday's rules, so it is rebuilt then (a tuning loop is: edit, run this, read).
if [ ! -f "$jar" ] || [ -n "$(find profiles pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "quality: building $jar (missing or older than the sources)" >&2
  ./mvnw -B -q -ntp -DskipTests package -pl app -am
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

declare -A judgements=([train]=corpus/judgements/train [test]=corpus/judgements/test)
declare -A figures=([figures-train]=corpus/figures [figures-seen]=corpus/figures-seen [figures-test]=corpus/figures-test [figures-fresh]=corpus/figures-fresh)
if [ -d "$shared/eval-dev" ]; then
  judgements[dev]="$shared/eval-dev"
  [ -d "$shared/eval-dev/figures" ] && figures[figures-dev]="$shared/eval-dev/figures"
else
  echo "quality: $shared/eval-dev not found: the development set's column is left out" >&2
fi

enrich() { # corpus folder, output file
  python3 bench/eval-input.py "$1" > "$work/in.jsonl"
  java -Xmx1g -jar "$jar" enrich --input "$work/in.jsonl" > "$2" 2> "$work/enrich.log" \
    || { cat "$work/enrich.log" >&2; echo "quality: vigia enrich failed on $1" >&2; exit 1; }
}

if [ -n "$errors" ]; then
  corpus="${judgements[$errors]:?unknown set $errors}"
  enrich "$corpus" "$work/out.jsonl"
  exec python3 bench/score-judgements.py --corpus "$corpus" --pred "$work/out.jsonl" --errors
fi

results="$work/results.jsonl"
: > "$results"
for set in dev train test; do
  corpus="${judgements[$set]:-}"
  [ -n "$corpus" ] && [ -f "$corpus/articles.jsonl" ] || continue
  enrich "$corpus" "$work/$set.jsonl"
  python3 - "$set" "$(python3 bench/score-judgements.py --corpus "$corpus" --pred "$work/$set.jsonl" --json)" >> "$results" <<'PY'
import json, sys
print(json.dumps({"set": sys.argv[1], "kind": "judgements", **json.loads(sys.argv[2])}))
PY
done
for set in figures-dev figures-train figures-seen figures-test figures-fresh; do
  corpus="${figures[$set]:-}"
  [ -n "$corpus" ] && [ -f "$corpus/articles.jsonl" ] || continue
  python3 bench/eval-input.py "$corpus" > "$work/in.jsonl"
  java -Xmx1g -jar "$jar" enrich --input "$work/in.jsonl" > "$work/$set.jsonl" 2> "$work/enrich.log"
  if [ "$set" = figures-dev ] && [ -f "$shared/tools/score_figures.py" ]; then
    # The development corpus names its subjects in its README's tables, which its own scorer reads;
    # it reads only `subject`, as enrich writes it (a Wikidata id carries its name after a slash,
    # docs/figures.md), so the output is scored as it is, as anyone running that scorer would.
    python3 "$shared/tools/score_figures.py" --corpus "$corpus" --pred "$work/$set.jsonl" > "$work/score.txt"
    python3 - "$set" "$work/score.txt" >> "$results" <<'PY'
import json, re, sys
text = open(sys.argv[2]).read()
m = re.search(r"score claims F1 ([0-9.]+) conflicts F1 ([0-9.]+)", text)
flagged = re.search(r"not-conflicts flagged as conflicts: (\d+)", text)
print(json.dumps({"set": sys.argv[1], "kind": "figures", "claims": {"f1": float(m.group(1))},
                  "conflicts": {"f1": float(m.group(2)), "not_conflicts_flagged": int(flagged.group(1)) if flagged else None}}))
PY
  else
    python3 - "$set" "$(python3 bench/score-figures.py --corpus "$corpus" --pred "$work/$set.jsonl" --json)" >> "$results" <<'PY'
import json, sys
print(json.dumps({"set": sys.argv[1], "kind": "figures", **json.loads(sys.argv[2])}))
PY
  fi
done

python3 - "$results" bench/quality-gate.json "$gate" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
gate = json.load(open(sys.argv[2])) if sys.argv[3] == "true" else None

def metrics(r):
    if r["kind"] == "figures":
        return {"figure claims F1": r["claims"]["f1"], "figure conflicts F1": r["conflicts"]["f1"],
                "not-conflicts flagged": r["conflicts"]["not_conflicts_flagged"]}
    m = {"entities F1": r["entities"]["f1"], "entities P": r["entities"]["precision"],
         "entities R": r["entities"]["recall"], "stance macro-F1": r["stance"]["macro_f1"],
         "stance favor F1": r["stance"]["favor"], "stance against F1": r["stance"]["against"],
         "stance neutral F1": r["stance"]["neutral"], "relevance P": r["relevance"]["precision"],
         "relevance R": r["relevance"]["recall"],
         "pairs right": r["pairs"]["right"] / r["pairs"]["of"] if r["pairs"]["of"] else None,
         "unrelated joined": r["pairs"]["false_joins"]}
    if r["copies"]["f1"] is not None:
        m["copies F1"] = r["copies"]["f1"]
    return m

table = {r["set"]: metrics(r) for r in rows}
names = []
for m in table.values():
    names += [n for n in m if n not in names]
sets = [s for s in ("dev", "train", "test", "figures-dev", "figures-train", "figures-seen", "figures-test", "figures-fresh") if s in table]
print(f"{'':24}" + "".join(f"{s:>15}" for s in sets))
for n in names:
    cells = []
    for s in sets:
        v = table[s].get(n)
        cells.append(f"{'':>15}" if v is None else f"{v:>15.3f}" if isinstance(v, float) else f"{v:>15}")
    print(f"{n:24}" + "".join(cells))
if gate is None:
    sys.exit(0)
failed = []
for s, limits in gate.items():
    if s.startswith("_"):
        continue
    if s not in table:
        print(f"RESULT gate: set {s} not measured here, skipped")
        continue
    for n, bound in limits.items():
        v = table[s].get(n)
        worse = v is None or (v > bound if n in ("unrelated joined", "not-conflicts flagged") else v < bound)
        if worse:
            failed.append(f"{s} {n} {v} (gate {bound})")
for f in failed:
    print(f"RESULT gate FAILED: {f}")
print("RESULT gate " + ("failed" if failed else "passed"))
sys.exit(1 if failed else 0)
PY
