package dev.heatcheck.internal.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's own way of judging its clicks ({@code judge:}); null or absent entries keep heatcheck's
 * defaults (PostHog's windows and rage thresholds).
 *
 * @param windows ms after a click that a reaction of each kind (see {@link #WINDOWS}) still answers it
 * @param rageClicks how many clicks make a rage click
 * @param rageInterval the longest gap between two clicks of a rage click, ms
 * @param rageDistance the farthest (Manhattan, px) a click of a rage click lands from the one before
 * @param rageSameTarget whether a rage click's clicks must all be on one element
 */
public record JudgeSettings(
    Map<String, Integer> windows,
    Integer rageClicks,
    Integer rageInterval,
    Double rageDistance,
    Boolean rageSameTarget) {
  /** The reactions that have a window, and "error" for error clicks. */
  public static final List<String> WINDOWS = List.of(
      "mutation",
      "scroll",
      "selection",
      "focus",
      "request",
      "navigation",
      "dialog",
      "popup",
      "download",
      "error");

  /**
   * heatcheck's windows where a scenario sets none, ms: PostHog's dead-click windows (mutation 2.5 s,
   * scroll and selection 100 ms, focus 1 s), 1 s for what only a browser sees, and Datadog's 1 s for
   * an error after a click.
   */
  public static final Map<String, Long> DEFAULT_WINDOWS = defaultWindows();

  private static final JudgeSettings NONE = new JudgeSettings(Map.of(), null, null, null, null);

  public JudgeSettings {
    windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
  }

  public static JudgeSettings none() {
    return NONE;
  }

  /**
   * The longest any reaction is waited for with these settings over the defaults: how long to keep
   * watching after a visitor's last click.
   */
  public long longestWindow() {
    long longest = 0;
    for (String window : WINDOWS) {
      Integer own = windows.get(window);
      longest = Math.max(longest, own != null ? own : DEFAULT_WINDOWS.get(window));
    }
    return longest;
  }

  private static Map<String, Long> defaultWindows() {
    Map<String, Long> windows = new LinkedHashMap<>();
    for (String window : WINDOWS) {
      windows.put(
          window,
          switch (window) {
            case "mutation" -> 2_500L;
            case "scroll", "selection" -> 100L;
            default -> 1_000L;
          });
    }
    return Collections.unmodifiableMap(windows);
  }

  /** Nothing set: the defaults hold. */
  public boolean isDefault() {
    return windows.isEmpty()
        && rageClicks == null
        && rageInterval == null
        && rageDistance == null
        && rageSameTarget == null;
  }
}
