#!/usr/bin/env bash
# Wall seconds per simulated second of seed-ei, end to end through the CLI, one run per seed.
# Usage: bench/seconds-per-second.sh [DURATION] [BACKEND] [SEEDS...]
#   defaults: 40s java 1 2 3
# Prints one line per run (the CLI's result line) and the mean of "ms wall per simulated s".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-40s}"
backend="${2:-java}"
shift $(( $# >= 2 ? 2 : $# ))
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
total=0
for seed in "${seeds[@]}"; do
  line="$("$here/rewire" run --duration "$duration" --seed "$seed" --backend "$backend" --quiet)"
  echo "$line"
  ms="$(sed -E 's/.*\(([0-9.]+) ms wall per simulated s.*/\1/' <<<"$line")"
  total="$(awk -v a="$total" -v b="$ms" 'BEGIN { print a + b }')"
done
awk -v t="$total" -v n="${#seeds[@]}" -v d="$duration" -v b="$backend" \
  'BEGIN { printf "mean over %d seeds, %s, backend %s: %.2f ms wall per simulated s\n", n, d, b, t / n }'
