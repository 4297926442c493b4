package dev.rewire.backend.java;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.NeuronValues;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.InputPlan;
import dev.rewire.plan.Phase;
import dev.rewire.plan.Plan;
import dev.rewire.plan.ProjectionPlan;
import dev.rewire.plan.ReceptorPlan;
import dev.rewire.plan.StateLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network stepped in Java, phase by phase in {@link Plan#stepOrder()}: one {@link StepPhase}
 * object per phase (one per stepped input for POISSON_INPUT), called in that order every step. The
 * state is the plan's {@link StateLayout}, one Java array per entry, shared by the phases;
 * projections are held in model order; each static one is delivered from its source's spike list,
 * each potential one also runs its plasticity rule (docs/design.md, section 1).
 */
final class JavaSimulation implements Simulation {
  private final Plan plan;
  /** The state, by layout name: the arrays the phases work on. */
  private final Map<String, Object> arrays;
  private final StructuralPlasticity structuralPlasticity;
  private final SpikeList spikes;
  private final Object[] synapses;
  /** The phases of a step, in order. */
  private final StepPhase[] phases;
  private int step;
  /** State sampling: per variable and chosen neuron, the array and the index in it. */
  private float[][] sampledArray;
  private int[] sampledIndex;
  private int sampleEvery;
  private float[][] sample;
  /** Nanoseconds per phase when profiling, else null. */
  private final long[] phaseNanos;

  /** {@code arrays}: every array of the layout, as at {@code step} (taken over, not copied). */
  JavaSimulation(Plan plan, Map<String, Object> arrays, int step, boolean profile) {
    this.plan = plan;
    this.arrays = arrays;
    this.step = step;
    this.phaseNanos = profile ? new long[Phase.values().length] : null;
    int seed = plan.seed();
    this.spikes = new SpikeList(plan.neuronCount());
    InputSum[][] rings = rings(plan, arrays);
    NeuronUpdate neuronUpdate = new NeuronUpdate(plan, arrays, rings, spikes, step);
    PoissonInput[] inputs = new PoissonInput[plan.inputs().size()];
    List<PoissonInput> stepped = new ArrayList<>();
    for (InputPlan in : plan.steppedInputs()) {
      inputs[in.index()] = new PoissonInput(in, seed,
          (int[]) arrays.get("inputs." + in.name() + ".next_spike"));
      stepped.add(inputs[in.index()]);
    }
    List<ProjectionPlan> projections = plan.projections();
    this.synapses = new Object[projections.size()];
    List<PotentialSynapses> withRule = new ArrayList<>();
    for (ProjectionPlan p : projections) {
      if (p.hasPotentialSet()) {
        PotentialSynapses ps = new PotentialSynapses(p, arrays, plan.receptorOf(p).signed());
        synapses[p.index()] = ps;
        if (p.plasticity() != null) {
          withRule.add(ps);
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
    SynapsePre synapsePre = new SynapsePre(plan, synapses, rings, spikes, inputs);
    SynapsePost synapsePost = new SynapsePost(withRule.toArray(new PotentialSynapses[0]), spikes);
    List<StepPhase> steps = new ArrayList<>();
    for (Phase phase : plan.stepOrder()) {
      switch (phase) {
        case STRUCTURAL_PLASTICITY -> steps.add(structuralPlasticity);
        case NEURON_UPDATE -> steps.add(neuronUpdate);
        case POISSON_INPUT -> steps.addAll(stepped);
        case SYNAPSE_PRE -> steps.add(synapsePre);
        case SYNAPSE_POST -> steps.add(synapsePost);
        default -> throw new IllegalStateException("unknown phase " + phase);
      }
    }
    this.phases = steps.toArray(new StepPhase[0]);
  }

  /** Per receptor, its ring's slots over the state's pending-input arrays. */
  static InputSum[][] rings(Plan plan, Map<String, Object> arrays) {
    InputSum[][] rings = new InputSum[plan.receptors().size()][];
    for (ReceptorPlan r : plan.receptors()) {
      GroupPlan g = plan.groups().get(r.group());
      long[] ring = (long[]) arrays.get(g.array("input." + g.variables().get(r.variable())));
      rings[r.index()] = new InputSum[r.slots()];
      for (int s = 0; s < r.slots(); s++) {
        rings[r.index()][s] = new InputSum(ring, s * r.size(), r.size(), r.signed());
      }
    }
    return rings;
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
    if (sampledArray != null && n % sampleEvery == 0) {
      int count = sampledIndex.length;
      for (int v = 0; v < sample.length; v++) {
        for (int q = 0; q < count; q++) {
          sample[v][q] = sampledArray[v * count + q][sampledIndex[q]];
        }
      }
      listener.onState(n, sample);
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
  public void sampleState(int[] neuronIndices, List<String> variables, int everySteps) {
    if (neuronIndices.length == 0) {
      sampledArray = null;
      return;
    }
    int count = neuronIndices.length;
    sampledArray = new float[variables.size() * count][];
    sampledIndex = new int[count];
    for (int q = 0; q < count; q++) {
      GroupPlan g = plan.groupOf(neuronIndices[q]);
      sampledIndex[q] = neuronIndices[q] - g.offset();
      for (int v = 0; v < variables.size(); v++) {
        sampledArray[v * count + q] = (float[]) arrays.get(g.array(variables.get(v)));
      }
    }
    sampleEvery = everySteps;
    sample = new float[variables.size()][count];
  }

  @Override
  public SimulationState state() {
    return SimulationState.of(step, plan.layout(), arrays);
  }

  @Override
  public NeuronValues neuronValues() {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (StateLayout.Entry e : plan.layout().entries()) {
      if (e.kind() == StateLayout.Kind.VARIABLE) {
        out.put(e.name(), ((float[]) arrays.get(e.name())).clone());
      }
    }
    return new NeuronValues(out);
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
        tgt[q] = st.target[q] - p.targetInGroup();
      }
    }
    return new ActiveSynapses(name, src, tgt, st.weight.clone());
  }

  @Override
  public void close() {
    // Nothing native to release.
  }
}
