package dev.rewire.backend.java;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.NeuronValues;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
import dev.rewire.backend.StructuralEvent;
import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Phase;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network stepped in Java, phase by phase in {@link Plan#stepOrder()}: one {@link StepPhase}
 * object per phase (one per driving input for POISSON_INPUT), called in that order every step.
 * Projections are held in model order; each static one is delivered from its source's spike list,
 * each potential one also runs STDP (docs/design.md, section 1).
 */
final class JavaSimulation implements Simulation {
  private final Plan plan;
  private final int seed;
  private final NeuronState neurons;
  private final NeuronUpdate neuronUpdate;
  private final StructuralPlasticity structuralPlasticity;
  private final SpikeList spikes;
  private final PoissonInput[] inputs;
  private final Object[] synapses;
  private final List<ProjectionPlan> projections;
  /** The phases of a step, in order. */
  private final StepPhase[] phases;
  private int step;
  private int[] sampled;
  private int sampleEvery;
  private float[] sampleV;
  private float[] sampleGa;
  private float[] sampleGg;
  /** Nanoseconds per phase when profiling, else null. */
  private final long[] phaseNanos;

  JavaSimulation(Plan plan, boolean profile) {
    this.plan = plan;
    this.phaseNanos = profile ? new long[Phase.values().length] : null;
    this.seed = plan.seed();
    this.neurons = new NeuronState(plan);
    this.spikes = new SpikeList(plan.neuronCount());
    this.neuronUpdate = new NeuronUpdate(plan.groups(), neurons, spikes);
    this.projections = plan.projections();
    this.inputs = new PoissonInput[plan.inputs().size()];
    List<PoissonInput> driving = new ArrayList<>();
    for (InputPlan in : plan.inputs()) {
      inputs[in.index()] = new PoissonInput(in, seed);
      if (plan.drivesAProjection(in)) {
        driving.add(inputs[in.index()]);
      }
    }
    this.synapses = new Object[projections.size()];
    List<PotentialSynapses> withStdp = new ArrayList<>();
    for (ProjectionPlan p : projections) {
      if (p.hasPotentialSet()) {
        PotentialSynapses ps = InitialSynapses.potentialSynapses(p, seed);
        synapses[p.index()] = ps;
        if (p.plasticity() != null) {
          withStdp.add(ps);
        }
      } else {
        synapses[p.index()] = InitialSynapses.staticSynapses(p, seed);
      }
    }
    List<ProjectionPlan> structural = plan.structuralProjections();
    PotentialSynapses[] structuralSets = new PotentialSynapses[structural.size()];
    for (int k = 0; k < structuralSets.length; k++) {
      structuralSets[k] = (PotentialSynapses) synapses[structural.get(k).index()];
    }
    this.structuralPlasticity = new StructuralPlasticity(
        structural.toArray(new ProjectionPlan[0]), structuralSets, seed);
    SynapsePre synapsePre = new SynapsePre(projections.toArray(new ProjectionPlan[0]), synapses,
        neurons, spikes, inputs);
    SynapsePost synapsePost = new SynapsePost(withStdp.toArray(new PotentialSynapses[0]), spikes);
    List<StepPhase> steps = new ArrayList<>();
    for (Phase phase : plan.stepOrder()) {
      switch (phase) {
        case STRUCTURAL_PLASTICITY -> steps.add(structuralPlasticity);
        case NEURON_UPDATE -> steps.add(neuronUpdate);
        case POISSON_INPUT -> steps.addAll(driving);
        case SYNAPSE_PRE -> steps.add(synapsePre);
        case SYNAPSE_POST -> steps.add(synapsePost);
        default -> throw new IllegalStateException("unknown phase " + phase);
      }
    }
    this.phases = steps.toArray(new StepPhase[0]);
  }

  @Override
  public Plan plan() {
    return plan;
  }

  @Override
  public int step() {
    return step;
  }

  @Override
  public void run(int steps, SimulationListener listener) {
    for (int k = 0; k < steps; k++) {
      advance(listener);
    }
  }

  /**
   * One step. A method of its own, called once per step, so that the JIT compiles it after a few
   * hundred steps: written as the body of the loop in {@link #run}, which the CLI calls once per
   * 500 steps, it ran in the interpreter for the first ~10,000 steps of every run.
   */
  private void advance(SimulationListener listener) {
    int n = step;
    if (phaseNanos == null) {
      for (StepPhase phase : phases) {
        phase.run(n, listener);
      }
    } else {
      for (StepPhase phase : phases) {
        long t0 = System.nanoTime();
        phase.run(n, listener);
        phaseNanos[phase.phase().ordinal()] += System.nanoTime() - t0;
      }
    }
    if (spikes.count > 0) {
      listener.onSpikes(n, spikes.index, spikes.count);
    }
    if (sampled != null && n % sampleEvery == 0) {
      for (int q = 0; q < sampled.length; q++) {
        sampleV[q] = neurons.v[sampled[q]];
        sampleGa[q] = neurons.gAmpa[sampled[q]];
        sampleGg[q] = neurons.gGaba[sampled[q]];
      }
      listener.onState(n, sampleV, sampleGa, sampleGg);
    }
    step = n + 1;
  }

  @Override
  public Map<String, long[]> profile() {
    if (phaseNanos == null) {
      return Map.of();
    }
    Map<String, long[]> out = new LinkedHashMap<>();
    for (Phase phase : plan.stepOrder()) {
      out.put(phase.kernelName(), new long[] {phaseNanos[phase.ordinal()], step});
    }
    return out;
  }

  @Override
  public void sampleState(int[] neuronIndices, int everySteps) {
    sampled = neuronIndices.length == 0 ? null : neuronIndices.clone();
    sampleEvery = everySteps;
    sampleV = new float[neuronIndices.length];
    sampleGa = new float[neuronIndices.length];
    sampleGg = new float[neuronIndices.length];
  }

  @Override
  public SimulationState state() {
    List<int[]> next = new ArrayList<>();
    for (PoissonInput in : inputs) {
      next.add(in.nextSpikes());
    }
    List<SimulationState.PotentialState> sets = new ArrayList<>();
    for (ProjectionPlan p : projections) {
      sets.add(synapses[p.index()] instanceof PotentialSynapses ps ? ps.state() : null);
    }
    return new SimulationState(step, neurons.v.clone(), neurons.gAmpa.clone(),
        neurons.gGaba.clone(), neurons.lastSpike.clone(), neurons.ampa.value.clone(),
        neurons.gaba.value.clone(), next, sets);
  }

  void restore(SimulationState s) {
    if (step != 0) {
      throw new IllegalStateException("restore into a fresh simulation only");
    }
    step = s.step();
    neurons.restore(s.v(), s.gAmpa(), s.gGaba(), s.lastSpike(), s.inputAmpa(), s.inputGaba());
    neuronUpdate.rebuildRefractory(step);
    for (int k = 0; k < inputs.length; k++) {
      inputs[k].restore(s.inputNextSpike().get(k));
    }
    for (ProjectionPlan p : projections) {
      if (synapses[p.index()] instanceof PotentialSynapses ps) {
        ps.restore(s.potential().get(p.index()));
      }
    }
    structuralPlasticity.forgetSchedule();
  }

  @Override
  public NeuronValues neuronValues() {
    return new NeuronValues(neurons.v.clone(), neurons.gAmpa.clone(), neurons.gGaba.clone());
  }

  @Override
  public List<String> badWeights() {
    List<String> bad = new ArrayList<>();
    for (ProjectionPlan p : plan.projections()) {
      if (synapses[p.index()] instanceof PotentialSynapses ps && ps.badWeight) {
        bad.add(p.name());
      }
    }
    return bad;
  }

  @Override
  public ActiveSynapses activeSynapses(String name) {
    ProjectionPlan p = plan.projection(name);
    Object syn = synapses[p.index()];
    if (syn instanceof PotentialSynapses ps) {
      return ps.snapshot();
    }
    StaticSynapses st = (StaticSynapses) syn;
    int n = st.target.length;
    int[] src = new int[n];
    int[] tgt = new int[n];
    for (int i = 0; i < p.sourceSize(); i++) {
      for (int q = st.rowStart[i]; q < st.rowStart[i + 1]; q++) {
        src[q] = i;
        tgt[q] = st.target[q] - p.targetStart();
      }
    }
    return new ActiveSynapses(name, src, tgt, st.weight.clone());
  }

  @Override
  public void close() {
    // Nothing native to release.
  }
}
