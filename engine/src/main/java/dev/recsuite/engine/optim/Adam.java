package dev.recsuite.engine.optim;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.autodiff.ParamCodec;
import dev.recsuite.engine.autodiff.Tape;
import dev.recsuite.engine.autodiff.Var;
import dev.recsuite.engine.ops.Simd;
import dev.recsuite.engine.parallel.WorkerPool;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam exactly as {@code torch.optim.Adam} (single-tensor path, amsgrad off, maximize off), specs/baselines.md §1:
 * <pre>
 *   g = grad + weight_decay * θ                       (coupled L2, not AdamW)
 *   m = m + (1 - β1) (g - m)                          (torch: exp_avg.lerp_(g, 1 - β1))
 *   v = β2 v + (1 - β2) g²
 *   θ = θ - (lr / (1 - β1^t)) * m / (sqrt(v) / sqrt(1 - β2^t) + ε)
 * </pre>
 * The bias corrections and the step size are computed in double, as Python floats, and applied to float32 state.
 *
 * <p>{@linkplain Config#lazyRows Lazy} mode, for large embedding tables: where a parameter's gradient since the
 * last step came only from row gathers, only those rows are updated, with the global step count t in the bias
 * correction (like TensorFlow's LazyAdam); untouched rows keep stale moments and get no weight decay. Parameters
 * with any dense gradient are updated densely. Lazy mode is therefore NOT PyTorch-identical; keep it off to match
 * reference numbers.
 */
public final class Adam extends ParamOptimizer {
  /** Hyper-parameters; {@link #defaults(double)} are PyTorch's. */
  public record Config(double lr, double beta1, double beta2, double eps, double weightDecay, boolean lazyRows) {
    public Config {
      if (!(lr >= 0)) {
        throw new IllegalArgumentException("Adam learning_rate = " + lr + ": must be >= 0");
      }
      if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
        throw new IllegalArgumentException("Adam betas (" + beta1 + ", " + beta2 + "): each must be in [0, 1)");
      }
      if (!(eps >= 0) || !(weightDecay >= 0)) {
        throw new IllegalArgumentException("Adam eps = " + eps + ", weight_decay = " + weightDecay + ": must be >= 0");
      }
    }

    /** β1 0.9, β2 0.999, ε 1e-8, no weight decay, dense updates. */
    public static Config defaults(double lr) {
      return new Config(lr, 0.9, 0.999, 1e-8, 0.0, false);
    }

    public Config withWeightDecay(double wd) {
      return new Config(lr, beta1, beta2, eps, wd, lazyRows);
    }

    public Config withLazyRows(boolean lazy) {
      return new Config(lr, beta1, beta2, eps, weightDecay, lazy);
    }
  }

  private final List<float[]> m = new ArrayList<>();
  private final List<float[]> v = new ArrayList<>();
  private final Config cfg;
  private final WorkerPool pool;
  private long t;

  public Adam(List<Param> params, Config cfg, WorkerPool pool) {
    super(params, cfg.lr());
    this.cfg = cfg;
    this.pool = pool;
    for (Param p : this.params) {
      m.add(new float[p.trainable() ? p.size() : 0]);
      v.add(new float[p.trainable() ? p.size() : 0]);
    }
  }

  /** Number of steps taken (PyTorch's per-parameter {@code step}; all parameters step together here). */
  public long steps() {
    return t;
  }

  @Override
  public void writeState(DataOutput out) throws IOException {
    super.writeState(out);
    out.writeLong(t);
    for (int i = 0; i < params.size(); i++) {
      ParamCodec.writeFloats(out, m.get(i));
      ParamCodec.writeFloats(out, v.get(i));
    }
  }

  @Override
  public void readState(DataInput in) throws IOException {
    super.readState(in);
    t = in.readLong();
    for (int i = 0; i < params.size(); i++) {
      ParamCodec.readFloats(in, m.get(i));
      ParamCodec.readFloats(in, v.get(i));
    }
  }

  @Override
  public void step() {
    t++;
    double bc1 = 1.0 - Math.pow(cfg.beta1(), t);
    double bc2 = 1.0 - Math.pow(cfg.beta2(), t);
    final float stepSize = (float) (lr / bc1);
    final float bc2Sqrt = (float) Math.sqrt(bc2);
    final float b1c = (float) (1.0 - cfg.beta1());
    final float b2 = (float) cfg.beta2();
    final float b2c = (float) (1.0 - cfg.beta2());
    final float eps = (float) cfg.eps();
    final float wd = (float) cfg.weightDecay();
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      if (!p.trainable()) {
        continue;
      }
      float[] th = p.value().data();
      float[] g = p.grad().data();
      float[] mi = m.get(i);
      float[] vi = v.get(i);
      if (cfg.lazyRows() && !p.denseGradient()) {
        int d = p.value().cols();
        int[] rows = p.touchedRows();
        pool.forRange(rows.length, Math.max(1, 4096 / Math.max(1, d)), (r0, r1) -> {
          for (int r = r0; r < r1; r++) {
            int o = rows[r] * d;
            update(th, g, mi, vi, o, o + d, stepSize, bc2Sqrt, b1c, b2, b2c, eps, wd);
          }
        });
      } else {
        pool.forRange(th.length, 1 << 14, (lo, hi) -> update(th, g, mi, vi, lo, hi, stepSize, bc2Sqrt, b1c, b2, b2c, eps, wd));
      }
      p.zeroGrad();
    }
  }

  private static void update(float[] th, float[] g, float[] m, float[] v, int lo, int hi, float stepSize,
      float bc2Sqrt, float b1c, float b2, float b2c, float eps, float wd) {
    Simd.adam(th, g, m, v, lo, hi, stepSize, bc2Sqrt, b1c, b2, b2c, eps, wd);
  }

  /**
   * One training step on {@code tape}: back-propagates {@code loss}, updates the parameters and clears the tape
   * for the next batch. Returns the loss value (read before the tape's buffers are recycled).
   */
  public double minimize(Tape tape, Var loss) {
    tape.backward(loss);
    double value = loss.item();
    step();
    tape.reset();
    return value;
  }
}
