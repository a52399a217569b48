package dev.recsuite.proposed.wavedgarec;

import dev.recsuite.baselines.sequence.PaddedSequences;
import dev.recsuite.baselines.sequence.PrefixInstances;
import dev.recsuite.baselines.sequence.SequenceScorer;
import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.optim.Adam;
import dev.recsuite.engine.optim.Optimizer;
import dev.recsuite.engine.rng.Rng;
import dev.recsuite.engine.tensor.Tensor;
import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.Resumable;
import dev.recsuite.protocols.api.Scorer;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.data.FeatureMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Wave-DGARec (Sui, Wang, Ren and Fang, Telecommunications Science 2026): wavelet-enhanced dynamic graph
 * attention for multimodal sequential recommendation. Spec: specs/proposed.md §1 (paper:
 * papers/000_337a74045a607fd5.wave-dgarec.txt). No upstream code exists; UniSRec (RUCAIBox/UniSRec
 * {@code unisrec.py}, {@code props/UniSRec.yaml} @ 3359a72) supplies the MoE adaptor, the cosine scoring and the
 * unstated defaults (W-12). The network, forward pass and losses are in {@link WaveDGARecNet}; every SUITE DECISION of
 * §1 is a {@link Config} key, and the four §1.7 ablations are registered as their own models ({@link #SPECS}).
 *
 * <p>Training (§1.1, §1.5): every prefix of a user's training sequence is an instance (last T items, left
 * padded), Adam, batches of 2048, L_total = L_main + λ L_contrast. Scoring: cos(h_u, e_j) over all items from
 * the user's last T history items.
 */
public final class WaveDGARec implements Recommender, Resumable {
  /** Graph propagation: the paper's dynamic attention, or the "w/o Graph Attention" static convolution (§1.7). */
  public enum GraphMode { ATTENTION, STATIC }

  /** W-1: the image path as a key-modality split of one attention, or as a second attention over image nodes. */
  public enum GraphImagePath { SPLIT, SEPARATE_ATTENTION }

  /** Eq. 10 residual fusion with ω, or the "Simple Fusion" mean of the three paths (§1.7). */
  public enum Fusion { RESIDUAL, MEAN }

  /** W-8: the item representation e_j scored against h_u. */
  public enum ItemRepresentation {
    /** SUITE DECISION: MoE(t_j) + P[j] + W_v v_j (UniSRec transductive form plus the image term). */
    TEXT_ID_IMAGE,
    /** UniSRec transductive: MoE(t_j) + P[j]. */
    TEXT_ID,
    /** UniSRec inductive: MoE(t_j). */
    TEXT
  }

  /** The printed ablation names (Fig. 3), which are the report's {@code variant} values. */
  public static final List<String> VARIANTS = List.of("", "w/o Wavelet", "w/o Graph Attention", "w/o Contrast", "Simple Fusion");

  /**
   * Keys as in the experiment file (snake_case of each component). Defaults: §1.5; grids in the javadoc of
   * {@link #defaults()}.
   *
   * @param variant "" or a Fig. 3 ablation name; a named variant must have its switch set
   * @param hiddenSize d (SUITE 300, UniSRec; grid {64, 128, 300})
   * @param maxSeqLength T, the window every sequence is left-padded to (SUITE 50)
   * @param trainPrefixes every training prefix is an instance (SUITE, UniSRec); false: one instance per user,
   *     its last training item
   * @param positionEmbedding learnable absolute positions added to E_id, E_t, E_v (SUITE, §1.3 step 3)
   * @param nExps K experts (PAPER 8; grid {2, 4, 6, 8, 10})
   * @param moeMode {@code unisrec} (SUITE, W-7) or {@code paper_literal}
   * @param adaptorDropout MoE adaptor dropout (SUITE 0.2, UniSRec)
   * @param wavelet the wavelet module; false is the "w/o Wavelet" ablation
   * @param waveletChannels c (SUITE 16; grid {8, 16, 32})
   * @param waveletLevels L (SUITE 1 from the Fig. 6 text, W-3; grid {1, 2, 4, 6, 8})
   * @param waveletMode DWT boundary handling (SUITE pywt {@code symmetric}, W-3)
   * @param bandGains learnable per-band, per-channel gains between DWT and IDWT (SUITE, W-2); false: IDWT(DWT(x))
   *     is the identity, the paper-literal module
   * @param softThreshold learnable soft threshold on the coefficients (SUITE, W-2, off)
   * @param graph {@code attention}; {@code static} is the "w/o Graph Attention" ablation
   * @param graphImg W-1 (SUITE {@code split})
   * @param pruneTopK k_e, similarity edges kept per query besides the cross-modal ones; -1 means T (SUITE, W-5)
   * @param keepCrossModal always keep the query item's own text and image nodes (SUITE, W-5)
   * @param nHeads attention heads (SUITE 2, UniSRec)
   * @param attnDropout dropout on the attention weights (SUITE 0.5, UniSRec)
   * @param hiddenDropout dropout after the fusion LayerNorm (SUITE 0.5, UniSRec)
   * @param fusion {@code residual} (Eq. 10); {@code mean} is the "Simple Fusion" ablation
   * @param omegaInit (ω_wavelet, ω_graph, ω_image) at init (SUITE (0, 1, 1), W-11)
   * @param learnableOmega ω trained (SUITE, W-11) or fixed at omega_init
   * @param fusionLayerNorm LayerNorm after the fusion (SUITE, W-6)
   * @param itemRepresentation W-8
   * @param temperature τ of L_main (PAPER 0.07; grid {0.01, 0.03, 0.05, 0.07, 0.10}); τ_c starts here (W-9)
   * @param contrastWeight λ (PAPER 0.01; grid {0.001, 0.003, 0.01, 0.03, 0.1}); 0 is the "w/o Contrast" ablation
   * @param contrastNegatives negatives per anchor from the batch; -1 means every other user's instance (SUITE)
   * @param learningRate Adam (SUITE 1e-3, RecBole)
   * @param weightDecay Adam, coupled L2 (SUITE 0)
   * @param trainBatchSize instances per step (PAPER 2048)
   */
  public record Config(String variant, int hiddenSize, int maxSeqLength, boolean trainPrefixes, boolean positionEmbedding,
      int nExps, MoeMode moeMode, double adaptorDropout, boolean wavelet, int waveletChannels, int waveletLevels,
      WaveletBoundary waveletMode, boolean bandGains, boolean softThreshold, GraphMode graph, GraphImagePath graphImg,
      int pruneTopK, boolean keepCrossModal, int nHeads, double attnDropout, double hiddenDropout, Fusion fusion,
      double[] omegaInit, boolean learnableOmega, boolean fusionLayerNorm, ItemRepresentation itemRepresentation,
      double temperature, double contrastWeight, int contrastNegatives, double learningRate, double weightDecay,
      int trainBatchSize) {
    public Config {
      String where = " (specs/proposed.md §1)";
      if (!VARIANTS.contains(variant)) {
        throw new IllegalArgumentException("Wave-DGARec.Config variant = '" + variant + "': must be one of " + VARIANTS + where);
      }
      check(!variant.equals("w/o Wavelet") || !wavelet, "variant 'w/o Wavelet' needs wavelet = false");
      check(!variant.equals("w/o Graph Attention") || graph == GraphMode.STATIC, "variant 'w/o Graph Attention' needs graph = static");
      check(!variant.equals("w/o Contrast") || contrastWeight == 0, "variant 'w/o Contrast' needs contrast_weight = 0");
      check(!variant.equals("Simple Fusion") || fusion == Fusion.MEAN, "variant 'Simple Fusion' needs fusion = mean");
      check(hiddenSize >= 1 && hiddenSize % nHeads == 0, "hidden_size = " + hiddenSize + ": must be >= 1 and a multiple of n_heads = " + nHeads);
      check(maxSeqLength >= 1, "max_seq_length = " + maxSeqLength + ": must be >= 1");
      check(nExps >= 1, "n_exps = " + nExps + ": must be >= 1");
      check(waveletChannels >= 1, "wavelet_channels = " + waveletChannels + ": must be >= 1");
      check(waveletLevels >= 1 && waveletLevels <= 12, "wavelet_levels = " + waveletLevels + ": must be in 1..12");
      check(pruneTopK >= -1, "prune_top_k = " + pruneTopK + ": must be -1 (= max_seq_length) or >= 0");
      check(nHeads >= 1, "n_heads = " + nHeads + ": must be >= 1");
      for (double p : new double[] {adaptorDropout, attnDropout, hiddenDropout}) {
        check(p >= 0 && p < 1, "adaptor_dropout, attn_dropout and hidden_dropout must be in [0, 1), got " + p);
      }
      check(omegaInit != null && omegaInit.length == 3, "omega_init must list 3 values (wavelet, graph, image)");
      omegaInit = omegaInit.clone();
      check(temperature > 0, "temperature = " + temperature + ": must be > 0");
      check(contrastWeight >= 0, "contrast_weight = " + contrastWeight + ": must be >= 0");
      check(contrastNegatives == -1 || contrastNegatives >= 1, "contrast_negatives = " + contrastNegatives + ": must be -1 (all) or >= 1");
      check(learningRate > 0, "learning_rate = " + learningRate + ": must be > 0");
      check(weightDecay >= 0, "weight_decay = " + weightDecay + ": must be >= 0");
      check(trainBatchSize >= 2, "train_batch_size = " + trainBatchSize + ": must be >= 2 (in-batch contrast)");
    }

    private static void check(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException("Wave-DGARec.Config " + message + " (specs/proposed.md §1)");
      }
    }

    @Override
    public double[] omegaInit() {
      return omegaInit.clone();
    }

    /** §1.5 defaults. */
    public static Config defaults() {
      return new Config("", 300, 50, true, true, 8, MoeMode.UNISREC, 0.2, true, 16, 1, WaveletBoundary.SYMMETRIC, true,
          false, GraphMode.ATTENTION, GraphImagePath.SPLIT, -1, true, 2, 0.5, 0.5, Fusion.RESIDUAL,
          new double[] {0, 1, 1}, true, true, ItemRepresentation.TEXT_ID_IMAGE, 0.07, 0.01, -1, 1e-3, 0, 2048);
    }

    /** The §1.7 ablation with its paper name: the defaults with that one switch changed. */
    public static Config ablation(String variant) {
      Config d = defaults();
      return new Config(variant, d.hiddenSize, d.maxSeqLength, d.trainPrefixes, d.positionEmbedding, d.nExps, d.moeMode,
          d.adaptorDropout, d.wavelet && !variant.equals("w/o Wavelet"), d.waveletChannels, d.waveletLevels, d.waveletMode,
          d.bandGains, d.softThreshold, variant.equals("w/o Graph Attention") ? GraphMode.STATIC : d.graph, d.graphImg,
          d.pruneTopK, d.keepCrossModal, d.nHeads, d.attnDropout, d.hiddenDropout,
          variant.equals("Simple Fusion") ? Fusion.MEAN : d.fusion, d.omegaInit, d.learnableOmega, d.fusionLayerNorm,
          d.itemRepresentation, d.temperature, variant.equals("w/o Contrast") ? 0 : d.contrastWeight, d.contrastNegatives,
          d.learningRate, d.weightDecay, d.trainBatchSize);
    }

    /** k_e with -1 resolved to T. */
    int edgesKept() {
      return pruneTopK == -1 ? maxSeqLength : pruneTopK;
    }
  }

  public static final ModelSpec<Config> SPEC = spec("Wave-DGARec", "");
  /** The four §1.7 ablations, each its own registry name, with the paper's name as the run's {@code variant}. */
  public static final List<ModelSpec<Config>> SPECS = List.of(SPEC, spec("Wave-DGARec-noWavelet", "w/o Wavelet"),
      spec("Wave-DGARec-noGraphAttention", "w/o Graph Attention"), spec("Wave-DGARec-noContrast", "w/o Contrast"),
      spec("Wave-DGARec-simpleFusion", "Simple Fusion"));

  private static ModelSpec<Config> spec(String name, String variant) {
    return new ModelSpec<>(name, "multimodal", variant.isEmpty() ? "specs/proposed.md §1" : "specs/proposed.md §1.7",
        Config.class, variant.isEmpty() ? Config.defaults() : Config.ablation(variant), WaveDGARec::new);
  }

  private final Config cfg;
  private final long seed;
  private final CpuBackend backend = CpuBackend.shared();
  private final WaveDGARecNet net;
  private final PrefixInstances instances;
  private final int[] lastOfUser; // instances whose target is the user's last training item
  private final Adam adam;
  private final Tape tape;

  public WaveDGARec(Config cfg, TrainView view, long seed) {
    this.cfg = cfg;
    this.seed = seed;
    this.net = new WaveDGARecNet(cfg, view.nItems(), constant(view.feature("text")), constant(view.feature("image")), seed);
    this.instances = new PrefixInstances(view);
    int[] all = new int[instances.size()];
    Arrays.setAll(all, k -> k);
    PrefixInstances.Batch every = instances.batch(all);
    this.lastOfUser = Arrays.stream(all).filter(k -> every.ends()[k] == every.items()[k].length - 1).toArray();
    this.adam = new Adam(net.params(), Adam.Config.defaults(cfg.learningRate()).withWeightDecay(cfg.weightDecay()), backend.pool());
    this.tape = Tape.training(backend);
  }

  private static Tensor constant(FeatureMatrix f) {
    return Tensor.of(f.data(), f.rows(), f.cols()); // read-only use: constants are never written by the tape
  }

  @Override
  public double trainEpoch(int epoch) {
    if (cfg.graph() == GraphMode.STATIC) {
      net.freezeStaticEdges(); // §1.7: the static graph's edges come from the tables at the start of the epoch
    }
    int[] order = trainingOrder(Rng.stream(seed, "shuffle", epoch));
    int bsz = cfg.trainBatchSize();
    double sum = 0;
    int batches = 0;
    for (int from = 0; from < order.length; from += bsz) {
      int[] rows = Arrays.copyOfRange(order, from, Math.min(order.length, from + bsz));
      Var loss = net.loss(tape, instances.batch(rows), Rng.stream(seed, "batch", epoch, batches));
      tape.backward(loss);
      sum += loss.item();
      adam.step();
      net.clampContrastTemperature();
      tape.reset();
      batches++;
    }
    return sum / Math.max(1, batches);
  }

  /** Instances in training order: all prefixes (§1.1), or each user's longest prefix only. */
  private int[] trainingOrder(SplittableRandom rng) {
    if (cfg.trainPrefixes()) {
      return instances.shuffled(rng);
    }
    int[] out = lastOfUser.clone();
    for (int k = out.length - 1; k > 0; k--) {
      int j = rng.nextInt(k + 1);
      int tmp = out[k];
      out[k] = out[j];
      out[j] = tmp;
    }
    return out;
  }

  /** §1.3 step 8 scoring from a frozen copy of the network: cos(h_u, e_j) for every item. */
  @Override
  public Scorer scorer() {
    WaveDGARecNet frozen = net.frozenCopy();
    return new SequenceScorer((t, s) -> frozen.encodeNormalised(t, s), frozen.normalisedItemTable(), cfg.maxSeqLength(), backend);
  }

  /** Every epoch draws from streams of (seed, name, epoch): the network and Adam are the state. */
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
  WaveDGARecNet net() {
    return net;
  }
}
