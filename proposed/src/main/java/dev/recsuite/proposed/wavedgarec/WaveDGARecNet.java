package dev.recsuite.proposed.wavedgarec;

import dev.recsuite.baselines.sequence.PaddedSequences;
import dev.recsuite.baselines.sequence.PrefixInstances;
import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.backend.CpuBackend;
import dev.recsuite.engine.nn.Init;
import dev.recsuite.engine.rng.Rng;
import dev.recsuite.engine.tensor.Tensor;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.Config;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.Fusion;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.GraphImagePath;
import dev.recsuite.proposed.wavedgarec.WaveDGARec.GraphMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Wave-DGARec's network: parameters, forward pass and losses, in the order of specs/proposed.md §1.3-§1.4.
 * Shapes: B sequences, T = max_seq_length, d = hidden_size, N items, c wavelet channels.
 *
 * <ol>
 *   <li>Item tables (per batch): E_text = MoE(t) (§1.3.1), E_img = v W_vᵀ + b_v (§1.3.2), P (§1.3.3).</li>
 *   <li>Sequence embeddings E_m = table_m[seq] + pos (§1.3.3); the last position of every left-padded row is the
 *       user's last item.</li>
 *   <li>Wavelet (§1.3.4): H^wav_m for m = text, image; node inputs E_m' = E_m + H^wav_m; H_wavelet = H^wav_t +
 *       H^wav_v (W-4). Without the module: E_m' = E_m and H_wavelet = E_t + E_v (§1.7).</li>
 *   <li>Graph (§1.3.5-6): nodes [E_id; E_t'; E_v'], the last ID node queries its pruned neighbours
 *       ({@link EdgePruning}), {@link GraphAttention} gives H_graph (ID + text keys) and H_graph-img (image keys).
 *       Only the last position's outputs are read (h_u, W-10), so only the last ID node queries: the other
 *       queries of Eq. 9 cannot change any output.</li>
 *   <li>Fusion (Eq. 10): H_res = (1 + ω_w) H_wavelet + ω_g H_graph + ω_i H_graph-img, then LayerNorm and dropout:
 *       h_u.</li>
 *   <li>Score s(u, j) = cos(h_u, e_j), e_j per {@code item_representation} (W-8).</li>
 *   <li>L_main (Eq. 12) = CE over all items of s / τ; L_contrast (Eq. 11): anchor H_res, positive H_wavelet of
 *       the same instance, negatives H_wavelet of other users' instances in the batch, cosine / τ_c with
 *       τ_c = exp(θ) learnable, θ clamped to [ln 0.01, ln 1] after every step (SUITE, CLIP-style), θ₀ = ln τ.</li>
 * </ol>
 * Initialisation as UniSRec/RecBole: linear and embedding weights N(0, 0.02²), biases 0, LayerNorm γ = 1, β = 0.
 */
final class WaveDGARecNet {
  private static final int[][] SPLIT = {{0, 1}, {2}};
  private static final float LN_EPS = 1e-12f; // UniSRec layer_norm_eps
  private static final float LOG_TAU_MIN = (float) Math.log(0.01);

  private final Config cfg;
  private final int nItems;
  private final int hidden;
  private final int len;
  private final Tensor text; // t [N, d_t], constant
  private final Tensor image; // v [N, d_v], constant
  private final Param itemId; // P [N, d]
  private final Param position; // [T, d]; null without position embeddings
  private final Param imageW; // W_v [d, d_v]
  private final Param imageB; // b_v [d]
  private final MoEAdaptor moe;
  private final WaveletModule wavelet; // null: "w/o Wavelet"
  private final GraphAttention graph;
  private final GraphAttention imageGraph; // second attention over image nodes (W-1 alternative); else null
  private final Param omega; // (ω_w, ω_g, ω_i) [3]; null for mean fusion or fixed ω
  private final Param lnGamma; // [d]; null without the fusion LayerNorm
  private final Param lnBeta; // [d]
  private final Param logTau; // θ [1], τ_c = exp θ; null when λ = 0 ("w/o Contrast")
  private final EdgePruning pruning;
  private float[][] staticTables; // static graph: [3][N * d] tables at the epoch start (P, text, image)
  private Tensor[] frozenTables; // scorer snapshot: padded [N + 1, d] tables (P, text, image) and e_j [N, d]

  WaveDGARecNet(Config cfg, int nItems, Tensor text, Tensor image, long seed) {
    this.cfg = cfg;
    this.nItems = nItems;
    this.hidden = cfg.hiddenSize();
    this.len = cfg.maxSeqLength();
    this.text = text;
    this.image = image;
    int d = hidden;
    itemId = Init.normal("P", Rng.stream(seed, "init", 0), 0, 0.02, nItems, d);
    position = cfg.positionEmbedding() ? Init.normal("pos", Rng.stream(seed, "init", 1), 0, 0.02, len, d) : null;
    imageW = Init.normal("W_v", Rng.stream(seed, "init", 2), 0, 0.02, d, image.cols());
    imageB = Init.zeros("b_v", d);
    moe = new MoEAdaptor(cfg.moeMode(), cfg.nExps(), text.cols(), d, (float) cfg.adaptorDropout(), Rng.stream(seed, "init", 3));
    wavelet = cfg.wavelet() ? new WaveletModule(new Db4Transform(len, cfg.waveletLevels(), cfg.waveletMode()), d,
        cfg.waveletChannels(), cfg.bandGains(), cfg.softThreshold(), Rng.stream(seed, "init", 4)) : null;
    boolean attention = cfg.graph() == GraphMode.ATTENTION;
    graph = new GraphAttention(attention, d, cfg.nHeads(), "graph", Rng.stream(seed, "init", 5));
    imageGraph = attention && cfg.graphImg() == GraphImagePath.SEPARATE_ATTENTION
        ? new GraphAttention(true, d, cfg.nHeads(), "graph_img", Rng.stream(seed, "init", 6)) : null;
    omega = cfg.fusion() == Fusion.RESIDUAL && cfg.learnableOmega() ? new Param("omega", floats(cfg.omegaInit())) : null;
    lnGamma = cfg.fusionLayerNorm() ? Init.constant("ln.gamma", 1f, d) : null;
    lnBeta = cfg.fusionLayerNorm() ? Init.zeros("ln.beta", d) : null;
    logTau = cfg.contrastWeight() > 0 ? Init.constant("log_tau_c", (float) Math.log(cfg.temperature()), 1) : null;
    pruning = new EdgePruning(cfg.edgesKept(), cfg.keepCrossModal());
  }

  private WaveDGARecNet(WaveDGARecNet s) {
    cfg = s.cfg;
    nItems = s.nItems;
    hidden = s.hidden;
    len = s.len;
    text = s.text;
    image = s.image;
    itemId = FrozenParams.copy(s.itemId);
    position = FrozenParams.copy(s.position);
    imageW = FrozenParams.copy(s.imageW);
    imageB = FrozenParams.copy(s.imageB);
    moe = s.moe.frozenCopy();
    wavelet = s.wavelet == null ? null : s.wavelet.frozenCopy();
    graph = s.graph.frozenCopy();
    imageGraph = s.imageGraph == null ? null : s.imageGraph.frozenCopy();
    omega = FrozenParams.copy(s.omega);
    lnGamma = FrozenParams.copy(s.lnGamma);
    lnBeta = FrozenParams.copy(s.lnBeta);
    logTau = FrozenParams.copy(s.logTau);
    pruning = s.pruning;
    staticTables = s.staticTables;
  }

  /** Every trainable parameter; ablated components contribute none. */
  List<Param> params() {
    List<Param> out = new ArrayList<>(List.of(itemId, imageW, imageB));
    if (position != null) {
      out.add(position);
    }
    out.addAll(moe.params());
    if (wavelet != null) {
      out.addAll(wavelet.params());
    }
    out.addAll(graph.params());
    if (imageGraph != null) {
      out.addAll(imageGraph.params());
    }
    for (Param p : new Param[] {omega, lnGamma, lnBeta, logTau}) {
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /** §1.3.1-3 and step 8: the per-batch item tables, padded with a zero row 0 for PAD, and e_j [N, d]. */
  record Tables(Var id, Var text, Var image, Var items) {}

  Tables tables(Tape t, SplittableRandom rng) {
    if (frozenTables != null) {
      return new Tables(t.constant(frozenTables[0]), t.constant(frozenTables[1]), t.constant(frozenTables[2]),
          t.constant(frozenTables[3]));
    }
    Var txt = moe.forward(t, t.constant(text), rng); // [N, d]
    Var img = t.linear(t.constant(image), t.param(imageW), t.param(imageB)); // [N, d]
    Var id = t.param(itemId); // [N, d]
    Var items = switch (cfg.itemRepresentation()) {
      case TEXT_ID_IMAGE -> t.add(t.add(txt, id), img);
      case TEXT_ID -> t.add(txt, id);
      case TEXT -> txt;
    };
    return new Tables(padded(t, id), padded(t, txt), padded(t, img), items);
  }

  /** The three paths at the last position: H_res (Eq. 10, before LayerNorm), H_wavelet, and h_u. */
  record Paths(Var hRes, Var hWave, Var user) {}

  /** §1.3 steps 3-7 for a batch of left-padded windows (re-padded to T here: the DWT length is fixed). */
  Paths encode(Tape t, Tables tab, PaddedSequences s, SplittableRandom rng) {
    int b = s.rows();
    int l = s.length();
    if (l > len) {
      throw new IllegalArgumentException("windows of " + l + " items: longer than max_seq_length " + len);
    }
    int[] ids = new int[b * len]; // item + 1, 0 = PAD
    int[] pos = new int[b * len];
    int[] first = new int[b];
    int[] pids = s.positions();
    float[] keep = new float[b * len];
    for (int r = 0; r < b; r++) {
      System.arraycopy(s.ids(), r * l, ids, r * len + len - l, l);
      System.arraycopy(pids, r * l, pos, r * len + len - l, l);
      first[r] = len - s.lengths()[r];
      Arrays.fill(keep, r * len + first[r], (r + 1) * len, 1f);
    }
    Var posE = position == null ? null : t.gather(t.param(position), pos, b, len); // [B, T, d]
    Var eId = plus(t, t.gather(tab.id(), ids, b, len), posE);
    Var eText = plus(t, t.gather(tab.text(), ids, b, len), posE);
    Var eImage = plus(t, t.gather(tab.image(), ids, b, len), posE);
    Var nText = eText;
    Var nImage = eImage;
    Var hWave;
    if (wavelet != null) {
      Var keepV = t.constant(keep, b, len, 1);
      Var wText = wavelet.forward(t, eText, keepV);
      Var wImage = wavelet.forward(t, eImage, keepV);
      nText = t.add(eText, wText);
      nImage = t.add(eImage, wImage);
      hWave = t.add(last(t, wText), last(t, wImage));
    } else {
      hWave = t.add(last(t, eText), last(t, eImage));
    }
    Var[] nodes = {eId, nText, nImage};
    float[] mask = pruning.mask(nodeSource(nodes, ids), b, len, hidden, first, len - 1, CpuBackend.shared().pool());
    Var query = last(t, eId);
    float attnDrop = (float) cfg.attnDropout();
    Var hGraph;
    Var hImage;
    if (imageGraph == null) {
      Var[] out = graph.forward(t, query, nodes, mask, SPLIT, attnDrop, rng);
      hGraph = out[0];
      hImage = out[1];
    } else {
      hGraph = graph.forward(t, query, nodes, keepOnly(mask, b, 0, 2), new int[][] {{0, 1}}, attnDrop, rng)[0];
      hImage = imageGraph.forward(t, query, nodes, keepOnly(mask, b, 2, 3), new int[][] {{2}}, attnDrop, rng)[0];
    }
    Var hRes;
    if (cfg.fusion() == Fusion.MEAN) {
      hRes = t.scale(t.add(t.add(hWave, hGraph), hImage), 1f / 3);
    } else {
      Var w = omega != null ? t.param(omega) : t.constant(floats(cfg.omegaInit()));
      hRes = t.add(t.add(t.mul(t.addScalar(t.slice(w, 0, 0, 1), 1f), hWave), t.mul(t.slice(w, 0, 1, 1), hGraph)),
          t.mul(t.slice(w, 0, 2, 1), hImage));
    }
    Var user = lnGamma == null ? hRes : t.layerNorm(hRes, t.param(lnGamma), t.param(lnBeta), LN_EPS);
    return new Paths(hRes, hWave, t.dropout(user, (float) cfg.hiddenDropout(), rng));
  }

  /** §1.4: L_main + λ L_contrast for one batch of prefix instances. */
  Var loss(Tape t, PrefixInstances.Batch batch, SplittableRandom rng) {
    int b = batch.targets().length;
    int[] rows = new int[b];
    Arrays.setAll(rows, k -> k);
    Tables tab = tables(t, rng);
    Paths p = encode(t, tab, PaddedSequences.window(batch.items(), batch.ends(), len, rows, len), rng);
    Var cos = t.matmul(t.l2Normalize(p.user()), t.l2Normalize(tab.items()), false, true); // [B, N]
    Var main = t.crossEntropy(t.scale(cos, (float) (1.0 / cfg.temperature())), batch.targets());
    if (logTau == null) {
      return main;
    }
    return t.add(main, t.scale(contrast(t, p, batch.items(), rng), (float) cfg.contrastWeight()));
  }

  /**
   * Eq. 11 over the batch: -log softmax over {positive} ∪ negatives of cos(H_res_u, H_wavelet_k) / τ_c. The
   * negatives are the other users' instances (all, or contrast_negatives drawn per anchor); an instance of the
   * same user (another prefix) is not a negative: the paper takes "other users".
   *
   * @param owners [B] each instance's user sequence; the same array means the same user
   */
  Var contrast(Tape t, Paths p, int[][] owners, SplittableRandom rng) {
    int b = owners.length;
    float[] mask = new float[b * b];
    int k = cfg.contrastNegatives();
    int[] pool = new int[b];
    for (int i = 0; i < b; i++) {
      int n = 0;
      for (int j = 0; j < b; j++) {
        if (j != i && owners[j] != owners[i]) {
          pool[n++] = j;
        } else if (j != i) {
          mask[i * b + j] = EdgePruning.DROP;
        }
      }
      if (k != -1 && n > k) {
        for (int m = 0; m < k; m++) { // partial Fisher-Yates: pool[0..k) is a uniform k-subset
          int r = m + rng.nextInt(n - m);
          int tmp = pool[m];
          pool[m] = pool[r];
          pool[r] = tmp;
        }
        for (int m = k; m < n; m++) {
          mask[i * b + pool[m]] = EdgePruning.DROP;
        }
      }
    }
    Var sim = t.matmul(t.l2Normalize(p.hRes()), t.l2Normalize(p.hWave()), false, true); // [B, B]
    Var logits = t.add(t.div(sim, t.exp(t.param(logTau))), t.constant(mask, b, b));
    int[] diagonal = new int[b];
    Arrays.setAll(diagonal, i -> i);
    return t.crossEntropy(logits, diagonal);
  }

  /** After an optimiser step: θ into [ln 0.01, ln 1], so 0.01 <= τ_c <= 1 (§1.4). */
  void clampContrastTemperature() {
    if (logTau != null) {
      float[] v = logTau.value().data();
      v[0] = Math.max(LOG_TAU_MIN, Math.min(0f, v[0]));
    }
  }

  /** §1.7 "w/o Graph Attention": the static graph's edges use the item tables as they are now. */
  void freezeStaticEdges() {
    Tape t = Tape.inference(CpuBackend.shared());
    Tables tab = tables(t, new SplittableRandom(0));
    staticTables = new float[3][];
    Var[] padded = {tab.id(), tab.text(), tab.image()};
    for (int m = 0; m < 3; m++) {
      staticTables[m] = Arrays.copyOfRange(padded[m].value().data(), hidden, (nItems + 1) * hidden);
    }
  }

  /** A snapshot for scoring: parameter copies and the item tables computed once. */
  WaveDGARecNet frozenCopy() {
    WaveDGARecNet f = new WaveDGARecNet(this);
    Tape t = Tape.inference(CpuBackend.shared());
    Tables tab = f.tables(t, new SplittableRandom(0));
    f.frozenTables = new Tensor[] {tab.id().value().copy(), tab.text().value().copy(), tab.image().value().copy(),
        t.l2Normalize(tab.items()).value().copy()};
    return f;
  }

  /** [N + 1, d]: normalised e_j with a zero PAD row first (a frozen copy's). */
  Tensor normalisedItemTable() {
    Tensor e = frozenTables[3];
    Tensor out = Tensor.zeros(nItems + 1, hidden);
    System.arraycopy(e.data(), 0, out.data(), hidden, nItems * hidden);
    return out;
  }

  /** Normalised h_u [B, d] on an inference tape (a frozen copy's), so that h_u · e_j is the cosine. */
  Var encodeNormalised(Tape t, PaddedSequences s) {
    SplittableRandom unused = new SplittableRandom(0);
    return t.l2Normalize(encode(t, tables(t, unused), s, unused).user());
  }

  /** Node vectors for pruning: the current nodes, or (static graph) the epoch-start item tables. */
  private EdgePruning.Nodes nodeSource(Var[] nodes, int[] ids) {
    if (cfg.graph() == GraphMode.STATIC) {
      float[][] tables = staticTables;
      if (tables == null) {
        throw new IllegalStateException("static graph edges not frozen yet: call freezeStaticEdges() at the epoch start");
      }
      return new EdgePruning.Nodes() {
        public float[] data(int m) {
          return tables[m];
        }

        public int row(int m, int b, int p) {
          return ids[b * len + p] - 1;
        }
      };
    }
    return new EdgePruning.Nodes() {
      public float[] data(int m) {
        return nodes[m].value().data();
      }

      public int row(int m, int b, int p) {
        return b * len + p;
      }
    };
  }

  /** The mask with every modality outside [from, to) dropped. */
  private float[] keepOnly(float[] mask, int b, int from, int to) {
    float[] out = mask.clone();
    for (int r = 0; r < b; r++) {
      for (int m = 0; m < 3; m++) {
        if (m < from || m >= to) {
          Arrays.fill(out, (r * 3 + m) * len, (r * 3 + m + 1) * len, EdgePruning.DROP);
        }
      }
    }
    return out;
  }

  private Var padded(Tape t, Var table) {
    return t.concat(0, t.constant(Tensor.zeros(1, hidden)), table);
  }

  private static Var plus(Tape t, Var x, Var posE) {
    return posE == null ? x : t.add(x, posE);
  }

  /** x[:, T-1, :] as [B, d]. */
  private Var last(Tape t, Var x) {
    return t.reshape(t.slice(x, 1, len - 1, 1), x.dim(0), hidden);
  }

  private static Tensor floats(double[] v) {
    Tensor out = Tensor.zeros(v.length);
    for (int i = 0; i < v.length; i++) {
      out.data()[i] = (float) v[i];
    }
    return out;
  }

  // package-private views for tests
  MoEAdaptor moe() {
    return moe;
  }

  WaveletModule wavelet() {
    return wavelet;
  }

  GraphAttention graph() {
    return graph;
  }

  Param logTau() {
    return logTau;
  }

  Param omega() {
    return omega;
  }
}
