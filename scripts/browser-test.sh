#!/usr/bin/env bash
# Opens report.html in headless Chromium (Debian's chromium, driven by
# playwright-core from npm) and checks it renders, filters and stays inert.
#   usage: scripts/browser-test.sh BUILD_DIR [screenshot.png [CORPUS…]]
# Without a corpus it checks the sample corpus plus the hostile fixture.
# Exit 77 (ctest's SKIP_RETURN_CODE) when the browser cannot be installed here.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: browser-test.sh BUILD_DIR [screenshot.png]}" && pwd)
screenshot=${2:-}
shift 2 2>/dev/null || shift $#
corpus=("$@")
[ ${#corpus[@]} -gt 0 ] || corpus=("$here/fixtures/sample/input" "$here/fixtures/hostile/input")
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
"$build/factline" check "${corpus[@]}" \
  --out "$out" --format md,html,json --exit-zero --quiet || { echo "browser-test: factline check failed" >&2; exit 1; }
FACTLINE_BROWSER_TOOLS="$tools" node "$here/tests/browser/report_test.mjs" "$out/report.html" "$out/findings.jsonl" ${screenshot:+"$(cd "$(dirname "$screenshot")" && pwd)/$(basename "$screenshot")"}
