#!/usr/bin/env bash
# COBA (examples/coba.toml, 4000 neurons) in rewire's Java backend, on 1 and 2 threads (THREADS),
# against Brian2 cython and cpp_standalone, in the same run, alternating: wall milliseconds per
# simulated second. Brian2 cython's time excludes its code generation and compilation
# (bench/brian2/coba.py times the run after a 1 ms compiling run); cpp_standalone's is the compiled
# binary's run (synapse set-up included, compilation excluded; one thread); rewire's is its whole
# run (setup excluded: the result line's "ms wall per simulated s").
# Needs Brian2 and Cython (Debian: apt-get install -y python3-brian cython3 g++).
# Usage: bench/brian2-coba.sh [SECONDS=5] [ROUNDS=3] [SEED=1]   (THREADS="1 2")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-5}"
rounds="${2:-3}"
seed="${3:-1}"
python=/usr/bin/python3
"$python" -c 'import brian2, Cython' 2>/dev/null || { echo "Brian2 with Cython is not installed: apt-get install -y python3-brian cython3 g++" >&2; exit 2; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ms_per_s='import json, sys; r = json.load(sys.stdin)["runs"][0]; print("%.1f" % (1000 * r["wall_run_s"] / r["duration_s"]))'
for r in $(seq 1 "$rounds"); do
  b="$("$python" "$here/bench/brian2/coba.py" "$seconds" "$seed" "$seed" 2>/dev/null \
    | "$python" -c "$ms_per_s")"
  s="$("$python" "$here/bench/brian2/coba.py" "$seconds" "$seed" "$seed" cpp_standalone \
    "$tmp/build" 2>/dev/null | "$python" -c "$ms_per_s")"
  line="round $r: brian2 cython $b, cpp_standalone $s"
  for t in ${THREADS:-1 2}; do
    j="$("$here/rewire" run "$here/examples/coba.toml" --duration "${seconds}s" --seed "$seed" \
      --backend java --threads "$t" --quiet | sed -E 's/.*\(([0-9.]+) ms wall per simulated s.*/\1/')"
    line="$line, rewire java $t thread(s) $j"
  done
  echo "$line ms per simulated s"
done
