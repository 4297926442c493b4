// Phase SYNAPSE_PRE (Java twins: backend.java.SynapsePre, StaticSynapses.deliver, and the on_pre
// of a plasticity rule in backend.java.RuleCode): the on-pre pathways. A spiking source's row is
// handled by one work-item: each synapse adds its weight to its target's input, a 64-bit
// fixed-point sum (atomic on the device), so the sum does not depend on the order of the
// work-items, and each synapse's weight is updated by the one work-item of its source.
//
// The row code (rw_static_row, rw_potential_row, a rule's rw_r<Q>_synapse_pre_row) is built for
// global memory (_g: input and traces of the per-step engine) and local memory (_l: those of the
// resident engine) from one text, with RW_SPACE and RW_ADD64 defined by the host; the kernels and
// work-group functions that call it come after (RW_SPACE undefined). The host builds this file
// once as it is, and once more per plasticity rule with RW_Q (the projection's index among those
// with a potential set) and the rule's macros defined (backend.opencl.device.RuleSource).
//
// Inputs are indexed in the input pack: a projection's targets start at its receptor's block, at
// the ring slot of the step the spike arrives for, plus where the target population starts in
// its group ("input_start"; the host or the resident kernel computes it).

#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable

#ifdef RW_SPACE
#ifndef RW_Q

// Static row i: each synapse adds its fixed-point weight to input[base + target].
inline void RW_SPACED(rw_static_row)(const int i, __global const int *row_start,
                                     __global const int *target,
                                     __global const long *fixed_weight, RW_SPACE long *input,
                                     const int base) {
    for (int q = row_start[i]; q < row_start[i + 1]; q++) {
        RW_ADD64(&input[base + target[q]], fixed_weight[q]);
    }
}

// Row i of a projection with a potential set and no rule: each active synapse delivers its
// weight; input points at the projection's targets.
inline void RW_SPACED(rw_potential_row)(const int i, __global const int *row_offset,
                                        __global const int *row_count,
                                        __global const int *row_target,
                                        __global const float *row_weight,
                                        RW_SPACE long *input) {
    for (int q = row_offset[i], end = q + row_count[i]; q < end; q++) {
        RW_ADD64(&input[row_target[q]], convert_long(row_weight[q] * 0x1p32f));
    }
}

#else

// Rule RW_Q, source i spiked: each active synapse delivers its weight (before this event's
// update); the rule's trace statements give i's pre traces (decayed to the step first); its weight
// updates run per synapse, reading the post traces decayed to the step. Returns 0 when a weight
// that is not a finite number >= 0 was made (the run stops at the end of the chunk). The RW_*
// statement macros are the rule's, written by the host.
inline int RW_SPACED(RW_RULE(synapse_pre_row))(
        const int i,
        const int step,
        const int source_size,
        const int target_size,
        __global const int *row_offset,
        __global const int *row_count,
        __global const int *row_target,
        __global float *row_weight,
        RW_SPACE long *input,
        RW_SPACE float *pre_value,
        RW_SPACE int *pre_last,
        RW_SPACE const float *post_value,
        RW_SPACE const int *post_last,
        __global const float *decay,
        __global const int *decay_at,
        __global const float *params) {
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
        RW_ADD64(&input[j], convert_long(w * 0x1p32f));
#if RW_PRE_WEIGHTS
        const int a = step - post_last[j];
        RW_PRE_OTHER(post_value, target_size, j, a)
        RW_PRE_WEIGHT
        ok &= (w >= 0.0f) & (w < INFINITY);
        row_weight[q] = w;
#endif
    }
    return ok;
}

#endif
#else
#ifndef RW_Q

// Static projections from the network's neurons whose receptors have no delay ring, their rows
// merged into one per neuron, targets indexing the input pack.
__kernel void synapse_pre_static(
        __global const int *spikes,
        __global const int *spike_count,    // two counters, by step parity
        const int step,
        const int source_size,
        __global const int *row_start,
        __global const int *target,
        __global const long *fixed_weight,
        __global long *input) {
    RW_FOR_SPIKES(k, spike_count + (step & 1)) {
        int i = rw_local_spike(k, spikes, 0, source_size);
        if (i >= 0) {
            rw_static_row_g(i, row_start, target, fixed_weight, input, 0);
        }
    }
}

// One static projection into a receptor with a delay ring, from a spike list (the neurons', or an
// input's): targets are local to the group, input_start the block and slot of this step.
__kernel void synapse_pre_ring(
        __global const int *spikes,
        __global const int *spike_count,
        const int step,
        const int source_start,
        const int source_size,
        __global const int *row_start,
        __global const int *target,
        __global const long *fixed_weight,
        __global long *input,
        const int input_start) {
    RW_FOR_SPIKES(k, spike_count + (step & 1)) {
        int i = rw_local_spike(k, spikes, source_start, source_size);
        if (i >= 0) {
            rw_static_row_g(i, row_start, target, fixed_weight, input, input_start);
        }
    }
}

// Potential projection pp without a rule: each active synapse delivers its weight.
__kernel void synapse_pre(
        __global const int *spikes,
        __global const int *spike_count,
        const int step,
        const int pp,
        __global const int *row_offset,
        __global const int *row_count,
        __global const int *row_target,
        __global const float *row_weight,
        __global long *input,
        const int input_start) {
    const int p = RW_POTENTIAL_PROJECTION[pp];
    RW_FOR_SPIKES(k, spike_count + (step & 1)) {
        int i = rw_local_spike(k, spikes, RW_SOURCE_START[p], RW_SOURCE_SIZE[p]);
        if (i >= 0) {
            rw_potential_row_g(i, row_offset + RW_ROW_OFFSET_BASE[pp],
                row_count + RW_ROW_BASE[pp], row_target + RW_SLOT_BASE[pp],
                row_weight + RW_SLOT_BASE[pp], input + input_start);
        }
    }
}

// Work-group forms, for the resident engine: one projection of one network. The step's spike list
// and the input are in local memory, the synapses in global memory.

inline void rw_synapse_pre_static_group(
        __local const int *spikes,
        const int spike_count,
        const int source_start,
        const int source_size,
        __global const int *row_start,
        __global const int *target,
        __global const long *fixed_weight,
        __local long *input,
        const int input_start) {
    for (int k = get_local_id(0); k < spike_count; k += get_local_size(0)) {
        int i = spikes[k] - source_start;
        if (i >= 0 && i < source_size) {
            rw_static_row_l(i, row_start, target, fixed_weight, input, input_start);
        }
    }
}

inline void rw_synapse_pre_group(
        __local const int *spikes,
        const int spike_count,
        const int source_start,
        const int source_size,
        __global const int *row_offset,
        __global const int *row_count,
        __global const int *row_target,
        __global const float *row_weight,
        __local long *input) {
    for (int k = get_local_id(0); k < spike_count; k += get_local_size(0)) {
        int i = spikes[k] - source_start;
        if (i >= 0 && i < source_size) {
            rw_potential_row_l(i, row_offset, row_count, row_target, row_weight, input);
        }
    }
}

#else

// Rule RW_Q: source i spiked (the entries of the step's spike list, RW_FOR_SPIKES).
__kernel void RW_KERNEL(synapse_pre)(
        __global const int *spikes,
        __global const int *spike_count,
        const int step,
        __global const int *row_offset,
        __global const int *row_count,
        __global const int *row_target,
        __global float *row_weight,
        __global long *input,
        const int input_start,
        __global float *trace_f,
        __global int *trace_i,
        __global const float *decay,
        __global const float *restrict fparams,
        __global const int *restrict iparams,
        __global int *bad) {
    const int p = RW_POTENTIAL_PROJECTION[RW_Q];
    const int ns = RW_SOURCE_SIZE[p];
    __global float *tv = trace_f + RW_TRACE_VALUE_BASE[RW_Q];
    __global int *tl = trace_i + RW_TRACE_LAST_BASE[RW_Q];
    RW_FOR_SPIKES(k, spike_count + (step & 1)) {
        int i = rw_local_spike(k, spikes, RW_SOURCE_START[p], ns);
        if (i >= 0 && !RW_RULE(synapse_pre_row_g)(i, step, ns, RW_TARGET_SIZE[p],
                row_offset + RW_ROW_OFFSET_BASE[RW_Q], row_count + RW_ROW_BASE[RW_Q],
                row_target + RW_SLOT_BASE[RW_Q], row_weight + RW_SLOT_BASE[RW_Q],
                input + input_start, tv, tl, tv + RW_PRE_TRACES * ns, tl + ns, decay,
                iparams + RW_IP_PROJ[p] + RW_IPP_DECAY_AT,
                fparams + RW_FP_PROJ[p] + RW_FPP_PARAMS)) {
            bad[RW_Q] = 1;
        }
    }
}

// Work-group form, for the resident engine: spike list, input and traces in local memory.
inline void RW_RULE(synapse_pre_group)(
        __local const int *spikes,
        const int spike_count,
        const int source_start,
        const int source_size,
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
    int ok = 1;
    for (int e = get_local_id(0); e < spike_count; e += get_local_size(0)) {
        const int i = spikes[e] - source_start;
        if (i >= 0 && i < source_size) {
            ok &= RW_RULE(synapse_pre_row_l)(i, step, source_size, target_size, row_offset,
                row_count, row_target, row_weight, input, pre_value, pre_last, post_value,
                post_last, decay, decay_at, params);
        }
    }
    if (!ok) {
        *bad = 1;
    }
}

#endif
#endif
