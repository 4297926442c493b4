package dev.rewire.backend.java;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.NeuronValues;
import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.SimulationState;
import dev.rewire.plan.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A network that chooses its threads by measuring ({@code --threads auto}): it starts on one
 * thread, which leaves the other cores to the JIT compiler while it warms up; once warm it times
 * its steps, and when a step costs at least {@link Rule#stepMicros} it moves to every core. Then,
 * warm again, it times the threaded steps, and goes back to one thread for good unless they cost
 * at most {@link Rule#keepBelow} of a single thread's (the other cores may be busy: threads beyond
 * the free cores slow a run down). Results do not depend on the thread count, so a move changes no
 * bit: the state's arrays pass to a simulation of the new count as a restore would
 * (docs/design.md, section 4).
 */
final class AdaptiveSimulation implements Simulation {
  /**
   * When to decide and on what: the warm-up on one thread and after a move (the threaded code
   * still compiles, briefly) and the timing window, in wall nanoseconds (and at least so many
   * steps), the step cost on one thread from which to try every core, in microseconds, and the
   * share of that cost under which the threaded steps must come to be kept.
   */
  record Rule(long warmNanos, long rewarmNanos, long windowNanos, int windowSteps,
      double stepMicros, double keepBelow) {
    /**
     * Measured on the 2-core development VM (bench/scale.sh, README "Speed"): 2 threads gained
     * 1.3x where a step cost one thread ~50 us (COBA 4000) and 1.6x at ~200 us (COBA 16 000), and
     * lost where it cost 10-25 us (seed-ei 5000: 0.62x). The threaded code takes about a second
     * to compile after a move (timed after 0.3 s, COBA's threaded steps still cost 91 us against
     * 49 on one thread; after 1 s, 32-37).
     */
    static final Rule MEASURED = new Rule(1_000_000_000L, 1_000_000_000L, 200_000_000L, 2000,
        40.0, 0.9);
  }

  /** Where the choice stands: warming up or timing on one thread, or on every core; decided. */
  private enum Stage { ONE, MANY, DECIDED }

  private final Plan plan;
  private final boolean profile;
  private final int cores;
  private final Rule rule;
  private JavaSimulation sim;
  private Stage stage = Stage.ONE;
  /** When the current stage began (its warm-up), and its timing window (-1: not begun). */
  private long stageStart = System.nanoTime();
  private long windowStart = -1;
  private int windowStep;
  private double oneThreadMicros;
  /** What was chosen, for the record ({@link #describe}). */
  private String outcome = "on 1 thread (not yet timed)";
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
      int chunk = stage == Stage.DECIDED ? steps : Math.min(steps, 250);
      sim.run(chunk, listener);
      steps -= chunk;
      if (stage != Stage.DECIDED) {
        consider();
      }
    }
  }

  /** After a chunk: starts the stage's window once warm, and decides once it is long enough. */
  private void consider() {
    long now = System.nanoTime();
    if (windowStart < 0) {
      if (now - stageStart >= (stage == Stage.ONE ? rule.warmNanos() : rule.rewarmNanos())) {
        windowStart = now;
        windowStep = sim.step();
      }
      return;
    }
    int steps = sim.step() - windowStep;
    if (now - windowStart < rule.windowNanos() || steps < rule.windowSteps()) {
      return;
    }
    double micros = (now - windowStart) / 1e3 / steps;
    String t = String.format(Locale.ROOT, "%.3f s", sim.step() * plan.dtMs() / 1000);
    if (stage == Stage.ONE) {
      if (cores > 1 && micros >= rule.stepMicros()) {
        oneThreadMicros = micros;
        moveTo(cores);
        stage = Stage.MANY;
        stageStart = now;
        windowStart = -1;
        outcome = String.format(Locale.ROOT, "moved to %d threads at t = %s (a step cost one "
            + "thread %.1f us)", cores, t, micros);
      } else {
        stage = Stage.DECIDED;
        outcome = String.format(Locale.ROOT, "stayed on 1 thread (a step cost %.1f us)", micros);
      }
    } else {
      stage = Stage.DECIDED;
      if (micros > rule.keepBelow() * oneThreadMicros) {
        moveTo(1);
        outcome += String.format(Locale.ROOT, " and back to 1 at t = %s (a step cost %.1f us "
            + "on %d threads)", t, micros, cores);
      } else {
        outcome += String.format(Locale.ROOT, " and kept them (%.1f us per step)", micros);
      }
    }
  }

  /** The backend's description with what auto chose. */
  @Override
  public String describe(String backend) {
    return backend + ": " + outcome;
  }

  private void moveTo(int threads) {
    int step = sim.step();
    List<String> bad = sim.badWeights();
    sim.profile().forEach((k, v) -> earlierProfile.merge(k, v.clone(),
        (a, b) -> new long[] {a[0] + b[0], b[1]}));
    StaticSynapses[] statics = sim.statics(); // immutable: no need to draw them again
    JavaSimulation next = new JavaSimulation(plan, sim.release(), step, profile, threads, statics);
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
