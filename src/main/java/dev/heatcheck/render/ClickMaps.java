package dev.heatcheck.render;

import dev.heatcheck.analyze.PageStats;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Draws one page's clicks over its screenshot and writes the PNG. */
public final class ClickMaps {
  /** Chromium cannot shoot taller pages in one piece; heatmaps stop there too. */
  private static final int MAX_HEIGHT = 16_384;

  private ClickMaps() {}

  /**
   * @param screenshot the page as it loads at that viewport; without one the clicks are drawn on white
   */
  public static void write(PageStats page, Optional<Path> screenshot, Path file) {
    BufferedImage background = screenshot.filter(Files::isRegularFile).map(Png::read).orElseGet(() -> blank(page));
    DensityGrid grid = new DensityGrid(background.getWidth(), background.getHeight());
    page.points().forEach(p -> grid.add(p[0], p[1]));
    Png.write(Heatmap.draw(background, grid), file);
  }

  private static BufferedImage blank(PageStats page) {
    String[] size = page.key().viewport().split("x");
    int width = parse(size[0], 1280);
    int height = Math.min(MAX_HEIGHT, Math.max(page.docHeight(), parse(size.length > 1 ? size[1] : "", 800)));
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  private static int parse(String number, int fallback) {
    try {
      return Math.max(1, Integer.parseInt(number));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
