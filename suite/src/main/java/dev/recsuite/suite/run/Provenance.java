package dev.recsuite.suite.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where and with what a run was made: code version, JVM, OS, CPU and threads, and when.
 *
 * @param codeVersion {@link RunExecutor#CODE_VERSION}, the part of the run id that marks incomparable code
 * @param gitCommit the checkout's HEAD when the JVM started its first run, or "unknown" outside a git checkout
 * @param gitDirty whether the working tree had uncommitted changes (null if unknown)
 * @param maxHeapBytes the JVM's heap limit (-Xmx)
 */
public record Provenance(String codeVersion, String gitCommit, Boolean gitDirty, String jvm, String os, String arch,
    String cpu, int threads, long maxHeapBytes, String started, String finished) {

  /** Git state is read once per JVM: the code that runs is the code that was loaded. */
  private static volatile GitInfo git;

  public static Provenance capture(Path home, String started, String finished) {
    GitInfo g = gitInfo(home);
    return new Provenance(RunExecutor.CODE_VERSION, g.commit(), g.dirty(),
        System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"), cpuModel(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(), started, finished);
  }

  /** The checkout's HEAD as the run records give it ("unknown" outside a git checkout). */
  public static String gitCommit(Path home) {
    return gitInfo(home).commit();
  }

  private static GitInfo gitInfo(Path home) {
    GitInfo g = git;
    if (g == null) {
      g = GitInfo.read(home);
      git = g;
    }
    return g;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return "unknown";
  }

  /** Git state read with the git command when available. */
  record GitInfo(String commit, Boolean dirty) {
    static GitInfo read(Path home) {
      return new GitInfo(commit(home), dirty(home));
    }

    static String commit(Path home) {
      String out = git(home, "rev-parse", "HEAD");
      return out == null || out.isBlank() ? "unknown" : out.strip();
    }

    static Boolean dirty(Path home) {
      String out = git(home, "status", "--porcelain", "--untracked-files=no");
      return out == null ? null : !out.isBlank();
    }

    private static String git(Path home, String... args) {
      try {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = home.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
          return null;
        }
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }
}
