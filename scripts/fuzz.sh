#!/usr/bin/env bash
# Build and run every fuzz target of Footprint's readers (fuzz/, docs/FUZZING.md) for a
# bounded time each, then print the executions per target and stop with an error when any
# target found a crash, a hang or an out-of-memory input (saved under fuzz/artifacts/TARGET/).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 300 s, every target)
#   FOOTPRINT_FUZZ_SEED=1 scripts/fuzz.sh 25              (what CI runs: reproducible)
#
# With FOOTPRINT_FUZZ_SEED, a run is (almost: two runs of 40,000 dates inputs ended at 1,177
# and 1,175 coverage edges) the same on every machine: libFuzzer's random seed is
# fixed, each target starts from the generators' seeds only (a fresh corpus folder, not what
# earlier runs learned) and runs a fixed number of inputs (runs_of: about SECONDS on an idle
# 2-core machine; 4 x SECONDS stays the time limit, where a loaded machine tries a prefix of
# the same sequence). A CI run therefore fails on a change of the code, not on the luck of the
# draw; the hunt for new crashes is the unseeded, longer run by hand.
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

# Inputs per target in a seeded run: about 15 s each on an idle 2-core machine (measured: the
# executions a 25 s CI run made), scaled by SECONDS / 25.
runs_of() {
  local n
  case "$1" in
    archive) n=30000 ;;
    chat_text) n=450000 ;;
    csv) n=22000 ;;
    dates) n=40000 ;;
    html) n=20000 ;;
    import) n=1200 ;;
    js_wrapped) n=380000 ;;
    json_stream) n=150000 ;;
    ndjson) n=300000 ;;
    *) n=20000 ;;
  esac
  echo $(( n * SECONDS_PER_TARGET / 25 ))
}

LOGS="$ROOT/fuzz/artifacts/logs"
mkdir -p "$LOGS"
failed=()
summary=()
for t in "${TARGETS[@]}"; do
  if [ -n "${FOOTPRINT_FUZZ_SEED:-}" ]; then
    echo "==> fuzz $t: $(runs_of "$t") inputs from seed $FOOTPRINT_FUZZ_SEED"
  else
    echo "==> fuzz $t for ${SECONDS_PER_TARGET} s"
  fi
  mkdir -p "corpus/$t" "corpus/seeds/$t"
  dict=$(dict_of "$t")
  args=(-rss_limit_mb=2048 -max_len=262144 -print_final_stats=1)
  [ -n "$dict" ] && args+=(-dict="$dict")
  learned="corpus/$t"
  if [ -n "${FOOTPRINT_FUZZ_SEED:-}" ]; then
    # A slow input on a loaded machine must not count as a hang: a generous per-input limit.
    args+=(-seed="$FOOTPRINT_FUZZ_SEED" -runs="$(runs_of "$t")" -max_total_time=$(( SECONDS_PER_TARGET * 4 )) -timeout=60)
    learned=$(mktemp -d)
  else
    args+=(-max_total_time="$SECONDS_PER_TARGET" -timeout=10)
  fi
  status=0
  cargo +nightly fuzz run "${FLAGS[@]}" "$t" "$learned" "corpus/seeds/$t" -- "${args[@]}" \
    >"$LOGS/$t.log" 2>&1 || status=$?
  if [ -n "${FOOTPRINT_FUZZ_SEED:-}" ]; then rm -rf "$learned"; fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$LOGS/$t.log" | grep -o '[0-9]*$' | tail -1 || true)
  if [ "$status" -ne 0 ]; then
    failed+=("$t")
    grep -E '^(==[0-9]+==|thread .* panicked|SUMMARY|artifact_prefix|Test unit written)' "$LOGS/$t.log" | head -20 || true
    summary+=("$t: FAILED after ${execs:-?} executions (log: fuzz/artifacts/logs/$t.log, input: fuzz/artifacts/$t/)")
  else
    summary+=("$t: ${execs:-?} executions, no crash")
  fi
done

echo "==> fuzz summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: ${#failed[@]} target(s) found a crash, hang or OOM: ${failed[*]}" >&2
  exit 1
fi
