package dev.recsuite.engine.optim;

import dev.recsuite.engine.autodiff.Param;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
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

  @Override
  public void writeState(DataOutput out) throws IOException {
    out.writeUTF(getClass().getSimpleName());
    out.writeDouble(lr);
  }

  @Override
  public void readState(DataInput in) throws IOException {
    String kind = in.readUTF();
    if (!kind.equals(getClass().getSimpleName())) {
      throw new IOException("saved optimiser state is " + kind + "'s, this optimiser is " + getClass().getSimpleName());
    }
    lr = in.readDouble();
  }
}
