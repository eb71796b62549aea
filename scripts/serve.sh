#!/usr/bin/env bash
# Serves the demo: the seed corpus in the <fahras-search> widget, on 127.0.0.1.
# Installs the wasm toolchain if missing and builds www/pkg first.
#   scripts/serve.sh [port]      (default 8080; 0 picks a free port)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-browser
bash scripts/build-wasm.sh
exec node scripts/serve.mjs "${1:-${PORT:-8080}}"
