package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.analyze.Analysis;
import dev.heatcheck.internal.analyze.Analyzer;
import dev.heatcheck.internal.analyze.Grouping;
import dev.heatcheck.internal.analyze.PageStats;
import dev.heatcheck.internal.analyze.Rules;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.check.Checker;
import dev.heatcheck.internal.crowd.Crowd;
import dev.heatcheck.internal.crowd.Plan;
import dev.heatcheck.internal.crowd.Progress;
import dev.heatcheck.internal.crowd.Workers;
import dev.heatcheck.internal.drive.Drive;
import dev.heatcheck.internal.drive.Driver;
import dev.heatcheck.internal.drive.VisitorRandom;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.events.EventMerge;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.internal.events.ReadStats;
import dev.heatcheck.internal.render.PageMaps;
import dev.heatcheck.internal.report.HtmlReport;
import dev.heatcheck.internal.report.JUnitXml;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.report.SummaryFile;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.Viewport;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedPage;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.FailedVisitor;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** scenario → drive → events.jsonl → analyze → check → report, one stage after the other. */
public final class Pipeline {
  public static final String TOOL = "heatcheck 0.1.0";
  static final String EVENTS = "events.jsonl";
  /** The folder of a run's Playwright traces, one zip per visitor, with --trace. */
  public static final String TRACES = "traces";

  private Pipeline() {}

  public static RunResult run(List<Scenario> scenarios, RunOptions options, PrintStream progress) {
    return run(scenarios, options, progress, progress);
  }

  /**
   * @param progress each scenario as it starts
   * @param notices what a user must see even from a quiet run: a browser being installed (minutes), the
   *     browser chosen, screenshots that could not be taken
   */
  public static RunResult run(
      List<Scenario> given, RunOptions options, PrintStream progress, PrintStream notices) {
    return run(given, options, progress, notices, null);
  }

  /**
   * @param rules the expect: file every scenario is held to, given apart from them (replay --expect):
   *     recorded in the run event, so that a report of the events alone holds them to it too; or null
   */
  public static RunResult run(
      List<Scenario> given,
      RunOptions options,
      PrintStream progress,
      PrintStream notices,
      Event.Rules rules) {
    long runSeed = options.seed() != null
        ? options.seed()
        : options.shard().isWhole()
            ? VisitorRandom.pick()
            : ShardFolder.pickedSeed(ShardFolder.planId(given, options));
    List<Scenario> scenarios = seeded(given, options.seed(), runSeed);
    List<Summary.VariantRun> variants = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      if (!scenario.variants().isEmpty()) {
        variants.add(Variants.run(scenario, options, progress, notices));
      }
    }
    List<Scenario> plain =
        scenarios.stream().filter(s -> s.variants().isEmpty()).toList();
    Path dir = options.out();
    if (!options.shard().isWhole()) {
      ShardFolder.write(plain, options, progress);
    }
    String runId = UUID.randomUUID().toString();
    String startedAt = Instant.now().toString();
    Path events = dir.resolve(EVENTS);
    List<Drive> drives = new ArrayList<>();
    String browserName = null;
    try (EventLog log = EventLog.create(events)) {
      if (!plain.isEmpty()) {
        browserName =
            drive(plain, options, log, runId, startedAt, runSeed, rules, drives, progress, notices);
        recordFailures(log, runId, drives);
      }
    }
    Grouping grouping = new Grouping(
        options.buckets(),
        scenarios.stream().flatMap(s -> s.pages().stream()).distinct().toList());
    Analyzed analyzed = analyzeAndDraw(
        List.of(events), EventReader.Options.defaults(), grouping, dir, true, plan -> {});
    Header header = new Header(runId, startedAt, options.baseUrl(), browserName, EVENTS);
    Summary summary = summarize(
        dir,
        drives,
        analyzed.analysis(),
        analyzed.drawn(),
        header,
        grouping,
        variants,
        options.baseline().map(Pipeline::findingsOf),
        analyzed.replays().of(drives));
    write(summary, dir);
    boolean timedOut = drives.stream().anyMatch(Drive::timedOut)
        || !variants.isEmpty() && options.deadline().passed();
    return new RunResult(dir, summary, timedOut);
  }

  /**
   * Plays the scenarios' planned visits (this run's shard of them) as a crowd, each worker with its own
   * browser, replaced when it dies; returns the browser's name. The run event is written once, by the
   * first worker, before any visit. Once the run's deadline passes, the visits left are still passed
   * through, so that each is reported as not started.
   */
  private static String drive(
      List<Scenario> scenarios,
      RunOptions options,
      EventLog log,
      String runId,
      String startedAt,
      long runSeed,
      Event.Rules rules,
      List<Drive> drives,
      PrintStream progress,
      PrintStream notices) {
    Driver.Options driving = Driver.Options.defaults(options.baseUrl())
        .withCookies(options.cookies())
        .withDeadline(options.deadline())
        .withTraceDir(options.trace() ? options.out().resolve(TRACES) : null);
    AtomicBoolean told = new AtomicBoolean();
    Supplier<BrowserSession> browsers = () -> {
      BrowserSession session =
          BrowserSession.open(options.remote(), options.browser(), options.mayInstall(), notices);
      if (!told.getAndSet(true)) {
        notices.println("Browser: " + session.shown());
      }
      return session;
    };
    AtomicReference<String> browserName = new AtomicReference<>();
    Supplier<Driver> drivers = () -> {
      Driver driver = new Driver(browsers, driving, log, notices);
      // the first worker's Driver is made before the others start, so this comes before any visit
      if (browserName.compareAndSet(null, driver.session().description())) {
        log.append(new Event.Run(
            Event.FORMAT_VERSION,
            runId,
            startedAt,
            TOOL,
            browserName.get(),
            seedOf(scenarios, runSeed),
            ReplayOutcomes.files(scenarios),
            rules));
      }
      return driver;
    };
    Plan plan = Plan.of(scenarios).slice(options.shard());
    int workers = Workers.count(options.workers(), scenarios, plan.size());
    for (Scenario scenario : scenarios) {
      progress.printf(
          Locale.ROOT,
          "Running %s: %d visitor(s) at %s%n",
          scenario.name(),
          scenario.visitors(),
          scenario.viewports().stream().map(Viewport::label).toList());
    }
    if (plan.size() > 1) {
      progress.printf(Locale.ROOT, "%d visitor(s) on %d worker(s)%n", plan.size(), workers);
    }
    drives.addAll(Crowd.drive(
        plan, workers, drivers, options.out().resolve("screens"), Progress.on(progress), notices));
    return browserName.get();
  }

  /**
   * What the visitors could not do, after them, so that a report of the events alone holds it to
   * failedVisitors and failedPages as the run does.
   */
  private static void recordFailures(EventLog log, String runId, List<Drive> drives) {
    int n = 0;
    for (Drive drive : drives) {
      String scenario = drive.scenario().name();
      for (var step : drive.failures()) {
        log.append(new Event.Failed(
            runId + ":failed:" + ++n,
            Event.Failed.STEP,
            scenario,
            null,
            step.viewport(),
            step.at().toString(),
            null,
            step.message(),
            null,
            null,
            null));
      }
      for (var visitor : drive.visitors()) {
        log.append(new Event.Failed(
            runId + ":failed:" + ++n,
            Event.Failed.VISITOR,
            scenario,
            visitor.session(),
            visitor.viewport(),
            visitor.at(),
            visitor.step(),
            visitor.reason(),
            null,
            null,
            null));
      }
      for (var page : drive.pages()) {
        log.append(new Event.Failed(
            runId + ":failed:" + ++n,
            Event.Failed.PAGE,
            scenario,
            page.session(),
            page.viewport(),
            page.at(),
            null,
            null,
            page.url(),
            page.status(),
            page.error()));
      }
    }
  }

  /**
   * Each scenario with the seed its visitors derive their choices from: --seed when given, else its own
   * {@code seed:}, else the one the run picked.
   */
  static List<Scenario> seeded(List<Scenario> scenarios, Long flag, long runSeed) {
    return scenarios.stream()
        .map(s -> flag == null && s.seed() != null ? s : s.withSeed(flag == null ? runSeed : flag))
        .toList();
  }

  /** The seed the run event records: the scenarios' when they share one, else the run's. */
  static long seedOf(List<Scenario> scenarios, long runSeed) {
    List<Long> seeds = scenarios.stream().map(Scenario::seed).distinct().toList();
    return seeds.size() == 1 && seeds.get(0) != null ? seeds.get(0) : runSeed;
  }

  /**
   * Re-analyses and re-draws from event files alone, in one pass over them (after a quick look at their
   * views): the maps are drawn on the screenshots beside them, or on new ones when asked. One input is
   * read where it is; several are joined (each event once) into the output folder as they are read, so
   * the report names one events file. The scenarios the events name are held to the rules given
   * (report --expect), else to those their run recorded (replay --expect), with the failures it
   * recorded: the checks the run had; without rules there are none.
   */
  public static RunResult report(List<Path> inputs, ReportOptions options, PrintStream progress) {
    Path dir = options.out();
    Path merged = dir.resolve(EVENTS);
    for (Path input : inputs) {
      if (input.toAbsolutePath().normalize().equals(merged.toAbsolutePath().normalize())) {
        throw new HeatcheckException(
            "--out " + dir + " holds " + input + "; write the report to another folder");
      }
    }
    Grouping grouping = new Grouping(options.buckets(), options.pagePatterns());
    Path screens = dir.resolve("screens");
    String[] browser = {null};
    if (!options.screenshots()) {
      NewShots.copyBeside(inputs, screens);
    }
    EventReader.Options reading =
        EventReader.Options.defaults().withSkipBadLines(options.skipBadLines());
    Analyzed analyzed;
    String eventsName;
    if (inputs.size() == 1) {
      eventsName = inputs.get(0).toAbsolutePath().normalize().toString();
      analyzed = analyzeAndDraw(
          inputs,
          reading,
          grouping,
          dir,
          !options.screenshots(),
          plan -> browser[0] = options.screenshots()
              ? NewShots.take(inputs, plan, options, screens, progress)
              : null);
    } else {
      eventsName = EVENTS;
      try (EventLog log = EventLog.create(merged)) {
        analyzed = analyzeAndDraw(
            inputs,
            reading,
            grouping,
            dir,
            !options.screenshots(),
            plan -> browser[0] = options.screenshots()
                ? NewShots.take(inputs, plan, options, screens, progress)
                : null,
            log);
      }
    }
    ReadStats read = analyzed.read();
    // clicks as analysed: each once, however many files held it
    progress.printf(
        Locale.ROOT,
        "Read %d event(s), %d click(s), from %d file(s)%n",
        read.events(),
        analyzed.analysis().clickCount(),
        inputs.size());
    String warning = read.warning(analyzed.analysis().undetermined());
    if (warning != null) {
      progress.println(warning);
    }
    // held to the rules given, else to those the run recorded (replay --expect); else none
    List<Drive> drives = analyzed.scenarios().drives(options.expect());
    Summary summary = summarize(
        dir,
        drives,
        analyzed.analysis(),
        analyzed.drawn(),
        new Header(
            UUID.randomUUID().toString(),
            Instant.now().toString(),
            options.baseUrl(),
            browser[0],
            eventsName),
        grouping,
        List.of(),
        Optional.empty(),
        analyzed.replays().ofEvents());
    write(summary, dir);
    return new RunResult(dir, summary);
  }

  /**
   * Analyses, draws and reports events already in {@code dir} (events.jsonl and screens/), recorded
   * without a scenario, e.g. from a test's own page.
   */
  public static RunResult conclude(Path dir, String runId, String startedAt, String browser) {
    Grouping grouping = Grouping.defaults();
    Analyzed analyzed = analyzeAndDraw(
        List.of(dir.resolve(EVENTS)),
        EventReader.Options.defaults(),
        grouping,
        dir,
        true,
        plan -> {});
    Summary summary = summarize(
        dir,
        List.of(),
        analyzed.analysis(),
        analyzed.drawn(),
        new Header(runId, startedAt, null, browser, EVENTS),
        grouping);
    write(summary, dir);
    return new RunResult(dir, summary);
  }

  /**
   * What one pass over the events gave: the analysis, the maps drawn, what the reader met, and the
   * replayed actions and the scenarios the events name (gathered in the quick look before it).
   */
  record Analyzed(
      Analysis analysis,
      List<PageMaps.Drawn> drawn,
      ReadStats read,
      ReplayOutcomes.Gathered replays,
      RecordedScenarios scenarios) {}

  static Analyzed analyzeAndDraw(
      List<Path> events,
      EventReader.Options reading,
      Grouping grouping,
      Path dir,
      boolean recordedLayout,
      Consumer<List<PageStats>> beforeDrawing) {
    return analyzeAndDraw(events, reading, grouping, dir, recordedLayout, beforeDrawing, null);
  }

  /**
   * A quick look at the views (and scrolls) lays out the maps: which screenshot each page is drawn on,
   * and how tall. Then one pass judges every click and draws it as it goes.
   *
   * @param copy where to write each distinct event as it is read (several inputs joined), or null
   */
  static Analyzed analyzeAndDraw(
      List<Path> events,
      EventReader.Options reading,
      Grouping grouping,
      Path dir,
      boolean recordedLayout,
      Consumer<List<PageStats>> beforeDrawing,
      EventLog copy) {
    Analyzer planner = new Analyzer(Rules.defaults(), grouping);
    ReplayOutcomes.Gathered replays = new ReplayOutcomes.Gathered();
    RecordedScenarios scenarios = new RecordedScenarios();
    Consumer<Event> look = planner.andThen(replays).andThen(scenarios);
    Consumer<Event> plannerInput = events.size() > 1 ? EventMerge.distinct(look) : look;
    // the views and scrolls lay out the maps; the run, replayed and failed events are what replays
    // and checks need
    EventReader.read(
        events, reading.only(Set.of("view", "scroll", "run", "replayed", "failed")), plannerInput);
    List<PageStats> plan = planner.finish().pages();
    Stages.mark("plan");
    beforeDrawing.accept(plan);
    PageMaps.Drawing drawing = new PageMaps.Drawing(plan, dir.resolve("screens"), recordedLayout);
    Analyzer analyzer = new Analyzer(Rules.defaults(), grouping).listening(drawing);
    Consumer<Event> input = analyzer;
    if (copy != null) {
      input = event -> {
        copy.append(event);
        analyzer.accept(event);
      };
    }
    ReadStats read =
        EventReader.read(events, reading, events.size() > 1 ? EventMerge.distinct(input) : input);
    Analysis analysis = analyzer.finish();
    Stages.mark("analyze");
    List<PageMaps.Drawn> drawn = drawing.write(analysis, dir.resolve("heatmaps"));
    Stages.mark("draw");
    return new Analyzed(analysis, drawn, read, replays, scenarios);
  }

  /** The report files every run and report writes. */
  static void write(Summary summary, Path dir) {
    SummaryFile.write(summary, dir);
    JUnitXml.write(summary, dir);
    HtmlReport.write(summary, dir);
  }

  /** @param events the events file the report names, relative to its folder or absolute */
  record Header(String runId, String startedAt, String baseUrl, String browser, String events) {}

  static Summary summarize(
      Path dir,
      List<Drive> drives,
      Analysis analysis,
      List<PageMaps.Drawn> drawn,
      Header header,
      Grouping grouping) {
    return summarize(dir, drives, analysis, drawn, header, grouping, List.of(), Optional.empty());
  }

  /** A baseline run's findings as (kind, page, viewport, selector), what new* rules leave out. */
  static Set<List<String>> findingsOf(Path run) {
    Path file = run.resolve(SummaryFile.NAME);
    if (!Files.isRegularFile(file)) {
      throw new HeatcheckException(
          "--baseline " + run + " is not a heatcheck run folder: it has no " + SummaryFile.NAME);
    }
    return SummaryFile.read(file).findings().stream()
        .map(f -> List.of(f.kind().id(), f.page(), f.viewport(), String.valueOf(f.selector())))
        .collect(Collectors.toSet());
  }

  static Summary summarize(
      Path dir,
      List<Drive> drives,
      Analysis analysis,
      List<PageMaps.Drawn> drawn,
      Header header,
      Grouping grouping,
      List<Summary.VariantRun> variants,
      Optional<Set<List<String>>> baseline) {
    return summarize(dir, drives, analysis, drawn, header, grouping, variants, baseline, List.of());
  }

  /** @param replays each replayed recording's fidelity (heatcheck replay); empty for scripted runs */
  static Summary summarize(
      Path dir,
      List<Drive> drives,
      Analysis analysis,
      List<PageMaps.Drawn> drawn,
      Header header,
      Grouping grouping,
      List<Summary.VariantRun> variants,
      Optional<Set<List<String>>> baseline,
      List<Summary.Replay> replays) {
    Map<String, Integer> diverged = ReplayOutcomes.diverged(replays);
    List<Check> checks = new ArrayList<>();
    List<FailedStep> failedSteps = new ArrayList<>();
    Checker checker = new Checker(analysis, dir.resolve("screens"), baseline);
    List<Summary.ScenarioRun> scenarios = new ArrayList<>();
    for (Drive drive : drives) {
      Scenario scenario = drive.scenario();
      List<Check> own = checker.check(
          scenario, drive.visitors(), drive.pages(), diverged.getOrDefault(scenario.name(), 0));
      List<FailedStep> failed = drive.failures().stream()
          .map(f ->
              new FailedStep(scenario.name(), f.viewport(), f.message(), f.at().toString()))
          .toList();
      checks.addAll(own);
      failedSteps.addAll(failed);
      scenarios.add(new Summary.ScenarioRun(
          scenario.name(),
          String.valueOf(scenario.file()),
          scenario.viewports().stream().map(Viewport::label).toList(),
          scenario.visitors(),
          analysis.totals(scenario.name()).clicks(),
          failed.isEmpty() && own.stream().allMatch(Check::passed),
          scenario.seed()));
    }
    Map<Object, PageMaps.Drawn> drawnByKey =
        drawn.stream().collect(Collectors.toMap(PageMaps.Drawn::key, Function.identity()));
    List<Summary.PageRow> pages = analysis.pages().stream()
        .map(p -> pageRow(dir, p, drawnByKey.get(p.key())))
        .toList();
    List<FailedVisitor> failedVisitors = drives.stream()
        .flatMap(d -> d.visitors().stream())
        .map(v -> new FailedVisitor(
            v.scenario(), v.session(), v.viewport(), v.at(), v.step(), v.reason()))
        .toList();
    List<FailedPage> failedPages = drives.stream()
        .flatMap(d -> d.pages().stream())
        .map(p -> new FailedPage(
            p.scenario(),
            p.session(),
            p.viewport(),
            p.url(),
            p.status() == 0 ? null : p.status(),
            p.error(),
            p.at()))
        .toList();
    return new Summary(
        Summary.VERSION,
        TOOL,
        header.runId(),
        header.startedAt(),
        Instant.now().toString(),
        header.baseUrl(),
        header.browser(),
        failedSteps.isEmpty()
            && checks.stream().allMatch(Check::passed)
            && variants.stream().allMatch(Summary.VariantRun::passed),
        scenarios,
        analysis.findings(),
        checks,
        failedSteps,
        pages,
        header.events(),
        new Summary.Grouping(grouping.buckets().spec(), grouping.pagePatterns()),
        variants,
        failedVisitors,
        failedPages,
        replays);
  }

  private static Summary.PageRow pageRow(Path dir, PageStats page, PageMaps.Drawn drawn) {
    List<Summary.ElementRow> elements = page.elements().stream()
        .map(e -> new Summary.ElementRow(
            e.selector(),
            e.text(),
            e.clicks(),
            round(e.share()),
            e.dead(),
            e.rage(),
            e.error(),
            drawn.boxes().get(e.selector())))
        .toList();
    Map<String, String> containers = new java.util.LinkedHashMap<>();
    drawn
        .containerScrolls()
        .forEach((selector, file) -> containers.put(selector, relative(dir, file)));
    Summary.Maps maps = new Summary.Maps(
        relative(dir, drawn.click()),
        relative(dir, drawn.move()),
        relative(dir, drawn.scroll()),
        containers);
    return new Summary.PageRow(
        page.key().page(),
        page.key().bucket(),
        page.viewports(),
        page.views(),
        page.clicks(),
        page.mainViewport() + " " + page.mainPath(),
        maps,
        drawn.shot().map(s -> relative(dir, s.image())).orElse(null),
        scroll(page),
        elements,
        drawn.gone());
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
