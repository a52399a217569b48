package dev.recsuite.protocols.lock;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One item-feature file that the suite computes for a dataset, pinned in {@code datasets.lock} under the
 * dataset's {@code features} map (modality name to this record). It records how the file was made and what it
 * must contain, so that {@link DatasetRepository#load} can refuse a file that does not match: a changed
 * encoder, changed input, or changed output.
 *
 * @param file file name inside the dataset's feature folder ({@code DATA_ROOT/features/DATASET/})
 * @param encoder the encoder that produced the file
 * @param inputs which item fields went in, and the SHA-256 of their values ({@link FeatureInputDigest})
 * @param params every setting that shaped the output (pooling, truncation, image size, ...)
 * @param rowOrder how file rows map to items; {@value #EXTERNAL_ID_ASCENDING} is the one order defined so far
 * @param missing items that had no input, and the rule that filled their rows (null when none were missing)
 * @param output the file's shape, dtype, size and SHA-256
 */
public record LockedFeature(String file, Encoder encoder, Inputs inputs, Map<String, Object> params, String rowOrder,
    Missing missing, Output output) {

  /**
   * Row r is the item with the r-th smallest external id: numeric order when every id is an integer (as in
   * MovieLens and MMRec, where it equals MMRec's "row i = item i"), else byte order of the UTF-8 ids. It does
   * not depend on how a loader numbers items internally (MovieLens ids are numbered by first appearance).
   */
  public static final String EXTERNAL_ID_ASCENDING = "external_id_ascending";

  public LockedFeature {
    Objects.requireNonNull(file, "features.*.file");
    Objects.requireNonNull(encoder, "features.*.encoder");
    Objects.requireNonNull(inputs, "features.*.inputs");
    Objects.requireNonNull(output, "features.*.output");
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    rowOrder = rowOrder == null ? EXTERNAL_ID_ASCENDING : rowOrder;
  }

  /**
   * @param name the encoder's name (e.g. all-MiniLM-L6-v2)
   * @param version where it comes from and which release (artifact coordinates, implementation version)
   * @param sha256 SHA-256 of the model file, or for a hand-written descriptor of its output on fixed probe
   *     images (so any change of behaviour changes the hash)
   * @param components SHA-256 of other parts the output depends on (e.g. the tokenizer file)
   */
  public record Encoder(String name, String version, String sha256, Map<String, String> components) {
    public Encoder {
      Objects.requireNonNull(name, "encoder.name");
      Objects.requireNonNull(version, "encoder.version");
      Objects.requireNonNull(sha256, "encoder.sha256");
      components = components == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }
  }

  /**
   * @param fields item text columns (e.g. title) and pinned folders (e.g. {@code posters/}), in the order used
   * @param sha256 SHA-256 of those inputs as {@link FeatureInputDigest} computes it
   */
  public record Inputs(List<String> fields, String sha256) {
    public Inputs {
      fields = List.copyOf(fields);
      Objects.requireNonNull(sha256, "inputs.sha256");
    }
  }

  /** @param items how many items had no input; @param rule what their rows hold instead */
  public record Missing(int items, String rule) {}

  /** @param dtype the {@code .npy} dtype ({@code <f4}) */
  public record Output(int rows, int cols, String dtype, long size, String sha256) {
    public Output {
      Objects.requireNonNull(sha256, "output.sha256");
    }
  }
}
