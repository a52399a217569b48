package dev.recsuite.protocols.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.data.synthetic.SyntheticGenerator;
import org.junit.jupiter.api.Test;

class SyntheticGeneratorTest {
  static SyntheticGenerator.Config small(long seed) {
    var d = SyntheticGenerator.Config.defaults();
    return new SyntheticGenerator.Config(d.version(), 200, 200, 3000, 10, 8, 16, 12, d.minPerUser(), d.favouriteClusters(),
        d.popularityExponent(), d.stayProbability(), d.successorProbability(), d.featureNoise(), d.startTime(), seed);
  }

  @Test
  void sameSeedSameDataOtherSeedOtherData() {
    Dataset a = SyntheticGenerator.generate("s", small(1));
    assertEquals(a.contentSha256(), SyntheticGenerator.generate("s", small(1)).contentSha256());
    assertNotEquals(a.contentSha256(), SyntheticGenerator.generate("s", small(2)).contentSha256());
  }

  @Test
  void exactCountsIncreasingTimesAndNoRepeats() {
    Dataset d = SyntheticGenerator.generate("s", small(3));
    assertEquals(200, d.nUsers());
    assertEquals(200, d.nItems());
    assertEquals(3000, d.nInteractions());
    assertEquals(0, d.repeatedPairs());
    for (int u = 0; u < d.nUsers(); u++) {
      int[] rows = d.userRows(u);
      assertTrue(rows.length >= 5);
      for (int k = 1; k < rows.length; k++) {
        assertTrue(d.timestamp(rows[k]) > d.timestamp(rows[k - 1]));
      }
    }
  }

  /** The two feature views are noisy views of the same item factors, so item-item similarities agree. */
  @Test
  void imageAndTextViewsShareStructure() {
    Dataset d = SyntheticGenerator.generate("s", small(4));
    FeatureMatrix img = d.feature("image");
    FeatureMatrix txt = d.feature("text");
    double[] a = new double[4950];
    double[] b = new double[4950];
    int k = 0;
    for (int i = 0; i < 100; i++) {
      for (int j = i + 1; j < 100; j++) {
        a[k] = cosine(img, i, j);
        b[k++] = cosine(txt, i, j);
      }
    }
    assertTrue(pearson(a, b) > 0.5, "correlation " + pearson(a, b));
  }

  @Test
  void rejectsAnotherGeneratorVersion() {
    var d = SyntheticGenerator.Config.defaults();
    var e = assertThrows(IllegalArgumentException.class, () -> new SyntheticGenerator.Config(2, d.users(), d.items(),
        d.interactions(), d.clusters(), d.latentDim(), d.imageDim(), d.textDim(), d.minPerUser(), d.favouriteClusters(),
        d.popularityExponent(), d.stayProbability(), d.successorProbability(), d.featureNoise(), d.startTime(), d.seed()));
    assertTrue(e.getMessage().contains("version 2"), e.getMessage());
  }

  static double cosine(FeatureMatrix m, int i, int j) {
    double dot = 0;
    double ni = 0;
    double nj = 0;
    for (int c = 0; c < m.cols(); c++) {
      dot += m.get(i, c) * m.get(j, c);
      ni += m.get(i, c) * m.get(i, c);
      nj += m.get(j, c) * m.get(j, c);
    }
    return dot / Math.sqrt(ni * nj);
  }

  static double pearson(double[] a, double[] b) {
    double ma = java.util.Arrays.stream(a).average().orElse(0);
    double mb = java.util.Arrays.stream(b).average().orElse(0);
    double s = 0;
    double sa = 0;
    double sb = 0;
    for (int k = 0; k < a.length; k++) {
      s += (a[k] - ma) * (b[k] - mb);
      sa += (a[k] - ma) * (a[k] - ma);
      sb += (b[k] - mb) * (b[k] - mb);
    }
    return s / Math.sqrt(sa * sb);
  }
}
