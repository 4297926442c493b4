#!/usr/bin/env bash
# Per-kernel device time of seed-ei on the OpenCL backend (event profiling).
# Usage: bench/kernel-breakdown.sh [SIMULATED_SECONDS=5] [DEVICE=any] [NEURONS=1000] [ENGINE=auto|resident|per-step]
set -euo pipefail
case "${4:-auto}" in
  auto|resident|per-step) ;;
  *) echo "ENGINE must be auto, resident or per-step, got ${4}" >&2; exit 2 ;;
esac
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Dstyle.color=never -Pbench test-compile exec:exec -Dbench.main=dev.rewire.bench.KernelBreakdown \
  -Djmh.args="${1:-5} ${2:-any} ${3:-1000} ${4:-auto}"
