#!/usr/bin/env bash
# Starts a throwaway OpenSearch 2.19.1 for integration tests and prints its URL; "stop DIR" stops it.
#   .ci/opensearch.sh start [DIR]   -> prints http://127.0.0.1:PORT on the last line (PORT: $OPENSEARCH_HTTP_PORT if set)
#   .ci/opensearch.sh stop  [DIR]
#   .ci/opensearch.sh pause|resume [DIR]   SIGSTOP/SIGCONT: the engine goes silent and comes back (outage tests)
# The server comes from Maven Central (integ-test-zip) with the analysis-common module added
# (spanish/english analysers). OpenSearch refuses to run as root: as root an unprivileged user
# "vigia-os" is created and runs it (so DIR must be reachable by it: the default is under /tmp).
set -euo pipefail
VERSION=2.19.1
cmd=${1:-start}
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${2:-${TMPDIR:-/tmp}/vigia-opensearch}
mvn=${MVN:-$( [ -x "$here/mvnw" ] && echo "$here/mvnw" || echo mvn )}

if [ "$cmd" = stop ]; then
  for f in os.pid pid; do
    if [ -f "$dir/$f" ]; then
      p=$(cat "$dir/$f"); kill "$p" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
      # The runuser wrapper can outlive the server it started: do not leave it behind.
      kill -9 "$p" 2>/dev/null || true
      rm -f "$dir/$f"
    fi
  done
  exit 0
fi

if [ "$cmd" = pause ] || [ "$cmd" = resume ]; then
  sig=STOP; [ "$cmd" = resume ] && sig=CONT
  kill -s "$sig" "$(cat "$dir/os.pid")"
  exit 0
fi

mkdir -p "$dir"
home="$dir/opensearch-$VERSION"
# The distribution is prepared once (three Maven calls: the zip, analysis-common, the reindex
# module) in a cache beside the build, then copied for each server: a test suite starts several.
cache=${VIGIA_OPENSEARCH_DIST:-$here/target/opensearch-dist}
mkdir -p "$cache"
prepare() {
local home="$cache/opensearch-$VERSION"
if [ ! -x "$home/bin/opensearch" ]; then
  "$mvn" -B -q dependency:unpack -f "$here/pom.xml" -N \
    -Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip -DoutputDirectory="$cache" -Dmdep.overWriteReleases=true >&2
  "$mvn" -B -q dependency:copy -f "$here/pom.xml" -N \
    -Dartifact=org.opensearch.plugin:analysis-common:$VERSION -DoutputDirectory="$home/modules/analysis-common" -Dmdep.overWriteReleases=true >&2
  cat > "$home/modules/analysis-common/plugin-descriptor.properties" <<PROPS
description=Adds analysers for many languages
version=$VERSION
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version=$VERSION
extended.plugins=
has.native.controller=false
PROPS
fi
if [ ! -f "$home/modules/reindex/plugin-descriptor.properties" ]; then
  # The reindex module (the _reindex API the sink's mapping migration uses) with its jars: real
  # distributions and images have it built in, the integ-test zip does not.
  mkdir -p "$cache/reindex-pom"
  cat > "$cache/reindex-pom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>io.vigia.ci</groupId><artifactId>opensearch-reindex-module</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies><dependency><groupId>org.opensearch.plugin</groupId><artifactId>reindex-client</artifactId><version>$VERSION</version></dependency></dependencies>
</project>
POM
  "$mvn" -B -q dependency:copy-dependencies -f "$cache/reindex-pom/pom.xml" -DincludeScope=runtime \
    -DoutputDirectory="$home/modules/reindex" >&2
  # What the server already has on its classpath must not be there twice (its "jar hell" check).
  for jar in "$home"/modules/reindex/*.jar; do
    if [ -e "$home/lib/$(basename "$jar")" ]; then rm -f "$jar"; fi
  done
  cat > "$home/modules/reindex/plugin-descriptor.properties" <<PROPS
description=The _reindex API
version=$VERSION
name=reindex
classname=org.opensearch.index.reindex.ReindexPlugin
java.version=11
opensearch.version=$VERSION
extended.plugins=
has.native.controller=false
PROPS
fi
}
if [ ! -x "$home/bin/opensearch" ]; then
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$cache.lock"; flock 9; prepare; flock -u 9; exec 9>&-
  else
    prepare
  fi
  cp -a "$cache/opensearch-$VERSION" "$home"
fi
# OPENSEARCH_HTTP_PORT: a port chosen by the caller (a test that points Vigía at it before it runs).
port=${OPENSEARCH_HTTP_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
rm -rf "$home/data" "$home/logs"; mkdir -p "$home/data" "$home/logs"
args=(-Ediscovery.type=single-node -Enetwork.host=127.0.0.1 -Ehttp.port=$port -Etransport.port=0
      -Ecluster.routing.allocation.disk.threshold_enabled=false -p "$dir/os.pid")
export OPENSEARCH_JAVA_HOME=${OPENSEARCH_JAVA_HOME:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
export OPENSEARCH_JAVA_OPTS=${OPENSEARCH_JAVA_OPTS:--Xms512m -Xmx512m}
if [ "$(id -u)" = 0 ]; then
  id vigia-os >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin vigia-os
  chown -R vigia-os "$dir"
  chmod o+x "$dir" "$(dirname "$dir")" 2>/dev/null || true
  runuser -u vigia-os -- env OPENSEARCH_JAVA_OPTS="$OPENSEARCH_JAVA_OPTS" OPENSEARCH_JAVA_HOME="$OPENSEARCH_JAVA_HOME" "$home/bin/opensearch" "${args[@]}" >"$dir/console.log" 2>&1 &
else
  "$home/bin/opensearch" "${args[@]}" >"$dir/console.log" 2>&1 &
fi
echo $! > "$dir/pid"
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$port/_cluster/health?wait_for_status=green&timeout=1s" >/dev/null 2>&1; then
    echo "http://127.0.0.1:$port"; exit 0
  fi
  kill -0 "$(cat "$dir/pid")" 2>/dev/null || break
  sleep 1
done
echo "OpenSearch did not become green; see $dir/console.log" >&2
tail -20 "$dir/console.log" >&2 || true
exit 1
