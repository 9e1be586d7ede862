#!/usr/bin/env bash
# Reprocessing throughput, end to end into Lucene (ReprocessBench): ARTICLES synthetic raw articles
# stored in vigia.articles.raw, re-enriched by a reprocessing run into a new index version until
# the alias switched and the run is done. Prints articles/s and where the time went.
#   bench/reprocess.sh [ARTICLES]      (default 100000)
# The bench JVM gets `./vigia`'s options (its collector included); JAVA_OPTS="..." gives others.
# With JFR=FILE a Java Flight Recording of the whole run is written to FILE (open it with
# `jfr print --events jdk.ExecutionSample FILE` or JDK Mission Control) to see where the time goes.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-100000}
log=$(mktemp)
# The JVM options of the process that runs a reprocessing: `./vigia`'s own (VIGIA_JAVA_OPTS there),
# unless JAVA_OPTS says otherwise, so that the figure is the launcher's, garbage collector included.
java_opts=${JAVA_OPTS:--Xms64m -Xmx1g -XX:+UseParallelGC}
argline="$java_opts -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.vigia.schemas"
if [ -n "${JFR:-}" ]; then # plus the recording
  argline="$argline -XX:StartFlightRecording=filename=$(realpath "$JFR"),settings=profile"
fi
jfr=("-DargLine=$argline")
if ! ./mvnw -B -q -ntp verify -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=ReprocessBench -Dvigia.bench.articles="$articles" "${jfr[@]}" \
  >"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "reprocess: the bench failed; full log: $log" >&2
  exit 1
fi
grep -E "^STORED|^PROGRESS|^RESULT" "$log" || { tail -40 "$log" >&2; echo "reprocess: no RESULT line; full log: $log" >&2; exit 1; }
