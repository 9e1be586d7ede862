#!/usr/bin/env bash
# Sink write throughput vs raw bulk requests of the same documents, against a throwaway OpenSearch.
#   bench/opensearch-write.sh [DOCS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
./mvnw -B -q -ntp -pl sink -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
cp="sink/target/test-classes:sink/target/classes:search/target/classes:common/target/classes:schemas/target/classes:common/target/test-classes:schemas/target/test-classes:$(tr ':' '\n' < sink/target/cp.txt | grep -v io/vigia | paste -sd:)"
dir=$(mktemp -d /tmp/vigia-os-bench.XXXX)
trap '.ci/opensearch.sh stop "$dir"; rm -rf "$dir"' EXIT
url=$(.ci/opensearch.sh start "$dir" | tail -1)
java -cp "$cp" io.vigia.sink.bench.OpenSearchWriteBench "$url" "$n" 2>&1 | grep '^round'
