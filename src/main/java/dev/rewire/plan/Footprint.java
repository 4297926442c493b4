package dev.rewire.plan;

/**
 * How much a plan holds, for estimating memory before anything is allocated: neurons, Poisson
 * sources, potential slots (projections with a potential set; for one that stores its active
 * synapses only, a bound on their number) and a bound on the number of static synapses (p × pairs
 * plus six standard deviations).
 *
 * @param largestPotentialSet slots of the largest potential set (its arrays are the largest
 *     buffers)
 */
public record Footprint(long neurons, long sources, long potentialSlots, long largestPotentialSet,
    long staticSynapses, long traceTableEntries) {

  public static Footprint of(Plan plan) {
    long slots = 0;
    long largest = 0;
    long fixed = 0;
    long tables = 0;
    for (ProjectionPlan p : plan.projections()) {
      long pairs = p.pairCount();
      if (p.activeOnly()) {
        pairs = upperBound(pairs * p.p(), p.p()); // its synapses, not its pairs
      }
      if (p.hasPotentialSet()) {
        slots += pairs;
        largest = Math.max(largest, pairs);
        if (p.plasticity() != null) {
          for (float[] t : p.plasticity().preDecay()) {
            tables += t.length;
          }
          for (float[] t : p.plasticity().postDecay()) {
            tables += t.length;
          }
        }
      } else {
        fixed += upperBound(pairs * p.p(), p.p());
      }
    }
    long sources = plan.inputs().stream().mapToLong(InputPlan::size).sum();
    return new Footprint(plan.neuronCount(), sources, slots, largest, fixed, tables);
  }

  /**
   * A binomial count of this mean (success probability p) plus six standard deviations: an upper
   * bound in practice.
   */
  private static long upperBound(double mean, double p) {
    return (long) Math.ceil(mean + 6 * Math.sqrt(mean * (1 - p)) + 1);
  }

  /** A size in bytes for messages: "3.2 GiB". */
  public static String bytes(long b) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = b;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(java.util.Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
  }
}
