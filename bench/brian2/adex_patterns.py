"""The AdEx firing patterns (examples/adex-patterns.toml) in Brian2: the reference of
AdexPatternsTest. Eight unconnected adaptive exponential integrate-and-fire neurons with the
parameters of Naud et al. (2008) for each pattern, a constant current from t = 0, forward Euler at
dt = 0.1 ms for 600 ms, run twice: in float64 and in float32 (where a pattern is chaotic, the two
part ways; a comparison is fair only where they agree).

Prints one JSON document: {"about": ..., "patterns": [{"name", "spikes_ms": {"float64": [...],
"float32": [...]}}]}.

Usage: python3 adex_patterns.py [TARGET=numpy]
"""
import json
import sys

import numpy as np
from brian2 import (NeuronGroup, SpikeMonitor, Network, defaultclock, prefs, start_scope, ms, mV,
                    nS, pF, pA, __version__)

prefs.codegen.target = sys.argv[1] if len(sys.argv) > 1 else 'numpy'

# name, C [pF], gL [nS], EL [mV], VT [mV], a [nS], tau_w [ms], b [pA], Vr [mV], I [pA]
PATTERNS = [
    ("tonic", 200, 10, -70, -50, 2, 30, 0, -58, 500),
    ("adapting", 200, 12, -70, -50, 2, 300, 60, -58, 500),
    ("initial_burst", 130, 18, -58, -50, 4, 150, 120, -50, 400),
    ("bursting", 200, 10, -58, -50, 2, 120, 100, -46, 210),
    ("delayed_accelerating", 200, 12, -70, -50, -10, 300, 0, -58, 300),
    ("delayed_bursting", 100, 10, -65, -50, -10, 90, 30, -47, 110),
    ("transient", 100, 10, -65, -50, 10, 90, 100, -47, 180),
    ("irregular", 100, 12, -60, -50, -11, 130, 30, -48, 160),
]

eqs = '''
dv/dt = (gl*(el - v) + gl*delta_t*exp((v - vt)/delta_t) - w + i_ext) / c : volt
dw/dt = (a*(v - el) - w) / tau_w : amp
c : farad
gl : siemens
el : volt
vt : volt
a : siemens
tau_w : second
b : amp
vr : volt
i_ext : amp
'''


def run(dtype):
    start_scope()
    prefs.core.default_float_dtype = dtype
    defaultclock.dt = 0.1 * ms
    G = NeuronGroup(len(PATTERNS), eqs, threshold='v > 0*mV', reset='v = vr; w += b',
                    method='euler', namespace={'delta_t': 2 * mV})
    cols = list(zip(*[p[1:] for p in PATTERNS]))
    G.c = np.array(cols[0]) * pF
    G.gl = np.array(cols[1]) * nS
    G.el = np.array(cols[2]) * mV
    G.vt = np.array(cols[3]) * mV
    G.a = np.array(cols[4]) * nS
    G.tau_w = np.array(cols[5]) * ms
    G.b = np.array(cols[6]) * pA
    G.vr = np.array(cols[7]) * mV
    G.i_ext = np.array(cols[8]) * pA
    G.v = G.el
    G.w = 0 * pA
    mon = SpikeMonitor(G)
    Network(G, mon).run(600 * ms)
    trains = mon.spike_trains()
    return [[round(float(t / ms), 4) for t in trains[k]] for k in range(len(PATTERNS))]


f64 = run(np.float64)
f32 = run(np.float32)
print(json.dumps({
    "about": "examples/adex-patterns.toml in Brian2 " + __version__ + " (" + prefs.codegen.target
             + " target), bench/brian2/adex_patterns.py: spike times [ms] of each pattern's "
             "neuron in 600 ms, in float64 and in float32.",
    "patterns": [{"name": p[0], "spikes_ms": {"float64": a, "float32": b}}
                 for p, a, b in zip(PATTERNS, f64, f32)]}, indent=1))
