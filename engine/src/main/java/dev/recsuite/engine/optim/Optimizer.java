package dev.recsuite.engine.optim;

/** Updates parameters from their accumulated gradients. */
public interface Optimizer {
  /** One update from the current gradients; then the gradients are cleared. */
  void step();

  /** Clears the gradients without updating (e.g. after a NaN loss). */
  void zeroGrad();

  double learningRate();

  /** For schedules (MMRec's LambdaLR multiplies the base rate by a^(epoch/b) each epoch). */
  void setLearningRate(double lr);
}
