package dev.rewire.backend.opencl;

import dev.rewire.plan.GroupPlan;
import dev.rewire.plan.Phase;

/** Host side of kernels/neuron_update.cl (Java twin: backend.java.NeuronUpdate). */
final class NeuronUpdateKernel {
  private static final int V = 0;
  private static final int G_AMPA = 1;
  private static final int G_GABA = 2;
  private static final int LAST_SPIKE = 3;
  private static final int INPUT = 4;
  private static final int GABA_OFFSET = 5;
  private static final int SPIKES = 6;
  private static final int SPIKE_COUNT = 7;
  private static final int RECORD = 8;
  private static final int RECORD_COUNT = 9;
  private static final int RECORD_CAPACITY = 10;
  private static final int OFFSET = 11;
  private static final int SIZE = 12;
  private static final int STEP = 13;
  private static final int GL = 14;
  private static final int EL = 15;
  private static final int E_AMPA = 16;
  private static final int E_GABA = 17;
  private static final int VT = 18;
  private static final int DT_OVER_C = 19;
  private static final int DECAY_AMPA = 20;
  private static final int DECAY_GABA = 21;
  private static final int REFRACTORY_STEPS = 22;

  private final ClKernel kernel;
  private final GroupPlan group;

  NeuronUpdateKernel(ClContext ctx, ClProgram program, DeviceNeurons n, GroupPlan g) {
    this.kernel = program.kernel(ctx, Phase.NEURON_UPDATE.kernelName());
    this.group = g;
    kernel.arg(V, n.v).arg(G_AMPA, n.gAmpa).arg(G_GABA, n.gGaba).arg(LAST_SPIKE, n.lastSpike)
        .arg(INPUT, n.input).arg(GABA_OFFSET, n.gabaOffset)
        .arg(SPIKES, n.spikes).arg(SPIKE_COUNT, n.spikeCount)
        .arg(RECORD, n.record).arg(RECORD_COUNT, n.recordCount)
        .arg(RECORD_CAPACITY, n.recordCapacity)
        .arg(OFFSET, g.offset()).arg(SIZE, g.size())
        .arg(GL, g.gl()).arg(EL, g.el()).arg(E_AMPA, g.eAmpa()).arg(E_GABA, g.eGaba())
        .arg(VT, g.vt()).arg(DT_OVER_C, g.dtOverC()).arg(DECAY_AMPA, g.decayAmpa())
        .arg(DECAY_GABA, g.decayGaba()).arg(REFRACTORY_STEPS, g.refractorySteps());
  }

  void enqueue(int step) {
    kernel.arg(STEP, step).launch(group.size(), 0);
  }
}
