package dev.recsuite.protocols.lock;

import java.util.Optional;

/**
 * The feature encoders this build of the suite has, so that loading can compare a locked feature's encoder with
 * the one that would compute it now. The encoders live in the {@code suite} module; protocols only asks.
 */
public interface EncoderCatalog {
  /** The encoder of this name as built now, or empty when this build does not have it. */
  Optional<LockedFeature.Encoder> current(String encoderName);

  /**
   * A catalog that knows no encoder, for code outside the suite's CLI (e.g. protocol tests): encoders are then
   * not compared, while the input and output hashes still are.
   */
  EncoderCatalog NONE = name -> Optional.empty();
}
