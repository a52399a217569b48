package dev.recsuite.suite.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recsuite.baselines.bpr.BPR;
import dev.recsuite.protocols.eval.MaskPolicy;
import dev.recsuite.protocols.eval.TiePolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordBinderTest {
  /** Every supported component type, with a validating compact constructor. */
  public record Sample(int count, long bigSeed, double rate, float scale, boolean flag, String label, TiePolicy ties,
      MaskPolicy mask, int[] ks, List<String> tags, Integer optional) {
    public Sample {
      if (count < 0) {
        throw new IllegalArgumentException("Sample.Config count = " + count + ": must be >= 0");
      }
    }

    static Sample defaults() {
      return new Sample(3, 7L, 0.5, 1.5f, false, "x", TiePolicy.PESSIMISTIC, MaskPolicy.TRAIN, new int[] {10}, List.of("a"), null);
    }
  }

  private static final Location DEFAULTS = Location.of(Location.Layer.MODEL, "Sample.defaults()");

  private static ConfigNode.Mapping yaml(String text) {
    return YamlTree.parseDocument(text, "experiments/x.yaml", Location.Layer.EXPERIMENT);
  }

  private static RecordBinder.Bound<Sample> bind(String text) {
    return RecordBinder.bind(Sample.class, Sample.defaults(), DEFAULTS, List.of(yaml(text)), "models.Sample");
  }

  @Test
  void snakeCaseKeyIsTheComponentNameWithUnderscoresBeforeCapitals() {
    assertEquals("embedding_size", RecordBinder.key("embeddingSize"));
    assertEquals("n_layers", RecordBinder.key("nLayers"));
    assertEquals("epochs", RecordBinder.key("epochs"));
    assertEquals(List.of("embedding_size", "reg_weight", "learning_rate", "train_batch_size"), RecordBinder.keys(BPR.Config.class));
  }

  @Test
  void bindsEveryTypeAndFillsTheRestFromDefaults() {
    Sample s = bind("""
        count: 12
        big_seed: 12345678901
        rate: 1e-4
        scale: 2
        flag: true
        ties: Random
        mask: train-and-valid
        ks: [5, 20]
        tags: [p, q]
        optional: 4
        """).value();
    assertEquals(12, s.count());
    assertEquals(12345678901L, s.bigSeed());
    assertEquals(1e-4, s.rate());
    assertEquals(2f, s.scale());
    assertEquals(true, s.flag());
    assertEquals("x", s.label()); // default
    assertEquals(TiePolicy.RANDOM, s.ties());
    assertEquals(MaskPolicy.TRAIN_AND_VALID, s.mask());
    assertArrayEquals(new int[] {5, 20}, s.ks());
    assertEquals(List.of("p", "q"), s.tags());
    assertEquals(4, s.optional());
  }

  @Test
  void recordsTheOriginOfEveryValue() {
    Map<String, String> origins = bind("\ncount: 12\n").origins();
    assertEquals("experiment: experiments/x.yaml:2", origins.get("count"));
    assertEquals("model: Sample.defaults()", origins.get("rate"));
    assertEquals(11, origins.size());
  }

  @Test
  void unknownKeyNamesFileLineFullKeyAndNearestValidKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> bind("count: 1\n\nrat: 0.1\n"));
    assertEquals("experiments/x.yaml:3: unknown key 'models.Sample.rat'; did you mean 'rate'?", e.getMessage());
    ConfigException far = assertThrows(ConfigException.class, () -> bind("zzzzzzzz: 1\n"));
    assertEquals("experiments/x.yaml:1: unknown key 'models.Sample.zzzzzzzz' (valid keys: count, big_seed, rate, scale, flag, "
        + "label, ties, mask, ks, tags, optional)", far.getMessage());
  }

  @Test
  void bprTypoGivesTheStyleGuideMessage() {
    ConfigException e = assertThrows(ConfigException.class, () -> RecordBinder.bind(BPR.Config.class, BPR.Config.defaults(),
        DEFAULTS, List.of(yaml("embedding_size: 32\nreg_weigth: 0.1\n")), "models.BPR"));
    assertEquals("experiments/x.yaml:2: unknown key 'models.BPR.reg_weigth'; did you mean 'reg_weight'?", e.getMessage());
  }

  @Test
  void wrongTypesNameKeyLineExpectedAndFound() {
    assertEquals("experiments/x.yaml:2: models.Sample.count: expected an integer, found 2.5",
        assertThrows(ConfigException.class, () -> bind("flag: true\ncount: 2.5\n")).getMessage());
    assertEquals("experiments/x.yaml:1: models.Sample.rate: expected a number, found 'abc'",
        assertThrows(ConfigException.class, () -> bind("rate: abc\n")).getMessage());
    assertEquals("experiments/x.yaml:1: models.Sample.flag: expected true or false, found 1",
        assertThrows(ConfigException.class, () -> bind("flag: 1\n")).getMessage());
    assertEquals("experiments/x.yaml:1: models.Sample.ks: expected a list, found 5",
        assertThrows(ConfigException.class, () -> bind("ks: 5\n")).getMessage());
    assertEquals("experiments/x.yaml:1: models.Sample.count: expected an integer, found null",
        assertThrows(ConfigException.class, () -> bind("count: ~\n")).getMessage());
    assertEquals("experiments/x.yaml:1: models.Sample.ties: expected one of pessimistic, optimistic, random, found "
        + "'pesimistic'; did you mean 'pessimistic'?", assertThrows(ConfigException.class, () -> bind("ties: pesimistic\n")).getMessage());
    assertEquals("experiments/x.yaml:1: models.Sample.count: expected an integer within the int range, found 99999999999",
        assertThrows(ConfigException.class, () -> bind("count: 99999999999\n")).getMessage());
  }

  @Test
  void aListForAScalarOutsideAGridIsATypeErrorThatMentionsGrids() {
    ConfigException e = assertThrows(ConfigException.class, () -> bind("count: [1, 2]\n"));
    assertEquals("experiments/x.yaml:1: models.Sample.count: expected an integer, found a list (a list makes a grid only for "
        + "a model hyper-parameter)", e.getMessage());
  }

  @Test
  void compactConstructorValidationRunsAndIsBlamedOnTheKeysLine() {
    ConfigException e = assertThrows(ConfigException.class, () -> bind("rate: 0.1\ncount: -4\n"));
    assertEquals("experiments/x.yaml:2: Sample.Config count = -4: must be >= 0", e.getMessage());
    ConfigException bpr = assertThrows(ConfigException.class, () -> RecordBinder.bind(BPR.Config.class, BPR.Config.defaults(),
        DEFAULTS, List.of(yaml("learning_rate: 0.01\nreg_weight: -1\n")), "models.BPR"));
    assertEquals("experiments/x.yaml:2: BPR.Config reg_weight = -1.0: must be >= 0", bpr.getMessage());
  }

  @Test
  void withoutDefaultsAMissingKeyIsAnError() {
    ConfigException e = assertThrows(ConfigException.class, () -> RecordBinder.bind(Sample.class, null, DEFAULTS,
        List.of(yaml("count: 1\n")), "s"));
    assertEquals("experiments/x.yaml:1: missing key 's.big_seed' (Sample has no default for it)", e.getMessage());
  }

  @Test
  void valuesRoundTripThroughTheBinder() {
    Sample s = bind("ties: optimistic\nks: [1, 2]\n").value();
    Map<String, Object> v = RecordBinder.values(s);
    assertEquals("optimistic", v.get("ties"));
    assertEquals("train", v.get("mask"));
    assertEquals(List.of(1, 2), v.get("ks"));
    StringBuilder y = new StringBuilder();
    v.forEach((k, x) -> y.append(k).append(": ").append(x == null ? "~" : x).append('\n'));
    Sample back = bind(y.toString()).value();
    assertEquals(RecordBinder.values(s), RecordBinder.values(back));
  }

  @Test
  void higherLayersWinKeyByKey() {
    ConfigNode.Mapping low = YamlTree.parseDocument("count: 1\nrate: 0.1\n", "low.yaml", Location.Layer.DATASET);
    ConfigNode.Mapping high = yaml("rate: 0.2\n");
    var b = RecordBinder.bind(Sample.class, Sample.defaults(), DEFAULTS, new ArrayList<>(Arrays.asList(low, null, high)), "s");
    assertEquals(1, b.value().count());
    assertEquals(0.2, b.value().rate());
    assertEquals("dataset: low.yaml:1", b.origins().get("count"));
    assertEquals("experiment: experiments/x.yaml:1", b.origins().get("rate"));
  }
}
