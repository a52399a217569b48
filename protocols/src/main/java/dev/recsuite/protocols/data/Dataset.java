package dev.recsuite.protocols.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable in-memory interaction dataset with contiguous int ids (users 0..nUsers-1, items
 * 0..nItems-1). Row r is one interaction, in file order; {@link #userRows(int)} lists a user's rows ordered
 * by (timestamp, file order), which is the chronology every time-based protocol uses.
 *
 * <p>Optional columns: rating, timestamp, the shipped split label (MMRec {@code x_label}: 0 train, 1 valid,
 * 2 test), review text per interaction, item text columns, and dense item feature matrices (row i = item i).
 * Arrays handed out by accessors are shared and must not be modified.
 */
public final class Dataset {
  private final String name;
  private final int nUsers;
  private final int nItems;
  private final int[] users; // [nRows]
  private final int[] items; // [nRows]
  private final float[] ratings; // [nRows] or null
  private final long[] timestamps; // [nRows] or null
  private final byte[] labels; // [nRows] or null
  private final String[] reviews; // [nRows] or null
  private final Chronology chronology;
  private final String[] userKeys; // [nUsers] external ids
  private final String[] itemKeys; // [nItems] external ids
  private final Map<String, FeatureMatrix> itemFeatures;
  private final Map<String, String[]> itemText; // column -> [nItems]
  private final int[][] userRows; // [nUsers][rows of the user, chronological]

  Dataset(String name, int nUsers, int nItems, int[] users, int[] items, float[] ratings, long[] timestamps,
      byte[] labels, String[] reviews, Chronology chronology, String[] userKeys, String[] itemKeys,
      Map<String, FeatureMatrix> itemFeatures, Map<String, String[]> itemText) {
    this.name = Objects.requireNonNull(name);
    this.nUsers = nUsers;
    this.nItems = nItems;
    this.users = users;
    this.items = items;
    this.ratings = ratings;
    this.timestamps = timestamps;
    this.labels = labels;
    this.reviews = reviews;
    this.chronology = chronology;
    this.userKeys = userKeys;
    this.itemKeys = itemKeys;
    this.itemFeatures = Map.copyOf(itemFeatures);
    this.itemText = Map.copyOf(itemText);
    int n = users.length;
    if (items.length != n || (ratings != null && ratings.length != n) || (timestamps != null && timestamps.length != n)
        || (labels != null && labels.length != n) || (reviews != null && reviews.length != n)) {
      throw new IllegalArgumentException(name + ": interaction columns differ in length");
    }
    if (userKeys.length != nUsers || itemKeys.length != nItems) {
      throw new IllegalArgumentException(name + ": id key tables do not match nUsers/nItems");
    }
    if (chronology == Chronology.TIMESTAMPS && timestamps == null) {
      throw new IllegalArgumentException(name + ": chronology TIMESTAMPS needs a timestamp column");
    }
    for (int r = 0; r < n; r++) {
      if (users[r] < 0 || users[r] >= nUsers || items[r] < 0 || items[r] >= nItems) {
        throw new IllegalArgumentException(name + ": row " + r + " has ids out of range");
      }
    }
    itemFeatures.forEach((k, f) -> {
      if (f.rows() != nItems) {
        throw new IllegalArgumentException(name + ": feature '" + k + "' has " + f.rows() + " rows, the dataset has " + nItems + " items");
      }
    });
    itemText.forEach((k, t) -> {
      if (t.length != nItems) {
        throw new IllegalArgumentException(name + ": item text '" + k + "' has " + t.length + " entries, the dataset has " + nItems + " items");
      }
    });
    this.userRows = groupChronologically();
  }

  private int[][] groupChronologically() {
    int[] counts = new int[nUsers];
    for (int u : users) {
      counts[u]++;
    }
    int[][] byUser = new int[nUsers][];
    for (int u = 0; u < nUsers; u++) {
      byUser[u] = new int[counts[u]];
    }
    int[] fill = new int[nUsers];
    for (int r = 0; r < users.length; r++) {
      byUser[users[r]][fill[users[r]]++] = r; // file order within each user
    }
    if (timestamps != null) {
      for (int[] rows : byUser) {
        sortByTimeThenRow(rows);
      }
    }
    return byUser;
  }

  private void sortByTimeThenRow(int[] rows) {
    boolean sorted = true;
    for (int k = 1; k < rows.length && sorted; k++) {
      sorted = timestamps[rows[k - 1]] <= timestamps[rows[k]];
    }
    if (sorted) {
      return; // rows are already in file order, so equal timestamps keep file order
    }
    Integer[] boxed = new Integer[rows.length];
    for (int k = 0; k < rows.length; k++) {
      boxed[k] = rows[k];
    }
    Arrays.sort(boxed, (a, b) -> {
      int c = Long.compare(timestamps[a], timestamps[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    for (int k = 0; k < rows.length; k++) {
      rows[k] = boxed[k];
    }
  }

  public String name() {
    return name;
  }

  public int nUsers() {
    return nUsers;
  }

  public int nItems() {
    return nItems;
  }

  public int nInteractions() {
    return users.length;
  }

  public int user(int row) {
    return users[row];
  }

  public int item(int row) {
    return items[row];
  }

  /** Per-row user ids, [nInteractions]; shared, do not modify. */
  public int[] users() {
    return users;
  }

  /** Per-row item ids, [nInteractions]; shared, do not modify. */
  public int[] items() {
    return items;
  }

  public Chronology chronology() {
    return chronology;
  }

  public boolean hasTimestamps() {
    return timestamps != null;
  }

  public long timestamp(int row) {
    if (timestamps == null) {
      throw new IllegalStateException(name + " has no timestamp column");
    }
    return timestamps[row];
  }

  public boolean hasRatings() {
    return ratings != null;
  }

  public float rating(int row) {
    if (ratings == null) {
      throw new IllegalStateException(name + " has no rating column");
    }
    return ratings[row];
  }

  public boolean hasLabels() {
    return labels != null;
  }

  /** The shipped split label of a row (MMRec x_label: 0 train, 1 valid, 2 test). */
  public int label(int row) {
    if (labels == null) {
      throw new IllegalStateException(name + " has no shipped split column (x_label)");
    }
    return labels[row];
  }

  public boolean hasReviews() {
    return reviews != null;
  }

  public String review(int row) {
    if (reviews == null) {
      throw new IllegalStateException(name + " has no review text column");
    }
    return reviews[row];
  }

  /** A user's rows ordered by (timestamp, file order); shared, do not modify. */
  public int[] userRows(int user) {
    return userRows[user];
  }

  public String userKey(int user) {
    return userKeys[user];
  }

  public String itemKey(int item) {
    return itemKeys[item];
  }

  public Map<String, FeatureMatrix> itemFeatures() {
    return itemFeatures;
  }

  public FeatureMatrix feature(String modality) {
    FeatureMatrix f = itemFeatures.get(modality);
    if (f == null) {
      throw new IllegalArgumentException(name + " has no '" + modality + "' item features; it has " + new TreeMap<>(itemFeatures).keySet());
    }
    return f;
  }

  public Map<String, String[]> itemText() {
    return itemText;
  }

  /** A copy with these feature matrices added (or replaced). */
  public Dataset withFeatures(Map<String, FeatureMatrix> features) {
    Map<String, FeatureMatrix> merged = new LinkedHashMap<>(itemFeatures);
    merged.putAll(features);
    return new Dataset(name, nUsers, nItems, users, items, ratings, timestamps, labels, reviews, chronology,
        userKeys, itemKeys, merged, itemText);
  }

  /** A copy with these item text columns added (or replaced); each array has one entry per item. */
  public Dataset withItemText(Map<String, String[]> columns) {
    Map<String, String[]> merged = new LinkedHashMap<>(itemText);
    merged.putAll(columns);
    return new Dataset(name, nUsers, nItems, users, items, ratings, timestamps, labels, reviews, chronology,
        userKeys, itemKeys, itemFeatures, merged);
  }

  /** A copy under another name (a preprocessed variant keeps its lock name). */
  public Dataset withName(String newName) {
    return new Dataset(newName, nUsers, nItems, users, items, ratings, timestamps, labels, reviews, chronology,
        userKeys, itemKeys, itemFeatures, itemText);
  }

  /**
   * The rows with {@code keep[r]} true, re-indexed: users and items that keep at least one row get contiguous
   * ids in ascending order of their old ids (so feature rows stay aligned), the rest are dropped.
   */
  public Dataset select(boolean[] keep) {
    int[] newUser = new int[nUsers];
    int[] newItem = new int[nItems];
    Arrays.fill(newUser, -1);
    Arrays.fill(newItem, -1);
    int kept = 0;
    for (int r = 0; r < users.length; r++) {
      if (keep[r]) {
        newUser[users[r]] = 0;
        newItem[items[r]] = 0;
        kept++;
      }
    }
    int[] userOld = compact(newUser);
    int[] itemOld = compact(newItem);
    int[] u = new int[kept];
    int[] i = new int[kept];
    float[] ra = ratings == null ? null : new float[kept];
    long[] ts = timestamps == null ? null : new long[kept];
    byte[] lb = labels == null ? null : new byte[kept];
    String[] rv = reviews == null ? null : new String[kept];
    int k = 0;
    for (int r = 0; r < users.length; r++) {
      if (!keep[r]) {
        continue;
      }
      u[k] = newUser[users[r]];
      i[k] = newItem[items[r]];
      if (ra != null) {
        ra[k] = ratings[r];
      }
      if (ts != null) {
        ts[k] = timestamps[r];
      }
      if (lb != null) {
        lb[k] = labels[r];
      }
      if (rv != null) {
        rv[k] = reviews[r];
      }
      k++;
    }
    String[] uk = new String[userOld.length];
    for (int x = 0; x < userOld.length; x++) {
      uk[x] = userKeys[userOld[x]];
    }
    String[] ik = new String[itemOld.length];
    for (int x = 0; x < itemOld.length; x++) {
      ik[x] = itemKeys[itemOld[x]];
    }
    Map<String, FeatureMatrix> feats = new LinkedHashMap<>();
    itemFeatures.forEach((name1, f) -> feats.put(name1, f.selectRows(itemOld)));
    Map<String, String[]> text = new LinkedHashMap<>();
    itemText.forEach((col, t) -> {
      String[] out = new String[itemOld.length];
      for (int x = 0; x < itemOld.length; x++) {
        out[x] = t[itemOld[x]];
      }
      text.put(col, out);
    });
    return new Dataset(name, userOld.length, itemOld.length, u, i, ra, ts, lb, rv, chronology, uk, ik, feats, text);
  }

  /** Turns a "kept" marker array (0 kept, -1 dropped) into new ids in place; returns new id -> old id. */
  private static int[] compact(int[] marks) {
    int n = 0;
    for (int m : marks) {
      if (m == 0) {
        n++;
      }
    }
    int[] old = new int[n];
    int next = 0;
    for (int x = 0; x < marks.length; x++) {
      if (marks[x] == 0) {
        old[next] = x;
        marks[x] = next++;
      }
    }
    return old;
  }

  /** Number of rows whose (user, item) pair already occurred in an earlier row (repeat consumption). */
  public int repeatedPairs() {
    java.util.HashSet<Long> seen = new java.util.HashSet<>(users.length * 2);
    int repeats = 0;
    for (int r = 0; r < users.length; r++) {
      if (!seen.add(((long) users[r] << 32) | items[r])) {
        repeats++;
      }
    }
    return repeats;
  }

  /**
   * SHA-256 of the interactions as loaded: counts, then per row (user, item), timestamps, ratings and labels
   * where present, all little-endian. Split fingerprints build on it.
   */
  public String interactionsSha256() {
    MessageDigest md = sha256();
    ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(nUsers).putInt(nItems).putInt(users.length).put((byte) chronology.ordinal());
    for (int r = 0; r < users.length; r++) {
      flushIfFull(md, b, 32);
      b.putInt(users[r]).putInt(items[r]);
      if (timestamps != null) {
        b.putLong(timestamps[r]);
      }
      if (ratings != null) {
        b.putFloat(ratings[r]);
      }
      if (labels != null) {
        b.put(labels[r]);
      }
    }
    flushIfFull(md, b, Integer.MAX_VALUE);
    return HexFormat.of().formatHex(md.digest());
  }

  /** SHA-256 over the interactions hash, the external ids, the item features (sorted by name) and item text. */
  public String contentSha256() {
    MessageDigest md = sha256();
    md.update(interactionsSha256().getBytes(StandardCharsets.US_ASCII));
    for (String k : userKeys) {
      md.update(k.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
    for (String k : itemKeys) {
      md.update(k.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
    ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (var e : new TreeMap<>(itemFeatures).entrySet()) {
      md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      for (float v : e.getValue().data()) {
        flushIfFull(md, b, 4);
        b.putFloat(v);
      }
      flushIfFull(md, b, Integer.MAX_VALUE);
    }
    for (var e : new TreeMap<>(itemText).entrySet()) {
      md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      for (String t : e.getValue()) {
        md.update((t == null ? "" : t).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
    }
    if (reviews != null) {
      for (String t : reviews) {
        md.update((t == null ? "" : t).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void flushIfFull(MessageDigest md, ByteBuffer b, int need) {
    if (b.remaining() < need || need == Integer.MAX_VALUE) {
      md.update(b.array(), 0, b.position());
      b.clear();
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return name + " (" + nUsers + " users, " + nItems + " items, " + users.length + " interactions, " + chronology + ")";
  }
}
