package dev.recsuite.suite.registry;

import dev.recsuite.protocols.config.NearestName;
import dev.recsuite.protocols.split.GlobalTemporalSplit;
import dev.recsuite.protocols.split.LeaveOneOutSplit;
import dev.recsuite.protocols.split.RandomRatioSplit;
import dev.recsuite.protocols.split.ShippedSplit;
import dev.recsuite.protocols.split.SplitProtocol;
import dev.recsuite.protocols.split.TemporalRatioSplit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Split protocols by config name, each with its default parameters. */
public final class ProtocolRegistry {
  private static final Map<String, Supplier<SplitProtocol>> PROTOCOLS = new LinkedHashMap<>();

  static {
    PROTOCOLS.put(LeaveOneOutSplit.NAME, LeaveOneOutSplit::defaults);
    PROTOCOLS.put(TemporalRatioSplit.NAME, TemporalRatioSplit::defaults);
    PROTOCOLS.put(GlobalTemporalSplit.NAME, GlobalTemporalSplit::defaults);
    PROTOCOLS.put(ShippedSplit.NAME, ShippedSplit::new);
    PROTOCOLS.put(RandomRatioSplit.NAME, () -> new RandomRatioSplit(999));
  }

  private ProtocolRegistry() {}

  public static SplitProtocol get(String name) {
    Supplier<SplitProtocol> s = PROTOCOLS.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown protocol '" + name + "'" + NearestName.hint(name, PROTOCOLS.keySet())
          + " (known: " + String.join(", ", PROTOCOLS.keySet()) + ")");
    }
    return s.get();
  }

  public static java.util.Set<String> names() {
    return PROTOCOLS.keySet();
  }
}
