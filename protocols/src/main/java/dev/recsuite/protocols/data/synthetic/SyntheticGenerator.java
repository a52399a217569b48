package dev.recsuite.protocols.data.synthetic;

import dev.recsuite.engine.rng.Rng;
import dev.recsuite.protocols.data.Chronology;
import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.data.DatasetBuilder;
import dev.recsuite.protocols.data.FeatureMatrix;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The embedded default dataset: a SYNTHETIC multimodal interaction log with planted structure, generated
 * from a seed so that a fresh machine can run everything with no download. Its parameters and the SHA-256
 * of its output are pinned in {@code datasets.lock}; any change to this class changes that hash and is caught.
 *
 * <p>What is planted, so that models have something to find:
 * <ul>
 *   <li>latent item clusters: item factor z_i = mu_{c(i)} + noise, equal-size clusters;</li>
 *   <li>image-like and text-like features: two different random linear views of z_i plus noise;</li>
 *   <li>users with latent preferences: each has a few favourite clusters with random weights;</li>
 *   <li>sequential drift: after each interaction the user stays in the cluster, moves to the cluster's
 *       planted successor (a fixed cyclic permutation), or returns to a favourite cluster;</li>
 *   <li>a Zipf-like item popularity within clusters (so MostPop is a real baseline) and increasing timestamps.</li>
 * </ul>
 * All transcendental functions go through {@link StrictMath} so the output is the same on every JVM.
 */
public final class SyntheticGenerator {
  /**
   * Generator parameters; the keys of {@code source.params} in {@code datasets.lock}.
   *
   * @param version bumped whenever the algorithm changes, so old locks fail loudly
   */
  public record Config(int version, int users, int items, int interactions, int clusters, int latentDim,
      int imageDim, int textDim, int minPerUser, int favouriteClusters, double popularityExponent,
      double stayProbability, double successorProbability, double featureNoise, long startTime, long seed) {

    public Config {
      if (version != VERSION) {
        throw new IllegalArgumentException("synthetic generator version " + version + " requested, this build implements version " + VERSION);
      }
      if (users <= 0 || items < clusters || clusters <= 0 || interactions < (long) users * minPerUser) {
        throw new IllegalArgumentException("synthetic generator needs users > 0, items >= clusters > 0 and interactions >= users * min_per_user");
      }
      if (items / clusters < minPerUser + 2 * favouriteClusters) {
        throw new IllegalArgumentException("clusters too small for the requested history lengths");
      }
      if (stayProbability < 0 || successorProbability < 0 || stayProbability + successorProbability > 1) {
        throw new IllegalArgumentException("stay_probability + successor_probability must be within [0, 1]");
      }
    }

    public static Config defaults() {
      return new Config(VERSION, 2000, 1000, 30000, 20, 16, 64, 48, 5, 3, 0.8, 0.45, 0.35, 0.5, 1_600_000_000L, 20240601L);
    }
  }

  public static final int VERSION = 1;
  private static final String[] LEXICON = {
      "soft", "bright", "classic", "compact", "deluxe", "eco", "fresh", "gentle", "handy", "ivory", "jumbo", "kind",
      "light", "mellow", "natural", "organic", "plush", "quiet", "rapid", "sturdy", "tiny", "urban", "vivid", "warm",
      "bottle", "blanket", "stroller", "monitor", "carrier", "bib", "crib", "toy", "book", "puzzle", "lamp", "mat",
      "seat", "towel", "spoon", "cup", "rattle", "swing", "bag", "pillow", "sock", "hat", "brush", "teether"};

  private SyntheticGenerator() {}

  public static Dataset generate(String name, Config c) {
    SplittableRandom rng = Rng.stream(c.seed(), "synthetic", c.version());
    int nC = c.clusters();
    int dim = c.latentDim();
    // cluster centres and balanced cluster assignment
    double[][] mu = new double[nC][dim];
    for (double[] m : mu) {
      fillGaussian(rng, m, 1.0);
    }
    int[] perm = permutation(rng, c.items());
    int[] cluster = new int[c.items()];
    for (int k = 0; k < c.items(); k++) {
      cluster[perm[k]] = k % nC;
    }
    int[][] members = membersOf(cluster, nC);
    double[][] z = new double[c.items()][dim];
    for (int i = 0; i < c.items(); i++) {
      fillGaussian(rng, z[i], 0.5);
      for (int d = 0; d < dim; d++) {
        z[i][d] += mu[cluster[i]][d];
      }
    }
    // Zipf-like popularity over a random item order
    int[] popRank = permutation(rng, c.items());
    double[] pop = new double[c.items()];
    for (int i = 0; i < c.items(); i++) {
      pop[i] = StrictMath.pow(popRank[i] + 1.0, -c.popularityExponent());
    }
    int[] successor = cyclicSuccessor(rng, nC);
    int[] lengths = historyLengths(rng, c);

    DatasetBuilder b = new DatasetBuilder(name, DatasetBuilder.IdPolicy.NUMERIC, true, true, false, false)
        .declareSizes(c.users(), c.items());
    SplittableRandom timeRng = Rng.stream(c.seed(), "synthetic-time", c.version());
    for (int u = 0; u < c.users(); u++) {
      int[] fav = new int[c.favouriteClusters()];
      double[] favW = new double[fav.length];
      int[] cp = permutation(rng, nC);
      for (int k = 0; k < fav.length; k++) {
        fav[k] = cp[k];
        favW[k] = -StrictMath.log(1.0 - rng.nextDouble());
      }
      boolean[] seen = new boolean[c.items()];
      int cur = fav[draw(rng, favW)];
      long t = c.startTime() + (long) (timeRng.nextDouble() * 180 * 86_400);
      for (int step = 0; step < lengths[u]; step++) {
        int item = drawFromCluster(rng, members[cur], pop, seen);
        if (item < 0) { // the cluster is exhausted for this user: return to a favourite with items left
          cur = fav[draw(rng, favW)];
          item = drawFromCluster(rng, members[cur], pop, seen);
          for (int k = 1; item < 0 && k < nC; k++) {
            cur = successor[cur];
            item = drawFromCluster(rng, members[cur], pop, seen);
          }
        }
        seen[item] = true;
        t += 60 + (long) (-StrictMath.log(1.0 - timeRng.nextDouble()) * 2 * 86_400);
        int rating = isFavourite(fav, cluster[item]) ? 4 + (rng.nextDouble() < 0.5 ? 1 : 0) : 2 + rng.nextInt(2);
        b.add(Integer.toString(u), Integer.toString(item), rating, t, 0, null);
        double move = rng.nextDouble();
        if (move < c.stayProbability()) {
          continue;
        } else if (move < c.stayProbability() + c.successorProbability()) {
          cur = successor[cur];
        } else {
          cur = fav[draw(rng, favW)];
        }
      }
    }
    b.feature("image", view(rng, z, c.imageDim(), c.featureNoise()));
    b.feature("text", view(rng, z, c.textDim(), c.featureNoise()));
    b.itemText("title", titles(rng, cluster, nC));
    return b.build(Chronology.TIMESTAMPS);
  }

  /** min_per_user each, plus the remainder shared in proportion to log-normal weights (largest remainder). */
  private static int[] historyLengths(SplittableRandom rng, Config c) {
    int n = c.users();
    double[] w = new double[n];
    double sum = 0;
    for (int u = 0; u < n; u++) {
      w[u] = StrictMath.exp(0.8 * gaussian(rng));
      sum += w[u];
    }
    int extra = c.interactions() - n * c.minPerUser();
    int cap = c.items() / c.clusters() * c.favouriteClusters(); // a user never needs more items than this
    int[] len = new int[n];
    double[] frac = new double[n];
    int assigned = 0;
    for (int u = 0; u < n; u++) {
      double share = extra * w[u] / sum;
      int whole = Math.min((int) share, cap - c.minPerUser());
      len[u] = c.minPerUser() + whole;
      frac[u] = share - whole;
      assigned += whole;
    }
    while (assigned < extra) { // hand out the rest one by one, largest remainder first, ties by user id
      int best = -1;
      for (int u = 0; u < n; u++) {
        if (len[u] < cap && (best < 0 || frac[u] > frac[best])) {
          best = u;
        }
      }
      len[best]++;
      frac[best] -= 1.0;
      assigned++;
    }
    return len;
  }

  private static int drawFromCluster(SplittableRandom rng, int[] items, double[] pop, boolean[] seen) {
    double total = 0;
    for (int i : items) {
      if (!seen[i]) {
        total += pop[i];
      }
    }
    if (total == 0) {
      return -1;
    }
    double x = rng.nextDouble() * total;
    int last = -1;
    for (int i : items) {
      if (!seen[i]) {
        last = i;
        x -= pop[i];
        if (x < 0) {
          return i;
        }
      }
    }
    return last;
  }

  private static FeatureMatrix view(SplittableRandom rng, double[][] z, int outDim, double noise) {
    int dim = z[0].length;
    double[] w = new double[outDim * dim];
    fillGaussian(rng, w, 1.0 / StrictMath.sqrt(dim));
    float[] out = new float[z.length * outDim];
    double[] eps = new double[outDim];
    for (int i = 0; i < z.length; i++) {
      fillGaussian(rng, eps, noise);
      for (int o = 0; o < outDim; o++) {
        double s = eps[o];
        for (int d = 0; d < dim; d++) {
          s += w[o * dim + d] * z[i][d];
        }
        out[i * outDim + o] = (float) s;
      }
    }
    return new FeatureMatrix(z.length, outDim, out);
  }

  private static Map<String, String> titles(SplittableRandom rng, int[] cluster, int nC) {
    String[][] vocab = new String[nC][4];
    for (String[] v : vocab) {
      for (int k = 0; k < v.length; k++) {
        v[k] = LEXICON[rng.nextInt(LEXICON.length)];
      }
    }
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < cluster.length; i++) {
      String[] v = vocab[cluster[i]];
      out.put(Integer.toString(i), v[rng.nextInt(4)] + " " + v[rng.nextInt(4)] + " " + LEXICON[rng.nextInt(LEXICON.length)] + " " + i);
    }
    return out;
  }

  private static int[][] membersOf(int[] cluster, int nC) {
    int[] counts = new int[nC];
    for (int c : cluster) {
      counts[c]++;
    }
    int[][] m = new int[nC][];
    for (int c = 0; c < nC; c++) {
      m[c] = new int[counts[c]];
    }
    int[] fill = new int[nC];
    for (int i = 0; i < cluster.length; i++) {
      m[cluster[i]][fill[cluster[i]]++] = i;
    }
    return m;
  }

  private static int[] cyclicSuccessor(SplittableRandom rng, int n) {
    int[] order = permutation(rng, n);
    int[] next = new int[n];
    for (int k = 0; k < n; k++) {
      next[order[k]] = order[(k + 1) % n];
    }
    return next;
  }

  private static boolean isFavourite(int[] fav, int c) {
    for (int f : fav) {
      if (f == c) {
        return true;
      }
    }
    return false;
  }

  private static int draw(SplittableRandom rng, double[] w) {
    double total = 0;
    for (double x : w) {
      total += x;
    }
    double x = rng.nextDouble() * total;
    for (int k = 0; k < w.length; k++) {
      x -= w[k];
      if (x < 0) {
        return k;
      }
    }
    return w.length - 1;
  }

  private static int[] permutation(SplittableRandom rng, int n) {
    int[] p = new int[n];
    for (int k = 0; k < n; k++) {
      p[k] = k;
    }
    for (int k = n - 1; k > 0; k--) {
      int j = rng.nextInt(k + 1);
      int t = p[k];
      p[k] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static void fillGaussian(SplittableRandom rng, double[] out, double sd) {
    for (int k = 0; k < out.length; k++) {
      out[k] = sd * gaussian(rng);
    }
  }

  /** Box–Muller with StrictMath, so the draws do not depend on the JVM's intrinsics. */
  private static double gaussian(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }
}
