#!/usr/bin/env bash
# kill -9 at random points of imports and removals (issue #12; docs/PRIVACY.md "Crashes"):
# the full run of crates/footprint-cli/tests/torture.rs. CI runs its short, seeded version
# (8 imports, 4 removals) with the other tests; this one takes a few minutes.
#
#   ./scripts/torture.sh            # 50 imports, 20 removals, a random seed (printed)
#   ./scripts/torture.sh 1234       # the same run again, by its seed
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-$(( (RANDOM << 15) | RANDOM ))}
echo "==> torture: 50 imports and 20 removals, each killed with SIGKILL at a random point (seed $seed)"
FOOTPRINT_TORTURE_IMPORTS=${FOOTPRINT_TORTURE_IMPORTS:-50} \
FOOTPRINT_TORTURE_REMOVALS=${FOOTPRINT_TORTURE_REMOVALS:-20} \
FOOTPRINT_TORTURE_SEED=$seed \
  cargo test -p footprint-cli --test torture -- --nocapture
