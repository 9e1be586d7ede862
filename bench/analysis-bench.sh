#!/usr/bin/env bash
# Per-article cost of entity tagging, relevance, stance and figure extraction (bundled profile, one thread,
# generated 500-word es/en articles; figures on the same with 8 number phrases each). Prints median and p99 in ms,
# and on a second line the same of the thread's CPU time (steadier than wall time on a loaded machine).
# Usage: bench/analysis-bench.sh [entities] [relevance] [stance] [figures] [stance-model=FILE]   (none: all four)
# stance also measures the profile's learned model; stance-model=FILE measures that stance-model.json too.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp -pl enrich -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/analysis-bench.classpath >/dev/null
CP="enrich/target/test-classes:enrich/target/classes:$(cat enrich/target/analysis-bench.classpath)"
exec java -Xmx1g -cp "$CP" io.vigia.enrich.bench.AnalysisBenchmark "$@"
