package dev.recsuite.suite.features;

import java.util.List;
import java.util.Map;

/**
 * Which item text fields make the sentence that the text encoder embeds. SUITE DECISION: MMRec builds
 * {@code title + " " + brand + " " + each category of the first category path + " " + description}, a missing
 * field becoming one space and newlines becoming spaces (specs/baselines.md §2.2 step 6). MovieLens has no brand
 * and no category path, so the analogue is {@link #TITLE_GENRES_DESCRIPTION}: the title, each genre followed by
 * a space (genres are {@code |}-separated, like MMRec's category list), then the plot description.
 */
public enum ItemSentence {
  /** MMRec's recipe without brand: title, genres, description (the default). */
  TITLE_GENRES_DESCRIPTION("title_genres_description", List.of("title", "genres", "imdb_description")),
  /** Title and genres only, for an ablation without plot text. */
  TITLE_GENRES("title_genres", List.of("title", "genres")),
  /** The title alone. */
  TITLE("title", List.of("title"));

  private final String key;
  private final List<String> fields;

  ItemSentence(String key, List<String> fields) {
    this.key = key;
    this.fields = fields;
  }

  /** The option value, as written in datasets.lock and on the command line. */
  public String key() {
    return key;
  }

  /** The item text columns it reads, in order: the first is the title, the second genres, the third a description. */
  public List<String> fields() {
    return fields;
  }

  public static ItemSentence parse(String key) {
    for (ItemSentence s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown sentence recipe '" + key + "'; expected one of "
        + List.of(values()).stream().map(ItemSentence::key).toList());
  }

  /**
   * The sentence of item {@code i}: {@code title + " " + (genre + " ") for each genre + description}, with an
   * empty field read as one space (MMRec's fillna(" ")) and newlines replaced by spaces.
   */
  public String of(Map<String, String[]> itemText, int i) {
    StringBuilder s = new StringBuilder(field(itemText, fields.get(0), i)).append(' ');
    if (fields.size() > 1) {
      String genres = field(itemText, fields.get(1), i);
      for (String g : genres.split("\\|")) {
        s.append(g.isEmpty() ? " " : g).append(' ');
      }
    }
    if (fields.size() > 2) {
      s.append(field(itemText, fields.get(2), i));
    }
    return s.toString().replace('\n', ' ').replace('\r', ' ');
  }

  private static String field(Map<String, String[]> itemText, String column, int i) {
    String[] col = itemText.get(column);
    if (col == null) {
      throw new IllegalArgumentException("item text has no column '" + column + "' (it has " + itemText.keySet() + ")");
    }
    String v = col[i];
    return v == null || v.isEmpty() ? " " : v;
  }
}
