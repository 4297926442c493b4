"""seed-ei in Brian2's cpp_standalone mode, in the fastest form we know: the peer of
bench/brian2-standalone.sh.

Differences from seed_ei.py (runtime mode) that standalone requires or that make it faster:
- STDP traces live on the neurons (one per neuron, decayed by the neuron update and incremented by
  its reset), not per synapse; each synapse reads its source's and target's traces.
- Structural plasticity is per-synapse code run every 50 ms (a network_operation cannot run in
  standalone) with exact "as many as pruned" regrowth through small C++ functions: a first pass
  counts the inactive synapses and prunes (marking the pruned), a second draws exactly as many
  new ones uniformly among the synapses that were inactive (selection sampling, Knuth's
  algorithm S, with its own xorshift generator).
The network is otherwise the one rewire simulates (docs/design.md, section 1). Prints one line:
  brian2 <version> target=cpp_standalone duration_s=<T> wall_run_s=<W> ms_per_simulated_s=<M> ...
where the wall time is the compiled binary's run (the build is not counted).

Usage: python3 seed_ei_standalone.py DURATION_S SEED BUILD_DIR
"""
import sys
import time

import numpy as np
from seed_network import (inputs_and_static, NE, NI, gl, el, er, vt, C, tau_ampa, tau_gaba,
                          NEURON_EQS)
from brian2 import (NeuronGroup, Synapses, SpikeMonitor, Network, defaultclock,
                    set_device, device, seed, implementation, check_units, ms, nS,
                    second, __version__)

duration_s = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
seed_value = int(sys.argv[2]) if len(sys.argv) > 2 else 1
build_dir = sys.argv[3] if len(sys.argv) > 3 else 'brian2-standalone-build'

set_device('cpp_standalone', directory=build_dir, build_on_run=False)
defaultclock.dt = 0.1 * ms
seed(seed_value)
np.random.seed(seed_value)

# Traces per neuron: E→E pre (on E) and post (on E), I→E pre (on I) and post (on E).
eqs = NEURON_EQS + '''
dx_plus/dt = -x_plus/tau_xp : 1
dx_minus/dt = -x_minus/tau_xm : 1
dy_plus/dt = -y_plus/(15*ms) : 1
dy_minus/dt = -y_minus/(3*ms) : 1
tau_xp : second (constant)
tau_xm : second (constant)
'''
# x: E→E traces on E (pre and post alike: same time constants, 5 and 20 ms), I→E pre traces on I
# (15 and 3 ms); y: I→E post traces on E (15 and 3 ms).
G = NeuronGroup(NE + NI, eqs, threshold='v > vt',
                reset='v = el; x_plus += 1; x_minus += 1; y_plus += 1; y_minus += 1',
                refractory=5 * ms, method='euler')
G.v = el
Pe, Pi = G[:NE], G[NE:]
Pe.tau_xp, Pe.tau_xm = 5 * ms, 20 * ms
Pi.tau_xp, Pi.tau_xm = 15 * ms, 3 * ms
static = inputs_and_static(G, NE)  # P, P2 and the static projections

STRUCTURAL = '''
// Exact "as many as pruned" regrowth, per projection P: begin starts a period; scan counts the
// inactive synapses and prunes (returns 2 for a pruned synapse); grow picks exactly as many of
// the synapses that were inactive before the scan, uniformly (selection sampling). Brian2 puts
// support code in an anonymous namespace, one copy per code object; the counters must be one,
// so they leave it (C++17 inline variables: one definition shared by every code object).
}
inline long P_inactive, P_pruned, P_remaining, P_needed, P_total, P_growing;
inline unsigned long long P_rng = 88172645463325252ULL + SEED;
namespace {
double P_uniform() {
  P_rng ^= P_rng << 13; P_rng ^= P_rng >> 7; P_rng ^= P_rng << 17;
  return (P_rng >> 11) * (1.0 / 9007199254740992.0);
}
int P_begin(int unused) { P_inactive = 0; P_pruned = 0; P_growing = 0; return 0; }
int P_scan(int status, double w) {
  if (status == 0) { P_inactive++; return 0; }
  if (w < 0.005) { P_pruned++; P_total++; return 2; }
  return 1;
}
int P_grow(int status) {
  if (!P_growing) { P_remaining = P_inactive; P_needed = P_pruned; P_growing = 1; }
  if (status != 0 || P_needed <= 0) return 0;
  int pick = P_uniform() * P_remaining < P_needed;
  P_needed -= pick;
  P_remaining--;
  return pick;
}
int P_total_pruned(int unused) { return (int) P_total; }
'''


def structural_functions(name):
    """begin, scan, grow and total of projection name, as Brian2 functions (C++ only)."""
    code = STRUCTURAL.replace('P_', name + '_').replace('SEED', str(seed_value * 7919 + len(name)))

    @implementation('cpp', code, name=name + '_begin')
    @check_units(unused=1, result=1)
    def begin(unused):
        raise NotImplementedError

    @implementation('cpp', '', name=name + '_scan', dependencies={name + '_begin': begin})
    @check_units(status=1, w=1, result=1)
    def scan(status, w):
        raise NotImplementedError

    @implementation('cpp', '', name=name + '_grow', dependencies={name + '_begin': begin})
    @check_units(status=1, result=1)
    def grow(status):
        raise NotImplementedError

    @implementation('cpp', '', name=name + '_total_pruned', dependencies={name + '_begin': begin})
    @check_units(unused=1, result=1)
    def total(unused):
        raise NotImplementedError

    return dict(begin=begin, scan=scan, grow=grow, total=total)


def plastic(source, target, g, w_low, w_high, regrow, params, name):
    pre, post = ('x', 'x') if name == 'ee' else ('x', 'y')
    f = structural_functions(name)
    model = '''
    w : 1
    syn_status : integer
    grown : integer
    lr : 1 (shared)
    gmax : 1 (shared)
    a_on_pre_spike : 1 (shared)
    a_on_post_spike : 1 (shared)
    A_plus : 1 (shared)
    A_minus : 1 (shared)
    '''
    s = Synapses(source, target, model, on_pre='''
        %s += w*syn_status*nS
        w = clip(w + lr*(a_on_pre_spike + A_plus*%s_plus_post + A_minus*%s_minus_post), 0, gmax)
        ''' % (g, post, post), on_post='''
        w = clip(w + lr*(a_on_post_spike + A_plus*%s_plus_pre + A_minus*%s_minus_pre), 0, gmax)
        ''' % (pre, pre), namespace={'scan': f['scan'], 'grow': f['grow']}, name='s_' + name)
    s.connect(condition='i != j')
    for key, value in params.items():
        setattr(s, key, value)
    s.syn_status = 'int(rand() < 0.1)'
    s.w = '%s + %s*rand()' % (w_low, w_high - w_low)
    s.run_regularly('syn_status = scan(syn_status, w)', dt=50 * ms, when='start', order=0,
                    name=name + '_prune')
    s.run_regularly('''
        grown = grow(syn_status)
        w = grown*%s + (1 - grown)*w
        syn_status = int(syn_status == 1) + grown
        ''' % regrow, dt=50 * ms, when='start', order=1, name=name + '_regrow')
    return s, f


s_ee, ee_total = plastic(Pe, Pe, 'g_ampa', 0.1, 0.2, 0.15,
                         dict(lr=0.01, gmax=20, a_on_pre_spike=0.6, a_on_post_spike=-0.5, A_plus=3,
                              A_minus=-1), 'ee')
s_ie, ie_total = plastic(Pi, Pe, 'g_gaba', 0.8, 1.0, 0.9,
                         dict(lr=0.01, gmax=20, a_on_pre_spike=0, a_on_post_spike=0, A_plus=0.5,
                              A_minus=-1), 'ie')
counts = NeuronGroup(1, 'pruned_ee : integer\npruned_ie : integer\nstarted : integer',
                     namespace={'ee_total': ee_total['total'], 'ie_total': ie_total['total'],
                                'ee_begin': ee_total['begin'], 'ie_begin': ie_total['begin']})
counts.run_regularly('started = ee_begin(0) + ie_begin(0)', dt=50 * ms, when='start', order=-1)
counts.run_regularly('pruned_ee = ee_total(0)\npruned_ie = ie_total(0)', dt=50 * ms, when='end')

spikes = SpikeMonitor(G)
net = Network(G, *static, s_ee, s_ie, counts, spikes)
net.run(duration_s * second)
device.build(directory=build_dir, compile=True, run=False)
t0 = time.perf_counter()
device.run(directory=build_dir, with_output=False, run_args=[])
wall = time.perf_counter() - t0
i = np.asarray(spikes.i)
print('brian2 %s target=cpp_standalone duration_s=%g wall_run_s=%.3f ms_per_simulated_s=%.1f '
      'E_hz=%.2f I_hz=%.2f ee_pruned=%d ie_pruned=%d'
      % (__version__, duration_s, wall, 1000 * wall / duration_s, np.sum(i < NE) / NE / duration_s,
         np.sum(i >= NE) / NI / duration_s, int(counts.pruned_ee[0]), int(counts.pruned_ie[0])))
