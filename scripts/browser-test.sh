#!/usr/bin/env bash
# Opens report.html in headless Chromium (Debian's chromium, driven by
# playwright-core from npm) and checks it renders, filters and stays inert.
#   usage: scripts/browser-test.sh BUILD_DIR [screenshot.png]
# Exit 77 (ctest's SKIP_RETURN_CODE) when the browser cannot be installed here.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: browser-test.sh BUILD_DIR [screenshot.png]}" && pwd)
screenshot=${2:-}
tools="$build/browser-tools"

if ! command -v chromium >/dev/null 2>&1; then
  bash "$here/scripts/install-deps.sh" browser >/dev/null 2>&1 || true
fi
if ! command -v chromium >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "browser-test: SKIPPED: chromium or npm could not be installed on this machine" >&2
  exit 77
fi
if [ ! -d "$tools/node_modules/playwright-core" ]; then
  mkdir -p "$tools"
  cp "$here/tests/browser/package.json" "$here/tests/browser/package-lock.json" "$tools/"
  if ! (cd "$tools" && npm ci --no-audit --no-fund --silent); then
    echo "browser-test: SKIPPED: npm could not install playwright-core" >&2
    exit 77
  fi
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The sample corpus plus the hostile fixture (markup injected into article text).
"$build/factline" check "$here/fixtures/sample/input" "$here/fixtures/hostile/input" \
  --out "$out" --format md,html,json --exit-zero --quiet || { echo "browser-test: factline check failed" >&2; exit 1; }
FACTLINE_BROWSER_TOOLS="$tools" node "$here/tests/browser/report_test.mjs" "$out/report.html" "$out/findings.jsonl" $screenshot
