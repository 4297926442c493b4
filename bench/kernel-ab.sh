#!/usr/bin/env bash
# A/B of two builds' OpenCL kernels: seed-ei's device time (event profiling) on one engine, the two
# jars in alternation, ROUNDS pairs; prints each pair and the median ratio B/A. The kernels of a
# build are what its jar carries, so JAR_A can be any build with the resident engine.
# Usage: bench/kernel-ab.sh JAR_A JAR_B [ROUNDS=10] [SECONDS=20] [ENGINE=resident|per_step]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: bench/kernel-ab.sh JAR_A JAR_B [ROUNDS] [SECONDS] [ENGINE]" >&2; exit 2; }
a="$(realpath "$1")"
b="$(realpath "$2")"
rounds="${3:-10}"
seconds="${4:-20}"
engine="${5:-resident}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/jsig.sh
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
javac -nowarn -cp "$a" -d "$classes" bench/ab/KernelTime.java
for r in $(seq 1 "$rounds"); do
  ta="$(java -cp "$classes:$a" KernelTime A "$seconds" "$engine" | awk '{print $2}')"
  tb="$(java -cp "$classes:$b" KernelTime B "$seconds" "$engine" | awk '{print $2}')"
  echo "round $r: A $ta s, B $tb s of device time (B/A $(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.3f", b / a }'))"
done | tee /dev/stderr | awk '{ print $NF }' | tr -d ')' | sort -n \
  | awk '{ r[NR] = $1 } END { printf "median B/A over %d pairs: %.3f\n", NR, r[int((NR + 1) / 2)] }'
