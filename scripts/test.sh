#!/usr/bin/env bash
# Full test suite: typecheck, unit tests (Vitest), end-to-end tests (Playwright
# against the built static app). Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "dependencies"
bash scripts/ensure-deps.sh --with-browser

step "typecheck"
npm run --silent typecheck
echo "typecheck: ok"

step "unit tests (vitest)"
npx vitest run

step "end-to-end tests (playwright)"
npx playwright test
