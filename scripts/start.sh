#!/usr/bin/env bash
# Builds the static app and serves it locally.
set -euo pipefail
cd "$(dirname "$0")/.."

HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-4173}"

bash scripts/ensure-deps.sh
node scripts/build-digits.mjs
node scripts/build-models.mjs
npx vite build
echo
echo "HQRN Explorer: http://${HOST}:${PORT}/"
echo
exec npx vite preview --host "$HOST" --port "$PORT" --strictPort
