#!/usr/bin/env bash
# Installs whatever is missing to build Microplan (and, with `--test`, to test it).
# Idempotent: every step checks first, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml
WASM_SPLIT_VERSION=0.2.4       # reads the split points of wasm_split_helpers 0.2 (Cargo.lock)
want_test_tools=false
[ "${1:-}" = "--test" ] && want_test_tools=true

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  step "Adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

# rustfmt and clippy: the test command checks formatting and lints.
if $want_test_tools && ! { cargo fmt --version && cargo clippy --version; } >/dev/null 2>&1; then
  step "Adding the rustfmt and clippy Rust components"
  rustup component add rustfmt clippy
fi

if ! has_version trunk "$TRUNK_VERSION"; then
  step "Installing Trunk $TRUNK_VERSION (about 11 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! has_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes, once)"
  # Not --locked: one of its locked dependency versions is not on the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The build splits the app into one download per section (scripts/build_app.mjs).
# It prints no version, so cargo's list of installed packages says which one is there.
if ! command -v wasm-split-cli >/dev/null 2>&1 \
   || ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  step "Installing wasm-split-cli $WASM_SPLIT_VERSION (about 5 minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary
fi

# npm packages: binaryen's wasm-opt for release builds, playwright-core for browser tests.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing npm tools (binaryen, playwright-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if $want_test_tools && ! command -v python3 >/dev/null 2>&1; then
  step "Installing Debian's python3 for the module-cycle check"
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  $sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null
fi

if $want_test_tools && [ ! -x /usr/bin/chromium ]; then
  step "Installing Debian's Chromium for the end-to-end tests"
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  $sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
