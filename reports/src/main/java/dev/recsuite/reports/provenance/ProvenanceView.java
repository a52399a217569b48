package dev.recsuite.reports.provenance;

import java.util.List;

/**
 * The report's footer: what every number traces back to. Datasets with their locked content hash and file hashes,
 * each split's fingerprint, the code versions and machines the runs used. More than one fingerprint for one
 * dataset and protocol is flagged (expected for a seeded split, otherwise the runs are not comparable), and so is
 * more than one content hash for one dataset.
 */
public record ProvenanceView(int runs, List<DatasetRow> datasets, List<SplitRow> splits, List<String> commits,
    List<String> machines) {

  public record DatasetRow(String name, List<String> contentHashes, List<String> files, boolean conflicting) {}

  public record SplitRow(String dataset, String protocol, List<String> fingerprints, boolean several) {}
}
