package dev.recsuite.protocols.split;

import dev.recsuite.protocols.api.UnavailableException;
import dev.recsuite.protocols.data.Chronology;
import dev.recsuite.protocols.data.Dataset;

/** What a protocol needs from a dataset, checked before splitting so the refusal names both. */
final class Requirements {
  private Requirements() {}

  static void chronological(Dataset d, String protocol) {
    if (!d.chronology().ordersUsers()) {
      throw new UnavailableException("protocol '" + protocol + "' splits by time, but dataset '" + d.name()
          + "' has no chronology (no timestamps and no meaningful order); use 'shipped' or 'random-ratio'");
    }
  }

  static void timestamps(Dataset d, String protocol) {
    if (d.chronology() != Chronology.TIMESTAMPS) {
      throw new UnavailableException("protocol '" + protocol + "' cuts at global times, but dataset '" + d.name()
          + "' has no timestamps (chronology " + d.chronology() + "); use 'leave-one-out' or 'temporal-ratio'");
    }
  }
}
