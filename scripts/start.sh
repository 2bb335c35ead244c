#!/usr/bin/env bash
# Set up, install and start Footprint:
#  1. install what is needed (scripts/deps.sh),
#  2. build the optimized app and install it like any desktop app: a .deb made by Tauri's
#     bundler (menu entry and icon), installed with apt; and the `footprint` command in
#     /usr/local/bin. Skipped when nothing changed since the last install,
#  3. import the archives given as arguments, or on a first run with none a demo (one
#     invented person's exports, made by the fixture generator),
#  4. open the app (when there is a display).
#
#   ./scripts/start.sh                       # first look, with demo data
#   ./scripts/start.sh ~/Downloads/takeout-*.zip ~/Downloads/facebook-*.zip
set -euo pipefail
cd "$(dirname "$0")/.."

# Only what the app needs: the test tools (tauri-driver, DuckDB, cargo-fuzz) are test.sh's.
# shellcheck source=deps.sh
FOOTPRINT_DEPS=app source scripts/deps.sh

# --- Build and install, unless this exact source tree is installed already ------------------
STATE="${XDG_CACHE_HOME:-$HOME/.cache}/footprint"
mkdir -p "$STATE"
fingerprint=$( { git ls-files -co --exclude-standard -- Cargo.toml Cargo.lock tauri.conf.json crates src-tauri ui/src ui/index.html ui/package-lock.json ui/vite.config.ts \
                 | LC_ALL=C sort | xargs -d '\n' sha256sum; } | sha256sum | cut -d' ' -f1)
if [ "$(cat "$STATE/installed" 2>/dev/null || true)" = "$fingerprint" ] \
   && command -v footprint-app >/dev/null && command -v footprint >/dev/null; then
  say "Footprint is installed and up to date"
else
  started=$(date +%s)
  say "Building the optimized app and its installer (the first build takes about 12 minutes on 2 cores; after a change about 4)"
  # The Tauri CLI runs tauri.conf.json's beforeBuildCommand in ui/ (the folder of
  # package.json); building the UI here first keeps the step visible in this log.
  npm --prefix ui run build
  ui/node_modules/.bin/tauri build --bundles deb --config '{"build":{"beforeBuildCommand":""}}'
  cargo build --release -p footprint-cli
  deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
  say "Installing $deb"
  # apt resolves the package's dependencies (WebKitGTK) and registers the menu entry.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --reinstall "./$deb" >/dev/null
  $SUDO install -m 0755 target/release/footprint /usr/local/bin/footprint
  echo "$fingerprint" > "$STATE/installed"
  say "Installed in $(( $(date +%s) - started )) s: 'Footprint' in your applications menu, footprint-app and footprint on the PATH"
fi

# --- Data: the archives given, or a demo on a first run ---------------------------------------
if [ $# -gt 0 ]; then
  footprint import "$@" || echo "Some archives could not be imported (see above)."
elif [ "$(footprint stats --json | sed -n 's/^  "archives": \([0-9]*\),$/\1/p')" = "0" ]; then
  DATA_DIR="${FOOTPRINT_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/footprint}"
  say "No archives yet: generating a demo (one invented person's exports) in $DATA_DIR/demo"
  footprint generate demo --out "$DATA_DIR/demo" > /dev/null
  footprint import "$DATA_DIR"/demo/*
fi

# --- Open the app ----------------------------------------------------------------------------
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  say "No display here: Footprint is installed. Open it from your desktop's applications menu (or run footprint-app in a desktop session); the footprint command works here."
  exit 0
fi
say "Starting Footprint"
exec footprint-app
