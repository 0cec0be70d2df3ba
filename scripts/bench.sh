#!/usr/bin/env bash
# Prints Microplan's benchmark figures: shipped size (raw, gzip, brotli), time to first
# render of the demo workspace in headless Chromium, native CSV import, audit (scoring) and
# storage throughput, and how quickly the page responds with a large workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
source scripts/env.sh

trunk build --release --dist dist >/dev/null
echo "== Shipped size (dist/)"
node tests/bench/sizes.mjs dist
echo
echo "== Time to first render"
node tests/bench/first_render.mjs
echo
echo "== First paint and mount on throttled links, cold cache (headless Chromium, release build in dist/)"
node tests/bench/first_paint.mjs dist
echo
echo "== CSV import throughput (native, release)"
cargo bench --quiet --bench import_throughput
echo
echo "== Scoring throughput (native, release)"
cargo bench --quiet --bench audit_throughput
echo
echo "== Storage: what a save writes and checks, and reading back (native, release)"
cargo bench --quiet --bench storage_throughput
echo
echo "== Creator audit throughput in headless Chromium (release build in dist/)"
node tests/bench/creators_browser.mjs dist
echo
echo "== Raw comments import of 900,000 comments in background workers, headless Chromium (release build in dist/), then natively"
node tests/bench/comments_browser.mjs dist --native
echo
echo "== Interactions with 5,000 creators x 30 posts in headless Chromium (release build in dist/)"
node tests/bench/interactions_browser.mjs dist
echo
echo "== Responsiveness: frame gaps while a 5,000 x 30 import is committed, saved and scored, and while it reloads (headless Chromium, release build in dist/; native figures for the same work above: storage_throughput, audit_throughput)"
node tests/bench/responsiveness.mjs dist
echo
echo "== Synthetic control solver, 50 regions x 2 years daily (native, release; then headless Chromium on the release build in dist/)"
cargo test --quiet --release -p microplan-uplift --lib geo_solver_timing -- --ignored --nocapture | grep -E "synthetic control|augmented|power simulation"
node tests/bench/geo_browser.mjs dist
echo
echo "== Code size per crate (same cargo build, function names kept, in dist-prof/; see docs/size.md)"
if command -v twiggy >/dev/null; then
  sed -E 's|<link data-trunk rel="rust" data-bin="microplan"[^>]*>|<link data-trunk rel="rust" data-bin="microplan" data-keep-debug data-wasm-opt="0" />|' index.html > index.prof.html
  trunk build index.prof.html --release --dist dist-prof >/dev/null
  twiggy top -n 1000000 --format csv dist-prof/*.wasm | python3 scripts/crate_sizes.py
  twiggy top -n 12 dist-prof/*.wasm
else
  echo "twiggy is not installed (cargo install twiggy); skipped"
fi
