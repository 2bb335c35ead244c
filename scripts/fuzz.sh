#!/usr/bin/env bash
# Build and run every fuzz target of Footprint's readers (fuzz/, docs/FUZZING.md) for a
# bounded time each, then print the executions per target and stop with an error when any
# target found a crash, a hang or an out-of-memory input (saved under fuzz/artifacts/TARGET/).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 300 s, every target)
#
# Needs the nightly toolchain and cargo-fuzz (scripts/deps.sh installs cargo-fuzz where
# nightly is there); without them it says so and exits 0, so a machine without nightly still
# runs the rest of the tests. Seeds are written by the fixture generators at run time into
# fuzz/corpus/seeds; what the fuzzer learns stays in fuzz/corpus/TARGET (both gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER_TARGET=${1:-300}
shift || true
# libFuzzer reads -max_total_time=0 as "no limit": 0 means "do not fuzz" here instead.
if [ "$SECONDS_PER_TARGET" -le 0 ]; then
  echo "fuzz.sh: 0 seconds per target: fuzzing skipped" >&2
  exit 0
fi

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz.sh: no nightly toolchain (rustup toolchain list): fuzzing skipped" >&2
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: cargo-fuzz is not installed (scripts/deps.sh installs it): fuzzing skipped" >&2
  exit 0
fi

# The seed writer is an ordinary example of the fixtures crate: stable, main target dir.
echo "==> fuzz seeds from the generators"
cargo run -q -p footprint-fixtures --example fuzz_seeds -- "$ROOT/fuzz/corpus/seeds"

# The fuzz workspace builds with nightly and coverage flags: its own target dir, never the
# main one (whose artifacts it could not reuse anyway), kept outside the tree by default so
# that a fresh clone (CI) rebuilds only Footprint's own crates, not every dependency.
export CARGO_TARGET_DIR="${FOOTPRINT_FUZZ_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/footprint/fuzz-target}"
# No sanitizer: the readers are safe Rust (ASan would halve the executions for nothing it can
# see); debug assertions on, so an arithmetic overflow is a crash, as in the test builds.
FLAGS=(--sanitizer none --debug-assertions)
cd fuzz
if [ $# -gt 0 ]; then
  TARGETS=("$@")
else
  mapfile -t TARGETS < <(cargo +nightly fuzz list)
fi
echo "==> build ${#TARGETS[@]} fuzz targets"
build_start=$(date +%s)
cargo +nightly fuzz build "${FLAGS[@]}"
echo "build: $(( $(date +%s) - build_start )) s"

dict_of() {
  case "$1" in
    archive | import) echo dict/archive.dict ;;
    json_stream | js_wrapped | ndjson) echo dict/json.dict ;;
    html) echo dict/html.dict ;;
    chat_text) echo dict/chat.dict ;;
    dates) echo dict/dates.dict ;;
    *) echo "" ;;
  esac
}

LOGS="$ROOT/fuzz/artifacts/logs"
mkdir -p "$LOGS"
failed=()
summary=()
for t in "${TARGETS[@]}"; do
  echo "==> fuzz $t for ${SECONDS_PER_TARGET} s"
  mkdir -p "corpus/$t" "corpus/seeds/$t"
  dict=$(dict_of "$t")
  args=(-max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -timeout=10 -max_len=262144 -print_final_stats=1)
  [ -n "$dict" ] && args+=(-dict="$dict")
  status=0
  cargo +nightly fuzz run "${FLAGS[@]}" "$t" "corpus/$t" "corpus/seeds/$t" -- "${args[@]}" \
    >"$LOGS/$t.log" 2>&1 || status=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$LOGS/$t.log" | grep -o '[0-9]*$' | tail -1 || true)
  if [ "$status" -ne 0 ]; then
    failed+=("$t")
    grep -E '^(==[0-9]+==|thread .* panicked|SUMMARY|artifact_prefix|Test unit written)' "$LOGS/$t.log" | head -20 || true
    summary+=("$t: FAILED after ${execs:-?} executions (log: fuzz/artifacts/logs/$t.log, input: fuzz/artifacts/$t/)")
  else
    summary+=("$t: ${execs:-?} executions in ${SECONDS_PER_TARGET} s, no crash")
  fi
done

echo "==> fuzz summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: ${#failed[@]} target(s) found a crash, hang or OOM: ${failed[*]}" >&2
  exit 1
fi
