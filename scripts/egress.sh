#!/usr/bin/env bash
# Zero egress, checked (issue #12, docs/PRIVACY.md "Nothing leaves the machine"): one full
# session of the real app (tests/e2e_egress.rs: imports, every screen, letters saved as PDF,
# e-mail draft and calendar, a removal, Delete everything) inside a fresh network namespace
# that holds nothing but loopback, with every process of it (the test, tauri-driver,
# WebKitWebDriver, the app and WebKit's helpers) under strace. tests/egress_check.rs then
# reads the trace and fails on any socket address that is not local.
#
#   ./scripts/egress.sh                                          # the check (CI runs it)
#   FOOTPRINT_EGRESS_PROBE=http://93.184.216.34/ ./scripts/egress.sh
#                       # the window loads an outside address at the end: this run must FAIL
#
# Runs as root (CI) or in a user namespace, and needs the packages of scripts/deps.sh (strace, iproute2).
set -euo pipefail
cd "$(dirname "$0")/.."
unset FOOTPRINT_E2E_SKIP

# shellcheck source=deps.sh
source scripts/deps.sh
# A network namespace needs root; elsewhere a user namespace makes this user root inside it
# (most distributions allow unprivileged user namespaces).
if [ "$(id -u)" -eq 0 ]; then
  isolate=(unshare --net)
else
  isolate=(unshare --map-root-user --net)
  "${isolate[@]}" true 2>/dev/null \
    || { echo "egress: cannot make a network namespace (unprivileged user namespaces are off here); run: sudo $0" >&2; exit 1; }
fi
for tool in strace unshare ip xvfb-run dbus-run-session; do
  command -v "$tool" >/dev/null || { echo "egress: $tool is missing (scripts/deps.sh installs it)" >&2; exit 1; }
done

echo "==> Building the UI and the app with its end-to-end tests"
npm --prefix ui run build
build_log=$(mktemp)
cargo test -p footprint-app --features custom-protocol --no-run --test e2e_egress --test egress_check 2>&1 | tee "$build_log"
session=$(sed -n 's/.*Executable tests\/e2e_egress.rs (\(.*\))$/\1/p' "$build_log")
rm -f "$build_log"
[ -x "$session" ] || { echo "egress: cannot find the e2e_egress test binary in cargo's output" >&2; exit 1; }

out=$(realpath -m "${CARGO_TARGET_DIR:-target}/egress")
mkdir -p "$out"
trace="$out/egress.trace"
rm -f "$trace"
echo "==> The session inside 'unshare --net' (loopback only) under strace; trace: $trace"
# Inside the namespace: bring loopback up (WebDriver talks over it), start a private X server,
# and trace the test binary and everything it starts. Abstract Unix sockets (X's, D-Bus's)
# belong to the namespace too, so the X server must start inside it. The session gets a
# D-Bus session bus of its own (dbus-run-session, under strace too): without one, GTK and the
# keyring autolaunch a bus tied to the X display, whose daemons (portals, accessibility, the
# keyring) outlived the test and kept strace, and so this step, waiting until the timeout.
# dbus-run-session ends the bus with the test, and the daemons it started end with the bus.
timeout --signal=TERM --kill-after=30 600 \
  "${isolate[@]}" -- bash -c '
    set -euo pipefail
    ip link set lo up
    exec xvfb-run -a --server-args="-screen 0 1280x900x24" \
      strace -f -qq -s 256 -e trace=connect,sendto,sendmsg,sendmmsg,execve -o "$1" \
      dbus-run-session -- \
      env FOOTPRINT_EGRESS_RUN=1 "$2" --test-threads=1 --nocapture' egress "$trace" "$session"

echo "==> Checking the trace"
FOOTPRINT_EGRESS_TRACE="$trace" \
  cargo test -p footprint-app --features custom-protocol --test egress_check -- --nocapture
