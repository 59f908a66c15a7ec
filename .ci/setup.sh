#!/usr/bin/env bash
# Installs everything exportcheck needs on a fresh Debian 12 machine with rustup and npm:
# the wasm32 target, the wasm-bindgen CLI matching Cargo.lock, wasm-opt (npm binaryen), and
# Chromium with chromedriver (for the browser tests). Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target add wasm32-unknown-unknown >/dev/null
rustup component add rustfmt clippy >/dev/null 2>&1 || true

wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb_version$"; then
  echo "installing wasm-bindgen-cli $wb_version (about 5 minutes)"
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

tools=target/tools
# wasm-opt for the release build, axe-core for the accessibility audit, MiniSearch for the
# comparison benchmark.
if [ ! -x "$tools/node_modules/.bin/wasm-opt" ] || [ ! -f "$tools/node_modules/axe-core/axe.min.js" ] \
  || [ ! -f "$tools/node_modules/minisearch/dist/es/index.js" ]; then
  mkdir -p "$tools"
  npm install --silent --prefix "$tools" binaryen@132.0.0 axe-core@4 minisearch@7.2.0
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq chromium chromium-driver >/dev/null
fi
