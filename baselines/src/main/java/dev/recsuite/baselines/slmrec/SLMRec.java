package dev.recsuite.baselines.slmrec;

import dev.recsuite.baselines.graph.InteractionGraph;
import dev.recsuite.baselines.scoring.DotProductScorer;
import dev.recsuite.baselines.scoring.SigmoidScorer;
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
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.train.TripletEpoch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SLMRec (Tao et al., IEEE TMM 2022, "Self-supervised Learning for Multimedia Recommendation") with ssl_task FAC,
 * as MMRec runs it: specs/baselines.md §4.2, training loop §2.3, test embeddings §3.8, pitfall §7 item 7.
 * Upstream: enoche/MMRec {@code models/slmrec.py}, {@code configs/model/SLMRec.yaml}; original zltao/SLMRec.
 *
 * <ul>
 *   <li>Inputs: the image and text feature matrices, each row-L2-normalised once (F.normalize) and then constant.</li>
 *   <li>Parameters: E_u, E_i [n, d] Xavier-uniform; v_dense, t_dense (Linear F -> d), user_after, item_after
 *       (Linear 3d -> d) and the FAC heads g_i_iv, g_v_iv, g_iv_iva (d -> d), g_iva_ivat, g_t_ivat (d -> d/2):
 *       Xavier-uniform weights, PyTorch-default biases.</li>
 *   <li>Graph: Â = D^-1/2 A D^-1/2 on the binary bipartite A of distinct training pairs, D = rowsum + 1e-8
 *       ({@code adj_type: 'pre'}).</li>
 *   <li>Forward: three LightGCN passes over Â (layer_num layers, mean of the layer_num + 1 outputs) from [E_u; X],
 *       X in {E_i, v_dense(v), t_dense(t)}, all sharing E_u; user_final = user_after([u_id; u_v; u_t]), item_final
 *       = item_after([i_id; i_v; i_t]) (mm_fusion_mode concat). The three passes run as one propagation of the
 *       column blocks [E_u E_u E_u; E_i V T], which is the same linear map.</li>
 *   <li>Loss: InfoNCE(user_final[u], item_final[p]) (rows L2-normalised, in-batch, τ = temp) + ssl_alpha · FAC, FAC
 *       on the positive items: CE(a bᵀ / ssl_temp) + CE(c dᵀ / ssl_temp), diagonal targets, no normalisation, with
 *       a = g_i_iv(i_id), b = g_v_iv(i_v), c = g_iva_ivat(g_iv_iva(a)), d = g_t_ivat(i_t). Negatives are drawn by
 *       the shared loop (§2.4) and ignored, as upstream.</li>
 *   <li>Adam with coupled weight_decay on every trained tensor; constant learning rate.</li>
 * </ul>
 * {@link Variant#REFERENCE} (default) scores as upstream {@code full_sort_predict}: σ(user_final · item_finalᵀ) in
 * float32 with the embeddings cached by the last training batch, computed before that batch's optimiser step
 * (UPSTREAM QUIRK). σ is monotone; it changes a ranking only through float32 rounding, which ties close large
 * scores as PyTorch does ({@link SigmoidScorer}). {@link Variant#CORRECTED} scores a fresh forward pass with the
 * current parameters, dot product without σ. Before any training batch upstream has no cache and fails; here the
 * cache starts as the forward pass of the initial parameters, so an untrained REFERENCE model scores that, with σ.
 * UPSTREAM QUIRK kept: g_a_iva (d -> d) is built and counted in {@link #parameterCount()} but never used; it gets
 * no gradient, so PyTorch's Adam skips it, weight decay included, and it is left out of Adam here.
 * Not carried over: {@code reg} (swept by MMRec's grid but never read by the code), {@code dropout_rate} (used only
 * by the FD/FM tasks), the FD/FM/FD+FM ssl tasks, {@code mm_fusion_mode: mean} (upstream's item_after still expects
 * 3d inputs, so it fails) and {@code init: normal} (upstream refers to a missing attribute).
 */
public final class SLMRec implements Recommender, Resumable {
  /** Which behaviour runs; stored with every run as {@code variant}. */
  public enum Variant {
    /** MMRec as published: σ of the dot product of the embeddings cached by the last training batch. */
    REFERENCE,
    /** A fresh forward pass with the current parameters, plain dot product. */
    CORRECTED
  }

  /**
   * Keys as in MMRec's SLMRec.yaml (recdim, layer_num, temp, ssl_temp, ssl_alpha, learning_rate, weight_decay) and
   * overall.yaml (train_batch_size). MMRec's grid: learning_rate {1e-4, 1e-3, 1e-2, 0.1} x ssl_temp {0.1, 0.2, 0.5,
   * 1.0} x ssl_alpha {0.01, 0.05, 0.1, 0.5, 1.0} (x reg, unused). SUITE DECISION: the grid keys default to the
   * author's conf/SLMRec.properties (zltao/SLMRec): learning_rate 0.01, ssl_temp 0.2, ssl_alpha 0.1, each a grid
   * point.
   *
   * @param recdim d (64)
   * @param layerNum LightGCN layers of each pass (3)
   * @param temp temperature of the main InfoNCE loss (0.2)
   * @param sslTemp temperature of the two FAC cross-entropies
   * @param sslAlpha weight of the FAC loss
   * @param learningRate Adam learning rate, constant
   * @param weightDecay Adam's coupled L2 (1e-4)
   * @param trainBatchSize rows per optimiser step, also the in-batch softmax width (2048)
   * @param variant REFERENCE (default) or CORRECTED, see the class note
   */
  public record Config(int recdim, int layerNum, double temp, double sslTemp, double sslAlpha, double learningRate,
      double weightDecay, int trainBatchSize, Variant variant) {
    public Config {
      check(recdim >= 2 && recdim % 2 == 0, "recdim", recdim,
          "must be even and >= 2 (the FAC text heads have recdim / 2 outputs)");
      check(layerNum >= 0, "layer_num", layerNum, "must be >= 0");
      check(temp > 0, "temp", temp, "must be > 0");
      check(sslTemp > 0, "ssl_temp", sslTemp, "must be > 0");
      check(sslAlpha >= 0, "ssl_alpha", sslAlpha, "must be >= 0");
      check(learningRate > 0, "learning_rate", learningRate, "must be > 0");
      check(weightDecay >= 0, "weight_decay", weightDecay, "must be >= 0");
      check(trainBatchSize >= 1, "train_batch_size", trainBatchSize, "must be >= 1");
      check(variant != null, "variant", variant, "expected reference or corrected");
    }

    public static Config defaults() {
      return new Config(64, 3, 0.2, 0.2, 0.1, 0.01, 1e-4, 2048, Variant.REFERENCE);
    }

    private static void check(boolean ok, String key, Object value, String rule) {
      if (!ok) {
        throw new IllegalArgumentException(
            "SLMRec.Config " + key + " = " + value + ": " + rule + " (specs/baselines.md §4.2)");
      }
    }
  }

  public static final ModelSpec<Config> SPEC = new ModelSpec<>("SLMRec", "multimodal", "specs/baselines.md §4.2",
      Config.class, Config.defaults(), SLMRec::new);

  /** A Linear layer: weight [out, in] Xavier-uniform, bias [out] PyTorch default. */
  record Linear(Param weight, Param bias) {
    static Linear of(String name, SplittableRandom wRng, SplittableRandom bRng, int in, int out) {
      return new Linear(Init.xavierUniform(name + ".weight", wRng, out, in),
          Init.linearDefault(name + ".bias", bRng, in, out));
    }

    Var apply(Tape t, Var x) {
      return t.linear(x, t.param(weight), t.param(bias));
    }
  }

  /**
   * Forward outputs: user_final [nUsers, d], item_final [nItems, d], and the propagated item blocks [nItems, 3d]
   * (columns i_id, i_v, i_t) that FAC reads.
   */
  record Embeddings(Var users, Var items, Var itemBlocks) {}

  private final Config cfg;
  private final CpuBackend backend;
  private final int nUsers;
  private final int nItems;
  private final Tensor image; // [nItems, F_v] row-L2-normalised, constant
  private final Tensor text; // [nItems, F_t] row-L2-normalised, constant
  private final Param userEmb; // E_u [nUsers, d], xavier-uniform
  private final Param itemEmb; // E_i [nItems, d], xavier-uniform
  private final Linear vDense; // F_v -> d
  private final Linear tDense; // F_t -> d
  private final Linear userAfter; // 3d -> d
  private final Linear itemAfter; // 3d -> d
  private final Linear gIIv; // d -> d
  private final Linear gVIv; // d -> d
  private final Linear gIvIva; // d -> d
  private final Linear gAIva; // d -> d, unused (upstream's audio head)
  private final Linear gIvaIvat; // d -> d/2
  private final Linear gTIvat; // d -> d/2
  private final Csr adj; // Â [nUsers + nItems]^2, D = rowsum + 1e-8
  private final Adam adam;
  private final Tape tape;
  private final TripletEpoch epochs;
  // REFERENCE only (null under CORRECTED): user_final and item_final of the last training batch (upstream all_users,
  // all_items), [nUsers, d] and [nItems, d]. Not trained, but training changes them and REFERENCE scores with them,
  // so they are frozen Params that checkpoints carry.
  private final Param cachedUsers;
  private final Param cachedItems;

  public SLMRec(Config cfg, TrainView view, long seed) {
    this.cfg = cfg;
    this.backend = CpuBackend.shared();
    this.nUsers = view.nUsers();
    this.nItems = view.nItems();
    if (!view.itemFeatures().containsKey("image") || !view.itemFeatures().containsKey("text")) {
      throw new IllegalArgumentException("SLMRec needs both image and text item features; dataset '" + view.datasetName()
          + "' has " + view.itemFeatures().keySet() + " (specs/baselines.md §4.2)");
    }
    this.image = normalizedRows("image", view.feature("image"), view);
    this.text = normalizedRows("text", view.feature("text"), view);
    int d = cfg.recdim();
    this.userEmb = Init.xavierUniform("embedding_user", Rng.stream(seed, "init", 0), nUsers, d);
    this.itemEmb = Init.xavierUniform("embedding_item", Rng.stream(seed, "init", 1), nItems, d);
    this.vDense = linear("v_dense", seed, 2, image.cols(), d);
    this.tDense = linear("t_dense", seed, 4, text.cols(), d);
    this.userAfter = linear("embedding_user_after_GCN", seed, 6, 3 * d, d);
    this.itemAfter = linear("embedding_item_after_GCN", seed, 8, 3 * d, d);
    this.gIIv = linear("g_i_iv", seed, 10, d, d);
    this.gVIv = linear("g_v_iv", seed, 12, d, d);
    this.gIvIva = linear("g_iv_iva", seed, 14, d, d);
    this.gAIva = linear("g_a_iva", seed, 16, d, d);
    this.gIvaIvat = linear("g_iva_ivat", seed, 18, d, d / 2);
    this.gTIvat = linear("g_t_ivat", seed, 20, d, d / 2);
    this.adj = InteractionGraph.normalizedAdjacency(view, 1e-8f);
    Adam.Config adamCfg = Adam.Config.defaults(cfg.learningRate()).withWeightDecay(cfg.weightDecay());
    this.adam = new Adam(trained(), adamCfg, backend.pool());
    this.tape = Tape.training(backend);
    this.epochs = new TripletEpoch(view, cfg.trainBatchSize(), seed);
    if (cfg.variant() == Variant.REFERENCE) {
      Embeddings e = forward(Tape.inference(backend));
      this.cachedUsers = new Param("all_users", e.users().value().copy(), false);
      this.cachedItems = new Param("all_items", e.items().value().copy(), false);
    } else {
      this.cachedUsers = null;
      this.cachedItems = null;
    }
  }

  private static Linear linear(String name, long seed, int stream, int in, int out) {
    return Linear.of(name, Rng.stream(seed, "init", stream), Rng.stream(seed, "init", stream + 1), in, out);
  }

  /** F.normalize(x, dim=1): x / max(|x|, 1e-12) per row. */
  private Tensor normalizedRows(String name, FeatureMatrix f, TrainView view) {
    if (f.rows() != nItems) {
      throw new IllegalArgumentException("SLMRec: '" + name + "' features have " + f.rows() + " rows, dataset '"
          + view.datasetName() + "' has " + nItems + " items");
    }
    Tape t = Tape.inference(backend);
    return t.l2Normalize(t.constant(Tensor.of(f.data(), f.rows(), f.cols()))).value().copy();
  }

  @Override
  public double trainEpoch(int epoch) {
    return epochs.run(epoch, (u, p, n) -> {
      Embeddings e = forward(tape);
      if (cachedUsers != null) { // before the step, as upstream all_users / all_items
        copy(e.users(), cachedUsers);
        copy(e.items(), cachedItems);
      }
      return adam.minimize(tape, loss(tape, e, u, p));
    });
  }

  /** §4.2 forward ({@code compute}): the three LightGCN passes as one over [E_u E_u E_u; E_i V T], then fusion. */
  Embeddings forward(Tape t) {
    Var eu = t.param(userEmb);
    Var v = vDense.apply(t, t.constant(image)); // [nItems, d]
    Var x = tDense.apply(t, t.constant(text)); // [nItems, d]
    Var e = t.concat(0, t.concat(1, eu, eu, eu), t.concat(1, t.param(itemEmb), v, x)); // [nU + nI, 3d]
    Var sum = e;
    for (int l = 0; l < cfg.layerNum(); l++) {
      e = t.spmm(adj, e);
      sum = t.add(sum, e);
    }
    Var[] ui = t.split(t.scale(sum, 1f / (cfg.layerNum() + 1)), 0, nUsers, nItems);
    return new Embeddings(userAfter.apply(t, ui[0]), itemAfter.apply(t, ui[1]), ui[1]);
  }

  /** §4.2 loss of one batch: InfoNCE(user_final[u], item_final[p]) at τ = temp, + ssl_alpha · FAC(p). */
  Var loss(Tape t, Embeddings e, int[] u, int[] p) {
    Var main = Losses.infoNce(t, t.gather(e.users(), u), t.gather(e.items(), p), (float) cfg.temp());
    int d = cfg.recdim();
    Var[] blocks = t.split(t.gather(e.itemBlocks(), p), 1, d, d, d); // i_id[p], i_v[p], i_t[p], each [B, d]
    return t.add(main, t.scale(fac(t, blocks[0], blocks[1], blocks[2]), (float) cfg.sslAlpha()));
  }

  /** FAC ({@code fac}): fine (id-image) and coarse (id-image-text) in-batch cross-entropies, [B, d] rows each. */
  Var fac(Tape t, Var id, Var img, Var txt) {
    float tau = (float) cfg.sslTemp();
    Var a = gIIv.apply(t, id);
    Var fine = Losses.inBatchCrossEntropy(t, a, gVIv.apply(t, img), tau);
    Var c = gIvaIvat.apply(t, gIvIva.apply(t, a));
    return t.add(fine, Losses.inBatchCrossEntropy(t, c, gTIvat.apply(t, txt), tau));
  }

  /** §4.2 / §3.8 test scoring, see the class note on the two variants. */
  @Override
  public Scorer scorer() {
    if (cachedUsers != null) {
      return new SigmoidScorer(new DotProductScorer(backend, cachedUsers.value(), cachedItems.value()));
    }
    Embeddings e = forward(Tape.inference(backend));
    return new DotProductScorer(backend, e.users().value(), e.items().value());
  }

  private static void copy(Var from, Param into) {
    float[] to = into.value().data();
    System.arraycopy(from.value().data(), 0, to, 0, to.length);
  }

  /**
   * Every epoch draws from streams of (seed, name, epoch) ({@link TripletEpoch}): the trained tensors, REFERENCE's
   * cached embeddings, and Adam are the state.
   */
  @Override
  public List<Param> trainingParams() {
    List<Param> state = new ArrayList<>(trained());
    if (cachedUsers != null) {
      state.addAll(List.of(cachedUsers, cachedItems));
    }
    return state;
  }

  @Override
  public Optimizer optimizer() {
    return adam;
  }

  /** Every tensor upstream counts as trainable, g_a_iva included (MMRec's {@code requires_grad} count). */
  @Override
  public long parameterCount() {
    return parameters().stream().mapToLong(Param::size).sum();
  }

  // package-private for tests
  List<Param> parameters() {
    List<Param> all = new ArrayList<>(trained());
    all.addAll(List.of(gAIva.weight(), gAIva.bias()));
    return all;
  }

  /** What Adam updates: every tensor except the unused g_a_iva. */
  List<Param> trained() {
    List<Param> all = new ArrayList<>(List.of(userEmb, itemEmb));
    for (Linear l : List.of(vDense, tDense, userAfter, itemAfter, gIIv, gVIv, gIvIva, gIvaIvat, gTIvat)) {
      all.addAll(List.of(l.weight(), l.bias()));
    }
    return all;
  }

  Csr adjacency() {
    return adj;
  }
}
