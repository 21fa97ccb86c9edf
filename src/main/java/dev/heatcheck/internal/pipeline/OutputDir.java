package dev.heatcheck.internal.pipeline;

import dev.heatcheck.HeatcheckException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a run writes: {@code reports/<timestamp>/} by default, with {@code reports/latest} pointing at it. */
public final class OutputDir {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

  private OutputDir() {}

  /** A new folder named for now under {@code root}; a second run in the same second gets a suffix. */
  public static Path timestamped(Path root) {
    String stamp = LocalDateTime.now().format(STAMP);
    Path dir = root.resolve(stamp);
    for (int n = 2; Files.exists(dir); n++) {
      dir = root.resolve(stamp + "-" + n);
    }
    return create(dir);
  }

  public static Path create(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new HeatcheckException("--out: cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Points {@code root/latest} at {@code dir}; where links are not allowed, writes its name to latest.txt. */
  public static void pointLatest(Path root, Path dir) {
    Path latest = root.resolve("latest");
    try {
      Files.deleteIfExists(latest);
      Files.createSymbolicLink(latest, latest.getParent().toAbsolutePath().relativize(dir.toAbsolutePath()));
    } catch (IOException | UnsupportedOperationException e) {
      try {
        Files.writeString(root.resolve("latest.txt"), dir.getFileName() + System.lineSeparator());
      } catch (IOException ignored) {
        // the run's own folder is complete; only the shortcut to it is missing
      }
    }
  }
}
