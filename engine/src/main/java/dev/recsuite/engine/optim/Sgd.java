package dev.recsuite.engine.optim;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.parallel.WorkerPool;
import java.util.List;

/** Plain SGD as {@code torch.optim.SGD} without momentum: θ -= lr * (grad + weight_decay * θ). */
public final class Sgd extends ParamOptimizer {
  private final WorkerPool pool;
  private final float weightDecay;

  public Sgd(List<Param> params, double lr, double weightDecay, WorkerPool pool) {
    super(params, checked(lr, weightDecay));
    this.pool = pool;
    this.weightDecay = (float) weightDecay;
  }

  private static double checked(double lr, double weightDecay) {
    if (!(lr >= 0) || !(weightDecay >= 0)) {
      throw new IllegalArgumentException("SGD lr = " + lr + ", weight_decay = " + weightDecay + ": must be >= 0");
    }
    return lr;
  }

  @Override
  public void step() {
    float a = (float) lr;
    float wd = weightDecay;
    for (Param p : params) {
      if (!p.trainable()) {
        continue;
      }
      float[] th = p.value().data();
      float[] g = p.grad().data();
      pool.forRange(th.length, 1 << 14, (lo, hi) -> {
        for (int j = lo; j < hi; j++) {
          th[j] -= a * (g[j] + wd * th[j]);
        }
      });
      p.zeroGrad();
    }
  }
}
