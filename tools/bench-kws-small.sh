#!/usr/bin/env bash
# Trains and measures one keyword-spotting recipe on a small subset (see tools/kws-small-data.py subset):
#   tools/bench-kws-small.sh SUBSET_DIR WORK_DIR RECIPE [VAL_STREAMS TEST_STREAMS]
# RECIPE: kws-small (init kws-small, data import --bundled's defaults), kws (init kws, the default curation) or
# ei (Edge Impulse's default: conv1d-kws, EI MFCC, Adam 0.005, 100 epochs, clips as recorded: no augmentation).
# Clip accuracy on the test speakers; the threshold calibrated (--apply) on VAL_STREAMS, then TEST_STREAMS scored.
# Streams: littlebrain data streams speech-commands-real --keywords yes,no --keyword-share 0.4 --snr 0,20
#          [--split test] --out DIR
set -euo pipefail
# The small-data recipe's import options (README, "Your own wake word").
SMALL_IMPORT=${SMALL_IMPORT:---training-copies 10 --speed-percent 10}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lb=${LB:-$here/littlebrain}
subset=$1 work=$2 recipe=$3 val=${4:-} test=${5:-}
project="$work/$recipe"
rm -rf "$project"
case "$recipe" in
  kws-small) "$lb" init kws-small "$project"
             # The subset already holds the bundled clips and noise: --unknown --noise is what --bundled adds.
             "$lb" data import "$subset" --keywords yes,no --unknown --noise $SMALL_IMPORT --out "$project/data" ;;
  kws)       "$lb" init kws "$project"
             "$lb" data import "$subset" --keywords yes,no --unknown --noise --out "$project/data" ;;
  ei)        "$lb" init kws "$project"
             # One member, no SpecAugment, EI's net and settings.
             sed -i -e 's/preset: conv1d-kws-m/preset: conv1d-kws/' -e '/^  spec_augment:/d' -e '/^  ensemble:/d' \
                 -e '/^    - spec_augment:/d' "$project/impulse.yaml"
             "$lb" data import "$subset" --keywords yes,no --unknown --noise --training-copies 1 --speed-percent 0 \
                 --stream-seconds 0 --out "$project/data" ;;
  *) echo "unknown recipe $recipe" >&2; exit 2 ;;
esac
"$lb" features --project "$project"
"$lb" train --project "$project" --device cpu 2>&1 | tail -3
"$lb" test --project "$project" --json > "$project/test.json"
python3 - "$project/test.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("clip accuracy: " + ", ".join("%s %.4f" % (k, v["accuracy"]) for k, v in r.items() if isinstance(v, dict) and "accuracy" in v))
PY
if [ -n "$val" ]; then
  "$lb" test --project "$project" --stream --streams "$val" --apply > "$project/val-stream.txt"
  grep -i "threshold\|suggested" "$project/val-stream.txt" | head -5
  "$lb" test --project "$project" --stream --streams "$test" > "$project/test-stream.txt"
  sed -n '1,60p' "$project/test-stream.txt"
fi
