#!/usr/bin/env bash
# Sets up whatever is missing, then runs every check and test: formatting, lints and module
# cycles, native Rust tests of every crate, the workspace fuzz, and end-to-end tests that
# drive release builds in headless Chromium (served at the site root and under /microplan/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
source scripts/env.sh

echo "==> Formatting (cargo fmt --check)"
cargo fmt --all --check

echo "==> Lints (cargo clippy, warnings are errors; native crates, then the app for wasm)"
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet -p microplan --target wasm32-unknown-unknown -- -D warnings

echo "==> No cycles between sibling modules"
python3 scripts/module_cycles.py

echo "==> Native tests (cargo test, every crate)"
cargo test --quiet --workspace

echo "==> Workspace fuzz: 100,000 valid-but-extreme workspaces through every page's computations"
cargo test --quiet --profile fuzz --test fuzz_workspace

echo "==> Release builds for the browser tests"
trunk build --release --dist dist >/dev/null
trunk build --release --dist dist-subpath --public-url /microplan/ >/dev/null

echo "==> End-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/
