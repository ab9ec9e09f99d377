#!/usr/bin/env bash
# Lint + format check of the whole tree with Biome (configuration: biome.jsonc).
# Exits non-zero when Biome reports an error (a lint error or a file that is not formatted).
#   bash scripts/lint.sh            check only (what `npm run lint` and `npm test` run)
#   bash scripts/lint.sh --write    also apply Biome's safe fixes and the formatter
# Extra arguments go to `biome check` (e.g. a path: bash scripts/lint.sh src/viz).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -x node_modules/.bin/biome ]]; then
  biome=(node_modules/.bin/biome)
else
  # Not installed yet (npm install adds it): the version package.json pins, from the npm cache.
  version=$(node -p "require('./package.json').devDependencies['@biomejs/biome']")
  biome=(npx --yes "@biomejs/biome@${version}")
fi
exec "${biome[@]}" check --no-errors-on-unmatched --max-diagnostics=50 "$@"
