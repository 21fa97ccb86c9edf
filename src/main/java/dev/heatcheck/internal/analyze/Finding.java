package dev.heatcheck.internal.analyze;

import java.util.Locale;

/**
 * Friction on one target: how many dead or error clicks it got, or how many rage clicks (bursts).
 *
 * @param text the target's short text, to recognise it by in a report
 * @param signal what was missing or what happened (e.g. the error message), for the report
 */
public record Finding(
    Kind kind, String scenario, String page, String viewport, String selector, String text, int count, String signal) {
  public enum Kind {
    DEAD,
    RAGE,
    ERROR;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
