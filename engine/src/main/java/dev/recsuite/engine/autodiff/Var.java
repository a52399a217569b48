package dev.recsuite.engine.autodiff;

import dev.recsuite.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * A value on a {@link Tape}: its tensor, and after {@link Tape#backward} its gradient. Created only by the tape.
 */
public final class Var {
  final Tape tape;
  final Tensor value;
  final boolean requiresGrad;
  final Param param; // non-null for a parameter leaf
  Tensor grad;

  Var(Tape tape, Tensor value, boolean requiresGrad, Param param) {
    this.tape = tape;
    this.value = value;
    this.requiresGrad = requiresGrad;
    this.param = param;
  }

  /** The value (in the tape's buffer pool: copy it to keep it past {@link Tape#reset()}). */
  public Tensor value() {
    return value;
  }

  /** The gradient of the last backward pass, or null if none reached this value. */
  public Tensor grad() {
    return grad;
  }

  public boolean requiresGrad() {
    return requiresGrad;
  }

  public int[] shape() {
    return value.shape();
  }

  public int rank() {
    return value.rank();
  }

  public int dim(int axis) {
    return value.dim(axis);
  }

  /** Rows of the 2-D view (all but the last dimension). */
  public int rows() {
    return value.rows();
  }

  public int cols() {
    return value.cols();
  }

  /** The value of a one-element var. */
  public float item() {
    return value.item();
  }

  @Override
  public String toString() {
    return "Var" + Arrays.toString(value.shape()) + (param != null ? " (" + param.name() + ")" : "");
  }
}
