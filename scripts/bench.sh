#!/usr/bin/env bash
# Prints Microplan's benchmark figures: shipped size (raw, gzip, brotli), first paint on
# throttled links, time to first render of the demo workspace, native CSV import, audit
# (scoring) and storage throughput, the comments import in background workers, frame gaps
# during a large import and reload, the geo analyses, and code size per crate. Browser
# figures come from headless Chromium on release builds, beside the native figure for the
# same work. Usage: scripts/bench.sh, or BENCH_BASELINE=<git revision> scripts/bench.sh to
# print every browser figure for that revision first (before) and this tree (after).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
source scripts/env.sh

trunk build --release --dist dist >/dev/null

# BENCH_BASELINE=<git revision> also builds that revision and runs every browser benchmark on
# it first, so each figure prints before and after on the same machine in the same run.
BUILDS=(dist)
if [[ -n "${BENCH_BASELINE:-}" ]]; then
  baseline=target/bench-baseline
  git worktree remove --force "$baseline/src" 2>/dev/null || rm -rf "$baseline/src"
  git worktree add --detach --force "$baseline/src" "$BENCH_BASELINE" >/dev/null
  (cd "$baseline/src" && trunk build --release --dist ../dist >/dev/null)
  git worktree remove --force "$baseline/src"
  BUILDS=("$baseline/dist" dist)
  echo "Browser benchmarks run on $BENCH_BASELINE ($baseline/dist), then on this tree (dist/)."
fi
# Runs a browser benchmark script on each build in turn.
on_builds() {
  for build in "${BUILDS[@]}"; do
    echo "-- $build"
    node "$@" "$build"
  done
}
echo "== Shipped size (dist/)"
on_builds tests/bench/sizes.mjs
echo
echo "== Time to first render"
on_builds tests/bench/first_render.mjs
echo
echo "== First paint and mount on throttled links, cold cache (headless Chromium, release build in dist/)"
node tests/bench/first_paint.mjs "${BUILDS[@]}"
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
on_builds tests/bench/creators_browser.mjs
echo
echo "== Raw comments import of 900,000 comments in background workers, headless Chromium (release build in dist/), then natively"
for build in "${BUILDS[@]}"; do
  echo "-- $build"
  # The native figure for the same file is printed once, after the last build's run.
  if [[ "$build" == dist ]]; then node tests/bench/comments_browser.mjs "$build" --native; else node tests/bench/comments_browser.mjs "$build"; fi
done
echo
echo "== Interactions with 5,000 creators x 30 posts in headless Chromium (release build in dist/)"
on_builds tests/bench/interactions_browser.mjs
echo
echo "== Where a reload's time goes: fetches, long tasks and the app's opening marks (headless Chromium, release build in dist/)"
on_builds tests/bench/reload_timeline.mjs
echo
echo "== Responsiveness: frame gaps while a 5,000 x 30 import is committed, saved and scored, and while it reloads (headless Chromium, release build in dist/; native figures for the same work above: storage_throughput, audit_throughput)"
on_builds tests/bench/responsiveness.mjs
echo
echo "== Synthetic control solver, 50 regions x 2 years daily (native, release; then headless Chromium on the release build in dist/)"
cargo test --quiet --release -p microplan-uplift --lib geo_solver_timing -- --ignored --nocapture | grep -E "synthetic control|augmented|power simulation"
on_builds tests/bench/geo_browser.mjs
echo
echo "== Code size per crate (same cargo build, function names kept, in dist-prof/; see docs/size.md)"
if command -v twiggy >/dev/null; then
  MICROPLAN_KEEP_NAMES=1 trunk build --release --dist dist-prof >/dev/null
  echo "The main module (the first download's wasm):"
  twiggy top -n 1000000 --format csv dist-prof/app-*/microplan_bg.wasm | python3 scripts/crate_sizes.py
  twiggy top -n 12 dist-prof/app-*/microplan_bg.wasm
else
  echo "twiggy is not installed (cargo install twiggy); skipped"
fi
