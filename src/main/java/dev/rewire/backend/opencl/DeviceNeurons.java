package dev.rewire.backend.opencl;

import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Plan;
import java.util.Arrays;

/** Neuron state on the device, this step's spike list, and the chunk's (step, neuron) record. */
final class DeviceNeurons {
  /** lastSpike of a neuron that never spiked, as in the Java backend. */
  static final int NEVER = Integer.MIN_VALUE / 2;

  final ClBuffer v;
  final ClBuffer gAmpa;
  final ClBuffer gGaba;
  final ClBuffer lastSpike;
  final ClBuffer inputAmpa;
  final ClBuffer inputGaba;
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
    inputAmpa = ctx.buffer("input_ampa", 8L * n);
    inputGaba = ctx.buffer("input_gaba", 8L * n);
    spikes = ctx.buffer("spikes", 4L * n);
    spikeCount = ctx.buffer("spike_count", 4);
    recordCapacity = (int) Math.min(Integer.MAX_VALUE / 2, (long) n * chunkSteps);
    record = ctx.buffer("spike_record", 8L * recordCapacity);
    recordCount = ctx.buffer("spike_record_count", 4);
  }

  ClBuffer input(dev.rewire.model.Receptor receptor) {
    return receptor == dev.rewire.model.Receptor.AMPA ? inputAmpa : inputGaba;
  }
}
