#!/usr/bin/env bash
# Sets up whatever is missing, then builds and serves Microplan at http://127.0.0.1:8080/
# (rebuilding on every change). Open it and press "Load demo workspace".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec trunk serve --release "$@"
