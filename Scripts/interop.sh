#!/usr/bin/env bash
# `make interop`: does every export format load the way its users load it?
#
# 1. Installs datasets, spacy and pandas (and what they need) from PyPI into a venv under
#    .build/ (made once, upgraded in place; nothing outside .build/ is touched).
# 2. Labels the seed articles through the real REPLs on piped input: alice, bob and carol label
#    every sentence (a rule on the text, each annotator differing now and then, with a few notes
#    and flags), dana settles the disagreements in `sentag review`.
# 3. Exports in every format and checks each with Scripts/interop_check.py: load_dataset(DIR)
#    with the same label ids in every split, to_docbin.py + spacy debug config/data + a short
#    spacy train, pandas for CSV and fastText, Prodigy's lines.
#
# Usage: Scripts/interop.sh [SENTAG [VENV]]   (make interop passes the release build)
# Not part of `make test`: it downloads packages. Everything it writes is in .build/interop/.
set -euo pipefail
cd "$(dirname "$0")/.."

SENTAG=${1:-.build/release/sentag}
VENV=${2:-.build/interop-venv}
WORK=.build/interop
PY="$VENV/bin/python"

echo "== Python packages ($VENV)"
if [ ! -x "$PY" ]; then python3 -m venv "$VENV"; fi
"$PY" -m pip install --quiet --disable-pip-version-check --upgrade datasets spacy pandas
"$PY" -c 'import datasets, spacy, pandas, pyarrow, sys
print(f"python {sys.version.split()[0]}, datasets {datasets.__version__}, spacy {spacy.__version__}, "
      f"pandas {pandas.__version__}, pyarrow {pyarrow.__version__}")'

echo "== Labeling the seeds (piped sessions of sentag label and sentag review)"
rm -rf "$WORK"
mkdir -p "$WORK/Annotations"
ANNOTATIONS="$WORK/Annotations"
"$SENTAG" segment seeds --json > "$WORK/sentences.jsonl"
for annotator in alice bob carol; do
    "$PY" Scripts/interop_check.py keys "$WORK/sentences.jsonl" "$annotator" \
        | "$SENTAG" label seeds --annotator "$annotator" --annotations "$ANNOTATIONS" > "$WORK/label-$annotator.log"
    tail -n 1 "$WORK/label-$annotator.log"
done
"$SENTAG" agreement --json --disagreements --annotations "$ANNOTATIONS" > "$WORK/agreement.json"
"$PY" Scripts/interop_check.py review-keys "$WORK/agreement.json" \
    | "$SENTAG" review seeds --adjudicator dana --annotations "$ANNOTATIONS" > "$WORK/review.log"
tail -n 6 "$WORK/review.log"
"$SENTAG" agreement --annotations "$ANNOTATIONS" > "$WORK/agreement.txt"
sed -n '/^Reading/,$p' "$WORK/agreement.txt"

echo "== Exports (--stratify, seed 1)"
for format in jsonl csv spacy fasttext prodigy; do
    echo "-- $format"
    "$SENTAG" export --annotations "$ANNOTATIONS" --out "$WORK/export-$format" --format "$format" --stratify --seed 1
done

echo "== Loading them"
HF_HOME="$PWD/$WORK/hf-home" HF_DATASETS_OFFLINE=1 HF_HUB_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1 HF_DATASETS_DISABLE_PROGRESS_BARS=1 \
    "$PY" Scripts/interop_check.py check "$WORK"
