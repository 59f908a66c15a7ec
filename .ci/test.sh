#!/usr/bin/env bash
# Sets everything up and runs every test: formatting, lints, native engine and list tests,
# in-browser component tests (headless Chromium), and the end-to-end test of the built widget.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
cargo fmt --check
cargo clippy --quiet --all-targets --features e2e -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --no-default-features --features web --lib --bins -- -D warnings
cargo test --quiet
bash .ci/build.sh
CHROMEDRIVER=$(command -v chromedriver) WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --no-default-features --features web --test browser
cargo test --quiet --features e2e --test privacy --test e2e --test e2e_languages --test e2e_categories -- --nocapture
