#!/usr/bin/env bash
# Throughput of the OpenCL resident engine by batch size, next to the Java sweep on every core, in
# one run of this script (the machine's speed drifts, so only numbers from the same run compare):
# RUNS runs of seed-ei (seeds 1..RUNS) for DURATION each, as
#   1. `rewire sweep --backend java --jobs <cores>`,
#   2. `rewire sweep --backend opencl --batch-size B` for each B in BATCHES (the same RUNS runs in
#      batches of B, one batch after another),
# each printing network-seconds simulated per wall second (JVM start and kernel build included, as a
# user waits for them). The OpenCL device is the first usable one, or REWIRE_DEVICE.
#
#   bench/batch-throughput.sh [RUNS=128] [DURATION=5s] [BATCHES="1 2 8 32 128"] [ROUNDS=1]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jsig.sh
runs="${1:-128}"
duration="${2:-5s}"
batches="${3:-1 2 8 32 128}"
rounds="${4:-1}"
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
device=()
[ -n "${REWIRE_DEVICE:-}" ] && device=(--device "$REWIRE_DEVICE")

now() { date +%s.%N; }

# sweep LABEL ARGS...: one sweep of the RUNS runs in a fresh folder; prints its throughput.
sweep() {
  local label="$1"
  shift
  rm -rf "$work/sweep"
  local t0 t1 wall rc=0
  t0="$(now)"
  java -jar "$jar" sweep --seeds "1-$runs" --duration "$duration" --out-dir "$work/sweep" \
    --quiet "$@" > "$work/log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    cat "$work/log"
    echo "$label: FAILED (exit $rc)"
    return 0
  fi
  t1="$(now)"
  wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
  awk -v l="$label" -v n="$total" -v t="$wall" \
    'BEGIN { printf "%s: %.2f network-s per wall s (%.1f s)\n", l, n / t, t }'
}

echo "batch throughput: $runs runs of seed-ei x $duration ($total network-s), $cores cores, $(java -jar $jar version)"
java -jar "$jar" devices | sed 's/^/  /'
for round in $(seq 1 "$rounds"); do
  sweep "round $round: java sweep --jobs $cores" --backend java --jobs "$cores"
  for b in $batches; do
    sweep "round $round: opencl --batch-size $b" --backend opencl "${device[@]}" --batch-size "$b"
  done
done
