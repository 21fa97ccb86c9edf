package dev.heatcheck.internal.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes an output file completely or not at all: the bytes go to a temporary name in the same
 * folder, which is moved over the real name only once they are all written. A writer that fails
 * midway, or a process killed midway, leaves the previous file as it was and no partial one; a CI
 * step that reads summary.json or junit.xml never sees half of it.
 */
public final class AtomicFile {
  /** What writes the file's content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /** Writes {@code file}, creating its folders. */
  public static Path write(Path file, Content content) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    // not Files.createTempFile: its owner-only permissions would stay on the moved file
    Path temp =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW))) {
        content.writeTo(out);
      }
      moveIntoPlace(temp, target);
      return file;
    } finally {
      // gone already after a successful move; after any failure it must not be left behind
      deleteQuietly(temp);
    }
  }

  /** Writes {@code text} as UTF-8; text that UTF-8 cannot hold (half of a surrogate pair) fails before anything is replaced. */
  public static Path writeString(Path file, String text) throws IOException {
    return write(file, out -> out.write(utf8(text)));
  }

  private static byte[] utf8(String text) throws IOException {
    // String.getBytes would silently write '?' for what cannot be encoded
    ByteBuffer bytes;
    try {
      bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
    } catch (CharacterCodingException e) {
      throw new IOException(
          "the text holds half of a character (a lone surrogate), which UTF-8 cannot store", e);
    }
    byte[] out = new byte[bytes.remaining()];
    bytes.get(out);
    return out;
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // only litter is at stake; the write's own outcome is what the caller needs
    }
  }
}
