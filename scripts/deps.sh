#!/usr/bin/env bash
# Install what Footprint needs on a fresh Debian 12/13 or Ubuntu 24.04 machine: the system
# libraries of the desktop app (WebKitGTK), Xvfb and the WebDriver bridge for the end-to-end
# tests, a Node.js recent enough for the UI tools, the UI's npm packages (from the lockfile)
# and tauri-driver. Safe to run again: it skips what is already there and up to date.
#
# Sourced by start.sh and test.sh (so the Node it picks is on their PATH); can also be run
# alone. FOOTPRINT_DEPS=app (start.sh) installs only what building and running the app needs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "==> $*"; }
die() { echo "footprint setup: $*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "run this as root, or install sudo, to install system packages"
  SUDO="sudo"
fi

# --- System packages -------------------------------------------------------------------
# strace and iproute2: the zero-egress check (scripts/egress.sh traces the app in a network
# namespace and brings its loopback up). libssl-dev: SQLCipher (the encrypted database) takes
# its AES and PBKDF2 from OpenSSL. libdbus-1-dev: the OS keyring (Secret Service over D-Bus),
# where the app keeps the passphrase when the user asks it to; gnome-keyring and dbus run a
# private keyring for its tests (scripts/keyring.sh).
PKGS=(build-essential pkg-config curl libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev
      librsvg2-dev xvfb xauth webkit2gtk-driver imagemagick strace iproute2 libssl-dev
      libdbus-1-dev gnome-keyring dbus)
# Node and npm from the distribution only when there are none (a newer Node may already be
# installed elsewhere, e.g. /usr/local).
command -v node >/dev/null || PKGS+=(nodejs)
command -v npm >/dev/null || PKGS+=(npm)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null \
  || die "Footprint needs Rust (cargo 1.89 or newer). Install it with rustup (https://rustup.rs; Debian's cargo is older), then run this again."

# --- Node.js ------------------------------------------------------------------------------
# The UI tools (Vite 8, Vitest 4) need Node 20.19 or newer. Debian 13 ships 20.19; Debian 12
# and Ubuntu 24.04 ship 18.x. Then an official Node build is taken from the npm registry
# (the `node-linux-<arch>` package carries the binary) into ~/.cache/footprint/node: the
# same registry `npm ci` uses, so nothing else has to be reachable.
NODE_MIN_MAJOR=20
NODE_MIN_MINOR=19
NODE_PINNED=22.23.5
node_ok() {
  local v
  v=$("$1" --version 2>/dev/null | sed 's/^v//') || return 1
  local major=${v%%.*} rest=${v#*.}
  local minor=${rest%%.*}
  [ "$major" -gt "$NODE_MIN_MAJOR" ] || { [ "$major" -eq "$NODE_MIN_MAJOR" ] && [ "$minor" -ge "$NODE_MIN_MINOR" ]; }
}
TOOLS="${XDG_CACHE_HOME:-$HOME/.cache}/footprint/node"
case "$(uname -m)" in
  x86_64) NODE_ARCH=x64 ;;
  aarch64 | arm64) NODE_ARCH=arm64 ;;
  *) NODE_ARCH="" ;;
esac
PRIVATE_NODE="$TOOLS/node_modules/node-linux-$NODE_ARCH/bin"
if [ -x "$PRIVATE_NODE/node" ] && node_ok "$PRIVATE_NODE/node"; then
  export PATH="$PRIVATE_NODE:$PATH"
elif ! node_ok node; then
  found=$(node --version 2>/dev/null || echo "none")
  [ -n "$NODE_ARCH" ] || die "Footprint needs Node $NODE_MIN_MAJOR.$NODE_MIN_MINOR or newer; found $found, and no Node build exists for $(uname -m). Install a newer Node.js and run this again."
  say "Node $found is older than $NODE_MIN_MAJOR.$NODE_MIN_MINOR: fetching Node $NODE_PINNED from the npm registry into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error --no-save "node-linux-$NODE_ARCH@$NODE_PINNED" >/dev/null \
    || die "Footprint needs Node $NODE_MIN_MAJOR.$NODE_MIN_MINOR or newer; found $found, and fetching Node $NODE_PINNED with npm failed (see above)."
  export PATH="$PRIVATE_NODE:$PATH"
  node_ok node || die "Footprint needs Node $NODE_MIN_MAJOR.$NODE_MIN_MINOR or newer; found $(node --version 2>/dev/null || echo none) even after fetching $NODE_PINNED."
fi

# --- The UI's npm packages -----------------------------------------------------------------
# `npm ci` deletes and rewrites node_modules (11-14 s here): only when the lockfile changed
# since the last install that finished. The stamp is written after success only, so an
# interrupted install is simply redone next time (npm ci starts from an empty folder).
STAMP=ui/node_modules/.footprint-lock-stamp
want=$(sha256sum ui/package-lock.json | cut -d' ' -f1)-$(node --version)
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$want" ]; then
  say "npm ci (ui/; the lockfile changed or the last install did not finish)"
  npm --prefix ui ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$STAMP"
fi

# --- Test tools ----------------------------------------------------------------------------
# start.sh needs none of what follows (tauri-driver is compiled from source, minutes on a fresh
# machine; DuckDB comes from PyPI): it sets FOOTPRINT_DEPS=app and stops here.
if [ "${FOOTPRINT_DEPS:-all}" = app ]; then
  return 0 2>/dev/null || exit 0
fi

# --- tauri-driver (end-to-end tests) -------------------------------------------------------
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v tauri-driver >/dev/null; then
  say "cargo install tauri-driver"
  cargo install tauri-driver --locked --version 2.1.0 --quiet
fi

# --- DuckDB (the research export's check, crates/footprint-research/tests/duckdb.rs) -------
# python3 and its venv module from the distribution; the package itself from PyPI.
PKGS_PY=()
command -v python3 >/dev/null || PKGS_PY+=(python3)
python3 -m venv --help >/dev/null 2>&1 || PKGS_PY+=(python3-venv)
if [ ${#PKGS_PY[@]} -gt 0 ]; then
  say "apt-get install ${PKGS_PY[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${PKGS_PY[@]}" >/dev/null
fi
FOOTPRINT_PYTHON=$(scripts/duckdb-venv.sh) || die "could not install the duckdb Python package (see above)"
export FOOTPRINT_PYTHON
# --- cargo-fuzz (scripts/fuzz.sh) ------------------------------------------------------------
# The fuzz targets need the nightly toolchain, which this script does not install (a toolchain
# download is not always possible): where nightly is there, cargo-fuzz is installed from
# crates.io; elsewhere scripts/fuzz.sh says it skips.
if rustup toolchain list 2>/dev/null | grep -q '^nightly' && ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  say "cargo install cargo-fuzz (the fuzz targets; nightly is installed)"
  cargo install cargo-fuzz --locked --version 0.13.2 --quiet
fi
