package dev.heatcheck.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which side of its limit and warn level a check fails on: above a {@code max}, or below a {@code min}. */
public enum Bound {
  MAX("above"),
  MIN("below");

  private final String side;

  Bound(String side) {
    this.side = side;
  }

  /** "above" or "below". */
  public String side() {
    return side;
  }

  /** "max" or "min", the key the scenario writes. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The id, so a bound reads the same in every message as in summary.json. */
  @Override
  public String toString() {
    return id();
  }

  @JsonCreator
  public static Bound of(String id) {
    for (Bound bound : values()) {
      if (bound.id().equals(id)) {
        return bound;
      }
    }
    throw new HeatcheckException("unknown bound \"" + id + "\"; expected max or min");
  }
}
