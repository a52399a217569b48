package dev.recsuite.suite.experiment;

/**
 * A configuration that cannot be used as written. The message starts with where the fault is
 * ({@code experiments/x.yaml:14: unknown key 'models.BPR.reg_weigth'; did you mean 'reg_weight'?}).
 */
public final class ConfigException extends RuntimeException {
  private final Location location;

  public ConfigException(Location location, String message) {
    super(location + ": " + message);
    this.location = location;
  }

  public Location location() {
    return location;
  }
}
