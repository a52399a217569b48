package dev.recsuite.baselines.lightgcn;

import dev.recsuite.baselines.graph.InteractionGraph;
import dev.recsuite.baselines.scoring.DotProductScorer;
import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.nn.Init;
import dev.recsuite.engine.nn.Losses;
import dev.recsuite.engine.optim.Adam;
import dev.recsuite.engine.optim.Optimizer;
import dev.recsuite.engine.rng.Rng;
import dev.recsuite.engine.tensor.Csr;
import dev.recsuite.engine.tensor.Tensor;
import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.Resumable;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.train.TripletEpoch;
import java.util.Arrays;
import java.util.List;

/**
 * LightGCN (He et al., SIGIR 2020) as MMRec runs it: specs/baselines.md §3.2, training loop §2.3, negatives §2.4,
 * regulariser §2.6, test embeddings §3.8. Upstream: enoche/MMRec {@code models/lightgcn.py},
 * {@code configs/model/LightGCN.yaml}; original kuandeng/LightGCN.
 *
 * <ul>
 *   <li>Parameters: E_u [nUsers, d] and E_i [nItems, d], Xavier-uniform (PyTorch fans: fan_in = d, fan_out = rows).</li>
 *   <li>Graph: Â = D^-1/2 A D^-1/2 over [users; items], A binary from the training pairs (duplicates collapse, no
 *       self loops). UPSTREAM QUIRK kept: D_jj = deg_j + 1e-7.</li>
 *   <li>Propagation: E^0 = [E_u; E_i], E^{l+1} = Â E^l; the final embedding is the plain mean over l = 0..L.</li>
 *   <li>Loss: -mean log(1e-10 + σ(s⁺ - s⁻)) on the final embeddings + reg_weight * (||E_u^0[u]||_F + ||E_i^0[p]||_F
 *       + ||E_i^0[n]||_F) / B: the ego rows of the batch, norms NOT squared (MMRec EmbLoss), B the actual batch length.</li>
 *   <li>Test scoring: the propagated final embeddings with the full Â, recomputed when the scorer is taken.</li>
 *   <li>Adam (PyTorch, dense), lr 1e-3, batch 2048, constant learning rate (MMRec scheduler [1.0, 50]).</li>
 * </ul>
 * DIFFERENCE from the original TF code (not followed, as MMRec does not): its regulariser is decay · ½Σ||·||² / batch.
 */
public final class LightGCN implements Recommender, Resumable {
  /**
   * Keys as in the experiment file. MMRec's LightGCN.yaml lists only the grid (experiments/lightgcn-grid.yaml):
   * n_layers {1, 2, 3, 4} x reg_weight {1e-2, 1e-3, 1e-4, 1e-5, 1e-6}.
   *
   * @param embeddingSize d (MMRec embedding_size 64)
   * @param nLayers propagation layers L; SUITE DECISION default 2 (the yaml has no single value)
   * @param regWeight EmbLoss weight; SUITE DECISION default 1e-4 (the original's default decay)
   * @param learningRate Adam learning rate (MMRec 1e-3)
   * @param trainBatchSize rows per optimiser step (MMRec 2048)
   */
  public record Config(int embeddingSize, int nLayers, double regWeight, double learningRate, int trainBatchSize) {
    public Config {
      if (embeddingSize < 1) {
        throw new IllegalArgumentException("LightGCN.Config embedding_size = " + embeddingSize + ": must be >= 1");
      }
      if (nLayers < 1) {
        throw new IllegalArgumentException("LightGCN.Config n_layers = " + nLayers
            + ": must be >= 1 (MMRec grid 1..4, specs/baselines.md §3.2)");
      }
      if (!(regWeight >= 0)) {
        throw new IllegalArgumentException("LightGCN.Config reg_weight = " + regWeight + ": must be >= 0");
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("LightGCN.Config learning_rate = " + learningRate + ": must be > 0");
      }
      if (trainBatchSize < 1) {
        throw new IllegalArgumentException("LightGCN.Config train_batch_size = " + trainBatchSize + ": must be >= 1");
      }
    }

    public static Config defaults() {
      return new Config(64, 2, 1e-4, 1e-3, 2048);
    }
  }

  public static final ModelSpec<Config> SPEC = new ModelSpec<>("LightGCN", "general", "specs/baselines.md §3.2",
      Config.class, Config.defaults(), LightGCN::new);

  private final Config cfg;
  private final CpuBackend backend;
  private final int nUsers;
  private final Param egoUsers; // E_u^0 [nUsers, d], xavier-uniform
  private final Param egoItems; // E_i^0 [nItems, d], xavier-uniform
  private final Csr adjNorm; // Â [nU + nI, nU + nI], training pairs only
  private final Adam adam;
  private final Tape tape;
  private final TripletEpoch epochs;

  public LightGCN(Config cfg, TrainView view, long seed) {
    this.cfg = cfg;
    this.backend = CpuBackend.shared();
    this.nUsers = view.nUsers();
    int d = cfg.embeddingSize();
    this.egoUsers = Init.xavierUniform("E_u", Rng.stream(seed, "init", 0), view.nUsers(), d);
    this.egoItems = Init.xavierUniform("E_i", Rng.stream(seed, "init", 1), view.nItems(), d);
    this.adjNorm = InteractionGraph.normalizedAdjacency(view, 1e-7f);
    this.adam = new Adam(trainingParams(), Adam.Config.defaults(cfg.learningRate()), backend.pool());
    this.tape = Tape.training(backend);
    this.epochs = new TripletEpoch(view, cfg.trainBatchSize(), seed);
  }

  @Override
  public double trainEpoch(int epoch) {
    return epochs.run(epoch, (u, p, n) -> {
      return adam.minimize(tape, loss(tape, u, p, n));
    });
  }

  /** §3.2 propagation: E^{l+1} = Â E^l, returns the layer mean (1/(L+1)) Σ_{l=0..L} E^l, [nU + nI, d]. */
  Var forward(Tape t) {
    Var e = t.concat(0, t.param(egoUsers), t.param(egoItems));
    Var sum = e;
    for (int l = 0; l < cfg.nLayers(); l++) {
      e = t.spmm(adjNorm, e);
      sum = t.add(sum, e);
    }
    return t.scale(sum, 1f / (cfg.nLayers() + 1));
  }

  /** §3.2 loss: BPR (eps 1e-10) on the final embeddings + reg_weight * EmbLoss(ego rows of u, p, n). */
  Var loss(Tape t, int[] u, int[] p, int[] n) {
    Var all = forward(t); // [nU + nI, d]
    Var ue = t.gather(all, u);
    Var pos = t.rowDot(ue, t.gather(all, offset(p, nUsers)));
    Var neg = t.rowDot(ue, t.gather(all, offset(n, nUsers)));
    Var reg = Losses.embLoss(t, t.gather(t.param(egoUsers), u), t.gather(t.param(egoItems), p),
        t.gather(t.param(egoItems), n));
    return t.add(Losses.bpr(t, pos, neg, 1e-10f), t.scale(reg, (float) cfg.regWeight()));
  }

  /** §3.2 / §3.8 test scoring: final embeddings propagated with the full Â, E_u^final . E_i^final^T. */
  @Override
  public Scorer scorer() {
    Tape t = Tape.inference(backend);
    float[] all = forward(t).value().data(); // [nU + nI, d]
    int d = cfg.embeddingSize();
    int nItems = egoItems.value().rows();
    Tensor users = Tensor.of(Arrays.copyOfRange(all, 0, nUsers * d), nUsers, d);
    Tensor items = Tensor.of(Arrays.copyOfRange(all, nUsers * d, (nUsers + nItems) * d), nItems, d);
    return new DotProductScorer(backend, users, items);
  }

  /**
   * Every epoch draws from streams of (seed, name, epoch) ({@link TripletEpoch}): embeddings and Adam are the state.
   */
  @Override
  public List<Param> trainingParams() {
    return List.of(egoUsers, egoItems);
  }

  @Override
  public Optimizer optimizer() {
    return adam;
  }

  @Override
  public long parameterCount() {
    return (long) egoUsers.size() + egoItems.size();
  }

  private static int[] offset(int[] items, int by) {
    int[] rows = new int[items.length];
    for (int k = 0; k < items.length; k++) {
      rows[k] = items[k] + by;
    }
    return rows;
  }
}
