package dev.recsuite.engine.optim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Updates parameters from their accumulated gradients. */
public interface Optimizer {
  /** One update from the current gradients; then the gradients are cleared. */
  void step();

  /** Clears the gradients without updating (e.g. after a NaN loss). */
  void zeroGrad();

  double learningRate();

  /** For schedules (MMRec's LambdaLR multiplies the base rate by a^(epoch/b) each epoch). */
  void setLearningRate(double lr);

  /**
   * Writes what the next {@link #step()} reads besides the parameters and gradients (learning rate, step count,
   * moments), so that training stopped after an epoch continues in another process with the same numbers.
   */
  void writeState(DataOutput out) throws IOException;

  /** Restores what {@link #writeState} wrote, for the same parameter list. */
  void readState(DataInput in) throws IOException;
}
