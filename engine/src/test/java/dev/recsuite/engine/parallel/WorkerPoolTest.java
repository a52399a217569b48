package dev.recsuite.engine.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
  @Test
  void everyIndexRunsExactlyOnce() {
    try (WorkerPool p = new WorkerPool(3)) {
      int[] hits = new int[100_001];
      p.forRange(hits.length, 1, (lo, hi) -> {
        for (int i = lo; i < hi; i++) {
          hits[i]++;
        }
      });
      int[] ones = new int[hits.length];
      java.util.Arrays.fill(ones, 1);
      assertArrayEquals(ones, hits);
    }
  }

  @Test
  void failureInAWorkerReachesTheCaller() {
    try (WorkerPool p = new WorkerPool(2)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.forRange(10, 1, (lo, hi) -> {
        if (lo > 0) {
          throw new IllegalStateException("part " + lo);
        }
      }));
      assertEquals("part 5", e.getMessage());
      AtomicInteger n = new AtomicInteger(); // still usable afterwards
      p.forRange(10, 1, (lo, hi) -> n.addAndGet(hi - lo));
      assertEquals(10, n.get());
    }
  }

  @Test
  void nestedLoopsRunInline() {
    try (WorkerPool p = new WorkerPool(2)) {
      AtomicInteger n = new AtomicInteger();
      p.forRange(4, 1, (lo, hi) -> p.forRange(100, 1, (a, b) -> n.addAndGet(b - a)));
      assertEquals(200, n.get());
    }
  }

  @Test
  void invalidThreadCountIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0));
  }
}
