package dev.rewire.bench;

import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.ModelFile;
import dev.rewire.plan.Plan;
import java.nio.file.Path;
import java.util.List;
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
 * One network on 1 and on 2 Java threads, warm: a model of the scaling family
 * ({@code bench/scale.sh} writes them to target/scale/), {@value #STEPS} steps per shot after a
 * pre-roll of 2000; the score is microseconds per step. Both thread counts in one run, each in its
 * own fork, alternating forks (JMH runs the params in order, so compare within one run).
 *
 * <p>Run: {@code bench/scale.sh 1 0.1s} (writes the models), then {@code mvn -B -q -Pbench
 * test-compile exec:exec -Djmh.args="ThreadsBenchmark -p model=coba-16000"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OperationsPerInvocation(ThreadsBenchmark.STEPS)
@Fork(2)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThreadsBenchmark {
  /** A file target/scale/MODEL.toml. */
  @Param({"coba-4000", "coba-16000", "seed-ei-5000"})
  public String model;

  @Param({"1", "2"})
  public int threads;

  static final int STEPS = 4000;

  private Simulation sim;

  @Setup(Level.Iteration)
  public void open() {
    Path file = Path.of("target/scale/" + model + ".toml");
    if (!file.toFile().exists()) {
      throw new IllegalStateException(file + " does not exist: run bench/scale.sh 1 0.1s first");
    }
    Plan plan = Plan.compile(ModelFile.load(file, List.of()));
    sim = new JavaBackend(false, threads).open(plan);
    sim.run(2000, SimulationListener.NONE);
  }

  @TearDown(Level.Iteration)
  public void close() {
    sim.close();
  }

  @Benchmark
  public int simulate() {
    sim.run(STEPS, SimulationListener.NONE);
    return sim.step();
  }
}
