package dev.heatcheck.internal.report;

import dev.heatcheck.HeatcheckException;
import dev.heatcheck.internal.events.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes and reads summary.json. */
public final class SummaryFile {
  public static final String NAME = "summary.json";

  private SummaryFile() {}

  public static Path write(Summary summary, Path dir) {
    Path file = dir.resolve(NAME);
    Path partial = dir.resolve(NAME + ".partial");
    try {
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), summary);
      return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new HeatcheckException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public static Summary read(Path file) {
    try {
      return Json.mapper().readValue(file.toFile(), Summary.class);
    } catch (IOException e) {
      throw new HeatcheckException(file + ": not a heatcheck summary: " + e.getMessage(), e);
    }
  }
}
