package dev.rewire.plan;

/**
 * A variable of a group's model that projections add weights to (g_ampa, i_e): its pending input,
 * summed in fixed point ({@link FixedPoint}), in a ring of {@code slots} steps so that a projection
 * with a delay of d steps adds to the slot of step n + d (slot (n + d) mod slots) and the neuron
 * update of step n + 1 takes the slot of step n.
 *
 * @param index position among the plan's receptors
 * @param group the group's index
 * @param variable the variable's index in the group's model
 * @param slots the largest delay of a projection into it, plus one
 * @param signed whether some weight into it may be negative (the sum may return to 0)
 */
public record ReceptorPlan(int index, int group, int variable, String name, int size, int slots,
    boolean signed) {

  /** The slot that a spike of step {@code step} with a delay of {@code delay} steps adds to. */
  public int slotOf(int step, int delay) {
    return (int) (((long) step + delay) % slots);
  }
}
