package dev.heatcheck.internal.analyze;

import dev.heatcheck.internal.events.EffectKind;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.scenario.JudgeSettings;
import java.util.EnumMap;
import java.util.Locale;
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
 * @param rageSameTarget whether the clicks of a rage click must all be on one element (Datadog's way)
 */
public record Rules(
    Map<EffectKind, Long> windows,
    int rageClicks,
    long rageGapMs,
    double rageDistancePx,
    long errorWindowMs,
    boolean rageSameTarget) {
  /** The name of the error window among a scenario's {@code judge.windows}. */
  public static final String ERROR_WINDOW = "error";

  public Rules {
    windows = Map.copyOf(windows);
  }

  public Rules(
      Map<EffectKind, Long> windows,
      int rageClicks,
      long rageGapMs,
      double rageDistancePx,
      long errorWindowMs) {
    this(windows, rageClicks, rageGapMs, rageDistancePx, errorWindowMs, false);
  }

  /** The defaults a scenario's {@code judge:} settings start from (see {@link JudgeSettings#DEFAULT_WINDOWS}). */
  public static Rules defaults() {
    Map<EffectKind, Long> windows = new EnumMap<>(EffectKind.class);
    JudgeSettings.DEFAULT_WINDOWS.forEach((window, ms) -> {
      EffectKind kind = kind(window);
      if (kind != null) {
        windows.put(kind, ms);
      }
    });
    return new Rules(windows, 3, 1_000, 30, JudgeSettings.DEFAULT_WINDOWS.get(ERROR_WINDOW), false);
  }

  /**
   * These rules with a scenario's own settings over them; what the settings leave out stays. A window
   * of a kind this version does not know is passed over.
   */
  public Rules with(Event.Judging judging) {
    if (judging == null) {
      return this;
    }
    Map<EffectKind, Long> merged = new EnumMap<>(EffectKind.class);
    merged.putAll(windows);
    long error = errorWindowMs;
    if (judging.windows() != null) {
      for (Map.Entry<String, Long> window : judging.windows().entrySet()) {
        if (window.getValue() == null) {
          continue;
        }
        if (ERROR_WINDOW.equals(window.getKey())) {
          error = window.getValue();
        } else {
          EffectKind kind = kind(window.getKey());
          if (kind != null) {
            merged.put(kind, window.getValue());
          }
        }
      }
    }
    Event.Judging.Rage rage = judging.rage();
    if (rage == null) {
      return new Rules(merged, rageClicks, rageGapMs, rageDistancePx, error, rageSameTarget);
    }
    return new Rules(
        merged,
        rage.clicks() == null ? rageClicks : rage.clicks(),
        rage.interval() == null ? rageGapMs : rage.interval(),
        rage.distance() == null ? rageDistancePx : rage.distance(),
        error,
        rage.sameTarget() == null ? rageSameTarget : rage.sameTarget());
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

  private static EffectKind kind(String id) {
    try {
      return EffectKind.valueOf(id.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
