package dev.rewire.bench;

import dev.rewire.backend.BatchSimulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.opencl.OpenClBackend;
import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.model.ModelFile;
import dev.rewire.plan.Plan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The OpenCL resident engine by batch size: a batch of {@code batch} seed-ei networks (seeds
 * 1..batch) advanced one simulated second per invocation, after warm-up (kernel built, JIT warm).
 * The secondary result {@code networkSeconds} is network-seconds per wall second, the number to
 * compare across batch sizes and with {@code SweepBenchmark} (Java, ms per network-second).
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Djmh.args="ResidentBenchmark"}; the
 * device is the first usable one, or -Drewire.device (add it to jmh.args as -jvmArgs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 5, time = 4)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ResidentBenchmark {
  @Param({"1", "2", "8", "32", "128"})
  public int batch;

  private BatchSimulation sim;
  private int stepsPerSecond;
  private List<SimulationListener> listeners;
  private boolean[] running;

  /** Network-seconds advanced, counted per invocation (JMH reports it per wall second). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long networkSeconds;
  }

  @Setup(Level.Trial)
  public void open() {
    ClDevice device = OpenClBackend.choose(System.getProperty("rewire.device"));
    if (device == null) {
      throw new IllegalStateException("no usable OpenCL device (see rewire devices)");
    }
    OpenClBackend backend = new OpenClBackend(device, false, OpenClBackend.Engine.RESIDENT);
    List<Plan> plans = new ArrayList<>();
    for (int seed = 1; seed <= batch; seed++) {
      plans.add(Plan.compile(ModelFile.loadBundled("seed-ei",
          List.of("simulation.duration_ms=100000000", "simulation.seed=" + seed))));
    }
    if (backend.batchCapacity(plans.get(0)) < batch) {
      throw new IllegalStateException("the device holds batches of "
          + backend.batchCapacity(plans.get(0)) + " networks at most");
    }
    sim = backend.openBatch(plans, Collections.nCopies(batch, null));
    stepsPerSecond = (int) Math.round(1000 / plans.get(0).dtMs());
    listeners = Collections.nCopies(batch, SimulationListener.NONE);
    running = new boolean[batch];
    Arrays.fill(running, true);
  }

  @Benchmark
  public void oneSecond(Counters counters) {
    sim.run(stepsPerSecond, listeners, running);
    counters.networkSeconds += batch;
  }

  @TearDown(Level.Trial)
  public void close() {
    sim.close();
  }
}
