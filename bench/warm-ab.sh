#!/usr/bin/env bash
# Warm A/B of two builds in one JVM (dev.rewire.bench.WarmAB): seed-ei on the Java backend, the two
# builds advanced one simulated second at a time in alternation, so both see the same machine
# state; the first repetition (JIT warm-up) is not counted. For cold runs, use bench/ab.sh.
# Usage: bench/warm-ab.sh JAR_A JAR_B [REPS=6] [SEED=1] [SECONDS=40]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: bench/warm-ab.sh JAR_A JAR_B [REPS=6] [SEED=1] [SECONDS=40]" >&2; exit 2; }
a="$(realpath "$1")"
b="$(realpath "$2")"
shift 2
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Pbench test-compile exec:exec -Dbench.main=dev.rewire.bench.WarmAB \
  -Djmh.args="$a $b ${1:-6} ${2:-1} ${3:-40}"
