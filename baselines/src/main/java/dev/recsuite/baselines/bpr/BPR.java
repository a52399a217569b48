package dev.recsuite.baselines.bpr;

import dev.recsuite.engine.rng.Rng;
import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.api.UserBatch;
import dev.recsuite.protocols.sampling.UniformNegativeSampler;
import java.util.SplittableRandom;

/**
 * BPR-MF (Rendle et al., UAI 2009) as MMRec runs it: specs/baselines.md §3.1, training loop §2.3, negatives
 * §2.4, regulariser §2.6. Upstream: enoche/MMRec {@code models/bpr.py}, {@code configs/model/BPR.yaml}.
 *
 * <ul>
 *   <li>Parameters: U [nUsers, d] and V [nItems, d], Xavier-normal (PyTorch fan convention: fan_in = d,
 *       fan_out = rows); no biases.</li>
 *   <li>Score s(u, i) = U_u . V_i.</li>
 *   <li>Loss per batch of B rows: -mean log(1e-10 + sigmoid(s(u,p) - s(u,n))) + reg_weight * (||U[u]||_F +
 *       ||V[p]||_F + ||V[n]||_F) / B; gathered rows, duplicates counted; norms NOT squared (MMRec EmbLoss).</li>
 *   <li>Adam (PyTorch: beta 0.9/0.999, eps 1e-8, dense updates so untouched rows still move with their
 *       moments), batch 2048, one uniform negative per row from the training items.</li>
 * </ul>
 * Gradients are written by hand here; they are checked against central differences in the tests.
 */
public final class BPR implements Recommender {
  /**
   * @param embeddingSize d (MMRec embedding_size 64)
   * @param regWeight EmbLoss weight; MMRec grid {2.0, 1.0, 0.1, 0.01, 1e-3, 1e-4, 1e-5}, no single default
   *     (SUITE DECISION: 1e-4)
   * @param learningRate Adam learning rate (MMRec 1e-3)
   * @param trainBatchSize rows per optimiser step (MMRec 2048)
   */
  public record Config(int embeddingSize, double regWeight, double learningRate, int trainBatchSize) {
    public Config {
      if (embeddingSize < 1) {
        throw new IllegalArgumentException("BPR.Config embedding_size = " + embeddingSize + ": must be >= 1");
      }
      if (regWeight < 0) {
        throw new IllegalArgumentException("BPR.Config reg_weight = " + regWeight + ": must be >= 0");
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("BPR.Config learning_rate = " + learningRate + ": must be > 0");
      }
      if (trainBatchSize < 1) {
        throw new IllegalArgumentException("BPR.Config train_batch_size = " + trainBatchSize + ": must be >= 1");
      }
    }

    public static Config defaults() {
      return new Config(64, 1e-4, 1e-3, 2048);
    }
  }

  public static final ModelSpec<Config> SPEC = new ModelSpec<>("BPR", "general", "specs/baselines.md §3.1",
      Config.class, Config.defaults(), BPR::new);

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  private final Config cfg;
  private final TrainView view;
  private final long seed;
  private final int d;
  private final float[] userEmb; // U [nUsers, d]
  private final float[] itemEmb; // V [nItems, d]
  private final float[] gradUser; // [nUsers, d]
  private final float[] gradItem; // [nItems, d]
  private final float[] m1User; // Adam first moments
  private final float[] m2User; // Adam second moments
  private final float[] m1Item;
  private final float[] m2Item;
  private final UniformNegativeSampler negatives;
  private int step;

  public BPR(Config cfg, TrainView view, long seed) {
    this.cfg = cfg;
    this.view = view;
    this.seed = seed;
    this.d = cfg.embeddingSize();
    this.userEmb = xavierNormal(Rng.stream(seed, "init", 0), view.nUsers(), d);
    this.itemEmb = xavierNormal(Rng.stream(seed, "init", 1), view.nItems(), d);
    this.gradUser = new float[userEmb.length];
    this.gradItem = new float[itemEmb.length];
    this.m1User = new float[userEmb.length];
    this.m2User = new float[userEmb.length];
    this.m1Item = new float[itemEmb.length];
    this.m2Item = new float[itemEmb.length];
    this.negatives = new UniformNegativeSampler(view);
  }

  /** Xavier-normal for a (rows, cols) table: sigma = sqrt(2 / (fan_in + fan_out)), fan_in = cols. */
  static float[] xavierNormal(SplittableRandom rng, int rows, int cols) {
    double sigma = Math.sqrt(2.0 / (rows + cols));
    float[] w = new float[rows * cols];
    for (int k = 0; k < w.length; k++) {
      double u1 = 1.0 - rng.nextDouble();
      double u2 = rng.nextDouble();
      w[k] = (float) (sigma * Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2));
    }
    return w;
  }

  @Override
  public double trainEpoch(int epoch) {
    int n = view.nInteractions();
    int[] order = shuffledRows(n, Rng.stream(seed, "shuffle", epoch));
    SplittableRandom negRng = Rng.stream(seed, "negatives", epoch);
    int bsz = cfg.trainBatchSize();
    int[] u = new int[bsz];
    int[] p = new int[bsz];
    int[] ng = new int[bsz];
    double lossSum = 0;
    int batches = 0;
    for (int from = 0; from < n; from += bsz) {
      int b = Math.min(bsz, n - from);
      for (int k = 0; k < b; k++) {
        int row = order[from + k];
        u[k] = view.users()[row];
        p[k] = view.items()[row];
        ng[k] = negatives.sample(u[k], negRng);
      }
      lossSum += lossAndGradient(u, p, ng, b);
      adamStep();
      batches++;
    }
    return lossSum / batches;
  }

  /** §3.1 loss of one batch; fills gradUser/gradItem and returns the loss. */
  double lossAndGradient(int[] u, int[] p, int[] ng, int b) {
    java.util.Arrays.fill(gradUser, 0f);
    java.util.Arrays.fill(gradItem, 0f);
    double bprSum = 0;
    double sqU = 0;
    double sqP = 0;
    double sqN = 0;
    double[] coef = new double[b];
    for (int k = 0; k < b; k++) {
      int uo = u[k] * d;
      int po = p[k] * d;
      int no = ng[k] * d;
      double x = 0;
      for (int j = 0; j < d; j++) {
        x += userEmb[uo + j] * (itemEmb[po + j] - itemEmb[no + j]);
        sqU += userEmb[uo + j] * userEmb[uo + j];
        sqP += itemEmb[po + j] * itemEmb[po + j];
        sqN += itemEmb[no + j] * itemEmb[no + j];
      }
      double sig = 1.0 / (1.0 + Math.exp(-x));
      bprSum += -Math.log(1e-10 + sig);
      coef[k] = -sig * (1 - sig) / (1e-10 + sig) / b; // d loss / d x
    }
    double normU = Math.sqrt(sqU);
    double normP = Math.sqrt(sqP);
    double normN = Math.sqrt(sqN);
    double lam = cfg.regWeight() / b;
    double gu = normU > 0 ? lam / normU : 0;
    double gp = normP > 0 ? lam / normP : 0;
    double gn = normN > 0 ? lam / normN : 0;
    for (int k = 0; k < b; k++) {
      int uo = u[k] * d;
      int po = p[k] * d;
      int no = ng[k] * d;
      float c = (float) coef[k];
      for (int j = 0; j < d; j++) {
        float ue = userEmb[uo + j];
        float pe = itemEmb[po + j];
        float ne = itemEmb[no + j];
        gradUser[uo + j] += c * (pe - ne) + (float) gu * ue;
        gradItem[po + j] += c * ue + (float) gp * pe;
        gradItem[no + j] += -c * ue + (float) gn * ne;
      }
    }
    return bprSum / b + cfg.regWeight() * (normU + normP + normN) / b;
  }

  /** PyTorch Adam, coupled form, no weight decay (MMRec weight_decay 0). */
  private void adamStep() {
    step++;
    double bc1 = 1 - Math.pow(BETA1, step);
    double bc2 = 1 - Math.pow(BETA2, step);
    adam(userEmb, gradUser, m1User, m2User, bc1, bc2);
    adam(itemEmb, gradItem, m1Item, m2Item, bc1, bc2);
  }

  private void adam(float[] w, float[] g, float[] m1, float[] m2, double bc1, double bc2) {
    float lr = (float) cfg.learningRate();
    float stepSize = (float) (lr / bc1);
    float sqrtBc2 = (float) Math.sqrt(bc2);
    float b1 = (float) BETA1;
    float b2 = (float) BETA2;
    for (int k = 0; k < w.length; k++) {
      m1[k] = b1 * m1[k] + (1 - b1) * g[k];
      m2[k] = b2 * m2[k] + (1 - b2) * g[k] * g[k];
      float denom = (float) Math.sqrt(m2[k]) / sqrtBc2 + (float) EPS;
      w[k] -= stepSize * m1[k] / denom;
    }
  }

  private static int[] shuffledRows(int n, SplittableRandom rng) {
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    for (int k = n - 1; k > 0; k--) {
      int j = rng.nextInt(k + 1);
      int t = order[k];
      order[k] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** §3.1 test scoring: raw U . V^T; masking is the evaluator's job. */
  @Override
  public Scorer scorer() {
    float[] users = userEmb.clone();
    float[] items = itemEmb.clone();
    int nItems = view.nItems();
    return new Scorer() {
      @Override
      public int nItems() {
        return nItems;
      }

      @Override
      public void scoreAll(UserBatch batch, float[] out) {
        for (int b = 0; b < batch.size(); b++) {
          int uo = batch.users()[b] * d;
          for (int i = 0; i < nItems; i++) {
            int io = i * d;
            float s = 0;
            for (int j = 0; j < d; j++) {
              s += users[uo + j] * items[io + j];
            }
            out[b * nItems + i] = s;
          }
        }
      }
    };
  }

  @Override
  public long parameterCount() {
    return (long) userEmb.length + itemEmb.length;
  }

  // package-private views for the gradient check
  float[] userEmbedding() {
    return userEmb;
  }

  float[] itemEmbedding() {
    return itemEmb;
  }

  float[] userGradient() {
    return gradUser;
  }

  float[] itemGradient() {
    return gradItem;
  }
}
