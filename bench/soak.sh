#!/usr/bin/env bash
# The long versions of the fault tests (see docs/RELIABILITY.md). Each prints a RESULT line.
#   bench/soak.sh                 10,000 articles and 20 kills each (about 20 minutes on 2 cores)
#   bench/soak.sh 2000 5          smaller
#   BACKEND=opensearch bench/soak.sh   both kill soaks (one process, separate services) write to a real OpenSearch (started by .ci/opensearch.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-10000}
kills=${2:-20}
log=${TMPDIR:-/tmp}/vigia-soak.log
./mvnw -B -ntp verify -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test='CrashRecoveryIT,ServiceCrashIT,BrokerRestartIT' \
  -Dvigia.crash.articles="$articles" -Dvigia.crash.kills="$kills" -Dvigia.crash.backend="${BACKEND:-lucene}" \
  -Dvigia.service-crash.articles="$articles" -Dvigia.service-crash.kills="$kills" -Dvigia.service-crash.backend="${BACKEND:-lucene}" \
  -Dvigia.broker-restart.articles="$articles" >"$log" 2>&1 || { grep -E "RESULT|FAIL|Tests run" "$log"; echo "see $log" >&2; exit 1; }
grep -E "^RESULT" "$log"
