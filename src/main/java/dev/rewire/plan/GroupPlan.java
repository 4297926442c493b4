package dev.rewire.plan;

import dev.rewire.model.ModelException;
import dev.rewire.neuron.NeuronCode;
import dev.rewire.neuron.SetupRandom;
import java.util.List;
import java.util.Map;

/**
 * A neuron group as the step sees it: its place in the flat neuron index space, its model compiled
 * ({@link NeuronCode}) and that model's constants for this network, in float, derived once.
 *
 * @param index position among the plan's groups
 * @param offset first global neuron index
 * @param code the model's step, the same for every network of the model's shape
 * @param constants the code's constants for this network's params and dt
 * @param params the model's scalar params (for the set-up expressions)
 * @param refractorySteps the neuron cannot spike while (step - lastspike) < refractorySteps
 * @param low per variable, the numerical guard's lower bound (-infinity when none)
 * @param high per variable, the upper bound (infinity when none)
 * @param units per variable, its unit ("" when the model gives none)
 * @param setupKey Philox key word 1 of the set-up draws (rand(), randn())
 * @param noiseKey Philox key word 1 of the noise draws (xi)
 */
public record GroupPlan(
    String name, int index, int offset, int size, NeuronCode code, float[] constants,
    Map<String, Double> params, double dtMs, int refractorySteps, float[] low, float[] high,
    String[] units, int setupKey, int noiseKey) {

  public int end() {
    return offset + size;
  }

  public List<String> variables() {
    return code.variables();
  }

  /** The layout name of this group's array {@code what} (a variable, a per-neuron param, ...). */
  public String array(String what) {
    return "neurons." + name + "." + what;
  }

  /**
   * The per-neuron params and initial variables of this group's neurons for {@code seed}; a value
   * that is not a finite float is bad input ({@link ModelException}).
   */
  public NeuronCode.SetUp setUp(int seed) {
    try {
      return code.setUp(size, params, dtMs, new SetupRandom(seed, setupKey));
    } catch (IllegalArgumentException e) {
      throw new ModelException("neurons." + name + ".model." + e.getMessage());
    }
  }
}
