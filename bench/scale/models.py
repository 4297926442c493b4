#!/usr/bin/env python3
"""Writes the scaling family (bench/scale.sh): seed-ei and COBA at N neurons, 80 % E, with every
connection probability scaled by N0/N so that each neuron keeps the in-degree it has at the
original size N0 (seed-ei 500, COBA 4000). Usage: models.py OUT_DIR seed-ei:N ... coba:N ...
With STORAGE=active or slots in the environment, every all_pairs projection gets that storage
(else the size's choice: slots up to 2^22 possible pairs)."""
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE = {"seed-ei": (ROOT / "examples/seed-ei.toml", 500),
        "coba": (ROOT / "examples/coba.toml", 4000)}


def scaled(kind, n):
    path, n0 = BASE[kind]
    text = path.read_text()
    e = n * 4 // 5
    text = re.sub(r"^size = %d$" % n0, "size = %d" % n, text, flags=re.M)
    text = re.sub(r"E = \[0, %d\], I = \[%d, %d\]" % (n0 * 4 // 5, n0 * 4 // 5, n0),
                  "E = [0, %d], I = [%d, %d]" % (e, e, n), text)
    text = re.sub(r"\bp = ([0-9.]+)",
                  lambda m: "p = %.6g" % (float(m.group(1)) * n0 / n), text)
    text = re.sub(r'^name = "([^"]+)"', r'name = "\1-%d"' % n, text, count=1, flags=re.M)
    storage = os.environ.get("STORAGE")
    if storage:
        text = text.replace('rule = "all_pairs",', 'rule = "all_pairs", storage = "%s",' % storage)
    return text


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for spec in sys.argv[2:]:
        kind, n = spec.split(":")
        if kind not in BASE:
            sys.exit("models.py: unknown model '%s', expected one of %s" % (kind, sorted(BASE)))
        f = out / ("%s-%s.toml" % (kind, n))
        f.write_text(scaled(kind, int(n)))
        print(f)


if __name__ == "__main__":
    main()
