package dev.heatcheck.internal.replay;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.scenario.JudgeSettings;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.Step;
import dev.heatcheck.internal.scenario.Target;
import dev.heatcheck.internal.scenario.Target.Located;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/** Recorded visits as scenarios: URLs, steps, the waits between them and masked values. */
public class ReplaysTest {
  private static final long WINDOW = JudgeSettings.none().longestWindow();

  private static Replays.Plan plan(
      java.nio.file.Path file, double speed, Map<String, String> inputs) {
    return Replays.plan(
        List.of(Recordings.readFile(file)),
        new Replays.Settings("http://127.0.0.1:9999", speed, 10_000, inputs, null));
  }

  /**
   * The time played before each click on {@code selector} since the action before it (pointer moves to a
   * point in between are the pointer travelling, not actions), with the click's recorded time.
   */
  private static List<long[]> gapsBeforeClicksOn(Scenario scenario, String selector) {
    List<long[]> out = new ArrayList<>();
    List<Step> steps = scenario.steps();
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i) instanceof Step.Click c
          && c.target() instanceof Located l
          && l.locate().get(0).equals(selector)) {
        long waited = 0;
        int j = i - 1;
        for (; j >= 0 && (steps.get(j) instanceof Step.Wait || pointerMove(steps.get(j))); j--) {
          waited += steps.get(j) instanceof Step.Wait w ? w.ms() : 0;
        }
        if (j >= 0 && j < i - 1) {
          out.add(new long[] {waited, l.recordedMs() == null ? -1 : l.recordedMs()});
        }
      }
    }
    return out;
  }

  private static boolean pointerMove(Step step) {
    return step instanceof Step.Move m && m.target() instanceof Target.At;
  }

  /** The wait right after each click or double click, by the click's recorded time. */
  private static Map<Long, Long> waitsAfterClicks(Scenario scenario) {
    Map<Long, Long> out = new java.util.TreeMap<>();
    List<Step> steps = scenario.steps();
    for (int i = 1; i < steps.size(); i++) {
      Step before = steps.get(i - 1);
      Located target = before instanceof Step.Click c
          ? (Located) c.target()
          : before instanceof Step.DoubleClick d ? (Located) d.target() : null;
      if (target != null && steps.get(i) instanceof Step.Wait w) {
        out.put(target.recordedMs(), w.ms());
      }
    }
    return out;
  }

  @Test
  public void the_recorded_origin_is_replaced_and_path_query_and_hash_kept() {
    assertEquals(
        Replays.rebase("http://shop.example/a/b?q=1#x", "http://127.0.0.1:8080/ignored"),
        "http://127.0.0.1:8080/a/b?q=1#x");
    assertEquals(
        Replays.rebase("http://shop.example", "http://127.0.0.1:8080"), "http://127.0.0.1:8080/");
    assertEquals(Replays.rebase("http://shop.example/x", null), "http://shop.example/x");
    Scenario scenario = plan(Fixtures.RRWEB, 1, Map.of()).scenarios().get(0);
    assertEquals(scenario.url(), "http://127.0.0.1:9999/products");
    assertEquals(scenario.name(), "session");
    assertEquals(scenario.viewports().get(0).label(), "1280x800");
    assertEquals(scenario.visitors(), 1);
  }

  @Test
  public void a_burst_stays_a_burst_at_recorded_pace() {
    Scenario scenario = plan(Fixtures.RRWEB, 1, Map.of()).scenarios().get(0);
    List<long[]> clicks = gapsBeforeClicksOn(scenario, "#place-order");
    assertEquals(clicks.size(), 4);
    // the three gaps inside the burst, as recorded: well under rage's 1000 ms
    for (long[] gap : clicks.subList(1, 4)) {
      assertTrue(gap[0] > 250 && gap[0] < 1000, "gap " + gap[0]);
    }
  }

  @Test
  public void speed_never_shortens_a_gap_after_a_click_below_its_window() {
    Scenario recorded = plan(Fixtures.RRWEB, 1, Map.of()).scenarios().get(0);
    Scenario fast = plan(Fixtures.RRWEB, 50, Map.of()).scenarios().get(0);
    // the action after a click is never a move dropped in a frame: the same at both speeds
    Map<Long, Long> atPace = waitsAfterClicks(recorded);
    Map<Long, Long> sped = waitsAfterClicks(fast);
    assertEquals(sped.keySet(), atPace.keySet());
    assertTrue(sped.size() > 10, sped.toString());
    sped.forEach((click, wait) -> assertTrue(
        wait >= Math.min(atPace.get(click), WINDOW + Replays.MARGIN_MS),
        "the click at " + click + ": " + wait + " ms after it, " + atPace.get(click)
            + " ms recorded"));
    // the burst is not lengthened: its gaps are under the window already
    assertEquals(
        gapsBeforeClicksOn(fast, "#place-order").stream().map(g -> g[0]).toList(),
        gapsBeforeClicksOn(recorded, "#place-order").stream().map(g -> g[0]).toList());
  }

  @Test
  public void untimed_flows_play_repeated_clicks_as_a_burst_and_others_with_their_window() {
    Scenario scenario = plan(Fixtures.DEVTOOLS, 1, Map.of()).scenarios().get(0);
    List<long[]> burst = gapsBeforeClicksOn(scenario, "role=img[name=\"Canvas Tote\"]");
    assertTrue(burst.isEmpty()); // the first click follows the page load, no wait
    List<Step> steps = scenario.steps();
    int bursts = 0;
    for (int i = 1; i + 1 < steps.size(); i++) {
      if (steps.get(i) instanceof Step.Wait w && steps.get(i - 1) instanceof Step.Click before) {
        Located a = (Located) before.target();
        boolean same = steps.get(i + 1) instanceof Step.Click after
            && ((Located) after.target()).locate().equals(a.locate());
        assertEquals(w.ms(), same ? Replays.BURST_MS : WINDOW + Replays.MARGIN_MS, "step " + i);
        bursts += same ? 1 : 0;
      }
    }
    assertEquals(bursts, 2); // three clicks on Place order
  }

  @Test
  public void a_masked_value_comes_only_from_input_and_is_told_when_missing() {
    Replays.Plan without = plan(Fixtures.RRWEB, 1, Map.of());
    assertEquals(without.notices().size(), 2, without.notices().toString()); // #email and #password
    assertTrue(
        without.notices().get(1).contains("--input '#password=VALUE'"),
        without.notices().get(1));
    Step.Input password = password(without.scenarios().get(0));
    assertNull(password.value());
    assertTrue(password.masked());

    Replays.Plan with = plan(Fixtures.RRWEB, 1, Map.of("#password", "pw-from-cli"));
    assertEquals(password(with.scenarios().get(0)).value(), "pw-from-cli");
    assertTrue(!password(with.scenarios().get(0)).toString().contains("pw-from-cli"));
    String yaml = ScenarioWriter.yaml(with.scenarios().get(0), Map.of());
    assertTrue(!yaml.contains("pw-from-cli"), yaml);
    assertTrue(yaml.contains(ScenarioWriter.MASKED), yaml);
  }

  /** One timed visit of {@code actions} as a scenario's steps, at recorded pace or sped up. */
  private static List<Step> stepsOf(double speed, Action... actions) {
    Visit visit =
        new Visit("1", 0, "http://shop.example/", new Viewport(1280, 800), List.of(actions));
    Recorded recorded = new Recorded(
        java.nio.file.Path.of("moves.json"),
        Format.RRWEB,
        null,
        visit.startUrl(),
        visit.viewport(),
        List.of(visit));
    return Replays.plan(
            List.of(recorded),
            new Replays.Settings("http://127.0.0.1:9999", speed, 10_000, Map.of(), null))
        .scenarios()
        .get(0)
        .steps();
  }

  private static Action.Move move(long at, double x, double y, Position.Origin origin) {
    return new Action.Move(at, null, new Position(x, y, origin));
  }

  @Test
  public void moves_are_played_at_page_points_in_time_order_one_a_frame() {
    Target.Located click = new Target.Located(List.of("#buy"), 700.0, 300.0, 1000L);
    List<Step> steps = stepsOf(
        1,
        new Action.Navigate(0, "http://shop.example/", false),
        new Action.Scroll(100, null, 0, 500),
        move(200, 10, 20, Position.Origin.VIEWPORT), // at the page point 10, 520
        move(210, 11, 21, Position.Origin.VIEWPORT), // 10 ms later: in the same frame, dropped
        move(230, 40, 50, Position.Origin.VIEWPORT),
        // inside an iframe: at that point of the frame its locators find
        new Action.Move(
            260,
            null,
            new Position(5, 5, Position.Origin.FRAME),
            List.of(
                new Locator(Locator.Strategy.ID, "#pay"),
                new Locator(Locator.Strategy.CSS, "iframe[name=\"pay\"]"))),
        move(300, 900, 2400, Position.Origin.PAGE), // heatcheck's own: a page point already
        new Action.Click(
            1000,
            new dev.heatcheck.internal.replay.Target(
                List.of(new Locator(Locator.Strategy.ID, "#buy")),
                "button",
                "Buy",
                null,
                new Position(700, 300, Position.Origin.VIEWPORT)),
            "left"),
        // rrweb sends the moves of the last 500 ms after the click: played before it, by their time
        move(900, 690, 290, Position.Origin.VIEWPORT),
        move(1200, -3, 40, Position.Origin.VIEWPORT)); // off the page (page y 537, x -3)
    List<Object> played = steps.stream()
        .map(s -> s instanceof Step.Move m ? m.target() : s instanceof Step.Wait w ? w.ms() : s)
        .map(o -> o instanceof Step.Click c ? c.target() : o)
        .toList();
    assertEquals(
        played,
        List.of(
            new Step.Scroll(
                new dev.heatcheck.internal.scenario.ScrollTarget.ToY(500),
                steps.get(0).at()),
            100L,
            new Target.At(10, 520),
            30L,
            new Target.At(40, 550),
            30L,
            new Target.InFrame(List.of("#pay", "iframe[name=\"pay\"]"), 5, 5, 260L),
            40L,
            new Target.At(900, 2400),
            600L,
            new Target.At(690, 790),
            100L,
            click),
        played.toString());
  }

  @Test
  public void moves_closer_than_a_frame_as_played_are_one_and_never_lengthen_a_gap() {
    Action[] actions = new Action[12];
    actions[0] = new Action.Navigate(0, "http://shop.example/", false);
    for (int i = 1; i < actions.length; i++) {
      actions[i] = move(50L * i, 10 * i, 10, Position.Origin.PAGE);
    }
    long moves =
        stepsOf(1, actions).stream().filter(s -> s instanceof Step.Move).count();
    long sped = stepsOf(4, actions).stream().filter(s -> s instanceof Step.Move).count();
    assertEquals(moves, 11L); // 50 ms apart: each its own frame
    assertEquals(sped, 6L); // 12 ms apart as played: every other one
    long waited = stepsOf(4, actions).stream()
        .mapToLong(s -> s instanceof Step.Wait w ? w.ms() : 0)
        .sum();
    assertEquals(waited, 125L); // from the first move to the last: 500 ms recorded, at speed 4
  }

  @Test
  public void sped_up_moves_after_a_click_do_not_bring_the_next_click_into_its_window() {
    Action.Click first = new Action.Click(
        0,
        new dev.heatcheck.internal.replay.Target(
            List.of(new Locator(Locator.Strategy.ID, "#a")), "button", "A", null, null),
        "left");
    Action[] actions = new Action[13];
    actions[0] = new Action.Navigate(0, "http://shop.example/", false);
    actions[1] = first;
    for (int i = 1; i <= 10; i++) {
      actions[1 + i] = move(100L * i, 10 * i, 10, Position.Origin.PAGE);
    }
    long next = WINDOW + Replays.MARGIN_MS + 300;
    actions[12] = new Action.Click(next, first.target(), "left");
    long played = stepsOf(4, actions).stream()
        .mapToLong(s -> s instanceof Step.Wait w ? w.ms() : 0)
        .sum();
    assertEquals(played, WINDOW + Replays.MARGIN_MS); // not next / 4: the window stays whole
  }

  @Test
  public void a_hover_is_a_located_step_and_a_written_scenario_reads_all_kinds_back()
      throws java.io.IOException {
    Scenario scenario = plan(Fixtures.DEVTOOLS, 1, Map.of()).scenarios().get(0);
    Step.Move hover = scenario.steps().stream()
        .filter(s -> s instanceof Step.Move)
        .map(s -> (Step.Move) s)
        .findFirst()
        .orElseThrow();
    assertEquals(((Located) hover.target()).locate(), List.of("#reviews"));
    Scenario withPoint = new Scenario(
        scenario.file(),
        scenario.name(),
        scenario.url(),
        scenario.viewports(),
        1,
        List.of(
            hover,
            new Step.Move(new Target.At(412, 1300.5), hover.at()),
            new Step.Move(
                new Target.InFrame(List.of("#pay", "iframe[name=\"pay\"]"), 30, 40.5, 800L),
                hover.at())),
        scenario.expect(),
        List.of(),
        JudgeSettings.none(),
        null,
        List.of(),
        scenario.timeouts(),
        null,
        0);
    String yaml = ScenarioWriter.yaml(withPoint, Map.of());
    assertTrue(yaml.contains("- hover: {locate: [\"#reviews\"]}"), yaml);
    assertTrue(yaml.contains("- hover: {x: 412, y: 1300.5}"), yaml);
    assertTrue(
        yaml.contains(
            "- hover: {frame: [\"#pay\", \"iframe[name=\\\"pay\\\"]\"], x: 30, y: 40.5, recorded: 800}"),
        yaml);
    java.nio.file.Path file = java.nio.file.Files.createTempFile("hover", ".yaml");
    java.nio.file.Files.writeString(file, yaml);
    List<Step> read = dev.heatcheck.internal.scenario.ScenarioLoader.load(file).steps();
    assertEquals(((Step.Move) read.get(0)).target(), hover.target());
    assertEquals(((Step.Move) read.get(1)).target(), new Target.At(412, 1300.5));
    assertEquals(
        ((Step.Move) read.get(2)).target(),
        new Target.InFrame(List.of("#pay", "iframe[name=\"pay\"]"), 30, 40.5, 800L));
  }

  private static Step.Input password(Scenario scenario) {
    return scenario.steps().stream()
        .filter(s -> s instanceof Step.Input i && i.target().locate().get(0).equals("#password"))
        .map(s -> (Step.Input) s)
        .findFirst()
        .orElseThrow();
  }
}
