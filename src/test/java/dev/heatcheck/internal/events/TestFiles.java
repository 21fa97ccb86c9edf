package dev.heatcheck.internal.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scratch folders and byte searches for the event file tests. */
final class TestFiles {
  private TestFiles() {}

  static Path tempDir() {
    try {
      return Files.createTempDirectory("heatcheck-events-test");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Where {@code needle} first starts in {@code haystack}; fails the test when it is not there. */
  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
