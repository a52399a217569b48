package dev.recsuite.protocols.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects interaction rows from a reader and assigns internal ids.
 *
 * <p>Two id policies: {@link IdPolicy#MAPPED} gives users and items contiguous ids in order of first
 * appearance (external ids are kept as keys); {@link IdPolicy#NUMERIC} keeps non-negative integer ids as they
 * are, with n = max id + 1, which is MMRec's rule and keeps row i of its feature files aligned with item i.
 */
public final class DatasetBuilder {
  /** How external ids become internal ones. */
  public enum IdPolicy { MAPPED, NUMERIC }

  private final String name;
  private final IdPolicy policy;
  private final Map<String, Integer> userIndex = new HashMap<>();
  private final Map<String, Integer> itemIndex = new HashMap<>();
  private final List<String> userKeys = new ArrayList<>();
  private final List<String> itemKeys = new ArrayList<>();
  private int maxUser = -1;
  private int maxItem = -1;
  private int size;
  private int[] users = new int[1024];
  private int[] items = new int[1024];
  private float[] ratings;
  private long[] timestamps;
  private byte[] labels;
  private String[] reviews;
  private final Map<String, FeatureMatrix> features = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> itemTextByKey = new LinkedHashMap<>();
  private int declaredUsers = -1;
  private int declaredItems = -1;

  public DatasetBuilder(String name, IdPolicy policy, boolean withRatings, boolean withTimestamps, boolean withLabels,
      boolean withReviews) {
    this.name = name;
    this.policy = policy;
    this.ratings = withRatings ? new float[1024] : null;
    this.timestamps = withTimestamps ? new long[1024] : null;
    this.labels = withLabels ? new byte[1024] : null;
    this.reviews = withReviews ? new String[1024] : null;
  }

  /**
   * Declares the id ranges of a {@link IdPolicy#NUMERIC} dataset, for catalogues in which some ids have no
   * interaction (a generator's item catalogue).
   */
  public DatasetBuilder declareSizes(int nUsers, int nItems) {
    if (policy != IdPolicy.NUMERIC) {
      throw new IllegalStateException("declareSizes applies to NUMERIC ids only");
    }
    this.declaredUsers = nUsers;
    this.declaredItems = nItems;
    return this;
  }

  /**
   * Adds a row. Under NUMERIC ids, {@code user} and {@code item} must be non-negative integers; the caller
   * turns a {@link NumberFormatException} into a {@link DataFormatException} with its line.
   */
  public void add(String user, String item, float rating, long timestamp, int label, String review) {
    if (size == users.length) {
      grow();
    }
    users[size] = id(user, userIndex, userKeys, true);
    items[size] = id(item, itemIndex, itemKeys, false);
    if (ratings != null) {
      ratings[size] = rating;
    }
    if (timestamps != null) {
      timestamps[size] = timestamp;
    }
    if (labels != null) {
      labels[size] = (byte) label;
    }
    if (reviews != null) {
      reviews[size] = review;
    }
    size++;
  }

  private int id(String key, Map<String, Integer> index, List<String> keys, boolean isUser) {
    if (policy == IdPolicy.NUMERIC) {
      int v = Integer.parseInt(key.strip());
      if (v < 0) {
        throw new NumberFormatException("negative id " + v);
      }
      if (isUser) {
        maxUser = Math.max(maxUser, v);
      } else {
        maxItem = Math.max(maxItem, v);
      }
      return v;
    }
    Integer id = index.get(key);
    if (id == null) {
      id = keys.size();
      index.put(key, id);
      keys.add(key);
    }
    return id;
  }

  private void grow() {
    int n = users.length * 2;
    users = Arrays.copyOf(users, n);
    items = Arrays.copyOf(items, n);
    if (ratings != null) {
      ratings = Arrays.copyOf(ratings, n);
    }
    if (timestamps != null) {
      timestamps = Arrays.copyOf(timestamps, n);
    }
    if (labels != null) {
      labels = Arrays.copyOf(labels, n);
    }
    if (reviews != null) {
      reviews = Arrays.copyOf(reviews, n);
    }
  }

  public int size() {
    return size;
  }

  /** Adds a dense item feature matrix; its rows must follow internal item ids (NUMERIC ids). */
  public DatasetBuilder feature(String modality, FeatureMatrix m) {
    features.put(modality, m);
    return this;
  }

  /** Item text column values keyed by external item id; items without a value get "". */
  public DatasetBuilder itemText(String column, Map<String, String> byExternalId) {
    itemTextByKey.put(column, byExternalId);
    return this;
  }

  /** Whether an external item id has been seen (for readers of side files such as a RecBole .item). */
  public boolean knowsItem(String key) {
    return policy == IdPolicy.MAPPED ? itemIndex.containsKey(key) : true;
  }

  public Dataset build(Chronology chronology) {
    int nUsers;
    int nItems;
    String[] uk;
    String[] ik;
    if (policy == IdPolicy.NUMERIC) {
      nUsers = Math.max(maxUser + 1, declaredUsers);
      nItems = Math.max(maxItem + 1, declaredItems);
      uk = new String[nUsers];
      ik = new String[nItems];
      for (int x = 0; x < nUsers; x++) {
        uk[x] = Integer.toString(x);
      }
      for (int x = 0; x < nItems; x++) {
        ik[x] = Integer.toString(x);
      }
    } else {
      nUsers = userKeys.size();
      nItems = itemKeys.size();
      uk = userKeys.toArray(String[]::new);
      ik = itemKeys.toArray(String[]::new);
    }
    Map<String, String[]> text = new LinkedHashMap<>();
    itemTextByKey.forEach((col, byKey) -> {
      String[] out = new String[nItems];
      for (int x = 0; x < nItems; x++) {
        out[x] = byKey.getOrDefault(ik[x], "");
      }
      text.put(col, out);
    });
    return new Dataset(name, nUsers, nItems, Arrays.copyOf(users, size), Arrays.copyOf(items, size),
        ratings == null ? null : Arrays.copyOf(ratings, size), timestamps == null ? null : Arrays.copyOf(timestamps, size),
        labels == null ? null : Arrays.copyOf(labels, size), reviews == null ? null : Arrays.copyOf(reviews, size),
        chronology, uk, ik, features, text);
  }
}
