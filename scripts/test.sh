#!/usr/bin/env bash
# Full test suite: typecheck, lint + format check (Biome), unit tests (Vitest), end-to-end tests (Playwright
# against the built static app, served from a sub-path), first-load size budget.
# Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

timings=()
current=""
started=0
step() {
  finish_step
  current="$*"
  started=$SECONDS
  printf '\n==> %s\n' "$current"
}
finish_step() {
  if [[ -n "$current" ]]; then timings+=("$(printf '%-28s %4ds' "$current" $((SECONDS - started)))"); fi
  current=""
}

step "dependencies"
bash scripts/ensure-deps.sh --with-browser --with-engines

step "typecheck"
npm run --silent typecheck
echo "typecheck: ok"

step "lint (biome)"
bash scripts/lint.sh

step "unit tests (vitest)"
npx vitest run

step "end-to-end tests (playwright)"
node scripts/build-models.mjs  # public/models/ (bundled trained models), in case postinstall did not run
npx playwright test

# The same build in Firefox (WebDriver BiDi) and WebKit (WebKitGTK over W3C WebDriver): a
# short list of journeys; prints each engine's version, backend and first-result time.
step "cross-engine journeys"
node e2e/engines/run.mjs --dir "${E2E_OUT_DIR:-dist}"

# The e2e run built dist/: check the first-load budget and that tfjs stays in the worker.
step "first-load size"
node scripts/size-report.mjs "${E2E_OUT_DIR:-dist}"

finish_step
printf '\n==> step timings\n'
printf '  %s\n' "${timings[@]}"
printf '  %-28s %4ds\n' "total" "$SECONDS"
