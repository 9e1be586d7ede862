#!/usr/bin/env bash
# Extraction quality: runs `vigia extract` over the Zyte benchmark and the eval-dev pages and
# scores them with the scorer from ../shared/tools (needs ../shared; not part of the tests).
#   bench/extraction-score.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
# absolute: manifest paths are resolved against the manifest's own folder
shared=$(cd "${1:-../shared}" && pwd)
tmp=$(mktemp -d)
python3 - "$shared" "$tmp" <<'PY'
import json, os, sys
shared, tmp = sys.argv[1], sys.argv[2]
z = f"{shared}/benchmarks/zyte-aeb"
with open(f"{tmp}/zyte.jsonl", "w") as m:
    for k, v in json.load(open(f"{z}/ground-truth.json")).items():
        m.write(json.dumps({"id": k, "url": v["url"], "path": f"{z}/html/{k}.html.gz"}) + "\n")
d = f"{shared}/eval-dev"
with open(f"{tmp}/dev.jsonl", "w") as m, open(f"{tmp}/dev-truth.jsonl", "w") as t:
    for f in ("articles.jsonl", "duplicates.jsonl"):
        for line in open(f"{d}/{f}"):
            o = json.loads(line)
            p = f"{d}/html/{o['id']}.html"
            if os.path.exists(p):
                t.write(json.dumps({"id": o["id"], "body": o["body"], "headline": o.get("headline"), "published": o.get("published")}) + "\n")
                m.write(json.dumps({"id": o["id"], "url": o.get("url") or f"https://example.org/{o['id']}", "path": p}) + "\n")
PY
./vigia extract --manifest "$tmp/zyte.jsonl" > "$tmp/zyte.out"
echo "== zyte-aeb"; python3 "$shared/tools/score_extraction.py" --truth "$shared/benchmarks/zyte-aeb/ground-truth.json" --pred "$tmp/zyte.out"
./vigia extract --manifest "$tmp/dev.jsonl" > "$tmp/dev.out"
echo "== eval-dev"; python3 "$shared/tools/score_extraction.py" --truth "$tmp/dev-truth.jsonl" --pred "$tmp/dev.out"
