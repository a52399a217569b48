package dev.recsuite.baselines.sequence;

import dev.recsuite.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * Item windows padded on the LEFT to a common length L, as the issue asks (kang205 does the same; RecBole pads
 * on the right, specs/baselines.md §3.7): row b holds the last {@code len_b = min(end_b, maxLen)} items before
 * {@code end_b}, right-aligned, with PAD (id 0) before them. Item i is stored as id {@code i + 1}, so an item
 * table has nItems + 1 rows and row 0 is the pad row.
 *
 * <p><b>Why the side does not change outputs.</b> Positions count from the first item of the window, as in
 * RecBole (the k-th kept item gets position k whatever the padding; kang205 and pmixer count from the right
 * end instead); the attention mask lets a real query see only real keys at or before it; LayerNorm, the
 * feed-forward layers and the GRU's masked steps act per position. So every real position's output is the
 * same function of the same inputs as in RecBole's right-padded layout, and the outputs of pad positions are
 * never read. {@code SASRecTest} and {@code GRU4RecTest} check this. Left padding puts the last item of every
 * row at index L - 1 (the user representation is a slice, not a gather) and lets a batch be cut to its longest
 * row ({@link LengthBuckets}).
 */
public final class PaddedSequences {
  /** Internal id of the pad item. */
  public static final int PAD = 0;
  /** RecBole's additive attention mask value for a hidden key ({@code extended_attention_mask}). */
  public static final float MASKED = -10000f;

  private final int rows;
  private final int length;
  private final int[] ids; // [B, L] item id + 1, 0 = PAD, left-padded
  private final int[] lengths; // [B] real items per row

  private PaddedSequences(int rows, int length, int[] ids, int[] lengths) {
    this.rows = rows;
    this.length = length;
    this.ids = ids;
    this.lengths = lengths;
  }

  /** Rows {@code rows} of the windows, padded to their longest: see {@link #window(int[][], int[], int, int[], int)}. */
  public static PaddedSequences window(int[][] items, int[] ends, int maxLen, int[] rows) {
    int longest = 0;
    for (int r : rows) {
      longest = Math.max(longest, Math.min(ends[r], maxLen));
    }
    return window(items, ends, maxLen, rows, longest);
  }

  /** All windows, padded to their longest. */
  public static PaddedSequences window(int[][] items, int[] ends, int maxLen) {
    int[] all = new int[items.length];
    Arrays.setAll(all, i -> i);
    return window(items, ends, maxLen, all);
  }

  /**
   * @param items [N][..] item sequences (internal ids 0..nItems-1), chronological
   * @param ends [N] exclusive end of each window in its sequence
   * @param maxLen the longest window kept (RecBole MAX_ITEM_LIST_LENGTH 50)
   * @param rows which windows form the batch, in batch order
   * @param length L, at least every chosen window's length (more only adds padding)
   */
  public static PaddedSequences window(int[][] items, int[] ends, int maxLen, int[] rows, int length) {
    int b = rows.length;
    int[] ids = new int[b * length];
    int[] lens = new int[b];
    for (int k = 0; k < b; k++) {
      int r = rows[k];
      int end = ends[r];
      if (end < 1 || end > items[r].length) {
        throw new IllegalArgumentException("window " + r + " ends at " + end + " in a sequence of " + items[r].length
            + " items: a sequential model needs at least one item of history");
      }
      int len = Math.min(end, maxLen);
      if (len > length) {
        throw new IllegalArgumentException("window " + r + " has " + len + " items, longer than the padded length " + length);
      }
      lens[k] = len;
      int from = end - len;
      int at = k * length + length - len;
      for (int j = 0; j < len; j++) {
        ids[at + j] = items[r][from + j] + 1;
      }
    }
    return new PaddedSequences(b, length, ids, lens);
  }

  public int rows() {
    return rows;
  }

  /** L, the padded length. */
  public int length() {
    return length;
  }

  /** [B * L] item ids + 1, 0 = PAD; shared, do not modify. */
  public int[] ids() {
    return ids;
  }

  /** [B] real items per row; shared, do not modify. */
  public int[] lengths() {
    return lengths;
  }

  /** Number of pad positions before row b's first item. */
  public int padding(int b) {
    return length - lengths[b];
  }

  /** [B * L] position ids counted from the window's first item (RecBole); pad positions get 0 (never read). */
  public int[] positions() {
    int[] pos = new int[rows * length];
    for (int b = 0; b < rows; b++) {
      int pad = padding(b);
      for (int j = pad; j < length; j++) {
        pos[b * length + j] = j - pad;
      }
    }
    return pos;
  }

  /**
   * RecBole's additive attention mask [B, 1, L, L] (§3.7 step 2): 0 where the key is at or before the query
   * and is a real item, {@link #MASKED} otherwise. A pad query sees no key at all; its (uniform) attention is
   * never read.
   */
  public Tensor attentionMask() {
    Tensor m = Tensor.zeros(rows, 1, length, length);
    float[] d = m.data();
    for (int b = 0; b < rows; b++) {
      int pad = padding(b);
      for (int q = 0; q < length; q++) {
        int row = (b * length + q) * length;
        for (int k = 0; k < length; k++) {
          d[row + k] = k <= q && k >= pad ? 0f : MASKED;
        }
      }
    }
    return m;
  }

  /** [B, L] 1 at real positions and 0 at pad positions (a GRU's step mask). */
  public Tensor realMask() {
    Tensor m = Tensor.zeros(rows, length);
    float[] d = m.data();
    for (int b = 0; b < rows; b++) {
      Arrays.fill(d, b * length + padding(b), (b + 1) * length, 1f);
    }
    return m;
  }

  /** Flat indices {@code b * L + j} of every real position, row by row (targets of a per-position loss). */
  public int[] realIndices() {
    int n = 0;
    for (int len : lengths) {
      n += len;
    }
    int[] out = new int[n];
    int k = 0;
    for (int b = 0; b < rows; b++) {
      for (int j = padding(b); j < length; j++) {
        out[k++] = b * length + j;
      }
    }
    return out;
  }
}
