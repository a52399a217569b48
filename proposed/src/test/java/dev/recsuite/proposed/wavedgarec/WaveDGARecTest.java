package dev.recsuite.proposed.wavedgarec;

import static dev.recsuite.proposed.testing.RecordCopy.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.baselines.sequence.PrefixInstances;
import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.proposed.testing.ParamGradCheck;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.Config;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.Fusion;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.GraphImagePath;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.GraphMode;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.ItemRepresentation;
import dev.recsuite.protocols.api.Recommender;
import dev.recsuite.protocols.api.TrainView;
import dev.recsuite.protocols.split.Split;
import dev.recsuite.protocols.testing.LearningCheck;
import dev.recsuite.protocols.testing.RecommenderContract;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class WaveDGARecTest extends RecommenderContract {
  /** A small configuration for the contract's 200 x 200 data (d = 16, T = 10). */
  static Config small() {
    return with(Config.defaults(), "hiddenSize", 16, "maxSeqLength", 10, "nExps", 2, "waveletChannels", 4,
        "trainBatchSize", 512);
  }

  @Override
  protected Recommender create(TrainView view, long seed) {
    return new WaveDGARec(small(), view, seed);
  }

  // ---- gradients -------------------------------------------------------------------------------------------

  /** Every parameter of the full model (UniSRec MoE, wavelet with gains and soft threshold, split attention). */
  @Test
  void fullModelGradientsMatchCentralDifferences() {
    gradientCheck(WaveFixtures.tiny());
  }

  /** The alternatives' parameters: paper-literal MoE, a second attention for images, sampled negatives. */
  @Test
  void alternativeComponentsGradientsMatchCentralDifferences() {
    gradientCheck(with(WaveFixtures.tiny(), "moeMode", MoeMode.PAPER_LITERAL, "graphImg", GraphImagePath.SEPARATE_ATTENTION,
        "contrastNegatives", 2, "itemRepresentation", ItemRepresentation.TEXT_ID, "softThreshold", false));
  }

  /** The ablations' remaining parameters: static convolution, mean fusion, no wavelet, no contrast. */
  @Test
  void ablatedModelGradientsMatchCentralDifferences() {
    gradientCheck(with(WaveFixtures.tiny(), "wavelet", false, "graph", GraphMode.STATIC, "fusion", Fusion.MEAN,
        "contrastWeight", 0.0));
  }

  private static void gradientCheck(Config cfg) {
    TrainView v = WaveFixtures.tinyView();
    WaveDGARecNet net = WaveFixtures.net(cfg, v, 3);
    if (cfg.graph() == GraphMode.STATIC) {
      net.freezeStaticEdges();
    }
    PrefixInstances.Batch batch = WaveFixtures.allInstances(v);
    ParamGradCheck.randomize(net.params(), 0.5, 77, Set.of("log_tau_c"));
    ParamGradCheck.check(t -> net.loss(t, batch, new SplittableRandom(42)), net.params(), 5e-3, 2e-2, 2e-4);
  }

  // ---- ablations remove their component --------------------------------------------------------------------

  private static Set<String> paramNames(Config cfg) {
    return WaveFixtures.net(cfg, WaveFixtures.tinyView(), 3).params().stream().map(Param::name).collect(Collectors.toSet());
  }

  @Test
  void withoutWaveletHasNoWaveletParameters() {
    Set<String> full = paramNames(WaveFixtures.tiny());
    Set<String> ablated = paramNames(with(WaveFixtures.tiny(), "wavelet", false));
    assertTrue(full.containsAll(Set.of("wavelet.W_comp", "wavelet.b_comp", "wavelet.W_enlarge", "wavelet.b_enlarge",
        "wavelet.gamma", "wavelet.rho")));
    assertTrue(ablated.stream().noneMatch(n -> n.startsWith("wavelet.")), ablated.toString());
    assertEquals(full.size() - 6, ablated.size());
  }

  @Test
  void withoutGraphAttentionHasNoQueryOrKeyProjection() {
    Set<String> ablated = paramNames(with(WaveFixtures.tiny(), "graph", GraphMode.STATIC));
    assertFalse(ablated.contains("graph.W_Q") || ablated.contains("graph.b_Q") || ablated.contains("graph.W_K"));
    assertTrue(ablated.containsAll(Set.of("graph.W_V", "graph.b_V", "graph.W_O", "graph.b_O")));
    assertTrue(paramNames(WaveFixtures.tiny()).containsAll(Set.of("graph.W_Q", "graph.b_Q", "graph.W_K")));
  }

  /** λ = 0 removes τ_c, and the full loss minus the ablated loss is exactly λ L_contrast (same seed, same masks). */
  @Test
  void withoutContrastDropsTheContrastTermExactly() {
    TrainView v = WaveFixtures.tinyView();
    PrefixInstances.Batch batch = WaveFixtures.allInstances(v);
    Config full = WaveFixtures.tiny();
    WaveDGARecNet withC = WaveFixtures.net(full, v, 3);
    WaveDGARecNet without = WaveFixtures.net(with(full, "contrastWeight", 0.0), v, 3);
    assertNull(without.logTau());
    assertTrue(withC.params().contains(withC.logTau()));
    Tape t = Tape.inference(CpuBackend.shared());
    float lFull = withC.loss(t, batch, new SplittableRandom(1)).item();
    float lMain = without.loss(t, batch, new SplittableRandom(1)).item();
    SplittableRandom r = new SplittableRandom(1);
    var tab = withC.tables(t, r);
    int[] rows = java.util.stream.IntStream.range(0, batch.targets().length).toArray();
    var paths = withC.encode(t, tab, dev.recsuite.baselines.sequence.PaddedSequences.window(batch.items(), batch.ends(), 6, rows, 6), r);
    float contrast = withC.contrast(t, paths, batch.items(), r).item();
    assertTrue(contrast > 0.1f, "contrast " + contrast);
    assertEquals(lMain + 0.5f * contrast, lFull, 1e-5f);
  }

  /** Mean fusion has no ω and equals Eq. 10 with ω fixed at (-2/3, 1/3, 1/3): (1 - 2/3, 1/3, 1/3) weights. */
  @Test
  void simpleFusionIsTheUnweightedMeanOfThePaths() {
    TrainView v = WaveFixtures.tinyView();
    PrefixInstances.Batch batch = WaveFixtures.allInstances(v);
    Config base = with(WaveFixtures.tiny(), "contrastWeight", 0.0);
    WaveDGARecNet mean = WaveFixtures.net(with(base, "fusion", Fusion.MEAN), v, 3);
    WaveDGARecNet fixed = WaveFixtures.net(with(base, "learnableOmega", false, "omegaInit", new double[] {-2.0 / 3, 1.0 / 3, 1.0 / 3}), v, 3);
    assertNull(mean.omega());
    assertNull(fixed.omega());
    assertTrue(paramNames(base).contains("omega"));
    Tape t = Tape.inference(CpuBackend.shared());
    assertEquals(fixed.loss(t, batch, new SplittableRandom(1)).item(), mean.loss(t, batch, new SplittableRandom(1)).item(), 1e-5f);
  }

  @Test
  void registeredAblationsCarryThePaperNamesAndSwitches() {
    assertEquals(List.of("Wave-DGARec", "Wave-DGARec-noWavelet", "Wave-DGARec-noGraphAttention", "Wave-DGARec-noContrast",
        "Wave-DGARec-simpleFusion"), WaveDGARec.SPECS.stream().map(s -> s.name()).toList());
    assertFalse(WaveDGARec.SPECS.get(1).defaults().wavelet());
    assertEquals(GraphMode.STATIC, WaveDGARec.SPECS.get(2).defaults().graph());
    assertEquals(0.0, WaveDGARec.SPECS.get(3).defaults().contrastWeight());
    assertEquals(Fusion.MEAN, WaveDGARec.SPECS.get(4).defaults().fusion());
    assertEquals("w/o Graph Attention", WaveDGARec.SPECS.get(2).defaults().variant());
    var e = assertThrows(IllegalArgumentException.class, () -> with(Config.defaults(), "variant", "w/o Wavelet"));
    assertEquals("Wave-DGARec.Config variant 'w/o Wavelet' needs wavelet = false (specs/proposed.md §1)", e.getMessage());
  }

  @Test
  void configValidationNamesTheKey() {
    var e = assertThrows(IllegalArgumentException.class, () -> with(Config.defaults(), "nHeads", 7));
    assertEquals("Wave-DGARec.Config hidden_size = 300: must be >= 1 and a multiple of n_heads = 7 (specs/proposed.md §1)",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> with(Config.defaults(), "omegaInit", new double[] {1, 1}));
  }

  /** §1.4: τ_c = exp θ stays in [0.01, 1]. */
  @Test
  void contrastTemperatureIsClamped() {
    WaveDGARecNet net = WaveFixtures.net(WaveFixtures.tiny(), WaveFixtures.tinyView(), 3);
    assertEquals(Math.log(0.5), net.logTau().value().data()[0], 1e-6);
    net.logTau().value().data()[0] = -9f;
    net.clampContrastTemperature();
    assertEquals(0.01, Math.exp(net.logTau().value().data()[0]), 1e-6);
    net.logTau().value().data()[0] = 2f;
    net.clampContrastTemperature();
    assertEquals(0f, net.logTau().value().data()[0]);
  }

  /** Default sizes on Baby-like widths (d_t 384, d_v 4096, 7050 items): the count the report shows for Table 3. */
  @Test
  void parameterCountAddsUpTheComponents() {
    Config c = Config.defaults();
    int d = 300;
    long expected = 7050L * d + 50L * d + (long) d * 4096 + d // P, positions, W_v, b_v
        + 8L * d * 384 + 8L * 384 + 2L * 384 * 8 + (long) d * d // experts, whitening, W_gate, W_noise, G
        + 16L * d + 16 + (long) d * 16 + d + 2L * 16 // wavelet: compress, enlarge, γ (L + 1 = 2 bands)
        + 4L * d * d + 4L * d - d // W_Q, b_Q, W_K, W_V, b_V, W_O, b_O (no key bias)
        + 3 + 2L * d + 1; // ω, LayerNorm, θ
    WaveDGARecNet net = new WaveDGARecNet(c, 7050, dev.recsuite.engine.tensor.Tensor.zeros(7050, 384),
        dev.recsuite.engine.tensor.Tensor.zeros(7050, 4096), 1);
    assertEquals(expected, net.params().stream().mapToLong(Param::size).sum());
  }

  @Tag("learning")
  @Test
  void beatsPopularityOnPlantedStructure() {
    Split split = LearningCheck.defaultSplit();
    double pop = LearningCheck.popularityRecallAt20(split);
    Config cfg = with(Config.defaults(), "hiddenSize", 64, "maxSeqLength", 20, "nExps", 4, "waveletChannels", 8,
        "trainBatchSize", 512, "learningRate", 3e-3);
    double r = LearningCheck.testRecallAt20(split, (v, s) -> new WaveDGARec(cfg, v, s), 12, 2);
    assertTrue(r > pop * 1.15, "Wave-DGARec Recall@20 " + r + " vs MostPop " + pop);
  }

  @Test
  void identicalSeedsGiveIdenticalLosses() {
    TrainView v = WaveFixtures.tinyView();
    PrefixInstances.Batch batch = WaveFixtures.allInstances(v);
    float[] a = new float[2];
    for (int k = 0; k < 2; k++) {
      WaveDGARecNet net = WaveFixtures.net(WaveFixtures.tiny(), v, 9);
      a[k] = net.loss(Tape.training(CpuBackend.shared()), batch, new SplittableRandom(5)).item();
    }
    assertArrayEquals(new float[] {a[0], a[0]}, a);
  }
}
