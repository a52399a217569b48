package dev.recsuite.engine.backend;

import dev.recsuite.engine.ops.Binary;
import dev.recsuite.engine.ops.Broadcast;
import dev.recsuite.engine.ops.Unary;
import dev.recsuite.engine.tensor.Csr;
import dev.recsuite.engine.tensor.Tensor;

/**
 * The kernels a {@code Tape} runs, behind one interface, so that models (which only talk to the tape) need not
 * change when another implementation arrives. {@link CpuBackend} is the only one today. Tensors are host arrays;
 * a GPU backend would first give {@link Tensor} a device-side storage, then implement these methods.
 *
 * <p>Conventions: 2-D views are {@code [rows, cols]} of a tensor's flat data; methods named {@code ...Backward}
 * add into their gradient outputs (never overwrite), so gradients from several uses of a value accumulate; a null
 * gradient output is skipped.
 */
public interface Backend {
  /** For provenance: implementation, threads, GEMM. */
  String describe();

  int threads();

  /** c = alpha * op(a) op(b) + beta * c on 2-D views: op(a) is [m, k], op(b) is [k, n]. */
  void matmul(Tensor a, boolean transA, Tensor b, boolean transB, Tensor c, int m, int n, int k, float alpha, float beta);

  /** The same product for each of {@code batch} consecutive blocks of a, b and c. */
  void batchedMatmul(int batch, Tensor a, boolean transA, Tensor b, boolean transB, Tensor c, int m, int n, int k,
      float alpha, float beta);

  /** y = a x (or y += a x), x [a.cols, d], y [a.rows, d]. */
  void spmm(Csr a, Tensor x, Tensor y, boolean accumulate);

  /** out[i, :] = src[idx[i], :]. */
  void gatherRows(Tensor src, int[] idx, Tensor out);

  /** dst[idx[i], :] += src[i, :]; {@code order} from {@code Gather.orderByIndex}. */
  void scatterAddRows(Tensor src, int[] idx, int[] order, Tensor dst);

  void unary(Unary f, float param, Tensor x, Tensor y);

  void unaryBackward(Unary f, float param, Tensor x, Tensor y, Tensor gy, Tensor gx);

  void binary(Binary op, Broadcast bc, Tensor a, Tensor b, Tensor out);

  void binaryBackward(Binary op, Broadcast bc, Tensor a, Tensor b, Tensor gy, Tensor ga, Tensor gb);

  /** t = 0 everywhere. */
  void zero(Tensor t);

  /** y = alpha * x + beta (elementwise). */
  void affine(Tensor x, float alpha, float beta, Tensor y);

  /** y += alpha * x. */
  void axpy(float alpha, Tensor x, Tensor y);

  /** Sum of all values, in double, in a thread-count independent order. */
  double sum(Tensor x);

  /** Sum of squares, in double, in a thread-count independent order. */
  double sumSquares(Tensor x);

  /** out[o, i] = sum_k x[o, k, i] for x viewed as [outer, n, inner]. */
  void sumAxis(Tensor x, int outer, int n, int inner, Tensor out);

  /** gx[o, k, i] += scale * gy[o, i]. */
  void sumAxisBackward(Tensor gy, int outer, int n, int inner, float scale, Tensor gx);

  /** Softmax (or log-softmax) along the middle axis of [outer, n, inner]. */
  void softmax(Tensor x, int outer, int n, int inner, boolean log, Tensor y);

  void softmaxBackward(Tensor y, Tensor gy, int outer, int n, int inner, boolean log, Tensor gx);

  /**
   * Fused softmax cross-entropy of logits [B, C] against {@code targets} [B]: fills {@code lse} [B] with each
   * row's log-sum-exp and returns the sum of -log softmax(logits_b)[t_b] in double.
   */
  double crossEntropy(Tensor logits, int[] targets, float[] lse);

  /** gx[b, k] += g ([k = t_b] - softmax(logits_b)[k]), with {@code lse} from {@link #crossEntropy}. */
  void crossEntropyBackward(Tensor logits, int[] targets, float[] lse, float g, Tensor gx);

  /** Layer norm over the last dimension; stats [rows, 2] receives (mean, 1/std). */
  void layerNorm(Tensor x, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor stats);

  void layerNormBackward(Tensor x, Tensor gamma, Tensor stats, Tensor gy, Tensor gx, Tensor ggamma, Tensor gbeta);

  /** out[r] = a[r, :] . b[r, :]. */
  void rowDot(Tensor a, Tensor b, Tensor out);

  void rowDotBackward(Tensor a, Tensor b, Tensor gy, Tensor ga, Tensor gb);

  /** y = x / max(||x_r||, eps) per row; norms [rows]. */
  void l2Normalize(Tensor x, float eps, Tensor y, Tensor norms);

  void l2NormalizeBackward(Tensor y, Tensor norms, Tensor gy, float eps, Tensor gx);

  /** Inverted dropout with a counter-based mask from {@code seed}. */
  void dropout(Tensor x, float p, long seed, Tensor y);

  void dropoutBackward(Tensor gy, float p, long seed, Tensor gx);

  /** y (or y +=) x with axes permuted: y's axis i is x's axis perm[i]. */
  void permute(Tensor x, int[] perm, Tensor y, boolean accumulate);

  /**
   * Top-k columns per row of a [rows, cols] score matrix, descending, ties to the lower index, excluding
   * {@code exclude[r]} (sorted, may be null).
   */
  void topK(Tensor scores, int k, int[][] exclude, int[] outIdx, float[] outScores);
}
