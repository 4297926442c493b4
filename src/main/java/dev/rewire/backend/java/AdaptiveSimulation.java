package dev.rewire.backend.java;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.NeuronValues;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network that chooses its threads by measuring ({@code --threads auto}): it starts on one
 * thread, which leaves the other cores to the JIT compiler while it warms up; once warm it times
 * its steps, and when a step costs at least {@link Rule#stepMicros} it moves to every core.
 * Results do not depend on the thread count, so the move changes no bit: the state's arrays pass
 * to a simulation of the new count as a restore would (docs/design.md, section 4).
 */
final class AdaptiveSimulation implements Simulation {
  /** When to decide and on what: warm-up and window in wall nanoseconds, the step cost. */
  record Rule(long warmNanos, long windowNanos, int windowSteps, double stepMicros) {
    /**
     * Measured on the 2-core development VM (bench/scale.sh, README "Speed"): 2 threads gained
     * 1.3x where a step cost one thread ~50 us (COBA 4000) and 1.6x at ~200 us (COBA 16 000), and
     * lost where it cost 10-25 us (seed-ei 5000: 0.62x).
     */
    static final Rule MEASURED = new Rule(1_000_000_000L, 200_000_000L, 2000, 40.0);
  }

  private final Plan plan;
  private final boolean profile;
  private final int cores;
  private final Rule rule;
  private JavaSimulation sim;
  private boolean decided;
  private final long opened = System.nanoTime();
  private long windowStart = -1;
  private int windowStep;
  /** The phases' times before a move, and the sampling asked for (set again after a move). */
  private final Map<String, long[]> earlierProfile = new LinkedHashMap<>();
  private int[] sampledNeurons;
  private List<String> sampledVariables;
  private int sampleEvery;

  AdaptiveSimulation(JavaSimulation first, boolean profile, int cores, Rule rule) {
    this.sim = first;
    this.plan = first.plan();
    this.profile = profile;
    this.cores = cores;
    this.rule = rule;
  }

  /** The threads it runs on now. */
  int threads() {
    return sim.threads();
  }

  @Override
  public Plan plan() {
    return plan;
  }

  @Override
  public int step() {
    return sim.step();
  }

  @Override
  public void run(int steps, SimulationListener listener) {
    while (steps > 0) {
      int chunk = decided ? steps : Math.min(steps, 250);
      sim.run(chunk, listener);
      steps -= chunk;
      if (!decided) {
        consider();
      }
    }
  }

  private void consider() {
    long now = System.nanoTime();
    if (windowStart < 0) {
      if (now - opened >= rule.warmNanos()) {
        windowStart = now;
        windowStep = sim.step();
      }
      return;
    }
    int steps = sim.step() - windowStep;
    if (now - windowStart < rule.windowNanos() || steps < rule.windowSteps()) {
      return;
    }
    decided = true;
    if (cores > 1 && (now - windowStart) / 1e3 / steps >= rule.stepMicros()) {
      moveTo(cores);
    }
  }

  private void moveTo(int threads) {
    int step = sim.step();
    List<String> bad = sim.badWeights();
    sim.profile().forEach((k, v) -> earlierProfile.merge(k, v.clone(),
        (a, b) -> new long[] {a[0] + b[0], b[1]}));
    JavaSimulation next = new JavaSimulation(plan, sim.release(), step, profile, threads);
    next.inheritBadWeights(bad);
    if (sampledNeurons != null) {
      next.sampleState(sampledNeurons, sampledVariables, sampleEvery);
    }
    sim = next;
  }

  @Override
  public Map<String, long[]> profile() {
    Map<String, long[]> now = sim.profile();
    if (earlierProfile.isEmpty()) {
      return now;
    }
    Map<String, long[]> out = new LinkedHashMap<>();
    now.forEach((k, v) -> {
      long[] before = earlierProfile.get(k);
      out.put(k, new long[] {v[0] + (before == null ? 0 : before[0]), v[1]});
    });
    return out;
  }

  @Override
  public void sampleState(int[] neurons, List<String> variables, int everySteps) {
    sampledNeurons = neurons.clone();
    sampledVariables = List.copyOf(variables);
    sampleEvery = everySteps;
    sim.sampleState(neurons, variables, everySteps);
  }

  @Override
  public SimulationState state() {
    return sim.state();
  }

  @Override
  public NeuronValues neuronValues() {
    return sim.neuronValues();
  }

  @Override
  public ActiveSynapses activeSynapses(String name) {
    return sim.activeSynapses(name);
  }

  @Override
  public List<String> badWeights() {
    return sim.badWeights();
  }

  @Override
  public void close() {
    sim.close();
  }
}
