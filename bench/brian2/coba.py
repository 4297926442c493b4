"""COBA (examples/coba.toml) in Brian2: the reference of CobaStatisticsTest and the baseline of
bench/brian2-coba.sh. The model as examples/coba.toml writes it: 4000 conductance-based LIF
neurons (3200 E, 800 I), connection probability 0.02, exponential conductances (6 nS E, 67 nS I),
200 pA bias, v(0) ~ N(-55, 5) mV, v held for 5 ms after a spike, exponential Euler, dt = 0.1 ms.

Prints one JSON document {"about": ..., "runs": [...]}, one run per seed, each with the E and I
rates over the whole run [Hz], the mean coefficient of variation of the interspike intervals
(over the neurons with at least 3 spikes) and the wall time of the run (compilation excluded).

With TARGET cpp_standalone (one seed per process; BUILD_DIR, default brian2-coba-build), the wall
time is the compiled binary's whole run (its set-up of the synapses included), code generation and
compilation excluded.

Usage: python3 coba.py DURATION_S FIRST_SEED LAST_SEED [TARGET=cython] [BUILD_DIR]
"""
import json
import sys
import time

import numpy as np
from brian2 import (NeuronGroup, Synapses, SpikeMonitor, Network, defaultclock, prefs, seed,
                    start_scope, set_device, device, ms, mV, nS, pF, pA, second, __version__)

duration_s = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
first = int(sys.argv[2]) if len(sys.argv) > 2 else 1
last = int(sys.argv[3]) if len(sys.argv) > 3 else first
target = sys.argv[4] if len(sys.argv) > 4 else 'cython'
standalone = target == 'cpp_standalone'
build_dir = sys.argv[5] if len(sys.argv) > 5 else 'brian2-coba-build'
if standalone:
    if first != last:
        sys.exit('coba.py: cpp_standalone runs one seed per process')
    set_device('cpp_standalone', directory=build_dir, build_on_run=False)
else:
    prefs.codegen.target = target

NE, NI = 3200, 800
c, gl, el, e_exc, e_inh = 200 * pF, 10 * nS, -60 * mV, 0 * mV, -80 * mV
vt, vr, tau_e, tau_i, i_bias = -50 * mV, -60 * mV, 5 * ms, 10 * ms, 200 * pA
eqs = '''
dv/dt = (gl*(el - v) + ge*(e_exc - v) + gi*(e_inh - v) + i_bias) / c : volt (unless refractory)
dge/dt = -ge / tau_e : siemens
dgi/dt = -gi / tau_i : siemens
'''


def cv_isi(trains):
    cvs = []
    for t in trains.values():
        if len(t) >= 3:
            isi = np.diff(np.asarray(t))
            cvs.append(np.std(isi) / np.mean(isi))
    return float(np.mean(cvs)) if cvs else float('nan')


def run(seed_value):
    if not standalone:
        start_scope()
    defaultclock.dt = 0.1 * ms
    seed(seed_value)
    G = NeuronGroup(NE + NI, eqs, threshold='v > vt', reset='v = vr', refractory=5 * ms,
                    method='exponential_euler')
    G.v = '-55*mV + 5*mV*randn()'
    ce = Synapses(G[:NE], G, on_pre='ge += 6*nS')
    ce.connect(p=0.02)
    ci = Synapses(G[NE:], G, on_pre='gi += 67*nS')
    ci.connect(p=0.02)
    mon = SpikeMonitor(G)
    net = Network(G, ce, ci, mon)
    if standalone:
        net.run(duration_s * second)
        device.build(directory=build_dir, compile=True, run=False)
        t0 = time.perf_counter()
        device.run(directory=build_dir, with_output=False, run_args=[])
        wall = time.perf_counter() - t0
    else:
        net.run(1 * ms)  # compiles the code objects: outside the timing
        t0 = time.perf_counter()
        net.run(duration_s * second - 1 * ms)
        wall = time.perf_counter() - t0
    trains = mon.spike_trains()
    e = {k: v for k, v in trains.items() if k < NE}
    i = {k: v for k, v in trains.items() if k >= NE}
    counts = np.bincount(np.asarray(mon.i), minlength=NE + NI)
    return {
        "seed": seed_value,
        "duration_s": duration_s,
        "rate_hz": {"E": float(counts[:NE].sum() / NE / duration_s),
                    "I": float(counts[NE:].sum() / NI / duration_s)},
        "cv_isi": {"E": cv_isi(e), "I": cv_isi(i)},
        "wall_run_s": wall,
    }


runs = [run(s) for s in range(first, last + 1)]
print(json.dumps({
    "about": "COBA (examples/coba.toml) in Brian2 " + __version__ + " (" + target
             + " target, float64), bench/brian2/coba.py " + " ".join(sys.argv[1:]) + ". rate_hz: "
             "mean rate over the run; cv_isi: mean over neurons with >= 3 spikes of std/mean of "
             "their interspike intervals; wall_run_s: the run after a 1 ms compiling run.",
    "runs": runs}, indent=1))
