package dev.rewire.output;

import dev.rewire.backend.ActiveSynapses;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Digests that make bit-identity checkable from a summary. The weight digest covers, for each
 * projection with a potential set in model order: its name (UTF-8), its active count (int32), then
 * every active synapse as (source, target, raw float bits of the weight), big-endian int32s, sorted
 * by (source, target).
 */
public final class Digests {
  private Digests() {}

  public static String weights(List<ActiveSynapses> projections) {
    MessageDigest md = sha256();
    for (ActiveSynapses a : projections) {
      md.update(a.projection().getBytes(StandardCharsets.UTF_8));
      ByteBuffer buf = ByteBuffer.allocate(4 + 12 * a.size());
      buf.putInt(a.size());
      for (int k = 0; k < a.size(); k++) {
        buf.putInt(a.source()[k]).putInt(a.target()[k])
            .putInt(Float.floatToRawIntBits(a.weight()[k]));
      }
      md.update(buf.array());
    }
    return hex(md.digest());
  }

  static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
