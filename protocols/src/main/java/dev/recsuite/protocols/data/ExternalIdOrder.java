package dev.recsuite.protocols.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The loader-independent item order of feature files ({@code row_order: external_id_ascending}): row r is the
 * item with the r-th smallest external id, compared as integers when every id is one, else by UTF-8 bytes.
 * MovieLens loaders number items by first appearance in the ratings, so internal ids cannot define file rows.
 */
public final class ExternalIdOrder {
  private ExternalIdOrder() {}

  /** Internal item id of each file row: {@code [nItems]}, a permutation of 0..nItems-1. */
  public static int[] itemOfRow(Dataset d) {
    Integer[] items = new Integer[d.nItems()];
    for (int i = 0; i < items.length; i++) {
      items[i] = i;
    }
    long[] numeric = numericKeys(d);
    Comparator<Integer> order = numeric != null
        ? Comparator.comparingLong(i -> numeric[i])
        : (a, b) -> Arrays.compareUnsigned(bytes(d.itemKey(a)), bytes(d.itemKey(b)));
    Arrays.sort(items, order);
    int[] out = new int[items.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = items[r];
    }
    return out;
  }

  /** A matrix whose row r belongs to {@code itemOfRow[r]}, re-ordered so that row i belongs to item i. */
  public static FeatureMatrix toInternalOrder(FeatureMatrix fileRows, int[] itemOfRow) {
    int[] rowOfItem = new int[itemOfRow.length];
    for (int r = 0; r < itemOfRow.length; r++) {
      rowOfItem[itemOfRow[r]] = r;
    }
    return fileRows.selectRows(rowOfItem);
  }

  private static long[] numericKeys(Dataset d) {
    long[] out = new long[d.nItems()];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = Long.parseLong(d.itemKey(i));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
