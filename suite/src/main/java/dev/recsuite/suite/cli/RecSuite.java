package dev.recsuite.suite.cli;

import dev.recsuite.protocols.lock.DatasetRepository;
import dev.recsuite.suite.experiment.ConfigException;
import dev.recsuite.suite.features.FeatureEncoders;
import dev.recsuite.suite.features.FeaturesCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code recsuite} command line (picocli). Errors print one clear message and exit non-zero. */
@Command(name = "recsuite", mixinStandardHelpOptions = true, version = "recsuite 0.1.0",
    description = "Reproducibility benchmark suite for multimodal and sequential recommendation.",
    subcommands = {DatasetsCommand.class, FeaturesCommand.class, RunCommand.class, RunsCommand.class, KeysCommand.class,
        ReportCommand.class,
        CommandLine.HelpCommand.class})
public final class RecSuite implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs a command line with the given streams; returns the exit code (0 ok, 1 failure, 2 bad usage or config). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new RecSuite());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
      if (System.getenv("RECSUITE_DEBUG") != null) {
        ex.printStackTrace(cmd.getErr());
      }
      cmd.getErr().println("recsuite: error: " + ex.getMessage());
      cmd.getErr().flush();
      return ex instanceof ConfigException ? 2 : 1;
    });
    return cl.execute(args);
  }

  static DatasetRepository repository() {
    Path home = DatasetRepository.discoverHome();
    return DatasetRepository.open(home).withEncoders(FeatureEncoders.CATALOG);
  }
}
