package dev.recsuite.protocols.config;

import java.util.regex.Pattern;

/**
 * Finds the line of a key in YAML text. Jackson reports an unknown property of a record at the end of the
 * enclosing mapping (it buffers the mapping to call the canonical constructor), so error messages look the
 * key up here: the last line at or before the reported one where the key starts a mapping entry.
 */
public final class YamlKeyLine {
  private YamlKeyLine() {}

  /**
   * @param reportedLine the 1-based line the parser reported
   * @return the 1-based line of the key, or {@code reportedLine} when it cannot be found
   */
  public static long find(String text, String key, long reportedLine) {
    Pattern p = Pattern.compile("(^|[\\s{,\\-])" + Pattern.quote(key) + "\\s*:");
    String[] lines = text.split("\n", -1);
    for (int i = (int) Math.min(reportedLine, lines.length) - 1; i >= 0; i--) {
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      if (p.matcher(line).find()) {
        return i + 1;
      }
    }
    return reportedLine;
  }
}
