package dev.rewire.backend.java;

import java.util.Arrays;

/**
 * A group's refractory neurons and the values their clamped variables are held at (for
 * {@link NeuronUpdate}). Every neuron is refractory for the same number of steps, so they leave in
 * the order they spiked: the neurons are a queue (a ring), and while one is in it, its last spike
 * is when it entered.
 *
 * <p>The ring is stored twice over (an entry at position p < size also at p + size), so that the
 * queue is always the contiguous positions [head, head + count): the loops over it are plain loops,
 * without a wrap per neuron. (As two loops, before and after the wrap, the second, long unused,
 * made C2 throw away the compiled update when it was first used, and compile a slower one.)
 *
 * <p>The update changes clamped variables of refractory neurons too; {@link #restore} puts them
 * back afterwards. The value a variable is held at is its value after the reset, noted when the
 * neuron enters, or a constant when the reset sets it to one; a variable that gets synaptic input
 * (added while it is held) is noted again before each update ({@link #save}).
 */
final class RefractoryQueue {
  /** The neurons, twice over: position p and p + size hold the same. */
  private final int[] queue;
  /** The neurons it may hold, [from, from + size): a group, or one thread's share of it. */
  private final int from;
  private final int to;
  /** The ring's length: room for every neuron it may hold (at least 1). */
  private final int size;
  private int head;
  private int count;
  private final int steps;
  private final int[] last;
  /** The clamped variables' arrays. */
  private final float[][] variables;
  /** Per clamped variable, the value of each queued neuron, by its position (twice over). */
  private final float[][] kept;
  /** Per clamped variable: whether it gets input (then it is saved before each update). */
  private final boolean[] saved;
  private final boolean saves;
  /** Per clamped variable: whether it is held at {@code constant} (the reset sets it to one). */
  private final boolean[] fixed;
  private final float[] constant;

  /**
   * Over neurons [from, to) of a group; {@code steps}: the refractory period;
   * {@code variables}: at least one; {@code constant[c]}: the value variable c is held at, or null
   * when it is the neuron's own.
   */
  RefractoryQueue(int from, int to, int steps, int[] last, float[][] variables, boolean[] saved,
      Float[] constant) {
    this.from = from;
    this.to = to;
    this.size = Math.max(1, to - from);
    this.queue = new int[2 * size];
    this.steps = steps;
    this.last = last;
    this.variables = variables;
    this.saved = saved;
    this.kept = new float[variables.length][2 * size];
    this.fixed = new boolean[variables.length];
    this.constant = new float[variables.length];
    boolean any = false;
    for (int c = 0; c < variables.length; c++) {
      any |= saved[c];
      fixed[c] = constant[c] != null && !saved[c];
      this.constant[c] = fixed[c] ? constant[c] : 0.0f;
    }
    this.saves = any;
  }

  /** Lists the neurons refractory at {@code step}, from their last spikes (a start or restore). */
  void rebuild(int step) {
    head = 0;
    count = 0;
    long[] bySpike = new long[size];
    int n = 0;
    for (int i = from; i < to; i++) {
      if (step - last[i] < steps) {
        bySpike[n++] = ((long) last[i] << 32) | i;
      }
    }
    Arrays.sort(bySpike, 0, n); // spike order, as the queue holds them
    for (int q = 0; q < n; q++) {
      add((int) bySpike[q]); // held at what it is now
    }
  }

  /** Neuron i spiked and was reset: it enters, held at its values now. */
  void add(int i) {
    int at = wrap(head + count, size);
    queue[at] = i;
    queue[at + size] = i;
    count++;
    for (int c = 0; c < variables.length; c++) {
      kept[c][at] = variables[c][i];
      kept[c][at + size] = variables[c][i];
    }
  }

  /** Forgets the neurons whose refractory period is over at {@code step}. */
  void release(int step) {
    final int free = step - steps; // spiked at or before this: released
    int h = head;
    int n = count;
    while (n > 0 && last[queue[h]] <= free) {
      h = wrap(h + 1, size);
      n--;
    }
    head = h;
    count = n;
  }

  /** Before the update: notes the values of the clamped variables that got input. */
  void save() {
    if (!saves) {
      return;
    }
    for (int c = 0; c < variables.length; c++) {
      if (saved[c]) {
        final float[] x = variables[c];
        final float[] k = kept[c];
        for (int p = head, end = head + count; p < end; p++) {
          final int at = wrap(p, size);
          final float value = x[queue[p]];
          k[at] = value;
          k[at + size] = value;
        }
      }
    }
  }

  /**
   * After the update: puts the clamped variables of the queued neurons back. The first (usually
   * the only one) outside the loop over the others: as the loop's first turn, the first time the
   * queue was empty made C2 throw away the compiled update.
   */
  void restore() {
    restore(0);
    for (int c = 1; c < variables.length; c++) {
      restore(c);
    }
  }

  private void restore(int c) {
    if (fixed[c]) {
      fill(variables[c], queue, head, head + count, constant[c]);
    } else {
      copy(variables[c], kept[c], queue, head, head + count);
    }
  }

  /** x[q[p]] = value for p in [from, end). */
  private static void fill(float[] x, int[] q, int from, int end, float value) {
    for (int p = from; p < end; p++) {
      x[q[p]] = value;
    }
  }

  /** x[q[p]] = k[p] for p in [from, end). */
  private static void copy(float[] x, float[] k, int[] q, int from, int end) {
    for (int p = from; p < end; p++) {
      x[q[p]] = k[p];
    }
  }

  /**
   * p mod length for 0 <= p < 2 length, without a branch: the wrap is rare, and a rare branch
   * compiled before it is first taken costs a deoptimisation when it is.
   */
  private static int wrap(int p, int length) {
    return p - (length & ((length - 1 - p) >> 31));
  }
}
