package dev.heatcheck.internal.check;

import dev.heatcheck.internal.analyze.Analysis;
import dev.heatcheck.internal.analyze.ClickTally;
import dev.heatcheck.internal.analyze.ViewTally;
import dev.heatcheck.internal.drive.PageFailure;
import dev.heatcheck.internal.drive.Shot;
import dev.heatcheck.internal.drive.VisitorFailure;
import dev.heatcheck.internal.scenario.Expectation;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.result.Bound;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Holds each scenario to its {@code expect:} rules. */
public final class Checker {
  private final Analysis analysis;
  private final Path screens;
  private final Optional<Set<List<String>>> baseline;

  /**
   * @param screens the run's screenshots, whose anchors locate the elements of scroll reach rules
   * @param baseline the findings of a baseline run as (kind, page, viewport, selector), for new* rules
   */
  public Checker(Analysis analysis, Path screens, Optional<Set<List<String>>> baseline) {
    this.analysis = analysis;
    this.screens = screens;
    this.baseline = baseline;
  }

  public List<Check> check(Scenario scenario) {
    return check(scenario, List.of(), List.of());
  }

  /**
   * @param visitors the visitors that were ended or not started: failedVisitors rules count them
   * @param pages the pages the site failed to serve: failedPages rules count them
   */
  public List<Check> check(
      Scenario scenario, List<VisitorFailure> visitors, List<PageFailure> pages) {
    return check(scenario, visitors, pages, 0);
  }

  /**
   * @param diverged the replayed actions no locator found (heatcheck replay): divergedActions rules count
   *     them; without such a rule there is no check
   */
  public List<Check> check(
      Scenario scenario, List<VisitorFailure> visitors, List<PageFailure> pages, int diverged) {
    List<Check> results = new ArrayList<>();
    for (Expectation rule : scenario.expect().rules()) {
      if (!(rule instanceof Expectation.FailureLimit)) {
        results.add(check(scenario, rule));
      }
    }
    results.addAll(failureLimits(
        scenario,
        Expectation.FailureLimit.VISITORS,
        visitors.size(),
        visitors.stream().map(VisitorFailure::at).filter(Objects::nonNull).findFirst()));
    results.addAll(failureLimits(
        scenario,
        Expectation.FailureLimit.PAGES,
        pages.size(),
        pages.stream().map(PageFailure::at).findFirst()));
    results.addAll(divergenceLimits(scenario, diverged));
    return results;
  }

  /**
   * The scenario's failedVisitors or failedPages rules; without one, none may fail, and the check then
   * shows only when some did, pointing at the first failure.
   */
  private List<Check> failureLimits(
      Scenario scenario, String name, int count, Optional<String> firstAt) {
    List<Expectation.FailureLimit> rules = scenario.expect().rules().stream()
        .filter(r -> r instanceof Expectation.FailureLimit limit && limit.name().equals(name))
        .map(r -> (Expectation.FailureLimit) r)
        .toList();
    if (rules.isEmpty()) {
      return count == 0
          ? List.of()
          : List.of(new Check(
              scenario.name(),
              name,
              Level.FAIL,
              count,
              0,
              null,
              Bound.MAX,
              firstAt.orElse(String.valueOf(scenario.file()))));
    }
    return rules.stream()
        .map(rule -> new Check(
            scenario.name(),
            name,
            count <= rule.max() ? Level.PASS : Level.FAIL,
            count,
            rule.max(),
            null,
            Bound.MAX,
            rule.at().toString()))
        .toList();
  }

  /** The scenario's divergedActions rules, each a check; none without a rule. */
  private static List<Check> divergenceLimits(Scenario scenario, int diverged) {
    return scenario.expect().rules().stream()
        .filter(r -> r instanceof Expectation.FailureLimit limit
            && limit.name().equals(Expectation.FailureLimit.DIVERGED))
        .map(r -> (Expectation.FailureLimit) r)
        .map(rule -> new Check(
            scenario.name(),
            rule.name(),
            diverged <= rule.max() ? Level.PASS : Level.FAIL,
            diverged,
            rule.max(),
            null,
            Bound.MAX,
            rule.at().toString()))
        .toList();
  }

  private Check check(Scenario scenario, Expectation rule) {
    if (rule instanceof Expectation.Friction friction) {
      return friction(scenario, friction);
    } else if (rule instanceof Expectation.ScrollReach reach) {
      return scrollReach(scenario, reach);
    }
    return clickShare(scenario, (Expectation.ClickShare) rule);
  }

  private Check friction(Scenario scenario, Expectation.Friction rule) {
    String at = rule.at().toString();
    if (rule.onlyNew() && baseline.isEmpty()) {
      return new Check(
          scenario.name(),
          rule.name(),
          Level.SKIP,
          "no baseline to compare with (heatcheck run --baseline DIR, or heatcheck compare)",
          number(rule.max()),
          number(rule.warn()),
          Bound.MAX,
          at);
    }
    int count = 0;
    for (Finding finding : analysis.findings()) {
      if (finding.kind() == rule.kind()
          && finding.scenario().equals(scenario.name())
          && inScope(rule.scope(), finding.page(), finding.viewport(), finding.selector())
          && !(rule.onlyNew()
              && baseline
                  .get()
                  .contains(List.of(
                      finding.kind().id(),
                      finding.page(),
                      finding.viewport(),
                      String.valueOf(finding.selector()))))) {
        count += finding.count();
      }
    }
    double actual = round(
        switch (rule.per()) {
          case ALL -> count;
          case HUNDRED_CLICKS -> per(count * 100.0, clicks(scenario, rule.scope()));
          case VISITOR ->
            per(
                count,
                scenario.visitors()
                    * (rule.scope().viewport() == null ? scenario.viewports().size() : 1));
        });
    Level level = rule.max() != null && actual > rule.max()
        ? Level.FAIL
        : rule.warn() != null && actual > rule.warn() ? Level.WARN : Level.PASS;
    return new Check(
        scenario.name(),
        rule.name(),
        level,
        number(actual),
        number(rule.max()),
        number(rule.warn()),
        Bound.MAX,
        at);
  }

  private Check scrollReach(Scenario scenario, Expectation.ScrollReach rule) {
    int views = 0;
    int reached = 0;
    for (ViewTally tally : analysis.viewTallies()) {
      if (!tally.scenario().equals(scenario.name())
          || !onPage(rule.page(), tally.key().page(), tally.path())) {
        continue;
      }
      Optional<Double> depth = rule.y() != null
          ? Optional.of(rule.y())
          : Shot.find(screens, tally.path(), tally.viewport())
              .flatMap(s -> s.anchor(rule.selector()))
              .map(box -> box.get(1));
      if (depth.isPresent()) {
        views += tally.reach().size();
        reached += tally.reach().atLeast(depth.get());
      }
    }
    String at = rule.at().toString();
    if (views == 0) {
      String why = rule.y() != null
          ? "no page view" + (rule.page() == null ? "" : " of " + rule.page())
          : rule.selector() + " is not on " + (rule.page() == null ? "any page" : rule.page())
              + " of this scenario";
      return new Check(
          scenario.name(),
          rule.name(),
          Level.FAIL,
          why,
          number(rule.min()),
          number(rule.warn()),
          Bound.MIN,
          at);
    }
    double share = round((double) reached / views);
    Level level = rule.min() != null && share < rule.min()
        ? Level.FAIL
        : rule.warn() != null && share < rule.warn() ? Level.WARN : Level.PASS;
    return new Check(
        scenario.name(),
        rule.name(),
        level,
        share,
        number(rule.min()),
        number(rule.warn()),
        Bound.MIN,
        at);
  }

  private Check clickShare(Scenario scenario, Expectation.ClickShare rule) {
    int on = 0;
    int all = 0;
    for (ClickTally tally : analysis.clickTallies()) {
      if (tally.scenario().equals(scenario.name())
          && (tally.path() == null
              ? rule.page() == null
              : onPage(rule.page(), tally.page(), tally.path()))) {
        all += tally.clicks();
        on += rule.selector().equals(tally.selector()) ? tally.clicks() : 0;
      }
    }
    double share = round(per(on, all));
    boolean passed =
        (rule.min() == null || share >= rule.min()) && (rule.max() == null || share <= rule.max());
    Object limit = rule.min() != null && rule.max() != null
        ? rule.min() + ".." + rule.max()
        : rule.min() != null ? ">= " + rule.min() : "<= " + rule.max();
    Bound bound = rule.min() != null && rule.max() != null
        ? null
        : rule.min() != null ? Bound.MIN : Bound.MAX;
    return new Check(
        scenario.name(),
        rule.name(),
        passed ? Level.PASS : Level.FAIL,
        share,
        limit,
        null,
        bound,
        rule.at().toString());
  }

  private int clicks(Scenario scenario, Expectation.Scope scope) {
    int clicks = 0;
    for (ClickTally tally : analysis.clickTallies()) {
      if (tally.scenario().equals(scenario.name())
          && inScope(scope, tally.page(), tally.viewport(), tally.selector())) {
        clicks += tally.clicks();
      }
    }
    return clicks;
  }

  private static boolean inScope(
      Expectation.Scope scope, String page, String viewport, String selector) {
    return (scope.page() == null || scope.page().equals(page))
        && (scope.viewport() == null || scope.viewport().equals(viewport))
        && (scope.selector() == null || scope.selector().equals(selector));
  }

  /** A rule's page is a path or the pages: pattern it is grouped under. */
  private static boolean onPage(String page, String grouped, String path) {
    return page == null || page.equals(grouped) || page.equals(path);
  }

  private static double per(double count, double of) {
    return of == 0 ? 0 : count / of;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** Whole numbers as integers, so summaries read 3 rather than 3.0. */
  private static Object number(Double value) {
    if (value == null) {
      return null;
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) value.longValue() : value;
  }
}
