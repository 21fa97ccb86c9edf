package dev.heatcheck.cli;

import dev.heatcheck.internal.pipeline.Pipeline;
import dev.heatcheck.internal.pipeline.RunOptions;
import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.report.ConsoleReport;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs scenarios against a site and checks their expectations.",
    footer = {"", "Exit codes: 0 all expectations held, 1 one failed, 2 bad input, 3 could not run."})
final class RunCommand implements Callable<Integer> {
  @Option(names = "--base-url", paramLabel = "URL", description = "Base for relative scenario URLs, e.g. http://127.0.0.1:8080.")
  String baseUrl;

  @Option(names = "--baseline", paramLabel = "DIR", description = "An earlier run folder: newDeadClicks, newRageClicks and newErrorClicks rules count only friction it did not have.")
  Path baseline;

  @Mixin CommonOptions common;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Scenario files (.yaml, .yml, .json) or folders of them.")
  List<Path> paths;

  @Override
  public Integer call() {
    String base = baseUrl == null ? null : checkBaseUrl(baseUrl);
    List<Scenario> scenarios = ScenarioLoader.loadAll(paths);
    requireResolvable(scenarios, base);
    return execute(scenarios, base, common, baseline, System.out);
  }

  static Integer execute(List<Scenario> scenarios, String base, CommonOptions common, PrintStream out) {
    return execute(scenarios, base, common, null, out);
  }

  static Integer execute(List<Scenario> scenarios, String base, CommonOptions common, Path baseline, PrintStream out) {
    if (baseline != null && !java.nio.file.Files.isRegularFile(baseline.resolve("summary.json"))) {
      throw new Failures.UsageProblem("--baseline " + baseline + " is not a heatcheck run folder: it has no summary.json");
    }
    RunOptions options = common.toRunOptions(base);
    RunResult result = Pipeline.run(scenarios, baseline == null ? options : options.withBaseline(baseline), out);
    common.afterRun(result.dir());
    ConsoleReport.print(result.summary(), result.dir(), out);
    return result.passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
  }

  static String checkBaseUrl(String url) {
    try {
      URI uri = URI.create(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return url;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new Failures.UsageProblem("--base-url: expected an http(s) URL such as http://127.0.0.1:8080, got \"" + url + "\"");
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
