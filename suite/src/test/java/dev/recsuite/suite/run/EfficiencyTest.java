package dev.recsuite.suite.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.train.EpochRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class EfficiencyTest {
  private static EpochRecord epoch(int e, double train, double eval) {
    return new EpochRecord(e, 0.5, train, 0.1, eval);
  }

  @Test
  void epochFiguresSkipTheFirstEpochAndEvaluationIsApart() {
    // Epoch 1 (9.0 s) carries JIT warm-up and is left out; epochs 2..5 train 2, 4, 1, 3 s: median (2 + 3) / 2.
    List<EpochRecord> curve = List.of(epoch(0, 9.0, 0.5), epoch(1, 2.0, 0.2), epoch(2, 4.0, 0.4), epoch(3, 1.0, 0.1),
        epoch(4, 3.0, 0.3));
    Efficiency e = Efficiency.of(curve, 0.5, 1000, 42, new Efficiency.Peaks(10, 20, true), 30.0);
    assertEquals(5, e.epochs());
    assertEquals(2.5, e.epochSecondsMedian());
    assertEquals(1.0, e.epochSecondsMin());
    assertEquals(4.0, e.epochSecondsMax());
    assertEquals(19.0, e.trainSeconds());
    assertEquals(0.3, e.validEvalSecondsMedian());
    assertEquals(2000.0, e.usersPerSecond());
    assertEquals(42, e.parameters());
    assertEquals("run", e.rssPeakScope());
    assertEquals(30.0, e.wallSeconds());
  }

  @Test
  void withFewerThanTwoEpochsThePerEpochFiguresAreUndefined() {
    Efficiency e = Efficiency.of(List.of(epoch(0, 9.0, 0.5)), 0.5, 10, 0, new Efficiency.Peaks(1, -1, false), 1.0);
    assertTrue(Double.isNaN(e.epochSecondsMedian()));
    assertTrue(Double.isNaN(e.epochSecondsMin()));
    assertEquals("process", e.rssPeakScope());
  }

  @Test
  void peaksAreReadFromTheJvmAndTheKernel() {
    boolean reset = Efficiency.Peaks.start();
    byte[][] hold = new byte[8][];
    for (int i = 0; i < hold.length; i++) {
      hold[i] = new byte[1 << 20];
    }
    Efficiency.Peaks p = Efficiency.Peaks.read(reset);
    assertTrue(p.heap() >= 8L << 20, "heap peak " + p.heap() + " covers the 8 MiB held");
    if (System.getProperty("os.name").startsWith("Linux")) {
      assertTrue(p.rss() > 0, "VmHWM read");
    }
    assertEquals(8, hold.length);
  }
}
