/** The engine's fixed-size worker pool with deterministic, contiguous partitions. */
package dev.recsuite.engine.parallel;
