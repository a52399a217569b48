package dev.recsuite.proposed.wavedgarec;

import dev.recsuite.baselines.sequence.PrefixInstances;
import dev.recsuite.engine.tensor.Tensor;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.Config;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.Fusion;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.GraphImagePath;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.GraphMode;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.ItemRepresentation;
import java.util.Map;
import java.util.SplittableRandom;

/** Tiny instances for Wave-DGARec's unit and gradient tests. */
final class WaveFixtures {
  private WaveFixtures() {}

  static final int ITEMS = 7;

  /**
   * Four users over seven items, sequences u0: 0 1 2 3 4, u1: 2 5 6, u2: 1 3 5 0, u3: 6 4 (so 3 + 2 + 3 + 1 = 9
   * prefix instances, two of u0's sharing a batch), text 5-d and image 4-d Gaussian features.
   */
  static TrainView tinyView() {
    int[] u = {0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3};
    int[] i = {0, 1, 2, 3, 4, 2, 5, 6, 1, 3, 5, 0, 6, 4};
    return TrainView.ofPairs(4, ITEMS, u, i, Map.of("text", gaussian(1, ITEMS, 5), "image", gaussian(2, ITEMS, 4)));
  }

  static FeatureMatrix gaussian(long seed, int rows, int cols) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = new float[rows * cols];
    for (int k = 0; k < d.length; k++) {
      d[k] = (float) r.nextGaussian();
    }
    return new FeatureMatrix(rows, cols, d);
  }

  static Tensor tensor(FeatureMatrix f) {
    return Tensor.of(f.data(), f.rows(), f.cols());
  }

  /**
   * d = 4, T = 6, c = 2 channels, L = 2 levels, K = 2 experts, 2 heads, soft threshold on, every edge kept (so a
   * finite-difference step cannot change the pruned graph), τ = 0.5 and λ = 0.5 (both losses matter), dropout
   * on (the masks repeat: the loss draws them from a stream made inside it).
   */
  static Config tiny() {
    return new Config("", 4, 6, true, true, 2, MoeMode.UNISREC, 0.2, true, 2, 2, WaveletBoundary.SYMMETRIC, true, true,
        GraphMode.ATTENTION, GraphImagePath.SPLIT, 100, true, 2, 0.1, 0.1, Fusion.RESIDUAL, new double[] {0.1, 1, 1},
        true, true, ItemRepresentation.TEXT_ID_IMAGE, 0.5, 0.5, -1, 1e-3, 0, 100);
  }

  static WaveDGARecNet net(Config cfg, TrainView v, long seed) {
    return new WaveDGARecNet(cfg, v.nItems(), tensor(v.feature("text")), tensor(v.feature("image")), seed);
  }

  /** Every prefix instance of the view as one batch. */
  static PrefixInstances.Batch allInstances(TrainView v) {
    PrefixInstances p = new PrefixInstances(v);
    int[] all = new int[p.size()];
    for (int k = 0; k < all.length; k++) {
      all[k] = k;
    }
    return p.batch(all);
  }
}
