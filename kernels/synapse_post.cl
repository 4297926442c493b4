// Phase SYNAPSE_POST (Java twin: backend.java.SynapsePost): the on-post pathway of one plastic
// projection, after every on-pre pathway of the step. One work-item per entry of the spike list;
// each synapse onto a spiking target j is updated by j's work-item:
// w = clip(w + lr * (alpha_post + a_plus * pre_plus + a_minus * pre_minus), 0, gmax).

#pragma OPENCL FP_CONTRACT OFF

__kernel void synapse_post(
        __global const int *spikes,
        __global const int *spike_count,    // two counters, by step parity
        const int target_start,
        const int target_size,
        __global const int *col_offset,
        __global const int *col_count,
        __global const int *col_source,
        __global const int *col_to_row,
        __global float *row_weight,
        const int step,
        __global const float *pre_plus,
        __global const float *pre_minus,
        __global const int *pre_last,
        __global float *post_plus,
        __global float *post_minus,
        __global int *post_last,
        __global const float *decay_plus,
        const int decay_plus_length,
        __global const float *decay_minus,
        const int decay_minus_length,
        const float lr,
        const float alpha,
        const float a_plus,
        const float a_minus,
        const float gmax) {
    int j = rw_local_spike(get_global_id(0), spikes, spike_count + (step & 1), target_start,
                           target_size);
    if (j < 0) {
        return;
    }
    int age = step - post_last[j];
    post_plus[j] = rw_decay(post_plus[j], age, decay_plus, decay_plus_length) + 1.0f;
    post_minus[j] = rw_decay(post_minus[j], age, decay_minus, decay_minus_length) + 1.0f;
    post_last[j] = step;
    for (int c = col_offset[j], end = c + col_count[j]; c < end; c++) {
        int i = col_source[c];
        int r = col_to_row[c];
        int a = step - pre_last[i];
        float dw = lr * (alpha + a_plus * rw_decay(pre_plus[i], a, decay_plus, decay_plus_length)
                + a_minus * rw_decay(pre_minus[i], a, decay_minus, decay_minus_length));
        row_weight[r] = rw_clip(row_weight[r] + dw, gmax);
    }
}

// Work-group form, for the resident engine: the on-post pathway of one plastic projection of one
// network, traces in local memory, each spiking target's column handled by one work-item.
inline void rw_synapse_post_group(
        __local const int *spikes,
        const int spike_count,
        const int target_start,
        const int target_size,
        __global const int *col_offset,
        __global const int *col_count,
        __global const int *col_source,
        __global const int *col_to_row,
        __global float *row_weight,
        const int step,
        __local const float *pre_plus,
        __local const float *pre_minus,
        __local const int *pre_last,
        __local float *post_plus,
        __local float *post_minus,
        __local int *post_last,
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
        int j = spikes[k] - target_start;
        if (j < 0 || j >= target_size) {
            continue;
        }
        int age = step - post_last[j];
        post_plus[j] = rw_decay(post_plus[j], age, decay_plus, decay_plus_length) + 1.0f;
        post_minus[j] = rw_decay(post_minus[j], age, decay_minus, decay_minus_length) + 1.0f;
        post_last[j] = step;
        for (int c = col_offset[j], end = c + col_count[j]; c < end; c++) {
            int i = col_source[c];
            int r = col_to_row[c];
            int a = step - pre_last[i];
            float dw = lr * (alpha + a_plus * rw_decay(pre_plus[i], a, decay_plus,
                                                        decay_plus_length)
                    + a_minus * rw_decay(pre_minus[i], a, decay_minus, decay_minus_length));
            row_weight[r] = rw_clip(row_weight[r] + dw, gmax);
        }
    }
}
