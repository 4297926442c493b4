package dev.rewire.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rewire.backend.Simulation;
import dev.rewire.backend.SimulationListener;
import dev.rewire.model.ModelFile;
import dev.rewire.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * White noise is Brian2's xi: an Ornstein-Uhlenbeck process dx/dt = -x/tau + sigma*xi, started at
 * 0, has variance sigma^2 tau/2 (1 - exp(-2t/tau)) at t (xi of units 1/sqrt(ms), a step adds
 * sqrt(dt) sigma N(0, 1)), mean 0. Over 4000 neurons, the sample variance is within 4 standard
 * errors (sqrt(2/n) of the variance) of that, the mean within 4 of its own.
 */
class WhiteNoiseTest {
  @Test
  void ornsteinUhlenbeck_hasTheVarianceOfBrian2sXi() {
    int n = 4000;
    double tau = 10.0;
    double sigma = 2.0;
    double t = 50.0;
    Plan plan = Plan.compile(ModelFile.parse("""
        name = "ou"
        [simulation]
        dt_ms = 0.1
        duration_ms = %s
        seed = 4
        [neurons.cells]
        size = %d
        populations = { N = [0, %d] }
        [neurons.cells.model]
        equations = "dx/dt = -x/tau + sigma*xi"
        threshold = "x > 1e9"
        reset = "x = 0"
        params = { tau = %s, sigma = %s }
        variables = { x = 0.0 }
        [projections]
        """.formatted(t, n, n, tau, sigma), "ou", List.of()));
    float[] x;
    try (Simulation sim = new JavaBackend().open(plan)) {
      sim.run(plan.steps(), SimulationListener.NONE);
      x = sim.state().floats("neurons.cells.x");
    }
    double mean = 0;
    for (float v : x) {
      mean += v;
    }
    mean /= n;
    double var = 0;
    for (float v : x) {
      var += (v - mean) * (v - mean);
    }
    var /= n - 1;
    // Euler-Maruyama's own stationary variance: sigma^2 dt / (1 - (1 - dt/tau)^2), to the step.
    double dt = 0.1;
    double a = 1 - dt / tau;
    double expected = sigma * sigma * dt * (1 - Math.pow(a, 2 * plan.steps())) / (1 - a * a);
    assertEquals(sigma * sigma * tau / 2 * (1 - Math.exp(-2 * t / tau)), expected,
        0.01 * expected, "the discrete process follows the continuous one");
    assertEquals(expected, var, 4 * expected * Math.sqrt(2.0 / n), "variance");
    assertEquals(0.0, mean, 4 * Math.sqrt(expected / n), "mean");
  }
}
