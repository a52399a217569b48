package dev.recsuite.engine.optim;

import dev.recsuite.engine.autodiff.Param;
import java.util.List;

/** What Adam and SGD share: the parameter list, the learning rate and clearing gradients. */
abstract class ParamOptimizer implements Optimizer {
  protected final List<Param> params;
  protected double lr;

  ParamOptimizer(List<Param> params, double lr) {
    this.params = List.copyOf(params);
    this.lr = lr;
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
