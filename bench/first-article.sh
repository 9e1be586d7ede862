#!/usr/bin/env bash
# Time from `vigia run --demo` to the first searchable article, and the process's resident memory
# once every demo article is in: what a new user sees first. The jar is built beforehand (not timed);
# each run starts on a fresh data folder.
#   bench/first-article.sh [RUNS]     default 3 runs; prints a RESULT line per run
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
[ -f app/target/vigia.jar ] || ./mvnw -B -q -ntp -DskipTests package -pl app -am
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
for ((i = 1; i <= runs; i++)); do
  data=$(mktemp -d)
  start=$(date +%s.%N)
  java -Xms64m -Xmx1g -XX:+UseSerialGC -jar app/target/vigia.jar run --demo --data "$data" --port "$port" \
    >"$data/run.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  first="" all=""
  for ((t = 0; t < 1200; t++)); do
    kill -0 $pid 2>/dev/null || { tail -30 "$data/run.log" >&2; echo "first-article: vigia exited" >&2; exit 1; }
    body=$(curl -s "http://127.0.0.1:$port/api/articles?size=1&duplicates=true" || true)
    total=$(printf '%s' "$body" | python3 -c 'import json,sys
try: print(int(json.load(sys.stdin).get("total", 0)))
except Exception: print(0)')
    now=$(date +%s.%N)
    if [ -z "$first" ] && [ "${total:-0}" -gt 0 ]; then first=$(python3 -c "print($now - $start)"); fi
    if [ "${total:-0}" -ge 12 ]; then all=$(python3 -c "print(round($now - $start, 1))"); break; fi
    sleep 0.1
  done
  [ -n "$first" ] || { tail -30 "$data/run.log" >&2; echo "first-article: nothing searchable after 120 s" >&2; exit 1; }
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
  printf 'RESULT first-article run=%d first_searchable_s=%.1f all_demo_articles_s=%s rss_mb=%s\n' \
    "$i" "$first" "${all:-n/a}" "$rss"
done
