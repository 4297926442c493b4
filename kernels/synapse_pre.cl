// Phase SYNAPSE_PRE (Java twins: backend.java.SynapsePre, StaticSynapses.deliver, and the on_pre
// of a plasticity rule in backend.java.RuleCode): the on-pre pathways. One work-item per entry of
// the spike list; the conductance input is summed with 64-bit integer atomics, so its value does
// not depend on the order of the work-items, and each synapse's weight is updated by the one
// work-item of its source.
//
// The host builds this file once as it is, and once more per plasticity rule with RW_Q (the
// projection's index among those with a potential set) and the rule's sizes defined, after the
// rule's generated functions rw_r<Q>_pre_event and rw_r<Q>_pre_weight (backend.opencl.
// OpenClRuleSource): that part gives the rule's kernel synapse_pre_r<Q> and its work-group form.

#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable

#ifndef RW_Q

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

// A projection with a potential set and no rule: each active synapse delivers its weight.
__kernel void synapse_pre(
        __global const int *spikes,
        __global const int *spike_count,    // two counters, by step parity
        const int step,
        const int source_start,
        const int source_size,
        const int input_start,              // of the projection's targets in input
        __global const int *row_offset,
        __global const int *row_count,
        __global const int *row_target,
        __global const float *row_weight,
        __global long *input) {
    int i = rw_local_spike(get_global_id(0), spikes, spike_count + (step & 1), source_start,
                           source_size);
    if (i < 0) {
        return;
    }
    for (int q = row_offset[i], end = q + row_count[i]; q < end; q++) {
        atom_add(&input[input_start + row_target[q]], convert_long(row_weight[q] * 0x1p32f));
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
        const int input_start,
        __global const int *row_offset,
        __global const int *row_count,
        __global const int *row_target,
        __global const float *row_weight,
        __local long *input) {
    for (int k = get_local_id(0); k < spike_count; k += get_local_size(0)) {
        int i = spikes[k] - source_start;
        if (i < 0 || i >= source_size) {
            continue;
        }
        for (int q = row_offset[i], end = q + row_count[i]; q < end; q++) {
            RW_LOCAL_ADD64(&input[input_start + row_target[q]],
                           convert_long(row_weight[q] * 0x1p32f));
        }
    }
}

#else

// Rule RW_Q: source i spiked. Each active synapse delivers its weight (before this event's
// update); the rule's trace statements give i's pre traces (decayed to the step first); its weight
// updates run per synapse, reading the post traces decayed to the step. A weight that is not a
// finite number >= 0 sets *bad (the run stops at the end of the chunk). The RW_* statement macros
// are the rule's, written by the host (backend.opencl.OpenClRuleSource).
__kernel void RW_KERNEL(synapse_pre)(
        __global const int *spikes,
        __global const int *spike_count,    // two counters, by step parity
        const int source_start,
        const int source_size,
        const int input_start,              // of the projection's targets in input
        const int target_size,
        __global const int *row_offset,
        __global const int *row_count,
        __global const int *row_target,
        __global float *row_weight,
        __global long *input,
        const int step,
        __global float *pre_value,          // trace k of source i at k * source_size + i
        __global int *pre_last,
        __global const float *post_value,   // trace k of target j at k * target_size + j
        __global const int *post_last,
        __global const float *decay,        // the decay tables
        __global const int *decay_at,       // per trace, pre then post: offset in decay, length
        __global const float *params,
        __global int *bad) {
    int i = rw_local_spike(get_global_id(0), spikes, spike_count + (step & 1), source_start,
                           source_size);
    if (i < 0) {
        return;
    }
    RW_LOAD(params, decay_at)
    int ok = 1;       // every new weight a finite number >= 0 (compared without a branch)
#if RW_PRE_READS_OWN
    const int age = step - pre_last[i];
    RW_PRE_OWN(pre_value, source_size, i, age)
#endif
#if RW_PRE_WRITES
    RW_PRE_STORE(pre_value, source_size, i)
    pre_last[i] = step;
#endif
    for (int q = row_offset[i], end = q + row_count[i]; q < end; q++) {
        const int j = row_target[q];
        float w = row_weight[q];
        atom_add(&input[input_start + j], convert_long(w * 0x1p32f));
#if RW_PRE_WEIGHTS
        const int a = step - post_last[j];
        RW_PRE_OTHER(post_value, target_size, j, a)
        RW_PRE_WEIGHT
        ok &= (w >= 0.0f) & (w < INFINITY);
        row_weight[q] = w;
#endif
    }
    if (!ok) {
        *bad = 1;
    }
}

// Work-group form of the kernel above, for the resident engine: spike list, input and traces in
// local memory.
inline void RW_RULE(synapse_pre_group)(
        __local const int *spikes,
        const int spike_count,
        const int source_start,
        const int source_size,
        const int input_start,
        const int target_size,
        __global const int *row_offset,
        __global const int *row_count,
        __global const int *row_target,
        __global float *row_weight,
        __local long *input,
        const int step,
        __local float *pre_value,
        __local int *pre_last,
        __local const float *post_value,
        __local const int *post_last,
        __global const float *decay,
        __global const int *decay_at,
        __global const float *params,
        __global int *bad) {
    RW_LOAD(params, decay_at)
    int ok = 1;
    for (int e = get_local_id(0); e < spike_count; e += get_local_size(0)) {
        const int i = spikes[e] - source_start;
        if (i < 0 || i >= source_size) {
            continue;
        }
#if RW_PRE_READS_OWN
        const int age = step - pre_last[i];
        RW_PRE_OWN(pre_value, source_size, i, age)
#endif
#if RW_PRE_WRITES
        RW_PRE_STORE(pre_value, source_size, i)
        pre_last[i] = step;
#endif
        for (int q = row_offset[i], end = q + row_count[i]; q < end; q++) {
            const int j = row_target[q];
            float w = row_weight[q];
            RW_LOCAL_ADD64(&input[input_start + j], convert_long(w * 0x1p32f));
#if RW_PRE_WEIGHTS
            const int a = step - post_last[j];
            RW_PRE_OTHER(post_value, target_size, j, a)
            RW_PRE_WEIGHT
            ok &= (w >= 0.0f) & (w < INFINITY);
            row_weight[q] = w;
#endif
        }
    }
    if (!ok) {
        *bad = 1;
    }
}

#endif
