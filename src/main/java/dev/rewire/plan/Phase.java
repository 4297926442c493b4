package dev.rewire.plan;

import java.util.List;
import java.util.Locale;

/**
 * The phases of one simulation step. The name of a phase is also the name of its OpenCL kernel file
 * ({@code kernels/neuron_update.cl}), its kernel function and, in CamelCase, its Java twin
 * ({@code NeuronUpdate}); {@link #kernelName()} is the only place the lower-case form is made.
 */
public enum Phase {
  /** Every period: prune active synapses below threshold, regrow as many among inactive ones. */
  STRUCTURAL_PLASTICITY,
  /** Forward-Euler update of v and the conductances, threshold, reset, refractory clamp. */
  NEURON_UPDATE,
  /** Which Poisson sources spike in this step. */
  POISSON_INPUT,
  /** On-pre pathways: conductance input, pre traces += 1, STDP weight update from post traces. */
  SYNAPSE_PRE,
  /** On-post pathways: post traces += 1, STDP weight update from pre traces. */
  SYNAPSE_POST;

  /**
   * The order of a step, as Brian2 schedules the seed (docs/design.md, section 2):
   * <ol>
   *   <li>structural plasticity first, in the steps where it is due, so that this step's spikes
   *       already see the new synapses;
   *   <li>the neuron update with every right-hand side from the old values, then thresholds, then
   *       the reset; nothing between threshold and reset reads v, so they are one phase;
   *   <li>Poisson thresholds, after the neurons (they do not interact within a step);
   *   <li>all on-pre pathways, then all on-post pathways: a pre and a post spike in the same step
   *       count as pre-before-post, and on-post sees pre traces that include this step's spikes.
   * </ol>
   * STDP traces need no phase of their own: they decay lazily, when an event reads them (see
   * {@link StdpPlan}).
   */
  public static final List<Phase> STEP_ORDER = List.of(values());

  /** The lower-case name shared by the kernel file and the kernel function. */
  public String kernelName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
