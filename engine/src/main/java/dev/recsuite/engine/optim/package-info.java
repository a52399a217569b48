/** Optimisers with PyTorch's update rules: Adam (coupled weight decay; dense or lazy rows) and SGD. */
package dev.recsuite.engine.optim;
