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
    float p[RW_PARAMS + 1];
    for (int k = 0; k < RW_PARAMS; k++) {
        p[k] = params[k];
    }
    float s[RW_POST_SNAPS + 1];
#if RW_POST_READS_OWN
    float o[RW_POST_TRACES + 1];
    int age = step - post_last[j];
    for (int k = 0; k < RW_POST_TRACES; k++) {
        int t = 2 * (RW_PRE_TRACES + k);
        o[k] = rw_decay(post_value[k * target_size + j], age, decay + decay_at[t],
                        decay_at[t + 1]);
    }
    RW_RULE(post_event)(o, s, p);
#if RW_POST_WRITES
    for (int k = 0; k < RW_POST_TRACES; k++) {
        post_value[k * target_size + j] = o[k];
    }
    post_last[j] = step;
#endif
#endif
#if RW_POST_WEIGHTS
    for (int c = col_offset[j], end = c + col_count[j]; c < end; c++) {
        int i = col_source[c];
        int r = col_to_row[c];
        float x[RW_PRE_TRACES + 1];
        int a = step - pre_last[i];
        for (int k = 0; k < RW_PRE_TRACES; k++) {
            x[k] = rw_decay(pre_value[k * source_size + i], a, decay + decay_at[2 * k],
                            decay_at[2 * k + 1]);
        }
        float w = RW_RULE(post_weight)(row_weight[r], x, s, p);
        if (!(w >= 0.0f && w < INFINITY)) {
            *bad = 1;
        }
        row_weight[r] = w;
    }
#endif
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
    float p[RW_PARAMS + 1];
    for (int k = 0; k < RW_PARAMS; k++) {
        p[k] = params[k];
    }
    for (int e = get_local_id(0); e < spike_count; e += get_local_size(0)) {
        int j = spikes[e] - target_start;
        if (j < 0 || j >= target_size) {
            continue;
        }
        float s[RW_POST_SNAPS + 1];
#if RW_POST_READS_OWN
        float o[RW_POST_TRACES + 1];
        int age = step - post_last[j];
        for (int k = 0; k < RW_POST_TRACES; k++) {
            int t = 2 * (RW_PRE_TRACES + k);
            o[k] = rw_decay(post_value[k * target_size + j], age, decay + decay_at[t],
                            decay_at[t + 1]);
        }
        RW_RULE(post_event)(o, s, p);
#if RW_POST_WRITES
        for (int k = 0; k < RW_POST_TRACES; k++) {
            post_value[k * target_size + j] = o[k];
        }
        post_last[j] = step;
#endif
#endif
#if RW_POST_WEIGHTS
        for (int c = col_offset[j], end = c + col_count[j]; c < end; c++) {
            int i = col_source[c];
            int r = col_to_row[c];
            float x[RW_PRE_TRACES + 1];
            int a = step - pre_last[i];
            for (int k = 0; k < RW_PRE_TRACES; k++) {
                x[k] = rw_decay(pre_value[k * source_size + i], a, decay + decay_at[2 * k],
                                decay_at[2 * k + 1]);
            }
            float w = RW_RULE(post_weight)(row_weight[r], x, s, p);
            if (!(w >= 0.0f && w < INFINITY)) {
                *bad = 1;
            }
            row_weight[r] = w;
        }
#endif
    }
}

#endif
