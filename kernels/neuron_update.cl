// Phase NEURON_UPDATE (Java twin: backend.java.NeuronUpdate): one forward-Euler step of every neuron
// of a group, with all right-hand sides from the old values, then threshold and reset.
// One work-item per neuron. Spikes are appended to this step's list (order is scheduling-dependent;
// nothing downstream depends on it) and to the chunk's (step, neuron) record that the host reads.
// The list's count alternates between two counters by step parity: this step's was zeroed by the
// last step's launch, and this launch zeroes the next step's, which nothing reads any more.

#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable

__kernel void neuron_update(
        __global float *v,
        __global float *g_ampa,
        __global float *g_gaba,
        __global int *last_spike,
        __global long *input,               // fixed point, 2^-32 nS, summed during the last step:
        const int gaba_offset,              // AMPA of neuron i at i, GABA at gaba_offset + i
        __global int *spikes,               // this step's spiking neurons
        __global int *spike_count,          // two counters, by step parity
        __global int *record,               // (step, neuron) pairs of the chunk
        __global int *record_count,
        const int record_capacity,
        const int offset,
        const int size,
        const int step,
        const float gl,
        const float el,
        const float e_ampa,
        const float e_gaba,
        const float vt,
        const float dt_over_c,
        const float decay_ampa,
        const float decay_gaba,
        const int refractory_steps) {
    int k = get_global_id(0);
    if (k >= size) {
        return;
    }
    if (k == 0) {
        spike_count[(step + 1) & 1] = 0;
    }
    int i = offset + k;
    float ga = g_ampa[i] + (float)input[i] * 0x1p-32f;
    float gg = g_gaba[i] + (float)input[gaba_offset + i] * 0x1p-32f;
    input[i] = 0;
    input[gaba_offset + i] = 0;
    float vi = v[i];
    int active = step - last_spike[i] >= refractory_steps;
    if (active) {
        vi = vi + dt_over_c * (-gl * (vi - el) - (ga * (vi - e_ampa) + gg * (vi - e_gaba)));
    }
    g_ampa[i] = ga * decay_ampa;
    g_gaba[i] = gg * decay_gaba;
    if (active && vi > vt) {
        last_spike[i] = step;
        vi = el;
        spikes[atomic_inc(spike_count + (step & 1))] = i;
        int r = atomic_inc(record_count);
        if (r < record_capacity) {
            record[2 * r] = step;
            record[2 * r + 1] = i;
        }
    }
    v[i] = vi;
}

// State sampling for the HDF5 recording (not a phase of the step): the state of the chosen neurons
// at the end of the step, into row `row` of the chunk's sample buffer (v, g_ampa, g_gaba blocks).
__kernel void neuron_update_sample(
        __global const float *v,
        __global const float *g_ampa,
        __global const float *g_gaba,
        __global const int *chosen,
        const int count,
        __global float *samples,
        const int row) {
    int k = get_global_id(0);
    if (k >= count) {
        return;
    }
    int i = chosen[k];
    int base = 3 * count * row;
    samples[base + k] = v[i];
    samples[base + count + k] = g_ampa[i];
    samples[base + 2 * count + k] = g_gaba[i];
}

// Work-group form, for the resident engine (kernels/resident.cl): the neurons [offset,
// offset + size) of one network, whose state is in local memory, spread over the work-items. The
// arithmetic is neuron_update's; it is done in two passes, the update of every neuron without a
// branch (which the compiler can vectorize; v of a refractory neuron is computed and not kept),
// then threshold and reset. Spikes go to the step's local list and to the network's (step, neuron)
// record for the chunk. Each work-item handles the same neurons in both passes.
inline void rw_neuron_update_group(
        __local float *v,
        __local float *g_ampa,
        __local float *g_gaba,
        __local int *last_spike,
        __local long *input_ampa,
        __local long *input_gaba,
        __local int *spikes,
        __local int *spike_count,
        __global int *record,
        __local int *record_count,
        const int record_capacity,
        const int offset,
        const int size,
        const int step,
        const float gl,
        const float el,
        const float e_ampa,
        const float e_gaba,
        const float vt,
        const float dt_over_c,
        const float decay_ampa,
        const float decay_gaba,
        const int refractory_steps) {
    for (int k = get_local_id(0); k < size; k += get_local_size(0)) {
        int i = offset + k;
        float ga = g_ampa[i] + (float)input_ampa[i] * 0x1p-32f;
        float gg = g_gaba[i] + (float)input_gaba[i] * 0x1p-32f;
        input_ampa[i] = 0;
        input_gaba[i] = 0;
        float vi = v[i];
        float vn = vi + dt_over_c * (-gl * (vi - el) - (ga * (vi - e_ampa) + gg * (vi - e_gaba)));
        v[i] = step - last_spike[i] >= refractory_steps ? vn : vi;
        g_ampa[i] = ga * decay_ampa;
        g_gaba[i] = gg * decay_gaba;
    }
    for (int k = get_local_id(0); k < size; k += get_local_size(0)) {
        int i = offset + k;
        if (v[i] > vt && step - last_spike[i] >= refractory_steps) {
            last_spike[i] = step;
            v[i] = el;
            spikes[RW_LOCAL_INC(spike_count)] = i;
            int r = RW_LOCAL_INC(record_count);
            if (r < record_capacity) {
                record[2 * r] = step;
                record[2 * r + 1] = i;
            }
        }
    }
}
