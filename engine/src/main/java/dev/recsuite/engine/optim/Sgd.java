package dev.recsuite.engine.optim;

import dev.recsuite.engine.autodiff.Param;
import dev.recsuite.engine.parallel.WorkerPool;
import java.util.List;

/** Plain SGD as {@code torch.optim.SGD} without momentum: θ -= lr * (grad + weight_decay * θ). */
public final class Sgd implements Optimizer {
  private final List<Param> params;
  private final WorkerPool pool;
  private final float weightDecay;
  private double lr;

  public Sgd(List<Param> params, double lr, double weightDecay, WorkerPool pool) {
    if (!(lr >= 0) || !(weightDecay >= 0)) {
      throw new IllegalArgumentException("SGD lr = " + lr + ", weight_decay = " + weightDecay + ": must be >= 0");
    }
    this.params = List.copyOf(params);
    this.pool = pool;
    this.lr = lr;
    this.weightDecay = (float) weightDecay;
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

  @Override
  public void zeroGrad() {
    for (Param p : params) {
      p.zeroGrad();
    }
  }

  @Override
  public double learningRate() {
    return lr;
  }

  @Override
  public void setLearningRate(double lr) {
    if (!(lr >= 0)) {
      throw new IllegalArgumentException("learning rate " + lr + ": must be >= 0");
    }
    this.lr = lr;
  }
}
