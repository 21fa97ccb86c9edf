package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.drive.Drive;
import dev.heatcheck.internal.drive.PageFailure;
import dev.heatcheck.internal.drive.StepFailure;
import dev.heatcheck.internal.drive.VisitorFailure;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.scenario.Expectations;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.internal.scenario.Viewport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The scenarios a report of events alone can hold to {@code expect:} rules, as their runs named and
 * played them: each with the file its run event names, its visitors and viewports as its page views'
 * sessions ({@code scenario/1280x800/3}) tell, the run's seed, and the rules the run recorded (replay
 * --expect) or a report is given, and the failures its run recorded after its visitors. Gathered in the
 * quick look at the views, on the reader's one thread.
 */
final class RecordedScenarios implements Consumer<Event> {
  private final Map<String, Seen> seen = new LinkedHashMap<>();
  /** The rules each run recorded, by the scenarios its run event names; the first run's for the rest. */
  private final Map<String, Event.Rules> rulesByScenario = new LinkedHashMap<>();

  private Event.Rules firstRules;
  private Long seed;

  /**
   * One scenario's file, what its views' sessions say of its visitors and viewports, and what its run
   * could not do.
   */
  private static final class Seen {
    String file;
    final Set<String> visitors = new LinkedHashSet<>();
    final Map<String, Viewport> viewports = new LinkedHashMap<>();
    final List<StepFailure> steps = new ArrayList<>();
    final List<VisitorFailure> failedVisitors = new ArrayList<>();
    final List<PageFailure> pages = new ArrayList<>();
  }

  @Override
  public void accept(Event event) {
    if (event instanceof Event.Run run) {
      seed = seed == null ? run.seed() : seed;
      if (run.expect() != null && firstRules == null) {
        firstRules = run.expect();
      }
      if (run.files() != null) {
        run.files().forEach((name, file) -> {
          Seen scenario = seen.computeIfAbsent(name, k -> new Seen());
          scenario.file = scenario.file == null ? file : scenario.file;
          if (run.expect() != null) {
            rulesByScenario.putIfAbsent(name, run.expect());
          }
        });
      }
    } else if (event instanceof Event.View view && view.scenario() != null) {
      see(seen.computeIfAbsent(view.scenario(), k -> new Seen()), view);
    } else if (event instanceof Event.Failed failed && failed.scenario() != null) {
      failed(seen.computeIfAbsent(failed.scenario(), k -> new Seen()), failed);
    }
  }

  /** A failure as the run had it; one of a kind this version does not know is passed by. */
  private static void failed(Seen scenario, Event.Failed f) {
    switch (String.valueOf(f.what())) {
      case Event.Failed.STEP ->
        scenario.steps.add(
            new StepFailure(Merge.location(String.valueOf(f.at())), f.viewport(), f.reason()));
      case Event.Failed.VISITOR ->
        scenario.failedVisitors.add(new VisitorFailure(
            f.scenario(), f.session(), f.viewport(), f.at(), f.step(), f.reason()));
      case Event.Failed.PAGE ->
        scenario.pages.add(new PageFailure(
            f.scenario(),
            f.session(),
            f.viewport(),
            f.url(),
            f.status() == null ? 0 : f.status(),
            f.error(),
            f.at()));
      default -> {}
    }
  }

  /**
   * The visitor and viewport of a session "scenario/WxH/N" (visitor N plays at every viewport); a session
   * named otherwise is a visitor of its own.
   */
  private static void see(Seen scenario, Event.View view) {
    String session = String.valueOf(view.session());
    String rest = session.startsWith(view.scenario() + "/")
        ? session.substring(view.scenario().length() + 1)
        : "";
    int slash = rest.indexOf('/');
    Viewport size = slash < 0 ? null : Viewport.ofLabel(rest.substring(0, slash));
    if (size == null) {
      scenario.visitors.add(session);
      scenario.viewports.putIfAbsent(
          view.vw() + "x" + view.vh(), new Viewport(view.vw(), view.vh()));
    } else {
      scenario.visitors.add(rest.substring(slash + 1));
      scenario.viewports.putIfAbsent(size.label(), size);
    }
  }

  /**
   * Each scenario as a drive with the failures its run recorded, held to {@code given}, or without it
   * to the rules its run recorded; none when there are no rules to hold them to.
   *
   * @param given the rules a report was given (report --expect), or null
   */
  List<Drive> drives(Expectations given) {
    if (given == null && firstRules == null) {
      return List.of();
    }
    Map<Event.Rules, Expectations> parsed = new LinkedHashMap<>();
    List<Drive> drives = new ArrayList<>();
    seen.forEach((name, scenario) -> {
      Expectations rules = given != null
          ? given
          : parsed.computeIfAbsent(
              rulesByScenario.getOrDefault(name, firstRules),
              r -> ScenarioLoader.parseExpect(Path.of(r.file()), r.text()));
      Scenario played = new Scenario(
          scenario.file == null ? null : Path.of(scenario.file),
          name,
          null,
          scenario.viewports.isEmpty()
              ? List.of(Viewport.DEFAULT)
              : List.copyOf(scenario.viewports.values()),
          Math.max(1, scenario.visitors.size()),
          List.of(),
          rules,
          List.of());
      drives.add(new Drive(
          seed == null ? played : played.withSeed(seed),
          scenario.steps,
          scenario.failedVisitors,
          scenario.pages,
          false));
    });
    return drives;
  }
}
