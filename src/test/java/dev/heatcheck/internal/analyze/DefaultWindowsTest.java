package dev.heatcheck.internal.analyze;

import static org.testng.Assert.assertEquals;

import dev.heatcheck.internal.events.EffectKind;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.scenario.JudgeSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.testng.annotations.Test;

/**
 * The judge windows' defaults live with the scenario, where the driver reads how long to keep watching
 * after a click; the analysis starts from the same values, so the two cannot drift apart.
 */
public class DefaultWindowsTest {
  @Test
  public void the_analysis_starts_from_the_scenario_defaults() {
    Rules rules = Rules.defaults();
    JudgeSettings.DEFAULT_WINDOWS.forEach((window, ms) -> assertEquals(
        window.equals(Rules.ERROR_WINDOW)
            ? rules.errorWindowMs()
            : rules.windows().get(EffectKind.valueOf(window.toUpperCase(Locale.ROOT))),
        ms,
        window));
    assertEquals(rules.windows().size(), JudgeSettings.DEFAULT_WINDOWS.size() - 1);
    assertEquals(JudgeSettings.DEFAULT_WINDOWS.get("mutation"), 2_500L);
  }

  @Test
  public void the_driver_watches_as_long_as_the_analysis_waits() {
    for (Map<String, Integer> windows : List.of(
        Map.<String, Integer>of(),
        Map.of("mutation", 4_000),
        Map.of("error", 6_000),
        Map.of("mutation", 500),
        Map.of(
            "mutation",
            300,
            "focus",
            200,
            "request",
            200,
            "navigation",
            200,
            "dialog",
            200,
            "popup",
            200,
            "download",
            200,
            "error",
            200))) {
      JudgeSettings settings = new JudgeSettings(windows, null, null, null, null);
      Map<String, Long> asLong = new HashMap<>();
      windows.forEach((window, ms) -> asLong.put(window, ms.longValue()));
      assertEquals(
          settings.longestWindow(),
          Rules.defaults().with(new Event.Judging(asLong, null)).longestWindow(),
          windows.toString());
    }
    assertEquals(JudgeSettings.none().longestWindow(), 2_500);
    assertEquals(
        new JudgeSettings(Map.of("error", 6_000), null, null, null, null).longestWindow(), 6_000);
  }
}
