package dev.heatcheck.pipeline;

import dev.heatcheck.analyze.Analysis;
import dev.heatcheck.analyze.Analyzer;
import dev.heatcheck.analyze.PageStats;
import dev.heatcheck.analyze.Rules;
import dev.heatcheck.browser.BrowserSession;
import dev.heatcheck.check.CheckResult;
import dev.heatcheck.check.Checker;
import dev.heatcheck.drive.Drive;
import dev.heatcheck.drive.Driver;
import dev.heatcheck.drive.Screens;
import dev.heatcheck.events.Event;
import dev.heatcheck.events.EventLog;
import dev.heatcheck.events.EventReader;
import dev.heatcheck.render.ClickMaps;
import dev.heatcheck.report.Summary;
import dev.heatcheck.report.SummaryFile;
import dev.heatcheck.scenario.Scenario;
import dev.heatcheck.scenario.Viewport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** scenario → drive → events.jsonl → analyze → check → report, one stage after the other. */
public final class Pipeline {
  public static final String TOOL = "heatcheck 0.1.0";
  static final String EVENTS = "events.jsonl";

  private Pipeline() {}

  public static RunResult run(List<Scenario> scenarios, RunOptions options, PrintStream progress) {
    Path dir = options.out();
    String runId = UUID.randomUUID().toString();
    String startedAt = Instant.now().toString();
    Path events = dir.resolve(EVENTS);
    List<Drive> drives = new ArrayList<>();
    String browserName;
    try (EventLog log = EventLog.create(events);
        BrowserSession session = BrowserSession.open(options.browser(), options.mayInstall(), progress)) {
      browserName = session.description();
      progress.println("Browser: " + browserName + " at " + session.choice());
      log.append(new Event.Run(Event.FORMAT_VERSION, runId, startedAt, TOOL, browserName));
      Driver driver = new Driver(session.browser(), Driver.Options.defaults(options.baseUrl()), log);
      for (Scenario scenario : scenarios) {
        progress.printf(Locale.ROOT, "Running %s: %d visitor(s) at %s%n",
            scenario.name(), scenario.visitors(), scenario.viewports().stream().map(Viewport::label).toList());
        drives.add(driver.drive(scenario, dir.resolve("screens")));
      }
    }
    Analyzer analyzer = new Analyzer(Rules.defaults());
    EventReader.read(events, analyzer);
    Analysis analysis = analyzer.finish();
    Summary summary = report(dir, drives, analysis, new Header(runId, startedAt, options.baseUrl(), browserName));
    SummaryFile.write(summary, dir);
    return new RunResult(dir, summary);
  }

  private record Header(String runId, String startedAt, String baseUrl, String browser) {}

  private static Summary report(Path dir, List<Drive> drives, Analysis analysis, Header header) {
    List<CheckResult> checks = new ArrayList<>();
    List<Summary.ScenarioRun> scenarios = new ArrayList<>();
    for (Drive drive : drives) {
      Scenario scenario = drive.scenario();
      List<CheckResult> own = Checker.check(scenario, analysis, drive.failures());
      checks.addAll(own);
      scenarios.add(new Summary.ScenarioRun(
          scenario.name(),
          String.valueOf(scenario.file()),
          scenario.viewports().stream().map(Viewport::label).toList(),
          scenario.visitors(),
          analysis.totals(scenario.name()).clicks(),
          own.stream().allMatch(CheckResult::passed)));
    }
    List<Summary.PageRow> pages = new ArrayList<>();
    for (PageStats page : analysis.pages()) {
      pages.add(heatmap(dir, drives, page));
    }
    List<Summary.FindingRow> findings = analysis.findings().stream()
        .map(f -> new Summary.FindingRow(f.kind().id(), f.scenario(), f.page(), f.viewport(), f.selector(), f.text(), f.count(), f.signal()))
        .toList();
    return new Summary(Summary.VERSION, TOOL, header.runId(), header.startedAt(), Instant.now().toString(),
        header.baseUrl(), header.browser(), checks.stream().allMatch(CheckResult::passed),
        scenarios, findings, checks, pages, EVENTS);
  }

  private static Summary.PageRow heatmap(Path dir, List<Drive> drives, PageStats page) {
    String page0 = page.key().page();
    String viewport = page.key().viewport();
    var screenshot = drives.stream().map(d -> d.screenshot(viewport, page0)).flatMap(java.util.Optional::stream).findFirst();
    Path file = dir.resolve("heatmaps").resolve(Screens.stem(page0, viewport) + "-click.png");
    ClickMaps.write(page, screenshot, file);
    return new Summary.PageRow(page0, viewport, page.views(), page.points().size(),
        dir.relativize(file).toString(), screenshot.map(s -> dir.relativize(s).toString()).orElse(null));
  }
}
