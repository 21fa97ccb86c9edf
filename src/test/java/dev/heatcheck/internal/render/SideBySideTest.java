package dev.heatcheck.internal.render;

import static dev.heatcheck.testing.Pixels.filled;
import static org.testng.Assert.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

public class SideBySideTest {
  @Test
  public void panels_stand_next_to_each_other_below_their_labels() throws IOException {
    Path dir = Files.createTempDirectory("heatcheck-side");
    Png.write(filled(100, 80, Color.RED), dir.resolve("a.png"));
    Png.write(filled(60, 120, Color.BLUE), dir.resolve("b.png"));

    SideBySide.write(
        List.of(
            new SideBySide.Panel("A", dir.resolve("a.png")),
            new SideBySide.Panel("B", dir.resolve("b.png"))),
        dir.resolve("both.png"));

    BufferedImage both = Png.read(dir.resolve("both.png"));
    assertEquals(both.getWidth(), 24 + 100 + 24 + 60 + 24);
    assertEquals(both.getHeight(), 36 + 120 + 24);
    assertEquals(both.getRGB(24 + 50, 36 + 40) & 0xffffff, 0xff0000, "A's map on the left");
    assertEquals(
        both.getRGB(24 + 100 + 24 + 30, 36 + 60) & 0xffffff, 0x0000ff, "B's map on the right");
  }
}
