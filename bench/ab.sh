#!/usr/bin/env bash
# Interleaved A/B of two builds on cold 40 s seed-ei runs through the CLI (Java backend): what a
# user waits for, JIT warm-up included. Machines here drift by up to 2x from minute to minute, so
# the two jars alternate (in turn order A,B then B,A) and the result is the per-round paired
# difference, not two separate means.
#
# Usage: bench/ab.sh JAR_A JAR_B [ROUNDS=6] [SEEDS="1 2 3"] [DURATION=40s]
#   e.g. git stash; mvn -q package -DskipTests; cp target/rewire.jar /tmp/a.jar; git stash pop;
#        mvn -q package -DskipTests; bench/ab.sh /tmp/a.jar target/rewire.jar
set -euo pipefail
a="${1:?usage: bench/ab.sh JAR_A JAR_B [ROUNDS] [SEEDS] [DURATION]}"
b="${2:?usage: bench/ab.sh JAR_A JAR_B [ROUNDS] [SEEDS] [DURATION]}"
rounds="${3:-6}"
seeds="${4:-1 2 3}"
duration="${5:-40s}"

ms_of() { # jar seed -> ms wall per simulated s
  java -jar "$1" run --duration "$duration" --seed "$2" --backend java --quiet \
    | sed -E 's/.*\(([0-9.]+) ms wall per simulated s.*/\1/'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
results=()
for r in $(seq "$rounds"); do
  for seed in $seeds; do
    if [ $((r % 2)) -eq 1 ]; then
      x="$(ms_of "$a" "$seed")"; y="$(ms_of "$b" "$seed")"
    else
      y="$(ms_of "$b" "$seed")"; x="$(ms_of "$a" "$seed")"
    fi
    echo "round $r seed $seed: A $x  B $y ms wall per simulated s"
    results+=("$x $y")
  done
done
diffs="$(printf '%s\n' "${results[@]}" | awk '{ printf "%.4f\n", $2 - $1 }' | sort -g)"
median="$(awk '{ d[NR] = $1 } END { print (NR % 2) ? d[(NR + 1) / 2] : (d[NR / 2] + d[NR / 2 + 1]) / 2 }' \
  <<<"$diffs")"
printf '%s\n' "${results[@]}" | awk -v med="$median" '
  { sa += $1; sb += $2; if ($2 < $1) faster++ }
  END {
    printf "mean A %.2f, mean B %.2f ms per simulated s; B - A: median %.2f, B faster in %d of %d pairs\n",
      sa / NR, sb / NR, med, faster, NR
  }'
