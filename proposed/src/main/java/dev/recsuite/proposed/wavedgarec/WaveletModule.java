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
 * The wavelet time-frequency module of Wave-DGARec, Eqs. 4-6 (specs/proposed.md §1.3 step 4), shared by the
 * text and image sequences: E [B, T, d] → compress to c channels → L-level db4 DWT along time per channel →
 * per-band, per-channel gains (and an optional soft threshold) → IDWT, cropped to T → enlarge to d.
 *
 * <ul>
 *   <li>PAPER SAYS compress E W_comp + b_comp (c ≪ d), DWT^(L) per channel, IDWT, then W_enlarge, b_enlarge.</li>
 *   <li>SUITE DECISION (W-2): DWT followed by IDWT is the identity, so the coefficients are modified in between:
 *       coefficient × γ[band, channel], γ = 1 at init ({@code band_gains}); optionally soft-thresholded,
 *       sign(x) max(|x| − θ, 0) with θ = softplus(ρ)[band, channel], θ = 0.01 at init ({@code soft_threshold}).</li>
 *   <li>SUITE DECISION: the compressed signal is zero before the user's first item (left padding), so the DWT
 *       sees the sequence start as a start and not as padding embeddings.</li>
 *   <li>Linear layers N(0, 0.02²) with zero bias (RecBole/UniSRec initialisation).</li>
 * </ul>
 */
final class WaveletModule {
  /** ρ with softplus(ρ) = 0.01: the soft threshold starts close to the identity. */
  private static final float THRESHOLD_RHO0 = (float) Math.log(Math.expm1(0.01));

  private final Db4Transform dwt;
  private final Tensor analysisT; // [T, C]
  private final Tensor synthesisT; // [C, T]
  private final int[] bandOf; // [C]
  private final Param compW; // [c, d]
  private final Param compB; // [c]
  private final Param enlargeW; // [d, c]
  private final Param enlargeB; // [d]
  private final Param gains; // γ [L + 1, c]; null without band gains
  private final Param threshold; // ρ [L + 1, c]; null without the soft threshold

  WaveletModule(Db4Transform dwt, int hidden, int channels, boolean bandGains, boolean softThreshold, SplittableRandom rng) {
    this.dwt = dwt;
    int t = dwt.length();
    int c = dwt.coefficients();
    this.analysisT = transpose(dwt.analysis(), c, t);
    this.synthesisT = transpose(dwt.synthesis(), t, c);
    this.bandOf = dwt.bandOf();
    this.compW = Init.normal("wavelet.W_comp", rng, 0, 0.02, channels, hidden);
    this.compB = Init.zeros("wavelet.b_comp", channels);
    this.enlargeW = Init.normal("wavelet.W_enlarge", rng, 0, 0.02, hidden, channels);
    this.enlargeB = Init.zeros("wavelet.b_enlarge", hidden);
    this.gains = bandGains ? Init.constant("wavelet.gamma", 1f, dwt.bands(), channels) : null;
    this.threshold = softThreshold ? Init.constant("wavelet.rho", THRESHOLD_RHO0, dwt.bands(), channels) : null;
  }

  private WaveletModule(WaveletModule src) {
    this.dwt = src.dwt;
    this.analysisT = src.analysisT;
    this.synthesisT = src.synthesisT;
    this.bandOf = src.bandOf;
    this.compW = FrozenParams.copy(src.compW);
    this.compB = FrozenParams.copy(src.compB);
    this.enlargeW = FrozenParams.copy(src.enlargeW);
    this.enlargeB = FrozenParams.copy(src.enlargeB);
    this.gains = FrozenParams.copy(src.gains);
    this.threshold = FrozenParams.copy(src.threshold);
  }

  WaveletModule frozenCopy() {
    return new WaveletModule(this);
  }

  List<Param> params() {
    List<Param> out = new ArrayList<>(List.of(compW, compB, enlargeW, enlargeB));
    if (gains != null) {
      out.add(gains);
    }
    if (threshold != null) {
      out.add(threshold);
    }
    return out;
  }

  /**
   * @param e E [B, T, d]
   * @param keep [B, T, 1]: 1 at item positions, 0 at left padding
   * @return H^wav [B, T, d]
   */
  Var forward(Tape t, Var e, Var keep) {
    Var x = t.mul(t.linear(e, t.param(compW), t.param(compB)), keep); // [B, T, c]
    Var coef = t.matmul(t.permute(x, 0, 2, 1), t.constant(analysisT)); // [B, c, C]
    if (gains != null) {
      coef = t.mul(coef, perCoefficient(t, t.param(gains))); // γ[band(j), ch] on coefficient j of channel ch
    }
    if (threshold != null) {
      Var theta = perCoefficient(t, t.softplus(t.param(threshold))); // [c, C]
      coef = t.sub(t.relu(t.sub(coef, theta)), t.relu(t.sub(t.neg(coef), theta)));
    }
    Var back = t.permute(t.matmul(coef, t.constant(synthesisT)), 0, 2, 1); // [B, T, c]
    return t.linear(back, t.param(enlargeW), t.param(enlargeB));
  }

  /** A per-(band, channel) table [L + 1, c] spread to [c, C] by each coefficient's band. */
  private Var perCoefficient(Tape t, Var perBand) {
    return t.transpose(t.gather(perBand, bandOf));
  }

  private static Tensor transpose(float[] m, int rows, int cols) {
    Tensor out = Tensor.zeros(cols, rows);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out.data()[c * rows + r] = m[r * cols + c];
      }
    }
    return out;
  }
}
