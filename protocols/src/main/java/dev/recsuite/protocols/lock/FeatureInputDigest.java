package dev.recsuite.protocols.lock;

import dev.recsuite.protocols.data.Dataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of the inputs a feature file was computed from, so that a changed input is caught at load time even
 * when the dataset's own file hashes were updated. For each field in order it hashes {@code "field NAME\n"},
 * then:
 * <ul>
 *   <li>an item text column: each item's value followed by a NUL byte, items in file-row order;
 *   <li>a folder (a name ending in {@code /}, relative to the dataset folder): the {@link FileDigest} of the
 *       folder followed by a newline.
 * </ul>
 */
public final class FeatureInputDigest {
  private FeatureInputDigest() {}

  /**
   * @param itemOfRow internal item id of each file row (see {@code ExternalIdOrder})
   * @param datasetDir the dataset's folder, for folder fields; may be null when there are none
   */
  public static String of(Dataset d, List<String> fields, int[] itemOfRow, Path datasetDir) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    for (String field : fields) {
      md.update(("field " + field + "\n").getBytes(StandardCharsets.UTF_8));
      if (field.endsWith("/")) {
        Path folder = datasetDir == null ? null : datasetDir.resolve(field);
        if (folder == null || !Files.isDirectory(folder)) {
          throw new IllegalArgumentException(d.name() + ": feature input folder '" + field + "' not found"
              + (datasetDir == null ? "" : " in " + datasetDir));
        }
        md.update((FileDigest.digestDirectory(datasetDir, folder).sha256() + "\n").getBytes(StandardCharsets.UTF_8));
        continue;
      }
      String[] column = d.itemText().get(field);
      if (column == null) {
        throw new IllegalArgumentException(d.name() + ": feature input '" + field + "' is not an item text column;"
            + " it has " + d.itemText().keySet());
      }
      for (int item : itemOfRow) {
        String v = column[item];
        md.update((v == null ? "" : v).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
