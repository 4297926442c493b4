package dev.rewire.bench;

import dev.rewire.backend.Backend;
import dev.rewire.backend.java.JavaBackend;
import dev.rewire.backend.opencl.OpenClBackend;
import dev.rewire.backend.opencl.cl.ClDevice;
import dev.rewire.model.ModelFile;
import dev.rewire.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/** What the benchmarks share: seed-ei at a given size, and a backend by name. */
final class BenchSetup {
  private BenchSetup() {}

  /**
   * seed-ei with {@code neurons} neurons (80% E, 20% I; seed-ei's connection probabilities, so more
   * synapses per neuron as it grows) and a duration far beyond any benchmark, plus {@code sets}.
   */
  static Plan seedEi(int neurons, String... sets) {
    int e = neurons * 4 / 5;
    List<String> all = new ArrayList<>(List.of("simulation.duration_ms=1000000",
        "neurons.net.size=" + neurons,
        "neurons.net.populations={E=[0," + e + "],I=[" + e + "," + neurons + "]}"));
    all.addAll(List.of(sets));
    return Plan.compile(ModelFile.loadBundled("seed-ei", all));
  }

  /**
   * java, opencl (its engine chosen by size), opencl-resident or opencl-per-step; OpenCL on the
   * device from -Drewire.device, else the first usable one.
   */
  static Backend backend(String name, boolean profile) {
    if (name.equals(JavaBackend.NAME)) {
      return new JavaBackend(profile);
    }
    if (name.startsWith(OpenClBackend.NAME)) {
      OpenClBackend.Engine engine = name.equals(OpenClBackend.NAME) ? OpenClBackend.Engine.AUTO
          : OpenClBackend.Engine.valueOf(name.substring(OpenClBackend.NAME.length() + 1)
              .toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
      ClDevice device = OpenClBackend.choose(System.getProperty("rewire.device"));
      if (device == null) {
        throw new IllegalStateException("no usable OpenCL device (see rewire devices)");
      }
      return new OpenClBackend(device, profile, engine);
    }
    throw new IllegalArgumentException("unknown backend " + name);
  }
}
