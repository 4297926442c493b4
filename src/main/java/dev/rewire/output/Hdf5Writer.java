package dev.rewire.output;

import dev.rewire.backend.ActiveSynapses;
import dev.rewire.backend.Rewiring;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Plan;
import dev.rewire.plan.PopulationPlan;
import dev.rewire.plan.RecordingPlan;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's results as HDF5 with jhdf (pure Java): spikes per population, rates, the
 * structural series, the structural-event log, weight snapshots, and as attributes of the root the
 * model file and the command line, so that the file says how it was made. Written atomically
 * ({@link AtomicFile}). The layout is in the README.
 */
public final class Hdf5Writer {
  private Hdf5Writer() {}

  public static void write(Path file, Plan plan, Summary summary, RunRecord record,
      String modelToml, String commandLine) throws IOException {
    AtomicFile.write(file, tmp -> {
      try (WritableHdfFile h5 = HdfFile.write(tmp)) {
        h5.putAttribute("rewire_format", "rewire results 1");
        h5.putAttribute("model_name", plan.name());
        h5.putAttribute("model_toml", modelToml);
        h5.putAttribute("command_line", commandLine);
        h5.putAttribute("rewire_version", summary.rewireVersion());
        h5.putAttribute("model_hash", summary.modelHash());
        h5.putAttribute("overrides", String.join("\n", summary.overrides()));
        h5.putAttribute("seed", summary.seed());
        h5.putAttribute("backend", summary.backend());
        h5.putAttribute("device", summary.device());
        h5.putAttribute("dt_ms", plan.dtMs());
        h5.putAttribute("duration_s", summary.durationS());
        h5.putAttribute("complete", summary.complete() ? 1 : 0);
        h5.putAttribute("wall_setup_s", summary.wallS().setup());
        h5.putAttribute("wall_run_s", summary.wallS().run());
        h5.putAttribute("steps", summary.steps());
        RecordingPlan rec = plan.recording();
        spikesAndRates(h5, plan, rec, record, summary.steps());
        structural(h5, plan, rec, summary, record);
        weights(h5, record.snapshots());
        state(h5, plan, rec, record);
        summary.profile().forEach((name, e) -> h5.putAttribute("profile_" + name + "_seconds",
            e.seconds()));
      }
    });
  }

  private static void spikesAndRates(WritableHdfFile h5, Plan plan, RecordingPlan rec,
      RunRecord record, int steps) {
    Lazy spikes = new Lazy(h5, "spikes");
    Lazy rates = new Lazy(h5, "rates");
    final double binMs = rec.rateBinMs();
    int bins = (int) Math.ceil(steps * plan.dtMs() / binMs - 1e-9);
    for (String name : rec.spikePopulations()) {
      PopulationPlan p = plan.populations().get(name);
      int n = 0;
      for (int k = 0; k < record.spikeCount(); k++) {
        int g = record.neuron(k);
        if (g >= p.start() && g < p.start() + p.size()) {
          n++;
        }
      }
      double[] time = new double[n];
      int[] neuron = new int[n];
      double[] counts = new double[Math.max(bins, 0)];
      int at = 0;
      for (int k = 0; k < record.spikeCount(); k++) {
        int g = record.neuron(k);
        if (g >= p.start() && g < p.start() + p.size()) {
          time[at] = plan.timeSeconds(record.step(k));
          neuron[at++] = g - p.start();
          int bin = (int) Math.floor((record.step(k) + 0.5) * plan.dtMs() / binMs);
          if (bin < counts.length) {
            counts[bin]++;
          }
        }
      }
      if (n > 0) { // no group for a silent population (see events)
        WritableGroup pop = spikes.get().putGroup(p.name());
        unit(put(pop, "time_s", time), "s");
        meaning(put(pop, "neuron", neuron), "index inside the population");
      }
      for (int b = 0; b < counts.length; b++) {
        counts[b] /= p.size() * binMs / 1000.0;
      }
      WritableDataset r = counts.length == 0 ? null
          : unit(rates.get().putDataset(p.name(), counts), "Hz");
      if (r != null) {
        r.putAttribute("bin_ms", binMs);
      }
    }
  }

  private static void structural(WritableHdfFile h5, Plan plan, RecordingPlan rec,
      Summary summary, RunRecord record) {
    Lazy series = new Lazy(h5, "structural");
    summary.structural().forEach((name, s) -> {
      if (s.tS().isEmpty()) {
        return;
      }
      WritableGroup g = series.get().putGroup(name);
      unit(put(g, "time_s", s.tS().stream().mapToDouble(Double::doubleValue).toArray()),
          "s");
      put(g, "pruned", s.pruned().stream().mapToInt(Integer::intValue).toArray());
      put(g, "regrown", s.regrown().stream().mapToInt(Integer::intValue).toArray());
      put(g, "active", s.active().stream().mapToInt(Integer::intValue).toArray());
    });
    if (!rec.structuralEvents() || summary.structural().isEmpty()) {
      return;
    }
    Lazy events = new Lazy(h5, "events");
    for (String name : summary.structural().keySet()) {
      List<Rewiring> log = new ArrayList<>();
      for (Rewiring r : record.rewirings()) {
        if (r.projection().equals(name)) {
          log.add(r);
        }
      }
      int n = log.stream().mapToInt(r -> r.prunedSource().length + r.regrownSource().length).sum();
      double[] time = new double[n];
      int[] kind = new int[n];
      int[] source = new int[n];
      int[] target = new int[n];
      float[] weight = new float[n];
      int at = 0;
      for (Rewiring r : log) {
        for (int q = 0; q < r.prunedSource().length; q++, at++) {
          time[at] = plan.timeSeconds(r.step());
          source[at] = r.prunedSource()[q];
          target[at] = r.prunedTarget()[q];
          weight[at] = r.prunedWeight()[q];
        }
        for (int q = 0; q < r.regrownSource().length; q++, at++) {
          time[at] = plan.timeSeconds(r.step());
          kind[at] = 1;
          source[at] = r.regrownSource()[q];
          target[at] = r.regrownTarget()[q];
          weight[at] = r.regrownWeight()[q];
        }
      }
      if (n == 0) {
        continue; // jhdf 0.9 writes empty groups that h5py cannot open: nothing to hold, no group
      }
      WritableGroup g = events.get().putGroup(name);
      unit(put(g, "time_s", time), "s");
      meaning(put(g, "kind", kind), "0 = pruned, 1 = regrown");
      put(g, "source", source);
      put(g, "target", target);
      unit(put(g, "weight", weight), "nS");
      g.putAttribute("meaning", "weight: before pruning, or given on regrowth");
    }
  }

  private static void weights(WritableHdfFile h5,
      Map<String, List<RunRecord.Snapshot>> snapshots) {
    Lazy weights = new Lazy(h5, "weights");
    snapshots.forEach((name, list) -> {
      int n = list.stream().mapToInt(s -> s.synapses().size()).sum();
      long[] start = new long[list.size() + 1];
      int[] source = new int[n];
      int[] target = new int[n];
      float[] weight = new float[n];
      int at = 0;
      for (int q = 0; q < list.size(); q++) {
        ActiveSynapses a = list.get(q).synapses();
        start[q] = at;
        System.arraycopy(a.source(), 0, source, at, a.size());
        System.arraycopy(a.target(), 0, target, at, a.size());
        System.arraycopy(a.weight(), 0, weight, at, a.size());
        at += a.size();
      }
      start[list.size()] = at;
      if (n == 0) {
        return;
      }
      WritableGroup g = weights.get().putGroup(name);
      meaning(put(g, "snapshot_start", start),
          "snapshot k is rows snapshot_start[k] .. snapshot_start[k + 1]");
      put(g, "source", source);
      put(g, "target", target);
      unit(put(g, "weight", weight), "nS");
      unit(put(g, "snapshot_time_s", list.stream().mapToDouble(RunRecord.Snapshot::timeS)
          .toArray()), "s");
    });
  }

  private static void state(WritableHdfFile h5, Plan plan, RecordingPlan rec,
      RunRecord record) {
    int samples = record.stateSteps().size();
    if (rec.stateNeurons().length == 0 || samples == 0) {
      return;
    }
    WritableGroup g = h5.putGroup("state");
    // A sample is the state after its step's update: its time is the end of that step.
    double[] time = record.stateSteps().stream().mapToDouble(s -> plan.timeSeconds(s + 1))
        .toArray();
    unit(put(g, "time_s", time), "s");
    meaning(put(g, "neuron", rec.stateNeurons()), "global neuron index of each column");
    GroupPlan first = plan.groupOf(rec.stateNeurons()[0]);
    for (int var = 0; var < rec.stateVariables().size(); var++) {
      String name = rec.stateVariables().get(var);
      float[][] m = new float[samples][];
      for (int s = 0; s < samples; s++) {
        m[s] = record.stateValues().get(s)[var];
      }
      WritableDataset d = g.putDataset(name, m);
      String unit = first.units()[first.variables().indexOf(name)];
      if (!unit.isEmpty()) {
        unit(d, unit);
      }
    }
    g.putAttribute("meaning", "end of each sampled step: after the update, threshold and reset "
        + "(input that arrived in the step is added in the next)");
  }

  /**
   * A group made when its first child is: jhdf 0.9 writes empty groups that neither it nor h5py
   * can open again, so a group with nothing in it must not exist.
   */
  private static final class Lazy {
    private final WritableGroup parent;
    private final String name;
    private WritableGroup group;

    Lazy(WritableGroup parent, String name) {
      this.parent = parent;
      this.name = name;
    }

    WritableGroup get() {
      if (group == null) {
        group = parent.putGroup(name);
      }
      return group;
    }
  }

  private static WritableDataset unit(WritableDataset d, String unit) {
    if (d != null) {
      d.putAttribute("unit", unit);
    }
    return d;
  }

  /**
   * A dataset, or none for an empty array: jhdf 0.9 cannot write zero-length datasets (nor empty
   * groups that h5py can open), so whatever would be empty is absent.
   */
  private static WritableDataset put(WritableGroup g, String name, Object array) {
    return java.lang.reflect.Array.getLength(array) == 0 ? null : g.putDataset(name, array);
  }

  private static void meaning(WritableDataset d, String text) {
    if (d != null) {
      d.putAttribute("meaning", text);
    }
  }
}
