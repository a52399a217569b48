package dev.recsuite.engine.bench;

import dev.recsuite.engine.backend.Backend;
import dev.recsuite.engine.backend.CpuBackend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a training step spends its time, per backend method (a diagnostic, not a JMH benchmark):
 * {@code java -cp engine/target/engine-benchmarks.jar dev.recsuite.engine.bench.OpProfile lightgcn|bpr|sasrec}.
 */
public final class OpProfile {
  private OpProfile() {}

  public static void main(String[] args) throws Exception {
    Map<String, long[]> time = new TreeMap<>();
    CpuBackend cpu = CpuBackend.shared();
    Backend timed = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
        (proxy, m, a) -> {
          long t0 = System.nanoTime();
          try {
            return m.invoke(cpu, a);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            long[] s = time.computeIfAbsent(m.getName(), k -> new long[2]);
            s[0] += System.nanoTime() - t0;
            s[1]++;
          }
        });
    String which = args.length > 0 ? args[0] : "lightgcn";
    Runnable step;
    switch (which) {
      case "lightgcn" -> {
        LightGcnStepBench b = new LightGcnStepBench();
        b.setupWith(timed);
        step = b::step;
      }
      case "bpr" -> {
        BprStepBench b = new BprStepBench();
        b.setupWith(timed);
        step = b::step;
      }
      case "sasrec" -> {
        SasRecBlockBench b = new SasRecBlockBench();
        b.setupWith(timed);
        step = b::forwardBackward;
      }
      default -> throw new IllegalArgumentException("expected lightgcn, bpr or sasrec, got " + which);
    }
    for (int i = 0; i < 30; i++) {
      step.run();
    }
    time.clear();
    int n = 30;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      step.run();
    }
    double total = (System.nanoTime() - t0) / 1e6 / n;
    System.out.printf("%s: %.2f ms per step (%s)%n", which, total, cpu.describe());
    double inKernels = 0;
    for (Map.Entry<String, long[]> e : time.entrySet()) {
      double ms = e.getValue()[0] / 1e6 / n;
      inKernels += ms;
      System.out.printf("  %-22s %8.3f ms  %5d calls%n", e.getKey(), ms, e.getValue()[1] / n);
    }
    System.out.printf("  %-22s %8.3f ms%n", "(outside kernels)", total - inKernels);
  }
}
