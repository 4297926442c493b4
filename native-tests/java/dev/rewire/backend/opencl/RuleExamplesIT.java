package dev.rewire.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.model.Model;
import dev.rewire.model.ModelFile;
import dev.rewire.model.Plasticity;
import dev.rewire.model.Projection;
import dev.rewire.model.Structural;
import dev.rewire.model.Weight;
import dev.rewire.output.Summary;
import dev.rewire.plan.Plan;
import dev.rewire.testing.Runs;
import dev.rewire.testing.States;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of examples/rules/, and a rule that calls every function of the language with a prune
 * condition that is not a threshold and drawn regrowth weights, for 2 s of seed-ei on both OpenCL
 * engines and in Java: every state array equal bit for bit at the end, the same spike and weight
 * digests and the same synapses pruned and regrown (with their weights) at every call.
 */
class RuleExamplesIT {
  static Stream<Arguments> runs() {
    return Stream.of(OpenClBackend.Engine.RESIDENT, OpenClBackend.Engine.PER_STEP)
        .flatMap(engine -> Stream.of("seed-rule.toml", "song-pair.toml", "van-rossum.toml",
            "triplet.toml", "vogels-istdp.toml", "every-function")
        .map(model -> Arguments.of(engine, model)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void rule_javaAndOpenCl_agreeBitForBit(OpenClBackend.Engine engine, String name) {
    Model m = name.equals("every-function") ? everyFunction()
        : ModelFile.load(Path.of("examples/rules/" + name), List.of("simulation.duration_ms=2000"));
    List<String> javaLog = new ArrayList<>();
    List<String> deviceLog = new ArrayList<>();
    Runs.Result javaRun = Runs.run(new JavaBackend(), m, javaLog);
    Runs.Result deviceRun = Runs.run(new OpenClBackend(NativeTestSupport.device(), false, engine),
        m, deviceLog);
    States.assertIdentical(engine + " " + name, javaRun.state(), deviceRun.state());
    Summary java = javaRun.summary();
    Summary device = deviceRun.summary();
    assertEquals(java.digest(), device.digest());
    assertEquals(javaLog, deviceLog, "the same synapses pruned and regrown, call by call");
    assertEquals(java.structural(), device.structural());
    if (name.equals("every-function")) {
      assertTrue(java.structural().get("ee").pruned().stream().mapToInt(i -> i).sum() > 0,
          "the condition pruned something");
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(value = OpenClBackend.Engine.class,
      names = {"RESIDENT", "PER_STEP"})
  void ruleThatMakesNegativeWeights_isFlagged(OpenClBackend.Engine engine) {
    Model m = ModelFile.load(Path.of("examples/rules/song-pair.toml"),
        List.of("simulation.duration_ms=500", "projections.ee.plasticity.on_pre=\"w = w - 1\"",
            "projections.ee.plasticity.params={a_plus=0.01,gmax=0.5}",
            "projections.ee.plasticity.pre_traces={apre=20.0}"));
    Plan plan = Plan.compile(m);
    try (Simulation sim = new OpenClBackend(NativeTestSupport.device(), false, engine)
        .open(plan)) {
      sim.run(plan.steps(), SimulationListener.NONE);
      assertEquals(List.of("ee"), sim.badWeights());
    }
  }

  /** seed-ei, E→E with a rule that calls every function, pruned by a condition on w and gmax. */
  static Model everyFunction() {
    Model seed = ModelFile.loadBundled("seed-ei", List.of("simulation.duration_ms=2000"));
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("lr", 0.01);
    params.put("gmax", 20.0);
    params.put("c", 1.5);
    Plasticity rule = new Plasticity(params, Map.of("x", 10.0), new LinkedHashMap<>(Map.of(
        "y", 30.0, "z", 5.0)), """
        x = x * exp(-0.01) + 1
        w = clip(w + lr * (sqrt(abs(y - 0.5)) - log(1 + z) / c), 0, gmax)
        """, """
        y += 1
        z = max(z, 0.5) + min(1, y) / 2
        w = where(x > 0.2 and not (w >= gmax), min(w + lr * x, gmax), max(w - lr / c, 0))
        """);
    Projection ee = seed.projections().get("ee");
    Structural s = ee.structural();
    Projection changed = new Projection(ee.source(), ee.target(), ee.receptor(),
        ee.connectivity(), ee.weight(), null, new Structural(s.periodMs(), null,
            "w < 0.14 or w > 0.9 * gmax", s.mode(), new Weight(0.1, 0.2)), rule);
    Map<String, Projection> projections = new LinkedHashMap<>(seed.projections());
    projections.put("ee", changed);
    return new Model(seed.name(), seed.simulation(), seed.neurons(), seed.inputs(), projections,
        seed.recording());
  }

}
