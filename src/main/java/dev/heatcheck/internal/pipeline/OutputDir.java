package dev.heatcheck.internal.pipeline;

import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Where a run writes: {@code reports/<timestamp>/} by default, with {@code reports/latest} pointing at it. */
public final class OutputDir {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

  private OutputDir() {}

  /**
   * A new folder named for now under {@code root}, which no other run shares: a second run in the same
   * second gets a suffix ({@code -2}, {@code -3}, ...). The folder is made by the call that claims the
   * name, so two runs started at once cannot both take it.
   */
  public static Path timestamped(Path root) {
    create(root);
    String stamp = LocalDateTime.now().format(STAMP);
    for (int n = 1; ; n++) {
      Path dir = root.resolve(n == 1 ? stamp : stamp + "-" + n);
      try {
        return Files.createDirectory(dir);
      } catch (FileAlreadyExistsException taken) {
        // another run has this one: try the next suffix
      } catch (IOException e) {
        throw new HeatcheckException("cannot create " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  public static Path create(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new HeatcheckException("--out: cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Points {@code root/latest} at {@code dir}; where links are not allowed, writes its name to latest.txt.
   * The new link is made beside it and renamed over it, so {@code latest} is never missing and two runs
   * ending at once leave it pointing at one of them.
   */
  public static void pointLatest(Path root, Path dir) {
    Path latest = root.resolve("latest");
    Path fresh = root.resolve(".latest-" + UUID.randomUUID());
    try {
      Files.createSymbolicLink(fresh, root.toAbsolutePath().relativize(dir.toAbsolutePath()));
      Files.move(
          fresh, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | UnsupportedOperationException e) {
      deleteQuietly(fresh);
      writeLatestTxt(root, dir);
    }
  }

  private static void writeLatestTxt(Path root, Path dir) {
    Path fresh = root.resolve(".latest-" + UUID.randomUUID() + ".txt");
    try {
      Files.writeString(fresh, dir.getFileName() + System.lineSeparator());
      Files.move(
          fresh,
          root.resolve("latest.txt"),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException ignored) {
      // the run's own folder is complete; only the shortcut to it is missing
      deleteQuietly(fresh);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stray temporary name in reports/ is harmless
    }
  }
}
