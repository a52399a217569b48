package dev.recsuite.suite.features;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.lock.LockedFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * {@code image_feat.npy}: {@link PosterDescriptor} of each item's poster {@code FOLDER/EXTERNAL_ID.jpg}; items
 * without a poster get {@link MissingRows}' mean vector. Each row depends on its own image only, so the result
 * does not depend on the thread count.
 */
public final class ImageFeatures {
  public static final String FILE = "image_feat.npy";

  private ImageFeatures() {}

  /**
   * @param folder the poster folder relative to the dataset folder, ending in "/" (e.g. {@code posters/})
   * @param itemOfRow internal item id of each file row
   */
  public static ComputedFeature compute(Dataset d, int[] itemOfRow, Path datasetDir, String folder, int threads) {
    int n = itemOfRow.length;
    int dim = PosterDescriptor.DIM;
    float[] data = new float[n * dim];
    boolean[] present = new boolean[n];
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(r -> {
        Path poster = datasetDir.resolve(folder).resolve(d.itemKey(itemOfRow[r]) + ".jpg");
        if (Files.isRegularFile(poster)) {
          System.arraycopy(PosterDescriptor.describe(RgbImage.read(poster)), 0, data, r * dim, dim);
          present[r] = true;
        }
      })).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
    int missing = 0;
    for (boolean p : present) {
      missing += p ? 0 : 1;
    }
    MissingRows.fillWithMeanOfPresent(data, dim, present);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("file_pattern", folder + "{external item id}.jpg");
    params.put("colour", "HSV joint histogram 16x4x4 on 128x192 (MPEG-7 SCD quantisation)");
    params.put("hog", "9 unsigned bins, 16px cells, 2x2 blocks stride 1, L2-Hys 0.2, on 64x96 luma (Dalal-Triggs)");
    params.put("lbp", "uniform LBP(8,1), 59 bins, on 128x192 luma (Ojala et al. 2002)");
    params.put("resize", "area average");
    params.put("normalize", "l2 per block, then l2");
    params.put("cnn", false);
    List<String> notes = List.of(
        String.format(Locale.ROOT, "%d items, %d x %d; WEAK STAND-IN (classical descriptor), not a CNN feature", n, n, dim),
        String.format(Locale.ROOT, "%d items have a poster, %d have none (%s)", n - missing, missing, MissingRows.RULE));
    LockedFeature.Missing m = missing == 0 ? null : new LockedFeature.Missing(missing, MissingRows.RULE);
    return new ComputedFeature("image", FILE, new FeatureMatrix(n, dim, data), PosterDescriptor.identity(),
        List.of(folder), params, m, notes);
  }
}
