package dev.heatcheck.internal.files;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.testng.annotations.Test;

public class AtomicFileTest {

  @Test
  public void a_writer_that_fails_midway_leaves_the_previous_file_and_no_partial_one()
      throws IOException {
    Path dir = Files.createTempDirectory("heatcheck-atomic");
    Path file = AtomicFile.writeString(dir.resolve("summary.json"), "{\"version\": 1}\n");

    IOException e = expectThrows(
        IOException.class,
        () -> AtomicFile.write(file, out -> {
          out.write("{\"version\": 2, \"checks\": [".getBytes(StandardCharsets.UTF_8));
          out.flush();
          throw new IOException("disk full");
        }));

    assertEquals(e.getMessage(), "disk full");
    assertEquals(Files.readString(file), "{\"version\": 1}\n");
    assertEquals(names(dir), List.of("summary.json"));
  }

  @Test
  public void a_runtime_failure_midway_leaves_no_partial_file_either() throws IOException {
    Path dir = Files.createTempDirectory("heatcheck-atomic");
    Path file = dir.resolve("junit.xml");

    expectThrows(
        IllegalStateException.class,
        () -> AtomicFile.write(file, out -> {
          out.write(new byte[100_000]);
          throw new IllegalStateException("a bug in a writer");
        }));

    assertEquals(names(dir), List.of());
  }

  @Test
  public void text_utf8_cannot_store_fails_before_anything_is_replaced() throws IOException {
    Path dir = Files.createTempDirectory("heatcheck-atomic");
    Path file = AtomicFile.writeString(dir.resolve("index.html"), "<p>before</p>");

    IOException e = expectThrows(
        IOException.class, () -> AtomicFile.writeString(file, "<p>half an emoji \uD83D</p>"));

    assertEquals(
        e.getMessage(),
        "the text holds half of a character (a lone surrogate), which UTF-8 cannot store");
    assertEquals(Files.readString(file), "<p>before</p>");
    assertEquals(names(dir), List.of("index.html"));
  }

  @Test
  public void replaces_the_file_whole_and_creates_its_folders() throws IOException {
    Path dir = Files.createTempDirectory("heatcheck-atomic");
    Path file = dir.resolve("variants/a/compare.json");
    AtomicFile.writeString(file, "a much longer first version of the file\n");

    AtomicFile.writeString(file, "short\n");

    assertEquals(Files.readString(file), "short\n");
    assertEquals(names(file.getParent()), List.of("compare.json"));
    assertTrue(Files.isDirectory(dir.resolve("variants/a")));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
