package dev.recsuite.engine.backend;

import dev.recsuite.engine.blas.Blas;
import dev.recsuite.engine.blas.Gemm;
import dev.recsuite.engine.blas.JavaGemm;
import dev.recsuite.engine.ops.Binary;
import dev.recsuite.engine.ops.Broadcast;
import dev.recsuite.engine.ops.CrossEntropy;
import dev.recsuite.engine.ops.Dropout;
import dev.recsuite.engine.ops.Gather;
import dev.recsuite.engine.ops.LayerNorm;
import dev.recsuite.engine.ops.Reductions;
import dev.recsuite.engine.ops.RowOps;
import dev.recsuite.engine.ops.Shapes;
import dev.recsuite.engine.ops.Softmax;
import dev.recsuite.engine.ops.SpMM;
import dev.recsuite.engine.ops.TopK;
import dev.recsuite.engine.ops.Unary;
import dev.recsuite.engine.parallel.WorkerPool;
import dev.recsuite.engine.tensor.Csr;
import dev.recsuite.engine.tensor.Tensor;

/**
 * The CPU backend: Java kernels on a fixed {@link WorkerPool}, GEMM through {@link Blas#select}. Batched products
 * (attention) are small, so they run one block per task in Java.
 */
public final class CpuBackend implements Backend {
  private static volatile CpuBackend shared;
  private final WorkerPool pool;
  private final Gemm gemm;

  public CpuBackend(WorkerPool pool, Gemm gemm) {
    this.pool = pool;
    this.gemm = gemm;
  }

  /** A backend on a pool of {@code threads} threads with the GEMM from {@code recsuite.blas}. */
  public static CpuBackend withThreads(int threads) {
    WorkerPool p = new WorkerPool(threads);
    return new CpuBackend(p, Blas.select(p));
  }

  /** The process-wide backend on {@link WorkerPool#shared()}. */
  public static CpuBackend shared() {
    CpuBackend b = shared;
    if (b == null) {
      synchronized (CpuBackend.class) {
        b = shared;
        if (b == null) {
          WorkerPool p = WorkerPool.shared();
          b = new CpuBackend(p, Blas.select(p));
          shared = b;
        }
      }
    }
    return b;
  }

  public WorkerPool pool() {
    return pool;
  }

  public Gemm gemm() {
    return gemm;
  }

  @Override
  public String describe() {
    return "cpu (" + pool.threads() + " threads, gemm " + gemm.name() + ")";
  }

  @Override
  public int threads() {
    return pool.threads();
  }

  @Override
  public void matmul(Tensor a, boolean transA, Tensor b, boolean transB, Tensor c, int m, int n, int k, float alpha,
      float beta) {
    gemm.sgemm(transA, transB, m, n, k, alpha, a.data(), 0, transA ? m : k, b.data(), 0, transB ? k : n, beta,
        c.data(), 0, n);
  }

  @Override
  public void batchedMatmul(int batch, Tensor a, boolean transA, Tensor b, boolean transB, Tensor c, int m, int n,
      int k, float alpha, float beta) {
    float[] ad = a.data();
    float[] bd = b.data();
    float[] cd = c.data();
    int as = m * k;
    int bs = k * n;
    int cs = m * n;
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
    pool.forRange(batch, Math.max(1, (1 << 15) / Math.max(1, m * n * k)), (b0, b1) -> {
      for (int i = b0; i < b1; i++) {
        JavaGemm.sgemmSerial(transA, transB, m, n, k, alpha, ad, i * as, lda, bd, i * bs, ldb, beta, cd, i * cs, n);
      }
    });
  }

  @Override
  public void spmm(Csr a, Tensor x, Tensor y, boolean accumulate) {
    SpMM.multiply(pool, a, x.data(), x.cols(), y.data(), accumulate);
  }

  @Override
  public void gatherRows(Tensor src, int[] idx, Tensor out) {
    Gather.rows(pool, src.data(), src.rows(), src.cols(), idx, out.data());
  }

  @Override
  public void scatterAddRows(Tensor src, int[] idx, int[] order, Tensor dst) {
    Gather.scatterAdd(pool, src.data(), dst.cols(), idx, order, dst.data(), dst.rows());
  }

  @Override
  public void unary(Unary f, float param, Tensor x, Tensor y) {
    float[] xd = x.data();
    float[] yd = y.data();
    pool.forRange(xd.length, 1 << 13, (lo, hi) -> f.forward(xd, yd, lo, hi, param));
  }

  @Override
  public void unaryBackward(Unary f, float param, Tensor x, Tensor y, Tensor gy, Tensor gx) {
    float[] xd = x.data();
    float[] yd = y.data();
    float[] gyd = gy.data();
    float[] gxd = gx.data();
    pool.forRange(xd.length, 1 << 13, (lo, hi) -> f.backward(xd, yd, gyd, gxd, lo, hi, param));
  }

  @Override
  public void binary(Binary op, Broadcast bc, Tensor a, Tensor b, Tensor out) {
    op.forward(pool, bc, a.data(), b.data(), out.data());
  }

  @Override
  public void binaryBackward(Binary op, Broadcast bc, Tensor a, Tensor b, Tensor gy, Tensor ga, Tensor gb) {
    op.backward(pool, bc, a.data(), b.data(), gy.data(), ga == null ? null : ga.data(), gb == null ? null : gb.data());
  }

  @Override
  public void zero(Tensor t) {
    float[] d = t.data();
    pool.forRange(d.length, 1 << 16, (lo, hi) -> java.util.Arrays.fill(d, lo, hi, 0f));
  }

  @Override
  public void affine(Tensor x, float alpha, float beta, Tensor y) {
    float[] xd = x.data();
    float[] yd = y.data();
    pool.forRange(xd.length, 1 << 14, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        yd[i] = alpha * xd[i] + beta;
      }
    });
  }

  @Override
  public void axpy(float alpha, Tensor x, Tensor y) {
    float[] xd = x.data();
    float[] yd = y.data();
    pool.forRange(xd.length, 1 << 14, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        yd[i] += alpha * xd[i];
      }
    });
  }

  @Override
  public double sum(Tensor x) {
    return Reductions.sumAll(pool, x.data(), x.size());
  }

  @Override
  public double sumSquares(Tensor x) {
    return Reductions.sumSquares(pool, x.data(), x.size());
  }

  @Override
  public void sumAxis(Tensor x, int outer, int n, int inner, Tensor out) {
    Reductions.sumAxis(pool, x.data(), outer, n, inner, out.data());
  }

  @Override
  public void sumAxisBackward(Tensor gy, int outer, int n, int inner, float scale, Tensor gx) {
    Reductions.broadcastAxis(pool, gy.data(), outer, n, inner, scale, gx.data());
  }

  @Override
  public void softmax(Tensor x, int outer, int n, int inner, boolean log, Tensor y) {
    Softmax.forward(pool, x.data(), outer, n, inner, log, y.data());
  }

  @Override
  public void softmaxBackward(Tensor y, Tensor gy, int outer, int n, int inner, boolean log, Tensor gx) {
    Softmax.backward(pool, y.data(), gy.data(), outer, n, inner, log, gx.data());
  }

  @Override
  public double crossEntropy(Tensor logits, int[] targets, float[] lse) {
    return CrossEntropy.forward(pool, logits.data(), targets.length, logits.cols(), targets, lse);
  }

  @Override
  public void crossEntropyBackward(Tensor logits, int[] targets, float[] lse, float g, Tensor gx) {
    CrossEntropy.backward(pool, logits.data(), targets.length, logits.cols(), targets, lse, g, gx.data());
  }

  @Override
  public void layerNorm(Tensor x, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor stats) {
    LayerNorm.forward(pool, x.data(), x.rows(), x.cols(), gamma.data(), beta.data(), eps, y.data(), stats.data());
  }

  @Override
  public void layerNormBackward(Tensor x, Tensor gamma, Tensor stats, Tensor gy, Tensor gx, Tensor ggamma,
      Tensor gbeta) {
    LayerNorm.backward(pool, x.data(), gamma.data(), stats.data(), gy.data(), x.rows(), x.cols(),
        gx == null ? null : gx.data(), ggamma == null ? null : ggamma.data(), gbeta == null ? null : gbeta.data());
  }

  @Override
  public void rowDot(Tensor a, Tensor b, Tensor out) {
    RowOps.dot(pool, a.data(), b.data(), a.rows(), a.cols(), out.data());
  }

  @Override
  public void rowDotBackward(Tensor a, Tensor b, Tensor gy, Tensor ga, Tensor gb) {
    RowOps.dotBackward(pool, a.data(), b.data(), gy.data(), a.rows(), a.cols(), ga == null ? null : ga.data(),
        gb == null ? null : gb.data());
  }

  @Override
  public void l2Normalize(Tensor x, float eps, Tensor y, Tensor norms) {
    RowOps.l2Normalize(pool, x.data(), x.rows(), x.cols(), eps, y.data(), norms.data());
  }

  @Override
  public void l2NormalizeBackward(Tensor y, Tensor norms, Tensor gy, float eps, Tensor gx) {
    RowOps.l2NormalizeBackward(pool, y.data(), norms.data(), gy.data(), y.rows(), y.cols(), eps, gx.data());
  }

  @Override
  public void dropout(Tensor x, float p, long seed, Tensor y) {
    Dropout.forward(pool, x.data(), x.size(), p, seed, y.data());
  }

  @Override
  public void dropoutBackward(Tensor gy, float p, long seed, Tensor gx) {
    Dropout.backward(pool, gy.data(), gy.size(), p, seed, gx.data());
  }

  @Override
  public void permute(Tensor x, int[] perm, Tensor y, boolean accumulate) {
    Shapes.permute(pool, x.data(), x.shape(), perm, y.data(), accumulate);
  }

  @Override
  public void topK(Tensor scores, int k, int[][] exclude, int[] outIdx, float[] outScores) {
    TopK.select(pool, scores.data(), scores.rows(), scores.cols(), k, exclude, outIdx, outScores);
  }
}
