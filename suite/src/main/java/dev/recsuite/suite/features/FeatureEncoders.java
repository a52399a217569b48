package dev.recsuite.suite.features;

import dev.recsuite.protocols.lock.EncoderCatalog;
import dev.recsuite.protocols.lock.LockedFeature;
import java.util.Optional;

/**
 * The feature encoders of this build, for load-time checks of {@code datasets.lock} feature records. An identity
 * is computed only when a locked feature names its encoder (the MiniLM one hashes the 90 MB model file once).
 */
public final class FeatureEncoders implements EncoderCatalog {
  public static final FeatureEncoders CATALOG = new FeatureEncoders();

  private FeatureEncoders() {}

  @Override
  public Optional<LockedFeature.Encoder> current(String encoderName) {
    return switch (encoderName) {
      case MiniLmEncoder.NAME -> Optional.of(MiniLmEncoder.identity());
      case PosterDescriptor.NAME -> Optional.of(PosterDescriptor.identity());
      default -> Optional.empty();
    };
  }
}
