package dev.rewire.backend.java;

/**
 * Slots whose weight was set below a projection's pruning threshold, listed as it happens by one
 * thread (see {@link PotentialSynapses#takePruned}): the plasticity code appends without a branch,
 * so a slot may be listed more than once, and a full list does not grow: the count stops at
 * {@link #capacity} and further entries overwrite one spare slot, after which entries may be lost.
 */
final class LowList {
  /** Listed slots in [0, count); one spare slot at index capacity. */
  int[] slot;
  int count;
  int capacity;

  LowList(int capacity) {
    resize(capacity);
  }

  void add(int s) {
    slot[count] = s;
    count = Math.min(count + 1, capacity);
  }

  /** Whether entries may have been lost since the list was last emptied. */
  boolean full() {
    return count >= capacity;
  }

  /** Empties the list and gives it room for {@code capacity} entries. */
  void resize(int capacity) {
    this.capacity = capacity;
    this.slot = new int[capacity + 1];
    this.count = 0;
  }
}
