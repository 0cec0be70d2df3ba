#!/usr/bin/env bash
# Sets up whatever is missing, then runs every test: native Rust tests of the domain, io and
# store logic, and end-to-end tests that drive release builds in headless Chromium (served at
# the site root and under /microplan/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
source scripts/env.sh

echo "==> Native tests (cargo test)"
cargo test --quiet

echo "==> Workspace fuzz: 100,000 valid-but-extreme workspaces through every page's computations"
cargo test --quiet --profile fuzz --test fuzz_workspace

echo "==> Release builds for the browser tests"
trunk build --release --dist dist >/dev/null
trunk build --release --dist dist-subpath --public-url /microplan/ >/dev/null

echo "==> End-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/
