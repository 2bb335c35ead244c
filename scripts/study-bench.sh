#!/usr/bin/env bash
# The many-participants figures of docs/RESEARCH.md: a synthetic study of N participants made
# with the generators (one invented person per participant, seed = participant number; one
# export each, the platforms in turn, a few thousand records), then `footprint study import`
# timed by /usr/bin/time -v with --jobs 1 and --jobs 2, a resumed run (everything skipped)
# and `footprint study summary`. Release build.
#
#   scripts/study-bench.sh [N=1000] [DIR=target/study-bench] [PERCENT=100]
#
# PERCENT scales the records per participant (the CLI test runs 10 participants at 10%).
# STUDY_INPUT=donations hands the study donation files instead of raw exports: each
# participant's export is imported into a database of its own and given with `footprint
# donate` (the study file below, the participant's number as its id), as a participant would.
# FOOTPRINT_BIN picks the binary (default: builds target/release/footprint).
set -euo pipefail
N="${1:-1000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${2:-${CARGO_TARGET_DIR:-$ROOT/target}/study-bench}"
PERCENT="${3:-100}"
SALT="study-bench-salt-0123456789"
if [[ -z "${FOOTPRINT_BIN:-}" ]]; then
  cargo build --release -p footprint-cli --manifest-path "$ROOT/Cargo.toml" >&2
  FOOTPRINT_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/footprint"
fi
command -v /usr/bin/time >/dev/null || { echo "study-bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

# Platform and the --records that gives it about 3,000 records (google: 6x, reddit: 3x).
PLATFORMS=(facebook:3000 instagram:3000 x:3000 tiktok:3000 linkedin:1500 reddit:1000 spotify:3000 google:500)
KIND="${STUDY_INPUT:-exports}"
INPUT="$DIR/received-$KIND-$N-$PERCENT"
STUDY_FILE="$DIR/study.toml"
mkdir -p "$DIR"
printf 'id = "bench"\ntitle = "Study benchmark"\nresearcher = "Footprint"\ncontact = "bench@example.org"\nsalt = "%s"\n' \
  "$SALT" >"$STUDY_FILE"
if [[ ! -f "$INPUT/.complete" ]]; then
  rm -rf "$INPUT"
  mkdir -p "$INPUT"
  echo "==> generating $N participants ($KIND) into $INPUT" >&2
  for ((i = 1; i <= N; i++)); do
    spec="${PLATFORMS[$(( (i - 1) % ${#PLATFORMS[@]} ))]}"
    id="$(printf 'p%04d' "$i")"
    "$FOOTPRINT_BIN" generate "${spec%%:*}" --seed "$i" --records "$(( ${spec##*:} * PERCENT / 100 + 1 ))" \
      --out "$INPUT/$id.zip" >/dev/null
    if [[ "$KIND" == donations ]]; then
      db="$INPUT/.$id.db"
      "$FOOTPRINT_BIN" --db "$db" import "$INPUT/$id.zip" >/dev/null
      "$FOOTPRINT_BIN" --db "$db" donate --study "$STUDY_FILE" --participant "$id" --out "$INPUT" >/dev/null
      rm -f "$INPUT/$id.zip" "$db" "$db-wal" "$db-shm"
    fi
  done
  touch "$INPUT/.complete"
fi
INPUT_MB=$(du -sm --apparent-size "$INPUT" | cut -f1)

# One timed run: prints `wall_s peak_rss_mb` and leaves the report in $DIR/report.json.
timed() {
  /usr/bin/time -v -o "$DIR/time.txt" "$@" >"$DIR/report.json" 2>"$DIR/stderr.txt" || {
    echo "study-bench: $* failed:" >&2; cat "$DIR/stderr.txt" >&2; exit 1; }
  python3 - "$DIR/time.txt" <<'EOF'
import re, sys
t = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1).split(":")
secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
print(f"{secs:.2f} {rss:.0f}")
EOF
}

report() {  # jobs wall rss: a Markdown row from report.json
  python3 - "$DIR/report.json" "$@" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
label, wall, rss = sys.argv[2], max(float(sys.argv[3]), 0.01), sys.argv[4]
n = r["ok"] + r["skipped"]
print(f"| {label} | {n:,} ({r['ok']:,} written, {r['skipped']:,} skipped, {r['failed']} failed) | {wall:.1f} s "
      f"| {n / wall:.1f} | {r['rows'] / wall:,.0f} | {r['input_bytes'] / 1e6 / wall:.2f} | {rss} MB |")
EOF
}

echo "| run | participants | wall | participants/s | rows written/s | input MB/s | peak RSS |"
echo "|---|---|---|---|---|---|---|"
for jobs in 1 2; do
  rm -rf "$DIR/dataset"
  read -r wall rss < <(timed "$FOOTPRINT_BIN" study import "$INPUT" --out "$DIR/dataset" --salt "$SALT" --jobs "$jobs" --json)
  report "study import --jobs $jobs" "$wall" "$rss"
done
read -r wall rss < <(timed "$FOOTPRINT_BIN" study import "$INPUT" --out "$DIR/dataset" --salt "$SALT" --jobs 2 --json)
report "again (resumed: all done)" "$wall" "$rss"
read -r wall rss < <(timed "$FOOTPRINT_BIN" study summary "$DIR/dataset" --json)
echo "| study summary | $N | $wall s | | | | $rss MB |"
echo
echo "input: $N $KIND, $INPUT_MB MB; dataset: $(du -sm --apparent-size "$DIR/dataset" | cut -f1) MB"
