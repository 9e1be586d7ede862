#!/usr/bin/env bash
# Parse + extract time per page (ExtractionBench), one thread.
#   bench/extraction-bench.sh [DIR] [PASSES]   DIR: saved pages (.html/.html.gz), default the Zyte benchmark pages if present
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/benchmarks/zyte-aeb/html}
./mvnw -B -q -ntp -pl ingest -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/extraction-bench.classpath >/dev/null
CP="ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/extraction-bench.classpath)"
exec java -Xmx1g -cp "$CP" io.vigia.ingest.bench.ExtractionBench "$dir" "${2:-5}"
