#!/usr/bin/env bash
# COBA (examples/coba.toml, 4000 neurons) in rewire's Java backend against Brian2 (cython), in the
# same run, alternating: wall milliseconds per simulated second. Brian2's time excludes its code
# generation and compilation (bench/brian2/coba.py times the run after a 1 ms compiling run);
# rewire's is its whole run (setup excluded: the result line's "ms wall per simulated s").
# Needs Brian2 and Cython (Debian: apt-get install -y python3-brian cython3 g++).
# Usage: bench/brian2-coba.sh [SECONDS=5] [ROUNDS=3] [SEED=1]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-5}"
rounds="${2:-3}"
seed="${3:-1}"
python=/usr/bin/python3
"$python" -c 'import brian2, Cython' 2>/dev/null || { echo "Brian2 with Cython is not installed: apt-get install -y python3-brian cython3 g++" >&2; exit 2; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for r in $(seq 1 "$rounds"); do
  b="$("$python" "$here/bench/brian2/coba.py" "$seconds" "$seed" "$seed" 2>/dev/null \
    | "$python" -c 'import json, sys; r = json.load(sys.stdin)["runs"][0]; print("%.1f" % (1000 * r["wall_run_s"] / r["duration_s"]))')"
  j="$("$here/rewire" run "$here/examples/coba.toml" --duration "${seconds}s" --seed "$seed" \
    --backend java --quiet | sed -E 's/.*\(([0-9.]+) ms wall per simulated s.*/\1/')"
  echo "round $r: brian2 (cython) $b, rewire java $j ms per simulated s"
done
