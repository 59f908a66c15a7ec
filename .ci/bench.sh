#!/usr/bin/env bash
# Runs the speed benchmarks of the search engine and prints every figure at the end:
# native (criterion, benches/search.rs) and in headless Chromium (tests/bench_wasm.rs).
# Takes about 5 minutes on 2 cores once the tools are installed, most of it compiling.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
bash .ci/setup.sh

# The browser benchmark compares against MiniSearch, which setup.sh does not install.
if [ ! -f target/tools/node_modules/minisearch/package.json ]; then
  npm install --silent --prefix target/tools minisearch@7.2.0
fi

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# Short warm-up and measurement: the figures are stable to a few per cent and the run stays short.
cargo bench --bench search -- --warm-up-time 1 --measurement-time 3 | tee "$logs/native"

CHROMEDRIVER=$(command -v chromedriver) WASM_BINDGEN_TEST_TIMEOUT=300 \
  cargo test --release --target wasm32-unknown-unknown --no-default-features --features web \
  --test bench_wasm -- --nocapture | tee "$logs/browser"

echo
echo "== native (benches/search.rs, release profile) =="
grep -o 'BENCH .*' "$logs/native"
echo
echo "== browser (tests/bench_wasm.rs, headless Chromium, release profile) =="
grep -o 'BENCH .*' "$logs/browser"
echo
echo "benchmarks took $((SECONDS - start)) s"
