package dev.recsuite.baselines.gru4rec;

import dev.recsuite.baselines.sequence.PaddedSequences;
import dev.recsuite.baselines.sequence.PrefixCrossEntropy;
import dev.recsuite.baselines.sequence.PrefixInstances;
import dev.recsuite.baselines.sequence.SequenceScorer;
import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.Backend;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.nn.Gru;
import dev.recsuite.engine.nn.Init;
import dev.recsuite.engine.optim.Adam;
import dev.recsuite.engine.optim.Optimizer;
import dev.recsuite.engine.rng.Rng;
import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.Resumable;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.TrainView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * GRU4Rec (Hidasi et al., ICLR 2016; Tan et al., DLRS 2016, improved variant) as RecBole runs it:
 * specs/baselines.md §4.1 (pipeline and evaluation as SASRec, §3.7 and §5). Upstream: RUCAIBox/RecBole
 * {@code model/sequential_recommender/gru4rec.py}, {@code properties/model/GRU4Rec.yaml}.
 *
 * <ul>
 *   <li>Item embedding E [nItems + 1, embedding_size], row 0 = PAD, xavier-normal over the whole table.</li>
 *   <li>x = dropout(E[seq], dropout_prob); GRU without biases, input embedding_size, hidden hidden_size
 *       ({@link Gru}: PyTorch equations, gate order r, z, n); layer 0's weight_ih and weight_hh are
 *       xavier-uniform, further layers keep PyTorch's default U(±1/sqrt(H)) (RecBole re-initialises only
 *       layer 0).</li>
 *   <li>User vector = dense(h at the last real item), dense = Linear(hidden_size, embedding_size) with
 *       PyTorch's default init.</li>
 *   <li>Loss (RecBole loss_type CE): every training prefix is an instance; softmax cross-entropy of h · Eᵀ over
 *       all nItems + 1 rows. RecBole's BPR alternative is not implemented.</li>
 *   <li>Scoring: h · E[1..]ᵀ ({@link SequenceScorer}).</li>
 * </ul>
 * Left padding: pad steps keep the GRU state at 0, so a real step sees the same state as in RecBole's
 * right-padded run. SUITE DECISION: batches run in length groups (sequence.LengthBuckets); this does not
 * change the function.
 */
public final class GRU4Rec implements Recommender, Resumable {
  /**
   * Keys and defaults as RecBole's GRU4Rec.yaml and overall.yaml (§4.1).
   *
   * @param numLayers GRU layers (RecBole docs tune {1, 2, 3})
   * @param dropoutProb embedding dropout
   * @param maxSeqLength RecBole MAX_ITEM_LIST_LENGTH
   */
  public record Config(int embeddingSize, int hiddenSize, int numLayers, double dropoutProb, int maxSeqLength,
      double learningRate, int trainBatchSize, double weightDecay) {
    public Config {
      for (var e : new Object[][] {{"embedding_size", embeddingSize}, {"hidden_size", hiddenSize},
          {"num_layers", numLayers}, {"max_seq_length", maxSeqLength}, {"train_batch_size", trainBatchSize}}) {
        if ((int) e[1] < 1) {
          throw new IllegalArgumentException("GRU4Rec.Config " + e[0] + " = " + e[1] + ": must be >= 1");
        }
      }
      if (!(dropoutProb >= 0 && dropoutProb < 1)) {
        throw new IllegalArgumentException("GRU4Rec.Config dropout_prob = " + dropoutProb + ": must be in [0, 1)");
      }
      if (!(learningRate > 0) || weightDecay < 0) {
        throw new IllegalArgumentException("GRU4Rec.Config learning_rate = " + learningRate + ": must be > 0; weight_decay = "
            + weightDecay + ": must be >= 0");
      }
    }

    public static Config defaults() {
      return new Config(64, 128, 1, 0.3, 50, 1e-3, 2048, 0.0);
    }
  }

  public static final ModelSpec<Config> SPEC = new ModelSpec<>("GRU4Rec", "sequential", "specs/baselines.md §4.1",
      Config.class, Config.defaults(), GRU4Rec::new);

  private final Config cfg;
  private final long seed;
  private final Backend backend;
  private final Net net;
  private final Adam adam;
  private final Tape tape;
  private final PrefixInstances prefixes;

  /** The network: everything a scorer copies. */
  static final class Net {
    final Config cfg;
    final Param itemEmb; // [nItems + 1, e], xavier-normal, row 0 = PAD
    final Param[] wIh; // per layer [3H, in] (in = e for layer 0, H above)
    final Param[] wHh; // per layer [3H, H]
    final Param denseW; // [e, H], U(±1/sqrt(H))
    final Param denseB; // [e], U(±1/sqrt(H))

    Net(Config cfg, int nItems, long seed) {
      this.cfg = cfg;
      int e = cfg.embeddingSize();
      int h = cfg.hiddenSize();
      itemEmb = Init.xavierNormal("item_embedding", Rng.stream(seed, "init", 0), nItems + 1, e);
      wIh = new Param[cfg.numLayers()];
      wHh = new Param[cfg.numLayers()];
      for (int l = 0; l < cfg.numLayers(); l++) {
        int in = l == 0 ? e : h;
        SplittableRandom ri = Rng.stream(seed, "init-gru", l, 0);
        SplittableRandom rh = Rng.stream(seed, "init-gru", l, 1);
        wIh[l] = l == 0 ? Init.xavierUniform("weight_ih_l0", ri, 3 * h, in) : Init.linearDefault("weight_ih_l" + l, ri, h, 3 * h, in);
        wHh[l] = l == 0 ? Init.xavierUniform("weight_hh_l0", rh, 3 * h, h) : Init.linearDefault("weight_hh_l" + l, rh, h, 3 * h, h);
      }
      denseW = Init.linearDefault("dense.weight", Rng.stream(seed, "init", 1), h, e, h);
      denseB = Init.linearDefault("dense.bias", Rng.stream(seed, "init", 2), h, e);
    }

    private Net(Net o) {
      cfg = o.cfg;
      itemEmb = copy(o.itemEmb);
      wIh = Arrays.stream(o.wIh).map(Net::copy).toArray(Param[]::new);
      wHh = Arrays.stream(o.wHh).map(Net::copy).toArray(Param[]::new);
      denseW = copy(o.denseW);
      denseB = copy(o.denseB);
    }

    private static Param copy(Param p) {
      return new Param(p.name(), p.value().copy());
    }

    List<Param> params() {
      List<Param> out = new ArrayList<>(List.of(itemEmb));
      out.addAll(Arrays.asList(wIh));
      out.addAll(Arrays.asList(wHh));
      out.add(denseW);
      out.add(denseB);
      return out;
    }

    /** §4.1 forward: [B, e] user vectors, dense(GRU state at the last real item). */
    Var encode(Tape t, PaddedSequences s, SplittableRandom dropout) {
      Var x = t.dropout(t.gather(t.param(itemEmb), s.ids(), s.rows(), s.length()), (float) cfg.dropoutProb(), dropout);
      var mask = s.realMask();
      for (int l = 0; l < cfg.numLayers(); l++) {
        x = Gru.forward(t, x, t.param(wIh[l]), t.param(wHh[l]), null, null, mask, l < cfg.numLayers() - 1);
      }
      return t.linear(x, t.param(denseW), t.param(denseB));
    }
  }

  public GRU4Rec(Config cfg, TrainView view, long seed) {
    this.cfg = cfg;
    this.seed = seed;
    this.backend = CpuBackend.shared();
    this.net = new Net(cfg, view.nItems(), seed);
    this.adam = new Adam(net.params(), Adam.Config.defaults(cfg.learningRate()).withWeightDecay(cfg.weightDecay()),
        CpuBackend.shared().pool());
    this.tape = Tape.training(backend);
    this.prefixes = new PrefixInstances(view);
  }

  @Override
  public double trainEpoch(int epoch) {
    int n = prefixes.size();
    if (n == 0) {
      throw new IllegalStateException("GRU4Rec: no training instance (every user has fewer than two training items)");
    }
    int[] perm = prefixes.shuffled(Rng.stream(seed, "shuffle", epoch));
    double lossSum = 0;
    int batches = 0;
    for (int from = 0; from < n; from += cfg.trainBatchSize()) {
      int[] rows = Arrays.copyOfRange(perm, from, Math.min(n, from + cfg.trainBatchSize()));
      Var loss = loss(tape, net, prefixes.batch(rows), Rng.stream(seed, "dropout", epoch, batches));
      lossSum += adam.minimize(tape, loss);
      batches++;
    }
    return lossSum / batches;
  }

  /** §4.1 loss of a batch of prefixes: RecBole's CE over all nItems + 1 rows ({@link PrefixCrossEntropy}). */
  static Var loss(Tape t, Net net, PrefixInstances.Batch batch, SplittableRandom drop) {
    return PrefixCrossEntropy.loss(t, batch, net.cfg.maxSeqLength(), (tt, s) -> net.encode(tt, s, drop), t.param(net.itemEmb));
  }

  @Override
  public Scorer scorer() {
    Net frozen = new Net(net);
    SplittableRandom unused = Rng.stream(seed, "inference"); // an inference tape applies no dropout
    return new SequenceScorer((t, s) -> frozen.encode(t, s, unused), frozen.itemEmb.value(), cfg.maxSeqLength(), backend);
  }

  /** Every epoch draws from streams of (seed, name, epoch): the network and Adam are the whole state. */
  @Override
  public List<Param> trainingParams() {
    return net.params();
  }

  @Override
  public Optimizer optimizer() {
    return adam;
  }

  @Override
  public long parameterCount() {
    return net.params().stream().mapToLong(Param::size).sum();
  }

  // package-private for tests
  Net net() {
    return net;
  }
}
