package dev.recsuite.suite.features;

import dev.recsuite.protocols.data.FeatureMatrix;
import dev.recsuite.protocols.lock.LockedFeature;
import java.util.List;
import java.util.Map;

/**
 * A feature matrix computed by the suite, in file-row order (external id ascending), with what its lock
 * record needs besides the hashes of the written file.
 *
 * @param fields the item text columns or folders it was computed from
 * @param missing items without input and the rule that filled their rows, or null
 * @param notes facts for the command's report (e.g. how many texts were truncated)
 */
public record ComputedFeature(String modality, String fileName, FeatureMatrix rows, LockedFeature.Encoder encoder,
    List<String> fields, Map<String, Object> params, LockedFeature.Missing missing, List<String> notes) {}
