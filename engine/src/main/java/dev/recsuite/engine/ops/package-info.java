/**
 * CPU kernels, one class per op family (SpMM, Gather, Softmax, LayerNorm, TopK, ...): flat arrays with offsets,
 * work split by output rows on a fixed pool, fixed summation order, so results do not depend on the thread count.
 */
package dev.recsuite.engine.ops;
