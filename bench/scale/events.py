#!/usr/bin/env python3
"""One CSV row of bench/scale.sh: a run's wall ms per simulated second and its synaptic events per
simulated second, estimated as the spikes of each source times the projection's mean out-degree
(p times the target's size; Poisson sources at their rate). Usage: events.py MODEL SUMMARY THREADS
ROUND."""
import json
import sys
import tomllib
from pathlib import Path

model = tomllib.loads(Path(sys.argv[1]).read_text())
summary = json.loads(Path(sys.argv[2]).read_text())
sizes = {}
for group in model["neurons"].values():
    for pop, (lo, hi) in group.get("populations", {}).items():
        sizes[pop] = hi - lo
for name, inp in model.get("inputs", {}).items():
    sizes[name] = inp["size"]
spikes = dict(summary["spike_count"])
for name, inp in model.get("inputs", {}).items():
    spikes[name] = inp["size"] * inp["rate_hz"] * summary["duration_s"]
events = 0.0
for proj in model["projections"].values():
    p = proj["connectivity"].get("p", 1.0)
    events += spikes.get(proj["source"], 0) * p * sizes[proj["target"]]
neurons = sum(g["size"] for g in model["neurons"].values())
print("%s,%d,%s,%s,%.3f,%.0f" % (model["name"].rsplit("-", 1)[0], neurons, sys.argv[3], sys.argv[4],
                                  summary["wall_ms_per_simulated_s"], events / summary["duration_s"]))
