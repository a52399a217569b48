package dev.recsuite.reports.provenance;

import dev.recsuite.reports.input.RunSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Collects the provenance of all runs of a report, sorted so the footer is the same for the same runs. */
public final class ProvenanceBuilder {
  private ProvenanceBuilder() {}

  public static ProvenanceView build(Collection<RunSummary> runs) {
    Map<String, TreeSet<String>> hashes = new TreeMap<>();
    Map<String, TreeSet<String>> files = new TreeMap<>();
    Map<List<String>, TreeSet<String>> splits = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    TreeSet<String> commits = new TreeSet<>();
    TreeSet<String> machines = new TreeSet<>();
    for (RunSummary r : runs) {
      RunSummary.Provenance p = r.provenance();
      TreeSet<String> h = hashes.computeIfAbsent(r.dataset(), k -> new TreeSet<>());
      if (!p.datasetContentSha256().isEmpty()) {
        h.add(p.datasetContentSha256());
      }
      TreeSet<String> f = files.computeIfAbsent(r.dataset(), k -> new TreeSet<>());
      p.datasetFiles().forEach(fh -> f.add(fh.path() + "  " + fh.sha256()));
      TreeSet<String> s = splits.computeIfAbsent(List.of(r.dataset(), r.protocol()), k -> new TreeSet<>());
      if (!p.splitFingerprint().isEmpty()) {
        s.add(p.splitFingerprint());
      }
      commits.add(p.gitCommit() + (Boolean.TRUE.equals(p.gitDirty()) ? " (uncommitted changes)" : ""));
      machines.add(p.machine());
    }
    List<ProvenanceView.DatasetRow> datasets = new ArrayList<>();
    hashes.forEach((d, h) -> datasets.add(new ProvenanceView.DatasetRow(d, List.copyOf(h),
        List.copyOf(files.get(d)), h.size() > 1)));
    List<ProvenanceView.SplitRow> splitRows = new ArrayList<>();
    splits.forEach((k, fp) -> splitRows.add(new ProvenanceView.SplitRow(k.get(0), k.get(1), List.copyOf(fp),
        fp.size() > 1)));
    return new ProvenanceView(runs.size(), datasets, splitRows, List.copyOf(commits), List.copyOf(machines));
  }
}
