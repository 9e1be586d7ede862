#!/usr/bin/env bash
# Reprocessing throughput, end to end into Lucene (ReprocessBench): ARTICLES synthetic raw articles
# stored in vigia.articles.raw, re-enriched by a reprocessing run into a new index version until
# the alias switched and the run is done. Prints articles/s and where the time went.
#   bench/reprocess.sh [ARTICLES]      (default 100000)
# With JFR=FILE a Java Flight Recording of the whole run is written to FILE (open it with
# `jfr print --events jdk.ExecutionSample FILE` or JDK Mission Control) to see where the time goes.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-100000}
log=$(mktemp)
jfr=()
if [ -n "${JFR:-}" ]; then # the pom's argLine, plus the recording
  jfr=("-DargLine=-Xmx1g -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.vigia.schemas -XX:StartFlightRecording=filename=$(realpath "$JFR"),settings=profile")
fi
if ! ./mvnw -B -q -ntp verify -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=ReprocessBench -Dvigia.bench.articles="$articles" "${jfr[@]}" \
  >"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "reprocess: the bench failed; full log: $log" >&2
  exit 1
fi
grep -E "^STORED|^PROGRESS|^RESULT" "$log" || { tail -40 "$log" >&2; echo "reprocess: no RESULT line; full log: $log" >&2; exit 1; }
