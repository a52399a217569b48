package dev.recsuite.baselines.bpr;

import dev.recsuite.baselines.scoring.DotProductScorer;
import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.Backend;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.nn.Init;
import dev.recsuite.engine.nn.Losses;
import dev.recsuite.engine.optim.Adam;
import dev.recsuite.engine.optim.Optimizer;
import dev.recsuite.engine.rng.Rng;
import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.Resumable;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.train.TripletEpoch;
import java.util.List;

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
 * The forward pass and loss are recorded on the engine's tape; gradients come from its backward pass and the
 * engine's {@link Adam} (dense, PyTorch-exact) updates the two tables.
 */
public final class BPR implements Recommender, Resumable {
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

  private final Config cfg;
  private final Backend backend;
  private final Param userEmb; // U [nUsers, d], xavier-normal
  private final Param itemEmb; // V [nItems, d], xavier-normal
  private final Adam adam;
  private final Tape tape;
  private final TripletEpoch epochs;

  public BPR(Config cfg, TrainView view, long seed) {
    this.cfg = cfg;
    this.backend = CpuBackend.shared();
    this.userEmb = Init.xavierNormal("U", Rng.stream(seed, "init", 0), view.nUsers(), cfg.embeddingSize());
    this.itemEmb = Init.xavierNormal("V", Rng.stream(seed, "init", 1), view.nItems(), cfg.embeddingSize());
    this.adam = new Adam(List.of(userEmb, itemEmb), Adam.Config.defaults(cfg.learningRate()), CpuBackend.shared().pool());
    this.tape = Tape.training(backend);
    this.epochs = new TripletEpoch(view, cfg.trainBatchSize(), seed);
  }

  @Override
  public double trainEpoch(int epoch) {
    return epochs.run(epoch, (u, p, n) -> {
      return adam.minimize(tape, loss(tape, u, p, n));
    });
  }

  /**
   * §3.1 loss of one batch: -mean log(1e-10 + σ(U_u·V_p - U_u·V_n)) + reg_weight * EmbLoss(U[u], V[p], V[n]),
   * rows gathered per batch row (duplicates count; the gather accumulates their gradients).
   */
  Var loss(Tape t, int[] u, int[] p, int[] n) {
    Var ue = t.gather(t.param(userEmb), u); // [B, d]
    Var pe = t.gather(t.param(itemEmb), p); // [B, d]
    Var ne = t.gather(t.param(itemEmb), n); // [B, d]
    Var bpr = Losses.bpr(t, t.rowDot(ue, pe), t.rowDot(ue, ne), 1e-10f);
    return t.add(bpr, t.scale(Losses.embLoss(t, ue, pe, ne), (float) cfg.regWeight()));
  }

  /** §3.1 test scoring: raw U . V^T (one GEMM per batch); masking is the evaluator's job. */
  @Override
  public Scorer scorer() {
    return new DotProductScorer(backend, userEmb.value(), itemEmb.value());
  }

  /**
   * Every epoch draws from streams of (seed, name, epoch) ({@link TripletEpoch}): embeddings and Adam are the state.
   */
  @Override
  public List<Param> trainingParams() {
    return List.of(userEmb, itemEmb);
  }

  @Override
  public Optimizer optimizer() {
    return adam;
  }

  @Override
  public long parameterCount() {
    return (long) userEmb.size() + itemEmb.size();
  }

  // package-private for tests
  Param userEmbedding() {
    return userEmb;
  }

  Param itemEmbedding() {
    return itemEmb;
  }
}
