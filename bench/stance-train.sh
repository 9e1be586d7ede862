#!/usr/bin/env bash
# Trains the bundled profile's stance model (profiles/venezuela-elections/stance-model.json, with
# stance-examples.jsonl beside it) on the project's own training half, corpus/judgements/train, and
# nothing else: the test half is never trained on, and the development corpus (../shared/eval-dev)
# is left out so that the profile can ship the texts it was trained on (vigia learn retrains from
# them). The input is rebuilt here by bench/eval-input.py --labelled, so its sha256 in the model's
# provenance can be checked by running this again.
# STANCE_TRAIN_ARGS=--lexical offers the model a lexical part (the articles' own words, taken or left off by
# cross-validation inside the training half): tried in December 2026 and not adopted, docs/stance.md.
# Usage: bench/stance-train.sh [PROFILE_DIR]   (default profiles/venezuela-elections)
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-profiles/venezuela-elections}"
[ -f app/target/vigia.jar ] || ./mvnw -B -q -ntp -DskipTests package -pl app -am
mkdir -p target/stance-train
python3 bench/eval-input.py --labelled corpus/judgements/train > target/stance-train/judgements-train.jsonl
java -jar app/target/vigia.jar stance-train --input target/stance-train/judgements-train.jsonl \
  --profile "$profile" --out "$profile" ${STANCE_TRAIN_ARGS:---no-lexical}
