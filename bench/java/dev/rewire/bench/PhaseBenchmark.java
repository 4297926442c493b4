package dev.rewire.bench;

import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.Phase;
import dev.rewire.plan.Plan;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The main kernels one by one: neuron update, Poisson input, propagation and STDP on pre spikes,
 * STDP on post spikes, and structural plasticity, per backend (OpenCL: its per-step engine, a
 * launch per phase), network size and regime (preRollS). Each shot simulates {@value #SECONDS} s of
 * seed-ei with
 * profiling on (Java: nanoTime around each phase; OpenCL: event profiling of each kernel, summed
 * per phase) and
 * reports, besides the total, each phase's milliseconds per simulated second as a secondary result
 * (the mean over the measured shots). Java's timing adds a nanoTime pair per phase and step.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Djmh.args="PhaseBenchmark"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OperationsPerInvocation(PhaseBenchmark.SECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PhaseBenchmark {
  static final int SECONDS = 2;

  @Param({"java", "opencl-per-step"})
  public String backend;

  @Param({"500", "2000"})
  public int neurons;

  /**
   * Simulated seconds before the measured window: 3 measures seed-ei's 3-5 s (the low-rate start),
   * 38 its 38-40 s (seed 1 is in its high-rate regime by then).
   */
  @Param({"3", "38"})
  public int preRollS;

  private Simulation sim;
  private int steps;
  private Map<String, long[]> before;
  /** JMH sums EVENTS counters over the measurement iterations; each shot adds its share. */
  private int shots;

  /** Milliseconds per simulated second of each phase in the last shot. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Phases {
    public double structuralPlasticity;
    public double neuronUpdate;
    public double poissonInput;
    public double synapsePre;
    public double synapsePost;
  }

  @Setup(Level.Trial)
  public void count(org.openjdk.jmh.infra.BenchmarkParams params) {
    shots = params.getMeasurement().getCount();
  }

  @Setup(Level.Iteration)
  public void open() {
    Plan plan = BenchSetup.seedEi(neurons);
    sim = BenchSetup.backend(backend, true).open(plan);
    steps = SECONDS * (int) Math.round(1000.0 / plan.dtMs());
    sim.run(preRollS * (steps / SECONDS), SimulationListener.NONE);
    before = copy(sim.profile());
  }

  @TearDown(Level.Iteration)
  public void close() {
    sim.close();
  }

  @Benchmark
  public int simulate(Phases phases) {
    sim.run(steps, SimulationListener.NONE);
    Map<Phase, Double> ms = new HashMap<>();
    sim.profile().forEach((kernel, v) -> {
      long[] b = before.getOrDefault(kernel, new long[2]);
      ms.merge(phaseOf(kernel), (v[0] - b[0]) / 1e6 / SECONDS, Double::sum);
    });
    phases.structuralPlasticity = ms.getOrDefault(Phase.STRUCTURAL_PLASTICITY, 0.0) / shots;
    phases.neuronUpdate = ms.getOrDefault(Phase.NEURON_UPDATE, 0.0) / shots;
    phases.poissonInput = ms.getOrDefault(Phase.POISSON_INPUT, 0.0) / shots;
    phases.synapsePre = ms.getOrDefault(Phase.SYNAPSE_PRE, 0.0) / shots;
    phases.synapsePost = ms.getOrDefault(Phase.SYNAPSE_POST, 0.0) / shots;
    return sim.step();
  }

  /** The phase a kernel belongs to, by name. */
  static Phase phaseOf(String kernel) {
    for (Phase p : Phase.values()) {
      if (kernel.startsWith(p.kernelName())) {
        return p;
      }
    }
    throw new IllegalArgumentException("kernel " + kernel + " belongs to no phase");
  }

  private static Map<String, long[]> copy(Map<String, long[]> m) {
    Map<String, long[]> c = new HashMap<>();
    m.forEach((k, v) -> c.put(k, v.clone()));
    return c;
  }
}
