#!/usr/bin/env bash
# Builds the release widget into dist/: wasm (opt-level z, LTO) -> wasm-bindgen -> wasm-opt -Oz,
# plus the static files from www/. Prints the shipped sizes (raw and gzip).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --target wasm32-unknown-unknown --no-default-features --features web --bin widget
rm -rf dist && mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist target/wasm32-unknown-unknown/release/widget.wasm
target/tools/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  dist/widget_bg.wasm -o dist/widget_bg.wasm
cp www/* dist/
echo "shipped files (bytes raw / gzip -9):"
for f in dist/*; do
  printf '  %-28s %9s %9s\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done
out=$(ls -td target/wasm32-unknown-unknown/release/build/exportcheck-*/out | head -1)
for f in "$out"/list.bin "$out"/index.bin "$out"/measures.bin; do
  printf '  %-28s %9s %9s   (inside widget_bg.wasm)\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done
