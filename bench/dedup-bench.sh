#!/usr/bin/env bash
# Dedup benchmark: articles/s through the dedup engine on a RocksDB store, and the cost per
# article as the stored corpus grows. Arguments: corpus sizes to measure at (default 10k 100k 1M).
# Usage: bench/dedup-bench.sh [10000 100000 1000000]
# The heap is 4 GB: dedup keeps its buckets, feature counts and text signatures in memory, about
# 3 KB an article held, and the benchmark never forgets (a million stored articles is ~3 GB).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp -pl enrich -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/dedup-bench.classpath >/dev/null
CP="enrich/target/test-classes:enrich/target/classes:$(cat enrich/target/dedup-bench.classpath)"
exec java -Xmx4g -cp "$CP" io.vigia.enrich.bench.DedupBenchmark "$@"
