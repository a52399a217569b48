package dev.recsuite.baselines.testing;

import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.data.FeatureMatrix;
import java.util.Map;

/** A tiny multimodal training view whose kNN graphs can be worked by hand (FREEDOM and MGCN tests). */
public final class FourItems {
  private FourItems() {}

  /**
   * Four items whose cosines are exact. Image (2-d): i0 (1, 0), i1 (1, 1), i2 (0, 1), i3 (-1, 0); text (3-d):
   * t0 (1, 0, 0), t1 (0, 1, 0), t2 (0, 1, 1), t3 (1, 0, 1). Users 0, 1, 2; rows (0,0) (0,1) (1,1) (2,1) (2,2).
   */
  public static TrainView view() {
    FeatureMatrix image = new FeatureMatrix(4, 2, new float[] {1, 0, 1, 1, 0, 1, -1, 0});
    FeatureMatrix text = new FeatureMatrix(4, 3, new float[] {1, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0, 1});
    return TrainView.ofPairs(3, 4, new int[] {0, 0, 1, 2, 2}, new int[] {0, 1, 1, 1, 2}, Map.of("image", image, "text", text));
  }
}
