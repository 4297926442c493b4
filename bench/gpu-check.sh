#!/usr/bin/env bash
# GPU check for a machine with an NVIDIA GPU but no Java (the lent device machine).
#
#   bench/gpu-check.sh prepare     # here: builds .gpu/ (jlink-ed runtime, jar, ICD loader, this script)
#   bash .gpu/gpu-check.sh run     # there, from the repository root; results go to $OUT (or .gpu/out)
#   bash .gpu/gpu-check.sh speed   # there: Java backend, cold 40 s runs, seeds 1-3, three times each
#   bash .gpu/gpu-check.sh scale   # there: the scaling family (bench/scale.sh's models) on java,
#                                  # 1 thread and every core, and opencl, with their digests compared
#   bash .gpu/gpu-check.sh batch   # there: the resident engine's batches (identity, throughput)
#
# `run` finds NVIDIA's libnvidia-opencl.so.1, points an ICD file at it (OCL_ICD_VENDORS), lists the
# devices, checks that the OpenCL backend reproduces the Java backend's digests and structural counts
# (seed-ei, 2 s, seeds 1-3, both structural-plasticity modes) and times a 40 s run on both backends.
# .gpu/ is ignored by git and carried to the device machine (keep it under 64 MiB).
set -euo pipefail
# The script lives in bench/ (here) or .gpu/ (there): the repository root is its folder's parent.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gpu="$root/.gpu"
# The bundled java with the JDK's signal-chaining library preloaded, as the rewire launcher runs
# it (an OpenCL runtime built on LLVM would otherwise take over the JVM's signal handlers).
jre_java=(env "LD_PRELOAD=$gpu/jre/lib/libjsig.so${LD_PRELOAD:+:$LD_PRELOAD}" "$gpu/jre/bin/java")

prepare() {
  (cd "$root" && mvn -B -q package -DskipTests)
  rm -rf "$gpu"
  mkdir -p "$gpu/lib"
  modules="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$root/target/rewire.jar")"
  jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
    --output "$gpu/jre"
  cp "$root/target/rewire.jar" "$gpu/rewire.jar"
  cp -L "$(ldconfig -p | awk '/libOpenCL.so.1 .*x86-64/ {print $NF; exit}')" "$gpu/lib/libOpenCL.so.1"
  cp "$root/bench/gpu-check.sh" "$gpu/gpu-check.sh"
  # The scaling family, written here (the device machine may lack python3).
  python3 "$root/bench/scale/models.py" "$gpu/scale" ${SCALE_MODELS:-seed-ei:500 seed-ei:2000 \
    seed-ei:5000 seed-ei:50000 coba:4000 coba:16000 coba:64000} > /dev/null
  du -sh "$gpu"
}

find_nvidia() {
  for d in /usr/lib/x86_64-linux-gnu /usr/lib64 /usr/local/nvidia/lib64 /usr/local/nvidia/lib \
           /usr/lib/nvidia /usr/local/cuda/lib64 /usr/lib; do
    [ -e "$d/libnvidia-opencl.so.1" ] && { echo "$d/libnvidia-opencl.so.1"; return; }
  done
  ldconfig -p 2>/dev/null | awk '/libnvidia-opencl.so.1/ {print $NF; exit}'
  find / -name 'libnvidia-opencl.so.1*' -not -path '/proc/*' 2>/dev/null | head -n 1
}

digest_of() { # file -> "spikes weights"
  tr -d ' \n' < "$1" | sed -E 's/.*"digest":\{"spikes":"([0-9a-f]+)","weights":"([0-9a-f]+)"\}.*/\1 \2/'
}

structural_of() { tr -d ' \n' < "$1" | sed -E 's/.*"structural":(\{.*\}),"final".*/\1/'; }

# Points the ICD loader at NVIDIA's driver when there is one (sets lib: its path, or empty).
use_nvidia() {
  mkdir -p "$gpu/icd"
  lib="$(find_nvidia || true)"
  if [ -n "$lib" ]; then
    echo "$lib" > "$gpu/icd/nvidia.icd"
    export OCL_ICD_VENDORS="$gpu/icd"
  fi
  export LD_LIBRARY_PATH="$gpu/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
}

run() {
  # $OUT brings back a few files only: summaries go to a scratch folder and travel as one tarball.
  out="${OUT:-$gpu/out}"
  work="$gpu/work"
  mkdir -p "$out" "$work"
  use_nvidia
  {
    echo "uname: $(uname -a)"
    ls -l /etc/OpenCL/vendors 2>&1 || true
    if [ -n "$lib" ]; then
      echo "NVIDIA OpenCL driver: $lib"
    else
      echo "libnvidia-opencl.so.1 not found; using the system's ICD files"
    fi
  } | tee "$out/driver.txt"
  nvidia-smi > "$out/nvidia-smi.txt" 2>&1 || true
  java=("${jre_java[@]}" -jar "$gpu/rewire.jar")
  "${java[@]}" devices 2>&1 | tee "$out/devices.txt"
  fails=0
  for mode in global per-source; do
    for seed in 1 2 3; do
      for backend in java opencl; do
        "${java[@]}" run --duration 2s --seed "$seed" --backend "$backend" --quiet \
          --set "projections.ee.structural.mode=$mode" --set "projections.ie.structural.mode=$mode" \
          --summary "$work/$mode-$seed-$backend.json" 2>&1 | tee -a "$out/runs.txt"
      done
      if [ "$(digest_of "$work/$mode-$seed-java.json")" = "$(digest_of "$work/$mode-$seed-opencl.json")" ] \
        && [ "$(structural_of "$work/$mode-$seed-java.json")" = "$(structural_of "$work/$mode-$seed-opencl.json")" ]; then
        echo "identical: $mode seed $seed" | tee -a "$out/identity.txt"
      else
        echo "DIFFERENT: $mode seed $seed" | tee -a "$out/identity.txt"
        fails=$((fails + 1))
      fi
    done
  done
  echo "$fails of 6 runs differ" | tee -a "$out/identity.txt"
  for backend in java opencl; do
    timeout 200 "${java[@]}" run --duration 40s --seed 1 --backend "$backend" --quiet 2>&1 | tee -a "$out/timing.txt" || true
  done
  "${java[@]}" run --duration 5s --seed 1 --backend opencl --profile 2>&1 | tee -a "$out/timing.txt"
  tar -czf "$out/summaries.tar.gz" -C "$work" .
  [ "$fails" -eq 0 ]
}

speed() {
  out="${OUT:-$gpu/out}"
  mkdir -p "$out"
  echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    | tee -a "$out/speed.txt"
  for rep in 1 2 3; do
    for seed in 1 2 3; do
      "${jre_java[@]}" -jar "$gpu/rewire.jar" run --duration 40s --seed "$seed" --backend java \
        --quiet 2>&1 | tee -a "$out/speed.txt"
    done
  done
}

# The scaling family (bench/scale/models.py: seed-ei and COBA grown at constant in-degree), each on
# java with 1 thread, java on every core and opencl (per-step engine for networks this large):
# wall ms per simulated second, and whether the three gave the same digests.
scale() {
  out="${OUT:-$gpu/out}"
  mkdir -p "$out"
  use_nvidia
  cores="$(nproc)"
  for f in "$gpu"/scale/*.toml; do
    m="$(basename "$f" .toml)"
    n="${m##*-}"
    duration=1s
    [ "$n" -ge 16000 ] && duration=0.2s
    first=""
    for how in "java 1" "java $cores" "opencl 1"; do
      set -- $how
      summary="$out/scale-$m-$1-$2.json"
      if timeout 170 "${jre_java[@]}" -Xmx24g -jar "$gpu/rewire.jar" run "$f" --duration "$duration" \
          --backend "$1" --threads "$2" --quiet --summary "$summary" > "$out/scale.log" 2>&1; then
        d="$(digest_of "$summary")"
        [ -z "$first" ] && first="$d"
        same=$([ "$d" = "$first" ] && echo "same digests" || echo "DIGESTS DIFFER")
        echo "$m $1 threads=$2: $(tr -d ' \n' < "$summary" \
          | sed -E 's/.*"wall_ms_per_simulated_s":([0-9.]+).*/\1/') ms per simulated s; $same" \
          | tee -a "$out/scale.txt"
      else
        echo "$m $1 threads=$2: timed out or failed: $(tail -1 "$out/scale.log")" \
          | tee -a "$out/scale.txt"
      fi
    done
  done
}

# A sweep's table without its wall-time column, sorted by run id: what two backends must agree on.
table_of() {
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "wall_s") w = i }
    { line = ""; for (i = 1; i <= NF; i++) if (i != w) line = line (line == "" ? "" : ",") $i;
      print line }' "$1/sweep.csv" | sort
}

# The resident engine: a batch of 64 networks (16 seeds x two lr x both structural modes, 2 s)
# against the same sweep in Java on the host's cores, then throughput: the Java sweep on every
# host core and OpenCL sweeps of B networks in one batch, for B in BATCHES (default 1 ... 4096),
# 5 s each. Each line gives network-seconds per wall second of the whole command (JVM start,
# kernel build and initial synapses included) and the sweep's own figure (from its start).
batch() {
  out="${OUT:-$gpu/out}"
  work="$gpu/work"
  mkdir -p "$out" "$work"
  use_nvidia
  java=("${jre_java[@]}" -jar "$gpu/rewire.jar")
  cores="$(nproc)"
  {
    echo "host: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    "${java[@]}" version
    "${java[@]}" devices
  } 2>&1 | tee "$out/batch.txt"
  cat > "$work/identity.toml" <<'TOML'
model = "seed-ei"
duration = "2s"
seeds = "1-16"
[grid]
"projections.ee.stdp.lr" = [0.01, 0.02]
"projections.ee.structural.mode" = ["global", "per-source"]
TOML
  rm -rf "$work/id-java" "$work/id-opencl"
  "${java[@]}" sweep "$work/identity.toml" --backend java --jobs "$cores" --out-dir "$work/id-java" --quiet \
    2>&1 | tail -n 1 | sed 's/^/java: /' | tee -a "$out/batch.txt"
  "${java[@]}" sweep "$work/identity.toml" --backend opencl --batch-size 64 \
    --out-dir "$work/id-opencl" --quiet 2>&1 | tail -n 1 | sed 's/^/opencl: /' | tee -a "$out/batch.txt"
  fails=0
  if [ "$(table_of "$work/id-java" | wc -l)" -eq 65 ] \
    && [ "$(table_of "$work/id-java")" = "$(table_of "$work/id-opencl")" ]; then
    echo "identical: 64 networks in one batch, digests, counts and rates equal to Java's" \
      | tee -a "$out/batch.txt"
  else
    echo "DIFFERENT: the batch of 64 does not reproduce the Java sweep" | tee -a "$out/batch.txt"
    diff <(table_of "$work/id-java") <(table_of "$work/id-opencl") | head -n 20 \
      | tee -a "$out/batch.txt" || true
    fails=1
  fi
  throughput() { # label, runs, sweep options...
    local label="$1" runs="$2" t0 t1 line
    shift 2
    rm -rf "$work/tp"
    t0="$(date +%s.%N)"
    line="$(timeout 240 "${java[@]}" sweep --seeds "1-$runs" --duration 5s --out-dir "$work/tp" --quiet \
      "$@" 2>&1 | tail -n 1)" || line="timed out or failed: $line"
    t1="$(date +%s.%N)"
    awk -v l="$label" -v n="$runs" -v a="$t0" -v b="$t1" -v s="$line" 'BEGIN {
      printf "%s: %.1f network-s per wall s, whole command (%.1f s) | %s\n", l, n * 5 / (b - a),
        b - a, s }' | tee -a "$out/batch.txt"
  }
  throughput "java sweep --jobs $cores, $((16 * cores)) runs" $((16 * cores)) --backend java \
    --jobs "$cores"
  for b in ${BATCHES:-1 4 16 64 256 1024 4096}; do
    throughput "opencl, one batch of $b" "$b" --backend opencl --batch-size "$b"
  done
  [ "$fails" -eq 0 ]
}


case "${1:-}" in
  prepare) prepare ;;
  run) run ;;
  speed) speed ;;
  scale) scale ;;
  batch) batch ;;
  *) echo "usage: $0 prepare|run|speed|scale|batch" >&2; exit 2 ;;
esac
