package dev.recsuite.protocols.lock;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One dataset pinned in {@code datasets.lock}: what it is, where it comes from, every file with its size and
 * SHA-256, how it is read and preprocessed, and the statistics it must have afterwards.
 *
 * @param format how the files are read: mmrec, recbole, seq-s3rec, seq-sasrec, movielens-udata,
 *     movielens-csv, csv or synthetic
 * @param dir folder name under a data root (e.g. {@code amazon-baby}); null for generated datasets
 * @param base another locked dataset whose interactions this one extends with its own files (item text,
 *     features); the base is loaded and verified first
 * @param contentSha256 SHA-256 of the loaded, preprocessed dataset ({@code Dataset.contentSha256}) before
 *     computed features are attached; it pins a generator's output and the loader's reading of the files
 * @param features item features the suite computes for this dataset (modality name, e.g. text or image, to
 *     its provenance); they load with the dataset and are checked against this record
 */
public record LockEntry(String format, String description, String dir, String base, Source source, List<LockedFile> files,
    List<LockedDirectory> directories, Layout layout, Preprocessing preprocessing, Expected expected,
    String contentSha256, Map<String, LockedFeature> features) {

  public LockEntry {
    files = files == null ? List.of() : List.copyOf(files);
    directories = directories == null ? List.of() : List.copyOf(directories);
    layout = layout == null ? new Layout(null, null, null, null, null) : layout;
    preprocessing = preprocessing == null ? new Preprocessing(null, null, null) : preprocessing;
    features = features == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(features));
  }

  /** Where the data comes from: an official URL and citation, or a generator and its parameters. */
  public record Source(String url, String citation, String license, String note, String generator,
      Map<String, Object> params) {}

  public record LockedFile(String path, long size, String sha256) {}

  /**
   * A folder pinned as a whole: its file count, total bytes, and the SHA-256 of the {@code sha256sum}
   * listing of its files sorted by path (reproducible with
   * {@code (cd DIR && find P -type f | LC_ALL=C sort | xargs sha256sum) | sha256sum}).
   */
  public record LockedDirectory(String path, int files, long bytes, String sha256) {}

  /**
   * Which file plays which role.
   *
   * @param interactions the interaction file, relative to the dataset folder
   * @param items an optional item side file (RecBole {@code .item})
   * @param itemText an optional tab-separated file with a header: first column the external item id, every
   *     other column an item text column (e.g. title, genres, description)
   * @param features modality name to feature file ({@code .npy}), e.g. image: image_feat.npy
   * @param csv column names for the plain {@code csv} format
   */
  public record Layout(String interactions, String items, String itemText, Map<String, String> features,
      CsvColumns csv) {
    public Layout {
      features = features == null ? Map.of() : Map.copyOf(features);
    }
  }

  public record CsvColumns(String delimiter, String user, String item, String rating, String timestamp) {}

  /**
   * @param minRating keep only interactions rated at least this (null keeps all ratings as implicit positives)
   * @param kcore iterative k-core thresholds, applied after the rating filter
   */
  public record Preprocessing(Double minRating, KCore kcore, String note) {}

  public record KCore(int user, int item) {}

  public record Expected(int users, int items, long interactions) {}
}
