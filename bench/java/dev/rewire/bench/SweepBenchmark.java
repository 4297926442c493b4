package dev.rewire.bench;

import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.ModelFile;
import dev.rewire.run.Outputs;
import dev.rewire.run.RunDriver;
import dev.rewire.run.RunRequest;
import dev.rewire.run.RunSpec;
import dev.rewire.sweep.ParallelExecutor;
import dev.rewire.sweep.RunTask;
import dev.rewire.sweep.SweepExecutor;
import dev.rewire.sweep.SweepRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A sweep's executor after JIT warm-up: {@value #RUNS} runs of seed-ei for {@value #SECONDS} s
 * (seeds 1-8) through {@link ParallelExecutor} with {@code jobs} threads, without outputs. The
 * score is wall ms per network-second, so {@code jobs = 1} over {@code jobs = 2} is the speed-up of
 * running networks side by side, with the warm-up that a cold process pays once (and which its
 * compiler threads spend on the second core) left out; {@code bench/sweep-throughput.sh} measures
 * the cold whole.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Djmh.args="SweepBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OperationsPerInvocation(SweepBenchmark.RUNS * SweepBenchmark.SECONDS)
@Fork(1)
@Warmup(iterations = 4)
@Measurement(iterations = 8)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SweepBenchmark {
  static final int RUNS = 8;
  static final int SECONDS = 10;

  @Param({"1", "2"})
  public int jobs;

  @Benchmark
  public int sweep() throws InterruptedException {
    String text = ModelFile.bundledText(ModelFile.DEFAULT_MODEL);
    List<RunTask> tasks = new ArrayList<>();
    for (int seed = 1; seed <= RUNS; seed++) {
      RunSpec spec = new RunSpec(text, "bundled:seed-ei", List.of(), seed, SECONDS * 1000.0);
      tasks.add(new RunTask(new SweepRun(seed - 1, spec.id(), seed, "seed-ei", Map.of(), spec),
          RunRequest.fresh(spec, spec.id(), "bench", Outputs.NONE), 0));
    }
    AtomicInteger done = new AtomicInteger();
    new ParallelExecutor(jobs, new JavaBackend()).execute(tasks, new SweepExecutor.Outcomes() {
      @Override
      public void progressed(RunTask task, int steps) {}

      @Override
      public void finished(RunTask task, RunDriver.Result result, double wallS) {
        done.incrementAndGet();
      }

      @Override
      public void failed(RunTask task, Throwable error, double wallS) {
        throw new IllegalStateException(error);
      }
    }, () -> false);
    return done.get();
  }
}
