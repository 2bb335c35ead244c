#!/usr/bin/env bash
# Install what Footprint needs on a fresh Debian/Ubuntu machine: system libraries for the
# desktop app (WebKitGTK), Xvfb and the WebDriver bridge for the end-to-end tests, the npm
# packages of the UI (from the lockfile) and tauri-driver. Safe to run again: it skips what is
# already there.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PKGS=(build-essential pkg-config curl libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev
      librsvg2-dev xvfb xauth webkit2gtk-driver imagemagick)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
  echo "Footprint needs Rust (cargo). Install it from your distribution or rustup, then run this again." >&2
  exit 1
fi
if ! command -v npm >/dev/null; then
  echo "==> apt-get install nodejs npm"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi

if [ -f ui/package-lock.json ]; then
  echo "==> npm ci (ui/)"
  npm --prefix ui ci --no-audit --no-fund --loglevel=error
fi

if ! command -v tauri-driver >/dev/null; then
  echo "==> cargo install tauri-driver"
  cargo install tauri-driver --locked --version 2.1.0 --quiet
fi
