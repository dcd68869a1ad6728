#!/usr/bin/env bash
# Real-browser tests of the bundled microsite: builds sito (release), installs the pinned
# npm packages when needed, then runs run.mjs (crawl, links, assets, console, axe-core,
# html-validate, language switcher, keyboard, 375 px) at the root, under a sub-path and
# on a --minify build; then live.mjs, the preview (`sito serve`) in a browser: a stylesheet
# edit swaps styles without a reload, a text edit reloads, the error overlay shows, takes
# the focus, closes (Escape, its button), comes back on the next error and passes axe-core.
# Each part ends with "N passed, M failed"; exits non-zero on any failure.
#
#   bash tests/browser/run.sh                 # the whole suite
#   bash tests/browser/run.sh --verbose       # also list every page and check
#   bash tests/browser/run.sh --runs=root     # only some runs (root, sub, minified, fixture)
#   bash tests/browser/run.sh --screenshots   # retake docs/screenshots/*.png instead
#   bash tests/browser/run.sh --weight        # page weight (CSS, JS, fonts) of typical pages
#
# Needs Node.js >= 20.19 and Chromium at /usr/bin/chromium (Debian: apt-get install
# chromium), or CHROMIUM=/path/to/chrome. No browser is downloaded.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if ! command -v node >/dev/null 2>&1; then
  echo "browser tests: node is not installed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# npm packages, exactly as pinned in package-lock.json; reinstalled only when it changes.
if [ ! -f "$here/node_modules/.sito-installed" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.sito-installed" ]; then
  echo "browser tests: npm ci" >&2
  (cd "$here" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error >&2)
  touch "$here/node_modules/.sito-installed"
fi

# SITO=path/to/sito reuses a binary already built (CI passes the one `cargo test` built).
if [ -z "${SITO:-}" ]; then
  echo "browser tests: cargo build --release" >&2
  (cd "$repo" && cargo build --release --quiet)
fi

if [ "${1:-}" = "--screenshots" ]; then
  shift
  exec node "$here/screenshots.mjs" "$@"
fi
if [ "${1:-}" = "--weight" ]; then
  shift
  exec node "$here/weight.mjs" "$@"
fi
# The crawl of built sites, then the preview in a browser (live.mjs: stylesheet swap, reload,
# error overlay); a filter of runs (--runs=…) skips the preview.
status=0
node "$here/run.mjs" "$@" || status=1
if [ -z "${1:-}" ] || [ "${1:-}" = "--verbose" ]; then
  node "$here/live.mjs" || status=1
fi
exit "$status"
