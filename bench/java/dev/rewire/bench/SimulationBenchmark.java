package dev.rewire.bench;

import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.Plan;
import java.util.concurrent.TimeUnit;
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
 * The simulation loop on seed-ei, per backend and network size, warm (JIT compiled, kernels built).
 * Each measurement is one shot of
 * {@value #SECONDS} simulated seconds from a fresh network that has already run {@code preRollS}
 * seconds, and the score is wall milliseconds per simulated second. preRollS = 0 measures the early
 * low-rate regime (E ≈ 2.5 Hz); 30 the later one, which in seed 1 is high-rate (E ≈ 10 Hz, four
 * times the synaptic events). A fixed window matters: the network changes regime as it runs, so a
 * time-based iteration would measure whatever regime it happened to reach.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Djmh.args="SimulationBenchmark"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OperationsPerInvocation(SimulationBenchmark.SECONDS)
@Fork(1)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimulationBenchmark {
  @Param({"java", "opencl"})
  public String backend;

  /** Simulated seconds run before each shot; 30 reaches seed 1's high-rate regime. */
  @Param({"0"})
  public int preRollS;

  /** Neurons (80% E, 20% I); connection probabilities stay those of seed-ei. */
  @Param({"500", "2000"})
  public int neurons;

  @Param({"global"})
  public String mode;

  static final int SECONDS = 5;

  private Simulation sim;
  private int stepsPerSecond;

  @Setup(Level.Iteration)
  public void open() {
    Plan plan = BenchSetup.seedEi(neurons, "projections.ee.structural.mode=" + mode,
        "projections.ie.structural.mode=" + mode);
    sim = BenchSetup.backend(backend, false).open(plan);
    stepsPerSecond = (int) Math.round(1000.0 / plan.dtMs());
    sim.run(preRollS * stepsPerSecond, SimulationListener.NONE);
  }

  @TearDown(Level.Iteration)
  public void close() {
    sim.close();
  }

  @Benchmark
  public int simulate() {
    sim.run(SECONDS * stepsPerSecond, SimulationListener.NONE);
    return sim.step();
  }
}
