#!/usr/bin/env bash
# Where a run's time goes, by Java Flight Recorder's method samples (not biased to safepoints):
#   bench/profile.sh [DURATION=40s] [SEEDS="1 2 3 4 5"] [OUT=profile-out]
# records one `./rewire run` per seed, then prints the share of samples per top frame (all seeds
# together) and writes OUT/stacks.folded, the stacks in the folded format that flame-graph tools
# (flamegraph.pl, speedscope, ...) draw. A 40 s run gives ~70 samples at JFR's 10-20 ms period;
# several seeds give a table worth reading.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-40s}"
seeds="${2:-1 2 3 4 5}"
out="${3:-profile-out}"
mkdir -p "$out"
"$here/rewire" version > /dev/null
: > "$out/samples.txt"
for s in $seeds; do
  if ! REWIRE_JAVA_OPTS="-XX:StartFlightRecording=filename=$out/seed$s.jfr,settings=profile" \
      "$here/rewire" run --duration "$duration" --seed "$s" --quiet --profile \
      > "$out/seed$s.out" 2> "$out/seed$s.phases"; then
    grep -v jfr "$out/seed$s.phases" >&2
    exit 1
  fi
  jfr print --events jdk.ExecutionSample "$out/seed$s.jfr" >> "$out/samples.txt"
done
python3 "$here/bench/profile/jfr_top.py" --folded "$out/stacks.folded" "$out/samples.txt"
echo
echo "--profile's phase split, seed $(echo "$seeds" | awk '{print $1}'):"
grep -v "jfr\|^$" "$out/seed$(echo "$seeds" | awk '{print $1}').phases" || true
