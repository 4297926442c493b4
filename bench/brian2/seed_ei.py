"""seed-ei in Brian2 (docs/design.md, section 1), the baseline of bench/brian2-compare.sh.

Structural plasticity is the vectorised global-mode network_operation (the fastest Brian2 form
known to us); the model is otherwise the one rewire simulates. Prints one line:
  brian2 <version> target=<codegen> duration_s=<T> wall_run_s=<W> ms_per_simulated_s=<M> E_hz=.. I_hz=.. ee_pruned=..

Usage: python3 seed_ei.py DURATION_S SEED
"""
import sys
import time

import numpy as np
from seed_network import (inputs_and_static, NE, NI, gl, el, er, vt, C, tau_ampa, tau_gaba,
                          NEURON_EQS)
from brian2 import (NeuronGroup, Synapses, SpikeMonitor, Network, network_operation,
                    defaultclock, prefs, seed, ms, nS, second, __version__)

duration_s = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
seed_value = int(sys.argv[2]) if len(sys.argv) > 2 else 1

defaultclock.dt = 0.1 * ms
seed(seed_value)
np.random.seed(seed_value)

eqs = NEURON_EQS
G = NeuronGroup(NE + NI, eqs, threshold='v > vt', reset='v = el', refractory=5 * ms,
                method='euler')
G.v = el
Pe, Pi = G[:NE], G[NE:]
static = inputs_and_static(G, NE)  # P, P2 and the static projections

stdp = '''
w : 1
syn_status : integer
lr : 1 (shared)
gmax : 1 (shared)
a_on_pre_spike : 1 (shared)
a_on_post_spike : 1 (shared)
A_plus : 1 (shared)
A_minus : 1 (shared)
tau_plus : second (shared)
tau_minus : second (shared)
dpre_plus/dt = -pre_plus/tau_plus : 1 (event-driven)
dpre_minus/dt = -pre_minus/tau_minus : 1 (event-driven)
dpost_plus/dt = -post_plus/tau_plus : 1 (event-driven)
dpost_minus/dt = -post_minus/tau_minus : 1 (event-driven)
'''
on_post = '''
post_plus += 1
post_minus += 1
w = clip(w + lr*(a_on_post_spike + A_plus*pre_plus + A_minus*pre_minus), 0, gmax)
'''


def plastic(source, target, g, w_low, w_high, params):
    s = Synapses(source, target, stdp, on_pre='''
        %s += w*syn_status*nS
        pre_plus += 1
        pre_minus += 1
        w = clip(w + lr*(a_on_pre_spike + A_plus*post_plus + A_minus*post_minus), 0, gmax)
        ''' % g, on_post=on_post)
    s.connect(condition='i != j')
    for name, value in params.items():
        setattr(s, name, value)
    s.syn_status = 'int(rand() < 0.1)'
    s.w = '%s + %s*rand()' % (w_low, w_high - w_low)
    return s


s_ee = plastic(Pe, Pe, 'g_ampa', 0.1, 0.2, dict(lr=0.01, gmax=20, a_on_pre_spike=0.6, a_on_post_spike=-0.5,
                                                 A_plus=3, A_minus=-1, tau_plus=5 * ms,
                                                 tau_minus=20 * ms))
s_ie = plastic(Pi, Pe, 'g_gaba', 0.8, 1.0, dict(lr=0.01, gmax=20, a_on_pre_spike=0, a_on_post_spike=0,
                                                 A_plus=0.5, A_minus=-1, tau_plus=15 * ms,
                                                 tau_minus=3 * ms))
pruned = {'ee': 0, 'ie': 0}


@network_operation(dt=50 * ms, when='start')
def rewire():
    for name, s, regrow in (('ee', s_ee, 0.15), ('ie', s_ie, 0.9)):
        status = np.asarray(s.syn_status[:])
        w = np.asarray(s.w[:])
        prune = np.flatnonzero((status == 1) & (w < 0.005))
        if len(prune):
            grow = np.random.choice(np.flatnonzero(status == 0), len(prune), replace=False)
            status[prune] = 0
            status[grow] = 1
            w[grow] = regrow
            s.syn_status[:] = status
            s.w[:] = w
            pruned[name] += len(prune)


spikes = SpikeMonitor(G)
net = Network(G, *static, s_ee, s_ie, rewire, spikes)
net.run(10 * ms)  # build and compile outside the timed run
t0 = time.perf_counter()
net.run(duration_s * second)
wall = time.perf_counter() - t0
i = np.asarray(spikes.i)
print('brian2 %s target=%s duration_s=%g wall_run_s=%.3f ms_per_simulated_s=%.1f E_hz=%.2f I_hz=%.2f '
      'ee_pruned=%d ie_pruned=%d' % (__version__, prefs.codegen.target, duration_s, wall,
                                     1000 * wall / duration_s, np.sum(i < NE) / NE / duration_s,
                                     np.sum(i >= NE) / NI / duration_s, pruned['ee'], pruned['ie']))
