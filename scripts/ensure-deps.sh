#!/usr/bin/env bash
# Installs whatever is missing to build and test HQRN Explorer.
#   bash scripts/ensure-deps.sh                 # npm packages only
#   bash scripts/ensure-deps.sh --with-browser  # also a Chromium for Playwright
#   bash scripts/ensure-deps.sh --with-engines  # also Firefox ESR, WebKitGTK's WebDriver and
#                                               # MiniBrowser, and Xvfb (e2e/engines/run.mjs)
# npm ci runs when node_modules is missing or package-lock.json is newer than
# node_modules/.package-lock.json. Chromium: Debian's /usr/bin/chromium if present,
# installed with apt-get when running as root, else Playwright's own browser.
set -euo pipefail
cd "$(dirname "$0")/.."

with_browser=0
with_engines=0
for arg in "$@"; do
  case "$arg" in
    --with-browser) with_browser=1 ;;
    --with-engines) with_engines=1 ;;
    *) echo "ensure-deps: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

if [[ -L node_modules ]]; then
  # A link to another checkout's packages (a git worktree): npm ci would empty the folder it
  # points to, under every checkout that shares it. Leave it to that checkout.
  echo "ensure-deps: node_modules is a link ($(readlink node_modules)): not installing here"
elif [[ ! -d node_modules || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
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

# The cross-engine journeys: Debian's firefox-esr (driven over WebDriver BiDi by puppeteer-core),
# webkit2gtk-driver (WebKitWebDriver + MiniBrowser) and xvfb (MiniBrowser needs a display).
# Only apt-get can provide them (Playwright's own Firefox and WebKit cannot be downloaded here).
if [[ "$with_engines" == 1 ]]; then
  missing=()
  [[ -x /usr/bin/firefox-esr ]] || missing+=(firefox-esr)
  [[ -x /usr/bin/WebKitWebDriver ]] || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
  if [[ ${#missing[@]} -eq 0 ]]; then
    echo "ensure-deps: using $(/usr/bin/firefox-esr --version 2>/dev/null), /usr/bin/WebKitWebDriver, xvfb-run"
  elif [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-deps: installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "ensure-deps: missing ${missing[*]}: install them with apt-get (as root) for the cross-engine journeys" >&2
    exit 1
  fi
fi
