package dev.recsuite.suite.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.recsuite.suite.experiment.Sha256;
import java.util.Map;

/**
 * Everything that decides a run's numbers, and so its id: the id is the first 20 hex digits (80 bits) of the
 * SHA-256 of this record as canonical JSON (keys sorted, no whitespace). Timings, host and provenance are
 * not part of it: the same inputs on another machine give the same id, which is what lets shards merge.
 *
 * @param codeVersion bumped by hand whenever a change makes stored results incomparable
 * @param datasetSha256 content hash of the loaded dataset, the one {@code datasets.lock} pins
 * @param splitFingerprint SHA-256 of the split's content ({@code Split.fingerprint})
 * @param purpose what the run is for: {@code final:fixed}, {@code trial}, or {@code final:RULE:GRID} for a
 *     configuration chosen from a grid (the rule and the grid are part of what produced it)
 */
public record RunKey(String codeVersion, String model, Map<String, Object> modelConfig, String dataset, String datasetSha256,
    String protocol, Map<String, Object> protocolParams, String splitFingerprint, long seed, Map<String, Object> evaluation,
    Map<String, Object> training, String purpose) {

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .build();

  /** The canonical JSON that is hashed. */
  public String canonical() {
    try {
      return CANONICAL.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise run key: " + e.getMessage(), e);
    }
  }

  public String id() {
    return Sha256.hex(canonical()).substring(0, 20);
  }

}
