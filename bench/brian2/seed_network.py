"""seed-ei's neurons, Poisson inputs and static projections, shared by the Brian2 scripts of
bench/brian2/ (each adds its plastic projections and its structural plasticity)."""
from brian2 import PoissonGroup, Synapses, Hz, ms, mV, nS, pF

NE, NI = 400, 100
gl, el, er, vt, C = 10 * nS, -60 * mV, -80 * mV, -50 * mV, 200 * pF
tau_ampa, tau_gaba = 5 * ms, 10 * ms
# The neuron: conductance-based LIF, reading the constants above from the script's namespace
# (import them with the equations).
NEURON_EQS = '''
dv/dt = (-gl*(v-el) - (g_ampa*v + g_gaba*(v-er)))/C : volt (unless refractory)
dg_ampa/dt = -g_ampa/tau_ampa : siemens
dg_gaba/dt = -g_gaba/tau_gaba : siemens
'''


def inputs_and_static(G, NE):
    """The inputs P and P2 and the static projections P->E, P->I, E->I, I->I onto G (E = G[:NE],
    I = G[NE:]), made in the seed's order, which fixes Brian2's random draws. Returns them as a
    list, to be added to the Network."""
    Pe, Pi = G[:NE], G[NE:]
    P = PoissonGroup(500, 30 * Hz)
    P2 = PoissonGroup(500, 30 * Hz)  # simulated, connected to nothing, as in the seed
    s_pe = Synapses(P, Pe, on_pre='g_ampa += 0.4*nS')
    s_pe.connect(p=0.05)
    s_pi = Synapses(P, Pi, on_pre='g_ampa += 0.4*nS')
    s_pi.connect(p=0.05)
    s_ei = Synapses(Pe, Pi, 'w : 1', on_pre='g_ampa += w*nS')
    s_ei.connect(condition='i != j', p=0.1)
    s_ei.w = '0.4 + 0.4*rand()'
    s_ii = Synapses(Pi, Pi, 'w : 1', on_pre='g_gaba += w*nS')
    s_ii.connect(condition='i != j', p=0.1)
    s_ii.w = '0.4 + 0.4*rand()'
    return [P, P2, s_pe, s_pi, s_ei, s_ii]
