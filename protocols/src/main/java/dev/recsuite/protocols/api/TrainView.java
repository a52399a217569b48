package dev.recsuite.protocols.api;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.split.Split;
import java.util.Arrays;
import java.util.Map;

/**
 * What a model may see: the training rows of a split, the item catalogue and the item side information.
 * Validation and test rows are not reachable from here, by construction.
 */
public final class TrainView {
  private final String datasetName;
  private final int nUsers;
  private final int nItems;
  private final int[] users; // [nTrain] grouped by user, chronological within a user
  private final int[] items; // [nTrain]
  private final long[] timestamps; // [nTrain] or null
  private final float[] ratings; // [nTrain] or null
  private final int[][] userItems; // [nUsers][train items, chronological]
  private final int[] itemPopularity; // [nItems] training rows per item
  private final int[] trainItems; // sorted distinct items with at least one training row
  private final Map<String, FeatureMatrix> itemFeatures;
  private final Map<String, String[]> itemText;

  private TrainView(String datasetName, int nUsers, int nItems, int[] users, int[] items, long[] timestamps,
      float[] ratings, Map<String, FeatureMatrix> itemFeatures, Map<String, String[]> itemText) {
    this.datasetName = datasetName;
    this.nUsers = nUsers;
    this.nItems = nItems;
    this.users = users;
    this.items = items;
    this.timestamps = timestamps;
    this.ratings = ratings;
    this.itemFeatures = itemFeatures;
    this.itemText = itemText;
    int[] counts = new int[nUsers];
    this.itemPopularity = new int[nItems];
    for (int r = 0; r < users.length; r++) {
      counts[users[r]]++;
      itemPopularity[items[r]]++;
    }
    this.userItems = new int[nUsers][];
    for (int u = 0; u < nUsers; u++) {
      userItems[u] = new int[counts[u]];
    }
    int[] fill = new int[nUsers];
    for (int r = 0; r < users.length; r++) {
      userItems[users[r]][fill[users[r]]++] = items[r];
    }
    this.trainItems = java.util.stream.IntStream.range(0, nItems).filter(i -> itemPopularity[i] > 0).toArray();
  }

  public static TrainView of(Split split) {
    Dataset d = split.dataset();
    int[] rows = split.train();
    int[] u = new int[rows.length];
    int[] i = new int[rows.length];
    long[] ts = d.hasTimestamps() ? new long[rows.length] : null;
    float[] ra = d.hasRatings() ? new float[rows.length] : null;
    for (int k = 0; k < rows.length; k++) {
      u[k] = d.user(rows[k]);
      i[k] = d.item(rows[k]);
      if (ts != null) {
        ts[k] = d.timestamp(rows[k]);
      }
      if (ra != null) {
        ra[k] = d.rating(rows[k]);
      }
    }
    return new TrainView(d.name(), d.nUsers(), d.nItems(), u, i, ts, ra, d.itemFeatures(), d.itemText());
  }

  /** A view over explicit (user, item) rows, for tests and for models' own unit fixtures. */
  public static TrainView ofPairs(int nUsers, int nItems, int[] users, int[] items, Map<String, FeatureMatrix> features) {
    return new TrainView("pairs", nUsers, nItems, users.clone(), items.clone(), null, null, Map.copyOf(features), Map.of());
  }

  public String datasetName() {
    return datasetName;
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

  /** Training rows' users, [nTrain]; shared, do not modify. */
  public int[] users() {
    return users;
  }

  /** Training rows' items, [nTrain]; shared, do not modify. */
  public int[] items() {
    return items;
  }

  public boolean hasTimestamps() {
    return timestamps != null;
  }

  /** Training rows' timestamps, [nTrain]; shared, do not modify. */
  public long[] timestamps() {
    if (timestamps == null) {
      throw new IllegalStateException(datasetName + " has no timestamps");
    }
    return timestamps;
  }

  public boolean hasRatings() {
    return ratings != null;
  }

  public float[] ratings() {
    if (ratings == null) {
      throw new IllegalStateException(datasetName + " has no ratings");
    }
    return ratings;
  }

  /** A user's training items in time order (duplicates kept); shared, do not modify. */
  public int[] userItems(int user) {
    return userItems[user];
  }

  /** Training rows per item, [nItems]; shared, do not modify. */
  public int[] itemPopularity() {
    return itemPopularity;
  }

  /** Sorted distinct items with a training row: MMRec draws negatives from these (specs/baselines.md §2.4). */
  public int[] trainItems() {
    return trainItems;
  }

  public Map<String, FeatureMatrix> itemFeatures() {
    return itemFeatures;
  }

  public FeatureMatrix feature(String modality) {
    FeatureMatrix f = itemFeatures.get(modality);
    if (f == null) {
      throw new UnavailableException("dataset '" + datasetName + "' has no '" + modality + "' item features; it has "
          + new java.util.TreeSet<>(itemFeatures.keySet()) + ". Multimodal models need them (see recsuite features)");
    }
    return f;
  }

  public Map<String, String[]> itemText() {
    return itemText;
  }

  /** A user's training items as a sorted distinct array, for membership tests by binary search. */
  public int[] sortedDistinctItems(int user) {
    return Arrays.stream(userItems[user]).sorted().distinct().toArray();
  }
}
