package dev.recsuite.suite.run;

import dev.recsuite.protocols.train.EpochRecord;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Efficiency figures of one run. Seconds per epoch are wall-clock training time (validation excluded),
 * summarised over all epochs after the first (the first carries JIT warm-up).
 *
 * @param epochSecondsMedian median over epochs 2..n (NaN if fewer than 2 epochs)
 * @param testEvalSeconds one full test evaluation, scoring included
 * @param usersPerSecond test users evaluated per second
 * @param peakHeapBytes peak heap use during the run (JVM memory pools, reset at the start of the run)
 * @param peakRssBytes peak resident set size of the process (Linux VmHWM; reset at the start of the run
 *     where the kernel allows, otherwise the process-lifetime peak)
 */
public record Efficiency(int epochs, double epochSecondsMedian, double epochSecondsMin, double epochSecondsMax,
    double validEvalSecondsMedian, double testEvalSeconds, double usersPerSecond, long parameters, long peakHeapBytes,
    long peakRssBytes) {

  public static Efficiency of(List<EpochRecord> curve, double testSeconds, int testUsers, long parameters, long peakHeap,
      long peakRss) {
    double[] train = curve.stream().skip(1).mapToDouble(EpochRecord::trainSeconds).sorted().toArray();
    double[] eval = curve.stream().mapToDouble(EpochRecord::evalSeconds).sorted().toArray();
    return new Efficiency(curve.size(), median(train), train.length == 0 ? Double.NaN : train[0],
        train.length == 0 ? Double.NaN : train[train.length - 1], median(eval), testSeconds,
        testSeconds > 0 ? testUsers / testSeconds : Double.NaN, parameters, peakHeap, peakRss);
  }

  static double median(double[] sorted) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Resets the heap and (where allowed) RSS peaks, so the next reading covers one run. */
  public static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // Linux >= 4.0: resets VmHWM
    } catch (IOException | RuntimeException e) {
      // not Linux, or not permitted: VmHWM stays the process peak
    }
  }

  public static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  public static long peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String[] f = line.split("\\s+");
          return Long.parseLong(f[1]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }
}
