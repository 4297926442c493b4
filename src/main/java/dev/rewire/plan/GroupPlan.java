package dev.rewire.plan;

/**
 * A neuron group as the step sees it: its place in the flat neuron index space and its constants in
 * float, derived once.
 *
 * @param offset first global neuron index
 * @param dtOverC dt / C [ms/pF]
 * @param decayAmpa 1 - dt/tau_ampa, the forward-Euler decay factor of g_ampa per step
 * @param decayGaba 1 - dt/tau_gaba
 * @param refractorySteps v is frozen while (step - lastspike) < refractorySteps
 */
public record GroupPlan(
    String name, int offset, int size,
    float gl, float el, float eAmpa, float eGaba, float vt, float dtOverC,
    float decayAmpa, float decayGaba, int refractorySteps) {

  public int end() {
    return offset + size;
  }
}
