package dev.recsuite.baselines.mmgcn;

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
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.train.TripletEpoch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MMGCN (Wei et al., ACM MM 2019) as MMRec runs it: specs/baselines.md §3.4, training loop §2.3, negatives §2.4,
 * test embeddings §3.8, pitfalls §7 items 7 and 8. Upstream: enoche/MMRec {@code models/mmgcn.py},
 * {@code configs/model/MMGCN.yaml}; original weiyinwei/MMGCN {@code Model_MMGCN.py}.
 *
 * <ul>
 *   <li>Graph: every training row is an edge in both directions (duplicates count), mean aggregation over incoming
 *       neighbours (PyG aggr='mean'); nodes are [users; items].</li>
 *   <li>One {@link Branch} per modality present: image (MLP F -> dim_latent, default 256) and text (raw features).
 *       x^0 = rownorm([preference ; features]); each layer: h = lrelu(Mean(x W)), x̂ = lrelu(x L^T + b) + ID,
 *       x' = lrelu(G [h ; x̂] + b_G) (concatenation) or lrelu(G h + b_G + x̂).</li>
 *   <li>Representation = mean over branches of the last layer; score = rep_u . rep_i.</li>
 *   <li>Loss: -mean logσ(s⁺ - s⁻) (no epsilon) + reg_weight * [mean((ID[u]² + ID[i]²) over the 2B x 64 entries) +
 *       mean(P_image²)]: only the image preference enters the regulariser.</li>
 * </ul>
 * {@link Variant#REFERENCE} (default) keeps MMRec's behaviour, including its defects. UPSTREAM QUIRK: the id
 * embedding and the preference matrices are plain tensors the optimiser never sees: they stay at their Xavier-normal
 * initialisation, so the regulariser has no effect on training. UPSTREAM QUIRK: test scoring uses the representation
 * cached by the last training forward pass (computed before that batch's optimiser step), not a fresh forward.
 * {@link Variant#CORRECTED} trains those tensors and scores with a fresh forward pass. UPSTREAM QUIRK kept by
 * default: {@code concate = 'False'} is a non-empty string, hence true (concatenation mode, G has d + 64 inputs).
 * UPSTREAM QUIRK: MMRec's yaml says n_layers 2 but the forward hard-codes 3 layers; here n_layers is honoured and
 * defaults to 3, what MMRec runs.
 */
public final class MMGCN implements Recommender, Resumable {
  /** Which behaviour runs; stored with every run as {@code variant}. */
  public enum Variant {
    /** MMRec as published: id embedding and preferences frozen at init; scoring with the last cached forward. */
    REFERENCE,
    /** Id embedding and preferences trained; scoring with a fresh forward pass. */
    CORRECTED
  }

  /**
   * Keys as in the experiment file. MMRec grid (experiments/mmgcn-grid.yaml): reg_weight {0, 1e-5, 1e-4, 1e-3,
   * 1e-2, 0.1} x learning_rate {1e-4, 5e-4, 1e-3, 5e-3, 1e-2}; under REFERENCE reg_weight changes only the loss
   * value, never the training.
   *
   * @param embeddingSize d_id of the id embedding and of layers 2.. (MMRec embedding_size 64)
   * @param nLayers graph layers (default 3: what MMRec's forward runs whatever its yaml says)
   * @param regWeight weight of the id/preference regulariser; SUITE DECISION default 1e-4 (the yaml has the grid only)
   * @param learningRate Adam learning rate (MMRec overall 1e-3)
   * @param trainBatchSize rows per optimiser step (MMRec 2048)
   * @param dimLatent the image MLP's output width (MMRec hard-codes 256)
   * @param concatenate G takes [h ; x̂] (true: what MMRec runs) or G h + x̂ (false: what its 'False' meant)
   * @param variant REFERENCE (default) or CORRECTED, see the class note
   */
  public record Config(int embeddingSize, int nLayers, double regWeight, double learningRate, int trainBatchSize,
      int dimLatent, boolean concatenate, Variant variant) {
    public Config {
      if (embeddingSize < 1 || dimLatent < 1) {
        throw new IllegalArgumentException("MMGCN.Config embedding_size = " + embeddingSize + ", dim_latent = " + dimLatent
            + ": both must be >= 1");
      }
      if (nLayers < 1) {
        throw new IllegalArgumentException("MMGCN.Config n_layers = " + nLayers + ": must be >= 1 (MMRec runs 3, §3.4)");
      }
      if (!(regWeight >= 0)) {
        throw new IllegalArgumentException("MMGCN.Config reg_weight = " + regWeight + ": must be >= 0");
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("MMGCN.Config learning_rate = " + learningRate + ": must be > 0");
      }
      if (trainBatchSize < 1) {
        throw new IllegalArgumentException("MMGCN.Config train_batch_size = " + trainBatchSize + ": must be >= 1");
      }
      if (variant == null) {
        throw new IllegalArgumentException("MMGCN.Config variant: expected reference or corrected");
      }
    }

    public static Config defaults() {
      return new Config(64, 3, 1e-4, 1e-3, 2048, 256, true, Variant.REFERENCE);
    }
  }

  public static final ModelSpec<Config> SPEC = new ModelSpec<>("MMGCN", "multimodal", "specs/baselines.md §3.4",
      Config.class, Config.defaults(), MMGCN::new);

  private final Config cfg;
  private final CpuBackend backend;
  private final int nUsers;
  private final int nItems;
  private final Csr meanAgg; // [N, N], N = nU + nI: row j averages j's neighbours
  private final Param idEmb; // ID [N, d_id], xavier-normal; frozen under REFERENCE
  private final List<Branch> branches = new ArrayList<>(); // image first, then text (MMRec order)
  private final Adam adam;
  private final Tape tape;
  private final TripletEpoch epochs;
  // [N, d_id] MMRec's self.result: the representation of the last training forward. Not trained, but training
  // changes it and REFERENCE scores with it, so it is held as a frozen Param that checkpoints carry.
  private final Param result;

  public MMGCN(Config cfg, TrainView view, long seed) {
    this.cfg = cfg;
    this.backend = CpuBackend.shared();
    this.nUsers = view.nUsers();
    this.nItems = view.nItems();
    boolean train = cfg.variant() == Variant.CORRECTED;
    int n = nUsers + nItems;
    this.meanAgg = InteractionGraph.meanAggregation(view);
    int b = 0;
    for (String m : List.of("image", "text")) {
      FeatureMatrix f = view.itemFeatures().get(m);
      if (f != null) {
        if (f.rows() != nItems) {
          throw new IllegalArgumentException("MMGCN: '" + m + "' features have " + f.rows() + " rows, dataset '"
              + view.datasetName() + "' has " + nItems + " items");
        }
        branches.add(new Branch(m, f, m.equals("image") ? cfg.dimLatent() : 0, cfg, nUsers, train, seed, b++));
      }
    }
    if (branches.isEmpty()) {
      throw new IllegalArgumentException("MMGCN needs 'image' or 'text' item features; dataset '" + view.datasetName()
          + "' has " + view.itemFeatures().keySet() + " (see recsuite features)");
    }
    Param id = Init.xavierNormal("id_embedding", Rng.stream(seed, "init", 0), n, cfg.embeddingSize());
    this.idEmb = train ? id : new Param(id.name(), id.value(), false);
    Param initial = Init.xavierNormal("result", Rng.stream(seed, "init", 1), n, cfg.embeddingSize());
    this.result = new Param(initial.name(), initial.value(), false);
    this.adam = new Adam(trainable(), Adam.Config.defaults(cfg.learningRate()), backend.pool());
    this.tape = Tape.training(backend);
    this.epochs = new TripletEpoch(view, cfg.trainBatchSize(), seed);
    for (Branch br : branches) {
      br.cacheConstantInput(meanAgg, backend);
    }
  }

  @Override
  public double trainEpoch(int epoch) {
    return epochs.run(epoch, (u, p, n) -> {
      Var rep = forward(tape);
      float[] cached = result.value().data();
      System.arraycopy(rep.value().data(), 0, cached, 0, cached.length); // before the step, as MMRec's self.result
      return adam.minimize(tape, loss(tape, rep, u, p, n));
    });
  }

  /** §3.4 representation: the mean over modality branches of their last layer, [N, d_id]. */
  Var forward(Tape t) {
    Var sum = null;
    for (Branch b : branches) {
      Var x = b.forward(t, meanAgg, t.param(idEmb));
      sum = sum == null ? x : t.add(sum, x);
    }
    return branches.size() == 1 ? sum : t.scale(sum, 1f / branches.size());
  }

  /**
   * §3.4 loss: -mean logσ(rep_u.rep_p - rep_u.rep_n) + reg_weight * [mean over 2B x d_id of (ID[u]² + ID[i]²), users
   * repeated per pos and neg, + mean(P_image²)].
   */
  Var loss(Tape t, Var rep, int[] u, int[] p, int[] n) {
    int[] pRows = offset(p, nUsers);
    int[] nRows = offset(n, nUsers);
    Var ue = t.gather(rep, u);
    Var bpr = Losses.bpr(t, t.rowDot(ue, t.gather(rep, pRows)), t.rowDot(ue, t.gather(rep, nRows)), 0f);
    int[] users2 = new int[2 * u.length];
    int[] items2 = new int[2 * u.length];
    for (int k = 0; k < u.length; k++) {
      users2[2 * k] = u[k];
      users2[2 * k + 1] = u[k];
      items2[2 * k] = pRows[k];
      items2[2 * k + 1] = nRows[k];
    }
    Var id = t.param(idEmb);
    Var reg = t.add(t.mean(t.square(t.gather(id, users2))), t.mean(t.square(t.gather(id, items2))));
    for (Branch b : branches) {
      if (b.hasMlp()) { // MMRec: only v_gcn.preference
        reg = t.add(reg, t.mean(t.square(t.param(b.preference))));
      }
    }
    return t.add(bpr, t.scale(reg, (float) cfg.regWeight()));
  }

  /**
   * §3.4 / §3.8 test scoring. REFERENCE: the representation cached by the last training forward pass (MMRec
   * {@code self.result}); CORRECTED: a fresh forward pass with the current parameters.
   */
  @Override
  public Scorer scorer() {
    float[] rep = result.value().data();
    if (cfg.variant() == Variant.CORRECTED) {
      rep = forward(Tape.inference(backend)).value().data();
    }
    int d = cfg.embeddingSize();
    Tensor users = Tensor.of(Arrays.copyOfRange(rep, 0, nUsers * d), nUsers, d);
    Tensor items = Tensor.of(Arrays.copyOfRange(rep, nUsers * d, (nUsers + nItems) * d), nItems, d);
    return new DotProductScorer(backend, users, items);
  }

  @Override
  public long parameterCount() {
    return trainable().stream().mapToLong(Param::size).sum();
  }

  /** Every tensor of the model, frozen ones included: the id embedding, then each branch's. */
  List<Param> parameters() {
    List<Param> all = new ArrayList<>(List.of(idEmb));
    for (Branch b : branches) {
      all.addAll(b.parameters());
    }
    return all;
  }

  List<Param> trainable() {
    return parameters().stream().filter(Param::trainable).toList();
  }

  /**
   * Every epoch draws from streams of (seed, name, epoch) ({@link TripletEpoch}): the trained tensors, the cached
   * representation REFERENCE scores with, and Adam are the state.
   */
  @Override
  public List<Param> trainingParams() {
    List<Param> state = new ArrayList<>(trainable());
    state.add(result);
    return state;
  }

  @Override
  public Optimizer optimizer() {
    return adam;
  }

  List<Branch> branches() {
    return branches;
  }

  private static int[] offset(int[] items, int by) {
    int[] rows = new int[items.length];
    for (int k = 0; k < items.length; k++) {
      rows[k] = items[k] + by;
    }
    return rows;
  }

  /** One modality's GCN (MMRec class {@code GCN}): optional MLP, preference matrix, and the graph layers. */
  static final class Branch {
    final String modality;
    private final Tensor features; // [nI, F] raw item features, constant
    private final Param mlpW; // [dim_latent, F], nn.Linear default init; null without an MLP (text)
    private final Param mlpB; // [dim_latent]
    final Param preference; // [nU, d], xavier-normal; frozen under REFERENCE
    private final Param[] conv; // W_l [d_in, d_in], xavier-normal (PyG uniform overwritten)
    private final Param[] linW; // L_l [d_id, d_in], xavier-normal
    private final Param[] linB; // [d_id], nn.Linear default
    private final Param[] gW; // G_l [d_id, d_in + d_id] (concatenation) or [d_id, d_in]; xavier-normal in layer 1 only
    private final Param[] gB; // [d_id], nn.Linear default
    private final boolean concatenate;
    private Tensor x0; // [N, d] rownorm([P; X]) when it is constant (no MLP, frozen preference), else null
    private Tensor ax0; // [N, d] Mean(x0) for the same case

    Branch(String modality, FeatureMatrix f, int dimLatent, Config cfg, int nUsers, boolean trainPreference, long seed,
        int index) {
      this.modality = modality;
      this.features = Tensor.of(f.data(), f.rows(), f.cols());
      this.concatenate = cfg.concatenate();
      int dId = cfg.embeddingSize();
      int d = dimLatent > 0 ? dimLatent : f.cols();
      long s = 100L * (index + 1);
      if (dimLatent > 0) {
        mlpW = Init.linearDefault(modality + ".MLP.weight", Rng.stream(seed, "init", s), f.cols(), d, f.cols());
        mlpB = Init.linearDefault(modality + ".MLP.bias", Rng.stream(seed, "init", s + 1), f.cols(), d);
      } else {
        mlpW = null;
        mlpB = null;
      }
      Param pref = Init.xavierNormal(modality + ".preference", Rng.stream(seed, "init", s + 2), nUsers, d);
      this.preference = trainPreference ? pref : new Param(pref.name(), pref.value(), false);
      int layers = cfg.nLayers();
      conv = new Param[layers];
      linW = new Param[layers];
      linB = new Param[layers];
      gW = new Param[layers];
      gB = new Param[layers];
      for (int l = 0; l < layers; l++) {
        int in = l == 0 ? d : dId;
        int gIn = concatenate ? in + dId : in;
        long ls = s + 10 + 10L * l;
        String at = modality + ".layer" + (l + 1);
        conv[l] = Init.xavierNormal(at + ".conv", Rng.stream(seed, "init", ls), in, in);
        linW[l] = Init.xavierNormal(at + ".linear.weight", Rng.stream(seed, "init", ls + 1), dId, in);
        linB[l] = Init.linearDefault(at + ".linear.bias", Rng.stream(seed, "init", ls + 2), in, dId);
        gW[l] = l == 0 // MMRec re-initialises g_layer1 only; g_layer2 and 3 keep nn.Linear's default
            ? Init.xavierNormal(at + ".g.weight", Rng.stream(seed, "init", ls + 3), dId, gIn)
            : Init.linearDefault(at + ".g.weight", Rng.stream(seed, "init", ls + 3), gIn, dId, gIn);
        gB[l] = Init.linearDefault(at + ".g.bias", Rng.stream(seed, "init", ls + 4), gIn, dId);
      }
    }

    boolean hasMlp() {
      return mlpW != null;
    }

    /** Precomputes x^0 and Mean(x^0) when neither can change (text under REFERENCE): saves two SpMMs per step. */
    void cacheConstantInput(Csr meanAgg, CpuBackend be) {
      if (mlpW == null && !preference.trainable()) {
        Tape t = Tape.inference(be);
        Var x = t.l2Normalize(t.concat(0, t.param(preference), t.constant(features)));
        x0 = x.value().copy();
        ax0 = t.spmm(meanAgg, x).value().copy();
      }
    }

    /** The branch's last layer, [N, d_id]. */
    Var forward(Tape t, Csr meanAgg, Var id) {
      Var x;
      Var ax;
      if (x0 != null) {
        x = t.constant(x0);
        ax = t.constant(ax0);
      } else {
        Var feats = mlpW == null ? t.constant(features) : t.linear(t.constant(features), t.param(mlpW), t.param(mlpB));
        x = t.l2Normalize(t.concat(0, t.param(preference), feats)); // [N, d]
        ax = t.spmm(meanAgg, x);
      }
      for (int l = 0; l < conv.length; l++) {
        if (l > 0) {
          ax = t.spmm(meanAgg, x);
        }
        Var h = t.leakyRelu(t.matmul(ax, t.param(conv[l]))); // Mean(x W) = Mean(x) W
        Var xHat = t.add(t.leakyRelu(t.linear(x, t.param(linW[l]), t.param(linB[l]))), id);
        x = concatenate
            ? t.leakyRelu(t.linear(t.concat(1, h, xHat), t.param(gW[l]), t.param(gB[l])))
            : t.leakyRelu(t.add(t.linear(h, t.param(gW[l]), t.param(gB[l])), xHat));
      }
      return x;
    }

    List<Param> parameters() {
      List<Param> ps = new ArrayList<>();
      if (mlpW != null) {
        ps.add(mlpW);
        ps.add(mlpB);
      }
      ps.add(preference);
      for (int l = 0; l < conv.length; l++) {
        ps.addAll(List.of(conv[l], linW[l], linB[l], gW[l], gB[l]));
      }
      return ps;
    }
  }
}
