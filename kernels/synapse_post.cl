// Phase SYNAPSE_POST (Java twin: backend.java.SynapsePost, the on_post of a plasticity rule in
// backend.java.RuleCode): the on-post pathway of a projection with a rule, after every on-pre
// pathway of the step. One work-item per entry of the spike list; each synapse onto a spiking
// target j is updated by j's work-item.
//
// Only rules have an on-post pathway: the host builds this file once per rule, with RW_Q and the
// rule's sizes defined (see synapse_pre.cl), which gives synapse_post_r<Q> and its work-group form.

#pragma OPENCL FP_CONTRACT OFF

#ifdef RW_Q

// Rule RW_Q: target j spiked. The rule's trace statements give j's post traces (decayed to the step
// first); its weight updates run per synapse onto j, reading the pre traces decayed to the step.
__kernel void RW_KERNEL(synapse_post)(
        __global const int *spikes,
        __global const int *spike_count,    // two counters, by step parity
        const int target_start,
        const int target_size,
        const int source_size,
        __global const int *col_offset,
        __global const int *col_count,
        __global const int *col_source,
        __global const int *col_to_row,
        __global float *row_weight,
        const int step,
        __global const float *pre_value,    // trace k of source i at k * source_size + i
        __global const int *pre_last,
        __global float *post_value,         // trace k of target j at k * target_size + j
        __global int *post_last,
        __global const float *decay,
        __global const int *decay_at,       // per trace, pre then post: offset in decay, length
        __global const float *params,
        __global int *bad) {
    int j = rw_local_spike(get_global_id(0), spikes, spike_count + (step & 1), target_start,
                           target_size);
    if (j < 0) {
        return;
    }
    RW_LOAD(params, decay_at)
    int ok = 1;       // every new weight a finite number >= 0 (compared without a branch)
#if RW_POST_READS_OWN
    const int age = step - post_last[j];
    RW_POST_OWN(post_value, target_size, j, age)
#endif
#if RW_POST_WRITES
    RW_POST_STORE(post_value, target_size, j)
    post_last[j] = step;
#endif
#if RW_POST_WEIGHTS
    for (int c = col_offset[j], end = c + col_count[j]; c < end; c++) {
        const int i = col_source[c];
        const int r = col_to_row[c];
        const int a = step - pre_last[i];
        RW_POST_OTHER(pre_value, source_size, i, a)
        float w = row_weight[r];
        RW_POST_WEIGHT
        ok &= (w >= 0.0f) & (w < INFINITY);
        row_weight[r] = w;
    }
#endif
    if (!ok) {
        *bad = 1;
    }
}

// Work-group form of the kernel above, for the resident engine: spike list and traces in local
// memory.
inline void RW_RULE(synapse_post_group)(
        __local const int *spikes,
        const int spike_count,
        const int target_start,
        const int target_size,
        const int source_size,
        __global const int *col_offset,
        __global const int *col_count,
        __global const int *col_source,
        __global const int *col_to_row,
        __global float *row_weight,
        const int step,
        __local const float *pre_value,
        __local const int *pre_last,
        __local float *post_value,
        __local int *post_last,
        __global const float *decay,
        __global const int *decay_at,
        __global const float *params,
        __global int *bad) {
    RW_LOAD(params, decay_at)
    int ok = 1;
    for (int e = get_local_id(0); e < spike_count; e += get_local_size(0)) {
        const int j = spikes[e] - target_start;
        if (j < 0 || j >= target_size) {
            continue;
        }
#if RW_POST_READS_OWN
        const int age = step - post_last[j];
        RW_POST_OWN(post_value, target_size, j, age)
#endif
#if RW_POST_WRITES
        RW_POST_STORE(post_value, target_size, j)
        post_last[j] = step;
#endif
#if RW_POST_WEIGHTS
        for (int c = col_offset[j], end = c + col_count[j]; c < end; c++) {
            const int i = col_source[c];
            const int r = col_to_row[c];
            const int a = step - pre_last[i];
            RW_POST_OTHER(pre_value, source_size, i, a)
            float w = row_weight[r];
            RW_POST_WEIGHT
            ok &= (w >= 0.0f) & (w < INFINITY);
            row_weight[r] = w;
        }
#endif
    }
    if (!ok) {
        *bad = 1;
    }
}

#endif
