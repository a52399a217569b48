package dev.recsuite.suite.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recsuite.baselines.bpr.BPR;
import dev.recsuite.protocols.split.TemporalRatioSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** suite defaults < dataset < model defaults < experiment file < --set, key by key, each with its origin. */
class LayeringTest {
  @TempDir
  Path home;

  private ConfigResolver.Resolved resolve(String dataset, String experiment, String... sets) throws IOException {
    Path file = DatasetLayer.file(home, "synthetic-mm");
    Files.createDirectories(file.getParent());
    Files.writeString(file, dataset);
    Experiment e = new ExperimentLoader(List.of("synthetic-mm")).parse(experiment, "experiments/x.yaml", "x", List.of(sets));
    return ConfigResolver.resolve(e, DatasetLayer.read(home, "synthetic-mm"));
  }

  @Test
  void eachLayerOverridesTheOnesBelowIt() throws IOException {
    var r = resolve("""
        training:
          epochs: 50
          stopping_step: 5
          metric_decimals: 3
        protocols:
          temporal-ratio: {train_ratio: 0.7, valid_ratio: 0.1, test_ratio: 0.2}
        """, """
        datasets: [synthetic-mm]
        protocols:
          temporal-ratio: {train_ratio: 0.8, test_ratio: 0.1}
        models:
          BPR: {embedding_size: 32}
        training:
          epochs: 30
          stopping_step: 9
        """, "training.epochs=7");
    assertEquals(7, r.training().epochs());
    assertEquals("cli: --set training.epochs=7", r.origins().get("training.epochs"));
    assertEquals(9, r.training().stoppingStep());
    assertEquals("experiment: experiments/x.yaml:8", r.origins().get("training.stopping_step"));
    assertEquals(3, r.training().metricDecimals());
    assertEquals("dataset: configs/datasets/synthetic-mm.yaml:4", r.origins().get("training.metric_decimals"));
    assertEquals("Recall@20", r.training().validMetric());
    assertEquals("suite: Trainer.Config.defaults()", r.origins().get("training.valid_metric"));
    assertEquals("suite: EvalSettings.defaults()", r.evals().get(0).origins().get("evaluation.ties"));

    var p = r.protocols().get("temporal-ratio");
    assertEquals(new TemporalRatioSplit(0.8, 0.1, 0.1), p.protocol());
    assertEquals("experiment: experiments/x.yaml:3", p.origins().get("protocol.train_ratio"));
    assertEquals("dataset: configs/datasets/synthetic-mm.yaml:6", p.origins().get("protocol.valid_ratio"));

    var bpr = r.models().get("BPR").get(0);
    assertEquals(32, ((BPR.Config) bpr.config()).embeddingSize());
    assertEquals("experiment: experiments/x.yaml:5", bpr.origins().get("model.embedding_size"));
    assertEquals("model: BPR.Config.defaults()", bpr.origins().get("model.reg_weight"));
  }

  @Test
  void aDatasetFileCannotSetModelKeysBecauseModelDefaultsSitAboveIt() throws IOException {
    ConfigException e = assertThrows(ConfigException.class, () -> resolve("models:\n  BPR: {reg_weight: 0.1}\n",
        "datasets: [synthetic-mm]\nprotocols: [leave-one-out]\nmodels: [BPR]\n"));
    assertEquals("configs/datasets/synthetic-mm.yaml:1: a dataset file cannot set model hyper-parameters: the model's defaults "
        + "override the dataset layer (suite < dataset < model < experiment < --set); set them in the experiment file",
        e.getMessage());
  }

  @Test
  void typosInTheDatasetLayerAreCaughtToo() throws IOException {
    ConfigException e = assertThrows(ConfigException.class, () -> resolve("training:\n  stoping_step: 3\n",
        "datasets: [synthetic-mm]\nprotocols: [leave-one-out]\nmodels: [BPR]\n"));
    assertEquals("configs/datasets/synthetic-mm.yaml:2: unknown key 'training.stoping_step'; did you mean 'stopping_step'?",
        e.getMessage());
  }

  @Test
  void noDatasetFileMeansNoDatasetLayer() {
    assertEquals(Optional.empty(), DatasetLayer.read(home, "ml-100k"));
  }
}
