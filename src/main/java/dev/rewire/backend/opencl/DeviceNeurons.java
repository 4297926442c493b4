package dev.rewire.backend.opencl;

import dev.rewire.model.Receptor;
import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Plan;
import java.util.Arrays;

/**
 * Neuron state on the device, this step's spike list (its count in two counters, by step parity;
 * see kernels/neuron_update.cl), and the chunk's (step, neuron) record.
 */
final class DeviceNeurons {
  /** lastSpike of a neuron that never spiked, as in the Java backend. */
  static final int NEVER = Integer.MIN_VALUE / 2;

  final ClBuffer v;
  final ClBuffer gAmpa;
  final ClBuffer gGaba;
  final ClBuffer lastSpike;
  /** Conductance input, fixed point: AMPA of neuron i at i, GABA at {@link #gabaOffset} + i. */
  final ClBuffer input;
  final int gabaOffset;
  final ClBuffer spikes;
  final ClBuffer spikeCount;
  final ClBuffer record;
  final ClBuffer recordCount;
  final int recordCapacity;

  DeviceNeurons(ClContext ctx, Plan plan, int chunkSteps) {
    int n = plan.neuronCount();
    float[] v0 = new float[n];
    for (GroupPlan g : plan.groups()) {
      Arrays.fill(v0, g.offset(), g.end(), g.el());
    }
    int[] never = new int[n];
    Arrays.fill(never, NEVER);
    v = ctx.buffer("v", v0);
    gAmpa = ctx.buffer("g_ampa", 4L * n);
    gGaba = ctx.buffer("g_gaba", 4L * n);
    lastSpike = ctx.buffer("last_spike", never);
    input = ctx.buffer("input", 16L * n);
    gabaOffset = n;
    spikes = ctx.buffer("spikes", 4L * n);
    spikeCount = ctx.buffer("spike_count", 8);
    recordCapacity = (int) Math.min(Integer.MAX_VALUE / 2, (long) n * chunkSteps);
    record = ctx.buffer("spike_record", 8L * recordCapacity);
    recordCount = ctx.buffer("spike_record_count", 4);
  }

  /** Where a receptor's input starts in {@link #input}. */
  static int inputOffset(Receptor receptor, int gabaOffset) {
    return receptor == Receptor.AMPA ? 0 : gabaOffset;
  }
}
