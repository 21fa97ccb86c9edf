package dev.heatcheck.analyze;

import dev.heatcheck.events.EffectKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * How clicks are judged. The defaults are the market's: PostHog's dead-click windows and rage-click
 * thresholds, and Datadog's error click (an error soon after the click).
 *
 * @param windows how long after a click each kind of reaction still counts as its answer (ms)
 * @param rageClicks how many clicks make a rage click
 * @param rageGapMs the longest gap between two clicks of one rage click
 * @param rageDistancePx the farthest (Manhattan) a click of a rage click lands from the one before
 * @param errorWindowMs how long after a click an error is blamed on it
 */
public record Rules(
    Map<EffectKind, Long> windows, int rageClicks, long rageGapMs, double rageDistancePx, long errorWindowMs) {
  public Rules {
    windows = Map.copyOf(windows);
  }

  public static Rules defaults() {
    Map<EffectKind, Long> windows = new EnumMap<>(EffectKind.class);
    windows.put(EffectKind.MUTATION, 2_500L);
    windows.put(EffectKind.SCROLL, 100L);
    windows.put(EffectKind.SELECTION, 100L);
    windows.put(EffectKind.FOCUS, 1_000L);
    for (EffectKind kind : new EffectKind[] {EffectKind.NAVIGATION, EffectKind.REQUEST, EffectKind.DIALOG,
        EffectKind.POPUP, EffectKind.DOWNLOAD}) {
      windows.put(kind, 1_000L);
    }
    return new Rules(windows, 3, 1_000, 30, 1_000);
  }

  long window(EffectKind kind) {
    return windows.getOrDefault(kind, 0L);
  }

  /** The longest any reaction is waited for: how long to keep watching after the last click. */
  public long longestWindow() {
    long longest = errorWindowMs;
    for (long window : windows.values()) {
      longest = Math.max(longest, window);
    }
    return longest;
  }
}
