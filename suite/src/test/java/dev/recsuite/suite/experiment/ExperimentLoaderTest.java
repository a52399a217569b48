package dev.recsuite.suite.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExperimentLoaderTest {
  private final ExperimentLoader loader = new ExperimentLoader(List.of("synthetic-mm", "ml-100k"));

  private Experiment parse(String text, String... sets) {
    return loader.parse(text, "experiments/x.yaml", "x", List.of(sets));
  }

  private static final String MINIMAL = """
      datasets: [synthetic-mm]
      protocols: [leave-one-out]
      models: [MostPop, BPR]
      """;

  @Test
  void shortFormsAreNormalisedAndSeedsDefaultToFive() {
    Experiment e = loader.parse("datasets: synthetic-mm\nprotocols: [leave-one-out]\nmodels: [mostpop, BPR]\n",
        "experiments/x.yaml", "x", List.of());
    assertEquals(List.of("synthetic-mm"), e.datasets());
    assertEquals(List.of("MostPop", "BPR"), List.copyOf(e.models().entries().keySet()));
    assertEquals(List.of(999L, 1000L, 1001L, 1002L, 1003L), e.seeds());
    assertEquals(Selection.VALIDATION, e.selection());
    assertEquals("x", e.name());
    assertEquals(64, e.sha256().length());
  }

  @Test
  void seedsAsCountOrList() {
    assertEquals(List.of(999L, 1000L, 1001L), parse(MINIMAL + "seeds: 3\n").seeds());
    assertEquals(List.of(2020L, 7L), parse(MINIMAL + "seeds: [2020, 7]\n").seeds());
    assertEquals("experiments/x.yaml:4: seeds: 7 is listed twice",
        assertThrows(ConfigException.class, () -> parse(MINIMAL + "seeds: [7, 7]\n")).getMessage());
    assertEquals("experiments/x.yaml:4: seeds: expected an integer, found 'a'",
        assertThrows(ConfigException.class, () -> parse(MINIMAL + "seeds: [a]\n")).getMessage());
  }

  @Test
  void typoAtTheTopLevelNamesLineAndNearestKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse("datasets: [synthetic-mm]\nprotocols: [leave-one-out]\n"
        + "modles: [BPR]\n"));
    assertEquals("experiments/x.yaml:3: unknown key 'modles'; did you mean 'models'?", e.getMessage());
  }

  @Test
  void typoInAHyperParameterNamesFileLineKeyAndSuggestion() {
    Experiment e = parse("""
        datasets: [synthetic-mm]
        protocols: [leave-one-out]
        models:
          BPR:
            embedding_size: 32
            reg_weigth: [0.1, 0.01]
        """);
    ConfigException ex = assertThrows(ConfigException.class, () -> ConfigResolver.resolve(e, Optional.empty()));
    assertEquals("experiments/x.yaml:6: unknown key 'models.BPR.reg_weigth'; did you mean 'reg_weight'?", ex.getMessage());
  }

  @Test
  void unknownNamesSuggestRegisteredOnes() {
    assertTrue(assertThrows(ConfigException.class, () -> parse("datasets: [synthetic-mm]\nprotocols: [leave-one-out]\nmodels: [BRP]\n"))
        .getMessage().startsWith("experiments/x.yaml:3: unknown model 'BRP'; did you mean 'BPR'?"));
    assertTrue(assertThrows(ConfigException.class, () -> parse("datasets: [synthetic-mn]\nprotocols: [leave-one-out]\nmodels: [BPR]\n"))
        .getMessage().startsWith("experiments/x.yaml:1: unknown dataset 'synthetic-mn'; did you mean 'synthetic-mm'?"));
    assertTrue(assertThrows(ConfigException.class, () -> parse("datasets: [synthetic-mm]\nprotocols: [leave-one-ot]\nmodels: [BPR]\n"))
        .getMessage().startsWith("experiments/x.yaml:2: unknown protocol 'leave-one-ot'; did you mean 'leave-one-out'?"));
    assertEquals("experiments/x.yaml:4: selection: expected one of validation, test-as-mmrec, found 'test-as-mmrc'; "
        + "did you mean 'test-as-mmrec'?", assertThrows(ConfigException.class, () -> parse(MINIMAL + "selection: test-as-mmrc\n"))
        .getMessage());
  }

  @Test
  void missingSectionsAndBadShapesAreExplained() {
    assertEquals("experiments/x.yaml:1: no models: the experiment needs a 'models:' list (e.g. models: [MostPop, BPR])",
        assertThrows(ConfigException.class, () -> parse("datasets: [synthetic-mm]\nprotocols: [leave-one-out]\n")).getMessage());
    assertEquals("experiments/x.yaml:4: training: expected a mapping of settings, found 5",
        assertThrows(ConfigException.class, () -> parse(MINIMAL + "training: 5\n")).getMessage());
    assertEquals("experiments/x.yaml:2: duplicate key 'models' (first at line 1)",
        assertThrows(ConfigException.class, () -> parse("models: [BPR]\nmodels: [MostPop]\n")).getMessage());
    assertTrue(assertThrows(ConfigException.class, () -> parse("models: [BPR\n")).getMessage()
        .startsWith("experiments/x.yaml:"));
  }

  @Test
  void setOverridesAnyKeyAndRecordsItsOrigin() {
    Experiment e = parse(MINIMAL + "training:\n  epochs: 30\n", "training.epochs=7", "models.bpr.reg_weight=[0.1,0.01]",
        "seeds=2", "selection=test-as-mmrec");
    var r = ConfigResolver.resolve(e, Optional.empty());
    assertEquals(7, r.training().epochs());
    assertEquals("cli: --set training.epochs=7", r.origins().get("training.epochs"));
    assertEquals(2, r.models().get("BPR").size());
    assertEquals("cli: --set models.bpr.reg_weight=[0.1,0.01]", r.models().get("BPR").get(1).origins().get("model.reg_weight"));
    assertEquals(List.of(999L, 1000L), e.seeds());
    assertEquals(Selection.TEST_AS_MMREC, e.selection());
    assertEquals(List.of("training.epochs=7", "models.bpr.reg_weight=[0.1,0.01]", "seeds=2", "selection=test-as-mmrec"),
        e.overrides());
  }

  @Test
  void setErrorsNameTheArgument() {
    assertEquals("--set models.LightGCN.n_layers=2: 'LightGCN' is not among the experiment's models (MostPop, BPR); add it "
        + "with --set models=[...] or in the file",
        assertThrows(ConfigException.class, () -> parse(MINIMAL, "models.LightGCN.n_layers=2")).getMessage());
    assertEquals("--set trainig.epochs=2: unknown key 'trainig'; did you mean 'training'?",
        assertThrows(ConfigException.class, () -> parse(MINIMAL, "trainig.epochs=2")).getMessage());
    assertEquals("--set epochs: expected KEY=VALUE, e.g. --set training.epochs=5",
        assertThrows(ConfigException.class, () -> parse(MINIMAL, "epochs")).getMessage());
    Experiment e = parse(MINIMAL, "training.epohcs=3");
    assertEquals("--set training.epohcs=3: unknown key 'training.epohcs'; did you mean 'epochs'?",
        assertThrows(ConfigException.class, () -> ConfigResolver.resolve(e, Optional.empty())).getMessage());
  }

  @Test
  void setReplacesAListAndTheLaterSetWins() {
    Experiment e = parse(MINIMAL, "models=[BPR]", "models.BPR.embedding_size=8", "models.BPR.embedding_size=16");
    assertEquals(List.of("BPR"), List.copyOf(e.models().entries().keySet()));
    assertEquals(16, ((dev.recsuite.baselines.bpr.BPR.Config) ConfigResolver.resolve(e, Optional.empty()).models().get("BPR")
        .get(0).config()).embeddingSize());
  }

  @Test
  void validMetricMustBeComputed() {
    Experiment e = parse(MINIMAL + "training:\n  valid_metric: Recal@20\n");
    assertEquals("experiments/x.yaml:5: training.valid_metric 'Recal@20' is not computed; did you mean 'Recall@20'? (with "
        + "evaluation.ks [5, 10, 20, 50]: Recall@5, NDCG@5, HR@5, Precision@5, MAP@5, MRR@5, Recall@10, NDCG@10, HR@10, "
        + "Precision@10, MAP@10, MRR@10, Recall@20, NDCG@20, HR@20, Precision@20, MAP@20, MRR@20, Recall@50, NDCG@50, HR@50, "
        + "Precision@50, MAP@50, MRR@50, MRR)", assertThrows(ConfigException.class, () -> ConfigResolver.resolve(e, Optional.empty()))
        .getMessage());
  }

  @Test
  void theBuiltInDefaultIsMostPopAndBprOnSyntheticUnderTwoProtocolsWithOneSeed() {
    Experiment e = loader.builtIn(List.of());
    assertEquals(ExperimentLoader.BUILT_IN, e.source());
    assertEquals(List.of("synthetic-mm"), e.datasets());
    assertEquals(List.of("leave-one-out", "temporal-ratio"), List.copyOf(e.protocols().entries().keySet()));
    assertEquals(List.of("MostPop", "BPR"), List.copyOf(e.models().entries().keySet()));
    assertEquals(List.of(999L), e.seeds());
  }

  @Test
  void evaluationsOverrideTheEvaluationSectionEachWithItsOrigin() {
    Experiment e = parse(MINIMAL + "evaluation: {negatives: 50, ks: [10]}\ntraining: {valid_metric: NDCG@10}\n"
        + "evaluations:\n  full: {}\n  uni-50: {mode: sampled}\n", "evaluations.uni-50.sampling=popularity");
    var evals = ConfigResolver.resolve(e, Optional.empty()).evals();
    assertEquals(List.of("full", "uni-50"), evals.stream().map(ConfigResolver.EvalChoice::name).toList());
    assertEquals("full", evals.get(0).settings().mode());
    assertEquals("sampled", evals.get(1).settings().mode());
    assertEquals(50, evals.get(1).settings().negatives()); // inherited from the evaluation section
    assertEquals("experiments/x.yaml:4", evals.get(1).origins().get("evaluation.negatives").replace("experiment: ", ""));
    assertEquals("experiments/x.yaml:8", evals.get(1).origins().get("evaluation.mode").replace("experiment: ", ""));
    assertEquals("cli: --set evaluations.uni-50.sampling=popularity", evals.get(1).origins().get("evaluation.sampling"));
    assertEquals("suite: EvalSettings.defaults()", evals.get(0).origins().get("evaluation.sampling"));

    Experiment typo = parse(MINIMAL + "evaluations:\n  uni-100: {mdoe: sampled}\n");
    assertEquals("experiments/x.yaml:5: unknown key 'evaluations.uni-100.mdoe'; did you mean 'mode'?",
        assertThrows(ConfigException.class, () -> ConfigResolver.resolve(typo, Optional.empty())).getMessage());
    assertEquals("experiments/x.yaml:5: evaluations: name 'uni 100' may use only letters, digits, '-', '_' and '.'",
        assertThrows(ConfigException.class, () -> parse(MINIMAL + "evaluations:\n  uni 100: {}\n")).getMessage());
  }
}
