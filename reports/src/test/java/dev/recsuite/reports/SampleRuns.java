package dev.recsuite.reports;

import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.reports.input.RunSummary.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic runs for tests and the sample report. Each user gets the rank of its one test item, drawn from a
 * model-specific distribution; every metric (mean and per-user vector) is computed from those ranks exactly as the
 * suite defines it, so means and per-user vectors agree. Nothing here is a published number.
 */
public final class SampleRuns {
  public static final long[] SEEDS = {2024, 2025, 2026, 2027, 2028};
  public static final int USERS = 1500;
  static final int[] KS = {5, 10, 20, 50};

  private SampleRuns() {}

  /** One model's behaviour: mean rank scale (smaller is better), cost, role, variant. */
  public record Model(String name, String variant, Role role, double rankScale, double secondsPerEpoch, long params) {}

  public static List<Model> waveModels() {
    return List.of(
        new Model("BPR", "", Role.BASELINE, 420, 0.8, 1_700_000),
        new Model("LightGCN", "", Role.BASELINE, 330, 1.9, 1_700_000),
        new Model("VBPR", "", Role.BASELINE, 360, 1.1, 3_100_000),
        new Model("MMGCN", "", Role.BASELINE, 370, 5.2, 6_500_000),
        new Model("SLMRec", "", Role.BASELINE, 260, 4.0, 3_900_000),
        new Model("MGCN", "", Role.BASELINE, 215, 9.7, 2_000_000),
        new Model("FREEDOM", "", Role.BASELINE, 210, 2.6, 8_100_000),
        new Model("Wave-DGARec", "", Role.PROPOSED, 185, 7.5, 4_300_000),
        new Model("Wave-DGARec-noWavelet", "", Role.PROPOSED, 205, 6.1, 4_200_000),
        new Model("Wave-DGARec-simpleFusion", "", Role.PROPOSED, 230, 7.3, 4_300_000));
  }

  /** The sample matrix: two datasets × two protocols in full ranking, plus sampled ranking on one of them. */
  public static List<RunSummary> matrix() {
    List<RunSummary> out = new ArrayList<>();
    for (String dataset : List.of("amazon-baby", "amazon-sports")) {
      for (String protocol : List.of("leave-one-out", "shipped")) {
        for (Model m : waveModels()) {
          for (long seed : SEEDS) {
            out.add(run(dataset, protocol, "full", m, seed, 1.0));
          }
        }
      }
    }
    for (Model m : waveModels().subList(0, 8)) {
      for (long seed : SEEDS) {
        out.add(run("amazon-baby", "leave-one-out", "sampled", m, seed, 0.045));
      }
    }
    return out;
  }

  /**
   * One run. {@code rankShrink} models sampled evaluation: ranks among 100 candidates are the full-ranking ranks
   * scaled down.
   */
  public static RunSummary run(String dataset, String protocol, String mode, Model m, long seed, double rankShrink) {
    SplittableRandom rng = new SplittableRandom(seed * 31 + (dataset + protocol + m.name() + m.variant()).hashCode());
    double scale = m.rankScale() * (dataset.equals("amazon-sports") ? 1.15 : 1.0)
        * (protocol.equals("shipped") ? 0.8 : 1.0) * (1 + 0.02 * rng.nextGaussian());
    // Users' difficulty is shared by every model on the same data and seed (paired, like real test users); each
    // model redraws a fifth of the users on its own.
    SplittableRandom shared = new SplittableRandom(seed * 131 + (dataset + protocol).hashCode());
    int[] users = new int[USERS];
    int[] ranks = new int[USERS];
    for (int u = 0; u < USERS; u++) {
      users[u] = u * 3 + 1;
      double common = shared.nextDouble();
      double own = rng.nextDouble();
      double q = rng.nextDouble() < 0.2 ? own : common;
      double r = 1 + Math.floor(-Math.log(1 - q) * scale * rankShrink);
      ranks[u] = (int) Math.min(r, 1_000_000);
    }
    Map<String, double[]> perUser = perUser(ranks);
    Map<String, Double> means = new LinkedHashMap<>();
    perUser.forEach((k, v) -> {
      double s = 0;
      for (double x : v) {
        s += x;
      }
      means.put(k, s / v.length);
    });
    List<RunSummary.EpochPoint> curve = new ArrayList<>();
    int epochs = 12 + rng.nextInt(10);
    int best = 0;
    double bestValue = -1;
    for (int e = 0; e < epochs; e++) {
      double v = means.get("Recall@20") * (1 - Math.exp(-(e + 1) / 3.0)) + 0.002 * rng.nextGaussian();
      curve.add(new RunSummary.EpochPoint(e, 1.0 / (e + 2), v));
      if (v > bestValue) {
        bestValue = v;
        best = e;
      }
    }
    double spe = m.secondsPerEpoch() * (dataset.equals("amazon-sports") ? 2.1 : 1.0) * (1 + 0.03 * rng.nextGaussian());
    RunSummary.Efficiency eff = new RunSummary.Efficiency(epochs, spe, spe * 0.95, spe * 1.1,
        m.params() * (dataset.equals("amazon-sports") ? 2 : 1), 400_000_000L + m.params() * 40,
        900_000_000L + m.params() * 60, 0.4, USERS / 0.4);
    String id = Long.toHexString((dataset + protocol + mode + m.name() + m.variant() + seed).hashCode() & 0xffffffffL);
    return new RunSummary(id, dataset, protocol, new RunSummary.Evaluation(mode,
        mode.equals("full") ? "full ranking, training items masked" : "100 uniform negatives per user",
        mode.equals("full") ? null : "c0ffee"), m.name(), m.variant(), "embedding_size=64", m.role(), seed,
        "validation", means, new RunSummary.PerUser(users, perUser),
        new RunSummary.Training("Recall@20", curve, best), eff, stats(dataset),
        new RunSummary.Provenance("sha-" + dataset, List.of(new RunSummary.FileHash(dataset + "/" + dataset + ".inter",
            "f1le" + dataset.length())), "split-" + dataset + "-" + protocol, "0123456789abcdef", false,
            "AMD EPYC, 2 threads, Linux 6.18, OpenJDK 17"));
  }

  static RunSummary.DatasetStats stats(String dataset) {
    return dataset.equals("amazon-baby") ? new RunSummary.DatasetStats(19_400, 7_000, 160_000)
        : new RunSummary.DatasetStats(35_000, 18_000, 296_000);
  }

  /** Per-user metrics of a single test item at rank r (1-based), as the suite defines them. */
  static Map<String, double[]> perUser(int[] ranks) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (int k : KS) {
      double[] recall = new double[ranks.length];
      double[] ndcg = new double[ranks.length];
      for (int u = 0; u < ranks.length; u++) {
        recall[u] = ranks[u] <= k ? 1 : 0;
        ndcg[u] = ranks[u] <= k ? 1 / (Math.log(ranks[u] + 1) / Math.log(2)) : 0;
      }
      out.put("Recall@" + k, recall);
      out.put("HR@" + k, recall.clone());
      out.put("NDCG@" + k, ndcg);
    }
    double[] mrr = new double[ranks.length];
    for (int u = 0; u < ranks.length; u++) {
      mrr[u] = 1.0 / ranks[u];
    }
    out.put("MRR", mrr);
    return out;
  }
}
