package dev.rewire.run;

import dev.rewire.model.Model;
import dev.rewire.model.ModelException;
import dev.rewire.model.ModelFile;
import dev.rewire.plan.Plan;
import java.util.List;

/**
 * One run as a user asks for it: the text of a model file (and where it came from, for messages),
 * the {@code --set} overrides in order, the seed and the simulated duration. The same spec gives
 * the same results, bit for bit, on every backend, and has the same {@link #id()}.
 *
 * @param origin where the text came from ("bundled:seed-ei", a path), for messages only
 * @param durationMs simulated time [ms]
 */
public record RunSpec(String modelText, String origin, List<String> overrides, long seed,
    double durationMs) {

  public RunSpec {
    overrides = List.copyOf(overrides);
  }

  /**
   * A spec whose seed and duration default to the model's own (null: take the model's). Reads the
   * model once, so bad input is reported here. A model that names other files (extends, neuron
   * model files) is kept with them in place ({@link ModelFile#selfContained}).
   */
  public static RunSpec of(String modelText, String origin, List<String> overrides, Long seed,
      Double durationMs) {
    Model m = ModelFile.parse(modelText, origin, with(overrides, seed, durationMs));
    RunSpec spec = new RunSpec(ModelFile.selfContained(modelText, origin), origin, overrides,
        m.simulation().seed(), m.simulation().durationMs());
    PARSED.put(spec, m);
    return spec;
  }

  /**
   * Models read, by spec: a run reads its model several times (its plan, its id, its checkpoints),
   * and reading one costs milliseconds; a Model is immutable. Weak keys: a spec no longer used
   * takes its model with it.
   */
  private static final java.util.Map<RunSpec, Model> PARSED =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /**
   * The model this spec runs: the text with the overrides, the seed and the duration, all applied
   * before the model is validated (so a model's own duration never matters when it is replaced).
   */
  public Model model() {
    Model m = PARSED.get(this);
    if (m == null) {
      m = ModelFile.parse(modelText, origin, with(overrides, seed, durationMs));
      PARSED.put(this, m);
    }
    return m;
  }

  /** The compiled model; a problem found in compiling names where the model came from. */
  public Plan plan() {
    try {
      return Plan.compile(model());
    } catch (ModelException e) {
      throw new ModelException(origin + ": " + e.getMessage(), e);
    }
  }

  /** The time step of a model with these overrides (its own duration not validated). */
  public static double dtMs(String modelText, String origin, List<String> overrides) {
    return ModelFile.parse(modelText, origin, with(overrides, null, 0.0)).simulation().dtMs();
  }

  private static List<String> with(List<String> overrides, Long seed, Double durationMs) {
    List<String> all = new java.util.ArrayList<>(overrides);
    if (seed != null) {
      all.add("simulation.seed=" + seed);
    }
    if (durationMs != null) {
      all.add("simulation.duration_ms=" + durationMs);
    }
    return all;
  }

  public RunSpec withSeed(long newSeed) {
    return new RunSpec(modelText, origin, overrides, newSeed, durationMs);
  }

  public RunSpec withDurationMs(double newDurationMs) {
    return new RunSpec(modelText, origin, overrides, seed, newDurationMs);
  }

  /**
   * 16 hex digits of the model's {@link Model#contentHash() content hash}: the model as read, with
   * the overrides, the seed and the duration applied and every default filled in. Comments,
   * formatting, the order of keys and whether a default is spelt out do not change it; the same run
   * from two places, or given as a file and as overrides of another, has the same id.
   */
  public String id() {
    return model().contentHash().substring(0, 16);
  }
}
