package dev.heatcheck.internal.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

/** The expect: grammar: rules per kind, scope, rate, warn level, scroll reach and click share. */
public class ExpectReaderTest {
  @Test
  public void a_kind_takes_one_rule_or_a_list_of_scoped_rules_with_rates_and_warn_levels()
      throws IOException {
    Path file = write("""
        url: /
        expect:
          deadClicks: [{max: 0, page: /checkout}, {warn: 1, max: 3, per: 100 clicks, viewport: 390x844}]
          newRageClicks: {max: 0, selector: "#buy"}
          errorClicks: {warn: 0, per: visitor}
        """);
    List<Expectation> rules = ScenarioLoader.load(file).expect().rules();
    assertEquals(
        rules.stream().map(Expectation::name).toList(),
        List.of(
            "deadClicks on /checkout",
            "deadClicks at 390x844 per 100 clicks",
            "errorClicks per visitor",
            "newRageClicks on #buy"));
    Expectation.Friction rated = (Expectation.Friction) rules.get(1);
    assertEquals(rated.warn(), 1.0);
    assertEquals(rated.max(), 3.0);
    assertEquals(rated.at().line(), 3);
  }

  @Test
  public void scroll_reach_and_click_share_take_shares_of_views_and_clicks() throws IOException {
    Path file = write("""
        url: /
        expect:
          scrollReach: [{selector: "#pricing", min: 0.5}, {y: 1200, page: /guide, warn: 0.8}]
          clickShare: {selector: "#buy", page: /checkout, min: 0.2, max: 0.9}
        """);
    List<Expectation> rules = ScenarioLoader.load(file).expect().rules();
    assertEquals(
        rules.get(0),
        new Expectation.ScrollReach(
            "#pricing", null, null, null, 0.5, rules.get(0).at()));
    assertEquals(rules.get(1).name(), "scrollReach y 1200 on /guide");
    assertEquals(
        rules.get(2),
        new Expectation.ClickShare("#buy", "/checkout", 0.2, 0.9, rules.get(2).at()));
  }

  @Test
  public void failed_visitors_and_pages_take_a_whole_max_and_nothing_else() throws IOException {
    Path file = write("""
        url: /
        expect:
          failedVisitors: {max: 1}
          failedPages: {max: 0}
        """);
    List<Expectation> rules = ScenarioLoader.load(file).expect().rules();
    assertEquals(
        rules,
        List.of(
            new Expectation.FailureLimit("failedVisitors", 1, rules.get(0).at()),
            new Expectation.FailureLimit("failedPages", 0, rules.get(1).at())));
    Path bad = write("""
        url: /
        expect:
          failedVisitors: {max: 0.5}
          failedPages: {warn: 1}
        """);
    ScenarioException e = expectThrows(ScenarioException.class, () -> ScenarioLoader.load(bad));
    assertEquals(
        e.problems().stream()
            .map(p -> p.at().line() + ":" + p.at().column() + " " + p.message())
            .toList(),
        List.of(
            "3:25 expect.failedVisitors.max: expected an integer from 0 to 1000000, got 0.5",
            "4:16 expect.failedPages: max is required, e.g. {max: 0}",
            "4:17 expect.failedPages: unknown key \"warn\"; expected one of: max"));
  }

  @Test
  public void mistakes_are_reported_where_they_are_written() throws IOException {
    Path file = write("""
        url: /
        expect:
          deadClicks: {warn: 3, max: 1, per: day}
          rageClicks: {page: /x}
          scrollReach: {selector: "#a", y: 10, min: 2}
          clickShare: {min: 0.1}
          deadClick: {max: 0}
        """);
    ScenarioException e = expectThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertEquals(
        e.problems().stream()
            .map(p -> p.at().line() + ":" + p.at().column() + " " + p.message())
            .toList(),
        List.of(
            "3:16 expect.deadClicks: warn (3) must not be above max (1)",
            "3:38 expect.deadClicks.per: expected \"100 clicks\" or \"visitor\", got \"day\"",
            "4:15 expect.rageClicks: max or warn is required, e.g. {max: 0} or {warn: 0, max: 3}",
            "5:16 expect.scrollReach: give either selector or y, e.g. {selector: \"#pricing\", min: 0.5}",
            "5:45 expect.scrollReach.min: a share is from 0 to 1 (0.5 is half), got 2",
            "6:15 expect.clickShare: selector is required, e.g. {selector: \"#buy\", min: 0.2}",
            "7:3 expect: unknown key \"deadClick\"; expected one of: deadClicks, rageClicks, errorClicks, newDeadClicks,"
                + " newRageClicks, newErrorClicks, scrollReach, clickShare, failedVisitors, failedPages, divergedActions"));
  }

  private static Path write(String text) throws IOException {
    return Files.writeString(
        Files.createTempDirectory("heatcheck-expect").resolve("rules.yaml"), text);
  }
}
