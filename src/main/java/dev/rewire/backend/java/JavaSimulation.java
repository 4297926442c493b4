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
 * A network stepped in Java, phase by phase in {@link Plan#stepOrder()}. Projections are held in
 * model order; each static one is delivered from its source's spike list, each potential one also
 * runs STDP (DESIGN.md §1).
 */
final class JavaSimulation implements Simulation {
  private final Plan plan;
  private final int seed;
  private final NeuronState neurons;
  private final NeuronUpdate neuronUpdate;
  private final SpikeList spikes;
  private final PoissonInput[] inputs;
  private final PoissonInput[] drivingInputs;
  private final Object[] synapses;
  private final PotentialSynapses[] plastic;
  private final List<ProjectionPlan> projections;
  private final Phase[] order;
  private final List<ProjectionPlan> structural;
  /** The first step at or after which a structural call may be due; skips the check until then. */
  private int nextStructural;
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
    this.neuronUpdate = new NeuronUpdate(plan.groups(), neurons);
    this.spikes = new SpikeList(plan.neuronCount());
    this.projections = plan.projections();
    this.inputs = new PoissonInput[plan.inputs().size()];
    List<PoissonInput> driving = new ArrayList<>();
    for (InputPlan in : plan.inputs()) {
      inputs[in.index()] = new PoissonInput(in, seed);
      if (plan.drivesAProjection(in)) {
        driving.add(inputs[in.index()]);
      }
    }
    this.drivingInputs = driving.toArray(new PoissonInput[0]);
    this.synapses = new Object[projections.size()];
    List<PotentialSynapses> withStdp = new ArrayList<>();
    for (ProjectionPlan p : projections) {
      if (p.hasPotentialSet()) {
        PotentialSynapses ps = InitialSynapses.potentialSynapses(p, seed);
        synapses[p.index()] = ps;
        if (p.stdp() != null) {
          withStdp.add(ps);
        }
      } else {
        synapses[p.index()] = InitialSynapses.staticSynapses(p, seed);
      }
    }
    this.plastic = withStdp.toArray(new PotentialSynapses[0]);
    this.order = plan.stepOrder().toArray(new Phase[0]);
    this.structural = plan.structuralProjections();
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
      int n = step;
      if (phaseNanos == null) {
        for (Phase phase : order) {
          runPhase(phase, n, listener);
        }
      } else {
        for (Phase phase : order) {
          long t0 = System.nanoTime();
          runPhase(phase, n, listener);
          phaseNanos[phase.ordinal()] += System.nanoTime() - t0;
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
  }

  private void runPhase(Phase phase, int n, SimulationListener listener) {
    switch (phase) {
      case STRUCTURAL_PLASTICITY -> structuralPlasticity(n, listener);
      case NEURON_UPDATE -> neuronUpdate.run(n, spikes);
      case POISSON_INPUT -> {
        for (PoissonInput in : drivingInputs) {
          in.run(n);
        }
      }
      case SYNAPSE_PRE -> synapsePre(n);
      case SYNAPSE_POST -> synapsePost(n);
      default -> throw new IllegalStateException("unknown phase " + phase);
    }
  }

  @Override
  public Map<String, long[]> profile() {
    if (phaseNanos == null) {
      return Map.of();
    }
    Map<String, long[]> out = new LinkedHashMap<>();
    for (Phase phase : order) {
      out.put(phase.kernelName(), new long[] {phaseNanos[phase.ordinal()], step});
    }
    return out;
  }

  private void structuralPlasticity(int n, SimulationListener listener) {
    if (n < nextStructural) {
      return;
    }
    int next = Integer.MAX_VALUE;
    for (ProjectionPlan p : structural) {
      int period = p.structural().periodSteps();
      if (n % period == 0) {
        PotentialSynapses ps = (PotentialSynapses) synapses[p.index()];
        StructuralPlasticity.Change c = StructuralPlasticity.run(ps, n, seed);
        listener.onStructural(new StructuralEvent(n, p.name(), c.pruned().length,
            c.regrown().length, ps.activeCount));
        listener.onRewiring(ps.rewiring(n, c.pruned(), c.prunedWeight(), c.regrown(),
            p.structural().regrowthWeight()));
      }
      next = (int) Math.min(next, ((long) n / period + 1) * period);
    }
    nextStructural = next;
  }

  private void synapsePre(int n) {
    for (ProjectionPlan p : projections) {
      long[] input = neurons.input(p.receptor());
      Object syn = synapses[p.index()];
      if (p.sourceIsInput()) {
        SpikeList s = inputs[p.sourceInput()].spikes;
        StaticSynapses st = (StaticSynapses) syn;
        for (int k = 0; k < s.count; k++) {
          st.deliver(s.index[k], neurons, input);
        }
        continue;
      }
      int lo = p.sourceStart();
      int hi = lo + p.sourceSize();
      for (int k = 0; k < spikes.count; k++) {
        int g = spikes.index[k];
        if (g < lo || g >= hi) {
          continue;
        }
        if (syn instanceof PotentialSynapses ps) {
          SynapsePre.run(ps, g - lo, n, neurons, input);
        } else {
          ((StaticSynapses) syn).deliver(g - lo, neurons, input);
        }
      }
    }
  }

  private void synapsePost(int n) {
    for (PotentialSynapses ps : plastic) {
      int lo = ps.plan.targetStart();
      int hi = lo + ps.plan.targetSize();
      for (int k = 0; k < spikes.count; k++) {
        int g = spikes.index[k];
        if (g >= lo && g < hi) {
          SynapsePost.run(ps, g - lo, n);
        }
      }
    }
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
        neurons.gGaba.clone(), neurons.lastSpike.clone(), neurons.inputAmpa.clone(),
        neurons.inputGaba.clone(), next, sets);
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
    nextStructural = 0;
  }

  @Override
  public NeuronValues neuronValues() {
    return new NeuronValues(neurons.v.clone(), neurons.gAmpa.clone(), neurons.gGaba.clone());
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
