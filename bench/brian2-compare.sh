#!/usr/bin/env bash
# rewire against Brian2 on seed-ei, in the same run: wall milliseconds per simulated second.
# Needs Brian2 (Debian: apt-get install -y python3-brian); the Brian2 model is bench/brian2/seed_ei.py
# (vectorised structural plasticity in a network_operation; compilation is outside the timing).
# Usage: bench/brian2-compare.sh [SECONDS=5] [SEED=1]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-5}"
seed="${2:-1}"
python=/usr/bin/python3
"$python" -c 'import brian2' 2>/dev/null || { echo "Brian2 is not installed: apt-get install -y python3-brian" >&2; exit 2; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$python" "$here/bench/brian2/seed_ei.py" "$seconds" "$seed" 2>/dev/null | tail -n 1
"$here/rewire" run --duration "${seconds}s" --seed "$seed" --backend java --quiet
