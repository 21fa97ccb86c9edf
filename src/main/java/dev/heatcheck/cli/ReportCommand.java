package dev.heatcheck.cli;

import dev.heatcheck.internal.pipeline.OutputDir;
import dev.heatcheck.internal.pipeline.Pipeline;
import dev.heatcheck.internal.pipeline.ReportOptions;
import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.report.ConsoleReport;
import dev.heatcheck.internal.scenario.Expectations;
import dev.heatcheck.internal.scenario.PagePattern;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Re-analyses and re-draws from event files alone (several are joined, each event once),",
      "in one pass over them. Lines of types or with fields this version does not know are",
      "skipped and counted; a line that is not an event stops the report (exit 2) unless",
      "--skip-bad-lines is given.",
      "Maps are drawn on the screenshots beside the event files, or on new ones with --screenshots:",
      "clicks are re-projected onto where their elements are now.",
      "The scenarios of the events are held to --expect FILE when given, else to the expect: file their",
      "run recorded (replay --expect), as that run held them; exit 1 when a check fails."
    })
final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--events",
      arity = "1..*",
      required = true,
      paramLabel = "FILE",
      description = "events.jsonl files of earlier runs.")
  List<Path> events;

  @Option(
      names = "--screenshots",
      description = "Take new screenshots of the pages instead of reusing the recorded ones.")
  boolean screenshots;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "With --screenshots: take them from this site (e.g. a newer build) at the recorded paths.")
  String baseUrl;

  @Option(
      names = "--pages",
      split = ",",
      paramLabel = "PATTERN",
      description = "URL patterns pages aggregate under, e.g. /product/:id.")
  List<String> pages = List.of();

  @Option(
      names = "--expect",
      paramLabel = "FILE",
      description =
          "A YAML file with an expect: block, e.g. expect: {deadClicks: {max: 0}}, every scenario of the events is held to, in place of the rules their run recorded (replay --expect).")
  Path expect;

  @Option(
      names = "--skip-bad-lines",
      description =
          "Skip lines of the event files that are not events (and count them) instead of stopping at the first.")
  boolean skipBadLines;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    for (Path file : events) {
      if (!Files.isRegularFile(file)) {
        throw new Failures.UsageProblem("--events: " + file + " is not a file");
      }
    }
    for (String pattern : pages) {
      if (!PagePattern.isValid(pattern)) {
        throw new Failures.UsageProblem(
            "--pages: \"" + pattern
                + "\" is not a path pattern; start with / and use :name for one segment, e.g. /product/:id");
      }
    }
    String base = baseUrl == null ? null : RunCommand.checkBaseUrl(baseUrl);
    if (common.remote().isPresent()) {
      throw new Failures.UsageProblem(
          "--browser-url and --grid are for run and demo; report takes its screenshots with a local browser");
    }
    Expectations rules = expect == null ? null : ScenarioLoader.loadExpect(expect);
    var buckets = common.buckets();
    Path dir = common.out != null
        ? OutputDir.create(common.out)
        : OutputDir.timestamped(CommonOptions.REPORTS);
    ReportOptions options = new ReportOptions(
        dir,
        buckets,
        pages,
        screenshots,
        base,
        Optional.ofNullable(common.browser),
        !common.noInstall,
        skipBadLines,
        rules);
    RunResult result = Pipeline.report(events, options, System.out);
    common.afterRun(result.dir());
    ConsoleReport.print(result.summary(), result.dir(), System.out);
    return result.passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
  }
}
