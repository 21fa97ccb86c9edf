package dev.heatcheck.internal.scenario;

import java.util.Objects;

/** One thing wrong with a scenario file, where it is and what would be right. */
public record Problem(Location at, String message) {
  public Problem {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return at + ": " + message;
  }
}
