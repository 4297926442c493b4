package dev.rewire.backend;

/**
 * A snapshot of the active synapses of one projection, sorted by (source, target). Indices are local
 * to the source and target populations.
 */
public record ActiveSynapses(String projection, int[] source, int[] target, float[] weight) {
  public int size() {
    return source.length;
  }
}
