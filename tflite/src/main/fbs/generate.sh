#!/usr/bin/env bash
# Regenerates the flatbuffer accessors in tflite/src/main/java/dev/littlebrain/tflite/fb from
# littlebrain_tflite.fbs. Needs flatc 2.0.8 (Debian: flatbuffers-compiler).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../java"
rm -rf "$out/dev/littlebrain/tflite/fb"
flatc --java -o "$out" "$here/littlebrain_tflite.fbs"
