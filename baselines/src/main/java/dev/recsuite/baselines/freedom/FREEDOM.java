package dev.recsuite.baselines.freedom;

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
import java.util.List;

/**
 * FREEDOM (Zhou and Shen, MM 2023, "A Tale of Two Graphs: Freezing and Denoising Graph Structures for Multimodal
 * Recommendation") as MMRec runs it: specs/baselines.md §3.5, training loop §2.3, negatives §2.4, test embeddings
 * §3.8. Upstream: enoche/MMRec {@code models/freedom.py} (= enoche/FREEDOM {@code src/models/freedom.py}),
 * {@code configs/model/FREEDOM.yaml}.
 *
 * <ul>
 *   <li>Parameters: E_u [nUsers, d], E_i [nItems, d] Xavier-uniform; per modality a Linear F -> d (PyTorch default
 *       init) and the raw feature matrix as a trainable table (Adam moments of its own; it moves only through the
 *       modality terms of the loss).</li>
 *   <li>Frozen item graph, built once from the raw features: per modality the binary top-k cosine graph (self
 *       included) normalised to 1/(k + 1e-7) per entry, mixed as mm_image_weight * image + (1 - mm_image_weight) *
 *       text ({@link ItemKnnGraph#binaryNormalized}, {@link ItemKnnGraph#weightedSum}).</li>
 *   <li>Forward(adj): h = mm_adj^{n_mm_layers} E_i; LightGCN on adj from [E_u; E_i] for n_ui_layers, mean of the
 *       layer outputs; users = the user part, items = the item part + h.</li>
 *   <li>Training uses the degree-pruned adjacency of the epoch ({@link DegreeSensitivePruning}); test scoring uses
 *       the full Â (binary, D + 1e-7) with the same frozen mm_adj.</li>
 *   <li>Loss: -mean logsigmoid(u.p - u.n) on the final embeddings + reg_weight * sum over modalities of
 *       -mean logsigmoid(u.T[p] - u.T[n]), T = X W^T + b, u the propagated user rows. No L2 term.</li>
 * </ul>
 * SUITE DECISION (same function, cheaper): u.T[p] - u.T[n] = u.W(x_p - x_n), since the bias cancels; the
 * projection is applied to the B rows x_p - x_n, not to all nItems rows. The values and gradients are those of the
 * reference in exact arithmetic; the bias gets exactly zero gradient (upstream: rounding noise, which never reaches
 * a score). With reg_weight 0 the modality terms are skipped and their parameters, whose gradient is then zero, are
 * left out of Adam (they could not move).
 * UPSTREAM QUIRK kept: the mm_adj cache file ({@code mm_adj_freedomdsp_10_1.pt}) is not used: the graph is rebuilt
 * from the features every time (upstream reuses a cached file even after the features change).
 */
public final class FREEDOM implements Recommender, Resumable {
  /**
   * Keys as in MMRec's FREEDOM.yaml. MMRec has no single default for the grid keys: SUITE DECISION dropout 0.8,
   * reg_weight 1e-4 (a grid point that trains every term).
   *
   * @param embeddingSize d (64)
   * @param featEmbedDim output width of the modality projections (64; must equal d, they meet u in dot products)
   * @param knnK neighbours per item in the frozen graph (10)
   * @param mmImageWeight image share of the mixed item graph (0.1)
   * @param nMmLayers item-graph propagations (1)
   * @param nUiLayers LightGCN layers (2)
   * @param dropout share of edges pruned each epoch; grid {0.8, 0.9}; 0 trains on the full Â
   * @param regWeight weight of the modality BPR terms; grid {0, 1e-5, 1e-4, 1e-3}
   * @param learningRate Adam learning rate (1e-3, constant)
   * @param trainBatchSize rows per optimiser step (2048)
   * @param trainFeatures the feature tables are trainable (upstream {@code freeze=False}); false freezes them
   *     (SUITE DECISION option, not the reference)
   */
  public record Config(int embeddingSize, int featEmbedDim, int knnK, double mmImageWeight, int nMmLayers,
      int nUiLayers, double dropout, double regWeight, double learningRate, int trainBatchSize, boolean trainFeatures) {
    public Config {
      check(embeddingSize >= 1, "embedding_size", embeddingSize, "must be >= 1");
      check(featEmbedDim == embeddingSize, "feat_embed_dim", featEmbedDim,
          "must equal embedding_size (" + embeddingSize + "): modality projections meet user embeddings in dot products");
      check(knnK >= 1, "knn_k", knnK, "must be >= 1");
      check(mmImageWeight >= 0 && mmImageWeight <= 1, "mm_image_weight", mmImageWeight, "must be in [0, 1]");
      check(nMmLayers >= 0, "n_mm_layers", nMmLayers, "must be >= 0");
      check(nUiLayers >= 0, "n_ui_layers", nUiLayers, "must be >= 0");
      check(dropout >= 0 && dropout < 1, "dropout", dropout, "must be in [0, 1)");
      check(regWeight >= 0, "reg_weight", regWeight, "must be >= 0");
      check(learningRate > 0, "learning_rate", learningRate, "must be > 0");
      check(trainBatchSize >= 1, "train_batch_size", trainBatchSize, "must be >= 1");
    }

    public static Config defaults() {
      return new Config(64, 64, 10, 0.1, 1, 2, 0.8, 1e-4, 1e-3, 2048, true);
    }

    private static void check(boolean ok, String key, Object value, String rule) {
      if (!ok) {
        throw new IllegalArgumentException("FREEDOM.Config " + key + " = " + value + ": " + rule + " (specs/baselines.md §3.5)");
      }
    }
  }

  public static final ModelSpec<Config> SPEC = new ModelSpec<>("FREEDOM", "multimodal", "specs/baselines.md §3.5",
      Config.class, Config.defaults(), FREEDOM::new);

  /** One modality: its trainable table and its projection. */
  record Modality(String name, Param table, Param weight, Param bias) {}

  private final Config cfg;
  private final TrainView view;
  private final long seed;
  private final CpuBackend backend;
  private final Param userEmb; // E_u [nUsers, d], xavier-uniform
  private final Param itemEmb; // E_i [nItems, d], xavier-uniform
  private final List<Modality> modalities; // image then text, those the dataset has: table [nItems, F], W [d, F], b [d]
  private final Csr mmAdj; // [nItems, nItems], frozen
  private final Csr fullAdj; // Â [nUsers + nItems]^2, binary, D + 1e-7
  private final DegreeSensitivePruning pruning;
  private final Adam adam;
  private final Tape tape;
  private final TripletEpoch epochs;

  public FREEDOM(Config cfg, TrainView view, long seed) {
    this.cfg = cfg;
    this.view = view;
    this.seed = seed;
    this.backend = CpuBackend.shared();
    int d = cfg.embeddingSize();
    this.userEmb = Init.xavierUniform("E_u", Rng.stream(seed, "init", 0), view.nUsers(), d);
    this.itemEmb = Init.xavierUniform("E_i", Rng.stream(seed, "init", 1), view.nItems(), d);
    this.modalities = new ArrayList<>();
    List<Csr> graphs = new ArrayList<>();
    int idx = 2;
    for (String name : new String[] {"image", "text"}) {
      FeatureMatrix f = view.itemFeatures().get(name);
      if (f == null) {
        continue;
      }
      Param table = new Param(name + "_table", Tensor.of(f.data().clone(), f.rows(), f.cols()), cfg.trainFeatures());
      Param w = Init.linearDefault(name + "_trs.W", Rng.stream(seed, "init", idx++), f.cols(), d, f.cols());
      Param b = Init.linearDefault(name + "_trs.b", Rng.stream(seed, "init", idx++), f.cols(), d);
      modalities.add(new Modality(name, table, w, b));
      graphs.add(ItemKnnGraph.binaryNormalized(ItemKnnGraph.topK(f, cfg.knnK(), backend)));
    }
    if (modalities.isEmpty()) {
      throw new IllegalArgumentException("FREEDOM needs image or text item features; dataset '" + view.datasetName()
          + "' has " + view.itemFeatures().keySet() + " (specs/baselines.md §3.5)");
    }
    this.mmAdj = graphs.size() == 2
        ? ItemKnnGraph.weightedSum(graphs.get(0), (float) cfg.mmImageWeight(), graphs.get(1), (float) (1.0 - cfg.mmImageWeight()))
        : graphs.get(0);
    this.fullAdj = InteractionGraph.normalizedAdjacency(view, 1e-7f);
    this.pruning = new DegreeSensitivePruning(view.nUsers(), view.nItems(), view.users(), view.items());
    List<Param> trained = new ArrayList<>(List.of(userEmb, itemEmb));
    if (cfg.regWeight() > 0) {
      for (Modality m : modalities) {
        trained.addAll(m.table().trainable() ? List.of(m.table(), m.weight(), m.bias()) : List.of(m.weight(), m.bias()));
      }
    }
    this.adam = new Adam(trained, Adam.Config.defaults(cfg.learningRate()), backend.pool());
    this.tape = Tape.training(backend);
    this.epochs = new TripletEpoch(view, cfg.trainBatchSize(), seed);
  }

  /** One epoch on the adjacency pruned for it ({@code pre_epoch_processing}); the full Â when dropout is 0. */
  @Override
  public double trainEpoch(int epoch) {
    Csr adj = cfg.dropout() > 0 ? pruning.sample(cfg.dropout(), Rng.stream(seed, "edge-pruning", epoch)) : fullAdj;
    return epochs.run(epoch, (u, p, n) -> {
      return adam.minimize(tape, loss(tape, adj, u, p, n));
    });
  }

  /** §3.5 forward(adj): {users [nUsers, d], items [nItems, d]}. */
  Var[] forward(Tape t, Csr adj) {
    Var items = t.param(itemEmb);
    Var h = items;
    for (int l = 0; l < cfg.nMmLayers(); l++) {
      h = t.spmm(mmAdj, h); // [nItems, d]
    }
    Var e = t.concat(0, t.param(userEmb), items); // [nU + nI, d]
    Var sum = e;
    for (int l = 0; l < cfg.nUiLayers(); l++) {
      e = t.spmm(adj, e);
      sum = t.add(sum, e);
    }
    Var[] ui = t.split(t.scale(sum, 1f / (cfg.nUiLayers() + 1)), 0, view.nUsers(), view.nItems());
    return new Var[] {ui[0], t.add(ui[1], h)};
  }

  /** §3.5 loss of one batch on adjacency {@code adj}: BPR on the final embeddings + reg_weight * modality BPRs. */
  Var loss(Tape t, Csr adj, int[] u, int[] p, int[] n) {
    Var[] f = forward(t, adj);
    Var ue = t.gather(f[0], u); // [B, d]
    Var loss = Losses.bpr(t, t.rowDot(ue, t.gather(f[1], p)), t.rowDot(ue, t.gather(f[1], n)), 0f);
    if (cfg.regWeight() == 0) {
      return loss;
    }
    Var modal = null;
    for (Modality m : modalities) {
      Var table = t.param(m.table());
      Var diff = t.sub(t.gather(table, p), t.gather(table, n)); // x_p - x_n [B, F]
      Var s = t.rowDot(ue, t.linear(diff, t.param(m.weight()), null)); // u.T[p] - u.T[n] [B]
      Var term = t.neg(t.mean(t.logSigmoid(s)));
      modal = modal == null ? term : t.add(modal, term);
    }
    return t.add(loss, t.scale(modal, (float) cfg.regWeight()));
  }

  /** §3.5 test scoring: forward on the full, unpruned Â; scores u_final . i_final. */
  @Override
  public Scorer scorer() {
    Tape t = Tape.inference(backend);
    Var[] f = forward(t, fullAdj);
    return new DotProductScorer(backend, f[0].value(), f[1].value());
  }

  /**
   * The pruned graph of epoch e is drawn from {@code Rng.stream(seed, "edge-pruning", e)} and the kNN graph is
   * frozen: the parameters (frozen ones too) and Adam are the state.
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
    long n = (long) userEmb.size() + itemEmb.size();
    for (Modality m : modalities) {
      n += (long) m.weight().size() + m.bias().size() + (m.table().trainable() ? m.table().size() : 0);
    }
    return n;
  }

  // package-private for tests
  List<Param> parameters() {
    List<Param> all = new ArrayList<>(List.of(userEmb, itemEmb));
    for (Modality m : modalities) {
      all.addAll(List.of(m.table(), m.weight(), m.bias()));
    }
    return all;
  }

  Csr mmAdjacency() {
    return mmAdj;
  }

  Csr fullAdjacency() {
    return fullAdj;
  }

  DegreeSensitivePruning pruning() {
    return pruning;
  }
}
