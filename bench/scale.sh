#!/usr/bin/env bash
# The scaling family (issue: one network at scale): seed-ei and COBA at N neurons with the
# in-degree of their original size (bench/scale/models.py), each run with --threads 1 and 2 (or
# THREADS), alternating round by round (the machine drifts), whole `rewire run` commands:
#   bench/scale.sh [ROUNDS=3] [DURATION=2s] [MODELS="seed-ei:500 seed-ei:5000 coba:4000 coba:16000"]
# (THREADS may include auto.) Prints, per model and thread count, the median wall ms per simulated
# second of the run (set-up
# excluded), synaptic events per simulated second, ns per event, and the speed-up over 1 thread;
# writes the rows to target/scale/scale.csv and, with matplotlib, a plot to target/scale/scale.png
# (bench/scale/plot.py). Networks that need more than the default heap:
# REWIRE_JAVA_OPTS=-Xmx16g. STORAGE=active (or slots) gives every potential set that storage
# (bench/scale/models.py). MEMORY=1 also measures Java heap bytes per synapse of each network
# (bench/java/.../SynapseMemory.java, through the bench profile) into target/scale/memory.csv.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
duration="${2:-2s}"
models="${MODELS:-seed-ei:500 seed-ei:5000 coba:4000 coba:16000}"
threads="${THREADS:-1 2}"
out="$here/target/scale"
py="$(command -v /usr/bin/python3 || command -v python3)" # Debian's, with its packages
mkdir -p "$out"
"$here/rewire" version > /dev/null # build, if needed
# shellcheck disable=SC2086
files=$("$py" "$here/bench/scale/models.py" "$out" $models)
echo "model,neurons,threads,round,wall_ms_per_simulated_s,events_per_simulated_s" > "$out/raw.csv"
for r in $(seq "$rounds"); do
  for f in $files; do
    for t in $threads; do
      s="$out/summary.json"
      if ! "$here/rewire" run "$f" --duration "$duration" --threads "$t" --quiet --summary "$s" \
          > "$out/log" 2>&1; then
        echo "bench/scale.sh: this failed: rewire run $f --threads $t" >&2
        cat "$out/log" >&2
        exit 1
      fi
      "$py" "$here/bench/scale/events.py" "$f" "$s" "$t" "$r" >> "$out/raw.csv"
    done
  done
done
"$py" - "$out/raw.csv" "$out/scale.csv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
keys = []
for r in rows:
    k = (r["model"], int(r["neurons"]), r["threads"])
    if k not in keys:
        keys.append(k)
med = {k: statistics.median(float(r["wall_ms_per_simulated_s"]) for r in rows
                            if (r["model"], int(r["neurons"]), r["threads"]) == k) for k in keys}
ev = {k: statistics.median(float(r["events_per_simulated_s"]) for r in rows
                           if (r["model"], int(r["neurons"]), r["threads"]) == k) for k in keys}
with open(sys.argv[2], "w") as f:
    w = csv.writer(f)
    w.writerow(["model", "neurons", "threads", "wall_ms_per_simulated_s", "events_per_simulated_s",
                "ns_per_event", "speedup_over_1_thread"])
    print("%-10s %7s %7s %12s %14s %9s %8s" % ("model", "neurons", "threads", "ms/sim-s",
                                               "events/sim-s", "ns/event", "speedup"))
    for k in keys:
        base = med.get((k[0], k[1], "1"))
        sp = base / med[k] if base else float("nan")
        ns = med[k] * 1e6 / ev[k] if ev[k] else float("nan")
        w.writerow([k[0], k[1], k[2], "%.1f" % med[k], "%.0f" % ev[k], "%.1f" % ns, "%.2f" % sp])
        print("%-10s %7d %7s %12.1f %14.3g %9.1f %8.2f" % (k[0], k[1], k[2], med[k], ev[k], ns, sp))
PY
echo "rows: $out/scale.csv (medians of $rounds rounds, $duration each; $(nproc) cores)"
if [ "${MEMORY:-0}" = 1 ]; then
  # shellcheck disable=SC2086
  (cd "$here" && mvn -B -q -Pbench test-compile exec:exec \
      -Dbench.main=dev.rewire.bench.SynapseMemory -Djmh.args="$(echo $files)") > "$out/memory.csv"
  column -s, -t < "$out/memory.csv"
fi
if "$py" -c 'import matplotlib' 2> /dev/null; then
  echo "plot: $("$py" "$here/bench/scale/plot.py" "$out/scale.csv" "$out/scale.png")"
else
  echo "no plot: matplotlib is not installed (apt-get install -y python3-matplotlib)"
fi
