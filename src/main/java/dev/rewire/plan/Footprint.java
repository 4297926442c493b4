package dev.rewire.plan;

/**
 * How much a plan holds, for estimating memory before anything is allocated: neurons, Poisson
 * sources, potential slots (projections with a potential set) and the expected number of static
 * synapses (p × pairs; the drawn number is within a few standard deviations of it).
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
      long pairs = (long) p.sourceSize() * p.targetSize();
      if (p.excludeSameIndex()) {
        pairs -= Math.min(p.sourceSize(), p.targetSize());
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
        // expected count plus six standard deviations, so the estimate is an upper bound in practice
        double mean = pairs * p.p();
        fixed += (long) Math.ceil(mean + 6 * Math.sqrt(mean * (1 - p.p())) + 1);
      }
    }
    long sources = plan.inputs().stream().mapToLong(InputPlan::size).sum();
    return new Footprint(plan.neuronCount(), sources, slots, largest, fixed, tables);
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
