package dev.rewire.backend.opencl.device;

/**
 * The two memories a per-element function runs on: global (the per-step engine's state, suffix
 * _g) and local (the resident engine's copy, _l). A text written with RW_SPACE, RW_SPACED(name)
 * and RW_ADD64 is built once for each, so both engines run the same code.
 */
enum Space {
  GLOBAL("__global", "_g", "atom_add(p, x)"),
  LOCAL("__local", "_l", "RW_LOCAL_ADD64(p, x)");

  final String qualifier;
  final String suffix;
  private final String add64;

  Space(String qualifier, String suffix, String add64) {
    this.qualifier = qualifier;
    this.suffix = suffix;
    this.add64 = add64;
  }

  /** {@code text} built for this memory. */
  String instantiate(String text) {
    return "#define RW_SPACE " + qualifier + "\n#define RW_SUFFIX " + suffix + "\n"
        + "#define RW_ADD64(p, x) " + add64 + "\n" + text
        + "\n#undef RW_SPACE\n#undef RW_SUFFIX\n#undef RW_ADD64\n";
  }
}
