package dev.rewire.backend.java;

import dev.rewire.backend.SimulationListener;
import dev.rewire.plan.Phase;
import java.util.function.IntSupplier;

/**
 * A phase shared by a {@link Team}: member m runs {@code parts[m]}, all at once; then the caller
 * runs {@code after} (or nothing), which joins the members' outputs. A round of the team costs a
 * few microseconds, so a step in which the phase has no work skips it, and one with little work
 * ({@code work} below {@link #SOLO_BELOW}) runs {@code solo}, the whole phase on the caller, when
 * there is one; any division of the work gives the same result.
 */
final class Together implements StepPhase {
  /** What the caller does once every member is done with a step. */
  interface After {
    void run(int step);
  }

  private final Team team;
  private final StepPhase[] parts;
  /**
   * Work below which a phase runs on the caller alone, in spikes to deliver: on the 2-core
   * development machine a round costs about as much as delivering 8 spikes of COBA (80 synapses
   * each) on one thread (docs/design.md, section 4).
   */
  static final int SOLO_BELOW = 16;

  private final After after;
  private final StepPhase solo;
  private final IntSupplier work;
  private final Team.Task task;
  /** The step being run, for the members (published by {@link Team#run}). */
  private int step;

  Together(Team team, StepPhase[] parts, After after) {
    this(team, parts, after, null, () -> Integer.MAX_VALUE);
  }

  /**
   * {@code work}: the phase's work in the current step (0: none); {@code solo}: the whole phase for
   * the caller alone (or null).
   */
  Together(Team team, StepPhase[] parts, After after, StepPhase solo, IntSupplier work) {
    if (parts.length != team.size()) {
      throw new IllegalArgumentException(parts.length + " parts for a team of " + team.size());
    }
    this.team = team;
    this.parts = parts;
    this.after = after;
    this.solo = solo;
    this.work = work;
    // Members hear of nothing: the phases that tell the listener run on the caller alone.
    this.task = m -> parts[m].run(step, SimulationListener.NONE);
  }

  @Override
  public Phase phase() {
    return parts[0].phase();
  }

  @Override
  public void run(int step, SimulationListener listener) {
    int w = work.getAsInt();
    if (w <= 0) {
      return;
    }
    if (solo != null && w < SOLO_BELOW) {
      solo.run(step, listener);
    } else {
      this.step = step;
      team.run(task);
    }
    if (after != null) {
      after.run(step);
    }
  }
}
