package dev.recsuite.engine.rng;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named, seeded random streams. One root seed is split into independent streams by name and indices
 * ({@code Rng.stream(seed, "negatives", epoch)}), the way Tribuo splits a {@link SplittableRandom} per
 * {@code train} call, so that adding a random draw in one place never shifts the draws of another.
 *
 * <p>The mixing is fixed (FNV-1a over the UTF-8 name, SplitMix64 finaliser), so a stream depends only on
 * its arguments: the same (seed, name, indices) gives the same numbers on every JVM.
 */
public final class Rng {
  private Rng() {}

  /** A fresh stream for (seed, name, indices). */
  public static SplittableRandom stream(long seed, String name, long... indices) {
    return new SplittableRandom(streamSeed(seed, name, indices));
  }

  /** The 64-bit seed of {@link #stream}; exposed for code that must hash per-item keys cheaply. */
  public static long streamSeed(long seed, String name, long... indices) {
    long h = mix64(seed ^ 0x9E3779B97F4A7C15L);
    h = mix64(h ^ fnv1a64(name));
    for (long i : indices) {
      h = mix64(h + 0x9E3779B97F4A7C15L * (i + 1));
    }
    return h;
  }

  /** SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014): a bijective 64-bit mixer. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long fnv1a64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
