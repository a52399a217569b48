package dev.recsuite.protocols.lock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recsuite.protocols.api.UnavailableException;
import dev.recsuite.protocols.data.CsvInteractionReader;
import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.data.ExternalIdOrder;
import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.data.ItemTextFile;
import dev.recsuite.protocols.data.MmrecInterReader;
import dev.recsuite.protocols.data.MovieLensReader;
import dev.recsuite.protocols.data.Npy;
import dev.recsuite.protocols.data.RecBoleAtomicReader;
import dev.recsuite.protocols.data.SequenceFileReader;
import dev.recsuite.protocols.data.synthetic.SyntheticGenerator;
import dev.recsuite.protocols.filter.KCoreFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The datasets pinned in {@code datasets.lock}, found on disk, verified and loaded.
 *
 * <p>A dataset with files lives in a folder named by its {@code dir}, looked up under each data root in
 * order: {@code $RECSUITE_DATA}, {@code HOME/data} (where {@code datasets import} copies to), then
 * {@code HOME/../shared/datasets}. {@link #load} verifies every file's size and SHA-256 before parsing,
 * applies the locked preprocessing, and checks the expected statistics and content hash: nothing runs on
 * data that does not match its lock.
 */
public final class DatasetRepository {
  private final Path home;
  private final DatasetsLock lock;
  private final List<Path> roots;
  private final EncoderCatalog encoders;

  /** Whether {@link #load(String, FeaturePolicy)} attaches the dataset's locked features. */
  public enum FeaturePolicy {
    /** Attach and verify every locked feature; fail when one has not been computed. */
    REQUIRE,
    /** Load without the locked features (used to compute them, and to verify the rest of a dataset). */
    SKIP
  }

  public DatasetRepository(Path home, DatasetsLock lock, List<Path> roots) {
    this(home, lock, roots, EncoderCatalog.NONE);
  }

  public DatasetRepository(Path home, DatasetsLock lock, List<Path> roots, EncoderCatalog encoders) {
    this.home = home;
    this.lock = lock;
    this.roots = List.copyOf(roots);
    this.encoders = encoders;
  }

  /** This repository, comparing locked feature encoders with {@code encoders} at load time. */
  public DatasetRepository withEncoders(EncoderCatalog catalog) {
    return new DatasetRepository(home, lock, roots, catalog);
  }

  /** The repository of a checkout: its {@code datasets.lock} and the standard data roots. */
  public static DatasetRepository open(Path home) {
    List<Path> roots = new ArrayList<>();
    String env = System.getenv("RECSUITE_DATA");
    if (env != null && !env.isBlank()) {
      roots.add(Path.of(env));
    }
    roots.add(home.resolve("data"));
    roots.add(home.resolve("..").resolve("shared").resolve("datasets").normalize());
    return new DatasetRepository(home, DatasetsLock.read(home.resolve(DatasetsLock.FILE_NAME)), roots);
  }

  /**
   * The project home: system property {@code recsuite.home}, else {@code $RECSUITE_HOME}, else the nearest
   * folder upwards from the working directory that holds a {@code datasets.lock}.
   */
  public static Path discoverHome() {
    String prop = System.getProperty("recsuite.home");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    String env = System.getenv("RECSUITE_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(DatasetsLock.FILE_NAME))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find " + DatasetsLock.FILE_NAME + " in the working directory or above;"
        + " run from a recsuite checkout or set RECSUITE_HOME");
  }

  public Path home() {
    return home;
  }

  public DatasetsLock lock() {
    return lock;
  }

  public List<Path> roots() {
    return roots;
  }

  /** The folder holding the dataset's files, if any root has it; generated datasets have none. */
  public Optional<Path> locate(String name) {
    LockEntry e = lock.entry(name);
    if (e.dir() == null) {
      return Optional.empty();
    }
    return roots.stream().map(r -> r.resolve(e.dir())).filter(Files::isDirectory).findFirst();
  }

  public boolean isGenerated(String name) {
    return "synthetic".equals(lock.entry(name).format());
  }

  public boolean isAvailable(String name) {
    return isGenerated(name) || locate(name).isPresent();
  }

  private Path requireDir(String name) {
    return locate(name).orElseThrow(() -> new UnavailableException("dataset '" + name + "' (folder '"
        + lock.entry(name).dir() + "') is not under any data root " + roots
        + "; run: recsuite datasets import " + name + " --from DIR"));
  }

  /** Checks every locked file and folder in {@code dir}; returns the problems found (empty when all match). */
  public List<String> checkFiles(String name, Path dir) {
    LockEntry e = lock.entry(name);
    List<String> problems = new ArrayList<>();
    for (LockEntry.LockedFile f : e.files()) {
      Path p = dir.resolve(f.path());
      if (!Files.isRegularFile(p)) {
        problems.add("file " + f.path() + ": missing from " + dir);
        continue;
      }
      long size;
      try {
        size = Files.size(p);
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot stat " + p, ex);
      }
      if (size != f.size()) {
        problems.add("file " + p + ": size " + size + " bytes, datasets.lock says " + f.size());
        continue;
      }
      String sha = FileDigest.sha256(p);
      if (!sha.equalsIgnoreCase(f.sha256())) {
        problems.add("file " + p + ": SHA-256 " + sha + ", datasets.lock says " + f.sha256());
      }
    }
    for (LockEntry.LockedDirectory d : e.directories()) {
      Path p = dir.resolve(d.path());
      if (!Files.isDirectory(p)) {
        problems.add("folder " + d.path() + ": missing from " + dir);
        continue;
      }
      FileDigest.DirectoryDigest got = FileDigest.digestDirectory(dir, p);
      if (got.files() != d.files() || got.bytes() != d.bytes() || !got.sha256().equalsIgnoreCase(d.sha256())) {
        problems.add("folder " + p + ": " + got.files() + " files, " + got.bytes() + " bytes, SHA-256 " + got.sha256()
            + "; datasets.lock says " + d.files() + " files, " + d.bytes() + " bytes, SHA-256 " + d.sha256());
      }
    }
    return problems;
  }

  /**
   * Loads with every locked feature attached, verifying files first, statistics and content hash after
   * preprocessing, then each feature file against its lock record.
   */
  public Dataset load(String name) {
    return load(name, FeaturePolicy.REQUIRE);
  }

  /** Loads as {@link #load(String)}; with {@link FeaturePolicy#SKIP} the locked features are left out. */
  public Dataset load(String name, FeaturePolicy policy) {
    LockEntry e = lock.entry(name);
    Dataset d;
    Path dir = null;
    if (isGenerated(name)) {
      d = generate(name, e);
    } else {
      dir = requireDir(name);
      List<String> problems = checkFiles(name, dir);
      if (!problems.isEmpty()) {
        throw new LockMismatchException(name, problems);
      }
      if (e.base() != null) {
        if (e.base().equals(name)) {
          throw new IllegalStateException("datasets.lock: " + name + ": base names the dataset itself");
        }
        d = extend(load(e.base()).withName(name), e, dir);
      } else {
        d = preprocess(read(name, e, dir), e.preprocessing());
      }
    }
    List<String> problems = checkStatistics(e, d);
    if (!problems.isEmpty()) {
      throw new LockMismatchException(name, problems);
    }
    if (policy == FeaturePolicy.REQUIRE && !e.features().isEmpty()) {
      d = attachFeatures(name, e, d, dir);
    }
    return d;
  }

  /** Where computed features are written: {@code HOME/data/features/NAME} (gitignored, like imports). */
  public Path featureDir(String name) {
    lock.entry(name);
    return home.resolve("data").resolve("features").resolve(name);
  }

  /** The folders searched for a dataset's computed features: {@code features/NAME} under each data root. */
  public List<Path> featureDirs(String name) {
    lock.entry(name);
    return roots.stream().map(r -> r.resolve("features").resolve(name)).toList();
  }

  /** The computed file of a locked feature, if some data root has it. */
  public Optional<Path> locateFeature(String name, String modality) {
    LockedFeature f = lock.entry(name).features().get(modality);
    if (f == null) {
      throw new IllegalArgumentException("dataset '" + name + "' has no feature '" + modality + "' in datasets.lock;"
          + " it has " + lock.entry(name).features().keySet());
    }
    return featureDirs(name).stream().map(p -> p.resolve(f.file())).filter(Files::isRegularFile).findFirst();
  }

  /**
   * Reads each locked feature file, checks its size, SHA-256, shape, input hash and encoder, and attaches it
   * with rows re-ordered from the file's row order to internal item ids.
   */
  private Dataset attachFeatures(String name, LockEntry e, Dataset d, Path dir) {
    List<String> absent = new ArrayList<>();
    Map<String, Path> files = new LinkedHashMap<>();
    e.features().forEach((modality, f) -> locateFeature(name, modality).ifPresentOrElse(p -> files.put(modality, p),
        () -> absent.add(modality)));
    if (!absent.isEmpty()) {
      throw new FeaturesNotComputedException(name, absent, featureDirs(name));
    }
    int[] itemOfRow = ExternalIdOrder.itemOfRow(d);
    List<String> problems = new ArrayList<>();
    Map<String, FeatureMatrix> attached = new LinkedHashMap<>();
    for (var entry : files.entrySet()) {
      String modality = entry.getKey();
      LockedFeature f = e.features().get(modality);
      List<String> found = FeatureCheck.problems(modality, f, entry.getValue(), d, itemOfRow, dir, encoders);
      if (!found.isEmpty()) {
        problems.addAll(found);
        continue;
      }
      attached.put(modality, ExternalIdOrder.toInternalOrder(Npy.read(entry.getValue()), itemOfRow));
    }
    if (!problems.isEmpty()) {
      throw new LockMismatchException(name, problems);
    }
    return d.withFeatures(attached);
  }

  /** Expected counts and, where locked, the content hash of the loaded dataset. */
  public static List<String> checkStatistics(LockEntry e, Dataset d) {
    List<String> problems = new ArrayList<>();
    LockEntry.Expected x = e.expected();
    if (x.users() != d.nUsers()) {
      problems.add("users: loaded " + d.nUsers() + ", datasets.lock expects " + x.users());
    }
    if (x.items() != d.nItems()) {
      problems.add("items: loaded " + d.nItems() + ", datasets.lock expects " + x.items());
    }
    if (x.interactions() != d.nInteractions()) {
      problems.add("interactions: loaded " + d.nInteractions() + ", datasets.lock expects " + x.interactions());
    }
    if (problems.isEmpty() && e.contentSha256() != null) {
      String sha = d.contentSha256();
      if (!sha.equalsIgnoreCase(e.contentSha256())) {
        problems.add("content SHA-256 of the loaded dataset: " + sha + ", datasets.lock says " + e.contentSha256()
            + " (the generator, the loader or the preprocessing changed)");
      }
    }
    return problems;
  }

  static Dataset read(String name, LockEntry e, Path dir) {
    LockEntry.Layout l = e.layout();
    Path inter = l.interactions() == null ? null : dir.resolve(l.interactions());
    if (inter == null) {
      throw new IllegalStateException("datasets.lock: " + name + ": layout.interactions is required for format " + e.format());
    }
    return switch (e.format()) {
      case "mmrec" -> {
        Map<String, Path> feats = new LinkedHashMap<>();
        l.features().forEach((m, f) -> feats.put(m, dir.resolve(f)));
        yield MmrecInterReader.read(name, inter, feats);
      }
      case "recbole" -> RecBoleAtomicReader.read(name, inter, l.items() == null ? null : dir.resolve(l.items()));
      case "seq-s3rec" -> SequenceFileReader.readS3Rec(name, inter);
      case "seq-sasrec" -> SequenceFileReader.readSasRec(name, inter);
      case "movielens-udata" -> MovieLensReader.readUData(name, inter);
      case "movielens-csv" -> MovieLensReader.readRatingsCsv(name, inter);
      case "csv" -> {
        LockEntry.CsvColumns c = l.csv();
        if (c == null) {
          throw new IllegalStateException("datasets.lock: " + name + ": format csv needs layout.csv (user, item columns)");
        }
        char delim = c.delimiter() == null || c.delimiter().isEmpty() ? ',' : c.delimiter().charAt(0);
        yield new CsvInteractionReader(delim, c.user(), c.item(), c.rating(), c.timestamp()).read(name, inter);
      }
      default -> throw new IllegalStateException("datasets.lock: " + name + ": unknown format '" + e.format()
          + "' (known: mmrec, recbole, seq-s3rec, seq-sasrec, movielens-udata, movielens-csv, csv, synthetic)");
    };
  }

  /** Adds a derived dataset's own files (item text) to its loaded base. */
  static Dataset extend(Dataset base, LockEntry e, Path dir) {
    if (e.layout().itemText() != null) {
      base = base.withItemText(ItemTextFile.read(dir.resolve(e.layout().itemText()), base));
    }
    return base;
  }

  static Dataset generate(String name, LockEntry e) {
    if (e.source() == null || e.source().params() == null) {
      throw new IllegalStateException("datasets.lock: " + name + ": a synthetic dataset needs source.params");
    }
    ObjectMapper m = DatasetsLock.yaml();
    SyntheticGenerator.Config cfg;
    try {
      cfg = m.convertValue(e.source().params(), SyntheticGenerator.Config.class);
    } catch (IllegalArgumentException ex) {
      throw new IllegalStateException("datasets.lock: " + name + ": source.params: " + ex.getMessage(), ex);
    }
    return preprocess(SyntheticGenerator.generate(name, cfg), e.preprocessing());
  }

  static Dataset preprocess(Dataset d, LockEntry.Preprocessing p) {
    if (p.minRating() != null) {
      if (!d.hasRatings()) {
        throw new IllegalStateException(d.name() + ": preprocessing.min_rating needs a rating column");
      }
      boolean[] keep = new boolean[d.nInteractions()];
      for (int r = 0; r < keep.length; r++) {
        keep[r] = d.rating(r) >= p.minRating();
      }
      d = d.select(keep);
    }
    if (p.kcore() != null) {
      d = new KCoreFilter(p.kcore().user(), p.kcore().item()).apply(d);
    }
    return d;
  }

  /**
   * Verifies a local copy against the lock and copies its locked files into {@code HOME/data/DIR}. The copy
   * goes to a temporary folder first and is renamed into place, so an interrupted import leaves nothing.
   */
  public Path importFrom(String name, Path from) {
    LockEntry e = lock.entry(name);
    if (e.dir() == null) {
      throw new IllegalArgumentException("dataset '" + name + "' is generated; there is nothing to import");
    }
    List<String> problems = checkFiles(name, from);
    if (!problems.isEmpty()) {
      throw new LockMismatchException(name, problems);
    }
    Path target = home.resolve("data").resolve(e.dir());
    if (Files.isDirectory(target) && checkFiles(name, target).isEmpty()) {
      return target; // already imported and intact
    }
    Path tmp = home.resolve("data").resolve(".importing-" + e.dir());
    try {
      deleteTree(tmp);
      Files.createDirectories(tmp);
      for (LockEntry.LockedFile f : e.files()) {
        Path dst = tmp.resolve(f.path());
        Files.createDirectories(dst.getParent());
        Files.copy(from.resolve(f.path()), dst, StandardCopyOption.COPY_ATTRIBUTES);
      }
      for (LockEntry.LockedDirectory d : e.directories()) {
        Path src = from.resolve(d.path());
        try (Stream<Path> s = Files.walk(src)) {
          for (Path p : (Iterable<Path>) s::iterator) {
            Path dst = tmp.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
              Files.createDirectories(dst);
            } else {
              Files.copy(p, dst, StandardCopyOption.COPY_ATTRIBUTES);
            }
          }
        }
      }
      problems = checkFiles(name, tmp);
      if (!problems.isEmpty()) {
        throw new LockMismatchException(name, problems);
      }
      deleteTree(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot import " + name + " into " + target + ": " + ex.getMessage(), ex);
    }
    return target;
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
