package dev.recsuite.baselines.mgcn;

import dev.recsuite.baselines.graph.InteractionGraph;
import dev.recsuite.baselines.graph.ItemKnnGraph;
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
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.train.TripletEpoch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * MGCN (Yu et al., MM 2023, "Multi-View Graph Convolutional Network for Multimedia Recommendation") as MMRec runs
 * it: specs/baselines.md §3.6, training loop §2.3, negatives §2.4, regulariser §2.6, test embeddings §3.8.
 * Upstream: enoche/MMRec {@code models/mgcn.py} (= demonph10/MGCN HEAD {@code src/models/mgcn.py}),
 * {@code configs/model/MGCN.yaml}.
 *
 * <ul>
 *   <li>Parameters: E_u, E_i [n, d] Xavier-uniform; the image and text feature matrices as trainable tables; Linear
 *       projections F -> d; gates gate_v, gate_t, gate_image_prefer, gate_text_prefer (Linear d -> d, sigmoid);
 *       query_common (Linear d -> d, tanh, Linear d -> 1 without bias). Linear layers have PyTorch's default
 *       init.</li>
 *   <li>Graphs, frozen: Â = D^-1/2 A D^-1/2 on the bipartite A without epsilon ({@link
 *       InteractionGraph#countNormalizedAdjacency}), R its user->item block, and per modality the weighted top-k
 *       cosine graph deg_i^-1/2 s_ij deg_j^-1/2 built once from the raw features
 *       ({@link ItemKnnGraph#weightedSymmetricNormalized}).</li>
 *   <li>Forward: purifier Ĩ_m = E_i ⊙ σ(gate_m(F_m)), F_m = trs_m(table_m) over all items; content C = LightGCN on
 *       Â (mean of n_ui_layers + 1 layer outputs); item-item view Ĩ_m <- S_m^{n_layers} Ĩ_m, M_m = [R Ĩ_m; Ĩ_m];
 *       fuser: per node α = softmax over the two modalities of query_common(M_m), common = α_v M_v + α_t M_t,
 *       specific S_m = σ(prefer_m(C)) ⊙ (M_m - common), side = (S_v + S_t + common) / 3; final = C + side.</li>
 *   <li>Loss: -mean logsigmoid(u.p - u.n) + reg_weight ½(|u|² + |p|² + |n|²) / train_batch_size (the configured
 *       2048 even for the short last batch, UPSTREAM QUIRK kept) on the final rows + cl_loss [InfoNCE(side_i[p],
 *       C_i[p]) + InfoNCE(side_u[u], C_u[u])], τ 0.2, in-batch, one-directional, mean.</li>
 *   <li>Test scoring: the same forward pass (nothing is random in it); scores u_final . i_final.</li>
 *   <li>Learning rate lr · a^(epoch / b) with learning_rate_scheduler [a, b] = [0.96, 50].</li>
 * </ul>
 * UPSTREAM QUIRK kept: the kNN graphs are rebuilt from the features every time instead of reusing
 * {@code image_adj_10_True.pt} / {@code text_adj_10_True.pt}, which upstream keeps even when the features change.
 */
public final class MGCN implements Recommender, Resumable {
  /** How the fuser normalises the two query scores of a node (specs/baselines.md §3.6, "Behaviour-aware fuser"). */
  public enum FusionSoftmax {
    /** Softmax over the two modalities of each node: the final author code and MMRec (the reference). */
    MODALITY,
    /** Softmax over all nodes for each modality: the author's first commit 09095cb. */
    NODE
  }

  /**
   * Keys as in MMRec's MGCN.yaml. SUITE DECISION: cl_loss 0.01 by default (grid {0.001, 0.01, 0.1}; 0.01 is the
   * author's first-commit value).
   *
   * @param embeddingSize d (64)
   * @param nUiLayers LightGCN layers of the user-item view (2)
   * @param nLayers item-item propagations per modality (1)
   * @param knnK neighbours per item in the modality graphs (10)
   * @param regWeight weight of ½ squared norms / train_batch_size (1e-4)
   * @param clLoss weight of the two InfoNCE terms
   * @param learningRate Adam learning rate (1e-3)
   * @param learningRateScheduler [a, b]: epoch e trains at lr · a^(e / b) ([0.96, 50])
   * @param trainBatchSize rows per optimiser step and the regulariser's divisor (2048)
   * @param fusionSoftmax the fuser's softmax axis (reference: modality)
   */
  public record Config(int embeddingSize, int nUiLayers, int nLayers, int knnK, double regWeight, double clLoss,
      double learningRate, double[] learningRateScheduler, int trainBatchSize, FusionSoftmax fusionSoftmax) {
    public Config {
      check(embeddingSize >= 1, "embedding_size", embeddingSize, "must be >= 1");
      check(nUiLayers >= 0, "n_ui_layers", nUiLayers, "must be >= 0");
      check(nLayers >= 0, "n_layers", nLayers, "must be >= 0");
      check(knnK >= 1, "knn_k", knnK, "must be >= 1");
      check(regWeight >= 0, "reg_weight", regWeight, "must be >= 0");
      check(clLoss >= 0, "cl_loss", clLoss, "must be >= 0");
      check(learningRate > 0, "learning_rate", learningRate, "must be > 0");
      check(learningRateScheduler.length == 2 && learningRateScheduler[0] > 0 && learningRateScheduler[1] > 0,
          "learning_rate_scheduler", Arrays.toString(learningRateScheduler), "must be [a, b] with a > 0, b > 0");
      check(trainBatchSize >= 1, "train_batch_size", trainBatchSize, "must be >= 1");
      learningRateScheduler = learningRateScheduler.clone();
    }

    public static Config defaults() {
      return new Config(64, 2, 1, 10, 1e-4, 0.01, 1e-3, new double[] {0.96, 50}, 2048, FusionSoftmax.MODALITY);
    }

    private static void check(boolean ok, String key, Object value, String rule) {
      if (!ok) {
        throw new IllegalArgumentException("MGCN.Config " + key + " = " + value + ": " + rule + " (specs/baselines.md §3.6)");
      }
    }
  }

  public static final ModelSpec<Config> SPEC = new ModelSpec<>("MGCN", "multimodal", "specs/baselines.md §3.6",
      Config.class, Config.defaults(), MGCN::new);

  private static final float TAU = 0.2f; // InfoNCE temperature, hard-coded upstream (self.tau = 0.5 is unused)

  /** A Linear layer, weight [out, in] and bias [out] (or null). */
  record Linear(Param weight, Param bias) {
    static Linear of(String name, SplittableRandom wRng, SplittableRandom bRng, int in, int out, boolean bias) {
      return new Linear(Init.linearDefault(name + ".W", wRng, in, out, in),
          bias ? Init.linearDefault(name + ".b", bRng, in, out) : null);
    }

    Var apply(Tape t, Var x) {
      return t.linear(x, t.param(weight), bias == null ? null : t.param(bias));
    }
  }

  /** One modality: trainable feature table [nItems, F], projection F -> d, purifier gate, preference gate, graph. */
  record Modality(Param table, Linear trs, Linear gate, Linear prefer, Csr graph) {}

  /** Forward outputs, each [nUsers + nItems, d]: final embeddings, side (fused) and content (LightGCN) parts. */
  record Embeddings(Var all, Var side, Var content) {}

  private final Config cfg;
  private final TrainView view;
  private final CpuBackend backend;
  private final Param userEmb; // E_u [nUsers, d], xavier-uniform
  private final Param itemEmb; // E_i [nItems, d], xavier-uniform
  private final Modality image;
  private final Modality text;
  private final Linear query1; // query_common[0]: d -> d, then tanh
  private final Linear query2; // query_common[2]: d -> 1, no bias
  private final Csr adj; // Â [nUsers + nItems]^2
  private final Csr userItem; // R [nUsers, nItems]
  private final Adam adam;
  private final Tape tape;
  private final TripletEpoch epochs;

  public MGCN(Config cfg, TrainView view, long seed) {
    this.cfg = cfg;
    this.view = view;
    this.backend = CpuBackend.shared();
    int d = cfg.embeddingSize();
    if (!view.itemFeatures().containsKey("image") || !view.itemFeatures().containsKey("text")) {
      throw new IllegalArgumentException("MGCN needs both image and text item features; dataset '" + view.datasetName()
          + "' has " + view.itemFeatures().keySet() + " (specs/baselines.md §3.6)");
    }
    this.userEmb = Init.xavierUniform("E_u", Rng.stream(seed, "init", 0), view.nUsers(), d);
    this.itemEmb = Init.xavierUniform("E_i", Rng.stream(seed, "init", 1), view.nItems(), d);
    this.image = modality("image", view.feature("image"), seed, 10);
    this.text = modality("text", view.feature("text"), seed, 20);
    this.query1 = Linear.of("query_common.0", Rng.stream(seed, "init", 30), Rng.stream(seed, "init", 31), d, d, true);
    this.query2 = Linear.of("query_common.2", Rng.stream(seed, "init", 32), null, d, 1, false);
    this.adj = InteractionGraph.countNormalizedAdjacency(view);
    this.userItem = InteractionGraph.userItemBlock(adj, view.nUsers(), view.nItems());
    this.adam = new Adam(parameters(), Adam.Config.defaults(cfg.learningRate()), backend.pool());
    this.tape = Tape.training(backend);
    this.epochs = new TripletEpoch(view, cfg.trainBatchSize(), seed);
  }

  private Modality modality(String name, FeatureMatrix f, long seed, int stream) {
    int d = cfg.embeddingSize();
    Param table = new Param(name + "_table", Tensor.of(f.data().clone(), f.rows(), f.cols()));
    Linear trs = Linear.of(name + "_trs", Rng.stream(seed, "init", stream), Rng.stream(seed, "init", stream + 1), f.cols(), d, true);
    Linear gate = Linear.of("gate_" + name.charAt(0), Rng.stream(seed, "init", stream + 2), Rng.stream(seed, "init", stream + 3), d, d, true);
    Linear prefer = Linear.of("gate_" + name + "_prefer", Rng.stream(seed, "init", stream + 4), Rng.stream(seed, "init", stream + 5), d, d, true);
    Csr graph = ItemKnnGraph.weightedSymmetricNormalized(ItemKnnGraph.topK(f, cfg.knnK(), backend));
    return new Modality(table, trs, gate, prefer, graph);
  }

  @Override
  public double trainEpoch(int epoch) {
    double[] s = cfg.learningRateScheduler();
    adam.setLearningRate(cfg.learningRate() * Math.pow(s[0], epoch / s[1]));
    return epochs.run(epoch, (u, p, n) -> {
      return adam.minimize(tape, loss(tape, u, p, n));
    });
  }

  /** §3.6 forward over all nodes: {final, side, content}, rows users then items. */
  Embeddings forward(Tape t) {
    Var items = t.param(itemEmb);
    Var ego = t.concat(0, t.param(userEmb), items); // [nU + nI, d]
    Var sum = ego;
    for (int l = 0; l < cfg.nUiLayers(); l++) {
      ego = t.spmm(adj, ego);
      sum = t.add(sum, ego);
    }
    Var content = t.scale(sum, 1f / (cfg.nUiLayers() + 1)); // C
    Var mv = itemItemView(t, image, items);
    Var mt = itemItemView(t, text, items);
    Var scores = t.concat(1, query(t, mv), query(t, mt)); // [N, 2]
    Var[] alpha = t.split(t.softmax(scores, cfg.fusionSoftmax() == FusionSoftmax.MODALITY ? 1 : 0), 1, 1, 1);
    Var common = t.add(t.mul(alpha[0], mv), t.mul(alpha[1], mt));
    Var sv = t.mul(t.sigmoid(image.prefer().apply(t, content)), t.sub(mv, common));
    Var st = t.mul(t.sigmoid(text.prefer().apply(t, content)), t.sub(mt, common));
    Var side = t.scale(t.add(t.add(sv, st), common), 1f / 3);
    return new Embeddings(t.add(content, side), side, content);
  }

  /** Purifier and item-item view of one modality: [R Ĩ; Ĩ] with Ĩ = S^{n_layers} (E_i ⊙ σ(gate(trs(table)))). */
  private Var itemItemView(Tape t, Modality m, Var items) {
    Var feats = m.trs().apply(t, t.param(m.table())); // [nI, d]
    Var purified = t.mul(items, t.sigmoid(m.gate().apply(t, feats)));
    for (int l = 0; l < cfg.nLayers(); l++) {
      purified = t.spmm(m.graph(), purified);
    }
    return t.concat(0, t.spmm(userItem, purified), purified); // [nU + nI, d]
  }

  /** query_common: Linear, tanh, Linear without bias; [N, d] -> [N, 1]. */
  private Var query(Tape t, Var x) {
    return query2.apply(t, t.tanh(query1.apply(t, x)));
  }

  /** §3.6 loss of one batch: BPR + reg_weight ½ squared norms / train_batch_size + cl_loss (two InfoNCE terms). */
  Var loss(Tape t, int[] u, int[] p, int[] n) {
    Embeddings e = forward(t);
    int nU = view.nUsers();
    int[] pRows = offset(p, nU);
    Var ue = t.gather(e.all(), u); // [B, d]
    Var pe = t.gather(e.all(), pRows);
    Var ne = t.gather(e.all(), offset(n, nU));
    Var bpr = Losses.bpr(t, t.rowDot(ue, pe), t.rowDot(ue, ne), 0f);
    Var squares = t.add(t.add(t.sumSquares(ue), t.sumSquares(pe)), t.sumSquares(ne));
    Var reg = t.scale(squares, (float) (0.5 * cfg.regWeight() / cfg.trainBatchSize()));
    Var cl = t.add(Losses.infoNce(t, t.gather(e.side(), pRows), t.gather(e.content(), pRows), TAU),
        Losses.infoNce(t, t.gather(e.side(), u), t.gather(e.content(), u), TAU));
    return t.add(t.add(bpr, reg), t.scale(cl, (float) cfg.clLoss()));
  }

  private static int[] offset(int[] items, int by) {
    int[] out = new int[items.length];
    for (int k = 0; k < items.length; k++) {
      out[k] = items[k] + by;
    }
    return out;
  }

  /** §3.6 test scoring: the same forward pass with the full Â; scores u_final . i_final. */
  @Override
  public Scorer scorer() {
    Tape t = Tape.inference(backend);
    Var[] ui = t.split(forward(t).all(), 0, view.nUsers(), view.nItems());
    return new DotProductScorer(backend, ui[0].value(), ui[1].value());
  }

  /**
   * Every epoch draws from streams of (seed, name, epoch) ({@link TripletEpoch}); the graphs are frozen: the
   * parameters and Adam are the state.
   */
  @Override
  public List<Param> trainingParams() {
    return parameters();
  }

  @Override
  public Optimizer optimizer() {
    return adam;
  }

  @Override
  public long parameterCount() {
    return parameters().stream().mapToLong(Param::size).sum();
  }

  // package-private for tests
  List<Param> parameters() {
    List<Param> all = new ArrayList<>(List.of(userEmb, itemEmb));
    for (Modality m : List.of(image, text)) {
      all.addAll(List.of(m.table(), m.trs().weight(), m.trs().bias(), m.gate().weight(), m.gate().bias(),
          m.prefer().weight(), m.prefer().bias()));
    }
    all.addAll(List.of(query1.weight(), query1.bias(), query2.weight()));
    return all;
  }

  Csr adjacency() {
    return adj;
  }

  Csr graph(String modality) {
    return modality.equals("image") ? image.graph() : text.graph();
  }

  double learningRate() {
    return adam.learningRate();
  }
}
