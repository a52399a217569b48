package dev.recsuite.engine.autodiff;

import dev.recsuite.engine.backend.Backend;
import dev.recsuite.engine.ops.Binary;
import dev.recsuite.engine.ops.Broadcast;
import dev.recsuite.engine.ops.Gather;
import dev.recsuite.engine.ops.Shapes;
import dev.recsuite.engine.ops.Unary;
import dev.recsuite.engine.tensor.Csr;
import dev.recsuite.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.SplittableRandom;

/**
 * Reverse-mode automatic differentiation: each op computes its value now and, on a training tape, records how to
 * push a gradient back to its inputs. {@link #backward} runs those steps in reverse order, so every op's backward
 * runs after all uses of its output have added their gradient.
 *
 * <p>Modes: a {@linkplain #training training} tape records steps and has dropout on; an {@linkplain #inference
 * inference} tape records nothing and has dropout off (scoring). Both draw their arrays from a pool that
 * {@link #reset()} recycles: values read after a reset are overwritten, so copy what must survive.
 *
 * <p>Shape conventions follow PyTorch: {@code [..., rows, cols]} row-major, a Linear weight is {@code [out, in]},
 * broadcasting aligns shapes on the right. A tape is not thread-safe; its kernels are parallel inside.
 */
public final class Tape {
  /** A recorded backward step. */
  private interface Step {
    void run();
  }

  private final Backend be;
  private final boolean recording;
  private final boolean training;
  private final BufferPool buffers = new BufferPool();
  private final ArrayList<Step> steps = new ArrayList<>();
  private final IdentityHashMap<Param, Var> paramVars = new IdentityHashMap<>();
  private boolean backwardDone;

  private Tape(Backend be, boolean recording, boolean training) {
    this.be = be;
    this.recording = recording;
    this.training = training;
  }

  /** A tape that records gradients, with dropout active. */
  public static Tape training(Backend be) {
    return new Tape(be, true, true);
  }

  /** A tape for scoring: no gradients recorded, dropout off. */
  public static Tape inference(Backend be) {
    return new Tape(be, false, false);
  }

  public Backend backend() {
    return be;
  }

  public boolean isTraining() {
    return training;
  }

  public boolean isRecording() {
    return recording;
  }

  /** Recycles all buffers and forgets the recorded steps; parameters keep their values and gradients. */
  public void reset() {
    buffers.releaseAll();
    steps.clear();
    paramVars.clear();
    backwardDone = false;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Leaves

  /** A value that needs no gradient. Not copied. */
  public Var constant(Tensor t) {
    return new Var(this, t, false, null);
  }

  public Var constant(float[] data, int... shape) {
    return constant(Tensor.of(data, shape));
  }

  /** A one-element constant. */
  public Var scalar(float v) {
    Tensor t = alloc(1);
    t.data()[0] = v;
    return constant(t);
  }

  /** The tape's handle on a parameter (one per tape); gradients flow into {@link Param#grad()}. */
  public Var param(Param p) {
    Var v = paramVars.get(p);
    if (v == null) {
      v = new Var(this, p.value(), recording && p.trainable(), p);
      paramVars.put(p, v);
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Backward pass

  /** Back-propagates from a one-element loss; may run once per {@link #reset()}. */
  public void backward(Var loss) {
    if (!recording) {
      throw new IllegalStateException("backward() on an inference tape: create it with Tape.training(backend)");
    }
    if (backwardDone) {
      throw new IllegalStateException("backward() already ran on this tape; call reset() before the next step");
    }
    if (loss.value.size() != 1) {
      throw new IllegalArgumentException("backward() needs a one-element loss, got shape " + Arrays.toString(loss.shape()));
    }
    if (!loss.requiresGrad) {
      throw new IllegalArgumentException("the loss does not depend on any trainable parameter");
    }
    backwardDone = true;
    Tensor g = grad(loss);
    g.data()[0] += 1f;
    for (int i = steps.size() - 1; i >= 0; i--) {
      steps.get(i).run();
    }
  }

  private void record(Var out, Step s) {
    if (out.requiresGrad) {
      steps.add(s);
    }
  }

  private Tensor alloc(int... shape) {
    return Tensor.of(buffers.take((int) Tensor.checkShape(shape)), shape);
  }

  private final boolean[] reused = new boolean[1];

  /** A zero tensor; a recycled buffer is cleared by the backend in parallel. */
  private Tensor allocZeroed(int... shape) {
    Tensor t = Tensor.of(buffers.takeForZeroing((int) Tensor.checkShape(shape), reused), shape);
    if (reused[0]) {
      be.zero(t);
    }
    return t;
  }

  /** The gradient buffer of v, created zeroed on first use; a parameter's is its persistent grad. */
  private Tensor grad(Var v) {
    if (v.grad == null) {
      v.grad = v.param != null ? v.param.grad() : allocZeroed(v.value.shape());
    }
    if (v.param != null) {
      v.param.markDense();
    }
    return v.grad;
  }

  private Tensor gradOrNull(Var v) {
    return v.requiresGrad ? grad(v) : null;
  }

  private Var out(Tensor value, Var a) {
    return new Var(this, value, recording && a.requiresGrad, null);
  }

  private Var out(Tensor value, Var a, Var b) {
    return new Var(this, value, recording && (a.requiresGrad || b.requiresGrad), null);
  }

  private Var out(Tensor value, Var[] in) {
    boolean rg = false;
    for (Var v : in) {
      rg |= v.requiresGrad;
    }
    return new Var(this, value, recording && rg, null);
  }

  private void sameTape(Var... vs) {
    for (Var v : vs) {
      if (v.tape != this) {
        throw new IllegalArgumentException(v + " belongs to another tape");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Linear algebra

  /** a b for 2-D a [m, k] and b [k, n]; see {@link #matmul(Var, Var, boolean, boolean)}. */
  public Var matmul(Var a, Var b) {
    return matmul(a, b, false, false);
  }

  /**
   * op(a) op(b), where op transposes the last two axes when asked. Three forms: both 2-D; a of rank > 2 (not
   * transposed) times a 2-D b, applied to every row of a; or both of the same rank > 2 with equal leading
   * dimensions, a batched product (attention: [B, H, L, dh] x [B, H, dh, L]).
   */
  public Var matmul(Var a, Var b, boolean transA, boolean transB) {
    sameTape(a, b);
    int ra = a.rank();
    int rb = b.rank();
    int batch;
    int[] lead;
    int aR;
    int aC;
    int bR;
    int bC;
    if (ra >= 2 && rb == 2 && (ra == 2 || !transA)) {
      batch = 1;
      lead = new int[0];
      aR = a.value.rows();
      aC = a.cols();
      bR = b.dim(0);
      bC = b.dim(1);
    } else if (ra == rb && ra > 2 && Arrays.equals(Arrays.copyOf(a.shape(), ra - 2), Arrays.copyOf(b.shape(), rb - 2))) {
      lead = Arrays.copyOf(a.shape(), ra - 2);
      batch = 1;
      for (int d : lead) {
        batch *= d;
      }
      aR = a.dim(-2);
      aC = a.dim(-1);
      bR = b.dim(-2);
      bC = b.dim(-1);
    } else {
      throw new IllegalArgumentException("matmul of shapes " + Arrays.toString(a.shape()) + " and "
          + Arrays.toString(b.shape()) + ": expected 2-D x 2-D, N-D x 2-D, or batched N-D x N-D with equal leading dims");
    }
    int m = transA ? aC : aR;
    int k = transA ? aR : aC;
    int kb = transB ? bC : bR;
    int n = transB ? bR : bC;
    if (k != kb) {
      throw new IllegalArgumentException("matmul inner dimensions differ: " + Arrays.toString(a.shape())
          + (transA ? "^T" : "") + " x " + Arrays.toString(b.shape()) + (transB ? "^T" : "") + " (" + k + " vs " + kb + ")");
    }
    int[] outShape;
    if (batch == 1 && ra > 2 && rb == 2) {
      outShape = Arrays.copyOf(a.shape(), ra);
      outShape[ra - 1] = n;
    } else {
      outShape = Arrays.copyOf(lead, lead.length + 2);
      outShape[lead.length] = m;
      outShape[lead.length + 1] = n;
    }
    if (batch == 1 && ra > 2) {
      m = a.value.rows();
    }
    Tensor c = alloc(outShape);
    final int fm = m;
    final int fb = batch;
    mm(fb, a.value, transA, b.value, transB, c, fm, n, k, 0f);
    Var out = out(c, a, b);
    record(out, () -> {
      if (out.grad == null) {
        return;
      }
      Tensor gc = out.grad;
      if (a.requiresGrad) {
        Tensor ga = grad(a);
        if (!transA) {
          mm(fb, gc, false, b.value, !transB, ga, fm, k, n, 1f);
        } else {
          mm(fb, b.value, transB, gc, true, ga, k, fm, n, 1f);
        }
      }
      if (b.requiresGrad) {
        Tensor gb = grad(b);
        if (!transB) {
          mm(fb, a.value, !transA, gc, false, gb, k, n, fm, 1f);
        } else {
          mm(fb, gc, true, a.value, transA, gb, n, k, fm, 1f);
        }
      }
    });
    return out;
  }

  private void mm(int batch, Tensor a, boolean ta, Tensor b, boolean tb, Tensor c, int m, int n, int k, float beta) {
    if (batch == 1) {
      be.matmul(a, ta, b, tb, c, m, n, k, 1f, beta);
    } else {
      be.batchedMatmul(batch, a, ta, b, tb, c, m, n, k, 1f, beta);
    }
  }

  /** x w^T + bias, PyTorch's Linear: x [..., in], w [out, in], bias [out] or null. */
  public Var linear(Var x, Var w, Var bias) {
    Var y = matmul(x, w, false, true);
    return bias == null ? y : add(y, bias);
  }

  /** Sparse times dense: a [r, c] (constant) times x [c, d] gives [r, d]; backward uses a's cached transpose. */
  public Var spmm(Csr a, Var x) {
    sameTape(x);
    if (x.rank() != 2 || x.dim(0) != a.cols()) {
      throw new IllegalArgumentException("spmm: " + a + " times " + Arrays.toString(x.shape()) + ": x must be [" + a.cols() + ", d]");
    }
    Tensor y = alloc(a.rows(), x.cols());
    be.spmm(a, x.value, y, false);
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null) {
        be.spmm(a.transpose(), out.grad, grad(x), true);
      }
    });
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Elementwise

  public Var add(Var a, Var b) {
    return binary(Binary.ADD, a, b);
  }

  public Var sub(Var a, Var b) {
    return binary(Binary.SUB, a, b);
  }

  public Var mul(Var a, Var b) {
    return binary(Binary.MUL, a, b);
  }

  public Var div(Var a, Var b) {
    return binary(Binary.DIV, a, b);
  }

  private Var binary(Binary op, Var a, Var b) {
    sameTape(a, b);
    Broadcast bc = new Broadcast(a.value.shape(), b.value.shape());
    Tensor y = alloc(bc.outShape());
    be.binary(op, bc, a.value, b.value, y);
    Var out = out(y, a, b);
    record(out, () -> {
      if (out.grad != null) {
        be.binaryBackward(op, bc, a.value, b.value, out.grad, gradOrNull(a), gradOrNull(b));
      }
    });
    return out;
  }

  /** s * x. */
  public Var scale(Var x, float s) {
    return affine(x, s, 0f);
  }

  /** x + s. */
  public Var addScalar(Var x, float s) {
    return affine(x, 1f, s);
  }

  /** s - x (for GRU's 1 - z). */
  public Var rsub(float s, Var x) {
    return affine(x, -1f, s);
  }

  private Var affine(Var x, float alpha, float beta) {
    sameTape(x);
    Tensor y = alloc(x.value.shape());
    be.affine(x.value, alpha, beta, y);
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null) {
        be.axpy(alpha, out.grad, grad(x));
      }
    });
    return out;
  }

  public Var neg(Var x) {
    return unary(Unary.NEG, x, 0f);
  }

  public Var exp(Var x) {
    return unary(Unary.EXP, x, 0f);
  }

  public Var log(Var x) {
    return unary(Unary.LOG, x, 0f);
  }

  public Var sigmoid(Var x) {
    return unary(Unary.SIGMOID, x, 0f);
  }

  /** log σ(x), stable for large |x|. */
  public Var logSigmoid(Var x) {
    return unary(Unary.LOG_SIGMOID, x, 0f);
  }

  public Var softplus(Var x) {
    return unary(Unary.SOFTPLUS, x, 0f);
  }

  public Var tanh(Var x) {
    return unary(Unary.TANH, x, 0f);
  }

  public Var relu(Var x) {
    return unary(Unary.RELU, x, 0f);
  }

  /** Leaky ReLU with PyTorch's default slope 0.01. */
  public Var leakyRelu(Var x) {
    return leakyRelu(x, 0.01f);
  }

  public Var leakyRelu(Var x, float slope) {
    return unary(Unary.LEAKY_RELU, x, slope);
  }

  /** GELU, erf form: x Φ(x). */
  public Var gelu(Var x) {
    return unary(Unary.GELU, x, 0f);
  }

  public Var square(Var x) {
    return unary(Unary.SQUARE, x, 0f);
  }

  public Var sqrt(Var x) {
    return unary(Unary.SQRT, x, 0f);
  }

  private Var unary(Unary f, Var x, float param) {
    sameTape(x);
    Tensor y = alloc(x.value.shape());
    be.unary(f, param, x.value, y);
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null) {
        be.unaryBackward(f, param, x.value, y, out.grad, grad(x));
      }
    });
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reductions

  /** Sum of all values, shape [1] (accumulated in double). */
  public Var sum(Var x) {
    return total(x, 1f);
  }

  /** Mean of all values, shape [1]. */
  public Var mean(Var x) {
    return total(x, 1f / x.value.size());
  }

  private Var total(Var x, float scale) {
    sameTape(x);
    Tensor y = alloc(1);
    y.data()[0] = (float) (be.sum(x.value) * scale);
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null) {
        Tensor gx = grad(x);
        be.affine(gx, 1f, out.grad.data()[0] * scale, gx);
      }
    });
    return out;
  }

  /** Sum over one axis, which is removed from the shape (a rank-1 input gives [1]). */
  public Var sum(Var x, int axis) {
    return axisSum(x, axis, false);
  }

  /** Mean over one axis, which is removed from the shape. */
  public Var mean(Var x, int axis) {
    return axisSum(x, axis, true);
  }

  private Var axisSum(Var x, int axis, boolean mean) {
    sameTape(x);
    int[] s = x.shape();
    int ax = axis(axis, s.length);
    int outer = prod(s, 0, ax);
    int n = s[ax];
    int inner = prod(s, ax + 1, s.length);
    int[] os = new int[Math.max(1, s.length - 1)];
    if (s.length == 1) {
      os[0] = 1;
    } else {
      for (int i = 0, j = 0; i < s.length; i++) {
        if (i != ax) {
          os[j++] = s[i];
        }
      }
    }
    Tensor y = alloc(os);
    be.sumAxis(x.value, outer, n, inner, y);
    float scale = mean ? 1f / n : 1f;
    if (mean) {
      be.affine(y, scale, 0f, y);
    }
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null) {
        be.sumAxisBackward(out.grad, outer, n, inner, scale, grad(x));
      }
    });
    return out;
  }

  /** Sum of squares, shape [1]. */
  public Var sumSquares(Var x) {
    sameTape(x);
    Tensor y = alloc(1);
    y.data()[0] = (float) be.sumSquares(x.value);
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null) {
        be.axpy(2f * out.grad.data()[0], x.value, grad(x));
      }
    });
    return out;
  }

  /**
   * Frobenius norm sqrt(sum x^2), shape [1]: {@code torch.norm(M, p=2)}, NOT squared (MMRec's EmbLoss,
   * specs/baselines.md §2.6). Its gradient at 0 is taken as 0.
   */
  public Var frobenius(Var x) {
    sameTape(x);
    Tensor y = alloc(1);
    double norm = Math.sqrt(be.sumSquares(x.value));
    y.data()[0] = (float) norm;
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null && norm > 0) {
        be.axpy((float) (out.grad.data()[0] / norm), x.value, grad(x));
      }
    });
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Softmax, normalisation, dropout

  /** Softmax along {@code axis} (negative counts from the end). */
  public Var softmax(Var x, int axis) {
    return softmax(x, axis, false);
  }

  /** Log-softmax along {@code axis}. */
  public Var logSoftmax(Var x, int axis) {
    return softmax(x, axis, true);
  }

  private Var softmax(Var x, int axis, boolean log) {
    sameTape(x);
    int[] s = x.shape();
    int ax = axis(axis, s.length);
    int outer = prod(s, 0, ax);
    int n = s[ax];
    int inner = prod(s, ax + 1, s.length);
    Tensor y = alloc(s);
    be.softmax(x.value, outer, n, inner, log, y);
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null) {
        be.softmaxBackward(y, out.grad, outer, n, inner, log, grad(x));
      }
    });
    return out;
  }

  /**
   * Mean cross-entropy of {@code logits} [B, C] against class indices {@code targets} [B]: -mean_b log
   * softmax(logits_b)[targets_b]. Works for all-item softmax (SASRec CE) and for logits over sampled candidates.
   */
  public Var crossEntropy(Var logits, int[] targets) {
    sameTape(logits);
    if (logits.rank() != 2 || logits.dim(0) != targets.length) {
      throw new IllegalArgumentException("crossEntropy: logits " + Arrays.toString(logits.shape()) + " with "
          + targets.length + " targets: expected [" + targets.length + ", C]");
    }
    int b = targets.length;
    int c = logits.cols();
    for (int i = 0; i < b; i++) {
      if (targets[i] < 0 || targets[i] >= c) {
        throw new IndexOutOfBoundsException("crossEntropy target " + targets[i] + " at row " + i + " outside 0.." + (c - 1));
      }
    }
    float[] lse = new float[b];
    Tensor y = alloc(1);
    y.data()[0] = (float) (be.crossEntropy(logits.value, targets, lse) / b);
    Var out = out(y, logits);
    record(out, () -> {
      if (out.grad != null) {
        be.crossEntropyBackward(logits.value, targets, lse, -out.grad.data()[0] / b, grad(logits));
      }
    });
    return out;
  }

  /** torch.nn.LayerNorm over the last dimension with weight gamma [d] and bias beta [d]. */
  public Var layerNorm(Var x, Var gamma, Var beta, float eps) {
    sameTape(x, gamma, beta);
    int d = x.cols();
    if (gamma.value.size() != d || beta.value.size() != d) {
      throw new IllegalArgumentException("layerNorm over last dim " + d + " with gamma " + Arrays.toString(gamma.shape())
          + " and beta " + Arrays.toString(beta.shape()));
    }
    Tensor y = alloc(x.shape());
    Tensor stats = alloc(x.value.rows(), 2);
    be.layerNorm(x.value, gamma.value, beta.value, eps, y, stats);
    Var out = out(y, new Var[] {x, gamma, beta});
    record(out, () -> {
      if (out.grad != null) {
        be.layerNormBackward(x.value, gamma.value, stats, out.grad, gradOrNull(x), gradOrNull(gamma), gradOrNull(beta));
      }
    });
    return out;
  }

  /**
   * Inverted dropout: on a training tape each value is zeroed with probability p and the rest scaled by 1/(1-p),
   * with a mask drawn from one long of {@code rng}; on an inference tape, or with p = 0, x itself.
   */
  public Var dropout(Var x, float p, SplittableRandom rng) {
    sameTape(x);
    if (!(p >= 0f && p < 1f)) {
      throw new IllegalArgumentException("dropout probability " + p + ": must be in [0, 1)");
    }
    if (!training || p == 0f) {
      return x;
    }
    long seed = rng.nextLong();
    Tensor y = alloc(x.shape());
    be.dropout(x.value, p, seed, y);
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null) {
        be.dropoutBackward(out.grad, p, seed, grad(x));
      }
    });
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Shape and indexing

  /** The same values with another shape (one dimension may be -1). */
  public Var reshape(Var x, int... shape) {
    sameTape(x);
    Tensor y = x.value.reshape(shape);
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null) {
        Tensor gx = grad(x);
        be.axpy(1f, out.grad.reshape(gx.shape()), gx);
      }
    });
    return out;
  }

  /** Transpose of a 2-D var. */
  public Var transpose(Var x) {
    if (x.rank() != 2) {
      throw new IllegalArgumentException("transpose(x) needs a 2-D var, got " + Arrays.toString(x.shape()));
    }
    return permute(x, 1, 0);
  }

  /** Swaps two axes. */
  public Var transpose(Var x, int axis1, int axis2) {
    int r = x.rank();
    int[] perm = new int[r];
    for (int i = 0; i < r; i++) {
      perm[i] = i;
    }
    int a1 = axis(axis1, r);
    int a2 = axis(axis2, r);
    perm[a1] = a2;
    perm[a2] = a1;
    return permute(x, perm);
  }

  /** Reorders axes: output axis i is input axis perm[i] (torch.permute). */
  public Var permute(Var x, int... perm) {
    sameTape(x);
    int[] shape = Shapes.permutedShape(x.shape(), perm);
    Tensor y = alloc(shape);
    be.permute(x.value, perm, y, false);
    int[] inv = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      inv[perm[i]] = i;
    }
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null) {
        be.permute(out.grad, inv, grad(x), true);
      }
    });
    return out;
  }

  /** Concatenation along an axis; all other dimensions must agree. */
  public Var concat(int axis, Var... xs) {
    sameTape(xs);
    if (xs.length == 0) {
      throw new IllegalArgumentException("concat of nothing");
    }
    int[] s0 = xs[0].shape();
    int ax = axis(axis, s0.length);
    int total = 0;
    for (Var v : xs) {
      int[] s = v.shape();
      if (s.length != s0.length) {
        throw new IllegalArgumentException("concat: ranks differ, " + Arrays.toString(s0) + " and " + Arrays.toString(s));
      }
      for (int i = 0; i < s.length; i++) {
        if (i != ax && s[i] != s0[i]) {
          throw new IllegalArgumentException("concat on axis " + ax + ": shapes " + Arrays.toString(s0) + " and "
              + Arrays.toString(s) + " differ on axis " + i);
        }
      }
      total += s[ax];
    }
    int outer = prod(s0, 0, ax);
    int inner = prod(s0, ax + 1, s0.length);
    int[] os = s0.clone();
    os[ax] = total;
    Tensor y = alloc(os);
    int[] at = new int[xs.length];
    for (int i = 0, off = 0; i < xs.length; i++) {
      at[i] = off;
      Shapes.slab(xs[i].value.data(), outer, xs[i].dim(ax), inner, y.data(), total, off, false, false);
      off += xs[i].dim(ax);
    }
    final int tot = total;
    Var out = out(y, xs);
    record(out, () -> {
      if (out.grad != null) {
        for (int i = 0; i < xs.length; i++) {
          if (xs[i].requiresGrad) {
            Shapes.slab(grad(xs[i]).data(), outer, xs[i].dim(ax), inner, out.grad.data(), tot, at[i], true, true);
          }
        }
      }
    });
    return out;
  }

  /** Splits along an axis into parts of the given sizes (which must add up to the axis length). */
  public Var[] split(Var x, int axis, int... sizes) {
    sameTape(x);
    int[] s = x.shape();
    int ax = axis(axis, s.length);
    int sum = 0;
    for (int z : sizes) {
      sum += z;
    }
    if (sum != s[ax]) {
      throw new IllegalArgumentException("split sizes " + Arrays.toString(sizes) + " add to " + sum + ", axis " + ax
          + " of " + Arrays.toString(s) + " has " + s[ax]);
    }
    Var[] parts = new Var[sizes.length];
    for (int i = 0, off = 0; i < sizes.length; i++) {
      parts[i] = slice(x, ax, off, sizes[i]);
      off += sizes[i];
    }
    return parts;
  }

  /** Positions {@code [start, start + length)} of one axis (torch.narrow). */
  public Var slice(Var x, int axis, int start, int length) {
    sameTape(x);
    int[] s = x.shape();
    int ax = axis(axis, s.length);
    if (start < 0 || length < 0 || start + length > s[ax]) {
      throw new IllegalArgumentException("slice [" + start + ", " + (start + length) + ") of axis " + ax + " of "
          + Arrays.toString(s));
    }
    int outer = prod(s, 0, ax);
    int inner = prod(s, ax + 1, s.length);
    int[] os = s.clone();
    os[ax] = length;
    Tensor y = alloc(os);
    Shapes.slab(y.data(), outer, length, inner, x.value.data(), s[ax], start, true, false);
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null) {
        Shapes.slab(out.grad.data(), outer, length, inner, grad(x).data(), s[ax], start, false, true);
      }
    });
    return out;
  }

  /**
   * Embedding lookup: rows {@code idx} of the 2-D view of {@code table}, shape [idx.length, d]. Repeated indices
   * are fine: the backward pass adds every occurrence's gradient into the row. For a parameter only the gathered
   * rows are marked as touched (lazy Adam).
   */
  public Var gather(Var table, int[] idx) {
    return gather(table, idx, idx.length);
  }

  /** As {@link #gather(Var, int[])}, shaped {@code [leading..., d]} (e.g. [B, L] indices give [B, L, d]). */
  public Var gather(Var table, int[] idx, int... leading) {
    sameTape(table);
    int d = table.cols();
    int[] os = Arrays.copyOf(leading, leading.length + 1);
    os[leading.length] = d;
    if (prod(leading, 0, leading.length) != idx.length) {
      throw new IllegalArgumentException("gather: " + idx.length + " indices for leading shape " + Arrays.toString(leading));
    }
    Tensor y = alloc(os);
    be.gatherRows(table.value, idx, y);
    Var out = out(y, table);
    int rows = table.value.rows();
    record(out, () -> {
      if (out.grad != null) {
        Tensor g;
        if (table.param != null) {
          if (table.grad == null) {
            table.grad = table.param.grad();
          }
          table.param.markRows(idx);
          g = table.grad;
        } else {
          g = grad(table);
        }
        be.scatterAddRows(out.grad, idx, Gather.orderByIndex(idx, rows), g);
      }
    });
    return out;
  }

  /** out[idx[i], :] += src[i, :] into a zero [rows, d] tensor (sum pooling by segment). */
  public Var scatterAdd(Var src, int[] idx, int rows) {
    sameTape(src);
    int d = src.cols();
    if (src.value.rows() != idx.length) {
      throw new IllegalArgumentException("scatterAdd: " + idx.length + " indices for " + src.value.rows() + " rows");
    }
    Tensor y = allocZeroed(rows, d);
    be.scatterAddRows(src.value, idx, Gather.orderByIndex(idx, rows), y);
    Var out = out(y, src);
    record(out, () -> {
      if (out.grad != null) {
        Tensor tmp = alloc(src.value.rows(), d);
        be.gatherRows(out.grad, idx, tmp);
        be.axpy(1f, tmp, grad(src).reshape(tmp.shape()));
      }
    });
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Similarity

  /** Row-wise dot products of two [n, d] vars, shape [n]. */
  public Var rowDot(Var a, Var b) {
    sameTape(a, b);
    if (!a.value.sameShape(b.value)) {
      throw new IllegalArgumentException("rowDot of shapes " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()));
    }
    Tensor y = alloc(a.value.rows());
    be.rowDot(a.value, b.value, y);
    Var out = out(y, a, b);
    record(out, () -> {
      if (out.grad != null) {
        be.rowDotBackward(a.value, b.value, out.grad, gradOrNull(a), gradOrNull(b));
      }
    });
    return out;
  }

  /** F.normalize(x, dim=-1): x / max(||x||, 1e-12) per row. */
  public Var l2Normalize(Var x) {
    return l2Normalize(x, 1e-12f);
  }

  public Var l2Normalize(Var x, float eps) {
    sameTape(x);
    Tensor y = alloc(x.shape());
    Tensor norms = alloc(x.value.rows());
    be.l2Normalize(x.value, eps, y, norms);
    Var out = out(y, x);
    record(out, () -> {
      if (out.grad != null) {
        be.l2NormalizeBackward(y, norms, out.grad, eps, grad(x));
      }
    });
    return out;
  }

  /** Row-wise cosine similarity of two [n, d] vars (F.cosine_similarity with normalised rows), shape [n]. */
  public Var cosine(Var a, Var b) {
    return rowDot(l2Normalize(a), l2Normalize(b));
  }

  // ---------------------------------------------------------------------------------------------------------

  private static int axis(int axis, int rank) {
    int a = axis < 0 ? rank + axis : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException("axis " + axis + " out of range for rank " + rank);
    }
    return a;
  }

  private static int prod(int[] s, int from, int to) {
    int p = 1;
    for (int i = from; i < to; i++) {
      p *= s[i];
    }
    return p;
  }
}
