#!/usr/bin/env bash
# Extraction on the patterns Spanish-language outlets serve (stacked articles, split bodies,
# paywalls, standfirsts, one-line footers, evening dates with an offset): runs `vigia extract`
# over a folder of corpus/extraction and scores it with must / must-not segments, as
# trafilatura's evaluation does: a "with" segment found in title + text is a true positive, one
# missing a false negative; a "without" segment found is a false positive. Prints segment
# precision / recall / F1, publication-day accuracy and paywall marking.
#   bench/extraction-segments.sh [DIR] [--verbose]   DIR: corpus/extraction/dev (default) or .../heldout
# --verbose lists each page's misses: for the development set only; the held-out set is read as
# aggregate figures.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(cd "${1:-corpus/extraction/dev}" && pwd)
verbose=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$dir" > "$tmp/manifest.jsonl" <<'PY'
import json, sys
d = sys.argv[1]
for k, v in json.load(open(f"{d}/segments.json", encoding="utf-8")).items():
    print(json.dumps({"id": k, "url": v["url"], "path": f"{d}/{v['file']}"}))
PY
${VIGIA:-./vigia} extract --manifest "$tmp/manifest.jsonl" > "$tmp/out.jsonl"
python3 - "$dir/segments.json" "$tmp/out.jsonl" "$verbose" <<'PY'
import json, re, sys
truth = json.load(open(sys.argv[1], encoding="utf-8"))
pred = {o["id"]: o for o in map(json.loads, open(sys.argv[2], encoding="utf-8"))}
verbose = sys.argv[3] == "--verbose"
norm = lambda s: re.sub(r"\s+", " ", (s or "")).strip().casefold()
tp = fn = fp = tn = 0
days = dated = 0
pay_right = 0
for pid, t in truth.items():
    p = pred.get(pid, {})
    seen = norm((p.get("title") or "") + "\n" + (p.get("standfirst") or "") + "\n" + (p.get("text") or ""))
    miss = [s for s in t["with"] if norm(s) not in seen]
    leak = [s for s in t["without"] if norm(s) in seen]
    tp += len(t["with"]) - len(miss); fn += len(miss)
    fp += len(leak); tn += len(t["without"]) - len(leak)
    if t.get("date"):
        dated += 1
        got = (p.get("publishedAt") or "")[:10]
        days += got == t["date"]
        if verbose and got != t["date"]:
            print(f"{pid}: day {got or '-'} (truth {t['date']}; publishedAt {p.get('publishedAt')})")
    pay_right += bool(p.get("paywalled")) == bool(t.get("paywalled"))
    if verbose:
        for s in miss:
            print(f"{pid}: missing  {s[:90]}")
        for s in leak:
            print(f"{pid}: leaked   {s[:90]}")
pr = tp / (tp + fp) if tp + fp else 0.0
rc = tp / (tp + fn) if tp + fn else 0.0
f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
print(f"pages {len(truth)}  segments with {tp + fn} without {fp + tn}")
print(f"precision {pr:.3f}  recall {rc:.3f}  F1 {f1:.3f}  (title + standfirst + text)")
print(f"publication day {days}/{dated}")
print(f"paywalled marked right {pay_right}/{len(truth)}")
PY
