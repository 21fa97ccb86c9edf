package dev.heatcheck.internal.scenario;

import dev.heatcheck.internal.scenario.Node.Entry;
import dev.heatcheck.internal.scenario.Node.MapNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a scenario's {@code judge:} section: its reaction windows and rage-click thresholds. */
final class JudgeReader {
  static final int MAX_WINDOW_MS = 60_000;
  private static final int MAX_RAGE_CLICKS = 100;
  private static final int MAX_RAGE_DISTANCE_PX = 10_000;

  private final Problems problems;
  private final Values values;

  JudgeReader(Problems problems, Values values) {
    this.problems = problems;
    this.values = values;
  }

  JudgeSettings read(Node node) {
    if (!(node instanceof MapNode map)) {
      return values.wrong(
          node, "judge", "a map like {windows: {mutation: 2500}, rage: {clicks: 3}}");
    }
    Fields fields = new Fields(map, "judge", List.of("windows", "rage"), problems);
    Map<String, Integer> windows =
        fields.has("windows") ? windows(fields.get("windows")) : Map.of();
    if (!fields.has("rage")) {
      return new JudgeSettings(windows, null, null, null, null);
    }
    if (!(fields.get("rage") instanceof MapNode rage)) {
      values.wrong(
          fields.get("rage"),
          "judge.rage",
          "a map like {clicks: 3, interval: 1000, distance: 30, sameTarget: false}");
      return new JudgeSettings(windows, null, null, null, null);
    }
    Fields rageFields = new Fields(
        rage, "judge.rage", List.of("clicks", "interval", "distance", "sameTarget"), problems);
    return new JudgeSettings(
        windows,
        rageFields.has("clicks")
            ? values.integer(rageFields.get("clicks"), "judge.rage.clicks", 2, MAX_RAGE_CLICKS)
            : null,
        rageFields.has("interval")
            ? values.integer(rageFields.get("interval"), "judge.rage.interval", 1, MAX_WINDOW_MS)
            : null,
        rageFields.has("distance")
            ? values.number(
                rageFields.get("distance"), "judge.rage.distance", 0, MAX_RAGE_DISTANCE_PX)
            : null,
        rageFields.has("sameTarget")
            ? values.bool(rageFields.get("sameTarget"), "judge.rage.sameTarget")
            : null);
  }

  private Map<String, Integer> windows(Node node) {
    if (!(node instanceof MapNode map)) {
      values.wrong(
          node, "judge.windows", "a map of milliseconds like {mutation: 2500, request: 1000}");
      return Map.of();
    }
    new Fields(map, "judge.windows", JudgeSettings.WINDOWS, problems);
    Map<String, Integer> windows = new LinkedHashMap<>();
    for (Entry entry : map.entries()) {
      if (JudgeSettings.WINDOWS.contains(entry.key())) {
        Integer ms =
            values.integer(entry.value(), "judge.windows." + entry.key(), 0, MAX_WINDOW_MS);
        if (ms != null) {
          windows.put(entry.key(), ms);
        }
      }
    }
    return windows;
  }
}
