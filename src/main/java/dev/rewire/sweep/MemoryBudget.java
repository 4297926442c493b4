package dev.rewire.sweep;

/**
 * Admission by memory: a run starts only when its estimated heap fits beside the runs already
 * running, within what the JVM may use beyond what was in use when the sweep started. A run that
 * would not fit even alone starts when nothing else runs (its backend then refuses it with the
 * estimate and the limit, and the run is recorded as failed).
 */
final class MemoryBudget {
  private final long capacity;
  private long reserved;
  private int running;

  MemoryBudget(long capacity) {
    this.capacity = capacity;
  }

  /** What this JVM may still use: its maximum heap less what is in use now, less a margin. */
  static MemoryBudget ofThisJvm() {
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    return new MemoryBudget(Math.max(0, rt.maxMemory() - used - (64L << 20)));
  }

  synchronized void acquire(long bytes) throws InterruptedException {
    while (running > 0 && reserved + bytes > capacity) {
      wait();
    }
    reserved += bytes;
    running++;
  }

  synchronized void release(long bytes) {
    reserved -= bytes;
    running--;
    notifyAll();
  }

  synchronized long reserved() {
    return reserved;
  }
}
