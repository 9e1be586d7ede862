#!/usr/bin/env bash
# Feed polling throughput: a loopback farm of synthetic RSS feeds (one in CHANGE_EVERY gets a new
# item on every poll, the rest answer 304 to a conditional GET) in one JVM, the poller (real
# fetcher, parser, poll state, canonical-URL dedup) in another, pinned to one core with a 256 MB heap.
# Usage: [HEAP=256m] bench/feed-poll-bench.sh [FEEDS=2000] [ROUNDS=10] [THREADS=32] [CHANGE_EVERY=10]
set -euo pipefail
cd "$(dirname "$0")/.."
FEEDS=${1:-2000}; ROUNDS=${2:-10}; THREADS=${3:-32}; CHANGE_EVERY=${4:-10}; HEAP=${HEAP:-256m}
./mvnw -B -q -ntp -pl ingest -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/feed-poll-bench.classpath >/dev/null
CP="ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/feed-poll-bench.classpath)"
PORT_FILE=$(mktemp)
rm -f "$PORT_FILE"
PIN=""
if command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ]; then PIN="taskset -c 1"; fi
$PIN java -Xmx256m -cp "$CP" io.vigia.ingest.bench.FeedFarm "$PORT_FILE" "$CHANGE_EVERY" &
FARM=$!
trap 'kill $FARM 2>/dev/null || true; rm -f "$PORT_FILE"' EXIT
for _ in $(seq 100); do [ -s "$PORT_FILE" ] && break; sleep 0.1; done
POLLER_PIN=""
if command -v taskset >/dev/null; then POLLER_PIN="taskset -c 0"; fi
$POLLER_PIN java -Xmx"$HEAP" -XX:ActiveProcessorCount=1 -cp "$CP" io.vigia.ingest.bench.FeedPollBenchmark \
  "$(cat "$PORT_FILE")" "$FEEDS" "$ROUNDS" "$THREADS"
