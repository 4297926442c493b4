// Helpers shared by synapse_pre.cl and synapse_post.cl: lazily decayed STDP traces and the weight
// clip, as backend.java.Traces, plan.StdpPlan.decay and backend.java.Clip compute them.

#pragma OPENCL FP_CONTRACT OFF

// trace decayed over `age` steps with a table of exp(-k dt / tau); 0 past the table's end.
inline float rw_decay(float trace, int age, __global const float *table, int table_length) {
    return age < table_length ? trace * table[age] : 0.0f;
}

inline float rw_clip(float w, float gmax) {
    return w < 0.0f ? 0.0f : (w > gmax ? gmax : w);
}
