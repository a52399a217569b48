package dev.recsuite.protocols.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recsuite.protocols.data.Dataset;
import dev.recsuite.protocols.testing.TestData;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The audit must catch leaks that a broken protocol would introduce, and pass the real protocols. */
class LeakAuditTest {
  /** A protocol that assigns parts by a function of the dataset, with a chosen time rule. */
  record Scripted(SplitProtocol.TimeRule timeRule, Function<Dataset, byte[]> parts) implements SplitProtocol {
    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public Map<String, String> params() {
      return Map.of();
    }

    @Override
    public byte[] assign(Dataset d) {
      return parts.apply(d);
    }
  }

  @Test
  void catchesATestRowBeforeATrainRowInTime() {
    Dataset d = TestData.timestamped("t", "u a 1", "u b 2", "u c 3");
    // reversed leave-one-out: the earliest row is test
    var p = new Scripted(SplitProtocol.TimeRule.PER_USER, x -> new byte[] {Part.TEST, Part.VALID, Part.TRAIN});
    var e = assertThrows(LeakException.class, () -> p.apply(d));
    assertTrue(e.getMessage().contains("user u") && e.getMessage().contains("comes after"), e.getMessage());
  }

  /**
   * Without repeated pairs in the data, a row-level split cannot put one pair in two parts, and the audit
   * records that check. With repeat consumption a test pair may legitimately be in train: counted, not refused.
   */
  @Test
  void countsRepeatConsumptionInsteadOfRefusingIt() {
    Dataset plain = TestData.timestamped("t", "u a 1", "u b 2");
    var p = new Scripted(SplitProtocol.TimeRule.NONE, x -> x.nInteractions() == 2
        ? new byte[] {Part.TRAIN, Part.TEST} : new byte[] {Part.TRAIN, Part.TRAIN, Part.TEST});
    Split s = p.apply(plain);
    assertEquals(0, s.audit().sharedPairs());
    assertTrue(s.audit().checks().contains("no valid/test (user, item) pair in train"));
    Dataset repeats = TestData.timestamped("t", "u a 1", "u b 2", "u b 3");
    Split r = p.apply(repeats);
    assertEquals(1, r.audit().repeatPairsInDataset());
    assertEquals(1, r.audit().sharedPairs());
    assertTrue(r.audit().checks().isEmpty());
  }

  @Test
  void catchesTrainingRowsAfterTheGlobalCut() {
    Dataset d = TestData.timestamped("t", "u a 1", "u b 5", "v c 3", "v d 4");
    // train gets t=5 while test gets t=3 and t=4: the future leaks into training
    var p = new Scripted(SplitProtocol.TimeRule.GLOBAL, x -> new byte[] {Part.TRAIN, Part.TRAIN, Part.TEST, Part.TEST});
    var e = assertThrows(LeakException.class, () -> p.apply(d));
    assertTrue(e.getMessage().contains("not before the first test one"), e.getMessage());
  }

  @Test
  void countsColdStartUsers() {
    Dataset d = TestData.timestamped("t", "u a 1", "u b 2", "v c 3", "w d 4");
    var p = new Scripted(SplitProtocol.TimeRule.NONE, x -> new byte[] {Part.TRAIN, Part.TEST, Part.TEST, Part.VALID});
    LeakAudit.Report r = p.apply(d).audit();
    assertEquals(1, r.coldStartTestUsers()); // v
    assertEquals(1, r.coldStartValidUsers()); // w
  }

  @Test
  void realProtocolsPassOnTheSyntheticDefaultData() {
    Dataset d = dev.recsuite.protocols.lock.DatasetRepository.open(TestData.home()).load("synthetic-mm");
    for (SplitProtocol p : new SplitProtocol[] {LeaveOneOutSplit.defaults(), TemporalRatioSplit.defaults(),
        GlobalTemporalSplit.defaults(), new RandomRatioSplit(1)}) {
      Split s = p.apply(d);
      assertEquals(0, s.audit().sharedPairs(), p.name());
      assertEquals(d.nInteractions(), s.train().length + s.valid().length + s.test().length + s.audit().droppedRows(), p.name());
    }
  }
}
