#!/usr/bin/env bash
# Installs whatever is missing to build and test HQRN Explorer.
#   bash scripts/ensure-deps.sh                 # npm packages only
#   bash scripts/ensure-deps.sh --with-browser  # also a Chromium for Playwright
# npm ci runs when node_modules is missing or package-lock.json is newer than
# node_modules/.package-lock.json. Chromium: Debian's /usr/bin/chromium if present,
# installed with apt-get when running as root, else Playwright's own browser.
set -euo pipefail
cd "$(dirname "$0")/.."

with_browser=0
for arg in "$@"; do
  case "$arg" in
    --with-browser) with_browser=1 ;;
    *) echo "ensure-deps: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

if [[ ! -d node_modules || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "ensure-deps: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
else
  echo "ensure-deps: node_modules is up to date"
fi

if [[ "$with_browser" == 1 ]]; then
  if [[ -x /usr/bin/chromium ]]; then
    echo "ensure-deps: using /usr/bin/chromium"
  elif [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-deps: installing Debian chromium with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
    [[ -x /usr/bin/chromium ]] || { echo "ensure-deps: apt-get did not provide /usr/bin/chromium" >&2; exit 1; }
    echo "ensure-deps: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
  else
    echo "ensure-deps: installing Playwright's Chromium"
    npx playwright install chromium
  fi
fi
