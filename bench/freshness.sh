#!/usr/bin/env bash
# Enriched-record-in-Kafka to searchable, p50/p99, for both backends (FreshnessBench).
#   bench/freshness.sh [ARTICLES]     Lucene, then OpenSearch (started and stopped by .ci/opensearch.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-2000}
log=$(mktemp)
run() {
  # A failed bench must fail the script and say why, not exit 0 having printed nothing.
  if ! ./mvnw -B -q -ntp verify -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dit.test=FreshnessBench -Dvigia.bench.articles="$articles" "$@" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "freshness: the bench failed ($*); full log: $log" >&2
    exit 1
  fi
  grep -E "^RESULT|^METRIC" "$log" || { tail -40 "$log" >&2; echo "freshness: no RESULT line; full log: $log" >&2; exit 1; }
}
run -Dvigia.bench.backend=lucene
dir=${TMPDIR:-/tmp}/vigia-freshness-os
url=$(.ci/opensearch.sh start "$dir" | tail -1)
trap '.ci/opensearch.sh stop "$dir"' EXIT
run -Dvigia.bench.backend=opensearch -Dvigia.bench.opensearch-url="$url"
