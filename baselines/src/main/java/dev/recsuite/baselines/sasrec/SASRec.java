package dev.recsuite.baselines.sasrec;

import dev.recsuite.baselines.sequence.LengthBuckets;
import dev.recsuite.baselines.sequence.PaddedSequences;
import dev.recsuite.baselines.sequence.PrefixCrossEntropy;
import dev.recsuite.baselines.sequence.PrefixInstances;
import dev.recsuite.baselines.sequence.SequenceScorer;
import dev.recsuite.baselines.sequence.TransformerEncoder;
import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.Backend;
import dev.recsuite.engine.backend.CpuBackend;
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
 * SASRec (Kang and McAuley, ICDM 2018) as RecBole runs it: specs/baselines.md §3.7, evaluation §5, pitfall
 * §7 item 11. Upstream: RUCAIBox/RecBole {@code model/sequential_recommender/sasrec.py},
 * {@code model/layers.py}, {@code properties/model/SASRec.yaml}; the BCE variant follows kang205/SASRec
 * {@code model.py} and pmixer/SASRec.pytorch {@code python/main.py}.
 *
 * <ul>
 *   <li>Input: the last max_seq_length (50) items, padded on the LEFT ({@link PaddedSequences}: outputs equal
 *       RecBole's right-padded ones); x = LayerNorm(E_item[seq] + E_pos[position]) with no sqrt(d) scaling,
 *       then dropout; positions count from the window's first item (RecBole).</li>
 *   <li>{@link TransformerEncoder}: n_layers post-LN blocks, causal + key-padding mask (-10000).</li>
 *   <li>User vector h = the last block's output at the last position (the last real item).</li>
 *   <li>{@code loss_type: ce} (RecBole default): every training prefix is an instance ({@link PrefixInstances});
 *       logits h · E_itemᵀ over ALL nItems + 1 rows, the pad row included (§7 item 11); mean softmax
 *       cross-entropy; no negatives.</li>
 *   <li>{@code loss_type: bce} (the paper's loss, kang205/pmixer): one instance per user, input = training
 *       items but the last, target at every position = the next item, one negative per position drawn
 *       uniformly from the items NOT in the user's training sequence; loss = mean over real positions of
 *       -log σ(h·e_pos) - log(1 - σ(h·e_neg)). SUITE DECISION: only the loss and the instances change; the
 *       network stays RecBole's (post-LN, 2 heads, GELU FFN, N(0, 0.02) init, Adam β2 0.999) rather than
 *       kang205's (queries-only pre-LN, sqrt(d) scaled embeddings, ReLU conv FFN, final LayerNorm, 1 head,
 *       d 50, β2 0.98); an epoch visits every user with at least two training items once, in shuffled
 *       batches (kang205 draws floor(#users / 128) batches of users with replacement).</li>
 *   <li>Scoring (§3.8): h · E_item[1..]ᵀ; the pad row is not scored ({@link SequenceScorer}).</li>
 * </ul>
 * SUITE DECISION: batches are computed in length groups ({@link LengthBuckets}); the last block runs for the
 * last position only when only that position is read (CE training, scoring). Neither changes the function.
 */
public final class SASRec implements Recommender, Resumable {
  /** The training objective. */
  public enum LossType {
    /** RecBole: softmax cross-entropy over all items, one instance per training prefix. */
    CE,
    /** kang205: binary cross-entropy, one sampled negative per position, one instance per user. */
    BCE
  }

  /**
   * Keys and defaults as RecBole's SASRec.yaml and overall.yaml (§3.7).
   *
   * @param maxSeqLength RecBole MAX_ITEM_LIST_LENGTH
   * @param trainBatchSize instances (CE: prefixes; BCE: users) per optimiser step; RecBole 2048, kang205 128
   * @param weightDecay Adam's coupled L2 (RecBole weight_decay 0)
   */
  public record Config(int hiddenSize, int nLayers, int nHeads, int innerSize, double hiddenDropoutProb,
      double attnDropoutProb, double layerNormEps, double initializerRange, int maxSeqLength, LossType lossType,
      double learningRate, int trainBatchSize, double weightDecay) {
    public Config {
      positive("hidden_size", hiddenSize);
      positive("n_layers", nLayers);
      positive("n_heads", nHeads);
      positive("inner_size", innerSize);
      positive("max_seq_length", maxSeqLength);
      positive("train_batch_size", trainBatchSize);
      if (hiddenSize % nHeads != 0) {
        throw new IllegalArgumentException("SASRec.Config hidden_size = " + hiddenSize + " is not a multiple of n_heads = "
            + nHeads + " (specs/baselines.md §3.7: head size = hidden_size / n_heads)");
      }
      probability("hidden_dropout_prob", hiddenDropoutProb);
      probability("attn_dropout_prob", attnDropoutProb);
      if (!(layerNormEps > 0) || !(initializerRange > 0) || !(learningRate > 0) || weightDecay < 0) {
        throw new IllegalArgumentException("SASRec.Config layer_norm_eps = " + layerNormEps + ", initializer_range = "
            + initializerRange + ", learning_rate = " + learningRate + ": must be > 0; weight_decay = " + weightDecay
            + ": must be >= 0");
      }
      if (lossType == null) {
        throw new IllegalArgumentException("SASRec.Config loss_type: must be ce or bce");
      }
    }

    public static Config defaults() {
      return new Config(64, 2, 2, 256, 0.5, 0.5, 1e-12, 0.02, 50, LossType.CE, 1e-3, 2048, 0.0);
    }

    private static void positive(String key, int v) {
      if (v < 1) {
        throw new IllegalArgumentException("SASRec.Config " + key + " = " + v + ": must be >= 1");
      }
    }

    private static void probability(String key, double p) {
      if (!(p >= 0 && p < 1)) {
        throw new IllegalArgumentException("SASRec.Config " + key + " = " + p + ": must be in [0, 1)");
      }
    }
  }

  public static final ModelSpec<Config> SPEC = new ModelSpec<>("SASRec", "sequential", "specs/baselines.md §3.7",
      Config.class, Config.defaults(), SASRec::new);

  private final Config cfg;
  private final TrainView view;
  private final long seed;
  private final Backend backend;
  private final Net net;
  private final Adam adam;
  private final Tape tape;
  private final PrefixInstances prefixes; // CE instances
  private final int[] bceUsers; // BCE instances: users with >= 2 training items
  private final int[][] trainSets; // BCE: each user's sorted distinct training items (negatives avoid them)

  /** The network: everything a scorer copies. */
  static final class Net {
    final Param itemEmb; // [nItems + 1, d], row 0 = PAD, N(0, 0.02) (the pad row too, as RecBole)
    final Param posEmb; // [maxSeqLength, d], N(0, 0.02)
    final Param lnG; // [d] input LayerNorm, 1
    final Param lnB; // [d] 0
    final TransformerEncoder encoder;
    final Config cfg;

    Net(Config cfg, int nItems, long seed) {
      this(cfg, Init.normal("item_embedding", Rng.stream(seed, "init", 0), 0, cfg.initializerRange(), nItems + 1, cfg.hiddenSize()),
          Init.normal("position_embedding", Rng.stream(seed, "init", 1), 0, cfg.initializerRange(), cfg.maxSeqLength(), cfg.hiddenSize()),
          Init.constant("LayerNorm.g", 1f, cfg.hiddenSize()), Init.zeros("LayerNorm.b", cfg.hiddenSize()),
          new TransformerEncoder(new TransformerEncoder.Shape(cfg.nLayers(), cfg.nHeads(), cfg.hiddenSize(), cfg.innerSize(),
              (float) cfg.hiddenDropoutProb(), (float) cfg.attnDropoutProb(), (float) cfg.layerNormEps()),
              cfg.initializerRange(), seed, "init-encoder"));
    }

    private Net(Config cfg, Param itemEmb, Param posEmb, Param lnG, Param lnB, TransformerEncoder encoder) {
      this.cfg = cfg;
      this.itemEmb = itemEmb;
      this.posEmb = posEmb;
      this.lnG = lnG;
      this.lnB = lnB;
      this.encoder = encoder;
    }

    Net copy() {
      return new Net(cfg, copy(itemEmb), copy(posEmb), copy(lnG), copy(lnB), encoder.copy());
    }

    private static Param copy(Param p) {
      return new Param(p.name(), p.value().copy());
    }

    List<Param> params() {
      List<Param> out = new ArrayList<>(List.of(itemEmb, posEmb, lnG, lnB));
      out.addAll(encoder.params());
      return out;
    }

    /**
     * §3.7 forward. Returns [B, L, d] (every position) or, with {@code lastOnly}, [B, d] at the last position.
     */
    Var encode(Tape t, PaddedSequences s, boolean lastOnly, SplittableRandom dropout) {
      int b = s.rows();
      int len = s.length();
      Var x = t.add(t.gather(t.param(itemEmb), s.ids(), b, len), t.gather(t.param(posEmb), s.positions(), b, len));
      x = t.dropout(t.layerNorm(x, t.param(lnG), t.param(lnB), (float) cfg.layerNormEps()), (float) cfg.hiddenDropoutProb(), dropout);
      Var h = encoder.forward(t, x, t.constant(s.attentionMask()), lastOnly, dropout);
      return lastOnly ? t.reshape(h, b, cfg.hiddenSize()) : h;
    }
  }

  public SASRec(Config cfg, TrainView view, long seed) {
    this.cfg = cfg;
    this.view = view;
    this.seed = seed;
    this.backend = CpuBackend.shared();
    this.net = new Net(cfg, view.nItems(), seed);
    this.adam = new Adam(net.params(), Adam.Config.defaults(cfg.learningRate()).withWeightDecay(cfg.weightDecay()),
        CpuBackend.shared().pool());
    this.tape = Tape.training(backend);
    this.prefixes = cfg.lossType() == LossType.CE ? new PrefixInstances(view) : null;
    this.bceUsers = java.util.stream.IntStream.range(0, view.nUsers()).filter(u -> view.userItems(u).length >= 2).toArray();
    this.trainSets = cfg.lossType() == LossType.BCE ? distinctItems(view) : null;
  }

  @Override
  public double trainEpoch(int epoch) {
    int n = cfg.lossType() == LossType.CE ? prefixes.size() : bceUsers.length;
    if (n == 0) {
      throw new IllegalStateException("SASRec: no training instance (every user has fewer than two training items)");
    }
    SplittableRandom order = Rng.stream(seed, "shuffle", epoch);
    int[] perm = cfg.lossType() == LossType.CE ? prefixes.shuffled(order) : shuffledUsers(order);
    SplittableRandom negRng = Rng.stream(seed, "negatives", epoch);
    double lossSum = 0;
    int batches = 0;
    for (int from = 0; from < n; from += cfg.trainBatchSize()) {
      int[] rows = Arrays.copyOfRange(perm, from, Math.min(n, from + cfg.trainBatchSize()));
      SplittableRandom drop = Rng.stream(seed, "dropout", epoch, batches);
      Var loss = cfg.lossType() == LossType.CE ? ceLoss(tape, net, prefixes.batch(rows), drop)
          : bceLoss(tape, net, rows, negRng, drop);
      lossSum += adam.minimize(tape, loss);
      batches++;
    }
    return lossSum / batches;
  }

  /** §3.7 CE loss of a batch of prefixes ({@link PrefixCrossEntropy}). */
  static Var ceLoss(Tape t, Net net, PrefixInstances.Batch batch, SplittableRandom drop) {
    return PrefixCrossEntropy.loss(t, batch, net.cfg.maxSeqLength(), (tt, s) -> net.encode(tt, s, true, drop),
        t.param(net.itemEmb));
  }

  /**
   * §3.7 kang205 loss for a batch of users: mean over real positions of softplus(-h·e_pos) + softplus(h·e_neg)
   * (= -log σ(h·e_pos) - log(1 - σ(h·e_neg))).
   */
  Var bceLoss(Tape t, Net net, int[] users, SplittableRandom negRng, SplittableRandom drop) {
    int b = users.length;
    int[][] items = new int[b][];
    int[] ends = new int[b];
    int[] lens = new int[b];
    for (int k = 0; k < b; k++) {
      items[k] = view.userItems(users[k]);
      ends[k] = items[k].length - 1; // the input stops before the last training item, the last target
      lens[k] = Math.min(ends[k], cfg.maxSeqLength());
    }
    List<Var> hidden = new ArrayList<>();
    List<Integer> pos = new ArrayList<>();
    List<Integer> neg = new ArrayList<>();
    for (int[] group : LengthBuckets.split(lens)) {
      PaddedSequences s = PaddedSequences.window(items, ends, cfg.maxSeqLength(), group);
      Var h = net.encode(t, s, false, drop); // [n, L, d]
      int[] real = s.realIndices();
      hidden.add(t.gather(t.reshape(h, s.rows() * s.length(), cfg.hiddenSize()), real)); // [real, d]
      for (int idx : real) {
        int k = group[idx / s.length()];
        int target = ends[k] - s.length() + idx % s.length() + 1; // the item after this position
        pos.add(items[k][target] + 1);
        neg.add(negative(users[k], negRng) + 1);
      }
    }
    Var h = hidden.size() == 1 ? hidden.get(0) : t.concat(0, hidden.toArray(Var[]::new));
    Var e = t.param(net.itemEmb);
    Var sPos = t.rowDot(h, t.gather(e, pos.stream().mapToInt(Integer::intValue).toArray()));
    Var sNeg = t.rowDot(h, t.gather(e, neg.stream().mapToInt(Integer::intValue).toArray()));
    return t.add(t.mean(t.softplus(t.neg(sPos))), t.mean(t.softplus(sNeg)));
  }

  /** kang205 {@code random_neq}: uniform over items not in the user's training sequence. */
  int negative(int user, SplittableRandom rng) {
    int[] own = trainSets[user];
    if (own.length >= view.nItems()) {
      throw new IllegalStateException("user " + user + " has interacted with every item: no negative exists");
    }
    while (true) {
      int i = rng.nextInt(view.nItems());
      if (Arrays.binarySearch(own, i) < 0) {
        return i;
      }
    }
  }

  private int[] shuffledUsers(SplittableRandom rng) {
    int[] order = bceUsers.clone();
    for (int k = order.length - 1; k > 0; k--) {
      int j = rng.nextInt(k + 1);
      int t = order[k];
      order[k] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static int[][] distinctItems(TrainView view) {
    int[][] out = new int[view.nUsers()][];
    for (int u = 0; u < view.nUsers(); u++) {
      out[u] = view.sortedDistinctItems(u);
    }
    return out;
  }

  /** §3.8: h_u · E_item[1..]ᵀ from the history the batch carries, with a frozen copy of the network. */
  @Override
  public Scorer scorer() {
    Net frozen = net.copy();
    SplittableRandom unused = Rng.stream(seed, "inference"); // an inference tape applies no dropout
    return new SequenceScorer((t, s) -> frozen.encode(t, s, true, unused), frozen.itemEmb.value(), cfg.maxSeqLength(), backend);
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
