/* The neuron update of seed-ei's lif_cond as a plain C loop, for the floor of rewire's
 * neuron_update phase: per neuron and step, the Euler step of v, g_ampa and g_gaba in float32 in
 * the model's order (with dt/c, dt/tau folded to constants as rewire folds them), the refractory
 * clamp, pending input added to the conductances, and the threshold flag.
 *   gcc -O3 -march=native -o target/lif_cond bench/c/lif_cond.c && target/lif_cond 500 400000
 * prints nanoseconds per neuron update. Input arrives as in seed-ei: a few percent of neurons get
 * some each step (a pseudo-random pattern, the same on every run). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 500;
  int steps = argc > 2 ? atoi(argv[2]) : 400000;
  float *v = malloc(n * sizeof *v), *ga = malloc(n * sizeof *ga), *gg = malloc(n * sizeof *gg);
  float *in_a = calloc(n, sizeof *in_a), *in_g = calloc(n, sizeof *in_g);
  float *above = malloc(n * sizeof *above);
  int *last = malloc(n * sizeof *last);
  const float dt = 0.1f, c = 200.0f, gl = 10.0f, el = -60.0f, e_ampa = 0.0f, e_gaba = -80.0f;
  const float vt = -50.0f, k_c = dt / c, k_a = 1.0f - dt / 5.0f, k_g = 1.0f - dt / 10.0f;
  const int refractory = 50;
  for (int i = 0; i < n; i++) {
    v[i] = el; ga[i] = 0; gg[i] = 0; last[i] = -1000000;
  }
  unsigned x = 12345u;
  long spikes = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int s = 0; s < steps; s++) {
    for (int j = 0; j < n / 16; j++) { /* input: ~6 % of neurons, as Poisson and recurrent spikes */
      x = x * 1664525u + 1013904223u;
      int i = (x >> 8) % n;
      in_a[i] += 0.9f;
      in_g[(i * 7) % n] += 0.4f;
    }
    for (int i = 0; i < n; i++) {
      float y0 = v[i], y1 = ga[i], y2 = gg[i];
      float t0v = y0 + k_c * (-gl * (y0 - el) - (y1 * (y0 - e_ampa) + y2 * (y0 - e_gaba)));
      int refr = s - last[i] < refractory;
      v[i] = refr ? y0 : t0v;
      ga[i] = y1 * k_a + in_a[i];
      gg[i] = y2 * k_g + in_g[i];
      in_a[i] = 0;
      in_g[i] = 0;
      above[i] = v[i] > vt && !refr;
    }
    for (int i = 0; i < n; i++) { /* the reset of the few that fire */
      if (above[i] != 0.0f) {
        v[i] = el; last[i] = s; spikes++;
      }
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double ns = (t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec);
  printf("%d neurons, %d steps: %.3f ns per neuron update (%.1f ms per simulated s at dt 0.1 ms; "
         "%ld spikes)\n", n, steps, ns / ((double) n * steps), ns / 1e6 / (steps * 0.1e-3), spikes);
  return 0;
}
