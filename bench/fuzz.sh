#!/usr/bin/env bash
# Coverage-guided fuzzing of the feed parser and the article extractor with Jazzer.
# Every build replays the seed corpus (regression mode); this script fuzzes for real.
#   bench/fuzz.sh            one 60 s round per target (what CI runs)
#   bench/fuzz.sh 30         30 rounds per target (~1 h); the corpus grows in ingest/.cifuzz-corpus
# A finding fails the run and is saved under ingest/src/test/resources/.../*Inputs/ as a regression seed.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-1}"
for target in FeedReaderFuzzTest ArticleExtractorFuzzTest; do
  for ((i = 1; i <= rounds; i++)); do
    echo "== $target round $i/$rounds"
    JAZZER_FUZZ=1 ./mvnw -B -q -ntp test -pl ingest -am -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false
  done
done
