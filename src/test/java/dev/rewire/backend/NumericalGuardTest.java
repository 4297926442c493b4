package dev.rewire.backend;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.plan.Plan;
import dev.rewire.testing.TestModels;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumericalGuardTest {
  private final Plan plan = Plan.compile(TestModels.seedEi(1000, 1));
  private final int n = plan.neuronCount();

  private NeuronValues healthy() {
    float[] v = new float[n];
    float[] ga = new float[n];
    float[] gg = new float[n];
    Arrays.fill(v, -60f);
    Arrays.fill(ga, 3f);
    Arrays.fill(gg, 1e6f); // the limit itself is in range
    v[7] = -1000f;
    return new NeuronValues(Map.of("neurons.net.v", v, "neurons.net.g_ampa", ga,
        "neurons.net.g_gaba", gg));
  }

  @Test
  void check_passesValuesInRange() {
    assertDoesNotThrow(() -> NumericalGuard.check(plan, healthy(), 10));
  }

  @Test
  void check_namesTheFirstOffender_forEachKindOfValueOutOfRange() {
    Object[][] cases = {
        {"v", 1001f, "population E, neuron 12: v = 1001.0 mV"},
        {"v", Float.NaN, "population E, neuron 12: v = NaN mV"},
        {"g_ampa", -0.5f, "population E, neuron 12: g_ampa = -0.5 nS"},
        {"g_ampa", Float.POSITIVE_INFINITY, "population E, neuron 12: g_ampa = Infinity nS"},
        {"g_gaba", 2e6f, "population E, neuron 12: g_gaba = 2000000.0 nS"},
        {"g_gaba", Float.NaN, "population E, neuron 12: g_gaba = NaN nS"},
    };
    for (Object[] c : cases) {
      NeuronValues values = healthy();
      float[] target = values.of("neurons.net." + c[0]);
      target[12] = (float) c[1];
      target[450] = (float) c[1]; // a later offender is not the one named
      NumericalGuard.NumericalException e = assertThrows(NumericalGuard.NumericalException.class,
          () -> NumericalGuard.check(plan, values, 10));
      assertTrue(e.getMessage().contains((String) c[2]), e.getMessage());
    }
  }

  @Test
  void check_namesTheBoundsItExpected() {
    NeuronValues values = healthy();
    values.of("neurons.net.v")[3] = -2000f;
    NumericalGuard.NumericalException e = assertThrows(NumericalGuard.NumericalException.class,
        () -> NumericalGuard.check(plan, values, 10));
    assertTrue(e.getMessage().contains("expected a finite value in [-1000.0, 1000.0] mV"),
        e.getMessage());
  }
}
