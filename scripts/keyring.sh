#!/usr/bin/env bash
# The system-keyring tests (issue #12): the passphrase of an encrypted database kept in and
# read back from a real Secret Service. A private D-Bus session runs a GNOME Keyring daemon
# with a throwaway login keyring in a temporary home, so the user's own keyring is never
# touched and nothing outlives the run.
set -euo pipefail
cd "$(dirname "$0")/.."

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.local/share/keyrings"
export FOOTPRINT_KEYRING_TEST=1
# Cargo and rustup keep finding their own homes when HOME moves below.
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
# The keyring's password only guards this throwaway keyring.
HOME="$home" XDG_DATA_HOME="$home/.local/share" dbus-run-session -- bash -c '
  echo -n footprint-ci | gnome-keyring-daemon --unlock --daemonize --components=secrets >/dev/null
  cargo test -p footprint-core --test os_keyring
  cargo test -p footprint-cli --test keyring
'
