/** Paired effect sizes: {@link dev.recsuite.stats.effect.CohensDz}. */
package dev.recsuite.stats.effect;
