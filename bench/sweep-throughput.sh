#!/usr/bin/env bash
# Throughput of many runs, in one run of this script (the machine's speed drifts, so only numbers
# from the same run compare): 16 runs of seed-ei for 5 s (seeds 1-16)
#   1. as 16 separate `rewire run` processes, one after another,
#   2. as `rewire sweep --jobs 1` (one JVM, one network at a time),
#   3. as `rewire sweep --jobs <cores>` (one JVM, a network per core),
#   4. as <cores> `rewire sweep --jobs 1 --shard K/<cores>` processes at once: what the cores give
#      to independent JVMs, the ceiling for way 3 on this machine,
# each printing network-seconds simulated per wall second. Sweeps run in fresh folders.
#
#   bench/sweep-throughput.sh [RUNS=16] [DURATION=5s] [ROUNDS=1]
# ROUNDS > 1 repeats the three ways in turn (1,2,3,1,2,3,...) and prints every measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jsig.sh
runs="${1:-16}"
duration="${2:-5s}"
rounds="${3:-1}"
cores="$(nproc)"
./rewire version > /dev/null                      # builds the jar if needed
jar=target/rewire.jar
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
case "$duration" in   # simulated seconds per run, from 5s or 500ms
  *ms) seconds="$(awk -v v="${duration%ms}" 'BEGIN { print v / 1000 }')" ;;
  *s) seconds="${duration%s}" ;;
  *) echo "DURATION must end in s or ms, got $duration" >&2; exit 2 ;;
esac
total="$(awk -v r="$runs" -v s="$seconds" 'BEGIN { print r * s }')"

rate() { awk -v n="$total" -v t="$1" 'BEGIN { printf "%.2f", n / t }'; }
now() { date +%s.%N; }

echo "sweep throughput: $runs runs of seed-ei x $duration ($total network-s), $cores cores, $(java -jar $jar version)"
for round in $(seq 1 "$rounds"); do
  t0="$(now)"
  for seed in $(seq 1 "$runs"); do
    java -jar "$jar" run --duration "$duration" --seed "$seed" --quiet > /dev/null
  done
  t1="$(now)"
  separate="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
  echo "round $round: separate processes: $(rate "$separate") network-s per wall s ($separate s)"

  for jobs in 1 "$cores"; do
    rm -rf "$work/sweep"
    t0="$(now)"
    java -jar "$jar" sweep --seeds "1-$runs" --duration "$duration" --jobs "$jobs" \
      --out-dir "$work/sweep" --quiet > /dev/null
    t1="$(now)"
    wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
    echo "round $round: sweep --jobs $jobs: $(rate "$wall") network-s per wall s ($wall s)"
  done

  rm -rf "$work/sweep"
  t0="$(now)"
  for k in $(seq 0 $((cores - 1))); do
    java -jar "$jar" sweep --seeds "1-$runs" --duration "$duration" --jobs 1 --shard "$k/$cores" \
      --out-dir "$work/sweep" --quiet > /dev/null &
  done
  wait
  t1="$(now)"
  wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
  echo "round $round: $cores processes x sweep --jobs 1 --shard K/$cores: $(rate "$wall") network-s per wall s ($wall s)"
done
