package dev.recsuite.engine.nn;

import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.tensor.Tensor;

/**
 * One GRU layer with {@code torch.nn.GRU}'s equations and gate order r, z, n (specs/baselines.md §4.1), h_0 = 0:
 * <pre>
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr)        z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))        h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * An optional step mask keeps the state where it is 0 (h' = h + m ⊙ (h_new − h)): with padding before a
 * sequence (left padding), h stays 0 until the first real item, so every real step sees the same state as
 * when the sequence runs alone (what PyTorch's packed sequences give).
 */
public final class Gru {
  private Gru() {}

  /**
   * @param x [B, L, in] inputs
   * @param wIh [3H, in], rows r, z, n (PyTorch {@code weight_ih_l0})
   * @param wHh [3H, H] ({@code weight_hh_l0})
   * @param bIh [3H] or null (bias = False)
   * @param bHh [3H] or null
   * @param stepMask [B, L] 1 = step, 0 = keep the state; null = every step is real
   * @param allSteps return every step's state [B, L, H], or only the last [B, H]
   */
  public static Var forward(Tape t, Var x, Var wIh, Var wHh, Var bIh, Var bHh, Tensor stepMask, boolean allSteps) {
    int b = x.dim(0);
    int len = x.dim(1);
    int hs = wHh.dim(1);
    if (wIh.dim(0) != 3 * hs || wHh.dim(0) != 3 * hs || wIh.dim(1) != x.dim(2)) {
      throw new IllegalArgumentException("GRU weights " + java.util.Arrays.toString(wIh.shape()) + " and "
          + java.util.Arrays.toString(wHh.shape()) + " for input " + java.util.Arrays.toString(x.shape())
          + ": expected [3H, in] and [3H, H]");
    }
    if (stepMask != null && !stepMask.hasShape(b, len)) {
      throw new IllegalArgumentException("GRU step mask " + java.util.Arrays.toString(stepMask.shape()) + ": expected [" + b
          + ", " + len + "]");
    }
    Var xp = t.linear(x, wIh, bIh); // [B, L, 3H], every step's input projection in one product
    Var h = t.constant(Tensor.zeros(b, hs)); // [B, H]
    Var[] states = allSteps ? new Var[len] : null;
    for (int j = 0; j < len; j++) {
      Var[] xg = t.split(t.reshape(t.slice(xp, 1, j, 1), b, 3 * hs), 1, hs, hs, hs);
      Var[] hg = t.split(t.linear(h, wHh, bHh), 1, hs, hs, hs);
      Var r = t.sigmoid(t.add(xg[0], hg[0]));
      Var z = t.sigmoid(t.add(xg[1], hg[1]));
      Var n = t.tanh(t.add(xg[2], t.mul(r, hg[2])));
      Var next = t.add(n, t.mul(z, t.sub(h, n))); // (1 - z) n + z h
      Tensor m = stepMask == null ? null : column(stepMask, j);
      h = m == null ? next : t.add(h, t.mul(t.constant(m), t.sub(next, h)));
      if (allSteps) {
        states[j] = t.reshape(h, b, 1, hs);
      }
    }
    return allSteps ? t.concat(1, states) : h;
  }

  /** Column j of a [B, L] mask as [B, 1], or null when every entry is 1 (no masking needed). */
  private static Tensor column(Tensor mask, int j) {
    int b = mask.dim(0);
    int len = mask.dim(1);
    Tensor c = Tensor.zeros(b, 1);
    boolean all = true;
    for (int i = 0; i < b; i++) {
      float v = mask.data()[i * len + j];
      c.data()[i] = v;
      all &= v == 1f;
    }
    return all ? null : c;
  }
}
