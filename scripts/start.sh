#!/usr/bin/env bash
# Set up and start Footprint: install what is needed, build the desktop app, import the
# archives given as arguments (or, on a first run with none, a demo archive made by the
# fixture generator), then open the app.
#
#   ./scripts/start.sh                       # first look, with demo data
#   ./scripts/start.sh ~/Downloads/takeout-*.zip ~/Downloads/facebook-*.zip
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/deps.sh
echo "==> Building the app (first build takes several minutes)"
npm --prefix ui run build
cargo build -p footprint-cli
cargo build --features custom-protocol

FOOTPRINT=target/debug/footprint
if [ $# -gt 0 ]; then
  "$FOOTPRINT" import "$@" || echo "Some archives could not be imported (see above)."
elif [ "$("$FOOTPRINT" stats --json | sed -n 's/^  "archives": \([0-9]*\),$/\1/p')" = "0" ]; then
  DATA_DIR="${FOOTPRINT_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/footprint}"
  echo "==> No archives yet: generating demo exports in $DATA_DIR/demo"
  "$FOOTPRINT" generate demo --out "$DATA_DIR/demo" > /dev/null
  "$FOOTPRINT" import "$DATA_DIR"/demo/*
fi

echo "==> Starting Footprint"
exec target/debug/footprint-app
