// Test kernels for kernels/philox.cl: each writes what the device computes, for the Java side to
// compare bit for bit. Built after philox.cl (the host concatenates the sources).

__kernel void philox_blocks(__global const uint *in, __global uint *out, const int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    uint4 c = (uint4)(in[6 * i], in[6 * i + 1], in[6 * i + 2], in[6 * i + 3]);
    uint2 k = (uint2)(in[6 * i + 4], in[6 * i + 5]);
    uint4 r = rw_philox(c, k);
    out[4 * i] = r.x;
    out[4 * i + 1] = r.y;
    out[4 * i + 2] = r.z;
    out[4 * i + 3] = r.w;
}

__kernel void logs(__global const float *x, __global float *out, const int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    out[i] = rw_log(x[i]);
}

__kernel void geometrics(__global int *out, const int n, const uint seed, const uint stream,
                         const float inv_log_q) {
    int i = get_global_id(0);
    if (i >= n) return;
    uint w = rw_philox((uint4)((uint)i, 0u, 0u, 0u), (uint2)(seed, stream)).x;
    out[i] = rw_geometric(w, inv_log_q);
}

__kernel void normals(__global float *out, const int n, const uint seed, const uint key) {
    int i = get_global_id(0);
    if (i >= n) return;
    out[i] = rw_normal(i / 7, i % 7, i % 3, seed, key);
}

__kernel void pows(__global const float *x, __global const float *y, __global float *out,
                   const int n) {
    int i = get_global_id(0);
    if (i >= n) return;
    out[i] = rw_rule_pow(x[i], y[i]);
}
