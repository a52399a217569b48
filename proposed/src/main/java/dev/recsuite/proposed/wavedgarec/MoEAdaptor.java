package dev.recsuite.proposed.wavedgarec;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.nn.Init;
import dev.recsuite.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The MoE text adaptor of Wave-DGARec Eq. 3 (specs/proposed.md §1.3 step 1, W-7), on item text features
 * t [N, d_t] to [N, d]: e = (Σ_k g_k · expert_k(t)) Gᵀ.
 *
 * <ul>
 *   <li>{@link MoeMode#UNISREC} (SUITE DECISION): UniSRec's {@code MoEAdaptorLayer} (RUCAIBox/UniSRec
 *       {@code unisrec.py} @ 3359a72): expert_k(t) = W_k (dropout(t) − b_k), W_k ~ N(0, 0.02²), b_k = 0 at init;
 *       g = softmax(t W_gate + ε ⊙ (softplus(t W_noise) + 0.01)) with ε ~ N(0, I) in training only,
 *       W_gate = W_noise = 0 at init.</li>
 *   <li>{@link MoeMode#PAPER_LITERAL}: expert_k(t) = W_k dropout(t + s_k), s_k ~ N(0, 0.01² I) in training;
 *       g = softmax(t W_gate); no b_k, no W_noise.</li>
 *   <li>Both: the paper's global gate G [d, d], initialised to the identity; each expert draws its own dropout
 *       mask (UniSRec's per-expert {@code nn.Dropout}).</li>
 * </ul>
 */
final class MoEAdaptor {
  private final MoeMode mode;
  private final float dropout;
  private final Param[] experts; // K x W_k [d, d_t] (PyTorch Linear layout)
  private final Param[] whitening; // K x b_k [d_t]; null entries in PAPER_LITERAL
  private final Param gate; // W_gate [d_t, K]
  private final Param noise; // W_noise [d_t, K]; null in PAPER_LITERAL
  private final Param global; // G [d, d]

  MoEAdaptor(MoeMode mode, int experts, int textDim, int hidden, float dropout, SplittableRandom rng) {
    this.mode = mode;
    this.dropout = dropout;
    this.experts = new Param[experts];
    this.whitening = new Param[experts];
    for (int k = 0; k < experts; k++) {
      this.experts[k] = Init.normal("moe.W" + k, rng, 0, 0.02, hidden, textDim);
      this.whitening[k] = mode == MoeMode.UNISREC ? Init.zeros("moe.b" + k, textDim) : null;
    }
    this.gate = Init.zeros("moe.W_gate", textDim, experts);
    this.noise = mode == MoeMode.UNISREC ? Init.zeros("moe.W_noise", textDim, experts) : null;
    Tensor g = Tensor.zeros(hidden, hidden);
    for (int i = 0; i < hidden; i++) {
      g.data()[i * hidden + i] = 1f;
    }
    this.global = new Param("moe.G", g);
  }

  private MoEAdaptor(MoEAdaptor src) {
    this.mode = src.mode;
    this.dropout = src.dropout;
    this.experts = new Param[src.experts.length];
    this.whitening = new Param[src.experts.length];
    for (int k = 0; k < experts.length; k++) {
      experts[k] = FrozenParams.copy(src.experts[k]);
      whitening[k] = FrozenParams.copy(src.whitening[k]);
    }
    this.gate = FrozenParams.copy(src.gate);
    this.noise = FrozenParams.copy(src.noise);
    this.global = FrozenParams.copy(src.global);
  }

  MoEAdaptor frozenCopy() {
    return new MoEAdaptor(this);
  }

  List<Param> params() {
    List<Param> out = new ArrayList<>();
    for (int k = 0; k < experts.length; k++) {
      out.add(experts[k]);
      if (whitening[k] != null) {
        out.add(whitening[k]);
      }
    }
    out.add(gate);
    if (noise != null) {
      out.add(noise);
    }
    out.add(global);
    return out;
  }

  /**
   * @param text t [N, d_t] (a constant)
   * @param rng the batch's stream for gating noise, perturbations and dropout (unused on an inference tape)
   * @return e [N, d]
   */
  Var forward(Tape t, Var text, SplittableRandom rng) {
    int n = text.rows();
    int k = experts.length;
    Var logits = t.matmul(text, t.param(gate)); // [N, K]
    if (t.isTraining() && mode == MoeMode.UNISREC) {
      Var std = t.addScalar(t.softplus(t.matmul(text, t.param(noise))), 0.01f); // [N, K]
      logits = t.add(logits, t.mul(t.constant(gaussian(rng, 1.0, n, k)), std));
    }
    Var gates = t.softmax(logits, -1); // [N, K]
    Var sum = null;
    for (int e = 0; e < k; e++) {
      Var in = text;
      if (t.isTraining() && mode == MoeMode.PAPER_LITERAL) {
        in = t.add(in, t.constant(gaussian(rng, 0.01, n, text.cols())));
      }
      in = t.dropout(in, dropout, rng);
      if (whitening[e] != null) {
        in = t.sub(in, t.param(whitening[e]));
      }
      Var out = t.mul(t.slice(gates, 1, e, 1), t.linear(in, t.param(experts[e]), null)); // [N, d]
      sum = sum == null ? out : t.add(sum, out);
    }
    return t.linear(sum, t.param(global), null);
  }

  private static Tensor gaussian(SplittableRandom rng, double std, int rows, int cols) {
    Tensor z = Tensor.zeros(rows, cols);
    float[] d = z.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (std * rng.nextGaussian());
    }
    return z;
  }
}
