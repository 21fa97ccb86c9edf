package dev.heatcheck.internal.analyze;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.events.EffectKind;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.Target;
import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/** Judgement settings per scenario (carried by page views), ignored targets, and the rage options. */
public class JudgementRulesTest {
  private static final long T0 = 1_700_000_000_000L;

  // ---- a scenario's own windows
  // -------------------------------------------------------------------

  @Test
  public void a_views_own_mutation_window_judges_the_clicks_in_it() {
    Event.Judging slow = new Event.Judging(Map.of("mutation", 5_000L), null);
    Analysis analysis = analyze(
        view("v1", "s1", slow),
        click("c1", "v1", "s1", 0, 10, 10, button("#a")),
        effect("v1", "s1", 4_000, "mutation"),
        view("v2", "s2", null),
        click("c2", "v2", "s2", 0, 10, 10, button("#a")),
        effect("v2", "s2", 4_000, "mutation"));

    assertEquals(verdict(analysis, "c1"), Verdict.ALIVE, "4 s is within the scenario's 5 s");
    assertEquals(verdict(analysis, "c2"), Verdict.DEAD, "4 s is past the default 2.5 s");
  }

  @Test
  public void a_views_own_error_window_decides_which_errors_a_click_is_blamed_for() {
    Event.Judging strict = new Event.Judging(Map.of("error", 200L), null);
    Analysis analysis = analyze(
        view("v1", "s1", strict),
        click("c1", "v1", "s1", 0, 10, 10, button("#a")),
        effect("v1", "s1", 10, "mutation"),
        new Event.PageError("x1", "v1", "s1", T0 + 500, "TypeError: late"));

    assertEquals(verdict(analysis, "c1"), Verdict.ALIVE);
  }

  @Test
  public void
      rules_take_a_scenarios_settings_over_the_defaults_and_pass_over_kinds_they_do_not_know() {
    Rules rules = Rules.defaults()
        .with(new Event.Judging(
            Map.of("focus", 50L, "hologram", 9L, "error", 3_000L),
            new Event.Judging.Rage(5, 400L, null, true)));

    assertEquals(rules.windows().get(EffectKind.FOCUS), 50L);
    assertEquals(rules.windows().get(EffectKind.MUTATION), 2_500L, "what is not set stays");
    assertEquals(rules.errorWindowMs(), 3_000);
    assertEquals(rules.rageClicks(), 5);
    assertEquals(rules.rageGapMs(), 400);
    assertEquals(rules.rageDistancePx(), 30.0);
    assertTrue(rules.rageSameTarget());
    assertEquals(rules.longestWindow(), 3_000);
    assertEquals(Rules.defaults().with(null), Rules.defaults());
  }

  // ---- ignored targets
  // ----------------------------------------------------------------------------

  @Test
  public void a_click_on_an_ignored_element_is_never_judged_and_never_part_of_a_rage_click() {
    Target ignored = new Target(
        "#chat", "button", "Chat", "button", null, true, false, box(), 0.5, 0.5, false, true, null);
    Analysis analysis = analyze(
        view("v1", "s1", null),
        click("c1", "v1", "s1", 0, 100, 100, ignored),
        click("c2", "v1", "s1", 200, 100, 100, ignored),
        click("c3", "v1", "s1", 400, 100, 100, ignored),
        click("c4", "v1", "s1", 600, 100, 100, button("#buy")),
        click("c5", "v1", "s1", 800, 100, 100, button("#buy")));

    assertEquals(verdict(analysis, "c1"), Verdict.NOT_JUDGED);
    assertTrue(
        analysis.findings().stream().noneMatch(f -> f.kind() == Kind.RAGE),
        "three ignored clicks and two others make no burst: " + analysis.findings());
    assertTrue(
        analysis.findings().stream().noneMatch(f -> "#chat".equals(f.selector())),
        analysis.findings().toString());
  }

  // ---- rage options
  // -------------------------------------------------------------------------------

  @Test
  public void with_same_target_required_clicks_on_neighbouring_elements_are_no_rage_click() {
    List<Event> clicks = List.of(
        click("c1", "v1", "s1", 0, 100, 100, button("#plus")),
        click("c2", "v1", "s1", 200, 110, 100, button("#minus")),
        click("c3", "v1", "s1", 400, 100, 100, button("#plus")));
    Event.Judging sameTarget =
        new Event.Judging(null, new Event.Judging.Rage(null, null, null, true));

    assertEquals(
        rage(analyze(concat(view("v1", "s1", null), clicks))),
        1,
        "PostHog's default counts any target");
    assertEquals(
        rage(analyze(concat(view("v1", "s1", sameTarget), clicks))),
        0,
        "Datadog's way needs one target");
  }

  @Test
  public void rage_thresholds_come_from_the_scenario() {
    List<Event> clicks = List.of(
        click("c1", "v1", "s1", 0, 100, 100, button("#a")),
        click("c2", "v1", "s1", 300, 140, 100, button("#a")),
        click("c3", "v1", "s1", 600, 180, 100, button("#a")));
    Event.Judging loose = new Event.Judging(null, new Event.Judging.Rage(3, 500L, 50.0, null));
    Event.Judging fourNeeded = new Event.Judging(null, new Event.Judging.Rage(4, 500L, 50.0, null));
    Event.Judging quick = new Event.Judging(null, new Event.Judging.Rage(3, 250L, 50.0, null));

    assertEquals(
        rage(analyze(concat(view("v1", "s1", null), clicks))),
        0,
        "40 px apart is past the default 30 px");
    assertEquals(rage(analyze(concat(view("v1", "s1", loose), clicks))), 1);
    assertEquals(rage(analyze(concat(view("v1", "s1", fourNeeded), clicks))), 0);
    assertEquals(
        rage(analyze(concat(view("v1", "s1", quick), clicks))), 0, "300 ms gaps are past 250 ms");
  }

  // ---- helpers
  // -------------------------------------------------------------------------------------

  private static Analysis analyze(Event... events) {
    Analyzer analyzer = new Analyzer(Rules.defaults()).keepingClicks();
    Arrays.stream(events).forEach(analyzer);
    return analyzer.finish();
  }

  private static Event[] concat(Event first, List<Event> rest) {
    Event[] all = new Event[rest.size() + 1];
    all[0] = first;
    for (int i = 0; i < rest.size(); i++) {
      all[i + 1] = rest.get(i);
    }
    return all;
  }

  private static Event.View view(String id, String session, Event.Judging judge) {
    return new Event.View(
        id,
        session,
        "checkout",
        "https://shop.example/cart",
        "/cart",
        1280,
        800,
        1280,
        3000,
        T0 - 1_000,
        judge);
  }

  private static Event.Click click(
      String id, String view, String session, long at, double x, double y, Target target) {
    return new Event.Click(id, view, session, T0 + at, x, y, false, target);
  }

  private static Event.Effect effect(String view, String session, long at, String kind) {
    return new Event.Effect("e@" + view + at, view, session, T0 + at, kind, null);
  }

  private static Target button(String selector) {
    return new Target(selector, "button", "Go", "button", null, true, false, box(), 0.5, 0.5);
  }

  private static List<Double> box() {
    return List.of(80.0, 80.0, 120.0, 40.0);
  }

  private static Verdict verdict(Analysis analysis, String id) {
    return analysis.clicks().stream()
        .filter(c -> c.click().id().equals(id))
        .findFirst()
        .orElseThrow()
        .verdict();
  }

  private static long rage(Analysis analysis) {
    return analysis.findings().stream()
        .filter(f -> f.kind() == Kind.RAGE)
        .mapToInt(Finding::count)
        .sum();
  }
}
