#!/usr/bin/env bash
# Installs the LiteRT test oracle's npm packages (pinned in package-lock.json) once. Run by the
# Maven build before tests; without Node or the npm registry the oracle tests skip with a reason.
here=$(cd "$(dirname "$0")" && pwd)
if [ -d "$here/node_modules/@litertjs/core" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "tflite-oracle: npm not found; real-TFLite oracle tests will be skipped" >&2
  exit 0
fi
if ! (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1); then
  echo "tflite-oracle: 'npm ci' failed; real-TFLite oracle tests will be skipped" >&2
fi
exit 0
