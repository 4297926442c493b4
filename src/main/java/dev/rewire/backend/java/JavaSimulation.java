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
  /** The threads that run the step; one: the caller alone. */
  private final Team team;
  /**
   * Per thread, per receptor, its ring's slots: each thread delivers into its own copy, listing
   * its own neurons' static input in {@code rings} and the rest in {@code spills} (one list when
   * there is one thread).
   */
  private final InputSum[][][] rings;
  private final InputSum[][][] spills;
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
    this(plan, arrays, step, profile, 1);
  }

  /**
   * On {@code threads} threads: the neuron update, the Poisson inputs and the synapse pathways of
   * a step are shared among them (see the phases), structural plasticity runs on the caller.
   */
  JavaSimulation(Plan plan, Map<String, Object> arrays, int step, boolean profile, int threads) {
    this(plan, arrays, step, profile, threads, null);
  }

  /**
   * As above, with the static projections' synapses of a simulation of the same plan (null: drawn
   * from the seed), which a move to another thread count hands on rather than drawing them again.
   */
  JavaSimulation(Plan plan, Map<String, Object> arrays, int step, boolean profile, int threads,
      StaticSynapses[] statics) {
    this.plan = plan;
    this.arrays = arrays;
    this.step = step;
    this.phaseNanos = profile ? new long[Phase.values().length] : null;
    this.team = new Team(threads, "rewire-" + plan.name());
    int seed = plan.seed();
    this.spikes = new SpikeList(plan.neuronCount());
    // Each thread delivers into a ring of its own, the first the state's, listed twice over when
    // there are several (see InputSum.fold): what was restored is listed in the first spill list.
    this.rings = new InputSum[threads][][];
    this.spills = new InputSum[threads][][];
    for (int m = 0; m < threads; m++) {
      Map<String, Object> own = m == 0 ? arrays : copies(plan);
      rings[m] = rings(plan, own, threads == 1);
      spills[m] = threads == 1 ? rings[m] : rings(plan, own, m == 0);
    }
    List<ProjectionPlan> projections = plan.projections();
    this.synapses = new Object[projections.size()];
    List<PotentialSynapses> withRule = new ArrayList<>();
    for (ProjectionPlan p : projections) {
      if (p.hasPotentialSet()) {
        PotentialSynapses ps = new PotentialSynapses(p, arrays, plan.receptorOf(p).signed(),
            threads);
        synapses[p.index()] = ps;
        if (p.plasticity() != null) {
          withRule.add(ps);
        }
      } else {
        synapses[p.index()] = statics != null ? statics[p.index()]
            : InitialSynapses.staticSynapses(p, seed);
      }
    }
    PotentialSynapses[] plastic = withRule.toArray(new PotentialSynapses[0]);
    List<ProjectionPlan> structural = plan.structuralProjections();
    PotentialSynapses[] structuralSets = new PotentialSynapses[structural.size()];
    for (int k = 0; k < structuralSets.length; k++) {
      structuralSets[k] = (PotentialSynapses) synapses[structural.get(k).index()];
    }
    this.structuralPlasticity = new StructuralPlasticity(
        structural.toArray(new ProjectionPlan[0]), structuralSets, seed);
    NeuronUpdate[] neuronUpdate = new NeuronUpdate[threads];
    PoissonInput[][] stepped = new PoissonInput[threads][];
    PoissonInput[][] inputs = new PoissonInput[threads][];
    SynapsePre[] synapsePre = new SynapsePre[threads];
    SynapsePost[] synapsePost = new SynapsePost[threads];
    for (int m = 0; m < threads; m++) {
      neuronUpdate[m] = new NeuronUpdate(plan, arrays, rings, spills,
          threads == 1 ? spikes : new SpikeList(plan.neuronCount()), step, m, threads);
      inputs[m] = new PoissonInput[plan.inputs().size()];
      List<PoissonInput> own = new ArrayList<>();
      for (InputPlan in : plan.steppedInputs()) {
        inputs[m][in.index()] = new PoissonInput(in, seed,
            (int[]) arrays.get("inputs." + in.name() + ".next_spike"),
            Team.share(in.size(), m, threads), Team.share(in.size(), m + 1, threads));
        own.add(inputs[m][in.index()]);
      }
      stepped[m] = own.toArray(new PoissonInput[0]);
    }
    for (int m = 0; m < threads; m++) {
      synapsePre[m] = new SynapsePre(plan, synapses, rings[m], spills[m], spikes, inputs, m,
          threads);
      synapsePost[m] = new SynapsePost(plastic, spikes, m, threads);
    }
    List<StepPhase> steps = new ArrayList<>();
    for (Phase phase : plan.stepOrder()) {
      switch (phase) {
        case STRUCTURAL_PLASTICITY -> steps.add(structuralPlasticity);
        case NEURON_UPDATE -> {
          if (threads == 1) {
            steps.add(neuronUpdate[0]);
          } else {
            // Fused: each thread steps its Poisson sources in the same round as its neurons (they
            // do not interact within a step), which saves a round of the team per step.
            StepPhase[] each = new StepPhase[threads];
            for (int m = 0; m < threads; m++) {
              List<StepPhase> parts = new ArrayList<>(List.of(neuronUpdate[m]));
              parts.addAll(List.of(stepped[m]));
              each[m] = new Sequence(Phase.NEURON_UPDATE, parts.toArray(new StepPhase[0]));
            }
            steps.add(new Together(team, each, n -> NeuronUpdate.finish(neuronUpdate, n, spikes)));
          }
        }
        case POISSON_INPUT -> {
          if (threads == 1) {
            steps.addAll(List.of(stepped[0]));
          } // else stepped with the neurons
        }
        case SYNAPSE_PRE -> steps.add(threads == 1 ? synapsePre[0]
            : new Together(team, synapsePre, null,
                new SynapsePre(plan, synapses, spills[0], spills[0], spikes, inputs, 0, 1),
                () -> spikes.count + spikeCount(stepped)));
        case SYNAPSE_POST -> steps.add(threads == 1 || plastic.length == 0 ? synapsePost[0]
            : new Together(team, synapsePost, null, new SynapsePost(plastic, spikes),
                () -> spikes.count));
        default -> throw new IllegalStateException("unknown phase " + phase);
      }
    }
    this.phases = steps.toArray(new StepPhase[0]);
  }

  /** The spikes of this step of every thread's Poisson sources. */
  private static int spikeCount(PoissonInput[][] stepped) {
    int n = 0;
    for (PoissonInput[] member : stepped) {
      for (PoissonInput in : member) {
        n += in.spikes.count;
      }
    }
    return n;
  }

  /** Fresh pending-input arrays of the layout, all 0: a thread's own copy of the rings. */
  private static Map<String, Object> copies(Plan plan) {
    Map<String, Object> out = new java.util.HashMap<>();
    for (ReceptorPlan r : plan.receptors()) {
      GroupPlan g = plan.groups().get(r.group());
      String name = g.array("input." + g.variables().get(r.variable()));
      out.computeIfAbsent(name, k -> new long[plan.layout().entry(k).length()]);
    }
    return out;
  }

  /** Per receptor, its ring's slots over the state's pending-input arrays. */
  static InputSum[][] rings(Plan plan, Map<String, Object> arrays) {
    return rings(plan, arrays, true);
  }

  /** {@link #rings}; {@code relist}: list the input they hold now (else the lists start empty). */
  private static InputSum[][] rings(Plan plan, Map<String, Object> arrays, boolean relist) {
    InputSum[][] rings = new InputSum[plan.receptors().size()][];
    for (ReceptorPlan r : plan.receptors()) {
      GroupPlan g = plan.groups().get(r.group());
      long[] ring = (long[]) arrays.get(g.array("input." + g.variables().get(r.variable())));
      rings[r.index()] = new InputSum[r.slots()];
      for (int s = 0; s < r.slots(); s++) {
        rings[r.index()][s] = new InputSum(ring, s * r.size(), r.size(), r.signed(), relist);
      }
    }
    return rings;
  }

  @Override
  public Plan plan() {
    return plan;
  }

  /** The threads it runs on. */
  int threads() {
    return team.size();
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

  /**
   * Hands the state's arrays over (for a simulation of another thread count, which takes them as
   * they are) with every pending input in the state's rings; this simulation is then closed.
   */
  /** The static projections' synapses by projection index (null for potential sets). */
  StaticSynapses[] statics() {
    StaticSynapses[] out = new StaticSynapses[synapses.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = synapses[k] instanceof StaticSynapses st ? st : null;
    }
    return out;
  }

  Map<String, Object> release() {
    gather();
    close();
    return arrays;
  }

  /** Notes weights that a rule made bad before this simulation took over the state. */
  void inheritBadWeights(List<String> projections) {
    for (String name : projections) {
      if (synapses[plan.projection(name).index()] instanceof PotentialSynapses ps) {
        ps.badWeight = true;
      }
    }
  }

  @Override
  public SimulationState state() {
    gather();
    return SimulationState.of(step, plan.layout(), arrays);
  }

  /** Moves the input pending in the other threads' rings into the state's. */
  private void gather() {
    for (int m = 1; m < rings.length; m++) { // all pending input into the state's rings
      for (int r = 0; r < rings[m].length; r++) {
        for (int slot = 0; slot < rings[m][r].length; slot++) {
          InputSum.gather(spills[0][r][slot], rings[m][r][slot], spills[m][r][slot]);
        }
      }
    }
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
    team.close();
  }
}
