package dev.recsuite.suite.cli;

import dev.recsuite.protocols.api.ModelSpec;
import dev.recsuite.protocols.train.Trainer;
import dev.recsuite.suite.experiment.EvalSettings;
import dev.recsuite.suite.experiment.ExperimentLoader;
import dev.recsuite.suite.experiment.RecordBinder;
import dev.recsuite.suite.experiment.Selection;
import dev.recsuite.suite.registry.ModelRegistry;
import dev.recsuite.suite.registry.ProtocolRegistry;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code recsuite keys}: every key an experiment file accepts, with its default, read from the config
 * records themselves (so this list cannot drift from the code).
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "List every experiment-file key with its default (from the config records).")
public final class KeysCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("top level: " + String.join(", ", ExperimentLoader.KEYS));
    out.printf(Locale.ROOT, "  seeds: a list, or a count N for N seeds from %d (default %d)%n", ExperimentLoader.FIRST_SEED,
        ExperimentLoader.DEFAULT_SEED_COUNT);
    out.println("  selection: " + String.join(" | ", Selection.keys()) + " (default " + Selection.VALIDATION.key() + ")");
    out.println("  unavailable: fail | skip (default fail; skip reports cells whose data is missing or lacks what the "
        + "protocol or model needs as not run)");
    out.println("  evaluations: NAME to overrides of evaluation (optional); each trained model is evaluated under every "
        + "one, with its own early stopping, one training per seed");
    out.println("layers, lowest first: suite defaults < configs/datasets/NAME.yaml < model defaults < experiment file < --set");
    section(out, "training", RecordBinder.values(Trainer.Config.defaults()));
    section(out, "evaluation", RecordBinder.values(EvalSettings.defaults()));
    for (String p : ProtocolRegistry.names()) {
      section(out, "protocols." + p, RecordBinder.values(ProtocolRegistry.entry(p).defaults()));
    }
    for (ModelSpec<?> m : ModelRegistry.all().values()) {
      out.printf(Locale.ROOT, "models.%s (%s; a list for a hyper-parameter is a grid):%s%n", m.name(), m.spec(),
          m.configType().getRecordComponents().length == 0 ? " no hyper-parameters" : "");
      print(out, RecordBinder.values(m.defaults()));
    }
    out.flush();
  }

  private static void section(PrintWriter out, String name, Map<String, Object> defaults) {
    out.println(name + ":" + (defaults.isEmpty() ? " no parameters" : ""));
    print(out, defaults);
  }

  private static void print(PrintWriter out, Map<String, Object> defaults) {
    defaults.forEach((k, v) -> out.printf(Locale.ROOT, "  %-22s %s%n", k + ":", v instanceof java.util.List<?> l
        ? l.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")) : v));
  }
}
