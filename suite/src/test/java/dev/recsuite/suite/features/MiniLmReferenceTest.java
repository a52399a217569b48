package dev.recsuite.suite.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.data.FeatureMatrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The suite's all-MiniLM-L6-v2 pipeline against outputs published by the sentence-transformers library itself
 * (its documentation, and a blog post printing {@code SentenceTransformer.encode} output) and by fastembed ({@code src/test/resources/kat/minilm_reference.tsv} names the source and call of each value).
 * sentence-transformers cannot run here (no PyTorch), so these printed values are the reference. One encoder
 * instance is shared by the class (loading the 90 MB graph takes about a second).
 */
class MiniLmReferenceTest {
  private static MiniLmEncoder encoder;

  @BeforeAll
  static void load() {
    encoder = MiniLmEncoder.open(new MiniLmEncoder.Config(256, 8, 2));
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  record Reference(String kind, String a, String b, double expected, double tolerance, String source) {}

  static List<Reference> references() throws IOException {
    List<Reference> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        MiniLmReferenceTest.class.getResourceAsStream("/kat/minilm_reference.tsv"), StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split("\t", -1);
        out.add(new Reference(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]), f[5]));
      }
    }
    return out;
  }

  @Test
  void matchesPublishedSentenceTransformersAndFastembedValues() throws IOException {
    List<Reference> refs = references();
    assertEquals(25, refs.size(), "reference rows");
    List<String> failures = new ArrayList<>();
    double worst = 0;
    for (Reference r : refs) {
      float[] a = embed(r.a());
      double got;
      if (r.kind().equals("cosine")) {
        got = dot(a, embed(r.b()));
      } else if (r.kind().equals("manhattan")) {
        float[] b = embed(r.b());
        got = 0;
        for (int k = 0; k < a.length; k++) {
          got += Math.abs(a[k] - b[k]);
        }
      } else if (r.kind().startsWith("component:")) {
        got = a[Integer.parseInt(r.kind().substring("component:".length()))];
      } else {
        got = clsPooled(r.a())[Integer.parseInt(r.kind().substring("cls_component:".length()))];
      }
      worst = Math.max(worst, Math.abs(got - r.expected()) / r.tolerance());
      if (Math.abs(got - r.expected()) > r.tolerance()) {
        failures.add(String.format(Locale.ROOT, "%s(%s | %s): got %.6f, %s says %.4f", r.kind(), r.a(), r.b(), got,
            r.source(), r.expected()));
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(worst <= 1, "largest error / tolerance = " + worst);
  }

  @Test
  void vectorsAreUnitLengthAnd384Dimensional() {
    FeatureMatrix m = encoder.encode(List.of("hello world", "", "A much longer sentence about a film.")).vectors();
    assertEquals(384, m.cols());
    for (int r = 0; r < m.rows(); r++) {
      double n = 0;
      for (int k = 0; k < m.cols(); k++) {
        n += (double) m.get(r, k) * m.get(r, k);
      }
      assertEquals(1.0, Math.sqrt(n), 1e-6, "row " + r);
    }
  }

  @Test
  void paddingInsideABatchDoesNotChangeAVector() {
    String shortText = "hello world";
    String longText = "The weather is lovely today, and the new movie about a man playing guitar is awesome.";
    float[] alone = embed(shortText);
    float[] batched = row(encoder.encode(List.of(longText, shortText)).vectors(), 1);
    assertTrue(dot(alone, batched) > 1 - 1e-6, "cosine " + dot(alone, batched));
  }

  @Test
  void textsLongerThan256TokensAreTruncatedLikeSentenceTransformers() {
    // 300 distinct words, one word piece each: only the first 254 fit beside [CLS] and [SEP]
    StringBuilder longText = new StringBuilder();
    StringBuilder first254 = new StringBuilder();
    String[] words = "film story love war city night music family friend world".split(" ");
    for (int i = 0; i < 300; i++) {
      String w = words[i % words.length];
      longText.append(w).append(' ');
      if (i < 254) {
        first254.append(w).append(' ');
      }
    }
    MiniLmEncoder.Encoded e = encoder.encode(List.of(longText.toString(), first254.toString()));
    assertEquals(300, e.pieces()[0]);
    assertArrayEquals(row(e.vectors(), 1), row(e.vectors(), 0), 1e-6f);
  }

  /**
   * fastembed's published values for this model are the L2-normalised [CLS] state, not the mean: they pin the
   * ONNX graph, and show what a CLS-pooling pipeline (as in langchain4j's PoolingMode.CLS) would produce.
   */
  @Test
  void clsPoolingIsNotWhatSentenceTransformersDoes() {
    assertTrue(dot(clsPooled("hello world"), embed("hello world")) < 0.95);
  }

  private static float[] clsPooled(String text) {
    float[] h = encoder.lastHiddenState(text);
    float[] cls = new float[MiniLmEncoder.DIM];
    double n = 0;
    for (int k = 0; k < cls.length; k++) {
      n += (double) h[k] * h[k];
    }
    for (int k = 0; k < cls.length; k++) {
      cls[k] = (float) (h[k] / Math.sqrt(n));
    }
    return cls;
  }

  private static float[] embed(String text) {
    return row(encoder.encode(List.of(text)).vectors(), 0);
  }

  private static float[] row(FeatureMatrix m, int r) {
    float[] out = new float[m.cols()];
    System.arraycopy(m.data(), r * m.cols(), out, 0, m.cols());
    return out;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += (double) a[k] * b[k];
    }
    return s;
  }
}
