package dev.rewire.backend.java;

import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one simulation: the caller and {@code size - 1} workers, which run the parallel
 * phases of every step together ({@link #run}). A phase lasts microseconds, less than waking a
 * parked thread takes, so a thread that waits first spins for {@value #SPIN_NANOS} ns; only then
 * does it park, to be woken by whoever it waits for. Spinning alone is not enough: with more
 * threads than free cores (a sweep's jobs beside a threaded run, a busy machine), spinning threads
 * take the cores from the ones they wait for.
 */
final class Team implements AutoCloseable {
  /** Work for every member of the team; member 0 is the caller. */
  interface Task {
    void run(int member);
  }

  private static final long SPIN_NANOS = 50_000;

  private final int size;
  private final Worker[] workers;
  private volatile Task task;
  /** Bumped to start a round; a worker runs the task once for each value. */
  private volatile long round;
  private volatile boolean closed;
  /** The caller, while it is parked waiting for the workers (else null). */
  private volatile Thread waitingCaller;

  Team(int size, String name) {
    if (size < 1) {
      throw new IllegalArgumentException("a team has at least one member, got " + size);
    }
    this.size = size;
    this.workers = new Worker[size - 1];
    for (int m = 1; m < size; m++) {
      Worker w = new Worker(m);
      w.thread = new Thread(w, name + "-" + m);
      w.thread.setDaemon(true); // a simulation that is never closed must not keep the JVM alive
      workers[m - 1] = w;
      w.thread.start();
    }
  }

  int size() {
    return size;
  }

  /**
   * Where member m's share of {@code size} elements (neurons, sources, targets) begins; m =
   * members: the end. Equal shares, each starting on a multiple of 16, so that each thread's
   * vector loop starts aligned and no two threads write to one cache line of an array.
   */
  static int share(int size, int m, int members) {
    if (m >= members) {
      return size;
    }
    return Math.min(size, (int) ((long) size * m / members) & ~15);
  }

  /**
   * Runs {@code t} on every member at once, the caller as member 0, and returns when all are done;
   * what each wrote is then visible to the caller. An error in any member is thrown here.
   */
  void run(Task t) {
    if (size == 1) {
      t.run(0);
      return;
    }
    task = t;
    long r = round + 1;
    round = r; // volatile: publishes the task and everything the caller wrote before
    for (Worker w : workers) {
      if (w.parked) {
        LockSupport.unpark(w.thread);
      }
    }
    Throwable failure = null;
    try {
      t.run(0);
    } catch (Throwable e) {
      failure = e;
    }
    for (Worker w : workers) {
      awaitDone(w, r);
      if (w.failure != null && failure == null) {
        failure = w.failure;
      }
      w.failure = null;
    }
    task = null;
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /** A wait's spinning: pauses, and says when it has spun long enough to park instead. */
  private static final class Spin {
    private int spins;
    private long start;

    /** Pauses once; true (without pausing) once the wait has spun SPIN_NANOS. */
    boolean tooLong() {
      if ((++spins & 63) != 0) {
        Thread.onSpinWait();
        return false;
      }
      long now = System.nanoTime(); // every 64 pauses: a clock read costs more than a pause
      if (start == 0) {
        start = now;
      }
      return now - start > SPIN_NANOS;
    }
  }

  private void awaitDone(Worker w, long r) {
    Spin spin = new Spin();
    while (w.done != r) {
      if (spin.tooLong()) {
        waitingCaller = Thread.currentThread();
        if (w.done != r) { // re-read after announcing: the worker unparks us if it finished since
          LockSupport.park(this);
        }
        waitingCaller = null;
      }
    }
  }

  /** Stops the workers; the team runs nothing afterwards. */
  @Override
  public void close() {
    closed = true;
    for (Worker w : workers) {
      LockSupport.unpark(w.thread);
    }
  }

  private final class Worker implements Runnable {
    private final int member;
    Thread thread;
    /** The last round this worker finished. */
    volatile long done;
    /** Whether it is parked (or about to be) waiting for a round. */
    volatile boolean parked;
    Throwable failure;
    // Padding: keeps `done` of two workers off one cache line, which both would write every round.
    @SuppressWarnings("unused")
    long p1, p2, p3, p4, p5, p6, p7;

    Worker(int member) {
      this.member = member;
    }

    @Override
    public void run() {
      long seen = 0;
      while (true) {
        long r = awaitRound(seen);
        if (r < 0) {
          return;
        }
        try {
          task.run(member);
        } catch (Throwable e) {
          failure = e;
        }
        seen = r;
        done = r; // volatile: publishes what this member wrote
        Thread caller = waitingCaller;
        if (caller != null) {
          LockSupport.unpark(caller);
        }
      }
    }

    /** The next round after {@code seen}; -1 once the team is closed. */
    private long awaitRound(long seen) {
      Spin spin = new Spin();
      while (true) {
        long r = round;
        if (r != seen) {
          return r;
        }
        if (closed) {
          return -1;
        }
        if (spin.tooLong()) {
          parked = true;
          if (round == seen && !closed) { // re-read after announcing: run() unparks us if not
            LockSupport.park(this);
          }
          parked = false;
        }
      }
    }
  }
}
