#!/usr/bin/env bash
# rewire against Brian2 2.5.1 cpp_standalone in its fastest form with structural plasticity
# (bench/brian2/seed_ei_standalone.py: per-neuron STDP traces, exact regrowth in C++), same
# sitting, each on one core (taskset -c 0 where present; PIN=0: unpinned, so that rewire's JIT
# compiles on another core while its simulation runs on one), per seed:
#   [PIN=0] bench/brian2-standalone.sh [DURATION_S=40] [SEEDS="1 2 3 4 5"]
# Brian2's time is its compiled binary's run (the build is not counted); rewire's is the
# simulation of `rewire run` (JIT warm-up counted, JVM start and set-up not). Prints a row per
# seed and the median ratio. Needs Debian's python3-brian and g++.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-40}"
duration="${duration%s}" # 40 or 40s
[[ "$duration" =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "bench/brian2-standalone.sh: DURATION_S is a" \
    "number of seconds (40 or 40s), got '$1'" >&2; exit 2; }
/usr/bin/python3 -c 'import brian2' 2> /dev/null \
  || { echo "Brian2 is not installed: apt-get install -y python3-brian g++" >&2; exit 2; }
seeds="${2:-1 2 3 4 5}"
pin=()
if [ "${PIN:-1}" = 1 ] && command -v taskset > /dev/null; then pin=(taskset -c 0); fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$here/rewire" version > /dev/null
if [ ${#pin[@]} -gt 0 ]; then echo "both pinned to core 0 (${pin[*]})"; else echo "unpinned"; fi
ratios=()
for s in $seeds; do
  if ! "${pin[@]}" /usr/bin/python3 "$here/bench/brian2/seed_ei_standalone.py" "$duration" "$s" \
      "$tmp/build-$s" > "$tmp/brian2.out" 2> "$tmp/brian2.err"; then
    echo "bench/brian2-standalone.sh: Brian2 failed for seed $s:" >&2
    tail -20 "$tmp/brian2.err" >&2
    exit 1
  fi
  b=$(grep '^brian2' "$tmp/brian2.out")
  r=$("${pin[@]}" "$here/rewire" run --duration "${duration}s" --seed "$s" --quiet)
  bms=$(sed 's/.*ms_per_simulated_s=\([0-9.]*\).*/\1/' <<< "$b")
  rms=$(sed 's/.*(\([0-9.]*\) ms wall per simulated s.*/\1/' <<< "$r")
  ratio=$(awk -v b="$bms" -v r="$rms" 'BEGIN { printf "%.1f", b / r }')
  ratios+=("$ratio")
  echo "seed $s: brian2 cpp_standalone $bms, rewire $rms ms per simulated s: ${ratio}x" \
    "[brian2: $(sed 's/.*E_hz/E_hz/' <<< "$b")] [rewire: $(sed 's/.*spikes/spikes/' <<< "$r")]"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; print "median ratio brian2/rewire: " m "x over " NR " seed(s)"}'
