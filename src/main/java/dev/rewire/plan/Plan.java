package dev.rewire.plan;

import dev.rewire.model.Model;
import java.util.List;
import java.util.Map;

/**
 * Everything a backend needs to run a model, in flat, backend-neutral form. Made by
 * {@link #compile(Model)}; immutable.
 *
 * @param model the model it was compiled from
 * @param steps number of steps to run (duration / dt, rounded)
 * @param dtMs the time step [ms], as a double for reporting times
 * @param seed Philox key word 0 of every draw
 * @param neuronCount size of the flat neuron index space (all groups, in model order)
 * @param receptors the variables that projections add weights to, with their delay rings
 * @param stepOrder the phases of one step, in order
 * @param layout every array of the network's state (see {@link StateLayout})
 */
public record Plan(
    Model model,
    int steps,
    double dtMs,
    int seed,
    int neuronCount,
    List<GroupPlan> groups,
    Map<String, PopulationPlan> populations,
    List<InputPlan> inputs,
    List<ProjectionPlan> projections,
    List<ReceptorPlan> receptors,
    List<Phase> stepOrder,
    StateLayout layout) {

  /** What --out records, resolved (see {@link RecordingPlan}). */
  public RecordingPlan recording() {
    return RecordingPlan.of(model.recording(), this);
  }

  /** Compiles a model; throws {@link dev.rewire.model.ModelException} if it cannot be stepped. */
  public static Plan compile(Model model) {
    return Planner.compile(model);
  }

  public String name() {
    return model.name();
  }

  public ProjectionPlan projection(String name) {
    for (ProjectionPlan p : projections) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no projection named '" + name + "'");
  }

  /** The projections with a potential set (plastic or rewired), in model order. */
  public List<ProjectionPlan> potentialProjections() {
    return projections.stream().filter(ProjectionPlan::hasPotentialSet).toList();
  }

  /**
   * True if some projection takes its spikes from {@code input}. Backends may skip stepping an input
   * that drives nothing: it cannot change anything observable (seed-ei's P2).
   */
  public boolean drivesAProjection(InputPlan input) {
    return projections.stream().anyMatch(p -> p.sourceInput() == input.index());
  }

  /** The inputs that drive a projection, in model order: the ones that are stepped. */
  public List<InputPlan> steppedInputs() {
    return inputs.stream().filter(this::drivesAProjection).toList();
  }

  /** The group that holds global neuron index {@code neuron}. */
  public GroupPlan groupOf(int neuron) {
    for (GroupPlan g : groups) {
      if (neuron >= g.offset() && neuron < g.end()) {
        return g;
      }
    }
    throw new IllegalArgumentException("no neuron " + neuron + " in a network of "
        + neuronCount);
  }

  /** The receptor a projection's weights go to. */
  public ReceptorPlan receptorOf(ProjectionPlan p) {
    return receptors.get(p.receptor());
  }

  /** The projections with structural plasticity, in model order. */
  public List<ProjectionPlan> structuralProjections() {
    return projections.stream().filter(p -> p.structural() != null).toList();
  }

  /** Simulated time of step n [s]. */
  public double timeSeconds(int step) {
    return step * dtMs / 1000.0;
  }
}
