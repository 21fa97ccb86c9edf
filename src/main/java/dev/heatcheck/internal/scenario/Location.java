package dev.heatcheck.internal.scenario;

import java.nio.file.Path;
import java.util.Objects;

/** A place in a scenario file, 1-based as a text editor shows it, so messages can be clicked in an IDE or CI log. */
public record Location(Path file, int line, int column) {
  public Location {
    Objects.requireNonNull(file, "file");
  }

  /** Where problems about a whole file (or folder) point: its start, so every problem has the same shape. */
  public static Location startOf(Path file) {
    return new Location(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
