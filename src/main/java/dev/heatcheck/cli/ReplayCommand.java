package dev.heatcheck.cli;

import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.pipeline.Pipeline;
import dev.heatcheck.internal.pipeline.RunOptions;
import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.replay.Recorded;
import dev.heatcheck.internal.replay.Recordings;
import dev.heatcheck.internal.replay.Replays;
import dev.heatcheck.internal.replay.ScenarioWriter;
import dev.heatcheck.internal.report.ConsoleReport;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.scenario.Expectations;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.result.HeatcheckException;
import dev.heatcheck.result.Kind;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replays recorded sessions in Chromium, with the same capture, judgement, heatmaps, checks and",
      "reports as run: rrweb event arrays (.json, .json.gz), PostHog exports, Chrome DevTools Recorder",
      "flows and heatcheck's events.jsonl, recognised from their content."
    },
    footer = {
      "",
      "Actions whose element no locator finds on the live page are divergences: done at the recorded",
      "position when there is one, else skipped; the replay goes on and the summary lists them.",
      "Masked text (rrweb's ***) is typed only from --input, and never written to events, summary or",
      "scenario files (a --trace holds what was typed, --input values included).",
      "",
      "Exit codes: 0 all expectations held, 1 one failed, 2 bad input (a malformed recording), 3 could not run."
    })
final class ReplayCommand implements Callable<Integer> {
  /** No recorded idle gap is played longer than this (ms), whatever --speed. */
  static final long IDLE_CAP_MS = 10_000;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Replay against this origin: the recorded origin is replaced, path, query and hash kept (default: the recorded URL).")
  String baseUrl;

  @Option(
      names = "--speed",
      paramLabel = "FACTOR",
      defaultValue = "1",
      description =
          "Play recorded gaps this many times faster (default 1); a gap after a click stays as long as the click's judgement window, so verdicts do not change. Idle gaps are capped at 10 s.")
  double speed;

  @Option(
      names = "--input",
      paramLabel = "SELECTOR=VALUE",
      description =
          "The value to type into a masked field, by one of its selectors, e.g. --input '#password=secret'. Repeatable.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--expect",
      paramLabel = "FILE",
      description =
          "A YAML file with an expect: block, e.g. expect: {divergedActions: {max: 0}, deadClicks: {max: 0}}, applied to every replayed recording.")
  Path expect;

  @Option(
      names = "--to-scenario",
      paramLabel = "DIR",
      description =
          "Also write each recording as a scenario YAML in DIR (steps with locators and waits; masked values as a placeholder).")
  Path toScenario;

  @Mixin
  CommonOptions common;

  @Mixin
  TraceOption trace;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Recordings, or folders of them (read with their subfolders).")
  List<Path> paths;

  @Override
  public Integer call() {
    String base = baseUrl == null ? null : RunCommand.checkBaseUrl(baseUrl);
    if (!(speed > 0) || speed > 1000) {
      throw new Failures.UsageProblem(
          "--speed: expected a factor above 0 such as 2 (twice as fast), got " + speed);
    }
    Map<String, String> values = inputs(inputs);
    Expectations rules = expect == null ? Expectations.none() : ScenarioLoader.loadExpect(expect);
    List<Recorded> recordings = new ArrayList<>();
    for (Path path : paths) {
      try {
        recordings.addAll(Recordings.read(path));
      } catch (HeatcheckException e) {
        throw new Failures.UsageProblem(e.getMessage());
      }
    }
    Replays.Plan plan =
        Replays.plan(recordings, new Replays.Settings(base, speed, IDLE_CAP_MS, values, rules));
    plan.notices().forEach(System.out::println);
    String origin = base != null ? base : origin(plan.scenarios().get(0).url());
    RunOptions options = trace.applyTo(common.toRunOptions(origin));
    RunResult result =
        Pipeline.run(plan.scenarios(), options, System.out, System.out, recorded(expect));
    common.afterRun(result.dir());
    ConsoleReport.print(result.summary(), result.dir(), System.out);
    trace.tell(result.dir(), System.out);
    if (toScenario != null) {
      List<Path> written =
          ScenarioWriter.write(plan.scenarios(), toScenario, limits(result.summary()));
      written.forEach(file -> System.out.println("Scenario: " + file));
    }
    return result.passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
  }

  /** What each replayed recording found, as the limits of its scenario: no more of each than now. */
  static Map<String, Map<String, Integer>> limits(Summary summary) {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    for (Summary.ScenarioRun scenario : summary.scenarios()) {
      Map<String, Integer> rules = new LinkedHashMap<>();
      for (Kind kind : List.of(Kind.DEAD, Kind.RAGE, Kind.ERROR)) {
        rules.put(
            kind.id() + "Clicks",
            summary.findings().stream()
                .filter(f -> f.kind() == kind && f.scenario().equals(scenario.name()))
                .mapToInt(f -> f.count())
                .sum());
      }
      rules.put(
          "divergedActions",
          summary.replays().stream()
              .filter(r -> r.scenario().equals(scenario.name()))
              .mapToInt(r -> r.divergences().size())
              .sum());
      out.put(scenario.name(), rules);
    }
    return out;
  }

  /**
   * The --expect file as read, for the run event: a report of the events alone holds the recordings to
   * it too. Its rules were loaded from it just before.
   */
  private static Event.Rules recorded(Path file) {
    if (file == null) {
      return null;
    }
    try {
      return new Event.Rules(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Failures.UsageProblem("--expect: cannot read " + file + ": " + e.getMessage());
    }
  }

  /** SELECTOR=VALUE pairs; the first '=' after a non-empty selector splits them ("a[b=c]=v" needs quotes). */
  static Map<String, String> inputs(List<String> pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : pairs) {
      int split = splitAt(pair);
      if (split <= 0) {
        throw new Failures.UsageProblem(
            "--input: expected SELECTOR=VALUE such as '#password=secret', got a value without a selector");
      }
      out.put(pair.substring(0, split).strip(), pair.substring(split + 1));
    }
    return out;
  }

  /** The '=' outside brackets and quotes, so #a[name="x"]=v splits after the bracket. */
  private static int splitAt(String pair) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < pair.length(); i++) {
      char c = pair.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        depth--;
      } else if (c == '=' && depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
