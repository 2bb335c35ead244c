#!/usr/bin/env bash
# Desktop app tests: the typed-IPC binding drift check and the end-to-end tests that drive the
# real Footprint window through tauri-driver + WebKitWebDriver under Xvfb.
#
#   ./scripts/e2e.sh                          # everything
#   ./scripts/e2e.sh e2e_import               # one test file (or any cargo test filter args)
#   FOOTPRINT_SCREENSHOTS=1 ./scripts/e2e.sh  # also refresh docs/screenshots/
#
# Expects the system packages of scripts/deps.sh (WebKitGTK, xvfb, xauth, webkit2gtk-driver).
set -euo pipefail
cd "$(dirname "$0")/.."

# The tests must run here: never let an inherited variable turn them into a skip.
unset FOOTPRINT_E2E_SKIP

# What test.sh already did when it called us; fast when everything is up to date.
# shellcheck source=deps.sh
source scripts/deps.sh
echo "==> Building the UI (ui/dist is embedded into the app)"
npm --prefix ui run build


echo "==> Building the app and its tests (debug, --features custom-protocol)"
cargo test -p footprint-app --features custom-protocol --no-run

if [ $# -gt 0 ]; then
  filter=(--test "$@")
else
  filter=()
fi
echo "==> Running the desktop tests under Xvfb"
# A hung WebDriver session must not eat CI's time: the whole run gets 15 minutes.
# --test-threads=1: one WebKit window at a time on two shared cores.
timeout --signal=TERM --kill-after=30 900 \
  xvfb-run -a --server-args="-screen 0 1280x900x24" \
  cargo test -p footprint-app --features custom-protocol --no-fail-fast "${filter[@]}" -- --test-threads=1
