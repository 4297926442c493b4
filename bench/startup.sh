#!/usr/bin/env bash
# Whole-command time of a short run, JVM start to summary written, with and without the start-up
# archive (class-data sharing, or JDK 25's AOT cache) that ./rewire trains once per build:
#   bench/startup.sh [ROUNDS=8] [DURATION=5s] [JAVA_HOMES="..."]
# alternates the two, round by round (the machine drifts), for each Java (default: the java on
# the PATH), and prints the median wall seconds of each and their ratio.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-8}"
duration="${2:-5s}"
homes="${JAVA_HOMES:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$here/rewire" version > /dev/null # build, if needed

wall() { # prints the wall seconds of "$@"; a failing command stops the script with its output
  local t0 t1
  t0=$(date +%s%N)
  if ! "$@" > "$tmp/out" 2>&1; then
    echo "bench/startup.sh: this failed: $*" >&2
    cat "$tmp/out" >&2
    exit 1
  fi
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) / 1e9 }'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

for home in $homes; do
  [ -x "$home/bin/java" ] || { echo "bench/startup.sh: $home/bin/java does not exist; JAVA_HOMES" \
      "names JDK folders, e.g. /usr/lib/jvm/java-17-openjdk-amd64" >&2; exit 2; }
  export PATH="$home/bin:$PATH"
  "$here/rewire" version > /dev/null 2>&1 # trains the archive for this Java
  : > "$tmp/plain"
  : > "$tmp/archive"
  for r in $(seq "$rounds"); do
    wall env REWIRE_NO_CDS=1 "$here/rewire" run --duration "$duration" --quiet \
        --summary "$tmp/s.json" >> "$tmp/plain"
    wall "$here/rewire" run --duration "$duration" --quiet --summary "$tmp/s.json" >> "$tmp/archive"
  done
  p=$(median < "$tmp/plain")
  a=$(median < "$tmp/archive")
  printf '%s, %s rounds, seed-ei %s: without archive %.3f s, with %.3f s (median); %.2fx\n' \
      "$(java -version 2>&1 | head -1)" "$rounds" "$duration" "$p" "$a" \
      "$(awk -v p="$p" -v a="$a" 'BEGIN { print p / a }')"
done
