package dev.recsuite.baselines.mostpop;

import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.api.UserBatch;

/**
 * MostPop: every user gets the same ranking, items by their number of training interactions. It has no
 * parameters and is fit on construction; equal counts are ties, resolved by the evaluator's tie policy.
 */
public final class MostPop implements Recommender {
  /** MostPop has no hyper-parameters. */
  public record Config() {
    public static Config defaults() {
      return new Config();
    }
  }

  public static final ModelSpec<Config> SPEC = new ModelSpec<>("MostPop", "general", "popularity baseline",
      Config.class, Config.defaults(), (cfg, view, seed) -> new MostPop(view));

  private final float[] popularity; // [nItems] training rows per item

  public MostPop(TrainView view) {
    int[] counts = view.itemPopularity();
    popularity = new float[counts.length];
    for (int i = 0; i < counts.length; i++) {
      popularity[i] = counts[i];
    }
  }

  @Override
  public double trainEpoch(int epoch) {
    throw new IllegalStateException("MostPop is not iterative");
  }

  @Override
  public boolean iterative() {
    return false;
  }

  @Override
  public Scorer scorer() {
    float[] pop = popularity.clone();
    return new Scorer() {
      @Override
      public int nItems() {
        return pop.length;
      }

      @Override
      public void scoreAll(UserBatch batch, float[] out) {
        for (int b = 0; b < batch.size(); b++) {
          System.arraycopy(pop, 0, out, b * pop.length, pop.length);
        }
      }
    };
  }

  @Override
  public long parameterCount() {
    return 0;
  }
}
