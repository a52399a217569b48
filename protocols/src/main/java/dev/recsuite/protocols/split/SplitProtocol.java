package dev.recsuite.protocols.split;

import dev.recsuite.protocols.data.Dataset;
import java.util.Map;

/**
 * A rule that assigns every interaction row to train, valid or test. Implementations are pure functions of
 * the dataset (and a seed where they are random); {@link Split#of} adds the leak audit and the fingerprint.
 */
public interface SplitProtocol {
  /** The config name ({@code leave-one-out}, {@code temporal-ratio}, {@code global-temporal}, {@code shipped}, ...). */
  String name();

  /** Parameters that change the outcome, as text; part of the fingerprint and the provenance. */
  Map<String, String> params();

  /** What the audit checks about time for this protocol. */
  TimeRule timeRule();

  /** One {@link Part} per row; fails with a clear message if the dataset lacks what the protocol needs. */
  byte[] assign(Dataset d);

  default Split apply(Dataset d) {
    return Split.of(this, d);
  }

  /** The time guarantee a protocol makes, which the leak audit then verifies. */
  enum TimeRule {
    /** Per user, every train row precedes every valid row, which precedes every test row. */
    PER_USER,
    /** Globally, every train timestamp is before every valid timestamp, which is before every test one. */
    GLOBAL,
    /** No time guarantee (shipped or random splits). */
    NONE
  }
}
