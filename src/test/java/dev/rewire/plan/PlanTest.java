package dev.rewire.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rewire.model.ModelException;
import dev.rewire.testing.TestModels;
import org.junit.jupiter.api.Test;

class PlanTest {
  private final Plan plan = Plan.compile(TestModels.seedEi(5000, 1));

  @Test
  void compile_derivesStepsAndIntegerPeriods() {
    assertEquals(50_000, plan.steps());
    assertEquals(500, plan.neuronCount());
    assertEquals(50, plan.groups().get(0).refractorySteps());
    assertEquals(500, plan.projection("ee").structural().periodSteps());
    assertEquals(400, plan.populations().get("I").start());
  }

  @Test
  void compile_lifCondsConstants_areTheSeedsDerivedValues() {
    // lif_cond's constants, in the order its code first reads them (neuron.NeuronCompilerTest
    // pins the code itself): dt / C, -gl, el, e_ampa, e_gaba, 1 - dt/tau_ampa, 1 - dt/tau_gaba.
    GroupPlan g = plan.groups().get(0);
    float[] k = g.constants();
    assertEquals((float) (0.1 / 200.0), k[0]);
    assertEquals(0.98f, k[5]);
    assertEquals(0.99f, k[6]);
    assertEquals(java.util.List.of("v", "g_ampa", "g_gaba"), g.variables());
  }

  @Test
  void compile_traceTablesAreExpOfMinusKDtOverTau() {
    RulePlan ee = plan.projection("ee").plasticity();
    assertEquals(java.util.List.of("pre_plus", "pre_minus"), ee.preTraces());
    float[] plus = ee.preDecay()[0];
    assertEquals(1.0f, plus[0]);
    assertEquals((float) Math.exp(-0.1 / 5.0), plus[1]);
    assertEquals((float) Math.exp(-100 * 0.1 / 20.0), ee.postDecay()[1][100]);
    assertTrue(plus[plus.length - 1] > 0f);
    assertEquals(0.0f, Decay.apply(1.0f, plus.length, plus));
  }

  @Test
  void compile_poissonProbabilityIsRateTimesDt() {
    InputPlan p = plan.inputs().get(0);
    assertEquals(0.003f, p.spikeProbability());
    assertEquals((float) (1.0 / Math.log(1 - 0.003)), p.invLogQ(), 1e-6f);
  }

  @Test
  void compile_potentialRowsExcludeTheSameIndex() {
    ProjectionPlan ie = plan.projection("ie");
    assertEquals(399, ie.potentialRowLength(0));
    assertEquals(1, ie.potentialTarget(0, 0));
    assertEquals(0, ie.potentialTarget(5, 0));
    assertEquals(6, ie.potentialTarget(5, 5));
    assertEquals(399, ie.potentialTarget(99, 398));
  }

  @Test
  void compile_periodNotAWholeNumberOfSteps_isRejected() {
    ModelException e = assertThrows(ModelException.class, () -> Plan.compile(
        TestModels.seedEi(5000, 1, "projections.ee.structural.period_ms=50.05")));
    assertTrue(e.getMessage().contains("period_ms = 50.05 ms must be a whole number of steps"),
        e.getMessage());
  }

  @Test
  void compile_dtNotBelowTau_isRejected() {
    ModelException e = assertThrows(ModelException.class, () -> Plan.compile(
        TestModels.seedEi(5000, 1, "neurons.net.tau_ampa_ms=0.1")));
    assertTrue(e.getMessage().contains("neurons.net.model.equations: euler decays g_ampa by the "
        + "factor (1 - (dt / tau_ampa)) = 0 per step; it must be > 0"),
        e.getMessage());
  }

  @Test
  void phases_haveOneKernelNameEach() {
    assertEquals("neuron_update", Phase.NEURON_UPDATE.kernelName());
    assertEquals(Phase.STRUCTURAL_PLASTICITY, Phase.STEP_ORDER.get(0));
  }
}
