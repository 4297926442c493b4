// Phase NEURON_UPDATE (Java twin: backend.java.NeuronUpdate): every neuron of a group advances one
// step by its model. The per-neuron code is generated from the model (backend.opencl.device.
// NeuronSource): rw_neuron_update_<g> adds the input that arrived to the receptor variables and
// updates the neuron (a clamped variable of a refractory neuron keeps its value), branch-free;
// rw_neuron_spike_<g> tests the threshold of a neuron that is not refractory and, if it holds,
// runs the reset; rw_neuron_step_<g> is the two in one, the new values kept in registers. All
// exist for global memory (suffix _g, the per-step engine) and local memory (_l, the resident
// engine), from one text. A group's constants come in a private struct (rw_k_<g>), loaded once.
//
// The host builds this file once per group, with RW_G defined, after the group's functions.

#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable

#ifdef RW_G

// Per step: one work-item per neuron of group RW_G. Spikes are appended to this step's list (order
// is scheduling-dependent; nothing downstream depends on it) and to the chunk's (step, neuron)
// record that the host reads. The list's count alternates between two counters by step parity:
// this step's was zeroed by the last step's launches, and these zero the next step's, which
// nothing reads any more. The group's values are arguments, not buffer reads (see NeuronSource).
__kernel void RW_GKERNEL(neuron_update)(
        __global float *neuron_f,
        __global int *neuron_i,
        __global long *input,
        __global int *spikes,
        __global int *spike_count,
        __global int *record,
        __global int *record_count,
        const int record_capacity,
        const int step,
        const float dt_ms,
        const int refractory,
        const uint seed,
        const uint noise_key,
        RW_GFN(RW_K_PARAMS, )) {
    const int i = get_global_id(0);
    if (i >= RW_GROUP_SIZE[RW_G]) {
        return;
    }
    if (i == 0) {
        spike_count[(step + 1) & 1] = 0;
    }
    const float t_ms = (float)step * dt_ms;
    if (RW_GFN(rw_neuron_step, _g)(neuron_f, neuron_i, input, i, step, t_ms, RW_GFN(RW_K_ARGS, ),
            refractory, seed, noise_key)) {
        const int n = RW_GROUP_OFFSET[RW_G] + i;
        spikes[atomic_inc(spike_count + (step & 1))] = n;
        int r = atomic_inc(record_count);
        if (r < record_capacity) {
            record[2 * r] = step;
            record[2 * r + 1] = n;
        }
    }
}

// Work-group form, for the resident engine: the group's neurons of one network, its state in local
// memory, spread over the work-items; the update of every neuron first (without a branch, which
// the compiler can vectorize), then thresholds and resets. Spikes go to the step's local list and
// to the network's (step, neuron) record for the chunk. Each work-item handles the same neurons
// in both passes.
inline void RW_GFN(rw_neuron_update_group, )(
        __local float *neuron_f,
        __local int *neuron_i,
        __local long *input,
        __global const float *fp,
        __global const int *ip,
        __local int *spikes,
        __local int *spike_count,
        __global int *record,
        __local int *record_count,
        const int record_capacity,
        const int step) {
    const float t_ms = (float)step * fp[RW_FP_DT];
    const RW_GFN(rw_k, ) k = RW_GFN(rw_k_load, )(fp + RW_FP_GROUP[RW_G]);
    const int refractory = ip[RW_IP_GROUP + RW_IPG * RW_G + RW_IPG_REFRACTORY];
    const uint seed = (uint)ip[RW_IP_SEED];
    const uint key = (uint)ip[RW_IP_GROUP + RW_IPG * RW_G + RW_IPG_NOISE_KEY];
    for (int i = get_local_id(0); i < RW_GROUP_SIZE[RW_G]; i += get_local_size(0)) {
        RW_GFN(rw_neuron_update, _l)(neuron_f, neuron_i, input, i, step, t_ms, k, refractory,
            seed, key);
    }
    for (int i = get_local_id(0); i < RW_GROUP_SIZE[RW_G]; i += get_local_size(0)) {
        if (RW_GFN(rw_neuron_spike, _l)(neuron_f, neuron_i, i, step, t_ms, k, refractory)) {
            const int n = RW_GROUP_OFFSET[RW_G] + i;
            spikes[RW_LOCAL_INC(spike_count)] = n;
            int r = RW_LOCAL_INC(record_count);
            if (r < record_capacity) {
                record[2 * r] = step;
                record[2 * r + 1] = n;
            }
        }
    }
}

#else

// State sampling for the HDF5 recording (not a phase of the step): the chosen variables of the
// chosen neurons at the end of the step, gathered by their indices in neuron_f (variable-major),
// into row `row` of the chunk's sample buffer.
__kernel void neuron_update_sample(
        __global const float *neuron_f,
        __global const int *sample_index,
        const int count,
        __global float *samples,
        const int row) {
    int q = get_global_id(0);
    if (q < count) {
        samples[count * row + q] = neuron_f[sample_index[q]];
    }
}

#endif
