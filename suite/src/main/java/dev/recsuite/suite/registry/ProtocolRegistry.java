package dev.recsuite.suite.registry;

import dev.recsuite.protocols.config.NearestName;
import dev.recsuite.protocols.split.GlobalTemporalSplit;
import dev.recsuite.protocols.split.LeaveOneOutSplit;
import dev.recsuite.protocols.split.RandomRatioSplit;
import dev.recsuite.protocols.split.ShippedSplit;
import dev.recsuite.protocols.split.SplitProtocol;
import dev.recsuite.protocols.split.TemporalRatioSplit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Split protocols by config name. Each protocol is a record whose components are its parameters
 * ({@code temporal-ratio}: train_ratio, valid_ratio, test_ratio), so experiment files bind to it by the same
 * rule as model configs; the entry gives the defaults.
 */
public final class ProtocolRegistry {
  /** A protocol's record type and default parameters. */
  public record Entry<P extends Record & SplitProtocol>(String name, Class<P> type, P defaults) {}

  private static final Map<String, Entry<?>> PROTOCOLS = new LinkedHashMap<>();

  static {
    register(new Entry<>(LeaveOneOutSplit.NAME, LeaveOneOutSplit.class, LeaveOneOutSplit.defaults()));
    register(new Entry<>(TemporalRatioSplit.NAME, TemporalRatioSplit.class, TemporalRatioSplit.defaults()));
    register(new Entry<>(GlobalTemporalSplit.NAME, GlobalTemporalSplit.class, GlobalTemporalSplit.defaults()));
    register(new Entry<>(ShippedSplit.NAME, ShippedSplit.class, new ShippedSplit()));
    register(new Entry<>(RandomRatioSplit.NAME, RandomRatioSplit.class, new RandomRatioSplit(999)));
  }

  private ProtocolRegistry() {}

  private static void register(Entry<?> e) {
    PROTOCOLS.put(e.name(), e);
  }

  public static Entry<?> entry(String name) {
    Entry<?> e = PROTOCOLS.get(name);
    if (e == null) {
      throw new IllegalArgumentException("unknown protocol '" + name + "'" + NearestName.hint(name, PROTOCOLS.keySet())
          + " (known: " + String.join(", ", PROTOCOLS.keySet()) + ")");
    }
    return e;
  }

  /** The protocol with its default parameters. */
  public static SplitProtocol get(String name) {
    return entry(name).defaults();
  }

  public static Set<String> names() {
    return Collections.unmodifiableSet(PROTOCOLS.keySet());
  }
}
