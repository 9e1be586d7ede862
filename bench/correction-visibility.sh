#!/usr/bin/env bash
# POST to searchable for analysts' corrections: N corrections against a running pipeline, each timed
# from just before its POST until a search (GET /api/articles with the corrected filter) lists the
# article as corrected; prints p50/p99/max (goal: p99 < 2 s).
#   bench/correction-visibility.sh [N] [URL]
#   BACKEND=opensearch bench/correction-visibility.sh [N]   the same with the sink on OpenSearch
#                                                           (started and stopped by .ci/opensearch.sh)
# Without URL it starts `vigia run --demo` on a fresh data folder (the jar is built first, not
# timed), waits for the 12 demo articles and stops it afterwards. With URL (e.g.
# http://127.0.0.1:8080) it corrects the articles of that pipeline: it changes them, and takes
# every change back at the end. VIGIA_API_KEY, when set, is sent as the API key.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300}
url=${2:-}
if [ -z "$url" ]; then
  [ -f app/target/vigia.jar ] || ./mvnw -B -q -ntp -DskipTests package -pl app -am
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  data=$(mktemp -d)
  osdir=${TMPDIR:-/tmp}/vigia-correction-visibility-os
  cleanup() {
    kill "${pid:-}" 2>/dev/null || true; wait "${pid:-}" 2>/dev/null || true; rm -rf "$data"
    [ "${BACKEND:-lucene}" = opensearch ] && .ci/opensearch.sh stop "$osdir" || true
  }
  trap cleanup EXIT
  if [ "${BACKEND:-lucene}" = opensearch ]; then
    export VIGIA_SINK_BACKEND=opensearch
    VIGIA_SINK_OPENSEARCH_URL=$(.ci/opensearch.sh start "$osdir" | tail -1)
    export VIGIA_SINK_OPENSEARCH_URL
  fi
  java -Xms64m -Xmx1g -XX:+UseSerialGC -jar app/target/vigia.jar run --demo --data "$data" --port "$port" \
    >"$data/run.log" 2>&1 &
  pid=$!
  url="http://127.0.0.1:$port"
  for ((t = 0; t < 1800; t++)); do
    kill -0 $pid 2>/dev/null || { tail -30 "$data/run.log" >&2; echo "correction-visibility: vigia exited" >&2; exit 1; }
    total=$(curl -s "$url/api/articles?size=0&duplicates=true" | python3 -c 'import json,sys
try: print(int(json.load(sys.stdin).get("total", 0)))
except Exception: print(0)' || true)
    [ "${total:-0}" -ge 12 ] && break
    sleep 0.1
  done
  [ "${total:-0}" -ge 12 ] || { tail -30 "$data/run.log" >&2; echo "correction-visibility: the demo articles did not arrive in 180 s" >&2; exit 1; }
fi
python3 bench/correction-visibility.py "$url" "$n"
