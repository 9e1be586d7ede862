#!/usr/bin/env bash
# Alerts benchmark: articles/s through the alert topology (decode, every subscription's rule, the
# RocksDB sent-store) as the number of subscriptions grows; no broker involved.
# Usage: bench/alerts-bench.sh [1 10 100 1000] [--articles=20000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp -pl alerts -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/alerts-bench.classpath >/dev/null
CP="alerts/target/test-classes:alerts/target/classes:$(cat alerts/target/alerts-bench.classpath)"
exec java -Xmx1g -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.vigia.schemas -cp "$CP" io.vigia.alerts.bench.MatchBenchmark "$@"
