package dev.recsuite.reports.results;

import dev.recsuite.reports.input.RunSummary;
import dev.recsuite.reports.input.Setting;
import dev.recsuite.reports.input.SystemKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All runs of a report grouped into settings (one leaderboard each) and, within a setting, cohorts (one system's
 * seed repeats). Settings are ordered by dataset, protocol, mode and rule; systems by role (baselines first), then
 * model name and variant, so a report built from the same runs always has the same layout.
 */
public final class ResultIndex {
  private static final Comparator<Setting> SETTING_ORDER = Comparator.comparing(Setting::dataset)
      .thenComparing(Setting::protocol).thenComparing(Setting::mode).thenComparing(Setting::rule);

  private final List<RunSummary> runs;
  private final Map<Setting, List<Cohort>> bySetting;

  private ResultIndex(List<RunSummary> runs, Map<Setting, List<Cohort>> bySetting) {
    this.runs = runs;
    this.bySetting = bySetting;
  }

  public static ResultIndex of(Collection<RunSummary> runs) {
    Map<Setting, Map<SystemKey, List<RunSummary>>> groups = new LinkedHashMap<>();
    for (RunSummary r : runs) {
      groups.computeIfAbsent(r.setting(), k -> new LinkedHashMap<>()).computeIfAbsent(r.system(), k -> new ArrayList<>())
          .add(r);
    }
    List<Setting> settings = new ArrayList<>(groups.keySet());
    settings.sort(SETTING_ORDER);
    Map<Setting, List<Cohort>> bySetting = new LinkedHashMap<>();
    for (Setting s : settings) {
      List<Cohort> cohorts = new ArrayList<>();
      groups.get(s).forEach((system, rs) -> cohorts.add(new Cohort(s, system, rs)));
      cohorts.sort(Comparator.comparing(Cohort::role).thenComparing(c -> c.system().model())
          .thenComparing(c -> c.system().variant()).thenComparing(c -> c.system().selectionRule()));
      bySetting.put(s, List.copyOf(cohorts));
    }
    return new ResultIndex(List.copyOf(runs), bySetting);
  }

  public List<RunSummary> runs() {
    return runs;
  }

  public List<Setting> settings() {
    return List.copyOf(bySetting.keySet());
  }

  public List<Cohort> cohorts(Setting s) {
    return bySetting.getOrDefault(s, List.of());
  }

  /** Settings of one dataset and protocol evaluated in {@code mode} (any rule). */
  public List<Setting> settings(String dataset, String protocol, String mode) {
    return bySetting.keySet().stream()
        .filter(s -> s.dataset().equals(dataset) && s.protocol().equals(protocol) && s.mode().equals(mode)).toList();
  }

  /**
   * The cohorts of {@code model} with the declared {@code variant} in the settings of one dataset, protocol and
   * mode. A system's variant may carry the keys that tell apart configurations of the same model in one store
   * ({@code "evaluation.ks=[10, 20], training.stopping_step=10"}, or {@code "corrected, reg_weight=0.1"}); those
   * systems are still the model (or its declared variant), so a paper's cell finds them.
   */
  public List<Cohort> find(String dataset, String protocol, String mode, String model, String variant) {
    List<Cohort> out = new ArrayList<>();
    for (Setting s : settings(dataset, protocol, mode)) {
      for (Cohort c : bySetting.get(s)) {
        if (c.system().model().equals(model) && declaredVariant(c.system().variant()).equals(variant)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** The {@code variant} key of a system's variant text: its first part unless that is a {@code key=value}. */
  static String declaredVariant(String variant) {
    String first = variant.split(", ", 2)[0];
    return first.contains("=") ? "" : first;
  }

  /** The one cohort of a system in a setting, if it ran. */
  public Optional<Cohort> cohort(Setting s, SystemKey system) {
    return cohorts(s).stream().filter(c -> c.system().equals(system)).findFirst();
  }
}
