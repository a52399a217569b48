package dev.recsuite.protocols.split;

import dev.recsuite.protocols.data.Dataset;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dataset divided into train, valid and test rows, with the audit that proved it leak-free and a SHA-256
 * fingerprint of its content. Row arrays are grouped by user (ascending) and chronological within a user.
 *
 * @param train [nTrain] row indices into the dataset
 * @param valid [nValid] row indices
 * @param test [nTest] row indices
 * @param fingerprint SHA-256 over the dataset's interactions hash, the protocol and its parameters, and
 *     the three row lists: equal fingerprints mean identical splits
 */
public record Split(String protocol, Map<String, String> params, Dataset dataset, int[] train, int[] valid, int[] test,
    LeakAudit.Report audit, String fingerprint) {

  /** Assigns, groups, audits and fingerprints; throws {@link LeakException} if the audit finds a leak. */
  public static Split of(SplitProtocol p, Dataset d) {
    byte[] part = p.assign(d);
    int[] counts = new int[3];
    for (byte b : part) {
      if (b >= 0) {
        counts[b]++;
      }
    }
    int[][] rows = {new int[counts[0]], new int[counts[1]], new int[counts[2]]};
    int[] fill = new int[3];
    for (int u = 0; u < d.nUsers(); u++) {
      for (int r : d.userRows(u)) {
        byte b = part[r];
        if (b >= 0) {
          rows[b][fill[b]++] = r;
        }
      }
    }
    LeakAudit.Report audit = LeakAudit.run(p, d, part);
    String fp = fingerprint(d, p, rows);
    return new Split(p.name(), Map.copyOf(p.params()), d, rows[0], rows[1], rows[2], audit, fp);
  }

  private static String fingerprint(Dataset d, SplitProtocol p, int[][] rows) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    md.update(d.interactionsSha256().getBytes(StandardCharsets.US_ASCII));
    md.update(p.name().getBytes(StandardCharsets.UTF_8));
    new TreeMap<>(p.params()).forEach((k, v) -> md.update((k + "=" + v + ";").getBytes(StandardCharsets.UTF_8)));
    for (int[] part : rows) {
      ByteBuffer b = ByteBuffer.allocate(4 + 4 * part.length).order(ByteOrder.LITTLE_ENDIAN);
      b.putInt(part.length);
      for (int r : part) {
        b.putInt(r);
      }
      md.update(b.array());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The rows of one part per user, [nUsers][rows], chronological; users without rows get an empty array. */
  public int[][] itemsByUser(int[] partRows) {
    int[] counts = new int[dataset.nUsers()];
    for (int r : partRows) {
      counts[dataset.user(r)]++;
    }
    int[][] out = new int[dataset.nUsers()][];
    for (int u = 0; u < out.length; u++) {
      out[u] = new int[counts[u]];
    }
    int[] fill = new int[dataset.nUsers()];
    for (int r : partRows) {
      int u = dataset.user(r);
      out[u][fill[u]++] = dataset.item(r);
    }
    return out;
  }

  public String summary() {
    return protocol + " " + params + ": train " + train.length + ", valid " + valid.length + ", test " + test.length
        + ", fingerprint " + fingerprint.substring(0, 12);
  }
}
