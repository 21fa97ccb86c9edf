package dev.heatcheck.internal.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/** Puts maps of the same page side by side under their labels, for variants compared by eye. */
public final class SideBySide {
  private static final int GAP = 24;
  private static final int LABEL = 36;

  private SideBySide() {}

  public record Panel(String label, Path image) {}

  public static void write(List<Panel> panels, Path file) {
    List<BufferedImage> images = panels.stream().map(p -> Png.read(p.image())).toList();
    int width = images.stream().mapToInt(BufferedImage::getWidth).sum() + GAP * (images.size() + 1);
    int height = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1) + LABEL + GAP;
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    int x = GAP;
    for (int i = 0; i < images.size(); i++) {
      g.setColor(new Color(33, 33, 33));
      g.drawString(panels.get(i).label(), x, LABEL - 10);
      g.drawImage(images.get(i), x, LABEL, null);
      x += images.get(i).getWidth() + GAP;
    }
    g.dispose();
    Png.write(out, file);
  }
}
