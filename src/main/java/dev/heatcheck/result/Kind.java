package dev.heatcheck.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What makes a click friction: no reaction (dead), a burst of rapid clicks (rage), an error after it. */
public enum Kind {
  DEAD,
  RAGE,
  ERROR;

  /** "dead", "rage" or "error": the word in summary.json, in scenario rules and on the maps. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The id, so a kind reads the same in every message and table. */
  @Override
  public String toString() {
    return id();
  }

  /** The kind an {@link #id()} names. */
  @JsonCreator
  public static Kind of(String id) {
    for (Kind kind : values()) {
      if (kind.id().equals(id)) {
        return kind;
      }
    }
    throw new HeatcheckException("unknown kind \"" + id + "\"; expected dead, rage or error");
  }
}
