#!/usr/bin/env python3
"""The plot of bench/scale.sh: wall ms per simulated second of each model of the scaling family by
thread count (log scale), with each count's speed-up over one thread written on its bar.
Usage: plot.py SCALE_CSV OUT_PNG (needs matplotlib: apt-get install -y python3-matplotlib)."""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after the backend is chosen)

rows = list(csv.DictReader(open(sys.argv[1])))
models = []
for r in rows:
    m = "%s %s" % (r["model"], r["neurons"])
    if m not in models:
        models.append(m)
threads = []
for r in rows:
    if r["threads"] not in threads:
        threads.append(r["threads"])
width = 0.8 / len(threads)
fig, ax = plt.subplots(figsize=(8, 4))
for k, t in enumerate(threads):
    xs, ys, labels = [], [], []
    for i, m in enumerate(models):
        for r in rows:
            if "%s %s" % (r["model"], r["neurons"]) == m and r["threads"] == t:
                xs.append(i + (k - (len(threads) - 1) / 2) * width)
                ys.append(float(r["wall_ms_per_simulated_s"]))
                labels.append("%s×" % r["speedup_over_1_thread"])
    bars = ax.bar(xs, ys, width, label="%s thread%s" % (t, "" if t == "1" else "s"))
    for b, text in zip(bars, labels):
        ax.annotate(text, (b.get_x() + b.get_width() / 2, b.get_height()), ha="center",
                    va="bottom", fontsize=8)
ax.set_yscale("log")
ax.set_xticks(range(len(models)))
ax.set_xticklabels(models)
ax.set_ylabel("wall ms per simulated s")
ax.set_title("rewire Java, one network on 1 and 2 threads (bench/scale.sh)")
ax.legend()
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=100)
print(sys.argv[2])
