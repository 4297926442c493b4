#!/usr/bin/env bash
# Soak: seed-ei for 1000 simulated seconds (default) on the Java backend, checking at every
# structural-plasticity call that active counts are conserved and, every simulated second, that the
# active synapses are in range with no duplicates; prints heap use after GC at start, end and max.
# Usage: bench/soak.sh [SECONDS=1000] [SEED=1]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Pbench test-compile exec:exec -Dbench.main=dev.rewire.bench.Soak \
  -Djmh.args="${1:-1000} ${2:-1}"
