package dev.heatcheck.cli;

import dev.heatcheck.internal.bench.ReportBench;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures heatcheck's own speed.",
    subcommands = {BenchCommand.Report.class, BenchRecorderCommand.class, BenchCrowdCommand.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a benchmark is required: report, recorder or crowd");
  }

  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = {
        "Generates the events of a crowd (many visitors on a small site: views, clicks",
        "with targets, reactions, errors, rage clicks, moves, scrolls), times heatcheck",
        "report on them end to end and by stage, measures the peak heap, checks the",
        "counts against what was planted, then times heatmap.js 2.0.5 drawing the same",
        "clicks in headless Chromium and prints the ratio. heatmap.js comes from the",
        "npm registry: npm installs it on first use into bench-npm beside heatcheck.jar."
      },
      footer = {
        "",
        "Exit codes: 0 the bench ran (met its goals or not), 2 bad input, 3 could not run."
      })
  static final class Report implements Callable<Integer> {
    /** 10 M clicks make a 6 GB events.jsonl, and heatmap.js wants an object per click in the page. */
    static final long MAX_CLICKS = 10_000_000;

    @Option(
        names = "--clicks",
        paramLabel = "N",
        defaultValue = "1000000",
        description = "Clicks to generate (default: ${DEFAULT-VALUE}).")
    long clicks;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Where to keep the last report (default: a temporary folder, deleted).")
    Path out;

    @Override
    public Integer call() {
      if (clicks < 1 || clicks > MAX_CLICKS) {
        throw new Failures.UsageProblem(
            "--clicks: expected 1 to " + MAX_CLICKS + ", got " + clicks);
      }
      ReportBench.run(
          new ReportBench.Options(clicks, Optional.ofNullable(out), npmCache()),
          System.out,
          System.err);
      return ExitCodes.PASSED;
    }

    /** bench-npm beside heatcheck.jar (in the build folder), or in target/ when run from classes. */
    private static Path npmCache() {
      try {
        Path code = Path.of(BenchCommand.class
            .getProtectionDomain()
            .getCodeSource()
            .getLocation()
            .toURI());
        // target/heatcheck.jar or target/classes: either way the build folder is its parent
        return code.getParent().resolve("bench-npm");
      } catch (URISyntaxException | RuntimeException e) {
        return Path.of("target", "bench-npm");
      }
    }
  }
}
