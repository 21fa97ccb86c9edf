package dev.heatcheck.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A check's verdict: it held ({@code PASS}), held but crossed its warn level ({@code WARN}), crossed its
 * limit ({@code FAIL}), or could not be evaluated in this run ({@code SKIP}). Only {@code FAIL} fails.
 */
public enum Level {
  PASS,
  WARN,
  FAIL,
  SKIP;

  /** "pass", "warn", "fail" or "skip", as summary.json writes it. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The id, so a level reads the same in every message as in summary.json. */
  @Override
  public String toString() {
    return id();
  }

  @JsonCreator
  public static Level of(String id) {
    for (Level level : values()) {
      if (level.id().equals(id)) {
        return level;
      }
    }
    throw new HeatcheckException("unknown level \"" + id + "\"; expected pass, warn, fail or skip");
  }
}
