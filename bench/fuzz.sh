#!/usr/bin/env bash
# Coverage-guided fuzzing of the feed parser and the article extractor with Jazzer.
# Every build replays the seed corpus (regression mode); this script fuzzes for real.
#   bench/fuzz.sh            one 60 s round per target (what .ci/run runs after the tests)
#   bench/fuzz.sh 10         10 rounds per target (~10 min each); the corpus grows in ingest/.cifuzz-corpus
# A finding fails the run and is saved under ingest/src/test/resources/.../*Inputs/ as a regression seed.
# Each round prints libFuzzer's last status line (executions, coverage, corpus) and the total at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-1}"
log=${TMPDIR:-/tmp}/vigia-fuzz.log
: >"$log"
for target in FeedReaderFuzzTest ArticleExtractorFuzzTest; do
  runs=0
  for ((i = 1; i <= rounds; i++)); do
    echo "== $target round $i/$rounds"
    if ! JAZZER_FUZZ=1 ./mvnw -B -ntp test -pl ingest -am -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false >"$log.round" 2>&1; then
      cat "$log.round" >>"$log"
      grep -E "== Java Exception|FuzzTestFindingException|crash-|Tests run:|ERROR\]" "$log.round" | head -40
      echo "$target: finding or failure in round $i (full log: $log)" >&2
      exit 1
    fi
    cat "$log.round" >>"$log"
    grep -E "^#[0-9]+" "$log.round" | tail -1 || echo "(no libFuzzer status line in round $i)"
    done_runs=$(grep -oE "Done [0-9]+ runs" "$log.round" | tail -1 | grep -oE "[0-9]+" || echo 0)
    runs=$((runs + done_runs))
  done
  if [ "$runs" -eq 0 ]; then
    # Jazzer ran in regression mode or not at all: a run that fuzzed nothing proves nothing.
    grep -E "Tests run:|JAZZER|fuzz" "$log.round" | head -20 >&2
    echo "$target: fuzzing executed no input in $rounds round(s) (full log: $log)" >&2
    exit 1
  fi
  echo "RESULT fuzz target=$target rounds=$rounds executions=$runs findings=0"
done
