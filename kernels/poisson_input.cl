// Phase POISSON_INPUT (Java twins: backend.java.PoissonInput, and StaticSynapses.deliver for the
// projections the input drives): which sources of one input spike in this step. Each source holds
// the step of its next spike; when it spikes in step n it draws its next waiting time from Philox
// counter (n + 1, source, 0, 0). One work-item per source.
//
// The per-step engine delivers the spike at once to the static projections the input drives (their
// rows merged into one), which the Java backend does in SYNAPSE_PRE: the input is a fixed-point sum,
// the same in any order, and nothing reads it before the next step's neuron update.

#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable

__kernel void poisson_input(
        __global int *next_spike,
        const int size,
        const int step,
        const uint seed,
        const uint key,
        const float inv_log_q,
        __global const int *row_start,      // the input's static projections, one row per source
        __global const int *target,         // index into input (receptor offset + neuron)
        __global const long *fixed_weight,
        __global long *input) {
    int i = get_global_id(0);
    if (i >= size || next_spike[i] != step) {
        return;
    }
    uint w = rw_philox((uint4)((uint)(step + 1), (uint)i, 0u, 0u), (uint2)(seed, key)).x;
    long next = (long)step + rw_geometric(w, inv_log_q);
    next_spike[i] = next >= INT_MAX ? INT_MAX : (int)next;
    for (int q = row_start[i]; q < row_start[i + 1]; q++) {
        atom_add(&input[target[q]], fixed_weight[q]);
    }
}

// Work-group form, for the resident engine: the sources of one input of one network, their next
// spike steps in local memory; this step's spikes go to the input's local list.
inline void rw_poisson_input_group(
        __local int *next_spike,
        __local int *spikes,
        __local int *spike_count,
        const int size,
        const int step,
        const uint seed,
        const uint key,
        const float inv_log_q) {
    // Sources spike rarely: each work-item tests a block of 16 with a loop the compiler can
    // vectorize, and looks at the sources one by one only in a block where one is due.
    for (int first = get_local_id(0) * 16; first < size; first += get_local_size(0) * 16) {
        int end = min(first + 16, size);
        int due = 0;
        for (int i = first; i < end; i++) {
            due |= next_spike[i] == step;
        }
        if (!due) {
            continue;
        }
        for (int i = first; i < end; i++) {
            if (next_spike[i] == step) {
                spikes[RW_LOCAL_INC(spike_count)] = i;
                uint w = rw_philox((uint4)((uint)(step + 1), (uint)i, 0u, 0u),
                                   (uint2)(seed, key)).x;
                long next = (long)step + rw_geometric(w, inv_log_q);
                next_spike[i] = next >= INT_MAX ? INT_MAX : (int)next;
            }
        }
    }
}
