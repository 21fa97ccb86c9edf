package dev.heatcheck.cli;

import dev.heatcheck.internal.crowd.Shard;
import dev.heatcheck.internal.crowd.Workers;
import dev.heatcheck.internal.drive.RunDeadline;
import dev.heatcheck.internal.drive.VisitorRandom;
import dev.heatcheck.internal.pipeline.Pipeline;
import dev.heatcheck.internal.pipeline.RunOptions;
import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.report.ConsoleReport;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.result.HeatcheckException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs scenarios against a site and checks their expectations.",
    footer = {
      "",
      "Exit codes: 0 all expectations held, 1 one failed (a failed visitor or page too),",
      "2 bad input, 3 could not run (or --timeout passed; the report is still written)."
    })
final class RunCommand implements Callable<Integer> {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|)");

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Base for relative scenario URLs, e.g. http://127.0.0.1:8080.")
  String baseUrl;

  @Option(
      names = "--baseline",
      paramLabel = "DIR",
      description =
          "An earlier run folder: newDeadClicks, newRageClicks and newErrorClicks rules count only friction it did not have.")
  Path baseline;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description =
          "Stop driving after this long (e.g. 90s, 10m, 1h): the visitors in progress are ended, the rest are not started, the report is still written, exit 3.")
  String timeout;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "What every visitor's choices, pauses and click positions derive from (0 to 9007199254740991); overrides the scenarios' seed:. Without it a run picks one and records it in events.jsonl and summary.json.")
  Long seed;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Play only shard I of N (1-based): a contiguous share of the planned visitors, into a folder that says which shard of which run it is; heatcheck merge joins the N folders.")
  String shard;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description =
          "Visitors played at once, each worker with a browser of its own, 1 to 64 (default: the scenarios' workers:, else as many as the cores and free memory afford).")
  String workers;

  @Mixin
  CommonOptions common;

  @Mixin
  TraceOption trace;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Scenario files (.yaml, .yml, .json) or folders of them.")
  List<Path> paths;

  @Override
  public Integer call() {
    String base = baseUrl == null ? null : checkBaseUrl(baseUrl);
    Duration limit = timeout == null ? null : duration(timeout);
    int workerCount = workers == null ? 0 : workers(workers);
    List<Scenario> scenarios = ScenarioLoader.loadAll(paths);
    requireResolvable(scenarios, base);
    RunDeadline deadline = limit == null ? RunDeadline.NONE : RunDeadline.after(limit, timeout);
    checkSeed(seed);
    return execute(
        scenarios,
        base,
        common,
        baseline,
        deadline,
        trace,
        seed,
        shard(scenarios),
        workerCount,
        System.out);
  }

  /** --shard parsed; a scenario with variants runs whole (each variant is a run), so it cannot be split. */
  private Shard shard(List<Scenario> scenarios) {
    if (shard == null) {
      return Shard.WHOLE;
    }
    Shard share;
    try {
      share = Shard.parse(shard);
    } catch (HeatcheckException e) {
      throw new Failures.UsageProblem(e.getMessage());
    }
    for (Scenario scenario : scenarios) {
      if (!scenario.variants().isEmpty()) {
        throw new Failures.UsageProblem("--shard: " + scenario.file() + " has variants, which run"
            + " whole; run it without --shard, or shard the scenarios without variants");
      }
    }
    return share;
  }

  static Integer execute(
      List<Scenario> scenarios, String base, CommonOptions common, PrintStream out) {
    return execute(
        scenarios,
        base,
        common,
        null,
        RunDeadline.NONE,
        new TraceOption(),
        null,
        Shard.WHOLE,
        0,
        out);
  }

  static Integer execute(
      List<Scenario> scenarios,
      String base,
      CommonOptions common,
      Path baseline,
      RunDeadline deadline,
      TraceOption trace,
      Long seed,
      Shard shard,
      int workers,
      PrintStream out) {
    if (baseline != null && !java.nio.file.Files.isRegularFile(baseline.resolve("summary.json"))) {
      throw new Failures.UsageProblem(
          "--baseline " + baseline + " is not a heatcheck run folder: it has no summary.json");
    }
    RunOptions options = trace
        .applyTo(common.toRunOptions(base).withDeadline(deadline))
        .withSeed(seed)
        .withShard(shard)
        .withWorkers(workers);
    RunResult result =
        Pipeline.run(scenarios, baseline == null ? options : options.withBaseline(baseline), out);
    common.afterRun(result.dir());
    ConsoleReport.print(result.summary(), result.dir(), out);
    trace.tell(result.dir(), out);
    if (result.timedOut()) {
      throw new HeatcheckException("--timeout " + deadline.shown()
          + " passed before every visitor ran; the report in " + result.dir() + " covers what did");
    }
    return result.passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
  }

  /** 500ms, 90s, 10m, 1h; a bare number is seconds. */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches() || m.group(1).length() > 9 || Long.parseLong(m.group(1)) == 0) {
      throw new Failures.UsageProblem(
          "--timeout: expected a duration such as 90s, 10m or 1h, got \"" + text + "\"");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /** 1 to 64. */
  static int workers(String text) {
    try {
      return Workers.parse(text, "--workers");
    } catch (HeatcheckException e) {
      throw new Failures.UsageProblem(e.getMessage());
    }
  }

  /** The scenario format's range for seed:, so a seed from a report works in both places. */
  private static void checkSeed(Long seed) {
    long max = VisitorRandom.MAX_SEED;
    if (seed != null && (seed < 0 || seed > max)) {
      throw new Failures.UsageProblem(
          "--seed: expected an integer from 0 to " + max + ", got " + seed);
    }
  }

  static String checkBaseUrl(String url) {
    try {
      URI uri = URI.create(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return url;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new Failures.UsageProblem(
        "--base-url: expected an http(s) URL such as http://127.0.0.1:8080, got \"" + url + "\"");
  }

  private static void requireResolvable(List<Scenario> scenarios, String base) {
    if (base != null) {
      return;
    }
    for (Scenario scenario : scenarios) {
      if (!scenario.url().matches("(?i)https?://.+")) {
        throw new Failures.UsageProblem(scenario.file() + ": url \"" + scenario.url()
            + "\" is relative; give --base-url URL or make it absolute");
      }
    }
  }
}
