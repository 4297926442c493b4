package dev.rewire.backend.java;

/** The indices that spiked in the current step, in ascending order; reused every step. */
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
