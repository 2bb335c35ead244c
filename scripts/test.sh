#!/usr/bin/env bash
# Run every test of Footprint: engine, CLI, rights, UI components, and the end-to-end tests
# that drive the real desktop window under Xvfb. This is the README's test command and what
# CI runs (.ci/run). Installs what it needs first (scripts/deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

# Sourced: the Node it picks (a private one on systems whose Node is too old) stays on PATH.
# shellcheck source=deps.sh
source scripts/deps.sh

echo "==> UI: type check, component tests, build"
npm --prefix ui run check
npm --prefix ui test
npm --prefix ui run build

echo "==> Rust: engine, CLI, rights (unit, golden, integration)"
# Includes the fault tests (crates/footprint-cli/tests/faults.rs: busy, read-only, full disk)
# and the short kill -9 run (tests/torture.rs: seeded, 8 imports and 4 removals); the full
# 50 + 20 run is scripts/torture.sh.
cargo test --workspace --exclude footprint-app

echo "==> System keyring: the passphrase kept in a private Secret Service (scripts/keyring.sh)"
./scripts/keyring.sh

echo "==> Fuzz: every reader for a short bounded time (scripts/fuzz.sh runs them longer)"
# Seeded: the same inputs on every run, so CI fails on a change of the code, never on luck.
FOOTPRINT_FUZZ_SEED=${FOOTPRINT_FUZZ_SEED:-1} ./scripts/fuzz.sh "${FOOTPRINT_FUZZ_SECONDS:-25}"

echo "==> Desktop app: typed IPC bindings, end-to-end tests in the real window"
./scripts/e2e.sh

echo "==> Zero egress: a full session in a network namespace without network, under strace"
./scripts/egress.sh
