#!/usr/bin/env bash
# Make sure the DuckDB Python package is installed in Footprint's private venv, and print
# that venv's python. Used by scripts/deps.sh and by the research export's DuckDB test
# (crates/footprint-research/tests/duckdb.rs). A venv, because Debian's pip refuses
# system-wide installs (PEP 668); PyPI is the only source.
set -euo pipefail
VENV="${XDG_CACHE_HOME:-$HOME/.cache}/footprint/duckdb-venv"
if ! "$VENV/bin/python" -c "import duckdb" 2>/dev/null; then
  command -v python3 >/dev/null || { echo "duckdb-venv: python3 is missing (apt-get install python3 python3-venv)" >&2; exit 1; }
  echo "==> pip install duckdb (into $VENV)" >&2
  rm -rf "$VENV"
  python3 -m venv "$VENV" >&2 || { echo "duckdb-venv: python3 -m venv failed (apt-get install python3-venv)" >&2; exit 1; }
  "$VENV/bin/pip" install --quiet --disable-pip-version-check duckdb >&2 \
    || { echo "duckdb-venv: pip install duckdb failed (see above)" >&2; exit 1; }
fi
echo "$VENV/bin/python"
