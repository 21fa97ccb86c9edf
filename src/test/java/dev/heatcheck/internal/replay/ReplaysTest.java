package dev.heatcheck.internal.replay;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.scenario.JudgeSettings;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.Step;
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

  /** The waits between steps, each with the step after it. */
  private static List<long[]> gapsBeforeClicksOn(Scenario scenario, String selector) {
    List<long[]> out = new ArrayList<>();
    List<Step> steps = scenario.steps();
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i) instanceof Step.Click c
          && c.target() instanceof Located l
          && l.locate().get(0).equals(selector)
          && steps.get(i - 1) instanceof Step.Wait w) {
        out.add(new long[] {w.ms(), l.recordedMs() == null ? -1 : l.recordedMs()});
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
    assertEquals(recorded.steps().size(), fast.steps().size());
    for (int i = 1; i < fast.steps().size(); i++) {
      if (fast.steps().get(i) instanceof Step.Wait w
          && (fast.steps().get(i - 1) instanceof Step.Click
              || fast.steps().get(i - 1) instanceof Step.DoubleClick)) {
        long atPace = ((Step.Wait) recorded.steps().get(i)).ms();
        assertTrue(
            w.ms() >= Math.min(atPace, WINDOW + Replays.MARGIN_MS),
            "step " + i + ": " + w.ms() + " ms after a click, " + atPace + " ms recorded");
      }
    }
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

  private static Step.Input password(Scenario scenario) {
    return scenario.steps().stream()
        .filter(s -> s instanceof Step.Input i && i.target().locate().get(0).equals("#password"))
        .map(s -> (Step.Input) s)
        .findFirst()
        .orElseThrow();
  }
}
