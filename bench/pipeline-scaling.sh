#!/usr/bin/env bash
# Full-pipeline throughput (loopback site -> ingest -> enrich x1 or x2 -> sink -> searchable), every
# stage its own process on one embedded broker, several rounds in alternating order (PipelineScalingBench).
#   bench/pipeline-scaling.sh [ARTICLES] [ROUNDS]      defaults: 2000 articles, 3 rounds
# Prints a RESULT line per run, a SUMMARY line (median, min, max) per instance count, and METRIC
# lines: each run's counts per stage and freshness quantiles read from the stages' /metrics.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-2000}
rounds=${2:-3}
log=$(mktemp)
# A failed bench must fail the script and say why, not exit 0 having printed nothing.
if ! ./mvnw -B -q -ntp verify -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=PipelineScalingBench -Dvigia.bench.articles="$articles" -Dvigia.bench.rounds="$rounds" >"$log" 2>&1; then
  grep -E "^(RESULT|SUMMARY|METRIC)|FAIL|ERROR\]" "$log" >&2 || tail -40 "$log" >&2
  echo "pipeline-scaling: the bench failed; full log: $log" >&2
  exit 1
fi
grep -E "^(RESULT|SUMMARY|METRIC)" "$log" || { tail -40 "$log" >&2; echo "pipeline-scaling: no RESULT line; full log: $log" >&2; exit 1; }
