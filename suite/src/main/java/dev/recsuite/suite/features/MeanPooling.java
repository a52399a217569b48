package dev.recsuite.suite.features;

/**
 * Sentence-transformers' pooling for all-MiniLM-L6-v2 ({@code 1_Pooling/config.json}: mean tokens) followed
 * by its {@code 2_Normalize} module:
 * {@code e = sum_t m_t h_t / max(sum_t m_t, 1e-9)}, then {@code e / max(||e||_2, 1e-12)}, where h_t is the last
 * hidden state of token t and m_t the attention mask (1 for real tokens, [CLS] and [SEP] included; 0 for padding).
 * The sums run in double; the result is stored as float, as the .npy file is.
 */
public final class MeanPooling {
  private MeanPooling() {}

  /**
   * @param hidden last hidden states {@code [batch, tokens, dim]}, row-major
   * @param mask attention mask {@code [batch, tokens]}
   * @param out receives {@code [batch, dim]} unit vectors
   */
  public static void poolAndNormalize(float[] hidden, long[] mask, int batch, int tokens, int dim, float[] out) {
    if (hidden.length != batch * tokens * dim || mask.length != batch * tokens || out.length != batch * dim) {
      throw new IllegalArgumentException("shapes: hidden " + hidden.length + ", mask " + mask.length + ", out " + out.length
          + " for batch " + batch + ", tokens " + tokens + ", dim " + dim);
    }
    double[] sum = new double[dim];
    for (int b = 0; b < batch; b++) {
      java.util.Arrays.fill(sum, 0);
      double count = 0;
      for (int t = 0; t < tokens; t++) {
        long m = mask[b * tokens + t];
        if (m == 0) {
          continue;
        }
        count += m;
        int base = (b * tokens + t) * dim;
        for (int k = 0; k < dim; k++) {
          sum[k] += m * (double) hidden[base + k];
        }
      }
      double denom = Math.max(count, 1e-9);
      double norm = 0;
      for (int k = 0; k < dim; k++) {
        sum[k] /= denom;
        norm += sum[k] * sum[k];
      }
      double scale = 1.0 / Math.max(Math.sqrt(norm), 1e-12);
      for (int k = 0; k < dim; k++) {
        out[b * dim + k] = (float) (sum[k] * scale);
      }
    }
  }
}
