# Sourced by the scripts here that start java themselves: java runs with the JDK's signal-chaining
# library preloaded, as the rewire launcher runs it (PoCL's LLVM would otherwise take over the
# JVM's signal handlers). Only java: libjsig warns in every other process that calls signal().
jsig="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/libjsig.so"
java() {
  if [ -f "$jsig" ]; then
    LD_PRELOAD="$jsig${LD_PRELOAD:+:$LD_PRELOAD}" command java "$@"
  else
    command java "$@"
  fi
}
