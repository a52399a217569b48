package dev.recsuite.suite.experiment;

import dev.recsuite.protocols.config.NearestName;
import dev.recsuite.suite.registry.ProtocolRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The dataset layer: an optional {@code configs/datasets/NAME.yaml} under the suite home (RecBole's
 * {@code properties/dataset/*.yaml}, MMRec's {@code configs/dataset/*.yaml}) with {@code training},
 * {@code evaluation} and {@code protocols.NAME} settings for that dataset. It sits above the suite defaults and
 * below the model defaults, the experiment file and the command line. It may not set model
 * hyper-parameters: the model's defaults, a higher layer, would always override them.
 */
public final class DatasetLayer {
  public static final List<String> KEYS = List.of("training", "evaluation", "protocols");

  private DatasetLayer() {}

  public static Path file(Path home, String dataset) {
    return home.resolve("configs").resolve("datasets").resolve(dataset + ".yaml");
  }

  public static Optional<ConfigNode.Mapping> read(Path home, String dataset) {
    Path file = file(home, dataset);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String source = "configs/datasets/" + dataset + ".yaml";
    ConfigNode.Mapping doc = YamlTree.readDocument(file, source, Location.Layer.DATASET);
    for (var e : doc.entries().entrySet()) {
      if (e.getKey().equals("models")) {
        throw new ConfigException(e.getValue().keyLocation(), "a dataset file cannot set model hyper-parameters: the "
            + "model's defaults override the dataset layer (suite < dataset < model < experiment < --set); set them in "
            + "the experiment file");
      }
      if (!KEYS.contains(e.getKey())) {
        throw new ConfigException(e.getValue().keyLocation(), "unknown key '" + e.getKey() + "'"
            + ExperimentLoader.hintOrList(e.getKey(), KEYS));
      }
      if (!(e.getValue().value() instanceof ConfigNode.Mapping m)) {
        throw new ConfigException(e.getValue().value().location(), e.getKey() + ": expected a mapping, found "
            + e.getValue().value().describe());
      }
      if (e.getKey().equals("protocols")) {
        for (var p : m.entries().entrySet()) {
          if (!ProtocolRegistry.names().contains(p.getKey())) {
            throw new ConfigException(p.getValue().keyLocation(), "unknown protocol '" + p.getKey() + "'"
                + NearestName.hint(p.getKey(), ProtocolRegistry.names()));
          }
          if (!(p.getValue().value() instanceof ConfigNode.Mapping)) {
            throw new ConfigException(p.getValue().value().location(), "protocols." + p.getKey()
                + ": expected a mapping of parameters, found " + p.getValue().value().describe());
          }
        }
      }
    }
    return Optional.of(doc);
  }
}
