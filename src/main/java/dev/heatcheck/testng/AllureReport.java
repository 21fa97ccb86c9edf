package dev.heatcheck.testng;

import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.report.SummaryFile;
import dev.heatcheck.internal.scenario.Location;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.Step;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.Finding;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A scenario test in Allure: its steps as the scenario file writes them, its checks, and as attachments
 * the scenario file, every heatmap of the run, the findings as a table, summary.json and events.jsonl.
 * Reporting never fails the test: what cannot be attached is logged as a warning.
 */
final class AllureReport implements TestReport {
  private static final System.Logger LOG = System.getLogger(AllureReport.class.getName());
  private static final int MAX_STEP_NAME = 160;

  @Override
  public void started(String name, Scenario scenario) {
    guard("the test name", () -> {
      if (running()) {
        Allure.getLifecycle().updateTestCase(t -> {
          t.setName(name).setDescription("Scenario file: " + scenario.file());
          // group the viewports of a scenario under it, not under the name of the class's first
          // test
          t.getLabels().removeIf(l -> "subSuite".equals(l.getName()));
          t.getLabels().add(new Label().setName("subSuite").setValue(scenario.name()));
        });
      }
    });
  }

  @Override
  public void finished(Scenario scenario, String baseUrl, Path dir, RunResult run, Instant start) {
    if (!running()) {
      return;
    }
    if (run != null) {
      guard("the steps", () -> steps(scenario, baseUrl, run, start));
    }
    attach(
        "the scenario file",
        "Scenario " + scenario.file().getFileName(),
        scenario.file(),
        scenario.file().toString().endsWith(".json") ? "application/json" : "text/yaml");
    if (run != null) {
      for (Summary.PageRow page : run.summary().pages()) {
        if (page.maps() != null) {
          map(dir, page, "click", page.maps().click());
          map(dir, page, "move", page.maps().move());
          map(dir, page, "scroll", page.maps().scroll());
        }
      }
      guard(
          "the findings",
          () -> Allure.getLifecycle()
              .addAttachment(
                  "Findings",
                  "text/csv",
                  "csv",
                  findingsCsv(run.summary()).getBytes(StandardCharsets.UTF_8)));
      attach("summary.json", "summary.json", dir.resolve(SummaryFile.NAME), "application/json");
    }
    attach("events.jsonl", "events.jsonl", dir.resolve("events.jsonl"), "text/plain");
  }

  private static boolean running() {
    try {
      return Allure.getLifecycle().getCurrentTestCase().isPresent();
    } catch (RuntimeException | LinkageError e) {
      LOG.log(
          Level.WARNING,
          "heatcheck: Allure is on the class path but not usable, no Allure attachments: " + e);
      return false;
    }
  }

  /** One step for the visit with a step per scenario step, one for the checks with a step per check. */
  private static void steps(Scenario scenario, String baseUrl, RunResult run, Instant start) {
    long begin = start.toEpochMilli();
    long end = System.currentTimeMillis();
    Set<String> failedAt =
        run.summary().failedSteps().stream().map(FailedStep::at).collect(Collectors.toSet());
    List<String> source = lines(scenario.file());
    List<StepResult> done = new ArrayList<>();
    Status status = Status.PASSED;
    for (Step step : scenario.steps()) {
      Status own = status == Status.PASSED
          ? (failedAt.contains(step.at().toString()) ? Status.FAILED : Status.PASSED)
          : Status.SKIPPED;
      done.add(step(source(step.at(), source) + "  (" + step.at() + ")", own, null, null));
      if (own == Status.FAILED) {
        status = Status.FAILED;
      }
    }
    String visit = String.format(
        Locale.ROOT,
        "Visit %s at %s, %d visitor(s)",
        resolve(baseUrl, scenario.url()),
        scenario.viewports().get(0).label(),
        scenario.visitors());
    StepResult visiting = step(visit, status, begin, end).setSteps(done);
    List<StepResult> checks = run.summary().checks().stream()
        .map(c -> step((c.warned() ? "warn: " : "") + c.line(), status(c), null, null))
        .toList();
    boolean held = checks.stream().noneMatch(c -> c.getStatus() == Status.FAILED);
    long warned = run.summary().checks().stream().filter(Check::warned).count();
    String verdict = checks.isEmpty()
        ? "no limits set"
        : !held
            ? "limits crossed"
            : warned > 0 ? "every limit held, " + warned + " warning(s)" : "every limit held";
    StepResult checking = step(
            "Check expect: " + verdict, held ? Status.PASSED : Status.FAILED, end, end)
        .setSteps(new ArrayList<>(checks));
    Allure.getLifecycle().updateTestCase(t -> {
      t.getSteps().add(visiting);
      t.getSteps().add(checking);
    });
  }

  private static Status status(Check check) {
    return switch (check.level()) {
      case PASS, WARN -> Status.PASSED;
      case FAIL -> Status.FAILED;
      case SKIP -> Status.SKIPPED;
    };
  }

  /** Steps of the scenario and checks carry no times of their own: the run does not time them apart. */
  private static StepResult step(String name, Status status, Long start, Long stop) {
    return new StepResult()
        .setName(name)
        .setStatus(status)
        .setStage(Stage.FINISHED)
        .setStart(start)
        .setStop(stop);
  }

  /** The step as its file writes it, from its key to the end of its (possibly indented, multi-line) entry. */
  static String source(Location at, List<String> lines) {
    if (at.line() < 1 || at.line() > lines.size()) {
      return "step";
    }
    String first = lines.get(at.line() - 1);
    int column = Math.min(Math.max(at.column() - 1, 0), first.length());
    StringBuilder text = new StringBuilder(withoutComment(first.substring(column)));
    for (int i = at.line();
        i < lines.size()
            && indent(lines.get(i)) > column - 2
            && !lines.get(i).isBlank()
            && !lines.get(i).strip().startsWith("-");
        i++) {
      text.append(' ').append(withoutComment(lines.get(i)));
    }
    String name = text.toString().strip().replaceAll("\\s+", " ");
    return name.length() > MAX_STEP_NAME ? name.substring(0, MAX_STEP_NAME - 1) + "…" : name;
  }

  /** A line without its YAML comment: a # after a blank, outside quotes. */
  static String withoutComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i).stripTrailing();
      }
    }
    return line.stripTrailing();
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String resolve(String baseUrl, String url) {
    try {
      return URI.create(baseUrl).resolve(url).toString();
    } catch (RuntimeException e) {
      return url;
    }
  }

  static String findingsCsv(Summary summary) {
    StringBuilder csv = new StringBuilder("kind,page,viewport,selector,text,count,signal\n");
    for (Finding f : summary.findings()) {
      csv.append(Stream.of(
                  f.kind().id(),
                  f.page(),
                  f.viewport(),
                  f.selector(),
                  f.text(),
                  String.valueOf(f.count()),
                  f.signal())
              .map(AllureReport::csvField)
              .collect(Collectors.joining(",")))
          .append('\n');
    }
    return csv.toString();
  }

  private static String csvField(String value) {
    if (value == null) {
      return "";
    }
    return value.matches("(?s).*[\",\\r\\n].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static void map(Path dir, Summary.PageRow page, String kind, String file) {
    if (file != null) {
      attach(
          "a heatmap",
          kind + " map " + page.page() + " " + page.bucket(),
          dir.resolve(file),
          "image/png");
    }
  }

  private static void attach(String what, String name, Path file, String type) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    guard(what + " (" + file + ")", () -> {
      String fileName = file.getFileName().toString();
      String extension =
          fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1) : "";
      try (InputStream in = Files.newInputStream(file)) {
        Allure.getLifecycle().addAttachment(name, type, extension, in);
      }
    });
  }

  private interface Action {
    void run() throws IOException;
  }

  private static void guard(String what, Action action) {
    try {
      action.run();
    } catch (IOException | RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "heatcheck: could not add " + what + " to the Allure report: " + e);
    }
  }
}
