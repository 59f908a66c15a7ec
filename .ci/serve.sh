#!/usr/bin/env bash
# Sets everything up, builds the widget and serves it with the bundled list on
# http://127.0.0.1:${PORT:-8080}/ (static files only; the widget makes no other request).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
bash .ci/build.sh
echo "serving http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops)"
exec python3 -m http.server "${PORT:-8080}" --bind 127.0.0.1 --directory dist
