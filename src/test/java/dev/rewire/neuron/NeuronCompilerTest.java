package dev.rewire.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.rule.Emit;
import dev.rewire.rule.Evaluator;
import dev.rewire.rule.RExpr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeuronCompilerTest {
  private static final double DT = 0.1;

  /** A model with these params, variables (numbers), equations, threshold and reset. */
  static NeuronSource model(Map<String, Double> params, Map<String, Object> variables,
      String equations, String method, String threshold, String reset, String... clamped) {
    Map<String, Init> vars = new LinkedHashMap<>();
    variables.forEach((k, v) -> vars.put(k, v instanceof String s ? new Init.Expression(s)
        : new Init.Value(((Number) v).doubleValue())));
    return new NeuronSource(params, Map.of(), vars, equations, method, threshold, reset,
        List.of(clamped));
  }

  static NeuronSource lifCond() {
    Map<String, Double> p = new LinkedHashMap<>();
    p.put("c", 200.0);
    p.put("gl", 10.0);
    p.put("el", -60.0);
    p.put("e_ampa", 0.0);
    p.put("e_gaba", -80.0);
    p.put("vt", -50.0);
    p.put("tau_ampa", 5.0);
    p.put("tau_gaba", 10.0);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("v", "el");
    v.put("g_ampa", 0.0);
    v.put("g_gaba", 0.0);
    return model(p, v, """
        dv/dt = (-gl*(v - el) - (g_ampa*(v - e_ampa) + g_gaba*(v - e_gaba))) / c
        dg_ampa/dt = -g_ampa / tau_ampa
        dg_gaba/dt = -g_gaba / tau_gaba
        """, "euler", "v > vt", "v = el", "v");
  }

  private static String next(NeuronCode code, int variable) {
    return Emit.expression(code.temps().get(code.next(variable)), "f.");
  }

  private static String next(NeuronCode code, String variable) {
    return next(code, code.variables().indexOf(variable));
  }

  @Test
  void lifCond_lowersToTheSeedsArithmetic() {
    NeuronCode code = NeuronCompiler.compile(lifCond());
    // v + (dt/C) * (-gl (v - el) - (g_ampa (v - e_ampa) + g_gaba (v - e_gaba))), g * (1 - dt/tau)
    assertEquals("(y0 + (k0 * ((k1 * (y0 - k2)) - ((y1 * (y0 - k3)) + (y2 * (y0 - k4))))))",
        next(code, 0));
    assertEquals("(y1 * k5)", next(code, 1));
    assertEquals("(y2 * k6)", next(code, 2));
    float[] k = code.constants(lifCond().params(), DT);
    assertEquals((float) (DT / 200.0), k[0]);
    assertEquals(-10.0f, k[1]);
    assertEquals(-60.0f, k[2]);
    assertEquals((float) (1.0 - DT / 5.0), k[5]);
    assertEquals((float) (1.0 - DT / 10.0), k[6]);
    assertEquals("(y0 > k7)", Emit.expression(code.threshold(), "f."));
    assertEquals(0, code.reset().get(0).variable());
    assertEquals("k2", Emit.expression(code.reset().get(0).value(), "f."));
    assertTrue(code.clamped(0));
  }

  @Test
  void euler_decay_isOneMinusDtOverTau_inEveryForm() {
    for (String rhs : List.of("-g/tau", "-(g/tau)", "(-g)/tau", "-g*(1/tau)", "g*(-1/tau)")) {
      NeuronCode code = NeuronCompiler.compile(model(Map.of("tau", 7.0), Map.of("g", 0.0),
          "dg/dt = " + rhs, "euler", "g > 1", ""));
      assertEquals("(y0 * k0)", next(code, 0), rhs);
      assertEquals((float) (1.0 - DT / 7.0), code.constants(Map.of("tau", 7.0), DT)[0], rhs);
    }
  }

  @Test
  void euler_dtTooLargeForTheTimeConstant_isRefused() {
    NeuronCode code = NeuronCompiler.compile(model(Map.of("tau", 0.05), Map.of("g", 0.0),
        "dg/dt = -g/tau", "euler", "g > 1", ""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> code.constants(Map.of("tau", 0.05), DT));
    assertTrue(e.getMessage().contains("euler decays g by the factor (1 - (dt / tau)) = -1 per "
        + "step; it must be > 0"), e.getMessage());
  }

  @Test
  void exact_linearWithConstantCoefficients() {
    NeuronCode code = NeuronCompiler.compile(model(Map.of("tau", 5.0, "e", -60.0),
        Map.of("x", 0.0), "dx/dt = (e - x)/tau : exact", "euler", "x > 1", ""));
    assertEquals("((y0 * k0) + k1)", next(code, 0));
    float[] k = code.constants(Map.of("tau", 5.0, "e", -60.0), DT);
    assertEquals((float) StrictMath.exp(-DT / 5.0), k[0]);
    assertEquals(-60.0 * (1 - StrictMath.exp(-DT / 5.0)), k[1], 1e-5);
  }

  @Test
  void exact_onANonLinearEquation_isRefusedWithItsPosition() {
    NeuronException e = assertThrows(NeuronException.class, () -> NeuronCompiler.compile(
        model(Map.of("a", 1.0), Map.of("v", 0.0, "u", 0.0),
            "du/dt = -u\ndv/dt = v*v - u : exact", "euler", "v > 1", "")));
    assertEquals("equations", e.field());
    assertEquals(2, e.rule().line());
    assertEquals(2, e.rule().column());
    assertTrue(e.getMessage().contains("not linear in v"), e.getMessage());
  }

  @Test
  void exact_withAVariableCoefficient_namesWhatItReads() {
    NeuronException e = assertThrows(NeuronException.class, () -> NeuronCompiler.compile(
        model(Map.of("tau", 5.0), Map.of("v", 0.0, "ge", 0.0),
            "dv/dt = (ge - v)/tau : exact", "euler", "v > 1", "")));
    assertTrue(e.getMessage().contains("b reads the variable ge"), e.getMessage());
    assertTrue(e.getMessage().contains("use exponential_euler"), e.getMessage());
  }

  @Test
  void exponentialEuler_isBrian2sForm() {
    NeuronCode code = NeuronCompiler.compile(model(Map.of("tau", 5.0), Map.of("v", 0.0,
        "ge", 0.0), "dv/dt = (ge - v)/tau", "exponential_euler", "v > 1", ""));
    // -b/a + (v + b/a) exp(a dt), with b/a a temporary and exp(a dt) a constant
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("\\(\\(-t0\\) \\+ \\(\\(t0 \\+ y0\\) \\* k(\\d+)\\)\\)")
        .matcher(next(code, "v").replace("y" + code.variables().indexOf("v"), "y0"));
    assertTrue(m.matches(), next(code, "v"));
    assertEquals((float) StrictMath.exp(-DT / 5.0),
        code.constants(Map.of("tau", 5.0), DT)[Integer.parseInt(m.group(1))]);
  }

  @Test
  void rk4_ofALinearDecay_followsTheExponential() {
    NeuronCode code = NeuronCompiler.compile(model(Map.of("tau", 3.0), Map.of("x", 1.0),
        "dx/dt = -x/tau", "rk4", "x > 2", ""));
    float[] k = code.constants(Map.of("tau", 3.0), DT);
    float x = 1.0f;
    for (int s = 0; s < 100; s++) {
      x = step(code, k, new float[] {x}, s)[0];
    }
    assertEquals(Math.exp(-100 * DT / 3.0), x, 1e-6);
  }

  @Test
  void rk2_ofATimeDependentEquation_usesTheMidpointTime() {
    NeuronCode code = NeuronCompiler.compile(model(Map.of(), Map.of("x", 0.0),
        "dx/dt = t", "rk2", "x > 1e9", ""));
    float[] k = code.constants(Map.of(), DT);
    float x = 0.0f;
    for (int s = 0; s < 10; s++) {
      x = step(code, k, new float[] {x}, s)[0];
    }
    assertEquals(0.5 * 1.0 * 1.0, x, 1e-5); // the midpoint rule integrates t exactly
  }

  @Test
  void noise_isEulerMaruyama_andRefusedWithOtherMethods() {
    NeuronCode code = NeuronCompiler.compile(model(Map.of("sigma", 2.0), Map.of("x", 0.0),
        "dx/dt = sigma*xi", "euler", "x > 1", ""));
    assertEquals(1, code.noises());
    assertTrue(code.dividesOrRoots());
    // x + sqrt(dt)*sigma*n: xi has units 1/sqrt(time), its step a N(0, 1) draw times sqrt(dt)
    assertEquals("(y0 + (k0 * n0))", next(code, "x"));
    assertEquals("(sqrt(dt) * sigma)", code.constantText(0));
    assertEquals((float) (Math.sqrt(DT) * 2.0), code.constants(Map.of("sigma", 2.0), DT)[0]);
    NeuronException m = assertThrows(NeuronException.class, () -> NeuronCompiler.compile(model(
        Map.of("sigma", 2.0), Map.of("x", 0.0), "dx/dt = sigma*xi*xi", "euler", "x > 1", "")));
    assertTrue(m.getMessage().contains("xi must enter dx/dt as an additive term g*xi"),
        m.getMessage());
    NeuronException e = assertThrows(NeuronException.class, () -> NeuronCompiler.compile(
        model(Map.of("sigma", 2.0), Map.of("x", 0.0), "dx/dt = sigma*xi", "rk4", "x > 1", "")));
    assertTrue(e.getMessage().contains("xi (white noise) needs method euler"), e.getMessage());
  }

  @Test
  void badModels_nameTheFieldAndPlace() {
    assertProblem("equations", 1, 10, "unknown name 'vv'",
        model(Map.of("a", 1.0), Map.of("v", 0.0), "dv/dt = -vv", "euler", "v > 1", ""));
    assertProblem("equations", 1, 2, "'a' is a param",
        model(Map.of("a", 1.0), Map.of("v", 0.0), "da/dt = -a", "euler", "v > 1", ""));
    assertProblem("equations", 1, 2, "not a declared variable",
        model(Map.of("a", 1.0), Map.of("v", 0.0), "dw/dt = -a", "euler", "v > 1", ""));
    assertProblem("threshold", 1, 1, "must be a condition",
        model(Map.of("a", 1.0), Map.of("v", 0.0), "dv/dt = -v", "euler", "v + a", ""));
    assertProblem("reset", 1, 1, "'a' is a param",
        model(Map.of("a", 1.0), Map.of("v", 0.0), "dv/dt = -v", "euler", "v > a", "a = 0"));
    assertProblem("equations", 1, 14, "'rk5' is not a method",
        model(Map.of(), Map.of("v", 0.0), "dv/dt = -v : rk5", "euler", "v > 1", ""));
    assertProblem("variables.v", 1, 1, "t is not known at set-up",
        model(Map.of(), Map.of("v", "t"), "dv/dt = -v", "euler", "v > 1", ""));
  }

  @Test
  void unknownName_offersTheNamesThatFit() {
    NeuronException e = assertThrows(NeuronException.class, () -> NeuronCompiler.compile(
        model(Map.of("a", 1.0), Map.of("v", 0.0), "dv/dt = -vv", "euler", "v > 1", "")));
    assertEquals("vv", e.rule().unknownName());
    assertTrue(e.rule().names().containsAll(List.of("v", "a", "dt", "t")), e.rule().names()
        .toString());
  }

  @Test
  void initialValue_thatIsNotFinite_isRefused() {
    NeuronException e = assertThrows(NeuronException.class, () -> NeuronCompiler.compile(
        model(Map.of(), Map.of("v", Double.POSITIVE_INFINITY), "dv/dt = -v", "euler", "v > 1",
            "")));
    assertEquals("variables.v must be a finite number, got Infinity", e.getMessage());
    NeuronCode code = NeuronCompiler.compile(model(Map.of(), Map.of("v", "log(0)"),
        "dv/dt = -v", "euler", "v > 1", ""));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> code.setUp(3, Map.of(), DT, new SetupRandom(1, 2)));
    assertEquals("variables.v is -Infinity for neuron 0; expected a finite value",
        bad.getMessage());
  }

  @Test
  void setUp_drawsPerNeuron_reproducibly_withTheRightMoments() {
    Map<String, Init> perNeuron = new LinkedHashMap<>();
    perNeuron.put("r", new Init.Expression("rand()"));
    perNeuron.put("c", new Init.Expression("-65 + 15*r*r"));
    Map<String, Init> vars = new LinkedHashMap<>();
    vars.put("v", new Init.Expression("-55 + 5*randn()"));
    vars.put("u", new Init.Expression("0.2*v"));
    NeuronSource src = new NeuronSource(Map.of(), perNeuron, vars, "dv/dt = -v", "euler",
        "v > c", "", List.of());
    NeuronCode code = NeuronCompiler.compile(src);
    NeuronCode.SetUp a = code.setUp(20000, Map.of(), DT, new SetupRandom(3, 9));
    NeuronCode.SetUp b = code.setUp(20000, Map.of(), DT, new SetupRandom(3, 9));
    assertTrue(java.util.Arrays.equals(a.variables()[0], b.variables()[0]));
    double mean = 0;
    double sq = 0;
    for (float v : a.variables()[0]) {
      mean += v;
      sq += v * v;
    }
    mean /= 20000;
    double sd = Math.sqrt(sq / 20000 - mean * mean);
    assertEquals(-55.0, mean, 0.15);
    assertEquals(5.0, sd, 0.1);
    for (int i = 0; i < 100; i++) {
      float r = a.perNeuron()[0][i];
      assertEquals((float) (-65 + 15 * (double) r * r), a.perNeuron()[1][i], 1e-4f);
      assertEquals(0.2 * a.variables()[0][i], a.variables()[1][i], 1e-4);
    }
  }

  private static void assertProblem(String field, int line, int column, String problem,
      NeuronSource src) {
    NeuronException e = assertThrows(NeuronException.class, () -> NeuronCompiler.compile(src));
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(line, e.rule().line(), e.getMessage());
    assertEquals(column, e.rule().column(), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  /** One neuron's update (no threshold), evaluated by the reference evaluator. */
  static float[] step(NeuronCode code, float[] k, float[] vars, int step) {
    float[] temps = new float[code.temps().size()];
    Evaluator.Values values = new Evaluator.Values() {
      @Override
      public float param(int index) {
        throw new IllegalStateException();
      }

      @Override
      public float w() {
        throw new IllegalStateException();
      }

      @Override
      public float own(int trace, int version) {
        throw new IllegalStateException();
      }

      @Override
      public float other(int trace) {
        throw new IllegalStateException();
      }

      @Override
      public float var(int index) {
        return vars[index];
      }

      @Override
      public float temp(int index) {
        return temps[index];
      }

      @Override
      public float konst(int index) {
        return k[index];
      }

      @Override
      public float time() {
        return (float) step * (float) DT;
      }

      @Override
      public boolean refractory() {
        return false;
      }
    };
    for (int t = 0; t < temps.length; t++) {
      RExpr e = code.temps().get(t);
      temps[t] = Evaluator.number(e, values);
    }
    float[] out = vars.clone();
    for (int v = 0; v < vars.length; v++) {
      if (code.next(v) >= 0) {
        out[v] = temps[code.next(v)];
      }
    }
    return out;
  }
}
