# Sourced by the scripts here that start java themselves: the JDK's signal-chaining library, as the
# rewire launcher preloads it (PoCL's LLVM would otherwise take over the JVM's signal handlers).
jsig="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/libjsig.so"
if [ -f "$jsig" ]; then
  export LD_PRELOAD="$jsig${LD_PRELOAD:+:$LD_PRELOAD}"
fi
