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
 * Efficiency figures of one run. Seconds per epoch are wall-clock training time of an epoch (validation
 * excluded, it is reported apart), summarised over all epochs after the first, which carries JIT warm-up.
 *
 * @param epochs epochs trained (0 for a model fit on construction)
 * @param epochSecondsMedian median over epochs 2..n (NaN with fewer than 2 epochs)
 * @param trainSeconds total training time, all epochs (construction for a non-iterative model is in wallSeconds)
 * @param validEvalSecondsMedian median time of one validation pass
 * @param testEvalSeconds one test evaluation pass, scoring included
 * @param usersPerSecond test users evaluated per second
 * @param parameters trainable parameters ({@code Recommender.parameterCount})
 * @param peakHeapBytes sum over heap pools of each pool's peak use since the run started (an upper bound of
 *     the heap's peak)
 * @param peakRssBytes peak resident set size of the process (Linux VmHWM), or -1 where unknown
 * @param rssPeakScope {@code run} when the kernel let the peak be reset at the run's start, otherwise
 *     {@code process} (the peak since the JVM started)
 * @param wallSeconds the whole run: split lookup, model construction, training, validation and test
 */
public record Efficiency(int epochs, double epochSecondsMedian, double epochSecondsMin, double epochSecondsMax,
    double trainSeconds, double validEvalSecondsMedian, double testEvalSeconds, double usersPerSecond, long parameters,
    long peakHeapBytes, long peakRssBytes, String rssPeakScope, double wallSeconds) {

  public static Efficiency of(List<EpochRecord> curve, double testSeconds, int testUsers, long parameters, Peaks peaks,
      double wallSeconds) {
    double[] train = curve.stream().skip(1).mapToDouble(EpochRecord::trainSeconds).sorted().toArray();
    double[] eval = curve.stream().mapToDouble(EpochRecord::evalSeconds).sorted().toArray();
    double trainTotal = curve.stream().mapToDouble(EpochRecord::trainSeconds).sum();
    return new Efficiency(curve.size(), median(train), train.length == 0 ? Double.NaN : train[0],
        train.length == 0 ? Double.NaN : train[train.length - 1], trainTotal, median(eval), testSeconds,
        testSeconds > 0 ? testUsers / testSeconds : Double.NaN, parameters, peaks.heap(), peaks.rss(),
        peaks.rssResetAtStart() ? "run" : "process", wallSeconds);
  }

  static double median(double[] sorted) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Memory peaks over one run: {@link #start()} resets them, {@link #read()} reads them. */
  public record Peaks(long heap, long rss, boolean rssResetAtStart) {
    /** Resets the heap pools' peaks and, where the kernel allows (Linux >= 4.0), the RSS high-water mark. */
    public static boolean start() {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pool.resetPeakUsage();
        }
      }
      try {
        Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // resets VmHWM to the current RSS
        return true;
      } catch (IOException | RuntimeException e) {
        return false; // not Linux, or not permitted: VmHWM stays the process peak
      }
    }

    public static Peaks read(boolean rssResetAtStart) {
      long heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      return new Peaks(heap, vmHwm(), rssResetAtStart);
    }

    private static long vmHwm() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.split("\\s+")[1]) * 1024;
          }
        }
      } catch (IOException | RuntimeException e) {
        // not Linux
      }
      return -1;
    }
  }
}
