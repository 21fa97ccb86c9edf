package dev.heatcheck.internal.report;

import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.files.AtomicFile;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.nio.file.Path;

/** Writes and reads summary.json. */
public final class SummaryFile {
  public static final String NAME = "summary.json";

  private SummaryFile() {}

  public static Path write(Summary summary, Path dir) {
    Path file = dir.resolve(NAME);
    try {
      // Jackson's UTF-8 output writes half of a surrogate pair as a \\u escape, so page text cannot
      // break it
      return AtomicFile.write(
          file, out -> Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, summary));
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
