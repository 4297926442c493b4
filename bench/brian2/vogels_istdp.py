"""seed-ei with inhibitory STDP on I→E (Vogels et al. 2011) in Brian2: the model of
examples/rules/vogels-istdp.toml (E→E keeps the seed rule; I→E rule, prune below 0.005, regrowth
weights uniform in [0.8, 1.0] nS), written the way the seed script writes its network
(bench/brian2/seed_ei.py), to produce the reference statistics of RuleStatisticsTest.

Prints one JSON document: {"about": ..., "runs": [one entry per seed]}, each entry with
rates_hz_per_second (E, I), per_call (t_s, pruned_ee, pruned_ie) and final (ee, ie: mean_w_active).

Usage: python3 vogels_istdp.py DURATION_S FIRST_SEED LAST_SEED > reference.json
"""
import json
import sys

import numpy as np
from seed_network import (inputs_and_static, NE, NI, gl, el, er, vt, C, tau_ampa, tau_gaba,
                          NEURON_EQS)
from brian2 import (NeuronGroup, Synapses, SpikeMonitor, Network, network_operation,
                    defaultclock, seed, ms, nS, second, __version__, start_scope)

duration_s = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
first = int(sys.argv[2]) if len(sys.argv) > 2 else 1
last = int(sys.argv[3]) if len(sys.argv) > 3 else first

eqs = NEURON_EQS
seed_rule = '''
w : 1
syn_status : integer
dpre_plus/dt = -pre_plus/(5*ms) : 1 (event-driven)
dpre_minus/dt = -pre_minus/(20*ms) : 1 (event-driven)
dpost_plus/dt = -post_plus/(5*ms) : 1 (event-driven)
dpost_minus/dt = -post_minus/(20*ms) : 1 (event-driven)
'''
vogels = '''
w : 1
syn_status : integer
dxpre/dt = -xpre/(20*ms) : 1 (event-driven)
dxpost/dt = -xpost/(20*ms) : 1 (event-driven)
'''
eta, alpha, gmax = 0.01, 0.2, 20.0


def run(seed_value):
    start_scope()
    defaultclock.dt = 0.1 * ms
    seed(seed_value)
    np.random.seed(seed_value)
    G = NeuronGroup(NE + NI, eqs, threshold='v > vt', reset='v = el', refractory=5 * ms,
                    method='euler')
    G.v = el
    Pe, Pi = G[:NE], G[NE:]
    static = inputs_and_static(G, NE)  # P, P2 and the static projections
    s_ee = Synapses(Pe, Pe, seed_rule, on_pre='''
        g_ampa += w*syn_status*nS
        pre_plus += 1
        pre_minus += 1
        w = clip(w + 0.01*(0.6 + 3*post_plus - post_minus), 0, 20)
        ''', on_post='''
        post_plus += 1
        post_minus += 1
        w = clip(w + 0.01*(-0.5 + 3*pre_plus - pre_minus), 0, 20)
        ''')
    s_ee.connect(condition='i != j')
    s_ee.syn_status = 'int(rand() < 0.1)'
    s_ee.w = '0.1 + 0.1*rand()'
    s_ie = Synapses(Pi, Pe, vogels, on_pre='''
        g_gaba += w*syn_status*nS
        xpre += 1
        w = clip(w + %g*(xpost - %g), 0, %g)
        ''' % (eta, alpha, gmax), on_post='''
        xpost += 1
        w = clip(w + %g*xpre, 0, %g)
        ''' % (eta, gmax))
    s_ie.connect(condition='i != j')
    s_ie.syn_status = 'int(rand() < 0.1)'
    s_ie.w = '0.8 + 0.2*rand()'
    calls = {'t_s': [], 'pruned_ee': [], 'pruned_ie': []}

    @network_operation(dt=50 * ms, when='start')
    def rewire(t):
        calls['t_s'].append(round(float(t / second), 4))
        for name, s in (('ee', s_ee), ('ie', s_ie)):
            status = np.asarray(s.syn_status[:])
            w = np.asarray(s.w[:])
            prune = np.flatnonzero((status == 1) & (w < 0.005))
            if len(prune):
                grow = np.random.choice(np.flatnonzero(status == 0), len(prune), replace=False)
                status[prune] = 0
                status[grow] = 1
                w[grow] = 0.15 if name == 'ee' else 0.8 + 0.2 * np.random.rand(len(grow))
                s.syn_status[:] = status
                s.w[:] = w
            calls['pruned_' + name].append(int(len(prune)))

    spikes = SpikeMonitor(G)
    net = Network(G, *static, s_ee, s_ie, rewire, spikes)
    net.run(duration_s * second)
    i = np.asarray(spikes.i)
    t = np.asarray(spikes.t / second)
    seconds = int(round(duration_s))
    rates = {'E': [], 'I': []}
    for k in range(seconds):
        in_k = (t >= k) & (t < k + 1)
        rates['E'].append(float(np.sum(in_k & (i < NE))) / NE)
        rates['I'].append(float(np.sum(in_k & (i >= NE))) / NI)
    final = {}
    for name, s in (('ee', s_ee), ('ie', s_ie)):
        status = np.asarray(s.syn_status[:])
        final[name] = {'mean_w_active': float(np.mean(np.asarray(s.w[:])[status == 1]))}
    return {'variant': 'vogels-istdp', 'duration_s': duration_s, 'seed': seed_value,
            'rates_hz_per_second': rates, 'per_call': calls, 'final': final}


runs = [run(s) for s in range(first, last + 1)]
print(json.dumps({'about': 'seed-ei with Vogels et al. (2011) inhibitory STDP on I->E '
                  '(examples/rules/vogels-istdp.toml) in Brian2 %s (bench/brian2/vogels_istdp.py '
                  '%g %d %d). rates_hz_per_second: mean population rate in each simulated second; '
                  'per_call: synapses pruned per structural call; final: mean weight of the active '
                  'synapses at the end [nS].' % (__version__, duration_s, first, last),
                  'runs': runs}, indent=1))
