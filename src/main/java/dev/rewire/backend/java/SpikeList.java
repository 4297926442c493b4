package dev.rewire.backend.java;

/**
 * The indices that spiked in the current step; reused every step. The network's spikes are in
 * ascending order; a Poisson input's are in the order of its timing wheel (see PoissonInput).
 */
final class SpikeList {
  final int[] index;
  int count;

  SpikeList(int capacity) {
    index = new int[capacity];
  }

  void clear() {
    count = 0;
  }

  void add(int i) {
    index[count++] = i;
  }
}
