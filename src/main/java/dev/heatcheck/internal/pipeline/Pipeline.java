package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.analyze.Analysis;
import dev.heatcheck.internal.analyze.Analyzer;
import dev.heatcheck.internal.analyze.Grouping;
import dev.heatcheck.internal.analyze.PageStats;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.check.Checker;
import dev.heatcheck.internal.drive.Drive;
import dev.heatcheck.internal.drive.Driver;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.events.EventMerge;
import dev.heatcheck.internal.render.PageMaps;
import dev.heatcheck.internal.report.HtmlReport;
import dev.heatcheck.internal.report.JUnitXml;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.report.SummaryFile;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.Viewport;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.HeatcheckException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** scenario → drive → events.jsonl → analyze → check → report, one stage after the other. */
public final class Pipeline {
  public static final String TOOL = "heatcheck 0.1.0";
  static final String EVENTS = "events.jsonl";

  private Pipeline() {}

  public static RunResult run(List<Scenario> scenarios, RunOptions options, PrintStream progress) {
    return run(scenarios, options, progress, progress);
  }

  /**
   * @param progress each scenario as it starts
   * @param notices what a user must see even from a quiet run: a browser being installed (minutes), the
   *     browser chosen, screenshots that could not be taken
   */
  public static RunResult run(List<Scenario> scenarios, RunOptions options, PrintStream progress, PrintStream notices) {
    List<Summary.VariantRun> variants = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      if (!scenario.variants().isEmpty()) {
        variants.add(Variants.run(scenario, options, progress, notices));
      }
    }
    List<Scenario> plain = scenarios.stream().filter(s -> s.variants().isEmpty()).toList();
    Path dir = options.out();
    String runId = UUID.randomUUID().toString();
    String startedAt = Instant.now().toString();
    Path events = dir.resolve(EVENTS);
    List<Drive> drives = new ArrayList<>();
    String browserName = null;
    try (EventLog log = EventLog.create(events)) {
      if (!plain.isEmpty()) {
        browserName = drive(plain, options, log, runId, startedAt, drives, progress, notices);
      }
    }
    Grouping grouping = new Grouping(options.buckets(), scenarios.stream().flatMap(s -> s.pages().stream()).distinct().toList());
    Analysis analysis = analyze(events, grouping);
    Header header = new Header(runId, startedAt, options.baseUrl(), browserName);
    Summary summary = summarize(dir, drives, analysis, maps(dir, events, analysis, true), header, grouping, variants,
        options.baseline().map(Pipeline::findingsOf));
    write(summary, dir);
    boolean timedOut = drives.stream().anyMatch(Drive::timedOut) || !variants.isEmpty() && options.deadline().passed();
    return new RunResult(dir, summary, timedOut);
  }

  /**
   * Plays the scenarios in one worker (one browser, replaced when it dies); returns the browser's name.
   * Once the run's deadline passes, the scenarios left are still passed through, so that each of their
   * visitors is reported as not started.
   */
  private static String drive(
      List<Scenario> scenarios, RunOptions options, EventLog log, String runId, String startedAt, List<Drive> drives,
      PrintStream progress, PrintStream notices) {
    Driver.Options driving = Driver.Options.defaults(options.baseUrl()).withCookies(options.cookies()).withDeadline(options.deadline());
    Supplier<BrowserSession> browsers = () -> {
      BrowserSession session = BrowserSession.open(options.browser(), options.mayInstall(), notices);
      notices.println("Browser: " + session.description() + " at " + session.choice());
      return session;
    };
    try (Driver driver = new Driver(browsers, driving, log, notices)) {
      String browserName = driver.session().description();
      log.append(new Event.Run(Event.FORMAT_VERSION, runId, startedAt, TOOL, browserName));
      for (Scenario scenario : scenarios) {
        progress.printf(Locale.ROOT, "Running %s: %d visitor(s) at %s%n",
            scenario.name(), scenario.visitors(), scenario.viewports().stream().map(Viewport::label).toList());
        drives.add(driver.drive(scenario, options.out().resolve("screens")));
      }
      return browserName;
    }
  }

  /**
   * Re-analyses and re-draws from event files alone: they are merged into the output folder, and the
   * maps are drawn on the screenshots beside them, or on new ones when asked.
   */
  public static RunResult report(List<Path> inputs, ReportOptions options, PrintStream progress) {
    Path dir = options.out();
    Path events = dir.resolve(EVENTS);
    for (Path input : inputs) {
      if (input.toAbsolutePath().normalize().equals(events.toAbsolutePath().normalize())) {
        throw new HeatcheckException("--out " + dir + " holds " + input + "; write the report to another folder");
      }
    }
    long merged = EventMerge.merge(inputs, events);
    progress.printf(Locale.ROOT, "Read %d event(s) from %d file(s)%n", merged, inputs.size());
    Grouping grouping = new Grouping(options.buckets(), options.pagePatterns());
    Analysis analysis = analyze(events, grouping);
    Path screens = dir.resolve("screens");
    String browser = null;
    if (options.screenshots()) {
      browser = NewShots.take(events, analysis, options, screens, progress);
    } else {
      NewShots.copyBeside(inputs, screens);
    }
    Summary summary = summarize(dir, List.of(), analysis, maps(dir, events, analysis, !options.screenshots()),
        new Header(UUID.randomUUID().toString(), Instant.now().toString(), options.baseUrl(), browser), grouping);
    write(summary, dir);
    return new RunResult(dir, summary);
  }

  /**
   * Analyses, draws and reports events already in {@code dir} (events.jsonl and screens/), recorded
   * without a scenario, e.g. from a test's own page.
   */
  public static RunResult conclude(Path dir, String runId, String startedAt, String browser) {
    Grouping grouping = Grouping.defaults();
    Path events = dir.resolve(EVENTS);
    Analysis analysis = analyze(events, grouping);
    Summary summary = summarize(dir, List.of(), analysis, maps(dir, events, analysis, true),
        new Header(runId, startedAt, null, browser), grouping);
    write(summary, dir);
    return new RunResult(dir, summary);
  }

  /** The report files every run and report writes. */
  private static void write(Summary summary, Path dir) {
    SummaryFile.write(summary, dir);
    JUnitXml.write(summary, dir);
    HtmlReport.write(summary, dir);
  }

  static Analysis analyze(Path events, Grouping grouping) {
    return Analyzer.analyze(events, grouping);
  }

  static List<PageMaps.Drawn> maps(Path dir, Path events, Analysis analysis, boolean recordedLayout) {
    return PageMaps.render(events, analysis, dir.resolve("screens"), dir.resolve("heatmaps"), recordedLayout);
  }

  record Header(String runId, String startedAt, String baseUrl, String browser) {}

  static Summary summarize(
      Path dir, List<Drive> drives, Analysis analysis, List<PageMaps.Drawn> drawn, Header header, Grouping grouping) {
    return summarize(dir, drives, analysis, drawn, header, grouping, List.of(), Optional.empty());
  }

  /** A baseline run's findings as (kind, page, viewport, selector), what new* rules leave out. */
  static Set<List<String>> findingsOf(Path run) {
    Path file = run.resolve(SummaryFile.NAME);
    if (!Files.isRegularFile(file)) {
      throw new HeatcheckException("--baseline " + run + " is not a heatcheck run folder: it has no " + SummaryFile.NAME);
    }
    return SummaryFile.read(file).findings().stream()
        .map(f -> List.of(f.kind().id(), f.page(), f.viewport(), String.valueOf(f.selector())))
        .collect(Collectors.toSet());
  }

  static Summary summarize(
      Path dir, List<Drive> drives, Analysis analysis, List<PageMaps.Drawn> drawn, Header header, Grouping grouping,
      List<Summary.VariantRun> variants, Optional<Set<List<String>>> baseline) {
    List<Check> checks = new ArrayList<>();
    List<FailedStep> failedSteps = new ArrayList<>();
    Checker checker = new Checker(analysis, dir.resolve("screens"), baseline);
    List<Summary.ScenarioRun> scenarios = new ArrayList<>();
    for (Drive drive : drives) {
      Scenario scenario = drive.scenario();
      List<Check> own = checker.check(scenario, drive.visitors(), drive.pages());
      List<FailedStep> failed = drive.failures().stream()
          .map(f -> new FailedStep(scenario.name(), f.viewport(), f.message(), f.at().toString()))
          .toList();
      checks.addAll(own);
      failedSteps.addAll(failed);
      scenarios.add(new Summary.ScenarioRun(
          scenario.name(),
          String.valueOf(scenario.file()),
          scenario.viewports().stream().map(Viewport::label).toList(),
          scenario.visitors(),
          analysis.totals(scenario.name()).clicks(),
          failed.isEmpty() && own.stream().allMatch(Check::passed)));
    }
    Map<Object, PageMaps.Drawn> drawnByKey = drawn.stream().collect(Collectors.toMap(PageMaps.Drawn::key, Function.identity()));
    List<Summary.PageRow> pages = analysis.pages().stream().map(p -> pageRow(dir, p, drawnByKey.get(p.key()))).toList();
    List<Summary.FailedVisitor> failedVisitors = drives.stream().flatMap(d -> d.visitors().stream())
        .map(v -> new Summary.FailedVisitor(v.scenario(), v.session(), v.viewport(), v.at(), v.step(), v.reason()))
        .toList();
    List<Summary.FailedPage> failedPages = drives.stream().flatMap(d -> d.pages().stream())
        .map(p -> new Summary.FailedPage(p.scenario(), p.session(), p.viewport(), p.url(), p.status() == 0 ? null : p.status(), p.error(), p.at()))
        .toList();
    return new Summary(Summary.VERSION, TOOL, header.runId(), header.startedAt(), Instant.now().toString(),
        header.baseUrl(), header.browser(),
        failedSteps.isEmpty() && checks.stream().allMatch(Check::passed) && variants.stream().allMatch(Summary.VariantRun::passed),
        scenarios, analysis.findings(), checks, failedSteps, pages, EVENTS,
        new Summary.Grouping(grouping.buckets().spec(), grouping.pagePatterns()), variants, failedVisitors, failedPages);
  }

  private static Summary.PageRow pageRow(Path dir, PageStats page, PageMaps.Drawn drawn) {
    List<Summary.ElementRow> elements = page.elements().stream()
        .map(e -> new Summary.ElementRow(e.selector(), e.text(), e.clicks(), round(e.share()), e.dead(), e.rage(), e.error(),
            drawn.boxes().get(e.selector())))
        .toList();
    Map<String, String> containers = new java.util.LinkedHashMap<>();
    drawn.containerScrolls().forEach((selector, file) -> containers.put(selector, relative(dir, file)));
    Summary.Maps maps = new Summary.Maps(relative(dir, drawn.click()), relative(dir, drawn.move()), relative(dir, drawn.scroll()), containers);
    return new Summary.PageRow(page.key().page(), page.key().bucket(), page.viewports(), page.views(), page.clicks(),
        page.mainViewport() + " " + page.mainPath(), maps, drawn.shot().map(s -> relative(dir, s.image())).orElse(null),
        scroll(page), elements, drawn.gone());
  }

  private static Summary.Scroll scroll(PageStats page) {
    return new Summary.Scroll(page.docHeight(), page.fold(), page.reached());
  }

  private static String relative(Path dir, Path file) {
    return file == null ? null : dir.relativize(file).toString();
  }

  private static double round(double share) {
    return Math.round(share * 10_000) / 10_000.0;
  }
}
