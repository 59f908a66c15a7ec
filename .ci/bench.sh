#!/usr/bin/env bash
# Runs the speed benchmarks of the search engine and prints every figure at the end:
# native (criterion, tests/benches/search.rs) and in headless Chromium (tests/bench_wasm.rs).
# About 3 minutes on 2 cores once the tools are installed and the dependencies built.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
bash .ci/setup.sh

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# Short warm-up and measurement keep the run short; the spread is in criterion's intervals.
cargo bench --bench search -- --warm-up-time 1 --measurement-time 3 | tee "$logs/native"

# A failure here still lets the native figures be printed below.
browser=ok
if ! CHROMEDRIVER=$(command -v chromedriver) WASM_BINDGEN_TEST_TIMEOUT=300 \
  cargo test --release --target wasm32-unknown-unknown --no-default-features --features web \
  --test bench_wasm -- --nocapture | tee "$logs/browser"; then
  browser=failed
fi

echo
echo "== native (tests/benches/search.rs, release profile) =="
grep -o 'BENCH .*' "$logs/native"
echo
echo "== browser (tests/bench_wasm.rs, headless Chromium, release profile) =="
grep -o 'BENCH .*' "$logs/browser" || echo "no figures: the browser benchmark $browser"
echo
echo "benchmarks took $((SECONDS - start)) s"
[ "$browser" = ok ]
