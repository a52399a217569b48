package dev.recsuite.suite.features;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.data.ExternalIdOrder;
import dev.recsuite.protocols.lock.DatasetRepository;
import dev.recsuite.protocols.lock.DatasetsLock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code recsuite features text|image DATASET}: computes a dataset's item features, writes them to
 * {@code HOME/data/features/DATASET/} and pins them in {@code datasets.lock}.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
    description = "Compute item features (text: all-MiniLM-L6-v2; image: classical poster descriptor) and pin them in datasets.lock.",
    subcommands = {FeaturesCommand.Text.class, FeaturesCommand.Image.class})
public final class FeaturesCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every features command has. */
  abstract static class Base implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "A dataset in datasets.lock with item text or images.")
    String dataset;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: up to 4 cores).")
    int threads = Math.min(4, Runtime.getRuntime().availableProcessors());

    @Option(names = "--update-lock", description = "Replace a datasets.lock record that differs from this run.")
    boolean updateLock;

    /** Loads the dataset without its features, computes one, pins it, and reports. */
    int compute(String what, Function<Context, ComputedFeature> job) {
      Path home = DatasetRepository.discoverHome();
      DatasetRepository repo = DatasetRepository.open(home).withEncoders(FeatureEncoders.CATALOG);
      PrintWriter out = spec.commandLine().getOut();
      Dataset d = repo.load(dataset, DatasetRepository.FeaturePolicy.SKIP);
      Path dir = repo.locate(dataset).orElseThrow(() -> new IllegalStateException(dataset + " has no data folder"));
      int[] itemOfRow = ExternalIdOrder.itemOfRow(d);
      long t0 = System.nanoTime();
      ComputedFeature f = job.apply(new Context(d, itemOfRow, dir));
      double seconds = (System.nanoTime() - t0) / 1e9;
      FeaturePinning.Result r = FeaturePinning.pin(home.resolve(DatasetsLock.FILE_NAME), dataset, d, itemOfRow, dir,
          repo.featureDir(dataset), f, updateLock);
      out.printf(Locale.ROOT, "%s features of %s: %d x %d in %.1f s (%s, %d threads)%n", what, dataset, f.rows().rows(),
          f.rows().cols(), seconds, f.encoder().name(), threads);
      f.notes().forEach(n -> out.println("  " + n));
      out.println("  wrote " + r.file() + " (SHA-256 " + r.record().output().sha256() + ")");
      switch (r.outcome()) {
        case PINNED -> out.println("  datasets.lock: pinned features." + f.modality() + " of " + dataset);
        case REPRODUCED -> out.println("  datasets.lock: reproduced: identical to the pinned record");
        case UPDATED -> {
          out.println("  datasets.lock: updated features." + f.modality() + " of " + dataset + "; it differed in:");
          r.differences().forEach(x -> out.println("    - " + x));
        }
        case DIFFERS -> {
          out.println("  datasets.lock: NOT updated: this run differs from the pinned record in:");
          r.differences().forEach(x -> out.println("    - " + x));
          out.println("  the pinned file was left in place; rerun with --update-lock to replace the record");
          out.flush();
          return 1;
        }
        default -> throw new IllegalStateException(r.outcome().toString());
      }
      out.flush();
      return 0;
    }
  }

  /** What a feature job reads. */
  record Context(Dataset dataset, int[] itemOfRow, Path datasetDir) {}

  @Command(name = "text", mixinStandardHelpOptions = true,
      description = "Embed each item's text with all-MiniLM-L6-v2 (mean pooling, L2 norm) into text_feat.npy.")
  static final class Text extends Base {
    @Option(names = "--sentence", paramLabel = "RECIPE", defaultValue = "title_genres_description",
        description = "Fields joined into the sentence: title_genres_description (MMRec's title+brand+categories+"
            + "description without brand), title_genres, title. Default: ${DEFAULT-VALUE}.")
    String sentence;

    @Option(names = "--max-tokens", defaultValue = "256", description = "Truncation length incl. [CLS]/[SEP] (sentence-transformers: 256).")
    int maxTokens;

    @Option(names = "--batch-size", defaultValue = "32", description = "Texts per ONNX Runtime call. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Override
    public Integer call() {
      ItemSentence recipe = ItemSentence.parse(sentence);
      return compute("text", c -> {
        try (MiniLmEncoder enc = MiniLmEncoder.open(new MiniLmEncoder.Config(maxTokens, batchSize, threads))) {
          return TextFeatures.compute(c.dataset(), c.itemOfRow(), recipe, enc);
        }
      });
    }
  }

  @Command(name = "image", mixinStandardHelpOptions = true,
      description = "Describe each item's poster with a classical HSV-histogram + HOG + LBP descriptor (a weak "
          + "stand-in, not a CNN feature) into image_feat.npy.")
  static final class Image extends Base {
    @Option(names = "--folder", defaultValue = "posters/", description = "Image folder in the dataset, files named EXTERNAL_ID.jpg. Default: ${DEFAULT-VALUE}.")
    String folder;

    @Override
    public Integer call() {
      String f = folder.endsWith("/") ? folder : folder + "/";
      return compute("image", c -> ImageFeatures.compute(c.dataset(), c.itemOfRow(), c.datasetDir(), f, threads));
    }
  }
}
