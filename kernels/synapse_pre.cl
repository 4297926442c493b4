// Phase SYNAPSE_PRE (Java twins: backend.java.SynapsePre and StaticSynapses.deliver): the on-pre
// pathways of one projection. One work-item per entry of the spike list; the conductance input is
// summed with 64-bit integer atomics, so its value does not depend on the order of the work-items,
// and each synapse's weight is updated by the one work-item of its source.

#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable

// The static projections from the network's neurons, their rows merged into one per neuron.
__kernel void synapse_pre_static(
        __global const int *spikes,
        __global const int *spike_count,    // two counters, by step parity
        const int step,
        const int source_size,
        __global const int *row_start,
        __global const int *target,         // index into input (receptor offset + neuron)
        __global const long *fixed_weight,
        __global long *input) {
    int i = rw_local_spike(get_global_id(0), spikes, spike_count + (step & 1), 0, source_size);
    if (i < 0) {
        return;
    }
    for (int q = row_start[i]; q < row_start[i + 1]; q++) {
        atom_add(&input[target[q]], fixed_weight[q]);
    }
}

// Projection with a potential set (backend.PotentialSet layout): deliver the weight before this
// event's update, bump the source's pre traces, then
// w = clip(w + lr * (alpha_pre + a_plus * post_plus + a_minus * post_minus), 0, gmax).
__kernel void synapse_pre(
        __global const int *spikes,
        __global const int *spike_count,    // two counters, by step parity
        const int source_start,
        const int source_size,
        const int target_start,             // of the projection's targets in input
        __global const int *row_offset,
        __global const int *row_count,
        __global const int *row_target,
        __global float *row_weight,
        __global long *input,
        const int step,
        const int has_stdp,
        __global float *pre_plus,
        __global float *pre_minus,
        __global int *pre_last,
        __global const float *post_plus,
        __global const float *post_minus,
        __global const int *post_last,
        __global const float *decay_plus,
        const int decay_plus_length,
        __global const float *decay_minus,
        const int decay_minus_length,
        const float lr,
        const float alpha,
        const float a_plus,
        const float a_minus,
        const float gmax) {
    int i = rw_local_spike(get_global_id(0), spikes, spike_count + (step & 1), source_start,
                           source_size);
    if (i < 0) {
        return;
    }
    int from = row_offset[i];
    int to = from + row_count[i];
    if (!has_stdp) {
        for (int q = from; q < to; q++) {
            atom_add(&input[target_start + row_target[q]], convert_long(row_weight[q] * 0x1p32f));
        }
        return;
    }
    int age = step - pre_last[i];
    pre_plus[i] = rw_decay(pre_plus[i], age, decay_plus, decay_plus_length) + 1.0f;
    pre_minus[i] = rw_decay(pre_minus[i], age, decay_minus, decay_minus_length) + 1.0f;
    pre_last[i] = step;
    for (int q = from; q < to; q++) {
        int j = row_target[q];
        float ws = row_weight[q];
        atom_add(&input[target_start + j], convert_long(ws * 0x1p32f));
        int a = step - post_last[j];
        float dw = lr * (alpha + a_plus * rw_decay(post_plus[j], a, decay_plus, decay_plus_length)
                + a_minus * rw_decay(post_minus[j], a, decay_minus, decay_minus_length));
        row_weight[q] = rw_clip(ws + dw, gmax);
    }
}

// Work-group forms, for the resident engine: one projection of one network. The step's spike list
// and the conductance input are in local memory, the synapses in global memory; each spiking
// source's row is handled by one work-item, as in the kernels above.

inline void rw_synapse_pre_static_group(
        __local const int *spikes,
        const int spike_count,
        const int source_start,
        const int source_size,
        __global const int *row_start,      // relative to target and fixed_weight
        __global const int *target,         // neuron index inside the network
        __global const long *fixed_weight,
        __local long *input) {
    for (int k = get_local_id(0); k < spike_count; k += get_local_size(0)) {
        int i = spikes[k] - source_start;
        if (i >= 0 && i < source_size) {
            for (int q = row_start[i]; q < row_start[i + 1]; q++) {
                RW_LOCAL_ADD64(&input[target[q]], fixed_weight[q]);
            }
        }
    }
}

inline void rw_synapse_pre_group(
        __local const int *spikes,
        const int spike_count,
        const int source_start,
        const int source_size,
        const int target_start,
        __global const int *row_offset,
        __global const int *row_count,
        __global const int *row_target,
        __global float *row_weight,
        __local long *input,
        const int step,
        const int has_stdp,
        __local float *pre_plus,
        __local float *pre_minus,
        __local int *pre_last,
        __local const float *post_plus,
        __local const float *post_minus,
        __local const int *post_last,
        __global const float *decay_plus,
        const int decay_plus_length,
        __global const float *decay_minus,
        const int decay_minus_length,
        const float lr,
        const float alpha,
        const float a_plus,
        const float a_minus,
        const float gmax) {
    for (int k = get_local_id(0); k < spike_count; k += get_local_size(0)) {
        int i = spikes[k] - source_start;
        if (i < 0 || i >= source_size) {
            continue;
        }
        int from = row_offset[i];
        int to = from + row_count[i];
        if (!has_stdp) {
            for (int q = from; q < to; q++) {
                RW_LOCAL_ADD64(&input[target_start + row_target[q]],
                               convert_long(row_weight[q] * 0x1p32f));
            }
            continue;
        }
        int age = step - pre_last[i];
        pre_plus[i] = rw_decay(pre_plus[i], age, decay_plus, decay_plus_length) + 1.0f;
        pre_minus[i] = rw_decay(pre_minus[i], age, decay_minus, decay_minus_length) + 1.0f;
        pre_last[i] = step;
        for (int q = from; q < to; q++) {
            int j = row_target[q];
            float ws = row_weight[q];
            RW_LOCAL_ADD64(&input[target_start + j], convert_long(ws * 0x1p32f));
            int a = step - post_last[j];
            float dw = lr * (alpha + a_plus * rw_decay(post_plus[j], a, decay_plus,
                                                        decay_plus_length)
                    + a_minus * rw_decay(post_minus[j], a, decay_minus, decay_minus_length));
            row_weight[q] = rw_clip(ws + dw, gmax);
        }
    }
}
