package dev.heatcheck.internal.render;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.heatcheck.result.HeatcheckException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class PngTest {
  private Path dir;

  @BeforeMethod
  public void createFolder() throws IOException {
    dir = Files.createTempDirectory("heatcheck-png");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteFolder() throws IOException {
    deleteRecursively(dir);
  }

  @Test
  public void writes_pixels_that_read_back_unchanged() throws IOException {
    BufferedImage image = sampleImage();
    Path file = dir.resolve("sample.png");

    Png.write(image, file);

    assertSamePixels(Png.read(file), image);
    // a second decoder, so the file is valid PNG and not only readable by the library that wrote it
    assertSamePixels(ImageIO.read(file.toFile()), image);
  }

  @Test
  public void creates_missing_folders_and_leaves_no_temporary_file() throws IOException {
    Path file = dir.resolve("a/b/heatmap.png");

    Png.write(sampleImage(), file);

    assertTrue(Files.isRegularFile(file));
    assertEquals(fileNames(file.getParent()), List.of("heatmap.png"));
  }

  @Test
  public void replaces_an_existing_file() throws IOException {
    Path file = dir.resolve("heatmap.png");
    Files.writeString(file, "old");

    Png.write(sampleImage(), file);

    assertSamePixels(Png.read(file), sampleImage());
    assertEquals(fileNames(dir), List.of("heatmap.png"));
  }

  @Test
  public void fails_to_write_with_a_message_naming_the_file() throws IOException {
    Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
    Path file = dir.resolve("blocker/heatmap.png");

    HeatcheckException e =
        expectThrows(HeatcheckException.class, () -> Png.write(sampleImage(), file));

    assertTrue(e.getMessage().contains("blocker/heatmap.png"), e.getMessage());
  }

  @Test
  public void refuses_a_file_that_is_not_a_png_with_a_one_line_message_naming_it()
      throws IOException {
    Path file = dir.resolve("notes-not-a-png.png");
    Files.writeString(file, "just some text\nover two lines\n", StandardCharsets.UTF_8);

    HeatcheckException e = expectThrows(HeatcheckException.class, () -> Png.read(file));

    assertTrue(e.getMessage().contains("notes-not-a-png.png"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  public void fails_to_read_a_missing_file_with_a_message_naming_it() {
    Path file = dir.resolve("missing.png");

    HeatcheckException e = expectThrows(HeatcheckException.class, () -> Png.read(file));

    assertTrue(e.getMessage().contains("missing.png"), e.getMessage());
  }

  private static BufferedImage sampleImage() {
    BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 7; x++) {
        image.setRGB(x, y, (x * 36) << 16 | (y * 60) << 8 | (x + y) * 20);
      }
    }
    return image;
  }

  private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
    assertEquals(actual.getWidth(), expected.getWidth());
    assertEquals(actual.getHeight(), expected.getHeight());
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        assertEquals(
            Integer.toHexString(actual.getRGB(x, y)),
            Integer.toHexString(expected.getRGB(x, y)),
            "pixel (" + x + ", " + y + ")");
      }
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static List<String> fileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
